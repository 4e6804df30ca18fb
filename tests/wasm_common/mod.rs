//! Checks shared by the Node and browser wasm tests; they call the exported JS API.

/// Declares the shared checks as `#[wasm_bindgen_test]` functions of the including test file.
#[macro_export]
macro_rules! wasm_binding_tests {
    () => {
        #[wasm_bindgen_test::wasm_bindgen_test]
        fn checks_a_signed_sample() {
            wasm_common::checks_a_signed_sample();
        }

        #[wasm_bindgen_test::wasm_bindgen_test]
        fn bad_document_is_a_report() {
            wasm_common::bad_document_is_a_report();
        }

        #[wasm_bindgen_test::wasm_bindgen_test]
        fn misuse_throws_a_coded_error() {
            wasm_common::misuse_throws_a_coded_error();
        }

        #[wasm_bindgen_test::wasm_bindgen_test]
        fn render_text_round_trips() {
            wasm_common::render_text_round_trips();
        }

        #[wasm_bindgen_test::wasm_bindgen_test]
        fn trust_list_handle_checks_many_documents() {
            wasm_common::trust_list_handle_checks_many_documents();
        }

        #[wasm_bindgen_test::wasm_bindgen_test]
        fn checker_streams_to_the_same_report() {
            wasm_common::checker_streams_to_the_same_report();
        }

        #[wasm_bindgen_test::wasm_bindgen_test]
        fn a_scan_is_checked_without_its_image_data() {
            wasm_common::a_scan_is_checked_without_its_image_data();
        }
    };
}

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;

use ekdo_check::wasm as wasm_api;

const DOCUMENT: &[u8] = include_bytes!("../data/signatures/01-qualified-person-der/document.pdf");
const SIGNATURE: &[u8] = include_bytes!("../data/signatures/01-qualified-person-der/document.pdf.sig");
const TSL: &[u8] = include_bytes!("../data/signatures/tsl.xml");

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| match key.parse::<u32>() {
        Ok(i) => Reflect::get_u32(&v, i).unwrap(),
        Err(_) => Reflect::get(&v, &key.into()).unwrap(),
    })
}

fn options() -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"at".into(), &"2026-11-25T12:00:00Z".into()).unwrap();
    Reflect::set(&o, &"documentName".into(), &"document.pdf".into()).unwrap();
    o.into()
}

fn signatures() -> JsValue {
    let s = Object::new();
    Reflect::set(&s, &"name".into(), &"document.pdf.sig".into()).unwrap();
    Reflect::set(&s, &"bytes".into(), &Uint8Array::from(SIGNATURE).into()).unwrap();
    Array::of1(&s).into()
}

pub fn checks_a_signed_sample() {
    let report = wasm_api::check_js(Uint8Array::from(DOCUMENT).into(), signatures(), options()).unwrap();
    assert_eq!(get(&report, "schema").as_string().unwrap(), "ekdo-check/report/v1");
    assert_eq!(get(&report, "checked_at").as_string().unwrap(), "2026-11-25T12:00:00Z");
    assert_eq!(get(&report, "document.size").as_f64().unwrap(), 62505.0);
    assert_eq!(get(&report, "document.size_ok").as_bool(), Some(true));
    assert_eq!(get(&report, "document.pdfa.claimed").as_string().unwrap(), "1B");
    assert_eq!(get(&report, "document.pdfa.header_version").as_string().unwrap(), "1.4");
    assert_eq!(get(&report, "signatures.0.file").as_string().unwrap(), "document.pdf.sig");
    // A plain object, not a Map: JSON.stringify sees every field.
    let json = js_sys::JSON::stringify(&report).unwrap().as_string().unwrap();
    assert!(json.contains("\"sha256\":\"621a32ebf9ff0612d502aa9a4a908058419da5591c4f76709298436f780fccb4\""), "{json}");
}

pub fn bad_document_is_a_report() {
    let report = wasm_api::check_js(Uint8Array::from(&b"hello"[..]).into(), JsValue::UNDEFINED, options()).unwrap();
    assert_eq!(get(&report, "ready").as_bool(), Some(false));
    assert_eq!(get(&report, "document.pdfa.verdict").as_string().unwrap(), "not-pdf");
    assert_eq!(get(&report, "errors.0.code").as_string().unwrap(), "PDF_NOT_PDF");
    assert!(get(&report, "kind").is_null());
    let empty = wasm_api::check_js(Uint8Array::new_with_length(0).into(), JsValue::UNDEFINED, options()).unwrap();
    assert_eq!(get(&empty, "errors.0.code").as_string().unwrap(), "INPUT_EMPTY");
}

pub fn misuse_throws_a_coded_error() {
    let error = wasm_api::check_js("not bytes".into(), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&error, "code").as_string().unwrap(), "OPTIONS_INVALID");
    let o = Object::new();
    Reflect::set(&o, &"colour".into(), &"blue".into()).unwrap();
    let error = wasm_api::check_js(Uint8Array::from(DOCUMENT).into(), JsValue::UNDEFINED, o.into()).unwrap_err();
    assert_eq!(get(&error, "code").as_string().unwrap(), "OPTIONS_INVALID");
    let o = Object::new();
    Reflect::set(&o, &"at".into(), &"yesterday".into()).unwrap();
    let error = wasm_api::check_js(Uint8Array::from(DOCUMENT).into(), JsValue::UNDEFINED, o.into()).unwrap_err();
    assert_eq!(get(&error, "code").as_string().unwrap(), "OPTIONS_TIME");
}

pub fn render_text_round_trips() {
    let report = wasm_api::check_js(Uint8Array::from(DOCUMENT).into(), signatures(), options()).unwrap();
    let ru = wasm_api::render_text_js(report.clone(), JsValue::UNDEFINED).unwrap();
    assert!(ru.contains("PDF/A-1"), "{ru}");
    assert!(ru.contains("Документ"), "{ru}");
    let en = wasm_api::render_text_js(report, "en".into()).unwrap();
    assert!(en.contains("Document"), "{en}");
    assert!(!wasm_api::version().is_empty());
}

pub fn trust_list_handle_checks_many_documents() {
    let list = wasm_api::TrustListHandle::parse(Uint8Array::from(TSL).into()).unwrap();
    assert_eq!(get(&list.summary().unwrap(), "authorities").as_f64(), Some(3.0));
    for _ in 0..2 {
        let report = list.check(Uint8Array::from(DOCUMENT).into(), signatures(), options()).unwrap();
        assert_eq!(get(&report, "kind").as_string().unwrap(), "УКЭП");
        assert_eq!(get(&report, "signatures.0.signers.0.subject_cn").as_string().unwrap(), "Смирнова Анна Сергеевна");
        assert_eq!(get(&report, "ready").as_bool(), Some(true));
    }
    let error = wasm_api::TrustListHandle::parse(Uint8Array::from(&b"<nope/>"[..]).into()).err().unwrap();
    assert!(get(&error, "code").as_string().unwrap().starts_with("TSL_"));
}

pub fn checker_streams_to_the_same_report() {
    let whole = wasm_api::check_js(Uint8Array::from(DOCUMENT).into(), signatures(), options()).unwrap();
    let mut checker = wasm_api::CheckerHandle::new(signatures(), options()).unwrap();
    checker.reserve(62505.0).unwrap();
    for chunk in DOCUMENT.chunks(10_000) {
        checker.push(Uint8Array::from(chunk).into()).unwrap();
    }
    assert_eq!(checker.length(), 62505.0);
    let streamed = checker.finish().unwrap();
    let json = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    assert_eq!(json(&streamed), json(&whole));
    // The GOST signature verifies: the module's Streebog (crypto::streebog, the wasm form of its
    // LPS) agrees with the signer's.
    assert_eq!(get(&streamed, "signatures.0.signers.0.details.digest_matches").as_bool(), Some(true));
    assert_eq!(get(&streamed, "signatures.0.signers.0.signature_valid").as_bool(), Some(true));
    // A finished checker, or a chunk that is not bytes, is misuse.
    let error = checker.push(Uint8Array::from(&b"more"[..]).into()).unwrap_err();
    assert_eq!(get(&error, "code").as_string().unwrap(), "OPTIONS_INVALID");
    let mut checker = wasm_api::CheckerHandle::new(JsValue::UNDEFINED, options()).unwrap();
    let error = checker.push("text".into()).unwrap_err();
    assert_eq!(get(&error, "code").as_string().unwrap(), "OPTIONS_INVALID");
}

/// A one-page PDF showing a gray image whose data are `len` bytes (not PDF/A: no metadata).
fn scan_pdf(len: usize) -> Vec<u8> {
    let data: Vec<u8> = (0..len).map(|i| u8::try_from(i.wrapping_mul(31) % 251).unwrap()).collect();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>".to_vec(),
        b"<< /Length 30 >>\nstream\nq 200 0 0 200 0 0 cm /Im1 Do Q\nendstream".to_vec(),
        [
            format!("<< /Type /XObject /Subtype /Image /Width {len} /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {len} >>\nstream\n").into_bytes(),
            data,
            b"\nendstream".to_vec(),
        ]
        .concat(),
    ];
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    // Room for the header that a sieve never leaves out.
    out.extend_from_slice(format!("%{}\n", "x".repeat(1100)).as_bytes());
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f\r\n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n\r\n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

pub fn a_scan_is_checked_without_its_image_data() {
    let document = scan_pdf(300_000);
    let json = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    let whole = json(&wasm_api::check_js(Uint8Array::from(&document[..]).into(), signatures(), options()).unwrap());
    // Twice: the second copy reuses the first one's pages, with its bytes still in them.
    let size = f64::from(u32::try_from(document.len()).unwrap());
    for _ in 0..2 {
        let mut checker = wasm_api::CheckerHandle::new(signatures(), options()).unwrap();
        assert!(checker.leave_out_image_data(size).unwrap());
        for chunk in document.chunks(8192) {
            checker.push(Uint8Array::from(chunk).into()).unwrap();
        }
        assert!(checker.left_out() > 290_000.0, "{} bytes left out", checker.left_out());
        assert!(!checker.needs_whole().unwrap());
        assert_eq!(json(&checker.finish().unwrap()), whole);
    }
}
