//! The portal's file name: «ФИО работника + Подтип + № документа + от + Дата документа», such as
//! `Иванов Иван Иванович Трудовой договор № 12-к от 25.11.2026.pdf`.
//!
//! The name must survive every file system and archive the document passes through, so it is
//! cleaned:
//! - `/ \ :` become `-` (they occur inside numbers and times: `05/01-9`), `* ? " < > |` become
//!   `_`; control characters and any white space become one space; invisible format characters
//!   (zero-width, bidirectional overrides, soft hyphen, BOM) are dropped;
//! - the decomposed Cyrillic letters macOS file names carry (`и` + U+0306, `е` + U+0308) are
//!   composed to `й` and `ё`: enough of NFC for Russian names without an ICU crate;
//! - leading dots and spaces are trimmed (a leading dot hides a file on Unix), and a name Windows
//!   reserves (`CON`, `NUL`, `COM1` ...) gets a `_` in front;
//! - the whole name, extension included, is at most [`MAX_FILE_NAME_BYTES`] bytes of UTF-8. A
//!   longer name is cut on a character boundary, the subtype first, always keeping the date and
//!   the extension, and the cut is marked with `…`.

use crate::error::{Code, Finding};
use crate::time::Time;

/// The longest file name made, in bytes of UTF-8, extension included.
///
/// ext4, XFS, APFS and ZIP entries allow 255 bytes, NTFS 255 UTF-16 units (a Cyrillic letter is 2
/// bytes of UTF-8 and 1 unit of UTF-16, so bytes are the stricter count). 200 leaves room for the
/// signature suffix (`.sig`, `.2.sig`) and for tools that append ` (1)` to a duplicate.
pub const MAX_FILE_NAME_BYTES: usize = 200;

/// The most characters of one field looked at; the rest could never fit the name.
const MAX_FIELD_CHARS: usize = 1024;

/// A file name made by [`document_file_name`].
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct FileName {
    /// The name, with the `.pdf` extension.
    pub name: String,
    /// The name was cut to fit [`MAX_FILE_NAME_BYTES`].
    pub shortened: bool,
}

/// How a detached signature's file name is derived from the document's.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub enum SignatureSuffix {
    /// `name.pdf` → `name.pdf.sig` (what CryptoPro and most tools write).
    #[default]
    Appended,
    /// `name.pdf` → `name.sig`.
    Replaced,
}

/// The portal's file name for a document:
/// `{employee} {subtype} № {number} от {DD.MM.YYYY}.pdf`.
///
/// `date` is RFC 3339 (`2026-11-25`, `2026-11-25T10:00:00+03:00`: the date as written, not
/// converted to UTC) or `DD.MM.YYYY`. A leading `№` in `number` is dropped, as the rule adds it.
///
/// ```
/// use ekdo_check::policy::document_file_name;
/// let name = document_file_name("Иванов Иван Иванович", "Трудовой договор", "12-к", "2026-11-25").unwrap();
/// assert_eq!(name.name, "Иванов Иван Иванович Трудовой договор № 12-к от 25.11.2026.pdf");
/// ```
///
/// # Errors
/// `POLICY_DATE_INVALID` for a date in neither form; `POLICY_FILE_NAME_EMPTY` (with the field:
/// `employee`, `subtype` or `number`) when nothing is left of a field after cleaning.
pub fn document_file_name(employee: &str, subtype: &str, number: &str, date: &str) -> Result<FileName, Finding> {
    let date = ru_date(date)?;
    let employee = non_empty(clean(employee), "employee")?;
    let subtype = non_empty(clean(subtype), "subtype")?;
    let number = non_empty(clean(number.trim_start().trim_start_matches('№')), "number")?;

    let tail = format!(" № {number} от {date}.pdf");
    let full = format!("{employee} {subtype}{tail}");
    let full = guard_reserved(trim_leading(&full));
    if full.len() <= MAX_FILE_NAME_BYTES {
        return Ok(FileName { name: full, shortened: false });
    }
    // Cut the subtype first: the employee and the number identify the document.
    const MARK: &str = "…";
    let fixed = employee.len() + 1 + tail.len() + MARK.len();
    if let Some(room) = MAX_FILE_NAME_BYTES.checked_sub(fixed) {
        let cut = trim_end(floor_boundary(&subtype, room));
        if !cut.is_empty() {
            let name = guard_reserved(trim_leading(&format!("{employee} {cut}{MARK}{tail}")));
            if name.len() <= MAX_FILE_NAME_BYTES {
                return Ok(FileName { name, shortened: true });
            }
        }
    }
    // The employee or the number alone is too long: cut everything before the date.
    let tail = format!(" от {date}.pdf");
    let head = format!("{employee} {subtype} № {number}");
    let room = MAX_FILE_NAME_BYTES.saturating_sub(tail.len() + MARK.len());
    let cut = trim_end(floor_boundary(&head, room));
    let name = guard_reserved(trim_leading(&format!("{cut}{MARK}{tail}")));
    Ok(FileName { name, shortened: true })
}

/// The file name of a detached signature of `document`: `name.pdf.sig` ([`SignatureSuffix::Appended`])
/// or `name.sig` ([`SignatureSuffix::Replaced`]). With several signatures give `index` (1-based):
/// `name.pdf.2.sig`.
///
/// ```
/// use ekdo_check::policy::{signature_file_name, SignatureSuffix};
/// assert_eq!(signature_file_name("Договор.pdf", SignatureSuffix::Appended, None), "Договор.pdf.sig");
/// assert_eq!(signature_file_name("Договор.pdf", SignatureSuffix::Replaced, Some(2)), "Договор.2.sig");
/// ```
pub fn signature_file_name(document: &str, suffix: SignatureSuffix, index: Option<usize>) -> String {
    let base = match suffix {
        SignatureSuffix::Appended => document,
        SignatureSuffix::Replaced => match document.rfind('.') {
            Some(dot) if dot > 0 => document.get(..dot).unwrap_or(document),
            _ => document,
        },
    };
    match index {
        Some(i) => format!("{base}.{i}.sig"),
        None => format!("{base}.sig"),
    }
}

/// Cleans one part of a file name (see the module docs); no length bound.
///
/// ```
/// use ekdo_check::policy::file_name::clean;
/// assert_eq!(clean(" 05/01:9 <a>\u{200b} "), "05-01-9 _a_");
/// ```
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_FIELD_CHARS * 4));
    let mut space = false;
    for c in text.chars().take(MAX_FIELD_CHARS) {
        let mapped = match c {
            '/' | '\\' | ':' => '-',
            '*' | '?' | '"' | '<' | '>' | '|' => '_',
            '\u{0306}' => {
                if compose(&mut out, &[('и', 'й'), ('И', 'Й')]) {
                    continue;
                }
                c
            }
            '\u{0308}' => {
                if compose(&mut out, &[('е', 'ё'), ('Е', 'Ё')]) {
                    continue;
                }
                c
            }
            c if is_invisible(c) => continue,
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if mapped == ' ' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(mapped);
    }
    out
}

/// The date as `DD.MM.YYYY`, from RFC 3339 or `DD.MM.YYYY`.
///
/// # Errors
/// `POLICY_DATE_INVALID` when the text is neither, or names an impossible day.
pub fn ru_date(text: &str) -> Result<String, Finding> {
    let invalid = || Finding::new(Code::PolicyDateInvalid).arg("value", text.chars().take(64).collect::<String>());
    let t = text.trim();
    let b = t.as_bytes();
    let (year, month, day) = if b.len() == 10 && b.get(2) == Some(&b'.') && b.get(5) == Some(&b'.') {
        (digits(t, 6, 10), digits(t, 3, 5), digits(t, 0, 2))
    } else if b.len() >= 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        // Validate the whole RFC 3339 text, but keep the date as written (the employer's day).
        if b.len() > 10 && Time::parse_rfc3339(t).is_err() {
            return Err(invalid());
        }
        (digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10))
    } else {
        return Err(invalid());
    };
    let (Some(year), Some(month), Some(day)) = (year, month, day) else {
        return Err(invalid());
    };
    if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(invalid());
    }
    Ok(format!("{day:02}.{month:02}.{year:04}"))
}

/// The ASCII digits of `text[from..to]` as a number.
fn digits(text: &str, from: usize, to: usize) -> Option<u32> {
    let part = text.get(from..to)?;
    if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Replaces the last character of `out` by its composed form, if it is a base in `pairs`.
fn compose(out: &mut String, pairs: &[(char, char)]) -> bool {
    let Some(last) = out.chars().next_back() else { return false };
    let Some(&(_, composed)) = pairs.iter().find(|(base, _)| *base == last) else { return false };
    out.pop();
    out.push(composed);
    true
}

/// Characters that show nothing and may reorder or hide text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

fn non_empty(text: String, field: &'static str) -> Result<String, Finding> {
    let text = trim_leading(&text);
    let text = trim_end(&text).to_owned();
    if text.is_empty() {
        return Err(Finding::new(Code::PolicyFileNameEmpty).arg("field", field));
    }
    Ok(text)
}

/// Without leading dots and spaces.
fn trim_leading(text: &str) -> String {
    text.trim_start_matches(['.', ' ']).to_owned()
}

/// Without trailing dots and spaces (Windows drops them silently).
fn trim_end(text: &str) -> &str {
    text.trim_end_matches(['.', ' '])
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn floor_boundary(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// Prefixes `_` when Windows reserves the name (the part before the first dot, trailing spaces
/// ignored): CON, PRN, AUX, NUL, COM0–9, LPT0–9 (and the superscript digits Windows also takes).
fn guard_reserved(name: String) -> String {
    let stem = name.split('.').next().unwrap_or_default().trim_end_matches(' ').to_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ["COM", "LPT"].iter().any(|p| {
            stem.strip_prefix(p).is_some_and(|rest| {
                let mut chars = rest.chars();
                matches!((chars.next(), chars.next()), (Some('0'..='9' | '¹' | '²' | '³'), None))
            })
        });
    if reserved {
        format!("_{name}")
    } else {
        name
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn composes_decomposed_cyrillic() {
        assert_eq!(clean("Андреи\u{0306} Семе\u{0308}нов"), "Андрей Семёнов");
        assert_eq!(clean("\u{0306}x"), "\u{0306}x", "a lone combining mark stays");
    }

    #[test]
    fn reserved_windows_names_are_guarded() {
        assert_eq!(guard_reserved("con.pdf".to_owned()), "_con.pdf");
        assert_eq!(guard_reserved("COM1 .pdf".to_owned()), "_COM1 .pdf");
        assert_eq!(guard_reserved("COM10.pdf".to_owned()), "COM10.pdf");
        assert_eq!(guard_reserved("Console.pdf".to_owned()), "Console.pdf");
    }

    #[test]
    fn dates() {
        assert_eq!(ru_date("2026-11-25").unwrap(), "25.11.2026");
        assert_eq!(ru_date("2026-11-25T23:30:00-03:00").unwrap(), "25.11.2026");
        assert_eq!(ru_date("29.02.2028").unwrap(), "29.02.2028");
        for bad in ["29.02.2026", "2026-13-01", "2026-11-25Tjunk", "25.11.26", "25-11-2026", "", "31.04.2026"] {
            assert_eq!(ru_date(bad).unwrap_err().code, Code::PolicyDateInvalid, "{bad}");
        }
    }
}
