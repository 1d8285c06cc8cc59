//! The grammar's keys, declared once: the loader checks every mapping against
//! these lists, and suggestions come from them.

/// Sections of a rule file.
pub(crate) const TOP: &[&str] = &[
    "about",
    "sources",
    "readings",
    "facts",
    "law_versions",
    "principles",
    "terms",
    "rules",
];
/// `about:`.
pub(crate) const ABOUT: &[&str] = &["title", "act", "disclaimer"];
/// A source.
pub(crate) const SOURCE: &[&str] = &["id", "title", "url", "kind", "note"];
/// The kinds of sources.
pub(crate) const SOURCE_KINDS: &[&str] = &["statute", "government", "diet", "secondary", "seminar"];
/// A reading.
pub(crate) const READING: &[&str] = &["id", "question", "default", "options"];
/// An option of a reading.
pub(crate) const READING_OPTION: &[&str] = &["id", "text", "sources"];
/// A principle.
pub(crate) const PRINCIPLE: &[&str] = &["number", "title", "summary"];
/// A fact declaration.
pub(crate) const FACT: &[&str] = &[
    "name",
    "type",
    "description",
    "values",
    "min",
    "max",
    "default",
    "used_if",
    "side",
];
/// The types of facts.
pub(crate) const FACT_TYPES: &[&str] = &["bool", "enum", "list", "int", "date", "text"];
/// The sides of facts (who could change them).
pub(crate) const SIDES: &[&str] = &["world", "plan", "frame"];
/// A default chosen by a reading.
pub(crate) const READING_DEFAULT: &[&str] = &["reading", "values"];
/// A law version.
pub(crate) const LAW: &[&str] = &["id", "in_force_from", "title", "summary"];
/// A term.
pub(crate) const TERM: &[&str] = &["name", "description", "when"];
/// A rule.
pub(crate) const RULE: &[&str] = &[
    "id",
    "title",
    "principle",
    "kind",
    "description",
    "in_force",
    "applies_if",
    "require",
    "explain",
    "cites",
    "reading",
    "change",
    "versions",
];
/// A rule version.
pub(crate) const VERSION: &[&str] = &[
    "in_force",
    "applies_if",
    "require",
    "explain",
    "cites",
    "reading",
    "change",
];
/// `explain:`.
pub(crate) const EXPLAIN: &[&str] = &["pass", "fail", "not_applicable"];
/// A case of an explanation.
pub(crate) const CASE: &[&str] = &["when", "text"];
/// A citation.
pub(crate) const CITE: &[&str] = &["article", "source", "ja", "en", "when"];
/// An in-force period.
pub(crate) const PERIOD: &[&str] = &["from", "until"];
/// The tests on a fact.
pub(crate) const FACT_TESTS: &[&str] = &[
    "is",
    "in",
    "is_set",
    "at_least",
    "at_most",
    "before",
    "after",
    "contains",
    "contains_any",
    "contains_all",
];
/// The head key of each kind of condition.
pub(crate) const COND_HEADS: &[&str] = &["all", "any", "not", "term", "fact", "rule", "reading"];
/// A bilingual text.
pub(crate) const TEXT: &[&str] = &["en", "ja"];
/// Keys of a scenario that are not facts.
pub(crate) const SCENARIO_META: &[&str] = &["name", "expect", "readings"];
/// An expectation in a scenario.
pub(crate) const EXPECT: &[&str] = &["verdict", "rules", "readings"];
