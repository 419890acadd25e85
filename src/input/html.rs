//! HTML to plain text: a small hand-written stripper, enough for news pages.
//!
//! * Tags are removed; block elements (`p`, `div`, headings, list items, table cells, `br`
//!   ...) end a line, so a headline without a full stop is still a sentence of its own.
//! * The content of `script`, `style`, `noscript`, `template`, `svg`, `iframe` and
//!   `textarea` is dropped, and so are comments, `<!DOCTYPE ...>` and `<?...?>`. The text of
//!   `<title>` is kept, as the first line.
//! * Character references are decoded ([`super::entities`]); CDATA sections are kept as
//!   text.
//! * Runs of white space become one space; blank lines are squeezed.
//!
//! The document's text, and so every byte offset in its evidence, is the stripped text.
//! Malformed HTML never fails: a `<` that opens no tag is text, an unclosed tag or comment
//! runs to the end of the page.

use super::entities;

/// Elements whose content is not article text.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg", "iframe", "textarea"];

/// Elements that end a paragraph (blank line after them).
const PARAGRAPH: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "title",
    "ul",
];

/// Elements that end a line.
const LINE: &[&str] =
    &["br", "caption", "dd", "details", "dt", "figcaption", "li", "option", "summary", "td", "th", "tr"];

/// Whether this looks like an HTML page rather than plain text (for standard input and
/// files without a known extension).
pub fn looks_like_html(head: &str) -> bool {
    let start = head.trim_start().get(..15).unwrap_or(head.trim_start()).to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html") || start.starts_with("<!--")
}

/// Plain text: what accumulates, with white space and line breaks pending until the next
/// visible character.
#[derive(Default)]
struct Text {
    out: String,
    space: bool,
    /// 0: none, 1: end of line, 2: end of paragraph.
    brk: u8,
}

impl Text {
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = true;
            return;
        }
        if !self.out.is_empty() {
            match self.brk {
                0 if self.space => self.out.push(' '),
                0 => {}
                1 => self.out.push('\n'),
                _ => self.out.push_str("\n\n"),
            }
        }
        self.space = false;
        self.brk = 0;
        self.out.push(c);
    }

    fn push_str(&mut self, s: &str) {
        s.chars().for_each(|c| self.push(c));
    }

    fn end(&mut self, level: u8) {
        self.brk = self.brk.max(level);
    }
}

/// The text of an HTML page.
pub fn strip(html: &str) -> String {
    let b = html.as_bytes();
    let mut text = Text { out: String::with_capacity(html.len() / 2), ..Text::default() };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => i = tag(html, i, &mut text),
            b'&' => i = reference(html, i, &mut text),
            _ => {
                // Everything up to the next markup character, as it is.
                let end = b[i..].iter().position(|&c| c == b'<' || c == b'&').map_or(b.len(), |n| i + n);
                text.push_str(&html[i..end]);
                i = end;
            }
        }
    }
    text.out
}

/// Handles the markup at `html[i] == '<'` and returns where the text resumes.
fn tag(html: &str, i: usize, text: &mut Text) -> usize {
    let b = html.as_bytes();
    let rest = &html[i..];
    if rest.starts_with("<!--") {
        return find(html, i + 4, "-->").map_or(b.len(), |end| end + 3);
    }
    if rest.starts_with("<![CDATA[") {
        let end = find(html, i + 9, "]]>").unwrap_or(b.len());
        text.push_str(&html[i + 9..end]);
        return (end + 3).min(b.len());
    }
    if matches!(b.get(i + 1), Some(b'!' | b'?')) {
        return find(html, i + 2, ">").map_or(b.len(), |end| end + 1);
    }
    let closing = b.get(i + 1) == Some(&b'/');
    let name_start = i + 1 + usize::from(closing);
    let name_len = b[name_start.min(b.len())..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
    if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
        // "a < b", "<3": not a tag.
        text.push('<');
        return i + 1;
    }
    let name = html[name_start..name_start + name_len].to_ascii_lowercase();
    let end = tag_end(b, name_start + name_len);
    if PARAGRAPH.contains(&name.as_str()) {
        text.end(2);
    } else if LINE.contains(&name.as_str()) {
        text.end(1);
    }
    if !closing && SKIPPED.contains(&name.as_str()) && !html[i..end].ends_with("/>") {
        // Skip to the closing tag, which the caller then reads as a tag.
        return find_ci(html, end, &format!("</{name}")).unwrap_or(b.len());
    }
    end
}

/// The position after the `>` that closes a tag whose attributes start at `from`
/// (quoted attribute values may contain `>`), or the end of the text.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(from) {
        match (quote, c) {
            (None, b'>') => return k + 1,
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            _ => {}
        }
    }
    b.len()
}

/// Decodes the character reference at `html[i] == '&'` (or keeps the `&`) and returns
/// where the text resumes.
fn reference(html: &str, i: usize, text: &mut Text) -> usize {
    let b = html.as_bytes();
    if b.get(i + 1) == Some(&b'#') {
        let hex = matches!(b.get(i + 2), Some(b'x' | b'X'));
        let digits_start = i + 2 + usize::from(hex);
        let digits = b[digits_start.min(b.len())..]
            .iter()
            .take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
            .count();
        if digits > 0 {
            let value = u32::from_str_radix(&html[digits_start..digits_start + digits], if hex { 16 } else { 10 })
                .unwrap_or(u32::MAX);
            push_char(text, entities::numeric(value));
            let end = digits_start + digits;
            return if b.get(end) == Some(&b';') { end + 1 } else { end };
        }
    } else {
        let len = b[i + 1..].iter().take(32).take_while(|c| c.is_ascii_alphanumeric()).count();
        if len > 0 && b.get(i + 1 + len) == Some(&b';') {
            if let Some(decoded) = entities::named(&html[i + 1..i + 1 + len]) {
                if let Some(c) = decoded {
                    push_char(text, c);
                }
                return i + len + 2;
            }
        }
    }
    text.push('&');
    i + 1
}

/// A decoded character: a no-break space separates words like a space.
fn push_char(text: &mut Text, c: char) {
    text.push(if c == '\u{a0}' { ' ' } else { c });
}

/// The position of `needle` in `html` at or after `from`.
fn find(html: &str, from: usize, needle: &str) -> Option<usize> {
    html.get(from..)?.find(needle).map(|k| from + k)
}

/// The position of ASCII `needle` in `html` at or after `from`, ignoring ASCII case.
fn find_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    let hay = html.as_bytes().get(from..)?;
    hay.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n)).map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_blocks_apart() {
        let html = "<!DOCTYPE html><html><head><title>Talks in Istanbul</title>\
                    <style>p { color: red }</style><script>var x = '<p>no</p>';</script></head>\
                    <body><h1>Delegations meet</h1><p>Turkish Foreign Minister <b>Hakan Fidan</b>\n\
                    met   Sergey Lavrov.</p><ul><li>One</li><li>Two</li></ul><!-- hidden <p> --></body></html>";
        assert_eq!(
            strip(html),
            "Talks in Istanbul\n\nDelegations meet\n\nTurkish Foreign Minister Hakan Fidan met Sergey Lavrov.\n\nOne\nTwo"
        );
    }

    #[test]
    fn decodes_references() {
        assert_eq!(
            strip("Erdo&gbreve;an &amp; Zelen&shy;sky&nbsp;met &#8220;today&#x201D; &#146;"),
            "Erdoğan & Zelensky met “today” ’"
        );
        assert_eq!(strip("AT&T &bogus; &#; &# &amp"), "AT&T &bogus; &#; &# &amp");
        assert_eq!(strip("&#0; &#xD800; &#99999999999;"), "\u{fffd} \u{fffd} \u{fffd}");
    }

    #[test]
    fn survives_malformed_markup() {
        assert_eq!(strip("a < b and 3<4 <"), "a < b and 3<4 <");
        assert_eq!(strip("<p title='x>y'>text</p>"), "text");
        assert_eq!(strip("before <p unclosed"), "before");
        assert_eq!(strip("x <!-- never closed"), "x");
        assert_eq!(strip("<script>never closed"), "");
        assert_eq!(strip("<SCRIPT>a</ScRiPt>b"), "b");
        assert_eq!(strip("<![CDATA[<kept>]]>"), "<kept>");
        assert_eq!(strip("é<é>&é;"), "é<é>&é;");
        assert_eq!(strip("<svg/>text"), "text");
    }

    #[test]
    fn recognises_pages() {
        assert!(looks_like_html("  <!DOCTYPE html>\n<html>"));
        assert!(looks_like_html("<HTML lang=en>"));
        assert!(!looks_like_html("Plain <b>text</b>"));
        assert!(!looks_like_html("é"));
    }
}
