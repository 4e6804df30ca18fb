//! A rough benchmark of the crypto layer (not a test): one GOST R 34.10-2012 verification at
//! 256 and 512 bits, one signature, and Streebog-256 over 15 MB.
//!
//! ```text
//! cargo run --release --example bench_crypto
//! ```
//! Targets: a 256-bit verification within 1 ms, Streebog-256 of 15 MB within 0.15 s (native,
//! release).

mod timing;

use const_oid::ObjectIdentifier;
use ekdo_check::crypto::gost::{KeyAlgorithm, ParamSet, SigningKey};
use ekdo_check::crypto::DigestAlgorithm;
use timing::median;

fn gost(oid: &str, algorithm: KeyAlgorithm, digest: DigestAlgorithm) -> Result<(), Box<dyn std::error::Error>> {
    let set = ParamSet::from_oid(&ObjectIdentifier::new(oid)?).ok_or("unknown parameter set")?;
    let secret = vec![0x1a; set.field_len()];
    let key = SigningKey::from_be_bytes(algorithm, set, &secret)?;
    let prehash = digest.digest(b"benchmark");
    let signature = key.sign_prehash_with_rng(&prehash)?;
    let verifying = key.verifying_key();
    verifying.verify_prehash(&prehash, &signature)?;
    let verify = median(201, || {
        let ok = verifying.verify_prehash(std::hint::black_box(&prehash), &signature).is_ok();
        assert!(ok);
    });
    let sign = median(51, || {
        let _ = std::hint::black_box(key.sign_prehash_with_rng(&prehash));
    });
    println!("GOST {} {}: verify {:?}, sign {:?}", algorithm.name(), set.name(), verify, sign);
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    gost("1.2.643.2.2.35.1", KeyAlgorithm::Gost2012_256, DigestAlgorithm::Streebog256)?;
    gost("1.2.643.7.1.2.1.1.1", KeyAlgorithm::Gost2012_256, DigestAlgorithm::Streebog256)?;
    gost("1.2.643.7.1.2.1.2.1", KeyAlgorithm::Gost2012_512, DigestAlgorithm::Streebog512)?;
    let data: Vec<u8> = (0..15_000_000u32).map(|i| i.to_le_bytes()[0] ^ 0x5c).collect();
    for alg in [DigestAlgorithm::Streebog256, DigestAlgorithm::Gost94CryptoPro, DigestAlgorithm::Sha256] {
        let time = median(5, || {
            std::hint::black_box(alg.digest(&data));
        });
        println!("{} of 15 MB: {:?} ({:.0} MB/s)", alg.name(), time, 15.0 / time.as_secs_f64());
    }
    Ok(())
}
