#!/usr/bin/env bash
# Regenerates examples/istanbul-talks.dot and examples/istanbul-talks.svg from the
# sample article. Needs Graphviz (`dot`).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release
target/release/kg extract examples/istanbul-talks.txt --date 2025-05-15 --format dot -o examples/istanbul-talks.dot
dot -Tsvg examples/istanbul-talks.dot -o examples/istanbul-talks.svg
echo "wrote examples/istanbul-talks.dot and examples/istanbul-talks.svg"
