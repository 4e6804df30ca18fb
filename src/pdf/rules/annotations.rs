//! ISO 19005-1 6.5, annotations: allowed types (6.5.2), and the annotation dictionary: no
//! transparency, printable and visible, colours only with an RGB output intent, a normal
//! appearance of the right form (6.5.3).

use crate::pdf::cos::{Dict, ObjId, Object};
use crate::pdf::model::{describe, page_path, Doc};
use crate::pdf::rules::graphics::output_colour_space;
use crate::pdf::rules::{show, Ctx, Place};

/// The rules this file decides.
pub const RULES: &[&str] = &["6.5.2-1", "6.5.3-1", "6.5.3-2", "6.5.3-3", "6.5.3-4", "6.5.3-5", "6.5.3-6"];

/// Annotation types PDF Reference 1.4 defines, less FileAttachment, Sound and Movie.
const ALLOWED: &[&[u8]] = &[
    b"Text",
    b"Link",
    b"FreeText",
    b"Line",
    b"Square",
    b"Circle",
    b"Highlight",
    b"Underline",
    b"Squiggly",
    b"StrikeOut",
    b"Stamp",
    b"Ink",
    b"Popup",
    b"Widget",
    b"PrinterMark",
    b"TrapNet",
];

/// An annotation with where it is.
pub struct Annot<'d> {
    /// The annotation dictionary.
    pub dict: &'d Dict,
    /// Its reference.
    pub id: Option<ObjId>,
    /// Its page (0-based).
    pub page: usize,
    /// veraPDF-style path.
    pub path: String,
}

/// Every annotation of every page.
pub fn annotations<'d>(doc: &'d Doc<'d>) -> Vec<Annot<'d>> {
    let mut out = Vec::new();
    for (index, page) in doc.pages.iter().enumerate() {
        for (i, annot) in doc.get_array(&page.dict, b"Annots").unwrap_or_default().iter().enumerate() {
            if let Some(dict) = doc.resolve(annot).dict() {
                let path = format!("{}/annots[{i}]{}", page_path(doc, index), describe(annot.reference(), "PDAnnot"));
                out.push(Annot { dict, id: annot.reference(), page: index, path });
            }
        }
    }
    out
}

/// The field type of a widget: its own `FT` or an ancestor field's.
pub fn field_type<'d>(doc: &'d Doc<'d>, dict: &'d Dict) -> Option<&'d [u8]> {
    let mut current = dict;
    for _ in 0..64 {
        if let Some(ft) = doc.get_name(current, b"FT") {
            return Some(ft);
        }
        current = doc.get_dict(current, b"Parent")?;
    }
    None
}

/// Runs the 6.5 checks.
pub fn check(ctx: &mut Ctx<'_>) {
    ctx.decided(RULES);
    let doc = ctx.doc;
    let output = output_colour_space(ctx);
    for a in annotations(doc) {
        if !ctx.spend(1) {
            return;
        }
        let place = || Place::object(a.path.clone(), a.id, Some(a.page));
        let subtype = doc.get_name(a.dict, b"Subtype").unwrap_or_default();
        ctx.check("6.5.2-1", ALLOWED.contains(&subtype), place, || format!("annotation type {}", show(subtype)));
        let ca = doc.get(a.dict, b"CA");
        ctx.check("6.5.3-1", ca.is_none_or(|v| v.number() == Some(1.0)), place, || format!("CA {ca:?}"));
        let flags = doc.get_int(a.dict, b"F");
        let ok = flags.is_some_and(|f| f & 4 == 4 && f & (1 | 2 | 32) == 0);
        ctx.check("6.5.3-2", ok, place, || match flags {
            None => "no F key".to_owned(),
            Some(f) => format!("flags {f}: Print must be set, Hidden, Invisible and NoView clear"),
        });
        let colours = a.dict.has(b"C") || a.dict.has(b"IC");
        ctx.check("6.5.3-3", !colours || output.as_deref() == Some("RGB "), place, || {
            format!("C or IC with output intent {}", output.as_deref().unwrap_or("(none)"))
        });
        if let Some(ap) = doc.get_dict(a.dict, b"AP") {
            let keys: Vec<String> = ap.iter().map(|(k, _)| show(k)).collect();
            ctx.check("6.5.3-4", keys == ["N"], place, || format!("appearance keys {}", keys.join(", ")));
            if let Some(n) = ap.get(b"N").map(|v| doc.resolve(v)) {
                let button = subtype == b"Widget" && field_type(doc, a.dict) == Some(b"Btn");
                if button {
                    let ok = matches!(n, Object::Dict(d) if !d.is_empty());
                    ctx.check("6.5.3-5", ok, place, || {
                        "the N appearance of a button is not a subdictionary".to_owned()
                    });
                } else {
                    ctx.check("6.5.3-6", matches!(n, Object::Stream(_)), place, || {
                        format!("the N appearance is a {}, not a stream", n.type_name())
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::pdf::testpdf::{failed, Builder};

    fn with_annot(annot: &str) -> Vec<String> {
        let mut b = Builder::pdfa();
        b.set(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> /Annots [8 0 R] >>",
        );
        b.set(8, annot);
        b.stream(9, "/Type /XObject /Subtype /Form /BBox [0 0 10 10]", b"");
        failed(&b.build())
    }

    #[test]
    fn annotation_dictionaries() {
        assert!(with_annot("<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /F 4 /AP << /N 9 0 R >> >>").is_empty());
        assert_eq!(with_annot("<< /Type /Annot /Subtype /Sound /Rect [0 0 10 10] /F 4 >>"), ["6.5.2-1"]);
        assert_eq!(
            with_annot("<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /F 6 /CA 0.5 >>"),
            ["6.5.3-1", "6.5.3-2"]
        );
        assert_eq!(with_annot("<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] >>"), ["6.5.3-2"]);
        assert_eq!(
            with_annot("<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /F 4 /AP << /N 9 0 R /D 9 0 R >> >>"),
            ["6.5.3-4"]
        );
        assert_eq!(
            with_annot("<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /F 4 /AP << /N << /On 9 0 R >> >> >>"),
            ["6.5.3-6"]
        );
        assert_eq!(
            with_annot("<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [0 0 10 10] /F 4 /AP << /N 9 0 R >> >>"),
            ["6.5.3-5"]
        );
        assert!(with_annot(
            "<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [0 0 10 10] /F 4 /AP << /N << /On 9 0 R >> >> >>"
        )
        .is_empty());
    }

    #[test]
    fn colours_need_an_rgb_output_intent() {
        let annot = "<< /Type /Annot /Subtype /Square /Rect [0 0 10 10] /F 4 /C [1 0 0] /AP << /N 9 0 R >> >>";
        assert!(with_annot(annot).is_empty());
        let mut b = Builder::pdfa();
        b.set(
            3,
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> /Annots [8 0 R] >>",
        );
        b.set(8, annot);
        b.stream(9, "/Type /XObject /Subtype /Form /BBox [0 0 10 10]", b"");
        b.stream(7, "/N 4", &crate::pdf::testpdf::icc(b"prtr", b"CMYK"));
        b.content("");
        assert_eq!(failed(&b.build()), ["6.5.3-3"]);
    }
}
