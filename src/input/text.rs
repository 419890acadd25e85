//! Plain text in bounded parts.
//!
//! An article is short; a file of more than [`super::MAX_DOCUMENT_BYTES`] is a dump, and
//! extracting it as one document would hold all of it, and everything the rules build over
//! it, in memory at once. Such a text is read as several documents, each at most that size,
//! cut at the last paragraph break (blank line) in the second half of the part, or else the
//! last line break, or else the last space, or else between two characters. The first part
//! keeps the document's id; the next ones are `<id>#2`, `<id>#3`... Byte offsets are into
//! the part. A plain-text file is read one part at a time.

use std::io::{self, BufRead, Read};

/// Where to cut `bytes` (at most one part long) so the first piece ends at a paragraph
/// break, a line break, a space or, failing all three, a character boundary.
pub fn cut_point(bytes: &[u8]) -> usize {
    let half = bytes.len() / 2;
    let tail = &bytes[half..];
    if let Some(p) = tail.windows(2).rposition(|w| w == b"\n\n") {
        return half + p + 2;
    }
    if let Some(p) = tail.iter().rposition(|&b| b == b'\n') {
        return half + p + 1;
    }
    if let Some(p) = tail.iter().rposition(|&b| b == b' ' || b == b'\t') {
        return half + p + 1;
    }
    // The last byte that starts a character (not a UTF-8 continuation byte).
    (1..bytes.len()).rev().find(|&i| bytes[i] & 0xC0 != 0x80).unwrap_or(bytes.len())
}

/// Splits `text` into parts of at most `limit` bytes (see the module documentation).
pub fn split_text(text: String, limit: usize) -> Vec<String> {
    if text.len() <= limit {
        return vec![text];
    }
    let mut parts = Vec::new();
    let mut rest = text.as_str();
    while rest.len() > limit {
        let mut cut = cut_point(&rest.as_bytes()[..limit]).max(1);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        parts.push(rest[..cut].to_string());
        rest = &rest[cut..];
    }
    if !rest.is_empty() {
        parts.push(rest.to_string());
    }
    parts
}

/// Reads a UTF-8 byte stream as parts of at most `limit` bytes.
pub struct TextParts {
    reader: Box<dyn BufRead + Send>,
    carry: Vec<u8>,
    limit: usize,
    eof: bool,
}

impl std::fmt::Debug for TextParts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextParts").field("limit", &self.limit).field("eof", &self.eof).finish_non_exhaustive()
    }
}

impl TextParts {
    pub fn new(reader: Box<dyn BufRead + Send>, limit: usize) -> Self {
        TextParts { reader, carry: Vec::new(), limit: limit.max(8), eof: false }
    }

    /// The bytes of the next part, and whether it is the last one; `None` after the last.
    pub fn next_part(&mut self) -> io::Result<Option<(Vec<u8>, bool)>> {
        let mut buf = std::mem::take(&mut self.carry);
        while buf.len() < self.limit && !self.eof {
            let want = (self.limit - buf.len()) as u64;
            let got = (&mut self.reader).take(want).read_to_end(&mut buf)?;
            if (got as u64) < want {
                self.eof = true;
            }
        }
        if buf.is_empty() {
            return Ok(None);
        }
        if self.eof {
            return Ok(Some((buf, true)));
        }
        // Full, and maybe more to come: does anything follow?
        if self.reader.fill_buf()?.is_empty() {
            self.eof = true;
            return Ok(Some((buf, true)));
        }
        let cut = cut_point(&buf);
        self.carry = buf.split_off(cut);
        Ok(Some((buf, false)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, limit: usize) -> Vec<String> {
        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(text.as_bytes().to_vec()));
        let mut p = TextParts::new(reader, limit);
        let mut out = Vec::new();
        while let Some((bytes, last)) = p.next_part().expect("reads") {
            out.push(String::from_utf8(bytes).expect("cut on a character boundary"));
            assert_eq!(last, out.concat().len() == text.len());
        }
        out
    }

    #[test]
    fn cuts_at_paragraphs_then_lines_then_spaces_then_characters() {
        assert_eq!(parts("aaaa\n\nbbbb cc\ndd", 12), ["aaaa\n\nbbbb ", "cc\ndd"]);
        assert_eq!(parts("aaaaaa\n\nbbbbbbbbbb", 10), ["aaaaaa\n\n", "bbbbbbbbbb"]);
        assert_eq!(parts("aaaaaaaa bbbbbbbb", 10), ["aaaaaaaa ", "bbbbbbbb"]);
        assert_eq!(parts("ééééééééé", 9), ["éééé", "éééé", "é"]);
        assert_eq!(parts("short", 10), ["short"]);
        assert_eq!(parts("exactly10!", 10), ["exactly10!"]);
        assert!(parts("", 10).is_empty());
    }

    #[test]
    fn splits_text_in_memory_the_same_way() {
        let text = "Fidan met Lavrov.\n\nZelensky met Erdoğan. ".repeat(50);
        let streamed = parts(&text, 100);
        let in_memory = split_text(text.clone(), 100);
        assert_eq!(streamed, in_memory);
        assert_eq!(in_memory.concat(), text);
        assert!(in_memory.iter().all(|p| p.len() <= 100));
        assert_eq!(split_text("ééééé".into(), 3), ["é", "é", "é", "é", "é"]);
    }
}
