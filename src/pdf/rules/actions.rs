//! ISO 19005-1 6.6, actions: allowed action types and named actions (6.6.1), no actions on
//! form fields and no additional-actions dictionaries on widgets, fields or the catalog (6.6.2).

use std::collections::BTreeSet;

use crate::pdf::cos::{Dict, ObjId, Object};
use crate::pdf::model::describe;
use crate::pdf::rules::annotations::annotations;
use crate::pdf::rules::{show, Ctx, Place};

/// The rules this file decides.
pub const RULES: &[&str] = &["6.6.1-1", "6.6.1-2", "6.6.1-3", "6.6.2-1", "6.6.2-2", "6.6.2-3"];

const ALLOWED: &[&[u8]] = &[b"GoTo", b"GoToR", b"Thread", b"URI", b"Named", b"SubmitForm"];
const NAMED: &[&[u8]] = &[b"NextPage", b"PrevPage", b"FirstPage", b"LastPage"];

/// Runs the 6.6 checks.
pub fn check(ctx: &mut Ctx<'_>) {
    ctx.decided(RULES);
    let doc = ctx.doc;
    let Some(catalog) = doc.catalog() else { return };
    let catalog_place = || Place::object("root/document[0]/catalog[0]", doc.catalog_id(), None);
    ctx.check("6.6.2-3", !catalog.has(b"AA"), catalog_place, || "AA in the catalog".to_owned());
    let mut seen = BTreeSet::new();
    if let Some(open) = catalog.get(b"OpenAction") {
        if doc.resolve(open).dict().is_some() {
            action(ctx, open, "root/document[0]/openAction[0]", None, &mut seen);
        }
    }
    additional(ctx, catalog, "root/document[0]/catalog[0]", None, &mut seen);
    for (index, page) in doc.pages.iter().enumerate() {
        additional(ctx, &page.dict, &crate::pdf::model::page_path(doc, index), Some(index), &mut seen);
    }
    for a in annotations(doc) {
        let place = || Place::object(a.path.clone(), a.id, Some(a.page));
        if let Some(act) = a.dict.get(b"A") {
            action(ctx, act, &format!("{}/A[0]", a.path), Some(a.page), &mut seen);
        }
        additional(ctx, a.dict, &a.path, Some(a.page), &mut seen);
        if doc.get_name(a.dict, b"Subtype") == Some(b"Widget") {
            ctx.check("6.6.1-3", !a.dict.has(b"A"), place, || "widget annotation with an action (A)".to_owned());
            ctx.check("6.6.2-1", !a.dict.has(b"AA"), place, || "widget annotation with AA".to_owned());
        }
    }
    outlines(ctx, catalog, &mut seen);
    fields(ctx, catalog, &mut seen);
}

/// Checks the actions of an additional-actions dictionary (`AA`).
fn additional(ctx: &mut Ctx<'_>, owner: &Dict, path: &str, page: Option<usize>, seen: &mut BTreeSet<u32>) {
    let doc = ctx.doc;
    let Some(aa) = doc.get_dict(owner, b"AA") else { return };
    for (trigger, act) in aa.iter() {
        action(ctx, act, &format!("{path}/AA[0]/{}", show(trigger)), page, seen);
    }
}

/// Checks an action and the actions its `Next` chain holds.
fn action(ctx: &mut Ctx<'_>, object: &Object, path: &str, page: Option<usize>, seen: &mut BTreeSet<u32>) {
    let doc = ctx.doc;
    let mut queue = vec![(object, path.to_owned())];
    while let Some((o, path)) = queue.pop() {
        if let Some(id) = o.reference() {
            if !seen.insert(id.num) {
                continue;
            }
        }
        if seen.len() > 100_000 || !ctx.spend(1) {
            return;
        }
        let Some(dict) = doc.resolve(o).dict() else { continue };
        let place = || Place::object(format!("{path}{}", describe(o.reference(), "PDAction")), o.reference(), page);
        let kind = doc.get_name(dict, b"S").unwrap_or_default();
        ctx.check("6.6.1-1", ALLOWED.contains(&kind), place, || format!("{} action", show(kind)));
        if kind == b"Named" {
            let name = doc.get_name(dict, b"N").unwrap_or_default();
            ctx.check("6.6.1-2", NAMED.contains(&name), place, || format!("named action {}", show(name)));
        }
        match dict.get(b"Next") {
            Some(Object::Array(items)) => queue.extend(items.iter().map(|i| (i, format!("{path}/Next")))),
            Some(next) => {
                if let Object::Array(items) = doc.resolve(next) {
                    queue.extend(items.iter().map(|i| (i, format!("{path}/Next"))));
                } else {
                    queue.push((next, format!("{path}/Next")));
                }
            }
            None => {}
        }
    }
}

fn outlines(ctx: &mut Ctx<'_>, catalog: &Dict, seen: &mut BTreeSet<u32>) {
    let doc = ctx.doc;
    let Some(root) = doc.get_dict(catalog, b"Outlines") else { return };
    let mut stack: Vec<&Object> = root.get(b"First").into_iter().collect();
    let mut visited: BTreeSet<u32> = BTreeSet::new();
    while let Some(item) = stack.pop() {
        if let Some(id) = item.reference() {
            if !visited.insert(id.num) {
                continue;
            }
        }
        if visited.len() > 100_000 || !ctx.spend(1) {
            return;
        }
        let Some(dict) = doc.resolve(item).dict() else { continue };
        if let Some(a) = dict.get(b"A") {
            action(
                ctx,
                a,
                &format!("root/document[0]/outlines[0]/outline{}/A[0]", describe(item.reference(), "PDOutlineItem")),
                None,
                seen,
            );
        }
        stack.extend(dict.get(b"Next"));
        stack.extend(dict.get(b"First"));
    }
}

/// 6.6.2-2 on every field of the interactive form.
fn fields(ctx: &mut Ctx<'_>, catalog: &Dict, seen: &mut BTreeSet<u32>) {
    let doc = ctx.doc;
    let Some(form) = doc.get_dict(catalog, b"AcroForm") else { return };
    let mut stack: Vec<&Object> = doc.get_array(form, b"Fields").unwrap_or_default().iter().collect();
    let mut visited: BTreeSet<u32> = BTreeSet::new();
    while let Some(field) = stack.pop() {
        if let Some(id) = field.reference() {
            if !visited.insert(id.num) {
                continue;
            }
        }
        if visited.len() > 100_000 || !ctx.spend(1) {
            return;
        }
        let Some(dict) = doc.resolve(field).dict() else { continue };
        let id: Option<ObjId> = field.reference();
        if doc.get_name(dict, b"Subtype") != Some(b"Widget") {
            additional(ctx, dict, "root/document[0]/acroForm[0]/formFields", None, seen);
        }
        ctx.check(
            "6.6.2-2",
            !dict.has(b"AA"),
            || {
                Place::object(
                    format!("root/document[0]/acroForm[0]/formFields{}", describe(id, "PDFormField")),
                    id,
                    None,
                )
            },
            || "form field with AA".to_owned(),
        );
        stack.extend(doc.get_array(dict, b"Kids").unwrap_or_default().iter());
    }
}

#[cfg(test)]
mod tests {
    use crate::pdf::testpdf::{failed, Builder};

    #[test]
    fn actions_and_additional_actions() {
        let mut b = Builder::pdfa();
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R] /OpenAction << /S /JavaScript /JS (x) /Next << /S /Named /N /Print >> >> /AA << >> >>");
        assert_eq!(failed(&b.build()), ["6.6.1-1", "6.6.1-2", "6.6.2-3"]);
        let mut b = Builder::pdfa();
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R] /OpenAction << /S /Named /N /NextPage >> /Outlines 10 0 R >>");
        b.set(10, "<< /Type /Outlines /First 11 0 R /Last 11 0 R >>");
        b.set(11, "<< /Title (x) /Parent 10 0 R /A << /S /Launch /F (calc.exe) >> >>");
        assert_eq!(failed(&b.build()), ["6.6.1-1"]);
    }

    #[test]
    fn widgets_and_fields() {
        let mut b = Builder::pdfa();
        b.set(
            1,
            "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R] /AcroForm << /Fields [8 0 R] >> >>",
        );
        b.set(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> /Annots [8 0 R] >>",
        );
        b.set(8, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (f) /Rect [0 0 10 10] /F 4 /AP << /N 9 0 R >> /A << /S /URI /URI (http://x) >> /AA << /K << /S /JavaScript /JS (1) >> >> >>");
        b.stream(9, "/Type /XObject /Subtype /Form /BBox [0 0 10 10]", b"");
        assert_eq!(failed(&b.build()), ["6.6.1-1", "6.6.1-3", "6.6.2-1", "6.6.2-2"]);
    }
}
