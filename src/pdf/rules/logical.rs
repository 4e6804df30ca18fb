//! ISO 19005-1 6.8, logical structure (level A): marked content (6.8.2.2), a structure tree
//! (6.8.3.3), standard structure types through the role map, without cycles (6.8.3.4), and
//! language identifiers (6.8.4).

use std::collections::BTreeSet;

use crate::pdf::content::Usage;
use crate::pdf::cos::{Dict, Object};
use crate::pdf::model::describe;
use crate::pdf::rules::{show, Ctx, Place};

/// The rules this file decides.
pub const RULES: &[&str] = &["6.8.2.2-1", "6.8.3.3-1", "6.8.3.4-1", "6.8.3.4-2", "6.8.4-1"];

/// The standard structure types of PDF Reference 1.4 §9.7.4.
const STANDARD: &[&[u8]] = &[
    b"Document",
    b"Part",
    b"Art",
    b"Sect",
    b"Div",
    b"BlockQuote",
    b"Caption",
    b"TOC",
    b"TOCI",
    b"Index",
    b"NonStruct",
    b"Private",
    b"P",
    b"H",
    b"H1",
    b"H2",
    b"H3",
    b"H4",
    b"H5",
    b"H6",
    b"L",
    b"LI",
    b"Lbl",
    b"LBody",
    b"Table",
    b"TR",
    b"TH",
    b"TD",
    b"Span",
    b"Quote",
    b"Note",
    b"Reference",
    b"BibEntry",
    b"Code",
    b"Link",
    b"Figure",
    b"Formula",
    b"Form",
];

/// The most structure elements visited.
const MAX_ELEMENTS: usize = 1_000_000;

/// A language identifier of RFC 1766 as veraPDF checks it: `[a-zA-Z]{1,8}(-[a-zA-Z]{1,8})*`,
/// or empty.
pub fn is_language(tag: &str) -> bool {
    tag.is_empty()
        || tag.split('-').all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Runs the 6.8 checks (level A only; at level B the registry skips them).
pub fn check(ctx: &mut Ctx<'_>, usage: &Usage) {
    if !ctx.level_a {
        return;
    }
    ctx.decided(RULES);
    let doc = ctx.doc;
    let Some(catalog) = doc.catalog() else { return };
    let place = || Place::object("root/document[0]/catalog[0]", doc.catalog_id(), None);
    let marked = doc.get_dict(catalog, b"MarkInfo").and_then(|m| doc.get(m, b"Marked")).and_then(Object::boolean);
    ctx.check("6.8.2.2-1", marked == Some(true), place, || format!("MarkInfo Marked {marked:?}"));
    if let Some(lang) = doc.get(catalog, b"Lang").and_then(Object::string) {
        let text = crate::pdf::model::text(&lang.bytes);
        ctx.check("6.8.4-1", is_language(&text), place, || format!("Lang {text:?}"));
    }
    for (lang, p) in &usage.langs {
        ctx.check("6.8.4-1", is_language(lang), || p.clone(), || format!("Lang {lang:?}"));
    }
    let root = doc.get_dict(catalog, b"StructTreeRoot");
    ctx.check("6.8.3.3-1", root.is_some(), place, || "no StructTreeRoot".to_owned());
    let Some(root) = root else { return };
    let role_map = doc.get_dict(root, b"RoleMap");
    let mut stack: Vec<&Object> = match root.get(b"K") {
        Some(k) => vec![k],
        None => Vec::new(),
    };
    let mut visited = BTreeSet::new();
    let mut count = 0usize;
    while let Some(node) = stack.pop() {
        if let Some(id) = node.reference() {
            if !visited.insert(id.num) {
                continue;
            }
        }
        count += 1;
        if count > MAX_ELEMENTS || !ctx.spend(1) {
            return;
        }
        match doc.resolve(node) {
            Object::Array(items) => stack.extend(items.iter()),
            Object::Dict(element) => {
                element_checks(ctx, element, node, role_map);
                if let Some(k) = element.get(b"K") {
                    stack.push(k);
                }
            }
            _ => {}
        }
    }
}

fn element_checks(ctx: &mut Ctx<'_>, element: &Dict, node: &Object, role_map: Option<&Dict>) {
    let doc = ctx.doc;
    let Some(kind) = doc.get_name(element, b"S") else { return };
    let place = || {
        Place::object(
            format!("root/document[0]/StructTreeRoot[0]/K{}", describe(node.reference(), "SEElement")),
            node.reference(),
            None,
        )
    };
    if let Some(lang) = doc.get(element, b"Lang").and_then(Object::string) {
        let text = crate::pdf::model::text(&lang.bytes);
        ctx.check("6.8.4-1", is_language(&text), place, || format!("Lang {text:?}"));
    }
    if STANDARD.contains(&kind) {
        return;
    }
    // Follow the role map until a standard type, a dead end or a cycle.
    let mut current = kind;
    let mut chain: Vec<&[u8]> = vec![kind];
    let mut circular = false;
    let mut standard = false;
    while let Some(next) = role_map.and_then(|m| doc.get_name(m, current)) {
        if chain.contains(&next) {
            circular = true;
            break;
        }
        chain.push(next);
        if STANDARD.contains(&next) {
            standard = true;
            break;
        }
        current = next;
        if chain.len() > 64 {
            break;
        }
    }
    let names = || chain.iter().map(|n| show(n)).collect::<Vec<_>>().join(" -> ");
    ctx.check("6.8.3.4-2", !circular, place, || format!("circular role mapping {}", names()));
    ctx.check("6.8.3.4-1", standard || circular, place, || format!("non-standard structure type {}", names()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::testpdf::{failed, Builder};

    #[test]
    fn level_a_structure() {
        let mut b = Builder::pdfa_level_a();
        assert_eq!(failed(&b.build()), ["6.8.2.2-1", "6.8.3.3-1"]);
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R] /MarkInfo << /Marked true >> /Lang (en-US) /StructTreeRoot 8 0 R >>");
        b.set(8, "<< /Type /StructTreeRoot /K [9 0 R] /RoleMap << /Para /P /Loop1 /Loop2 /Loop2 /Loop1 >> >>");
        b.set(9, "<< /Type /StructElem /S /Document /P 8 0 R /K [10 0 R] >>");
        b.set(10, "<< /Type /StructElem /S /Para /P 9 0 R /Lang (en-US) >>");
        b.content("/P << /MCID 0 /Lang (de-DE) >> BDC 0 0 1 rg 0 0 1 1 re f EMC");
        assert!(failed(&b.build()).is_empty(), "{:?}", failed(&b.build()));
        b.set(10, "<< /Type /StructElem /S /Custom /P 9 0 R /Lang (en_US) >>");
        assert_eq!(failed(&b.build()), ["6.8.3.4-1", "6.8.4-1"]);
        b.set(10, "<< /Type /StructElem /S /Loop1 /P 9 0 R >>");
        b.content("/P << /MCID 0 /Lang (d3) >> BDC EMC");
        assert_eq!(failed(&b.build()), ["6.8.3.4-2", "6.8.4-1"]);
        // Level B does not check logical structure.
        let mut b = Builder::pdfa();
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R] /Lang (1) >>");
        assert!(failed(&b.build()).is_empty());
    }

    #[test]
    fn language_tags() {
        assert!(is_language("en-US") && is_language("ru") && is_language("") && is_language("x-private"));
        assert!(!is_language("en-US1") && !is_language("toolongtag") && !is_language("en_US") && !is_language("-en"));
    }
}
