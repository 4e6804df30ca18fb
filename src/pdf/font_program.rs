//! Embedded font programs, read just far enough for ISO 19005-1 6.3: which glyphs a program
//! defines (6.3.5), their widths (6.3.6) and a TrueType program's `cmap` encodings (6.3.7).
//!
//! - TrueType (Apple TrueType Reference / OpenType spec): `maxp`, `head`, `hhea`, `hmtx`,
//!   `cmap` formats 0, 4, 6 and 12, `loca`/`glyf` lengths.
//! - Type 1 (Adobe Type 1 Font Format): `eexec` decryption, `/CharStrings` names and the
//!   `hsbw`/`sbw` widths, the built-in `/Encoding`.
//! - CFF (Adobe Technical Note #5176): INDEXes, the Top DICT, charsets (glyph names or CIDs), the
//!   built-in encoding.
//!
//! Every read is bounds-checked; a malformed program is `None`, never a panic.

use std::collections::{BTreeMap, BTreeSet};

use crate::pdf::font_data;

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*d.get(at)?, *d.get(at.checked_add(1)?)?]))
}

fn i16_at(d: &[u8], at: usize) -> Option<i16> {
    Some(i16::from_be_bytes([*d.get(at)?, *d.get(at.checked_add(1)?)?]))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    let b = d.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([*b.first()?, *b.get(1)?, *b.get(2)?, *b.get(3)?]))
}

fn usize_from(v: u32) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

/// A TrueType program.
#[derive(Clone, Debug)]
pub struct TrueType {
    data: Vec<u8>,
    tables: BTreeMap<[u8; 4], (usize, usize)>,
    /// `maxp.numGlyphs`.
    pub num_glyphs: u16,
    units_per_em: u16,
    /// `cmap` subtables: (platform, encoding, offset within the file).
    pub cmaps: Vec<(u16, u16, usize)>,
}

impl TrueType {
    /// Reads the table directory and the tables 6.3 needs.
    pub fn parse(data: Vec<u8>) -> Option<Self> {
        let count = usize::from(u16_at(&data, 4)?);
        let mut tables = BTreeMap::new();
        for i in 0..count.min(256) {
            let rec = 12usize.checked_add(i.checked_mul(16)?)?;
            let tag: [u8; 4] = data.get(rec..rec + 4)?.try_into().ok()?;
            let offset = usize_from(u32_at(&data, rec + 8)?);
            let length = usize_from(u32_at(&data, rec + 12)?);
            if offset.checked_add(length).is_some_and(|end| end <= data.len()) {
                tables.insert(tag, (offset, length));
            }
        }
        let mut font = TrueType { data, tables, num_glyphs: 0, units_per_em: 1000, cmaps: Vec::new() };
        let (maxp, _) = *font.tables.get(b"maxp")?;
        font.num_glyphs = u16_at(&font.data, maxp + 4)?;
        if let Some(&(head, _)) = font.tables.get(b"head") {
            font.units_per_em = u16_at(&font.data, head + 18).filter(|u| *u > 0).unwrap_or(1000);
        }
        if let Some(&(cmap, len)) = font.tables.get(b"cmap") {
            let n = usize::from(u16_at(&font.data, cmap + 2).unwrap_or(0));
            for i in 0..n.min(64) {
                let rec = cmap + 4 + i * 8;
                let (Some(p), Some(e), Some(off)) =
                    (u16_at(&font.data, rec), u16_at(&font.data, rec + 2), u32_at(&font.data, rec + 4))
                else {
                    break;
                };
                if usize_from(off) < len {
                    font.cmaps.push((p, e, cmap + usize_from(off)));
                }
            }
        }
        Some(font)
    }

    /// The glyph of `code` in the `cmap` subtable (platform, encoding).
    pub fn lookup(&self, platform: u16, encoding: u16, code: u32) -> Option<u16> {
        let &(_, _, at) = self.cmaps.iter().find(|(p, e, _)| *p == platform && *e == encoding)?;
        let d = &self.data;
        match u16_at(d, at)? {
            0 => {
                let c = usize::try_from(code).ok().filter(|c| *c < 256)?;
                d.get(at + 6 + c).map(|g| u16::from(*g))
            }
            4 => {
                let code = u16::try_from(code).ok()?;
                let segs = usize::from(u16_at(d, at + 6)? / 2);
                let ends = at + 14;
                let starts = ends + segs * 2 + 2;
                let deltas = starts + segs * 2;
                let offsets = deltas + segs * 2;
                for s in 0..segs.min(65536) {
                    let end = u16_at(d, ends + s * 2)?;
                    if code > end {
                        continue;
                    }
                    let start = u16_at(d, starts + s * 2)?;
                    if code < start {
                        return None;
                    }
                    let delta = u16_at(d, deltas + s * 2)?;
                    let range = u16_at(d, offsets + s * 2)?;
                    if range == 0 {
                        return Some(code.wrapping_add(delta));
                    }
                    let at = offsets + s * 2 + usize::from(range) + usize::from(code - start) * 2;
                    let g = u16_at(d, at)?;
                    return (g != 0).then(|| g.wrapping_add(delta));
                }
                None
            }
            6 => {
                let first = u32::from(u16_at(d, at + 6)?);
                let count = u32::from(u16_at(d, at + 8)?);
                let i = code.checked_sub(first).filter(|i| *i < count)?;
                u16_at(d, at + 10 + usize_from(i) * 2)
            }
            12 => {
                let groups = usize_from(u32_at(d, at + 12)?);
                for g in 0..groups.min(1 << 16) {
                    let rec = at + 16 + g * 12;
                    let (start, end, gid) = (u32_at(d, rec)?, u32_at(d, rec + 4)?, u32_at(d, rec + 8)?);
                    if (start..=end).contains(&code) {
                        return u16::try_from(gid.checked_add(code - start)?).ok();
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// The advance width of a glyph, in 1/1000 em.
    pub fn width(&self, gid: u16) -> Option<f64> {
        let &(hhea, _) = self.tables.get(b"hhea")?;
        let &(hmtx, len) = self.tables.get(b"hmtx")?;
        let metrics = u16_at(&self.data, hhea + 34)?;
        let index = usize::from(gid.min(metrics.saturating_sub(1)));
        if index * 4 + 2 > len {
            return None;
        }
        let advance = u16_at(&self.data, hmtx + index * 4)?;
        Some(f64::from(advance) * 1000.0 / f64::from(self.units_per_em))
    }

    /// The glyph exists (below `numGlyphs`).
    pub fn has_glyph(&self, gid: u16) -> bool {
        gid < self.num_glyphs
    }
}

/// A Type 1 program.
#[derive(Clone, Debug, Default)]
pub struct Type1 {
    /// Glyph names with their widths (1/1000 em), `None` when the charstring has no width.
    pub glyphs: BTreeMap<String, Option<f64>>,
    /// The built-in encoding: code to name.
    pub encoding: BTreeMap<u8, String>,
    /// The program uses StandardEncoding.
    pub standard_encoding: bool,
}

fn decrypt(data: &[u8], key: u16, skip: usize) -> Vec<u8> {
    let mut r = key;
    let mut out = Vec::with_capacity(data.len());
    for &c in data {
        out.push(c ^ u8::try_from(r >> 8).unwrap_or(0));
        r = u16::from(c).wrapping_add(r).wrapping_mul(52845).wrapping_add(22719);
    }
    out.get(skip..).unwrap_or_default().to_vec()
}

impl Type1 {
    /// Reads a Type 1 program (PFB segments are not expected in PDF; PFA hex is handled).
    pub fn parse(data: &[u8]) -> Option<Self> {
        let mut font = Type1::default();
        let eexec = crate::pdf::raw::find(data, b"eexec")?;
        let clear = data.get(..eexec)?;
        font.read_encoding(clear);
        let mut start = eexec + 5;
        while data.get(start).is_some_and(|b| crate::pdf::cos::is_white(*b)) {
            start += 1;
        }
        let body = data.get(start..)?;
        let hex = body.iter().take(4).all(u8::is_ascii_hexdigit);
        let encrypted: Vec<u8> = if hex {
            let digits: Vec<u8> = body.iter().filter_map(|b| crate::pdf::cos::hex_value(*b)).collect();
            digits
                .chunks_exact(2)
                .map(|p| p.first().copied().unwrap_or(0) * 16 + p.get(1).copied().unwrap_or(0))
                .collect()
        } else {
            body.to_vec()
        };
        let private = decrypt(&encrypted, 55665, 4);
        let len_iv = find_int_after(&private, b"/lenIV").and_then(|v| usize::try_from(v).ok()).unwrap_or(4);
        let scale = font_matrix_scale(clear);
        let at = crate::pdf::raw::find(&private, b"/CharStrings")?;
        let mut i = at + 12;
        // `/name len RD <bytes> ND` entries.
        while i < private.len() {
            let Some(slash) = private.get(i..).and_then(|r| r.iter().position(|b| *b == b'/')) else { break };
            let mut j = i + slash + 1;
            let name_start = j;
            while private.get(j).is_some_and(|b| !crate::pdf::cos::is_white(*b) && !crate::pdf::cos::is_delimiter(*b)) {
                j += 1;
            }
            let name = String::from_utf8_lossy(private.get(name_start..j)?).into_owned();
            let rest = private.get(j..)?;
            let text = String::from_utf8_lossy(rest.get(..rest.len().min(40))?).into_owned();
            let mut words = text.split_whitespace();
            let (Some(len), Some(rd)) = (words.next().and_then(|w| w.parse::<usize>().ok()), words.next()) else {
                if name == "end" || font.glyphs.len() > 100_000 {
                    break;
                }
                i = j;
                continue;
            };
            let rd_at = j + text.find(rd).unwrap_or(0) + rd.len() + 1;
            let Some(cs) = private.get(rd_at..rd_at.checked_add(len)?) else { break };
            let width = charstring_width(&decrypt(cs, 4330, len_iv)).map(|w| w * scale);
            font.glyphs.insert(name, width);
            i = rd_at + len;
            if font.glyphs.len() > 100_000 {
                break;
            }
        }
        Some(font)
    }

    fn read_encoding(&mut self, clear: &[u8]) {
        let Some(at) = crate::pdf::raw::find(clear, b"/Encoding") else { return };
        let rest = clear.get(at + 9..).unwrap_or_default();
        let head = String::from_utf8_lossy(rest.get(..rest.len().min(40)).unwrap_or_default()).into_owned();
        if head.trim_start().starts_with("StandardEncoding") {
            self.standard_encoding = true;
            return;
        }
        let text = String::from_utf8_lossy(rest);
        let mut words = text.split_whitespace().take(4096).peekable();
        while let Some(w) = words.next() {
            if w == "readonly" || w == "def" {
                break;
            }
            if w == "dup" {
                let code = words.next().and_then(|c| c.parse::<u8>().ok());
                let name = words.next().and_then(|n| n.strip_prefix('/')).map(str::to_owned);
                if let (Some(code), Some(name)) = (code, name) {
                    self.encoding.insert(code, name);
                }
            }
        }
    }

    /// The glyph name of a code by the built-in encoding.
    pub fn name_of(&self, code: u8) -> Option<String> {
        if self.standard_encoding {
            return font_data::glyph_name(font_data::Encoding::Standard, code).map(str::to_owned);
        }
        self.encoding.get(&code).cloned()
    }
}

fn find_int_after(data: &[u8], key: &[u8]) -> Option<i64> {
    let at = crate::pdf::raw::find(data, key)?;
    let rest = data.get(at + key.len()..)?;
    let text = String::from_utf8_lossy(rest.get(..rest.len().min(20))?).into_owned();
    text.split_whitespace().next()?.parse().ok()
}

/// The x scale of `/FontMatrix` times 1000 (1.0 for the usual `[0.001 0 0 0.001 0 0]`).
fn font_matrix_scale(clear: &[u8]) -> f64 {
    let Some(at) = crate::pdf::raw::find(clear, b"/FontMatrix") else { return 1.0 };
    let rest = clear.get(at + 11..).unwrap_or_default();
    let text = String::from_utf8_lossy(rest.get(..rest.len().min(80)).unwrap_or_default()).into_owned();
    let inner = text.trim_start().trim_start_matches(['[', '{']);
    inner.split_whitespace().next().and_then(|v| v.parse::<f64>().ok()).map_or(1.0, |a| a * 1000.0)
}

/// The width of a Type 1 charstring: the second operand of `hsbw` or the third of `sbw`.
fn charstring_width(cs: &[u8]) -> Option<f64> {
    let mut stack: Vec<f64> = Vec::new();
    let mut i = 0usize;
    while let Some(&v) = cs.get(i) {
        i += 1;
        match v {
            32..=246 => stack.push(f64::from(i16::from(v) - 139)),
            247..=250 => {
                let w = *cs.get(i)?;
                i += 1;
                stack.push(f64::from((i16::from(v) - 247) * 256 + i16::from(w) + 108));
            }
            251..=254 => {
                let w = *cs.get(i)?;
                i += 1;
                stack.push(f64::from(-(i16::from(v) - 251) * 256 - i16::from(w) - 108));
            }
            255 => {
                let n = i32::from_be_bytes([*cs.get(i)?, *cs.get(i + 1)?, *cs.get(i + 2)?, *cs.get(i + 3)?]);
                i += 4;
                stack.push(f64::from(n));
            }
            13 => return stack.get(1).copied(),
            12 => {
                let op = *cs.get(i)?;
                i += 1;
                if op == 7 {
                    return stack.get(2).copied();
                }
                if op == 12 && stack.len() >= 2 {
                    let b = stack.pop()?;
                    let a = stack.pop()?;
                    stack.push(if b == 0.0 { 0.0 } else { a / b });
                    continue;
                }
                stack.clear();
            }
            _ => return None,
        }
        if stack.len() > 48 {
            return None;
        }
    }
    None
}

/// A CFF program (Type1C or CIDFontType0C).
#[derive(Clone, Debug, Default)]
pub struct Cff {
    /// CID-keyed (has `ROS`).
    pub cid: bool,
    /// Glyph names by GID (name-keyed fonts).
    pub names: Vec<String>,
    /// The CIDs of a CID-keyed font, sorted.
    pub cids: Vec<u32>,
    /// The CID of each GID (CID-keyed fonts).
    pub gid_cids: Vec<u32>,
    /// Advance widths by GID (1/1000 em), where the charstring states them.
    pub widths: Vec<Option<f64>>,
    /// The built-in encoding: code to GID.
    pub encoding: BTreeMap<u8, u16>,
    /// The built-in encoding is StandardEncoding.
    pub standard_encoding: bool,
}

fn index(d: &[u8], at: usize) -> Option<(Vec<(usize, usize)>, usize)> {
    let count = usize::from(u16_at(d, at)?);
    if count == 0 {
        return Some((Vec::new(), at + 2));
    }
    let size = usize::from(*d.get(at + 2)?);
    if !(1..=4).contains(&size) {
        return None;
    }
    let offset = |i: usize| -> Option<usize> {
        let start = at + 3 + i * size;
        let bytes = d.get(start..start + size)?;
        Some(usize_from(bytes.iter().fold(0u32, |a, b| (a << 8) | u32::from(*b))))
    };
    let data_start = at + 3 + (count + 1) * size - 1;
    let mut items = Vec::with_capacity(count.min(65536));
    for i in 0..count {
        let (s, e) = (offset(i)?, offset(i + 1)?);
        if e < s || data_start + e > d.len() {
            return None;
        }
        items.push((data_start + s, data_start + e));
    }
    let end = data_start + offset(count)?;
    Some((items, end))
}

/// Top DICT operators: operator (12 x as 1200 + x) -> operands.
fn dict(d: &[u8]) -> BTreeMap<u16, Vec<f64>> {
    let mut out = BTreeMap::new();
    let mut operands = Vec::new();
    let mut i = 0usize;
    while let Some(&b) = d.get(i) {
        i += 1;
        match b {
            0..=21 => {
                let op = if b == 12 {
                    let x = d.get(i).copied().unwrap_or(0);
                    i += 1;
                    1200 + u16::from(x)
                } else {
                    u16::from(b)
                };
                out.insert(op, std::mem::take(&mut operands));
            }
            28 => {
                operands.push(f64::from(i16_at(d, i).unwrap_or(0)));
                i += 2;
            }
            29 => {
                operands.push(f64::from(u32_at(d, i).map(|v| i32::from_be_bytes(v.to_be_bytes())).unwrap_or(0)));
                i += 4;
            }
            30 => {
                // Real: nibbles 0-9, a '.', b 'E', c 'E-', e '-', f end.
                let mut text = String::new();
                'real: while let Some(&n) = d.get(i) {
                    i += 1;
                    for nibble in [n >> 4, n & 0x0f] {
                        match nibble {
                            0..=9 => text.push(char::from(b'0' + nibble)),
                            0xa => text.push('.'),
                            0xb => text.push('E'),
                            0xc => text.push_str("E-"),
                            0xe => text.push('-'),
                            0xf => break 'real,
                            _ => {}
                        }
                    }
                    if text.len() > 64 {
                        break;
                    }
                }
                operands.push(text.parse().unwrap_or(0.0));
            }
            32..=246 => operands.push(f64::from(i16::from(b) - 139)),
            247..=250 => {
                let w = d.get(i).copied().unwrap_or(0);
                i += 1;
                operands.push(f64::from((i16::from(b) - 247) * 256 + i16::from(w) + 108));
            }
            251..=254 => {
                let w = d.get(i).copied().unwrap_or(0);
                i += 1;
                operands.push(f64::from(-(i16::from(b) - 251) * 256 - i16::from(w) - 108));
            }
            _ => {}
        }
        if operands.len() > 48 {
            operands.clear();
        }
    }
    out
}

fn offset_of(top: &BTreeMap<u16, Vec<f64>>, op: u16) -> Option<usize> {
    let v = *top.get(&op)?.last()?;
    if !(0.0..4.0e9).contains(&v) || v.fract() != 0.0 {
        return None;
    }
    format!("{v:.0}").parse().ok()
}

/// `(defaultWidthX, nominalWidthX)` of a Private DICT given by a font DICT's `Private` operands.
fn private_widths(d: &[u8], font_dict: &BTreeMap<u16, Vec<f64>>) -> (f64, f64) {
    let private = font_dict.get(&18).and_then(|ops| {
        let size = usize::try_from(format!("{:.0}", ops.first()?).parse::<u64>().ok()?).ok()?;
        let offset = usize::try_from(format!("{:.0}", ops.get(1)?).parse::<u64>().ok()?).ok()?;
        Some(dict(d.get(offset..offset.checked_add(size)?)?))
    });
    let value = |op: u16| private.as_ref().and_then(|p| p.get(&op)).and_then(|v| v.first().copied()).unwrap_or(0.0);
    (value(20), value(21))
}

/// The advance width of every glyph whose charstring states it before any subroutine call.
fn widths(d: &[u8], top: &BTreeMap<u16, Vec<f64>>, glyphs: &[(usize, usize)]) -> Vec<Option<f64>> {
    // FontMatrix (12 7) scales glyph space to text space; 1000 units to the em by default.
    let scale = top.get(&1207).and_then(|m| m.first()).filter(|a| **a > 0.0).map_or(1.0, |a| a * 1000.0);
    // Name-keyed: one Private DICT. CID-keyed: FDArray and FDSelect choose one per glyph.
    let mut privates = vec![private_widths(d, top)];
    let mut select: Option<Vec<u8>> = None;
    if let Some(fd_array) = offset_of(top, 1236) {
        if let Some((fds, _)) = index(d, fd_array) {
            privates = fds.iter().filter_map(|(s, e)| d.get(*s..*e)).map(|fd| private_widths(d, &dict(fd))).collect();
        }
        if let Some(at) = offset_of(top, 1237) {
            select = fd_select(d, at, glyphs.len());
        }
    }
    glyphs
        .iter()
        .enumerate()
        .map(|(gid, (s, e))| {
            let fd = select.as_ref().map_or(0, |sel| usize::from(sel.get(gid).copied().unwrap_or(0)));
            let (default, nominal) = privates.get(fd).copied().unwrap_or((0.0, 0.0));
            type2_width(d.get(*s..*e)?, default, nominal).map(|w| w * scale)
        })
        .collect()
}

fn fd_select(d: &[u8], at: usize, glyphs: usize) -> Option<Vec<u8>> {
    match *d.get(at)? {
        0 => d.get(at + 1..at + 1 + glyphs).map(<[u8]>::to_vec),
        3 => {
            let ranges = usize::from(u16_at(d, at + 1)?);
            let mut out = vec![0u8; glyphs];
            for r in 0..ranges.min(65536) {
                let first = usize::from(u16_at(d, at + 3 + r * 3)?);
                let fd = *d.get(at + 5 + r * 3)?;
                let next = usize::from(u16_at(d, at + 6 + r * 3)?);
                for slot in out.iter_mut().take(next.min(glyphs)).skip(first) {
                    *slot = fd;
                }
            }
            Some(out)
        }
        _ => None,
    }
}

/// The width of a Type 2 charstring: an extra first operand of the first stack-clearing
/// operator, added to `nominalWidthX`; `defaultWidthX` without one. `None` when a subroutine
/// comes first.
fn type2_width(cs: &[u8], default: f64, nominal: f64) -> Option<f64> {
    let mut count = 0usize;
    let mut first: Option<f64> = None;
    let mut i = 0usize;
    while let Some(&b) = cs.get(i) {
        i += 1;
        let value = match b {
            28 => {
                let v = f64::from(i16_at(cs, i)?);
                i += 2;
                Some(v)
            }
            32..=246 => Some(f64::from(i16::from(b) - 139)),
            247..=250 => {
                let w = *cs.get(i)?;
                i += 1;
                Some(f64::from((i16::from(b) - 247) * 256 + i16::from(w) + 108))
            }
            251..=254 => {
                let w = *cs.get(i)?;
                i += 1;
                Some(f64::from(-(i16::from(b) - 251) * 256 - i16::from(w) - 108))
            }
            255 => {
                let v = u32_at(cs, i)?;
                i += 4;
                Some(f64::from(i32::from_be_bytes(v.to_be_bytes())) / 65536.0)
            }
            _ => None,
        };
        if let Some(v) = value {
            if count == 0 {
                first = Some(v);
            }
            count += 1;
            if count > 48 {
                return None;
            }
            continue;
        }
        let extra = match b {
            1 | 3 | 18 | 23 | 19 | 20 => count % 2 == 1,
            21 => count > 2,
            4 | 22 => count > 1,
            14 => count == 1 || count == 5,
            10 | 29 => return None,
            _ => false,
        };
        return Some(if extra { nominal + first? } else { default });
    }
    None
}

impl Cff {
    /// Reads the first font of a CFF program.
    pub fn parse(d: &[u8]) -> Option<Self> {
        let header = usize::from(*d.get(2)?);
        let (_, after_names) = index(d, header)?;
        let (tops, after_tops) = index(d, after_names)?;
        let (strings, after_strings) = index(d, after_tops)?;
        let &(ts, te) = tops.first()?;
        let top = dict(d.get(ts..te)?);
        let _ = after_strings;
        let mut font = Cff { cid: top.contains_key(&1230), ..Cff::default() };
        let charstrings = offset_of(&top, 17)?;
        let (glyphs, _) = index(d, charstrings)?;
        let n = glyphs.len();
        let charset = offset_of(&top, 15).unwrap_or(0);
        let mut sids: Vec<u32> = vec![0];
        if charset == 0 && !font.cid {
            sids.extend((1..n).map(|i| u32::try_from(i).unwrap_or(0)));
        } else if charset > 2 {
            let format = *d.get(charset)?;
            let mut at = charset + 1;
            while sids.len() < n {
                match format {
                    0 => {
                        sids.push(u32::from(u16_at(d, at)?));
                        at += 2;
                    }
                    1 | 2 => {
                        let first = u32::from(u16_at(d, at)?);
                        let left = if format == 1 { u32::from(*d.get(at + 2)?) } else { u32::from(u16_at(d, at + 2)?) };
                        at += if format == 1 { 3 } else { 4 };
                        for k in 0..=left {
                            if sids.len() >= n {
                                break;
                            }
                            sids.push(first + k);
                        }
                    }
                    _ => return None,
                }
            }
        } else {
            return None;
        }
        font.widths = widths(d, &top, &glyphs);
        if font.cid {
            font.gid_cids = sids.clone();
            sids.sort_unstable();
            font.cids = sids;
        } else {
            let string = |sid: u32| -> String {
                let sid = usize_from(sid);
                match font_data::cff_standard_string(sid) {
                    Some(s) => s.to_owned(),
                    None => strings
                        .get(sid.saturating_sub(font_data::CFF_STANDARD_STRINGS))
                        .and_then(|(s, e)| d.get(*s..*e))
                        .map(|b| String::from_utf8_lossy(b).into_owned())
                        .unwrap_or_default(),
                }
            };
            font.names = sids.iter().map(|s| string(*s)).collect();
            match offset_of(&top, 16).unwrap_or(0) {
                0 => font.standard_encoding = true,
                1 => {}
                at => font.read_encoding(d, at),
            }
        }
        Some(font)
    }

    fn read_encoding(&mut self, d: &[u8], at: usize) {
        let Some(&format) = d.get(at) else { return };
        let Some(&count) = d.get(at + 1) else { return };
        match format & 0x7f {
            0 => {
                for i in 0..usize::from(count) {
                    if let Some(&code) = d.get(at + 2 + i) {
                        self.encoding.insert(code, u16::try_from(i + 1).unwrap_or(0));
                    }
                }
            }
            1 => {
                let mut gid = 1u16;
                for r in 0..usize::from(count) {
                    let (Some(&first), Some(&left)) = (d.get(at + 2 + r * 2), d.get(at + 3 + r * 2)) else { return };
                    for k in 0..=left {
                        self.encoding.insert(first.wrapping_add(k), gid);
                        gid = gid.saturating_add(1);
                    }
                }
            }
            _ => {}
        }
    }

    /// The width of the glyph of a CID (CID-keyed fonts).
    pub fn cid_width(&self, cid: u32) -> Option<f64> {
        let gid = self.gid_cids.iter().position(|c| *c == cid)?;
        self.widths.get(gid).copied().flatten()
    }

    /// The width of a named glyph (name-keyed fonts).
    pub fn name_width(&self, name: &str) -> Option<f64> {
        let gid = self.names.iter().position(|n| n == name)?;
        self.widths.get(gid).copied().flatten()
    }

    /// The glyph names the program defines.
    pub fn name_set(&self) -> BTreeSet<&str> {
        self.names.iter().map(String::as_str).collect()
    }

    /// The glyph name of a code by the built-in encoding.
    pub fn name_of(&self, code: u8) -> Option<String> {
        if self.standard_encoding {
            return font_data::glyph_name(font_data::Encoding::Standard, code).map(str::to_owned);
        }
        let gid = *self.encoding.get(&code)?;
        self.names.get(usize::from(gid)).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encrypt(plain: &[u8], key: u16) -> Vec<u8> {
        let mut r = key;
        plain
            .iter()
            .map(|&p| {
                let c = p ^ u8::try_from(r >> 8).unwrap();
                r = u16::from(c).wrapping_add(r).wrapping_mul(52845).wrapping_add(22719);
                c
            })
            .collect()
    }

    #[test]
    fn type1_charstrings_and_widths() {
        // hsbw 0 500: 139 (0), 247 0x80 (500 = (247-247)*256+128+108+... ) -> use 255 form for clarity.
        let mut cs = vec![0u8, 0, 0, 0, 139, 255, 0, 0, 1, 244, 13, 14];
        cs = encrypt(&cs, 4330);
        let mut private = b"xxxx/lenIV 4 def /CharStrings 1 dict dup begin\n/A ".to_vec();
        private.extend_from_slice(format!("{} RD ", cs.len()).as_bytes());
        private.extend_from_slice(&cs);
        private.extend_from_slice(b" ND\nend\n");
        let mut program = b"%!PS-AdobeFont-1.0: Test\n/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n/Encoding 256 array\ndup 65 /A put\nreadonly def\ncurrentfile eexec\n".to_vec();
        program.extend_from_slice(&encrypt(&private, 55665));
        let font = Type1::parse(&program).unwrap();
        assert_eq!(font.glyphs.get("A"), Some(&Some(500.0)));
        assert_eq!(font.name_of(65).as_deref(), Some("A"));
    }

    #[test]
    fn truetype_cmap_format_4_and_widths() {
        let mut f = vec![0u8; 12];
        f[4..6].copy_from_slice(&4u16.to_be_bytes());
        let tables: [(&[u8; 4], Vec<u8>); 4] = [
            (b"cmap", {
                let mut c = vec![0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0, 12];
                // format 4, one real segment 'A'..'B' -> delta, and the 0xFFFF end segment.
                let sub: Vec<u16> =
                    vec![4, 32, 0, 4, 2, 0, 1, 66, 0xFFFF, 0, 65, 0xFFFF, (3u16).wrapping_sub(65), 1, 0, 0];
                c.extend(sub.iter().flat_map(|v| v.to_be_bytes()));
                c
            }),
            (b"head", {
                let mut h = vec![0u8; 54];
                h[18..20].copy_from_slice(&2048u16.to_be_bytes());
                h
            }),
            (b"hhea", {
                let mut h = vec![0u8; 36];
                h[34..36].copy_from_slice(&2u16.to_be_bytes());
                h
            }),
            (b"maxp", vec![0, 1, 0, 0, 0, 5]),
        ];
        let mut body = Vec::new();
        let dir_len = 12 + 16 * 5;
        let mut records = Vec::new();
        let hmtx = vec![0x04, 0x00, 0, 0, 0x08, 0x00, 0, 0];
        let mut all: Vec<(&[u8; 4], Vec<u8>)> = tables.into_iter().collect();
        all.push((b"hmtx", hmtx));
        f[4..6].copy_from_slice(&5u16.to_be_bytes());
        for (tag, data) in &all {
            records.push((**tag, dir_len + body.len(), data.len()));
            body.extend_from_slice(data);
        }
        for (tag, off, len) in records {
            f.extend_from_slice(&tag);
            f.extend_from_slice(&[0; 4]);
            f.extend_from_slice(&u32::try_from(off).unwrap().to_be_bytes());
            f.extend_from_slice(&u32::try_from(len).unwrap().to_be_bytes());
        }
        f.extend_from_slice(&body);
        let tt = TrueType::parse(f).unwrap();
        assert_eq!(tt.num_glyphs, 5);
        assert_eq!(tt.cmaps.len(), 1);
        assert_eq!(tt.lookup(3, 0, 65), Some(3));
        assert_eq!(tt.lookup(3, 0, 66), Some(4));
        assert_eq!(tt.lookup(3, 0, 67), None);
        assert_eq!(tt.width(1), Some(1000.0));
        assert_eq!(tt.width(0), Some(500.0));
        assert!(tt.has_glyph(4) && !tt.has_glyph(5));
    }

    #[test]
    fn type2_widths_and_dict_reals() {
        // 50 hmoveto with a width: 20 50 hmoveto -> nominal + 20.
        assert_eq!(type2_width(&[159, 189, 22], 500.0, 600.0), Some(620.0));
        // Without a width: defaultWidthX.
        assert_eq!(type2_width(&[189, 22], 500.0, 600.0), Some(500.0));
        assert_eq!(type2_width(&[159, 14], 500.0, 600.0), Some(620.0));
        assert_eq!(type2_width(&[139, 10], 500.0, 600.0), None);
        // FontMatrix [0.0005 0 0 0.0005 0 0] as reals: 1e a0 00 5f = ".0005"? use 0.0005 = "5E-4".
        let d = dict(&[30, 0x5c, 0x4f, 139, 139, 30, 0x5c, 0x4f, 139, 139, 12, 7]);
        assert_eq!(d.get(&1207).map(|v| v[0]), Some(0.0005));
    }

    #[test]
    fn random_programs_do_not_panic() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..3000 {
            let len = usize::try_from(next() % 600).unwrap();
            let mut data: Vec<u8> = (0..len).map(|_| next().to_le_bytes()[0]).collect();
            // Plausible headers make the parsers go deeper.
            if round % 3 == 0 && data.len() > 12 {
                data[..4].copy_from_slice(&[0, 1, 0, 0]);
                data[4..6].copy_from_slice(&[0, 4]);
            }
            if round % 3 == 1 && data.len() > 4 {
                data[..4].copy_from_slice(&[1, 0, 4, 1]);
            }
            let _ = TrueType::parse(data.clone()).map(|t| (t.lookup(3, 1, 65), t.lookup(1, 0, 65), t.width(3)));
            let _ = Cff::parse(&data).map(|c| (c.name_of(65), c.cid_width(1)));
            let mut type1 =
                b"/Encoding 256 array dup 65 /A put readonly def /FontMatrix [0.001 0 0 0.001 0 0] eexec ".to_vec();
            type1.extend_from_slice(&data);
            let _ = Type1::parse(&type1);
            let _ = type2_width(&data, 0.0, 0.0);
            let _ = charstring_width(&data);
            let _ = crate::pdf::cmap::parse(&data);
        }
    }

    #[test]
    fn malformed_programs_are_none() {
        assert!(TrueType::parse(vec![0; 3]).is_none());
        assert!(Type1::parse(b"no eexec here").is_none());
        assert!(Cff::parse(&[1, 0, 4, 1, 0, 5]).is_none());
        assert!(Cff::parse(&[]).is_none());
    }
}
