//! Analyses built on evaluation: what would have to change (`whatif`), the
//! verdict across law versions (`history`), truth tables (`matrix`), which
//! readings a verdict depends on (`readings`), suites with expectations
//! (`test`) and static checks of a ruleset (`check`). Each adds its methods
//! to [`crate::RuleSet`] and returns a serializable report.

pub(crate) mod check;
pub(crate) mod history;
pub(crate) mod matrix;
pub(crate) mod readings;
#[cfg(feature = "cli")]
pub(crate) mod testrun;
pub(crate) mod whatif;

use crate::model::condition::{Condition, Test};
use crate::model::ids::FactId;
use crate::model::law::Law;

/// Every test on a fact in `c`, through terms too (each term visited once).
pub(crate) fn fact_tests(
    law: &Law,
    c: &Condition,
    out: &mut Vec<(FactId, Test)>,
    seen: &mut Vec<bool>,
) {
    c.walk(&mut |n| match n {
        Condition::Fact { fact, test } => out.push((*fact, *test)),
        Condition::Term(t) => {
            if seen.len() < law.terms.len() {
                seen.resize(law.terms.len(), false);
            }
            if let Some(false) = seen.get(*t).copied() {
                seen[*t] = true;
                fact_tests(law, &law.terms[*t].when, out, seen);
            }
        }
        _ => {}
    });
}
