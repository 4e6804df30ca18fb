//! CMaps (PDF Reference 1.4 §5.6.4 and Adobe Technical Note #5014/#5099): code space ranges,
//! code-to-CID and code-to-Unicode mappings, `WMode` and `CIDSystemInfo`, read from an embedded
//! CMap or ToUnicode stream. Bounded by the stream's size; nothing is executed.

use crate::pdf::cos::{Lexer, Token};

/// The most mapping entries kept (a CJK CMap has tens of thousands).
const MAX_ENTRIES: usize = 200_000;

/// A parsed CMap.
#[derive(Clone, Debug, Default)]
pub struct CMap {
    /// `/CMapName`.
    pub name: Option<String>,
    /// `/WMode` of the program (0 when absent).
    pub wmode: i64,
    /// `/Registry` and `/Ordering` of its `CIDSystemInfo`.
    pub registry: Option<String>,
    /// `/Ordering`.
    pub ordering: Option<String>,
    /// Code space ranges: (low, high, byte length).
    pub codespace: Vec<(u32, u32, usize)>,
    /// Code ranges to CIDs: (low, high, first CID).
    pub cid_ranges: Vec<(u32, u32, u32)>,
    /// Code ranges to Unicode (ToUnicode): (low, high).
    pub unicode_ranges: Vec<(u32, u32)>,
    /// The largest CID any mapping reaches.
    pub max_cid: u64,
}

impl CMap {
    /// Splits a string into codes by the code space ranges (one byte where none match).
    pub fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        let mut out = Vec::new();
        let mut i = 0usize;
        while i < bytes.len() {
            let mut taken = None;
            for len in 1..=4usize {
                let Some(chunk) = bytes.get(i..i + len) else { break };
                let code = chunk.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b));
                if self.codespace.iter().any(|(lo, hi, l)| *l == len && (*lo..=*hi).contains(&code)) {
                    taken = Some((code, len));
                    break;
                }
            }
            let (code, len) = taken.unwrap_or_else(|| (u32::from(bytes.get(i).copied().unwrap_or(0)), 1));
            out.push(code);
            i += len;
        }
        out
    }

    /// The CID of a code (0, .notdef, when unmapped). Ranges are sorted by [`parse`].
    pub fn cid(&self, code: u32) -> u32 {
        let i = self.cid_ranges.partition_point(|(lo, _, _)| *lo <= code);
        match i.checked_sub(1).and_then(|i| self.cid_ranges.get(i)) {
            Some((lo, hi, first)) if code <= *hi => first.saturating_add(code - lo),
            _ => 0,
        }
    }

    /// The code has a Unicode mapping.
    pub fn maps_to_unicode(&self, code: u32) -> bool {
        let i = self.unicode_ranges.partition_point(|(lo, _)| *lo <= code);
        i.checked_sub(1).and_then(|i| self.unicode_ranges.get(i)).is_some_and(|(_, hi)| code <= *hi)
    }
}

fn code_of(bytes: &[u8]) -> (u32, usize) {
    let len = bytes.len().min(4);
    (bytes.iter().take(4).fold(0u32, |a, b| (a << 8) | u32::from(*b)), len)
}

/// Reads a CMap program.
pub fn parse(data: &[u8]) -> CMap {
    let mut cmap = CMap::default();
    let mut lexer = Lexer::new(data, 0);
    lexer.record = false;
    let mut stack: Vec<Token> = Vec::new();
    let mut section: Option<&'static str> = None;
    let mut last_name: Option<Vec<u8>> = None;
    let entries = |c: &CMap| c.cid_ranges.len() + c.unicode_ranges.len() + c.codespace.len();
    while let Some(token) = lexer.next_token() {
        match &token {
            Token::Keyword(k) => match k.as_slice() {
                b"begincodespacerange" | b"begincidrange" | b"begincidchar" | b"beginbfrange" | b"beginbfchar" => {
                    section = match k.as_slice() {
                        b"begincodespacerange" => Some("codespace"),
                        b"begincidrange" => Some("cidrange"),
                        b"begincidchar" => Some("cidchar"),
                        b"beginbfrange" => Some("bfrange"),
                        _ => Some("bfchar"),
                    };
                    stack.clear();
                    continue;
                }
                b"endcodespacerange" | b"endcidrange" | b"endcidchar" | b"endbfrange" | b"endbfchar" => {
                    section = None;
                    stack.clear();
                    continue;
                }
                b"def" => {
                    if let (Some(name), Some(value)) = (last_name.take(), stack.last()) {
                        match (name.as_slice(), value) {
                            (b"WMode", Token::Int(w)) => cmap.wmode = *w,
                            (b"CMapName", Token::Name(n)) => cmap.name = Some(String::from_utf8_lossy(n).into_owned()),
                            (b"Registry", Token::Str(s)) => {
                                cmap.registry = Some(String::from_utf8_lossy(&s.bytes).into_owned())
                            }
                            (b"Ordering", Token::Str(s)) => {
                                cmap.ordering = Some(String::from_utf8_lossy(&s.bytes).into_owned())
                            }
                            _ => {}
                        }
                    }
                    stack.clear();
                }
                _ => {}
            },
            Token::Name(n) if section.is_none() => {
                // `/Key value def`: remember the key; inside `<< >>` too (CIDSystemInfo).
                match stack.last() {
                    Some(Token::Name(key)) if matches!(key.as_slice(), b"CMapName") => {
                        cmap.name = Some(String::from_utf8_lossy(n).into_owned());
                        stack.clear();
                        continue;
                    }
                    _ => {}
                }
                last_name = Some(n.clone());
                stack.clear();
                stack.push(token.clone());
                continue;
            }
            Token::Str(s) if section.is_none() => {
                if let Some(Token::Name(key)) = stack.last() {
                    match key.as_slice() {
                        b"Registry" => cmap.registry = Some(String::from_utf8_lossy(&s.bytes).into_owned()),
                        b"Ordering" => cmap.ordering = Some(String::from_utf8_lossy(&s.bytes).into_owned()),
                        _ => {}
                    }
                }
            }
            Token::Int(i) if section.is_none() => {
                if let Some(Token::Name(key)) = stack.last() {
                    if key.as_slice() == b"WMode" {
                        cmap.wmode = *i;
                    }
                }
            }
            _ => {}
        }
        if section.is_none() {
            stack.push(token);
            if stack.len() > 8 {
                stack.remove(0);
            }
            continue;
        }
        stack.push(token);
        if entries(&cmap) >= MAX_ENTRIES {
            continue;
        }
        match section {
            Some("codespace") => {
                if let [Token::Str(lo), Token::Str(hi)] = stack.as_slice() {
                    let (l, len) = code_of(&lo.bytes);
                    let (h, _) = code_of(&hi.bytes);
                    cmap.codespace.push((l, h, len));
                    stack.clear();
                }
            }
            Some("cidrange") => {
                if let [Token::Str(lo), Token::Str(hi), Token::Int(cid)] = stack.as_slice() {
                    let (l, _) = code_of(&lo.bytes);
                    let (h, _) = code_of(&hi.bytes);
                    let first = u32::try_from(*cid).unwrap_or(u32::MAX);
                    let last = u64::from(first) + u64::from(h.saturating_sub(l));
                    cmap.max_cid = cmap.max_cid.max(last);
                    cmap.cid_ranges.push((l, h.max(l), first));
                    stack.clear();
                }
            }
            Some("cidchar") => {
                if let [Token::Str(code), Token::Int(cid)] = stack.as_slice() {
                    let (c, _) = code_of(&code.bytes);
                    let cid = u32::try_from(*cid).unwrap_or(u32::MAX);
                    cmap.max_cid = cmap.max_cid.max(u64::from(cid));
                    cmap.cid_ranges.push((c, c, cid));
                    stack.clear();
                }
            }
            Some("bfrange") => {
                let done = match stack.get(2) {
                    Some(Token::ArrayOpen) => matches!(stack.last(), Some(Token::ArrayClose)),
                    Some(_) => true,
                    None => false,
                };
                if done {
                    if let (Some(Token::Str(lo)), Some(Token::Str(hi))) = (stack.first(), stack.get(1)) {
                        let (l, _) = code_of(&lo.bytes);
                        let (h, _) = code_of(&hi.bytes);
                        cmap.unicode_ranges.push((l, h.max(l)));
                    }
                    stack.clear();
                }
            }
            Some("bfchar") => {
                if let [Token::Str(code), _] = stack.as_slice() {
                    let (c, _) = code_of(&code.bytes);
                    cmap.unicode_ranges.push((c, c));
                    stack.clear();
                }
            }
            _ => {}
        }
    }
    cmap.cid_ranges.sort_unstable();
    cmap.unicode_ranges.sort_unstable();
    cmap
}

/// `(Registry, Ordering)` of a predefined CMap of PDF Reference 1.4 Table 5.15, by its name.
pub fn predefined_collection(name: &str) -> Option<(&'static str, &'static str)> {
    if name == "Identity-H" || name == "Identity-V" {
        return Some(("Adobe", "Identity"));
    }
    const GB: &[&str] = &["GB-EUC", "GBpc-EUC", "GBK-EUC", "GBKp-EUC", "GBK2K", "UniGB-"];
    const CNS: &[&str] = &["B5pc", "HKscs-B5", "ETen-B5", "ETenms-B5", "CNS-EUC", "UniCNS-"];
    const JAPAN: &[&str] =
        &["83pv-RKSJ", "90ms-RKSJ", "90msp-RKSJ", "90pv-RKSJ", "Add-RKSJ", "EUC-", "Ext-RKSJ", "H", "V", "UniJIS-"];
    const KOREA: &[&str] = &["KSC-EUC", "KSCms-UHC", "KSCms-UHC-HW", "KSCpc-EUC", "UniKS-"];
    let matches = |list: &[&str]| {
        list.iter()
            .any(|p| name == *p || (p.ends_with('-') && name.starts_with(p)) || name.starts_with(&format!("{p}-")))
    };
    if matches(GB) {
        Some(("Adobe", "GB1"))
    } else if matches(CNS) {
        Some(("Adobe", "CNS1"))
    } else if matches(KOREA) {
        Some(("Adobe", "Korea1"))
    } else if matches(JAPAN) {
        Some(("Adobe", "Japan1"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (Korea1) /Supplement 2 >> def
/CMapName /Test-H def /WMode 1 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 begincidrange <0020> <007e> 1 <8000> <8001> 70000 endcidrange
1 begincidchar <0100> 500 endcidchar
2 beginbfchar <0003> <0020> <0004> <0021> endbfchar
1 beginbfrange <0010> <0012> [<0041> <0042> <0043>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn reads_a_cmap() {
        let c = parse(SAMPLE);
        assert_eq!(c.name.as_deref(), Some("Test-H"));
        assert_eq!(c.wmode, 1);
        assert_eq!((c.registry.as_deref(), c.ordering.as_deref()), (Some("Adobe"), Some("Korea1")));
        assert_eq!(c.codes(&[0, 0x21, 1, 0]), vec![0x21, 0x100]);
        assert_eq!(c.cid(0x21), 2);
        assert_eq!(c.cid(0x100), 500);
        assert_eq!(c.cid(0x9999), 0);
        assert_eq!(c.max_cid, 70001);
        assert!(c.maps_to_unicode(4) && c.maps_to_unicode(0x11) && !c.maps_to_unicode(5));
    }

    #[test]
    fn predefined_names() {
        assert_eq!(predefined_collection("UniJIS-UCS2-H"), Some(("Adobe", "Japan1")));
        assert_eq!(predefined_collection("90ms-RKSJ-V"), Some(("Adobe", "Japan1")));
        assert_eq!(predefined_collection("UniKS-UCS2-H"), Some(("Adobe", "Korea1")));
        assert_eq!(predefined_collection("GBK-EUC-H"), Some(("Adobe", "GB1")));
        assert_eq!(predefined_collection("Custom"), None);
    }
}
