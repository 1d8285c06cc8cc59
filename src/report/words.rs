//! The report's own words in each language (the rules bring their own text).

use crate::model::{Lang, Outcome, Verdict};

/// Fixed phrases of the reports.
pub(crate) struct Words {
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
    /// "no law in force on".
    pub no_law: &'static str,
    /// "law of".
    pub law_of: &'static str,
    /// "as of".
    pub as_of: &'static str,
    /// Shown under a brief trace.
    pub brief_note: &'static str,
    /// "Reading" (the label of the line on readings).
    pub reading: &'static str,
    /// "Missing".
    pub missing: &'static str,
    /// Heading of the failing and undetermined rules in a brief report.
    pub deciding_rules: &'static str,
    /// Heading of the steps in a brief report.
    pub steps: &'static str,
    /// Heading of the policy advisories that fail or cannot be decided, in a brief report.
    pub advisories: &'static str,
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
    no_law: "no law in force on",
    law_of: "law of",
    as_of: "as of",
    brief_note: "(brief: only the rules that decide the verdict, the advisories and the steps are shown; drop --brief for every rule)",
    reading: "Reading",
    missing: "Missing",
    deciding_rules: "Rules that fail or cannot be decided",
    advisories: "Advisories (policy: they never decide the verdict)",
    steps: "Steps the dispatch needs (if it goes ahead)",
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
    no_law: "法律が施行されていない日付：",
    law_of: "適用される法：",
    as_of: "基準日",
    brief_note: "（簡略表示：判定を左右する規則、注意事項及び手続のみを表示。すべての規則は --brief なしで表示）",
    reading: "解釈",
    missing: "不明な事実",
    deciding_rules: "満たされない規則・判定できない規則",
    advisories: "注意事項（政策：判定を左右しない）",
    steps: "派遣に必要な手続（派遣する場合）",
};

/// The words for `lang`.
pub(crate) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Ja => &JA,
    }
}

/// The verdict in capitals (English) or in Japanese.
pub(crate) fn verdict_word(lang: Lang, v: Verdict) -> &'static str {
    match (lang, v) {
        (Lang::En, Verdict::Eligible) => "ELIGIBLE",
        (Lang::En, Verdict::NotEligible) => "NOT ELIGIBLE",
        (Lang::En, Verdict::Undetermined) => "UNDETERMINED",
        (Lang::Ja, Verdict::Eligible) => "参加可能",
        (Lang::Ja, Verdict::NotEligible) => "参加不可",
        (Lang::Ja, Verdict::Undetermined) => "判定不能（事実不足）",
    }
}

/// An outcome in a table or a line of changes: its id in English
/// (`not_in_force`), its word in Japanese (施行外).
pub(crate) fn outcome_word(lang: Lang, o: Outcome) -> &'static str {
    match (lang, o) {
        (Lang::Ja, Outcome::Pass) => "充足",
        (Lang::Ja, Outcome::Fail) => "不充足",
        (Lang::Ja, Outcome::Undetermined) => "不明",
        (Lang::Ja, Outcome::NotApplicable) => "対象外",
        (Lang::Ja, Outcome::NotInForce) => "施行外",
        (_, o) => o.as_str(),
    }
}

/// The marker shown before a rule: readable without colour.
pub(crate) fn marker(lang: Lang, o: Outcome) -> &'static str {
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
pub(crate) fn needed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "→ needed",
        Lang::Ja => "→ 必要",
    }
}

/// Marker of a failed policy expectation.
pub(crate) fn advisory(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "! advisory",
        Lang::Ja => "! 注意",
    }
}

/// "`a`, `b` is/are unknown" style sentences.
pub(crate) fn cannot_decide(lang: Lang, names: &str, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "Cannot be decided: {names} {} unknown.",
            if n == 1 { "is" } else { "are" }
        ),
        Lang::Ja => format!("判定できない：{names} が不明。"),
    }
}

/// The reason of an undetermined verdict.
pub(crate) fn undetermined_reason(lang: Lang, names: &str, n: usize) -> String {
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
pub(crate) fn eligible_reason(lang: Lang, date: &str, law: Option<&str>) -> String {
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
pub(crate) fn also_failing(lang: Lang, ids: &str) -> String {
    match lang {
        Lang::En => format!(" Also failing: {ids}."),
        Lang::Ja => format!(" ほかに満たされない規則：{ids}。"),
    }
}

/// Explanation of a rule not in force.
pub(crate) fn not_in_force(lang: Lang, date: &str, periods: &str) -> String {
    match lang {
        Lang::En => format!("Not in force on {date} (in force {periods})."),
        Lang::Ja => format!("{date}には施行されていない（施行期間：{periods}）。"),
    }
}

/// The closing count of a trace; `deciding` is how many undetermined rules decide the verdict.
pub(crate) fn counts(lang: Lang, n: [usize; 6], deciding: usize) -> String {
    let [total, pass, fail, und, na, nif] = n;
    match lang {
        Lang::En => {
            let of = if und > 0 {
                format!(" ({deciding} of them deciding the verdict)")
            } else {
                String::new()
            };
            format!(
                "{total} rules: {pass} pass, {fail} fail, {und} undetermined{of}, {na} not applicable, {nif} not in force."
            )
        }
        Lang::Ja => {
            let of = if und > 0 {
                format!("（うち判定を左右するもの {deciding}）")
            } else {
                String::new()
            };
            format!(
                "規則{total}件：充足 {pass}、不充足 {fail}、不明 {und}{of}、対象外 {na}、施行外 {nif}。"
            )
        }
    }
}

/// The line after a batch: how many scenarios came out each way.
#[cfg(feature = "cli")]
pub(crate) fn batch_summary(
    lang: Lang,
    eligible: usize,
    not: usize,
    und: usize,
    errors: usize,
) -> String {
    match lang {
        Lang::En => format!(
            "Summary: {eligible} eligible, {not} not eligible, {und} undetermined, {errors} error{}.",
            if errors == 1 { "" } else { "s" }
        ),
        Lang::Ja => format!(
            "集計：参加可能 {eligible}、参加不可 {not}、判定不能 {und}、読み込めないファイル {errors}。"
        ),
    }
}

/// The reason when a scenario was read against another ruleset.
pub(crate) fn foreign(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "The scenario was read against another ruleset, whose facts differ: read it again with this one."
        }
        Lang::Ja => {
            "この事例は事実の異なる別の規則集に対して読み込まれた。この規則集で読み込み直すこと。"
        }
    }
}

/// The note on a text value no rule lists.
pub(crate) fn unlisted(lang: Lang, fact: &str, text: &str, suggestion: Option<&str>) -> String {
    match (lang, suggestion) {
        (Lang::En, Some(s)) => format!(
            "`{fact}` = `{text}` is not a name any rule lists, so it counts as an unlisted name; did you mean `{s}`?"
        ),
        (Lang::En, None) => format!(
            "`{fact}` = `{text}` is not a name any rule lists, so it counts as an unlisted name."
        ),
        (Lang::Ja, Some(s)) => format!(
            "`{fact}` = `{text}` はどの規則にも掲げられていない名称であり、掲げられていない名称として扱う。`{s}` の誤りではないか。"
        ),
        (Lang::Ja, None) => format!(
            "`{fact}` = `{text}` はどの規則にも掲げられていない名称であり、掲げられていない名称として扱う。"
        ),
    }
}

/// The note on facts given that the operation does not use.
pub(crate) fn unused(lang: Lang, names: &str) -> String {
    match lang {
        Lang::En => format!("{names} {}.", EN.not_used),
        Lang::Ja => format!("{names} {}。", JA.not_used),
    }
}

/// The line near the verdict when it depends on readings of contested points.
pub(crate) fn depends_on_readings(lang: Lang, readings: &[(String, String)]) -> String {
    let list: Vec<String> = readings
        .iter()
        .map(|(r, o)| format!("`{r}` (`{o}`)"))
        .collect();
    match lang {
        Lang::En => format!(
            "This verdict depends on the reading{} {}: another option gives another verdict (see `peacecoop readings`).",
            if readings.len() == 1 { "" } else { "s" },
            list.join(", ")
        ),
        Lang::Ja => format!(
            "この判定は解釈 {} に依存する。別の選択肢を採ると判定が変わる（`peacecoop readings` を参照）。",
            list.join("、")
        ),
    }
}

/// A rule kind in words.
pub(crate) fn kind(lang: Lang, keyword: &str) -> &'static str {
    match (lang, keyword) {
        (Lang::En, "general") => "general",
        (Lang::En, "pillar") => "pillar",
        (Lang::En, "principle") => "principle",
        (Lang::En, "task") => "task",
        (Lang::En, "procedure") => "procedure",
        (Lang::En, "policy") => "policy",
        (Lang::Ja, "general") => "総則",
        (Lang::Ja, "pillar") => "活動の類型",
        (Lang::Ja, "principle") => "原則",
        (Lang::Ja, "task") => "業務",
        (Lang::Ja, "procedure") => "手続",
        (Lang::Ja, "policy") => "政策",
        _ => "",
    }
}

/// The expectation line: the expected verdict in words, and whether the
/// verdict met it ("NOT ELIGIBLE (as expected)", "参加不可（想定どおり）";
/// "ELIGIBLE, but the verdict is NOT ELIGIBLE", "参加可能。ただし判定は参加不可").
pub(crate) fn expectation(lang: Lang, expected: Verdict, verdict: Verdict) -> String {
    let (x, v) = (verdict_word(lang, expected), verdict_word(lang, verdict));
    match (lang, expected == verdict) {
        (Lang::En, true) => format!("{x} (as expected)"),
        (Lang::En, false) => format!("{x}, but the verdict is {v}"),
        (Lang::Ja, true) => format!("{x}（想定どおり）"),
        (Lang::Ja, false) => format!("{x}。ただし判定は{v}"),
    }
}
