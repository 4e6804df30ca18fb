//! XMP metadata (XMP Specification, January 2004; ISO 19005-1 6.7): the packet's encoding and
//! header, and the RDF/XML read into properties the way Adobe's XMP toolkit reads it, which is
//! what veraPDF runs. A packet the toolkit would refuse gets an error here too (6.7.9-1).

use std::collections::BTreeSet;

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// The PDF/A identification namespace.
pub const NS_PDFAID: &str = "http://www.aiim.org/pdfa/ns/id/";
/// RDF.
pub const NS_RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// The `xml:` namespace.
pub const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";
/// Dublin Core.
pub const NS_DC: &str = "http://purl.org/dc/elements/1.1/";
/// XMP Basic.
pub const NS_XMP: &str = "http://ns.adobe.com/xap/1.0/";
/// Adobe PDF.
pub const NS_PDF: &str = "http://ns.adobe.com/pdf/1.3/";
/// The PDF/A extension schema container.
pub const NS_PDFA_EXTENSION: &str = "http://www.aiim.org/pdfa/ns/extension/";
/// The PDF/A schema value type.
pub const NS_PDFA_SCHEMA: &str = "http://www.aiim.org/pdfa/ns/schema#";
/// The PDF/A property value type.
pub const NS_PDFA_PROPERTY: &str = "http://www.aiim.org/pdfa/ns/property#";
/// The PDF/A value type value type.
pub const NS_PDFA_TYPE: &str = "http://www.aiim.org/pdfa/ns/type#";
/// The PDF/A field value type.
pub const NS_PDFA_FIELD: &str = "http://www.aiim.org/pdfa/ns/field#";
const NS_DC_DEPRECATED: &str = "http://purl.org/dc/1.1/";

/// The shape of an XMP value.
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub enum Form {
    /// A simple (text) value.
    #[default]
    Simple,
    /// A structure: named fields.
    Struct,
    /// An unordered array.
    Bag,
    /// An ordered array.
    Seq,
    /// An alternative array.
    Alt,
}

/// An XMP property, field, array item or qualifier.
#[derive(Clone, Debug, Default, Eq, PartialEq)]
pub struct Node {
    /// The namespace URI.
    pub ns: String,
    /// The prefix as written.
    pub prefix: String,
    /// The local name (`li` for array items).
    pub name: String,
    /// The value of a simple node.
    pub value: String,
    /// The shape.
    pub form: Form,
    /// Struct fields or array items.
    pub children: Vec<Node>,
    /// Qualifiers, `xml:lang` among them.
    pub qualifiers: Vec<Node>,
    pub(crate) has_value_child: bool,
}

impl Node {
    /// A simple value.
    pub fn is_simple(&self) -> bool {
        self.form == Form::Simple
    }

    /// An array of any kind.
    pub fn is_array(&self) -> bool {
        matches!(self.form, Form::Bag | Form::Seq | Form::Alt)
    }

    /// The `xml:lang` qualifier.
    pub fn lang(&self) -> Option<&str> {
        self.qualifiers.iter().find(|q| q.ns == NS_XML && q.name == "lang").map(|q| q.value.as_str())
    }

    /// A language alternative: an `Alt` whose items carry `xml:lang`.
    pub fn is_alt_text(&self) -> bool {
        self.form == Form::Alt && self.children.iter().any(|c| c.lang().is_some())
    }

    /// A field of a structure by namespace and name.
    pub fn field(&self, ns: &str, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.ns == ns && c.name == name)
    }

    /// The text a language alternative gives for `x-default`, as the XMP toolkit chooses it:
    /// the `x-default` item, else the first `x-` item, else the first item.
    pub fn default_text(&self) -> Option<&str> {
        if !self.is_alt_text() {
            return None;
        }
        let pick = self
            .children
            .iter()
            .find(|c| c.lang() == Some("x-default"))
            .or_else(|| self.children.iter().find(|c| c.lang().is_some_and(|l| l.starts_with("x-"))))
            .or_else(|| self.children.first())?;
        pick.is_simple().then_some(pick.value.as_str())
    }
}

/// The text encodings an XMP packet may use.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-16, big-endian.
    Utf16Be,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-32, big-endian.
    Utf32Be,
    /// UTF-32, little-endian.
    Utf32Le,
}

/// An XMP packet as read.
#[derive(Clone, Debug, Default)]
pub struct Packet {
    /// The `<?xpacket begin=...?>` instruction's content.
    pub header: Option<String>,
    /// The encoding found.
    pub encoding: Option<Encoding>,
    /// The top-level properties, `pdfaExtension:schemas` excluded.
    pub properties: Vec<Node>,
    /// `pdfaExtension:schemas`, when present.
    pub extension_schemas: Option<Node>,
    /// Why the packet is not valid XMP (6.7.9-1); then there are no properties.
    pub error: Option<String>,
}

impl Packet {
    /// A top-level property.
    pub fn property(&self, ns: &str, name: &str) -> Option<&Node> {
        self.properties.iter().find(|p| p.ns == ns && p.name == name)
    }

    /// Any property of namespace `ns`.
    pub fn has_namespace(&self, ns: &str) -> bool {
        self.properties.iter().any(|p| p.ns == ns)
    }

    /// A simple property's value (the toolkit refuses non-simple ones: `None`).
    pub fn simple(&self, ns: &str, name: &str) -> Option<&str> {
        self.property(ns, name).filter(|p| p.is_simple()).map(|p| p.value.as_str())
    }
}

/// Reads an XMP packet from the bytes of a metadata stream.
pub fn parse(bytes: &[u8], max_depth: u16) -> Packet {
    let mut packet = Packet::default();
    let (text, encoding) = match decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            packet.error = Some(e);
            return packet;
        }
    };
    packet.encoding = Some(encoding);
    packet.header = packet_header(&text);
    let root = match xml_tree(&text, usize::from(max_depth)) {
        Ok(r) => r,
        Err(e) => {
            packet.error = Some(e);
            return packet;
        }
    };
    let mut rdf = Rdf::default();
    if let Some(element) = find_rdf(&root) {
        if let Err(e) = rdf.root(element) {
            packet.error = Some(e);
            return packet;
        }
    }
    for property in rdf.properties {
        if property.ns == NS_PDFA_EXTENSION && property.name == "schemas" {
            packet.extension_schemas = Some(property);
        } else {
            packet.properties.push(property);
        }
    }
    packet
}

/// Reads `pdfaid:part` and `pdfaid:conformance`: `(part, conformance)`.
pub fn identification(packet: &Packet) -> (Option<String>, Option<String>) {
    let get = |name: &str| packet.simple(NS_PDFAID, name).map(|v| v.trim().to_owned());
    (get("part"), get("conformance"))
}

/// Transcodes a packet to text, from the byte-order mark or the first characters.
fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    let (encoding, body) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (Encoding::Utf8, rest),
        [0, 0, 0xFE, 0xFF, rest @ ..] => (Encoding::Utf32Be, rest),
        [0xFF, 0xFE, 0, 0, rest @ ..] => (Encoding::Utf32Le, rest),
        [0xFE, 0xFF, rest @ ..] => (Encoding::Utf16Be, rest),
        [0xFF, 0xFE, rest @ ..] => (Encoding::Utf16Le, rest),
        [0, 0, 0, _, ..] => (Encoding::Utf32Be, bytes),
        [_, 0, 0, 0, ..] => (Encoding::Utf32Le, bytes),
        [0, _, ..] => (Encoding::Utf16Be, bytes),
        [_, 0, ..] => (Encoding::Utf16Le, bytes),
        _ => (Encoding::Utf8, bytes),
    };
    let text = match encoding {
        Encoding::Utf8 => String::from_utf8(body.to_vec()).map_err(|_| "the packet is not valid UTF-8".to_owned())?,
        Encoding::Utf16Be | Encoding::Utf16Le => {
            let units: Vec<u16> = body
                .chunks(2)
                .map(|c| {
                    let pair = [c.first().copied().unwrap_or(0), c.get(1).copied().unwrap_or(0)];
                    if encoding == Encoding::Utf16Be {
                        u16::from_be_bytes(pair)
                    } else {
                        u16::from_le_bytes(pair)
                    }
                })
                .collect();
            String::from_utf16(&units).map_err(|_| "the packet is not valid UTF-16".to_owned())?
        }
        Encoding::Utf32Be | Encoding::Utf32Le => body
            .chunks(4)
            .map(|c| {
                let quad = [
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                    c.get(2).copied().unwrap_or(0),
                    c.get(3).copied().unwrap_or(0),
                ];
                let v = if encoding == Encoding::Utf32Be { u32::from_be_bytes(quad) } else { u32::from_le_bytes(quad) };
                char::from_u32(v).ok_or_else(|| "the packet is not valid UTF-32".to_owned())
            })
            .collect::<Result<String, String>>()?,
    };
    Ok((text.trim_start_matches('\u{feff}').to_owned(), encoding))
}

/// The content of the `<?xpacket begin=...?>` instruction.
fn packet_header(text: &str) -> Option<String> {
    let start = text.find("<?xpacket")?;
    let rest = text.get(start + 9..)?;
    let end = rest.find("?>")?;
    let body = rest.get(..end)?;
    body.trim_start().starts_with("begin").then(|| body.trim().to_owned())
}

#[derive(Clone, Debug, Default)]
struct Element {
    ns: String,
    prefix: String,
    local: String,
    attrs: Vec<Attr>,
    children: Vec<XmlNode>,
}

#[derive(Clone, Debug)]
struct Attr {
    ns: String,
    prefix: String,
    local: String,
    value: String,
}

#[derive(Clone, Debug)]
enum XmlNode {
    Element(Element),
    Text(String),
}

fn resolved(r: &ResolveResult<'_>) -> Result<String, String> {
    match r {
        ResolveResult::Bound(ns) => Ok(String::from_utf8_lossy(ns.as_ref()).into_owned()),
        ResolveResult::Unbound => Ok(String::new()),
        ResolveResult::Unknown(p) => Err(format!("undeclared namespace prefix {}", String::from_utf8_lossy(p))),
    }
}

/// Reads XML into a tree (a document node whose children are the top-level nodes).
fn xml_tree(text: &str, max_depth: usize) -> Result<Element, String> {
    let mut reader = NsReader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = vec![Element::default()];
    loop {
        let (ns, event) = reader.read_resolved_event().map_err(|e| format!("XML error: {e}"))?;
        let ns = resolved(&ns);
        match event {
            Event::Start(e) => {
                let element = start_element(&reader, ns?, &e)?;
                stack.push(element);
                if stack.len() > max_depth {
                    return Err("XML nested too deeply".to_owned());
                }
            }
            Event::Empty(e) => {
                let element = start_element(&reader, ns?, &e)?;
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(XmlNode::Element(element));
                }
            }
            Event::End(_) => {
                let element = stack.pop().ok_or("unbalanced end tag")?;
                let parent = stack.last_mut().ok_or("unbalanced end tag")?;
                parent.children.push(XmlNode::Element(element));
            }
            Event::Text(t) => {
                let value = t.xml_content().map_err(|e| format!("XML error: {e}"))?;
                push_text(&mut stack, &value);
            }
            Event::CData(t) => {
                let value = t.decode().map_err(|e| format!("XML error: {e}"))?;
                push_text(&mut stack, &value);
            }
            Event::GeneralRef(r) => {
                let value = match r.resolve_char_ref().map_err(|e| format!("XML error: {e}"))? {
                    Some(c) => c.to_string(),
                    None => match r.decode().map_err(|e| format!("XML error: {e}"))?.as_ref() {
                        "amp" => "&".to_owned(),
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "apos" => "'".to_owned(),
                        "quot" => "\"".to_owned(),
                        other => return Err(format!("unknown entity &{other};")),
                    },
                };
                push_text(&mut stack, &value);
            }
            Event::Eof => break,
            Event::DocType(_) => return Err("DOCTYPE is not allowed in XMP".to_owned()),
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err("XML ends inside an element".to_owned());
    }
    stack.pop().ok_or_else(|| "empty XML".to_owned())
}

fn push_text(stack: &mut [Element], value: &str) {
    let Some(parent) = stack.last_mut() else { return };
    if let Some(XmlNode::Text(t)) = parent.children.last_mut() {
        t.push_str(value);
    } else {
        parent.children.push(XmlNode::Text(value.to_owned()));
    }
}

fn start_element(
    reader: &NsReader<&[u8]>,
    ns: String,
    e: &quick_xml::events::BytesStart<'_>,
) -> Result<Element, String> {
    let name = e.name();
    let mut element = Element {
        ns,
        prefix: name.prefix().map(|p| String::from_utf8_lossy(p.as_ref()).into_owned()).unwrap_or_default(),
        local: String::from_utf8_lossy(e.local_name().as_ref()).into_owned(),
        ..Element::default()
    };
    for attr in e.attributes() {
        let attr = attr.map_err(|e| format!("XML attribute error: {e}"))?;
        let key = attr.key;
        if key.as_ref() == b"xmlns" || key.as_ref().starts_with(b"xmlns:") {
            continue;
        }
        let (ans, local) = reader.resolver().resolve_attribute(key);
        let value = attr.unescape_value().map_err(|e| format!("XML attribute error: {e}"))?.into_owned();
        element.attrs.push(Attr {
            ns: resolved(&ans)?,
            prefix: key.prefix().map(|p| String::from_utf8_lossy(p.as_ref()).into_owned()).unwrap_or_default(),
            local: String::from_utf8_lossy(local.as_ref()).into_owned(),
            value,
        });
    }
    Ok(element)
}

fn find_rdf(root: &Element) -> Option<&Element> {
    let mut stack = vec![root];
    while let Some(e) = stack.pop() {
        if e.ns == NS_RDF && e.local == "RDF" {
            return Some(e);
        }
        for child in e.children.iter().rev() {
            if let XmlNode::Element(c) = child {
                stack.push(c);
            }
        }
    }
    None
}

fn is_white_text(node: &XmlNode) -> bool {
    matches!(node, XmlNode::Text(t) if t.chars().all(char::is_whitespace))
}

/// RDF terms as the XMP toolkit classifies them.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
enum Term {
    Other,
    Rdf,
    Id,
    About,
    ParseType,
    Resource,
    NodeId,
    Datatype,
    Description,
    Li,
    Old,
}

fn term(ns: &str, local: &str) -> Term {
    if ns != NS_RDF {
        return Term::Other;
    }
    match local {
        "li" => Term::Li,
        "parseType" => Term::ParseType,
        "Description" => Term::Description,
        "about" => Term::About,
        "resource" => Term::Resource,
        "RDF" => Term::Rdf,
        "ID" => Term::Id,
        "nodeID" => Term::NodeId,
        "datatype" => Term::Datatype,
        "aboutEach" | "aboutEachPrefix" | "bagID" => Term::Old,
        _ => Term::Other,
    }
}

fn is_property_element_name(t: Term) -> bool {
    !matches!(
        t,
        Term::Description
            | Term::Old
            | Term::Rdf
            | Term::Id
            | Term::About
            | Term::ParseType
            | Term::Resource
            | Term::NodeId
            | Term::Datatype
    )
}

/// A parent being filled: the top level (properties) or a node (fields or items).
#[derive(Default)]
struct Rdf {
    properties: Vec<Node>,
    about: Option<String>,
}

impl Rdf {
    fn root(&mut self, rdf: &Element) -> Result<(), String> {
        for child in &rdf.children {
            if is_white_text(child) {
                continue;
            }
            let XmlNode::Element(e) = child else { return Err("text inside rdf:RDF".to_owned()) };
            match term(&e.ns, &e.local) {
                Term::Description => {}
                Term::Other => return Err("Top level typed node not allowed".to_owned()),
                _ => return Err("Node element must be rdf:Description or typed node".to_owned()),
            }
            let mut top = Node::default();
            self.node_element(&mut top, e, true)?;
            for p in top.children {
                if self.properties.iter().any(|q| q.ns == p.ns && q.name == p.name) {
                    return Err(format!("Duplicate property or field node '{}:{}'", p.prefix, p.name));
                }
                self.properties.push(p);
            }
        }
        Ok(())
    }

    fn node_element(&mut self, parent: &mut Node, e: &Element, top: bool) -> Result<(), String> {
        let mut exclusive = 0;
        for a in &e.attrs {
            let t = if a.ns.is_empty() && matches!(a.local.as_str(), "about" | "ID" | "nodeID") {
                term(NS_RDF, &a.local)
            } else {
                term(&a.ns, &a.local)
            };
            match t {
                Term::Id | Term::NodeId | Term::About => {
                    exclusive += 1;
                    if exclusive > 1 {
                        return Err("Mutally exclusive about, ID, nodeID attributes".to_owned());
                    }
                    if top && t == Term::About && !a.value.is_empty() {
                        match &self.about {
                            Some(about) if *about != a.value => {
                                return Err("Mismatched top level rdf:about values".to_owned())
                            }
                            Some(_) => {}
                            None => self.about = Some(a.value.clone()),
                        }
                    }
                }
                Term::Other => {
                    let child = attribute_node(a)?;
                    add_child(parent, child, top)?;
                }
                _ => return Err("Invalid nodeElement attribute".to_owned()),
            }
        }
        for child in &e.children {
            if is_white_text(child) {
                continue;
            }
            let XmlNode::Element(c) = child else { return Err("Expected property element node not found".to_owned()) };
            self.property_element(parent, c, top)?;
        }
        Ok(())
    }

    fn property_element(&mut self, parent: &mut Node, e: &Element, top: bool) -> Result<(), String> {
        if !is_property_element_name(term(&e.ns, &e.local)) {
            return Err("Invalid property element name".to_owned());
        }
        if e.attrs.len() > 3 {
            return self.empty_property(parent, e, top);
        }
        for a in &e.attrs {
            let is_lang = a.ns == NS_XML && a.local == "lang";
            let is_id = a.ns == NS_RDF && a.local == "ID";
            if is_lang || is_id {
                continue;
            }
            if a.ns == NS_RDF && a.local == "datatype" {
                return self.literal_property(parent, e, top);
            }
            if !(a.ns == NS_RDF && a.local == "parseType") {
                return self.empty_property(parent, e, top);
            }
            return match a.value.as_str() {
                "Resource" => self.parse_type_resource(parent, e, top),
                "Literal" => Err("ParseTypeLiteral property element not allowed".to_owned()),
                "Collection" => Err("ParseTypeCollection property element not allowed".to_owned()),
                _ => Err("ParseTypeOther property element not allowed".to_owned()),
            };
        }
        if e.children.is_empty() {
            return self.empty_property(parent, e, top);
        }
        if e.children.iter().any(|c| matches!(c, XmlNode::Element(_))) {
            self.resource_property(parent, e, top)
        } else {
            self.literal_property(parent, e, top)
        }
    }

    fn resource_property(&mut self, parent: &mut Node, e: &Element, top: bool) -> Result<(), String> {
        if top && e.prefix == "iX" && e.local == "changes" {
            return Ok(());
        }
        let mut node = element_node(e)?;
        for a in &e.attrs {
            if a.ns == NS_XML && a.local == "lang" {
                node.qualifiers.push(lang_qualifier(&a.value));
            } else if !(a.ns == NS_RDF && a.local == "ID") {
                return Err("Invalid attribute for resource property element".to_owned());
            }
        }
        let mut found = false;
        for child in &e.children {
            if is_white_text(child) {
                continue;
            }
            match child {
                XmlNode::Element(c) if !found => {
                    let is_rdf = c.ns == NS_RDF;
                    match (is_rdf, c.local.as_str()) {
                        (true, "Bag") => node.form = Form::Bag,
                        (true, "Seq") => node.form = Form::Seq,
                        (true, "Alt") => node.form = Form::Alt,
                        _ => {
                            node.form = Form::Struct;
                            if !is_rdf && c.local != "Description" {
                                if c.ns.is_empty() {
                                    return Err("All XML elements must be in a namespace".to_owned());
                                }
                                node.qualifiers.push(Node {
                                    ns: NS_RDF.to_owned(),
                                    prefix: "rdf".to_owned(),
                                    name: "type".to_owned(),
                                    value: format!("{}:{}", c.ns, c.local),
                                    ..Node::default()
                                });
                            }
                        }
                    }
                    if !matches!(term(&c.ns, &c.local), Term::Description | Term::Other) {
                        return Err("Node element must be rdf:Description or typed node".to_owned());
                    }
                    self.node_element(&mut node, c, false)?;
                    if node.has_value_child {
                        fixup_qualified(&mut node)?;
                    }
                    found = true;
                }
                XmlNode::Element(_) => return Err("Invalid child of resource property element".to_owned()),
                XmlNode::Text(_) => return Err("Children of resource property element must be XML elements".to_owned()),
            }
        }
        if !found {
            return Err("Missing child of resource property element".to_owned());
        }
        add_child(parent, node, top)
    }

    fn literal_property(&mut self, parent: &mut Node, e: &Element, top: bool) -> Result<(), String> {
        let mut node = element_node(e)?;
        for a in &e.attrs {
            if a.ns == NS_XML && a.local == "lang" {
                node.qualifiers.push(lang_qualifier(&a.value));
            } else if !(a.ns == NS_RDF && (a.local == "ID" || a.local == "datatype")) {
                return Err("Invalid attribute for literal property element".to_owned());
            }
        }
        for child in &e.children {
            match child {
                XmlNode::Text(t) => node.value.push_str(t),
                XmlNode::Element(_) => return Err("Invalid child of literal property element".to_owned()),
            }
        }
        add_child(parent, node, top)
    }

    fn parse_type_resource(&mut self, parent: &mut Node, e: &Element, top: bool) -> Result<(), String> {
        let mut node = element_node(e)?;
        node.form = Form::Struct;
        for a in &e.attrs {
            if a.ns == NS_XML && a.local == "lang" {
                node.qualifiers.push(lang_qualifier(&a.value));
            } else if !(a.ns == NS_RDF && (a.local == "ID" || a.local == "parseType")) {
                return Err("Invalid attribute for ParseTypeResource property element".to_owned());
            }
        }
        for child in &e.children {
            if is_white_text(child) {
                continue;
            }
            let XmlNode::Element(c) = child else { return Err("Expected property element node not found".to_owned()) };
            self.property_element(&mut node, c, false)?;
        }
        if node.has_value_child {
            fixup_qualified(&mut node)?;
        }
        add_child(parent, node, top)
    }

    fn empty_property(&mut self, parent: &mut Node, e: &Element, top: bool) -> Result<(), String> {
        if !e.children.is_empty() {
            return Err("Nested content not allowed with rdf:resource or property attributes".to_owned());
        }
        let mut has_property_attrs = false;
        let mut has_resource = false;
        let mut has_node_id = false;
        let mut value: Option<usize> = None;
        let mut has_value = false;
        for (i, a) in e.attrs.iter().enumerate() {
            match term(&a.ns, &a.local) {
                Term::Id => {}
                Term::Resource => {
                    if has_node_id {
                        return Err("Empty property element can't have both rdf:resource and rdf:nodeID".to_owned());
                    }
                    if has_value {
                        return Err("Empty property element can't have both rdf:value and rdf:resource".to_owned());
                    }
                    has_resource = true;
                    value = Some(i);
                }
                Term::NodeId => {
                    if has_resource {
                        return Err("Empty property element can't have both rdf:resource and rdf:nodeID".to_owned());
                    }
                    has_node_id = true;
                }
                Term::Other => {
                    if a.ns == NS_RDF && a.local == "value" {
                        if has_resource {
                            return Err("Empty property element can't have both rdf:value and rdf:resource".to_owned());
                        }
                        has_value = true;
                        value = Some(i);
                    } else if !(a.ns == NS_XML && a.local == "lang") {
                        has_property_attrs = true;
                    }
                }
                _ => return Err("Unrecognized attribute of empty property element".to_owned()),
            }
        }
        let mut node = element_node(e)?;
        let is_struct = !(has_value || has_resource) && has_property_attrs;
        if has_value || has_resource {
            node.value = value.and_then(|i| e.attrs.get(i)).map(|a| a.value.clone()).unwrap_or_default();
        } else if has_property_attrs {
            node.form = Form::Struct;
        }
        for (i, a) in e.attrs.iter().enumerate() {
            if Some(i) == value {
                continue;
            }
            match term(&a.ns, &a.local) {
                Term::Id | Term::NodeId => {}
                Term::Resource => node.qualifiers.push(qualifier(a)),
                Term::Other => {
                    if !is_struct || (a.ns == NS_XML && a.local == "lang") {
                        node.qualifiers.push(if a.ns == NS_XML && a.local == "lang" {
                            lang_qualifier(&a.value)
                        } else {
                            qualifier(a)
                        });
                    } else {
                        let field = attribute_node(a)?;
                        add_child(&mut node, field, false)?;
                    }
                }
                _ => return Err("Unrecognized attribute of empty property element".to_owned()),
            }
        }
        add_child(parent, node, top)
    }
}

fn qualifier(a: &Attr) -> Node {
    Node {
        ns: a.ns.clone(),
        prefix: a.prefix.clone(),
        name: a.local.clone(),
        value: a.value.clone(),
        ..Node::default()
    }
}

fn lang_qualifier(value: &str) -> Node {
    Node {
        ns: NS_XML.to_owned(),
        prefix: "xml".to_owned(),
        name: "lang".to_owned(),
        value: value.to_ascii_lowercase(),
        ..Node::default()
    }
}

fn namespace(ns: &str) -> Result<String, String> {
    if ns.is_empty() {
        return Err("XML namespace required for all elements and attributes".to_owned());
    }
    Ok(if ns == NS_DC_DEPRECATED { NS_DC.to_owned() } else { ns.to_owned() })
}

fn element_node(e: &Element) -> Result<Node, String> {
    Ok(Node { ns: namespace(&e.ns)?, prefix: e.prefix.clone(), name: e.local.clone(), ..Node::default() })
}

fn attribute_node(a: &Attr) -> Result<Node, String> {
    Ok(Node {
        ns: namespace(&a.ns)?,
        prefix: a.prefix.clone(),
        name: a.local.clone(),
        value: a.value.clone(),
        ..Node::default()
    })
}

/// Adds a property, field or item, with the toolkit's checks.
fn add_child(parent: &mut Node, child: Node, top: bool) -> Result<(), String> {
    let is_item = child.ns == NS_RDF && child.name == "li";
    let is_value = child.ns == NS_RDF && child.name == "value";
    if is_value {
        if top || parent.form != Form::Struct {
            return Err("Misplaced rdf:value element".to_owned());
        }
        parent.has_value_child = true;
        parent.children.insert(0, child);
        return Ok(());
    }
    if is_item {
        if !parent.is_array() {
            return Err("Misplaced rdf:li element".to_owned());
        }
        parent.children.push(child);
        return Ok(());
    }
    if !top && parent.children.iter().any(|c| c.ns == child.ns && c.name == child.name) {
        return Err(format!("Duplicate property or field node '{}:{}'", child.prefix, child.name));
    }
    parent.children.push(child);
    Ok(())
}

/// A struct with an `rdf:value` child becomes a qualified simple value.
fn fixup_qualified(node: &mut Node) -> Result<(), String> {
    if node.children.is_empty() {
        return Ok(());
    }
    let value = node.children.remove(0);
    if value.lang().is_some() && node.lang().is_some() {
        return Err("Redundant xml:lang for rdf:value element".to_owned());
    }
    node.qualifiers.extend(value.qualifiers);
    let others = std::mem::take(&mut node.children);
    node.qualifiers.extend(others);
    node.has_value_child = false;
    node.form = value.form;
    node.value = value.value;
    node.children = value.children;
    Ok(())
}

/// Names of the namespaces a packet declares with `xmlns:` (for messages).
pub fn declared_prefixes(packet: &Packet) -> BTreeSet<String> {
    packet.properties.iter().map(|p| p.prefix.clone()).collect()
}

/// An XMP date (ISO 8601 as XMP 2004 §4.3.1 allows: `YYYY[-MM[-DD[Thh:mm[:ss[.s+]][TZD]]]]`) as
/// seconds since the epoch, with an absent zone read as UTC.
///
/// # Errors
/// When the text is not such a date.
pub fn parse_date(text: &str) -> Result<i64, String> {
    let bad = || format!("invalid date {text}");
    let s = text.trim();
    let bytes = s.as_bytes();
    let mut pos = 0usize;
    let number = |pos: &mut usize, max: usize| -> Option<i64> {
        let start = *pos;
        while *pos < bytes.len() && *pos - start < max && bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
            *pos += 1;
        }
        if *pos == start {
            return None;
        }
        s.get(start..*pos)?.parse().ok()
    };
    let negative = bytes.first() == Some(&b'-');
    if negative {
        pos += 1;
    }
    let mut year = number(&mut pos, 9).ok_or_else(bad)?;
    if negative {
        year = -year;
    }
    let (mut month, mut day, mut hour, mut minute, mut second) = (1, 1, 0, 0, 0);
    let mut offset = 0i64;
    if bytes.get(pos) == Some(&b'-') {
        pos += 1;
        month = number(&mut pos, 2).ok_or_else(bad)?;
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
            day = number(&mut pos, 2).ok_or_else(bad)?;
            if !(1..=31).contains(&day) {
                return Err(bad());
            }
        }
    }
    if bytes.get(pos) == Some(&b'T') {
        pos += 1;
        hour = number(&mut pos, 2).ok_or_else(bad)?;
        if bytes.get(pos) != Some(&b':') || hour > 23 {
            return Err(bad());
        }
        pos += 1;
        minute = number(&mut pos, 2).ok_or_else(bad)?;
        if minute > 59 {
            return Err(bad());
        }
        if bytes.get(pos) == Some(&b':') {
            pos += 1;
            second = number(&mut pos, 2).ok_or_else(bad)?;
            if second > 59 {
                return Err(bad());
            }
            if bytes.get(pos) == Some(&b'.') {
                pos += 1;
                number(&mut pos, 9).ok_or_else(bad)?;
                while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
                    pos += 1;
                }
            }
        }
        match bytes.get(pos) {
            Some(b'Z') => pos += 1,
            Some(sign @ (b'+' | b'-')) => {
                let sign = if *sign == b'-' { -1 } else { 1 };
                pos += 1;
                let h = number(&mut pos, 2).ok_or_else(bad)?;
                if bytes.get(pos) != Some(&b':') {
                    return Err(bad());
                }
                pos += 1;
                let m = number(&mut pos, 2).ok_or_else(bad)?;
                if h > 23 || m > 59 {
                    return Err(bad());
                }
                offset = sign * (h * 3600 + m * 60);
            }
            _ => {}
        }
    }
    if pos != bytes.len() {
        return Err(bad());
    }
    Ok(epoch_seconds(year, month, day, hour, minute, second) - offset)
}

/// Seconds since 1970-01-01T00:00:00Z of a proleptic Gregorian date and time.
pub fn epoch_seconds(year: i64, month: i64, day: i64, hour: i64, minute: i64, second: i64) -> i64 {
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + hour * 3600 + minute * 60 + second
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">"#;
    const TAIL: &str = "</rdf:RDF></x:xmpmeta>";

    fn packet(body: &str) -> Packet {
        parse(
            format!(
                "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>{HEAD}{body}{TAIL}<?xpacket end=\"w\"?>"
            )
            .as_bytes(),
            100,
        )
    }

    #[test]
    fn element_and_attribute_forms() {
        let p = packet(
            r#"<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"><pdfaid:part>1</pdfaid:part></rdf:Description><rdf:Description rdf:about="" xmlns:p="http://www.aiim.org/pdfa/ns/id/" p:conformance="A"/>"#,
        );
        assert_eq!(p.error, None);
        assert_eq!(identification(&p), (Some("1".to_owned()), Some("A".to_owned())));
        assert!(p.header.unwrap().starts_with("begin="));
    }

    #[test]
    fn arrays_structs_and_lang_alt() {
        let p = packet(
            r#"<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:stRef="http://ns.adobe.com/xap/1.0/sType/ResourceRef#">
            <dc:title><rdf:Alt><rdf:li xml:lang="en">E</rdf:li><rdf:li xml:lang="x-default">D</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>A</rdf:li></rdf:Seq></dc:creator>
            <xmpMM:DerivedFrom rdf:parseType="Resource"><stRef:documentID>x</stRef:documentID></xmpMM:DerivedFrom>
            <xmpMM:ManagedFrom stRef:documentID="y"/>
        </rdf:Description>"#,
        );
        assert_eq!(p.error, None);
        let title = p.property(NS_DC, "title").unwrap();
        assert!(title.is_alt_text());
        assert_eq!(title.default_text(), Some("D"));
        assert_eq!(p.property(NS_DC, "creator").unwrap().form, Form::Seq);
        let derived = p.property("http://ns.adobe.com/xap/1.0/mm/", "DerivedFrom").unwrap();
        assert_eq!(derived.form, Form::Struct);
        assert_eq!(derived.children[0].value, "x");
        assert_eq!(p.property("http://ns.adobe.com/xap/1.0/mm/", "ManagedFrom").unwrap().form, Form::Struct);
    }

    #[test]
    fn toolkit_errors() {
        assert!(packet(
            r#"<rdf:Description rdf:about="" xmlns:a="urn:a:"><a:x rdf:parseType="Literal">1</a:x></rdf:Description>"#
        )
        .error
        .is_some());
        assert!(packet(r#"<rdf:Description rdf:about="" xmlns:a="urn:a:"><a:x>1</a:x><a:x>2</a:x></rdf:Description>"#)
            .error
            .is_some());
        assert!(packet(r#"<rdf:Description rdf:about="a"/><rdf:Description rdf:about="b"/>"#).error.is_some());
        assert!(packet(r#"<rdf:Description rdf:about="a"/><rdf:Description rdf:about=""/>"#).error.is_none());
        assert!(packet(r#"<rdf:Description><b:x xmlns:b="urn:b:">1</b:y></rdf:Description>"#).error.is_some());
        assert!(packet(r#"<rdf:Description rdf:about=""><c:x>1</c:x></rdf:Description>"#).error.is_some());
    }

    #[test]
    fn encodings() {
        let text = format!(
            "{HEAD}<rdf:Description xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" pdfaid:part=\"1\"/>{TAIL}"
        );
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let utf32le: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect();
        for bytes in [utf16le, utf16be, utf32le] {
            let p = parse(&bytes, 100);
            assert_eq!(p.error, None);
            assert_eq!(identification(&p).0.as_deref(), Some("1"));
        }
    }

    #[test]
    fn random_packets_do_not_panic() {
        let base = format!("{HEAD}<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">T</rdf:li></rdf:Alt></dc:title></rdf:Description>{TAIL}");
        let mut seed = 42u64;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut bytes = base.clone().into_bytes();
            let at = usize::try_from(seed % u64::try_from(bytes.len()).unwrap()).unwrap();
            match seed % 3 {
                0 => bytes[at] = seed.to_le_bytes()[1],
                1 => bytes.truncate(at),
                _ => {
                    bytes.insert(at, b'<');
                }
            }
            let _ = parse(&bytes, 100);
            let _ = parse_date(&String::from_utf8_lossy(&bytes[at.saturating_sub(10)..at]));
        }
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-01T00:00:00Z"), Ok(0));
        assert_eq!(parse_date("2015-03-10T17:19:21+01:00"), Ok(1_426_004_361));
        assert_eq!(parse_date("2015-03-10"), Ok(1_425_945_600));
        assert!(parse_date("2015-13-10").is_err());
        assert!(parse_date("yesterday").is_err());
        assert!(parse_date("2015-03-10T17:19:21+0100").is_err());
    }
}
