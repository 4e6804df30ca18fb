//! Every bound on work and memory, with its default and the reason for the number.
//!
//! Running out of a bound is a coded `LIMIT_...` finding that leaves the verdict undecided:
//! never a silent truncation, never a pass.

use serde::Deserialize;

/// The portal's upload limit: «не более 15 Мб», taken as 15 MiB.
pub const PORTAL_SIZE_LIMIT: u64 = 15 * 1024 * 1024;

/// Above this size the portal may refuse the file if it counts «15 Мб» as decimal megabytes.
pub const PORTAL_SIZE_DECIMAL: u64 = 15_000_000;

/// Bounds on the work one check may do.
#[derive(Clone, Debug, Eq, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// The largest document or signature file read at all. The portal takes 15 MiB; we accept
    /// more so that an oversize file still gets a full report.
    pub max_input_bytes: u64,
    /// The most bytes one PDF stream may inflate to (lopdf applies no bound unless asked).
    pub max_decompressed_per_stream: u64,
    /// The most bytes all PDF streams together may inflate to.
    pub max_decompressed_total: u64,
    /// The largest inflation ratio of one stream (a zip bomb inflates by thousands).
    pub max_inflate_ratio: u64,
    /// The most indirect objects a PDF may have (ISO 19005-1 6.1.12 allows 8 388 607).
    pub max_pdf_objects: u64,
    /// The deepest nesting of PDF arrays and dictionaries, or of ASN.1 elements (lopdf uses 100).
    pub max_nesting: u16,
    /// The most certificates considered when building a chain (rustls-webpki uses 6
    /// intermediates; we allow long government chains).
    pub max_intermediates: u8,
    /// The most signature verifications one chain search may do (rustls-webpki uses 100); all
    /// the chain searches of one signature file share four times this many.
    pub max_signature_checks: u16,
    /// The most signers across all signature files.
    pub max_signers: u16,
    /// The most certificates one CMS may carry.
    pub max_certificates: u16,
    /// Occurrences kept per PDF/A rule; the rest are only counted.
    pub max_occurrences_per_rule: u16,
    /// The largest trust list (Минцифры XML) read at all. The list was some 25 MB in 2025 and
    /// grows with every CA key; four times its size leaves room without inviting a memory bomb.
    pub max_tsl_bytes: u64,
    /// The longest text of one trust-list element. The longest values are CA certificates in
    /// base64, a few KiB each; 1 MiB bounds the buffer one element may take.
    pub max_tsl_text: u64,
    /// The most entries (CAs, keys, certificates, CRL addresses, statuses) a trust list may
    /// have. The real list has some 10 000; a million bounds the index built from it.
    pub max_tsl_entries: u64,
    /// Work units the PDF/A rules may spend (one per object visited or content operator run);
    /// a 15 MiB document of dense text needs a few million.
    pub max_pdf_work: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_decompressed_per_stream: 256 * 1024 * 1024,
            max_decompressed_total: 1024 * 1024 * 1024,
            max_inflate_ratio: 1000,
            max_pdf_objects: 8_388_607,
            max_nesting: 100,
            max_intermediates: 10,
            max_signature_checks: 100,
            max_signers: 64,
            max_certificates: 512,
            max_occurrences_per_rule: 10,
            max_tsl_bytes: 128 * 1024 * 1024,
            max_tsl_text: 1024 * 1024,
            max_tsl_entries: 1_000_000,
            max_pdf_work: 50_000_000,
        }
    }
}

/// A countdown of work units; exhausted means stop and report `LIMIT_BUDGET`.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Budget {
    left: u64,
}

impl Budget {
    /// A budget of `units` work units.
    pub const fn new(units: u64) -> Self {
        Budget { left: units }
    }

    /// Spends `units`; `false` when the budget is exhausted.
    pub fn spend(&mut self, units: u64) -> bool {
        match self.left.checked_sub(units) {
            Some(left) => {
                self.left = left;
                true
            }
            None => {
                self.left = 0;
                false
            }
        }
    }

    /// Units left.
    pub const fn left(&self) -> u64 {
        self.left
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_runs_out() {
        let mut b = Budget::new(3);
        assert!(b.spend(2));
        assert!(!b.spend(2));
        assert_eq!(b.left(), 0);
    }

    #[test]
    fn portal_limit_is_15_mib() {
        assert_eq!(PORTAL_SIZE_LIMIT, 15_728_640);
        assert!(Limits::default().max_input_bytes > PORTAL_SIZE_LIMIT);
    }
}
