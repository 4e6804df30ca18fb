//! Glyph-name tables for fonts: the simple-font encodings of PDF Reference 1.4 Appendix D
//! (StandardEncoding, MacRomanEncoding, WinAnsiEncoding, MacExpertEncoding, and the Symbol font's
//! built-in encoding), the 391 standard strings of the CFF specification (Adobe Technical Note
//! #5176, Appendix A), the glyph names of the Symbol font, and the names of the Adobe Glyph List
//! (github.com/adobe-type-tools/agl-aglfn). The tables are in `src/pdf/data/`, one name per
//! code or entry, separated by spaces, `.` for an empty code.

use std::sync::OnceLock;

/// A simple-font encoding.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Encoding {
    /// StandardEncoding (Type 1 default).
    Standard,
    /// MacRomanEncoding.
    MacRoman,
    /// WinAnsiEncoding.
    WinAnsi,
    /// MacExpertEncoding.
    MacExpert,
    /// The Symbol font's built-in encoding.
    Symbol,
}

impl Encoding {
    /// The encoding a PDF name denotes.
    pub fn from_name(name: &[u8]) -> Option<Self> {
        match name {
            b"StandardEncoding" => Some(Encoding::Standard),
            b"MacRomanEncoding" => Some(Encoding::MacRoman),
            b"WinAnsiEncoding" => Some(Encoding::WinAnsi),
            b"MacExpertEncoding" => Some(Encoding::MacExpert),
            _ => None,
        }
    }
}

fn table(cell: &'static OnceLock<Vec<&'static str>>, text: &'static str) -> &'static [&'static str] {
    cell.get_or_init(|| text.split_whitespace().collect())
}

/// The glyph name of `code` in `encoding`.
pub fn glyph_name(encoding: Encoding, code: u8) -> Option<&'static str> {
    static STANDARD: OnceLock<Vec<&'static str>> = OnceLock::new();
    static MAC_ROMAN: OnceLock<Vec<&'static str>> = OnceLock::new();
    static WIN_ANSI: OnceLock<Vec<&'static str>> = OnceLock::new();
    static MAC_EXPERT: OnceLock<Vec<&'static str>> = OnceLock::new();
    static SYMBOL: OnceLock<Vec<&'static str>> = OnceLock::new();
    let names = match encoding {
        Encoding::Standard => table(&STANDARD, include_str!("data/encoding-standard.txt")),
        Encoding::MacRoman => table(&MAC_ROMAN, include_str!("data/encoding-mac-roman.txt")),
        Encoding::WinAnsi => table(&WIN_ANSI, include_str!("data/encoding-win-ansi.txt")),
        Encoding::MacExpert => table(&MAC_EXPERT, include_str!("data/encoding-mac-expert.txt")),
        Encoding::Symbol => table(&SYMBOL, include_str!("data/encoding-symbol.txt")),
    };
    names.get(usize::from(code)).copied().filter(|n| *n != ".")
}

/// The number of CFF standard strings.
pub const CFF_STANDARD_STRINGS: usize = 391;

/// A CFF standard string by SID.
pub fn cff_standard_string(sid: usize) -> Option<&'static str> {
    static STRINGS: OnceLock<Vec<&'static str>> = OnceLock::new();
    table(&STRINGS, include_str!("data/cff-standard-strings.txt")).get(sid).copied()
}

fn agl() -> &'static [(&'static str, u32)] {
    static AGL: OnceLock<Vec<(&'static str, u32)>> = OnceLock::new();
    AGL.get_or_init(|| {
        include_str!("data/agl-names.txt")
            .lines()
            .filter_map(|l| {
                let (name, hex) = l.split_once(' ')?;
                Some((name, u32::from_str_radix(hex.trim(), 16).ok()?))
            })
            .collect()
    })
}

/// The name is in the Adobe Glyph List.
pub fn is_agl(name: &str) -> bool {
    agl().binary_search_by(|(n, _)| n.cmp(&name)).is_ok()
}

/// The Unicode value of a glyph name: from the Adobe Glyph List, or a `uniXXXX` / `uXXXX[XX]`
/// name.
pub fn unicode_of(name: &str) -> Option<u32> {
    if let Ok(i) = agl().binary_search_by(|(n, _)| n.cmp(&name)) {
        return agl().get(i).map(|(_, u)| *u);
    }
    let hex = |h: &str| u32::from_str_radix(h, 16).ok().filter(|_| h.bytes().all(|b| b.is_ascii_hexdigit()));
    match name.strip_prefix("uni") {
        Some(h) if h.len() == 4 => hex(h),
        _ => name.strip_prefix('u').filter(|h| (4..=6).contains(&h.len())).and_then(hex),
    }
}

/// The code of a glyph name in an encoding.
pub fn code_of(encoding: Encoding, name: &str) -> Option<u8> {
    (0u8..=255).find(|c| glyph_name(encoding, *c) == Some(name))
}

/// The name is a glyph of the Symbol font.
pub fn is_symbol_glyph(name: &str) -> bool {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    table(&NAMES, include_str!("data/symbol-glyphs.txt")).binary_search(&name).is_ok()
}

/// The standard 14 fonts (PDF Reference 1.4 §5.5.1), with their common aliases.
pub fn is_standard_14(name: &[u8]) -> bool {
    matches!(
        name,
        b"Times-Roman"
            | b"Times-Bold"
            | b"Times-Italic"
            | b"Times-BoldItalic"
            | b"Helvetica"
            | b"Helvetica-Bold"
            | b"Helvetica-Oblique"
            | b"Helvetica-BoldOblique"
            | b"Courier"
            | b"Courier-Bold"
            | b"Courier-Oblique"
            | b"Courier-BoldOblique"
            | b"Symbol"
            | b"ZapfDingbats"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_their_sizes() {
        assert_eq!(glyph_name(Encoding::WinAnsi, b'A'), Some("A"));
        assert_eq!(glyph_name(Encoding::Standard, 0xe1), Some("AE"));
        assert_eq!(glyph_name(Encoding::MacRoman, 0x80), Some("Adieresis"));
        assert_eq!(glyph_name(Encoding::Standard, 0), None);
        assert_eq!(cff_standard_string(0), Some(".notdef"));
        assert_eq!(cff_standard_string(390), Some("Semibold"));
        assert_eq!(cff_standard_string(391), None);
        assert!(is_agl("afii10017") && is_agl("A") && !is_agl("g123"));
        assert!(is_symbol_glyph("Alpha") && !is_symbol_glyph("A"));
        let names: Vec<&str> = include_str!("data/agl-names.txt").lines().filter_map(|l| l.split(' ').next()).collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "AGL names must be sorted");
        assert_eq!(names.len(), 4282);
        assert_eq!(agl().len(), 4282);
        assert_eq!(unicode_of("afii10017"), Some(0x0410));
        assert_eq!(unicode_of("uni0416"), Some(0x0416));
        assert_eq!(unicode_of("u1F600"), Some(0x1F600));
        assert_eq!(unicode_of("g12"), None);
        assert_eq!(code_of(Encoding::MacRoman, "eacute"), Some(0x8E));
    }
}
