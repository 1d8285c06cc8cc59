//! The handouts' own words in each language, beyond those the text report
//! already has in [`crate::report::words`] (the ruleset brings its title,
//! the Act's name and the disclaimer through the handout context).

use crate::model::Lang;

/// Fixed phrases of the Markdown and HTML handouts.
pub(crate) struct HandoutWords {
    /// The title of a handout of several scenarios when the ruleset gives none.
    pub handout: &'static str,
    /// Heading of the table of several scenarios.
    pub summary: &'static str,
    /// "Scenario" (a column).
    pub scenario: &'static str,
    /// "Date".
    pub date: &'static str,
    /// "Law version".
    pub law_version: &'static str,
    /// "File".
    pub file: &'static str,
    /// Heading of the advisories.
    pub advisories: &'static str,
    /// Heading of the history across law versions.
    pub history: &'static str,
    /// "From" (a law version's first day).
    pub from: &'static str,
    /// "Failing rules".
    pub failing: &'static str,
    /// Heading of the full trace, after a scenario's first page.
    pub appendix: &'static str,
    /// Label of the law version in force on the scenario's date.
    pub this_date: &'static str,
    /// Under the history: how it was computed.
    pub history_note: &'static str,
    /// In place of a law version before the first one.
    pub no_law: &'static str,
    /// Heading of the list of sources.
    pub sources: &'static str,
    /// A source id cited but not in the ruleset's list.
    pub unlisted_source: &'static str,
    /// Under a brief handout: where the rest is.
    pub brief_note: &'static str,
}

const EN: HandoutWords = HandoutWords {
    handout: "Classroom handout",
    summary: "Summary",
    scenario: "Scenario",
    date: "Date",
    law_version: "Law version",
    file: "File",
    advisories: "Advisories (policy, not decisive)",
    history: "History across law versions",
    from: "From",
    failing: "Failing rules",
    appendix: "Appendix: every rule, by principle and pillar",
    this_date: "scenario date",
    history_note: "Each law version is applied as of its first day; the one marked applies on the scenario's date",
    no_law: "no law in force",
    sources: "Sources of the citations",
    unlisted_source: "not in the ruleset's list of sources",
    brief_note: "Brief handout: the rules that decide the verdict and the steps; the full trace is left out.",
};

const JA: HandoutWords = HandoutWords {
    handout: "授業資料",
    summary: "一覧",
    scenario: "事例",
    date: "基準日",
    law_version: "法の版",
    file: "ファイル",
    advisories: "注意事項（政策上の要件。判定を左右しない）",
    history: "法改正ごとの判定の推移",
    from: "施行日",
    failing: "満たされない規則",
    appendix: "付録：全規則の判定（原則・類型別）",
    this_date: "事例の基準日",
    history_note: "各版はその施行日の時点で適用した。印を付けた版が事例の基準日に適用される",
    no_law: "施行前",
    sources: "引用の出典",
    unlisted_source: "規則集の出典一覧にない",
    brief_note: "簡略版：判定を左右する規則と手続のみを掲載し、全規則の判定は省略した。",
};

/// The handout's words for `lang`.
pub(crate) fn handout_words(lang: Lang) -> &'static HandoutWords {
    match lang {
        Lang::En => &EN,
        Lang::Ja => &JA,
    }
}
