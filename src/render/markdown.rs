//! The classroom handout as Markdown (`--format markdown`). Placeholder
//! while the handout is rebuilt on the report model.

use crate::analysis::history::HistoryReport;
use crate::report::{HandoutContext, Report};

/// The Markdown handout of one or several evaluated scenarios.
pub fn handout(
    ctx: &HandoutContext,
    sheets: &[(Report, Option<HistoryReport>)],
    _brief: bool,
) -> String {
    let mut out = format!("# {}\n\n", ctx.title);
    for (r, _) in sheets {
        out.push_str(&format!("## {}\n\n{}\n\n", r.scenario.name, r.reason));
    }
    out
}
