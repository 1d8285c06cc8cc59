//! A scenario's journey through the law versions: its verdict under each
//! version (evaluated on the version's first day) and the rules whose outcome
//! changed from one version to the next.

use crate::model::Lang;
use crate::model::outcome::{Outcome, Verdict};
use crate::model::scenario::Scenario;
use crate::report::shapes::{LawRef, SCHEMA_VERSION, ScenarioRef};
use crate::ruleset::RuleSet;
use serde::{Deserialize, Serialize};

/// A scenario's verdict under every law version (`history --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HistoryReport {
    /// The version of this shape.
    pub schema_version: u32,
    /// Which scenario.
    pub scenario: ScenarioRef,
    /// One row per law version, oldest first.
    pub versions: Vec<HistoryRow>,
}

/// The verdict under one law version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HistoryRow {
    /// The law version (evaluated as of its first day).
    pub law_version: LawRef,
    /// The verdict.
    pub verdict: Verdict,
    /// The deciding rules that fail.
    pub failed: Vec<String>,
    /// Rules whose outcome differs from the previous version's.
    pub changed: Vec<Changed>,
    /// Whether this version is the one in force on the scenario's own date.
    pub current: bool,
}

/// A rule whose outcome changed between two law versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Changed {
    /// The rule's id.
    pub rule: String,
    /// Its outcome under the previous version.
    pub from: Outcome,
    /// Its outcome under this one.
    pub to: Outcome,
}

impl RuleSet {
    /// Evaluates `s` as of the first day of every law version, oldest first.
    ///
    /// ```
    /// let rules = peacecoop::RuleSet::embedded()?;
    /// let s = rules.parse_scenario(include_str!("../../scenarios/mfo-sinai-2019.yaml"), "mfo")?;
    /// let h = rules.history(&s, peacecoop::Lang::En);
    /// let verdicts: Vec<_> = h.versions.iter().map(|v| v.verdict.as_str()).collect();
    /// assert_eq!(verdicts, ["not_eligible", "not_eligible", "not_eligible", "eligible"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn history(&self, s: &Scenario, lang: Lang) -> HistoryReport {
        let law = &self.law;
        let own = law.law_version_at(crate::engine::scenario_date(law, s));
        let mut rows: Vec<HistoryRow> = Vec::new();
        let mut previous: Option<Vec<Outcome>> = None;
        let mut at = s.clone();
        for (i, v) in law.law_versions.iter().enumerate() {
            self.set_date(&mut at, v.in_force_from);
            let e = self.evaluate(&at);
            let outcomes: Vec<Outcome> = e.results.iter().map(|r| r.outcome).collect();
            let changed = match &previous {
                Some(prev) => prev
                    .iter()
                    .zip(&outcomes)
                    .enumerate()
                    .filter(|(_, (a, b))| a != b)
                    .map(|(r, (a, b))| Changed {
                        rule: law.rules[r].id.0.to_string(),
                        from: *a,
                        to: *b,
                    })
                    .collect(),
                None => Vec::new(),
            };
            rows.push(HistoryRow {
                law_version: LawRef {
                    id: v.id.to_string(),
                    in_force_from: v.in_force_from.to_string(),
                    title: v.title.of(lang).to_owned(),
                },
                verdict: e.verdict(),
                failed: e.failing().map(str::to_owned).collect(),
                changed,
                current: own == Some(i),
            });
            previous = Some(outcomes);
        }
        HistoryReport {
            schema_version: SCHEMA_VERSION,
            scenario: ScenarioRef {
                name: s.name_in(lang).to_owned(),
                file: s.file.clone(),
            },
            versions: rows,
        }
    }
}
