//! Byte-level facts about a PDF file, read before (and apart from) lopdf, which repairs files.

/// The `%PDF-x.y` header.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Header {
    /// Byte offset of `%PDF-` (ISO 19005-1 6.1.2 wants 0).
    pub offset: usize,
    /// The version, such as `"1.4"`.
    pub version: String,
}

/// Finds the `%PDF-` header in the first 1024 bytes, as PDF readers do.
pub fn header(bytes: &[u8]) -> Option<Header> {
    let window = bytes.get(..bytes.len().min(1024))?;
    let offset = find(window, b"%PDF-")?;
    let rest = bytes.get(offset + 5..)?;
    let len = rest.iter().take(8).take_while(|b| b.is_ascii_digit() || **b == b'.').count();
    let version = std::str::from_utf8(rest.get(..len)?).ok()?;
    if version.is_empty() {
        return None;
    }
    Some(Header { offset, version: version.to_owned() })
}

/// The file has a `%%EOF` marker in its last 1024 bytes.
pub fn has_eof(bytes: &[u8]) -> bool {
    let start = bytes.len().saturating_sub(1024);
    bytes.get(start..).is_some_and(|tail| find(tail, b"%%EOF").is_some())
}

/// The first position of `needle` in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header() {
        assert_eq!(header(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").unwrap().version, "1.4");
        assert_eq!(header(b"junk%PDF-1.7\n").unwrap().offset, 4);
        assert!(header(b"hello").is_none());
        assert!(header(b"%PDF-\n").is_none());
        assert!(header(b"").is_none());
    }

    #[test]
    fn finds_eof() {
        assert!(has_eof(b"%PDF-1.4\n...%%EOF\n"));
        assert!(!has_eof(b"%PDF-1.4\n..."));
    }
}
