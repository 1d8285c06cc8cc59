//! Rules, their versions, explanations, citations and in-force periods.

use super::keys;
use super::reader::{Fields, Loader, at, is_kebab, join_cjk};
use crate::error::{Code, did_you_mean, suggest};
use crate::message::{Fixed, InLangs, Msg, Named, Part, Shape};
use crate::model::Location;
use crate::model::condition::Condition;
use crate::model::ids::FactSet;
use crate::model::ids::ReadingSet;
use crate::model::list::List;
use crate::model::rule::{
    Case, Citation, Explanation, Period, Rule, RuleId, RuleKind, RuleVersion, Template,
};
use crate::model::strings::Str;
use crate::model::text::{Localized, Text};
use crate::tree::{Node, Value as Y};

impl Loader {
    // ------------------------------------------------------------ explanations

    /// A template's literal text and placeholders; problems are collected
    /// in `bad`, to be reported once for both languages.
    fn template(&self, text: &str, bad: &mut Vec<BadHole>) -> Template {
        let mut holes = Vec::new();
        let mut lit = String::new();
        let mut rest = text;
        while let Some(i) = rest.find(['{', '}']) {
            lit.push_str(&rest[..i]);
            let c = rest.as_bytes()[i];
            rest = &rest[i + 1..];
            if c == b'}' {
                if let Some(r) = rest.strip_prefix('}') {
                    rest = r;
                }
                lit.push('}');
                continue;
            }
            if let Some(r) = rest.strip_prefix('{') {
                lit.push('{');
                rest = r;
                continue;
            }
            let Some(end) = rest.find('}') else {
                bad.push(BadHole::Unclosed);
                break;
            };
            let name = &rest[..end];
            rest = &rest[end + 1..];
            match self.vocab.lookup(name) {
                Some(id) => {
                    holes.push((u32::try_from(lit.len()).unwrap_or(u32::MAX), id));
                }
                None => bad.push(BadHole::Unknown(name.to_owned())),
            }
        }
        lit.push_str(rest);
        Template {
            text: lit.into(),
            holes: holes.into(),
        }
    }

    /// Reports the placeholder problems of a text once each, at the text of
    /// the first language that has it, naming the languages that do.
    fn report_holes(
        &mut self,
        file: &str,
        node: &Node,
        en: &[BadHole],
        ja: &[BadHole],
        bilingual: bool,
    ) {
        let (en_pos, ja_pos) = language_positions(node);
        let mut seen: Vec<&BadHole> = Vec::new();
        for b in en.iter().chain(ja) {
            if seen.contains(&b) {
                continue;
            }
            seen.push(b);
            let (in_en, in_ja) = (en.contains(b), ja.contains(b));
            let pos = if in_en { en_pos } else { ja_pos };
            let langs = match (bilingual, in_en, in_ja) {
                (false, _, _) => InLangs::Plain,
                (true, true, true) => InLangs::Both,
                (true, true, false) => InLangs::English,
                (true, false, _) => InLangs::Japanese,
            };
            match b {
                BadHole::Unclosed => self.err(
                    Code::InvalidTemplate,
                    at(file, pos),
                    Msg::Unclosed { langs },
                    Some(Fixed::LiteralBrace.into()),
                ),
                BadHole::Unknown(name) => {
                    let s = suggest(name, self.vocab.facts.iter().map(|f| f.name.as_str()));
                    self.err(
                        Code::UnknownFact,
                        at(file, pos),
                        Msg::UnknownPlaceholder {
                            name: name.to_string(),
                            langs,
                        },
                        did_you_mean(s.map(|s| format!("{{{s}}}"))),
                    );
                }
            }
        }
    }

    pub(super) fn explanation(&mut self, file: &str, node: &Node) -> Explanation {
        match &node.value {
            Y::Str(_) | Y::Map(_) => match self.text_node(file, node, Part::Explanation) {
                Some(t) => Explanation(
                    vec![Case {
                        when: None,
                        text: self.templates(file, node, &t),
                    }]
                    .into(),
                ),
                None => Explanation::default(),
            },
            Y::Seq(items) => {
                let mut out = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    let Some(f) = self.fields(file, it, keys::CASE, Part::ExplanationCase) else {
                        continue;
                    };
                    let when = match f.get("when") {
                        Some((_, w)) => self.cond(file, w),
                        None => None,
                    };
                    if f.get("when").is_none() && i + 1 != items.len() {
                        self.err(
                            Code::InvalidExplanation,
                            at(file, it.pos),
                            Fixed::LastCaseWhen.into(),
                            None,
                        );
                    }
                    let Some(text) = self.text(file, &f, "text", it) else {
                        continue;
                    };
                    let t = self.templates(file, it, &text);
                    out.push(Case { when, text: t });
                }
                Explanation(out.into())
            }
            other => {
                self.err(
                    Code::InvalidExplanation,
                    at(file, node.pos),
                    Msg::ExpectedExplanation {
                        found: Shape::of(other),
                    },
                    None,
                );
                Explanation::default()
            }
        }
    }

    /// Parses the placeholders of both languages of a text.
    fn templates(&mut self, file: &str, node: &Node, t: &Text) -> Localized<Template> {
        let (mut bad_en, mut bad_ja) = (Vec::new(), Vec::new());
        let out = Localized {
            en: self.template(&t.en, &mut bad_en),
            ja: t.ja.as_ref().map(|j| self.template(j, &mut bad_ja)),
        };
        self.report_holes(file, node, &bad_en, &bad_ja, t.ja.is_some());
        out
    }

    pub(super) fn cites(&mut self, file: &str, node: &Node) -> Vec<Citation> {
        let Y::Seq(items) = &node.value else {
            self.err(
                Code::InvalidCites,
                at(file, node.pos),
                Fixed::CitesList.into(),
                None,
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for it in items {
            match &it.value {
                Y::Str(s) => {
                    self.warn(
                        Code::MissingSource,
                        at(file, it.pos),
                        Msg::CitationNoSource { article: s.clone() },
                        Some(Fixed::CiteForm.into()),
                    );
                    out.push(Citation {
                        article: Text::en(s.clone()),
                        sources: List::new(),
                        text_ja: None,
                        text_en: None,
                        when: None,
                    });
                }
                _ => {
                    let Some(f) = self.fields(file, it, keys::CITE, Part::Citation) else {
                        continue;
                    };
                    let Some(article) = self.text(file, &f, "article", it) else {
                        continue;
                    };
                    let sources = match f.node("source") {
                        Some(n) => self.source_ids(file, n),
                        None => {
                            self.warn(
                                Code::MissingSource,
                                at(file, it.pos),
                                Msg::CitationNoSource {
                                    article: article.en.to_string(),
                                },
                                Some(Fixed::AddSource.into()),
                            );
                            Vec::new()
                        }
                    };
                    let text_ja = self.opt_string(file, &f, "ja").map(|j| join_cjk(&j));
                    let text_en = self.opt_string(file, &f, "en");
                    let when = f.node("when").and_then(|w| self.cond(file, w));
                    out.push(Citation {
                        article,
                        sources: sources.into(),
                        text_ja: text_ja.map(Str::from),
                        text_en: text_en.map(Str::from),
                        when,
                    });
                }
            }
        }
        out
    }

    pub(super) fn period(&mut self, file: &str, node: &Node) -> Period {
        let Some(f) = self.fields(file, node, keys::PERIOD, Part::Period) else {
            return Period::default();
        };
        let from = f
            .get("from")
            .and_then(|(_, n)| self.date(file, n, Part::Key("from".into())));
        let until = f
            .get("until")
            .and_then(|(_, n)| self.date(file, n, Part::Key("until".into())));
        if let (Some(a), Some(b)) = (from, until)
            && a > b
        {
            self.err(
                Code::EmptyPeriod,
                at(file, node.pos),
                Msg::EmptyPeriod {
                    from: a.to_string(),
                    until: b.to_string(),
                },
                None,
            );
        }
        Period { from, until }
    }

    // ----------------------------------------------------------------- rules

    pub(super) fn rule(&mut self, file: &str, node: &Node) -> Option<Rule> {
        let f = self.fields(file, node, keys::RULE, Part::Rule)?;
        let id = self.string(file, &f, "id", node)?;
        if !is_kebab(&id) {
            self.err(
                Code::InvalidId,
                at(file, f.get("id").map_or(node.pos, |(_, n)| n.pos)),
                Msg::NotKebab {
                    id: id.clone(),
                    rule: true,
                },
                Some(Msg::KebabFix {
                    fix: id.to_lowercase().replace(['_', ' '], "-"),
                }),
            );
        }
        let title = self.text(file, &f, "title", node).unwrap_or_default();
        let description = self.opt_text(file, &f, "description").unwrap_or_default();
        let kind = match f.get("kind") {
            Some((
                _,
                Node {
                    value: Y::Str(s),
                    pos,
                },
            )) => match RuleKind::ALL.iter().find(|k| k.keyword() == s) {
                Some(k) => *k,
                None => {
                    let sug = suggest(s, RuleKind::ALL.iter().map(|k| k.keyword()));
                    self.err(
                        Code::UnknownKind,
                        at(file, *pos),
                        Msg::Unknown {
                            of: Named::RuleKind,
                            name: s.clone(),
                        },
                        did_you_mean(sug).or(Some(Fixed::RuleKinds.into())),
                    );
                    RuleKind::General
                }
            },
            Some((_, n)) => {
                self.err(
                    Code::UnknownKind,
                    at(file, n.pos),
                    Fixed::KindWord.into(),
                    None,
                );
                RuleKind::General
            }
            None => {
                self.err(
                    Code::MissingKey,
                    at(file, node.pos),
                    Msg::NoKind { id: id.clone() },
                    None,
                );
                RuleKind::General
            }
        };
        let principle = match f.node("principle") {
            None | Some(Node { value: Y::Null, .. }) => None,
            Some(Node {
                value: Y::Int(i), ..
            }) if self.principle_numbers.iter().any(|p| i64::from(*p) == *i) => Some(*i as u8),
            Some(n) => {
                let declared: Vec<String> =
                    self.principle_numbers.iter().map(u8::to_string).collect();
                self.err(
                    Code::InvalidPrinciple,
                    at(file, n.pos),
                    Msg::NotAPrinciple {
                        declared: declared.join(", "),
                        found: crate::message::Found::bare(&n.value),
                    },
                    None,
                );
                None
            }
        };
        if kind == RuleKind::Principle && principle.is_none() {
            self.err(
                Code::MissingPrinciple,
                at(file, node.pos),
                Msg::PrincipleUnnamed { id: id.clone() },
                None,
            );
        }
        if let (Some((k, _)), Some(_)) = (f.get("in_force"), f.get("versions")) {
            self.err(
                Code::InForceBesideVersions,
                at(file, k.pos),
                Msg::InForceBoth { id: id.clone() },
                Some(Fixed::OwnInForce.into()),
            );
        }
        let base = VersionDraft::from_fields(self, file, &f);
        let mut versions = Vec::new();
        match f.get("versions") {
            Some((
                _,
                Node {
                    value: Y::Seq(items),
                    ..
                },
            )) => {
                for it in items {
                    let Some(vf) = self.fields(file, it, keys::VERSION, Part::RuleVersion) else {
                        continue;
                    };
                    let d = VersionDraft::from_fields(self, file, &vf);
                    versions.push(base.clone().overlay(d, at(file, it.pos)));
                }
            }
            Some((_, n)) => {
                self.err(
                    Code::InvalidVersions,
                    at(file, n.pos),
                    Fixed::VersionsList.into(),
                    None,
                );
            }
            None => versions.push(
                base.clone()
                    .overlay(VersionDraft::default(), at(file, node.pos)),
            ),
        }
        let mut out = Vec::new();
        for d in versions {
            if let Some(v) = self.finish_version(&id, kind, d) {
                out.push(v);
            }
        }
        out.sort_by_key(|v| v.period.from);
        if out.is_empty() && f.get("versions").is_some() {
            self.err(
                Code::NoVersions,
                at(file, node.pos),
                Msg::EmptyVersions { id: id.clone() },
                Some(Fixed::OneVersion.into()),
            );
        }
        if out.len() > usize::from(u8::MAX) {
            self.err(
                Code::TooManyVersions,
                at(file, node.pos),
                Msg::TooManyVersions {
                    id: id.clone(),
                    n: out.len(),
                },
                None,
            );
        }
        for w in out.windows(2) {
            if w[0].period.overlaps(&w[1].period) {
                self.err(
                    Code::OverlappingVersions,
                    w[1].location.location(),
                    Msg::Overlap {
                        id: id.clone(),
                        a: w[0].period,
                        b: w[1].period,
                    },
                    Some(Fixed::EndEarlier.into()),
                );
            }
        }
        Some(Rule {
            id: RuleId(id.into()),
            title,
            principle,
            kind,
            description,
            versions: out.into(),
            location: at(file, node.pos).into(),
        })
    }

    fn finish_version(&mut self, id: &str, kind: RuleKind, d: VersionDraft) -> Option<RuleVersion> {
        let loc = d.location.clone();
        if d.cites.as_ref().is_none_or(|c| c.is_empty()) {
            self.err(
                Code::MissingCitation,
                loc.clone(),
                Msg::NoCitation { id: id.into() },
                Some(Fixed::AddCites.into()),
            );
        }
        let pass = d.pass.unwrap_or_default();
        let fail = d.fail.unwrap_or_default();
        let never_passes = d.require.as_ref() == Some(&Condition::Const(false));
        if pass.0.is_empty() && !never_passes {
            self.err(
                Code::MissingExplanation,
                loc.clone(),
                Msg::NoExplanation {
                    id: id.into(),
                    pass: true,
                },
                None,
            );
        }
        if kind == RuleKind::Procedure {
            if d.has_require {
                self.err(
                    Code::ProcedureRequire,
                    loc.clone(),
                    Msg::ProcedureRequire { id: id.into() },
                    None,
                );
            }
        } else {
            if !d.has_require {
                self.err(
                    Code::MissingRequire,
                    loc.clone(),
                    Msg::NoRequire { id: id.into() },
                    None,
                );
            }
            if fail.0.is_empty() {
                self.err(
                    Code::MissingExplanation,
                    loc.clone(),
                    Msg::NoExplanation {
                        id: id.into(),
                        pass: false,
                    },
                    None,
                );
            }
        }
        let applies_if = d.applies_if.unwrap_or(Condition::Const(true));
        let require = if kind == RuleKind::Procedure {
            None
        } else {
            d.require
        };
        Some(RuleVersion {
            period: d.period.unwrap_or_default(),
            applies_if,
            require,
            pass,
            fail,
            not_applicable: d.not_applicable.unwrap_or_default(),
            cites: d.cites.unwrap_or_default().into(),
            reading: d.reading,
            change: d.change,
            // Filled in once every term is compiled (see `load::finish`).
            reads: FactSet::EMPTY,
            consults: ReadingSet::EMPTY,
            refers: List::new(),
            location: loc.into(),
        })
    }
}

/// The fields of a rule version as written; unset fields inherit from the rule.
#[derive(Clone, Default)]
struct VersionDraft {
    /// Whether `require` was written (even if it did not compile).
    has_require: bool,
    period: Option<Period>,
    applies_if: Option<Condition>,
    require: Option<Condition>,
    pass: Option<Explanation>,
    fail: Option<Explanation>,
    not_applicable: Option<Explanation>,
    cites: Option<Vec<Citation>>,
    reading: Option<Text>,
    change: Option<Text>,
    location: Location,
}

impl VersionDraft {
    pub(super) fn from_fields(l: &mut Loader, file: &str, f: &Fields<'_>) -> VersionDraft {
        let mut d = VersionDraft {
            has_require: f.get("require").is_some(),
            period: f.get("in_force").map(|(_, n)| l.period(file, n)),
            applies_if: f.get("applies_if").and_then(|(_, n)| l.cond(file, n)),
            require: f.get("require").and_then(|(_, n)| l.cond(file, n)),
            cites: f.get("cites").map(|(_, n)| l.cites(file, n)),
            reading: l.opt_text(file, f, "reading"),
            change: l.opt_text(file, f, "change"),
            ..VersionDraft::default()
        };
        if let Some((_, n)) = f.get("explain")
            && let Some(ef) = l.fields(file, n, keys::EXPLAIN, Part::Key("explain".into()))
        {
            d.pass = ef.get("pass").map(|(_, n)| l.explanation(file, n));
            d.fail = ef.get("fail").map(|(_, n)| l.explanation(file, n));
            d.not_applicable = ef
                .get("not_applicable")
                .map(|(_, n)| l.explanation(file, n));
        }
        d
    }

    pub(super) fn overlay(self, o: VersionDraft, location: Location) -> VersionDraft {
        VersionDraft {
            has_require: o.has_require || self.has_require,
            period: o.period.or(self.period),
            applies_if: o.applies_if.or(self.applies_if),
            require: o.require.or(self.require),
            pass: o.pass.or(self.pass),
            fail: o.fail.or(self.fail),
            not_applicable: o.not_applicable.or(self.not_applicable),
            cites: o.cites.or(self.cites),
            reading: o.reading.or(self.reading),
            change: o.change,
            location,
        }
    }
}

/// A placeholder that cannot be filled.
#[derive(Debug, PartialEq, Eq)]
enum BadHole {
    /// `{` with no `}` after it.
    Unclosed,
    /// `{name}` where no fact has that name.
    Unknown(String),
}

/// Where the English and the Japanese text of an explanation start: the
/// `en:`/`ja:` values of `{en: …, ja: …}` (also under a case's `text:`), or
/// the text itself.
fn language_positions(node: &Node) -> (crate::tree::Pos, crate::tree::Pos) {
    let child = |n: &Node, key: &str| match &n.value {
        Y::Map(m) => m.iter().find(|(k, _)| k.name == key).map(|(_, v)| v.pos),
        _ => None,
    };
    let text = match &node.value {
        Y::Map(m) => m
            .iter()
            .find(|(k, _)| k.name == "text")
            .map_or(node, |(_, v)| v),
        _ => node,
    };
    let en = child(text, "en").unwrap_or(text.pos);
    let ja = child(text, "ja").unwrap_or(text.pos);
    (en, ja)
}
