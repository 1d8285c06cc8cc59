//! The ruleset's declarations other than facts and rules: `about`, `sources`,
//! `readings`, `law_versions` and `principles`.

use super::keys;
use super::reader::{Loader, at, ticks};
use crate::error::{Code, did_you_mean, suggest};
use crate::model::decls::{About, LawVersion, Principle, Reading, ReadingOption, Source};
use crate::model::ids::{MAX_READINGS, ReadingId};
use crate::model::strings::Str;
use crate::tree::{Node, Value as Y};

impl Loader {
    pub(super) fn about(&mut self, file: &str, node: &Node, about: &mut About) {
        let Some(f) = self.fields(file, node, keys::ABOUT, "`about`") else {
            return;
        };
        if let Some(t) = self.text(file, &f, "title", node) {
            about.title = t;
        }
        if let Some(t) = self.text(file, &f, "act", node) {
            about.act = t;
        }
        if let Some(t) = self.text(file, &f, "disclaimer", node) {
            about.disclaimer = t;
        }
    }

    pub(super) fn source(&mut self, file: &str, node: &Node) {
        let Some(f) = self.fields(file, node, keys::SOURCE, "a source") else {
            return;
        };
        let Some(id) = self.id(file, &f, "id", node) else {
            return;
        };
        if self.sources.iter().any(|s| s.id == id) {
            self.err(
                Code::DuplicateSource,
                at(file, node.pos),
                format!("source `{id}` is declared twice"),
                None,
            );
            return;
        }
        let title = self.text(file, &f, "title", node).unwrap_or_default();
        let url = self.opt_string(file, &f, "url");
        let kind = self.string(file, &f, "kind", node).unwrap_or_default();
        if !kind.is_empty() && !keys::SOURCE_KINDS.contains(&kind.as_str()) {
            let s = suggest(&kind, keys::SOURCE_KINDS.iter().copied());
            self.err(
                Code::InvalidValue,
                at(file, f.node("kind").map_or(node.pos, |n| n.pos)),
                format!("unknown kind of source `{kind}`"),
                Some(
                    did_you_mean(s).unwrap_or_else(|| {
                        format!("expected one of {}", ticks(keys::SOURCE_KINDS))
                    }),
                ),
            );
        }
        let note = self.opt_text(file, &f, "note");
        self.sources.push(Source {
            id: id.into(),
            title,
            url: url.map(Str::from),
            kind: kind.into(),
            note,
        });
    }

    pub(super) fn reading(&mut self, file: &str, node: &Node) {
        let Some(f) = self.fields(file, node, keys::READING, "a reading") else {
            return;
        };
        let Some(id) = self.id(file, &f, "id", node) else {
            return;
        };
        if self.readings.iter().any(|r| r.id == id) {
            self.err(
                Code::DuplicateReading,
                at(file, node.pos),
                format!("reading `{id}` is declared twice"),
                None,
            );
            return;
        }
        if self.readings.len() >= MAX_READINGS {
            self.err(
                Code::TooManyReadings,
                at(file, node.pos),
                format!("at most {MAX_READINGS} readings can be declared"),
                None,
            );
            return;
        }
        let question = self.text(file, &f, "question", node).unwrap_or_default();
        let mut options: Vec<ReadingOption> = Vec::new();
        match f.node("options") {
            Some(Node {
                value: Y::Seq(items),
                ..
            }) if items.len() >= 2 && items.len() <= 64 => {
                for it in items {
                    let Some(of) = self.fields(file, it, keys::READING_OPTION, "an option") else {
                        continue;
                    };
                    let Some(oid) = self.id(file, &of, "id", it) else {
                        continue;
                    };
                    if options.iter().any(|o| o.id == oid) {
                        self.err(
                            Code::DuplicateReading,
                            at(file, it.pos),
                            format!("reading `{id}` has option `{oid}` twice"),
                            None,
                        );
                        continue;
                    }
                    let text = self.text(file, &of, "text", it).unwrap_or_default();
                    let sources = match of.node("sources") {
                        Some(n) => self.source_ids(file, n),
                        None => Vec::new(),
                    };
                    options.push(ReadingOption {
                        id: oid.into(),
                        text,
                        sources,
                    });
                }
            }
            Some(n) => {
                self.err(
                    Code::ExpectedList,
                    at(file, n.pos),
                    "`options` must be a list of 2 to 64 options".into(),
                    None,
                );
            }
            None => {
                self.missing::<()>(file, node, "options");
            }
        }
        let default = match f.node("default") {
            Some(Node {
                value: Y::Str(d),
                pos,
            }) => match options.iter().position(|o| o.id == *d) {
                Some(i) => i as u8,
                None => {
                    let s = suggest(d, options.iter().map(|o| o.id.as_str()));
                    self.err(
                        Code::UnknownOption,
                        at(file, *pos),
                        format!("the default `{d}` is not an option of reading `{id}`"),
                        did_you_mean(s),
                    );
                    0
                }
            },
            Some(n) => {
                self.err(
                    Code::InvalidValue,
                    at(file, n.pos),
                    format!("`default` must be an option id, found {}", n.value.kind()),
                    None,
                );
                0
            }
            None => {
                self.missing::<()>(file, node, "default");
                0
            }
        };
        self.readings.push(Reading {
            id: id.into(),
            question,
            options,
            default,
            location: at(file, node.pos),
        });
    }

    /// A reading named by id.
    pub(super) fn reading_ref(&mut self, file: &str, n: &Node) -> Option<ReadingId> {
        let Y::Str(id) = &n.value else {
            self.err(
                Code::InvalidCondition,
                at(file, n.pos),
                format!("expected a reading id, found {}", n.value.kind()),
                None,
            );
            return None;
        };
        match self.readings.iter().position(|r| r.id == *id) {
            Some(r) => Some(r),
            None => {
                let s = suggest(id, self.readings.iter().map(|r| r.id.as_str()));
                self.err(
                    Code::UnknownReading,
                    at(file, n.pos),
                    format!("unknown reading `{id}`"),
                    did_you_mean(s).or(Some("declare it under `readings:`".into())),
                );
                None
            }
        }
    }

    pub(super) fn law_version(&mut self, file: &str, n: &Node, out: &mut Vec<LawVersion>) {
        let Some(f) = self.fields(file, n, keys::LAW, "a law version") else {
            return;
        };
        let id = self.string(file, &f, "id", n);
        let from = match f.node("in_force_from") {
            Some(d) => self.date(file, d, "`in_force_from`"),
            None => self.missing(file, n, "in_force_from"),
        };
        let title = self.text(file, &f, "title", n).unwrap_or_default();
        let summary = self.opt_text(file, &f, "summary").unwrap_or_default();
        let (Some(id), Some(in_force_from)) = (id, from) else {
            return;
        };
        if out.iter().any(|v| v.id == id) {
            self.err(
                Code::DuplicateLawVersion,
                at(file, n.pos),
                format!("law version `{id}` is declared twice"),
                None,
            );
        } else if let Some(o) = out.iter().find(|v| v.in_force_from == in_force_from) {
            let msg = format!(
                "law versions `{}` and `{id}` both come into force on {in_force_from}",
                o.id
            );
            self.err(Code::SameDayLawVersions, at(file, n.pos), msg, None);
        }
        out.push(LawVersion {
            id: id.into(),
            in_force_from,
            title,
            summary,
        });
    }

    pub(super) fn principle(&mut self, file: &str, n: &Node, out: &mut Vec<Principle>) {
        let Some(f) = self.fields(file, n, keys::PRINCIPLE, "a principle") else {
            return;
        };
        let number = match f.node("number") {
            Some(Node {
                value: Y::Int(i @ 1..=99),
                ..
            }) => *i as u8,
            _ => {
                self.err(
                    Code::InvalidPrinciple,
                    at(file, n.pos),
                    "`number` must be a whole number from 1 to 99".into(),
                    None,
                );
                return;
            }
        };
        let title = self.text(file, &f, "title", n).unwrap_or_default();
        let summary = self.opt_text(file, &f, "summary").unwrap_or_default();
        if out.iter().any(|p| p.number == number) {
            self.err(
                Code::DuplicatePrinciple,
                at(file, n.pos),
                format!("principle {number} is declared twice"),
                None,
            );
        }
        out.push(Principle {
            number,
            title,
            summary,
        });
    }
}
