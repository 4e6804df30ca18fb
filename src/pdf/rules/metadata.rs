//! ISO 19005-1 6.7, metadata: the catalog's XMP stream (6.7.2), its agreement with the document
//! information dictionary (6.7.3), the packet header (6.7.5), extension schemas (6.7.8), valid
//! XMP with predefined or described properties of the right value types (6.7.9), and the PDF/A
//! identification (6.7.11).

use std::collections::BTreeMap;

use crate::pdf::cos::{Dict, ObjId, Object};
use crate::pdf::model::{describe, pdf_date, text};
use crate::pdf::rules::{Ctx, Place};
use crate::pdf::xmp::{self, Form, Node, Packet};
use crate::pdf::xmp_schema::{self, Types};

/// The rules this file decides.
pub const RULES: &[&str] = &[
    "6.7.2-1", "6.7.2-2", "6.7.3-1", "6.7.3-2", "6.7.3-3", "6.7.3-4", "6.7.3-5", "6.7.3-6", "6.7.3-7", "6.7.3-8",
    "6.7.5-1", "6.7.5-2", "6.7.8-1", "6.7.8-2", "6.7.8-3", "6.7.8-4", "6.7.8-5", "6.7.8-6", "6.7.8-7", "6.7.8-8",
    "6.7.8-9", "6.7.8-10", "6.7.8-11", "6.7.8-12", "6.7.8-13", "6.7.8-14", "6.7.8-15", "6.7.8-16", "6.7.8-17",
    "6.7.8-18", "6.7.8-19", "6.7.9-1", "6.7.9-2", "6.7.9-3", "6.7.11-1", "6.7.11-2", "6.7.11-3", "6.7.11-4",
    "6.7.11-5", "6.7.11-6",
];

/// The catalog's metadata as read once for identification and the rules.
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    /// The metadata stream object, when indirect.
    pub id: Option<ObjId>,
    /// The catalog has a Metadata stream.
    pub present: bool,
    /// Its dictionary has a Filter.
    pub filtered: bool,
    /// The packet, when the stream could be decoded.
    pub packet: Option<Packet>,
}

/// Extension schemas: namespace -> (properties -> type, the value types they may use).
type Extensions = BTreeMap<String, (BTreeMap<String, String>, Types)>;

/// Runs the 6.7 checks.
pub fn check(ctx: &mut Ctx<'_>, meta: &Metadata) {
    ctx.decided(RULES);
    let doc = ctx.doc;
    let catalog_place = || Place::object("root/document[0]", doc.catalog_id(), None);
    ctx.check("6.7.2-1", meta.present, catalog_place, || "the catalog has no Metadata stream".to_owned());
    if !meta.present {
        return;
    }
    let stream_path = format!("root/document[0]/metadata[0]{}", describe(meta.id, "PDMetadata"));
    let place = || Place::object(stream_path.clone(), meta.id, None);
    ctx.check("6.7.2-2", !meta.filtered, place, || "the metadata stream has a Filter".to_owned());
    let Some(packet) = &meta.packet else {
        ctx.not_checked("6.7.9-1", place(), "the metadata stream could not be decoded");
        return;
    };
    let package = format!("{stream_path}/XMPPackage[0]");
    let package_place = || Place::object(package.clone(), meta.id, None);
    if let Some(error) = &packet.error {
        ctx.fail("6.7.9-1", package_place(), error.clone());
    }
    if let Some(header) = &packet.header {
        ctx.check("6.7.5-1", attribute(header, "bytes").is_none(), package_place, || header.clone());
        ctx.check("6.7.5-2", attribute(header, "encoding").is_none(), package_place, || header.clone());
    }
    let extensions = extension_schemas(ctx, packet, &package, meta.id);
    properties(ctx, packet, &extensions, &package, meta.id);
    identification(ctx, packet, &package, meta.id);
    info(ctx, packet);
}

/// An attribute of the xpacket header: `name = '...'` or `name = "..."`.
fn attribute(header: &str, name: &str) -> Option<String> {
    let mut rest = header;
    while let Some(at) = rest.find(name) {
        let after = rest.get(at + name.len()..).unwrap_or_default().trim_start();
        if let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            if let Some(quote) = value.chars().next().filter(|c| *c == '\'' || *c == '"') {
                let body = value.get(1..).unwrap_or_default();
                if let Some(end) = body.find(quote) {
                    return Some(body.get(..end).unwrap_or_default().to_owned());
                }
            }
        }
        rest = rest.get(at + name.len()..).unwrap_or_default();
    }
    None
}

fn extension_schemas(ctx: &mut Ctx<'_>, packet: &Packet, package: &str, id: Option<ObjId>) -> Extensions {
    let mut out = Extensions::new();
    let Some(container) = &packet.extension_schemas else { return out };
    let path = format!("{package}/ExtensionSchemasContainers[0]");
    let place = |p: &str| Place::object(p.to_owned(), id, None);
    ctx.check(
        "6.7.8-2",
        container.form == Form::Bag && container.prefix == "pdfaExtension",
        || place(&path),
        || format!("pdfaExtension:schemas is a {:?} with prefix {}", container.form, container.prefix),
    );
    if !container.is_array() {
        return out;
    }
    for (i, schema) in container.children.iter().enumerate() {
        let schema_path = format!("{path}/ExtensionSchemaDefinitions[{i}]");
        // Value types first: properties may use them.
        let mut types = Types::predefined();
        let value_types = schema.field(xmp::NS_PDFA_SCHEMA, "valueType");
        for vt in value_types.filter(|v| v.is_array()).map(|v| v.children.as_slice()).unwrap_or_default() {
            let name = vt.field(xmp::NS_PDFA_TYPE, "type").map(|n| n.value.as_str());
            let ns = vt.field(xmp::NS_PDFA_TYPE, "namespaceURI").map(|n| n.value.as_str());
            let mut fields = BTreeMap::new();
            if let Some(list) = vt.field(xmp::NS_PDFA_TYPE, "field").filter(|f| f.is_array()) {
                for f in &list.children {
                    if let (Some(n), Some(t)) =
                        (f.field(xmp::NS_PDFA_FIELD, "name"), f.field(xmp::NS_PDFA_FIELD, "valueType"))
                    {
                        fields.insert(n.value.clone(), t.value.clone());
                    }
                }
            }
            if let Some(name) = name {
                types.add(name, ns, fields);
            }
        }
        check_schema(ctx, schema, &types, &schema_path, id);
        let Some(ns) = schema.field(xmp::NS_PDFA_SCHEMA, "namespaceURI").map(|n| n.value.clone()) else { continue };
        let mut props = BTreeMap::new();
        if let Some(list) = schema.field(xmp::NS_PDFA_SCHEMA, "property").filter(|p| p.is_array()) {
            for p in &list.children {
                if let (Some(n), Some(t)) =
                    (p.field(xmp::NS_PDFA_PROPERTY, "name"), p.field(xmp::NS_PDFA_PROPERTY, "valueType"))
                {
                    if types.is_known(&t.value) {
                        props.insert(n.value.clone(), t.value.clone());
                    }
                }
            }
        }
        out.insert(ns, (props, types));
    }
    out
}

/// One field of an extension schema object: present as text with the right prefix.
struct FieldRule {
    rule: &'static str,
    name: &'static str,
    /// The field must be present.
    required: bool,
    kind: FieldKind,
}

#[derive(Clone, Copy, PartialEq)]
enum FieldKind {
    Text,
    Seq,
    DefinedType,
    Category,
}

/// The value type of an extension schema object: its namespace, prefix and fields.
struct Kind {
    ns: &'static str,
    prefix: &'static str,
    rules: &'static [FieldRule],
}

fn check_object(ctx: &mut Ctx<'_>, node: &Node, kind: &Kind, types: &Types, path: &str, id: Option<ObjId>) {
    let Kind { ns, prefix, rules } = *kind;
    let place = || Place::object(path.to_owned(), id, None);
    let undefined: Vec<String> = node
        .children
        .iter()
        .filter(|c| c.ns != ns || !rules.iter().any(|r| r.name == c.name))
        .map(|c| format!("{}:{}", c.prefix, c.name))
        .collect();
    ctx.check("6.7.8-1", undefined.is_empty() && node.form == Form::Struct, place, || {
        if undefined.is_empty() {
            "not a structure".to_owned()
        } else {
            format!("undefined fields {}", undefined.join(", "))
        }
    });
    for r in rules {
        let field = node.field(ns, r.name);
        let ok = match field {
            None => !r.required,
            Some(f) => {
                f.prefix == prefix
                    && match r.kind {
                        FieldKind::Text => f.is_simple(),
                        FieldKind::Seq => f.form == Form::Seq || f.form == Form::Alt,
                        FieldKind::DefinedType => f.is_simple() && types.is_known(&f.value),
                        FieldKind::Category => f.is_simple() && (f.value == "external" || f.value == "internal"),
                    }
            }
        };
        ctx.check(r.rule, ok, place, || match field {
            None => format!("{prefix}:{} is missing", r.name),
            Some(f) => format!("{}:{} = {:?}", f.prefix, f.name, f.value),
        });
    }
}

fn check_schema(ctx: &mut Ctx<'_>, schema: &Node, types: &Types, path: &str, id: Option<ObjId>) {
    const SCHEMA: &[FieldRule] = &[
        FieldRule { rule: "6.7.8-3", name: "schema", required: true, kind: FieldKind::Text },
        FieldRule { rule: "6.7.8-4", name: "namespaceURI", required: true, kind: FieldKind::Text },
        FieldRule { rule: "6.7.8-5", name: "prefix", required: true, kind: FieldKind::Text },
        FieldRule { rule: "6.7.8-6", name: "property", required: false, kind: FieldKind::Seq },
        FieldRule { rule: "6.7.8-7", name: "valueType", required: false, kind: FieldKind::Seq },
    ];
    const PROPERTY: &[FieldRule] = &[
        FieldRule { rule: "6.7.8-8", name: "name", required: true, kind: FieldKind::Text },
        FieldRule { rule: "6.7.8-9", name: "valueType", required: true, kind: FieldKind::DefinedType },
        FieldRule { rule: "6.7.8-10", name: "category", required: true, kind: FieldKind::Category },
        FieldRule { rule: "6.7.8-11", name: "description", required: true, kind: FieldKind::Text },
    ];
    const VALUE_TYPE: &[FieldRule] = &[
        FieldRule { rule: "6.7.8-12", name: "type", required: true, kind: FieldKind::Text },
        FieldRule { rule: "6.7.8-13", name: "namespaceURI", required: true, kind: FieldKind::Text },
        FieldRule { rule: "6.7.8-14", name: "prefix", required: true, kind: FieldKind::Text },
        FieldRule { rule: "6.7.8-15", name: "description", required: true, kind: FieldKind::Text },
        FieldRule { rule: "6.7.8-16", name: "field", required: false, kind: FieldKind::Seq },
    ];
    const FIELD: &[FieldRule] = &[
        FieldRule { rule: "6.7.8-17", name: "name", required: true, kind: FieldKind::Text },
        FieldRule { rule: "6.7.8-18", name: "valueType", required: true, kind: FieldKind::DefinedType },
        FieldRule { rule: "6.7.8-19", name: "description", required: true, kind: FieldKind::Text },
    ];
    const SCHEMA_KIND: Kind = Kind { ns: xmp::NS_PDFA_SCHEMA, prefix: "pdfaSchema", rules: SCHEMA };
    const PROPERTY_KIND: Kind = Kind { ns: xmp::NS_PDFA_PROPERTY, prefix: "pdfaProperty", rules: PROPERTY };
    const VALUE_TYPE_KIND: Kind = Kind { ns: xmp::NS_PDFA_TYPE, prefix: "pdfaType", rules: VALUE_TYPE };
    const FIELD_KIND: Kind = Kind { ns: xmp::NS_PDFA_FIELD, prefix: "pdfaField", rules: FIELD };
    check_object(ctx, schema, &SCHEMA_KIND, types, path, id);
    if let Some(list) = schema.field(xmp::NS_PDFA_SCHEMA, "property").filter(|p| p.is_array()) {
        for (i, p) in list.children.iter().enumerate() {
            let p_path = format!("{path}/ExtensionSchemaProperties[{i}]");
            check_object(ctx, p, &PROPERTY_KIND, types, &p_path, id);
        }
    }
    if let Some(list) = schema.field(xmp::NS_PDFA_SCHEMA, "valueType").filter(|p| p.is_array()) {
        for (i, vt) in list.children.iter().enumerate() {
            let vt_path = format!("{path}/ExtensionSchemaValueTypes[{i}]");
            check_object(ctx, vt, &VALUE_TYPE_KIND, types, &vt_path, id);
            if let Some(fields) = vt.field(xmp::NS_PDFA_TYPE, "field").filter(|f| f.is_array()) {
                for (j, f) in fields.children.iter().enumerate() {
                    let f_path = format!("{vt_path}/ExtensionSchemaFields[{j}]");
                    check_object(ctx, f, &FIELD_KIND, types, &f_path, id);
                }
            }
        }
    }
}

fn properties(ctx: &mut Ctx<'_>, packet: &Packet, extensions: &Extensions, package: &str, id: Option<ObjId>) {
    let predefined = Types::predefined();
    for (i, p) in packet.properties.iter().enumerate() {
        let place = || Place::object(format!("{package}/Properties[{i}]"), id, None);
        let name = || format!("{}:{} ({})", p.prefix, p.name, p.ns);
        let extension =
            extensions.get(&p.ns).and_then(|(props, types)| props.get(&p.name).map(|t| (t.as_str(), types)));
        let predefined_type = xmp_schema::predefined(&p.ns, &p.name);
        ctx.check("6.7.9-2", extension.is_some() || predefined_type.is_some(), place, || {
            format!("{} is neither predefined in XMP 2004 nor described by an extension schema", name())
        });
        let ok = match (extension, predefined_type) {
            (Some((t, types)), _) => types.validate(p, t),
            (None, Some(t)) => predefined.validate(p, t),
            (None, None) => false,
        };
        ctx.check("6.7.9-3", ok, place, || match extension.map(|e| e.0).or(predefined_type) {
            Some(t) => format!("{} does not have the value type {t}", name()),
            None => format!("{} has no defined value type", name()),
        });
    }
}

fn identification(ctx: &mut Ctx<'_>, packet: &Packet, package: &str, id: Option<ObjId>) {
    let place = || Place::object(format!("{package}/PDFAIdentification[0]"), id, None);
    let present = packet.has_namespace(xmp::NS_PDFAID);
    ctx.check(
        "6.7.11-1",
        present,
        || Place::object(package.to_owned(), id, None),
        || "no PDF/A identification schema (pdfaid) in the metadata".to_owned(),
    );
    if !present {
        return;
    }
    let prop = |name: &str| packet.property(xmp::NS_PDFAID, name);
    let part = prop("part").filter(|p| p.is_simple()).map(|p| p.value.trim().to_owned());
    ctx.check("6.7.11-2", part.as_deref().and_then(|p| p.parse::<i64>().ok()) == Some(1), place, || {
        format!("pdfaid:part = {}", part.as_deref().unwrap_or("(missing)"))
    });
    let conformance = prop("conformance").filter(|p| p.is_simple()).map(|p| p.value.clone());
    let ok = match conformance.as_deref() {
        Some("A") => true,
        Some("B") => !ctx.level_a,
        _ => false,
    };
    ctx.check("6.7.11-3", ok, place, || {
        format!("pdfaid:conformance = {}", conformance.as_deref().unwrap_or("(missing)"))
    });
    for (rule, name) in [("6.7.11-4", "part"), ("6.7.11-5", "conformance"), ("6.7.11-6", "amd")] {
        if let Some(p) = prop(name) {
            ctx.check(rule, p.prefix == "pdfaid", place, || format!("{}:{name}", p.prefix));
        }
    }
}

/// The value of an Info entry as veraPDF reads it: a string without a trailing NUL, another
/// object as text, absent or null as `None`.
fn info_value(doc: &crate::pdf::model::Doc<'_>, info: &Dict, key: &[u8]) -> Option<String> {
    match doc.resolve(info.get(key)?) {
        Object::Null => None,
        Object::Str(s) => {
            let mut t = text(&s.bytes);
            if t.ends_with('\0') {
                t.pop();
            }
            Some(t)
        }
        other => Some(format!("({})", other.type_name())),
    }
}

fn info(ctx: &mut Ctx<'_>, packet: &Packet) {
    let doc = ctx.doc;
    let Some(info) = doc.info() else { return };
    let info_id = doc.file.trailer.get(b"Info").and_then(Object::reference);
    let place =
        || Place::object(format!("root/document[0]/trailer[0]/Info[0]{}", describe(info_id, "CosInfo")), info_id, None);
    let lang_alt = |ns: &str, name: &str| packet.property(ns, name).and_then(Node::default_text).map(str::to_owned);
    let simple = |ns: &str, name: &str| packet.simple(ns, name).map(str::to_owned);
    let creators: Option<Vec<String>> = packet
        .property(xmp::NS_DC, "creator")
        .filter(|c| matches!(c.form, Form::Seq | Form::Alt))
        .and_then(|c| c.children.iter().map(|i| i.is_simple().then(|| i.value.clone())).collect());
    let pairs: [(&'static str, &[u8], &str, Option<String>); 5] = [
        ("6.7.3-2", b"Title", "dc:title", lang_alt(xmp::NS_DC, "title")),
        ("6.7.3-4", b"Subject", "dc:description", lang_alt(xmp::NS_DC, "description")),
        ("6.7.3-5", b"Keywords", "pdf:Keywords", simple(xmp::NS_PDF, "Keywords")),
        ("6.7.3-6", b"Creator", "xmp:CreatorTool", simple(xmp::NS_XMP, "CreatorTool")),
        ("6.7.3-7", b"Producer", "pdf:Producer", simple(xmp::NS_PDF, "Producer")),
    ];
    for (rule, key, xmp_name, xmp_value) in pairs {
        let Some(value) = info_value(doc, info, key) else { continue };
        ctx.check(rule, xmp_value.as_deref() == Some(value.as_str()), place, || {
            format!("{} = {:?}, {xmp_name} = {:?}", String::from_utf8_lossy(key), value, xmp_value)
        });
    }
    if let Some(author) = info_value(doc, info, b"Author") {
        let ok = matches!(creators.as_deref(), Some([one]) if *one == author);
        ctx.check("6.7.3-3", ok, place, || format!("Author = {author:?}, dc:creator = {creators:?}"));
    }
    let dates: [(&'static str, &[u8], &str); 2] =
        [("6.7.3-1", b"CreationDate", "CreateDate"), ("6.7.3-8", b"ModDate", "ModifyDate")];
    for (rule, key, xmp_name) in dates {
        let xmp_date = packet.simple(xmp::NS_XMP, xmp_name).and_then(|d| xmp::parse_date(d).ok());
        let info_date = match doc.get(info, key) {
            Some(Object::Str(s)) => Some(text(&s.bytes)),
            _ => None,
        };
        if let (Some(x), Some(i)) = (xmp_date, &info_date) {
            let ok = pdf_date(i) == Some(x);
            ctx.check(rule, ok, place, || {
                format!(
                    "{} = {i}, xmp:{xmp_name} = {}",
                    String::from_utf8_lossy(key),
                    packet.simple(xmp::NS_XMP, xmp_name).unwrap_or_default()
                )
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::testpdf::{failed, xmp, Builder};

    fn with_xmp(extra: &str) -> Vec<String> {
        let mut b = Builder::pdfa();
        b.stream(5, "/Type /Metadata /Subtype /XML", xmp(extra).as_bytes());
        failed(&b.build())
    }

    #[test]
    fn metadata_stream_presence_and_filter() {
        let mut b = Builder::pdfa();
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /OutputIntents [6 0 R] >>");
        assert_eq!(failed(&b.build()), ["6.7.2-1"]);
        let mut b = Builder::pdfa();
        b.stream(
            5,
            "/Type /Metadata /Subtype /XML /Filter /ASCIIHexDecode",
            crate::pdf::testpdf::xmp("").bytes().map(|c| format!("{c:02x}")).collect::<String>().as_bytes(),
        );
        assert_eq!(failed(&b.build()), ["6.7.2-2"]);
    }

    #[test]
    fn properties_and_value_types() {
        let dc = r#"<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">"#;
        assert!(with_xmp(&format!("{dc}<xmp:CreateDate>2015-03-10</xmp:CreateDate><dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">T</rdf:li></rdf:Alt></dc:title></rdf:Description>")).is_empty());
        assert_eq!(with_xmp(&format!("{dc}<xmp:Label>x</xmp:Label></rdf:Description>")), ["6.7.9-2", "6.7.9-3"]);
        assert_eq!(with_xmp(&format!("{dc}<xmp:CreateDate>yesterday</xmp:CreateDate></rdf:Description>")), ["6.7.9-3"]);
        assert_eq!(with_xmp(&format!("{dc}<dc:creator>one</dc:creator></rdf:Description>")), ["6.7.9-3"]);
        assert_eq!(
            with_xmp(&format!("{dc}<dc:title rdf:parseType=\"Literal\">x</dc:title></rdf:Description>")),
            ["6.7.9-1", "6.7.11-1"]
        );
    }

    #[test]
    fn extension_schemas() {
        let ext = r#"<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" xmlns:my="urn:my:">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>My</pdfaSchema:schema><pdfaSchema:namespaceURI>urn:my:</pdfaSchema:namespaceURI><pdfaSchema:prefix>my</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource"><pdfaProperty:name>n</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType><pdfaProperty:category>internal</pdfaProperty:category><pdfaProperty:description>d</pdfaProperty:description></rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas><my:n>VALUE</my:n></rdf:Description>"#;
        assert!(with_xmp(&ext.replace("VALUE", "5")).is_empty());
        assert_eq!(with_xmp(&ext.replace("VALUE", "five")), ["6.7.9-3"]);
        assert_eq!(with_xmp(&ext.replace("VALUE", "5").replace(">internal<", ">secret<")), ["6.7.8-10"]);
        let wrong_prefix = ext.replace("VALUE", "5").replace("pdfaSchema:prefix>", "pdfaProperty:prefix>");
        assert!(with_xmp(&wrong_prefix).contains(&"6.7.8-5".to_owned()));
    }

    #[test]
    fn info_against_xmp() {
        let mut b = Builder::pdfa();
        b.set(8, "<< /Title (Doc) /Author (Ann) /CreationDate (D:20150310171921+01'00') /Producer (P) >>");
        b.trailer = "/Info 8 0 R".to_owned();
        let extra = r#"<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmp:CreateDate="2015-03-10T16:19:21Z" pdf:Producer="P"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Doc</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>Ann</rdf:li></rdf:Seq></dc:creator></rdf:Description>"#;
        b.stream(5, "/Type /Metadata /Subtype /XML", xmp(extra).as_bytes());
        assert!(failed(&b.build()).is_empty(), "{:?}", failed(&b.build()));
        b.set(8, "<< /Title (Other) /Author (Ann) /CreationDate (D:20150310171921Z) /Producer (Q) /Keywords (k) >>");
        assert_eq!(failed(&b.build()), ["6.7.3-1", "6.7.3-2", "6.7.3-5", "6.7.3-7"]);
    }

    #[test]
    fn identification_and_header() {
        let mut b = Builder::pdfa();
        let packet = xmp("")
            .replace("pdfaid:part=\"1\"", "pdfaid:part=\"2\"")
            .replace("id=\"W5M0MpCehiHzreSzNTczkc9d\"", "id=\"W5M0MpCehiHzreSzNTczkc9d\" bytes=\"10\"");
        b.stream(5, "/Type /Metadata /Subtype /XML", packet.as_bytes());
        assert_eq!(failed(&b.build()), ["6.7.5-1", "6.7.11-2"]);
    }

    #[test]
    fn header_attributes() {
        assert_eq!(attribute("begin='' id='W5M0' bytes='1234'", "bytes").as_deref(), Some("1234"));
        assert_eq!(attribute("begin=\"\" encoding = \"UTF-8\"", "encoding").as_deref(), Some("UTF-8"));
        assert_eq!(attribute("begin='' id='W5M0MpCehiHzreSzNTczkc9d'", "bytes"), None);
    }
}
