//! The dicts and lists that report dicts are copied from, kept between
//! calls (the data only: `dicts` builds and uses them, `topy`'s string
//! cache keeps them from one call to the next).

use peacecoop::Outcome;
use peacecoop::report::{FactValues, Group, LawRef, Pairs, Step};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::collections::HashMap;

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
    /// The reasons seen (a sweep gives a few thousand for 100,000 scenarios).
    pub(crate) reasons: Texts,
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

/// Texts seen at one place of a report (a rule's explanation, a report's
/// reason), as Python strings: a sweep repeats each one many times, but
/// gives more of them than a `Recent` holds. Found by hashing; bounded
/// (emptied when full, so a long run of new texts costs no more than
/// creating them).
#[derive(Default)]
pub(crate) struct Texts(HashMap<Box<str>, Py<PyString>, foldhash::fast::RandomState>);

/// How many texts a `Texts` keeps.
const TEXTS_KEPT: usize = 512;

impl Texts {
    pub(crate) fn get<'py>(&mut self, py: Python<'py>, t: &str) -> Bound<'py, PyString> {
        if let Some(o) = self.0.get(t) {
            return o.bind(py).clone();
        }
        let o = PyString::new(py, t);
        if self.0.len() >= TEXTS_KEPT {
            self.0.clear();
        }
        self.0.insert(t.into(), o.clone().unbind());
        o
    }
}

/// The lists of texts seen at one place (a rule's citations and sources:
/// one per version of the rule), each kept as a list that results copy.
#[derive(Default)]
pub(crate) struct Lists {
    pub(crate) items: Vec<(Vec<String>, Py<PyList>)>,
}

/// How many lists a `Lists` keeps (a rule has a few versions).
pub(crate) const LISTS_KEPT: usize = 8;

/// The parts of a trace entry that are the rule's own.
pub(crate) struct EntryTemplate {
    pub(crate) rule: String,
    pub(crate) title: String,
    pub(crate) kind: String,
    pub(crate) principle: Option<u8>,
    /// Every key in order; `rule`, `title`, `principle` and `kind` set.
    pub(crate) dict: Py<PyDict>,
    pub(crate) cites: Lists,
    pub(crate) sources: Lists,
    pub(crate) explanations: Texts,
    /// The names of the facts the rule read, and as Python strings.
    pub(crate) fact_names: Vec<String>,
    pub(crate) fact_keys: Vec<Py<PyString>>,
    /// Text values of each fact.
    pub(crate) fact_values: Vec<Recent>,
    /// Whole entries seen at this place, by explanation (see `Variant`).
    pub(crate) variants: HashMap<Box<str>, Vec<Variant>, foldhash::fast::RandomState>,
    /// How many variants are kept (at most `VARIANTS_KEPT`).
    pub(crate) variant_count: usize,
}

/// A whole trace entry seen before at one place (a sweep repeats a few
/// hundred per rule): its values, and its dict with every value set. An
/// entry equal to it is a copy of that dict whose `facts`, `cites` and
/// `sources` are replaced by copies of the kept ones (and so are the
/// lists among its facts): every result owns its dicts and lists; only
/// strings, numbers, booleans and `None` are shared.
pub(crate) struct Variant {
    pub(crate) outcome: Outcome,
    pub(crate) facts: FactValues,
    pub(crate) cites: Vec<String>,
    pub(crate) sources: Vec<String>,
    pub(crate) dict: Py<PyDict>,
    pub(crate) facts_dict: Py<PyDict>,
    /// The facts whose values are lists (of texts), and those lists:
    /// copied into every copy of `facts_dict`.
    pub(crate) fact_lists: Vec<(Py<PyString>, Py<PyList>)>,
    pub(crate) cites_list: Py<PyList>,
    pub(crate) sources_list: Py<PyList>,
}

/// The most whole entries kept for one place; past it, new ones are built
/// as before and not kept (the first ones seen in a sweep are the common ones).
pub(crate) const VARIANTS_KEPT: usize = 256;

/// The most trace entries given templates (a ruleset with more rules
/// still works: its later entries are built without one).
pub(crate) const MAX_TEMPLATES: usize = 4096;
