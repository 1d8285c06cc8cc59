//! What-if analysis: the minimal sets of fact changes that would make a
//! scenario eligible.
//!
//! The search is exact over the declared fact domains, by number of changes:
//! each step changes one fact read by the first rule that still fails or is
//! undetermined (any repair must touch that rule's facts), to one of the
//! values that rule can tell apart; a list fact gains or loses one item at a
//! time; dates move to the law versions' start dates (and the rule's own
//! thresholds). Sets that contain a smaller solution are pruned, so no
//! alternative contains another. The work is bounded: past
//! [`MAX_EVALUATIONS`] candidates (fewer on an interpreted ruleset with large
//! conditions, see [`MAX_WORK`]) the answer is marked partial.

use crate::model::Lang;
use crate::model::condition::Test;
use crate::model::date::Date;
use crate::model::facts::{FactType, Side};
use crate::model::ids::FactId;
use crate::model::law::Law;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::scenario::Scenario;
use crate::model::value::{OTHER_SYMBOL, Value};
use crate::report::shapes::{SCHEMA_VERSION, ScenarioRef};
use crate::ruleset::RuleSet;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

mod sets;
use sets::{Atoms, Seen, Set, Solutions};

/// The most candidate sets evaluated in one search (a few tenths of a second).
pub const MAX_EVALUATIONS: usize = 200_000;
/// The most condition steps one search may spend when the ruleset runs on
/// the interpreter (each candidate costs about the size of its conditions):
/// a large ruleset of many facts and values gets fewer candidates, so the
/// search stays within about a second.
pub const MAX_WORK: usize = 100_000_000;
/// The most changes in one alternative.
pub const MAX_CHANGES: usize = 8;

/// One atomic change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Atom {
    /// Set a fact to a value.
    Set(FactId, Value),
    /// Add an item to a list fact.
    Add(FactId, u8),
    /// Remove an item from a list fact.
    Remove(FactId, u8),
    /// Make an unknown list fact known and empty.
    Clear(FactId),
}

impl Atom {
    fn fact(self) -> FactId {
        match self {
            Atom::Set(f, _) | Atom::Add(f, _) | Atom::Remove(f, _) | Atom::Clear(f) => f,
        }
    }
}

/// Which facts a search may change.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Keep {
    /// Keep the facts that say what the mission is (declared `side: frame`:
    /// the kind of operation, what it supports, the date).
    Frame,
    /// Let every fact change.
    Nothing,
    /// Keep these facts (dotted names), and no others.
    Facts(Vec<String>),
}

/// Options of a what-if search.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct WhatifOptions {
    /// The most changes in one alternative (1 to 8; a task added or removed counts one).
    pub max_changes: usize,
    /// Which facts must not change.
    pub keep: Keep,
}

impl Default for WhatifOptions {
    fn default() -> Self {
        WhatifOptions {
            max_changes: 3,
            keep: Keep::Frame,
        }
    }
}

impl WhatifOptions {
    /// Options with `max_changes` and `keep`.
    pub fn new(max_changes: usize, keep: Keep) -> WhatifOptions {
        WhatifOptions { max_changes, keep }
    }
}

/// One fact's change in an alternative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Change {
    /// The fact (dotted name).
    pub fact: String,
    /// Its value in the scenario (`null`: unknown).
    pub from: serde_json::Value,
    /// Its new value (for a list, the whole new list).
    pub to: serde_json::Value,
    /// `world` (the situation), `plan` (what Japan decides) or `frame` (what the mission is).
    pub side: Option<String>,
    /// The change in words.
    pub clause: String,
}

/// A minimal set of changes and the verdict it gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Alternative {
    /// The changes, one per fact, in declaration order.
    pub changes: Vec<Change>,
    /// The verdict with these changes (always `eligible`).
    pub verdict: Verdict,
    /// Who would have to act: `world`, `plan`, `frame` or `mixed`.
    pub side: String,
}

/// The result of a what-if search (`whatif --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WhatifReport {
    /// The version of this shape.
    pub schema_version: u32,
    /// Which scenario.
    pub scenario: ScenarioRef,
    /// The scenario's own verdict.
    pub verdict: Verdict,
    /// The facts kept fixed.
    pub kept: Vec<String>,
    /// The most changes tried.
    pub max_changes: usize,
    /// The minimal alternatives, fewest changes first.
    pub alternatives: Vec<Alternative>,
    /// Whether the search stopped at its work bound (alternatives may be missing).
    pub partial: bool,
    /// How many candidate sets were evaluated.
    pub evaluated: usize,
}

impl RuleSet {
    /// Finds every minimal set of changes (within `opts`) that makes `s` eligible.
    ///
    /// ```
    /// use peacecoop::{RuleSet, WhatifOptions, Lang};
    /// let rules = RuleSet::embedded()?;
    /// let s = rules.parse_scenario("name: x\ndate: 2005-01-01\noperation: un_peacekeeping\n\
    ///   basis: {kind: un_security_council_resolution}\nun_command: true\n\
    ///   conflict: {occurred: true, ceasefire: none}\nconsent: {host: given, parties: given}\n\
    ///   impartial: true\nuse_of_force: self_preservation\ntasks: [engineering]\npersonnel: 100\n", "x")?;
    /// let w = rules.whatif(&s, &WhatifOptions::default(), Lang::En)?;
    /// // One alternative: the parties agree a ceasefire.
    /// assert!(w.alternatives.iter().any(|a| a.changes.len() == 1 && a.changes[0].fact == "conflict.ceasefire"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn whatif(
        &self,
        s: &Scenario,
        opts: &WhatifOptions,
        lang: Lang,
    ) -> Result<WhatifReport, crate::error::Diagnostic> {
        let law = &self.law;
        if s.vocab_key != law.key {
            return Err(crate::error::Diagnostic::foreign_scenario(s.file()));
        }
        let keep = self.kept(&opts.keep)?;
        let max_changes = opts.max_changes.clamp(1, MAX_CHANGES);
        let verdict = self.verdict(s);
        let mut report = WhatifReport {
            schema_version: SCHEMA_VERSION,
            scenario: ScenarioRef {
                name: s.name_in(lang).to_owned(),
                file: s.file.clone(),
            },
            verdict,
            kept: keep
                .iter()
                .map(|f| law.vocab.get(*f).name.to_string())
                .collect(),
            max_changes,
            alternatives: Vec::new(),
            partial: false,
            evaluated: 1,
        };
        if verdict == Verdict::Eligible {
            return Ok(report);
        }
        // The shipped rules run as generated code: the full candidate budget.
        let budget = if self.native {
            MAX_EVALUATIONS
        } else {
            MAX_EVALUATIONS.min(MAX_WORK / conditions_size(law).max(1))
        };
        let mut work = s.clone();
        let mut atoms = Atoms::default();
        let mut solutions = Solutions::default();
        let mut deps: Vec<Option<Depends>> = vec![None; law.rules.len()];
        // Every set of one level has as many changes, so `seen` holds one level.
        let mut level: Vec<Set> = vec![Set::default()];
        let mut seen = Seen::default();
        let mut found = Vec::new();
        'search: for _ in 0..max_changes {
            let mut next = Vec::new();
            seen.clear();
            for set in &level {
                apply(s, set.ids().iter().map(|&i| atoms.get(i)), &mut work);
                let e = self.evaluate(&work);
                let Some(broken) = first_broken(law, &e) else {
                    continue;
                };
                let date = e.date;
                let d = deps[broken].get_or_insert_with(|| Depends::of(law, broken));
                found.clear();
                candidates(law, &work, broken, d, date, &mut found);
                for &atom in &found {
                    if keep.contains(&atom.fact())
                        || set.ids().iter().any(|&a| conflicts(atoms.get(a), atom))
                    {
                        continue;
                    }
                    let id = atoms.id(atom);
                    let Some(ns) = set.with(id) else {
                        continue;
                    };
                    // `set` holds no solution (else it would not be searched
                    // further), so a solution within `ns` holds `atom`.
                    if seen.contains(&ns) || solutions.within_holding(&ns, id) {
                        continue;
                    }
                    if report.evaluated >= budget {
                        report.partial = true;
                        break 'search;
                    }
                    report.evaluated += 1;
                    // `work` holds `set`; the atoms of a set commute (no conflicts),
                    // so applying the new one on top equals applying `ns` afresh.
                    let fact = atom.fact();
                    let before = work.get(fact);
                    let known = work.values.known_bits();
                    apply_atom(atom, &mut work);
                    let verdict = self.verdict(&work);
                    work.set(fact, before);
                    work.values.set_known_bits(known);
                    if verdict == Verdict::Eligible {
                        // Its supersets are pruned as containing a solution.
                        solutions.push(ns);
                    } else {
                        next.push(ns);
                        seen.insert(ns);
                    }
                }
            }
            level = next;
            if level.is_empty() {
                break;
            }
        }
        // A set found at one level can contain a solution found later at the same level.
        let mut alts: Vec<(usize, Alternative)> = solutions
            .minimal()
            .map(|sol| {
                let sol: Vec<Atom> = sol.ids().iter().map(|&i| atoms.get(i)).collect();
                apply(s, sol.iter().copied(), &mut work);
                let changes = changes(law, s, &work, &sol, lang);
                let side = side_of(&changes);
                (
                    sol.len(),
                    Alternative {
                        verdict: self.verdict(&work),
                        changes,
                        side,
                    },
                )
            })
            .collect();
        alts.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| a.1.changes.len().cmp(&b.1.changes.len()))
        });
        report.alternatives = alts.into_iter().map(|(_, a)| a).collect();
        Ok(report)
    }

    /// The facts a search keeps fixed.
    fn kept(&self, keep: &Keep) -> Result<Vec<FactId>, crate::error::Diagnostic> {
        let vocab = &self.law.vocab;
        Ok(match keep {
            Keep::Nothing => Vec::new(),
            Keep::Frame => (0..vocab.len())
                .map(|i| FactId(i as u16))
                .filter(|f| vocab.get(*f).side == Some(Side::Frame))
                .collect(),
            Keep::Facts(names) => {
                let mut out = Vec::new();
                for name in names {
                    match vocab.lookup(name) {
                        Some(f) => out.push(f),
                        None => {
                            let s = crate::error::suggest(
                                name,
                                vocab.facts.iter().map(|f| f.name.as_str()),
                            );
                            return Err(crate::error::Diagnostic::error(
                                crate::error::Code::UnknownFact,
                                crate::Location::default(),
                                crate::message::Msg::Unknown {
                                    of: crate::message::Named::Fact,
                                    name: name.to_string(),
                                },
                            )
                            .with_help(crate::error::did_you_mean(s)));
                        }
                    }
                }
                out
            }
        })
    }
}

/// The first deciding rule that fails, else the first undetermined one.
fn first_broken(law: &Law, e: &crate::Evaluation<'_>) -> Option<usize> {
    let find = |o: Outcome| {
        e.results
            .iter()
            .enumerate()
            .position(|(i, r)| r.outcome == o && law.rules[i].kind.decides())
    };
    find(Outcome::Fail).or_else(|| find(Outcome::Undetermined))
}

fn conflicts(a: Atom, b: Atom) -> bool {
    match (a, b) {
        (Atom::Set(f, _) | Atom::Clear(f), other) | (other, Atom::Set(f, _) | Atom::Clear(f)) => {
            other.fact() == f
        }
        (Atom::Add(f, i) | Atom::Remove(f, i), Atom::Add(g, j) | Atom::Remove(g, j)) => {
            f == g && i == j
        }
    }
}

/// `base` with `atoms` applied, written into `out` (whose buffers are reused).
fn apply(base: &Scenario, atoms: impl Iterator<Item = Atom>, out: &mut Scenario) {
    out.values.clone_from(&base.values);
    for a in atoms {
        apply_atom(a, out);
    }
}

/// One change applied to `out` in place.
fn apply_atom(a: Atom, out: &mut Scenario) {
    match a {
        Atom::Set(f, v) => out.set(f, Some(v)),
        Atom::Clear(f) => out.set(f, Some(Value::Set(0))),
        Atom::Add(f, i) | Atom::Remove(f, i) => {
            let cur = match out.get(f) {
                Some(Value::Set(b)) => b,
                _ => 0,
            };
            let new = if matches!(a, Atom::Add(..)) {
                cur | (1 << i)
            } else {
                cur & !(1 << i)
            };
            out.set(f, Some(Value::Set(new)));
        }
    }
}

/// The facts a rule's outcome depends on, with their tests: what it reads,
/// the date if it has periods, and the same for the rules it refers to.
fn depends(
    law: &Law,
    rule: usize,
    out: &mut Vec<(FactId, Test)>,
    dates: &mut bool,
    seen: &mut Vec<usize>,
) {
    if seen.contains(&rule) {
        return;
    }
    seen.push(rule);
    let mut terms = Vec::new();
    for v in &law.rules[rule].versions {
        for c in std::iter::once(&v.applies_if).chain(v.require.as_ref()) {
            super::fact_tests(law, c, out, &mut terms);
            for other in law.rules_in(c) {
                depends(law, other, out, dates, seen);
            }
        }
        if v.period.from.is_some() || v.period.until.is_some() {
            *dates = true;
        }
    }
}

/// What a rule's outcome depends on: each fact with its tests, the date
/// fact included if the rule has periods. Worked out once per rule a search
/// meets.
#[derive(Clone)]
struct Depends(Vec<(FactId, Vec<Test>)>);

impl Depends {
    fn of(law: &Law, rule: usize) -> Depends {
        let mut tests = Vec::new();
        let mut dates = false;
        depends(law, rule, &mut tests, &mut dates, &mut Vec::new());
        let mut facts: Vec<FactId> = tests.iter().map(|(f, _)| *f).collect();
        if dates && let Some(d) = law.vocab.date_fact {
            facts.push(d);
        }
        facts.sort_unstable();
        facts.dedup();
        Depends(
            facts
                .into_iter()
                .map(|f| {
                    let its = tests
                        .iter()
                        .filter(|(g, _)| *g == f)
                        .map(|(_, t)| *t)
                        .collect();
                    (f, its)
                })
                .collect(),
        )
    }
}

/// The single changes that can alter `rule`'s outcome from `s`, into `out`.
fn candidates(
    law: &Law,
    s: &Scenario,
    rule: usize,
    deps: &Depends,
    date: Date,
    out: &mut Vec<Atom>,
) {
    for (f, its) in &deps.0 {
        let f = *f;
        let decl = law.vocab.get(f);
        let cur = s.get(f);
        let mut set = |v: Value| {
            if cur != Some(v) {
                out.push(Atom::Set(f, v));
            }
        };
        match &decl.ty {
            FactType::Bool => [false, true].into_iter().for_each(|b| set(Value::Bool(b))),
            FactType::Enum(vals) => (0..vals.len()).for_each(|i| set(Value::Enum(i as u8))),
            FactType::Int { min, max } => {
                let mut pts = Vec::new();
                for t in its {
                    if let Test::Cmp(_, n) | Test::Is(Value::Int(n)) = t {
                        pts.extend([n.saturating_sub(1), *n, n.saturating_add(1)]);
                    }
                }
                pts.retain(|p| p >= min && p <= max);
                pts.sort_unstable();
                pts.dedup();
                pts.into_iter().for_each(|p| set(Value::Int(p)));
            }
            FactType::Date => {
                let mut pts: Vec<Date> = law.law_versions.iter().map(|v| v.in_force_from).collect();
                for t in its {
                    if let Test::Cmp(_, n) = t
                        && let Some(d) = Date::from_ordinal(*n)
                    {
                        pts.extend([d.pred(), d]);
                    }
                }
                for v in &law.rules[rule].versions {
                    pts.extend(v.period.from);
                }
                pts.retain(|d| *d != date);
                pts.sort_unstable();
                pts.dedup();
                pts.into_iter().for_each(|d| set(Value::Date(d)));
            }
            FactType::Text => (0..decl.symbols.len() as u32).for_each(|i| set(Value::Sym(i))),
            FactType::List(_) => {
                let bits = its.iter().fold(0u64, |m, t| match t {
                    Test::ContainsAll(x) | Test::ContainsAny(x) => m | x,
                    _ => m,
                });
                let have = match cur {
                    Some(Value::Set(b)) => b,
                    _ => 0,
                };
                for i in (0..64u8).filter(|i| bits & (1 << i) != 0) {
                    if have & (1 << i) != 0 {
                        out.push(Atom::Remove(f, i));
                    } else {
                        out.push(Atom::Add(f, i));
                    }
                }
                if cur.is_none() {
                    out.push(Atom::Clear(f));
                }
            }
        }
    }
}

fn json_value(law: &Law, s: &Scenario, f: FactId, v: Option<Value>) -> serde_json::Value {
    match v {
        None => serde_json::Value::Null,
        Some(Value::Sym(OTHER_SYMBOL)) => serde_json::Value::String(
            crate::report::explain::shorten(s.text(f).unwrap_or("(other)")),
        ),
        Some(v) => law.vocab.to_json(f, v, s.text(f)),
    }
}

fn changes(
    law: &Law,
    base: &Scenario,
    after: &Scenario,
    atoms: &[Atom],
    lang: Lang,
) -> Vec<Change> {
    let mut facts: Vec<FactId> = atoms.iter().map(|a| a.fact()).collect();
    facts.sort_unstable();
    facts.dedup();
    facts
        .into_iter()
        .filter_map(|f| {
            let to = after.get(f)?;
            let from = base.get(f);
            Some(Change {
                fact: law.vocab.get(f).name.to_string(),
                from: json_value(law, base, f, from),
                to: json_value(law, base, f, Some(to)),
                side: law.vocab.get(f).side.map(|s| s.keyword().to_owned()),
                clause: clause(law, base, f, from, to, lang),
            })
        })
        .collect()
}

/// Who would have to act for an alternative.
fn side_of(changes: &[Change]) -> String {
    let sides: HashSet<&str> = changes
        .iter()
        .map(|c| c.side.as_deref().unwrap_or("world"))
        .collect();
    if sides.len() == 1 {
        sides.into_iter().next().unwrap_or("world").to_owned()
    } else {
        "mixed".to_owned()
    }
}

fn value_text(law: &Law, s: &Scenario, f: FactId, v: Value) -> String {
    crate::report::explain::shorten(&match v {
        Value::Sym(OTHER_SYMBOL) => s.text(f).unwrap_or("(an unlisted name)").to_owned(),
        _ => law.vocab.display(f, v, s.text(f)),
    })
}

/// One change as a clause: "`conflict.ceasefire` were `agreed` instead of `none` (the parties agreed …)".
fn clause(
    law: &Law,
    s: &Scenario,
    f: FactId,
    from: Option<Value>,
    to: Value,
    lang: Lang,
) -> String {
    let decl = law.vocab.get(f);
    let to_text = value_text(law, s, f, to);
    let meaning = match (&decl.ty, to) {
        (FactType::Enum(vals), Value::Enum(i)) => vals
            .get(usize::from(i))
            .map(|v| format!(" ({})", v.description.of(lang))),
        (FactType::List(_), Value::Set(after)) => {
            let before = match from {
                Some(Value::Set(b)) => b,
                _ => 0,
            };
            let added: Vec<&str> = law.vocab.set_names(f, after & !before).collect();
            let removed: Vec<&str> = law.vocab.set_names(f, before & !after).collect();
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(match lang {
                    Lang::Ja => format!("{}を追加", added.join("、")),
                    _ => format!("adding {}", added.join(", ")),
                });
            }
            if !removed.is_empty() {
                parts.push(match lang {
                    Lang::Ja => format!("{}を除く", removed.join("、")),
                    _ => format!("without {}", removed.join(", ")),
                });
            }
            (!parts.is_empty()).then(|| format!(" ({})", parts.join("; ")))
        }
        _ => None,
    }
    .unwrap_or_default();
    let from_text = match from {
        Some(v) => value_text(law, s, f, v),
        None => crate::report::words::words(lang).unknown.to_owned(),
    };
    match lang {
        Lang::Ja => format!(
            "`{}` が `{from_text}` ではなく `{to_text}`{meaning}",
            decl.name
        ),
        _ => format!(
            "`{}` were `{to_text}` instead of `{from_text}`{meaning}",
            decl.name
        ),
    }
}

/// How many condition parts evaluating every rule takes at most: each rule
/// version's own conditions, and each term once (terms are shared).
fn conditions_size(law: &Law) -> usize {
    let rules: usize = law
        .rules
        .iter()
        .flat_map(|r| &r.versions)
        .map(|v| v.applies_if.size() + v.require.as_ref().map_or(0, |c| c.size()))
        .sum();
    let terms: usize = law.terms.iter().map(|t| t.when.size()).sum();
    rules + terms
}

#[cfg(test)]
mod budget_tests {
    /// The shipped rules, read as any other ruleset (`--rules rules/`), keep
    /// the full candidate budget: their answers stay exact.
    #[test]
    fn the_shipped_rules_keep_the_full_budget() {
        let rs = crate::RuleSet::embedded_from_texts().expect("the shipped rules load");
        let size = super::conditions_size(&rs.law);
        assert!(size > 100, "{size}");
        assert!(super::MAX_WORK / size >= super::MAX_EVALUATIONS, "{size}");
    }
}
