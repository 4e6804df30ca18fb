//! XMP value types and the schemas predefined in the XMP Specification of January 2004, which
//! ISO 19005-1 6.7.9 lets a PDF/A-1 file use without an extension schema; and the value types an
//! extension schema (6.7.8) adds.
//!
//! The value-type checks follow the XMP 2004 definitions as veraPDF applies them to PDF/A-1:
//! closed choices are checked against their base type only, URIs and URLs as text, and
//! `GPSCoordinate` as `DD,MM,SSk` or `DD,MM.mmk`.

use std::collections::BTreeMap;

use crate::pdf::xmp::{self, Form, Node};

const NS_XMP_RIGHTS: &str = "http://ns.adobe.com/xap/1.0/rights/";
const NS_XMP_MM: &str = "http://ns.adobe.com/xap/1.0/mm/";
const NS_XMP_BJ: &str = "http://ns.adobe.com/xap/1.0/bj/";
const NS_XMP_TPG: &str = "http://ns.adobe.com/xap/1.0/t/pg/";
const NS_PHOTOSHOP: &str = "http://ns.adobe.com/photoshop/1.0/";
const NS_TIFF: &str = "http://ns.adobe.com/tiff/1.0/";
const NS_EXIF: &str = "http://ns.adobe.com/exif/1.0/";
const NS_ST_DIM: &str = "http://ns.adobe.com/xap/1.0/sType/Dimensions#";
const NS_ST_IMG: &str = "http://ns.adobe.com/xap/1.0/g/img/";
const NS_ST_EVT: &str = "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#";
const NS_ST_REF: &str = "http://ns.adobe.com/xap/1.0/sType/ResourceRef#";
const NS_ST_VER: &str = "http://ns.adobe.com/xap/1.0/sType/Version#";
const NS_ST_JOB: &str = "http://ns.adobe.com/xap/1.0/sType/Job#";

/// The schemas of XMP 2004: (namespace, [(property, value type)]).
pub static PREDEFINED: &[(&str, &[(&str, &str)])] = &[
    (xmp::NS_PDFAID, &[("part", "Integer"), ("amd", "Text"), ("conformance", "Text")]),
    (
        xmp::NS_DC,
        &[
            ("contributor", "Bag ProperName"),
            ("coverage", "Text"),
            ("creator", "Seq ProperName"),
            ("date", "Seq Date"),
            ("description", "Lang Alt"),
            ("format", "MIMEType"),
            ("identifier", "Text"),
            ("language", "Bag Locale"),
            ("publisher", "Bag ProperName"),
            ("relation", "Bag Text"),
            ("rights", "Lang Alt"),
            ("source", "Text"),
            ("subject", "Bag Text"),
            ("title", "Lang Alt"),
            ("type", "Bag Text"),
        ],
    ),
    (
        xmp::NS_XMP,
        &[
            ("Advisory", "Bag Text"),
            ("BaseURL", "URL"),
            ("CreateDate", "Date"),
            ("CreatorTool", "AgentName"),
            ("Identifier", "Bag Text"),
            ("MetadataDate", "Date"),
            ("ModifyDate", "Date"),
            ("Nickname", "Text"),
            ("Thumbnails", "Alt Thumbnail"),
        ],
    ),
    (
        NS_XMP_RIGHTS,
        &[
            ("Certificate", "URL"),
            ("Marked", "Boolean"),
            ("Owner", "Bag ProperName"),
            ("UsageTerms", "Lang Alt"),
            ("WebStatement", "URL"),
        ],
    ),
    (
        NS_XMP_MM,
        &[
            ("DerivedFrom", "ResourceRef"),
            ("DocumentID", "URI"),
            ("History", "Seq ResourceEvent"),
            ("InstanceID", "URI"),
            ("ManagedFrom", "ResourceRef"),
            ("Manager", "AgentName"),
            ("ManageTo", "URI"),
            ("ManageUI", "URI"),
            ("ManagerVariant", "Text"),
            ("RenditionClass", "RenditionClass"),
            ("RenditionParams", "Text"),
            ("VersionID", "Text"),
            ("Versions", "Seq Version"),
            ("LastURL", "URL"),
            ("RenditionOf", "ResourceRef"),
            ("SaveID", "Integer"),
        ],
    ),
    (NS_XMP_BJ, &[("JobRef", "Bag Job")]),
    (NS_XMP_TPG, &[("MaxPageSize", "Dimensions"), ("NPages", "Integer")]),
    (xmp::NS_PDF, &[("Keywords", "Text"), ("PDFVersion", "Text"), ("Producer", "AgentName")]),
    (
        NS_PHOTOSHOP,
        &[
            ("AuthorsPosition", "Text"),
            ("CaptionWriter", "ProperName"),
            ("Category", "Text"),
            ("City", "Text"),
            ("Country", "Text"),
            ("Credit", "Text"),
            ("DateCreated", "Date"),
            ("Headline", "Text"),
            ("Instructions", "Text"),
            ("Source", "Text"),
            ("State", "Text"),
            ("SupplementalCategories", "Text"),
            ("TransmissionReference", "Text"),
            ("Urgency", "Integer"),
        ],
    ),
    (
        NS_TIFF,
        &[
            ("ImageWidth", "Integer"),
            ("ImageLength", "Integer"),
            ("BitsPerSample", "Seq Integer"),
            ("Compression", "Closed Choice of Integer"),
            ("PhotometricInterpretation", "Closed Choice of Integer"),
            ("Orientation", "Closed Choice of Integer"),
            ("SamplesPerPixel", "Integer"),
            ("PlanarConfiguration", "Closed Choice of Integer"),
            ("YCbCrSubSampling", "Closed Choice of Seq Integer"),
            ("YCbCrPositioning", "Closed Choice of Integer"),
            ("XResolution", "Rational"),
            ("YResolution", "Rational"),
            ("ResolutionUnit", "Closed Choice of Integer"),
            ("TransferFunction", "Seq Integer"),
            ("WhitePoint", "Seq Rational"),
            ("PrimaryChromaticities", "Seq Rational"),
            ("YCbCrCoefficients", "Seq Rational"),
            ("ReferenceBlackWhite", "Seq Rational"),
            ("DateTime", "Date"),
            ("ImageDescription", "Lang Alt"),
            ("Make", "ProperName"),
            ("Model", "ProperName"),
            ("Software", "AgentName"),
            ("Artist", "ProperName"),
            ("Copyright", "Lang Alt"),
        ],
    ),
    (
        NS_EXIF,
        &[
            ("ExifVersion", "Closed Choice of Text"),
            ("FlashpixVersion", "Closed Choice of Text"),
            ("ColorSpace", "Closed Choice of Integer"),
            ("ComponentsConfiguration", "Closed Choice of Seq Integer"),
            ("CompressedBitsPerPixel", "Rational"),
            ("PixelXDimension", "Integer"),
            ("PixelYDimension", "Integer"),
            ("MakerNote", "Text"),
            ("UserComment", "Lang Alt"),
            ("RelatedSoundFile", "Text"),
            ("DateTimeOriginal", "Date"),
            ("DateTimeDigitized", "Date"),
            ("ExposureTime", "Rational"),
            ("FNumber", "Rational"),
            ("ExposureProgram", "Closed Choice of Integer"),
            ("SpectralSensitivity", "Text"),
            ("ISOSpeedRatings", "Seq Integer"),
            ("OECF", "OECF/SFR"),
            ("ShutterSpeedValue", "Rational"),
            ("ApertureValue", "Rational"),
            ("BrightnessValue", "Rational"),
            ("ExposureBiasValue", "Rational"),
            ("MaxApertureValue", "Rational"),
            ("SubjectDistance", "Rational"),
            ("MeteringMode", "Closed Choice of Integer"),
            ("LightSource", "Closed Choice of Integer"),
            ("Flash", "Flash"),
            ("FocalLength", "Rational"),
            ("SubjectArea", "Seq Integer"),
            ("FlashEnergy", "Rational"),
            ("SpatialFrequencyResponse", "OECF/SFR"),
            ("FocalPlaneXResolution", "Rational"),
            ("FocalPlaneYResolution", "Rational"),
            ("FocalPlaneResolutionUnit", "Closed Choice of Integer"),
            ("SubjectLocation", "Seq Integer"),
            ("ExposureIndex", "Rational"),
            ("SensingMethod", "Closed Choice of Integer"),
            ("FileSource", "Closed Choice of Integer"),
            ("SceneType", "Closed Choice of Integer"),
            ("CFAPattern", "CFAPattern"),
            ("CustomRendered", "Closed Choice of Integer"),
            ("ExposureMode", "Closed Choice of Integer"),
            ("WhiteBalance", "Closed Choice of Integer"),
            ("DigitalZoomRatio", "Rational"),
            ("FocalLengthIn35mmFilm", "Integer"),
            ("SceneCaptureType", "Closed Choice of Integer"),
            ("GainControl", "Closed Choice of Integer"),
            ("Contrast", "Closed Choice of Integer"),
            ("Saturation", "Closed Choice of Integer"),
            ("Sharpness", "Closed Choice of Integer"),
            ("DeviceSettingDescription", "DeviceSettings"),
            ("SubjectDistanceRange", "Closed Choice of Integer"),
            ("ImageUniqueID", "Text"),
            ("GPSVersionID", "Text"),
            ("GPSLatitude", "GPSCoordinate"),
            ("GPSLongitude", "GPSCoordinate"),
            ("GPSAltitudeRef", "Closed Choice of Integer"),
            ("GPSAltitude", "Rational"),
            ("GPSTimeStamp", "Date"),
            ("GPSSatellites", "Text"),
            ("GPSStatus", "Closed Choice of Text"),
            ("GPSMeasureMode", "Closed Choice of Integer"),
            ("GPSDOP", "Rational"),
            ("GPSSpeedRef", "Closed Choice of Text"),
            ("GPSSpeed", "Rational"),
            ("GPSTrackRef", "Closed Choice of Text"),
            ("GPSTrack", "Rational"),
            ("GPSImgDirectionRef", "Closed Choice of Text"),
            ("GPSImgDirection", "Rational"),
            ("GPSMapDatum", "Text"),
            ("GPSDestLatitude", "GPSCoordinate"),
            ("GPSDestLongitude", "GPSCoordinate"),
            ("GPSDestBearingRef", "Closed Choice of Text"),
            ("GPSDestBearing", "Rational"),
            ("GPSDestDistanceRef", "Closed Choice of Text"),
            ("GPSDestDistance", "Rational"),
            ("GPSProcessingMethod", "Text"),
            ("GPSAreaInformation", "Text"),
            ("GPSDifferential", "Closed Choice of Integer"),
        ],
    ),
];

/// A structured value type: (type, field namespace, [(field, type)]).
type StructType = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

/// The structured value types of XMP 2004.
static STRUCTS: &[StructType] = &[
    ("dimensions", NS_ST_DIM, &[("w", "Real"), ("h", "Real"), ("unit", "Text")]),
    ("thumbnail", NS_ST_IMG, &[("height", "Integer"), ("width", "Integer"), ("image", "Text"), ("format", "Text")]),
    (
        "resourceevent",
        NS_ST_EVT,
        &[
            ("action", "Text"),
            ("instanceID", "URI"),
            ("parameters", "Text"),
            ("softwareAgent", "AgentName"),
            ("when", "Date"),
        ],
    ),
    (
        "resourceref",
        NS_ST_REF,
        &[
            ("instanceID", "URI"),
            ("documentID", "URI"),
            ("versionID", "Text"),
            ("renditionClass", "RenditionClass"),
            ("renditionParams", "Text"),
            ("manager", "AgentName"),
            ("managerVariant", "Text"),
            ("manageTo", "URI"),
            ("manageUI", "URI"),
        ],
    ),
    (
        "version",
        NS_ST_VER,
        &[
            ("comments", "Text"),
            ("event", "ResourceEvent"),
            ("modifyDate", "Date"),
            ("modifier", "ProperName"),
            ("version", "Text"),
        ],
    ),
    ("job", NS_ST_JOB, &[("name", "Text"), ("id", "Text"), ("url", "URL")]),
    (
        "flash",
        NS_EXIF,
        &[
            ("Fired", "Boolean"),
            ("Function", "Boolean"),
            ("RedEyeMode", "Boolean"),
            ("Return", "Text"),
            ("Mode", "Text"),
        ],
    ),
    (
        "oecf/sfr",
        NS_EXIF,
        &[("Columns", "Integer"), ("Rows", "Integer"), ("Names", "Seq Text"), ("Values", "Seq Rational")],
    ),
    ("cfapattern", NS_EXIF, &[("Columns", "Integer"), ("Rows", "Integer"), ("Values", "Seq Integer")]),
    ("devicesettings", NS_EXIF, &[("Columns", "Integer"), ("Rows", "Integer"), ("Settings", "Seq Text")]),
];

/// The simple value types (lower case, as compared).
static SIMPLE: &[&str] = &[
    "boolean",
    "integer",
    "real",
    "mimetype",
    "propername",
    "text",
    "agentname",
    "rational",
    "renditionclass",
    "gpscoordinate",
    "locale",
    "date",
    "lang alt",
    "uri",
    "url",
    "xpath",
];

/// The type of a predefined property.
pub fn predefined(ns: &str, name: &str) -> Option<&'static str> {
    PREDEFINED.iter().find(|(n, _)| *n == ns)?.1.iter().find(|(p, _)| *p == name).map(|(_, t)| *t)
}

/// A type name reduced as veraPDF compares them: lower case, choices dropped, a bare array
/// kind taken as an array of text.
pub fn simplify(type_name: &str) -> String {
    let lower = type_name.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    // "(open |closed )?(choice |choice$)(of )?" removed wherever it occurs.
    let mut i = 0;
    while i < words.len() {
        if words.get(i) == Some(&"choice") {
            let mut start = i;
            if i > 0 && matches!(words.get(i - 1), Some(&"open") | Some(&"closed")) {
                start = i - 1;
            }
            let mut end = i + 1;
            if words.get(end) == Some(&"of") {
                end += 1;
            }
            words.drain(start..end);
            i = start;
        } else {
            i += 1;
        }
    }
    let mut result = words.join(" ");
    if result.is_empty() {
        return "text".to_owned();
    }
    if result.ends_with("lang alt") {
        return result;
    }
    if ["bag", "seq", "alt"].iter().any(|k| result.ends_with(k)) {
        result.push_str(" text");
    }
    result
}

/// The value types known in one context: XMP 2004's and those an extension schema adds.
#[derive(Clone, Debug, Default)]
pub struct Types {
    /// Types defined as text (an extension value type without fields).
    text: Vec<String>,
    /// Structured types: name -> (field namespace, field -> type).
    structs: BTreeMap<String, (String, BTreeMap<String, String>)>,
}

impl Types {
    /// The XMP 2004 types.
    pub fn predefined() -> Self {
        let mut types = Types::default();
        for (name, ns, fields) in STRUCTS {
            let fields = fields.iter().map(|(f, t)| ((*f).to_owned(), (*t).to_owned())).collect();
            types.structs.insert((*name).to_owned(), ((*ns).to_owned(), fields));
        }
        types
    }

    /// Adds an extension value type: a structure with fields, or text.
    pub fn add(&mut self, name: &str, ns: Option<&str>, fields: BTreeMap<String, String>) {
        let key = simplify(name);
        match ns {
            Some(ns) if !fields.is_empty() => {
                self.structs.insert(key, (ns.to_owned(), fields));
            }
            _ if fields.is_empty() => self.text.push(key),
            _ => {}
        }
    }

    /// The type is known (arrays of known types included).
    pub fn is_known(&self, type_name: &str) -> bool {
        let mut t = simplify(type_name);
        while let Some(p) = ["bag ", "seq ", "alt "].iter().find(|p| t.starts_with(**p)) {
            t = t.get(p.len()..).unwrap_or_default().to_owned();
        }
        SIMPLE.contains(&t.as_str()) || self.text.contains(&t) || self.structs.contains_key(&t)
    }

    /// The node's value has the type (depth-bounded by the node's own depth).
    pub fn validate(&self, node: &Node, type_name: &str) -> bool {
        self.check(node, &simplify(type_name), 0)
    }

    fn check(&self, node: &Node, t: &str, depth: usize) -> bool {
        if depth > 64 {
            return false;
        }
        if t == "any" {
            return true;
        }
        for (prefix, ok) in
            [("bag ", node.form == Form::Bag), ("seq ", node.form == Form::Seq), ("alt ", node.form == Form::Alt)]
        {
            if let Some(item) = t.strip_prefix(prefix) {
                return ok && node.children.iter().all(|c| self.check(c, &simplify(item), depth + 1));
            }
        }
        if t == "lang alt" {
            return node.is_alt_text() || (node.form == Form::Alt && node.children.is_empty());
        }
        if let Some((ns, fields)) = self.structs.get(t) {
            return node.form == Form::Struct
                && node.children.iter().all(|c| {
                    c.ns == *ns && fields.get(&c.name).is_some_and(|ft| self.check(c, &simplify(ft), depth + 1))
                });
        }
        if self.text.iter().any(|x| x == t) {
            return node.is_simple();
        }
        node.is_simple() && simple_value(t, &node.value)
    }
}

fn simple_value(t: &str, v: &str) -> bool {
    match t {
        "boolean" => v == "True" || v == "False",
        "integer" => {
            let digits = v.strip_prefix(['+', '-']).unwrap_or(v);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
        "real" => {
            let body = v.strip_prefix(['+', '-']).unwrap_or(v);
            let dots = body.bytes().filter(|b| *b == b'.').count();
            dots <= 1
                && body.bytes().any(|b| b.is_ascii_digit())
                && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        }
        "mimetype" => {
            let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_+.".contains(c));
            matches!(v.split_once('/'), Some((a, b)) if word(a) && word(b))
        }
        "gpscoordinate" => {
            let b = v.as_bytes();
            b.len() == 9
                && b.iter().take(2).all(u8::is_ascii_digit)
                && b.get(2) == Some(&b',')
                && b.get(3..5).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && matches!(b.get(5), Some(b',' | b'.'))
                && b.get(6..8).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && matches!(b.get(8), Some(b'N' | b'S' | b'E' | b'W'))
        }
        "date" => xmp::parse_date(v).is_ok(),
        "propername" | "text" | "agentname" | "rational" | "renditionclass" | "locale" | "uri" | "url" | "xpath" => {
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simple(value: &str) -> Node {
        Node { value: value.to_owned(), ..Node::default() }
    }

    #[test]
    fn simplifies_type_names() {
        assert_eq!(simplify("Closed Choice of Integer"), "integer");
        assert_eq!(simplify("Bag"), "bag text");
        assert_eq!(simplify("Lang Alt"), "lang alt");
        assert_eq!(simplify("Open Choice"), "text");
        assert_eq!(simplify("Seq Closed Choice of Text"), "seq text");
    }

    #[test]
    fn simple_types() {
        let t = Types::predefined();
        assert!(t.validate(&simple("12"), "Integer"));
        assert!(!t.validate(&simple("1.5"), "Integer"));
        assert!(t.validate(&simple("-.5"), "Real"));
        assert!(t.validate(&simple("True"), "Boolean"));
        assert!(!t.validate(&simple("true"), "Boolean"));
        assert!(t.validate(&simple("application/pdf"), "MIMEType"));
        assert!(!t.validate(&simple("pdf"), "MIMEType"));
        assert!(t.validate(&simple("54,59,38S"), "GPSCoordinate"));
        assert!(t.validate(&simple("54,59.38S"), "GPSCoordinate"));
        assert!(!t.validate(&simple("54.9938S"), "GPSCoordinate"));
        assert!(t.validate(&simple("2015-03-10T17:19:21+01:00"), "Date"));
        assert!(!t.validate(&simple("10.03.2015"), "Date"));
    }

    #[test]
    fn arrays_and_structs() {
        let t = Types::predefined();
        let bag = Node { form: Form::Bag, children: vec![simple("a")], ..Node::default() };
        assert!(t.validate(&bag, "Bag Text"));
        assert!(!t.validate(&bag, "Seq Text"));
        assert!(!t.validate(&simple("a"), "Bag Text"));
        let field = Node { ns: NS_ST_DIM.to_owned(), name: "w".to_owned(), value: "3".to_owned(), ..Node::default() };
        let dims = Node { form: Form::Struct, children: vec![field], ..Node::default() };
        assert!(t.validate(&dims, "Dimensions"));
        assert!(t.is_known("Seq Dimensions"));
        assert!(!t.is_known("Widget"));
    }

    #[test]
    fn predefined_lookup() {
        assert_eq!(predefined(xmp::NS_DC, "title"), Some("Lang Alt"));
        assert_eq!(predefined(xmp::NS_XMP, "Label"), None);
    }
}
