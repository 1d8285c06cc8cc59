//! Many scenarios at once: on every core with the `parallel` feature,
//! results always in input order.

use crate::model::{Lang, Scenario};
use crate::report::Report;
use crate::ruleset::RuleSet;

/// `f` over `items`, in parallel with the `parallel` feature; in input order.
pub(crate) fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        if items.len() >= 16 {
            return items.par_iter().map(f).collect();
        }
    }
    items.iter().map(f).collect()
}

impl RuleSet {
    /// The report of each scenario, in input order, on every core (with the
    /// `parallel` feature). Without `trace`, the reports leave the trace and
    /// its groups out: the fast path for sweeps.
    pub fn reports(&self, scenarios: &[Scenario], lang: Lang, trace: bool) -> Vec<Report> {
        map(scenarios, |s| {
            let e = self.evaluate(s);
            if trace {
                self.report(s, &e, lang)
            } else {
                self.report_summary(s, &e, lang)
            }
        })
    }
}
