//! A loaded, validated ruleset: the vocabulary, the law versions and the rules.

use crate::date::Date;
use crate::error::{Diagnostic, RulesetError, ScenarioError};
use crate::facts::{Scenario, Value, Vocabulary};
use crate::load::{self, Source};
use crate::rule::{LawVersion, Principle, Rule, Term};
use crate::trace::Evaluation;
use std::path::Path;

/// The largest scenario file read by default (a scenario is a few hundred bytes).
pub const DEFAULT_MAX_SCENARIO_BYTES: u64 = 1024 * 1024;

/// A ruleset, ready to evaluate scenarios. Read-only and shareable across threads.
///
/// ```
/// let rules = peacecoop::RuleSet::embedded().unwrap();
/// let s = rules.parse_scenario("name: test\noperation: un_peacekeeping\ndate: 1985-01-01\n", "inline").unwrap();
/// let e = rules.evaluate(&s);
/// assert_eq!(e.verdict, peacecoop::Verdict::NotEligible); // before the Act
/// ```
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The declared facts.
    pub vocab: Vocabulary,
    /// The law versions, oldest first.
    pub law_versions: Vec<LawVersion>,
    /// The principles, by number.
    pub principles: Vec<Principle>,
    /// The rules, in file order (the order of the trace).
    pub rules: Vec<Rule>,
    /// Evaluation order: every rule after the rules it refers to.
    pub order: Vec<usize>,
    /// The defined terms.
    pub terms: Vec<Term>,
    /// Warnings found while loading (the ruleset is usable).
    pub warnings: Vec<Diagnostic>,
    /// The rules compiled for evaluation, one entry per rule, one per version.
    pub compiled: Vec<Vec<crate::compiled::CompiledVersion>>,
}

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// The text of an embedded rule file, by the name used in messages (`rules/…`).
pub fn embedded_source(name: &str) -> Option<&'static str> {
    EMBEDDED_RULES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

impl RuleSet {
    /// The ruleset shipped in `rules/`, embedded in the binary at build time.
    ///
    /// The files were parsed at build time; only the typed compilation runs here.
    pub fn embedded() -> Result<RuleSet, RulesetError> {
        let parsed = EMBEDDED_RULES
            .iter()
            .zip(EMBEDDED_TREES)
            .map(|((name, text), tree)| {
                let node = tree
                    .and_then(crate::yaml::decode)
                    .map_or_else(|| crate::yaml::parse(text), Ok);
                ((*name).to_owned(), node)
            })
            .collect();
        load::load_parsed(parsed)
    }

    /// Loads every `*.yaml`/`*.yml` file below `dir`, in sorted path order.
    pub fn from_dir(dir: &Path) -> Result<RuleSet, RulesetError> {
        let files = crate::files::yaml_files(dir).map_err(|e| RulesetError {
            diagnostics: vec![e],
        })?;
        if files.is_empty() {
            return Err(RulesetError {
                diagnostics: vec![crate::error::Diagnostic {
                    code: "no-rule-files",
                    severity: crate::error::Severity::Error,
                    location: crate::rule::Location {
                        file: dir.display().to_string(),
                        line: 0,
                        column: 0,
                    },
                    message: "the directory holds no *.yaml or *.yml rule files".into(),
                    help: Some(
                        "pass the folder that holds the rule files, e.g. `--rules rules/`".into(),
                    ),
                }],
            });
        }
        let mut sources = Vec::new();
        let mut diags = Vec::new();
        for f in files {
            match std::fs::read_to_string(&f) {
                Ok(text) => sources.push(Source {
                    name: f.display().to_string(),
                    text,
                }),
                Err(e) => diags.push(crate::files::io_diag(&f, &e)),
            }
        }
        if !diags.is_empty() {
            return Err(RulesetError { diagnostics: diags });
        }
        load::load_ruleset(&sources)
    }

    /// Loads a ruleset from named texts, in the order given.
    pub fn from_sources(sources: &[Source]) -> Result<RuleSet, RulesetError> {
        load::load_ruleset(sources)
    }

    /// Parses a scenario from YAML text; `file` is the name used in messages.
    pub fn parse_scenario(&self, text: &str, file: &str) -> Result<Scenario, ScenarioError> {
        load::parse_scenario(self, text, file)
    }

    /// Reads and parses a scenario file, refusing files over `max_bytes`.
    pub fn read_scenario(&self, path: &Path, max_bytes: u64) -> Result<Scenario, ScenarioError> {
        let text = crate::files::read_text(path, max_bytes)?;
        self.parse_scenario(&text, &path.display().to_string())
    }

    /// Evaluates a scenario. Pure: see [`crate::eval::evaluate`].
    pub fn evaluate(&self, scenario: &Scenario) -> Evaluation {
        crate::eval::evaluate(self, scenario)
    }

    /// The date a scenario is evaluated at.
    pub fn scenario_date(&self, s: &Scenario) -> Date {
        match self.vocab.date_fact.and_then(|f| s.get(f)) {
            Some(Value::Date(d)) => d,
            _ => Date::today(),
        }
    }

    /// Overrides a scenario's date (the CLI's `--date`).
    pub fn set_date(&self, s: &mut Scenario, d: Date) {
        if let Some(f) = self.vocab.date_fact {
            s.set(f, Some(Value::Date(d)));
        }
    }

    /// The law version in force on `d` (index into `law_versions`).
    pub fn law_version_at(&self, d: Date) -> Option<usize> {
        self.law_versions.iter().rposition(|v| v.in_force_from <= d)
    }

    /// Finds a rule by id.
    pub fn rule(&self, id: &str) -> Option<usize> {
        self.rules.iter().position(|r| r.id.0 == id)
    }
}
