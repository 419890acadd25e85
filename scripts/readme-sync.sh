#!/usr/bin/env bash
# Refreshes the real output quoted in README.md (between the <!-- NAME:start --> and
# <!-- NAME:end --> markers) from the current release build.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
kg=target/release/kg
sample=(examples/istanbul-talks.txt --date 2025-05-15)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ echo '```'; echo "\$ kg extract examples/istanbul-talks.txt --date 2025-05-15"; "$kg" extract "${sample[@]}" --format text | head -n 60; echo '…'; echo '```'; } > "$tmp/sample-text"
{ echo '```json'; "$kg" extract "${sample[@]}" --format json | python3 -c '
import json, sys
g = json.load(sys.stdin)
g["nodes"] = [n for n in g["nodes"] if n["id"] in ("person:volodymyr-zelenskyy", "country:ua")]
g["edges"] = [e for e in g["edges"] if e["relation"] == "met_with"][:1]
print(json.dumps(g, indent=2, ensure_ascii=False))'; echo '```'; } > "$tmp/sample-json"
if [ -d ../shared/corpus/dev ]; then
  { echo '```'; echo '$ kg eval --gold ../shared/corpus/dev'; "$kg" eval --gold ../shared/corpus/dev; echo '```'; } > "$tmp/eval"
fi
{
  for q in "met Zelenskyy" "delegations" "path Fidan Umerov" "met Zelenskky"; do
    echo "\$ kg query examples/istanbul-talks.txt --date 2025-05-15 $q"
    # shellcheck disable=SC2086
    "$kg" query "${sample[@]}" $q 2>&1 || true
    echo
  done
} > "$tmp/queries-body"
{ echo '```'; sed '$d' "$tmp/queries-body"; echo '```'; } > "$tmp/queries"
python3 - "$tmp" <<'PY'
import pathlib, re, sys
tmp = pathlib.Path(sys.argv[1])
readme = pathlib.Path("README.md")
text = readme.read_text()
for part in ("sample-text", "sample-json", "eval", "queries"):
    f = tmp / part
    if not f.exists():
        continue
    body = f.read_text().rstrip("\n")
    text = re.sub(rf"(<!-- {part}:start -->\n).*?(<!-- {part}:end -->)", lambda m: m.group(1) + body + "\n" + m.group(2), text, flags=re.S)
readme.write_text(text)
PY
