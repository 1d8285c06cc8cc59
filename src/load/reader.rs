//! The loader's toolkit: collecting diagnostics, reading mappings against the
//! grammar's keys, texts (bilingual), strings, dates and id lists.

pub(crate) use crate::error::ticks;
use crate::error::{Code, Diagnostic, did_you_mean, suggest};
use crate::message::{Fixed, Msg, Named, Part, Shape};
use crate::model::Date;
use crate::model::Location;
use crate::model::decls::{Reading, Source};
use crate::model::facts::Vocabulary;
use crate::model::ids::FactId;
use crate::model::strings::Str;
use crate::model::text::Text;
use crate::tree::{Key, Node, Pos, Value as Y};
use std::collections::HashMap;

/// A term as written, compiled on first use.
pub(super) struct TermDraft {
    pub name: String,
    pub description: Text,
    pub when: Node,
    pub file: String,
    pub location: Location,
    /// 0 = not compiled, 1 = being compiled (cycle check), 2 = done, 3 = failed.
    pub state: u8,
    pub compiled: Option<crate::model::condition::Condition>,
}

/// The state of one ruleset load: what is known so far, and every problem found.
pub(super) struct Loader {
    pub diags: Vec<Diagnostic>,
    pub vocab: Vocabulary,
    pub sources: Vec<Source>,
    pub readings: Vec<Reading>,
    /// Fact declarations' `used_if`, compiled once all facts and terms are known.
    pub pending_used_if: Vec<(FactId, String, Node)>,
    pub terms: Vec<TermDraft>,
    pub term_stack: Vec<usize>,
    pub rule_index: HashMap<String, usize>,
    /// Condition nodes compiled so far, all told (bounded).
    pub condition_nodes: usize,
    /// The numbers of the declared principles.
    pub principle_numbers: Vec<u8>,
}

/// The entries of a mapping, checked against the grammar's keys.
pub(super) struct Fields<'n> {
    pub entries: &'n [(Key, Node)],
}

impl<'n> Fields<'n> {
    /// The entry for key `k`.
    pub fn get(&self, k: &str) -> Option<(&'n Key, &'n Node)> {
        self.entries
            .iter()
            .find(|(key, _)| key.name == k)
            .map(|(k, v)| (k, v))
    }
    /// The value for key `k`.
    pub fn node(&self, k: &str) -> Option<&'n Node> {
        self.get(k).map(|(_, n)| n)
    }
}

/// A location in `file`.
pub(super) fn at(file: &str, pos: Pos) -> Location {
    Location::new(file, pos.line, pos.column)
}

/// Whether `id` is kebab-case: lower-case words (letters, digits) joined by `-`.
pub(super) fn is_kebab(id: &str) -> bool {
    id.split('-').all(|w| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    })
}

impl Loader {
    pub fn new() -> Loader {
        Loader {
            diags: Vec::new(),
            vocab: Vocabulary::default(),
            sources: Vec::new(),
            readings: Vec::new(),
            pending_used_if: Vec::new(),
            terms: Vec::new(),
            term_stack: Vec::new(),
            rule_index: HashMap::new(),
            condition_nodes: 0,
            principle_numbers: Vec::new(),
        }
    }

    pub fn err(&mut self, code: Code, loc: Location, message: Msg, help: Option<Msg>) {
        self.diags
            .push(Diagnostic::error(code, loc, message).with_help(help));
    }

    pub fn warn(&mut self, code: Code, loc: Location, message: Msg, help: Option<Msg>) {
        self.diags
            .push(Diagnostic::warning(code, loc, message).with_help(help));
    }

    /// Whether an error (not a warning) was reported.
    pub fn failed(&self) -> bool {
        self.diags
            .iter()
            .any(|d| d.severity == crate::error::Severity::Error)
    }

    /// The entries of a mapping, reporting keys outside `allowed`.
    pub fn fields<'n>(
        &mut self,
        file: &str,
        node: &'n Node,
        allowed: &[&str],
        what: Part,
    ) -> Option<Fields<'n>> {
        let Y::Map(entries) = &node.value else {
            self.err(
                Code::ExpectedMapping,
                at(file, node.pos),
                Msg::ExpectedMapping {
                    part: what,
                    found: Shape::of(&node.value),
                },
                None,
            );
            return None;
        };
        for (k, _) in entries {
            if !allowed.contains(&k.name.as_str()) {
                let s = suggest(&k.name, allowed.iter().copied());
                self.err(
                    Code::UnknownKey,
                    at(file, k.pos),
                    Msg::UnknownKeyIn {
                        key: k.name.clone(),
                        part: what.clone(),
                    },
                    Some(match s {
                        Some(name) => Msg::DidYouMean { name },
                        None => Msg::OneOf {
                            list: ticks(allowed),
                        },
                    }),
                );
            }
        }
        Some(Fields { entries })
    }

    /// A bilingual text: a plain string (English) or `{en: ..., ja: ...}`.
    /// A missing Japanese translation is reported as a warning.
    pub fn text_node(&mut self, file: &str, node: &Node, what: Part) -> Option<Text> {
        match &node.value {
            Y::Str(s) if !s.trim().is_empty() => {
                self.warn(
                    Code::MissingTranslation,
                    at(file, node.pos),
                    Msg::NoJapanese {
                        part: what,
                        ja_key: false,
                    },
                    Some(Fixed::WriteBilingual.into()),
                );
                Some(Text::en(s.trim()))
            }
            Y::Map(_) => {
                let f = self.fields(file, node, super::keys::TEXT, what.clone())?;
                let en = self.string(file, &f, "en", node)?;
                let ja = self
                    .opt_string(file, &f, "ja")
                    .filter(|j| !j.is_empty())
                    .map(|j| join_cjk(&j));
                if ja.is_none() {
                    self.warn(
                        Code::MissingTranslation,
                        at(file, node.pos),
                        Msg::NoJapanese {
                            part: what,
                            ja_key: true,
                        },
                        None,
                    );
                }
                Some(Text {
                    en: en.into(),
                    ja: ja.map(Str::from),
                })
            }
            other => {
                self.err(
                    Code::ExpectedText,
                    at(file, node.pos),
                    Msg::NotAText {
                        part: what,
                        found: Shape::of(other),
                    },
                    None,
                );
                None
            }
        }
    }

    /// Reports a required key that is absent.
    pub fn missing<T>(&mut self, file: &str, owner: &Node, key: &str) -> Option<T> {
        self.err(
            Code::MissingKey,
            at(file, owner.pos),
            Msg::MissingKey { key: key.into() },
            None,
        );
        None
    }

    /// A required bilingual text field.
    pub fn text(&mut self, file: &str, f: &Fields<'_>, key: &str, owner: &Node) -> Option<Text> {
        match f.get(key) {
            Some((k, n)) => self.text_node(file, n, Part::Key(k.name.clone())),
            None => self.missing(file, owner, key),
        }
    }

    /// An optional bilingual text field.
    pub fn opt_text(&mut self, file: &str, f: &Fields<'_>, key: &str) -> Option<Text> {
        let (k, n) = f.get(key)?;
        self.text_node(file, n, Part::Key(k.name.clone()))
    }

    /// A required, non-empty string field.
    pub fn string(
        &mut self,
        file: &str,
        f: &Fields<'_>,
        key: &str,
        owner: &Node,
    ) -> Option<String> {
        match f.get(key) {
            Some((
                _,
                Node {
                    value: Y::Str(s), ..
                },
            )) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Some((k, n)) => {
                self.err(
                    Code::ExpectedText,
                    at(file, n.pos),
                    Msg::MustBeText {
                        key: k.name.clone(),
                        found: Shape::of(&n.value),
                        non_empty: true,
                    },
                    None,
                );
                None
            }
            None => self.missing(file, owner, key),
        }
    }

    /// An optional string field.
    pub fn opt_string(&mut self, file: &str, f: &Fields<'_>, key: &str) -> Option<String> {
        match f.get(key) {
            None => None,
            Some((
                _,
                Node {
                    value: Y::Str(s), ..
                },
            )) => Some(s.trim().to_owned()),
            Some((k, n)) => {
                self.err(
                    Code::ExpectedText,
                    at(file, n.pos),
                    Msg::MustBeText {
                        key: k.name.clone(),
                        found: Shape::of(&n.value),
                        non_empty: false,
                    },
                    None,
                );
                None
            }
        }
    }

    /// A required kebab-case id field.
    pub fn id(&mut self, file: &str, f: &Fields<'_>, key: &str, owner: &Node) -> Option<String> {
        let id = self.string(file, f, key, owner)?;
        if !is_kebab(&id) {
            let pos = f.node(key).map_or(owner.pos, |n| n.pos);
            self.err(
                Code::InvalidId,
                at(file, pos),
                Msg::NotKebab {
                    id: id.clone(),
                    rule: false,
                },
                Some(Msg::KebabFix {
                    fix: id.to_lowercase().replace(['_', ' '], "-"),
                }),
            );
        }
        Some(id)
    }

    /// A date `YYYY-MM-DD`.
    pub fn date(&mut self, file: &str, n: &Node, what: Part) -> Option<Date> {
        match &n.value {
            Y::Str(s) => match s.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    self.err(
                        Code::InvalidDate,
                        at(file, n.pos),
                        Msg::DateOf {
                            part: what,
                            problem: Box::new(e.msg()),
                        },
                        None,
                    );
                    None
                }
            },
            other => {
                self.err(
                    Code::InvalidDate,
                    at(file, n.pos),
                    Msg::DateExpected {
                        part: what,
                        found: Shape::of(other),
                    },
                    None,
                );
                None
            }
        }
    }

    /// Source ids: one id or a list of ids, each declared under `sources:`.
    pub fn source_ids(&mut self, file: &str, n: &Node) -> Vec<usize> {
        let items: Vec<&Node> = match &n.value {
            Y::Seq(items) => items.iter().collect(),
            _ => vec![n],
        };
        let mut out = Vec::new();
        for it in items {
            let Y::Str(id) = &it.value else {
                self.err(
                    Code::InvalidValue,
                    at(file, it.pos),
                    Msg::ExpectedId {
                        of: Named::Source,
                        found: Shape::of(&it.value),
                    },
                    None,
                );
                continue;
            };
            match self.sources.iter().position(|s| s.id == *id) {
                Some(i) => out.push(i),
                None => {
                    let s = suggest(id, self.sources.iter().map(|s| s.id.as_str()));
                    self.err(
                        Code::UnknownSource,
                        at(file, it.pos),
                        Msg::Unknown {
                            of: Named::Source,
                            name: id.clone(),
                        },
                        did_you_mean(s).or(Some(Msg::DeclareUnder { section: "sources" })),
                    );
                }
            }
        }
        out
    }
}

/// Removes the spaces that folding a YAML block puts between Japanese characters.
pub(super) fn join_cjk(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let wide = |c: char| c > '\u{2e7f}';
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            !(*c == ' ' && i > 0 && i + 1 < chars.len() && wide(chars[i - 1]) && wide(chars[i + 1]))
        })
        .map(|(_, c)| *c)
        .collect()
}
