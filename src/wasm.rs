//! The JavaScript binding: every `#[wasm_bindgen]` item, and nothing else.
//!
//! Uint8Array in, plain JS objects out (serialised as `serde_json` would write them). A bad
//! document or signature is a report; only misuse (wrong argument types, unknown options) throws,
//! with an `Error` whose `code` property holds the stable code.

use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use std::sync::Arc;

use crate::crypto::DigestAlgorithm;
use crate::error::{Code, Finding};
use crate::policy::DocumentMeta;
use crate::stream::DocumentStream;
use crate::trust::TrustList;
use crate::{render, Lang, Limits, Options, Time};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("../js/types.d.ts");

/// Checks a document and its detached signatures; returns the report.
#[wasm_bindgen(js_name = check, unchecked_return_type = "Report")]
pub fn check_js(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Array<Uint8Array | SignatureInput> | undefined")] signatures: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    run_check(&document, &signatures, &options, None)
}

/// The list of accredited CAs, parsed once and reused for many checks.
#[wasm_bindgen(js_name = TrustList)]
pub struct TrustListHandle {
    list: Arc<TrustList>,
}

#[wasm_bindgen(js_class = TrustList)]
impl TrustListHandle {
    /// Parses the Минцифры XML list of accredited CAs; throws an Error with code `TSL_...` when
    /// the bytes are not such a list.
    pub fn parse(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] xml: JsValue,
    ) -> Result<TrustListHandle, JsValue> {
        let xml = bytes(&xml, "the trust list")?;
        let list = TrustList::parse(&xml, &Limits::default()).map_err(misuse)?;
        Ok(TrustListHandle { list: Arc::new(list) })
    }

    /// Version, date and counts of the list.
    #[wasm_bindgen(unchecked_return_type = "TrustListSummary")]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.list.summary())
    }

    /// `check` with this trust list.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] document: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Array<Uint8Array | SignatureInput> | undefined")] signatures: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        run_check(&document, &signatures, &options, Some(self.list.clone()))
    }

    /// `new Checker(signatures, options)` with this trust list.
    pub fn checker(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Array<Uint8Array | SignatureInput> | undefined")] signatures: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
    ) -> Result<CheckerHandle, JsValue> {
        CheckerHandle::create(&signatures, &options, Some(self.list.clone()))
    }
}

/// A check fed the document chunk by chunk (a `File`, a `ReadableStream`, a Node stream), so the
/// page or process holds one copy of the document, inside the module: the signature files are
/// parsed first, then every chunk is hashed as it arrives.
#[wasm_bindgen(js_name = Checker)]
pub struct CheckerHandle {
    stream: Option<DocumentStream>,
}

#[wasm_bindgen(js_class = Checker)]
impl CheckerHandle {
    /// Starts a check with the signature files and options of `check`; throws as `check` does on
    /// bad arguments.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Array<Uint8Array | SignatureInput> | undefined")] signatures: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Options | undefined")] options: JsValue,
    ) -> Result<CheckerHandle, JsValue> {
        CheckerHandle::create(&signatures, &options, None)
    }

    fn create(signatures: &JsValue, options: &JsValue, list: Option<Arc<TrustList>>) -> Result<CheckerHandle, JsValue> {
        let files = signature_files(signatures)?;
        let mut options = parse_options(options)?;
        if list.is_some() {
            options.trust_list = list;
        }
        Ok(CheckerHandle { stream: Some(DocumentStream::new(files, options)) })
    }

    /// Reserves room for a document of `size` bytes, when known (`File.size`, a file's length),
    /// so the module's copy is allocated once.
    pub fn reserve(&mut self, size: f64) -> Result<(), JsValue> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        if let Some(size) = size_from_f64(size) {
            stream.reserve(size);
        }
        Ok(())
    }

    /// Leaves the data of large images out of the module's copy of a document of `size` bytes
    /// (a scan then costs next to no memory): for a caller that can read the document again.
    /// Call before the first `push`, instead of `reserve`; returns whether it will. After the
    /// last chunk (and the digests given back), `needsWhole()` says whether the check needs
    /// the whole document after all: then check it again with a new checker, without this.
    #[wasm_bindgen(js_name = leaveOutImageData)]
    pub fn leave_out_image_data(&mut self, size: f64) -> Result<bool, JsValue> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        Ok(size_from_f64(size).is_some_and(|size| stream.leave_out_image_data(size)))
    }

    /// Whether this check needs the whole document (see `leaveOutImageData`); runs the PDF/A
    /// rules if `precheck` has not. `false` when nothing was left out.
    #[wasm_bindgen(js_name = needsWhole)]
    pub fn needs_whole(&mut self) -> Result<bool, JsValue> {
        Ok(self.stream.as_mut().ok_or_else(finished)?.needs_whole())
    }

    /// Bytes of image data left out of the copy so far (see `leaveOutImageData`).
    #[wasm_bindgen(getter, js_name = leftOut)]
    #[allow(clippy::as_conversions, clippy::cast_precision_loss)]
    pub fn left_out(&self) -> f64 {
        self.stream.as_ref().map_or(0.0, |s| s.left_out() as f64)
    }

    /// Feeds the next chunk of the document (copied straight into the module's memory).
    pub fn push(&mut self, #[wasm_bindgen(unchecked_param_type = "Uint8Array")] chunk: JsValue) -> Result<(), JsValue> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        let chunk = byte_array(&chunk).ok_or_else(|| invalid("a chunk must be a Uint8Array"))?;
        push_pieces(stream, &chunk)
    }

    /// Bytes fed so far.
    #[wasm_bindgen(getter)]
    #[allow(clippy::as_conversions, clippy::cast_precision_loss)]
    pub fn length(&self) -> f64 {
        // Below 2^53 for any document a JS engine can hold.
        self.stream.as_ref().map_or(0.0, |s| s.len() as f64)
    }

    /// Hands the digests named in `names` (`"streebog256"`, `"streebog512"`, `"gostr3411-94"`,
    /// `"sha1"`, `"sha256"`, `"sha384"`, `"sha512"`) that the signatures need over to the caller, who computes them elsewhere (a
    /// worker thread) and gives them back with `giveDigest`; returns the names handed over.
    /// Call before the first `push`. A digest not given back is computed by `finish` (slower,
    /// same report). `checkFile` in Node does this with its worker.
    #[wasm_bindgen(js_name = handOver)]
    pub fn hand_over(&mut self, names: Vec<String>) -> Result<Vec<String>, JsValue> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        let wanted: Vec<DigestAlgorithm> = names.iter().filter_map(|n| DigestAlgorithm::from_name(n)).collect();
        Ok(stream.hand_over(|a| wanted.contains(&a)).into_iter().map(|a| a.name().to_owned()).collect())
    }

    /// Gives back a digest of the whole document handed over by `handOver`. Throws
    /// OPTIONS_INVALID for a name not handed over or a digest of the wrong length.
    #[wasm_bindgen(js_name = giveDigest)]
    pub fn give_digest(&mut self, name: &str, digest: Vec<u8>) -> Result<(), JsValue> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        let given = DigestAlgorithm::from_name(name).is_some_and(|a| stream.give_digest(a, digest));
        if given {
            Ok(())
        } else {
            Err(invalid("giveDigest: a digest handed over by handOver, of its length"))
        }
    }

    /// Hands the report's SHA-256 of the document over to the caller (Node's native `crypto`
    /// computes it faster), to be given back with `giveSha256`. Call before the first `push`;
    /// returns whether it was handed over.
    #[wasm_bindgen(js_name = handOverSha256)]
    pub fn hand_over_sha256(&mut self) -> Result<bool, JsValue> {
        Ok(self.stream.as_mut().ok_or_else(finished)?.hand_over_sha256())
    }

    /// Gives back the document's SHA-256 (32 bytes) after `handOverSha256`.
    #[wasm_bindgen(js_name = giveSha256)]
    pub fn give_sha256(&mut self, digest: Vec<u8>) -> Result<(), JsValue> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        let digest: [u8; 32] = digest.try_into().map_err(|_| invalid("giveSha256: 32 bytes"))?;
        if stream.give_sha256(digest) {
            Ok(())
        } else {
            Err(invalid("giveSha256: call handOverSha256 before the first push"))
        }
    }

    /// Runs the PDF/A rules now, after the last chunk, while handed-over digests are still being
    /// computed; `finish` then only verifies and reports. A later `push` discards the result.
    /// `tick`, when given, is called every few milliseconds meanwhile (crate::progress), with no
    /// arguments; it must not use this checker, and what it throws is ignored.
    pub fn precheck(&mut self, tick: Option<js_sys::Function>) -> Result<(), JsValue> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        match tick {
            Some(f) => crate::progress::with_hook(
                Box::new(move || {
                    let _ = f.call0(&JsValue::NULL);
                }),
                || stream.precheck(),
            ),
            None => stream.precheck(),
        }
        Ok(())
    }

    /// Where the document's bytes fed so far start in the module's memory (`__memory()`), valid
    /// until the next `push`: Node's checkStream feeds its hashing worker from there.
    #[wasm_bindgen(js_name = documentAddress)]
    pub fn document_address(&self) -> Result<usize, JsValue> {
        Ok(self.stream.as_ref().ok_or_else(finished)?.document().as_ptr().addr())
    }

    /// Ends the document and returns the report, the same as `check` on the whole document. The
    /// checker cannot be used after.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        let stream = self.stream.take().ok_or_else(finished)?;
        to_js(&stream.finish())
    }
}

/// For bench/run.mjs only: verifies the first signer of `signature` (a detached CMS) `runs`
/// times, its digest computed once; returns how many verifications succeeded. Not in the types.
#[doc(hidden)]
#[wasm_bindgen(js_name = __benchVerify, skip_typescript)]
pub fn bench_verify(signature: &[u8], runs: u32) -> Result<u32, JsValue> {
    use crate::crypto::{verify_prehash, DigestAlgorithm, PublicKey};
    let parsed = crate::cms::parse(signature, &Limits::default()).map_err(misuse)?;
    let signer = parsed.signers.first().ok_or_else(|| invalid("no signer"))?;
    let certificate = signer.certificate(&parsed.certificates).ok_or_else(|| invalid("no certificate"))?;
    let key = PublicKey::from_spki_der(&certificate.spki_der).map_err(misuse)?;
    let digest = DigestAlgorithm::from_oid(&signer.digest_algorithm.oid).ok_or_else(|| invalid("digest"))?;
    let attrs = signer.signed_attrs.as_ref().ok_or_else(|| invalid("no signed attributes"))?;
    let prehash = digest.digest(&attrs.to_be_signed());
    let algorithm = &signer.signature_algorithm;
    let ok = (0..runs)
        .filter(|_| {
            verify_prehash(&key, &algorithm.oid, algorithm.params_der.as_deref(), digest, &prehash, &signer.signature)
                .is_ok()
        })
        .count();
    u32::try_from(ok).map_err(|_| invalid("runs"))
}

fn finished() -> JsValue {
    invalid("the checker is finished; create a new Checker")
}

/// A JS number as a byte count; `None` for NaN, negatives, fractions and values above 2^53.
#[allow(clippy::as_conversions, clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn size_from_f64(size: f64) -> Option<u64> {
    (size.is_finite() && size >= 0.0 && size.fract() == 0.0 && size <= 9_007_199_254_740_992.0).then_some(size as u64)
}

fn run_check(
    document: &JsValue,
    signatures: &JsValue,
    options: &JsValue,
    list: Option<Arc<TrustList>>,
) -> Result<JsValue, JsValue> {
    let document = byte_array(document).ok_or_else(|| invalid("document must be a Uint8Array"))?;
    let files = signature_files(signatures)?;
    let mut options = parse_options(options)?;
    if list.is_some() {
        options.trust_list = list;
    }
    // Through the streaming path: the same report as `check`, the document copied into the module
    // once, and hashed in pieces, so the engine moves the hash functions to its optimising compiler
    // after the first pieces (one call over 15 MB would run in baseline code throughout: ~3 × slower).
    let mut stream = DocumentStream::new(files, options);
    stream.reserve(u64::from(document.length()));
    push_pieces(&mut stream, &document)?;
    to_js(&stream.finish())
}

/// A Uint8Array, or a view of an ArrayBuffer.
fn byte_array(value: &JsValue) -> Option<Uint8Array> {
    if let Some(array) = value.dyn_ref::<Uint8Array>() {
        return Some(array.clone());
    }
    value.dyn_ref::<js_sys::ArrayBuffer>().map(|buffer| Uint8Array::new(buffer))
}

/// Copies `chunk` into the stream in pieces of at most 64 KiB: the engine's optimising compiler
/// takes over the hash functions between pieces, and past the input limit (where the stream
/// hashes a scratch copy and keeps nothing) a huge chunk never needs a buffer of its size.
fn push_pieces(stream: &mut DocumentStream, chunk: &Uint8Array) -> Result<(), JsValue> {
    const PIECE: u32 = 1 << 16;
    let mut start = 0;
    while start < chunk.length() {
        let end = start.saturating_add(PIECE).min(chunk.length());
        let piece = chunk.subarray(start, end);
        let len = usize::try_from(end.saturating_sub(start)).map_err(|_| invalid("chunk too large"))?;
        stream.push_with(len, |offset, slot| {
            // Offsets and lengths within a piece of at most 64 KiB.
            let from = u32::try_from(offset).unwrap_or(u32::MAX);
            let to = u32::try_from(slot.len()).ok().and_then(|n| from.checked_add(n)).unwrap_or(u32::MAX);
            piece.subarray(from, to).copy_to(slot);
        });
        start = end;
    }
    Ok(())
}

/// Renders a report (as `check` returned it) as readable text, Russian by default.
#[wasm_bindgen(js_name = renderText)]
pub fn render_text_js(
    #[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "'ru' | 'en' | undefined")] lang: JsValue,
) -> Result<String, JsValue> {
    let value: serde_json::Value = serde_wasm_bindgen::from_value(report)
        .map_err(|e| misuse(Finding::new(Code::OptionsInvalid).arg("detail", format!("report: {e}"))))?;
    let lang = parse_lang(&lang)?;
    Ok(render::render_text(&value, lang))
}

/// The version of ekdo-check.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Every stable code with its Russian and English message templates.
#[wasm_bindgen(unchecked_return_type = "Array<{ code: string; message_ru: string; message_en: string }>")]
pub fn codes() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Entry {
        code: &'static str,
        message_ru: &'static str,
        message_en: &'static str,
    }
    let list: Vec<Entry> = Code::ALL
        .iter()
        .map(|c| {
            let (ru, en) = c.texts();
            Entry { code: c.as_str(), message_ru: ru, message_en: en }
        })
        .collect();
    to_js(&list)
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| misuse(Finding::new(Code::Internal).arg("detail", e)))
}

/// An `Error` with the stable code in `code`, for misuse.
fn misuse(finding: Finding) -> JsValue {
    let error = js_sys::Error::new(&format!("{}: {}", finding.code, finding.message_en()));
    let _ = Reflect::set(&error, &"code".into(), &finding.code.as_str().into());
    let _ = Reflect::set(&error, &"message_ru".into(), &finding.message_ru().into());
    error.into()
}

fn invalid(detail: impl std::fmt::Display) -> JsValue {
    misuse(Finding::new(Code::OptionsInvalid).arg("detail", detail))
}

fn bytes(value: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(array) = value.dyn_ref::<Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    Err(invalid(format!("{what} must be a Uint8Array")))
}

fn signature_files(value: &JsValue) -> Result<Vec<(String, Vec<u8>)>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let Some(array) = value.dyn_ref::<Array>() else {
        return Err(invalid("signatures must be an array"));
    };
    let mut files = Vec::new();
    for (index, item) in array.iter().enumerate() {
        let position = index + 1;
        if item.is_instance_of::<Uint8Array>() || item.is_instance_of::<js_sys::ArrayBuffer>() {
            files.push((format!("signature-{position}.sig"), bytes(&item, "a signature")?));
            continue;
        }
        if !item.is_object() {
            return Err(invalid(format!("signatures[{index}] must be a Uint8Array or {{ name, bytes }}")));
        }
        check_keys(&item, &["name", "bytes"], &format!("signatures[{index}]"))?;
        let name =
            Reflect::get(&item, &"name".into())?.as_string().unwrap_or_else(|| format!("signature-{position}.sig"));
        let data = bytes(&Reflect::get(&item, &"bytes".into())?, &format!("signatures[{index}].bytes"))?;
        files.push((name, data));
    }
    Ok(files)
}

fn check_keys(object: &JsValue, allowed: &[&str], what: &str) -> Result<(), JsValue> {
    let Some(object) = object.dyn_ref::<Object>() else {
        return Err(invalid(format!("{what} must be an object")));
    };
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(invalid(format!("{what}: unknown option «{key}»; known: {}", allowed.join(", "))));
        }
    }
    Ok(())
}

fn parse_lang(value: &JsValue) -> Result<Lang, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Lang::Ru);
    }
    match value.as_string().as_deref() {
        Some("ru") => Ok(Lang::Ru),
        Some("en") => Ok(Lang::En),
        _ => Err(invalid("lang must be 'ru' or 'en'")),
    }
}

fn parse_options(value: &JsValue) -> Result<Options, JsValue> {
    let now = time_from_millis(js_sys::Date::now()).unwrap_or(Time(0));
    let mut options = Options::at(now);
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    check_keys(value, &["at", "lang", "documentName", "trustList", "caCertificates", "crls", "meta"], "options")?;
    let at = Reflect::get(value, &"at".into())?;
    if let Some(date) = at.dyn_ref::<js_sys::Date>() {
        options.at = time_from_millis(date.get_time()).ok_or_else(|| invalid("options.at is an invalid Date"))?;
    } else if let Some(text) = at.as_string() {
        options.at = Time::parse_rfc3339(&text).map_err(misuse)?;
    } else if !at.is_undefined() && !at.is_null() {
        return Err(invalid("options.at must be an RFC 3339 string or a Date"));
    }
    options.lang = parse_lang(&Reflect::get(value, &"lang".into())?)?;
    let name = Reflect::get(value, &"documentName".into())?;
    if let Some(name) = name.as_string() {
        options.document_name = Some(name);
    } else if !name.is_undefined() && !name.is_null() {
        return Err(invalid("options.documentName must be a string"));
    }
    let list = Reflect::get(value, &"trustList".into())?;
    if !list.is_undefined() && !list.is_null() {
        let xml = bytes(&list, "options.trustList (use TrustList.parse(...).check(...) to reuse a list)")?;
        let parsed = TrustList::parse(&xml, &options.limits).map_err(misuse)?;
        options.trust_list = Some(Arc::new(parsed));
    }
    options.ca_certificates = byte_list(&Reflect::get(value, &"caCertificates".into())?, "options.caCertificates")?;
    options.crls = byte_list(&Reflect::get(value, &"crls".into())?, "options.crls")?;
    let meta = Reflect::get(value, &"meta".into())?;
    if !meta.is_undefined() && !meta.is_null() {
        let meta: DocumentMeta =
            serde_wasm_bindgen::from_value(meta).map_err(|e| invalid(format!("options.meta: {e}")))?;
        options.meta = Some(meta);
    }
    Ok(options)
}

fn byte_list(value: &JsValue, what: &str) -> Result<Vec<Vec<u8>>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let Some(array) = value.dyn_ref::<Array>() else {
        return Err(invalid(format!("{what} must be an array of Uint8Array")));
    };
    array.iter().enumerate().map(|(i, item)| bytes(&item, &format!("{what}[{i}]"))).collect()
}

/// A JS time value (milliseconds since the epoch) as a [`Time`]; `None` for NaN or out of range.
#[allow(clippy::as_conversions, clippy::cast_possible_truncation)]
fn time_from_millis(millis: f64) -> Option<Time> {
    // ECMAScript time values are within ±8.64e15 ms, so the cast is exact after the check.
    (millis.is_finite() && millis.abs() <= 8.64e15).then(|| Time((millis / 1000.0).floor() as i64))
}

/// The labour-law matrix (Labour Code art. 22.3) as text; with `documentType`, `party` and
/// `channel`, the answer for one cell.
#[wasm_bindgen(js_name = policyText)]
pub fn policy_text_js(
    #[wasm_bindgen(unchecked_param_type = "string | undefined")] document_type: JsValue,
    #[wasm_bindgen(unchecked_param_type = "'employer' | 'employee' | undefined")] party: JsValue,
    #[wasm_bindgen(unchecked_param_type = "'portal' | 'own' | undefined")] channel: JsValue,
    #[wasm_bindgen(unchecked_param_type = "'ru' | 'en' | undefined")] lang: JsValue,
) -> Result<String, JsValue> {
    use crate::policy::{render_matrix, render_one, Channel, DocumentType, Party};
    let lang = parse_lang(&lang)?;
    let Some(id) = document_type.as_string() else {
        return Ok(render_matrix(lang));
    };
    let doc = DocumentType::from_id(&id)
        .ok_or_else(|| misuse(Finding::new(Code::PolicyDocumentTypeUnknown).arg("value", format!("«{id}»"))))?;
    let party = match party.as_string().as_deref() {
        None | Some("employer") => Party::Employer,
        Some("employee") => Party::Employee,
        Some(other) => return Err(invalid(format!("party must be employer or employee, not {other}"))),
    };
    let channel = match channel.as_string().as_deref() {
        None | Some("portal") => Channel::Portal,
        Some("own") => Channel::Own,
        Some(other) => return Err(invalid(format!("channel must be portal or own, not {other}"))),
    };
    Ok(render_one(doc, party, channel, lang))
}

/// The catalogue of personnel document types: ids, names, portal groups, codifiers, signers.
#[wasm_bindgen(js_name = documentTypes, unchecked_return_type = "DocumentCatalogue")]
pub fn document_types_js() -> Result<JsValue, JsValue> {
    to_js(&crate::policy::catalogue_json())
}

// ---------------------------------------------------------------------------------------------
// Signing (src/sign): signPrepare, signAssemble, sign, cosign. Every failure throws an Error
// whose `code` holds the stable code (there is no report to put it in). Keys are copied out of
// the caller's Uint8Array once, into a buffer zeroised on drop.
// The TypeScript declarations are written out below (options optional, as `?`); the option and
// result types are in js/types.d.ts.
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen(typescript_custom_section)]
const SIGN_FUNCTIONS: &str = r#"
/**
 * Prepares a detached CAdES-BES signature for an external signer: sign `hash`, then call
 * `signAssemble(state, value)`. Throws an Error with `code` (CERT_MALFORMED, SIGN_...).
 */
export function signPrepare(document: Uint8Array, certificate: Uint8Array, options?: SignPrepareOptions): SignPrepared;
/**
 * The detached signature file from `signPrepare`'s state and the signer's raw value; with
 * `options.existing`, that file with this signer added. Throws SIGN_SIGNATURE_INVALID when the
 * value does not verify (the message names the byte order that would).
 */
export function signAssemble(state: string, rawSignature: Uint8Array, options?: SignAssembleOptions): Uint8Array;
/** Signs with a software GOST R 34.10-2012 key (PKCS#8, DER or PEM): a detached CAdES-BES file. */
export function sign(document: Uint8Array, key: Uint8Array, certificate: Uint8Array, options?: SignOptions): Uint8Array;
/** Adds a software-key signature to a detached signature file, keeping its signers byte for byte. */
export function cosign(document: Uint8Array, signature: Uint8Array, key: Uint8Array, certificate: Uint8Array, options?: SignOptions): Uint8Array;
"#;

/// Prepares a detached CAdES-BES signature for an external signer (a plug-in, a token):
/// returns `{ signedAttrs, hash, digestAlgorithm, state }`; sign `hash`, then call
/// `signAssemble(state, value)`.
#[wasm_bindgen(js_name = signPrepare, skip_typescript)]
pub fn sign_prepare_js(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] certificate: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SignPrepareOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsValue> {
    check_keys_if_set(&options, &["at", "chain", "prehashed"])?;
    let document = bytes(&document, "document")?;
    let certificate = bytes(&certificate, "certificate")?;
    let at = sign_time(&options)?;
    let chain = sign_chain(&options)?;
    let prehashed = sign_flag(&options, "prehashed")?;
    let content =
        if prehashed { crate::sign::Content::Digest(&document) } else { crate::sign::Content::Document(&document) };
    let prepared =
        crate::sign::prepare(content, &certificate, at, &crate::sign::PrepareOptions { chain }).map_err(misuse)?;
    let out = Object::new();
    Reflect::set(&out, &"signedAttrs".into(), &Uint8Array::from(prepared.signed_attrs()).into())?;
    Reflect::set(&out, &"hash".into(), &Uint8Array::from(prepared.hash()).into())?;
    Reflect::set(&out, &"digestAlgorithm".into(), &prepared.digest_algorithm().name().into())?;
    Reflect::set(&out, &"state".into(), &prepared.to_json().into())?;
    Ok(out.into())
}

/// Builds the detached signature file from the state of `signPrepare` and the signer's raw
/// value; with `options.existing`, adds the signer to that signature file instead.
#[wasm_bindgen(js_name = signAssemble, skip_typescript)]
pub fn sign_assemble_js(
    #[wasm_bindgen(unchecked_param_type = "string")] state: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] raw_signature: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SignAssembleOptions | undefined")] options: JsValue,
) -> Result<Uint8Array, JsValue> {
    check_keys_if_set(&options, &["order", "pem", "existing"])?;
    let state = state.as_string().ok_or_else(|| invalid("state must be the string signPrepare returned"))?;
    let prepared = crate::sign::Prepared::from_json(&state).map_err(misuse)?;
    let raw = bytes(&raw_signature, "rawSignature")?;
    let order_value = sign_option(&options, "order")?;
    let order = match order_value.as_string() {
        Some(name) => crate::sign::RawSignatureOrder::from_name(&name)
            .ok_or_else(|| invalid(format!("options.order «{name}»: use s-then-r, r-then-s or little-endian")))?,
        None if order_value.is_undefined() || order_value.is_null() => crate::sign::RawSignatureOrder::default(),
        None => return Err(invalid("options.order must be a string")),
    };
    let assemble_options =
        crate::sign::AssembleOptions { order, output: sign_output(&options)?, limits: crate::Limits::default() };
    let existing = sign_option(&options, "existing")?;
    let cms = if existing.is_undefined() || existing.is_null() {
        crate::sign::assemble(&prepared, &raw, &assemble_options)
    } else {
        crate::sign::cosign(&bytes(&existing, "options.existing")?, &prepared, &raw, &assemble_options)
    }
    .map_err(misuse)?;
    Ok(Uint8Array::from(cms.as_slice()))
}

/// Signs a document with a software GOST R 34.10-2012 key (PKCS#8, DER or PEM): a detached
/// CAdES-BES signature file.
#[wasm_bindgen(js_name = sign, skip_typescript)]
pub fn sign_js(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] key: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] certificate: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SignOptions | undefined")] options: JsValue,
) -> Result<Uint8Array, JsValue> {
    let soft = SoftSign::from_js(&document, &key, &certificate, &options)?;
    let cms = crate::sign::sign_detached(&soft.document, &soft.key, &soft.certificate, soft.at, &soft.options)
        .map_err(misuse)?;
    Ok(Uint8Array::from(cms.as_slice()))
}

/// Adds a signature made with a software GOST R 34.10-2012 key to a detached signature file,
/// keeping the signers already there byte for byte.
#[wasm_bindgen(js_name = cosign, skip_typescript)]
pub fn cosign_js(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] document: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] key: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] certificate: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SignOptions | undefined")] options: JsValue,
) -> Result<Uint8Array, JsValue> {
    let soft = SoftSign::from_js(&document, &key, &certificate, &options)?;
    let signature = bytes(&signature, "signature")?;
    let cms =
        crate::sign::cosign_detached(&soft.document, &signature, &soft.key, &soft.certificate, soft.at, &soft.options)
            .map_err(misuse)?;
    Ok(Uint8Array::from(cms.as_slice()))
}

/// The arguments `sign` and `cosign` share, checked and copied out of JavaScript (the key into
/// memory that is wiped when dropped).
struct SoftSign {
    document: Vec<u8>,
    key: zeroize::Zeroizing<Vec<u8>>,
    certificate: Vec<u8>,
    at: Time,
    options: crate::sign::SignOptions,
}

impl SoftSign {
    fn from_js(document: &JsValue, key: &JsValue, certificate: &JsValue, options: &JsValue) -> Result<Self, JsValue> {
        check_keys_if_set(options, &["at", "pem", "chain"])?;
        Ok(SoftSign {
            document: bytes(document, "document")?,
            key: zeroize::Zeroizing::new(bytes(key, "key")?),
            certificate: bytes(certificate, "certificate")?,
            at: sign_time(options)?,
            options: soft_sign_options(options)?,
        })
    }
}

fn check_keys_if_set(options: &JsValue, allowed: &[&str]) -> Result<(), JsValue> {
    if options.is_undefined() || options.is_null() {
        Ok(())
    } else {
        check_keys(options, allowed, "options")
    }
}

/// `options[name]`, undefined when there are no options.
fn sign_option(options: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    if options.is_undefined() || options.is_null() {
        Ok(JsValue::UNDEFINED)
    } else {
        Reflect::get(options, &name.into())
    }
}

/// `options.at` (RFC 3339 or a Date); now when absent.
fn sign_time(options: &JsValue) -> Result<Time, JsValue> {
    let at = sign_option(options, "at")?;
    if let Some(date) = at.dyn_ref::<js_sys::Date>() {
        time_from_millis(date.get_time()).ok_or_else(|| invalid("options.at is an invalid Date"))
    } else if let Some(text) = at.as_string() {
        Time::parse_rfc3339(&text).map_err(misuse)
    } else if at.is_undefined() || at.is_null() {
        time_from_millis(js_sys::Date::now()).ok_or_else(|| invalid("the clock gives no valid time"))
    } else {
        Err(invalid("options.at must be an RFC 3339 string or a Date"))
    }
}

fn sign_flag(options: &JsValue, name: &str) -> Result<bool, JsValue> {
    let value = sign_option(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(false);
    }
    value.as_bool().ok_or_else(|| invalid(format!("options.{name} must be a boolean")))
}

fn sign_output(options: &JsValue) -> Result<crate::sign::Output, JsValue> {
    Ok(if sign_flag(options, "pem")? { crate::sign::Output::Pem } else { crate::sign::Output::Der })
}

fn sign_chain(options: &JsValue) -> Result<Vec<Vec<u8>>, JsValue> {
    let chain = sign_option(options, "chain")?;
    if chain.is_undefined() || chain.is_null() {
        return Ok(Vec::new());
    }
    let Some(array) = chain.dyn_ref::<Array>() else {
        return Err(invalid("options.chain must be an array of Uint8Array"));
    };
    array.iter().enumerate().map(|(i, c)| bytes(&c, &format!("options.chain[{i}]"))).collect()
}

fn soft_sign_options(options: &JsValue) -> Result<crate::sign::SignOptions, JsValue> {
    Ok(crate::sign::SignOptions {
        chain: sign_chain(options)?,
        output: sign_output(options)?,
        limits: crate::Limits::default(),
    })
}

/// The module's `WebAssembly.Memory`, for the package's own Node helper that reads a checker's
/// document from it (`documentAddress`); not an API.
#[wasm_bindgen(js_name = __memory)]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}
