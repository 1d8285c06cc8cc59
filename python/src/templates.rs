//! The dicts and lists that report dicts are copied from, kept between
//! calls (the data only: `dicts` builds and uses them, `topy`'s string
//! cache keeps them from one call to the next).

use peacecoop::report::{Group, LawRef, Pairs, Step};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

/// Dicts and lists that reports are copied from, kept between calls.
#[derive(Default)]
pub(crate) struct Templates {
    /// The report's first keys, in order (values `None`).
    pub(crate) report: Option<Py<PyDict>>,
    /// One per place in the trace.
    pub(crate) entries: Vec<Option<EntryTemplate>>,
    /// The groups of the last report with a trace, and their dicts.
    pub(crate) groups: Option<GroupDicts>,
    /// The readings in effect of the last report, as a dict.
    pub(crate) readings: Option<(Pairs, Py<PyDict>)>,
    /// Law versions seen, as dicts.
    pub(crate) laws: Vec<(LawRef, Py<PyDict>)>,
    /// Steps and advisories seen, as dicts (with their `cites`).
    pub(crate) steps: Vec<(Step, Py<PyDict>, Py<PyList>)>,
}

/// Groups, and for each its dict and its list of rules.
pub(crate) type GroupDicts = (Vec<Group>, Vec<(Py<PyDict>, Py<PyList>)>);

/// The most law versions and steps kept as dicts.
pub(crate) const MAX_KEPT_SHAPES: usize = 64;

/// The last few texts seen at one place of a report (a rule's explanation,
/// a fact's value), as Python strings: found by comparing a handful of
/// texts, with no hashing and no big table.
#[derive(Default)]
pub(crate) struct Recent {
    pub(crate) items: Vec<(Box<str>, Py<PyString>)>,
    pub(crate) next: usize,
}

/// How many texts a `Recent` keeps.
pub(crate) const RECENT: usize = 8;

impl Recent {
    pub(crate) fn get<'py>(&mut self, py: Python<'py>, t: &str) -> Bound<'py, PyString> {
        if let Some((_, o)) = self.items.iter().find(|(k, _)| **k == *t) {
            return o.bind(py).clone();
        }
        let o = PyString::new(py, t);
        let kept = (t.into(), o.clone().unbind());
        if self.items.len() < RECENT {
            self.items.push(kept);
        } else if let Some(slot) = self.items.get_mut(self.next) {
            *slot = kept;
            self.next = (self.next + 1) % RECENT;
        }
        o
    }
}

/// The parts of a trace entry that are the rule's own.
pub(crate) struct EntryTemplate {
    pub(crate) rule: String,
    pub(crate) title: String,
    pub(crate) kind: String,
    pub(crate) principle: Option<u8>,
    /// Every key in order; `rule`, `title`, `principle` and `kind` set.
    pub(crate) dict: Py<PyDict>,
    pub(crate) cites: Vec<String>,
    pub(crate) cites_list: Py<PyList>,
    pub(crate) sources: Vec<String>,
    pub(crate) sources_list: Py<PyList>,
    pub(crate) explanations: Recent,
    /// The names of the facts the rule read, and as Python strings.
    pub(crate) fact_names: Vec<String>,
    pub(crate) fact_keys: Vec<Py<PyString>>,
    /// Text values of each fact.
    pub(crate) fact_values: Vec<Recent>,
}

/// The most trace entries given templates (a ruleset with more rules
/// still works: its later entries are built without one).
pub(crate) const MAX_TEMPLATES: usize = 4096;
