//! Fact declarations (`facts:`): names, types and domains, defaults, sides,
//! and when a fact matters (`used_if`).

use super::keys;
use super::reader::{Loader, at, ticks};
use super::values::value_of;
use crate::error::{Code, did_you_mean, suggest};
use crate::message::{Fixed, Msg, Named, Part, Shape};
use crate::model::facts::{EnumValue, FactDecl, FactDefault, FactType, Side};
use crate::model::ids::{FactId, MAX_FACTS};
use crate::model::list::List;
use crate::model::value::Value;
use crate::tree::{Node, Value as Y};

fn valid_fact_name(name: &str) -> bool {
    name.split('.').all(|seg| {
        let mut c = seg.chars();
        c.next().is_some_and(|c| c.is_ascii_lowercase())
            && c.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    })
}

impl Loader {
    pub(super) fn fact_decl(&mut self, file: &str, node: &Node) {
        let Some(f) = self.fields(file, node, keys::FACT, Part::FactDecl) else {
            return;
        };
        let Some(name) = self.string(file, &f, "name", node) else {
            return;
        };
        let loc = at(file, node.pos);
        if !valid_fact_name(&name) {
            self.err(
                Code::InvalidName,
                loc,
                Msg::BadFactName { name: name.clone() },
                Some(Fixed::FactNameForm.into()),
            );
            return;
        }
        if keys::SCENARIO_META.contains(&name.as_str()) {
            self.err(
                Code::ReservedName,
                loc,
                Msg::Reserved { name: name.clone() },
                None,
            );
            return;
        }
        if self.vocab.lookup(&name).is_some() {
            self.err(
                Code::DuplicateFact,
                loc,
                Msg::Twice {
                    of: Named::Fact,
                    name: name.clone(),
                },
                None,
            );
            return;
        }
        let clash = self.vocab.facts.iter().find(|o| {
            o.name.starts_with(&format!("{name}.")) || name.starts_with(&format!("{}.", o.name))
        });
        if let Some(o) = clash {
            let o = o.name.clone();
            self.err(
                Code::FactGroupClash,
                loc,
                Msg::GroupClash {
                    a: name.clone(),
                    b: o.to_string(),
                },
                None,
            );
            return;
        }
        let description = self.text(file, &f, "description", node).unwrap_or_default();
        let ty_name = self.string(file, &f, "type", node).unwrap_or_default();
        let Some(ty) = self.fact_type(file, node, &f, &ty_name) else {
            return;
        };
        if !matches!(ty, FactType::Enum(_) | FactType::List(_))
            && let Some((k, _)) = f.get("values")
        {
            self.err(
                Code::UnusedKey,
                at(file, k.pos),
                Msg::ValuesOnlyFor {
                    ty: ty_name.clone(),
                },
                None,
            );
        }
        let side = match f.get("side") {
            None => None,
            Some((
                _,
                Node {
                    value: Y::Str(s),
                    pos,
                },
            )) => match s.as_str() {
                "world" => Some(Side::World),
                "plan" => Some(Side::Plan),
                "frame" => Some(Side::Frame),
                other => {
                    self.err(
                        Code::InvalidValue,
                        at(file, *pos),
                        Msg::Unknown {
                            of: Named::Side,
                            name: other.into(),
                        },
                        Some(Msg::OneOf {
                            list: ticks(keys::SIDES),
                        }),
                    );
                    None
                }
            },
            Some((_, n)) => {
                self.err(
                    Code::InvalidValue,
                    at(file, n.pos),
                    Msg::SideWord {
                        found: Shape::of(&n.value),
                    },
                    Some(Msg::OneOf {
                        list: ticks(keys::SIDES),
                    }),
                );
                None
            }
        };
        let mut decl = FactDecl {
            name: name.clone().into(),
            ty,
            description,
            default: None,
            used_if: None,
            side,
            symbols: List::new(),
            location: loc.clone().into(),
        };
        if let Some(dn) = f.node("default") {
            decl.default = self.fact_default(file, &decl, dn);
        }
        if self.vocab.facts.len() >= MAX_FACTS {
            self.err(
                Code::TooManyFacts,
                loc,
                Msg::TooMany {
                    of: Named::Fact,
                    max: MAX_FACTS,
                },
                None,
            );
            return;
        }
        let id = FactId(self.vocab.facts.len() as u16);
        if name == "date" && matches!(decl.ty, FactType::Date) {
            self.vocab.date_fact = Some(id);
        }
        self.vocab.facts.to_mut().push(decl);
        if let Some(un) = f.node("used_if") {
            self.pending_used_if.push((id, file.to_owned(), un.clone()));
        }
    }

    fn fact_type(
        &mut self,
        file: &str,
        node: &Node,
        f: &super::reader::Fields<'_>,
        ty_name: &str,
    ) -> Option<FactType> {
        Some(match ty_name {
            "bool" => FactType::Bool,
            "date" => FactType::Date,
            "text" => FactType::Text,
            "int" => {
                let mut get = |k: &str, dflt: i64| match f.get(k) {
                    None => dflt,
                    Some((
                        _,
                        Node {
                            value: Y::Int(i), ..
                        },
                    )) => *i,
                    Some((_, n)) => {
                        self.err(
                            Code::InvalidBound,
                            at(file, n.pos),
                            Msg::MustBeInteger { key: k.into() },
                            None,
                        );
                        dflt
                    }
                };
                let (min, max) = (get("min", 0), get("max", i64::from(i32::MAX)));
                if min > max {
                    self.err(
                        Code::InvalidBound,
                        at(file, node.pos),
                        Msg::MinAboveMax { min, max },
                        None,
                    );
                }
                FactType::Int { min, max }
            }
            "enum" | "list" => {
                let values = match f.get("values") {
                    Some((
                        _,
                        Node {
                            value: Y::Map(m), ..
                        },
                    )) if !m.is_empty() => {
                        let mut out = Vec::new();
                        for (k, v) in m {
                            let what = Part::ValueDescription(k.name.clone());
                            let description = self.text_node(file, v, what).unwrap_or_default();
                            out.push(EnumValue {
                                name: k.name.clone().into(),
                                description,
                            });
                        }
                        out
                    }
                    Some((_, n)) => {
                        self.err(
                            Code::InvalidValues,
                            at(file, n.pos),
                            Fixed::ValuesMapping.into(),
                            None,
                        );
                        Vec::new()
                    }
                    None => {
                        self.err(
                            Code::MissingKey,
                            at(file, node.pos),
                            Msg::NeedsValues { ty: ty_name.into() },
                            None,
                        );
                        Vec::new()
                    }
                };
                if values.len() > 64 {
                    self.err(
                        Code::TooManyValues,
                        at(file, node.pos),
                        Fixed::TooManyValues.into(),
                        None,
                    );
                }
                if ty_name == "enum" {
                    FactType::Enum(values.into())
                } else {
                    FactType::List(values.into())
                }
            }
            "" => return None,
            other => {
                let s = suggest(other, keys::FACT_TYPES.iter().copied());
                self.err(
                    Code::UnknownType,
                    at(file, f.node("type").map_or(node.pos, |n| n.pos)),
                    Msg::Unknown {
                        of: Named::FactType,
                        name: other.into(),
                    },
                    did_you_mean(s).or_else(|| {
                        Some(Msg::OneOf {
                            list: ticks(keys::FACT_TYPES),
                        })
                    }),
                );
                return None;
            }
        })
    }

    /// `default: v`, `default: today` (dates) or `default: {reading: id, values: {option: v}}`.
    fn fact_default(&mut self, file: &str, decl: &FactDecl, dn: &Node) -> Option<FactDefault> {
        if matches!(&dn.value, Y::Str(s) if s == "today") && matches!(decl.ty, FactType::Date) {
            return Some(FactDefault::Today);
        }
        if let Y::Map(_) = dn.value {
            let f = self.fields(file, dn, keys::READING_DEFAULT, Part::ReadingDefault)?;
            let rn = f
                .node("reading")
                .or_else(|| self.missing(file, dn, "reading"))?;
            let reading = self.reading_ref(file, rn)?;
            let vn = f
                .node("values")
                .or_else(|| self.missing(file, dn, "values"))?;
            let Y::Map(entries) = &vn.value else {
                self.err(
                    Code::InvalidDefault,
                    at(file, vn.pos),
                    Fixed::DefaultByReading.into(),
                    None,
                );
                return None;
            };
            let n_options = self.readings[reading].options.len();
            let mut values: Vec<Option<Value>> = vec![None; n_options];
            let mut seen = vec![false; n_options];
            for (k, v) in entries {
                let Some(o) = self.readings[reading].option(&k.name) else {
                    let r = &self.readings[reading];
                    let s = suggest(&k.name, r.options.iter().map(|o| o.id.as_str()));
                    let msg = Msg::NoOption {
                        reading: r.id.to_string(),
                        option: k.name.clone(),
                    };
                    self.err(Code::UnknownOption, at(file, k.pos), msg, did_you_mean(s));
                    continue;
                };
                seen[usize::from(o)] = true;
                values[usize::from(o)] = self.default_value(file, decl, v);
            }
            if let Some(o) = seen.iter().position(|s| !s) {
                let r = &self.readings[reading];
                let msg = Msg::DefaultGap {
                    fact: decl.name.to_string(),
                    option: r.options[o].id.to_string(),
                    reading: r.id.to_string(),
                };
                self.err(Code::MissingKey, at(file, vn.pos), msg, None);
            }
            return Some(FactDefault::ByReading(reading, values.into()));
        }
        self.default_value(file, decl, dn).map(FactDefault::Value)
    }

    fn default_value(&mut self, file: &str, decl: &FactDecl, n: &Node) -> Option<Value> {
        match value_of(decl, n) {
            Ok(v) => v,
            Err(e) => {
                self.err(
                    Code::InvalidDefault,
                    at(file, n.pos),
                    Msg::BadDefault {
                        fact: decl.name.to_string(),
                        found: e.found,
                        expected: e.expected,
                    },
                    e.hint,
                );
                None
            }
        }
    }
}
