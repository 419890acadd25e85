//! From bytes to text: byte-order marks, binary files, invalid UTF-8 and UTF-16.
//!
//! * A UTF-8 byte-order mark is removed, so byte offsets count from the first byte after it.
//! * A UTF-16 byte-order mark (little or big endian) switches to UTF-16, decoded as the file
//!   is read ([`Utf16Reader`]); offsets are then into the UTF-8 text kg made of it.
//! * A file that starts with the magic number of a PDF, an image, an archive or an
//!   executable, or has a NUL byte in its first 8 KiB (and no UTF-16 mark), is binary.
//! * Invalid UTF-8 is replaced by U+FFFD, one per invalid sequence, and counted in bytes.

use std::io::{self, Read};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// How many bytes are read first to decide what a file holds.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// What the first bytes of a file say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniff {
    /// Text, UTF-8 presumably; `bom` is the length of a UTF-8 byte-order mark to drop.
    Utf8 { bom: usize },
    /// UTF-16 with a byte-order mark (2 bytes, to drop).
    Utf16 { big_endian: bool },
    /// Not text: what it looks like.
    Binary(&'static str),
}

/// Magic numbers of files that are certainly not articles.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "an executable"),
];

/// Classifies a file by its first bytes (up to [`SNIFF_BYTES`]).
pub fn sniff(head: &[u8]) -> Sniff {
    if head.starts_with(b"\xef\xbb\xbf") {
        return Sniff::Utf8 { bom: 3 };
    }
    if head.starts_with(b"\xff\xfe") {
        return Sniff::Utf16 { big_endian: false };
    }
    if head.starts_with(b"\xfe\xff") {
        return Sniff::Utf16 { big_endian: true };
    }
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Sniff::Binary(what);
    }
    if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
        return Sniff::Binary("a WebP image");
    }
    if head.iter().take(SNIFF_BYTES).any(|&b| b == 0) {
        return Sniff::Binary("a binary file (it has NUL bytes)");
    }
    Sniff::Utf8 { bom: 0 }
}

/// Reads up to `n` bytes (fewer only at the end of the input).
pub fn read_head(reader: &mut dyn Read, n: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    reader.take(n as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// UTF-8 text from bytes, invalid sequences replaced by U+FFFD; also returns how many
/// bytes were invalid.
pub fn lossy_utf8(bytes: Vec<u8>) -> (String, usize) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, 0),
        Err(err) => {
            let bytes = err.into_bytes();
            let mut text = String::with_capacity(bytes.len());
            let mut bad = 0;
            for chunk in bytes.utf8_chunks() {
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() {
                    bad += chunk.invalid().len();
                    text.push(char::REPLACEMENT_CHARACTER);
                }
            }
            (text, bad)
        }
    }
}

/// Decodes a UTF-16 byte stream (after its byte-order mark) into UTF-8 as it is read.
/// Unpaired surrogates and an odd last byte become U+FFFD and are counted in `bad`.
#[derive(Debug)]
pub struct Utf16Reader<R> {
    inner: R,
    big_endian: bool,
    /// Decoded bytes not yet handed out, from `pos`.
    out: Vec<u8>,
    pos: usize,
    /// An odd byte left over from the previous read.
    carry: Option<u8>,
    /// A high surrogate waiting for its low half.
    high: Option<u16>,
    eof: bool,
    bad: Arc<AtomicUsize>,
}

impl<R: Read> Utf16Reader<R> {
    /// Wraps `inner`; the number of replaced code units is added to `bad`.
    pub fn new(inner: R, big_endian: bool, bad: Arc<AtomicUsize>) -> Self {
        Utf16Reader { inner, big_endian, out: Vec::new(), pos: 0, carry: None, high: None, eof: false, bad }
    }

    fn push(&mut self, c: char) {
        let mut buf = [0; 4];
        self.out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    fn replace(&mut self) {
        self.bad.fetch_add(1, Ordering::Relaxed);
        self.push(char::REPLACEMENT_CHARACTER);
    }

    fn unit(&mut self, u: u16) {
        match u {
            0xD800..=0xDBFF => {
                if self.high.replace(u).is_some() {
                    self.replace();
                }
            }
            0xDC00..=0xDFFF => match self.high.take() {
                Some(h) => {
                    let code = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                    self.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                None => self.replace(),
            },
            _ => {
                if self.high.take().is_some() {
                    self.replace();
                }
                self.push(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
        }
    }

    /// Decodes the next block of input into `out`.
    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.pos = 0;
        let mut raw = vec![0u8; 16 * 1024];
        let n = loop {
            match self.inner.read(&mut raw) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        if n == 0 {
            self.eof = true;
            if self.carry.take().is_some() {
                self.replace();
            }
            if self.high.take().is_some() {
                self.replace();
            }
            return Ok(());
        }
        let mut bytes = raw[..n].iter().copied();
        loop {
            let first = match self.carry.take() {
                Some(b) => b,
                None => match bytes.next() {
                    Some(b) => b,
                    None => break,
                },
            };
            let Some(second) = bytes.next() else {
                self.carry = Some(first);
                break;
            };
            let u =
                if self.big_endian { u16::from_be_bytes([first, second]) } else { u16::from_le_bytes([first, second]) };
            self.unit(u);
        }
        Ok(())
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if self.eof {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
    }

    fn decode16(bytes: &[u8], big_endian: bool) -> (String, usize) {
        let bad = Arc::new(AtomicUsize::new(0));
        let mut out = String::new();
        // One byte at a time, so that code units and surrogate pairs straddle reads.
        let reader = Utf16Reader::new(io::Cursor::new(bytes.to_vec()), big_endian, bad.clone());
        let mut slow = SlowReader(reader);
        slow.read_to_string(&mut out).expect("decodes");
        (out, bad.load(Ordering::Relaxed))
    }

    /// Hands out one byte per read.
    struct SlowReader<R>(R);

    impl<R: Read> Read for SlowReader<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(1);
            self.0.read(&mut buf[..n])
        }
    }

    #[test]
    fn sniffs_marks_magic_numbers_and_nul_bytes() {
        assert_eq!(sniff(b"\xef\xbb\xbfHello"), Sniff::Utf8 { bom: 3 });
        assert_eq!(sniff(b"\xff\xfeH\0"), Sniff::Utf16 { big_endian: false });
        assert_eq!(sniff(b"\xfe\xff\0H"), Sniff::Utf16 { big_endian: true });
        assert_eq!(sniff(b"%PDF-1.7\n"), Sniff::Binary("a PDF document"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Sniff::Binary("a PNG image"));
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Sniff::Binary("a WebP image"));
        assert!(matches!(sniff(b"abc\0def"), Sniff::Binary(_)));
        assert_eq!(sniff(b"Plain text"), Sniff::Utf8 { bom: 0 });
        assert_eq!(sniff(b""), Sniff::Utf8 { bom: 0 });
    }

    #[test]
    fn counts_invalid_bytes() {
        assert_eq!(lossy_utf8(b"ok".to_vec()), ("ok".to_string(), 0));
        let (text, bad) = lossy_utf8(b"a\xffb\xe2\x82c\xc3".to_vec());
        assert_eq!(text, "a\u{fffd}b\u{fffd}c\u{fffd}");
        assert_eq!(bad, 4);
    }

    #[test]
    fn decodes_utf16_across_reads() {
        let text = "Erdoğan met 習近平 🙂 in Ankara.\r\n";
        for be in [false, true] {
            assert_eq!(decode16(&utf16(text, be), be), (text.to_string(), 0));
        }
        // A lone high surrogate, a lone low surrogate and an odd trailing byte.
        let mut bytes = utf16("a", false);
        bytes.extend_from_slice(&0xD800u16.to_le_bytes());
        bytes.extend_from_slice(&utf16("b", false));
        bytes.extend_from_slice(&0xDC00u16.to_le_bytes());
        bytes.push(b'c');
        assert_eq!(decode16(&bytes, false), ("a\u{fffd}b\u{fffd}\u{fffd}".to_string(), 3));
    }
}
