//! Stream filters (PDF Reference 1.4 §3.3), decoded within bounds.
//!
//! Every decode is bounded per stream, in total and by inflation ratio ([`Inflation`]); running
//! out is [`DecodeError::Limit`], which the checker reports as `LIMIT_DECOMPRESSED` and an
//! undecided verdict, never as a pass. Image filters (DCT, JPX, CCITT, JBIG2) are not decoded:
//! no rule needs pixels.

use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use crate::limits::Limits;
use crate::pdf::cos::{hex_value, is_white, Dict, Object};

/// Outputs smaller than this are never refused for their ratio (a 20-byte stream may hold a page
/// of repeated operators).
const RATIO_FLOOR: u64 = 1024 * 1024;

/// What decoding may still spend.
#[derive(Clone, Debug)]
pub struct Inflation {
    per_stream: u64,
    total_left: u64,
    ratio: u64,
}

impl Inflation {
    /// The bounds of `limits`.
    pub fn new(limits: &Limits) -> Self {
        Inflation {
            per_stream: limits.max_decompressed_per_stream,
            total_left: limits.max_decompressed_total,
            ratio: limits.max_inflate_ratio.max(1),
        }
    }

    fn allowance(&self, input_len: usize) -> usize {
        let input = u64::try_from(input_len).unwrap_or(u64::MAX);
        let by_ratio = input.saturating_mul(self.ratio).max(RATIO_FLOOR);
        let bound = self.per_stream.min(by_ratio).min(self.total_left);
        usize::try_from(bound).unwrap_or(usize::MAX)
    }

    fn spend(&mut self, bytes: usize) {
        self.total_left = self.total_left.saturating_sub(u64::try_from(bytes).unwrap_or(u64::MAX));
    }
}

/// Why a stream could not be decoded.
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum DecodeError {
    /// A decompression bound ran out.
    Limit,
    /// A filter we do not decode (image filters, LZW, unknown names).
    Unsupported(String),
}

/// The filter names and parameters of a stream dictionary, or of an inline image (`inline`:
/// the abbreviations `F` and `DP` count too; in a stream dictionary `F` is a file).
pub fn filters(dict: &Dict, inline: bool) -> Vec<(Vec<u8>, Option<Dict>)> {
    let filter = dict.get(b"Filter").or_else(|| if inline { dict.get(b"F") } else { None });
    let parms = dict.get(b"DecodeParms").or_else(|| if inline { dict.get(b"DP") } else { None });
    let names: Vec<Vec<u8>> = match filter {
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(items)) => items.iter().filter_map(|o| o.name().map(<[u8]>::to_vec)).collect(),
        _ => Vec::new(),
    };
    let params: Vec<Option<Dict>> = match parms {
        Some(Object::Dict(d)) => vec![Some(d.clone())],
        Some(Object::Array(items)) => items.iter().map(|o| o.dict().cloned()).collect(),
        _ => Vec::new(),
    };
    names.into_iter().enumerate().map(|(i, n)| (n, params.get(i).cloned().flatten())).collect()
}

/// Decodes `data` through the filter chain.
///
/// # Errors
/// [`DecodeError::Limit`] when a bound runs out; [`DecodeError::Unsupported`] for filters not
/// decoded. Corrupt data decodes to what could be read (as PDF readers do).
pub fn decode(
    data: &[u8],
    chain: &[(Vec<u8>, Option<Dict>)],
    inflation: &mut Inflation,
) -> Result<Vec<u8>, DecodeError> {
    let mut current = data.to_vec();
    for (name, params) in chain {
        let allowance = inflation.allowance(current.len());
        current = match name.as_slice() {
            b"FlateDecode" | b"Fl" => {
                let raw = flate(&current, allowance)?;
                predict(raw, params.as_ref())?
            }
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(&current),
            b"ASCII85Decode" | b"A85" => ascii85(&current),
            b"RunLengthDecode" | b"RL" => run_length(&current, allowance)?,
            b"LZWDecode" | b"LZW" => {
                let raw = lzw(&current, allowance, early_change(params.as_ref()))?;
                predict(raw, params.as_ref())?
            }
            other => return Err(DecodeError::Unsupported(String::from_utf8_lossy(other).into_owned())),
        };
        inflation.spend(current.len());
    }
    Ok(current)
}

fn flate(data: &[u8], allowance: usize) -> Result<Vec<u8>, DecodeError> {
    let out = inflate_with(data, allowance, DataFormat::ZLibIgnoreChecksum)?;
    if out.is_empty() && !data.is_empty() {
        return inflate_with(data, allowance, DataFormat::Raw);
    }
    Ok(out)
}

fn inflate_with(data: &[u8], allowance: usize, format: DataFormat) -> Result<Vec<u8>, DecodeError> {
    let mut state = InflateState::new_boxed(format);
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut input = data;
    loop {
        crate::progress::tick();
        let result = inflate(&mut state, input, &mut buf, MZFlush::None);
        input = input.get(result.bytes_consumed..).unwrap_or_default();
        out.extend_from_slice(buf.get(..result.bytes_written).unwrap_or_default());
        if out.len() > allowance {
            return Err(DecodeError::Limit);
        }
        match result.status {
            Ok(MZStatus::StreamEnd) => break,
            Ok(_) if result.bytes_consumed == 0 && result.bytes_written == 0 => break,
            Ok(_) => {}
            Err(MZError::Buf) if result.bytes_written > 0 => {}
            Err(_) => break,
        }
    }
    Ok(out)
}

fn int_param(params: Option<&Dict>, key: &[u8], default: i64) -> i64 {
    params.and_then(|p| p.get(key)).and_then(Object::int).unwrap_or(default)
}

fn early_change(params: Option<&Dict>) -> bool {
    int_param(params, b"EarlyChange", 1) != 0
}

/// Undoes a TIFF or PNG predictor (PDF Reference 1.4 §3.3.3, Table 3.7).
fn predict(data: Vec<u8>, params: Option<&Dict>) -> Result<Vec<u8>, DecodeError> {
    let predictor = int_param(params, b"Predictor", 1);
    if predictor < 2 {
        return Ok(data);
    }
    let colors = usize::try_from(int_param(params, b"Colors", 1).clamp(1, 32)).unwrap_or(1);
    let bpc = usize::try_from(int_param(params, b"BitsPerComponent", 8).clamp(1, 16)).unwrap_or(8);
    let columns = usize::try_from(int_param(params, b"Columns", 1).clamp(1, 1 << 20)).unwrap_or(1);
    let bpp = (colors * bpc).div_ceil(8).max(1);
    let row = (colors * bpc * columns).div_ceil(8);
    if predictor == 2 {
        if bpc != 8 {
            return Err(DecodeError::Unsupported("TIFF predictor with BitsPerComponent other than 8".to_owned()));
        }
        let mut out = data;
        for line in out.chunks_mut(row.max(1)) {
            for i in bpp..line.len() {
                let left = line.get(i - bpp).copied().unwrap_or(0);
                if let Some(b) = line.get_mut(i) {
                    *b = b.wrapping_add(left);
                }
            }
        }
        return Ok(out);
    }
    let mut out = Vec::with_capacity(data.len());
    let mut previous = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let Some((&kind, line)) = chunk.split_first() else { break };
        let mut current = line.to_vec();
        current.resize(row, 0);
        for i in 0..row {
            let left = if i >= bpp { current.get(i - bpp).copied().unwrap_or(0) } else { 0 };
            let up = previous.get(i).copied().unwrap_or(0);
            let up_left = if i >= bpp { previous.get(i - bpp).copied().unwrap_or(0) } else { 0 };
            let add = match kind {
                1 => left,
                2 => up,
                3 => u8::try_from((u16::from(left) + u16::from(up)) / 2).unwrap_or(0),
                4 => paeth(left, up, up_left),
                _ => 0,
            };
            if let Some(b) = current.get_mut(i) {
                *b = b.wrapping_add(add);
            }
        }
        out.extend_from_slice(current.get(..line.len().min(row)).unwrap_or_default());
        previous = current;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let pa = (p - i16::from(a)).abs();
    let pb = (p - i16::from(b)).abs();
    let pc = (p - i16::from(c)).abs();
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

fn ascii_hex(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut pending: Option<u8> = None;
    for &b in data {
        if b == b'>' {
            break;
        }
        let Some(v) = hex_value(b) else { continue };
        match pending.take() {
            Some(h) => out.push(h * 16 + v),
            None => pending = Some(v),
        }
    }
    if let Some(h) = pending {
        out.push(h * 16);
    }
    out
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut group = [0u32; 5];
    let mut n = 0usize;
    let mut bytes = data.iter().copied().filter(|b| !is_white(*b)).peekable();
    if data.starts_with(b"<~") {
        bytes.next();
        bytes.next();
    }
    for b in bytes {
        if b == b'~' {
            break;
        }
        if b == b'z' && n == 0 {
            out.extend_from_slice(&[0, 0, 0, 0]);
            continue;
        }
        if !(b'!'..=b'u').contains(&b) {
            continue;
        }
        if let Some(slot) = group.get_mut(n) {
            *slot = u32::from(b - b'!');
        }
        n += 1;
        if n == 5 {
            let value = group.iter().fold(0u32, |acc, d| acc.wrapping_mul(85).wrapping_add(*d));
            out.extend_from_slice(&value.to_be_bytes());
            n = 0;
        }
    }
    if n > 1 {
        for slot in group.iter_mut().skip(n) {
            *slot = 84;
        }
        let value = group.iter().fold(0u32, |acc, d| acc.wrapping_mul(85).wrapping_add(*d));
        out.extend_from_slice(value.to_be_bytes().get(..n - 1).unwrap_or_default());
    }
    out
}

fn run_length(data: &[u8], allowance: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0usize;
    while let Some(&len) = data.get(i) {
        i += 1;
        if len == 128 {
            break;
        }
        if len < 128 {
            let count = usize::from(len) + 1;
            out.extend_from_slice(data.get(i..(i + count).min(data.len())).unwrap_or_default());
            i += count;
        } else {
            let count = 257 - usize::from(len);
            let Some(&b) = data.get(i) else { break };
            out.extend(std::iter::repeat_n(b, count));
            i += 1;
        }
        if out.len() > allowance {
            return Err(DecodeError::Limit);
        }
    }
    Ok(out)
}

/// LZW as PDF uses it (PDF Reference 1.4 §3.3.3): codes of 9–12 bits, 256 clears, 257 ends.
fn lzw(data: &[u8], allowance: usize, early: bool) -> Result<Vec<u8>, DecodeError> {
    let mut table: Vec<Vec<u8>> = Vec::new();
    let reset = |table: &mut Vec<Vec<u8>>| {
        table.clear();
        table.extend((0u16..=255).map(|b| vec![u8::try_from(b).unwrap_or(0)]));
        table.push(Vec::new());
        table.push(Vec::new());
    };
    reset(&mut table);
    let mut out = Vec::new();
    let mut width = 9u32;
    let mut acc = 0u32;
    let mut bits = 0u32;
    let mut previous: Option<Vec<u8>> = None;
    for &byte in data {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        while bits >= width {
            let code = usize::try_from((acc >> (bits - width)) & ((1 << width) - 1)).unwrap_or(0);
            bits -= width;
            acc &= (1u32 << bits).wrapping_sub(1);
            if code == 256 {
                reset(&mut table);
                width = 9;
                previous = None;
                continue;
            }
            if code == 257 {
                return Ok(out);
            }
            let entry = match (table.get(code), &previous) {
                (Some(e), _) if code < table.len() && (code < 256 || !e.is_empty()) => e.clone(),
                (_, Some(p)) if code == table.len() => {
                    let mut e = p.clone();
                    e.push(p.first().copied().unwrap_or(0));
                    e
                }
                _ => return Ok(out),
            };
            out.extend_from_slice(&entry);
            if out.len() > allowance {
                return Err(DecodeError::Limit);
            }
            if let Some(mut p) = previous.take() {
                p.push(entry.first().copied().unwrap_or(0));
                if table.len() < 4096 {
                    table.push(p);
                }
            }
            previous = Some(entry);
            let next = table.len() + usize::from(early);
            width = if next >= 2048 {
                12
            } else if next >= 1024 {
                11
            } else if next >= 512 {
                10
            } else {
                9
            };
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zlib(data: &[u8]) -> Vec<u8> {
        miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
    }

    #[test]
    fn flate_round_trip() {
        let mut inflation = Inflation::new(&Limits::default());
        let data = zlib(b"hello hello hello");
        let out = decode(&data, &[(b"FlateDecode".to_vec(), None)], &mut inflation).unwrap();
        assert_eq!(out, b"hello hello hello");
    }

    #[test]
    fn flate_bomb_is_refused() {
        let limits = Limits { max_decompressed_per_stream: 100_000, ..Limits::default() };
        let mut inflation = Inflation::new(&limits);
        let data = zlib(&vec![0u8; 2_000_000]);
        assert_eq!(decode(&data, &[(b"FlateDecode".to_vec(), None)], &mut inflation), Err(DecodeError::Limit));
        let limits = Limits { max_inflate_ratio: 10, ..Limits::default() };
        let mut inflation = Inflation::new(&limits);
        let data = zlib(&vec![0u8; 3_000_000]);
        assert_eq!(decode(&data, &[(b"FlateDecode".to_vec(), None)], &mut inflation), Err(DecodeError::Limit));
    }

    #[test]
    fn total_is_bounded() {
        let limits = Limits { max_decompressed_total: 1_500_000, ..Limits::default() };
        let mut inflation = Inflation::new(&limits);
        let data = zlib(&vec![7u8; 1_000_000]);
        assert!(decode(&data, &[(b"FlateDecode".to_vec(), None)], &mut inflation).is_ok());
        assert_eq!(decode(&data, &[(b"FlateDecode".to_vec(), None)], &mut inflation), Err(DecodeError::Limit));
    }

    #[test]
    fn ascii_filters() {
        assert_eq!(ascii_hex(b"48 65 6c6C 6>"), b"Hell`");
        assert_eq!(ascii85(b"<~87cURD]j7BEbo7~>"), b"Hello world");
        assert_eq!(run_length(&[2, b'a', b'b', b'c', 254, b'x', 128], 100).unwrap(), b"abcxxx");
    }

    #[test]
    fn png_up_predictor() {
        let mut params = Dict::default();
        params.0.push((b"Predictor".to_vec(), Object::Int(12)));
        params.0.push((b"Columns".to_vec(), Object::Int(3)));
        let data = vec![2, 1, 2, 3, 2, 1, 1, 1];
        assert_eq!(predict(data, Some(&params)).unwrap(), vec![1, 2, 3, 2, 3, 4]);
    }

    #[test]
    fn lzw_example_from_the_reference() {
        // PDF Reference 1.4 §3.3.3: "-----A---B" encodes to 80 0B 60 50 22 0C 0C 85 01.
        let data = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01];
        assert_eq!(lzw(&data, 100, true).unwrap(), b"-----A---B");
    }

    #[test]
    fn unknown_filter() {
        let mut inflation = Inflation::new(&Limits::default());
        assert!(matches!(
            decode(b"x", &[(b"DCTDecode".to_vec(), None)], &mut inflation),
            Err(DecodeError::Unsupported(_))
        ));
    }
}
