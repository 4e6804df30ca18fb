//! GOST R 34.10-2012 private keys and signature generation (GOST R 34.10-2012 §6.1).
//!
//! Signature generation, the steps of §6.1:
//!
//! 1. The digest h of the message is given (the caller hashes).
//! 2. e = α mod q with α the little-endian integer of h; e = 1 when that is 0.
//! 3. k is a random integer with 0 < k < q (given by the caller, or drawn from `getrandom`).
//! 4. C = k·P, r = x_C mod q; if r = 0, go back to step 3.
//! 5. s = (r·d + k·e) mod q; if s = 0, go back to step 3.
//! 6. The signature is (r, s), encoded s‖r.
//!
//! The secret d and the nonce k only meet constant-time code: Montgomery arithmetic, the
//! fixed-window multiplication with a full table scan and complete formulas, and a
//! constant-time inversion for the affine x of C. The key is zeroized on drop and never shown
//! by `Debug`.

use crypto_bigint::{Choice, CtLt, Uint};
use der::asn1::{AnyRef, OctetStringRef, UintRef};
use der::{Decode, Reader, SliceReader};
use spki::AlgorithmIdentifierRef;
use zeroize::{Zeroize, Zeroizing};

use super::curve::{uint_from_be, uint_from_le, Curve, Fe, L256, L512};
use super::params::{CurveRef, ParamSet};
use super::verify::{digest_scalar, GostKeyParameters, KeyPoint, VerifyingKey};
use super::{KeyAlgorithm, Signature};
use crate::error::{Code, Finding};

/// How many nonces [`SigningKey::sign_prehash_with_rng`] draws before it gives up (each is
/// refused with probability below 3/4 even for TC26-256-A, so 64 failures mean a broken RNG).
const MAX_NONCE_DRAWS: usize = 64;

/// The secret scalar d, at the curve's size.
enum Secret {
    S256(Uint<L256>),
    S512(Uint<L512>),
}

/// A GOST R 34.10-2012 (or -2001) private key with its public key.
///
/// `Debug` shows the algorithm, the parameter set and the public key, never the secret.
pub struct SigningKey {
    secret: Secret,
    verifying_key: VerifyingKey,
}

impl Drop for SigningKey {
    fn drop(&mut self) {
        match &mut self.secret {
            Secret::S256(d) => d.zeroize(),
            Secret::S512(d) => d.zeroize(),
        }
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKey")
            .field("algorithm", &self.verifying_key.algorithm())
            .field("param_set", &self.verifying_key.param_set().name())
            .field("public_key", &self.verifying_key.to_le_coordinates())
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// Reads a PKCS#8 PrivateKeyInfo (DER, RFC 5208 §5 / RFC 5958 §2) as OpenSSL's gost engine
    /// writes it: the algorithm 1.2.643.7.1.1.1.1/2 or 1.2.643.2.2.19 with the key parameters of
    /// RFC 9215 §4.2, and a privateKey OCTET STRING that holds d little-endian, either bare
    /// (the engine's default; optionally followed by masks, d = k₀·m₁·…·mₙ mod q), wrapped in
    /// another OCTET STRING (little-endian), or as an INTEGER (big-endian).
    ///
    /// # Errors
    /// `SIGN_KEY_INVALID` for malformed DER, a non-GOST algorithm, an unknown parameter set, or
    /// d not in 1..q.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<SigningKey, Finding> {
        let mut reader = SliceReader::new(der).map_err(|e| key_invalid(format!("PKCS#8: {e}")))?;
        let (algorithm, private_key) = reader
            .sequence(|r| {
                let version = u8::decode(r)?;
                let algorithm = AlgorithmIdentifierRef::decode(r)?;
                let private_key = <&OctetStringRef>::decode(r)?;
                // attributes [0] and publicKey [1] (RFC 5958) are not needed.
                while !r.is_finished() {
                    AnyRef::decode(r)?;
                }
                Ok::<_, der::Error>((version, algorithm, private_key.as_bytes()))
            })
            .map_err(|e| key_invalid(format!("PKCS#8: {e}")))
            .and_then(|(version, algorithm, key)| {
                if version > 1 {
                    Err(key_invalid(format!("PKCS#8 version {version}")))
                } else {
                    Ok((algorithm, key))
                }
            })?;
        reader.finish().map_err(|e| key_invalid(format!("PKCS#8: {e}")))?;
        let key_algorithm = KeyAlgorithm::from_key_oid(&algorithm.oid)
            .ok_or_else(|| key_invalid(format!("the key algorithm {} is not GOST R 34.10", algorithm.oid)))?;
        let (params, digest_param_set) =
            GostKeyParameters::resolve(key_algorithm, algorithm.parameters, Code::SignKeyInvalid).map_err(|f| {
                if f.code == Code::CertKeyUnsupported {
                    retarget(f)
                } else {
                    f
                }
            })?;
        let mut key = match params.curve() {
            CurveRef::C256(curve) => {
                let d = secret_scalar(curve, private_key)?;
                SigningKey::from_secret(key_algorithm, params, Secret::S256(d))?
            }
            CurveRef::C512(curve) => {
                let d = secret_scalar(curve, private_key)?;
                SigningKey::from_secret(key_algorithm, params, Secret::S512(d))?
            }
        };
        key.verifying_key = key.verifying_key.clone().with_digest_param_set(digest_param_set);
        Ok(key)
    }

    /// Reads a PEM `-----BEGIN PRIVATE KEY-----` block (unencrypted PKCS#8) and parses it as
    /// [`SigningKey::from_pkcs8_der`] does.
    ///
    /// # Errors
    /// `SIGN_KEY_INVALID` when there is no such block, its base64 is bad, or the key is.
    pub fn from_pkcs8_pem(pem: &str) -> Result<SigningKey, Finding> {
        use base64::Engine as _;
        const BEGIN: &str = "-----BEGIN PRIVATE KEY-----";
        const END: &str = "-----END PRIVATE KEY-----";
        let start = pem.find(BEGIN).ok_or_else(|| key_invalid("no PEM PRIVATE KEY block".to_owned()))?;
        let body = pem.get(start + BEGIN.len()..).unwrap_or_default();
        let end = body.find(END).ok_or_else(|| key_invalid("the PEM block is not closed".to_owned()))?;
        let text: Zeroizing<String> =
            Zeroizing::new(body.get(..end).unwrap_or_default().chars().filter(|c| !c.is_whitespace()).collect());
        let der = Zeroizing::new(
            base64::engine::general_purpose::STANDARD
                .decode(text.as_bytes())
                .map_err(|e| key_invalid(format!("PEM base64: {e}")))?,
        );
        SigningKey::from_pkcs8_der(&der)
    }

    /// A key from the secret d given big-endian (`field_len` bytes), as published test vectors
    /// give it (RFC 7091 Appendix A).
    ///
    /// # Errors
    /// `SIGN_KEY_INVALID` for a bad length or d not in 1..q.
    pub fn from_be_bytes(algorithm: KeyAlgorithm, params: &'static ParamSet, d: &[u8]) -> Result<SigningKey, Finding> {
        if params.bits() != algorithm.bits() {
            return Err(key_invalid(format!("{} does not fit a {} key", params.name(), algorithm.name())));
        }
        let secret = match params.curve() {
            CurveRef::C256(curve) => Secret::S256(checked_secret(curve, uint_from_be(d))?),
            CurveRef::C512(curve) => Secret::S512(checked_secret(curve, uint_from_be(d))?),
        };
        SigningKey::from_secret(algorithm, params, secret)
    }

    fn from_secret(algorithm: KeyAlgorithm, params: &'static ParamSet, secret: Secret) -> Result<SigningKey, Finding> {
        let point = match (&secret, params.curve()) {
            (Secret::S256(d), CurveRef::C256(curve)) => KeyPoint::P256(Box::new(public_point(curve, d)?)),
            (Secret::S512(d), CurveRef::C512(curve)) => KeyPoint::P512(Box::new(public_point(curve, d)?)),
            _ => return Err(Finding::new(Code::Internal).arg("detail", "GOST secret and curve sizes differ")),
        };
        Ok(SigningKey { secret, verifying_key: VerifyingKey::from_point(algorithm, params, point) })
    }

    /// The public key Q = d·P.
    pub fn verifying_key(&self) -> &VerifyingKey {
        &self.verifying_key
    }

    /// Signs a digest with the nonce k (big-endian, `field_len` bytes, 0 < k < q), following
    /// GOST R 34.10-2012 §6.1 (the steps are in the module documentation). The digest is read
    /// as a little-endian integer, as for [`VerifyingKey::verify_prehash`].
    ///
    /// # Errors
    /// `INTERNAL` when k is out of range or yields r = 0 or s = 0 (draw another k), or the
    /// digest is empty or too long.
    pub fn sign_prehash(&self, digest: &[u8], k: &[u8]) -> Result<Signature, Finding> {
        self.try_sign(digest, k)?.ok_or_else(|| {
            Finding::new(Code::Internal).arg("detail", "the nonce k is not in 1..q or gives r = 0 or s = 0")
        })
    }

    /// Signs a digest with a nonce drawn from the operating system's generator (`getrandom`).
    ///
    /// # Errors
    /// `INTERNAL` when the generator fails or keeps giving unusable nonces; as
    /// [`SigningKey::sign_prehash`] for a bad digest.
    pub fn sign_prehash_with_rng(&self, digest: &[u8]) -> Result<Signature, Finding> {
        let n = self.verifying_key.param_set().field_len();
        let top_mask = top_byte_mask(self.q_bits());
        for _ in 0..MAX_NONCE_DRAWS {
            let mut k = Zeroizing::new(vec![0u8; n]);
            getrandom::fill(&mut k)
                .map_err(|e| Finding::new(Code::Internal).arg("detail", format!("getrandom: {e}")))?;
            if let Some(first) = k.first_mut() {
                *first &= top_mask;
            }
            if let Some(signature) = self.try_sign(digest, &k)? {
                return Ok(signature);
            }
        }
        Err(Finding::new(Code::Internal).arg("detail", "no usable nonce from getrandom"))
    }

    fn q_bits(&self) -> u32 {
        match self.verifying_key.param_set().curve() {
            CurveRef::C256(c) => c.q.modulus().bit_width_vartime(),
            CurveRef::C512(c) => c.q.modulus().bit_width_vartime(),
        }
    }

    /// `Ok(None)` when k is unusable (out of range, r = 0, s = 0).
    fn try_sign(&self, digest: &[u8], k: &[u8]) -> Result<Option<Signature>, Finding> {
        let rs = match (&self.secret, self.verifying_key.param_set().curve()) {
            (Secret::S256(d), CurveRef::C256(curve)) => sign(curve, d, digest, k)?.map(|(r, s)| (be(&r), be(&s))),
            (Secret::S512(d), CurveRef::C512(curve)) => sign(curve, d, digest, k)?.map(|(r, s)| (be(&r), be(&s))),
            _ => return Err(Finding::new(Code::Internal).arg("detail", "GOST secret and curve sizes differ")),
        };
        match rs {
            Some((r, s)) => Signature::from_r_s(&r, &s).map(Some),
            None => Ok(None),
        }
    }
}

/// Steps 2–5 of GOST R 34.10-2012 §6.1 for one nonce; `None` when the nonce is unusable.
fn sign<const L: usize>(
    curve: &Curve<L>,
    d: &Uint<L>,
    digest: &[u8],
    k: &[u8],
) -> Result<Option<(Uint<L>, Uint<L>)>, Finding> {
    // Step 1: the digest h is given.
    // Step 2: e = LE(h) mod q, e = 1 if it is 0.
    let e = digest_scalar(curve, digest)?;
    // Step 3: 0 < k < q.
    let Some(mut k) = uint_from_be::<L>(k) else {
        return Ok(None);
    };
    let k_ok = k.ct_lt(curve.q.modulus().as_ref()).and(k.is_zero().not());
    if !k_ok.to_bool() {
        k.zeroize();
        return Ok(None);
    }
    // Step 4: C = k·P, r = x_C mod q.
    let c = curve.mul_ct(&k, &curve.g);
    let Some(c) = curve.to_affine(&c) else {
        k.zeroize();
        return Ok(None);
    };
    let r = c.x.retrieve().rem(curve.q_nonzero());
    // Step 5: s = (r·d + k·e) mod q.
    let fe = |v: &Uint<L>| Fe::new(v, &curve.q);
    let s = fe(&r).mul(&fe(d)).add(&fe(&k).mul(&fe(&e))).retrieve();
    k.zeroize();
    let unusable: Choice = r.is_zero().or(s.is_zero());
    // Step 6: the signature is (r, s).
    Ok((!unusable.to_bool()).then_some((r, s)))
}

/// Q = d·P, in constant time.
fn public_point<const L: usize>(curve: &Curve<L>, d: &Uint<L>) -> Result<super::curve::Affine<L>, Finding> {
    curve
        .to_affine(&curve.mul_ct(d, &curve.g))
        .ok_or_else(|| Finding::new(Code::Internal).arg("detail", "d·P is the point at infinity"))
}

/// d from the privateKey OCTET STRING contents (see [`SigningKey::from_pkcs8_der`]).
fn secret_scalar<const L: usize>(curve: &Curve<L>, contents: &[u8]) -> Result<Uint<L>, Finding> {
    let n = Uint::<L>::BYTES;
    if !contents.is_empty() && contents.len() % n == 0 {
        // The engine's default: d little-endian, optionally followed by masks (d = k0·m1·…·mn).
        let mut chunks = contents.chunks_exact(n);
        let first = chunks.next().and_then(uint_from_le::<L>);
        let Some(mut value) = first else {
            return Err(key_invalid("empty private key".to_owned()));
        };
        let masks: Vec<&[u8]> = chunks.collect();
        if masks.is_empty() {
            return checked_secret(curve, Some(value));
        }
        let mut product = Fe::new(&value, &curve.q);
        value.zeroize();
        for mask in masks.iter().rev() {
            let mut m = uint_from_le::<L>(mask).unwrap_or(Uint::ZERO);
            product = product.mul(&Fe::new(&m, &curve.q));
            m.zeroize();
        }
        return checked_secret(curve, Some(product.retrieve()));
    }
    match contents.first() {
        Some(0x04) => {
            let inner = <&OctetStringRef>::from_der(contents).map_err(|e| key_invalid(format!("private key: {e}")))?;
            checked_secret(curve, uint_from_le::<L>(inner.as_bytes()))
        }
        Some(0x02) => {
            let int = UintRef::from_der(contents).map_err(|e| key_invalid(format!("private key: {e}")))?;
            let bytes = int.as_bytes();
            if bytes.len() > n {
                return Err(key_invalid(format!("a private key INTEGER of {} bytes", bytes.len())));
            }
            let mut padded = Zeroizing::new(vec![0u8; n]);
            if let Some(tail) = padded.get_mut(n - bytes.len()..) {
                tail.copy_from_slice(bytes);
            }
            checked_secret(curve, uint_from_be::<L>(&padded))
        }
        _ => Err(key_invalid(format!("a private key of {} bytes in an unknown format", contents.len()))),
    }
}

/// d itself when 0 < d < q.
fn checked_secret<const L: usize>(curve: &Curve<L>, d: Option<Uint<L>>) -> Result<Uint<L>, Finding> {
    let Some(mut d) = d else {
        return Err(key_invalid(format!("the private key is not {} bytes", Uint::<L>::BYTES)));
    };
    let ok = d.ct_lt(curve.q.modulus().as_ref()).and(d.is_zero().not());
    if ok.to_bool() {
        Ok(d)
    } else {
        d.zeroize();
        Err(key_invalid("the private key is not in 1..q".to_owned()))
    }
}

/// The mask for the first big-endian byte of a nonce so it has at most `bits` bits.
fn top_byte_mask(bits: u32) -> u8 {
    match bits % 8 {
        0 => 0xff,
        rem => u8::try_from((1u32 << rem) - 1).unwrap_or(0xff),
    }
}

fn be<const L: usize>(v: &Uint<L>) -> Vec<u8> {
    v.to_be_bytes().as_slice().to_vec()
}

fn key_invalid(detail: String) -> Finding {
    Finding::new(Code::SignKeyInvalid).arg("detail", detail)
}

/// An unknown parameter set in a private key is a signing problem, not a certificate's.
fn retarget(finding: Finding) -> Finding {
    let oid = finding.get("oid").unwrap_or_default().to_owned();
    key_invalid(format!("the parameter set {oid} is not supported"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_secret() {
        let set = ParamSet::from_oid(&const_oid::ObjectIdentifier::new_unwrap("1.2.643.2.2.35.1")).expect("known");
        let mut d = [0u8; 32];
        d[31] = 0x2a;
        d[0] = 0x11;
        let key = SigningKey::from_be_bytes(KeyAlgorithm::Gost2012_256, set, &d).expect("valid");
        let shown = format!("{key:?}");
        assert!(shown.contains("CryptoPro-A"));
        assert!(!shown.contains("42,") && !shown.contains("2a"), "{shown}");
    }

    #[test]
    fn nonce_range_and_mask() {
        assert_eq!(top_byte_mask(256), 0xff);
        assert_eq!(top_byte_mask(255), 0x7f);
        assert_eq!(top_byte_mask(510), 0x3f);
        let set = ParamSet::from_oid(&const_oid::ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.1.1")).expect("known");
        let key = SigningKey::from_be_bytes(KeyAlgorithm::Gost2012_256, set, &[7u8; 32]).expect("valid");
        assert_eq!(key.sign_prehash(&[1; 32], &[0; 32]).unwrap_err().code, Code::Internal);
        assert_eq!(key.sign_prehash(&[1; 32], &[0xff; 32]).unwrap_err().code, Code::Internal);
        let sig = key.sign_prehash_with_rng(&[5; 32]).expect("signs");
        key.verifying_key().verify_prehash(&[5; 32], &sig).expect("verifies");
        assert_eq!(key.verifying_key().verify_prehash(&[6; 32], &sig).unwrap_err().code, Code::SigInvalid);
    }

    #[test]
    fn secret_out_of_range_is_refused() {
        let set = ParamSet::from_oid(&const_oid::ObjectIdentifier::new_unwrap("1.2.643.2.2.35.1")).expect("known");
        for d in [[0u8; 32], [0xff; 32]] {
            let err = SigningKey::from_be_bytes(KeyAlgorithm::Gost2012_256, set, &d).unwrap_err();
            assert_eq!(err.code, Code::SignKeyInvalid);
        }
        let err = SigningKey::from_be_bytes(KeyAlgorithm::Gost2012_512, set, &[1; 32]).unwrap_err();
        assert_eq!(err.code, Code::SignKeyInvalid);
    }
}
