//! Nicknames in quotes inside a name: José "Pepe" Mujica.

use super::{adjacent, name_token};
use crate::analysis::Analysis;

/// A nickname in quotes at token `i`, inside a name: `"Pepe"` between a first name and
/// a surname (straight or curly quotes, one capitalised word).
pub(super) fn nickname_at(a: &Analysis, i: usize, sent_end: usize) -> bool {
    i + 3 < sent_end
        && matches!(a.word(i), "\"" | "\u{201c}")
        && adjacent(a, i)
        && name_token(a, i + 1)
        && matches!(a.word(i + 2), "\"" | "\u{201d}")
        && a.toks[i + 1].span.start == a.toks[i].span.end
        && a.toks[i + 2].span.start == a.toks[i + 1].span.end
        && name_token(a, i + 3)
        && adjacent(a, i + 3)
}

/// A name as it is called: the words of `name` without a quoted nickname, and the
/// nickname ("José Mujica" and "Pepe" of `José "Pepe" Mujica`).
pub(super) fn without_nickname(name: &str) -> (String, Option<&str>) {
    let Some(open) = name.find(['"', '\u{201c}']) else { return (name.to_string(), None) };
    let after = &name[open + 1..];
    let Some(close) = after.find(['"', '\u{201d}']) else { return (name.to_string(), None) };
    let nick = &after[..close];
    let rest = &after[close + 1..];
    (format!("{}{}", name[..open].trim_end(), rest), Some(nick))
}
