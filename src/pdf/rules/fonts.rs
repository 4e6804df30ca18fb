//! ISO 19005-1 6.3, fonts — of the fonts text actually uses: font dictionaries (6.3.2),
//! composite fonts and CMaps (6.3.3), embedding (6.3.4), subsets with CharSet/CIDSet (6.3.5),
//! widths (6.3.6), TrueType encodings (6.3.7), Unicode mappings at level A (6.3.8); and 6.1.12-10
//! (CIDs of embedded CMaps).
//!
//! Glyph presence (6.3.5-1) and widths (6.3.6-1) are decided where the font program can be read
//! (Type 1, CFF names and CIDs, TrueType with a (3,0) or (1,0) `cmap`, CIDFontType2 through
//! `CIDToGIDMap`); otherwise they are reported `not-checked`.

use std::collections::BTreeSet;

use crate::pdf::cmap::{self, CMap};
use crate::pdf::content::{FontUse, Usage};
use crate::pdf::cos::{Dict, ObjId, Object, Stream};
use crate::pdf::filter::DecodeError;
use crate::pdf::font_data::{self, Encoding};
use crate::pdf::font_program::{Cff, TrueType, Type1};
use crate::pdf::model::{describe, Doc};
use crate::pdf::raw;
use crate::pdf::rules::{show, Ctx, LimitKind, Place};

/// The rules this file decides.
pub const RULES: &[&str] = &[
    "6.1.12-10",
    "6.3.2-1",
    "6.3.2-2",
    "6.3.2-3",
    "6.3.2-4",
    "6.3.2-5",
    "6.3.2-6",
    "6.3.2-7",
    "6.3.3.1-1",
    "6.3.3.2-1",
    "6.3.3.3-1",
    "6.3.3.3-2",
    "6.3.4-1",
    "6.3.5-1",
    "6.3.5-2",
    "6.3.5-3",
    "6.3.6-1",
    "6.3.7-1",
    "6.3.7-2",
    "6.3.7-3",
    "6.3.8-1",
];

/// The largest CID (6.1.12-10).
const MAX_CID: u64 = 65535;

/// A parsed embedded font program.
enum Program {
    Type1(Type1),
    TrueType(TrueType),
    Cff(Cff),
}

/// Runs the 6.3 checks.
pub fn check(ctx: &mut Ctx<'_>, usage: &Usage) {
    ctx.decided(RULES);
    for font in &usage.fonts {
        if !ctx.spend(10) {
            return;
        }
        check_font(ctx, font);
    }
}

fn kind_name(subtype: &[u8]) -> &'static str {
    match subtype {
        b"Type1" | b"MMType1" => "PDType1Font",
        b"TrueType" => "PDTrueTypeFont",
        b"Type3" => "PDType3Font",
        b"Type0" => "PDType0Font",
        b"CIDFontType0" | b"CIDFontType2" => "PDCIDFont",
        _ => "PDFont",
    }
}

fn is_subset(name: &[u8]) -> bool {
    name.len() > 7 && name.iter().take(6).all(u8::is_ascii_uppercase) && name.get(6) == Some(&b'+')
}

/// Rules on any font dictionary (6.3.2-1..3, -7, 6.3.4-1).
fn common(ctx: &mut Ctx<'_>, dict: &Dict, place: &Place, visible: bool) {
    let doc = ctx.doc;
    let subtype = doc.get_name(dict, b"Subtype").unwrap_or_default().to_vec();
    let p = || place.clone();
    ctx.check("6.3.2-1", doc.get_name(dict, b"Type") == Some(b"Font"), p, || "Type is not Font".to_owned());
    let known = matches!(
        subtype.as_slice(),
        b"Type1" | b"MMType1" | b"TrueType" | b"Type3" | b"Type0" | b"CIDFontType0" | b"CIDFontType2"
    );
    ctx.check("6.3.2-2", known, p, || format!("Subtype {}", show(&subtype)));
    ctx.check("6.3.2-3", subtype == b"Type3" || doc.get_name(dict, b"BaseFont").is_some(), p, || {
        "no BaseFont".to_owned()
    });
    if let Some(descriptor) = doc.get_dict(dict, b"FontDescriptor") {
        if let Some(Object::Stream(ff3)) = descriptor.get(b"FontFile3").map(|f| doc.resolve(f)) {
            let st = doc.get_name(&ff3.dict, b"Subtype");
            ctx.check("6.3.2-7", st.is_none_or(|s| s == b"Type1C" || s == b"CIDFontType0C"), p, || {
                format!("FontFile3 Subtype {}", show(st.unwrap_or_default()))
            });
        }
    }
    if subtype != b"Type3" && subtype != b"Type0" {
        let embedded = doc.get_dict(dict, b"FontDescriptor").is_some_and(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| matches!(d.get(k).map(|f| doc.resolve(f)), Some(Object::Stream(_))))
        });
        ctx.check("6.3.4-1", embedded || !visible, p, || {
            format!("font {} is not embedded", show(doc.get_name(dict, b"BaseFont").unwrap_or_default()))
        });
    }
}

fn font_file<'d>(doc: &'d Doc<'d>, descriptor: Option<&'d Dict>) -> Option<(&'static str, &'d Stream)> {
    let d = descriptor?;
    for (key, kind) in [(&b"FontFile"[..], "FontFile"), (b"FontFile2", "FontFile2"), (b"FontFile3", "FontFile3")] {
        if let Some(Object::Stream(s)) = d.get(key).map(|f| doc.resolve(f)) {
            return Some((kind, s));
        }
    }
    None
}

fn load_program(ctx: &mut Ctx<'_>, descriptor: Option<&Dict>) -> Option<Program> {
    let doc = ctx.doc;
    let (kind, stream) = font_file(doc, descriptor)?;
    let data = match raw::stream_data(doc.bytes, stream, &mut ctx.inflation) {
        Ok(d) => d,
        Err(DecodeError::Limit) => {
            ctx.stop(LimitKind::Decompressed, "font program");
            return None;
        }
        Err(DecodeError::Unsupported(_)) => return None,
    };
    match kind {
        "FontFile" => Type1::parse(&data).map(Program::Type1),
        "FontFile2" => TrueType::parse(data).map(Program::TrueType),
        _ => Cff::parse(&data).map(Program::Cff),
    }
}

fn check_font(ctx: &mut Ctx<'_>, font: &FontUse) {
    let doc = ctx.doc;
    let dict = &font.font.dict;
    let subtype = doc.get_name(dict, b"Subtype").unwrap_or_default().to_vec();
    let place = Place {
        context: font
            .font
            .place
            .context
            .as_ref()
            .map(|c| format!("{c}/font[0]{}", describe(font.font.id, kind_name(&subtype)))),
        object: font.font.id.or(font.font.place.object),
        page: font.font.place.page,
    };
    common(ctx, dict, &place, font.any_visible);
    if subtype == b"Type0" {
        composite(ctx, font, dict, &place);
    } else {
        simple(ctx, font, dict, &subtype, &place);
    }
}

/// Code to glyph name for a simple font, as veraPDF's encoding mapping gives it.
struct Names {
    base: Option<Encoding>,
    differences: Vec<(u8, String)>,
}

impl Names {
    fn of(doc: &Doc<'_>, dict: &Dict) -> Names {
        let mut names = Names { base: None, differences: Vec::new() };
        match dict.get(b"Encoding").map(|e| doc.resolve(e)) {
            Some(Object::Name(n)) => names.base = Encoding::from_name(n),
            Some(Object::Dict(e)) => {
                names.base = doc.get_name(e, b"BaseEncoding").and_then(Encoding::from_name);
                let mut code: i64 = 0;
                for item in doc.get_array(e, b"Differences").unwrap_or_default() {
                    match doc.resolve(item) {
                        Object::Int(c) => code = *c,
                        Object::Name(n) => {
                            if let Ok(c) = u8::try_from(code) {
                                names.differences.push((c, String::from_utf8_lossy(n).into_owned()));
                            }
                            code += 1;
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        names
    }

    fn name(&self, code: u8, program: Option<&Program>, symbol_font: bool) -> Option<String> {
        if let Some((_, n)) = self.differences.iter().rev().find(|(c, _)| *c == code) {
            return Some(n.clone());
        }
        if let Some(base) = self.base {
            return font_data::glyph_name(base, code).map(str::to_owned);
        }
        match program {
            Some(Program::Type1(t)) => t.name_of(code),
            Some(Program::Cff(c)) => c.name_of(code),
            _ if symbol_font => font_data::glyph_name(Encoding::Symbol, code).map(str::to_owned),
            _ => None,
        }
    }
}

fn simple(ctx: &mut Ctx<'_>, font: &FontUse, dict: &Dict, subtype: &[u8], place: &Place) {
    let doc = ctx.doc;
    let p = || place.clone();
    let base_font = doc.get_name(dict, b"BaseFont").unwrap_or_default().to_vec();
    let descriptor = doc.get_dict(dict, b"FontDescriptor");
    let embedded = font_file(doc, descriptor).is_some();
    let is_type1 = subtype == b"Type1" || subtype == b"MMType1";
    let standard = is_type1 && !embedded && font_data::is_standard_14(&base_font);
    let first = doc.get_int(dict, b"FirstChar");
    let last = doc.get_int(dict, b"LastChar");
    let widths = doc.get_array(dict, b"Widths");
    if !standard {
        ctx.check("6.3.2-4", first.is_some(), p, || "no FirstChar".to_owned());
        ctx.check("6.3.2-5", last.is_some(), p, || "no LastChar".to_owned());
        let expected = match (first, last) {
            (Some(f), Some(l)) => l.checked_sub(f).and_then(|d| d.checked_add(1)),
            _ => None,
        };
        let size = widths.map(|w| i64::try_from(w.len()).unwrap_or(i64::MAX));
        ctx.check("6.3.2-6", size.is_some() && size == expected, p, || {
            format!("Widths has {size:?} entries, FirstChar {first:?}, LastChar {last:?}")
        });
    }
    let program = if subtype == b"Type3" { None } else { load_program(ctx, descriptor) };
    if embedded && program.is_none() && subtype != b"Type3" && font.any_visible {
        ctx.not_checked("6.3.5-1", place.clone(), "the embedded font program could not be read");
    }
    let flags = descriptor.and_then(|d| doc.get_int(d, b"Flags")).unwrap_or(0);
    let symbolic = flags & 4 != 0;
    if subtype == b"TrueType" {
        truetype_encoding(ctx, dict, symbolic, program.as_ref(), place);
    }
    let names = Names::of(doc, dict);
    let symbol_font = base_font.ends_with(b"Symbol");
    let codes = |set: &BTreeSet<Vec<u8>>| -> BTreeSet<u8> { set.iter().flat_map(|s| s.iter().copied()).collect() };
    let visible = codes(&font.visible);
    let mut all = visible.clone();
    all.extend(codes(&font.invisible));

    // 6.3.5-2: Type 1 subsets list their glyphs in CharSet.
    if is_type1 && is_subset(&base_font) {
        let charset = descriptor.and_then(|d| doc.get(d, b"CharSet")).and_then(Object::string).map(|s| {
            s.bytes
                .split(|b| *b == b'/')
                .filter(|n| !n.is_empty())
                .map(|n| String::from_utf8_lossy(n).trim().to_owned())
                .collect::<BTreeSet<String>>()
        });
        match (&charset, &program) {
            (None, _) => ctx.fail("6.3.5-2", place.clone(), "Type 1 subset without CharSet"),
            (Some(listed), Some(prog)) => {
                let in_program = |n: &str| match prog {
                    Program::Type1(t) => t.glyphs.contains_key(n),
                    Program::Cff(c) => c.names.iter().any(|x| x == n),
                    Program::TrueType(_) => false,
                };
                let missing: Vec<String> = all
                    .iter()
                    .filter_map(|c| names.name(*c, Some(prog), symbol_font))
                    .filter(|n| n != ".notdef" && in_program(n) && !listed.contains(n))
                    .collect();
                ctx.check("6.3.5-2", missing.is_empty(), p, || format!("CharSet does not list {}", missing.join(", ")));
            }
            (Some(_), None) => ctx.not_checked("6.3.5-2", place.clone(), "the font program could not be read"),
        }
    }

    // 6.3.5-1 and 6.3.6-1, per glyph shown visibly.
    if subtype == b"Type3" {
        if let Some(procs) = doc.get_dict(dict, b"CharProcs") {
            for code in &visible {
                if let Some(name) = names.name(*code, None, false) {
                    ctx.check("6.3.5-1", procs.has(name.as_bytes()), p, || {
                        format!("Type 3 glyph {name} has no CharProcs entry")
                    });
                }
            }
        }
    } else if let Some(prog) = &program {
        let mut undecided = false;
        for code in &visible {
            let name = names.name(*code, Some(prog), symbol_font);
            let (present, width) = match prog {
                Program::Type1(t) => match &name {
                    Some(n) => (Some(t.glyphs.contains_key(n)), t.glyphs.get(n).copied().flatten()),
                    None => (None, None),
                },
                Program::Cff(c) => match &name {
                    Some(n) => (Some(c.names.iter().any(|x| x == n)), c.name_width(n)),
                    None => (None, None),
                },
                Program::TrueType(t) => match truetype_glyph(t, *code, name.as_deref(), symbolic) {
                    Some(gid) => (Some(gid != 0 && t.has_glyph(gid)), t.width(gid)),
                    None => (None, None),
                },
            };
            match present {
                Some(ok) => ctx.check("6.3.5-1", ok, p, || {
                    format!("code {code} ({}) has no glyph", name.as_deref().unwrap_or("?"))
                }),
                None => undecided = true,
            }
            let declared = match (first, widths) {
                (Some(f), Some(w)) => i64::from(*code)
                    .checked_sub(f)
                    .and_then(|i| usize::try_from(i).ok())
                    .and_then(|i| w.get(i))
                    .and_then(|o| doc.resolve(o).number()),
                _ => None,
            };
            if let (Some(d), Some(w)) = (declared, width) {
                ctx.check("6.3.6-1", (d - w).abs() <= 1.0, p, || {
                    format!("code {code}: Widths {d}, font program {w:.1}")
                });
            }
        }
        if undecided && !visible.is_empty() {
            ctx.not_checked("6.3.6-1", place.clone(), "some glyph widths of the font program could not be read");
        }
    }

    // 6.3.8-1 at level A.
    if ctx.level_a {
        let to_unicode = to_unicode(ctx, dict);
        for code in &all {
            let ok = match &to_unicode {
                Some(ToUnicode::Identity) => true,
                Some(ToUnicode::Map(m)) if m.maps_to_unicode(u32::from(*code)) => true,
                _ if subtype == b"Type3" => false,
                _ => names.name(*code, program.as_ref(), symbol_font).is_some_and(|n| {
                    font_data::is_agl(&n) || font_data::is_symbol_glyph(&n) || is_dingbat(&n) || is_uni_name(&n)
                }),
            };
            ctx.check("6.3.8-1", ok, p, || format!("code {code} has no Unicode mapping"));
        }
    }
}

fn is_dingbat(name: &str) -> bool {
    name.strip_prefix('a').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn is_uni_name(name: &str) -> bool {
    let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
    name.strip_prefix("uni").is_some_and(|h| h.len() % 4 == 0 && hex(h))
        || name.strip_prefix('u').is_some_and(|h| (4..=6).contains(&h.len()) && hex(h))
}

/// The glyph of a code in a simple TrueType font (PDF Reference 1.4 §5.5.5): a non-symbolic
/// font maps the glyph name to Unicode for a (3,1) `cmap` or to its MacRoman code for a (1,0)
/// one; a symbolic font looks the code up in (3,0), also at 0xF000, 0xF100 and 0xF200, or in
/// (1,0). `None` when the way is unknown (no usable name or `cmap`); `Some(0)` for no glyph.
fn truetype_glyph(t: &TrueType, code: u8, name: Option<&str>, symbolic: bool) -> Option<u16> {
    let has = |p: u16, e: u16| t.cmaps.iter().any(|(pp, ee, _)| *pp == p && *ee == e);
    let code = u32::from(code);
    if !symbolic {
        if has(3, 1) {
            let unicode = font_data::unicode_of(name?)?;
            return Some(t.lookup(3, 1, unicode).unwrap_or(0));
        }
        if has(1, 0) {
            let mac = font_data::code_of(Encoding::MacRoman, name?)?;
            return Some(t.lookup(1, 0, u32::from(mac)).unwrap_or(0));
        }
    }
    if has(3, 0) {
        for c in [code, 0xF000 + code, 0xF100 + code, 0xF200 + code] {
            if let Some(g) = t.lookup(3, 0, c) {
                return Some(g);
            }
        }
        return Some(0);
    }
    if has(1, 0) {
        return Some(t.lookup(1, 0, code).unwrap_or(0));
    }
    None
}

fn truetype_encoding(ctx: &mut Ctx<'_>, dict: &Dict, symbolic: bool, program: Option<&Program>, place: &Place) {
    let doc = ctx.doc;
    let p = || place.clone();
    let encoding = dict.get(b"Encoding").map(|e| doc.resolve(e));
    if symbolic {
        ctx.check("6.3.7-2", encoding.is_none(), p, || "symbolic TrueType font with an Encoding".to_owned());
        if let Some(Program::TrueType(t)) = program {
            ctx.check("6.3.7-3", t.cmaps.len() == 1, p, || format!("cmap has {} encodings", t.cmaps.len()));
        }
    } else {
        let standard = |n: &[u8]| n == b"MacRomanEncoding" || n == b"WinAnsiEncoding";
        let ok = match encoding {
            Some(Object::Name(n)) => standard(n),
            Some(Object::Dict(e)) => doc.get_name(e, b"BaseEncoding").is_some_and(standard) && !e.has(b"Differences"),
            _ => false,
        };
        ctx.check("6.3.7-1", ok, p, || "non-symbolic TrueType font without MacRoman or WinAnsi encoding".to_owned());
    }
}

enum ToUnicode {
    Identity,
    Map(CMap),
}

fn to_unicode(ctx: &mut Ctx<'_>, dict: &Dict) -> Option<ToUnicode> {
    let doc = ctx.doc;
    match dict.get(b"ToUnicode").map(|t| doc.resolve(t))? {
        Object::Name(n) if n.starts_with(b"Identity") => Some(ToUnicode::Identity),
        Object::Stream(s) => match raw::stream_data(doc.bytes, s, &mut ctx.inflation) {
            Ok(data) => Some(ToUnicode::Map(cmap::parse(&data))),
            Err(DecodeError::Limit) => {
                ctx.stop(LimitKind::Decompressed, "ToUnicode CMap");
                None
            }
            Err(DecodeError::Unsupported(_)) => None,
        },
        _ => None,
    }
}

fn composite(ctx: &mut Ctx<'_>, font: &FontUse, dict: &Dict, place: &Place) {
    let doc = ctx.doc;
    let p = || place.clone();
    let encoding = dict.get(b"Encoding").map(|e| doc.resolve(e));
    let (cmap_name, embedded_cmap): (String, Option<(&Stream, Option<ObjId>)>) = match (encoding, dict.get(b"Encoding"))
    {
        (Some(Object::Name(n)), _) => (String::from_utf8_lossy(n).into_owned(), None),
        (Some(Object::Stream(s)), raw_ref) => (
            doc.get_name(&s.dict, b"CMapName").map(|n| String::from_utf8_lossy(n).into_owned()).unwrap_or_default(),
            Some((s.as_ref(), raw_ref.and_then(Object::reference))),
        ),
        _ => (String::new(), None),
    };
    let identity = cmap_name == "Identity-H" || cmap_name == "Identity-V";
    ctx.check("6.3.3.3-1", identity || embedded_cmap.is_some(), p, || format!("CMap {cmap_name} is not embedded"));
    let mut program_cmap: Option<CMap> = None;
    if let Some((stream, id)) = embedded_cmap {
        let cmap_place = || Place {
            context: place.context.as_ref().map(|c| format!("{c}/encoding[0]{}", describe(id, "PDCMap"))),
            object: id.or(place.object),
            page: place.page,
        };
        match raw::stream_data(doc.bytes, stream, &mut ctx.inflation) {
            Ok(data) => {
                let parsed = cmap::parse(&data);
                let dict_wmode = doc.get_int(&stream.dict, b"WMode").unwrap_or(0);
                ctx.check("6.3.3.3-2", parsed.wmode == dict_wmode, cmap_place, || {
                    format!("WMode {dict_wmode} in the dictionary, {} in the CMap", parsed.wmode)
                });
                ctx.check("6.1.12-10", parsed.max_cid <= MAX_CID, cmap_place, || format!("CID {}", parsed.max_cid));
                program_cmap = Some(parsed);
            }
            Err(DecodeError::Limit) => ctx.stop(LimitKind::Decompressed, "CMap"),
            Err(DecodeError::Unsupported(_)) => {
                ctx.not_checked("6.3.3.3-2", cmap_place(), "the CMap could not be decoded")
            }
        }
    }
    let Some(descendant_ref) = doc.get_array(dict, b"DescendantFonts").and_then(|a| a.first()) else { return };
    let Some(cid_font) = doc.resolve(descendant_ref).dict() else { return };
    let cid_id = descendant_ref.reference();
    let cid_place = Place {
        context: place.context.as_ref().map(|c| format!("{c}/descendantFonts[0]{}", describe(cid_id, "PDCIDFont"))),
        object: cid_id.or(place.object),
        page: place.page,
    };
    let cp = || cid_place.clone();
    common(ctx, cid_font, &cid_place, font.any_visible);
    let cid_subtype = doc.get_name(cid_font, b"Subtype").unwrap_or_default().to_vec();

    // 6.3.3.1-1: CIDSystemInfo of the CIDFont and of the CMap agree.
    let system = |d: &Dict| -> (Option<String>, Option<String>) {
        let info = match d.get(b"CIDSystemInfo").map(|v| doc.resolve(v)) {
            Some(Object::Dict(i)) => Some(i),
            Some(Object::Array(items)) => items.first().and_then(|i| doc.resolve(i).dict()),
            _ => None,
        };
        let text = |k: &[u8]| {
            info.and_then(|i| doc.get(i, k))
                .and_then(Object::string)
                .map(|s| String::from_utf8_lossy(&s.bytes).into_owned())
        };
        (text(b"Registry"), text(b"Ordering"))
    };
    let (font_registry, font_ordering) = system(cid_font);
    if !identity {
        let (cmap_registry, cmap_ordering) = match (embedded_cmap, &program_cmap) {
            (Some((s, _)), parsed) => {
                let (r, o) = system(&s.dict);
                (
                    r.or_else(|| parsed.as_ref().and_then(|c| c.registry.clone())),
                    o.or_else(|| parsed.as_ref().and_then(|c| c.ordering.clone())),
                )
            }
            (None, _) => match cmap::predefined_collection(&cmap_name) {
                Some((r, o)) => (Some(r.to_owned()), Some(o.to_owned())),
                None => (None, None),
            },
        };
        let ok = font_registry.is_some()
            && font_registry == cmap_registry
            && font_ordering.is_some()
            && font_ordering == cmap_ordering;
        ctx.check("6.3.3.1-1", ok, p, || {
            format!("CIDFont {font_registry:?}-{font_ordering:?}, CMap {cmap_registry:?}-{cmap_ordering:?}")
        });
    }

    // 6.3.3.2-1: CIDFontType2 has CIDToGIDMap.
    let map = cid_font.get(b"CIDToGIDMap").map(|m| doc.resolve(m));
    if cid_subtype == b"CIDFontType2" {
        let ok = matches!(map, Some(Object::Stream(_))) || map.and_then(Object::name) == Some(b"Identity");
        ctx.check("6.3.3.2-1", ok || !font.any_visible, cp, || "CIDFontType2 without CIDToGIDMap".to_owned());
    }

    // Codes and CIDs used.
    let codes_of = |set: &BTreeSet<Vec<u8>>| -> BTreeSet<u32> {
        set.iter()
            .flat_map(|s| match &program_cmap {
                Some(c) if !c.codespace.is_empty() => c.codes(s),
                _ => s.chunks(2).map(|p| p.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b))).collect(),
            })
            .collect()
    };
    let cid_of = |code: u32| -> u32 {
        match &program_cmap {
            Some(c) if !identity => c.cid(code),
            _ => code,
        }
    };
    let visible: BTreeSet<u32> = codes_of(&font.visible);
    let mut all = visible.clone();
    all.extend(codes_of(&font.invisible));
    let descriptor = doc.get_dict(cid_font, b"FontDescriptor");
    let program = load_program(ctx, descriptor);
    let gid_map: Option<Vec<u8>> = match map {
        Some(Object::Stream(s)) => raw::stream_data(doc.bytes, s, &mut ctx.inflation).ok(),
        _ => None,
    };
    let contains_cid = |cid: u32| -> Option<bool> {
        match &program {
            Some(Program::Cff(c)) if c.cid => Some(c.cids.binary_search(&cid).is_ok()),
            Some(Program::Cff(c)) => Some(usize::try_from(cid).is_ok_and(|i| i < c.names.len())),
            Some(Program::TrueType(t)) => {
                let gid = match &gid_map {
                    Some(m) => {
                        let i = usize::try_from(cid).ok()?.checked_mul(2)?;
                        u16::from_be_bytes([*m.get(i)?, *m.get(i + 1)?])
                    }
                    None => u16::try_from(cid).ok()?,
                };
                Some(gid != 0 && t.has_glyph(gid))
            }
            _ => None,
        }
    };

    // 6.3.5-3: CIDFont subsets have a CIDSet that lists their CIDs.
    let cid_base = doc.get_name(cid_font, b"BaseFont").unwrap_or_default().to_vec();
    if is_subset(&cid_base) {
        match descriptor.and_then(|d| d.get(b"CIDSet")).map(|s| doc.resolve(s)) {
            Some(Object::Stream(s)) => {
                let bits = raw::stream_data(doc.bytes, s, &mut ctx.inflation).unwrap_or_default();
                let has = |cid: u32| {
                    let Ok(i) = usize::try_from(cid / 8) else { return false };
                    let bit = 7 - (cid % 8);
                    bits.get(i).is_some_and(|b| b >> bit & 1 == 1)
                };
                let mut missing = Vec::new();
                let mut undecided = false;
                for code in &all {
                    let cid = cid_of(*code);
                    match contains_cid(cid) {
                        Some(true) if cid != 0 && !has(cid) => missing.push(cid),
                        None => undecided = true,
                        _ => {}
                    }
                }
                ctx.check("6.3.5-3", missing.is_empty(), cp, || format!("CIDSet lacks CIDs {missing:?}"));
                if undecided {
                    ctx.not_checked("6.3.5-3", cid_place.clone(), "the font program could not be read");
                }
            }
            _ => ctx.fail("6.3.5-3", cid_place.clone(), "CIDFont subset without CIDSet"),
        }
    }

    // 6.3.5-1 and 6.3.6-1 per CID shown visibly.
    let mut undecided = false;
    for code in &visible {
        let cid = cid_of(*code);
        match contains_cid(cid) {
            Some(ok) => ctx.check("6.3.5-1", ok || cid == 0, cp, || format!("CID {cid} has no glyph")),
            None => undecided = true,
        }
    }
    if undecided && !visible.is_empty() {
        ctx.not_checked("6.3.5-1", cid_place.clone(), "the font program could not be read");
    }
    if !visible.is_empty() {
        cid_widths(ctx, cid_font, &visible, &cid_of, program.as_ref(), gid_map.as_deref(), &cid_place);
    }

    // 6.3.8-1 at level A.
    if ctx.level_a {
        let to_unicode = to_unicode(ctx, dict);
        let collection = matches!(font_ordering.as_deref(), Some("GB1" | "CNS1" | "Japan1" | "Korea1"))
            && font_registry.as_deref() == Some("Adobe");
        let cmap_collection = program_cmap.as_ref().is_some_and(|c| {
            c.registry.as_deref() == Some("Adobe")
                && matches!(c.ordering.as_deref(), Some("GB1" | "CNS1" | "Japan1" | "Korea1"))
        }) || (!identity && cmap::predefined_collection(&cmap_name).is_some());
        for code in &all {
            let ok = match &to_unicode {
                Some(ToUnicode::Identity) => true,
                Some(ToUnicode::Map(m)) if m.maps_to_unicode(*code) => true,
                _ => (identity && collection) || cmap_collection,
            };
            ctx.check("6.3.8-1", ok, p, || format!("code {code} has no Unicode mapping"));
        }
    }
}

/// 6.3.6-1 for a CIDFontType2: `W`/`DW` against `hmtx`.
fn cid_widths(
    ctx: &mut Ctx<'_>,
    cid_font: &Dict,
    visible: &BTreeSet<u32>,
    cid_of: &dyn Fn(u32) -> u32,
    program: Option<&Program>,
    gid_map: Option<&[u8]>,
    place: &Place,
) {
    let doc = ctx.doc;
    let Some(program) = program else { return };
    let default = doc.get_number(cid_font, b"DW").unwrap_or(1000.0);
    let w = doc.get_array(cid_font, b"W").unwrap_or_default();
    let declared = |cid: u32| -> f64 {
        let mut i = 0usize;
        let cid = i64::from(cid);
        while let Some(first) = w.get(i).and_then(|o| doc.resolve(o).int()) {
            match w.get(i + 1).map(|o| doc.resolve(o)) {
                Some(Object::Array(list)) => {
                    if let Some(v) =
                        cid.checked_sub(first).and_then(|k| usize::try_from(k).ok()).and_then(|k| list.get(k))
                    {
                        return doc.resolve(v).number().unwrap_or(default);
                    }
                    i += 2;
                }
                Some(Object::Int(last)) => {
                    if (first..=*last).contains(&cid) {
                        return w.get(i + 2).and_then(|o| doc.resolve(o).number()).unwrap_or(default);
                    }
                    i += 3;
                }
                _ => break,
            }
        }
        default
    };
    for code in visible {
        let cid = cid_of(*code);
        let program_width = match program {
            Program::TrueType(t) => {
                let gid = match gid_map {
                    Some(m) => usize::try_from(cid)
                        .ok()
                        .and_then(|c| c.checked_mul(2))
                        .and_then(|i| Some(u16::from_be_bytes([*m.get(i)?, *m.get(i + 1)?]))),
                    None => u16::try_from(cid).ok(),
                };
                gid.filter(|g| t.has_glyph(*g)).and_then(|g| t.width(g))
            }
            Program::Cff(c) if c.cid => c.cid_width(cid),
            Program::Cff(c) => usize::try_from(cid).ok().and_then(|g| c.widths.get(g).copied().flatten()),
            Program::Type1(_) => None,
        };
        if let Some(program_width) = program_width {
            let d = declared(cid);
            ctx.check(
                "6.3.6-1",
                (d - program_width).abs() <= 1.0,
                || place.clone(),
                || format!("CID {cid}: W {d}, font program {program_width:.1}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::pdf::testpdf::{failed, type1_program, Builder};

    fn with_font(font: &str, extra: &[(u32, &str)], text: &str) -> Vec<String> {
        let mut b = Builder::pdfa();
        b.set(8, font);
        for (n, body) in extra {
            b.set(*n, body);
        }
        b.resources("<< /Font << /F 8 0 R >> >>");
        b.content(&format!("BT /F 12 Tf {text} ET"));
        failed(&b.build())
    }

    #[test]
    fn embedding_and_dictionary_entries() {
        let tt = "<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 65 /LastChar 66 /Widths [500] /Encoding /WinAnsiEncoding /FontDescriptor 9 0 R >>";
        let fd = (9, "<< /Type /FontDescriptor /FontName /Arial /Flags 32 >>");
        assert_eq!(with_font(tt, &[fd], "(A) Tj"), ["6.3.2-6", "6.3.4-1"]);
        // Invisible text needs no embedded program.
        assert_eq!(with_font(tt, &[fd], "3 Tr (A) Tj"), ["6.3.2-6"]);
        // The standard 14 need no FirstChar/LastChar/Widths, but must still be embedded.
        assert_eq!(with_font("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", &[], "(A) Tj"), ["6.3.4-1"]);
        assert_eq!(
            with_font("<< /Type /Font /Subtype /Type1 >>", &[], "3 Tr (A) Tj"),
            ["6.3.2-3", "6.3.2-4", "6.3.2-5", "6.3.2-6"]
        );
        // Unused fonts are exempt.
        let mut b = Builder::pdfa();
        b.set(8, tt);
        b.resources("<< /Font << /F 8 0 R >> >>");
        assert!(failed(&b.build()).is_empty());
    }

    #[test]
    fn truetype_encodings() {
        let fd = (9, "<< /Type /FontDescriptor /FontName /X /Flags 4 /FontFile2 10 0 R >>");
        let ff = (10, "<< /Length 0 >>\nstream\n\nendstream");
        let symbolic_with_encoding = "<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 65 /LastChar 65 /Widths [500] /Encoding /WinAnsiEncoding /FontDescriptor 9 0 R >>";
        assert!(with_font(symbolic_with_encoding, &[fd, ff], "(A) Tj").contains(&"6.3.7-2".to_owned()));
        let fd_plain = (9, "<< /Type /FontDescriptor /FontName /X /Flags 32 /FontFile2 10 0 R >>");
        let differences = "<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 65 /LastChar 65 /Widths [500] /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /B] >> /FontDescriptor 9 0 R >>";
        assert!(with_font(differences, &[fd_plain, ff], "(A) Tj").contains(&"6.3.7-1".to_owned()));
    }

    #[test]
    fn type1_subsets_charset_and_widths() {
        let program = type1_program(&[("A", 65, 500), ("B", 66, 600)]);
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Test /FirstChar 65 /LastChar 66 /Widths [500 600] /FontDescriptor 9 0 R >>";
        let mut b = Builder::pdfa();
        b.set(8, font);
        b.set(9, "<< /Type /FontDescriptor /FontName /ABCDEF+Test /Flags 4 /CharSet (/A/B) /FontFile 10 0 R >>");
        b.stream(10, &format!("/Length1 {} /Length2 0 /Length3 0", program.len()), &program);
        b.resources("<< /Font << /F 8 0 R >> >>");
        b.content("BT /F 12 Tf (AB) Tj ET");
        assert!(failed(&b.build()).is_empty(), "{:?}", failed(&b.build()));
        b.set(9, "<< /Type /FontDescriptor /FontName /ABCDEF+Test /Flags 4 /CharSet (/A) /FontFile 10 0 R >>");
        assert_eq!(failed(&b.build()), ["6.3.5-2"]);
        b.set(9, "<< /Type /FontDescriptor /FontName /ABCDEF+Test /Flags 4 /FontFile 10 0 R >>");
        assert_eq!(failed(&b.build()), ["6.3.5-2"]);
        b.set(9, "<< /Type /FontDescriptor /FontName /ABCDEF+Test /Flags 4 /CharSet (/A/B) /FontFile 10 0 R >>");
        b.set(8, &font.replace("[500 600]", "[500 700]"));
        assert_eq!(failed(&b.build()), ["6.3.6-1"]);
        b.set(8, "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Test /FirstChar 65 /LastChar 67 /Widths [500 600 0] /Encoding << /Differences [67 /C] >> /FontDescriptor 9 0 R >>");
        b.content("BT /F 12 Tf (AC) Tj ET");
        assert_eq!(failed(&b.build()), ["6.3.5-1"]);
    }

    #[test]
    fn composite_fonts_and_cmaps() {
        let type0 = |encoding: &str| {
            format!("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding {encoding} /DescendantFonts [11 0 R] >>")
        };
        let cid = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+X /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 9 0 R >>";
        let fd = (9, "<< /Type /FontDescriptor /FontName /ABCDEF+X /Flags 4 /FontFile2 10 0 R >>");
        let ff = (10, "<< /Length 0 >>\nstream\n\nendstream");
        let f = with_font(&type0("/Identity-H"), &[(11, cid), fd, ff], "<0001> Tj");
        assert_eq!(f, ["6.3.3.2-1", "6.3.5-3"]);
        let f = with_font(&type0("/UniJIS-UCS2-H"), &[(11, cid), fd, ff], "<0001> Tj");
        assert!(f.contains(&"6.3.3.3-1".to_owned()) && f.contains(&"6.3.3.1-1".to_owned()), "{f:?}");
        let program = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 0 >> def /CMapName /Custom def /WMode 1 def 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 begincidrange <0000> <0010> 70000 endcidrange endcmap";
        let mut b = Builder::pdfa();
        b.set(8, &type0("12 0 R"));
        b.set(11, cid);
        b.set(9, fd.1);
        b.set(10, ff.1);
        b.stream(
            12,
            "/Type /CMap /CMapName /Custom /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 0 >>",
            program.as_bytes(),
        );
        b.resources("<< /Font << /F 8 0 R >> >>");
        b.content("BT /F 12 Tf <0001> Tj ET");
        let f = failed(&b.build());
        for rule in ["6.1.12-10", "6.3.3.1-1", "6.3.3.3-2"] {
            assert!(f.contains(&rule.to_owned()), "{rule} in {f:?}");
        }
    }

    #[test]
    fn unicode_mappings_at_level_a() {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Test /FirstChar 65 /LastChar 66 /Widths [500 600] /Encoding << /Differences [65 /g1 /B] >> /FontDescriptor 9 0 R >>";
        let program = type1_program(&[("g1", 65, 500), ("B", 66, 600)]);
        let mut b = Builder::pdfa_level_a();
        b.set(8, font);
        b.set(9, "<< /Type /FontDescriptor /FontName /ABCDEF+Test /Flags 4 /CharSet (/g1/B) /FontFile 10 0 R >>");
        b.stream(10, "", &program);
        b.resources("<< /Font << /F 8 0 R >> >>");
        b.content("BT /F 12 Tf (B) Tj ET");
        assert!(!failed(&b.build()).contains(&"6.3.8-1".to_owned()));
        b.content("BT /F 12 Tf (A) Tj ET");
        assert!(failed(&b.build()).contains(&"6.3.8-1".to_owned()));
        b.stream(11, "", b"/CIDInit /ProcSet findresource begin begincmap 1 beginbfchar <41> <0041> endbfchar endcmap");
        b.set(8, &font.replace(">> /FontDescriptor", ">> /ToUnicode 11 0 R /FontDescriptor"));
        assert!(!failed(&b.build()).contains(&"6.3.8-1".to_owned()));
    }
}
