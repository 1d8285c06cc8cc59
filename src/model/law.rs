//! The rest of a ruleset's declarations: law versions, principles, defined
//! terms, readings of contested points, sources, and what the ruleset is about.

use super::condition::Condition;
use super::date::Date;
use super::facts::FactSet;
use super::location::Location;
use super::text::Text;

/// A version of the law, selected by date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LawVersion {
    /// Short id, e.g. `1998`.
    pub id: String,
    /// First day in force.
    pub in_force_from: Date,
    /// What it is, e.g. `Act No. 102 of 1998`.
    pub title: Text,
    /// What changed.
    pub summary: Text,
}

/// One of the principles the rules encode, for grouping and display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Principle {
    /// Its number.
    pub number: u8,
    /// Short title, e.g. `Ceasefire`.
    pub title: Text,
    /// One-sentence statement.
    pub summary: Text,
}

/// Index of a term in its ruleset.
pub(crate) type TermId = usize;

/// A named condition (a defined term of the statute), shared by the rules that use it.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    /// Its name, used as `term: name`.
    pub name: String,
    /// What it means.
    pub description: Text,
    /// The condition it stands for.
    pub when: Condition,
    /// The facts it reads, through other terms too.
    pub reads: FactSet,
    /// The readings it consults, through other terms too.
    pub consults: ReadingSet,
    /// Where it is defined.
    pub location: Location,
}

/// Index of a reading in its ruleset.
pub(crate) type ReadingId = usize;

/// The most readings a ruleset may declare (they are tracked in a 64-bit set).
pub(crate) const MAX_READINGS: usize = 64;

/// A set of readings, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub(crate) struct ReadingSet(pub u64);

impl ReadingSet {
    /// The empty set.
    pub const EMPTY: ReadingSet = ReadingSet(0);
    /// Adds a reading.
    #[inline]
    pub fn insert(&mut self, r: ReadingId) {
        self.0 |= 1u64 << (r & 63);
    }
    /// Whether the set holds `r`.
    pub fn contains(self, r: ReadingId) -> bool {
        r < 64 && self.0 & (1 << r) != 0
    }
    /// Union.
    #[inline]
    pub fn union(self, o: ReadingSet) -> ReadingSet {
        ReadingSet(self.0 | o.0)
    }
    /// The readings, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = ReadingId> {
        (0..64usize).filter(move |i| self.0 & (1 << i) != 0)
    }
}

/// A contested point of the law: the question, the options, the default.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    /// Its id, e.g. `parties-gone-before-2016`.
    pub id: String,
    /// The question the statute leaves open.
    pub question: Text,
    /// The options; a scenario chooses one.
    pub options: Vec<ReadingOption>,
    /// The option used when nobody chooses (index into `options`).
    pub default: u8,
    /// Where it is declared.
    pub location: Location,
}

impl Reading {
    /// Finds an option by id.
    pub fn option(&self, id: &str) -> Option<u8> {
        self.options.iter().position(|o| o.id == id).map(|i| i as u8)
    }
}

/// One answer to a reading's question.
#[derive(Debug, Clone)]
pub(crate) struct ReadingOption {
    /// Its id, e.g. `practice`.
    pub id: String,
    /// What it says.
    pub text: Text,
    /// Where the reading comes from.
    pub sources: Vec<SourceId>,
}

/// Index of a source in its ruleset.
pub(crate) type SourceId = usize;

/// A document the rules rely on: a statute text, a government page, a Diet answer.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// Its id, e.g. `act-2006`.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// Where to read it, if it is online.
    pub url: Option<String>,
    /// What kind of document it is (`statute`, `government`, …).
    pub kind: String,
    /// What it supports and how sure the reading is.
    pub note: Option<Text>,
}

/// What the ruleset is about, in its own words: the renderers print these
/// instead of naming any law themselves.
#[derive(Debug, Clone, Default)]
pub(crate) struct About {
    /// A short title for handouts, e.g. "PKO Act eligibility".
    pub title: Text,
    /// The law the rules encode.
    pub act: Text,
    /// The closing disclaimer of handouts.
    pub disclaimer: Text,
}

/// Everything a ruleset declares, loaded and checked: the law as data.
#[derive(Debug, Clone, Default)]
pub(crate) struct Law {
    /// What the ruleset is about.
    pub about: About,
    /// The declared facts.
    pub vocab: super::facts::Vocabulary,
    /// The law versions, oldest first.
    pub law_versions: Vec<LawVersion>,
    /// The principles, by number.
    pub principles: Vec<Principle>,
    /// The defined terms.
    pub terms: Vec<Term>,
    /// The readings of contested points.
    pub readings: Vec<Reading>,
    /// The sources the rules rely on.
    pub sources: Vec<Source>,
    /// The rules, in file order (the order of the trace).
    pub rules: Vec<super::rule::Rule>,
    /// Evaluation order: every rule after the rules it refers to.
    pub order: Vec<usize>,
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
    /// The principle with number `n`.
    pub fn principle(&self, n: u8) -> Option<&Principle> {
        self.principles.iter().find(|p| p.number == n)
    }
}
