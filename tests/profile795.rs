//! The FSB order 795 profile: every signer certificate of the fixtures (inputs read with a small
//! DER walk here, so the test does not lean on the CMS module) against the `qualified_profile`
//! of its cases' `expected.json`, and hand-built inputs for what the fixtures do not cover.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use ekdo_check::qualify::{check_profile, ProfileInput, ProfileVerdict, SubjectKind};
use ekdo_check::Code;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/signatures")
}

/// (tag, contents, rest).
fn tlv(d: &[u8]) -> (u8, &[u8], &[u8]) {
    let (len, header) = match d[1] {
        n if n < 0x80 => (usize::from(n), 2),
        0x81 => (usize::from(d[2]), 3),
        0x82 => (usize::from(d[2]) << 8 | usize::from(d[3]), 4),
        other => panic!("length form {other:#x}"),
    };
    (d[0], &d[header..header + len], &d[header + len..])
}

fn items(mut d: &[u8]) -> Vec<(u8, &[u8])> {
    let mut out = Vec::new();
    while !d.is_empty() {
        let (tag, value, rest) = tlv(d);
        out.push((tag, value));
        d = rest;
    }
    out
}

fn oid(bytes: &[u8]) -> String {
    let mut arcs = Vec::new();
    let mut value = 0u64;
    for b in bytes {
        value = value * 128 + u64::from(b & 0x7F);
        if b & 0x80 == 0 {
            arcs.push(value);
            value = 0;
        }
    }
    let first = arcs[0];
    let (a, b) = if first < 80 { (first / 40, first % 40) } else { (2, first - 80) };
    let mut out = format!("{a}.{b}");
    for arc in &arcs[1..] {
        out.push_str(&format!(".{arc}"));
    }
    out
}

/// What `ProfileInput` borrows, owned.
#[derive(Debug, Default)]
struct Owned {
    serial: String,
    attrs: Vec<(String, String)>,
    subject_sign_tool: bool,
    issuer_sign_tool_count: usize,
    policies: Vec<String>,
    key_usage: Vec<String>,
    identification_kind: Option<i64>,
}

impl Owned {
    fn input(&self) -> ProfileInput<'_> {
        ProfileInput {
            subject_attrs: &self.attrs,
            has_subject_sign_tool: self.subject_sign_tool,
            issuer_sign_tool_count: self.issuer_sign_tool_count,
            policy_oids: &self.policies,
            key_usage: &self.key_usage,
            identification_kind: self.identification_kind,
        }
    }
}

fn read_certificate(der: &[u8]) -> Owned {
    let mut out = Owned::default();
    let (_, certificate, _) = tlv(der);
    let (_, tbs, _) = tlv(certificate);
    let mut fields = items(tbs);
    if fields[0].0 == 0xA0 {
        fields.remove(0);
    }
    let serial = fields[0].1;
    out.serial = serial.iter().skip_while(|b| **b == 0).map(|b| format!("{b:02x}")).collect();
    for (_, rdn) in items(fields[4].1) {
        for (_, attribute) in items(rdn) {
            let parts = items(attribute);
            out.attrs.push((oid(parts[0].1), String::from_utf8(parts[1].1.to_vec()).unwrap()));
        }
    }
    for (tag, value) in &fields[6..] {
        if *tag != 0xA3 {
            continue;
        }
        let (_, list, _) = tlv(value);
        for (_, ext) in items(list) {
            let parts = items(ext);
            let id = oid(parts[0].1);
            let value = parts.last().unwrap().1;
            match id.as_str() {
                "1.2.643.100.111" => out.subject_sign_tool = true,
                "1.2.643.100.112" => out.issuer_sign_tool_count = items(tlv(value).1).len(),
                "1.2.643.100.114" => {
                    let (_, int, _) = tlv(value);
                    out.identification_kind = Some(int.iter().fold(0i64, |acc, b| acc * 256 + i64::from(*b)));
                }
                "2.5.29.32" => {
                    for (_, policy) in items(tlv(value).1) {
                        out.policies.push(oid(items(policy)[0].1));
                    }
                }
                "2.5.29.15" => {
                    let (_, bits, _) = tlv(value);
                    const NAMES: [&str; 9] = [
                        "digitalSignature",
                        "nonRepudiation",
                        "keyEncipherment",
                        "dataEncipherment",
                        "keyAgreement",
                        "keyCertSign",
                        "cRLSign",
                        "encipherOnly",
                        "decipherOnly",
                    ];
                    for (i, name) in NAMES.iter().enumerate() {
                        let byte = bits.get(1 + i / 8).copied().unwrap_or(0);
                        if byte & (0x80 >> (i % 8)) != 0 {
                            out.key_usage.push((*name).to_owned());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn signer_certificates() -> BTreeMap<String, (String, Owned)> {
    use base64::Engine as _;
    let mut map = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("keys")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(signer) = name.strip_suffix(".crt.pem") else { continue };
        let pem = std::fs::read_to_string(&path).unwrap();
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        let der = base64::engine::general_purpose::STANDARD.decode(body).unwrap();
        let owned = read_certificate(&der);
        map.insert(owned.serial.clone(), (signer.to_owned(), owned));
    }
    map
}

fn verdict_codes(verdict: &ProfileVerdict) -> Vec<(bool, Code)> {
    verdict.reasons.iter().map(|(ok, f)| (*ok, f.code)).collect()
}

#[test]
fn fixtures_match_expected_json() {
    let certificates = signer_certificates();
    assert_eq!(certificates.len(), 14);
    let mut checked = 0;
    for entry in std::fs::read_dir(root()).unwrap() {
        let case = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(case.join("expected.json")) else { continue };
        let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
        for signer in expected["signers"].as_array().unwrap() {
            let serial = signer["serial_hex"].as_str().unwrap();
            let (name, owned) = &certificates[serial];
            let verdict = check_profile(&owned.input());
            assert_eq!(
                verdict.qualified_profile,
                signer["qualified_profile"].as_bool().unwrap(),
                "{} {name}: {:?}",
                case.display(),
                verdict.reasons
            );
            checked += 1;
        }
    }
    assert!(checked >= 18, "{checked}");
}

#[test]
fn subject_kinds_and_failed_conditions() {
    let certificates = signer_certificates();
    let by_name =
        |n: &str| certificates.values().find(|(name, _)| name == n).map(|(_, o)| check_profile(&o.input())).unwrap();

    let smirnova = by_name("smirnova");
    assert_eq!(smirnova.subject_kind, SubjectKind::Person);
    assert!(smirnova.reasons.iter().all(|(ok, _)| *ok));
    assert_eq!(smirnova.classes, ["КС1"]);
    // INN present and valid: a required reason; IdentificationKind 0: an advisory that holds.
    assert!(smirnova.reasons.iter().any(|(ok, f)| *ok && f.code == Code::QualInn));
    assert_eq!(
        smirnova.advisories.iter().map(|(ok, f)| (*ok, f.code)).collect::<Vec<_>>(),
        [(true, Code::QualIdentificationKind)]
    );

    for employer in ["orlov", "belova", "tikhonov"] {
        let v = by_name(employer);
        assert_eq!(v.subject_kind, SubjectKind::Representative, "{employer}");
        assert!(v.qualified_profile, "{employer}");
        let codes = verdict_codes(&v);
        for code in [Code::QualOrganization, Code::QualOgrn, Code::QualInnle] {
            assert!(codes.contains(&(true, code)), "{employer} {code:?}");
        }
    }

    let lebedeva = by_name("lebedeva");
    assert_eq!(lebedeva.subject_kind, SubjectKind::Person);
    assert!(!lebedeva.qualified_profile);
    let failed: Vec<Code> = lebedeva.reasons.iter().filter(|(ok, _)| !ok).map(|(_, f)| f.code).collect();
    assert_eq!(failed, [Code::QualSubjectSignTool, Code::QualIssuerSignTool, Code::QualClassPolicy, Code::QualSnils]);
    let failed_snils = lebedeva.reasons.iter().find(|(_, f)| f.code == Code::QualSnils).unwrap();
    assert!(failed_snils.1.message_ru().contains("СНИЛС"));

    // Kuznetsov's certificate has no IdentificationKind: an advisory, not a failure.
    let kuznetsov = by_name("kuznetsov");
    assert!(kuznetsov.qualified_profile);
    assert_eq!(
        kuznetsov.advisories.iter().map(|(ok, f)| (*ok, f.code)).collect::<Vec<_>>(),
        [(false, Code::QualIdentificationKind)]
    );
    // The RSA certificate has the profile: the algorithm is the classifier's business.
    assert!(by_name("grigoriev").qualified_profile);
}

fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(o, v)| ((*o).to_owned(), (*v).to_owned())).collect()
}

fn qualified_extensions(attrs: Vec<(String, String)>) -> Owned {
    Owned {
        attrs,
        subject_sign_tool: true,
        issuer_sign_tool_count: 4,
        policies: vec!["1.2.643.100.113.1".to_owned(), "1.2.643.100.113.2".to_owned()],
        key_usage: vec!["digitalSignature".to_owned(), "contentCommitment".to_owned()],
        identification_kind: Some(0),
        ..Owned::default()
    }
}

const PERSON: [(&str, &str); 5] = [
    ("2.5.4.4", "Смирнова"),
    ("2.5.4.42", "Анна Сергеевна"),
    ("2.5.4.3", "Смирнова Анна Сергеевна"),
    ("1.2.643.100.3", "95987517203"),
    ("1.2.643.3.131.1.1", "781382931018"),
];

#[test]
fn hand_built_inputs() {
    let person = qualified_extensions(attrs(&PERSON));
    let v = check_profile(&person.input());
    assert!(v.qualified_profile);
    assert_eq!(v.classes, ["КС1", "КС2"]);

    // An individual entrepreneur needs a valid ОГРНИП.
    let mut ip = attrs(&PERSON);
    ip.push(("1.2.643.100.5".to_owned(), "304500000000009".to_owned()));
    let v = check_profile(&qualified_extensions(ip.clone()).input());
    assert_eq!((v.subject_kind, v.qualified_profile), (SubjectKind::Entrepreneur, true));
    ip.last_mut().unwrap().1 = "304500000000000".to_owned();
    let v = check_profile(&qualified_extensions(ip).input());
    assert!(!v.qualified_profile);
    assert!(verdict_codes(&v).contains(&(false, Code::QualOgrnip)));

    // A representative written the pre-2021 way: ИНН ЮЛ as `00` + 10 digits in the INN attribute.
    let legacy = attrs(&[
        ("2.5.4.4", "Орлов"),
        ("2.5.4.42", "Виктор Павлович"),
        ("2.5.4.3", "ООО «Ромашка»"),
        ("2.5.4.10", "ООО «Ромашка»"),
        ("1.2.643.100.1", "1057808333252"),
        ("1.2.643.3.131.1.1", "007834566565"),
        ("1.2.643.100.3", "95987517203"),
    ]);
    let v = check_profile(&qualified_extensions(legacy).input());
    assert_eq!((v.subject_kind, v.qualified_profile), (SubjectKind::Representative, true), "{:?}", v.reasons);

    // Two different СНИЛС are a defect.
    let mut twice = attrs(&PERSON);
    twice.push(("1.2.643.100.3".to_owned(), "00100199800".to_owned()));
    let v = check_profile(&qualified_extensions(twice).input());
    assert!(!v.qualified_profile);
    assert!(verdict_codes(&v).contains(&(false, Code::QualDuplicateAttribute)));

    // A wrong check number, a wrong ИНН, three issuer tool strings, no signing key usage.
    let mut bad = attrs(&PERSON);
    bad[3].1 = "95987517204".to_owned();
    bad[4].1 = "781382931019".to_owned();
    let mut owned = qualified_extensions(bad);
    owned.issuer_sign_tool_count = 3;
    owned.key_usage = vec!["keyEncipherment".to_owned()];
    owned.policies = vec!["1.2.643.100.113.9".to_owned()];
    let failed: Vec<Code> =
        check_profile(&owned.input()).reasons.iter().filter(|(ok, _)| !ok).map(|(_, f)| f.code).collect();
    assert_eq!(
        failed,
        [Code::QualIssuerSignTool, Code::QualClassPolicy, Code::QualKeyUsage, Code::QualSnils, Code::QualInn]
    );

    // Without any identifier the owner is unknown, and the profile fails.
    let v = check_profile(&qualified_extensions(attrs(&[("2.5.4.3", "server.test")])).input());
    assert_eq!((v.subject_kind, v.qualified_profile), (SubjectKind::Unknown, false));
    // An out-of-range IdentificationKind is an advisory.
    let mut odd = qualified_extensions(attrs(&PERSON));
    odd.identification_kind = Some(9);
    let v = check_profile(&odd.input());
    assert!(v.qualified_profile);
    assert!(!v.advisories[0].0);
    assert_eq!(v.advisories[0].1.get("value"), Some("9"));
}
