//! The text as the rules read it: the article, with the readings that undo how it was
//! typeset, and the map back to the article's own offsets.
//!
//! In order: a hard-wrapped text is read with its paragraphs joined ([`super::unwrapped`]),
//! names printed in capitals before an office in title case ([`super::recased`]), both
//! byte for byte; then runs of blanks as one space ([`super::compacted`]), the one
//! reading that moves offsets, which keeps a map. Most news needs none of them, and is
//! read as it is, without a copy.

use super::{compacted, recased, unwrapped, OffsetMap};

/// The text read and the map from its offsets to the article's; `None` when the
/// article is read as it is.
pub fn reading(original: &str) -> Option<(String, OffsetMap)> {
    let joined = unwrapped(original);
    let recased = recased(joined.as_deref().unwrap_or(original));
    let changed = recased.or(joined);
    match compacted(changed.as_deref().unwrap_or(original)) {
        Some((text, offsets)) => Some((text, offsets)),
        None => changed.map(|text| (text, OffsetMap::default())),
    }
}
