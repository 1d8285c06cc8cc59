//! The report model: everything a reader sees about one evaluated scenario
//! (verdict, reason, readings, steps, advisories, the trace grouped for
//! display, every explanation in the chosen language), built once. It is the
//! CLI's JSON object (`evaluate --format json`), and the text, Markdown and
//! HTML renderers, the browser page and the Python module only lay it out.

pub mod catalogue;
pub(crate) mod explain;
pub(crate) mod shapes;
pub(crate) mod width;
pub(crate) mod words;

use crate::engine::Evaluation;
use crate::model::Lang;
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::rule::{Citation, Period, Rule, RuleKind};
use crate::model::scenario::Scenario;
use crate::ruleset::RuleSet;
use serde::{Deserialize, Serialize};

pub use shapes::{FactValues, LawRef, Pairs, SCHEMA_VERSION, ScenarioRef};

/// One evaluated scenario, ready to serialize or lay out. Serializes to
/// exactly the object `peacecoop evaluate --format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// The version of this shape.
    pub schema_version: u32,
    /// Which scenario.
    pub scenario: ScenarioRef,
    /// The date the law was taken at.
    pub date: String,
    /// The law version in force on that date (`None` before the first).
    pub law_version: Option<LawRef>,
    /// The verdict.
    pub verdict: Verdict,
    /// A one-line reason for the verdict.
    pub reason: String,
    /// Every reading of a contested point, with the option in effect.
    pub readings: Pairs,
    /// The readings for which another option, the others as chosen, gives another verdict.
    pub depends_on_readings: Vec<String>,
    /// The unknown facts that left rules undetermined (dotted names).
    pub missing: Vec<String>,
    /// The verdict the scenario expects under the readings in effect, if it says.
    pub expect: Option<Verdict>,
    /// Procedural steps the dispatch needs (if it goes ahead).
    pub steps: Vec<Step>,
    /// Policy expectations that fail: advisories, never decisive.
    pub advisories: Vec<Step>,
    /// Facts given that the operation does not use.
    pub unused: Vec<String>,
    /// Remarks on the input.
    pub notes: Vec<String>,
    /// The trace grouped for display: the Act, pillars, each principle, tasks, policy, procedure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    /// Every rule of the ruleset, in ruleset order, exactly once (left out of
    /// reports made without the trace).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<Entry>,
}

/// A procedural step or an advisory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Step {
    /// The rule's id.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// What it says for this scenario.
    pub explanation: String,
    /// The articles it cites.
    pub cites: Vec<String>,
}

/// A heading of the trace and the rules under it, in display order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Group {
    /// The heading, e.g. `Principle 1: Ceasefire (停戦合意)`.
    pub title: String,
    /// The ids of its rules, in ruleset order.
    pub rules: Vec<String>,
}

/// One rule's line of the trace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entry {
    /// The rule's id.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// The principle it encodes, if any.
    pub principle: Option<u8>,
    /// `general`, `pillar`, `principle`, `task`, `procedure` or `policy`.
    pub kind: String,
    /// What it concluded.
    pub outcome: Outcome,
    /// Why, in plain language.
    pub explanation: String,
    /// The facts it read, by dotted name (`null`: unknown).
    pub facts: FactValues,
    /// The articles it cites (of the version in force).
    pub cites: Vec<String>,
    /// The ids of the sources those articles are read from.
    pub sources: Vec<String>,
}

impl Entry {
    /// Whether a failure of this rule decides the verdict (procedures and policies never do).
    pub fn decides(&self) -> bool {
        !matches!(self.kind.as_str(), "procedure" | "policy")
    }
}

impl Report {
    /// The readings this verdict depends on, each with the option taken:
    /// what a reader must accept for the verdict to stand.
    pub fn deciding_readings(&self) -> Vec<(String, String)> {
        self.depends_on_readings
            .iter()
            .map(|id| {
                let option = self.readings.0.iter().find(|(k, _)| k == id);
                (
                    id.clone(),
                    option.map(|(_, o)| o.clone()).unwrap_or_default(),
                )
            })
            .collect()
    }
    /// The trace entry of a rule, by id.
    pub fn entry(&self, rule: &str) -> Option<&Entry> {
        self.trace.iter().find(|e| e.rule == rule)
    }
    /// Whether the expectation, if any, holds.
    pub fn as_expected(&self) -> Option<bool> {
        self.expect.map(|x| x == self.verdict)
    }
}

/// The heading a rule is shown under, and the heading's place in the order.
pub(crate) fn group_of(law: &Law, rule: &Rule, lang: Lang) -> (u16, String) {
    let w = words::words(lang);
    let key = group_key(rule);
    if let Some(p) = rule.principle {
        let title = law
            .principle(p)
            .map_or(String::new(), |x| format!(": {}", x.title.of(lang)));
        let head = match lang {
            Lang::Ja => format!("{}{p}{title}", w.principle),
            _ => format!("{} {p}{title}", w.principle),
        };
        return (key, head);
    }
    let head = match rule.kind {
        RuleKind::General => w.the_act,
        RuleKind::Pillar => w.pillar,
        RuleKind::Principle => w.principle,
        RuleKind::Task => w.tasks,
        RuleKind::Policy => w.policy,
        RuleKind::Procedure => w.procedure,
    };
    (key, head.to_owned())
}

/// The place in the order of the heading a rule is shown under (cheap: no
/// heading is written).
fn group_key(rule: &Rule) -> u16 {
    if let Some(p) = rule.principle {
        return 100 + u16::from(p);
    }
    match rule.kind {
        RuleKind::General => 0,
        RuleKind::Pillar => 1,
        RuleKind::Principle => 99,
        RuleKind::Task => 300,
        RuleKind::Policy => 301,
        RuleKind::Procedure => 302,
    }
}

/// A period in words ("from 1992-08-10", "1992-08-10 to 1998-06-11").
pub(crate) fn period(p: &Period, lang: Lang) -> String {
    crate::message::period(p, lang)
}

impl RuleSet {
    /// The report of an evaluation: what `evaluate --format json` prints,
    /// titles and explanations in `lang`.
    ///
    /// The evaluation carries the ruleset that made it, so a report can never
    /// mix one ruleset's rules with another's results.
    ///
    /// A scenario read with another ruleset than the evaluation's is
    /// reported as not evaluated (every rule undetermined), never mixed.
    pub fn report(&self, scenario: &Scenario, evaluation: &Evaluation<'_>, lang: Lang) -> Report {
        self.build_report(scenario, evaluation, lang, true)
    }

    /// The report without its trace and groups: the verdict, reason,
    /// readings, missing facts, steps, advisories and notes. Much cheaper:
    /// only procedures and policies are explained (the fast path for sweeps).
    pub fn report_summary(
        &self,
        scenario: &Scenario,
        evaluation: &Evaluation<'_>,
        lang: Lang,
    ) -> Report {
        self.build_report(scenario, evaluation, lang, false)
    }

    fn build_report(&self, s: &Scenario, e: &Evaluation<'_>, lang: Lang, trace: bool) -> Report {
        if s.vocab_key != e.law.key {
            let foreign = crate::engine::foreign(e.law, s);
            return build(s, &foreign, lang, trace, |_, _| Vec::new());
        }
        build(s, e, lang, trace, |s, e| {
            if s.vocab_key == self.law.key {
                crate::analysis::readings::depends_on(self, s, e)
            } else {
                Vec::new()
            }
        })
    }
}

/// Builds a report (with every rule's entry and the groups if `with_trace`);
/// `depends` says which readings the verdict depends on.
pub(crate) fn build(
    s: &Scenario,
    e: &Evaluation<'_>,
    lang: Lang,
    with_trace: bool,
    depends: impl FnOnce(&Scenario, &Evaluation<'_>) -> Vec<usize>,
) -> Report {
    let law = e.law;
    let mut trace = Vec::with_capacity(if with_trace { law.rules.len() } else { 0 });
    let mut steps = Vec::new();
    let mut advisories = Vec::new();
    for (i, rule) in law.rules.iter().enumerate() {
        let r = e.result(i);
        let is_step = matches!(
            (rule.kind, r.outcome),
            (RuleKind::Procedure, Outcome::Pass) | (RuleKind::Policy, Outcome::Fail)
        );
        if !with_trace && !is_step {
            continue;
        }
        let version = r.version().and_then(|v| rule.versions.get(v));
        let applying: Vec<&Citation> = match version {
            Some(v) if v.cites.iter().any(|c| c.when.is_some()) => {
                let apply = crate::engine::citations_apply(e, s, i);
                v.cites
                    .iter()
                    .zip(apply)
                    .filter_map(|(c, a)| a.then_some(c))
                    .collect()
            }
            Some(v) => v.cites.iter().collect(),
            None => Vec::new(),
        };
        let cites: Vec<String> = applying
            .iter()
            .map(|c| c.article.of(lang).to_owned())
            .collect();
        let mut sources: Vec<String> = Vec::new();
        for &id in applying.iter().flat_map(|c| c.sources.iter()) {
            if let Some(x) = law.sources.get(id)
                && !sources.iter().any(|s| s == x.id.as_str())
            {
                sources.push(x.id.as_str().to_owned());
            }
        }
        let text = explain::explanation(s, e, i, lang);
        let title = rule.title.of(lang).to_owned();
        let step = || Step {
            rule: rule.id.0.as_str().to_owned(),
            title: title.clone(),
            explanation: text.clone(),
            cites: cites.clone(),
        };
        match (rule.kind, r.outcome) {
            (RuleKind::Procedure, Outcome::Pass) => steps.push(step()),
            (RuleKind::Policy, Outcome::Fail) => advisories.push(step()),
            _ => {}
        }
        if !with_trace {
            continue;
        }
        let facts = FactValues(
            version
                .map(|v| {
                    v.reads
                        .iter()
                        .map(|f| {
                            (
                                law.vocab.get(f).name.as_str().to_owned(),
                                explain::fact_json(law, s, f),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
        );
        trace.push(Entry {
            rule: rule.id.0.as_str().to_owned(),
            title,
            principle: rule.principle,
            kind: rule.kind.keyword().to_owned(),
            outcome: r.outcome,
            explanation: text,
            facts,
            cites,
            sources,
        });
    }
    let mut groups: Vec<(u16, Group)> = Vec::new();
    for rule in law.rules.iter().filter(|_| with_trace) {
        let key = group_key(rule);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => g.rules.push(rule.id.0.as_str().to_owned()),
            None => groups.push((
                key,
                Group {
                    title: group_of(law, rule, lang).1,
                    rules: vec![rule.id.0.as_str().to_owned()],
                },
            )),
        }
    }
    groups.sort_by_key(|(k, _)| *k);
    let readings = Pairs::readings(law, s);
    let depends_on_readings = if e.foreign {
        Vec::new()
    } else {
        depends(s, e)
            .into_iter()
            .filter_map(|r| law.readings.get(r).map(|d| d.id.to_string()))
            .collect()
    };
    Report {
        schema_version: SCHEMA_VERSION,
        scenario: ScenarioRef::of(s, lang),
        date: e.date.to_string(),
        law_version: e
            .law_version
            .and_then(|v| law.law_versions.get(v))
            .map(|lv| LawRef {
                id: lv.id.to_string(),
                in_force_from: lv.in_force_from.to_string(),
                title: lv.title.of(lang).to_owned(),
            }),
        verdict: e.verdict,
        reason: explain::reason(s, e, lang),
        readings,
        depends_on_readings,
        missing: e.missing().map(str::to_owned).collect(),
        expect: s.expected_verdict(),
        steps,
        advisories,
        unused: s
            .unused
            .iter()
            .map(|f| law.vocab.get(*f).name.as_str().to_owned())
            .collect(),
        notes: explain::notes(law, s, lang),
        groups: groups.into_iter().map(|(_, g)| g).collect(),
        trace,
    }
}

/// What a handout says about the ruleset itself: its title, the law, the
/// disclaimer, and the sources its citations resolve to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HandoutContext {
    /// The language of the handout.
    pub lang: Lang,
    /// Its title, e.g. "PKO Act eligibility".
    pub title: String,
    /// The law the rules encode.
    pub act: String,
    /// The closing disclaimer.
    pub disclaimer: String,
    /// Every source, so that citations can be looked up.
    pub sources: Vec<catalogue::SourceInfo>,
}

impl RuleSet {
    /// The ruleset's own words for a handout, in `lang`.
    pub fn handout_context(&self, lang: Lang) -> HandoutContext {
        let about = &self.law.about;
        HandoutContext {
            lang,
            title: about.title.of(lang).to_owned(),
            act: about.act.of(lang).to_owned(),
            disclaimer: about.disclaimer.of(lang).to_owned(),
            sources: self.sources(lang),
        }
    }
}
