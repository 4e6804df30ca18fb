//! The matrix as text for the CLI, and the catalogue as JSON for the JS API.

use serde_json::{json, Value};

use crate::check::Lang;
use crate::policy::catalogue::{DocumentType, Form, PortalGroup, WORK_RECORD_INFO_NAME_EN, WORK_RECORD_INFO_NAME_RU};
use crate::policy::tk223::{allowed, allowed_with, Allowed, Channel, Facts, Party, SignatureKind};

/// The short column headers of the matrix, one per [`SignatureKind`].
fn short(kind: SignatureKind) -> &'static str {
    match kind {
        SignatureKind::Ukep => "УКЭП",
        SignatureKind::UnepEgov => "УНЭП-Е",
        SignatureKind::UnepAgreement => "УНЭП-С",
        SignatureKind::PepGosuslugi => "ПЭП-Г",
        SignatureKind::PepAgreement => "ПЭП-С",
    }
}

fn width(text: &str) -> usize {
    text.chars().count()
}

fn pad(text: &str, to: usize) -> String {
    let mut s = text.to_owned();
    s.extend(std::iter::repeat_n(' ', to.saturating_sub(width(text))));
    s
}

fn pick(lang: Lang, ru: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ru => ru,
        Lang::En => en,
    }
}

/// The whole matrix as a readable table: one section per channel, a row per document type, a
/// column per party and signature kind, then the legal bases the rows refer to.
pub fn render_matrix(lang: Lang) -> String {
    let mut out = String::new();
    let mut bases: Vec<(&'static str, &'static str)> = Vec::new();
    out.push_str(pick(
        lang,
        "Виды электронной подписи кадровых документов (ст. 22.1–22.3 ТК РФ)\n",
        "Electronic signature kinds for personnel documents (Labour Code arts. 22.1–22.3)\n",
    ));
    out.push_str(pick(lang, "Обозначения:\n", "Legend:\n"));
    for kind in SignatureKind::ALL {
        let description = pick(lang, kind.description_ru(), kind.description_en());
        out.push_str(&format!("  {:<6} = {} — {}\n", short(*kind), kind.label(), description));
    }
    out.push_str(pick(
        lang,
        "  ✓ допускается, · не допускается, — сторона не подписывает\n",
        "  ✓ allowed, · not allowed, — the party does not sign\n",
    ));

    let names: Vec<&str> = DocumentType::ALL.iter().map(|d| pick(lang, d.info().name_ru, d.info().name_en)).collect();
    let name_width = names.iter().map(|n| width(n)).max().unwrap_or(0).max(8);
    let block: Vec<String> = SignatureKind::ALL.iter().map(|k| pad(short(*k), width(short(*k)))).collect();
    let block_header = block.join(" ");
    let block_width = width(&block_header);

    for channel in Channel::ALL {
        out.push('\n');
        out.push_str(&capitalize(pick(lang, channel.name_ru(), channel.name_en())));
        out.push('\n');
        let employer = pick(lang, "Работодатель", "Employer");
        let employee = pick(lang, "Работник", "Employee");
        let basis = pick(lang, "Основание", "Basis");
        out.push_str(&format!("{} | {} | {}\n", pad("", name_width), pad(employer, block_width), employee));
        out.push_str(&format!(
            "{} | {} | {} | {}\n",
            pad(pick(lang, "Документ", "Document"), name_width),
            block_header,
            block_header,
            basis
        ));
        out.push_str(&format!(
            "{}-+-{}-+-{}-+-{}\n",
            "-".repeat(name_width),
            "-".repeat(block_width),
            "-".repeat(block_width),
            "-".repeat(width(basis))
        ));
        for (doc, name) in DocumentType::ALL.iter().zip(&names) {
            if let Some((citation, _, _)) = doc.info().form.paper_reason() {
                let text = format!("{} ({citation})", pick(lang, "только на бумаге", "paper only"));
                out.push_str(&format!("{} | {}\n", pad(name, name_width), text));
                continue;
            }
            let mut cells = Vec::new();
            let mut refs = Vec::new();
            for party in Party::ALL {
                match allowed(*doc, *party, *channel) {
                    Ok(a) => {
                        cells.push(row_block(&a));
                        refs.push(basis_number(&mut bases, &a));
                    }
                    Err(_) => cells.push(not_signer_block()),
                }
            }
            let refs: Vec<String> = refs.iter().map(usize::to_string).collect();
            out.push_str(&format!("{} | {} | {}\n", pad(name, name_width), cells.join(" | "), refs.join(", ")));
        }
    }

    out.push('\n');
    out.push_str(pick(lang, "Основания:\n", "Legal bases:\n"));
    for (n, (ru, en)) in bases.iter().enumerate() {
        out.push_str(&format!("  {}. {}\n", n + 1, pick(lang, ru, en)));
    }
    let refused =
        allowed_with(DocumentType::WorkRecordBook, Party::Employer, Channel::Own, &Facts { work_book_refused: true });
    if let Ok(a) = refused {
        out.push_str(&format!(
            "\n{} {}: {} ({}).\n",
            pick(
                lang,
                "Если работник отказался от бумажной трудовой книжки:",
                "If the employee refused the paper work record book:"
            ),
            pick(lang, WORK_RECORD_INFO_NAME_RU, WORK_RECORD_INFO_NAME_EN),
            a.labels(),
            pick(lang, a.basis_ru, a.basis_en)
        ));
    }
    out
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn row_block(a: &Allowed) -> String {
    SignatureKind::ALL
        .iter()
        .map(|k| pad(if a.contains(*k) { "✓" } else { "·" }, width(short(*k))))
        .collect::<Vec<_>>()
        .join(" ")
}

fn not_signer_block() -> String {
    SignatureKind::ALL.iter().map(|k| pad("—", width(short(*k)))).collect::<Vec<_>>().join(" ")
}

/// The 1-based number of the allowed cell's basis, adding it to the list on first sight.
fn basis_number(bases: &mut Vec<(&'static str, &'static str)>, a: &Allowed) -> usize {
    match bases.iter().position(|(ru, _)| *ru == a.basis_ru) {
        Some(i) => i + 1,
        None => {
            bases.push((a.basis_ru, a.basis_en));
            bases.len()
        }
    }
}

/// One cell of the matrix as text: the allowed kinds and the legal basis, or why the party may
/// not sign the document electronically.
pub fn render_one(doc: DocumentType, party: Party, channel: Channel, lang: Lang) -> String {
    let info = doc.info();
    let mut out = format!("{} ({})\n", pick(lang, info.name_ru, info.name_en), info.id);
    out.push_str(&match lang {
        Lang::Ru => format!("Сторона: {}; канал: {}\n", party.name_ru(), channel.name_ru()),
        Lang::En => format!("Party: {}; channel: {}\n", party.name_en(), channel.name_en()),
    });
    match allowed(doc, party, channel) {
        Ok(a) => {
            out.push_str(&format!("{}: {}\n", pick(lang, "Допустимые подписи", "Allowed signatures"), a.labels()));
            out.push_str(&format!("{}: {}\n", pick(lang, "Основание", "Basis"), pick(lang, a.basis_ru, a.basis_en)));
        }
        Err(finding) => {
            let message = match lang {
                Lang::Ru => finding.message_ru(),
                Lang::En => finding.message_en(),
            };
            out.push_str(&format!("{}: {message}\n", pick(lang, "Недопустимо", "Not allowed")));
            if let Some((_, ru, en)) = info.form.paper_reason() {
                out.push_str(&format!("{}: {}\n", pick(lang, "Причина", "Reason"), pick(lang, ru, en)));
            }
        }
    }
    out
}

/// The catalogue for the JS API: the portal's groups, the signature kinds, and every document
/// type with its group, codifier, signers, form and its whole row of the matrix.
///
/// ```
/// let catalogue = ekdo_check::policy::catalogue_json();
/// assert_eq!(catalogue["types"][0]["id"], "employment_contract");
/// assert_eq!(catalogue["types"][0]["matrix"]["own"]["employer"]["kinds"][0], "ukep");
/// ```
pub fn catalogue_json() -> Value {
    let groups: Vec<&str> = PortalGroup::ALL.iter().map(|g| g.label()).collect();
    let kinds: Vec<Value> = SignatureKind::ALL
        .iter()
        .map(|k| {
            json!({
                "id": k.id(),
                "label": k.label(),
                "description_ru": k.description_ru(),
                "description_en": k.description_en(),
            })
        })
        .collect();
    let types: Vec<Value> = DocumentType::ALL
        .iter()
        .map(|doc| {
            let info = doc.info();
            let paper = info.form.paper_reason();
            let mut matrix = serde_json::Map::new();
            for channel in Channel::ALL {
                let mut row = serde_json::Map::new();
                for party in Party::ALL {
                    row.insert(party.as_str().to_owned(), cell_json(allowed(*doc, *party, *channel)));
                }
                matrix.insert(channel.as_str().to_owned(), Value::Object(row));
            }
            json!({
                "id": info.id,
                "name_ru": info.name_ru,
                "name_en": info.name_en,
                "group": info.group.label(),
                "codifier": info.codifier.code,
                "codifier_name": info.codifier.name,
                "signers": info.signers.as_str(),
                "electronic": matches!(info.form, Form::Electronic),
                "paper_unless_refused": matches!(info.form, Form::PaperUnlessRefused { .. }),
                "paper_citation": paper.map(|(c, _, _)| c),
                "paper_reason_ru": paper.map(|(_, ru, _)| ru),
                "paper_reason_en": paper.map(|(_, _, en)| en),
                "matrix": Value::Object(matrix),
            })
        })
        .collect();
    json!({ "groups": groups, "signature_kinds": kinds, "types": types })
}

fn cell_json(cell: Result<Allowed, crate::error::Finding>) -> Value {
    match cell {
        Ok(a) => json!({
            "kinds": a.kinds.iter().map(|k| k.id()).collect::<Vec<_>>(),
            "labels": a.kinds.iter().map(|k| k.label()).collect::<Vec<_>>(),
            "basis_ru": a.basis_ru,
            "basis_en": a.basis_en,
        }),
        Err(f) => json!({
            "kinds": [],
            "refused": f.code.as_str(),
            "message_ru": f.message_ru(),
            "message_en": f.message_en(),
        }),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn matrix_lists_every_type_in_both_languages() {
        for lang in [Lang::Ru, Lang::En] {
            let text = render_matrix(lang);
            for doc in DocumentType::ALL {
                let name = pick(lang, doc.info().name_ru, doc.info().name_en);
                assert!(text.matches(name).count() >= 2, "{name} in both sections");
            }
        }
        assert!(render_matrix(Lang::Ru).contains("только на бумаге"));
    }

    #[test]
    fn one_cell() {
        let text = render_one(DocumentType::EmploymentContract, Party::Employer, Channel::Own, Lang::Ru);
        assert!(text.contains("Допустимые подписи: УКЭП\n"), "{text}");
        let text = render_one(DocumentType::DismissalOrder, Party::Employer, Channel::Portal, Lang::En);
        assert!(text.contains("paper only"), "{text}");
    }
}
