//! The library's errors as Python exceptions: `peacecoop.ScenarioError`
//! (a `ValueError`, defined in `peacecoop/_errors.py`) for a scenario that
//! cannot be read, `ValueError` for a bad option.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

fn scenario_error_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    TYPE.import(py, "peacecoop._errors", "ScenarioError")
}

/// `None` for an unknown line or column.
fn position(d: &peacecoop::Diagnostic) -> (Option<u32>, Option<u32>) {
    (d.line(), d.column())
}

/// A `ScenarioError` carrying every problem; `index` is the scenario's
/// place in an `evaluate_many` batch.
pub(crate) fn scenario_error(
    py: Python<'_>,
    e: &peacecoop::ScenarioError,
    index: Option<usize>,
) -> PyErr {
    match build(py, e, index) {
        Ok(err) => err,
        Err(err) => err,
    }
}

fn build(py: Python<'_>, e: &peacecoop::ScenarioError, index: Option<usize>) -> PyResult<PyErr> {
    let problems = PyList::empty(py);
    for d in &e.problems {
        let p = PyDict::new(py);
        let (line, column) = position(d);
        p.set_item("message", &d.message)?;
        p.set_item("help", d.help.as_deref())?;
        p.set_item("line", line)?;
        p.set_item("column", column)?;
        p.set_item("code", d.code.as_str())?;
        p.set_item("file", &d.location.file)?;
        problems.append(p)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("file", &e.file)?;
    kwargs.set_item("problems", problems)?;
    kwargs.set_item("more", e.more)?;
    kwargs.set_item("index", index)?;
    let text = match index {
        Some(i) => format!("scenario {i}: {e}"),
        None => e.to_string(),
    };
    let instance = scenario_error_type(py)?.call((text,), Some(&kwargs))?;
    Ok(PyErr::from_value(instance))
}

/// A problem with an option (a reading, a fact to keep) as a `ValueError`:
/// the message, then the help line, as the CLI prints them.
pub(crate) fn diagnostic_error(d: &peacecoop::Diagnostic) -> PyErr {
    let mut text = d.message.clone();
    if let Some(h) = &d.help {
        text.push_str("\n  help: ");
        text.push_str(h);
    }
    PyValueError::new_err(text)
}
