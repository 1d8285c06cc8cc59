//! The one module that talks to the YAML parser.
//!
//! Everything else in the crate sees a [`Node`] tree in which every value and
//! every key carries its line and column, so that errors found *after* parsing
//! (an unknown fact, a bad value) can still point at the source. The tree is
//! built straight from the events of `granit-parser` (no serde layer), reading
//! scalars by a strict YAML 1.2 core schema:
//!
//! - `~`, `null`, `Null`, `NULL` and nothing are null; `true`/`True`/`TRUE` and
//!   `false`/`False`/`FALSE` are booleans (`yes`, `no`, `on`, `off` are text);
//! - an integer is written in decimal, as in JSON: `-?(0|[1-9][0-9]*)`;
//! - a fraction, an exponent, `.inf`, `.nan` or an integer beyond `i64` is a
//!   number kept as written (`1.0` stays `1.0` in messages);
//! - every notation YAML readers disagree on (`0x1F`, `0o17`, `0b101`,
//!   `1_000`, `017`, `+5`) and everything else is text, so the loader's type
//!   check reports it as written (`found \`0b101\``);
//! - tags (`!!str`, `!!binary`, `!include`), merge keys (`<<`), keys that are
//!   not names, duplicate keys, several documents and a `%YAML` version other
//!   than 1.2 are errors.
//!
//! Files in the plain block style scenarios are written in take a fast path
//! that reads them directly; everything else, and every error, goes through
//! the parser, which defines the meaning (see [`fast`]).
//!
//! Swapping the YAML crate means editing this file only.

use crate::message::{Fixed, Msg};
use crate::model::Lang;
use crate::tree::{Key, Node, Pos, Value};
use granit_parser::{ErrorKind, Event, Marker, Parser, ScalarStyle, ScanError, Span, Tag};
use std::borrow::Cow;
use std::collections::HashMap;

/// A YAML syntax or structure error, with its position when the parser knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the problem is.
    pub pos: Option<Pos>,
    /// What was found and what to write instead, without position prefix.
    pub message: String,
    /// The same as data, to be written in any language.
    pub(crate) msg: Msg,
}

/// Limits that keep hostile input cheap: nesting depth, node and alias counts.
const MAX_DEPTH: usize = 32;
const MAX_NODES: usize = 50_000;
const MAX_ALIASES: usize = 1_000;
/// Mappings with more keys than this find duplicates through a hash map.
const LINEAR_KEYS: usize = 16;
/// The longest tag or alias name quoted in a message.
const MAX_QUOTED: usize = 40;

/// Parses one YAML document into a positioned [`Node`] tree.
///
/// Every value and key counts toward a budget of 50,000 (each use of an alias
/// counts its whole value again, and so does each anchored value, which is
/// copied when defined), so an alias bomb stops early; nesting deeper than 32
/// collections and more than 1,000 aliases are errors too. The work done is
/// bounded by the input's length and that budget.
pub fn parse(src: &str) -> Result<Node, SyntaxError> {
    match fast::read(src) {
        Some(node) => Ok(node),
        None => full(src),
    }
}

/// Parses with the general parser: every YAML file, every error.
fn full(src: &str) -> Result<Node, SyntaxError> {
    let options = granit_parser::options! {
        emit_comments: false,
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH,
    };
    let mut b = Builder::new(src);
    // Each event is a node (counted against MAX_NODES), the end of one, or a
    // document boundary (two documents are an error), so this loop is bounded.
    for item in Parser::new_from_str_with_options(src, options) {
        let (event, span) = item.map_err(|e| scan_error(src, &e))?;
        if b.event(event, &span)? {
            break;
        }
    }
    Ok(b.root.unwrap_or(Node {
        pos: b.end,
        value: Value::Null,
    }))
}

/// A 1-based position from the parser's marker (line 1-based, column 0-based, in characters).
fn pos_of(m: &Marker) -> Pos {
    Pos {
        line: u32::try_from(m.line()).unwrap_or(u32::MAX),
        column: u32::try_from(m.col().saturating_add(1)).unwrap_or(u32::MAX),
    }
}

fn error(pos: Pos, msg: impl Into<Msg>) -> SyntaxError {
    let msg = msg.into();
    SyntaxError {
        pos: Some(pos),
        message: msg.text(Lang::En),
        msg,
    }
}

/// `text` cut to [`MAX_QUOTED`] characters, for quoting in a message.
fn short(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_QUOTED) {
        Some((i, _)) => Cow::Owned(format!("{}…", &text[..i])),
        None => Cow::Borrowed(text),
    }
}

/// A collection being built.
struct Frame {
    /// Where it starts.
    pos: Pos,
    /// Its anchor id (0: none).
    anchor: usize,
    /// The node count when it started (its size is the difference at its end).
    start: usize,
    kind: Kind,
}

enum Kind {
    Seq(Vec<Node>),
    Map {
        entries: Vec<(Key, Node)>,
        /// The key read, waiting for its value.
        key: Option<Key>,
        /// Key names to their position, once the mapping is large.
        index: Option<HashMap<String, Pos>>,
    },
}

/// Where a document stands in the stream.
#[derive(PartialEq)]
enum Doc {
    Before,
    In,
    After,
}

/// Builds the tree from parser events, enforcing the limits and the schema.
struct Builder<'s> {
    src: &'s str,
    frames: Vec<Frame>,
    root: Option<Node>,
    /// Anchored values by anchor id, with their size in nodes.
    anchors: HashMap<usize, (Node, usize)>,
    /// Values in the tree so far, aliases expanded.
    nodes: usize,
    /// Values copied for anchors (they take memory too).
    copies: usize,
    aliases: usize,
    doc: Doc,
    /// Where the stream ends (an empty document's position).
    end: Pos,
}

impl<'s> Builder<'s> {
    fn new(src: &'s str) -> Self {
        Builder {
            src,
            frames: Vec::new(),
            root: None,
            anchors: HashMap::new(),
            nodes: 0,
            copies: 0,
            aliases: 0,
            doc: Doc::Before,
            end: Pos { line: 1, column: 1 },
        }
    }

    /// Handles one event; `Ok(true)` at the end of the stream.
    fn event(&mut self, event: Event<'_>, span: &Span) -> Result<bool, SyntaxError> {
        let pos = pos_of(&span.start);
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                self.scalar(text, style, anchor, tag.as_deref(), span)?;
            }
            Event::SequenceStart(_, anchor, tag) => {
                self.open(pos, anchor, tag.as_deref(), span, Kind::Seq(Vec::new()))?;
            }
            Event::MappingStart(_, anchor, tag) => {
                let kind = Kind::Map {
                    entries: Vec::new(),
                    key: None,
                    index: None,
                };
                self.open(pos, anchor, tag.as_deref(), span, kind)?;
            }
            Event::SequenceEnd | Event::MappingEnd => self.close()?,
            Event::Alias(id) => self.alias(id, pos, span)?,
            Event::DocumentStart(_, version) => {
                if self.doc == Doc::After {
                    return Err(error(pos, Fixed::SecondDocument));
                }
                if let Some(v) = version
                    && (v.major, v.minor) != (1, 2)
                {
                    return Err(error(
                        self.directive_pos().unwrap_or(pos),
                        Msg::DeclaredYaml {
                            major: u64::from(v.major),
                            minor: u64::from(v.minor),
                        },
                    ));
                }
                self.doc = Doc::In;
            }
            Event::DocumentEnd => self.doc = Doc::After,
            Event::StreamEnd => {
                self.end = pos;
                return Ok(true);
            }
            Event::UnresolvedAlias(name) => {
                return Err(error(pos, unknown_alias(&name)));
            }
            _ => {}
        }
        Ok(false)
    }

    /// Counts one more node against the budget.
    fn count(&mut self, pos: Pos, n: usize) -> Result<(), SyntaxError> {
        self.nodes = self.nodes.saturating_add(n);
        self.check_budget(pos)
    }

    /// Refuses the document once its values and anchored copies pass [`MAX_NODES`].
    fn check_budget(&self, pos: Pos) -> Result<(), SyntaxError> {
        if self.nodes.saturating_add(self.copies) > MAX_NODES {
            return Err(error(pos, Msg::ValuesOverBudget { max: MAX_NODES }));
        }
        Ok(())
    }

    /// Whether the next node is a mapping's key.
    fn wants_key(&self) -> bool {
        matches!(
            self.frames.last(),
            Some(Frame {
                kind: Kind::Map { key: None, .. },
                ..
            })
        )
    }

    /// Remembers an anchored value (a copy, counted) for its aliases.
    fn define(&mut self, anchor: usize, node: &Node, size: usize) -> Result<(), SyntaxError> {
        if anchor != 0 {
            self.copies = self.copies.saturating_add(size);
            self.check_budget(node.pos)?;
            self.anchors.insert(anchor, (node.clone(), size));
        }
        Ok(())
    }

    fn scalar(
        &mut self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<&Tag>,
        span: &Span,
    ) -> Result<(), SyntaxError> {
        let pos = pos_of(&span.start);
        if let Some(tag) = tag {
            return Err(self.tag_error(tag, span));
        }
        self.count(pos, 1)?;
        if self.wants_key() {
            if style == ScalarStyle::Plain {
                if span.is_empty() {
                    return Err(error(pos, Fixed::KeyMissing));
                }
                if matches!(text.as_ref(), "~" | "null" | "Null" | "NULL") {
                    return Err(error(
                        pos,
                        Msg::NullKey {
                            key: text.to_string(),
                        },
                    ));
                }
                if text == "<<" {
                    return Err(error(pos, Fixed::MergeKey));
                }
            }
            let key = Key {
                pos,
                name: text.into_owned(),
            };
            if anchor != 0 {
                let node = Node {
                    pos,
                    value: resolve(Cow::Borrowed(&key.name), style),
                };
                self.define(anchor, &node, 1)?;
            }
            return self.set_key(key);
        }
        let value = resolve(text, style);
        let node = Node { pos, value };
        self.define(anchor, &node, 1)?;
        self.put(node);
        Ok(())
    }

    /// Records a mapping's key, refusing a duplicate.
    fn set_key(&mut self, key: Key) -> Result<(), SyntaxError> {
        let Some(Frame {
            kind:
                Kind::Map {
                    entries,
                    key: slot,
                    index,
                },
            ..
        }) = self.frames.last_mut()
        else {
            return Ok(());
        };
        let first = match index {
            Some(ix) => ix.get(&key.name).copied(),
            None => entries
                .iter()
                .find(|(k, _)| k.name == key.name)
                .map(|(k, _)| k.pos),
        };
        if let Some(first) = first {
            return Err(error(
                key.pos,
                Msg::DuplicateKey {
                    key: short(&key.name).into_owned(),
                    line: first.line,
                    column: first.column,
                },
            ));
        }
        if let Some(ix) = index {
            ix.insert(key.name.clone(), key.pos);
        } else if entries.len() >= LINEAR_KEYS {
            let mut ix: HashMap<String, Pos> = entries
                .iter()
                .map(|(k, _)| (k.name.clone(), k.pos))
                .collect();
            ix.insert(key.name.clone(), key.pos);
            *index = Some(ix);
        }
        *slot = Some(key);
        Ok(())
    }

    /// Starts a collection.
    fn open(
        &mut self,
        pos: Pos,
        anchor: usize,
        tag: Option<&Tag>,
        span: &Span,
        kind: Kind,
    ) -> Result<(), SyntaxError> {
        if let Some(tag) = tag {
            return Err(self.tag_error(tag, span));
        }
        if self.wants_key() {
            let map = matches!(kind, Kind::Map { .. });
            return Err(error(pos, Msg::CollectionKey { map }));
        }
        if self.frames.len() >= MAX_DEPTH {
            return Err(depth_error(pos));
        }
        self.count(pos, 1)?;
        self.frames.push(Frame {
            pos,
            anchor,
            start: self.nodes,
            kind,
        });
        Ok(())
    }

    /// Ends the innermost collection.
    fn close(&mut self) -> Result<(), SyntaxError> {
        let Some(f) = self.frames.pop() else {
            return Ok(());
        };
        let value = match f.kind {
            Kind::Seq(items) => Value::Seq(items),
            Kind::Map { entries, .. } => Value::Map(entries),
        };
        let node = Node { pos: f.pos, value };
        // The collection itself and everything in it.
        let size = self.nodes - f.start + 1;
        self.define(f.anchor, &node, size)?;
        self.put(node);
        Ok(())
    }

    /// Places a finished node in its parent (or as the document).
    fn put(&mut self, node: Node) {
        match self.frames.last_mut() {
            None => self.root = Some(node),
            Some(Frame {
                kind: Kind::Seq(items),
                ..
            }) => items.push(node),
            Some(Frame {
                kind: Kind::Map { entries, key, .. },
                ..
            }) => {
                if let Some(k) = key.take() {
                    entries.push((k, node));
                }
            }
        }
    }

    /// Expands an alias, within the alias and node budgets.
    fn alias(&mut self, id: usize, pos: Pos, span: &Span) -> Result<(), SyntaxError> {
        let token = span.slice(self.src).unwrap_or("*");
        if self.wants_key() {
            return Err(error(
                pos,
                Msg::AliasKey {
                    alias: short(token).into_owned(),
                },
            ));
        }
        self.aliases += 1;
        if self.aliases > MAX_ALIASES {
            return Err(error(pos, Msg::TooManyAliases { max: MAX_ALIASES }));
        }
        let Some((node, size)) = self.anchors.get(&id) else {
            let name = short(token.trim_start_matches('*'));
            return Err(error(
                pos,
                Msg::SelfAlias {
                    name: name.into_owned(),
                },
            ));
        };
        let (mut node, size) = (node.clone(), *size);
        self.count(pos, size)?;
        node.pos = pos;
        self.put(node);
        Ok(())
    }

    /// The position of a `%YAML` line, if there is one.
    fn directive_pos(&self) -> Option<Pos> {
        self.src
            .lines()
            .take(1_000)
            .position(|l| l.trim_start_matches('\u{feff}').starts_with("%YAML"))
            .map(|i| Pos {
                line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                column: 1,
            })
    }

    /// A tag is refused: what was found, and what to write instead.
    fn tag_error(&self, tag: &Tag, span: &Span) -> SyntaxError {
        let written = span
            .tag_span()
            .and_then(|t| t.slice(self.src))
            .map_or_else(|| tag.original(), str::to_owned);
        let pos = span
            .tag_start()
            .map_or_else(|| pos_of(&span.start), |m| pos_of(&m));
        let yaml_type = tag.suffix_in_namespace("tag:yaml.org,2002:");
        let advice = match yaml_type.as_deref() {
            Some("str") => Fixed::TagStr,
            Some("int" | "float" | "bool" | "null") => Fixed::TagScalar,
            Some("binary") => Fixed::TagBinary,
            Some("map" | "seq" | "set" | "omap" | "pairs" | "timestamp") => Fixed::TagRemove,
            _ => Fixed::TagOther,
        };
        error(
            pos,
            Msg::Tag {
                tag: short(&written).into_owned(),
                advice,
            },
        )
    }
}

/// The value of a scalar, by the strict core schema described in the module docs.
fn resolve(text: Cow<'_, str>, style: ScalarStyle) -> Value {
    if style != ScalarStyle::Plain {
        return Value::Str(text.into_owned());
    }
    let t = text.as_ref();
    match t.as_bytes().first() {
        // Most values are words: one look at the first byte tells.
        Some(b'0'..=b'9' | b'-' | b'+' | b'.') => {
            if is_decimal(t) {
                match t.parse::<i64>() {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::Float(text.into_owned()),
                }
            } else if is_float(t) {
                Value::Float(text.into_owned())
            } else {
                Value::Str(text.into_owned())
            }
        }
        None | Some(b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F') => match t {
            "" | "~" | "null" | "Null" | "NULL" => Value::Null,
            "true" | "True" | "TRUE" => Value::Bool(true),
            "false" | "False" | "FALSE" => Value::Bool(false),
            _ => Value::Str(text.into_owned()),
        },
        _ => Value::Str(text.into_owned()),
    }
}

/// `-?(0|[1-9][0-9]*)`: an integer as JSON writes it.
fn is_decimal(t: &str) -> bool {
    let d = t.strip_prefix('-').unwrap_or(t).as_bytes();
    match d {
        [b'0'] => true,
        [b'1'..=b'9', rest @ ..] => rest.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

/// A YAML 1.2 core float with a fraction or an exponent
/// (`[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`), or `.inf`/`.nan`.
fn is_float(t: &str) -> bool {
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(t, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", frac)) => digits(frac),
        Some((int, frac)) => digits(int) && (frac.is_empty() || digits(frac)),
        None => digits(mantissa),
    };
    let has_point = mantissa.contains('.');
    match exponent {
        Some(e) => mantissa_ok && digits(e.strip_prefix(['-', '+']).unwrap_or(e)),
        None => mantissa_ok && has_point,
    }
}

fn depth_error(pos: Pos) -> SyntaxError {
    error(pos, Msg::NestedTooDeep { max: MAX_DEPTH })
}

fn unknown_alias(name: &str) -> Msg {
    Msg::NoAnchor {
        name: short(name).into_owned(),
    }
}

/// The parser's error, in plain words.
fn scan_error(src: &str, e: &ScanError) -> SyntaxError {
    let mut pos = pos_of(e.marker());
    let message: Msg = match e.kind() {
        ErrorKind::RecursionLimitExceeded => return depth_error(pos),
        ErrorKind::UnknownAnchor => {
            let name = e
                .marker()
                .byte_offset()
                .and_then(|i| src.get(i..))
                .map(|rest| {
                    let rest = rest.trim_start_matches('*');
                    let end = rest
                        .find(|c: char| c.is_whitespace() || ",[]{}".contains(c))
                        .unwrap_or(rest.len());
                    &rest[..end]
                })
                .unwrap_or("");
            unknown_alias(name)
        }
        ErrorKind::UnexpectedEofFlowSequence => Fixed::EofList.into(),
        ErrorKind::UnexpectedEofFlowMapping | ErrorKind::UnexpectedEofImplicitFlowMapping => {
            Fixed::EofMap.into()
        }
        ErrorKind::UnclosedFlowCollection { open } => {
            let close = if *open == '[' { ']' } else { '}' };
            Msg::NeverClosed { open: *open, close }
        }
        ErrorKind::MismatchedFlowCollectionEnd { open, close } => {
            let want = if *open == '[' { ']' } else { '}' };
            Msg::ClosedBy {
                open: *open,
                close: *close,
                want,
            }
        }
        ErrorKind::MisplacedFlowCollectionEnd => Fixed::StrayClose.into(),
        ErrorKind::ExpectedFlowMappingSeparator => Fixed::FlowMapSep.into(),
        ErrorKind::ExpectedFlowSequenceSeparator => Fixed::FlowListSep.into(),
        ErrorKind::UnclosedQuotedScalar => Fixed::UnclosedQuote.into(),
        ErrorKind::MappingValueNotAllowed => Fixed::StrayColon.into(),
        ErrorKind::ExpectedBlockMappingKey => Fixed::ExpectedKeyLine.into(),
        ErrorKind::ExpectedBlockSequenceEntry => Fixed::ExpectedItem.into(),
        ErrorKind::BlockSequenceEntryNotAllowed => Fixed::ItemHere.into(),
        ErrorKind::BlockEntryInFlowCollection => Fixed::DashInFlow.into(),
        ErrorKind::InvalidBlockEntryWhitespace => Fixed::SpaceAfterDash.into(),
        ErrorKind::InvalidMappingValueWhitespace
        | ErrorKind::FlowMappingValueAdjacentCollection => Fixed::SpaceAfterColon.into(),
        ErrorKind::InvalidColonPlacement | ErrorKind::MappingKeyNotAllowed => {
            Fixed::KeyCannotStart.into()
        }
        ErrorKind::SimpleKeyExpected | ErrorKind::InvalidSimpleKey => Fixed::OneLineKey.into(),
        ErrorKind::ExpectedNodeContent => Fixed::ExpectedValue.into(),
        ErrorKind::TabNotAllowed
        | ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInIndentation
        | ErrorKind::TabAtBlockScalarStart
        | ErrorKind::TabInPlainScalar => {
            if let Some(column) = first_tab(src, pos.line) {
                pos.column = column;
            }
            Fixed::TabIndent.into()
        }
        ErrorKind::InvalidIndentation
        | ErrorKind::InvalidFlowScalarIndent
        | ErrorKind::InvalidQuotedScalarIndent
        | ErrorKind::InvalidBlockScalarIndent => Fixed::Underindented.into(),
        ErrorKind::BomInsideDocument => Fixed::Bom.into(),
        ErrorKind::UnexpectedCharacter { character } => match character {
            '`' => Fixed::Backquote.into(),
            '@' | '%' => Msg::ReservedStart { c: *character },
            '|' | '>' => Msg::BlockInFlow { c: *character },
            c => Msg::ControlChar {
                code: u32::from(*c),
            },
        },
        ErrorKind::CommentNotSeparated | ErrorKind::ExpectedWhitespace => {
            Fixed::CommentSpace.into()
        }
        ErrorKind::CommentInterceptedScalar => Fixed::CommentInside.into(),
        ErrorKind::InvalidTrailingSingleQuotedScalar
        | ErrorKind::InvalidTrailingDoubleQuotedScalar => Fixed::AfterQuote.into(),
        ErrorKind::UnknownQuotedScalarEscape
        | ErrorKind::InvalidQuotedScalarHexEscape
        | ErrorKind::InvalidLowSurrogateHexEscape
        | ErrorKind::InvalidLowSurrogate
        | ErrorKind::MissingLowSurrogate
        | ErrorKind::UnpairedLowSurrogate
        | ErrorKind::InvalidUnicodeEscape => Fixed::BadEscape.into(),
        ErrorKind::DocumentIndicatorInQuotedScalar => Fixed::MarkerInQuote.into(),
        ErrorKind::InvalidDocumentEnd => Fixed::AfterDocEnd.into(),
        ErrorKind::ZeroBlockScalarIndent | ErrorKind::InvalidBlockScalarHeader => {
            Fixed::BlockScalar.into()
        }
        ErrorKind::PlainScalarStartsWithDashFlowIndicator
        | ErrorKind::UnexpectedEndOfPlainScalar => Fixed::CannotStart.into(),
        ErrorKind::MissingAnchorOrAliasName => Fixed::AnchorName.into(),
        ErrorKind::ExpectedTagBang
        | ErrorKind::ExpectedTagDirectiveBang
        | ErrorKind::InvalidGlobalTagCharacter
        | ErrorKind::InvalidTagTerminator
        | ErrorKind::MissingTagUri
        | ErrorKind::UnclosedVerbatimTag
        | ErrorKind::InvalidTagEscape
        | ErrorKind::InvalidTagUtf8LeadingByte
        | ErrorKind::InvalidTagUtf8TrailingByte
        | ErrorKind::InvalidTagUtf8
        | ErrorKind::UndeclaredTagHandle => Fixed::TagMark.into(),
        ErrorKind::AnchorCountOverflow => Msg::TooManyAliases { max: MAX_ALIASES },
        ErrorKind::UnsupportedYamlMajorVersion => Fixed::OtherVersion.into(),
        ErrorKind::ExpectedDocumentStart | ErrorKind::MissingDocumentEndBeforeDirective => {
            Fixed::DirectiveStart.into()
        }
        ErrorKind::DuplicateVersionDirective
        | ErrorKind::DuplicateTagDirective
        | ErrorKind::MissingYamlVersion
        | ErrorKind::MissingYamlVersionSeparator
        | ErrorKind::YamlVersionTooLong
        | ErrorKind::MissingDirectiveName
        | ErrorKind::InvalidDirectiveName
        | ErrorKind::InvalidDirectiveTerminator
        | ErrorKind::InvalidTagDirectiveTerminator
        | ErrorKind::DirectiveByteLimitExceeded { .. }
        | ErrorKind::TooManyReservedDirectiveParams { .. } => Fixed::BadDirective.into(),
        _ => Fixed::Unreadable.into(),
    };
    error(pos, message)
}

/// The fast path. Scenario files are written in a plain block style: block
/// mappings and lists, one-line `[…]` and `{…}`, one-line quoted or plain
/// values, comments. Such a file is read here directly, several times faster
/// than through the general parser. Anything else (block texts, multi-line
/// values, anchors, tags, escapes, tabs, `---`, …) and every mistake go to
/// [`full`], which defines the meaning: the fast path gives up (`None`) rather
/// than guess, and a property test checks that whatever it reads, it reads as
/// `full` does, positions included.
mod fast {
    use super::{MAX_DEPTH, MAX_NODES, resolve};
    use crate::tree::{Key, Node, Pos, Value};
    use granit_parser::ScalarStyle;
    use std::borrow::Cow;

    /// Most keys a mapping may have here (duplicates are found by scanning).
    const MAX_KEYS: usize = 64;
    /// Deepest nesting read here (the limit itself is reported by `full`).
    const DEPTH: usize = MAX_DEPTH - 2;
    /// Longest key read here (YAML's own limit for a key is 1024 characters).
    const MAX_KEY: usize = 1000;

    /// A block collection being read.
    struct Frame {
        /// Its column, 0-based (indentation is spaces, so bytes and characters agree).
        indent: usize,
        pos: Pos,
        /// A list written at its key's own indentation (`key:` then `- item`),
        /// whose position is its first item's, as the parser gives it.
        indentless: bool,
        kind: Kind,
    }

    enum Kind {
        Seq(Vec<Node>),
        /// Entries, and the key whose value is the next, nested collection.
        Map(Vec<(Key, Node)>, Option<Key>),
    }

    /// One line, for positions.
    struct Line<'s> {
        no: u32,
        text: &'s str,
        ascii: bool,
    }

    impl Line<'_> {
        /// The position of byte `at` (columns count characters).
        fn pos(&self, at: usize) -> Pos {
            let column = if self.ascii {
                at
            } else {
                self.text[..at].chars().count()
            };
            Pos {
                line: self.no,
                column: u32::try_from(column + 1).unwrap_or(u32::MAX),
            }
        }
    }

    struct Reader<'s> {
        lines: Vec<&'s str>,
        stack: Vec<Frame>,
        root: Option<Node>,
        nodes: usize,
        /// The indentation of a `key:` whose value is on the next lines.
        waiting: Option<usize>,
    }

    /// Reads `src` if it is in the plain subset; `None` sends it to [`super::full`].
    pub(super) fn read(src: &str) -> Option<Node> {
        let body = src.strip_prefix('\u{feff}').unwrap_or(src);
        let mut r = Reader {
            lines: lines(body)?,
            stack: Vec::new(),
            root: None,
            nodes: 0,
            waiting: None,
        };
        for i in 0..r.lines.len() {
            r.line(i)?;
        }
        if r.waiting.is_some() {
            return None;
        }
        while !r.stack.is_empty() {
            r.close()?;
        }
        r.root
    }

    /// The lines of `s` (without `\n` or `\r\n`), if it holds no tab, no
    /// control character, and no line or byte-order mark other than `\n`,
    /// `\r\n` and a leading BOM (already removed).
    fn lines(s: &str) -> Option<Vec<&str>> {
        const LOW: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let b = s.as_bytes();
        let at = |i: usize| b.get(i).copied().unwrap_or(0);
        let mut out = Vec::with_capacity(b.len() / 32 + 1);
        let mut start = 0;
        let mut i = 0;
        while i < b.len() {
            // Eight bytes at a time, skipping printable ASCII (0x20..=0x7E).
            // A byte is flagged if its high bit is set, or it is below 0x20
            // or 0x7F; the flags are exact up to the first high-bit byte
            // (the additions carry only past one), which is all we use.
            if let Some(chunk) = b.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                let w = u64::from_le_bytes(word);
                let flags = (w | !w.wrapping_add(0x60 * LOW) | w.wrapping_add(LOW)) & HIGH;
                // Whole bytes to skip (little-endian: the first byte is the lowest).
                let skip = (flags.trailing_zeros() / 8) as usize;
                if skip > 0 {
                    i += skip;
                    continue;
                }
            }
            let c = b[i];
            let (bad, width) = match c {
                b'\n' => {
                    let line = &s[start..i];
                    out.push(line.strip_suffix('\r').unwrap_or(line));
                    start = i + 1;
                    (false, 1)
                }
                b' '..=b'~' => (false, 1),
                b'\r' => (at(i + 1) != b'\n', 1),
                // C1 controls and NEL.
                0xC2 => (matches!(at(i + 1), 0x80..=0x9F), 2),
                0xC3..=0xDF => (false, 2),
                // U+2028, U+2029.
                0xE2 => (at(i + 1) == 0x80 && matches!(at(i + 2), 0xA8 | 0xA9), 3),
                // U+FEFF, U+FFFE, U+FFFF.
                0xEF => (
                    (at(i + 1) == 0xBB && at(i + 2) == 0xBF)
                        || (at(i + 1) == 0xBF && matches!(at(i + 2), 0xBE | 0xBF)),
                    3,
                ),
                0xE0..=0xEE => (false, 3),
                0xF0..=0xF4 => (false, 4),
                _ => (true, 1),
            };
            if bad {
                return None;
            }
            i += width;
        }
        out.push(&s[start..]);
        Some(out)
    }

    /// Where a ` #` comment starts in `s`, or its length.
    fn comment_at(s: &str) -> usize {
        let b = s.as_bytes();
        (1..b.len())
            .find(|&i| b[i] == b'#' && b[i - 1] == b' ')
            .unwrap_or(b.len())
    }

    /// A character that cannot start a plain key or value here.
    fn indicator(c: u8) -> bool {
        matches!(
            c,
            b'-' | b'?'
                | b':'
                | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'#'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
        )
    }

    /// The number of leading spaces.
    fn indent_of(text: &str) -> usize {
        text.len() - text.trim_start_matches(' ').len()
    }

    /// The `:` ending a plain key at the start of `s`, if `s` is `key: …` or `key:`.
    fn key_end(s: &str) -> Option<usize> {
        let b = s.as_bytes();
        if b.first()
            .is_none_or(|&c| matches!(c, b'[' | b'{' | b'"' | b'\''))
        {
            return None;
        }
        for (i, &c) in b.iter().enumerate() {
            match c {
                b'#' if i > 0 && b[i - 1] == b' ' => return None,
                b':' if matches!(b.get(i + 1), None | Some(b' ')) => return Some(i),
                _ => {}
            }
        }
        None
    }

    impl<'s> Reader<'s> {
        fn count(&mut self) -> Option<()> {
            self.nodes += 1;
            (self.nodes < MAX_NODES).then_some(())
        }

        fn line(&mut self, i: usize) -> Option<()> {
            let text = self.lines[i];
            let indent = indent_of(text);
            let rest = &text[indent..];
            if rest.is_empty() || rest.starts_with('#') {
                return Some(());
            }
            if indent == 0 && (rest.starts_with("---") || rest.starts_with("...")) {
                return None;
            }
            let line = Line {
                no: u32::try_from(i + 1).ok()?,
                text,
                ascii: text.is_ascii(),
            };
            let item = rest == "-" || rest.starts_with("- ");
            if let Some(key_indent) = self.waiting.take() {
                // The value of the `key:` above: a nested list or mapping.
                if item && indent >= key_indent {
                    self.open(
                        indent,
                        line.pos(indent),
                        indent == key_indent,
                        Kind::Seq(Vec::new()),
                    )?;
                } else if !item && indent > key_indent {
                    self.open(indent, line.pos(indent), false, Kind::Map(Vec::new(), None))?;
                } else {
                    // A key without a value (null): left to the parser.
                    return None;
                }
            } else {
                while let Some(top) = self.stack.last() {
                    let ends = top.indent > indent
                        || (top.indent == indent && !item && matches!(top.kind, Kind::Seq(_)));
                    if !ends {
                        break;
                    }
                    self.close()?;
                }
                match self.stack.last() {
                    None if self.root.is_none() => {
                        let kind = if item {
                            Kind::Seq(Vec::new())
                        } else {
                            Kind::Map(Vec::new(), None)
                        };
                        self.open(indent, line.pos(indent), false, kind)?;
                    }
                    Some(top) if top.indent == indent => {}
                    _ => return None,
                }
            }
            if item {
                self.item(&line, i, indent)
            } else {
                self.entry(&line, i, indent)
            }
        }

        fn open(&mut self, indent: usize, pos: Pos, indentless: bool, kind: Kind) -> Option<()> {
            if self.stack.len() >= DEPTH {
                return None;
            }
            self.count()?;
            self.stack.push(Frame {
                indent,
                pos,
                indentless,
                kind,
            });
            Some(())
        }

        /// Ends the innermost collection, placing it in its parent.
        fn close(&mut self) -> Option<()> {
            let f = self.stack.pop()?;
            let value = match f.kind {
                Kind::Seq(items) => Value::Seq(items),
                Kind::Map(entries, None) => Value::Map(entries),
                Kind::Map(_, Some(_)) => return None,
            };
            self.put(Node { pos: f.pos, value })
        }

        fn put(&mut self, node: Node) -> Option<()> {
            match self.stack.last_mut() {
                None if self.root.is_none() => self.root = Some(node),
                None => return None,
                Some(Frame {
                    kind: Kind::Seq(items),
                    ..
                }) => items.push(node),
                Some(Frame {
                    kind: Kind::Map(entries, key),
                    ..
                }) => entries.push((key.take()?, node)),
            }
            Some(())
        }

        /// `- value` or `- key: value` in the list on top.
        fn item(&mut self, line: &Line<'s>, i: usize, dash: usize) -> Option<()> {
            let text = line.text;
            let start = dash + 1 + indent_of(&text[dash + 1..]);
            let rest = &text[start..];
            if rest.is_empty() || rest.starts_with('#') || rest == "-" || rest.starts_with("- ") {
                return None;
            }
            let top = self.stack.last_mut()?;
            match &top.kind {
                Kind::Seq(items) if items.is_empty() && top.indentless => top.pos = line.pos(start),
                Kind::Seq(_) => {}
                Kind::Map(..) => return None,
            }
            if key_end(rest).is_some() {
                self.open(start, line.pos(start), false, Kind::Map(Vec::new(), None))?;
                return self.entry(line, i, start);
            }
            let node = self.value(line, start)?;
            self.ends_here(i, dash)?;
            self.put(node)
        }

        /// `key: value` or `key:` in the mapping on top.
        fn entry(&mut self, line: &Line<'s>, i: usize, at: usize) -> Option<()> {
            let text = line.text;
            let rest = &text[at..];
            let colon = key_end(rest)?;
            let name = &rest[..colon];
            if name.bytes().next().is_none_or(indicator)
                || name.ends_with(' ')
                || name.len() > MAX_KEY
                || matches!(name, "~" | "null" | "Null" | "NULL" | "<<")
            {
                return None;
            }
            self.count()?;
            let Some(Frame {
                kind: Kind::Map(entries, pending),
                ..
            }) = self.stack.last_mut()
            else {
                return None;
            };
            if entries.len() >= MAX_KEYS || entries.iter().any(|(k, _)| k.name == name) {
                return None;
            }
            let key = Key {
                pos: line.pos(at),
                name: name.to_owned(),
            };
            let after = at + colon + 1;
            let start = after + indent_of(&text[after..]);
            let value = &text[start..];
            if value.is_empty() || value.starts_with('#') {
                *pending = Some(key);
                self.waiting = Some(at);
                return Some(());
            }
            *pending = Some(key);
            let node = self.value(line, start)?;
            self.ends_here(i, at)?;
            self.put(node)
        }

        /// Whether the value on line `i` ends there: the next line that is not
        /// blank is indented no more than the entry (`indent`).
        fn ends_here(&self, i: usize, indent: usize) -> Option<()> {
            let next = self.lines[i + 1..]
                .iter()
                .find(|l| !l.trim_start_matches(' ').is_empty());
            match next {
                Some(l) if indent_of(l) > indent => None,
                _ => Some(()),
            }
        }

        /// A value starting at byte `at`, alone on the rest of the line.
        fn value(&mut self, line: &Line<'s>, at: usize) -> Option<Node> {
            let text = line.text;
            let (node, end) = match *text.as_bytes().get(at)? {
                b'[' | b'{' | b'"' | b'\'' => self.flow(line, at, self.stack.len())?,
                b'-' if text.as_bytes().get(at + 1).is_some_and(|c| *c != b' ') => {
                    self.plain(line, at)?
                }
                c if indicator(c) => return None,
                _ => self.plain(line, at)?,
            };
            // Only a comment may follow.
            let rest = &text[end..];
            let trimmed = rest.trim_start_matches(' ');
            (trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < rest.len()))
                .then_some(node)
        }

        /// A plain value in block context: up to a comment or the line's end.
        fn plain(&mut self, line: &Line<'s>, at: usize) -> Option<(Node, usize)> {
            let rest = &line.text[at..];
            let t = rest[..comment_at(rest)].trim_end_matches(' ');
            let b = t.as_bytes();
            if b.last() == Some(&b':') || (1..b.len()).any(|i| b[i - 1] == b':' && b[i] == b' ') {
                return None;
            }
            self.count()?;
            let node = Node {
                pos: line.pos(at),
                value: resolve(Cow::Borrowed(t), ScalarStyle::Plain),
            };
            Some((node, at + t.len()))
        }

        /// A one-line flow collection or quoted text at `at`, and where it ends.
        fn flow(&mut self, line: &Line<'s>, at: usize, depth: usize) -> Option<(Node, usize)> {
            if depth >= DEPTH {
                return None;
            }
            let text = line.text;
            let b = text.as_bytes();
            let skip = |mut j: usize| {
                while b.get(j) == Some(&b' ') {
                    j += 1;
                }
                j
            };
            let pos = line.pos(at);
            match *b.get(at)? {
                b'"' => {
                    let len = text[at + 1..].find(['"', '\\'])?;
                    if b[at + 1 + len] != b'"' {
                        return None;
                    }
                    self.count()?;
                    let s = text[at + 1..at + 1 + len].to_owned();
                    Some((
                        Node {
                            pos,
                            value: Value::Str(s),
                        },
                        at + len + 2,
                    ))
                }
                b'\'' => {
                    let mut s = String::new();
                    let mut j = at + 1;
                    loop {
                        let len = text[j..].find('\'')?;
                        s.push_str(&text[j..j + len]);
                        j += len + 1;
                        if b.get(j) != Some(&b'\'') {
                            break;
                        }
                        s.push('\'');
                        j += 1;
                    }
                    self.count()?;
                    Some((
                        Node {
                            pos,
                            value: Value::Str(s),
                        },
                        j,
                    ))
                }
                b'[' => {
                    self.count()?;
                    let mut items = Vec::new();
                    let mut j = skip(at + 1);
                    if b.get(j) != Some(&b']') {
                        loop {
                            let (node, end) = self.flow_item(line, j, depth + 1)?;
                            items.push(node);
                            j = skip(end);
                            match b.get(j) {
                                Some(b',') => j = skip(j + 1),
                                Some(b']') => break,
                                _ => return None,
                            }
                        }
                    }
                    Some((
                        Node {
                            pos,
                            value: Value::Seq(items),
                        },
                        j + 1,
                    ))
                }
                b'{' => {
                    self.count()?;
                    let mut entries: Vec<(Key, Node)> = Vec::new();
                    let mut j = skip(at + 1);
                    if b.get(j) != Some(&b'}') {
                        loop {
                            let len = b[j..].iter().position(|c| {
                                matches!(
                                    c,
                                    b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'"' | b'\''
                                )
                            })?;
                            let name = &text[j..j + len];
                            if b[j + len] != b':'
                                || b.get(j + len + 1) != Some(&b' ')
                                || name.is_empty()
                                || name.len() > MAX_KEY
                                || indicator(b[j])
                                || name.ends_with(' ')
                                || matches!(name, "~" | "null" | "Null" | "NULL" | "<<")
                                || entries.len() >= MAX_KEYS
                                || entries.iter().any(|(k, _)| k.name == name)
                            {
                                return None;
                            }
                            self.count()?;
                            let key = Key {
                                pos: line.pos(j),
                                name: name.to_owned(),
                            };
                            let (node, end) = self.flow_item(line, skip(j + len + 1), depth + 1)?;
                            entries.push((key, node));
                            j = skip(end);
                            match b.get(j) {
                                Some(b',') => j = skip(j + 1),
                                Some(b'}') => break,
                                _ => return None,
                            }
                        }
                    }
                    Some((
                        Node {
                            pos,
                            value: Value::Map(entries),
                        },
                        j + 1,
                    ))
                }
                _ => None,
            }
        }

        /// An item or value inside `[…]` or `{…}`.
        fn flow_item(&mut self, line: &Line<'s>, at: usize, depth: usize) -> Option<(Node, usize)> {
            let b = line.text.as_bytes();
            match *b.get(at)? {
                b'[' | b'{' | b'"' | b'\'' => self.flow(line, at, depth),
                b'-' if b.get(at + 1).is_some_and(u8::is_ascii_digit) => self.flow_plain(line, at),
                c if indicator(c) => None,
                _ => self.flow_plain(line, at),
            }
        }

        /// A plain value inside `[…]` or `{…}`: up to `,`, `]` or `}`.
        fn flow_plain(&mut self, line: &Line<'s>, at: usize) -> Option<(Node, usize)> {
            let rest = &line.text[at..];
            let len = rest
                .bytes()
                .position(|c| matches!(c, b',' | b'[' | b']' | b'{' | b'}' | b':' | b'#'))?;
            if !matches!(rest.as_bytes()[len], b',' | b']' | b'}') {
                return None;
            }
            let t = rest[..len].trim_end_matches(' ');
            self.count()?;
            let node = Node {
                pos: line.pos(at),
                value: resolve(Cow::Borrowed(t), ScalarStyle::Plain),
            };
            Some((node, at + t.len()))
        }
    }
}

/// The column of the first tab in the indentation of line `line`, if any.
fn first_tab(src: &str, line: u32) -> Option<u32> {
    let text = src
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let indent = text.len() - text.trim_start_matches([' ', '\t']).len();
    let i = text[..indent].find('\t')?;
    u32::try_from(i + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(src: &str) -> Vec<(Key, Node)> {
        match parse(src) {
            Ok(Node {
                value: Value::Map(m),
                ..
            }) => m,
            other => panic!("not a mapping: {other:?}"),
        }
    }

    /// The value of key `k` in a one-level mapping.
    fn get(src: &str, k: &str) -> Value {
        map(src)
            .into_iter()
            .find(|(key, _)| key.name == k)
            .map(|(_, n)| n.value)
            .unwrap_or_else(|| panic!("no key {k}"))
    }

    fn err(src: &str) -> SyntaxError {
        match parse(src) {
            Err(e) => e,
            Ok(n) => panic!("accepted: {n:?}"),
        }
    }

    fn at(line: u32, column: u32) -> Option<Pos> {
        Some(Pos { line, column })
    }

    #[test]
    fn numbers_in_plain_decimal_are_numbers() {
        assert!(matches!(get("a: 358\n", "a"), Value::Int(358)));
        assert!(matches!(get("a: -12\n", "a"), Value::Int(-12)));
        assert!(matches!(get("a: 0\n", "a"), Value::Int(0)));
        assert!(matches!(
            get("a: 9223372036854775807\n", "a"),
            Value::Int(i64::MAX)
        ));
        // Beyond i64, fractions, exponents and infinities keep their source text.
        for text in [
            "9223372036854775808",
            "99999999999999999999999",
            "1.0",
            "12.5",
            "-0.5",
            ".5",
            "1.",
            "+1.5",
            "1e3",
            "1E3",
            "2.5e-3",
            "017.5",
            ".inf",
            "-.inf",
            "+.INF",
            ".nan",
            ".NaN",
        ] {
            match get(&format!("a: {text}\n"), "a") {
                Value::Float(s) => assert_eq!(s, text),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn odd_number_notations_are_text() {
        // YAML 1.1 and 1.2 readers disagree on each of these: the loader sees
        // the text as written and says what to write instead.
        for text in [
            "0b101", "0o17", "0x1F", "-0x1F", "1_000", "1,000", "017", "00", "0777", "+5", "+0",
            "1:30", "0x", "1e", "e3", ".", "1.2.3", "-1-", "--1",
        ] {
            let src = format!("a: \"{text}\"\nb: {text}\n");
            let m = map(&src);
            match &m[1].1.value {
                Value::Str(s) => assert_eq!(s, text),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn quoted_and_block_scalars_are_always_text() {
        assert!(matches!(get("a: \"5\"\n", "a"), Value::Str(s) if s == "5"));
        assert!(matches!(get("a: 'true'\n", "a"), Value::Str(s) if s == "true"));
        assert!(matches!(get("a: \"\"\n", "a"), Value::Str(s) if s.is_empty()));
        assert!(matches!(get("a: '~'\n", "a"), Value::Str(s) if s == "~"));
        assert!(matches!(get("a: |\n  5\n", "a"), Value::Str(s) if s == "5\n"));
    }

    #[test]
    fn booleans_and_nulls_are_yaml_1_2() {
        for t in ["true", "True", "TRUE"] {
            assert!(matches!(get(&format!("a: {t}\n"), "a"), Value::Bool(true)));
        }
        for t in ["false", "False", "FALSE"] {
            assert!(matches!(get(&format!("a: {t}\n"), "a"), Value::Bool(false)));
        }
        for t in ["yes", "no", "on", "off", "y", "n", "Yes", "tRUE"] {
            assert!(matches!(get(&format!("a: {t}\n"), "a"), Value::Str(s) if s == t));
        }
        for t in ["~", "null", "Null", "NULL", ""] {
            assert!(matches!(get(&format!("a: {t}\n"), "a"), Value::Null), "{t}");
        }
        assert!(matches!(get("a: nULL\n", "a"), Value::Str(_)));
    }

    #[test]
    fn tags_are_refused_with_the_tag_and_what_to_write() {
        for (src, tag, advice) in [
            ("a: !!binary aGVsbG8=\n", "!!binary", "binary data"),
            ("a: !!str 5\n", "!!str", "quotes"),
            ("a: !!int \"5\"\n", "!!int", "without quotes"),
            ("a: !!float 1\n", "!!float", "without quotes"),
            ("a: !!null ''\n", "!!null", "without quotes"),
            ("a: !!map {b: 1}\n", "!!map", "remove it"),
            ("a: !!seq [1]\n", "!!seq", "remove it"),
            ("a: !!set {b}\n", "!!set", "remove it"),
            ("a: !!timestamp 2001-12-14\n", "!!timestamp", "remove it"),
            ("a: !include /etc/passwd\n", "!include", "executed"),
            (
                "a: !!python/object:os.system x\n",
                "!!python/object:os.system",
                "executed",
            ),
            ("a: ! x\n", "!", "remove it"),
            (
                "a: !<tag:example.com,2000:x> x\n",
                "!<tag:example.com,2000:x>",
                "executed",
            ),
        ] {
            let e = err(src);
            assert_eq!(e.pos, at(1, 4), "{src}");
            assert!(
                e.message.contains(&format!("found the tag `{tag}`")),
                "{src}: {}",
                e.message
            );
            assert!(e.message.contains("not supported"), "{}", e.message);
            assert!(e.message.contains(advice), "{src}: {}", e.message);
        }
        // On the document itself, on a key, and one declared by `%TAG`.
        assert_eq!(err("!!map\na: 1\n").pos, at(1, 1));
        assert_eq!(err("!!str a: 1\n").pos, at(1, 1));
        let e = err("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n");
        assert!(e.message.contains("`!e!x`"), "{}", e.message);
    }

    #[test]
    fn anchors_and_aliases_copy_the_value() {
        let m = map("a: &x [1, 2]\nb: *x\nc: &s text\nd: *s\n");
        let Value::Seq(items) = &m[1].1.value else {
            panic!("{m:?}")
        };
        assert_eq!(items.len(), 2);
        // The alias is where it is used; what it copies stays where it is written.
        assert_eq!(m[1].1.pos, Pos { line: 2, column: 4 });
        assert_eq!(items[0].pos, Pos { line: 1, column: 8 });
        assert!(matches!(&m[3].1.value, Value::Str(s) if s == "text"));
        // An anchor on a key names its text.
        assert!(matches!(get("&k a: 1\nb: *k\n", "b"), Value::Str(s) if s == "a"));
    }

    #[test]
    fn alias_misuse_is_refused() {
        let e = err("a: *nope\n");
        assert_eq!(e.pos, at(1, 4));
        assert!(
            e.message.contains("`*nope` names no anchor"),
            "{}",
            e.message
        );
        let e = err("a: &a\n  b: *a\n");
        assert_eq!(e.pos, at(2, 6));
        assert!(
            e.message.contains("inside the value it names"),
            "{}",
            e.message
        );
        let e = err("&a a: 1\n*a : 2\n");
        assert!(e.message.contains("used as a key"), "{}", e.message);
        let e = err("a: &y {k: v}\nb:\n  <<: *y\n  e: 1\n");
        assert_eq!(e.pos, at(3, 3));
        assert!(e.message.contains("merge key `<<`"), "{}", e.message);
        // A quoted `<<` is an ordinary key.
        assert_eq!(map("\"<<\": 1\n")[0].0.name, "<<");
    }

    #[test]
    fn alias_bombs_stop_at_the_budget() {
        let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (prev, name) in "abcdefghi".chars().zip("bcdefghij".chars()) {
            let refs = vec![format!("*{prev}"); 9].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let e = err(&bomb);
        assert!(
            e.message.contains("more than 50000 values"),
            "{}",
            e.message
        );
        assert_eq!(e.pos.map(|p| p.line), Some(5));
        // Many small aliases: the alias count.
        let mut many = String::from("a: &a x\nb: [");
        many.push_str(&vec!["*a"; 1_001].join(", "));
        many.push_str("]\n");
        let e = err(&many);
        assert!(
            e.message.contains("more than 1000 aliases"),
            "{}",
            e.message
        );
        // Exactly at the limit is fine.
        let mut ok = String::from("a: &a x\nb: [");
        ok.push_str(&vec!["*a"; 1_000].join(", "));
        ok.push_str("]\n");
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn nesting_deeper_than_32_is_refused_where_it_happens() {
        let ok = format!("a: {}{}\n", "[".repeat(31), "]".repeat(31));
        assert!(parse(&ok).is_ok());
        let e = err(&format!("a: {}{}\n", "[".repeat(32), "]".repeat(32)));
        assert_eq!(e.pos, at(1, 35));
        assert!(
            e.message.contains("nested more than 32 levels"),
            "{}",
            e.message
        );
        let e = err(&format!("a: {}\n", "[".repeat(10_000)));
        assert!(
            e.message.contains("nested more than 32 levels"),
            "{}",
            e.message
        );
        let mut block = String::new();
        for i in 0..40 {
            block.push_str(&format!("{}k{i}:\n", "  ".repeat(i)));
        }
        let e = err(&block);
        assert_eq!(e.pos, at(33, 65));
        assert!(
            e.message.contains("nested more than 32 levels"),
            "{}",
            e.message
        );
        // Block and flow nesting add up.
        let mixed = format!("a:\n  b: {}{}\n", "[".repeat(31), "]".repeat(31));
        assert!(err(&mixed).message.contains("nested more than 32"));
    }

    #[test]
    fn too_many_values_are_refused() {
        let big = format!("a: [{}]\n", vec!["1"; 50_001].join(","));
        assert!(err(&big).message.contains("more than 50000 values"));
        let fine = format!("a: [{}]\n", vec!["1"; 49_000].join(","));
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn duplicate_keys_name_both_positions() {
        let e = err("a: 1\nb: 2\na: 3\n");
        assert_eq!(e.pos, at(3, 1));
        assert!(
            e.message
                .contains("duplicate key `a` (first given on line 1, column 1)"),
            "{}",
            e.message
        );
        assert_eq!(err("a: {x: 1, x: 2}\n").pos, at(1, 11));
        // Quoting does not make a different key.
        assert_eq!(err("\"a\": 1\na: 2\n").pos, at(2, 1));
        // Large mappings too.
        let mut big: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
        big.push_str("k42: again\n");
        let e = err(&big);
        assert_eq!(e.pos, at(101, 1));
        assert!(e.message.contains("line 43, column 1"), "{}", e.message);
        // The same key in different mappings is fine.
        assert!(parse("a: {x: 1}\nb: {x: 1}\n").is_ok());
    }

    #[test]
    fn keys_are_names() {
        assert_eq!(map("1: a\n")[0].0.name, "1");
        assert_eq!(map("true: a\n")[0].0.name, "true");
        assert_eq!(map("1.50: a\n")[0].0.name, "1.50");
        assert_eq!(map("'': a\n")[0].0.name, "");
        let e = err("~: a\n");
        assert!(e.message.contains("null"), "{}", e.message);
        let e = err("null: a\n");
        assert!(e.message.contains("null"), "{}", e.message);
        let e = err("? [a, b]\n: 1\n");
        assert_eq!(e.pos, at(1, 3));
        assert!(
            e.message.contains("found a list used as a key"),
            "{}",
            e.message
        );
        let e = err("{a: 1}: x\n");
        assert!(
            e.message.contains("found a mapping used as a key"),
            "{}",
            e.message
        );
        let e = err("a: 1\n: 2\n");
        assert!(e.message.contains("key is missing"), "{}", e.message);
    }

    #[test]
    fn several_documents_are_refused_at_the_second() {
        let e = err("a: 1\n---\nb: 2\n");
        assert_eq!(e.pos, at(2, 1));
        assert!(e.message.contains("second YAML document"), "{}", e.message);
        assert_eq!(err("a: 1\n---\n").pos, at(2, 1));
        assert!(err("a: 1\n...\nb: 2\n").message.contains("second"));
        // One document, with its markers, is fine.
        assert_eq!(map("---\na: 1\n...\n").len(), 1);
        assert_eq!(map("%YAML 1.2\n---\na: 1\n").len(), 1);
        let e = err("%YAML 1.1\n---\na: yes\n");
        assert_eq!(e.pos, at(1, 1));
        assert!(e.message.contains("`%YAML 1.1`"), "{}", e.message);
        for (src, line, words) in [
            ("%YAML 2.0\n---\na: 1\n", 1, "other than 1.2"),
            ("%YAML 1.3\n---\na: 1\n", 1, "`%YAML 1.3`"),
            (
                "%YAML 1.2\n%YAML 1.2\n---\na: 1\n",
                2,
                "directive line is not valid",
            ),
            ("%YAML x\n---\n", 1, "directive line is not valid"),
            ("%YAML 1.2\na: 1\n", 2, "followed by `---`"),
            ("a: 1\n%YAML 1.2\n---\nb: 1\n", 2, "followed by `---`"),
        ] {
            let e = err(src);
            assert_eq!(e.pos.map(|p| p.line), Some(line), "{src:?}");
            assert!(e.message.contains(words), "{src:?}: {}", e.message);
        }
    }

    #[test]
    fn empty_documents_are_null() {
        for (src, line) in [("", 1), ("# only a comment\n", 2), ("~\n", 1), ("---\n", 1)] {
            let n = parse(src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
            assert!(matches!(n.value, Value::Null), "{src:?}");
            assert_eq!(n.pos.line, line, "{src:?}");
        }
        assert!(matches!(
            parse("\u{feff}").map(|n| n.value),
            Ok(Value::Null)
        ));
    }

    #[test]
    fn flow_and_block_styles_give_the_same_tree() {
        let block = map("a:\n  - 1\n  - b: x\n    c: [y]\nd:\n  e: ~\n");
        let flow = map("{a: [1, {b: x, c: [y]}], d: {e: ~}}\n");
        assert_eq!(format!("{:?}", strip(block)), format!("{:?}", strip(flow)));
        // `[b: 1]` is a list holding a one-key mapping.
        let Value::Seq(items) = get("a: [b: 1, c]\n", "a") else {
            panic!()
        };
        assert!(matches!(&items[0].value, Value::Map(m) if m[0].0.name == "b"));
    }

    /// The tree without positions, to compare shapes.
    fn strip(m: Vec<(Key, Node)>) -> Vec<(String, String)> {
        fn shape(v: &Value) -> String {
            match v {
                Value::Seq(items) => {
                    let inner: Vec<String> = items.iter().map(|n| shape(&n.value)).collect();
                    format!("[{}]", inner.join(","))
                }
                Value::Map(m) => {
                    let inner: Vec<String> = m
                        .iter()
                        .map(|(k, n)| format!("{}:{}", k.name, shape(&n.value)))
                        .collect();
                    format!("{{{}}}", inner.join(","))
                }
                other => format!("{other:?}"),
            }
        }
        m.iter()
            .map(|(k, n)| (k.name.clone(), shape(&n.value)))
            .collect()
    }

    #[test]
    fn multi_line_strings() {
        let src = "a: |\n  line1\n  line2\nb: >\n  folded\n  text\nc: \"multi\n  line\"\nd: plain\n  continued\ne: |-\n  strip\nf: >+\n  keep\n\ng: x\n";
        let m = map(src);
        let text = |i: usize| match &m[i].1.value {
            Value::Str(s) => s.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(text(0), "line1\nline2\n");
        assert_eq!(text(1), "folded text\n");
        assert_eq!(text(2), "multi line");
        assert_eq!(text(3), "plain continued");
        assert_eq!(text(4), "strip");
        assert_eq!(text(5), "keep\n\n");
        // A block text starts where its first line does.
        assert_eq!(m[0].1.pos, Pos { line: 2, column: 3 });
        assert_eq!(
            m[6].1.pos,
            Pos {
                line: 16,
                column: 4
            }
        );
    }

    #[test]
    fn columns_count_characters() {
        let m = map("名前: 日本語テスト\nx: [値, \"値2\", 3]\n");
        assert_eq!(m[0].0.name, "名前");
        assert_eq!(m[0].1.pos, Pos { line: 1, column: 5 });
        let Value::Seq(items) = &m[1].1.value else {
            panic!()
        };
        assert_eq!(items[1].pos, Pos { line: 2, column: 8 });
        assert_eq!(
            items[2].pos,
            Pos {
                line: 2,
                column: 14
            }
        );
        // The `:` after 語 is the ninth character.
        let e = err("名前: 日本 語: x\n");
        assert_eq!(e.pos, at(1, 9));
    }

    #[test]
    fn bom_crlf_and_tabs() {
        // A leading byte-order mark is not a column.
        let m = map("\u{feff}a: 1\nb: 2\n");
        assert_eq!(m[0].0.pos, Pos { line: 1, column: 1 });
        assert_eq!(m[0].0.name, "a");
        let e = err("a: 1\n\u{feff}b: 2\n");
        assert_eq!(e.pos, at(2, 1));
        assert!(e.message.contains("byte-order mark"), "{}", e.message);
        // Windows line ends read like Unix ones, block texts included.
        let m = map("a: 1\r\nb:\r\n  c: 2\r\nd: |\r\n  l1\r\n  l2\r\n");
        assert_eq!(m[1].1.pos, Pos { line: 3, column: 3 });
        assert!(matches!(&m[2].1.value, Value::Str(s) if s == "l1\nl2\n"));
        // Tabs separate and may be text, but never indent.
        assert!(matches!(get("a:\t1\n", "a"), Value::Int(1)));
        assert!(matches!(get("a: x\ty\n", "a"), Value::Str(s) if s == "x\ty"));
        let e = err("a:\n\tb: 1\n");
        assert_eq!(e.pos, at(2, 1));
        assert!(e.message.contains("tab"), "{}", e.message);
    }

    #[test]
    fn syntax_errors_are_plain_and_positioned() {
        for (src, pos, words) in [
            ("a: [1, 2\n", at(1, 4), "never closed"),
            ("a: \"x\n", at(1, 4), "quoted text is never closed"),
            ("a: 1\n b: 2\n", at(2, 3), "indentation"),
            ("name: x\n  operation: y\n", at(2, 12), "indentation"),
            ("a: b: c\n", at(1, 5), "quote"),
            ("a: 1\n- b\n", at(2, 1), "indentation"),
            ("a: \"\\q\"\n", at(1, 4), "escape"),
            ("a: @x\n", at(1, 4), "`@`"),
            ("a: `x\n", at(1, 4), "backquote"),
            ("a: {b: 1\nc: 2\n", at(2, 2), "`,` or `}`"),
            ("a: [1}\n", at(1, 6), "closed by `}`"),
            ("a: -\n", at(1, 4), "list item"),
        ] {
            let e = err(src);
            assert!(e.message.contains(words), "{src:?}: {}", e.message);
            assert_eq!(e.pos.map(|p| p.line), pos.map(|p| p.line), "{src:?}: {e:?}");
            for leak in [
                "while parsing",
                "scalar",
                "token",
                "Option<",
                "serde",
                "invalid type",
            ] {
                assert!(!e.message.contains(leak), "{src:?}: {}", e.message);
            }
        }
    }

    /// What `full` reads, for comparing with the fast path.
    fn slow(src: &str) -> String {
        format!("{:?}", full(src))
    }

    /// The fast path reads `src` exactly as the parser does, or leaves it.
    fn agrees(src: &str) -> bool {
        match fast::read(src) {
            Some(n) => {
                let f = format!("{:?}", Ok::<Node, SyntaxError>(n));
                assert_eq!(f, slow(src), "fast path differs on {src:?}");
                true
            }
            None => false,
        }
    }

    fn files(dir: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "yaml") {
                    out.push(std::fs::read_to_string(&p).unwrap_or_default());
                }
            }
        }
        out
    }

    #[test]
    fn fast_path_reads_every_shipped_scenario_as_the_parser_does() {
        let scenarios = files("scenarios");
        assert!(scenarios.len() > 50);
        for text in &scenarios {
            assert!(agrees(text), "not on the fast path:\n{text}");
        }
        for text in files("rules").iter().chain(&files("tests")) {
            agrees(text);
        }
    }

    #[test]
    fn fast_path_agrees_on_tricky_layouts() {
        for src in [
            "a: 1\n",
            "a:\n  - x\n  - y\nb:\n- z\n- w: 1\n  v: [a, {b: c}]\nc: \"q\"\n",
            "- a\n- b\n",
            "- a: 1\n  b: 2\n- c: 3\n",
            "- readings:\n  - x\n  - y\n  rules: {a: b}\n",
            "a:\n  b:\n    c: d\n  e: f\ng: h\n",
            "a: 1 # c\n# c\n  # c\nb: 'it''s'\n",
            "\u{feff}a: 1\r\nb: [1, -2, 3.5]\r\n",
            "名前: 日本語 # コメント\nx: [値, \"値2\", 3]\n",
            "a: b#c\nd: e[1]\nf: -x\ng: g h  \n",
            "a: [ ]\nb: {}\nc: [ a , b ]\nd: { x: 1 , y: [2] }\n",
            "a: ''\nb: \"\"\nc: ' x '\n",
            "a: 0x1F\nb: 1_000\nc: 017\nd: .inf\ne: 1e3\nf: ~\ng: null\nh: True\n",
            "  a: 1\n  b: 2\n",
            "a:\n\n  b: 1\n\nc: 2\n",
            "a: x\n\n  y\n",
            "a: x\n  # c\nb: y\n",
            "a:\n- 1\nb: 2\n",
            "a: [b, c]\n  d: 1\n",
            "a: 1\na: 2\n",
            "a: {x: 1, x: 2}\n",
            "a:\n",
            "a: [1, 2\n",
            "a: \"x\n",
            "a: b: c\n",
            "- - a\n",
            "-\n  a: 1\n",
            "a: - b\n",
            "a: 'x'y\n",
            "a: [a]b\n",
            "? a\n: b\n",
            "a : b\n",
            "a:b\n",
            "a: [a: b]\n",
            "a: {a: b, c}\n",
            "a: [1,]\n",
            "a: [,1]\n",
            "a: |\n  x\n",
            "a: &x 1\nb: *x\n",
            "a: !!str x\n",
            "---\na: 1\n",
            "a: 1\n---\n",
            "a: 1\n...\n",
            "a:\t1\n",
            "a: x\r\n  y\r\n",
            "a: 1\n b: 2\n",
            "a:\n  - x\n  b: 1\n",
            "a: 'x\n",
            "a: \"\\t\"\n",
            "a: {b: [c, {d: [e]}]}\n",
        ] {
            agrees(src);
        }
        // The common shapes do take the fast path.
        for src in [
            "name: x\ntasks: [a, b]\nexpect:\n  verdict: eligible\n  rules: {r: pass}\n",
            "readings:\n  - readings: { a: b }\n    rules: { c: fail }\n",
        ] {
            assert!(agrees(src), "{src}");
        }
    }

    /// Characters that matter to YAML, for mutations.
    const BITS: &[&str] = &[
        ":",
        "-",
        " ",
        "\n",
        "  ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "#",
        "&a ",
        "*a",
        "!!str ",
        "'",
        "\"",
        "|",
        ">",
        "~",
        "null",
        "true",
        "0x1F",
        "1e9",
        "-1",
        "---\n",
        "? ",
        "\t",
        "\u{feff}",
        "日本",
        "\\",
        "%YAML 1.2\n",
        "- ",
        ": ",
        " #",
        "\r\n",
        "''",
        "\"\"",
        "[]",
        "{}",
        "a: b",
        "\n  ",
        "\n- ",
        "<<: ",
    ];

    /// A small random YAML document in the styles scenario files use, from `seed`.
    fn document(seed: u64) -> String {
        struct Gen {
            state: u64,
            out: String,
        }
        impl Gen {
            fn next(&mut self, n: usize) -> usize {
                // xorshift64*
                self.state ^= self.state >> 12;
                self.state ^= self.state << 25;
                self.state ^= self.state >> 27;
                (self.state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
            }
            fn scalar(&mut self) -> &'static str {
                const S: &[&str] = &[
                    "x",
                    "un_peacekeeping",
                    "1",
                    "-2",
                    "0",
                    "358",
                    "1.5",
                    "~",
                    "null",
                    "true",
                    "False",
                    "yes",
                    "\"q\"",
                    "\"日本語、テスト\"",
                    "'s'",
                    "'it''s'",
                    "a b",
                    "2016-11-15",
                    "0x1F",
                    "1_000",
                    "017",
                    ".inf",
                    "\"\"",
                    "''",
                    "値",
                    "b#c",
                    "e[1]",
                    "-x",
                    "9999999999999999999999",
                ];
                S[self.next(S.len())]
            }
            fn key(&mut self) -> String {
                const K: &[&str] = &["a", "name", "date", "ja", "名前", "k-1", "x.y", "1", "true"];
                K[self.next(K.len())].to_owned()
            }
            fn comment(&mut self) -> &'static str {
                [" # c", "", "", "  # コメント"][self.next(4)]
            }
            fn flow(&mut self, depth: usize) -> String {
                match self.next(if depth > 2 { 1 } else { 3 }) {
                    0 => self.scalar().replace(['[', ']', '#'], "z"),
                    1 => {
                        let items: Vec<String> =
                            (0..self.next(4)).map(|_| self.flow(depth + 1)).collect();
                        let sep = [", ", ",", " , "][self.next(3)];
                        let pad = [" ", ""][self.next(2)];
                        format!("[{pad}{}{pad}]", items.join(sep))
                    }
                    _ => {
                        let n = self.next(4);
                        let mut items = Vec::new();
                        for i in 0..n {
                            items.push(format!("k{i}: {}", self.flow(depth + 1)));
                        }
                        format!("{{{}}}", items.join(", "))
                    }
                }
            }
            /// A mapping's entries at `indent`; the first line's prefix already written.
            fn map(&mut self, indent: usize, first: bool, depth: usize) {
                let n = 1 + self.next(4);
                for i in 0..n {
                    if !(first && i == 0) {
                        self.out.push_str(&" ".repeat(indent));
                    }
                    let key = format!("{}{}", self.key(), i);
                    self.out.push_str(&key);
                    self.out.push(':');
                    self.value(indent, depth);
                    if self.next(6) == 0 {
                        self.out.push('\n');
                    }
                    if self.next(8) == 0 {
                        let pad = self.next(indent + 1);
                        self.out.push_str(&" ".repeat(pad));
                        self.out.push_str("# comment\n");
                    }
                }
            }
            fn seq(&mut self, indent: usize, depth: usize) {
                for _ in 0..1 + self.next(3) {
                    self.out.push_str(&" ".repeat(indent));
                    self.out.push('-');
                    let gap = 1 + self.next(2);
                    self.out.push_str(&" ".repeat(gap));
                    match self.next(if depth > 3 { 2 } else { 3 }) {
                        0 => {
                            let s = self.scalar();
                            let c = self.comment();
                            self.out.push_str(&format!("{s}{c}\n"));
                        }
                        1 => {
                            let f = self.flow(0);
                            self.out.push_str(&format!("{f}\n"));
                        }
                        _ => self.map(indent + 1 + gap, true, depth + 1),
                    }
                }
            }
            /// After `key:`: a value on the line, or a nested block below.
            fn value(&mut self, indent: usize, depth: usize) {
                match self.next(if depth > 3 { 2 } else { 5 }) {
                    0 => {
                        let s = self.scalar();
                        let c = self.comment();
                        self.out.push_str(&format!(" {s}{c}\n"));
                    }
                    1 => {
                        let f = self.flow(0);
                        self.out.push_str(&format!(" {f}\n"));
                    }
                    2 => {
                        self.out.push('\n');
                        let step = [1, 2, 4][self.next(3)];
                        self.map(indent + step, false, depth + 1);
                    }
                    3 => {
                        self.out.push('\n');
                        self.seq(indent + 2, depth + 1);
                    }
                    _ => {
                        self.out.push('\n');
                        self.seq(indent, depth + 1);
                    }
                }
            }
        }
        let mut g = Gen {
            state: seed | 1,
            out: String::new(),
        };
        if g.next(10) == 0 {
            g.out.push('\u{feff}');
        }
        if g.next(8) == 0 {
            g.out.push_str("# header\n");
        }
        if g.next(6) == 0 {
            g.seq(0, 0);
        } else {
            g.map(0, false, 0);
        }
        if g.next(5) == 0 {
            g.out = g.out.replace('\n', "\r\n");
        }
        g.out
    }

    #[test]
    fn fast_path_leaves_odd_characters_to_the_parser() {
        for c in [
            "\t", "\u{1}", "\u{1f}", "\u{7f}", "\u{85}", "\u{9f}", "\u{2028}", "\u{2029}",
            "\u{feff}", "\u{fffe}", "\u{ffff}", "\r",
        ] {
            for src in [
                format!("a: x{c}y\n"),
                format!("a: long enough to fill words {c} and more text\n"),
                format!("# a comment {c} long enough to fill words\na: 1\n"),
            ] {
                assert!(fast::read(&src).is_none(), "{src:?}");
            }
        }
        // Printable text of every width stays on the fast path.
        assert!(agrees(
            "a: x~ y日本語\u{a0}\u{e000}\u{fffd}\u{10ffff} and more text\r\n"
        ));
    }

    #[test]
    fn generated_documents_mostly_take_the_fast_path() {
        let fast = (0..500u64).filter(|&seed| agrees(&document(seed))).count();
        assert!(fast > 300, "{fast} of 500");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn fast_path_agrees_on_mutated_scenarios(
            which in proptest::prelude::any::<usize>(),
            edits in proptest::collection::vec(
                (proptest::prelude::any::<usize>(), 0..3usize, proptest::prelude::any::<usize>()),
                1..5,
            ),
        ) {
            let texts = files("scenarios");
            let mut s: Vec<char> = texts[which % texts.len()].chars().collect();
            for (at, kind, piece) in edits {
                if s.is_empty() {
                    break;
                }
                let p = at % s.len();
                let bit = BITS[piece % BITS.len()];
                match kind {
                    0 => {
                        s.remove(p);
                    }
                    1 => {
                        for (k, c) in bit.chars().enumerate() {
                            s.insert(p + k, c);
                        }
                    }
                    _ => s[p] = bit.chars().next().unwrap_or(' '),
                }
            }
            let text: String = s.into_iter().collect();
            agrees(&text);
        }

        #[test]
        fn fast_path_agrees_on_random_documents(seed in proptest::prelude::any::<u64>()) {
            agrees(&document(seed));
        }

        #[test]
        fn fast_path_agrees_on_generated_documents(
            lines in proptest::collection::vec(
                (0..4usize, 0..6usize, 0..BITS.len(), 0..12usize),
                1..12,
            ),
        ) {
            // Lines of `key: value`, `- item` and nested keys at a few indents.
            const VALUES: &[&str] = &[
                "x", "1", "-2", "1.5", "~", "true", "\"q\"", "'s'", "[a, b]", "{a: b}", "", "a b",
            ];
            let mut text = String::new();
            for (i, (depth, shape, bit, value)) in lines.into_iter().enumerate() {
                let pad = "  ".repeat(depth);
                let v = VALUES[value];
                match shape {
                    0 => text.push_str(&format!("{pad}k{i}: {v}\n")),
                    1 => text.push_str(&format!("{pad}- {v}\n")),
                    2 => text.push_str(&format!("{pad}- k{i}: {v}\n")),
                    3 => text.push_str(&format!("{pad}k{i}:\n")),
                    4 => text.push_str(&format!("{pad}k{i}: {v}{}\n", BITS[bit])),
                    _ => text.push_str(&format!("{pad}# {}\n", BITS[bit])),
                }
            }
            agrees(&text);
        }
    }
}
