//! A thin layer over quick-xml shared by the GraphML and GEXF writers: an indented
//! writer into memory, and escaping that makes any XML 1.0 parser read back exactly the
//! string written.
//!
//! quick-xml's own escaping covers `&<>"'` but not what XML parsers normalise: a
//! conforming parser turns `\r\n` and `\r` in character data into `\n`, and tabs and
//! line breaks in attribute values into spaces. [`escape`] writes those as character
//! references (`&#13;`, `&#10;`, `&#9;`), which parsers keep. Characters that XML 1.0
//! forbids altogether (C0 controls other than tab and line breaks, U+FFFE, U+FFFF)
//! cannot be written at all and become U+FFFD.

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

/// Escapes `text` for character data (`attribute == false`) or for a double-quoted
/// attribute value (`attribute == true`).
pub(crate) fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// An indented XML document being written into memory. Writing into a `Vec` cannot
/// fail, so the methods return nothing.
pub(crate) struct Doc {
    writer: Writer<Vec<u8>>,
}

impl Doc {
    /// A document that starts with `<?xml version="1.0" encoding="UTF-8"?>`.
    pub(crate) fn new() -> Doc {
        let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
        // Writing into a Vec cannot fail.
        let _ = writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        Doc { writer }
    }

    fn element<'a>(name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (key, value) in attrs {
            let value = escape(value, true);
            start.push_attribute(Attribute::from((key.as_bytes(), value.as_bytes())));
        }
        start
    }

    /// `<name attrs...>`
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let _ = self.writer.write_event(Event::Start(Doc::element(name, attrs)));
    }

    /// `</name>`
    pub(crate) fn close(&mut self, name: &str) {
        let _ = self.writer.write_event(Event::End(BytesEnd::new(name)));
    }

    /// `<name attrs.../>`
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let _ = self.writer.write_event(Event::Empty(Doc::element(name, attrs)));
    }

    /// `<name attrs...>text</name>` on one line; the text is always written, even when
    /// empty, so that no indentation ends up inside the element.
    pub(crate) fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        let _ = self.writer.write_event(Event::Text(BytesText::from_escaped(escape(text, false))));
        self.close(name);
    }

    /// The document, with a trailing newline.
    pub(crate) fn finish(self) -> String {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        // Only UTF-8 strings and ASCII markup were written.
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_parsers_would_normalise() {
        assert_eq!(escape("a<b>&\"c\"'", false), "a&lt;b&gt;&amp;\"c\"'");
        assert_eq!(escape("a<b>&\"c\"'", true), "a&lt;b&gt;&amp;&quot;c&quot;'");
        assert_eq!(escape("1\n2\r\n3\t4", false), "1\n2&#13;\n3\t4");
        assert_eq!(escape("1\n2\r\n3\t4", true), "1&#10;2&#13;&#10;3&#9;4");
        assert_eq!(escape("nul\0 bell\u{7} \u{FFFF}", true), "nul\u{FFFD} bell\u{FFFD} \u{FFFD}");
        assert_eq!(escape("Москва 北京 الرياض", true), "Москва 北京 الرياض");
    }

    #[test]
    fn writes_an_indented_document() {
        let mut doc = Doc::new();
        doc.open("root", &[("id", "a\"b")]);
        doc.text("item", &[], "");
        doc.empty("leaf", &[("k", "x\ny")]);
        doc.close("root");
        assert_eq!(
            doc.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root id=\"a&quot;b\">\n  <item></item>\n  \
             <leaf k=\"x&#10;y\"/>\n</root>\n"
        );
    }
}
