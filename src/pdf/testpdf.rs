//! Tiny hand-made PDF/A-1b files for the rule tests: a conforming base document whose parts a
//! test replaces or adds to.

use crate::limits::Limits;
use crate::report::{PdfaReport, RuleStatus};

/// The XMP packet of the base document.
pub fn xmp(extra: &str) -> String {
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" pdfaid:part=\"1\" pdfaid:conformance=\"B\"/>\n{extra}</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>"
    )
}

/// A 132-byte ICC profile header: version 2.1, the class and colour space given.
pub fn icc(class: &[u8; 4], space: &[u8; 4]) -> Vec<u8> {
    let mut p = vec![0u8; 132];
    if let Some(size) = p.get_mut(0..4) {
        size.copy_from_slice(&132u32.to_be_bytes());
    }
    if let Some(v) = p.get_mut(8..10) {
        v.copy_from_slice(&[2, 0x10]);
    }
    if let Some(c) = p.get_mut(12..16) {
        c.copy_from_slice(class);
    }
    if let Some(s) = p.get_mut(16..20) {
        s.copy_from_slice(space);
    }
    if let Some(s) = p.get_mut(36..40) {
        s.copy_from_slice(b"acsp");
    }
    p
}

/// A document under construction: objects by number, each as its body between `obj` and
/// `endobj` (streams given as dictionary and data).
pub struct Builder {
    objects: Vec<(u32, Vec<u8>)>,
    /// Extra trailer entries.
    pub trailer: String,
}

impl Builder {
    /// The base PDF/A-1b document: 1 catalog, 2 pages, 3 page, 4 contents, 5 metadata,
    /// 6 output intent, 7 its RGB profile; free numbers from 8.
    pub fn pdfa() -> Self {
        let mut b = Builder { objects: Vec::new(), trailer: String::new() };
        b.set(1, "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R /OutputIntents [6 0 R] >>");
        b.set(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        b.set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>");
        b.stream(4, "", b"0 0 1 rg 0 0 10 10 re f\n");
        b.stream(5, "/Type /Metadata /Subtype /XML", xmp("").as_bytes());
        b.set(6, "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) /DestOutputProfile 7 0 R >>");
        b.stream(7, "/N 3", &icc(b"mntr", b"RGB "));
        b
    }

    /// The base document claiming PDF/A-1a.
    pub fn pdfa_level_a() -> Self {
        let mut b = Builder::pdfa();
        b.stream(
            5,
            "/Type /Metadata /Subtype /XML",
            xmp("").replace("pdfaid:conformance=\"B\"", "pdfaid:conformance=\"A\"").as_bytes(),
        );
        b
    }

    /// Sets object `num` to `body`.
    pub fn set(&mut self, num: u32, body: &str) -> &mut Self {
        self.put(num, body.as_bytes().to_vec())
    }

    /// Sets object `num` to a stream with extra dictionary entries and data.
    pub fn stream(&mut self, num: u32, dict: &str, data: &[u8]) -> &mut Self {
        let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.put(num, body)
    }

    fn put(&mut self, num: u32, body: Vec<u8>) -> &mut Self {
        self.objects.retain(|(n, _)| *n != num);
        self.objects.push((num, body));
        self
    }

    /// The page's content.
    pub fn content(&mut self, ops: &str) -> &mut Self {
        self.stream(4, "", ops.as_bytes())
    }

    /// The page's resources dictionary.
    pub fn resources(&mut self, res: &str) -> &mut Self {
        let page = format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources {res} >>");
        self.set(3, &page)
    }

    /// The file's bytes, with a correct cross-reference table and an ID.
    pub fn build(&self) -> Vec<u8> {
        let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut objects = self.objects.clone();
        objects.sort_by_key(|(n, _)| *n);
        let size = objects.last().map_or(1, |(n, _)| n + 1);
        let mut offsets = vec![None; usize::try_from(size).unwrap_or(0)];
        for (num, body) in &objects {
            if let Some(slot) = offsets.get_mut(usize::try_from(*num).unwrap_or(0)) {
                *slot = Some(out.len());
            }
            out.extend_from_slice(format!("{num} 0 obj\n").as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(format!("xref\n0 {size}\n").as_bytes());
        for (i, offset) in offsets.iter().enumerate() {
            match offset {
                Some(o) if i > 0 => out.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes()),
                _ => out.extend_from_slice(b"0000000000 65535 f\r\n"),
            }
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {size} /Root 1 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] {} >>\nstartxref\n{xref}\n%%EOF\n",
                self.trailer
            )
            .as_bytes(),
        );
        out
    }
}

/// A Type 1 font program with the given glyphs (name, width) and built-in encoding codes.
pub fn type1_program(glyphs: &[(&str, u8, i32)]) -> Vec<u8> {
    fn encrypt(plain: &[u8], key: u16) -> Vec<u8> {
        let mut r = key;
        plain
            .iter()
            .map(|&p| {
                let c = p ^ u8::try_from(r >> 8).unwrap_or(0);
                r = u16::from(c).wrapping_add(r).wrapping_mul(52845).wrapping_add(22719);
                c
            })
            .collect()
    }
    let mut clear =
        b"%!PS-AdobeFont-1.0: Test\n/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n/Encoding 256 array\n".to_vec();
    for (name, code, _) in glyphs {
        clear.extend_from_slice(format!("dup {code} /{name} put\n").as_bytes());
    }
    clear.extend_from_slice(b"readonly def\ncurrentfile eexec\n");
    let mut private = format!("xxxx/lenIV 4 def /CharStrings {} dict dup begin\n", glyphs.len()).into_bytes();
    for (name, _, width) in glyphs {
        let mut cs = vec![0u8, 0, 0, 0, 139, 255];
        cs.extend_from_slice(&width.to_be_bytes());
        cs.extend_from_slice(&[13, 14]);
        let cs = encrypt(&cs, 4330);
        private.extend_from_slice(format!("/{name} {} RD ", cs.len()).as_bytes());
        private.extend_from_slice(&cs);
        private.extend_from_slice(b" ND\n");
    }
    private.extend_from_slice(b"end\n");
    clear.extend_from_slice(&encrypt(&private, 55665));
    clear
}

/// `bytes` with the first `from` replaced by `to`.
pub fn replace(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let from = from.as_bytes();
    match bytes.windows(from.len()).position(|w| w == from) {
        Some(at) => {
            let mut out = bytes.get(..at).unwrap_or_default().to_vec();
            out.extend_from_slice(to.as_bytes());
            out.extend_from_slice(bytes.get(at + from.len()..).unwrap_or_default());
            out
        }
        None => bytes.to_vec(),
    }
}

/// Checks a file.
pub fn check(bytes: &[u8]) -> PdfaReport {
    crate::pdf::check(bytes, &Limits::default()).0
}

/// The rules a file fails.
pub fn failed(bytes: &[u8]) -> Vec<String> {
    check(bytes).violations.into_iter().filter(|v| v.status == RuleStatus::Failed).map(|v| v.rule).collect()
}

#[test]
fn the_base_document_conforms() {
    let report = check(&Builder::pdfa().build());
    assert_eq!(report.verdict, crate::report::PdfaVerdict::Conforming, "{:?}", report.violations);
    assert_eq!(report.claimed.as_deref(), Some("1B"));
}
