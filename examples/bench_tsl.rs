//! Times `TrustList::parse` on a synthetic trust list of about 30 MB, the size of the real one.
//!
//! The list repeats the three CAs of `tests/data/signatures/tsl.xml`, each copy with a fresh key
//! identifier and registry number, until the size is reached.
//!
//! ```text
//! cargo run --release --example bench_tsl [size in MB, default 30] [runs, default 5]
//! ```
#![allow(clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions, clippy::cast_precision_loss)]

use std::time::Instant;

use ekdo_check::trust::tsl::ROOT;
use ekdo_check::trust::TrustList;
use ekdo_check::Limits;

const FIXTURE: &str = include_str!("../tests/data/signatures/tsl.xml");

fn main() {
    let mut args = std::env::args().skip(1);
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(30);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let xml = synthetic_list(megabytes * 1_000_000);

    let limits = Limits::default();
    let mut times = Vec::with_capacity(runs);
    let mut list = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let parsed = TrustList::parse(xml.as_bytes(), &limits).expect("the synthetic list parses");
        times.push(start.elapsed());
        list = Some(parsed);
    }
    let Some(list) = list else { return };
    times.sort();
    let summary = list.summary();
    let median = times[times.len() / 2];
    let mb_per_s = xml.len() as f64 / 1e6 / median.as_secs_f64();
    println!(
        "parsed {:.1} MB: {} CAs, {} keys; best {:?}, median {:?} ({mb_per_s:.0} MB/s) over {} runs",
        xml.len() as f64 / 1e6,
        summary.authorities,
        summary.keys,
        times[0],
        median,
        times.len()
    );

    // Look-ups, as a check of many signers would make them.
    let key = key_id(100);
    let start = Instant::now();
    let mut hits = 0;
    for _ in 0..100_000 {
        hits += list.find_by_key_id(&key).count();
    }
    println!("100 000 look-ups by key id: {:?} ({hits} hits)", start.elapsed());
}

/// The fixture's CAs, repeated with fresh key ids until the list has `size` bytes.
fn synthetic_list(size: usize) -> String {
    let first = FIXTURE.find("<УдостоверяющийЦентр>").expect("the fixture has CAs");
    let last = FIXTURE.rfind("</УдостоверяющийЦентр>").expect("the fixture has CAs") + "</УдостоверяющийЦентр>".len();
    let head = &FIXTURE[..first];
    let body = &FIXTURE[first..last];
    let tail = &FIXTURE[last..];
    assert!(tail.contains(ROOT));
    let ids = [
        "48C02D8644B4AED037BF311E6A0E4D35ACB8460F",
        "97A7461C3FBBB96C2BC2EA8F40D9DDAF1C19FBAD",
        "81563C09814DE345D0E85A6496A8B9F3AD0432E5",
    ];
    let mut out = String::with_capacity(size + body.len());
    out.push_str(head);
    let mut counter = 0u64;
    while out.len() + tail.len() < size {
        let mut copy = body.to_owned();
        for id in ids {
            counter += 1;
            let fresh: String = key_id(counter).iter().map(|b| format!("{b:02X}")).collect();
            copy = copy.replace(id, &fresh);
        }
        copy = copy.replace("<РеестровыйНомер>", &format!("<РеестровыйНомер>{counter}-"));
        out.push_str(&copy);
    }
    out.push_str(tail);
    out
}

/// A 20-byte key id made from a counter.
fn key_id(n: u64) -> Vec<u8> {
    let mut id = vec![0xA5; 12];
    id.extend_from_slice(&n.to_be_bytes());
    id
}
