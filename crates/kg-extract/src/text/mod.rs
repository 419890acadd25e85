//! Text analysis that later stages share: sentences and tokens with byte offsets into
//! the original article, accent folding and slugs.

mod fold;
mod segment;
mod word_set;

pub use fold::{fold, push_slug, slug, translit_key, translit_key_of_folded};
pub use segment::{segment, segment_into, Sentence, Token, MAX_SENTENCE_BYTES, MAX_SENTENCE_TOKENS};
pub use word_set::{WordSet, Words};
