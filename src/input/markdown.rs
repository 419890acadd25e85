//! Markdown read as the text it shows, byte for byte.
//!
//! Articles saved by readers, scrapers and note tools come as Markdown: `**Sergei
//! Lavrov**`, `[Turkish Foreign Minister Hakan Fidan](https://...)`, `# Headline`,
//! `> quotes`. The markup cuts names and titles apart and puts addresses into sentences.
//! [`blank`] turns every byte of markup into a space and leaves every other byte where it
//! was, so the text keeps its length and every offset found in it is an offset into the
//! file; the extractor reads the runs of spaces that result as one.
//!
//! What is markup: heading marks (`#`), quote marks (`>`), lines of only rule or table
//! marks (`---`, `|:--|`), reference definitions (`[1]: https://...`), table bars,
//! emphasis (`*`, `**`, `~~`, and `_` at the edge of a word), code backticks, escaping
//! backslashes, the brackets and address of a link or image (`[text](url)`,
//! `![alt](url)`, `[text][ref]`), autolinks (`<https://...>`) and inline HTML tags.
//! List marks (`- `, `1. `) stay: they end the item before as a line break does.
//!
//! Known misses: a link whose text runs over a line break keeps its brackets; an address
//! in parentheses after plain text, not after `]`, stays text.

/// `text` with its Markdown markup made spaces; the same length, still UTF-8 (only
/// ASCII bytes are replaced, by an ASCII space).
pub fn blank(text: String) -> String {
    let mut bytes = text.into_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes[start..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| start + i);
        line(&mut bytes[start..end]);
        start = end + 1;
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn spaces(bytes: &mut [u8]) {
    bytes.fill(b' ');
}

/// One line, without its `\n`.
fn line(l: &mut [u8]) {
    let indent = l.iter().take_while(|&&b| b == b' ').count();
    if indent >= 4 {
        return;
    }
    let body = &l[indent..];
    let only_marks = |marks: &[u8]| body.iter().all(|b| marks.contains(b) || b.is_ascii_whitespace());
    // Rules and setext underlines ("---", "***", "==="), table separators ("|:--|--|").
    if body.len() >= 3 && (only_marks(b"-*_= ") || (body[0] == b'|' && only_marks(b"|:- "))) {
        return spaces(l);
    }
    if is_reference_definition(body) || body.starts_with(b"```") || body.starts_with(b"~~~") {
        return spaces(l);
    }
    let mut at = indent;
    // Quote marks, possibly nested ("> > ").
    while l.get(at) == Some(&b'>') {
        l[at] = b' ';
        at += 1;
        while l.get(at) == Some(&b' ') {
            at += 1;
        }
    }
    let hashes = l[at..].iter().take_while(|&&b| b == b'#').count();
    if (1..=6).contains(&hashes) && l.get(at + hashes).is_none_or(|&b| b == b' ') {
        spaces(&mut l[at..at + hashes]);
        // A closing run of hashes: "## Talks ##".
        let trimmed = l.iter().rposition(|&b| b != b' ' && b != b'\r').map_or(0, |i| i + 1);
        let closing = l[..trimmed].iter().rev().take_while(|&&b| b == b'#').count();
        if closing > 0 && trimmed > closing && l[trimmed - closing - 1] == b' ' {
            spaces(&mut l[trimmed - closing..trimmed]);
        }
    }
    inline(l, at);
}

/// `[label]: address`, a link's target given apart.
fn is_reference_definition(body: &[u8]) -> bool {
    body.first() == Some(&b'[')
        && body.iter().position(|&b| b == b']').is_some_and(|close| close > 1 && body.get(close + 1) == Some(&b':'))
}

/// The inline markup of a line, from byte `at`.
fn inline(l: &mut [u8], mut at: usize) {
    while at < l.len() {
        match l[at] {
            b'*' | b'`' | b'|' => l[at] = b' ',
            b'~' if l.get(at + 1) == Some(&b'~') => spaces(&mut l[at..at + 2]),
            b'_' if edge_of_word(l, at) => l[at] = b' ',
            b'\\' if l.get(at + 1).is_some_and(u8::is_ascii_punctuation) => {
                l[at] = b' ';
                at += 1;
            }
            b'[' => {
                if let Some(next) = link(l, at) {
                    at = next;
                    continue;
                }
            }
            b'<' => {
                if let Some(close) = tag_end(l, at) {
                    spaces(&mut l[at..=close]);
                    at = close;
                }
            }
            _ => {}
        }
        at += 1;
    }
}

/// Whether the `_` at `at` opens or closes emphasis: not inside a word, as in
/// `snake_case`.
fn edge_of_word(l: &[u8], at: usize) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    !(word(at.checked_sub(1).and_then(|i| l.get(i))) && word(l.get(at + 1)))
}

/// A link or image opening at `[`: blanks its brackets and target and returns where to
/// read on (inside its text, which may hold emphasis); `None` if no link opens here.
fn link(l: &mut [u8], open: usize) -> Option<usize> {
    let close = open + 1 + l[open + 1..].iter().position(|&b| b == b']')?;
    let target_end = match l.get(close + 1) {
        Some(b'(') => {
            let mut depth = 0usize;
            let mut end = None;
            for (i, &b) in l.iter().enumerate().skip(close + 1) {
                match b {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            end?
        }
        Some(b'[') => close + 1 + l[close + 1..].iter().position(|&b| b == b']')?,
        _ => return None,
    };
    spaces(&mut l[close..=target_end]);
    l[open] = b' ';
    if open > 0 && l[open - 1] == b'!' {
        l[open - 1] = b' ';
    }
    Some(open + 1)
}

/// The `>` that closes an autolink or an HTML tag opening at `<`, on the same line.
fn tag_end(l: &[u8], open: usize) -> Option<usize> {
    let next = *l.get(open + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let close = open + 1 + l[open + 1..].iter().position(|&b| b == b'>' || b == b'<')?;
    (l[close] == b'>' && !l[open + 1..close].contains(&b' ') || l[open + 1..close].starts_with(b"a ")).then_some(close)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text as the extractor reads it: runs of spaces as one, ends trimmed.
    fn read(md: &str) -> String {
        let text = blank(md.to_string());
        assert_eq!(text.len(), md.len(), "{md}");
        text.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn markup_becomes_spaces() {
        let cases = [
            ("# Talks in Oslo", "Talks in Oslo"),
            ("## Talks ##", "Talks"),
            ("#hashtag", "#hashtag"),
            ("> \"We agreed,\" he said.", "\"We agreed,\" he said."),
            ("Minister **Sergei Lavrov** met _Fidan_.", "Minister Sergei Lavrov met Fidan ."),
            ("the [Foreign Minister](https://x.org/a_(b)) spoke", "the Foreign Minister spoke"),
            ("![Lavrov in Oslo](img.jpg)", "Lavrov in Oslo"),
            ("see [the talks][1].", "see the talks ."),
            ("[1]: https://example.com/talks", ""),
            ("---", ""),
            ("| Name | Country |", "Name Country"),
            ("|:--|--:|", ""),
            ("a snake_case word and \\*stars\\*", "a snake_case word and *stars *"),
            ("<https://x.org> and <br/> but 3 < 4 > 2", "and but 3 < 4 > 2"),
            ("- Lavrov met [Fidan].", "- Lavrov met [Fidan]."),
            ("~~old~~ new", "old new"),
        ];
        for (md, text) in cases {
            assert_eq!(read(md), text, "{md}");
        }
    }

    #[test]
    fn length_and_other_bytes_are_kept() {
        let md = "# Erdoğan in Ankara\n\n**Erdoğan** met [Putin](u) — “at last”.\r\n";
        let text = blank(md.to_string());
        assert_eq!(text.len(), md.len());
        for (a, b) in md.bytes().zip(text.bytes()) {
            assert!(a == b || b == b' ', "{a} became {b}");
        }
        assert!(text.contains("Erdoğan   met  Putin     — “at last”.\r\n"));
    }
}
