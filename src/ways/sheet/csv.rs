//! CSV as Dutch Excel writes it: `;` between cells (the comma is the decimal sign),
//! Windows-1252 ("ANSI") unless saved as "CSV UTF-8", which starts with a byte-order
//! mark; and `,`-separated UTF-8 as other programs write it. Excel's "Unicode text"
//! (UTF-16 with tabs) is read too. A first line `sep=;` (which Excel honours) names
//! the separator and is not a row.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::model::{table, Cell, Format, Table};
use crate::ground::error::Result;

/// The text of the file and the name of its encoding. UTF-8 is recognised by its
/// byte-order mark or by being valid UTF-8 throughout (Windows-1252 text with any
/// letter beyond ASCII, such as the ë of cliënt, is practically never valid UTF-8);
/// everything else is read as Windows-1252, which maps every byte to a character.
pub(crate) fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        let name = if enc == UTF_8 {
            "utf-8"
        } else if enc == UTF_16LE {
            "utf-16le"
        } else if enc == UTF_16BE {
            "utf-16be"
        } else {
            "utf-8"
        };
        return (text.into_owned(), name);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "utf-8"),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), "windows-1252")
        }
    }
}

/// The separator: what a `sep=` line says, else the one of `;`, tab and `,` that
/// occurs most in the first line outside quotes (a tie goes to `;`, Dutch Excel's).
pub(crate) fn separator(first_line: &str) -> char {
    if let Some(s) = first_line.trim().strip_prefix("sep=") {
        if let Some(c) = s.chars().next() {
            return c;
        }
    }
    let mut quoted = false;
    let (mut semi, mut tab, mut comma) = (0, 0, 0);
    for c in first_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            '\t' if !quoted => tab += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if tab > semi && tab > comma {
        '\t'
    } else if comma > semi {
        ','
    } else {
        ';'
    }
}

pub(crate) fn read(bytes: &[u8]) -> Result<Table> {
    let (text, encoding) = decode(bytes);
    let first = text.lines().next().unwrap_or("");
    let sep = separator(first);
    let body = if first.trim().starts_with("sep=") {
        text.split_once('\n').map(|(_, rest)| rest).unwrap_or("")
    } else {
        text.as_str()
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    let mut bad: Option<String> = None;
    for (i, record) in reader.records().enumerate() {
        match record {
            Ok(r) => rows.push((
                i + 1,
                r.iter()
                    .map(|c| {
                        // A quoted cell keeps its line breaks; Windows writes them as CRLF.
                        let mut t = c.replace("\r\n", "\n");
                        // Naast's own export marks text that looks like a formula
                        // with an apostrophe, as spreadsheets do: not part of it.
                        if t.starts_with('\'') && t[1..].starts_with(['=', '+', '-', '@']) {
                            t.remove(0);
                        }
                        if t.trim().is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(t)
                        }
                    })
                    .collect(),
            )),
            Err(e) => {
                bad = Some(e.to_string());
                break;
            }
        }
    }
    if let Some(e) = bad {
        return Err(crate::ground::error::Error::SheetDamaged(e));
    }
    let mut t = table(Format::Csv, rows.into_iter(), None, Vec::new())?;
    t.encoding = Some(encoding);
    t.separator = Some(sep);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(t: &Table, row: usize) -> Vec<String> {
        t.rows[row].cells.iter().map(Cell::text).collect()
    }

    #[test]
    fn dutch_excel_windows_1252_with_semicolons_and_decimal_commas() {
        // "cliënt" and "één" in Windows-1252: ë is 0xEB, é is 0xE9.
        let bytes = b"Datum;Cli\xebnt;Duur (uren);Notitie\r\n3-2-2025;Sanne;0,75;\"Samen gebeld; \xe9\xe9n brief\"\r\n";
        let t = read(bytes).unwrap();
        assert_eq!(t.encoding, Some("windows-1252"));
        assert_eq!(t.separator, Some(';'));
        assert_eq!(t.header, ["Datum", "Cliënt", "Duur (uren)", "Notitie"]);
        assert_eq!(
            cells(&t, 0),
            ["3-2-2025", "Sanne", "0,75", "Samen gebeld; één brief"]
        );
        assert_eq!(t.rows[0].number, 2);
    }

    #[test]
    fn utf8_with_and_without_a_bom_and_comma_separated() {
        let with_bom = "\u{feff}datum;naam\n3-2-2025;Noor\n".as_bytes().to_vec();
        let t = read(&with_bom).unwrap();
        assert_eq!((t.encoding, t.separator), (Some("utf-8"), Some(';')));
        assert_eq!(t.header, ["datum", "naam"]);
        let t = read("date,name,note\n2025-02-03,Noor,\"koffie, thee\"\n".as_bytes()).unwrap();
        assert_eq!(t.separator, Some(','));
        assert_eq!(cells(&t, 0), ["2025-02-03", "Noor", "koffie, thee"]);
    }

    #[test]
    fn a_sep_line_names_the_separator_and_is_not_a_row() {
        let t = read(b"sep=,\r\nDatum,Naam\r\n1-1-2025,Mo\r\n").unwrap();
        assert_eq!(t.header, ["Datum", "Naam"]);
        assert_eq!(t.rows.len(), 1);
    }

    #[test]
    fn quoted_line_breaks_stay_in_their_cell_and_empty_rows_are_skipped() {
        let t = read(b"datum;notitie\r\n1-1-2025;\"regel 1\r\nregel 2\"\r\n;\r\n2-1-2025;x\r\n")
            .unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(cells(&t, 0)[1], "regel 1\nregel 2");
        // Excel's row numbers: the header is 1, the next record 2, the empty one 3.
        assert_eq!(t.rows[1].number, 4);
    }

    #[test]
    fn an_apostrophe_before_a_formula_sign_is_not_part_of_the_text() {
        let t = read("note;x\n'- goed gesprek;'t Hof\n".as_bytes()).unwrap();
        assert_eq!(cells(&t, 0), ["- goed gesprek", "'t Hof"]);
    }

    #[test]
    fn utf16_unicode_text_from_excel() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "datum\tnaam\r\n1-1-2025\tYara\r\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let t = read(&bytes).unwrap();
        assert_eq!(t.separator, Some('\t'));
        assert_eq!(cells(&t, 0), ["1-1-2025", "Yara"]);
    }
}
