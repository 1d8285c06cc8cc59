//! Errors as data. Every problem a user can cause is a [`Diagnostic`]: a
//! stable [`Code`], the file, line and column where known, what was found and
//! what was expected, and a separate `help` line when we can tell how to fix it.

use crate::message::{Fixed, Msg};
use crate::model::{Lang, Location};
use std::fmt;

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $text:literal,)*) => {
        /// A stable code for each kind of problem, e.g. `unknown-fact`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }
        impl Code {
            /// The code as printed: kebab-case.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $text,)*
                }
            }
        }
    };
}

codes! {
    /// A file could not be read.
    Io = "io",
    /// A file is larger than the limit.
    TooLarge = "too-large",
    /// A file is not UTF-8 text.
    NotText = "not-text",
    /// Not a regular file (a FIFO, a device, …).
    NotAFile = "not-a-file",
    /// The YAML does not parse.
    YamlSyntax = "yaml-syntax",
    /// A file holds no document.
    Empty = "empty",
    /// A mapping was expected.
    ExpectedMapping = "expected-mapping",
    /// A list was expected.
    ExpectedList = "expected-list",
    /// A text was expected.
    ExpectedText = "expected-text",
    /// A key that is not allowed here.
    UnknownKey = "unknown-key",
    /// A key given twice (also dotted and nested).
    DuplicateKey = "duplicate-key",
    /// A required key is missing.
    MissingKey = "missing-key",
    /// A key that does not belong with the others.
    UnusedKey = "unused-key",
    /// A value outside its type or domain.
    InvalidValue = "invalid-value",
    /// A date that is not YYYY-MM-DD or does not exist.
    InvalidDate = "invalid-date",
    /// A text with no Japanese translation.
    MissingTranslation = "missing-translation",
    /// A scenario without `name`.
    MissingName = "missing-name",
    /// No `date` fact of type date.
    MissingDateFact = "missing-date-fact",
    /// A law version declared twice.
    DuplicateLawVersion = "duplicate-law-version",
    /// Two law versions on one date.
    SameDayLawVersions = "same-day-law-versions",
    /// No law versions.
    NoLawVersions = "no-law-versions",
    /// A principle number out of range.
    InvalidPrinciple = "invalid-principle",
    /// A principle declared twice.
    DuplicatePrinciple = "duplicate-principle",
    /// A term defined twice.
    DuplicateTerm = "duplicate-term",
    /// A rule id used twice.
    DuplicateRule = "duplicate-rule",
    /// A fact declared twice.
    DuplicateFact = "duplicate-fact",
    /// A source declared twice.
    DuplicateSource = "duplicate-source",
    /// A reading declared twice, or an option twice.
    DuplicateReading = "duplicate-reading",
    /// `used_if` that tests rules.
    InvalidUsedIf = "invalid-used-if",
    /// A rule that could not be read.
    InvalidRule = "invalid-rule",
    /// Rules that refer to each other in a cycle.
    RuleCycle = "rule-cycle",
    /// A fact name that is not dotted lower-case words.
    InvalidName = "invalid-name",
    /// A fact name reserved for scenario metadata.
    ReservedName = "reserved-name",
    /// A fact that would be a group of another.
    FactGroupClash = "fact-group-clash",
    /// `min`/`max` that are not integers or are inverted.
    InvalidBound = "invalid-bound",
    /// `values` that is not a mapping of descriptions.
    InvalidValues = "invalid-values",
    /// More than 64 values for one fact.
    TooManyValues = "too-many-values",
    /// An unknown fact type.
    UnknownType = "unknown-type",
    /// A default outside the fact's domain.
    InvalidDefault = "invalid-default",
    /// More facts than the engine tracks.
    TooManyFacts = "too-many-facts",
    /// More readings than the engine tracks.
    TooManyReadings = "too-many-readings",
    /// A malformed condition.
    InvalidCondition = "invalid-condition",
    /// An unknown term.
    UnknownTerm = "unknown-term",
    /// Terms nested too deep.
    TermTooDeep = "term-too-deep",
    /// Terms that refer to each other in a cycle.
    TermCycle = "term-cycle",
    /// A ruleset whose conditions, all told, are too large.
    RulesetTooLarge = "ruleset-too-large",
    /// An unknown fact.
    UnknownFact = "unknown-fact",
    /// An unknown rule.
    UnknownRule = "unknown-rule",
    /// An unknown reading.
    UnknownReading = "unknown-reading",
    /// An unknown option of a reading.
    UnknownOption = "unknown-option",
    /// An unknown source.
    UnknownSource = "unknown-source",
    /// A malformed explanation template.
    InvalidTemplate = "invalid-template",
    /// A malformed explanation.
    InvalidExplanation = "invalid-explanation",
    /// A malformed `cites`.
    InvalidCites = "invalid-cites",
    /// A period that ends before it starts.
    EmptyPeriod = "empty-period",
    /// A rule id that is not kebab-case.
    InvalidId = "invalid-id",
    /// An unknown rule kind.
    UnknownKind = "unknown-kind",
    /// A principle rule that names no principle.
    MissingPrinciple = "missing-principle",
    /// `versions` that is not a list.
    InvalidVersions = "invalid-versions",
    /// An empty `versions` list.
    NoVersions = "no-versions",
    /// More than 255 versions.
    TooManyVersions = "too-many-versions",
    /// Two versions in force at once.
    OverlappingVersions = "overlapping-versions",
    /// `in_force` beside `versions` (ignored there).
    InForceBesideVersions = "in-force-beside-versions",
    /// A rule version without citations.
    MissingCitation = "missing-citation",
    /// A citation that names no source.
    MissingSource = "missing-source",
    /// A rule version without an explanation it needs.
    MissingExplanation = "missing-explanation",
    /// A procedure with `require`.
    ProcedureRequire = "procedure-require",
    /// A rule without `require`.
    MissingRequire = "missing-require",
    /// A folder with no rule files.
    NoRuleFiles = "no-rule-files",
    /// A link to a file that does not exist (skipped).
    DanglingLink = "dangling-link",
    /// A scenario read with another ruleset (whose facts differ).
    ForeignScenario = "foreign-scenario",
    /// Scenario files given where rule files were expected (or the reverse).
    WrongKindOfFile = "wrong-kind-of-file",
    /// Analysis gave up: too many combinations.
    NotAnalysed = "not-analysed",
    /// A rule version that can never apply.
    VersionNeverApplies = "version-never-applies",
    /// A rule that can never apply.
    NeverApplies = "never-applies",
    /// A rule that can never fail.
    NeverFails = "never-fails",
    /// A fact no rule reads.
    UnusedFact = "unused-fact",
    /// A reading no rule consults.
    UnusedReading = "unused-reading",
    /// A reading option that no rule tells apart from the others.
    UndistinguishedOption = "undistinguished-option",
    /// A term no rule uses.
    UnusedTerm = "unused-term",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Severity {
    /// The input cannot be used.
    Error,
    /// The input works but something is probably wrong.
    Warning,
}

/// One problem, as data: the CLI prints it, tools read it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// A stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// Where (line and column 0 when not known).
    pub location: Location,
    /// What is wrong: what was found and what was expected (in English;
    /// [`Diagnostic::message_in`] gives it in another language).
    pub message: String,
    /// How to fix it, when we can tell (in English; see [`Diagnostic::help_in`]).
    pub help: Option<String>,
    /// The message as data, written in a language when shown.
    msg: Msg,
    /// The help line as data.
    hint: Option<Msg>,
}

impl Diagnostic {
    /// An error.
    pub(crate) fn error(code: Code, location: Location, msg: impl Into<Msg>) -> Diagnostic {
        let msg = msg.into();
        Diagnostic {
            code,
            severity: Severity::Error,
            location,
            message: msg.text(Lang::En),
            help: None,
            msg,
            hint: None,
        }
    }
    /// A warning.
    pub(crate) fn warning(code: Code, location: Location, msg: impl Into<Msg>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, location, msg)
        }
    }
    /// The same, with a help line.
    pub(crate) fn with_help(mut self, help: Option<Msg>) -> Diagnostic {
        self.help = help.as_ref().map(|h| h.text(Lang::En));
        self.hint = help;
        self
    }
    /// What is wrong, in `lang` (in English, [`Diagnostic::message`]).
    pub fn message_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.message.clone(),
            _ => self.msg.text(lang),
        }
    }
    /// How to fix it, in `lang`, when we can tell.
    pub fn help_in(&self, lang: Lang) -> Option<String> {
        match lang {
            Lang::En => self.help.clone(),
            _ => self.hint.as_ref().map(|h| h.text(lang)),
        }
    }
    /// The line, when known.
    pub fn line(&self) -> Option<u32> {
        (self.location.line > 0).then_some(self.location.line)
    }
    /// The column, when known.
    pub fn column(&self) -> Option<u32> {
        (self.location.line > 0).then_some(self.location.column)
    }
}

impl std::error::Error for Diagnostic {}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}: {sev}[{}]: {}",
            self.location, self.code, self.message
        )?;
        if let Some(h) = &self.help {
            write!(f, "\n  help: {h}")?;
        }
        Ok(())
    }
}

/// A ruleset that could not be loaded: every problem found, all at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct RulesetError {
    /// The problems, in file order (warnings too).
    pub diagnostics: Vec<Diagnostic>,
}

impl RulesetError {
    /// How many of the problems are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

impl From<Diagnostic> for RulesetError {
    fn from(d: Diagnostic) -> RulesetError {
        RulesetError {
            diagnostics: vec![d],
        }
    }
}

impl fmt::Display for RulesetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors();
        f.write_str(&Msg::ErrorCount { n }.text(Lang::En))?;
        for d in &self.diagnostics {
            write!(f, "\n{d}")?;
        }
        Ok(())
    }
}

/// A scenario that could not be read: every problem in it (the first 20 in
/// full), each with its line and column where known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct ScenarioError {
    /// The file (or the name given for messages).
    pub file: String,
    /// The problems, in file order.
    pub problems: Vec<Diagnostic>,
    /// How many more problems were found but not listed.
    pub more: usize,
}

impl ScenarioError {
    /// One problem.
    pub(crate) fn one(d: Diagnostic) -> ScenarioError {
        ScenarioError {
            file: d.location.file.clone(),
            problems: vec![d],
            more: 0,
        }
    }
    /// The first problem (there is always one).
    pub fn first(&self) -> Option<&Diagnostic> {
        self.problems.first()
    }
    /// The line of the first problem, when known.
    pub fn line(&self) -> Option<u32> {
        self.first().and_then(Diagnostic::line)
    }
    /// The column of the first problem, when known.
    pub fn column(&self) -> Option<u32> {
        self.first().and_then(Diagnostic::column)
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {}", d.location, d.message)?;
            if let Some(h) = &d.help {
                write!(f, "\n  help: {h}")?;
            }
        }
        if self.more > 0 {
            let more = Msg::MoreProblems {
                n: self.more,
                same_file: true,
            };
            write!(f, "\n{}", more.text(Lang::En))?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// The error for a scenario read with another ruleset than the one asked
    /// to analyse it: its facts are numbered differently, so nothing about
    /// it can be worked out here.
    pub(crate) fn foreign_scenario(file: Option<&str>) -> Diagnostic {
        Diagnostic::error(
            Code::ForeignScenario,
            Location::file(file.unwrap_or_default()),
            Fixed::ForeignScenario,
        )
        .with_help(Some(Fixed::SameRuleset.into()))
    }
}

/// The closest name to `word` among `candidates`, if any is close enough.
pub(crate) fn suggest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let lw = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lw, &c.to_lowercase()), c))
        .filter(|(s, _)| *s >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_owned())
}

/// `a`, `b`, `c` in backticks.
pub(crate) fn ticks(words: &[&str]) -> crate::message::Names {
    crate::message::ticks_of(words.iter().copied())
}

/// "did you mean `x`?" when there is a suggestion.
pub(crate) fn did_you_mean(s: Option<String>) -> Option<Msg> {
    s.map(|name| Msg::DidYouMean { name })
}
