//! GOST R 34.10 public keys and signature verification (GOST R 34.10-2012 §6.2).

use const_oid::ObjectIdentifier;
use crypto_bigint::{CtSelect, Uint};
use der::asn1::OctetStringRef;
use der::Decode;
use spki::SubjectPublicKeyInfoRef;

use super::curve::{uint_from_be, uint_from_le, Affine, Curve, Fe, L256, L512};
use super::params::{CurveRef, ParamSet};
use super::{KeyAlgorithm, Signature};
use crate::error::{Code, Finding};

/// The parameters of a GOST public key (RFC 9215 §4.2; RFC 4491 §2.3.2 adds the encryption
/// parameter set, which GOST R 34.10-2001 keys may carry):
///
/// ```text
/// GostR3410-2012-PublicKeyParameters ::= SEQUENCE {
///     publicKeyParamSet  OBJECT IDENTIFIER,
///     digestParamSet     OBJECT IDENTIFIER OPTIONAL
/// }
/// GostR3410-2001-PublicKeyParameters ::= SEQUENCE {
///     publicKeyParamSet  OBJECT IDENTIFIER,
///     digestParamSet     OBJECT IDENTIFIER,
///     encryptionParamSet OBJECT IDENTIFIER OPTIONAL
/// }
/// ```
#[derive(Clone, Debug, Eq, PartialEq, der::Sequence)]
pub(crate) struct GostKeyParameters {
    pub(crate) public_key_param_set: ObjectIdentifier,
    pub(crate) digest_param_set: Option<ObjectIdentifier>,
    pub(crate) encryption_param_set: Option<ObjectIdentifier>,
}

impl GostKeyParameters {
    /// Decodes the parameters of a GOST key's AlgorithmIdentifier and finds its parameter set.
    pub(crate) fn resolve(
        algorithm: KeyAlgorithm,
        parameters: Option<der::AnyRef<'_>>,
        code: Code,
    ) -> Result<(&'static ParamSet, Option<ObjectIdentifier>), Finding> {
        let any = parameters.ok_or_else(|| {
            Finding::new(code)
                .arg("detail", "GOST key parameters are absent (inheriting them from the issuer is not supported)")
        })?;
        let params: GostKeyParameters =
            any.decode_as().map_err(|e| Finding::new(code).arg("detail", format!("GOST key parameters: {e}")))?;
        let set = ParamSet::from_oid(&params.public_key_param_set)
            .ok_or_else(|| Finding::new(Code::CertKeyUnsupported).arg("oid", params.public_key_param_set))?;
        if set.bits() != algorithm.bits() {
            return Err(Finding::new(code).arg(
                "detail",
                format!(
                    "the parameter set {} is for {}-bit keys, the key is {}",
                    set.name(),
                    set.bits(),
                    algorithm.name()
                ),
            ));
        }
        Ok((set, params.digest_param_set))
    }
}

/// A point Q of a GOST curve, at the curve's size.
#[derive(Clone, Debug, Eq, PartialEq)]
pub(crate) enum KeyPoint {
    P256(Box<Affine<L256>>),
    P512(Box<Affine<L512>>),
}

/// A GOST R 34.10-2012 or -2001 public key: algorithm, parameter set and the point Q.
#[derive(Clone, Debug)]
pub struct VerifyingKey {
    algorithm: KeyAlgorithm,
    params: &'static ParamSet,
    digest_param_set: Option<ObjectIdentifier>,
    point: KeyPoint,
}

impl PartialEq for VerifyingKey {
    /// Keys are equal when algorithm, parameter-set OID and point agree (the optional digest
    /// parameter set is not part of the key).
    fn eq(&self, other: &Self) -> bool {
        self.algorithm == other.algorithm && self.params.oid() == other.params.oid() && self.point == other.point
    }
}

impl Eq for VerifyingKey {}

impl VerifyingKey {
    /// Parses a SubjectPublicKeyInfo (DER) with the algorithm 1.2.643.7.1.1.1.1 (2012-256),
    /// 1.2.643.7.1.1.1.2 (2012-512) or 1.2.643.2.2.19 (2001); the parameters name the curve
    /// (the digest parameter set may be absent, as for the TC26 sets); the key BIT STRING holds
    /// an OCTET STRING with x‖y little-endian (RFC 9215 §4.3, RFC 4491 §2.3.2).
    ///
    /// # Errors
    /// `CERT_KEY_UNSUPPORTED` for another algorithm or an unknown parameter set;
    /// `CERT_KEY_INVALID` for malformed DER, a bad length or a point not on the curve.
    pub fn from_spki(spki_der: &[u8]) -> Result<VerifyingKey, Finding> {
        let spki = SubjectPublicKeyInfoRef::from_der(spki_der)
            .map_err(|e| key_invalid(format!("SubjectPublicKeyInfo: {e}")))?;
        VerifyingKey::from_spki_ref(&spki)
    }

    /// As [`VerifyingKey::from_spki`], from a parsed SubjectPublicKeyInfo.
    ///
    /// # Errors
    /// As [`VerifyingKey::from_spki`].
    pub fn from_spki_ref(spki: &SubjectPublicKeyInfoRef<'_>) -> Result<VerifyingKey, Finding> {
        let algorithm = KeyAlgorithm::from_key_oid(&spki.algorithm.oid)
            .ok_or_else(|| Finding::new(Code::CertKeyUnsupported).arg("oid", spki.algorithm.oid))?;
        let (params, digest_param_set) =
            GostKeyParameters::resolve(algorithm, spki.algorithm.parameters, Code::CertKeyInvalid)?;
        let key_bytes = spki
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| key_invalid("the key BIT STRING has unused bits".to_owned()))?;
        let octets = <&OctetStringRef>::from_der(key_bytes)
            .map_err(|e| key_invalid(format!("the key is not an OCTET STRING: {e}")))?;
        let mut key = VerifyingKey::from_le_coordinates(algorithm, params, octets.as_bytes())?;
        key.digest_param_set = digest_param_set;
        Ok(key)
    }

    /// A key from its point as the OCTET STRING of RFC 9215 §4.3 holds it: x‖y, each
    /// coordinate little-endian and `field_len` bytes long.
    ///
    /// # Errors
    /// `CERT_KEY_INVALID` for a bad length, a coordinate not below p, or a point not on the
    /// curve; also when the parameter set's size does not match the algorithm.
    pub fn from_le_coordinates(
        algorithm: KeyAlgorithm,
        params: &'static ParamSet,
        xy_le: &[u8],
    ) -> Result<VerifyingKey, Finding> {
        if params.bits() != algorithm.bits() {
            return Err(key_invalid(format!("{} does not fit a {} key", params.name(), algorithm.name())));
        }
        let n = params.field_len();
        if xy_le.len() != n.saturating_mul(2) {
            return Err(key_invalid(format!("a point of {} bytes, expected {}", xy_le.len(), n.saturating_mul(2))));
        }
        let (x, y) = xy_le.split_at(n);
        let point = match params.curve() {
            CurveRef::C256(curve) => KeyPoint::P256(Box::new(point_from_le(curve, x, y)?)),
            CurveRef::C512(curve) => KeyPoint::P512(Box::new(point_from_le(curve, x, y)?)),
        };
        Ok(VerifyingKey { algorithm, params, digest_param_set: None, point })
    }

    pub(crate) fn from_point(algorithm: KeyAlgorithm, params: &'static ParamSet, point: KeyPoint) -> Self {
        VerifyingKey { algorithm, params, digest_param_set: None, point }
    }

    pub(crate) fn with_digest_param_set(mut self, digest_param_set: Option<ObjectIdentifier>) -> Self {
        self.digest_param_set = digest_param_set;
        self
    }

    /// The key algorithm (2001, 2012-256 or 2012-512).
    pub fn algorithm(&self) -> KeyAlgorithm {
        self.algorithm
    }

    /// The parameter set (the curve).
    pub fn param_set(&self) -> &'static ParamSet {
        self.params
    }

    /// The digest parameter set of the key's parameters, when present.
    pub fn digest_param_set(&self) -> Option<&ObjectIdentifier> {
        self.digest_param_set.as_ref()
    }

    /// The point as RFC 9215 §4.3 encodes it: x‖y, little-endian coordinates.
    pub fn to_le_coordinates(&self) -> Vec<u8> {
        match &self.point {
            KeyPoint::P256(p) => le_coordinates(p),
            KeyPoint::P512(p) => le_coordinates(p),
        }
    }

    /// Parses a signature value s‖r (as [`Signature::from_cms_bytes`]) for this key, refusing
    /// r or s not below the key's q as well, so the result is in range by construction.
    ///
    /// # Errors
    /// `SIG_ENCODING` for a length that does not fit the key; `SIG_INVALID` when r or s is 0
    /// or not below q.
    pub fn signature_from_cms_bytes(&self, bytes: &[u8]) -> Result<Signature, Finding> {
        let signature = Signature::from_cms_bytes(bytes, self.params.field_len())?;
        let below_q = match self.params.curve() {
            CurveRef::C256(curve) => below_q(curve, &signature),
            CurveRef::C512(curve) => below_q(curve, &signature),
        };
        if below_q {
            Ok(signature)
        } else {
            Err(Finding::new(Code::SigInvalid))
        }
    }

    /// Verifies a signature over a digest (GOST R 34.10-2012 §6.2; the steps are listed in the
    /// [module documentation](super)). The digest bytes are read as a little-endian integer,
    /// as CMS and CryptoPro use them.
    ///
    /// # Errors
    /// `SIG_INVALID` for every mathematical failure (r or s not below q, R ≠ r);
    /// `SIG_ENCODING` when the signature's size does not match the key; `INTERNAL` for an
    /// empty digest or one longer than twice the field size (a caller's bug).
    pub fn verify_prehash(&self, digest: &[u8], signature: &Signature) -> Result<(), Finding> {
        if signature.field_len() != self.params.field_len() {
            return Err(Finding::new(Code::SigEncoding).arg(
                "detail",
                format!("a signature with {}-byte halves for a {}-bit key", signature.field_len(), self.params.bits()),
            ));
        }
        let valid = match (&self.point, self.params.curve()) {
            (KeyPoint::P256(q), CurveRef::C256(curve)) => verify(curve, q, digest, signature)?,
            (KeyPoint::P512(q), CurveRef::C512(curve)) => verify(curve, q, digest, signature)?,
            _ => return Err(Finding::new(Code::Internal).arg("detail", "GOST key point and curve sizes differ")),
        };
        if valid {
            Ok(())
        } else {
            Err(Finding::new(Code::SigInvalid))
        }
    }
}

/// The verification proper, steps 1 and 3–7 (step 2, hashing, is the caller's).
fn verify<const L: usize>(
    curve: &Curve<L>,
    key: &Affine<L>,
    digest: &[u8],
    signature: &Signature,
) -> Result<bool, Finding> {
    let q = curve.q_nonzero();
    let (Some(r), Some(s)) = (uint_from_be::<L>(signature.r()), uint_from_be::<L>(signature.s())) else {
        return Ok(false);
    };
    // Step 1: 0 < r < q and 0 < s < q.
    let in_range = |v: &Uint<L>| !v.is_zero_vartime() && v.cmp_vartime(q.as_ref()).is_lt();
    if !in_range(&r) || !in_range(&s) {
        return Ok(false);
    }
    // Step 2: the digest h is given.
    // Step 3: e = LE(h) mod q; e = 1 if it is 0.
    let e = digest_scalar(curve, digest)?;
    // Step 4: v = e^-1 mod q.
    let Some(v) = Fe::new(&e, &curve.q).invert_vartime().into_option() else {
        return Ok(false);
    };
    // Step 5: z1 = s·v mod q, z2 = -r·v mod q.
    let z1 = Fe::new(&s, &curve.q).mul(&v).retrieve();
    let z2 = Fe::new(&r, &curve.q).neg().mul(&v).retrieve();
    // Step 6: C = z1·P + z2·Q, R = x_C mod q.
    let c = curve.mul_double_vartime(&z1, &curve.g, &z2, key);
    let Some(c) = curve.to_affine_vartime(&c) else {
        return Ok(false);
    };
    let big_r = c.x.retrieve().rem_vartime(q);
    // Step 7: valid exactly when R = r.
    Ok(big_r == r)
}

/// Whether r and s of a signature (of this curve's size) are below q.
fn below_q<const L: usize>(curve: &Curve<L>, signature: &Signature) -> bool {
    let q = curve.q_nonzero().as_ref();
    [signature.r(), signature.s()]
        .into_iter()
        .all(|half| uint_from_be::<L>(half).is_some_and(|v| v.cmp_vartime(q).is_lt()))
}

/// e = α mod q with α the little-endian integer of the digest, and e = 1 when that is 0
/// (GOST R 34.10-2012 §6.1 step 2, §6.2 step 3). Constant time in the digest's value.
pub(crate) fn digest_scalar<const L: usize>(curve: &Curve<L>, digest: &[u8]) -> Result<Uint<L>, Finding> {
    let n = Uint::<L>::BYTES;
    if digest.is_empty() || digest.len() > 2 * n {
        return Err(Finding::new(Code::Internal)
            .arg("detail", format!("a digest of {} bytes for a {}-bit GOST key", digest.len(), n * 8)));
    }
    let mut wide = vec![0u8; 2 * n];
    if let Some(prefix) = wide.get_mut(..digest.len()) {
        prefix.copy_from_slice(digest);
    }
    let (low, high) = wide.split_at(n);
    let (Some(low), Some(high)) = (uint_from_le::<L>(low), uint_from_le::<L>(high)) else {
        return Err(Finding::new(Code::Internal).arg("detail", "digest split"));
    };
    let e = Uint::rem_wide((low, high), curve.q_nonzero());
    Ok(e.ct_select(&Uint::ONE, e.is_zero()))
}

fn point_from_le<const L: usize>(curve: &Curve<L>, x: &[u8], y: &[u8]) -> Result<Affine<L>, Finding> {
    let coordinate = |bytes: &[u8]| {
        uint_from_le::<L>(bytes)
            .and_then(|v| curve.field_element(&v))
            .ok_or_else(|| key_invalid("a coordinate of the public key is not below p".to_owned()))
    };
    let point = Affine { x: coordinate(x)?, y: coordinate(y)? };
    if !curve.is_on_curve(&point) {
        return Err(key_invalid("the public key is not a point of its curve".to_owned()));
    }
    Ok(point)
}

fn le_coordinates<const L: usize>(point: &Affine<L>) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 * Uint::<L>::BYTES);
    out.extend_from_slice(point.x.retrieve().to_le_bytes().as_slice());
    out.extend_from_slice(point.y.retrieve().to_le_bytes().as_slice());
    out
}

fn key_invalid(detail: String) -> Finding {
    Finding::new(Code::CertKeyInvalid).arg("detail", detail)
}
