//! Stable error codes with Russian and English texts, and [`Finding`], a code with its context.
//!
//! A released code string never changes meaning: retire it, never reuse it. Every code has one
//! arm in [`Code::as_str`] and one in [`Code::texts`], so a missing translation does not compile.
//! Templates name their slots in braces (`{offset}`); [`Finding::args`] fills them.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

/// Stable error and finding codes, `AREA_WHAT`, in alphabetical order.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub enum Code {
    /// The CMS uses BER with an indefinite length that is never closed.
    CmsBerUnterminated,
    /// A DER or BER element is malformed.
    CmsMalformed,
    /// The file is not a CMS SignedData structure.
    CmsNotSignedData,
    /// The CMS data ends before a declared length.
    CmsTruncated,
    /// The input looks like a PDF, not a signature.
    CmsUnexpectedPdf,
    /// The input is neither DER/BER, PEM nor base64.
    CmsUnknownEncoding,
    /// The document is empty.
    InputEmpty,
    /// The input is larger than the configured maximum.
    InputTooLarge,
    /// An internal invariant failed; a bug report is welcome.
    Internal,
    /// The work budget ran out before the check finished.
    LimitBudget,
    /// A stream inflated beyond a decompression bound.
    LimitDecompressed,
    /// PDF objects are nested deeper than the bound.
    LimitNesting,
    /// The PDF has more objects than the bound.
    LimitObjects,
    /// The options given to `check` are invalid.
    OptionsInvalid,
    /// The time given in the options is not RFC 3339.
    OptionsTime,
    /// The PDF header is missing or malformed.
    PdfHeader,
    /// The file is not a PDF document.
    PdfNotPdf,
    /// The document does not claim PDF/A-1 in its XMP metadata.
    PdfNotPdfA1,
    /// The PDF file cannot be parsed.
    PdfParse,
    /// The document size is above 15 000 000 bytes but within 15 MiB.
    PdfSizeNearLimit,
    /// The document is larger than the portal accepts.
    PdfSizeOverLimit,
    /// The PDF is truncated (no `%%EOF`).
    PdfTruncated,
}

impl Code {
    /// Every code, in alphabetical order.
    pub const ALL: &'static [Code] = &[
        Code::CmsBerUnterminated,
        Code::CmsMalformed,
        Code::CmsNotSignedData,
        Code::CmsTruncated,
        Code::CmsUnexpectedPdf,
        Code::CmsUnknownEncoding,
        Code::InputEmpty,
        Code::InputTooLarge,
        Code::Internal,
        Code::LimitBudget,
        Code::LimitDecompressed,
        Code::LimitNesting,
        Code::LimitObjects,
        Code::OptionsInvalid,
        Code::OptionsTime,
        Code::PdfHeader,
        Code::PdfNotPdf,
        Code::PdfNotPdfA1,
        Code::PdfParse,
        Code::PdfSizeNearLimit,
        Code::PdfSizeOverLimit,
        Code::PdfTruncated,
    ];

    /// The stable string of this code, such as `"CMS_BER_UNTERMINATED"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::CmsBerUnterminated => "CMS_BER_UNTERMINATED",
            Code::CmsMalformed => "CMS_MALFORMED",
            Code::CmsNotSignedData => "CMS_NOT_SIGNED_DATA",
            Code::CmsTruncated => "CMS_TRUNCATED",
            Code::CmsUnexpectedPdf => "CMS_UNEXPECTED_PDF",
            Code::CmsUnknownEncoding => "CMS_UNKNOWN_ENCODING",
            Code::InputEmpty => "INPUT_EMPTY",
            Code::InputTooLarge => "INPUT_TOO_LARGE",
            Code::Internal => "INTERNAL",
            Code::LimitBudget => "LIMIT_BUDGET",
            Code::LimitDecompressed => "LIMIT_DECOMPRESSED",
            Code::LimitNesting => "LIMIT_NESTING",
            Code::LimitObjects => "LIMIT_OBJECTS",
            Code::OptionsInvalid => "OPTIONS_INVALID",
            Code::OptionsTime => "OPTIONS_TIME",
            Code::PdfHeader => "PDF_HEADER",
            Code::PdfNotPdf => "PDF_NOT_PDF",
            Code::PdfNotPdfA1 => "PDF_NOT_PDFA1",
            Code::PdfParse => "PDF_PARSE",
            Code::PdfSizeNearLimit => "PDF_SIZE_NEAR_LIMIT",
            Code::PdfSizeOverLimit => "PDF_SIZE_OVER_LIMIT",
            Code::PdfTruncated => "PDF_TRUNCATED",
        }
    }

    /// The (Russian, English) message templates of this code.
    pub const fn texts(self) -> (&'static str, &'static str) {
        match self {
            Code::CmsBerUnterminated => (
                "Подпись в кодировке BER: неопределённая длина не закрыта (байт {offset})",
                "The signature uses BER with an indefinite length that is never closed (byte {offset})",
            ),
            Code::CmsMalformed => (
                "Подпись повреждена: неверная структура ASN.1 (байт {offset}: {detail})",
                "The signature is malformed ASN.1 (byte {offset}: {detail})",
            ),
            Code::CmsNotSignedData => (
                "Файл не является подписью CMS SignedData (тип содержимого {oid})",
                "The file is not a CMS SignedData signature (content type {oid})",
            ),
            Code::CmsTruncated => (
                "Файл подписи обрезан: данные кончаются раньше объявленной длины (байт {offset})",
                "The signature file is truncated: the data ends before a declared length (byte {offset})",
            ),
            Code::CmsUnexpectedPdf => {
                ("Вместо файла подписи передан PDF-документ", "A PDF document was given instead of a signature file")
            }
            Code::CmsUnknownEncoding => {
                ("Файл подписи не в DER, BER, PEM или base64", "The signature file is not DER, BER, PEM or base64")
            }
            Code::InputEmpty => ("Файл «{file}» пуст", "The file «{file}» is empty"),
            Code::InputTooLarge => (
                "Файл «{file}» слишком велик: {size} байт, предел {limit} байт",
                "The file «{file}» is too large: {size} bytes, the limit is {limit} bytes",
            ),
            Code::Internal => ("Внутренняя ошибка проверки: {detail}", "Internal error of the checker: {detail}"),
            Code::LimitBudget => (
                "Проверка остановлена: исчерпан предел работы ({what}); вердикт не вынесен",
                "The check stopped: the work limit ran out ({what}); no verdict",
            ),
            Code::LimitDecompressed => (
                "Проверка PDF/A остановлена: поток «{what}» распаковывается сверх предела ({limit} байт на поток, общий предел или степень сжатия); вердикт не вынесен",
                "The PDF/A check stopped: the stream «{what}» inflates beyond a bound ({limit} bytes per stream, the total or the ratio); no verdict",
            ),
            Code::LimitNesting => (
                "Проверка PDF/A остановлена: {what} вложен глубже предела {limit}; вердикт не вынесен",
                "The PDF/A check stopped: {what} is nested deeper than the limit {limit}; no verdict",
            ),
            Code::LimitObjects => (
                "Проверка PDF/A остановлена: в файле {count} объектов, предел {limit}; вердикт не вынесен",
                "The PDF/A check stopped: the file has {count} objects, the limit is {limit}; no verdict",
            ),
            Code::OptionsInvalid => ("Неверный параметр проверки: {detail}", "Invalid check option: {detail}"),
            Code::OptionsTime => (
                "Время «{value}» не в формате RFC 3339 (например, 2026-11-25T12:00:00Z)",
                "The time «{value}» is not RFC 3339 (for example 2026-11-25T12:00:00Z)",
            ),
            Code::PdfHeader => {
                ("Заголовок PDF отсутствует или неверен: {detail}", "The PDF header is missing or malformed: {detail}")
            }
            Code::PdfNotPdf => ("Документ не является файлом PDF", "The document is not a PDF file"),
            Code::PdfNotPdfA1 => (
                "Документ не заявлен как PDF/A-1: в метаданных XMP нет pdfaid:part = 1 ({detail})",
                "The document does not claim PDF/A-1: its XMP metadata has no pdfaid:part = 1 ({detail})",
            ),
            Code::PdfParse => ("Не удалось разобрать PDF: {detail}", "The PDF cannot be parsed: {detail}"),
            Code::PdfSizeNearLimit => (
                "Размер {size} байт больше 15 000 000: портал может считать «15 Мб» в десятичных мегабайтах",
                "The size {size} bytes is above 15,000,000: the portal may count «15 MB» in decimal megabytes",
            ),
            Code::PdfSizeOverLimit => (
                "Документ слишком велик для портала: {size} байт, предел {limit} байт (15 МиБ)",
                "The document is too large for the portal: {size} bytes, the limit is {limit} bytes (15 MiB)",
            ),
            Code::PdfTruncated => {
                ("Файл PDF обрезан: нет маркера %%EOF", "The PDF file is truncated: there is no %%EOF marker")
            }
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A code with the context that fills its message: what went wrong, and where.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Finding {
    /// The stable code.
    pub code: Code,
    /// Named values for the message slots, in the order they were added.
    pub args: Vec<(&'static str, String)>,
}

impl Finding {
    /// A finding without context.
    pub fn new(code: Code) -> Self {
        Finding { code, args: Vec::new() }
    }

    /// Adds a named value for a slot of the message.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The value of a named argument.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// The Russian message with its slots filled.
    pub fn message_ru(&self) -> String {
        fill(self.code.texts().0, &self.args)
    }

    /// The English message with its slots filled.
    pub fn message_en(&self) -> String {
        fill(self.code.texts().1, &self.args)
    }

    /// The finding as the report writes it.
    pub fn to_message(&self) -> Message {
        Message {
            code: self.code.as_str().to_owned(),
            message_ru: self.message_ru(),
            message_en: self.message_en(),
            args: self.args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        }
    }
}

impl From<Code> for Finding {
    fn from(code: Code) -> Self {
        Finding::new(code)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message_en())
    }
}

impl std::error::Error for Finding {}

/// A coded message as the report carries it: the code, both texts and the arguments, so a
/// frontend can re-render it.
#[derive(Clone, Debug, Eq, PartialEq, Serialize)]
pub struct Message {
    /// The stable code, such as `"PDF_NOT_PDF"`.
    pub code: String,
    /// The Russian text.
    pub message_ru: String,
    /// The English text.
    pub message_en: String,
    /// The values that filled the message slots.
    pub args: BTreeMap<String, String>,
}

/// Fills `{name}` slots of a template; a slot without a value is left as it is.
fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        match after.find('}') {
            Some(close) => {
                let name = after.get(1..close).unwrap_or_default();
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(after.get(..=close).unwrap_or_default()),
                }
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The slot names a template uses, in order.
pub fn slots(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        match after.find('}') {
            Some(close) => {
                names.push(after.get(..close).unwrap_or_default());
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => break,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_translated() {
        let mut seen = std::collections::BTreeSet::new();
        let mut previous = "";
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(s > previous, "{s} is out of alphabetical order");
            previous = s;
            let (ru, en) = code.texts();
            assert!(!ru.trim().is_empty() && !en.trim().is_empty(), "{s} lacks a text");
            let mut ru_slots = slots(ru);
            let mut en_slots = slots(en);
            ru_slots.sort_unstable();
            en_slots.sort_unstable();
            assert_eq!(ru_slots, en_slots, "{s}: the two texts use different slots");
        }
    }

    #[test]
    fn golden_list_matches() {
        let golden = include_str!("../tests/data/codes.txt");
        let listed: Vec<&str> = golden.lines().filter(|l| !l.trim().is_empty()).collect();
        let actual: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, actual, "tests/data/codes.txt must list every code in order");
    }

    #[test]
    fn fills_slots() {
        let f = Finding::new(Code::InputTooLarge).arg("file", "a.pdf").arg("size", 10).arg("limit", 5);
        assert_eq!(f.message_en(), "The file «a.pdf» is too large: 10 bytes, the limit is 5 bytes");
        assert!(f.message_ru().contains("a.pdf"));
        let m = f.to_message();
        assert_eq!(m.code, "INPUT_TOO_LARGE");
        assert_eq!(m.args.get("size").map(String::as_str), Some("10"));
    }
}
