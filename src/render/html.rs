//! The classroom handout as HTML (`--format html`). Placeholder while the
//! handout is rebuilt on the report model.

use crate::analysis::history::HistoryReport;
use crate::report::{HandoutContext, Report};

/// The HTML handout of one or several evaluated scenarios.
pub fn handout(
    ctx: &HandoutContext,
    sheets: &[(Report, Option<HistoryReport>)],
    _brief: bool,
) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = format!("<!doctype html><title>{}</title>\n", esc(&ctx.title));
    for (r, _) in sheets {
        out.push_str(&format!(
            "<h2>{}</h2><p>{}</p>\n",
            esc(&r.scenario.name),
            esc(&r.reason)
        ));
    }
    out
}
