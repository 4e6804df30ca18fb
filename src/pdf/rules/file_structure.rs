//! ISO 19005-1 6.1, file structure: header, trailer, cross-reference table, strings, streams,
//! indirect objects, filters, embedded files, implementation limits and optional content.
//! Byte-level facts come from [`crate::pdf::raw`]; content-stream limits (6.1.12-8) from
//! [`crate::pdf::content`]; 6.1.12-9 and -10 from the graphics and font checks.

use crate::pdf::content::Usage;
use crate::pdf::cos::{Dict, Object, PdfString};
use crate::pdf::model::describe;
use crate::pdf::rules::{show, Ctx, Place};

/// The rules this file decides.
pub const RULES: &[&str] = &[
    "6.1.2-1", "6.1.2-2", "6.1.3-1", "6.1.3-2", "6.1.3-3", "6.1.3-4", "6.1.4-1", "6.1.4-2", "6.1.4-3", "6.1.6-1",
    "6.1.6-2", "6.1.7-1", "6.1.7-2", "6.1.7-3", "6.1.8-1", "6.1.10-1", "6.1.10-2", "6.1.11-1", "6.1.11-2", "6.1.12-1",
    "6.1.12-2", "6.1.12-3", "6.1.12-4", "6.1.12-5", "6.1.12-6", "6.1.12-7", "6.1.12-8", "6.1.13-1",
];

/// The deepest `q` nesting (6.1.12-8).
const MAX_Q: usize = 28;

/// The largest number of indirect objects (6.1.12-7).
const MAX_INDIRECTS: u64 = 8_388_607;

/// Runs the 6.1 checks.
pub fn check(ctx: &mut Ctx<'_>, usage: &Usage) {
    ctx.decided(RULES);
    header(ctx);
    trailer(ctx);
    xref(ctx);
    objects(ctx);
    catalog(ctx);
    content(ctx, usage);
}

/// The 6.1 facts of content streams: operand syntax and limits, `q` depth, inline LZW.
fn content(ctx: &mut Ctx<'_>, usage: &Usage) {
    for stream in &usage.streams {
        for issue in &stream.issues {
            if let Some(rule) = crate::pdf::registry::rule(issue.rule) {
                ctx.fail(rule.id, stream.place.clone(), issue.detail.clone());
            }
        }
        ctx.check(
            "6.1.12-8",
            stream.max_q <= MAX_Q,
            || stream.place.clone(),
            || format!("q nested {} deep", stream.max_q),
        );
    }
    for (name, place) in &usage.inline_filters {
        ctx.check("6.1.10-2", name != b"LZWDecode" && name != b"LZW", || place.clone(), || show(name));
    }
}

fn header(ctx: &mut Ctx<'_>) {
    let doc = ctx.doc;
    let Some(h) = &doc.file.header else { return };
    let pattern = h.line.as_bytes().windows(8).any(|w| {
        w.starts_with(b"%PDF-")
            && w.get(5).is_some_and(u8::is_ascii_digit)
            && w.get(6) == Some(&b'.')
            && w.get(7).is_some_and(u8::is_ascii_digit)
    });
    ctx.check(
        "6.1.2-1",
        h.offset == 0 && pattern,
        || Place::path("root/document[0]"),
        || format!("header {} at offset {}", h.line, h.offset),
    );
    ctx.check(
        "6.1.2-2",
        h.comment.iter().all(|b| *b > 127),
        || Place::path("root/document[0]"),
        || format!("first four bytes of the comment: {:?}", h.comment),
    );
}

fn trailer(ctx: &mut Ctx<'_>) {
    let file = &ctx.doc.file;
    let linearized = file.linearized && file.sections.len() > 1;
    let id_of = |t: Option<&Dict>| -> Option<Vec<u8>> {
        let items = t?.get(b"ID")?.array()?;
        Some(items.iter().filter_map(Object::string).flat_map(|s: &PdfString| s.bytes.iter().copied()).collect())
    };
    let first_id = id_of(file.first_trailer());
    let last_id = id_of(file.last_trailer());
    let has_id = if linearized { first_id.is_some() } else { last_id.is_some() };
    ctx.check(
        "6.1.3-1",
        has_id,
        || Place::path("root/document[0]"),
        || if linearized { "no ID in the first page trailer" } else { "no ID in the last trailer" }.to_owned(),
    );
    let encrypted = file.trailer.has(b"Encrypt");
    ctx.check("6.1.3-2", !encrypted, || Place::path("root/document[0]/trailer[0]"), || "Encrypt".to_owned());
    let post = file.post_eof;
    ctx.check(
        "6.1.3-3",
        post == Some(0),
        || Place::path("root/document[0]"),
        || match post {
            Some(n) => format!("{n} byte(s) after the last %%EOF"),
            None => "no %%EOF marker in the last 1024 bytes".to_owned(),
        },
    );
    let ids_match = !linearized || last_id.is_none() || first_id == last_id;
    ctx.check(
        "6.1.3-4",
        ids_match,
        || Place::path("root/document[0]"),
        || "first page ID differs from last ID".to_owned(),
    );
}

fn xref(ctx: &mut Ctx<'_>) {
    let sections = ctx.doc.file.sections.clone();
    for (i, s) in sections.iter().enumerate() {
        let place = || Place::path(format!("root/document[0]/xref[{i}]"));
        if s.is_stream {
            ctx.fail("6.1.4-3", place(), format!("cross-reference stream at byte {}", s.offset));
            continue;
        }
        ctx.check("6.1.4-1", s.subsection_spacing_ok, place, || format!("section at byte {}", s.offset));
        ctx.check("6.1.4-2", s.xref_eol_ok, place, || format!("section at byte {}", s.offset));
    }
}

fn objects(ctx: &mut Ctx<'_>) {
    let doc = ctx.doc;
    let count = doc.file.entry_count;
    ctx.check(
        "6.1.12-7",
        count <= MAX_INDIRECTS,
        || Place::path("root/document[0]"),
        || format!("{count} indirect objects"),
    );
    // Every object the cross-reference table lists, reachable or not, as veraPDF does (corpus
    // 6-1-8-t01-fail-a fails on an object only the table points to).
    for indirect in doc.file.objects.values() {
        if !ctx.spend(1) {
            return;
        }
        let place = || {
            Place::object(format!("root/indirectObject{}", describe(Some(indirect.id), "")), Some(indirect.id), None)
        };
        for issue in &indirect.issues {
            if issue.rule.starts_with("6.") {
                if let Some(rule) = crate::pdf::registry::rule(issue.rule) {
                    ctx.fail(rule.id, place(), issue.detail.clone());
                }
            }
        }
        if let Object::Stream(stream) = &indirect.object {
            let keys: Vec<&str> =
                ["F", "FFilter", "FDecodeParms"].into_iter().filter(|k| stream.dict.has(k.as_bytes())).collect();
            ctx.check("6.1.7-3", keys.is_empty(), place, || keys.join(", "));
            for (name, _) in crate::pdf::filter::filters(&stream.dict, false) {
                ctx.check("6.1.10-1", name != b"LZWDecode" && name != b"LZW", place, || show(&name));
            }
        }
        file_specs(ctx, &indirect.object, indirect.id);
    }
}

/// 6.1.11-1 on every file specification dictionary inside `object`.
fn file_specs(ctx: &mut Ctx<'_>, object: &Object, id: crate::pdf::cos::ObjId) {
    let mut stack = vec![object];
    while let Some(o) = stack.pop() {
        match o {
            Object::Array(items) => stack.extend(items.iter()),
            Object::Dict(d) => {
                let is_filespec = d.get(b"Type").and_then(Object::name) == Some(b"Filespec");
                if d.has(b"EF") && (is_filespec || d.has(b"F") || d.has(b"UF")) {
                    let place = Place::object(
                        format!("root/indirectObject{}", describe(Some(id), "CosFileSpecification")),
                        Some(id),
                        None,
                    );
                    ctx.fail("6.1.11-1", place, "file specification with EF");
                }
                stack.extend(d.0.iter().map(|(_, v)| v));
            }
            _ => {}
        }
    }
}

fn catalog(ctx: &mut Ctx<'_>) {
    let doc = ctx.doc;
    let Some(catalog) = doc.catalog() else { return };
    let place = || Place::object("root/document[0]/catalog[0]", doc.catalog_id(), None);
    let embedded = doc.get_dict(catalog, b"Names").is_some_and(|names| names.has(b"EmbeddedFiles"));
    ctx.check("6.1.11-2", !embedded, place, || "EmbeddedFiles in the name dictionary".to_owned());
    ctx.check("6.1.13-1", !catalog.has(b"OCProperties"), place, || "OCProperties".to_owned());
}

#[cfg(test)]
mod tests {
    use crate::pdf::testpdf::{failed, replace, Builder};

    #[test]
    fn header_trailer_and_eof() {
        let good = Builder::pdfa().build();
        let mut bad = good.clone();
        bad.splice(10..14, *b"%ab\n");
        assert!(failed(&bad).contains(&"6.1.2-2".to_owned()), "{:?}", failed(&bad));
        let mut junk = good.clone();
        junk.extend_from_slice(b"junk");
        assert_eq!(failed(&junk), ["6.1.3-3"]);
        let mut encrypted = Builder::pdfa();
        encrypted.trailer = "/Encrypt << /Filter /Standard >>".to_owned();
        assert!(failed(&encrypted.build()).contains(&"6.1.3-2".to_owned()));
        let no_id = replace(&good, "/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]", "");
        assert_eq!(failed(&no_id), ["6.1.3-1"]);
    }

    #[test]
    fn xref_spacing() {
        let good = Builder::pdfa().build();
        let doubled = replace(&good, "xref\n0 8", "xref\n\n0 8");
        assert_eq!(failed(&doubled), ["6.1.4-2"]);
        let spaced = replace(&good, "\n0 8\n", "\n0  8\n");
        assert_eq!(failed(&spaced), ["6.1.4-1"]);
    }

    #[test]
    fn streams_strings_and_limits_in_content() {
        let mut b = Builder::pdfa();
        b.content("q <414> Tj 40000.5 0 Td /N#41 Tf Q");
        let f = failed(&b.build());
        assert!(f.contains(&"6.1.6-1".to_owned()) && f.contains(&"6.1.12-2".to_owned()), "{f:?}");
        let deep = format!("{}0 0 1 rg 0 0 1 1 re f{}", "q ".repeat(29), " Q".repeat(29));
        b.content(&deep);
        assert!(failed(&b.build()).contains(&"6.1.12-8".to_owned()));
        b.content(&format!("{}0 0 1 rg 0 0 1 1 re f{}", "q ".repeat(28), " Q".repeat(28)));
        assert!(failed(&b.build()).is_empty());
    }

    #[test]
    fn stream_keys_filters_and_catalog() {
        let mut b = Builder::pdfa();
        b.stream(8, "/F (data.bin) /Filter /LZWDecode", b"x");
        b.set(9, "<< /Type /Filespec /F (a.txt) /EF << /F 8 0 R >> >>");
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R] /OCProperties << >> /Names << /EmbeddedFiles << >> >> >>");
        let f = failed(&b.build());
        for rule in ["6.1.7-3", "6.1.10-1", "6.1.11-1", "6.1.11-2", "6.1.13-1"] {
            assert!(f.contains(&rule.to_owned()), "{rule} in {f:?}");
        }
    }

    #[test]
    fn wrong_length_and_object_spacing() {
        let good = Builder::pdfa().build();
        let bad = replace(&good, "<<  /Length 24 >>", "<<  /Length 20 >>");
        assert_ne!(bad, good);
        assert_eq!(failed(&bad), ["6.1.7-1"]);
        // Same length, different spacing: "2  0 obj" for "2 0 obj\n".
        let spaced = replace(&good, "\n2 0 obj\n", "\n2  0 obj");
        assert_eq!(failed(&spaced), ["6.1.8-1"]);
    }
}
