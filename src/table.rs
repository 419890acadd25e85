//! Rows of text for people and for spreadsheets: an aligned table (a header, a rule,
//! columns two spaces apart, the last one unpadded so long sentences do not widen the
//! rest) or CSV as RFC 4180 has it (quoted only when needed, CRLF-free).

use std::fmt::Write;

/// `rows` under `header`, columns aligned by character count. Empty without rows.
pub fn aligned(header: &[&str], rows: &[Vec<String>]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let clean = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let header: Vec<String> = header.iter().map(|h| clean(h)).collect();
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| clean(c)).collect()).collect();
    let columns = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let mut widths = vec![0; columns];
    for row in std::iter::once(&header).chain(&rows) {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    for row in std::iter::once(&header).chain(std::iter::once(&rule)).chain(&rows) {
        let mut line = String::new();
        for (i, width) in widths.iter().enumerate() {
            let cell = row.get(i).map(String::as_str).unwrap_or("");
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            if i + 1 < columns {
                line.extend(std::iter::repeat_n(' ', width - cell.chars().count()));
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// `rows` under `header` as CSV, one record per line.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        let _ = writeln!(out, "{}", fields.join(","));
    }
    out
}

/// One CSV field, quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
    }

    #[test]
    fn aligns_by_characters_and_leaves_the_last_column_unpadded() {
        let t = aligned(
            &["person", "met", "place"],
            &rows(&[&["Zelenskyy", "Erdoğan", "Ankara"], &["Rubio", "Sybiha", ""]]),
        );
        assert_eq!(
            t,
            "person     met      place\n\
             ---------  -------  ------\n\
             Zelenskyy  Erdoğan  Ankara\n\
             Rubio      Sybiha\n"
        );
        assert_eq!(aligned(&["a"], &[]), "");
    }

    #[test]
    fn quotes_csv_fields_only_when_needed() {
        let c = csv(&["a", "b"], &rows(&[&["x, y", "say \"hi\""], &["plain", ""]]));
        assert_eq!(c, "a,b\n\"x, y\",\"say \"\"hi\"\"\"\nplain,\n");
    }
}
