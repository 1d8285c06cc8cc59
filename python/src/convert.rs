//! Python values into the JSON shape the library reads scenarios from.
//!
//! Only the shape is translated here (dicts, lists, strings, numbers,
//! booleans, `None`, and dates as `YYYY-MM-DD`); every check of the
//! scenario itself is the library's (`RuleSet::scenario_from_json`).

use crate::{PyScenario, Read};
use peacecoop::{Date, InputValue};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value as J};
use std::sync::Arc;

/// Nesting deeper than this is no scenario (a scenario nests three levels).
const MAX_DEPTH: usize = 64;

/// A scenario argument: a mapping to read (as plain values, or as JSON
/// when it holds something only the JSON route reads the same way), or a
/// scenario already read.
pub(crate) enum Input {
    Value(InputValue),
    Json(J),
    Read(Arc<Read>),
}

/// A scenario argument: a `Scenario` read by `rules`, or a mapping.
pub(crate) fn input(ob: &Bound<'_, PyAny>, rules: &Arc<peacecoop::RuleSet>) -> PyResult<Input> {
    if let Ok(s) = ob.cast::<PyScenario>() {
        let s = s.get();
        if !Arc::ptr_eq(&s.rules, rules) {
            return Err(PyValueError::new_err(
                "this Scenario was read by another RuleSet; read it again with this one",
            ));
        }
        return Ok(Input::Read(s.read.clone()));
    }
    if ob.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "a scenario is a mapping (dict) or a Scenario; for YAML text use evaluate_yaml or parse_yaml",
        ));
    }
    if let Some(v) = plain(ob, 0) {
        return Ok(Input::Value(v));
    }
    Ok(Input::Json(to_json(ob)?))
}

/// The fast route: a scenario made of dicts, lists, tuples, strings,
/// booleans, integers within `i64`, `None` and dates, as plain values
/// (strings copied once, nothing else built). `None` for anything else
/// (floats, huge integers, other mappings and types, non-string keys,
/// deep nesting): those take the JSON route, which reads them, or says
/// what is wrong, exactly as before.
fn plain(ob: &Bound<'_, PyAny>, depth: usize) -> Option<InputValue> {
    if depth > MAX_DEPTH {
        return None;
    }
    if let Ok(t) = ob.cast::<PyString>() {
        return t.to_str().ok().map(|t| InputValue::Text(t.to_owned()));
    }
    if let Ok(d) = ob.cast::<PyDict>() {
        let mut m = Vec::with_capacity(d.len());
        for (k, v) in d.iter() {
            let k = k.cast::<PyString>().ok()?.to_str().ok()?.to_owned();
            m.push((k, plain(&v, depth + 1)?));
        }
        return Some(InputValue::Map(m));
    }
    if ob.is_none() {
        return Some(InputValue::Null);
    }
    if let Ok(b) = ob.cast::<PyBool>() {
        return Some(InputValue::Bool(b.is_true()));
    }
    if ob.is_exact_instance_of::<PyInt>() {
        return ob.extract::<i64>().ok().map(InputValue::Int);
    }
    if let Ok(l) = ob.cast::<PyList>() {
        return l
            .iter()
            .map(|v| plain(&v, depth + 1))
            .collect::<Option<Vec<_>>>()
            .map(InputValue::List);
    }
    if let Ok(t) = ob.cast::<PyTuple>() {
        return t
            .iter()
            .map(|v| plain(&v, depth + 1))
            .collect::<Option<Vec<_>>>()
            .map(InputValue::List);
    }
    if ob.is_instance(date_type(ob.py()).ok()?).ok()? {
        return iso_date(ob).ok().map(InputValue::Text);
    }
    None
}

/// Why a value could not be translated, and where (path segments, innermost first).
enum Problem {
    Py(PyErr),
    Type(String),
    NotFinite,
    Key(String),
    TooDeep,
}

/// A Python value as JSON, or a `TypeError`/`ValueError` naming where it failed.
pub(crate) fn to_json(ob: &Bound<'_, PyAny>) -> PyResult<J> {
    let mut path = Vec::new();
    value(ob, 0, &mut path).map_err(|p| {
        path.reverse();
        let at = if path.is_empty() {
            String::new()
        } else {
            format!(" at `{}`", path.join(""))
        };
        match p {
            Problem::Py(e) => e,
            Problem::Type(t) => PyTypeError::new_err(format!(
                "a scenario value cannot be a {t}{at}: use dict, list, str, int, float, bool, None or datetime.date"
            )),
            Problem::NotFinite => {
                PyValueError::new_err(format!("a scenario number must be finite{at}"))
            }
            Problem::Key(t) => PyTypeError::new_err(format!(
                "scenario keys are strings, found a {t}{at}"
            )),
            Problem::TooDeep => PyValueError::new_err(format!(
                "the scenario is nested more than {MAX_DEPTH} levels deep{at}"
            )),
        }
    })
}

fn type_name(ob: &Bound<'_, PyAny>) -> String {
    ob.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "value".into())
}

fn date_type<'py>(py: Python<'py>) -> PyResult<&'py Bound<'py, PyType>> {
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DATE.import(py, "datetime", "date")
}

fn mapping_type<'py>(py: Python<'py>) -> PyResult<&'py Bound<'py, PyType>> {
    static MAPPING: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    MAPPING.import(py, "collections.abc", "Mapping")
}

/// A `datetime.date` (or `datetime`, or pandas `Timestamp`) as `YYYY-MM-DD`.
fn iso_date(ob: &Bound<'_, PyAny>) -> PyResult<String> {
    let y: i32 = ob.getattr("year")?.extract()?;
    let m: u32 = ob.getattr("month")?.extract()?;
    let d: u32 = ob.getattr("day")?.extract()?;
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

fn key_of(k: &Bound<'_, PyAny>) -> Result<String, Problem> {
    match k.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow().map_err(Problem::Py)?.into_owned()),
        Err(_) => Err(Problem::Key(type_name(k))),
    }
}

fn value(ob: &Bound<'_, PyAny>, depth: usize, path: &mut Vec<String>) -> Result<J, Problem> {
    if depth > MAX_DEPTH {
        return Err(Problem::TooDeep);
    }
    let py = ob.py();
    if ob.is_none() {
        return Ok(J::Null);
    }
    if let Ok(s) = ob.cast::<PyString>() {
        return Ok(J::String(s.to_cow().map_err(Problem::Py)?.into_owned()));
    }
    if let Ok(b) = ob.cast::<PyBool>() {
        return Ok(J::Bool(b.is_true()));
    }
    if let Ok(i) = ob.cast::<PyInt>() {
        if let Ok(v) = i.extract::<i64>() {
            return Ok(J::Number(v.into()));
        }
        if let Ok(v) = i.extract::<u64>() {
            return Ok(J::Number(v.into()));
        }
        // Out of every integer range: let the library say so, as a number.
        let f: f64 = i.extract().map_err(Problem::Py)?;
        return Number::from_f64(f).map(J::Number).ok_or(Problem::NotFinite);
    }
    if let Ok(f) = ob.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(J::Number)
            .ok_or(Problem::NotFinite);
    }
    if let Ok(d) = ob.cast::<PyDict>() {
        let mut m = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let k = key_of(&k)?;
            match value(&v, depth + 1, path) {
                Ok(v) => {
                    m.insert(k, v);
                }
                Err(e) => {
                    path.push(if depth == 0 { k } else { format!(".{k}") });
                    return Err(e);
                }
            }
        }
        return Ok(J::Object(m));
    }
    if let Ok(l) = ob.cast::<PyList>() {
        return items(l.iter(), l.len(), depth, path);
    }
    if let Ok(t) = ob.cast::<PyTuple>() {
        return items(t.iter(), t.len(), depth, path);
    }
    if ob
        .is_instance(date_type(py).map_err(Problem::Py)?)
        .map_err(Problem::Py)?
    {
        return iso_date(ob).map(J::String).map_err(Problem::Py);
    }
    if ob
        .is_instance(mapping_type(py).map_err(Problem::Py)?)
        .map_err(Problem::Py)?
    {
        let mut m = Map::new();
        let pairs = ob.call_method0("items").map_err(Problem::Py)?;
        for pair in pairs.try_iter().map_err(Problem::Py)? {
            let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
                pair.and_then(|p| p.extract()).map_err(Problem::Py)?;
            let k = key_of(&k)?;
            match value(&v, depth + 1, path) {
                Ok(v) => {
                    m.insert(k, v);
                }
                Err(e) => {
                    path.push(if depth == 0 { k } else { format!(".{k}") });
                    return Err(e);
                }
            }
        }
        return Ok(J::Object(m));
    }
    // Integers of other kinds (numpy's) that say they are integers.
    if ob.hasattr("__index__").map_err(Problem::Py)?
        && let Ok(v) = ob.extract::<i64>()
    {
        return Ok(J::Number(v.into()));
    }
    Err(Problem::Type(type_name(ob)))
}

fn items<'py>(
    it: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    depth: usize,
    path: &mut Vec<String>,
) -> Result<J, Problem> {
    let mut out = Vec::with_capacity(len);
    for (n, v) in it.enumerate() {
        match value(&v, depth + 1, path) {
            Ok(v) => out.push(v),
            Err(e) => {
                path.push(format!("[{n}]"));
                return Err(e);
            }
        }
    }
    Ok(J::Array(out))
}

/// A `date=` argument: `YYYY-MM-DD` text or a `datetime.date`.
pub(crate) fn date_arg(ob: &Bound<'_, PyAny>) -> PyResult<Date> {
    let text = if let Ok(s) = ob.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if ob.is_instance(date_type(ob.py())?)? {
        iso_date(ob)?
    } else {
        return Err(PyTypeError::new_err(format!(
            "date must be a YYYY-MM-DD string or a datetime.date, not {}",
            type_name(ob)
        )));
    };
    text.parse::<Date>()
        .map_err(|e| PyValueError::new_err(format!("invalid date `{text}`: {e}")))
}
