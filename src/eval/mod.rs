//! `kg eval`'s engine: the scoring rules of the shared evaluation (score.py) in Rust,
//! so that its figures can be reproduced without Python and on any annotated articles.
//!
//! * [`gold`] finds and reads the gold annotations;
//! * [`mapping`] matches system nodes to gold entities;
//! * [`score`] counts one document;
//! * [`report`] totals, computes P/R/F1 and prints score.py's table or JSON;
//! * [`command`] runs an external system through the shell (`--cmd`);
//! * `norm`, `py` and `pyjson` hold the name normalisation, the Python value semantics
//!   the rules rest on, and Python's JSON error messages.

pub mod command;
pub mod gold;
pub mod mapping;
mod norm;
mod py;
mod pyjson;
pub mod report;
pub mod score;

pub use gold::{gold_files, GoldDoc};
pub use report::{evaluate, to_json, to_text};
