//! The report's own words in each language (the rules bring their own text).

use crate::text::Lang;
use crate::trace::{Outcome, Verdict};

/// Fixed phrases of the reports.
pub struct Words {
    /// "Verdict".
    pub verdict: &'static str,
    /// "Reason".
    pub reason: &'static str,
    /// "Expect".
    pub expect: &'static str,
    /// "Note".
    pub note: &'static str,
    /// "unknown" (a fact's value).
    pub unknown: &'static str,
    /// Heading of general rules.
    pub the_act: &'static str,
    /// Heading of pillar rules.
    pub pillar: &'static str,
    /// Heading of task rules.
    pub tasks: &'static str,
    /// Heading of procedure rules.
    pub procedure: &'static str,
    /// Heading of policy rules.
    pub policy: &'static str,
    /// "Principle".
    pub principle: &'static str,
    /// Default text of a rule that does not apply.
    pub not_applicable: &'static str,
    /// "not used for this operation" (after the fact names).
    pub not_used: &'static str,
    /// "as expected".
    pub as_expected: &'static str,
    /// "but the verdict is".
    pub but_verdict: &'static str,
    /// "no law in force on".
    pub no_law: &'static str,
    /// "law of".
    pub law_of: &'static str,
    /// "as of".
    pub as_of: &'static str,
    /// Shown under a brief trace.
    pub brief_note: &'static str,
}

const EN: Words = Words {
    verdict: "Verdict",
    reason: "Reason",
    expect: "Expect",
    note: "Note",
    unknown: "unknown",
    the_act: "The Act",
    pillar: "Pillar and legal basis",
    tasks: "Tasks",
    procedure: "Procedure: steps the dispatch needs (if it goes ahead)",
    policy: "Policy",
    principle: "Principle",
    not_applicable: "Does not concern this operation.",
    not_used: "not used for this operation",
    as_expected: "as expected",
    but_verdict: "but the verdict is",
    no_law: "no law in force on",
    law_of: "law of",
    as_of: "as of",
    brief_note: "(brief: rules that do not apply or are not in force on the date are hidden)",
};

const JA: Words = Words {
    verdict: "判定",
    reason: "理由",
    expect: "想定",
    note: "注記",
    unknown: "不明",
    the_act: "法律の適用",
    pillar: "活動の類型と根拠",
    tasks: "業務",
    procedure: "手続（派遣する場合に必要な手順）",
    policy: "政策上の要件",
    principle: "原則",
    not_applicable: "この活動には関係しない。",
    not_used: "は、この活動では使われない",
    as_expected: "想定どおり",
    but_verdict: "しかし判定は",
    no_law: "法律が施行されていない日付：",
    law_of: "適用される法：",
    as_of: "基準日",
    brief_note: "（簡略表示：適用されない規則と施行前の規則は省略）",
};

/// The words for `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Ja => &JA,
    }
}

/// The verdict in capitals (English) or in Japanese.
pub fn verdict_word(lang: Lang, v: Verdict) -> &'static str {
    match (lang, v) {
        (Lang::En, Verdict::Eligible) => "ELIGIBLE",
        (Lang::En, Verdict::NotEligible) => "NOT ELIGIBLE",
        (Lang::En, Verdict::Undetermined) => "UNDETERMINED",
        (Lang::Ja, Verdict::Eligible) => "参加可能",
        (Lang::Ja, Verdict::NotEligible) => "参加不可",
        (Lang::Ja, Verdict::Undetermined) => "判定不能（事実不足）",
    }
}

/// The marker shown before a rule: readable without colour.
pub fn marker(lang: Lang, o: Outcome) -> &'static str {
    match (lang, o) {
        (Lang::En, Outcome::Pass) => "✔ pass",
        (Lang::En, Outcome::Fail) => "✘ FAIL",
        (Lang::En, Outcome::Undetermined) => "? unknown",
        (Lang::En, Outcome::NotApplicable) => "– n/a",
        (Lang::En, Outcome::NotInForce) => "· not in force",
        (Lang::Ja, Outcome::Pass) => "✔ 充足",
        (Lang::Ja, Outcome::Fail) => "✘ 不充足",
        (Lang::Ja, Outcome::Undetermined) => "? 不明",
        (Lang::Ja, Outcome::NotApplicable) => "– 対象外",
        (Lang::Ja, Outcome::NotInForce) => "· 施行外",
    }
}

/// Marker of a procedural step that applies.
pub fn needed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "→ needed",
        Lang::Ja => "→ 必要",
    }
}

/// Marker of a failed policy expectation.
pub fn advisory(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "! advisory",
        Lang::Ja => "! 注意",
    }
}

/// "`a`, `b` is/are unknown" style sentences.
pub fn cannot_decide(lang: Lang, names: &str, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "Cannot be decided: {names} {} unknown.",
            if n == 1 { "is" } else { "are" }
        ),
        Lang::Ja => format!("判定できない：{names} が不明。"),
    }
}

/// The reason of an undetermined verdict.
pub fn undetermined_reason(lang: Lang, names: &str, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "No rule fails, but some cannot be decided: {names} {} unknown.",
            if n == 1 { "is" } else { "are" }
        ),
        Lang::Ja => {
            format!("満たされない要件はないが、{names} が不明のため判定できない規則がある。")
        }
    }
}

/// The reason of an eligible verdict.
pub fn eligible_reason(lang: Lang, date: &str, law: Option<&str>) -> String {
    match (lang, law) {
        (Lang::En, Some(l)) => {
            format!("Every applicable requirement of the law as it stood on {date} ({l}) is met.")
        }
        (Lang::En, None) => "Every applicable requirement is met.".to_owned(),
        (Lang::Ja, Some(l)) => format!("{date}時点の法（{l}）の適用される要件をすべて満たす。"),
        (Lang::Ja, None) => "適用される要件をすべて満たす。".to_owned(),
    }
}

/// "Also failing: a, b."
pub fn also_failing(lang: Lang, ids: &str) -> String {
    match lang {
        Lang::En => format!(" Also failing: {ids}."),
        Lang::Ja => format!(" ほかに満たされない規則：{ids}。"),
    }
}

/// Explanation of a rule not in force.
pub fn not_in_force(lang: Lang, date: &str, periods: &str) -> String {
    match lang {
        Lang::En => format!("Not in force on {date} (in force {periods})."),
        Lang::Ja => format!("{date}には施行されていない（施行期間：{periods}）。"),
    }
}

/// The closing count of a trace.
pub fn counts(lang: Lang, n: [usize; 6]) -> String {
    let [total, pass, fail, und, na, nif] = n;
    match lang {
        Lang::En => format!(
            "{total} rules: {pass} pass, {fail} fail, {und} undetermined, {na} not applicable, {nif} not in force."
        ),
        Lang::Ja => format!(
            "規則{total}件：充足 {pass}、不充足 {fail}、不明 {und}、対象外 {na}、施行外 {nif}。"
        ),
    }
}
