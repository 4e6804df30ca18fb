//! The GOST R 34.10 parameter sets in use, by OID.
//!
//! The numbers are those of RFC 4357 §11.4 (CryptoPro A, B, C and the test set), RFC 7836
//! Appendix A (TC26 sets; the twisted Edwards sets TC26-256-A and TC26-512-C in the short
//! Weierstrass form published there) and RFC 7091 Appendix A (the two test curves); they were
//! cross-checked against gost-engine's `gost_params.c`, and the twisted Edwards sets against
//! their (e, d, u, v) form by the birational map of RFC 7836 §2. Each set is checked by a unit
//! test: G on the curve, q·G = O, p and q pass a primality test.
//!
//! Several OIDs name one curve: XchA and TC26-256-B are CryptoPro A; TC26-256-C is CryptoPro B;
//! XchB and TC26-256-D are CryptoPro C (R 1323565.1.024-2019, RFC 4357 §11.4).

use const_oid::ObjectIdentifier;

use super::curve::{Curve, CurveHex, L256, L512};

/// A named GOST R 34.10 parameter set (an elliptic curve with a base point of prime order).
#[derive(Debug)]
pub struct ParamSet {
    oid: ObjectIdentifier,
    name: &'static str,
    curve: CurveRef,
}

/// The curve of a parameter set, at its size.
#[derive(Clone, Copy)]
pub(crate) enum CurveRef {
    /// A 256-bit curve.
    C256(&'static Curve<L256>),
    /// A 512-bit curve.
    C512(&'static Curve<L512>),
}

impl std::fmt::Debug for CurveRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CurveRef::C256(_) => f.write_str("C256"),
            CurveRef::C512(_) => f.write_str("C512"),
        }
    }
}

impl ParamSet {
    /// The parameter set an OID names, if it is one of [`PARAM_SETS`].
    pub fn from_oid(oid: &ObjectIdentifier) -> Option<&'static ParamSet> {
        PARAM_SETS.iter().find(|set| set.oid == *oid)
    }

    /// The OID of this set, such as 1.2.643.2.2.35.1.
    pub fn oid(&self) -> &ObjectIdentifier {
        &self.oid
    }

    /// The name of this set, such as `"CryptoPro-A"`, `"CryptoPro-XchA"` or `"TC26-256-A"`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The size of the field and of the group order in bits: 256 or 512.
    pub fn bits(&self) -> u32 {
        match self.curve {
            CurveRef::C256(_) => 256,
            CurveRef::C512(_) => 512,
        }
    }

    /// The length of one coordinate, and of r and s, in bytes: 32 or 64.
    pub fn field_len(&self) -> usize {
        match self.curve {
            CurveRef::C256(_) => 32,
            CurveRef::C512(_) => 64,
        }
    }

    /// The cofactor: 1, or 4 for the twisted Edwards sets TC26-256-A and TC26-512-C.
    pub fn cofactor(&self) -> u32 {
        match self.curve {
            CurveRef::C256(c) => c.cofactor,
            CurveRef::C512(c) => c.cofactor,
        }
    }

    /// Whether this is a test set (RFC 4357 test set, RFC 7091 512-bit test curve), which no
    /// production key uses.
    pub fn is_test(&self) -> bool {
        self.name.ends_with("-Test")
    }

    pub(crate) fn curve(&self) -> CurveRef {
        self.curve
    }
}

const fn set(oid: &str, name: &'static str, curve: CurveRef) -> ParamSet {
    ParamSet { oid: ObjectIdentifier::new_unwrap(oid), name, curve }
}

/// Every parameter set the checker knows.
pub static PARAM_SETS: &[ParamSet] = &[
    set("1.2.643.2.2.35.0", "GOST2001-Test", CurveRef::C256(&TEST_256)),
    set("1.2.643.2.2.35.1", "CryptoPro-A", CurveRef::C256(&CRYPTOPRO_A)),
    set("1.2.643.2.2.35.2", "CryptoPro-B", CurveRef::C256(&CRYPTOPRO_B)),
    set("1.2.643.2.2.35.3", "CryptoPro-C", CurveRef::C256(&CRYPTOPRO_C)),
    set("1.2.643.2.2.36.0", "CryptoPro-XchA", CurveRef::C256(&CRYPTOPRO_A)),
    set("1.2.643.2.2.36.1", "CryptoPro-XchB", CurveRef::C256(&CRYPTOPRO_C)),
    set("1.2.643.7.1.2.1.1.1", "TC26-256-A", CurveRef::C256(&TC26_256_A)),
    set("1.2.643.7.1.2.1.1.2", "TC26-256-B", CurveRef::C256(&CRYPTOPRO_A)),
    set("1.2.643.7.1.2.1.1.3", "TC26-256-C", CurveRef::C256(&CRYPTOPRO_B)),
    set("1.2.643.7.1.2.1.1.4", "TC26-256-D", CurveRef::C256(&CRYPTOPRO_C)),
    set("1.2.643.7.1.2.1.2.0", "TC26-512-Test", CurveRef::C512(&TEST_512)),
    set("1.2.643.7.1.2.1.2.1", "TC26-512-A", CurveRef::C512(&TC26_512_A)),
    set("1.2.643.7.1.2.1.2.2", "TC26-512-B", CurveRef::C512(&TC26_512_B)),
    set("1.2.643.7.1.2.1.2.3", "TC26-512-C", CurveRef::C512(&TC26_512_C)),
];

/// The test curve of GOST R 34.10-2001/2012 (RFC 5832 §7; RFC 7091 Appendix A.1; RFC 4357 §11.4 id-GostR3410-2001-TestParamSet).
pub(crate) static TEST_256: Curve<L256> = Curve::new(CurveHex {
    p: "8000000000000000000000000000000000000000000000000000000000000431",
    a: "0000000000000000000000000000000000000000000000000000000000000007",
    b: "5FBFF498AA938CE739B8E022FBAFEF40563F6E6A3472FC2A514C0CE9DAE23B7E",
    q: "8000000000000000000000000000000150FE8A1892976154C59CFC193ACCF5B3",
    x: "0000000000000000000000000000000000000000000000000000000000000002",
    y: "08E2A8A0E65147D4BD6316030E16D19C85C97F0A9CA267122B96ABBCEA7E8FC8",
    cofactor: 1,
});

/// CryptoPro A (RFC 4357 §11.4); also XchA, TC26-256-B.
pub(crate) static CRYPTOPRO_A: Curve<L256> = Curve::new(CurveHex {
    p: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97",
    a: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD94",
    b: "00000000000000000000000000000000000000000000000000000000000000A6",
    q: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF6C611070995AD10045841B09B761B893",
    x: "0000000000000000000000000000000000000000000000000000000000000001",
    y: "8D91E471E0989CDA27DF505A453F2B7635294F2DDF23E3B122ACC99C9E9F1E14",
    cofactor: 1,
});

/// CryptoPro B (RFC 4357 §11.4); also TC26-256-C.
pub(crate) static CRYPTOPRO_B: Curve<L256> = Curve::new(CurveHex {
    p: "8000000000000000000000000000000000000000000000000000000000000C99",
    a: "8000000000000000000000000000000000000000000000000000000000000C96",
    b: "3E1AF419A269A5F866A7D3C25C3DF80AE979259373FF2B182F49D4CE7E1BBC8B",
    q: "800000000000000000000000000000015F700CFFF1A624E5E497161BCC8A198F",
    x: "0000000000000000000000000000000000000000000000000000000000000001",
    y: "3FA8124359F96680B83D1C3EB2C070E5C545C9858D03ECFB744BF8D717717EFC",
    cofactor: 1,
});

/// CryptoPro C (RFC 4357 §11.4); also XchB, TC26-256-D.
pub(crate) static CRYPTOPRO_C: Curve<L256> = Curve::new(CurveHex {
    p: "9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D759B",
    a: "9B9F605F5A858107AB1EC85E6B41C8AACF846E86789051D37998F7B9022D7598",
    b: "000000000000000000000000000000000000000000000000000000000000805A",
    q: "9B9F605F5A858107AB1EC85E6B41C8AA582CA3511EDDFB74F02F3A6598980BB9",
    x: "0000000000000000000000000000000000000000000000000000000000000000",
    y: "41ECE55743711A8C3CBF3783CD08C0EE4D4DC440D4641A8F366E550DFDB3BB67",
    cofactor: 1,
});

/// TC26 256-bit set A, a twisted Edwards curve given in its short Weierstrass form (RFC 7836 Appendix A.2).
pub(crate) static TC26_256_A: Curve<L256> = Curve::new(CurveHex {
    p: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97",
    a: "C2173F1513981673AF4892C23035A27CE25E2013BF95AA33B22C656F277E7335",
    b: "295F9BAE7428ED9CCC20E7C359A9D41A22FCCD9108E17BF7BA9337A6F8AE9513",
    q: "400000000000000000000000000000000FD8CDDFC87B6635C115AF556C360C67",
    x: "91E38443A5E82C0D880923425712B2BB658B9196932E02C78B2582FE742DAA28",
    y: "32879423AB1A0375895786C4BB46E9565FDE0B5344766740AF268ADB32322E5C",
    cofactor: 4,
});

/// The 512-bit test curve of GOST R 34.10-2012 (RFC 7091 Appendix A.2).
pub(crate) static TEST_512: Curve<L512> = Curve::new(
    CurveHex {
        p: "4531ACD1FE0023C7550D267B6B2FEE80922B14B2FFB90F04D4EB7C09B5D2D15DF1D852741AF4704A0458047E80E4546D35B8336FAC224DD81664BBF528BE6373",
        a: "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000007",
        b: "1CFF0806A31116DA29D8CFA54E57EB748BC5F377E49400FDD788B649ECA1AC4361834013B2AD7322480A89CA58E0CF74BC9E540C2ADD6897FAD0A3084F302ADC",
        q: "4531ACD1FE0023C7550D267B6B2FEE80922B14B2FFB90F04D4EB7C09B5D2D15DA82F2D7ECB1DBAC719905C5EECC423F1D86E25EDBE23C595D644AAF187E6E6DF",
        x: "24D19CC64572EE30F396BF6EBBFD7A6C5213B3B3D7057CC825F91093A68CD762FD60611262CD838DC6B60AA7EEE804E28BC849977FAC33B4B530F1B120248A9A",
        y: "2BB312A43BD2CE6E0D020613C857ACDDCFBF061E91E5F2C3F32447C259F39B2C83AB156D77F1496BF7EB3351E1EE4E43DC1A18B91B24640B6DBB92CB1ADD371E",
        cofactor: 1,
    },
);

/// TC26 512-bit set A (RFC 7836 Appendix A.1).
pub(crate) static TC26_512_A: Curve<L512> = Curve::new(
    CurveHex {
        p: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7",
        a: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC4",
        b: "E8C2505DEDFC86DDC1BD0B2B6667F1DA34B82574761CB0E879BD081CFD0B6265EE3CB090F30D27614CB4574010DA90DD862EF9D4EBEE4761503190785A71C760",
        q: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF27E69532F48D89116FF22B8D4E0560609B4B38ABFAD2B85DCACDB1411F10B275",
        x: "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003",
        y: "7503CFE87A836AE3A61B8816E25450E6CE5E1C93ACF1ABC1778064FDCBEFA921DF1626BE4FD036E93D75E6A50E3A41E98028FE5FC235F5B889A589CB5215F2A4",
        cofactor: 1,
    },
);

/// TC26 512-bit set B (RFC 7836 Appendix A.1).
pub(crate) static TC26_512_B: Curve<L512> = Curve::new(
    CurveHex {
        p: "8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006F",
        a: "8000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006C",
        b: "687D1B459DC841457E3E06CF6F5E2517B97C7D614AF138BCBF85DC806C4B289F3E965D2DB1416D217F8B276FAD1AB69C50F78BEE1FA3106EFB8CCBC7C5140116",
        q: "800000000000000000000000000000000000000000000000000000000000000149A1EC142565A545ACFDB77BD9D40CFA8B996712101BEA0EC6346C54374F25BD",
        x: "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002",
        y: "1A8F7EDA389B094C2C071E3647A8940F3C123B697578C213BE6DD9E6C8EC7335DCB228FD1EDF4A39152CBCAAF8C0398828041055F94CEEEC7E21340780FE41BD",
        cofactor: 1,
    },
);

/// TC26 512-bit set C, a twisted Edwards curve given in its short Weierstrass form (RFC 7836 Appendix A.1).
pub(crate) static TC26_512_C: Curve<L512> = Curve::new(
    CurveHex {
        p: "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7",
        a: "DC9203E514A721875485A529D2C722FB187BC8980EB866644DE41C68E143064546E861C0E2C9EDD92ADE71F46FCF50FF2AD97F951FDA9F2A2EB6546F39689BD3",
        b: "B4C4EE28CEBC6C2C8AC12952CF37F16AC7EFB6A9F69F4B57FFDA2E4F0DE5ADE038CBC2FFF719D2C18DE0284B8BFEF3B52B8CC7A5F5BF0A3C8D2319A5312557E1",
        q: "3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC98CDBA46506AB004C33A9FF5147502CC8EDA9E7A769A12694623CEF47F023ED",
        x: "E2E31EDFC23DE7BDEBE241CE593EF5DE2295B7A9CBAEF021D385F7074CEA043AA27272A7AE602BF2A7B9033DB9ED3610C6FB85487EAE97AAC5BC7928C1950148",
        y: "F5CE40D95B5EB899ABBCCFF5911CB8577939804D6527378B8C108C3D2090FF9BE18E2D33E3021ED2EF32D85822423B6304F726AA854BAE07D0396E9A9ADDC40F",
        cofactor: 4,
    },
);

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::as_conversions)]
mod tests {
    use super::*;

    #[test]
    fn lookup_by_oid() {
        let a = ParamSet::from_oid(&ObjectIdentifier::new_unwrap("1.2.643.2.2.35.1")).expect("known");
        assert_eq!((a.name(), a.bits(), a.field_len(), a.cofactor()), ("CryptoPro-A", 256, 32, 1));
        let c = ParamSet::from_oid(&ObjectIdentifier::new_unwrap("1.2.643.7.1.2.1.2.3")).expect("known");
        assert_eq!((c.name(), c.bits(), c.field_len(), c.cofactor()), ("TC26-512-C", 512, 64, 4));
        assert!(ParamSet::from_oid(&ObjectIdentifier::new_unwrap("1.2.643.2.2.35.9")).is_none());
        let names: std::collections::BTreeSet<_> = PARAM_SETS.iter().map(|s| s.name()).collect();
        assert_eq!(names.len(), PARAM_SETS.len());
        assert!(ParamSet::from_oid(&ObjectIdentifier::new_unwrap("1.2.643.2.2.35.0")).expect("known").is_test());
    }

    #[test]
    fn aliases_share_their_curve() {
        let same = |a: &str, b: &str| {
            let curve = |oid: &str| ParamSet::from_oid(&ObjectIdentifier::new_unwrap(oid)).expect("known").curve();
            match (curve(a), curve(b)) {
                (CurveRef::C256(x), CurveRef::C256(y)) => std::ptr::eq(x, y),
                _ => false,
            }
        };
        assert!(same("1.2.643.2.2.36.0", "1.2.643.2.2.35.1"));
        assert!(same("1.2.643.7.1.2.1.1.2", "1.2.643.2.2.35.1"));
        assert!(same("1.2.643.7.1.2.1.1.3", "1.2.643.2.2.35.2"));
        assert!(same("1.2.643.7.1.2.1.1.4", "1.2.643.2.2.35.3"));
        assert!(same("1.2.643.2.2.36.1", "1.2.643.2.2.35.3"));
        assert!(!same("1.2.643.2.2.35.1", "1.2.643.2.2.35.2"));
    }
}
