//! XMP metadata: the PDF/A identification schema (`pdfaid`, ISO 19005-1 6.7.11).

use lopdf::{Document, Object};
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use crate::limits::Limits;

/// The PDF/A identification namespace.
pub const PDFAID_NS: &[u8] = b"http://www.aiim.org/pdfa/ns/id/";

/// What the XMP metadata of the catalog says about PDF/A.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct Identification {
    /// The catalog has a Metadata stream.
    pub has_metadata: bool,
    /// `pdfaid:part`.
    pub part: Option<String>,
    /// `pdfaid:conformance`.
    pub conformance: Option<String>,
}

impl Identification {
    /// `"1A"` or `"1B"` when the document claims PDF/A-1, else `None`.
    pub fn claimed(&self) -> Option<String> {
        let part = self.part.as_deref()?.trim();
        let conformance = self.conformance.as_deref()?.trim();
        (part == "1" && matches!(conformance, "A" | "B")).then(|| format!("1{conformance}"))
    }
}

/// The bytes of the catalog's Metadata stream, decoded.
pub fn catalog_metadata(document: &Document, limits: &Limits) -> Option<Vec<u8>> {
    let catalog = document.catalog().ok()?;
    let reference = catalog.get(b"Metadata").ok()?.as_reference().ok()?;
    let stream = document.get_object(reference).ok()?.as_stream().ok()?;
    let content =
        if stream.dict.get(b"Filter").is_ok() { stream.decompressed_content().ok()? } else { stream.content.clone() };
    let limit = usize::try_from(limits.max_decompressed_per_stream).unwrap_or(usize::MAX);
    (content.len() <= limit).then_some(content)
}

/// Reads `pdfaid:part` and `pdfaid:conformance` from the catalog's XMP.
pub fn identification(document: &Document, limits: &Limits) -> Identification {
    let Some(xml) = catalog_metadata(document, limits) else {
        return Identification::default();
    };
    let mut ident = parse_pdfaid(&xml);
    ident.has_metadata = true;
    ident
}

/// Reads the `pdfaid` properties from XMP packet bytes, as attributes or as elements.
pub fn parse_pdfaid(xml: &[u8]) -> Identification {
    let mut ident = Identification::default();
    let mut reader = NsReader::from_reader(xml);
    let mut buf = Vec::new();
    let mut current: Option<&'static str> = None;
    loop {
        match reader.read_resolved_event_into(&mut buf) {
            Ok((ResolveResult::Bound(ns), Event::Start(e))) if ns.as_ref() == PDFAID_NS => {
                current = property(e.local_name().as_ref());
            }
            Ok((_, Event::Start(e) | Event::Empty(e))) => {
                for attr in e.attributes().flatten() {
                    let (ns, local) = reader.resolver().resolve_attribute(attr.key);
                    if matches!(ns, ResolveResult::Bound(n) if n.as_ref() == PDFAID_NS) {
                        if let (Some(name), Ok(value)) = (property(local.as_ref()), attr.unescape_value()) {
                            set(&mut ident, name, value.trim().to_owned());
                        }
                    }
                }
                current = None;
            }
            Ok((_, Event::Text(t))) => {
                if let (Some(name), Ok(text)) = (current, t.decode()) {
                    set(&mut ident, name, text.trim().to_owned());
                }
            }
            Ok((_, Event::End(_))) => current = None,
            Ok((_, Event::Eof)) | Err(_) => break,
            Ok(_) => {}
        }
        buf.clear();
    }
    ident
}

fn property(local: &[u8]) -> Option<&'static str> {
    match local {
        b"part" => Some("part"),
        b"conformance" => Some("conformance"),
        _ => None,
    }
}

fn set(ident: &mut Identification, name: &str, value: String) {
    let slot = if name == "part" { &mut ident.part } else { &mut ident.conformance };
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// A PDF object as text, for messages.
pub fn describe(object: &Object) -> String {
    format!("{object:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_form() {
        let xml = br#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description></rdf:RDF></x:xmpmeta>"#;
        assert_eq!(parse_pdfaid(xml).claimed().as_deref(), Some("1B"));
    }

    #[test]
    fn attribute_form() {
        let xml = br#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:p="http://www.aiim.org/pdfa/ns/id/" p:part="1" p:conformance="A"/></rdf:RDF>"#;
        assert_eq!(parse_pdfaid(xml).claimed().as_deref(), Some("1A"));
    }

    #[test]
    fn other_parts_are_not_pdfa1() {
        let xml = br#"<r xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></r>"#;
        let ident = parse_pdfaid(xml);
        assert_eq!(ident.part.as_deref(), Some("2"));
        assert_eq!(ident.claimed(), None);
    }

    #[test]
    fn wrong_namespace_is_ignored() {
        let xml = br#"<r xmlns:pdfaid="http://example.test/"><pdfaid:part>1</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></r>"#;
        assert_eq!(parse_pdfaid(xml).claimed(), None);
    }
}
