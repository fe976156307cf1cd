//! The page's encoding, and its text decoded with a way back to the bytes.
//!
//! The encoding is found as a browser finds it, minus guessing: a byte
//! order mark, else a `charset=` in the HTTP header saved above the page
//! (`curl -i`, some "save as" tools), else `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="…; charset=…">` near the top,
//! else UTF-8. UTF-8 and the one-byte encodings (Windows-1252, the
//! ISO-8859 family, KOI8 …) are read; for those each byte is one
//! character, so an offset in the decoded text maps back to the file by
//! counting. Other encodings are refused with a clear message, as a text
//! listing that is not UTF-8 is.
//!
//! A page that declares nothing and is not UTF-8 is read as Windows-1252,
//! the HTML standard's default for such a page in most locales: a page
//! saved without the server's header that declared its charset is still
//! read as the browser showed it, and a warning says so. A page that
//! declares a one-byte encoding but whose bytes are UTF-8, letters beyond
//! ASCII among them, is read as UTF-8, with a warning: it was re-encoded
//! and kept its old declaration (read as declared, `é` would read `Ã©`),
//! and text in a one-byte encoding is all but never valid UTF-8 by chance.

use crate::source::{first_binary_byte, line_and_column, SourceError, SourceProblem};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// How far into the file a declaration is looked for: the HTML standard's
/// prescan reads 1,024 bytes; saved pages often carry longer heads (a
/// saved header, comments), so a little more is read.
const PRESCAN_BYTES: usize = 4096;

/// A page's text as the tokenizer reads it.
#[derive(Debug)]
pub(super) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The bytes before the text (a byte order mark).
    base: usize,
    /// For a one-byte encoding: after each character that is not one byte
    /// in UTF-8, its end in the text and in the file.
    steps: Vec<(usize, usize)>,
    /// An encoding read that the page does not declare, if any.
    pub assumed: Option<Assumption>,
}

/// An encoding read that the page does not declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Assumption {
    /// The page declares nothing and is not UTF-8: read as Windows-1252.
    /// `at` is its first byte that is not UTF-8.
    Windows1252 { at: usize },
    /// The page declares a one-byte encoding (named) but is UTF-8: read as
    /// UTF-8. `at` is its first byte beyond ASCII.
    Utf8 { declared: &'static str, at: usize },
}

impl Decoded<'_> {
    /// The file offset of offset `at` of the decoded text (a character
    /// boundary).
    pub fn to_file(&self, at: usize) -> usize {
        let index = self.steps.partition_point(|&(text, _)| text <= at);
        match index.checked_sub(1).and_then(|i| self.steps.get(i)) {
            Some(&(text, file)) => file + (at - text),
            None => self.base + at,
        }
    }
}

fn error(file: &str, bytes: &[u8], at: usize, problem: SourceProblem) -> SourceError {
    let (line, column) = line_and_column(bytes, at);
    SourceError {
        file: file.to_string(),
        line,
        column,
        problem,
    }
}

/// Decodes a saved page, or says why it cannot be read (empty, binary,
/// an encoding not read, a byte its encoding does not define).
pub(super) fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<Decoded<'a>, SourceError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(error(file, bytes, 0, SourceProblem::Empty));
    }
    if let Some(at) = first_binary_byte(bytes) {
        // UTF-16 pages are full of NUL bytes: say what they are.
        if let Some((encoding, _)) = Encoding::for_bom(bytes) {
            if encoding != UTF_8 {
                return Err(error(
                    file,
                    bytes,
                    0,
                    SourceProblem::UnsupportedEncoding(encoding.name().to_string()),
                ));
            }
        }
        return Err(error(file, bytes, at, SourceProblem::Binary(bytes[at])));
    }
    let (encoding, base, is_declared) = match Encoding::for_bom(bytes) {
        Some((encoding, length)) => (encoding, length, true),
        None => match declared(bytes) {
            Some(encoding) => (encoding, 0, true),
            None => (UTF_8, 0, false),
        },
    };
    let body = bytes.get(base..).unwrap_or_default();
    let mut assumed = None;
    if encoding != UTF_8 && encoding.is_single_byte() && base == 0 {
        if let (Some(at), Ok(text)) = (
            body.iter().position(|b| !b.is_ascii()),
            std::str::from_utf8(body),
        ) {
            return Ok(Decoded {
                text: Cow::Borrowed(text),
                base,
                steps: Vec::new(),
                assumed: Some(Assumption::Utf8 {
                    declared: encoding.name(),
                    at,
                }),
            });
        }
    }
    let encoding = if encoding == UTF_8 {
        match std::str::from_utf8(body) {
            Ok(text) => {
                return Ok(Decoded {
                    text: Cow::Borrowed(text),
                    base,
                    steps: Vec::new(),
                    assumed: None,
                })
            }
            Err(err) if !is_declared => {
                assumed = Some(Assumption::Windows1252 {
                    at: base + err.valid_up_to(),
                });
                WINDOWS_1252
            }
            Err(err) => {
                let at = base + err.valid_up_to();
                let byte = bytes.get(at).copied().unwrap_or_default();
                return Err(error(file, bytes, at, SourceProblem::NotUtf8(byte)));
            }
        }
    } else {
        encoding
    };
    if !encoding.is_single_byte() {
        return Err(error(
            file,
            bytes,
            0,
            SourceProblem::UnsupportedEncoding(encoding.name().to_string()),
        ));
    }
    let mut text = String::with_capacity(body.len());
    let mut steps = Vec::new();
    let mut decoder = encoding.new_decoder_without_bom_handling();
    for (i, &byte) in body.iter().enumerate() {
        if byte.is_ascii() {
            text.push(byte as char);
            continue;
        }
        let mut one = [0u8; 4];
        let (result, _, written) =
            decoder.decode_to_utf8_without_replacement(&[byte], &mut one, false);
        let decoded = match result {
            encoding_rs::DecoderResult::InputEmpty => std::str::from_utf8(&one[..written]).ok(),
            _ => None,
        };
        match decoded {
            Some(c) if !c.is_empty() => {
                text.push_str(c);
                steps.push((text.len(), base + i + 1));
            }
            _ => {
                return Err(error(
                    file,
                    bytes,
                    base + i,
                    SourceProblem::NotInEncoding {
                        encoding: encoding.name().to_string(),
                        byte,
                    },
                ))
            }
        }
    }
    Ok(Decoded {
        text: Cow::Owned(text),
        base,
        steps,
        assumed,
    })
}

/// The encoding the page declares near its top, as the HTML standard
/// reads a declaration (a UTF-16 label in a page that could be read as
/// ASCII means UTF-8; `x-user-defined` means Windows-1252).
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..PRESCAN_BYTES.min(bytes.len()))?;
    let lower = head.to_ascii_lowercase();
    // A saved HTTP header comes before the first `<`.
    let markup = lower.iter().position(|&b| b == b'<').unwrap_or(lower.len());
    let label = charset_in(&lower[..markup]).or_else(|| {
        let mut from = markup;
        while let Some(at) = find(&lower[from..], b"<meta") {
            let start = from + at;
            let end = lower[start..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(lower.len(), |p| start + p);
            if let Some(label) = charset_in(&lower[start..end]) {
                return Some(label);
            }
            from = end;
        }
        None
    })?;
    let encoding = Encoding::for_label(label)?;
    Some(match encoding.name() {
        "UTF-16LE" | "UTF-16BE" => UTF_8,
        "x-user-defined" => WINDOWS_1252,
        _ => encoding,
    })
}

/// The label after the first `charset=` in `text` (lower case).
fn charset_in(text: &[u8]) -> Option<&[u8]> {
    let at = find(text, b"charset")?;
    let rest = text[at + 7..].trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|label| !label.is_empty())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_windows_1252_is_decoded_and_maps_back_to_bytes() {
        let bytes = b"<meta charset=\"windows-1252\"><p>Caf\xe9 \x96 cr\xe8che</p>";
        let page = decode("p.html", bytes).unwrap();
        assert_eq!(&page.text[29..], "<p>Café – crèche</p>");
        let at = page.text.find("crèche").unwrap();
        assert_eq!(
            &bytes[page.to_file(at)..page.to_file(at + "crèche".len())],
            b"cr\xe8che"
        );
    }

    #[test]
    fn http_header_and_http_equiv_declare_the_encoding() {
        let saved = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>\xe9t\xe9</p>";
        assert_eq!(declared(saved), Some(WINDOWS_1252));
        let equiv = b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\">";
        assert_eq!(declared(equiv).map(Encoding::name), Some("KOI8-R"));
        assert_eq!(declared(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(declared(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn undeclared_page_that_is_not_utf8_is_read_as_windows_1252() {
        let page = b"<p>ok</p>\n<p>caf\xe9 \x96 cr\xe8che</p>";
        let decoded = decode("p.html", page).unwrap();
        assert_eq!(decoded.text, "<p>ok</p>\n<p>café – crèche</p>");
        assert_eq!(decoded.assumed, Some(Assumption::Windows1252 { at: 16 }));
        // After each character of two or three bytes, the text maps back
        // to the one byte it came from.
        let after_dash = decoded.text.find(" cr").unwrap();
        assert_eq!(decoded.to_file(after_dash), 19);
        // A page in UTF-8, or one that says what it is, assumes nothing.
        assert_eq!(
            decode("p.html", "<p>café</p>".as_bytes()).unwrap().assumed,
            None
        );
        let declared = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        assert_eq!(decode("p.html", declared).unwrap().assumed, None);
    }

    #[test]
    fn a_page_declared_in_one_byte_that_is_utf8_is_read_as_utf8() {
        let page = "<meta charset=\"iso-8859-1\"><p>Título – año</p>";
        let decoded = decode("p.html", page.as_bytes()).unwrap();
        assert_eq!(decoded.text, page);
        assert_eq!(
            decoded.assumed,
            Some(Assumption::Utf8 {
                declared: "windows-1252",
                at: page.find('í').unwrap()
            })
        );
        // ASCII alone reads the same either way: nothing is assumed.
        let ascii = b"<meta charset=\"iso-8859-1\"><p>Title</p>";
        assert_eq!(decode("p.html", ascii).unwrap().assumed, None);
    }

    #[test]
    fn a_page_declared_utf8_that_is_not_is_refused_with_its_line() {
        let err = decode("p.html", b"<meta charset=utf-8>\n<p>caf\xe9</p>").unwrap_err();
        assert_eq!((err.line, err.column), (2, 7));
        assert_eq!(err.problem, SourceProblem::NotUtf8(0xe9));
    }

    #[test]
    fn other_encodings_are_refused_by_name() {
        let err = decode("p.html", b"<meta charset=shift_jis><p>x</p>").unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.html:1:1: the page is in Shift_JIS, which is not read; save it as UTF-8 and run again"
        );
        let err = decode("p.html", b"\xff\xfe<\x00p\x00>\x00").unwrap_err();
        assert_eq!(
            err.problem,
            SourceProblem::UnsupportedEncoding("UTF-16LE".into())
        );
        // ISO-8859-8 leaves some bytes undefined.
        let err = decode("p.html", b"<meta charset=iso-8859-8><p>\xbf</p>").unwrap_err();
        assert!(
            matches!(err.problem, SourceProblem::NotInEncoding { byte: 0xbf, .. }),
            "{err}"
        );
    }

    #[test]
    fn a_byte_order_mark_is_outside_the_text_and_inside_offsets() {
        let bytes = "\u{feff}<p>x</p>".as_bytes();
        let page = decode("p.html", bytes).unwrap();
        assert_eq!(page.text, "<p>x</p>");
        assert_eq!(page.to_file(3), 6);
    }
}
