//! ISO 19005-1 6.9, interactive forms: no `NeedAppearances` true, and an appearance for every
//! widget.

use crate::pdf::rules::annotations::annotations;
use crate::pdf::rules::{Ctx, Place};

/// The rules this file decides.
pub const RULES: &[&str] = &["6.9-1", "6.9-2"];

/// Runs the 6.9 checks.
pub fn check(ctx: &mut Ctx<'_>) {
    ctx.decided(RULES);
    let doc = ctx.doc;
    if let Some(form) = doc.catalog().and_then(|c| doc.get_dict(c, b"AcroForm")) {
        let need = doc.get(form, b"NeedAppearances").and_then(|v| v.boolean());
        ctx.check(
            "6.9-1",
            need != Some(true),
            || Place::path("root/document[0]/acroForm[0]"),
            || "NeedAppearances true".to_owned(),
        );
    }
    for a in annotations(doc) {
        if doc.get_name(a.dict, b"Subtype") == Some(b"Widget") {
            ctx.check(
                "6.9-2",
                a.dict.has(b"AP"),
                || Place::object(a.path.clone(), a.id, Some(a.page)),
                || "widget without an appearance dictionary".to_owned(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::pdf::testpdf::{failed, Builder};

    #[test]
    fn need_appearances_and_widget_appearances() {
        let mut b = Builder::pdfa();
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R] /AcroForm << /Fields [8 0 R] /NeedAppearances true >> >>");
        b.set(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> /Annots [8 0 R] >>",
        );
        b.set(8, "<< /Type /Annot /Subtype /Widget /FT /Ch /T (f) /Rect [0 0 10 10] /F 4 >>");
        assert_eq!(failed(&b.build()), ["6.9-1", "6.9-2"]);
    }
}
