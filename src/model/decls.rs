//! The rest of a ruleset's declarations: law versions, principles, defined
//! terms, readings of contested points, sources, and what the ruleset is about.

use super::condition::Condition;
use super::date::Date;
use super::ids::{FactSet, ReadingSet, SourceId};
use super::list::List;
use super::location::Place;
use super::strings::Str;
use super::text::Text;

/// A version of the law, selected by date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct LawVersion {
    /// Short id, e.g. `1998`.
    pub id: Str,
    /// First day in force.
    pub in_force_from: Date,
    /// What it is, e.g. `Act No. 102 of 1998`.
    pub title: Text,
    /// What changed.
    pub summary: Text,
}

/// One of the principles the rules encode, for grouping and display.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Principle {
    /// Its number.
    pub number: u8,
    /// Short title, e.g. `Ceasefire`.
    pub title: Text,
    /// One-sentence statement.
    pub summary: Text,
}

/// A named condition (a defined term of the statute), shared by the rules that use it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Term {
    /// Its name, used as `term: name`.
    pub name: Str,
    /// What it means.
    pub description: Text,
    /// The condition it stands for.
    pub when: Condition,
    /// The facts it reads, through other terms too.
    pub reads: FactSet,
    /// The readings it consults, through other terms too.
    pub consults: ReadingSet,
    /// Where it is defined.
    pub location: Place,
}

/// A contested point of the law: the question, the options, the default.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Reading {
    /// Its id, e.g. `parties-gone-before-2016`.
    pub id: Str,
    /// The question the statute leaves open.
    pub question: Text,
    /// The options; a scenario chooses one.
    pub options: List<ReadingOption>,
    /// The option used when nobody chooses (index into `options`).
    pub default: u8,
    /// Where it is declared.
    pub location: Place,
}

impl Reading {
    /// Finds an option by id.
    pub fn option(&self, id: &str) -> Option<u8> {
        self.options
            .iter()
            .position(|o| o.id == id)
            .map(|i| i as u8)
    }
}

/// One answer to a reading's question.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct ReadingOption {
    /// Its id, e.g. `practice`.
    pub id: Str,
    /// What it says.
    pub text: Text,
    /// Where the reading comes from.
    pub sources: List<SourceId>,
}

/// A document the rules rely on: a statute text, a government page, a Diet answer.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Source {
    /// Its id, e.g. `act-2006`.
    pub id: Str,
    /// Its title.
    pub title: Text,
    /// Where to read it, if it is online.
    pub url: Option<Str>,
    /// What kind of document it is (`statute`, `government`, …).
    pub kind: Str,
    /// What it supports and how sure the reading is.
    pub note: Option<Text>,
}

/// What the ruleset is about, in its own words: the renderers print these
/// instead of naming any law themselves.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct About {
    /// A short title for handouts, e.g. "PKO Act eligibility".
    pub title: Text,
    /// The law the rules encode.
    pub act: Text,
    /// The closing disclaimer of handouts.
    pub disclaimer: Text,
}
