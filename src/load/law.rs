//! The ruleset's declarations other than facts and rules: `about`, `sources`,
//! `readings`, `law_versions` and `principles`.

use super::keys;
use super::reader::{Loader, at, ticks};
use crate::error::{Code, did_you_mean, suggest};
use crate::message::{Fixed, Msg, Named, Part, Shape};
use crate::model::decls::{About, LawVersion, Principle, Reading, ReadingOption, Source};
use crate::model::ids::{MAX_READINGS, ReadingId};
use crate::model::strings::Str;
use crate::tree::{Node, Value as Y};

impl Loader {
    pub(super) fn about(&mut self, file: &str, node: &Node, about: &mut About) {
        let Some(f) = self.fields(file, node, keys::ABOUT, Part::Key("about".into())) else {
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
        let Some(f) = self.fields(file, node, keys::SOURCE, Part::Source) else {
            return;
        };
        let Some(id) = self.id(file, &f, "id", node) else {
            return;
        };
        if self.sources.iter().any(|s| s.id == id) {
            self.err(
                Code::DuplicateSource,
                at(file, node.pos),
                Msg::Twice {
                    of: Named::Source,
                    name: id.clone(),
                },
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
                Msg::Unknown {
                    of: Named::SourceKind,
                    name: kind.clone(),
                },
                did_you_mean(s).or_else(|| {
                    Some(Msg::OneOf {
                        list: ticks(keys::SOURCE_KINDS),
                    })
                }),
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
        let Some(f) = self.fields(file, node, keys::READING, Part::Reading) else {
            return;
        };
        let Some(id) = self.id(file, &f, "id", node) else {
            return;
        };
        if self.readings.iter().any(|r| r.id == id) {
            self.err(
                Code::DuplicateReading,
                at(file, node.pos),
                Msg::Twice {
                    of: Named::Reading,
                    name: id.clone(),
                },
                None,
            );
            return;
        }
        if self.readings.len() >= MAX_READINGS {
            self.err(
                Code::TooManyReadings,
                at(file, node.pos),
                Msg::TooMany {
                    of: Named::Reading,
                    max: MAX_READINGS,
                },
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
                    let Some(of) = self.fields(file, it, keys::READING_OPTION, Part::ReadingOption)
                    else {
                        continue;
                    };
                    let Some(oid) = self.id(file, &of, "id", it) else {
                        continue;
                    };
                    if options.iter().any(|o| o.id == oid) {
                        self.err(
                            Code::DuplicateReading,
                            at(file, it.pos),
                            Msg::OptionTwice {
                                reading: id.clone(),
                                option: oid.clone(),
                            },
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
                        sources: sources.into(),
                    });
                }
            }
            Some(n) => {
                self.err(
                    Code::ExpectedList,
                    at(file, n.pos),
                    Fixed::OptionsList.into(),
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
                        Msg::DefaultNotOption {
                            default: d.clone(),
                            reading: id.clone(),
                        },
                        did_you_mean(s),
                    );
                    0
                }
            },
            Some(n) => {
                self.err(
                    Code::InvalidValue,
                    at(file, n.pos),
                    Msg::DefaultId {
                        found: Shape::of(&n.value),
                    },
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
            options: options.into(),
            default,
            location: at(file, node.pos).into(),
        });
    }

    /// A reading named by id.
    pub(super) fn reading_ref(&mut self, file: &str, n: &Node) -> Option<ReadingId> {
        let Y::Str(id) = &n.value else {
            self.err(
                Code::InvalidCondition,
                at(file, n.pos),
                Msg::ExpectedId {
                    of: Named::Reading,
                    found: Shape::of(&n.value),
                },
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
                    Msg::Unknown {
                        of: Named::Reading,
                        name: id.clone(),
                    },
                    did_you_mean(s).or(Some(Msg::DeclareUnder {
                        section: "readings",
                    })),
                );
                None
            }
        }
    }

    pub(super) fn law_version(&mut self, file: &str, n: &Node, out: &mut Vec<LawVersion>) {
        let Some(f) = self.fields(file, n, keys::LAW, Part::LawVersion) else {
            return;
        };
        let id = self.string(file, &f, "id", n);
        let from = match f.node("in_force_from") {
            Some(d) => self.date(file, d, Part::Key("in_force_from".into())),
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
                Msg::Twice {
                    of: Named::LawVersion,
                    name: id.clone(),
                },
                None,
            );
        } else if let Some(o) = out.iter().find(|v| v.in_force_from == in_force_from) {
            let msg = Msg::SameDay {
                a: o.id.to_string(),
                b: id.clone(),
                date: in_force_from.to_string(),
            };
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
        let Some(f) = self.fields(file, n, keys::PRINCIPLE, Part::Principle) else {
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
                    Fixed::PrincipleNumber.into(),
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
                Msg::Twice {
                    of: Named::Principle,
                    name: number.to_string(),
                },
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
