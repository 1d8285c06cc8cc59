//! Reports about the ruleset itself, for `explain`, `rules`, `readings`
//! (without a scenario), the browser page's form and the Python module: one
//! rule in full with its conditions in words, the list of rules, the facts a
//! scenario may state, the readings and the sources.

use super::{SCHEMA_VERSION, period, words};
use crate::model::Lang;
use crate::model::condition::{CmpOp, Condition, Test};
use crate::model::date::Date;
use crate::model::facts::{FactDefault, FactType};
use crate::model::ids::FactId;
use crate::model::law::Law;
use crate::model::outcome::Outcome;
use crate::model::rule::{Citation, Rule};
use crate::model::strings::Str;
use crate::model::value::Value;
use crate::ruleset::RuleSet;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// A citation with its source resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CiteInfo {
    /// The article, in the report's language.
    pub article: String,
    /// The statute's words in Japanese, where given.
    pub ja: Option<String>,
    /// An English rendering, where given.
    pub en: Option<String>,
    /// The sources it is read from.
    pub sources: Vec<SourceInfo>,
}

/// An entry of the sources list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SourceInfo {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where to read it.
    pub url: Option<String>,
    /// What kind of document it is.
    pub kind: String,
    /// What it supports and how sure.
    pub note: Option<String>,
}

/// One version of a rule, in words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VersionInfo {
    /// First day in force.
    pub from: Option<String>,
    /// Last day in force.
    pub until: Option<String>,
    /// The period in words.
    pub period: String,
    /// What changed with this version.
    pub change: Option<String>,
    /// When the rule concerns a mission, as an indented list.
    pub applies_if: String,
    /// What it requires, as an indented list (`None`: a procedure).
    pub requires: Option<String>,
    /// The reading it takes where the law is silent or contested.
    pub reading: Option<String>,
    /// Its citations.
    pub cites: Vec<CiteInfo>,
}

/// One rule in full (`explain --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExplainReport {
    /// The version of this shape.
    pub schema_version: u32,
    /// The rule's id.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// The principle it encodes.
    pub principle: Option<u8>,
    /// The principle's title.
    pub principle_title: Option<String>,
    /// Its kind (`general`, `pillar`, …).
    pub kind: String,
    /// Its kind in words.
    pub kind_words: String,
    /// What it requires, in a sentence or two.
    pub description: String,
    /// Where it is written (file:line:column).
    pub location: String,
    /// Its versions, oldest first.
    pub versions: Vec<VersionInfo>,
}

/// A rule in the list of rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleInfo {
    /// Its id.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// The principle it encodes.
    pub principle: Option<u8>,
    /// Its kind.
    pub kind: String,
    /// What it requires.
    pub description: String,
    /// The heading it is shown under.
    pub group: String,
    /// The heading's place among the headings.
    #[serde(skip)]
    pub(crate) group_order: u16,
    /// Its versions (conditions left out: see `explain`).
    pub versions: Vec<VersionInfo>,
}

/// The rules (`rules --format json`), those in force on a date when given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RulesReport {
    /// The version of this shape.
    pub schema_version: u32,
    /// The date asked for.
    pub date: Option<String>,
    /// The law version in force on it.
    pub law_version: Option<super::LawRef>,
    /// The rules, in ruleset order (the order of a trace).
    pub rules: Vec<RuleInfo>,
}

/// A fact a scenario may state, for forms and editors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FactInfo {
    /// Dotted name.
    pub name: String,
    /// `bool`, `enum`, `list`, `int`, `date` or `text`.
    #[serde(rename = "type")]
    pub ty: String,
    /// What it means.
    pub description: String,
    /// The values of an enum or list fact.
    pub values: Vec<ValueInfo>,
    /// Bounds of an int fact.
    pub min: Option<i64>,
    /// Bounds of an int fact.
    pub max: Option<i64>,
    /// The value an omitted fact takes (`null`: unknown, or chosen by a reading).
    pub default: serde_json::Value,
    /// The names the rules compare a text fact with.
    pub names: Vec<String>,
    /// Who could change it: `world`, `plan` or `frame`.
    pub side: Option<String>,
}

/// One value of an enum or list fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ValueInfo {
    /// As written in a scenario.
    pub name: String,
    /// What it means.
    pub description: String,
}

/// A reading of a contested point (`readings --format json` without a scenario).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReadingInfo {
    /// Its id.
    pub id: String,
    /// The question.
    pub question: String,
    /// The default option.
    pub default: String,
    /// The options.
    pub options: Vec<OptionInfo>,
    /// The rules that consult it.
    pub rules: Vec<String>,
    /// The facts whose default it chooses.
    pub facts: Vec<String>,
}

/// One option of a reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OptionInfo {
    /// Its id.
    pub id: String,
    /// What it says.
    pub text: String,
    /// Where it comes from.
    pub sources: Vec<SourceInfo>,
}

fn source_info(law: &Law, s: usize, lang: Lang) -> Option<SourceInfo> {
    let src = law.sources.get(s)?;
    Some(SourceInfo {
        id: src.id.to_string(),
        title: src.title.of(lang).to_owned(),
        url: src.url.as_deref().map(str::to_owned),
        kind: src.kind.to_string(),
        note: src.note.as_ref().map(|n| n.of(lang).to_owned()),
    })
}

fn cite_info(law: &Law, c: &Citation, lang: Lang) -> CiteInfo {
    CiteInfo {
        article: c.article.of(lang).to_owned(),
        ja: c.text_ja.as_deref().map(str::to_owned),
        en: c.text_en.as_deref().map(str::to_owned),
        sources: c
            .sources
            .iter()
            .filter_map(|&s| source_info(law, s, lang))
            .collect(),
    }
}

fn version_info(law: &Law, r: &Rule, v: usize, lang: Lang, conditions: bool) -> VersionInfo {
    let v = &r.versions[v];
    let words_of = |c: &Condition| {
        let mut s = String::new();
        condition(law, c, lang, 0, &mut s);
        s.trim_end().to_owned()
    };
    VersionInfo {
        from: v.period.from.map(|d| d.to_string()),
        until: v.period.until.map(|d| d.to_string()),
        period: period(&v.period, lang),
        change: v.change.as_ref().map(|t| t.of(lang).to_owned()),
        applies_if: if conditions {
            words_of(&v.applies_if)
        } else {
            String::new()
        },
        requires: v.require.as_ref().map(|c| {
            if conditions {
                words_of(c)
            } else {
                String::new()
            }
        }),
        reading: v.reading.as_ref().map(|t| t.of(lang).to_owned()),
        cites: v.cites.iter().map(|c| cite_info(law, c, lang)).collect(),
    }
}

impl RuleSet {
    /// One rule in full: what it requires in words, the law's words, the
    /// citations with their sources, and how it changed across law versions.
    pub fn explain(&self, rule: &str, lang: Lang) -> Option<ExplainReport> {
        let law = &self.law;
        let i = law.rule(rule)?;
        let r = &law.rules[i];
        let principle = r.principle.and_then(|p| law.principle(p));
        Some(ExplainReport {
            schema_version: SCHEMA_VERSION,
            rule: r.id.0.to_string(),
            title: r.title.of(lang).to_owned(),
            principle: r.principle,
            principle_title: principle.map(|p| p.title.of(lang).to_owned()),
            kind: r.kind.keyword().to_owned(),
            kind_words: words::kind(lang, r.kind.keyword()).to_owned(),
            description: r.description.of(lang).to_owned(),
            location: r.location.to_string(),
            versions: (0..r.versions.len())
                .map(|v| version_info(law, r, v, lang, true))
                .collect(),
        })
    }

    /// The rules, those in force on `date` when given, grouped as in a trace.
    pub fn rules_report(&self, date: Option<Date>, lang: Lang) -> RulesReport {
        let law = &self.law;
        let rules: Vec<RuleInfo> = law
            .rules
            .iter()
            .filter(|r| date.is_none_or(|d| r.version_at(d).is_some()))
            .map(|r| {
                let (key, group) = super::group_of(law, r, lang);
                let versions = match date.and_then(|d| r.version_at(d)) {
                    Some(v) => vec![version_info(law, r, v, lang, false)],
                    None => (0..r.versions.len())
                        .map(|v| version_info(law, r, v, lang, false))
                        .collect(),
                };
                RuleInfo {
                    rule: r.id.0.to_string(),
                    title: r.title.of(lang).to_owned(),
                    principle: r.principle,
                    kind: r.kind.keyword().to_owned(),
                    description: r.description.of(lang).to_owned(),
                    group,
                    group_order: key,
                    versions,
                }
            })
            .collect();
        RulesReport {
            schema_version: SCHEMA_VERSION,
            date: date.map(|d| d.to_string()),
            law_version: date
                .and_then(|d| law.law_version_at(d))
                .and_then(|v| law.law_versions.get(v))
                .map(|v| super::LawRef {
                    id: v.id.to_string(),
                    in_force_from: v.in_force_from.to_string(),
                    title: v.title.of(lang).to_owned(),
                }),
            rules,
        }
    }

    /// The facts a scenario may state, in declaration order.
    pub fn facts(&self, lang: Lang) -> Vec<FactInfo> {
        let law = &self.law;
        law.vocab
            .facts
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let (min, max) = match f.ty {
                    FactType::Int { min, max } => (Some(min), Some(max)),
                    _ => (None, None),
                };
                let default = match &f.default {
                    Some(FactDefault::Value(v)) => law.vocab.to_json(FactId(i as u16), *v, None),
                    Some(FactDefault::Today) => serde_json::Value::String("today".into()),
                    _ => serde_json::Value::Null,
                };
                FactInfo {
                    name: f.name.to_string(),
                    ty: f.ty.keyword().to_owned(),
                    description: f.description.of(lang).to_owned(),
                    values: f
                        .ty
                        .values()
                        .iter()
                        .map(|v| ValueInfo {
                            name: v.name.to_string(),
                            description: v.description.of(lang).to_owned(),
                        })
                        .collect(),
                    min,
                    max,
                    default,
                    names: f.symbols.iter().map(Str::to_string).collect(),
                    side: f.side.map(|s| s.keyword().to_owned()),
                }
            })
            .collect()
    }

    /// The readings of contested points, with the rules that consult each.
    pub fn readings(&self, lang: Lang) -> Vec<ReadingInfo> {
        let law = &self.law;
        law.readings
            .iter()
            .enumerate()
            .map(|(r, d)| ReadingInfo {
                id: d.id.to_string(),
                question: d.question.of(lang).to_owned(),
                default: d
                    .options
                    .get(usize::from(d.default))
                    .map_or(String::new(), |o| o.id.to_string()),
                options: d
                    .options
                    .iter()
                    .map(|o| OptionInfo {
                        id: o.id.to_string(),
                        text: o.text.of(lang).to_owned(),
                        sources: o
                            .sources
                            .iter()
                            .filter_map(|&s| source_info(law, s, lang))
                            .collect(),
                    })
                    .collect(),
                rules: law
                    .rules
                    .iter()
                    .filter(|rule| rule.versions.iter().any(|v| v.consults.contains(r)))
                    .map(|rule| rule.id.0.to_string())
                    .collect(),
                facts: law
                    .vocab
                    .facts
                    .iter()
                    .filter(|f| matches!(&f.default, Some(FactDefault::ByReading(x, _)) if *x == r))
                    .map(|f| f.name.to_string())
                    .collect(),
            })
            .collect()
    }

    /// Every source the ruleset relies on.
    pub fn sources(&self, lang: Lang) -> Vec<SourceInfo> {
        (0..self.law.sources.len())
            .filter_map(|s| source_info(&self.law, s, lang))
            .collect()
    }

    /// The ids of the rules, in ruleset order.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.law.rules.iter().map(|r| r.id.0.as_str())
    }
}

fn names(law: &Law, f: FactId, mask: u64) -> String {
    let decl = law.vocab.get(f);
    let all: Vec<String> = match &decl.ty {
        FactType::Text => decl.symbols.iter().map(Str::to_string).collect(),
        ty => ty.values().iter().map(|v| v.name.to_string()).collect(),
    };
    all.iter()
        .enumerate()
        .filter(|(i, _)| *i < 64 && mask & (1 << i) != 0)
        .map(|(_, n)| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn test_words(law: &Law, f: FactId, t: &Test, lang: Lang) -> String {
    let decl = law.vocab.get(f);
    let name = &decl.name;
    let date_or = |n: i64| match (&decl.ty, Date::from_ordinal(n)) {
        (FactType::Date, Some(d)) => d.to_string(),
        _ => n.to_string(),
    };
    let ja = lang == Lang::Ja;
    match t {
        Test::IsSet if ja => format!("`{name}` が判明している"),
        Test::IsSet => format!("`{name}` is known"),
        Test::Is(v) => {
            let v = match v {
                Value::Sym(s) => decl
                    .symbols
                    .get(*s as usize)
                    .map(Str::to_string)
                    .unwrap_or_default(),
                v => law.vocab.display(f, *v, None),
            };
            if ja {
                format!("`{name}` が `{v}`")
            } else {
                format!("`{name}` is `{v}`")
            }
        }
        Test::In(m) if ja => format!("`{name}` が {} のいずれか", names(law, f, *m)),
        Test::In(m) => format!("`{name}` is one of {}", names(law, f, *m)),
        Test::ContainsAll(m) if ja => format!("`{name}` に {} を含む", names(law, f, *m)),
        Test::ContainsAll(m) => format!("`{name}` includes {}", names(law, f, *m)),
        Test::ContainsAny(m) if ja => format!("`{name}` に {} のいずれかを含む", names(law, f, *m)),
        Test::ContainsAny(m) => format!("`{name}` includes any of {}", names(law, f, *m)),
        Test::Cmp(op, n) => {
            let v = date_or(*n);
            match (ja, op) {
                (false, CmpOp::AtLeast) => format!("`{name}` is {v} or later/more"),
                (false, CmpOp::AtMost) => format!("`{name}` is {v} or earlier/less"),
                (false, CmpOp::Before) => format!("`{name}` is before/below {v}"),
                (false, CmpOp::After) => format!("`{name}` is after/above {v}"),
                (true, CmpOp::AtLeast) => format!("`{name}` が {v} 以上（以後）"),
                (true, CmpOp::AtMost) => format!("`{name}` が {v} 以下（以前）"),
                (true, CmpOp::Before) => format!("`{name}` が {v} 未満（より前）"),
                (true, CmpOp::After) => format!("`{name}` が {v} を超える（より後）"),
            }
        }
    }
}

/// A condition as an indented list of plain-language lines (terms named, not expanded).
pub(crate) fn condition(law: &Law, c: &Condition, lang: Lang, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    let ja = lang == Lang::Ja;
    match c {
        Condition::Const(b) => {
            let w = match (ja, b) {
                (false, true) => "always",
                (false, false) => "never (the rule fails whenever it applies)",
                (true, true) => "常に",
                (true, false) => "常に満たされない（適用されれば不充足）",
            };
            let _ = writeln!(out, "{pad}- {w}");
        }
        Condition::All(cs) | Condition::Any(cs) => {
            let head = match (ja, matches!(c, Condition::All(_))) {
                (false, true) => "all of:",
                (false, false) => "any of:",
                (true, true) => "次のすべて：",
                (true, false) => "次のいずれか：",
            };
            let _ = writeln!(out, "{pad}- {head}");
            for c in cs {
                condition(law, c, lang, indent + 2, out);
            }
        }
        Condition::Term(t) => {
            if let Some(term) = law.terms.get(*t) {
                let _ = if ja {
                    writeln!(
                        out,
                        "{pad}- {}（定義語 `{}`）",
                        term.description.of(lang),
                        term.name
                    )
                } else {
                    writeln!(
                        out,
                        "{pad}- {} (term `{}`)",
                        term.description.of(lang),
                        term.name
                    )
                };
            }
        }
        Condition::Not(inner) => {
            let _ = writeln!(
                out,
                "{pad}- {}",
                if ja {
                    "次に当たらない："
                } else {
                    "not:"
                }
            );
            condition(law, inner, lang, indent + 2, out);
        }
        Condition::Fact { fact, test } => {
            let _ = writeln!(out, "{pad}- {}", test_words(law, *fact, test, lang));
        }
        Condition::Reading { reading, options } => {
            if let Some(r) = law.readings.get(*reading) {
                let os: Vec<String> = r
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| options & (1 << i) != 0)
                    .map(|(_, o)| format!("`{}`", o.id))
                    .collect();
                let _ = if ja {
                    writeln!(
                        out,
                        "{pad}- 解釈 `{}` として {} を採る",
                        r.id,
                        os.join("、")
                    )
                } else {
                    writeln!(out, "{pad}- the reading `{}` is {}", r.id, os.join(" or "))
                };
            }
        }
        Condition::Rule { rule, outcomes } => {
            let os: Vec<&str> = Outcome::ALL
                .iter()
                .filter(|o| outcomes.contains(**o))
                .map(|o| o.as_str())
                .collect();
            let id = law.rules.get(*rule).map_or("?", |r| r.id.0.as_str());
            let _ = if ja {
                writeln!(out, "{pad}- 規則 `{id}` が {}", os.join("、"))
            } else {
                writeln!(out, "{pad}- rule `{id}` is {}", os.join(" or "))
            };
        }
    }
}
