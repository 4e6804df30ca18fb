//! Content streams (PDF Reference 1.4 §4–5, Appendix A): what the pages actually paint with.
//!
//! ISO 19005-1 judges the resources a content stream uses, not those merely listed (Cor. 2: "a
//! named resource ... not referenced from the associated content stream ... shall be exempt").
//! This walker runs the content of every page, form XObject, tiling pattern, Type 3 glyph and
//! annotation appearance the way veraPDF does, and records a [`Usage`]: colour spaces in use
//! (after `Default*` substitution), images, forms, graphics states, rendering intents, fonts
//! with the strings they show, and per stream the `q` depth, unknown operators and syntax facts.

use std::collections::{BTreeMap, BTreeSet};

use crate::pdf::cos::{Dict, Issue, ObjId, Object, Parser, Token};
use crate::pdf::filter::DecodeError;
use crate::pdf::model::describe;
use crate::pdf::raw;
use crate::pdf::rules::{Ctx, LimitKind, Place};

/// How deep forms, patterns and glyphs may nest (veraPDF's corpus nests 30 forms).
const MAX_FORM_DEPTH: usize = 100;
/// How deep a colour space may refer to others (Indexed of Separation of ...).
const MAX_CS_DEPTH: usize = 8;
/// The most distinct strings kept per font (enough to find every code used).
const MAX_STRINGS_PER_FONT: usize = 20_000;

/// The operators of PDF Reference 1.4 (Table A.1).
pub const OPERATORS: &[&str] = &[
    "b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1", "Do", "DP", "EI",
    "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j", "J", "K", "k", "l", "m", "M", "MP", "n",
    "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc", "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj",
    "TJ", "TL", "Tm", "Tr", "Ts", "Tw", "Tz", "v", "w", "W", "W*", "y", "'", "\"",
];

/// A device colour space family.
#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd)]
pub enum Device {
    /// DeviceGray.
    Gray,
    /// DeviceRGB.
    Rgb,
    /// DeviceCMYK.
    Cmyk,
}

/// Facts about one content stream.
#[derive(Clone, Debug, Default)]
pub struct StreamFacts {
    /// Where.
    pub place: Place,
    /// The deepest `q` nesting.
    pub max_q: usize,
    /// Operators not in PDF 1.4.
    pub unknown: Vec<String>,
    /// Syntax facts (6.1.6, 6.1.12) of the operands.
    pub issues: Vec<Issue>,
}

/// One use of an object: the object, its reference and where it is used.
#[derive(Clone, Debug)]
pub struct Use {
    /// The object's reference, when indirect.
    pub id: Option<ObjId>,
    /// Its dictionary (a stream's dictionary for streams).
    pub dict: Dict,
    /// Where it is first used.
    pub place: Place,
}

/// A font in use.
#[derive(Clone, Debug)]
pub struct FontUse {
    /// The font dictionary and where it is first used.
    pub font: Use,
    /// Strings shown in a visible rendering mode (not 3 or 7).
    pub visible: BTreeSet<Vec<u8>>,
    /// Strings shown only invisibly.
    pub invisible: BTreeSet<Vec<u8>>,
    /// Some text used a visible mode.
    pub any_visible: bool,
    /// Resources the font's glyphs see (Type 3).
    pub resources: Option<Object>,
}

/// What the content of the document uses.
#[derive(Clone, Debug, Default)]
pub struct Usage {
    /// One entry per content stream run.
    pub streams: Vec<StreamFacts>,
    /// Device colour spaces used, after `Default*` substitution; one per stream and family.
    pub devices: Vec<(Device, Place)>,
    /// ICCBased colour spaces used: the profile stream, `N`, where.
    pub icc: Vec<(Option<ObjId>, Object, Place)>,
    /// DeviceN colour spaces used: component count and where.
    pub devicen: Vec<(usize, Place)>,
    /// Image XObjects and inline images used (inline ones have no id).
    pub images: Vec<Use>,
    /// Form XObjects used, annotation appearances included.
    pub forms: Vec<Use>,
    /// XObjects of another subtype (PS, or unknown).
    pub other_xobjects: Vec<Use>,
    /// Graphics state parameter dictionaries used.
    pub ext_gstates: Vec<Use>,
    /// Rendering intents named by `ri` and inline images.
    pub intents: Vec<(Vec<u8>, Place)>,
    /// Filters named by inline images.
    pub inline_filters: Vec<(Vec<u8>, Place)>,
    /// Fonts used by text.
    pub fonts: Vec<FontUse>,
    /// Shadings used (by `sh` or shading patterns).
    pub shadings: Vec<Use>,
    /// `Lang` entries of marked-content property lists.
    pub langs: Vec<(String, Place)>,
}

#[derive(Clone, Copy, Debug)]
enum Cs<'d> {
    Device(Device),
    Object(&'d Object),
    None,
}

#[derive(Clone, Copy, Debug)]
struct GState<'d> {
    fill: Cs<'d>,
    stroke: Cs<'d>,
    render: i64,
    font: Option<usize>,
}

#[derive(Clone, Debug)]
struct Frame<'d> {
    /// The stream's own resources (forms, patterns, glyphs, appearances).
    own: Option<&'d Dict>,
    /// The page's resources, seen through when `own` lacks a name.
    page: Option<&'d Dict>,
    path: String,
    page_index: Option<usize>,
    stream: Option<ObjId>,
}

/// Runs every content stream of the document and fills `ctx.usage`-style [`Usage`].
pub fn walk(ctx: &mut Ctx<'_>) -> Usage {
    let mut walker = Walker {
        usage: Usage::default(),
        seen: BTreeSet::new(),
        fonts: BTreeMap::new(),
        devices_seen: BTreeSet::new(),
        stack: Vec::new(),
    };
    let doc = ctx.doc;
    for (index, page) in doc.pages.iter().enumerate() {
        if ctx.stopped.is_some() {
            break;
        }
        let resources = page.resources.as_ref().and_then(|r| doc.resolve(r).dict());
        let page_path = crate::pdf::model::page_path(doc, index);
        let contents: Vec<&Object> = match page.dict.get(b"Contents") {
            Some(Object::Array(items)) => items.iter().collect(),
            Some(Object::Ref(id)) => match doc.object(*id) {
                Object::Array(items) => items.iter().collect(),
                _ => vec![page.dict.get(b"Contents").unwrap_or(&Object::Null)],
            },
            Some(other) => vec![other],
            None => Vec::new(),
        };
        // The parts of an array of contents form one stream (PDF Reference 1.4 §3.7.1).
        let mut data = Vec::new();
        let mut first: Option<ObjId> = None;
        for part in contents {
            let Object::Stream(stream) = doc.resolve(part) else { continue };
            first = first.or(part.reference());
            match raw::stream_data(doc.bytes, stream, &mut ctx.inflation) {
                Ok(bytes) => {
                    data.extend_from_slice(&bytes);
                    data.push(b'\n');
                }
                Err(DecodeError::Limit) => ctx.stop(LimitKind::Decompressed, format!("page {} contents", index + 1)),
                Err(DecodeError::Unsupported(f)) => {
                    ctx.not_checked(
                        "6.2.10-1",
                        Place::object(page_path.clone(), part.reference(), Some(index)),
                        format!("content stream with filter {f}"),
                    );
                }
            }
        }
        let frame = Frame {
            own: None,
            page: resources,
            path: format!("{page_path}/contentStream[0]{}", describe(first, "PDContentStream")),
            page_index: Some(index),
            stream: first,
        };
        walker.run(ctx, &data, &frame, true);
        annotations(ctx, &mut walker, index, &page.dict);
    }
    walker.usage
}

fn annotations<'d>(ctx: &mut Ctx<'d>, walker: &mut Walker, index: usize, page: &'d Dict) {
    let doc = ctx.doc;
    let Some(annots) = doc.get_array(page, b"Annots") else { return };
    for (i, annot) in annots.iter().enumerate() {
        let Some(dict) = doc.resolve(annot).dict() else { continue };
        let Some(ap) = doc.get_dict(dict, b"AP") else { continue };
        let Some(normal) = ap.get(b"N") else { continue };
        let base = format!(
            "{}/annots[{i}]{}/appearance",
            crate::pdf::model::page_path(doc, index),
            describe(annot.reference(), "PDAnnot")
        );
        let mut streams: Vec<&'d Object> = Vec::new();
        match doc.resolve(normal) {
            Object::Stream(_) => streams.push(normal),
            Object::Dict(states) => streams.extend(states.0.iter().map(|(_, v)| v)),
            _ => {}
        }
        for s in streams {
            walker.form(ctx, s, &base, Some(index), None);
        }
        if ctx.stopped.is_some() {
            return;
        }
    }
}

struct Walker {
    usage: Usage,
    /// (kind, object number) already recorded: `kind` 0 form, 1 image, 2 gs, 3 pattern, 4 shading,
    /// 5 icc, 6 other xobject, 7 type3 glyphs.
    seen: BTreeSet<(u8, u32)>,
    fonts: BTreeMap<FontKey, usize>,
    /// Device families already recorded, per content stream path.
    devices_seen: BTreeSet<(Device, String)>,
    /// Forms and patterns being run (cycles stop here).
    stack: Vec<u32>,
}

#[derive(Clone, Copy, Debug, Eq, PartialEq, Ord, PartialOrd)]
enum FontKey {
    Object(u32),
    Direct(usize),
}

impl Walker {
    fn lookup<'d>(&self, ctx: &Ctx<'d>, frame: &Frame<'d>, category: &[u8], name: &[u8]) -> Option<&'d Object> {
        let doc = ctx.doc;
        let find = |res: Option<&'d Dict>| -> Option<&'d Object> {
            let group = doc.get_dict(res?, category)?;
            let value = group.get(name)?;
            (!matches!(doc.resolve(value), Object::Null)).then_some(value)
        };
        find(frame.own).or_else(|| find(frame.page))
    }

    /// The `Default*` colour space for a device family, from the stream's own resources (forms,
    /// patterns) or the page's (page content), as veraPDF looks it up.
    fn default_space<'d>(&self, ctx: &Ctx<'d>, frame: &Frame<'d>, device: Device) -> Option<&'d Object> {
        let doc = ctx.doc;
        let name: &[u8] = match device {
            Device::Gray => b"DefaultGray",
            Device::Rgb => b"DefaultRGB",
            Device::Cmyk => b"DefaultCMYK",
        };
        let res = frame.own.or(frame.page)?;
        let spaces = doc.get_dict(res, b"ColorSpace")?;
        let value = spaces.get(name)?;
        (!matches!(doc.resolve(value), Object::Null)).then_some(value)
    }

    fn place(frame: &Frame<'_>, op: usize) -> Place {
        Place { context: Some(format!("{}/operators[{op}]", frame.path)), object: frame.stream, page: frame.page_index }
    }

    fn record_device(&mut self, frame: &Frame<'_>, device: Device, op: usize) {
        if self.devices_seen.insert((device, frame.path.clone())) {
            self.usage.devices.push((device, Self::place(frame, op)));
        }
    }

    /// Records the use of a colour space: devices after `Default*`, ICC profiles, DeviceN sizes.
    fn use_cs<'d>(&mut self, ctx: &Ctx<'d>, frame: &Frame<'d>, cs: Cs<'d>, op: usize, depth: usize) {
        self.use_space(ctx, frame, cs, op, depth, false);
    }

    /// `in_default`: inside a `Default*` space, whose own device names are not substituted again.
    fn use_space<'d>(
        &mut self,
        ctx: &Ctx<'d>,
        frame: &Frame<'d>,
        cs: Cs<'d>,
        op: usize,
        depth: usize,
        in_default: bool,
    ) {
        if depth > MAX_CS_DEPTH {
            return;
        }
        let doc = ctx.doc;
        match cs {
            Cs::None => {}
            Cs::Device(device) => match self.default_space(ctx, frame, device) {
                Some(default) if !in_default => self.use_space(ctx, frame, Cs::Object(default), op, depth + 1, true),
                _ => self.record_device(frame, device, op),
            },
            Cs::Object(object) => {
                let resolved = doc.resolve(object);
                match resolved {
                    Object::Name(n) => match device_of(n) {
                        Some(device) => self.use_space(ctx, frame, Cs::Device(device), op, depth, in_default),
                        None if n.as_slice() == b"Pattern" => {}
                        None => {
                            if let Some(named) = self.lookup(ctx, frame, b"ColorSpace", n) {
                                self.use_space(ctx, frame, Cs::Object(named), op, depth + 1, in_default);
                            }
                        }
                    },
                    Object::Array(items) => {
                        let family = items.first().map(|f| doc.resolve(f)).and_then(Object::name).unwrap_or_default();
                        match family {
                            b"ICCBased" => {
                                if let Some(profile) = items.get(1) {
                                    let id = profile.reference();
                                    if id.is_none_or(|id| self.seen.insert((5, id.num))) {
                                        self.usage.icc.push((id, doc.resolve(profile).clone(), Self::place(frame, op)));
                                    }
                                }
                            }
                            b"Indexed" | b"I" => {
                                if let Some(base) = items.get(1) {
                                    self.use_space(ctx, frame, Cs::Object(base), op, depth + 1, in_default);
                                }
                            }
                            b"Separation" => {
                                if let Some(alt) = items.get(2) {
                                    self.use_space(ctx, frame, Cs::Object(alt), op, depth + 1, in_default);
                                }
                            }
                            b"DeviceN" => {
                                let n = items
                                    .get(1)
                                    .map(|c| doc.resolve(c))
                                    .and_then(Object::array)
                                    .map_or(0, <[Object]>::len);
                                self.usage.devicen.push((n, Self::place(frame, op)));
                                if let Some(alt) = items.get(2) {
                                    self.use_space(ctx, frame, Cs::Object(alt), op, depth + 1, in_default);
                                }
                            }
                            b"Pattern" => {
                                if let Some(under) = items.get(1) {
                                    self.use_space(ctx, frame, Cs::Object(under), op, depth + 1, in_default);
                                }
                            }
                            other => {
                                if let Some(device) = device_of(other) {
                                    self.use_space(ctx, frame, Cs::Device(device), op, depth, in_default);
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn run<'d>(&mut self, ctx: &mut Ctx<'d>, data: &[u8], frame: &Frame<'d>, colour_ops: bool) {
        let doc = ctx.doc;
        let mut facts = StreamFacts {
            place: Place { context: Some(frame.path.clone()), object: frame.stream, page: frame.page_index },
            ..StreamFacts::default()
        };
        let mut parser = Parser::new(data, 0, ctx.limits.max_nesting);
        parser.references = false;
        let mut operands: Vec<Object> = Vec::new();
        let initial =
            GState { fill: Cs::Device(Device::Gray), stroke: Cs::Device(Device::Gray), render: 0, font: None };
        let mut gs = initial;
        let mut saved: Vec<GState<'d>> = Vec::new();
        let mut q_depth = 0usize;
        let mut colour_ops = colour_ops;
        let mut op_index = 0usize;
        let mut unknown = BTreeSet::new();
        while let Some(token) = parser.lexer.next_token() {
            let op = match token {
                Token::Keyword(k) if !matches!(k.as_slice(), b"true" | b"false" | b"null") => k,
                other => {
                    match parser.object_from(other, 0) {
                        Ok(o) => operands.push(o),
                        Err(crate::pdf::cos::ParseError::TooDeep) => {
                            ctx.stop(LimitKind::Nesting, frame.path.clone());
                            break;
                        }
                        Err(_) => {}
                    }
                    if operands.len() > 64 {
                        operands.remove(0);
                    }
                    continue;
                }
            };
            if !ctx.spend(1) {
                break;
            }
            let name = |i: usize| operands.get(i).and_then(Object::name).map(<[u8]>::to_vec);
            let last_name = operands.last().and_then(Object::name).map(<[u8]>::to_vec);
            match op.as_slice() {
                b"q" => {
                    q_depth += 1;
                    facts.max_q = facts.max_q.max(q_depth);
                    if saved.len() < 4096 {
                        saved.push(gs);
                    }
                }
                b"Q" => {
                    q_depth = q_depth.saturating_sub(1);
                    if let Some(previous) = saved.pop() {
                        gs = previous;
                    }
                }
                b"g" | b"G" | b"rg" | b"RG" | b"k" | b"K" if colour_ops => {
                    let device = match op.as_slice() {
                        b"g" | b"G" => Device::Gray,
                        b"rg" | b"RG" => Device::Rgb,
                        _ => Device::Cmyk,
                    };
                    if op.first().is_some_and(u8::is_ascii_lowercase) {
                        gs.fill = Cs::Device(device);
                    } else {
                        gs.stroke = Cs::Device(device);
                    }
                    self.use_cs(ctx, frame, Cs::Device(device), op_index, 0);
                }
                b"cs" | b"CS" if colour_ops => {
                    let cs = match last_name.as_deref() {
                        Some(n) => match device_of(n) {
                            Some(d) => Cs::Device(d),
                            None if n == b"Pattern" => Cs::None,
                            None => self.lookup(ctx, frame, b"ColorSpace", n).map_or(Cs::None, Cs::Object),
                        },
                        None => Cs::None,
                    };
                    if op.as_slice() == b"cs" {
                        gs.fill = cs;
                    } else {
                        gs.stroke = cs;
                    }
                    self.use_cs(ctx, frame, cs, op_index, 0);
                }
                b"scn" | b"SCN" if colour_ops => {
                    if let Some(n) = &last_name {
                        if let Some(pattern) = self.lookup(ctx, frame, b"Pattern", n) {
                            self.pattern(ctx, frame, pattern, op_index);
                        }
                    }
                }
                b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" | b"S" | b"s" if colour_ops => {
                    let fills = !matches!(op.as_slice(), b"S" | b"s");
                    let strokes = matches!(op.as_slice(), b"B" | b"B*" | b"b" | b"b*" | b"S" | b"s");
                    if fills {
                        self.use_cs(ctx, frame, gs.fill, op_index, 0);
                    }
                    if strokes {
                        self.use_cs(ctx, frame, gs.stroke, op_index, 0);
                    }
                }
                b"Tr" => gs.render = operands.first().and_then(Object::int).unwrap_or(0),
                b"Tf" => {
                    gs.font = name(0).and_then(|n| self.font(ctx, frame, &n, op_index));
                }
                b"Tj" | b"TJ" | b"'" | b"\"" => {
                    let strings: Vec<Vec<u8>> = match operands.last() {
                        Some(Object::Str(s)) => vec![s.bytes.clone()],
                        Some(Object::Array(items)) => {
                            items.iter().filter_map(Object::string).map(|s| s.bytes.clone()).collect()
                        }
                        _ => Vec::new(),
                    };
                    let visible = !matches!(gs.render, 3 | 7);
                    if let Some(font) = gs.font.and_then(|i| self.usage.fonts.get_mut(i)) {
                        font.any_visible |= visible;
                        let set = if visible { &mut font.visible } else { &mut font.invisible };
                        for s in strings {
                            if set.len() < MAX_STRINGS_PER_FONT {
                                set.insert(s);
                            }
                        }
                    }
                    if colour_ops {
                        if matches!(gs.render, 0 | 2 | 4 | 6) {
                            self.use_cs(ctx, frame, gs.fill, op_index, 0);
                        }
                        if matches!(gs.render, 1 | 2 | 5 | 6) {
                            self.use_cs(ctx, frame, gs.stroke, op_index, 0);
                        }
                    }
                }
                b"gs" => {
                    if let Some(n) = &last_name {
                        if let Some(state) = self.lookup(ctx, frame, b"ExtGState", n) {
                            self.record(2, state, ctx, frame, op_index, |u| &mut u.ext_gstates);
                        }
                    }
                }
                b"ri" if colour_ops => {
                    if let Some(n) = &last_name {
                        self.usage.intents.push((n.clone(), Self::place(frame, op_index)));
                    }
                }
                b"sh" if colour_ops => {
                    if let Some(n) = &last_name {
                        if let Some(shading) = self.lookup(ctx, frame, b"Shading", n) {
                            self.shading(ctx, frame, shading, op_index);
                        }
                    }
                }
                b"Do" => {
                    if let Some(n) = &last_name {
                        if let Some(x) = self.lookup(ctx, frame, b"XObject", n) {
                            self.xobject(ctx, frame, x, op_index, gs.fill, colour_ops);
                        }
                    }
                }
                b"d1" => colour_ops = false,
                b"BDC" | b"DP" => {
                    let props = match operands.last() {
                        Some(Object::Dict(d)) => Some(d),
                        Some(Object::Name(n)) => {
                            self.lookup(ctx, frame, b"Properties", n).and_then(|p| doc.resolve(p).dict())
                        }
                        _ => None,
                    };
                    if let Some(lang) =
                        props.and_then(|p| p.get(b"Lang")).map(|l| doc.resolve(l)).and_then(Object::string)
                    {
                        self.usage.langs.push((crate::pdf::model::text(&lang.bytes), Self::place(frame, op_index)));
                    }
                }
                b"BI" => {
                    self.inline_image(ctx, &mut parser, frame, op_index, gs.fill, colour_ops);
                }
                _ => {
                    let text = String::from_utf8_lossy(&op).into_owned();
                    if !OPERATORS.contains(&text.as_str()) && unknown.len() < 100 {
                        unknown.insert(text);
                    }
                }
            }
            operands.clear();
            op_index += 1;
        }
        facts.unknown = unknown.into_iter().collect();
        facts.issues = std::mem::take(&mut parser.lexer.issues);
        self.usage.streams.push(facts);
    }

    /// Records a used object once (by kind and number).
    fn record<'d>(
        &mut self,
        kind: u8,
        object: &'d Object,
        ctx: &Ctx<'d>,
        frame: &Frame<'d>,
        op: usize,
        list: impl FnOnce(&mut Usage) -> &mut Vec<Use>,
    ) -> bool {
        let id = object.reference();
        if let Some(id) = id {
            if !self.seen.insert((kind, id.num)) {
                return false;
            }
        }
        let Some(dict) = ctx.doc.resolve(object).dict() else { return false };
        list(&mut self.usage).push(Use { id, dict: dict.clone(), place: Self::place(frame, op) });
        true
    }

    fn font<'d>(&mut self, ctx: &mut Ctx<'d>, frame: &Frame<'d>, name: &[u8], op: usize) -> Option<usize> {
        let doc = ctx.doc;
        let object = self.lookup(ctx, frame, b"Font", name)?;
        let dict = doc.resolve(object).dict()?;
        let key = match object.reference() {
            Some(id) => FontKey::Object(id.num),
            None => FontKey::Direct(std::ptr::from_ref(dict).addr()),
        };
        if let Some(i) = self.fonts.get(&key) {
            return Some(*i);
        }
        let index = self.usage.fonts.len();
        self.fonts.insert(key, index);
        let own_resources = dict.get(b"Resources").cloned();
        self.usage.fonts.push(FontUse {
            font: Use { id: object.reference(), dict: dict.clone(), place: Self::place(frame, op) },
            visible: BTreeSet::new(),
            invisible: BTreeSet::new(),
            any_visible: false,
            resources: own_resources,
        });
        if doc.get_name(dict, b"Subtype") == Some(b"Type3") {
            self.type3(ctx, frame, object, dict, op);
        }
        Some(index)
    }

    /// Runs the glyph procedures of a Type 3 font (with colour operators off after `d1`).
    fn type3<'d>(&mut self, ctx: &mut Ctx<'d>, frame: &Frame<'d>, object: &'d Object, dict: &'d Dict, op: usize) {
        let doc = ctx.doc;
        if let Some(id) = object.reference() {
            if !self.seen.insert((7, id.num)) || self.stack.contains(&id.num) {
                return;
            }
        }
        if self.stack.len() >= MAX_FORM_DEPTH {
            return;
        }
        let Some(procs) = doc.get_dict(dict, b"CharProcs") else { return };
        let own = doc.get_dict(dict, b"Resources");
        self.stack.push(object.reference().map_or(u32::MAX, |id| id.num));
        for (glyph, proc_) in procs.iter() {
            let Object::Stream(stream) = doc.resolve(proc_) else { continue };
            let data = match raw::stream_data(doc.bytes, stream, &mut ctx.inflation) {
                Ok(d) => d,
                Err(DecodeError::Limit) => {
                    ctx.stop(LimitKind::Decompressed, "Type 3 glyph");
                    break;
                }
                Err(DecodeError::Unsupported(_)) => continue,
            };
            let inner = Frame {
                own,
                page: frame.page,
                path: format!(
                    "{}/operators[{op}]/font[0]{}/charProcs[{}]",
                    frame.path,
                    describe(object.reference(), "PDType3Font"),
                    String::from_utf8_lossy(glyph)
                ),
                page_index: frame.page_index,
                stream: proc_.reference(),
            };
            self.run(ctx, &data, &inner, true);
        }
        self.stack.pop();
    }

    fn pattern<'d>(&mut self, ctx: &mut Ctx<'d>, frame: &Frame<'d>, pattern: &'d Object, op: usize) {
        let doc = ctx.doc;
        let Some(id) = pattern.reference() else { return };
        if !self.seen.insert((3, id.num)) || self.stack.contains(&id.num) || self.stack.len() >= MAX_FORM_DEPTH {
            return;
        }
        let Some(dict) = doc.resolve(pattern).dict() else { return };
        match doc.get_int(dict, b"PatternType") {
            Some(1) => {
                let Object::Stream(stream) = doc.resolve(pattern) else { return };
                let data = match raw::stream_data(doc.bytes, stream, &mut ctx.inflation) {
                    Ok(d) => d,
                    Err(DecodeError::Limit) => {
                        ctx.stop(LimitKind::Decompressed, format!("pattern {id}"));
                        return;
                    }
                    Err(DecodeError::Unsupported(_)) => return,
                };
                let inner = Frame {
                    own: doc.get_dict(dict, b"Resources"),
                    page: frame.page,
                    path: format!(
                        "{}/operators[{op}]/pattern[0]{}/contentStream[0]",
                        frame.path,
                        describe(Some(id), "PDTilingPattern")
                    ),
                    page_index: frame.page_index,
                    stream: Some(id),
                };
                self.stack.push(id.num);
                self.run(ctx, &data, &inner, true);
                self.stack.pop();
            }
            Some(2) => {
                if let Some(shading) = dict.get(b"Shading") {
                    self.shading(ctx, frame, shading, op);
                }
                if let Some(state) = dict.get(b"ExtGState") {
                    self.record(2, state, ctx, frame, op, |u| &mut u.ext_gstates);
                }
            }
            _ => {}
        }
    }

    fn shading<'d>(&mut self, ctx: &Ctx<'d>, frame: &Frame<'d>, shading: &'d Object, op: usize) {
        if !self.record(4, shading, ctx, frame, op, |u| &mut u.shadings) && shading.reference().is_some() {
            return;
        }
        if let Some(cs) = ctx.doc.resolve(shading).dict().and_then(|d| d.get(b"ColorSpace")) {
            self.use_cs(ctx, frame, Cs::Object(cs), op, 0);
        }
    }

    fn xobject<'d>(
        &mut self,
        ctx: &mut Ctx<'d>,
        frame: &Frame<'d>,
        x: &'d Object,
        op: usize,
        fill: Cs<'d>,
        colour_ops: bool,
    ) {
        let doc = ctx.doc;
        let Some(dict) = doc.resolve(x).dict() else { return };
        match doc.get_name(dict, b"Subtype") {
            Some(b"Image") => {
                self.record(1, x, ctx, frame, op, |u| &mut u.images);
                if colour_ops {
                    if doc.get(dict, b"ImageMask").and_then(Object::boolean) == Some(true) {
                        self.use_cs(ctx, frame, fill, op, 0);
                    } else if let Some(cs) = dict.get(b"ColorSpace") {
                        self.use_cs(ctx, frame, Cs::Object(cs), op, 0);
                    }
                }
            }
            Some(b"Form") => {
                self.form(ctx, x, &format!("{}/operators[{op}]", frame.path), frame.page_index, frame.page)
            }
            _ => {
                self.record(6, x, ctx, frame, op, |u| &mut u.other_xobjects);
            }
        }
    }

    /// Runs a form XObject (or an appearance stream) with its own resources.
    fn form<'d>(
        &mut self,
        ctx: &mut Ctx<'d>,
        x: &'d Object,
        base: &str,
        page_index: Option<usize>,
        page: Option<&'d Dict>,
    ) {
        let doc = ctx.doc;
        let Object::Stream(stream) = doc.resolve(x) else { return };
        let id = x.reference();
        if let Some(id) = id {
            if self.stack.contains(&id.num) {
                return;
            }
        }
        if self.stack.len() >= MAX_FORM_DEPTH {
            ctx.stop(LimitKind::Nesting, format!("{base}: forms nested more than {MAX_FORM_DEPTH} deep"));
            return;
        }
        let path = format!("{base}/xObject[0]{}", describe(id, "PDXForm"));
        let first = id.is_none_or(|id| !self.seen.contains(&(0, id.num)));
        if first {
            if let Some(id) = id {
                self.seen.insert((0, id.num));
            }
            self.usage.forms.push(Use {
                id,
                dict: stream.dict.clone(),
                place: Place { context: Some(path.clone()), object: id, page: page_index },
            });
        }
        if !first {
            return;
        }
        let data = match raw::stream_data(doc.bytes, stream, &mut ctx.inflation) {
            Ok(d) => d,
            Err(DecodeError::Limit) => {
                ctx.stop(LimitKind::Decompressed, format!("form {}", id.map_or_else(String::new, |i| i.to_string())));
                return;
            }
            Err(DecodeError::Unsupported(_)) => return,
        };
        let inner = Frame {
            own: doc.get_dict(&stream.dict, b"Resources"),
            page,
            path: format!("{path}/contentStream[0]"),
            page_index,
            stream: id,
        };
        self.stack.push(id.map_or(u32::MAX, |i| i.num));
        self.run(ctx, &data, &inner, true);
        self.stack.pop();
    }

    fn inline_image<'d>(
        &mut self,
        ctx: &Ctx<'d>,
        parser: &mut Parser<'_>,
        frame: &Frame<'d>,
        op: usize,
        fill: Cs<'d>,
        colour_ops: bool,
    ) {
        let mut dict = Dict::default();
        loop {
            match parser.lexer.next_token() {
                Some(Token::Keyword(k)) if k == b"ID" => break,
                Some(Token::Name(key)) => {
                    let Some(t) = parser.lexer.next_token() else { return };
                    if let Ok(value) = parser.object_from(t, 0) {
                        dict.0.push((key, value));
                    }
                }
                Some(_) => {}
                None => return,
            }
        }
        // One white-space byte after ID, then data up to `EI` between white space.
        let data = parser.lexer.data();
        let start = parser.lexer.pos().saturating_add(1);
        let mut end = data.len();
        let mut i = start;
        while i + 1 < data.len() {
            if data.get(i) == Some(&b'E')
                && data.get(i + 1) == Some(&b'I')
                && data.get(i.wrapping_sub(1)).is_some_and(|b| crate::pdf::cos::is_white(*b))
                && data.get(i + 2).is_none_or(|b| crate::pdf::cos::is_white(*b) || crate::pdf::cos::is_delimiter(*b))
            {
                end = i + 2;
                break;
            }
            i += 1;
        }
        parser.lexer.seek(end);
        let place = Self::place(frame, op);
        for (name, _) in crate::pdf::filter::filters(&dict, true) {
            self.usage.inline_filters.push((name, place.clone()));
        }
        if let Some(intent) = dict.get(b"Intent").and_then(Object::name) {
            self.usage.intents.push((intent.to_vec(), place.clone()));
        }
        let mask = dict.get(b"IM").or_else(|| dict.get(b"ImageMask")).and_then(Object::boolean) == Some(true);
        if colour_ops || mask {
            if mask {
                self.use_cs(ctx, frame, fill, op, 0);
            } else if let Some(cs) = dict.get(b"CS").or_else(|| dict.get(b"ColorSpace")) {
                let cs = match cs.name() {
                    Some(b"G") => Cs::Device(Device::Gray),
                    Some(b"RGB") => Cs::Device(Device::Rgb),
                    Some(b"CMYK") => Cs::Device(Device::Cmyk),
                    Some(n) => match device_of(n) {
                        Some(d) => Cs::Device(d),
                        None => self.lookup(ctx, frame, b"ColorSpace", n).map_or(Cs::None, Cs::Object),
                    },
                    None => Cs::None,
                };
                // An inline Indexed array names its base with the same abbreviations.
                self.use_cs(ctx, frame, cs, op, 0);
            }
            self.usage.images.push(Use { id: None, dict, place });
        }
    }
}

fn device_of(name: &[u8]) -> Option<Device> {
    match name {
        b"DeviceGray" | b"G" => Some(Device::Gray),
        b"DeviceRGB" | b"RGB" => Some(Device::Rgb),
        b"DeviceCMYK" | b"CMYK" => Some(Device::Cmyk),
        _ => None,
    }
}
