//! COS, the object layer of PDF (PDF Reference 1.4 §3.1–3.2): the lexer and the object parser.
//!
//! Our own parser rather than lopdf's: ISO 19005-1 6.1 asks about the bytes as written (hex
//! string syntax, name and number limits, spacing around `obj` and `stream`), which a repairing
//! loader hides, and the input is untrusted, so every step is bounded and nothing panics.
//! Syntax facts that PDF/A rules ask about are recorded as [`Issue`]s while parsing.

use std::fmt;

/// An object number and generation, `12 0`.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd, Hash)]
pub struct ObjId {
    /// The object number.
    pub num: u32,
    /// The generation number.
    pub gen: u16,
}

impl fmt::Display for ObjId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.num, self.gen)
    }
}

/// A PDF string with the facts 6.1.6 asks about.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfString {
    /// The decoded bytes.
    pub bytes: Vec<u8>,
    /// Written as `<...>`.
    pub hex: bool,
}

/// A COS object. Streams appear only as the value of an indirect object.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Object {
    /// `null`, also what a missing or broken object resolves to.
    #[default]
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer; values beyond `i64` saturate.
    Int(i64),
    /// A real number.
    Real(f64),
    /// A literal or hexadecimal string.
    Str(PdfString),
    /// A name, decoded (`#xx` escapes resolved), without the slash.
    Name(Vec<u8>),
    /// An array.
    Array(Vec<Object>),
    /// A dictionary.
    Dict(Dict),
    /// A stream: its dictionary and where its data is.
    Stream(Box<Stream>),
    /// An indirect reference `n g R`.
    Ref(ObjId),
}

/// A dictionary: entries in file order (duplicates kept; lookups take the first).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dict(pub Vec<(Vec<u8>, Object)>);

impl Dict {
    /// The value of `key`, unresolved.
    pub fn get(&self, key: &[u8]) -> Option<&Object> {
        self.0.iter().find(|(k, _)| k.as_slice() == key).map(|(_, v)| v)
    }

    /// The key is present (with any value, `null` included).
    pub fn has(&self, key: &[u8]) -> bool {
        self.0.iter().any(|(k, _)| k.as_slice() == key)
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries.
    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &Object)> {
        self.0.iter().map(|(k, v)| (k.as_slice(), v))
    }
}

/// Where a stream's data lies.
#[derive(Clone, Debug, PartialEq)]
pub struct Stream {
    /// The stream dictionary.
    pub dict: Dict,
    /// Offset of the first data byte in the file.
    pub start: usize,
    /// Number of data bytes: `Length` when it is right, else up to the EOL before `endstream`.
    pub len: usize,
}

impl Object {
    /// The dictionary of a dictionary or stream.
    pub fn dict(&self) -> Option<&Dict> {
        match self {
            Object::Dict(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// The name bytes.
    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Object::Name(n) => Some(n),
            _ => None,
        }
    }

    /// The integer value (reals are not integers).
    pub fn int(&self) -> Option<i64> {
        match self {
            Object::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The numeric value of an integer or real.
    pub fn number(&self) -> Option<f64> {
        match self {
            Object::Int(i) => Some(int_to_f64(*i)),
            Object::Real(r) => Some(*r),
            _ => None,
        }
    }

    /// The array items.
    pub fn array(&self) -> Option<&[Object]> {
        match self {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The string.
    pub fn string(&self) -> Option<&PdfString> {
        match self {
            Object::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean.
    pub fn boolean(&self) -> Option<bool> {
        match self {
            Object::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The reference.
    pub fn reference(&self) -> Option<ObjId> {
        match self {
            Object::Ref(id) => Some(*id),
            _ => None,
        }
    }

    /// The veraPDF-style type name, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Object::Null => "Null",
            Object::Bool(_) => "Boolean",
            Object::Int(_) => "Integer",
            Object::Real(_) => "Real",
            Object::Str(_) => "String",
            Object::Name(_) => "Name",
            Object::Array(_) => "Array",
            Object::Dict(_) => "Dictionary",
            Object::Stream(_) => "Stream",
            Object::Ref(_) => "Reference",
        }
    }
}

/// An `i64` as `f64`, saturating (never used for offsets).
pub fn int_to_f64(i: i64) -> f64 {
    // i64 -> f64 rounds for |i| > 2^53; that is the meaning wanted here.
    i32::try_from(i).map(f64::from).unwrap_or(if i > 0 { 9.3e18 } else { -9.3e18 })
}

/// A syntax fact about an object that a PDF/A rule asks about.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Issue {
    /// The rule id, such as `"6.1.6-1"`.
    pub rule: &'static str,
    /// What was found.
    pub detail: String,
}

/// PDF white-space characters (PDF Reference 1.4 Table 3.1).
pub fn is_white(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

/// PDF delimiter characters.
pub fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

/// A lexical token.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// An integer.
    Int(i64),
    /// A real.
    Real(f64),
    /// A string.
    Str(PdfString),
    /// A name.
    Name(Vec<u8>),
    /// `[`.
    ArrayOpen,
    /// `]`.
    ArrayClose,
    /// `<<`.
    DictOpen,
    /// `>>`.
    DictClose,
    /// `{` or `}` (PostScript calculator functions), kept as keywords.
    Brace(u8),
    /// Any other run of regular characters: `obj`, `R`, `true`, an operator.
    Keyword(Vec<u8>),
}

/// Limits of ISO 19005-1 6.1.12 that the lexer records as issues.
pub const MAX_INT: i64 = 2_147_483_647;
/// The smallest integer 6.1.12 allows.
pub const MIN_INT: i64 = -2_147_483_648;
/// The largest absolute real 6.1.12 allows.
pub const MAX_REAL: f64 = 32767.0;
/// The longest string, in bytes.
pub const MAX_STRING: usize = 65535;
/// The longest name, in bytes.
pub const MAX_NAME: usize = 127;
/// The largest array.
pub const MAX_ARRAY: usize = 8191;
/// The largest dictionary.
pub const MAX_DICT: usize = 4095;

/// A lexer over a byte slice. Cheap to copy, so the parser backtracks by copying it.
#[derive(Clone, Debug)]
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// Where the run of bytes read since the last seek starts (noted for
    /// [`sparse::note`](crate::pdf::sparse::note) when the lexer moves away or is dropped).
    from: usize,
    /// Record 6.1.x issues (off for xref streams and other internal parsing).
    pub record: bool,
    /// Issues found so far.
    pub issues: Vec<Issue>,
}

impl Drop for Lexer<'_> {
    fn drop(&mut self) {
        self.note_run();
    }
}

impl<'a> Lexer<'a> {
    /// A lexer at `pos`.
    pub fn new(data: &'a [u8], pos: usize) -> Self {
        Lexer { data, pos, from: pos, record: true, issues: Vec::new() }
    }

    /// The current position.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Moves to `pos`.
    pub fn seek(&mut self, pos: usize) {
        self.note_run();
        self.pos = pos.min(self.data.len());
        self.from = self.pos;
    }

    /// Notes the bytes read since the last seek, with a few around them a caller may look at.
    fn note_run(&self) {
        const AROUND: usize = 16;
        crate::pdf::sparse::note(self.data, self.from.saturating_sub(AROUND)..self.pos.saturating_add(AROUND));
    }

    /// The data.
    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The byte at the current position.
    pub fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    /// The byte at `pos`.
    pub fn at(&self, pos: usize) -> Option<u8> {
        self.data.get(pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos = self.pos.saturating_add(1);
        Some(b)
    }

    fn issue(&mut self, rule: &'static str, detail: String) {
        if self.record && self.issues.len() < 1000 {
            self.issues.push(Issue { rule, detail });
        }
    }

    /// Skips white space and comments.
    pub fn skip_white(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos = self.pos.saturating_add(1);
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\r' || c == b'\n' {
                        break;
                    }
                    self.pos = self.pos.saturating_add(1);
                }
            } else {
                break;
            }
        }
    }

    /// The next token, or `None` at the end of the data.
    pub fn next_token(&mut self) -> Option<Token> {
        self.skip_white();
        let b = self.peek()?;
        match b {
            b'[' => {
                self.pos += 1;
                Some(Token::ArrayOpen)
            }
            b']' => {
                self.pos += 1;
                Some(Token::ArrayClose)
            }
            b'{' | b'}' => {
                self.pos += 1;
                Some(Token::Brace(b))
            }
            b'<' => {
                if self.at(self.pos.saturating_add(1)) == Some(b'<') {
                    self.pos += 2;
                    Some(Token::DictOpen)
                } else {
                    self.pos += 1;
                    Some(Token::Str(self.hex_string()))
                }
            }
            b'>' => {
                self.pos += 1;
                if self.peek() == Some(b'>') {
                    self.pos += 1;
                    Some(Token::DictClose)
                } else {
                    Some(Token::Keyword(b">".to_vec()))
                }
            }
            b'(' => {
                self.pos += 1;
                Some(Token::Str(self.literal_string()))
            }
            b'/' => {
                self.pos += 1;
                Some(Token::Name(self.name()))
            }
            b')' => {
                self.pos += 1;
                Some(Token::Keyword(b")".to_vec()))
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                let word = self.data.get(start..self.pos).unwrap_or_default();
                Some(self.number_or_keyword(word))
            }
        }
    }

    fn number_or_keyword(&mut self, word: &[u8]) -> Token {
        let body = match word.first() {
            Some(b'+' | b'-') => word.get(1..).unwrap_or_default(),
            _ => word,
        };
        let digits = body.iter().filter(|b| b.is_ascii_digit()).count();
        let dots = body.iter().filter(|b| **b == b'.').count();
        let numeric = digits > 0 && dots <= 1 && digits + dots == body.len();
        if !numeric {
            return Token::Keyword(word.to_vec());
        }
        let text = std::str::from_utf8(word).unwrap_or("0");
        if dots == 0 {
            let value = text.parse::<i64>().unwrap_or(if word.first() == Some(&b'-') { i64::MIN } else { i64::MAX });
            if !(MIN_INT..=MAX_INT).contains(&value) {
                self.issue("6.1.12-1", format!("integer {text}"));
            }
            Token::Int(value)
        } else {
            let value = text.parse::<f64>().unwrap_or(0.0);
            if !(-MAX_REAL..=MAX_REAL).contains(&value) {
                self.issue("6.1.12-2", format!("real {text}"));
            }
            Token::Real(value)
        }
    }

    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            if !is_regular(b) {
                break;
            }
            self.pos += 1;
            if b == b'#' {
                let h = self.at(self.pos).and_then(hex_value);
                let l = self.at(self.pos.saturating_add(1)).and_then(hex_value);
                if let (Some(h), Some(l)) = (h, l) {
                    out.push(h * 16 + l);
                    self.pos += 2;
                    continue;
                }
            }
            out.push(b);
        }
        if out.len() > MAX_NAME {
            let shown = String::from_utf8_lossy(out.get(..40).unwrap_or_default()).into_owned();
            self.issue("6.1.12-4", format!("name of {} bytes /{shown}…", out.len()));
        }
        out
    }

    fn hex_string(&mut self) -> PdfString {
        let mut out = Vec::new();
        let mut count = 0usize;
        let mut pending: Option<u8> = None;
        let mut bad = false;
        while let Some(b) = self.bump() {
            if b == b'>' {
                break;
            }
            if is_white(b) {
                continue;
            }
            count += 1;
            let v = match hex_value(b) {
                Some(v) => v,
                None => {
                    bad = true;
                    0
                }
            };
            match pending.take() {
                Some(h) => out.push(h * 16 + v),
                None => pending = Some(v),
            }
        }
        if let Some(h) = pending {
            out.push(h * 16);
        }
        if count % 2 == 1 {
            self.issue("6.1.6-1", format!("hexadecimal string with {count} digits"));
        }
        if bad {
            self.issue("6.1.6-2", "hexadecimal string with a character outside 0-9, A-F, a-f".to_owned());
        }
        self.check_string_length(out.len());
        PdfString { bytes: out, hex: true }
    }

    fn literal_string(&mut self) -> PdfString {
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.bump() {
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => match self.bump() {
                    Some(b'n') => out.push(b'\n'),
                    Some(b'r') => out.push(b'\r'),
                    Some(b't') => out.push(b'\t'),
                    Some(b'b') => out.push(8),
                    Some(b'f') => out.push(12),
                    Some(b'\r') => {
                        if self.peek() == Some(b'\n') {
                            self.pos += 1;
                        }
                    }
                    Some(b'\n') => {}
                    Some(d @ b'0'..=b'7') => {
                        let mut v = u32::from(d - b'0');
                        for _ in 0..2 {
                            match self.peek() {
                                Some(e @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(e - b'0');
                                    self.pos += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(u8::try_from(v & 0xff).unwrap_or(0));
                    }
                    Some(other) => out.push(other),
                    None => break,
                },
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(b),
            }
        }
        self.check_string_length(out.len());
        PdfString { bytes: out, hex: false }
    }

    fn check_string_length(&mut self, len: usize) {
        if len > MAX_STRING {
            self.issue("6.1.12-3", format!("string of {len} bytes"));
        }
    }
}

/// The value of a hexadecimal digit.
pub fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Why an object could not be parsed.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum ParseError {
    /// The data ended inside the object.
    Eof,
    /// Nesting deeper than the limit.
    TooDeep,
    /// Something else than an object was found.
    Unexpected(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Eof => f.write_str("unexpected end of data"),
            ParseError::TooDeep => f.write_str("objects nested too deeply"),
            ParseError::Unexpected(what) => write!(f, "unexpected {what}"),
        }
    }
}

/// Parses objects from a lexer: direct objects with `n g R` references, no streams.
pub struct Parser<'a> {
    /// The lexer.
    pub lexer: Lexer<'a>,
    max_depth: usize,
    /// Read `n g R` as a reference (off in content streams, which have none).
    pub references: bool,
}

impl<'a> Parser<'a> {
    /// A parser at `pos` of `data`, nesting at most `max_depth` arrays and dictionaries.
    pub fn new(data: &'a [u8], pos: usize, max_depth: u16) -> Self {
        Parser { lexer: Lexer::new(data, pos), max_depth: usize::from(max_depth), references: true }
    }

    /// Parses one object.
    ///
    /// # Errors
    /// [`ParseError`] when the data ends, nests too deeply or holds no object here.
    pub fn object(&mut self) -> Result<Object, ParseError> {
        let token = self.lexer.next_token().ok_or(ParseError::Eof)?;
        self.object_from(token, 0)
    }

    /// Parses the object that starts with `token`.
    ///
    /// # Errors
    /// As [`Parser::object`].
    pub fn object_from(&mut self, token: Token, depth: usize) -> Result<Object, ParseError> {
        if depth > self.max_depth {
            return Err(ParseError::TooDeep);
        }
        match token {
            Token::Int(i) if self.references => Ok(self.maybe_reference(i)),
            Token::Int(i) => Ok(Object::Int(i)),
            Token::Real(r) => Ok(Object::Real(r)),
            Token::Str(s) => Ok(Object::Str(s)),
            Token::Name(n) => Ok(Object::Name(n)),
            Token::ArrayOpen => {
                let mut items = Vec::new();
                loop {
                    let t = self.lexer.next_token().ok_or(ParseError::Eof)?;
                    if t == Token::ArrayClose {
                        break;
                    }
                    if let Token::Keyword(k) = &t {
                        if is_object_end(k) {
                            return Err(ParseError::Unexpected(String::from_utf8_lossy(k).into_owned()));
                        }
                    }
                    items.push(self.object_from(t, depth + 1)?);
                }
                if items.len() > MAX_ARRAY {
                    self.lexer.issue("6.1.12-5", format!("array of {} elements", items.len()));
                }
                Ok(Object::Array(items))
            }
            Token::DictOpen => {
                let mut entries = Vec::new();
                loop {
                    let t = self.lexer.next_token().ok_or(ParseError::Eof)?;
                    let key = match t {
                        Token::DictClose => break,
                        Token::Name(n) => n,
                        Token::Keyword(k) if is_object_end(&k) => {
                            return Err(ParseError::Unexpected(String::from_utf8_lossy(&k).into_owned()))
                        }
                        _ => continue,
                    };
                    let vt = self.lexer.next_token().ok_or(ParseError::Eof)?;
                    if vt == Token::DictClose {
                        entries.push((key, Object::Null));
                        break;
                    }
                    let value = self.object_from(vt, depth + 1)?;
                    entries.push((key, value));
                }
                if entries.len() > MAX_DICT {
                    self.lexer.issue("6.1.12-6", format!("dictionary of {} entries", entries.len()));
                }
                Ok(Object::Dict(Dict(entries)))
            }
            Token::Keyword(k) => match k.as_slice() {
                b"true" => Ok(Object::Bool(true)),
                b"false" => Ok(Object::Bool(false)),
                b"null" => Ok(Object::Null),
                _ => Err(ParseError::Unexpected(String::from_utf8_lossy(&k).into_owned())),
            },
            Token::ArrayClose | Token::DictClose | Token::Brace(_) => {
                Err(ParseError::Unexpected("delimiter".to_owned()))
            }
        }
    }

    fn maybe_reference(&mut self, first: i64) -> Object {
        let saved = self.lexer.clone();
        if let (Some(Token::Int(gen)), Some(Token::Keyword(k))) = (self.lexer.next_token(), self.lexer.next_token()) {
            if k == b"R" {
                if let (Ok(num), Ok(gen)) = (u32::try_from(first), u16::try_from(gen)) {
                    return Object::Ref(ObjId { num, gen });
                }
            }
        }
        self.lexer = saved;
        Object::Int(first)
    }
}

fn is_object_end(k: &[u8]) -> bool {
    matches!(k, b"endobj" | b"stream" | b"endstream" | b"obj" | b"trailer" | b"xref" | b"startxref")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &[u8]) -> (Object, Vec<Issue>) {
        let mut p = Parser::new(text, 0, 100);
        let o = p.object().unwrap();
        (o, std::mem::take(&mut p.lexer.issues))
    }

    #[test]
    fn parses_nested_objects() {
        let (o, issues) = parse(b"<< /A [1 2.5 -3 (x\\(y\\)) <4140> /N#20x 4 0 R true null] /B << >> >>");
        assert!(issues.is_empty(), "{issues:?}");
        let d = o.dict().unwrap();
        let a = d.get(b"A").unwrap().array().unwrap();
        assert_eq!(a[0], Object::Int(1));
        assert_eq!(a[1], Object::Real(2.5));
        assert_eq!(a[3].string().unwrap().bytes, b"x(y)");
        assert_eq!(a[4].string().unwrap().bytes, b"A@");
        assert_eq!(a[5].name().unwrap(), b"N x");
        assert_eq!(a[6], Object::Ref(ObjId { num: 4, gen: 0 }));
        assert_eq!(a[7], Object::Bool(true));
    }

    #[test]
    fn records_hex_and_limit_issues() {
        let (_, issues) = parse(b"[<41 4> <4G> 2147483648 -32768.5 32767]");
        let rules: Vec<_> = issues.iter().map(|i| i.rule).collect();
        assert_eq!(rules, ["6.1.6-1", "6.1.6-2", "6.1.12-1", "6.1.12-2"]);
    }

    #[test]
    fn long_names_and_strings() {
        let mut text = b"[/".to_vec();
        text.extend(std::iter::repeat_n(b'a', 128));
        text.extend(b" (");
        text.extend(std::iter::repeat_n(b'b', 65536));
        text.extend(b")]");
        let (_, issues) = parse(&text);
        let rules: Vec<_> = issues.iter().map(|i| i.rule).collect();
        assert_eq!(rules, ["6.1.12-4", "6.1.12-3"]);
    }

    #[test]
    fn depth_is_bounded() {
        let text = [b'['; 500];
        let mut p = Parser::new(&text, 0, 100);
        assert_eq!(p.object(), Err(ParseError::TooDeep));
        let mut p = Parser::new(b"[1 2", 0, 100);
        assert_eq!(p.object(), Err(ParseError::Eof));
    }

    #[test]
    fn octal_and_line_continuation() {
        let (o, _) = parse(b"(a\\101\\\nb\r\nc)");
        assert_eq!(o.string().unwrap().bytes, b"aAb\nc");
    }
}
