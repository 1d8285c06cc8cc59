//! Readings of contested points as inputs: which readings a verdict depends
//! on, and the verdict under every combination of the readings a scenario's
//! rules consult.

use crate::engine::Evaluation;
use crate::error::{Code, Diagnostic};
use crate::message::{Fixed, Msg};
use crate::model::facts::FactDefault;
use crate::model::ids::ReadingSet;
use crate::model::law::Law;
use crate::model::outcome::Verdict;
use crate::model::scenario::{Given, Scenario};
use crate::model::{Lang, Location};
use crate::report::shapes::{Pairs, SCHEMA_VERSION, ScenarioRef};
use crate::ruleset::RuleSet;
use serde::{Deserialize, Serialize};

/// The most combinations `readings` evaluates.
pub const MAX_COMBINATIONS: usize = 1 << 14;

/// The readings that reach a scenario only through the default of a fact it omits.
fn default_readings(law: &Law, s: &Scenario) -> ReadingSet {
    let mut set = ReadingSet::EMPTY;
    for (i, decl) in law.vocab.facts.iter().enumerate() {
        if let (Some(FactDefault::ByReading(r, _)), Some(Given::Omitted)) =
            (&decl.default, s.given.get(i))
        {
            set.insert(*r);
        }
    }
    set
}

/// The readings for which another option, every other reading as chosen,
/// gives another verdict. Only readings the evaluation consulted (or that
/// chose a default for an omitted fact) can: an unconsulted reading cannot
/// change anything, so the answer is exact.
pub(crate) fn depends_on(rs: &RuleSet, s: &Scenario, e: &Evaluation<'_>) -> Vec<usize> {
    let law = &rs.law;
    let candidates = e.consulted.union(default_readings(law, s));
    let mut out = Vec::new();
    if candidates == ReadingSet::EMPTY {
        return out;
    }
    let mut alt = s.for_evaluation();
    for r in candidates.iter() {
        let Some(decl) = law.readings.get(r) else {
            continue;
        };
        let current = s.reading(r);
        let differs = (0..decl.options.len() as u8)
            .filter(|&o| o != current)
            .any(|o| {
                alt.chosen[r] = Some(o);
                alt.resolve_readings(&law.vocab, &law.readings);
                rs.verdict(&alt) != e.verdict
            });
        alt.chosen[r] = s.chosen[r];
        if differs {
            out.push(r);
        }
    }
    out
}

/// The verdict under one combination of readings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Combination {
    /// The options of the readings varied.
    pub readings: Pairs,
    /// The verdict under them (other readings as chosen).
    pub verdict: Verdict,
}

/// A scenario's verdict under every combination of the readings its rules
/// consult (`peacecoop readings SCENARIO --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReadingsReport {
    /// The version of this shape.
    pub schema_version: u32,
    /// Which scenario.
    pub scenario: ScenarioRef,
    /// The verdict under the readings in effect.
    pub verdict: Verdict,
    /// Every reading with the option in effect.
    pub readings: Pairs,
    /// Whether every combination gives the same verdict.
    pub robust: bool,
    /// The readings R for which two combinations that differ only in R give different verdicts.
    pub deciding: Vec<String>,
    /// Every combination of the readings varied, first reading slowest.
    pub combinations: Vec<Combination>,
}

/// The readings that can change the scenario's verdict: those consulted to
/// reach it (plus those choosing a default for a fact it omits), grown until
/// no combination of them consults another. A reading outside the set is
/// consulted under no combination, so it cannot change the verdict.
pub(crate) fn consulted(rs: &RuleSet, s: &Scenario, fixed: &[usize]) -> ReadingSet {
    let law = &rs.law;
    let free = |set: ReadingSet| ReadingSet(set.0 & !fixed.iter().fold(0u64, |m, &r| m | (1 << r)));
    let mut set = free(
        crate::engine::interpret::verdict_consulting(law, s)
            .1
            .union(default_readings(law, s)),
    );
    let mut alt = s.for_evaluation();
    // Each round adds at least one reading, so at most one round per reading.
    for _ in 0..=law.readings.len() {
        let vary: Vec<usize> = set.iter().collect();
        let total = vary
            .iter()
            .try_fold(1usize, |acc, &r| {
                acc.checked_mul(law.readings[r].options.len())
            })
            .unwrap_or(usize::MAX);
        if total > MAX_COMBINATIONS {
            return set;
        }
        let mut grown = set;
        for n in 0..total {
            for (&r, o) in vary.iter().zip(decode(law, &vary, n)) {
                alt.chosen[r] = Some(o);
            }
            alt.resolve_readings(&law.vocab, &law.readings);
            let (_, c) = crate::engine::interpret::verdict_consulting(law, &alt);
            grown = grown.union(free(c.union(default_readings(law, &alt))));
        }
        if grown == set {
            break;
        }
        set = grown;
    }
    set
}

impl RuleSet {
    /// The verdict under every combination of the readings the scenario's
    /// rules consult, except those in `fixed` (kept as the scenario has them).
    pub fn readings_report(
        &self,
        s: &Scenario,
        fixed: &[&str],
        lang: Lang,
    ) -> Result<ReadingsReport, Diagnostic> {
        let law = &self.law;
        if s.vocab_key != law.key {
            return Err(Diagnostic::foreign_scenario(s.file()));
        }
        let fixed: Vec<usize> = fixed.iter().filter_map(|f| law.reading(f)).collect();
        let vary: Vec<usize> = consulted(self, s, &fixed).iter().collect();
        let total = vary.iter().try_fold(1usize, |acc, &r| {
            acc.checked_mul(law.readings[r].options.len())
        });
        let total = match total {
            Some(t) if t <= MAX_COMBINATIONS => t,
            _ => {
                return Err(Diagnostic::error(
                    Code::NotAnalysed,
                    Location::default(),
                    Msg::Combinations {
                        max: MAX_COMBINATIONS,
                    },
                )
                .with_help(Some(Fixed::FixReadings.into())));
            }
        };
        let verdicts = self.verdicts_over(s, &vary, total);
        let combinations: Vec<Combination> = (0..total)
            .map(|n| {
                let choice = decode(law, &vary, n);
                Combination {
                    readings: Pairs(
                        vary.iter()
                            .zip(&choice)
                            .map(|(&r, &o)| {
                                let d = &law.readings[r];
                                (d.id.to_string(), d.options[usize::from(o)].id.to_string())
                            })
                            .collect(),
                    ),
                    verdict: verdicts[n],
                }
            })
            .collect();
        let deciding = deciding(law, &vary, &verdicts);
        Ok(ReadingsReport {
            schema_version: SCHEMA_VERSION,
            scenario: ScenarioRef::of(s, lang),
            verdict: self.verdict(s),
            readings: Pairs::readings(law, s),
            robust: verdicts.windows(2).all(|w| w[0] == w[1]),
            deciding: deciding
                .into_iter()
                .map(|r| law.readings[r].id.to_string())
                .collect(),
            combinations,
        })
    }

    /// The verdict of every combination `0..total` of the options of `vary`.
    pub(crate) fn verdicts_over(&self, s: &Scenario, vary: &[usize], total: usize) -> Vec<Verdict> {
        let law = &self.law;
        let mut alt = s.for_evaluation();
        (0..total)
            .map(|n| {
                for (&r, o) in vary.iter().zip(decode(law, vary, n)) {
                    alt.chosen[r] = Some(o);
                }
                alt.resolve_readings(&law.vocab, &law.readings);
                self.verdict(&alt)
            })
            .collect()
    }
}

/// The options of combination `n`, first reading slowest.
fn decode(law: &Law, vary: &[usize], mut n: usize) -> Vec<u8> {
    let mut choice = vec![0u8; vary.len()];
    for (j, &r) in vary.iter().enumerate().rev() {
        let k = law.readings[r].options.len().max(1);
        choice[j] = (n % k) as u8;
        n /= k;
    }
    choice
}

/// The readings R for which two combinations differing only in R differ in verdict.
pub(crate) fn deciding(law: &Law, vary: &[usize], verdicts: &[Verdict]) -> Vec<usize> {
    let mut stride = 1usize;
    let mut strides = vec![0usize; vary.len()];
    for (j, &r) in vary.iter().enumerate().rev() {
        strides[j] = stride;
        stride *= law.readings[r].options.len().max(1);
    }
    let mut out = Vec::new();
    for (j, &r) in vary.iter().enumerate() {
        let k = law.readings[r].options.len();
        let s = strides[j];
        let decides = (0..verdicts.len()).any(|n| {
            let digit = (n / s) % k;
            digit == 0 && (1..k).any(|d| verdicts.get(n + d * s).is_some_and(|v| *v != verdicts[n]))
        });
        if decides {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Changing readings only and resolving cheaply gives the values a full
    /// resolve gives, for every shipped scenario and every option.
    #[test]
    fn resolving_after_a_change_of_readings_matches_a_full_resolve() {
        let rs = RuleSet::embedded().expect("embedded");
        let law = &rs.law;
        let mut checked = 0;
        for entry in std::fs::read_dir("scenarios").expect("scenarios/") {
            let path = entry.expect("entry").path();
            if path.extension().and_then(|x| x.to_str()) != Some("yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read");
            let Ok(s) = rs.parse_scenario(&text, "x.yaml") else {
                continue;
            };
            for (r, decl) in law.readings.iter().enumerate() {
                for o in 0..decl.options.len() as u8 {
                    let mut cheap = s.for_evaluation();
                    cheap.chosen[r] = Some(o);
                    cheap.resolve_readings(&law.vocab, &law.readings);
                    let mut full = s.clone();
                    full.chosen[r] = Some(o);
                    full.resolve(&law.vocab, &law.readings);
                    assert_eq!(cheap.values, full.values, "{}", path.display());
                    assert_eq!(cheap.readings, full.readings);
                    assert_eq!(rs.verdict(&cheap), rs.verdict(&full));
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "only {checked} combinations checked");
    }
}
