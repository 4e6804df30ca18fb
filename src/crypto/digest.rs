//! Digest algorithms by OID: GOST R 34.11-2012 (Streebog, RFC 6986), GOST R 34.11-94 with the
//! CryptoPro parameters (RFC 5831, RFC 4357 §11.2), SHA-1 and SHA-2.

use const_oid::ObjectIdentifier;
use sha2::Digest as _;

use super::oid;
use super::streebog::Output;

/// A digest algorithm the checker computes.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Hash)]
pub enum DigestAlgorithm {
    /// GOST R 34.11-2012, 256-bit output (Streebog-256, RFC 6986).
    Streebog256,
    /// GOST R 34.11-2012, 512-bit output (Streebog-512, RFC 6986).
    Streebog512,
    /// GOST R 34.11-94 with the CryptoPro S-boxes (id-GostR3411-94-CryptoProParamSet, RFC 4357).
    Gost94CryptoPro,
    /// SHA-1 (FIPS 180-4); accepted for verification of old data only.
    Sha1,
    /// SHA-256 (FIPS 180-4).
    Sha256,
    /// SHA-384 (FIPS 180-4).
    Sha384,
    /// SHA-512 (FIPS 180-4).
    Sha512,
}

impl DigestAlgorithm {
    /// Every algorithm, in declaration order.
    pub const ALL: [DigestAlgorithm; 7] = [
        DigestAlgorithm::Streebog256,
        DigestAlgorithm::Streebog512,
        DigestAlgorithm::Gost94CryptoPro,
        DigestAlgorithm::Sha1,
        DigestAlgorithm::Sha256,
        DigestAlgorithm::Sha384,
        DigestAlgorithm::Sha512,
    ];

    /// The algorithm a digest OID names (CMS `digestAlgorithm`, RFC 5652 §10.1.1).
    ///
    /// Only digest OIDs are accepted here; for a signature algorithm that implies its digest
    /// (sha256WithRSAEncryption, id-tc26-signwithdigest-gost3410-12-256) use
    /// [`DigestAlgorithm::implied_by_signature_oid`].
    pub fn from_oid(oid: &ObjectIdentifier) -> Option<Self> {
        DigestAlgorithm::ALL.into_iter().find(|alg| alg.oid() == *oid)
    }

    /// The digest a signature-algorithm OID implies.
    ///
    /// Besides the signature OIDs (RFC 9215 §3.1, RFC 4491 §2.2.2, RFC 4055 §5, RFC 5758 §3.2)
    /// this accepts the GOST *key* OIDs, which CryptoPro CSP writes as the SignerInfo's
    /// `signatureAlgorithm`: each GOST key algorithm has exactly one digest.
    pub fn implied_by_signature_oid(oid: &ObjectIdentifier) -> Option<Self> {
        let alg = match *oid {
            oid::GOST2012_256_WITH_STREEBOG | oid::GOST2012_256_KEY => DigestAlgorithm::Streebog256,
            oid::GOST2012_512_WITH_STREEBOG | oid::GOST2012_512_KEY => DigestAlgorithm::Streebog512,
            oid::GOST2001_WITH_GOST94 | oid::GOST2001_KEY => DigestAlgorithm::Gost94CryptoPro,
            oid::SHA1_WITH_RSA | oid::ECDSA_WITH_SHA1 => DigestAlgorithm::Sha1,
            oid::SHA256_WITH_RSA | oid::ECDSA_WITH_SHA256 => DigestAlgorithm::Sha256,
            oid::SHA384_WITH_RSA | oid::ECDSA_WITH_SHA384 => DigestAlgorithm::Sha384,
            oid::SHA512_WITH_RSA | oid::ECDSA_WITH_SHA512 => DigestAlgorithm::Sha512,
            _ => return None,
        };
        Some(alg)
    }

    /// The digest OID of this algorithm.
    pub const fn oid(self) -> ObjectIdentifier {
        match self {
            DigestAlgorithm::Streebog256 => oid::STREEBOG_256,
            DigestAlgorithm::Streebog512 => oid::STREEBOG_512,
            DigestAlgorithm::Gost94CryptoPro => oid::GOST_R3411_94,
            DigestAlgorithm::Sha1 => oid::SHA1,
            DigestAlgorithm::Sha256 => oid::SHA256,
            DigestAlgorithm::Sha384 => oid::SHA384,
            DigestAlgorithm::Sha512 => oid::SHA512,
        }
    }

    /// The report's name of this algorithm: `"streebog256"`, `"streebog512"`, `"gostr3411-94"`,
    /// `"sha1"`, `"sha256"`, `"sha384"` or `"sha512"`.
    pub const fn name(self) -> &'static str {
        match self {
            DigestAlgorithm::Streebog256 => "streebog256",
            DigestAlgorithm::Streebog512 => "streebog512",
            DigestAlgorithm::Gost94CryptoPro => "gostr3411-94",
            DigestAlgorithm::Sha1 => "sha1",
            DigestAlgorithm::Sha256 => "sha256",
            DigestAlgorithm::Sha384 => "sha384",
            DigestAlgorithm::Sha512 => "sha512",
        }
    }

    /// The algorithm of a report name ([`name`](Self::name)).
    pub fn from_name(name: &str) -> Option<Self> {
        DigestAlgorithm::ALL.into_iter().find(|alg| alg.name() == name)
    }

    /// The digest length in bytes.
    pub const fn output_len(self) -> usize {
        match self {
            DigestAlgorithm::Streebog256 | DigestAlgorithm::Gost94CryptoPro | DigestAlgorithm::Sha256 => 32,
            DigestAlgorithm::Streebog512 | DigestAlgorithm::Sha512 => 64,
            DigestAlgorithm::Sha1 => 20,
            DigestAlgorithm::Sha384 => 48,
        }
    }

    /// The digest of `data` in one call.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        let mut hasher = Hasher::new(self);
        hasher.update(data);
        hasher.finalize()
    }
}

/// An incremental digest computation, for data that arrives in pieces (a 15 MB document).
#[derive(Clone)]
pub struct Hasher {
    state: State,
}

#[derive(Clone)]
enum State {
    // Our table-driven Streebog (crypto::streebog): 6-10 % faster than the RustCrypto crate,
    // which the tests use as the reference.
    Streebog256(super::streebog::Streebog),
    Streebog512(super::streebog::Streebog),
    Gost94(gost94::Gost94CryptoPro),
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl Hasher {
    /// A fresh computation of `algorithm`.
    pub fn new(algorithm: DigestAlgorithm) -> Self {
        let state = match algorithm {
            DigestAlgorithm::Streebog256 => State::Streebog256(super::streebog::Streebog::new(Output::Bits256)),
            DigestAlgorithm::Streebog512 => State::Streebog512(super::streebog::Streebog::new(Output::Bits512)),
            DigestAlgorithm::Gost94CryptoPro => State::Gost94(gost94::Gost94CryptoPro::new()),
            DigestAlgorithm::Sha1 => State::Sha1(sha1::Sha1::new()),
            DigestAlgorithm::Sha256 => State::Sha256(sha2::Sha256::new()),
            DigestAlgorithm::Sha384 => State::Sha384(sha2::Sha384::new()),
            DigestAlgorithm::Sha512 => State::Sha512(sha2::Sha512::new()),
        };
        Hasher { state }
    }

    /// The algorithm this hasher computes.
    pub fn algorithm(&self) -> DigestAlgorithm {
        match self.state {
            State::Streebog256(_) => DigestAlgorithm::Streebog256,
            State::Streebog512(_) => DigestAlgorithm::Streebog512,
            State::Gost94(_) => DigestAlgorithm::Gost94CryptoPro,
            State::Sha1(_) => DigestAlgorithm::Sha1,
            State::Sha256(_) => DigestAlgorithm::Sha256,
            State::Sha384(_) => DigestAlgorithm::Sha384,
            State::Sha512(_) => DigestAlgorithm::Sha512,
        }
    }

    /// Feeds more data.
    pub fn update(&mut self, data: &[u8]) {
        match &mut self.state {
            State::Streebog256(h) => h.update(data),
            State::Streebog512(h) => h.update(data),
            State::Gost94(h) => h.update(data),
            State::Sha1(h) => h.update(data),
            State::Sha256(h) => h.update(data),
            State::Sha384(h) => h.update(data),
            State::Sha512(h) => h.update(data),
        }
    }

    /// The digest of everything fed, as the algorithm outputs it (Streebog's bytes are in the
    /// order RFC 6986 §10 prints reversed; GOST signatures read them as a little-endian number).
    pub fn finalize(self) -> Vec<u8> {
        match self.state {
            State::Streebog256(h) | State::Streebog512(h) => h.finalize(),
            State::Gost94(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

impl std::fmt::Debug for Hasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hasher").field("algorithm", &self.algorithm()).finish_non_exhaustive()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn oids_round_trip_and_names_are_stable() {
        let names: Vec<&str> = DigestAlgorithm::ALL.iter().map(|a| a.name()).collect();
        assert_eq!(names, ["streebog256", "streebog512", "gostr3411-94", "sha1", "sha256", "sha384", "sha512"]);
        for alg in DigestAlgorithm::ALL {
            assert_eq!(DigestAlgorithm::from_oid(&alg.oid()), Some(alg));
            assert_eq!(alg.digest(b"abc").len(), alg.output_len());
        }
        assert_eq!(DigestAlgorithm::from_oid(&oid::GOST2012_256_WITH_STREEBOG), None);
    }

    #[test]
    fn signature_oids_imply_digests() {
        let cases = [
            ("1.2.643.7.1.1.3.2", DigestAlgorithm::Streebog256),
            ("1.2.643.7.1.1.3.3", DigestAlgorithm::Streebog512),
            ("1.2.643.7.1.1.1.1", DigestAlgorithm::Streebog256),
            ("1.2.643.7.1.1.1.2", DigestAlgorithm::Streebog512),
            ("1.2.643.2.2.3", DigestAlgorithm::Gost94CryptoPro),
            ("1.2.643.2.2.19", DigestAlgorithm::Gost94CryptoPro),
            ("1.2.840.113549.1.1.11", DigestAlgorithm::Sha256),
            ("1.2.840.10045.4.3.2", DigestAlgorithm::Sha256),
            ("1.2.840.10045.4.3.3", DigestAlgorithm::Sha384),
        ];
        for (text, alg) in cases {
            let oid = ObjectIdentifier::new_unwrap(text);
            assert_eq!(DigestAlgorithm::implied_by_signature_oid(&oid), Some(alg), "{text}");
        }
        assert_eq!(DigestAlgorithm::implied_by_signature_oid(&oid::RSA_ENCRYPTION), None);
    }

    #[test]
    fn incremental_equals_one_shot() {
        let data: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        for alg in DigestAlgorithm::ALL {
            let mut h = Hasher::new(alg);
            for chunk in data.chunks(77) {
                h.update(chunk);
            }
            assert_eq!(h.algorithm(), alg);
            assert_eq!(h.finalize(), alg.digest(&data), "{}", alg.name());
        }
    }

    #[test]
    fn sha_known_answers() {
        // FIPS 180-4 examples ("abc").
        assert_eq!(hex(&DigestAlgorithm::Sha1.digest(b"abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(
            hex(&DigestAlgorithm::Sha256.digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
