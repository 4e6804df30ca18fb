//! ISO 19005-1 6.2, graphics: the PDF/A-1 output intent and its ICC profile (6.2.2), ICC-based
//! colour spaces (6.2.3.2), device colour spaces against the output intent (6.2.3.3), images
//! (6.2.4), form, reference and PostScript XObjects (6.2.5–6.2.7), graphics state (6.2.8),
//! rendering intents (6.2.9) and operators (6.2.10); and 6.1.12-9 (DeviceN components).

use crate::pdf::content::{Device, Usage};
use crate::pdf::cos::{ObjId, Object};
use crate::pdf::filter::DecodeError;
use crate::pdf::model::describe;
use crate::pdf::raw;
use crate::pdf::rules::{show, Ctx, LimitKind, Place};

/// The rules this file decides.
pub const RULES: &[&str] = &[
    "6.1.12-9",
    "6.2.2-1",
    "6.2.2-2",
    "6.2.3.2-1",
    "6.2.3.2-2",
    "6.2.3.3-1",
    "6.2.3.3-2",
    "6.2.3.3-3",
    "6.2.4-1",
    "6.2.4-2",
    "6.2.4-3",
    "6.2.4-4",
    "6.2.4-5",
    "6.2.5-1",
    "6.2.6-1",
    "6.2.7-1",
    "6.2.8-1",
    "6.2.8-2",
    "6.2.9-1",
    "6.2.10-1",
];

/// The header of an ICC profile (ICC.1:2001-04 §6.1).
#[derive(Clone, Debug, PartialEq)]
pub struct IccHeader {
    /// Profile version as a number, such as 2.1.
    pub version: f64,
    /// Device class signature, such as `"mntr"`.
    pub class: String,
    /// Data colour space signature, such as `"RGB "`.
    pub space: String,
}

/// Reads the header of an ICC profile.
pub fn icc_header(data: &[u8]) -> Option<IccHeader> {
    let major = *data.get(8)?;
    let minor = *data.get(9)? >> 4;
    let sig = |from: usize| -> Option<String> { Some(String::from_utf8_lossy(data.get(from..from + 4)?).into_owned()) };
    Some(IccHeader { version: f64::from(major) + f64::from(minor) / 10.0, class: sig(12)?, space: sig(16)? })
}

/// The PDF/A-1 output intent's profile colour space (veraPDF's `gOutputCS`): `"RGB "`,
/// `"CMYK"`, `"GRAY"`, or `None` without a PDF/A-1 output intent with a profile.
pub fn output_colour_space(ctx: &mut Ctx<'_>) -> Option<String> {
    let doc = ctx.doc;
    let intents = doc.get_array(doc.catalog()?, b"OutputIntents")?;
    for intent in intents {
        let Some(dict) = doc.resolve(intent).dict() else { continue };
        if doc.get_name(dict, b"S") != Some(b"GTS_PDFA1") {
            continue;
        }
        let Some(Object::Stream(profile)) = dict.get(b"DestOutputProfile").map(|p| doc.resolve(p)) else { continue };
        let data = profile_data(ctx, profile)?;
        return icc_header(&data).map(|h| h.space);
    }
    None
}

fn profile_data(ctx: &mut Ctx<'_>, stream: &crate::pdf::cos::Stream) -> Option<Vec<u8>> {
    let doc = ctx.doc;
    match raw::stream_data(doc.bytes, stream, &mut ctx.inflation) {
        Ok(d) => Some(d),
        Err(DecodeError::Limit) => {
            ctx.stop(LimitKind::Decompressed, "ICC profile");
            None
        }
        Err(DecodeError::Unsupported(_)) => None,
    }
}

/// Runs the 6.2 checks on what the content uses.
pub fn check(ctx: &mut Ctx<'_>, usage: &Usage) {
    ctx.decided(RULES);
    let output = output_colour_space(ctx);
    output_intents(ctx);
    icc_profiles(ctx, usage);
    for (device, place) in &usage.devices {
        match device {
            Device::Rgb => ctx.check(
                "6.2.3.3-1",
                output.as_deref() == Some("RGB "),
                || place.clone(),
                || format!("DeviceRGB with output intent {}", output.as_deref().unwrap_or("(none)")),
            ),
            Device::Cmyk => ctx.check(
                "6.2.3.3-2",
                output.as_deref() == Some("CMYK"),
                || place.clone(),
                || format!("DeviceCMYK with output intent {}", output.as_deref().unwrap_or("(none)")),
            ),
            Device::Gray => ctx.check(
                "6.2.3.3-3",
                output.is_some(),
                || place.clone(),
                || "DeviceGray without an output intent".to_owned(),
            ),
        }
    }
    for (n, place) in &usage.devicen {
        ctx.check("6.1.12-9", *n <= 8, || place.clone(), || format!("DeviceN with {n} components"));
    }
    images(ctx, usage);
    xobjects(ctx, usage);
    for gs in &usage.ext_gstates {
        let place = || gs.place.clone();
        ctx.check("6.2.8-1", !gs.dict.has(b"TR"), place, || "TR".to_owned());
        let tr2 = gs.dict.get(b"TR2").map(|v| ctx.doc.resolve(v));
        ctx.check("6.2.8-2", tr2.is_none_or(|v| v.name() == Some(b"Default")), place, || format!("TR2 {tr2:?}"));
        if let Some(ri) = gs.dict.get(b"RI").map(|v| ctx.doc.resolve(v)) {
            intent(ctx, ri.name().unwrap_or(b"(not a name)"), &gs.place);
        }
    }
    for (name, place) in &usage.intents {
        intent(ctx, name, place);
    }
    for stream in &usage.streams {
        for op in &stream.unknown {
            ctx.fail("6.2.10-1", stream.place.clone(), format!("operator {op}"));
        }
    }
}

fn intent(ctx: &mut Ctx<'_>, name: &[u8], place: &Place) {
    let ok = matches!(name, b"RelativeColorimetric" | b"AbsoluteColorimetric" | b"Perceptual" | b"Saturation");
    ctx.check("6.2.9-1", ok, || place.clone(), || format!("rendering intent {}", show(name)));
}

fn output_intents(ctx: &mut Ctx<'_>) {
    let doc = ctx.doc;
    let Some(catalog) = doc.catalog() else { return };
    let Some(intents) = doc.get_array(catalog, b"OutputIntents") else { return };
    let path = "root/document[0]/outputIntents[0]";
    let mut profiles: Vec<Option<ObjId>> = Vec::new();
    for (i, intent) in intents.iter().enumerate() {
        let Some(dict) = doc.resolve(intent).dict() else { continue };
        let Some(profile) = dict.get(b"DestOutputProfile") else { continue };
        profiles.push(profile.reference());
        if doc.get_name(dict, b"S") != Some(b"GTS_PDFA1") {
            continue;
        }
        let place = || {
            Place::object(
                format!("{path}/outputIntent[{i}]/destProfile[0]{}", describe(profile.reference(), "ICCOutputProfile")),
                profile.reference(),
                None,
            )
        };
        let Object::Stream(stream) = doc.resolve(profile) else {
            ctx.fail("6.2.2-1", place(), "DestOutputProfile is not a stream");
            continue;
        };
        let Some(data) = profile_data(ctx, stream) else {
            ctx.not_checked("6.2.2-1", place(), "the profile could not be decoded");
            continue;
        };
        let ok = icc_header(&data).is_some_and(|h| {
            matches!(h.class.as_str(), "prtr" | "mntr")
                && matches!(h.space.as_str(), "RGB " | "CMYK" | "GRAY")
                && h.version < 3.0
        });
        ctx.check("6.2.2-1", ok, place, || describe_icc(&data));
    }
    let same = profiles.windows(2).all(|w| w.first() == w.get(1)) && profiles.iter().all(Option::is_some);
    ctx.check(
        "6.2.2-2",
        profiles.len() < 2 || same,
        || Place::path(path),
        || format!("{} output intents with different DestOutputProfile objects", profiles.len()),
    );
}

fn describe_icc(data: &[u8]) -> String {
    match icc_header(data) {
        Some(h) => format!("ICC profile version {:.1}, class {}, colour space {}", h.version, h.class, h.space.trim()),
        None => "not an ICC profile".to_owned(),
    }
}

fn icc_profiles(ctx: &mut Ctx<'_>, usage: &Usage) {
    for (id, profile, place) in &usage.icc {
        let context = || Place {
            context: place.context.clone().map(|c| format!("{c}/colorSpace[0]{}", describe(*id, "ICCInputProfile"))),
            object: id.or(place.object),
            page: place.page,
        };
        let Object::Stream(stream) = profile else {
            ctx.fail("6.2.3.2-1", context(), "the ICCBased colour space has no profile stream");
            continue;
        };
        let Some(data) = profile_data(ctx, stream) else {
            ctx.not_checked("6.2.3.2-1", context(), "the profile could not be decoded");
            continue;
        };
        let header = icc_header(&data);
        let ok = header.as_ref().is_some_and(|h| {
            matches!(h.class.as_str(), "prtr" | "mntr" | "scnr" | "spac")
                && matches!(h.space.as_str(), "RGB " | "CMYK" | "GRAY" | "Lab ")
                && h.version < 3.0
        });
        ctx.check("6.2.3.2-1", ok, context, || describe_icc(&data));
        let n = ctx.doc.get_int(&stream.dict, b"N");
        let space = header.map(|h| h.space).unwrap_or_default();
        let matches = match n {
            Some(1) => space == "GRAY",
            Some(3) => space == "RGB " || space == "Lab ",
            Some(4) => space == "CMYK",
            _ => false,
        };
        ctx.check("6.2.3.2-2", matches, context, || format!("N {n:?}, profile colour space {}", space.trim()));
    }
}

fn images(ctx: &mut Ctx<'_>, usage: &Usage) {
    let doc = ctx.doc;
    for image in &usage.images {
        // Inline images have no Subtype; their keys may be abbreviated.
        let inline = !image.dict.has(b"Subtype");
        let get = |long: &[u8], short: &[u8]| -> Option<&Object> {
            image.dict.get(long).or_else(|| if inline { image.dict.get(short) } else { None }).map(|v| doc.resolve(v))
        };
        let place = || image.place.clone();
        ctx.check("6.2.4-1", !image.dict.has(b"Alternates"), place, || "Alternates".to_owned());
        ctx.check("6.2.4-2", !image.dict.has(b"OPI"), place, || "OPI".to_owned());
        let interpolate = get(b"Interpolate", b"I").and_then(Object::boolean);
        ctx.check("6.2.4-3", interpolate != Some(true), place, || "Interpolate true".to_owned());
        let mask = get(b"ImageMask", b"IM").and_then(Object::boolean) == Some(true);
        let bpc = get(b"BitsPerComponent", b"BPC").and_then(Object::int);
        ctx.check("6.2.4-4", mask || bpc.is_none_or(|b| matches!(b, 1 | 2 | 4 | 8)), place, || {
            format!("BitsPerComponent {bpc:?}")
        });
        if mask {
            ctx.check("6.2.4-5", bpc.is_none_or(|b| b == 1), place, || {
                format!("image mask with BitsPerComponent {bpc:?}")
            });
        }
        if let Some(Object::Stream(m)) = image.dict.get(b"Mask").map(|m| doc.resolve(m)) {
            let bpc = doc.get_int(&m.dict, b"BitsPerComponent");
            ctx.check("6.2.4-5", bpc.is_none_or(|b| b == 1), place, || {
                format!("Mask image with BitsPerComponent {bpc:?}")
            });
        }
        if !inline {
            if let Some(intent_name) = image.dict.get(b"Intent").map(|v| doc.resolve(v)).and_then(Object::name) {
                intent(ctx, intent_name, &image.place);
            }
        }
    }
}

fn xobjects(ctx: &mut Ctx<'_>, usage: &Usage) {
    let doc = ctx.doc;
    for form in &usage.forms {
        let place = || form.place.clone();
        let subtype2 = form.dict.get(b"Subtype2").map(|v| doc.resolve(v)).and_then(Object::name);
        ctx.check("6.2.5-1", subtype2 != Some(b"PS") && !form.dict.has(b"PS"), place, || {
            if form.dict.has(b"PS") {
                "PS key".to_owned()
            } else {
                "Subtype2 PS".to_owned()
            }
        });
        ctx.check("6.2.6-1", !form.dict.has(b"Ref"), place, || "reference XObject (Ref)".to_owned());
        ctx.check("6.2.4-2", !form.dict.has(b"OPI"), place, || "OPI".to_owned());
    }
    for x in &usage.other_xobjects {
        let subtype = x.dict.get(b"Subtype").map(|v| doc.resolve(v)).and_then(Object::name);
        ctx.check("6.2.7-1", subtype != Some(b"PS"), || x.place.clone(), || "PostScript XObject".to_owned());
        ctx.check("6.2.4-2", !x.dict.has(b"OPI"), || x.place.clone(), || "OPI".to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::testpdf::{failed, icc, Builder};

    #[test]
    fn device_colours_against_the_output_intent() {
        let mut b = Builder::pdfa();
        b.content("0 0 0 1 k 0 0 10 10 re f");
        assert_eq!(failed(&b.build()), ["6.2.3.3-2"]);
        b.content("0.5 g 0 0 10 10 re f 1 0 0 RG 0 0 m 5 5 l S");
        assert!(failed(&b.build()).is_empty());
        b.stream(7, "/N 4", &icc(b"prtr", b"CMYK"));
        b.content("1 0 0 rg 0 0 10 10 re f");
        assert_eq!(failed(&b.build()), ["6.2.3.3-1"]);
        // DefaultRGB on the page lifts the requirement.
        b.stream(8, "/N 3", &icc(b"mntr", b"RGB "));
        b.resources("<< /ColorSpace << /DefaultRGB [/ICCBased 8 0 R] >> >>");
        assert!(failed(&b.build()).is_empty(), "{:?}", failed(&b.build()));
    }

    #[test]
    fn no_output_intent() {
        let mut b = Builder::pdfa();
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>");
        b.content("0 0 10 10 re f");
        assert_eq!(failed(&b.build()), ["6.2.3.3-3"]);
        b.content("");
        assert!(failed(&b.build()).is_empty());
    }

    #[test]
    fn unused_resources_are_exempt() {
        let mut b = Builder::pdfa();
        b.stream(8, "/Type /XObject /Subtype /Form /BBox [0 0 1 1] /PS 9 0 R", b"0 0 0 1 k");
        b.resources("<< /XObject << /X 8 0 R >> >>");
        assert!(failed(&b.build()).is_empty());
        b.content("/X Do");
        let f = failed(&b.build());
        assert!(f.contains(&"6.2.5-1".to_owned()) && f.contains(&"6.2.3.3-2".to_owned()), "{f:?}");
    }

    #[test]
    fn images_states_intents_operators() {
        let mut b = Builder::pdfa();
        b.stream(8, "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 16 /Interpolate true /Alternates [] /Intent /Custom", b"\0\0\0\0\0\0");
        b.set(9, "<< /Type /ExtGState /TR /Identity /TR2 /Default >>");
        b.resources("<< /XObject << /Im 8 0 R >> /ExtGState << /G 9 0 R >> >>");
        b.content("/G gs /Saturation ri /Im Do BI /W 1 /H 1 /CS /G /BPC 8 /I true /F /LZW ID \x00 EI foo");
        let f = failed(&b.build());
        for rule in ["6.1.10-2", "6.2.4-1", "6.2.4-3", "6.2.4-4", "6.2.8-1", "6.2.9-1", "6.2.10-1"] {
            assert!(f.contains(&rule.to_owned()), "{rule} in {f:?}");
        }
        assert!(!f.contains(&"6.2.8-2".to_owned()));
    }

    #[test]
    fn icc_based_spaces_and_output_profiles() {
        let mut b = Builder::pdfa();
        b.stream(8, "/N 4", &icc(b"abst", b"RGB "));
        b.resources("<< /ColorSpace << /CS0 [/ICCBased 8 0 R] >> >>");
        b.content("/CS0 cs 1 0 0 0 sc 0 0 1 1 re f");
        let f = failed(&b.build());
        assert!(f.contains(&"6.2.3.2-1".to_owned()) && f.contains(&"6.2.3.2-2".to_owned()), "{f:?}");
        let mut b = Builder::pdfa();
        b.stream(7, "/N 3", &icc(b"scnr", b"RGB "));
        assert!(failed(&b.build()).contains(&"6.2.2-1".to_owned()));
        let mut b = Builder::pdfa();
        b.stream(8, "/N 3", &icc(b"mntr", b"RGB "));
        b.set(9, "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (x) /DestOutputProfile 8 0 R >>");
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R 9 0 R] >>");
        assert_eq!(failed(&b.build()), ["6.2.2-2"]);
    }

    #[test]
    fn reads_icc_headers() {
        let mut header = vec![0u8; 128];
        header[8] = 2;
        header[9] = 0x10;
        header[12..16].copy_from_slice(b"mntr");
        header[16..20].copy_from_slice(b"RGB ");
        let h = icc_header(&header).unwrap();
        assert!((h.version - 2.1).abs() < 1e-9);
        assert_eq!(h.class, "mntr");
        assert_eq!(h.space, "RGB ");
        assert!(icc_header(&header[..10]).is_none());
    }
}
