//! [`Law`]: everything a ruleset declares, loaded and checked.

use super::date::Date;
use super::decls::{About, LawVersion, Principle, Reading, Source, Term};
use super::facts::Vocabulary;
use super::ids::ReadingId;
use super::list::List;
use super::rule::Rule;

/// Everything a ruleset declares, loaded and checked: the law as data.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Law {
    /// What the ruleset is about.
    pub about: About,
    /// The declared facts.
    pub vocab: Vocabulary,
    /// The law versions, oldest first.
    pub law_versions: List<LawVersion>,
    /// The principles, by number.
    pub principles: List<Principle>,
    /// The defined terms.
    pub terms: List<Term>,
    /// The readings of contested points.
    pub readings: List<Reading>,
    /// The sources the rules rely on.
    pub sources: List<Source>,
    /// The rules, in file order (the order of the trace).
    pub rules: List<Rule>,
    /// Evaluation order: every rule after the rules it refers to.
    pub order: List<usize>,
    /// A fingerprint of the vocabulary and readings, so that a scenario read
    /// against another ruleset is never evaluated by index against this one.
    pub key: u64,
}

impl Law {
    /// The fingerprint of the vocabulary and readings (see `key`).
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        // FNV-style through the standard hasher with fixed keys: stable within a build.
        let mut h = std::hash::DefaultHasher::new();
        for f in &self.vocab.facts {
            f.name.hash(&mut h);
            f.ty.keyword().hash(&mut h);
            for v in f.ty.values() {
                v.name.hash(&mut h);
            }
            f.symbols.hash(&mut h);
        }
        for r in &self.readings {
            r.id.hash(&mut h);
            for o in &r.options {
                o.id.hash(&mut h);
            }
        }
        h.finish() | 1
    }
    /// Finds a rule by id.
    pub fn rule(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id.0 == id)
    }
    /// Finds a reading by id.
    pub fn reading(&self, id: &str) -> Option<ReadingId> {
        self.readings.iter().position(|r| r.id == id)
    }
    /// The law version in force on `d` (index into `law_versions`).
    pub fn law_version_at(&self, d: Date) -> Option<usize> {
        self.law_versions.iter().rposition(|v| v.in_force_from <= d)
    }
    /// The rules a condition refers to, directly or through its terms.
    pub fn rules_in(&self, c: &super::condition::Condition) -> Vec<usize> {
        let mut out = Vec::new();
        let term = |t: usize| self.terms.get(t).map(|t| &t.when);
        super::condition::rules_through(c, &term, &mut out, &mut Vec::new());
        out.sort_unstable();
        out.dedup();
        out
    }
    /// The principle with number `n`.
    pub fn principle(&self, n: u8) -> Option<&Principle> {
        self.principles.iter().find(|p| p.number == n)
    }
}
