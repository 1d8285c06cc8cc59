//! A report (`peacecoop::report::Report`) as the dict the CLI's JSON
//! gives, built field by field: the hot path of `evaluate` and
//! `evaluate_many`. (Other results go through the generic serializer in
//! `topy`.)
//!
//! Most of a report repeats from one report to the next: the keys, and in
//! each trace entry the rule's id, title, kind, principle, citations and
//! sources. Those parts are kept as template dicts and lists, one per place
//! in the trace; an entry's dict is a copy of its template (one allocation,
//! keys already in order) with the rest filled in, its lists copies of the
//! template's. A template is used only when every text it holds equals the
//! report's (compared in Rust, cheaply); otherwise it is built afresh, so a
//! result is always exactly the report's values, in the JSON's key order.
//! A whole entry equal to one seen before at the same place (a sweep
//! repeats most of them) is a copy of that entry's kept dict, with copies
//! of its kept containers (`templates::Variant`). Only strings, numbers,
//! booleans and `None` are ever shared between results; every dict and
//! list is the result's own. Strings are shared through `Strings` (see
//! `topy`).

use crate::templates::{
    EntryTemplate, LISTS_KEPT, Lists, MAX_KEPT_SHAPES, MAX_TEMPLATES, Recent, Texts, VARIANTS_KEPT,
    Variant,
};
use crate::topy::Strings;
use peacecoop::report::{Entry, Group, LawRef, Pairs, Report, Step};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use pyo3::{IntoPyObjectExt, intern};

/// Python's interned strings for the keys (the same objects everywhere:
/// a copied template's keys are found by identity).
macro_rules! interned {
    ($py:expr, $($k:literal),* $(,)?) => {
        [$(intern!($py, $k)),*]
    };
}

fn texts<'py>(s: &mut Strings<'py>, items: &[String]) -> PyResult<Bound<'py, PyList>> {
    let items: Vec<Bound<'py, PyString>> = items.iter().map(|t| s.get(t)).collect();
    PyList::new(s.py(), items)
}

fn opt_text<'py>(s: &mut Strings<'py>, t: Option<&str>) -> Bound<'py, PyAny> {
    match t {
        Some(t) => s.get(t).into_any(),
        None => s.py().None().into_bound(s.py()),
    }
}

impl EntryTemplate {
    fn new(s: &mut Strings<'_>, e: &Entry) -> PyResult<EntryTemplate> {
        let py = s.py();
        let dict = PyDict::new(py);
        let keys = interned!(
            py,
            "rule",
            "title",
            "principle",
            "kind",
            "outcome",
            "explanation",
            "facts",
            "cites",
            "sources",
        );
        for k in keys {
            dict.set_item(k, py.None())?;
        }
        dict.set_item(intern!(py, "rule"), s.get(&e.rule))?;
        dict.set_item(intern!(py, "title"), s.get(&e.title))?;
        dict.set_item(intern!(py, "principle"), e.principle)?;
        dict.set_item(intern!(py, "kind"), s.get(&e.kind))?;
        let fact_names: Vec<String> = e.facts.iter().map(|(k, _)| k.clone()).collect();
        let fact_keys = fact_names.iter().map(|k| s.get(k).unbind()).collect();
        Ok(EntryTemplate {
            explanations: Texts::default(),
            fact_values: fact_names.iter().map(|_| Recent::default()).collect(),
            fact_names,
            fact_keys,
            variants: Default::default(),
            variant_count: 0,
            rule: e.rule.clone(),
            title: e.title.clone(),
            kind: e.kind.clone(),
            principle: e.principle,
            dict: dict.unbind(),
            cites: Lists::default(),
            sources: Lists::default(),
        })
    }

    fn fits(&self, e: &Entry) -> bool {
        self.rule == e.rule
            && self.title == e.title
            && self.kind == e.kind
            && self.principle == e.principle
    }
}

/// A copy of the list kept for `items`, made and kept the first time.
fn list_like<'py>(
    s: &mut Strings<'py>,
    items: &[String],
    kept: &mut Lists,
) -> PyResult<Bound<'py, PyList>> {
    let py = s.py();
    if let Some((_, list)) = kept.items.iter().find(|(k, _)| k.as_slice() == items) {
        return Ok(list.bind(py).get_slice(0, items.len()));
    }
    let list = texts(s, items)?;
    if kept.items.len() < LISTS_KEPT {
        kept.items
            .push((items.to_vec(), list.get_slice(0, items.len()).unbind()));
    }
    Ok(list)
}

/// A fact's value (a JSON value: null, boolean, number, text or list).
fn json<'py>(s: &mut Strings<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value as J;
    let py = s.py();
    Ok(match v {
        J::Null => py.None().into_bound(py),
        J::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        J::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)?
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)?
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        J::String(t) => s.get(t).into_any(),
        J::Array(items) => {
            let items = items
                .iter()
                .map(|i| json(s, i))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        J::Object(m) => {
            let d = PyDict::new(py);
            for (k, v) in m {
                d.set_item(s.get(k), json(s, v)?)?;
            }
            d.into_any()
        }
    })
}

/// A new list of a fact's values (texts, numbers, booleans, null).
fn texts_or_values<'py>(
    s: &mut Strings<'py>,
    items: &[serde_json::Value],
) -> PyResult<Bound<'py, PyList>> {
    let items = items
        .iter()
        .map(|i| json(s, i))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(s.py(), items)
}

fn entry<'py>(
    s: &mut Strings<'py>,
    e: &Entry,
    slot: &mut Option<EntryTemplate>,
) -> PyResult<Bound<'py, PyDict>> {
    let py = s.py();
    if !slot.as_ref().is_some_and(|t| t.fits(e)) {
        *slot = Some(EntryTemplate::new(s, e)?);
    }
    let Some(t) = slot.as_mut() else {
        return Err(pyo3::exceptions::PyRuntimeError::new_err(
            "a trace entry's template is missing",
        ));
    };
    if let Some(v) = t.variants.get(e.explanation.as_str()).and_then(|vs| {
        vs.iter().find(|v| {
            v.outcome == e.outcome
                && v.facts == e.facts
                && v.cites == e.cites
                && v.sources == e.sources
        })
    }) {
        let d = v.dict.bind(py).copy()?;
        let facts = v.facts_dict.bind(py).copy()?;
        for (k, list) in &v.fact_lists {
            let list = list.bind(py);
            facts.set_item(k.bind(py), list.get_slice(0, list.len()))?;
        }
        d.set_item(intern!(py, "facts"), facts)?;
        d.set_item(
            intern!(py, "cites"),
            v.cites_list.bind(py).get_slice(0, e.cites.len()),
        )?;
        d.set_item(
            intern!(py, "sources"),
            v.sources_list.bind(py).get_slice(0, e.sources.len()),
        )?;
        return Ok(d);
    }
    let d = t.dict.bind(py).copy()?;
    d.set_item(intern!(py, "outcome"), s.build(&e.outcome)?)?;
    d.set_item(
        intern!(py, "explanation"),
        t.explanations.get(py, &e.explanation),
    )?;
    let facts = PyDict::new(py);
    let same_names = e.facts.len() == t.fact_names.len()
        && e.facts.iter().zip(&t.fact_names).all(|((k, _), n)| k == n);
    if same_names {
        for (((_, v), key), memo) in e.facts.iter().zip(&t.fact_keys).zip(&mut t.fact_values) {
            let v = match v {
                serde_json::Value::String(text) => memo.get(py, text).into_any(),
                other => json(s, other)?,
            };
            facts.set_item(key.bind(py), v)?;
        }
    } else {
        for (k, v) in &e.facts {
            facts.set_item(s.get(k), json(s, v)?)?;
        }
    }
    let cites = list_like(s, &e.cites, &mut t.cites)?;
    let sources = list_like(s, &e.sources, &mut t.sources)?;
    // Facts are texts, numbers, booleans, null or lists of those (a
    // variant copies such lists; anything deeper is never kept).
    let flat = e.facts.iter().all(|(_, v)| match v {
        serde_json::Value::Array(items) => items.iter().all(|i| !i.is_array() && !i.is_object()),
        other => !other.is_object(),
    });
    if flat && t.variant_count < VARIANTS_KEPT {
        // Kept: a dict of its own whose containers are copies, never the
        // result's (replaced in every copy made from it anyway).
        let facts_dict = facts.copy()?;
        let mut fact_lists = Vec::new();
        for (k, v) in &e.facts {
            if let serde_json::Value::Array(items) = v {
                let key = s.get(k);
                let own = texts_or_values(s, items)?;
                facts_dict.set_item(&key, &own)?;
                fact_lists.push((key.unbind(), own.unbind()));
            }
        }
        let v = Variant {
            outcome: e.outcome,
            facts: e.facts.clone(),
            cites: e.cites.clone(),
            sources: e.sources.clone(),
            dict: d.copy()?.unbind(),
            facts_dict: facts_dict.unbind(),
            fact_lists,
            cites_list: cites.get_slice(0, e.cites.len()).unbind(),
            sources_list: sources.get_slice(0, e.sources.len()).unbind(),
        };
        let kept = v.dict.bind(py);
        kept.set_item(intern!(py, "facts"), v.facts_dict.bind(py))?;
        kept.set_item(intern!(py, "cites"), v.cites_list.bind(py))?;
        kept.set_item(intern!(py, "sources"), v.sources_list.bind(py))?;
        t.variants
            .entry(e.explanation.as_str().into())
            .or_default()
            .push(v);
        t.variant_count += 1;
    }
    d.set_item(intern!(py, "facts"), facts)?;
    d.set_item(intern!(py, "cites"), cites)?;
    d.set_item(intern!(py, "sources"), sources)?;
    Ok(d)
}

fn step<'py>(s: &mut Strings<'py>, st: &Step) -> PyResult<Bound<'py, PyDict>> {
    let py = s.py();
    if let Some((_, d, cites)) = s.templates.steps.iter().find(|(x, _, _)| x == st) {
        let d = d.bind(py).copy()?;
        d.set_item(
            intern!(py, "cites"),
            cites.bind(py).get_slice(0, st.cites.len()),
        )?;
        return Ok(d);
    }
    let d = PyDict::new(py);
    d.set_item(intern!(py, "rule"), s.get(&st.rule))?;
    d.set_item(intern!(py, "title"), s.get(&st.title))?;
    d.set_item(intern!(py, "explanation"), s.get(&st.explanation))?;
    let cites = texts(s, &st.cites)?;
    d.set_item(intern!(py, "cites"), &cites)?;
    if s.templates.steps.len() < MAX_KEPT_SHAPES {
        let template = d.copy()?.unbind();
        s.templates.steps.push((
            st.clone(),
            template,
            cites.get_slice(0, st.cites.len()).unbind(),
        ));
    }
    Ok(d)
}

fn steps<'py>(s: &mut Strings<'py>, items: &[Step]) -> PyResult<Bound<'py, PyList>> {
    let items = items
        .iter()
        .map(|st| step(s, st))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(s.py(), items)
}

/// The groups, from the dicts of the last report's when they are the same.
fn groups<'py>(s: &mut Strings<'py>, gs: &[Group]) -> PyResult<Bound<'py, PyList>> {
    let py = s.py();
    let same = matches!(&s.templates.groups, Some((kept, _)) if kept == gs);
    if !same {
        let mut dicts = Vec::with_capacity(gs.len());
        for g in gs {
            let d = PyDict::new(py);
            d.set_item(intern!(py, "title"), s.get(&g.title))?;
            let rules = texts(s, &g.rules)?;
            d.set_item(intern!(py, "rules"), &rules)?;
            dicts.push((d.unbind(), rules.unbind()));
        }
        s.templates.groups = Some((gs.to_vec(), dicts));
    }
    let Some((kept, dicts)) = &s.templates.groups else {
        return Err(pyo3::exceptions::PyRuntimeError::new_err(
            "the groups' template is missing",
        ));
    };
    let mut out = Vec::with_capacity(dicts.len());
    for (g, (d, rules)) in kept.iter().zip(dicts) {
        let d = d.bind(py).copy()?;
        d.set_item(
            intern!(py, "rules"),
            rules.bind(py).get_slice(0, g.rules.len()),
        )?;
        out.push(d);
    }
    PyList::new(py, out)
}

fn readings<'py>(s: &mut Strings<'py>, pairs: &Pairs) -> PyResult<Bound<'py, PyDict>> {
    let py = s.py();
    if let Some((kept, d)) = &s.templates.readings
        && kept == pairs
    {
        return d.bind(py).copy();
    }
    let d = PyDict::new(py);
    for (k, v) in &pairs.0 {
        d.set_item(s.get(k), s.get(v))?;
    }
    s.templates.readings = Some((pairs.clone(), d.copy()?.unbind()));
    Ok(d)
}

fn law<'py>(s: &mut Strings<'py>, lv: &LawRef) -> PyResult<Bound<'py, PyDict>> {
    let py = s.py();
    if let Some((_, d)) = s.templates.laws.iter().find(|(x, _)| x == lv) {
        return d.bind(py).copy();
    }
    let v = PyDict::new(py);
    v.set_item(intern!(py, "id"), s.get(&lv.id))?;
    v.set_item(intern!(py, "in_force_from"), s.get(&lv.in_force_from))?;
    v.set_item(intern!(py, "title"), s.get(&lv.title))?;
    if s.templates.laws.len() < MAX_KEPT_SHAPES {
        s.templates.laws.push((lv.clone(), v.copy()?.unbind()));
    }
    Ok(v)
}

/// `r` as the dict `evaluate --format json` prints; `anonymous`: its
/// scenario was read without a file (`"file": None`).
pub(crate) fn report<'py>(
    s: &mut Strings<'py>,
    r: &Report,
    anonymous: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let py = s.py();
    let template = match &s.templates.report {
        Some(t) => t.clone_ref(py),
        None => {
            // The keys every report has, in the JSON's order (`groups` and
            // `trace` follow when the report has them).
            let keys = interned!(
                py,
                "schema_version",
                "scenario",
                "date",
                "law_version",
                "verdict",
                "reason",
                "readings",
                "depends_on_readings",
                "missing",
                "expect",
                "steps",
                "advisories",
                "unused",
                "notes",
            );
            let t = PyDict::new(py);
            for k in keys {
                t.set_item(k, py.None())?;
            }
            let t = t.unbind();
            s.templates.report = Some(t.clone_ref(py));
            t
        }
    };
    let d = template.bind(py).copy()?;
    d.set_item(intern!(py, "schema_version"), r.schema_version)?;
    let scenario = PyDict::new(py);
    // The name and date differ from one scenario to the next: new strings,
    // not looked up.
    scenario.set_item(intern!(py, "name"), PyString::new(py, &r.scenario.name))?;
    let file = if anonymous {
        None
    } else {
        r.scenario.file.as_deref()
    };
    scenario.set_item(intern!(py, "file"), opt_text(s, file))?;
    d.set_item(intern!(py, "scenario"), scenario)?;
    d.set_item(intern!(py, "date"), PyString::new(py, &r.date))?;
    if let Some(lv) = &r.law_version {
        d.set_item(intern!(py, "law_version"), law(s, lv)?)?;
    }
    d.set_item(intern!(py, "verdict"), s.build(&r.verdict)?)?;
    let reason = s.templates.reasons.get(py, &r.reason);
    d.set_item(intern!(py, "reason"), reason)?;
    d.set_item(intern!(py, "readings"), readings(s, &r.readings)?)?;
    d.set_item(
        intern!(py, "depends_on_readings"),
        texts(s, &r.depends_on_readings)?,
    )?;
    d.set_item(intern!(py, "missing"), texts(s, &r.missing)?)?;
    if let Some(x) = &r.expect {
        d.set_item(intern!(py, "expect"), s.build(x)?)?;
    }
    d.set_item(intern!(py, "steps"), steps(s, &r.steps)?)?;
    d.set_item(intern!(py, "advisories"), steps(s, &r.advisories)?)?;
    d.set_item(intern!(py, "unused"), texts(s, &r.unused)?)?;
    d.set_item(intern!(py, "notes"), texts(s, &r.notes)?)?;
    if !r.groups.is_empty() {
        d.set_item(intern!(py, "groups"), groups(s, &r.groups)?)?;
    }
    if !r.trace.is_empty() {
        let mut slots = std::mem::take(&mut s.templates.entries);
        if slots.len() < r.trace.len().min(MAX_TEMPLATES) {
            slots.resize_with(r.trace.len().min(MAX_TEMPLATES), || None);
        }
        // Entries past the last template are built without one.
        let mut spare: Option<EntryTemplate>;
        let mut out = Vec::with_capacity(r.trace.len());
        let mut failed = None;
        for (i, e) in r.trace.iter().enumerate() {
            let slot = match slots.get_mut(i) {
                Some(slot) => slot,
                None => {
                    spare = None;
                    &mut spare
                }
            };
            match entry(s, e, slot) {
                Ok(x) => out.push(x),
                Err(err) => {
                    failed = Some(err);
                    break;
                }
            }
        }
        s.templates.entries = slots;
        if let Some(err) = failed {
            return Err(err);
        }
        d.set_item(intern!(py, "trace"), PyList::new(py, out)?)?;
    }
    Ok(d)
}
