//! A readable summary of a report, Russian or English, for the CLI and for logs.
//!
//! It reads the report as JSON (`serde_json::Value`), so JS can pass back the object `check`
//! returned and get the same text as the Rust CLI path.

use std::fmt::Write;

use serde_json::Value;

use crate::check::Lang;

/// Renders a report (serialised as JSON) as text.
pub fn render_text(report: &Value, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let tr = |r: &'static str, e: &'static str| if ru { r } else { e };
    let msg_key = if ru { "message_ru" } else { "message_en" };
    let mut out = String::new();

    let ready = report.get("ready").and_then(Value::as_bool).unwrap_or(false);
    let _ = writeln!(
        out,
        "{}",
        if ready {
            tr("ГОТОВО К ЗАГРУЗКЕ на «Работа России»", "READY for upload to «Работа России»")
        } else {
            tr("НЕ ГОТОВО к загрузке на «Работа России»", "NOT READY for upload to «Работа России»")
        }
    );

    if let Some(doc) = report.get("document") {
        let size = doc.get("size").and_then(Value::as_u64).unwrap_or(0);
        let limit = doc.get("size_limit").and_then(Value::as_u64).unwrap_or(0);
        let size_ok = doc.get("size_ok").and_then(Value::as_bool).unwrap_or(false);
        let name = doc.get("file").and_then(Value::as_str).unwrap_or(tr("документ", "document"));
        let _ = writeln!(out, "\n{} {name}", tr("Документ:", "Document:"));
        let _ = writeln!(
            out,
            "  {} {size} {} {limit} {}",
            tr("размер", "size"),
            tr("байт из", "bytes of"),
            if size_ok { "✓" } else { "✗" }
        );
        if let Some(sha) = doc.get("sha256").and_then(Value::as_str) {
            let _ = writeln!(out, "  SHA-256 {sha}");
        }
        if let Some(pdfa) = doc.get("pdfa") {
            let verdict = pdfa.get("verdict").and_then(Value::as_str).unwrap_or("?");
            let claimed = pdfa.get("claimed").and_then(Value::as_str);
            let header = pdfa.get("header_version").and_then(Value::as_str).unwrap_or("-");
            let verdict_text = match verdict {
                "conforming" => tr("соответствует", "conforming"),
                "not-conforming" => tr("не соответствует", "not conforming"),
                "not-pdf" => tr("не PDF", "not a PDF"),
                _ => tr("не решено", "undecided"),
            };
            let _ = writeln!(
                out,
                "  PDF/A-1: {verdict_text} ({} {}, {} {header})",
                tr("заявлено", "claimed"),
                claimed.map(|c| format!("PDF/A-{c}")).unwrap_or_else(|| tr("ничего", "nothing").to_owned()),
                tr("заголовок", "header"),
            );
            for v in pdfa.get("violations").and_then(Value::as_array).into_iter().flatten() {
                let rule = v.get("rule").and_then(Value::as_str).unwrap_or("?");
                let status = v.get("status").and_then(Value::as_str).unwrap_or("");
                let count = v.get("count").and_then(Value::as_u64).unwrap_or(1);
                let text = v.get(msg_key).and_then(Value::as_str).unwrap_or("");
                let mark = if status == "not-checked" { "?" } else { "✗" };
                let times = if count > 1 { format!(" (×{count})") } else { String::new() };
                let _ = writeln!(out, "    {mark} {rule}{times}: {text}");
            }
        }
    }

    let signatures = report.get("signatures").and_then(Value::as_array);
    for sig in signatures.into_iter().flatten() {
        let file = sig.get("file").and_then(Value::as_str).unwrap_or("?");
        let encoding = sig.get("encoding").and_then(Value::as_str).unwrap_or("-");
        let _ = writeln!(out, "\n{} {file} ({encoding})", tr("Подпись:", "Signature:"));
        if let Some(error) = sig.get("error").filter(|e| !e.is_null()) {
            let text = error.get(msg_key).and_then(Value::as_str).unwrap_or("");
            let code = error.get("code").and_then(Value::as_str).unwrap_or("");
            let _ = writeln!(out, "  ✗ {code}: {text}");
        }
        for signer in sig.get("signers").and_then(Value::as_array).into_iter().flatten() {
            let field = |k: &str| signer.get(k).and_then(Value::as_str);
            let kind = field("kind").unwrap_or("?");
            let _ = writeln!(out, "  [{kind}] {}", field("subject_cn").unwrap_or("?"));
            for (label, key) in [
                (tr("Организация", "Organisation"), "organization"),
                (tr("Должность", "Title"), "title"),
                (tr("ИНН", "INN"), "inn"),
                (tr("ИНН ЮЛ", "INN (company)"), "innle"),
                (tr("СНИЛС", "SNILS"), "snils"),
                (tr("ОГРН", "OGRN"), "ogrn"),
                (tr("Издатель", "Issuer"), "issuer_cn"),
                (tr("Алгоритм", "Algorithm"), "key_algorithm"),
                (tr("Хэш", "Digest"), "digest_algorithm"),
            ] {
                if let Some(value) = field(key) {
                    let _ = writeln!(out, "    {label}: {value}");
                }
            }
            let yes_no = |v: Option<bool>| match v {
                Some(true) => tr("да", "yes"),
                Some(false) => tr("нет", "no"),
                None => tr("неизвестно", "unknown"),
            };
            let flag = |k: &str| signer.get(k).and_then(Value::as_bool);
            let _ =
                writeln!(out, "    {}: {}", tr("Подпись верна", "Signature valid"), yes_no(flag("signature_valid")));
            let _ = writeln!(
                out,
                "    {}: {}",
                tr("Сертификат действовал при подписании", "Certificate valid at signing"),
                yes_no(flag("cert_valid_at_signing"))
            );
            let _ = writeln!(
                out,
                "    {}: {}",
                tr("Квалифицированный профиль", "Qualified profile"),
                yes_no(flag("qualified_profile"))
            );
            let _ =
                writeln!(out, "    {}: {}", tr("УЦ аккредитован", "CA accredited"), yes_no(flag("issuer_accredited")));
            for reason in signer.get("reasons").and_then(Value::as_array).into_iter().flatten() {
                let ok = reason.get("ok").and_then(Value::as_bool).unwrap_or(false);
                let text = reason.get(msg_key).and_then(Value::as_str).unwrap_or("");
                let _ = writeln!(out, "      {} {text}", if ok { "✓" } else { "✗" });
            }
        }
    }
    if let Some(kind) = report.get("kind").and_then(Value::as_str) {
        let _ = writeln!(out, "\n{} {kind}", tr("Вид подписи для портала:", "Signature type for the portal:"));
    }

    if let Some(policy) = report.get("policy").filter(|p| !p.is_null()) {
        let ok = policy.get("ok").and_then(Value::as_bool).unwrap_or(false);
        let name =
            policy.get(if ru { "document_type_ru" } else { "document_type" }).and_then(Value::as_str).unwrap_or("?");
        let _ = writeln!(
            out,
            "\n{} {name}: {}",
            tr("Трудовой кодекс, ст. 22.3 —", "Labour Code art. 22.3 —"),
            if ok {
                tr("подписи допустимы", "signatures allowed")
            } else {
                tr("есть нарушения", "not allowed")
            }
        );
        for f in policy.get("findings").and_then(Value::as_array).into_iter().flatten() {
            let _ = writeln!(out, "  ✗ {}", f.get(msg_key).and_then(Value::as_str).unwrap_or(""));
        }
    }

    if let Some(upload) = report.get("upload") {
        if let Some(name) = upload.get("file_name").and_then(Value::as_str) {
            let _ = writeln!(out, "\n{} {name}", tr("Имя файла для портала:", "File name for the portal:"));
        }
        let blockers = upload.get("blockers").and_then(Value::as_array);
        if blockers.is_some_and(|b| !b.is_empty()) {
            let _ = writeln!(out, "\n{}", tr("Что мешает загрузке:", "What blocks the upload:"));
            for b in blockers.into_iter().flatten() {
                let code = b.get("code").and_then(Value::as_str).unwrap_or("");
                let _ = writeln!(out, "  ✗ {code}: {}", b.get(msg_key).and_then(Value::as_str).unwrap_or(""));
            }
        }
    }
    let warnings = report.get("warnings").and_then(Value::as_array);
    if warnings.is_some_and(|w| !w.is_empty()) {
        let _ = writeln!(out, "\n{}", tr("Предупреждения:", "Warnings:"));
        for w in warnings.into_iter().flatten() {
            let _ = writeln!(out, "  ! {}", w.get(msg_key).and_then(Value::as_str).unwrap_or(""));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check, Options, Time};

    #[test]
    fn renders_both_languages() {
        let report = check(b"not a pdf", &[], &Options::at(Time(0)));
        let value = serde_json::to_value(&report).unwrap();
        let ru = render_text(&value, Lang::Ru);
        assert!(ru.starts_with("НЕ ГОТОВО"), "{ru}");
        assert!(ru.contains("PDF_NOT_PDF"), "{ru}");
        let en = render_text(&value, Lang::En);
        assert!(en.starts_with("NOT READY"), "{en}");
        assert!(en.contains("The document is not a PDF file"), "{en}");
    }
}
