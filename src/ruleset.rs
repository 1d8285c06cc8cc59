//! [`RuleSet`]: a loaded, checked and compiled ruleset, and the front door of
//! the library: read scenarios, evaluate them, report on them. The analyses
//! (what-if, history, truth tables, readings) and the report add their own
//! methods to it from their modules.

use crate::engine::{self, Evaluation};
use crate::error::{Code, Diagnostic, RulesetError, ScenarioError, did_you_mean, suggest};
use crate::load::scenario::Origin;
use crate::load::{self, InputValue, RuleFile, ScenarioBuilder};
use crate::message::{Fixed, Msg, Named};
use crate::model::date::Date;
use crate::model::law::Law;
use crate::model::outcome::Verdict;
use crate::model::scenario::Scenario;
use crate::model::value::Value;

/// A ruleset, ready to evaluate scenarios. Read-only, cheap to share across
/// threads (`Send + Sync`).
///
/// ```
/// use peacecoop::{RuleSet, Verdict};
/// let rules = RuleSet::embedded()?;
/// let s = rules.parse_scenario("name: test\noperation: un_peacekeeping\ndate: 1985-01-01\n", "inline")?;
/// assert_eq!(rules.evaluate(&s).verdict(), Verdict::NotEligible); // before the Act
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub(crate) law: Law,
    /// Whether the code generated at build time evaluates it (the shipped
    /// ruleset); otherwise the interpreter does.
    pub(crate) native: bool,
    pub(crate) warnings: Vec<Diagnostic>,
}

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// The shipped ruleset as a `static`, written out by the build script.
mod built {
    #![allow(unused_imports)]
    use crate::model::condition::{CmpOp, Condition, OutcomeSet, Test};
    use crate::model::date::Date;
    use crate::model::decls::{About, LawVersion, Principle, Reading, ReadingOption, Source, Term};
    use crate::model::facts::{EnumValue, FactDecl, FactDefault, FactType, Side, Vocabulary};
    use crate::model::ids::{FactId, FactSet, ReadingSet};
    use crate::model::law::Law;
    use crate::model::list::{Boxed, List};
    use crate::model::location::Place;
    use crate::model::rule::{
        Case, Citation, Explanation, Period, Rule, RuleId, RuleKind, RuleVersion, Template,
    };
    use crate::model::strings::Str;
    use crate::model::text::Localized;
    use crate::model::value::Value;
    use std::borrow::Cow;
    include!(concat!(env!("OUT_DIR"), "/ruleset.rs"));
}

/// The text of an embedded rule file, by the name used in messages (`rules/…`).
#[cfg(feature = "cli")]
pub(crate) fn embedded_source(name: &str) -> Option<&'static str> {
    EMBEDDED_RULES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

impl RuleSet {
    fn from_law(law: Law, warnings: Vec<Diagnostic>) -> RuleSet {
        RuleSet {
            law,
            native: false,
            warnings,
        }
    }

    /// The ruleset shipped in `rules/`, embedded in the library at build
    /// time: no filesystem needed. It was loaded and checked when the
    /// library was built and written out as a `static`, so this only copies
    /// a few references (no decoding, no allocation), and its rules were
    /// compiled to Rust then too; had the rules had problems then, the
    /// embedded texts are loaded here with every check, to report them.
    pub fn embedded() -> Result<RuleSet, RulesetError> {
        let mut rs = match &built::EMBEDDED_LAW {
            Some(law) => RuleSet::from_law(law.clone(), Vec::new()),
            None => RuleSet::embedded_from_texts()?,
        };
        rs.native = crate::native::fits(&rs.law);
        Ok(rs)
    }

    /// The shipped ruleset loaded from its embedded texts, with every check.
    pub(crate) fn embedded_from_texts() -> Result<RuleSet, RulesetError> {
        RuleSet::from_texts(EMBEDDED_RULES)
    }

    /// Loads a ruleset from named YAML texts (`(name for messages, text)`),
    /// in the order given, with every check.
    pub fn from_texts<N: AsRef<str>, T: AsRef<str>>(
        files: &[(N, T)],
    ) -> Result<RuleSet, RulesetError> {
        let files: Vec<RuleFile> = files
            .iter()
            .map(|(n, t)| RuleFile {
                name: n.as_ref().to_owned(),
                text: t.as_ref().to_owned(),
            })
            .collect();
        let (law, warnings) = load::load_files(&files)?;
        Ok(RuleSet::from_law(law, warnings))
    }

    /// Problems found while loading that do not stop the ruleset from working
    /// (e.g. a text without its Japanese translation).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    fn origin<'a>(&self, file: &'a str) -> Origin<'a> {
        Origin {
            file,
            key: self.law.key,
            today: Date::today(),
        }
    }

    /// Parses a scenario from YAML text; `file` is the name used in messages.
    pub fn parse_scenario(&self, text: &str, file: &str) -> Result<Scenario, ScenarioError> {
        load::scenario::from_yaml(&self.law, text, &self.origin(file))
    }

    /// Reads a scenario from JSON (the same shape as a YAML scenario file),
    /// with the same checks and defaults.
    pub fn scenario_from_json(&self, json: &serde_json::Value) -> Result<Scenario, ScenarioError> {
        let mut s = load::scenario::from_tree(
            &self.law,
            &crate::tree::from_json(json),
            &self.origin("(json)"),
        )?;
        s.file = None;
        Ok(s)
    }

    /// The scenario as the JSON object [`RuleSet::scenario_from_json`] reads
    /// back to the same scenario: its name, the facts the input gave (an
    /// explicit `null` kept, defaults not filled in, dotted names nested as in
    /// a file), the readings it chose and its expectations. For editors and
    /// forms that show a scenario as written (comments and key order are not
    /// kept).
    ///
    /// ```
    /// # let rules = peacecoop::RuleSet::embedded()?;
    /// let s = rules.parse_scenario("name: x\ndate: 2005-01-01\nconflict: {ceasefire: ~}\n", "x.yaml")?;
    /// let json = rules.scenario_json(&s);
    /// assert_eq!(json, serde_json::json!({"name": "x", "date": "2005-01-01", "conflict": {"ceasefire": null}}));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scenario_json(&self, scenario: &Scenario) -> serde_json::Value {
        load::scenario::to_json(&self.law, scenario)
    }

    /// Reads a scenario from values built in code: an [`InputValue::Map`]
    /// shaped like a scenario file (`name`, `date`, groups as nested maps),
    /// with the same checks, defaults and messages as
    /// [`RuleSet::scenario_from_json`], without building JSON first (the
    /// fast path for bindings that read scenarios from their own objects).
    ///
    /// ```
    /// # use peacecoop::InputValue;
    /// # let rules = peacecoop::RuleSet::embedded()?;
    /// let s = rules.scenario_from_value(InputValue::Map(vec![
    ///     ("name".into(), "x".into()),
    ///     ("operation".into(), "un_peacekeeping".into()),
    ///     ("conflict".into(), InputValue::Map(vec![("occurred".into(), true.into())])),
    /// ]))?;
    /// assert_eq!(s.name(), "x");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scenario_from_value(&self, value: InputValue) -> Result<Scenario, ScenarioError> {
        crate::load::scenario_from_value(&self.law, self.law.key, value, "(json)")
    }

    /// Starts a scenario named `name`, to be filled in fact by fact.
    ///
    /// ```
    /// # let rules = peacecoop::RuleSet::embedded()?;
    /// let s = rules.build_scenario("x")
    ///     .set("date", "2010-06-01")
    ///     .set("operation", "un_peacekeeping")
    ///     .set("conflict.ceasefire", "collapsed")
    ///     .build()?;
    /// assert_eq!(s.name(), "x");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn build_scenario(&self, name: &str) -> ScenarioBuilder<'_> {
        ScenarioBuilder::new(&self.law, self.law.key, name)
    }

    /// Evaluates a scenario, with the trace of every rule. Pure and
    /// deterministic: the same scenario always gives the same evaluation.
    ///
    /// A scenario read against another ruleset (whose facts differ) is not
    /// evaluated by mistake: every rule comes out undetermined.
    pub fn evaluate(&self, scenario: &Scenario) -> Evaluation<'_> {
        if scenario.vocab_key != self.law.key {
            return engine::foreign(&self.law, scenario);
        }
        if self.native {
            let mut e = Evaluation::empty(&self.law);
            crate::native::evaluate_into(&self.law, scenario, &mut e);
            e
        } else {
            engine::interpret::evaluate(&self.law, scenario)
        }
    }

    /// Like [`RuleSet::evaluate`], reusing `into`'s buffers (for sweeps).
    pub fn evaluate_into<'r>(&'r self, scenario: &Scenario, into: &mut Evaluation<'r>) {
        if scenario.vocab_key != self.law.key {
            *into = engine::foreign(&self.law, scenario);
            return;
        }
        if self.native {
            crate::native::evaluate_into(&self.law, scenario, into);
        } else {
            *into = engine::interpret::evaluate(&self.law, scenario);
        }
    }

    /// The verdict alone, without the trace: the fast path for sweeps.
    pub fn verdict(&self, scenario: &Scenario) -> Verdict {
        if scenario.vocab_key != self.law.key {
            return Verdict::Undetermined;
        }
        if self.native {
            crate::native::verdict(&self.law, scenario)
        } else {
            engine::interpret::verdict_consulting(&self.law, scenario).0
        }
    }

    /// Evaluates as of `date` instead of the scenario's own date (`--date`).
    /// A scenario read with another ruleset is left as it is.
    pub fn set_date(&self, s: &mut Scenario, date: Date) {
        if s.vocab_key != self.law.key {
            return;
        }
        if let Some(f) = self.law.vocab.date_fact {
            s.give(f, Value::Date(date));
            s.resolve(&self.law.vocab, &self.law.readings);
        }
    }

    /// Chooses an option of a reading for this scenario (`--reading ID=OPTION`).
    pub fn set_reading(
        &self,
        s: &mut Scenario,
        reading: &str,
        option: &str,
    ) -> Result<(), Diagnostic> {
        if s.vocab_key != self.law.key {
            return Err(Diagnostic::foreign_scenario(s.file()));
        }
        let (r, o) = self.reading_option(reading, option)?;
        if let Some(slot) = s.chosen.get_mut(r) {
            *slot = Some(o);
        }
        s.resolve(&self.law.vocab, &self.law.readings);
        Ok(())
    }

    /// A reading and one of its options, by id, with a suggestion when misspelt.
    pub(crate) fn reading_option(
        &self,
        reading: &str,
        option: &str,
    ) -> Result<(usize, u8), Diagnostic> {
        let Some(r) = self.law.reading(reading) else {
            let s = suggest(reading, self.law.readings.iter().map(|r| r.id.as_str()));
            return Err(Diagnostic::error(
                Code::UnknownReading,
                crate::model::Location::default(),
                Msg::Unknown {
                    of: Named::Reading,
                    name: reading.into(),
                },
            )
            .with_help(did_you_mean(s).or(Some(Fixed::ReadingsListed.into()))));
        };
        let decl = &self.law.readings[r];
        let Some(o) = decl.option(option) else {
            let ids: Vec<&str> = decl.options.iter().map(|o| o.id.as_str()).collect();
            let s = suggest(option, ids.iter().copied());
            return Err(Diagnostic::error(
                Code::UnknownOption,
                crate::model::Location::default(),
                Msg::NoOption {
                    reading: reading.into(),
                    option: option.into(),
                },
            )
            .with_help(did_you_mean(s).or(Some(Msg::Options {
                list: crate::error::ticks(&ids),
                its: true,
            }))));
        };
        Ok((r, o))
    }
}

#[cfg(feature = "cli")]
impl RuleSet {
    /// Whether principle `n` is declared.
    pub(crate) fn has_principle(&self, n: u8) -> bool {
        self.law.principle(n).is_some()
    }
    /// How many facts, rules, law versions and readings the ruleset declares.
    pub(crate) fn counts(&self) -> (usize, usize, usize, usize) {
        let l = &self.law;
        (
            l.vocab.len(),
            l.rules.len(),
            l.law_versions.len(),
            l.readings.len(),
        )
    }
}

#[cfg(test)]
mod embedded_tests {
    use super::*;

    /// The `static` written by the build script is the ruleset the loader
    /// makes from the same texts now (no warnings lost), and the generated
    /// code was made for it.
    #[test]
    fn the_ready_made_ruleset_is_the_loaded_one() {
        let ready = built::EMBEDDED_LAW
            .as_ref()
            .expect("the build script wrote the ruleset");
        let loaded = RuleSet::embedded_from_texts().expect("the shipped rules load");
        assert!(loaded.warnings.is_empty());
        assert_eq!(format!("{ready:?}"), format!("{:?}", loaded.law));
        let fast = RuleSet::embedded().expect("embedded");
        assert_eq!(fast.law.key, loaded.law.key);
        assert!(fast.native, "the generated code fits the shipped rules");
        assert!(
            !loaded.native,
            "a ruleset loaded at run time is interpreted"
        );
    }
}
