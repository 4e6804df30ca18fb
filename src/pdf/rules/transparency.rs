//! ISO 19005-1 6.4, transparency: no soft masks, blend modes other than Normal/Compatible,
//! constant alpha below 1.0, or transparency groups, in what the content uses.

use crate::pdf::content::Usage;
use crate::pdf::cos::Object;
use crate::pdf::model::page_path;
use crate::pdf::rules::{show, Ctx, Place};

/// The rules this file decides.
pub const RULES: &[&str] = &["6.4-1", "6.4-2", "6.4-3", "6.4-4", "6.4-5", "6.4-6"];

/// Runs the 6.4 checks.
pub fn check(ctx: &mut Ctx<'_>, usage: &Usage) {
    ctx.decided(RULES);
    let doc = ctx.doc;
    for gs in &usage.ext_gstates {
        let place = || gs.place.clone();
        let value = |key: &[u8]| gs.dict.get(key).map(|v| doc.resolve(v));
        let smask = value(b"SMask");
        ctx.check("6.4-1", smask.is_none_or(|s| s.name() == Some(b"None")), place, || {
            "SMask other than None".to_owned()
        });
        let bm = value(b"BM").map(|b| match b {
            Object::Array(items) => {
                items.first().map(|i| doc.resolve(i)).and_then(Object::name).unwrap_or_default().to_vec()
            }
            other => other.name().unwrap_or(b"(not a name)").to_vec(),
        });
        ctx.check("6.4-4", bm.as_deref().is_none_or(|b| b == b"Normal" || b == b"Compatible"), place, || {
            format!("BM {}", show(bm.as_deref().unwrap_or_default()))
        });
        for (rule, key) in [("6.4-5", b"CA"), ("6.4-6", b"ca")] {
            let alpha = value(key).map(|v| v.number());
            let ok = match alpha {
                None => true,
                Some(Some(a)) => (a - 1.0).abs() < 0.000_001,
                Some(None) => false,
            };
            ctx.check(rule, ok, place, || format!("{} {alpha:?}", String::from_utf8_lossy(key)));
        }
    }
    for x in usage.images.iter().filter(|i| i.dict.has(b"Subtype")).chain(usage.forms.iter()) {
        ctx.check("6.4-2", !x.dict.has(b"SMask"), || x.place.clone(), || "SMask".to_owned());
    }
    let is_transparency = |group: Option<&Object>| {
        group.and_then(|g| doc.resolve(g).dict()).and_then(|g| doc.get_name(g, b"S")) == Some(b"Transparency")
    };
    for form in &usage.forms {
        ctx.check(
            "6.4-3",
            !is_transparency(form.dict.get(b"Group")),
            || form.place.clone(),
            || "form XObject with a transparency group".to_owned(),
        );
    }
    for (index, page) in doc.pages.iter().enumerate() {
        ctx.check(
            "6.4-3",
            !is_transparency(page.dict.get(b"Group")),
            || Place::object(page_path(doc, index), page.id, Some(index)),
            || "page with a transparency group".to_owned(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::pdf::testpdf::{failed, Builder};

    #[test]
    fn soft_masks_blend_modes_alpha_and_groups() {
        let mut b = Builder::pdfa();
        b.set(8, "<< /Type /ExtGState /SMask << /S /Luminosity >> /BM /Multiply /CA 0.5 /ca 1.0000001 >>");
        b.resources("<< /ExtGState << /G 8 0 R >> >>");
        b.content("/G gs 0 0 1 rg 0 0 1 1 re f");
        let f = failed(&b.build());
        assert_eq!(f, ["6.4-1", "6.4-4", "6.4-5"]);
        b.set(8, "<< /Type /ExtGState /SMask /None /BM /Compatible /CA 1 /ca 1.0 >>");
        assert!(failed(&b.build()).is_empty());
        b.set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Group << /S /Transparency >> /Resources << /ExtGState << /G 8 0 R >> >> >>");
        assert_eq!(failed(&b.build()), ["6.4-3"]);
    }

    #[test]
    fn xobject_soft_mask() {
        let mut b = Builder::pdfa();
        b.stream(
            8,
            "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 9 0 R",
            b"\0\0\0",
        );
        b.stream(
            9,
            "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
            b"\0",
        );
        b.resources("<< /XObject << /Im 8 0 R >> >>");
        b.content("/Im Do");
        assert_eq!(failed(&b.build()), ["6.4-2"]);
    }
}
