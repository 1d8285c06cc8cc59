//! A mission's facts, typed and validated against a ruleset's vocabulary.

use super::date::Date;
use super::decls::Reading;
use super::facts::{FactDecl, FactDefault, Vocabulary};
use super::ids::{FactId, ReadingId, RuleIdx};
use super::outcome::{Outcome, Verdict};
use super::text::{Lang, Text};
use super::value::{Value, Values};

/// What the input said about one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Given {
    /// Not mentioned: the fact's default applies, if it has one.
    Omitted,
    /// Written as `null` (`~`): unknown, whatever the default.
    Null,
    /// A value.
    Value(Value),
}

/// One expectation of a scenario (`expect:`), checked by `peacecoop test`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Expectation {
    /// The verdict expected, if stated.
    pub verdict: Option<Verdict>,
    /// Rule outcomes expected.
    pub rules: Vec<(RuleIdx, Outcome)>,
    /// The readings under which this expectation holds (others as in the scenario).
    pub readings: Vec<(ReadingId, u8)>,
}

/// A remark about the input, for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Note {
    /// A text value that no rule lists (so it counts as an unlisted name).
    Unlisted {
        /// The fact.
        fact: FactId,
        /// The text as written.
        text: String,
        /// The closest listed name.
        suggestion: Option<String>,
    },
}

/// A mission's facts, typed and validated against a ruleset's vocabulary.
///
/// Build one with [`crate::RuleSet::parse_scenario`] (YAML),
/// [`crate::RuleSet::scenario_from_json`] or [`crate::RuleSet::build_scenario`]:
/// the three routes apply the same checks and the same defaults. A default
/// applies to an omitted fact only; an explicit `null` stays unknown.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub(crate) name: Text,
    pub(crate) file: Option<String>,
    /// Per fact: what the input said.
    pub(crate) given: Vec<Given>,
    /// Per fact: the value evaluation sees (defaults applied); `None` is unknown.
    pub(crate) values: Values,
    /// Per reading: the option chosen by the scenario or the caller (`None`: the default).
    pub(crate) chosen: Vec<Option<u8>>,
    /// Per reading: the option in effect.
    pub(crate) readings: Vec<u8>,
    /// The original spelling of text facts, for display.
    pub(crate) texts: Vec<(FactId, String)>,
    /// What the author expects.
    pub(crate) expect: Vec<Expectation>,
    /// Facts given in the file that do not matter for this operation.
    pub(crate) unused: Vec<FactId>,
    /// Remarks for the reader.
    pub(crate) notes: Vec<Note>,
    /// The date the scenario was read: the default of a date fact.
    pub(crate) today: Date,
    /// The vocabulary it was read against (see [`Vocabulary`] fingerprints).
    pub(crate) vocab_key: u64,
}

impl Scenario {
    /// The scenario's name, in English (or as written).
    pub fn name(&self) -> &str {
        &self.name.en
    }
    /// The scenario's name in `lang` (English when no translation is given).
    pub fn name_in(&self, lang: Lang) -> &str {
        self.name.of(lang)
    }
    /// The file it was read from, as given (`None` when built in code).
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }
    /// Sets the name of the file, as messages and reports show it.
    pub fn set_file(&mut self, file: impl Into<String>) {
        self.file = Some(file.into());
    }
    /// Forgets the file name (a scenario read from text that came from no
    /// file: its messages named it, its reports will not).
    pub fn clear_file(&mut self) {
        self.file = None;
    }

    /// A blank scenario: every fact omitted, every reading at its default.
    pub(crate) fn blank(vocab: &Vocabulary, n_readings: usize, today: Date, key: u64) -> Scenario {
        Scenario {
            name: Text::default(),
            file: None,
            given: vec![Given::Omitted; vocab.len()],
            values: Values::unknown(vocab.len()),
            chosen: vec![None; n_readings],
            readings: vec![0; n_readings],
            texts: Vec::new(),
            expect: Vec::new(),
            unused: Vec::new(),
            notes: Vec::new(),
            today,
            vocab_key: key,
        }
    }

    /// A copy holding only what evaluation and [`Scenario::resolve`] read
    /// (facts given, values, readings): the cheap start of a variant that
    /// changes readings or facts and is only evaluated, never reported.
    pub(crate) fn for_evaluation(&self) -> Scenario {
        Scenario {
            name: Text::default(),
            file: None,
            given: self.given.clone(),
            values: self.values.clone(),
            chosen: self.chosen.clone(),
            readings: self.readings.clone(),
            texts: Vec::new(),
            expect: Vec::new(),
            unused: Vec::new(),
            notes: Vec::new(),
            today: self.today,
            vocab_key: self.vocab_key,
        }
    }

    /// The value evaluation sees for a fact (`None`: unknown).
    #[inline]
    pub(crate) fn get(&self, id: FactId) -> Option<Value> {
        self.values.get(id.index())
    }
    /// The original text of a text fact.
    pub(crate) fn text(&self, id: FactId) -> Option<&str> {
        self.texts
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, t)| t.as_str())
    }
    /// Sets a fact's value as evaluation sees it (what-if and truth tables),
    /// leaving what the input said unchanged.
    pub(crate) fn set(&mut self, id: FactId, v: Option<Value>) {
        self.values.set(id.index(), v);
    }
    /// Gives a fact a value, as if the input had said so.
    pub(crate) fn give(&mut self, id: FactId, v: Value) {
        if let Some(slot) = self.given.get_mut(id.index()) {
            *slot = Given::Value(v);
        }
        self.set(id, Some(v));
    }
    /// The option in effect for a reading.
    #[inline]
    pub(crate) fn reading(&self, r: ReadingId) -> u8 {
        self.readings.get(r).copied().unwrap_or(0)
    }

    /// The verdict the scenario expects under the readings in effect: the
    /// first expectation whose readings all match (one naming none always matches).
    pub(crate) fn expected_verdict(&self) -> Option<Verdict> {
        self.expect
            .iter()
            .find(|x| x.readings.iter().all(|&(r, o)| self.reading(r) == o))
            .and_then(|x| x.verdict)
    }

    /// Recomputes the values evaluation sees: what the input gave, else the
    /// fact's default under the readings in effect.
    pub(crate) fn resolve(&mut self, vocab: &Vocabulary, readings: &[Reading]) {
        self.resolve_readings_only(readings);
        for (i, decl) in vocab.facts.iter().enumerate() {
            let given = self.given.get(i).copied().unwrap_or(Given::Omitted);
            let v = match given {
                Given::Value(v) => Some(v),
                Given::Null => None,
                Given::Omitted => self.default_of(decl),
            };
            self.values.set(i, v);
        }
    }

    /// Like [`Scenario::resolve`] after a change of readings only (nothing
    /// given changed): the readings in effect, and the omitted facts whose
    /// default depends on a reading. What a sweep over readings needs.
    pub(crate) fn resolve_readings(&mut self, vocab: &Vocabulary, readings: &[Reading]) {
        self.resolve_readings_only(readings);
        for (i, decl) in vocab.facts.iter().enumerate() {
            let given = self.given.get(i).copied().unwrap_or(Given::Omitted);
            if matches!(decl.default, Some(FactDefault::ByReading(..))) && given == Given::Omitted {
                let v = self.default_of(decl);
                self.values.set(i, v);
            }
        }
    }

    /// The option in effect for every reading: chosen, else its default.
    fn resolve_readings_only(&mut self, readings: &[Reading]) {
        for (r, decl) in readings.iter().enumerate() {
            if let Some(slot) = self.readings.get_mut(r) {
                *slot = self
                    .chosen
                    .get(r)
                    .copied()
                    .flatten()
                    .unwrap_or(decl.default);
            }
        }
    }

    /// An omitted fact's default under the readings in effect.
    fn default_of(&self, decl: &FactDecl) -> Option<Value> {
        match &decl.default {
            None => None,
            Some(FactDefault::Value(v)) => Some(*v),
            Some(FactDefault::Today) => Some(Value::Date(self.today)),
            Some(FactDefault::ByReading(r, values)) => {
                values.get(usize::from(self.reading(*r))).copied().flatten()
            }
        }
    }
}
