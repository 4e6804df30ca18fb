//! The document model the rules read: references resolved, the catalog, the page tree with
//! inherited attributes, reachability, and veraPDF-style context paths.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::pdf::cos::{Dict, ObjId, Object};
use crate::pdf::raw::File;

static NULL: Object = Object::Null;

/// How many references in a row may point to references.
const MAX_REFERENCE_CHAIN: usize = 32;

/// The most pages followed in the page tree (well above any real document).
const MAX_PAGES: usize = 1_000_000;

/// A read PDF file with the helpers the rules use.
#[derive(Debug)]
pub struct Doc<'a> {
    /// The file's bytes.
    pub bytes: &'a [u8],
    /// What was read from them.
    pub file: File,
    /// The pages in order.
    pub pages: Vec<Page>,
    /// Objects reachable from the trailer.
    pub reachable: BTreeSet<u32>,
    /// The first page (0-based) from which each object is reachable.
    pub page_of: BTreeMap<u32, usize>,
}

/// One page with its inherited attributes.
#[derive(Clone, Debug)]
pub struct Page {
    /// The page object, when indirect.
    pub id: Option<ObjId>,
    /// The page dictionary.
    pub dict: Dict,
    /// `Resources`, inherited.
    pub resources: Option<Object>,
}

impl<'a> Doc<'a> {
    /// Builds the model.
    pub fn new(bytes: &'a [u8], file: File) -> Self {
        let mut doc = Doc { bytes, file, pages: Vec::new(), reachable: BTreeSet::new(), page_of: BTreeMap::new() };
        doc.pages = doc.collect_pages();
        doc.reachable = doc.reach_from_trailer();
        doc.page_of = doc.map_pages();
        doc
    }

    /// The object `id` (`null` when absent).
    pub fn object(&self, id: ObjId) -> &Object {
        self.file.get(id).map_or(&NULL, |o| &o.object)
    }

    /// Follows references.
    pub fn resolve<'s>(&'s self, object: &'s Object) -> &'s Object {
        let mut current = object;
        for _ in 0..MAX_REFERENCE_CHAIN {
            match current {
                Object::Ref(id) => current = self.object(*id),
                other => return other,
            }
        }
        &NULL
    }

    /// A dictionary entry, resolved.
    pub fn get<'s>(&'s self, dict: &'s Dict, key: &[u8]) -> Option<&'s Object> {
        let value = self.resolve(dict.get(key)?);
        (!matches!(value, Object::Null)).then_some(value)
    }

    /// A dictionary entry that is a dictionary (or a stream's dictionary), resolved.
    pub fn get_dict<'s>(&'s self, dict: &'s Dict, key: &[u8]) -> Option<&'s Dict> {
        self.get(dict, key).and_then(Object::dict)
    }

    /// A dictionary entry that is a name, resolved.
    pub fn get_name<'s>(&'s self, dict: &'s Dict, key: &[u8]) -> Option<&'s [u8]> {
        self.get(dict, key).and_then(Object::name)
    }

    /// A dictionary entry that is an array, resolved.
    pub fn get_array<'s>(&'s self, dict: &'s Dict, key: &[u8]) -> Option<&'s [Object]> {
        self.get(dict, key).and_then(Object::array)
    }

    /// A dictionary entry that is a number, resolved.
    pub fn get_number(&self, dict: &Dict, key: &[u8]) -> Option<f64> {
        self.get(dict, key).and_then(Object::number)
    }

    /// A dictionary entry that is an integer, resolved.
    pub fn get_int(&self, dict: &Dict, key: &[u8]) -> Option<i64> {
        self.get(dict, key).and_then(Object::int)
    }

    /// The catalog's reference, when it is indirect.
    pub fn catalog_id(&self) -> Option<ObjId> {
        self.file.trailer.get(b"Root").and_then(Object::reference)
    }

    /// The catalog.
    pub fn catalog(&self) -> Option<&Dict> {
        self.get_dict(&self.file.trailer, b"Root")
    }

    /// The document information dictionary.
    pub fn info(&self) -> Option<&Dict> {
        self.get_dict(&self.file.trailer, b"Info")
    }

    fn collect_pages(&self) -> Vec<Page> {
        let mut pages = Vec::new();
        let Some(catalog) = self.catalog() else { return pages };
        let Some(root) = catalog.get(b"Pages") else { return pages };
        let mut seen = BTreeSet::new();
        // (node, inherited resources), depth-first in order.
        let mut stack: Vec<(&Object, Option<Object>)> = vec![(root, None)];
        while let Some((node, inherited)) = stack.pop() {
            if pages.len() >= MAX_PAGES {
                break;
            }
            let id = node.reference();
            if let Some(id) = id {
                if !seen.insert(id) {
                    continue;
                }
            }
            let Some(dict) = self.resolve(node).dict() else { continue };
            let resources = dict.get(b"Resources").cloned().or(inherited);
            let is_pages = dict.get(b"Type").and_then(Object::name) == Some(b"Pages")
                || (dict.get(b"Type").is_none() && dict.has(b"Kids"));
            if is_pages {
                if let Some(kids) = self.get_array(dict, b"Kids") {
                    for kid in kids.iter().rev() {
                        stack.push((kid, resources.clone()));
                    }
                }
            } else {
                pages.push(Page { id, dict: dict.clone(), resources });
            }
        }
        pages
    }

    fn reach_from_trailer(&self) -> BTreeSet<u32> {
        let mut seen = BTreeSet::new();
        let mut queue = VecDeque::new();
        for (key, value) in self.file.trailer.iter() {
            if key != b"Prev" && key != b"XRefStm" {
                push_refs(value, &mut queue);
            }
        }
        while let Some(id) = queue.pop_front() {
            if !seen.insert(id.num) {
                continue;
            }
            if let Some(o) = self.file.get(id) {
                push_refs(&o.object, &mut queue);
            }
        }
        seen
    }

    /// Each object's first page, following everything but `Parent` links.
    fn map_pages(&self) -> BTreeMap<u32, usize> {
        let mut page_of = BTreeMap::new();
        for (index, page) in self.pages.iter().enumerate() {
            let mut queue = VecDeque::new();
            if let Some(id) = page.id {
                queue.push_back(id);
            }
            while let Some(id) = queue.pop_front() {
                if page_of.contains_key(&id.num) {
                    continue;
                }
                page_of.insert(id.num, index);
                if let Some(o) = self.file.get(id) {
                    if let Some(d) = o.object.dict() {
                        for (key, value) in d.iter() {
                            if key != b"Parent" && key != b"P" && key != b"Dest" && key != b"Prev" && key != b"Next" {
                                push_refs(value, &mut queue);
                            }
                        }
                    } else {
                        push_refs(&o.object, &mut queue);
                    }
                }
            }
        }
        page_of
    }

    /// The 0-based page an object is first reached from.
    pub fn page_index(&self, id: ObjId) -> Option<usize> {
        self.page_of.get(&id.num).copied()
    }
}

/// Adds every reference inside `object` to `queue` (bounded by the object's own size).
pub fn push_refs(object: &Object, queue: &mut VecDeque<ObjId>) {
    let mut stack = vec![object];
    while let Some(o) = stack.pop() {
        match o {
            Object::Ref(id) => queue.push_back(*id),
            Object::Array(items) => stack.extend(items.iter()),
            Object::Dict(d) => stack.extend(d.0.iter().map(|(_, v)| v)),
            Object::Stream(s) => stack.extend(s.dict.0.iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

/// A veraPDF-style path segment for an object: `(12 0 obj PDPage)`.
pub fn describe(id: Option<ObjId>, kind: &str) -> String {
    match (id, kind.is_empty()) {
        (Some(id), true) => format!("({} {} obj)", id.num, id.gen),
        (Some(id), false) => format!("({} {} obj {kind})", id.num, id.gen),
        (None, _) => format!("({kind})"),
    }
}

/// `root/document[0]/pages[i](n g obj PDPage)`.
pub fn page_path(doc: &Doc<'_>, index: usize) -> String {
    let id = doc.pages.get(index).and_then(|p| p.id);
    format!("root/document[0]/pages[{index}]{}", describe(id, "PDPage"))
}

/// A text string as PDF Reference 1.4 §3.8.1 defines it: UTF-16BE with a byte-order mark, else
/// PDFDocEncoding (Appendix D).
pub fn text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0)]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|b| pdf_doc_char(*b)).collect()
}

/// One PDFDocEncoding byte as a character.
pub fn pdf_doc_char(b: u8) -> char {
    const HIGH: [u16; 33] = [
        0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212, 0x2030, 0x201E, 0x201C,
        0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142,
        0x0153, 0x0161, 0x017E, 0xFFFD, 0x20AC,
    ];
    const LOW: [u16; 8] = [0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC];
    let code = match b {
        0x18..=0x1F => LOW.get(usize::from(b - 0x18)).copied().unwrap_or(0xFFFD),
        0x80..=0xA0 => HIGH.get(usize::from(b - 0x80)).copied().unwrap_or(0xFFFD),
        _ => u16::from(b),
    };
    char::from_u32(u32::from(code)).unwrap_or('\u{FFFD}')
}

/// A PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, PDF Reference 1.4 §3.8.3) as seconds since the epoch,
/// read as veraPDF reads it (missing parts take their lowest value, no zone is UTC).
pub fn pdf_date(text: &str) -> Option<i64> {
    let s = text.strip_prefix("D:")?;
    let s = if s.ends_with("''") { return None } else { s.strip_suffix('\'').unwrap_or(s) };
    let b = s.as_bytes();
    let field = |from: usize, len: usize| -> Option<i64> {
        let part = s.get(from..from + len)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok()).flatten()
    };
    let year = field(0, 4)?;
    let opt = |from: usize, default: i64| -> Option<i64> {
        if b.len() > from {
            field(from, 2)
        } else {
            Some(default)
        }
    };
    let month = opt(4, 1)?;
    let day = opt(6, 1)?;
    let hour = opt(8, 0)?;
    let minute = opt(10, 0)?;
    let second = opt(12, 0)?;
    let mut offset = 0;
    if b.len() > 14 {
        let sign = match b.get(14) {
            Some(b'Z') => 0,
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return None,
        };
        let tz_hours = if b.len() > 15 { field(15, 2)? } else { 0 };
        if b.len() > 17 && b.get(17) != Some(&b'\'') {
            return None;
        }
        let tz_minutes = if b.len() > 18 { field(18, 2)? } else { 0 };
        if b.len() > 20 {
            return None;
        }
        if sign == 0 && (tz_hours != 0 || tz_minutes != 0) {
            return None;
        }
        offset = sign * (tz_hours * 3600 + tz_minutes * 60);
    }
    Some(crate::pdf::xmp::epoch_seconds(year, month, day, hour, minute, second) - offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use crate::pdf::filter::Inflation;
    use crate::pdf::raw;

    #[test]
    fn pages_inherit_resources_and_cycles_stop() {
        let text = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R 2 0 R 4 0 R] /Resources << /X 1 >> >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n4 0 obj\n<< /Type /Page /Resources << /Y 2 >> >>\nendobj\n%%EOF\n";
        let limits = Limits::default();
        let file = raw::read(text, &limits, &mut Inflation::new(&limits));
        let doc = Doc::new(text, file);
        assert_eq!(doc.pages.len(), 2);
        assert!(doc.pages[0].resources.as_ref().unwrap().dict().unwrap().has(b"X"));
        assert!(doc.pages[1].resources.as_ref().unwrap().dict().unwrap().has(b"Y"));
        assert_eq!(doc.page_index(ObjId { num: 4, gen: 0 }), Some(1));
        assert!(doc.reachable.contains(&3));
        assert_eq!(page_path(&doc, 1), "root/document[0]/pages[1](4 0 obj PDPage)");
    }

    #[test]
    fn text_strings_and_dates() {
        assert_eq!(text(b"\xfe\xff\x04\x1f\x04\x40"), "Пр");
        assert_eq!(text(b"a\x80\xa0"), "a•€");
        assert_eq!(pdf_date("D:19700101000000Z"), Some(0));
        assert_eq!(pdf_date("D:20150310171921+01'00'"), Some(1_426_004_361));
        assert_eq!(pdf_date("D:20150310171921+01'00"), Some(1_426_004_361));
        assert_eq!(pdf_date("D:2015"), Some(1_420_070_400));
        assert_eq!(pdf_date("2015"), None);
        assert_eq!(pdf_date("D:2015031017192"), None);
    }
}
