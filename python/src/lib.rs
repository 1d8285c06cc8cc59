//! `peacecoop._native`: the Python module's native part.
//!
//! Every result is one of the library's report structs (the same ones the
//! CLI prints with `--format json`), turned into Python objects directly:
//! reports field by field from shared templates (`dicts`), the other
//! results by a serde serializer (`topy`, like `pythonize`); never printed
//! as JSON and parsed back. Scenario dicts become the library's plain
//! values (`peacecoop::InputValue`) and are read by
//! [`peacecoop::RuleSet::scenario_from_value`] (odd values through
//! [`peacecoop::RuleSet::scenario_from_json`]), so the checks and defaults
//! are the library's, in one place.

mod convert;
mod dicts;
mod errors;
mod templates;
mod topy;

use convert::Input;
use errors::{diagnostic_error, scenario_error};
use peacecoop::{Date, Keep, Lang, Scenario, WhatifOptions};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};
use topy::Strings;

/// Reports are built from many small allocations, on every core; mimalloc
/// serves them several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Scenarios converted, evaluated and handed to Python at a time by
/// `evaluate_many`: Rust-side memory stays bounded by a few chunks'
/// reports, and the pipeline fills and drains quickly.
const CHUNK: usize = 2048;

/// The most changes one what-if alternative may make (the CLI's `--max-changes` range).
const MAX_CHANGES: i64 = peacecoop::MAX_CHANGES as i64;

/// The name a scenario read from text without a file goes by in messages.
const NO_FILE: &str = "<string>";

/// The embedded ruleset, loaded once per process.
static EMBEDDED: OnceLock<Arc<peacecoop::RuleSet>> = OnceLock::new();

/// A loaded, checked and compiled ruleset: the front door of peacecoop.
///
/// Read-only and safe to share between threads. Every method that takes a
/// scenario accepts a mapping shaped like a scenario file (``name``,
/// ``date``, ``operation``, ``basis``, ``conflict``, ``consent``, ...) or a
/// :class:`Scenario` read before; every result is the dict the ``peacecoop``
/// command line prints with ``--format json``.
///
/// >>> rules = peacecoop.RuleSet.embedded()
/// >>> r = rules.evaluate({"name": "UNTAC", "date": "1992-09-08", "operation": "un_peacekeeping"})
/// >>> r["law_version"]["id"], r["verdict"]
/// ('1992', 'undetermined')
#[pyclass(frozen, module = "peacecoop", name = "RuleSet")]
struct RuleSet {
    inner: Arc<peacecoop::RuleSet>,
    /// Python strings shared by the results of every call.
    strings: Arc<topy::Cache>,
}

/// A scenario read and checked against a ruleset, ready to evaluate many
/// times (made by :meth:`RuleSet.scenario` and :meth:`RuleSet.parse_yaml`).
///
/// >>> s = rules.scenario({"name": "x", "operation": "un_peacekeeping"})
/// >>> s.name, s.file
/// ('x', None)
#[pyclass(frozen, module = "peacecoop", name = "Scenario")]
pub(crate) struct PyScenario {
    pub(crate) read: Arc<Read>,
    /// The ruleset it was read against.
    pub(crate) rules: Arc<peacecoop::RuleSet>,
}

/// A scenario as read, and whether it came from a file (reports of a
/// scenario read from text without a file name say `"file": null`).
pub(crate) struct Read {
    pub(crate) scenario: Scenario,
    pub(crate) anonymous: bool,
}

/// The options shared by the methods that evaluate: date and readings.
struct Overrides {
    date: Option<Date>,
    readings: Vec<(String, String)>,
}

impl Overrides {
    const NONE: Overrides = Overrides {
        date: None,
        readings: Vec::new(),
    };

    fn read(
        date: Option<&Bound<'_, PyAny>>,
        readings: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Overrides> {
        let date = match date {
            Some(d) if !d.is_none() => Some(convert::date_arg(d)?),
            _ => None,
        };
        let mut pairs = Vec::new();
        if let Some(r) = readings.filter(|r| !r.is_none()) {
            let items = r.call_method0("items").map_err(|_| {
                PyTypeError::new_err("readings must be a mapping of reading ids to option ids")
            })?;
            for item in items.try_iter()? {
                let (k, v): (String, String) = item?.extract().map_err(|_| {
                    PyTypeError::new_err("readings must map reading ids (str) to option ids (str)")
                })?;
                pairs.push((k, v));
            }
        }
        Ok(Overrides {
            date,
            readings: pairs,
        })
    }

    /// Applies the date and readings to `s` (the command line's `--date`, `--reading`).
    fn apply(
        &self,
        rules: &peacecoop::RuleSet,
        s: &mut Scenario,
    ) -> Result<(), peacecoop::Diagnostic> {
        if let Some(d) = self.date {
            rules.set_date(s, d);
        }
        for (id, option) in &self.readings {
            rules.set_reading(s, id, option)?;
        }
        Ok(())
    }

    /// Checks the readings once, before any scenario is read.
    fn check(&self, rules: &peacecoop::RuleSet) -> PyResult<()> {
        for (id, option) in &self.readings {
            let mut probe = rules
                .build_scenario("probe")
                .build()
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            rules
                .set_reading(&mut probe, id, option)
                .map_err(|d| diagnostic_error(&d))?;
        }
        Ok(())
    }

    fn ids(&self) -> Vec<&str> {
        self.readings.iter().map(|(id, _)| id.as_str()).collect()
    }
}

fn lang_arg(lang: &str) -> PyResult<Lang> {
    Lang::parse(lang).ok_or_else(|| {
        PyValueError::new_err(format!("unknown language `{lang}`: use \"en\" or \"ja\""))
    })
}

/// Python's cyclic garbage collector, paused while a batch's dicts are
/// built (they hold no cycles; each collection would walk every object
/// built so far), and resumed when dropped, if it was running.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            return Ok(GcPause { gc: Some(gc) });
        }
        Ok(GcPause { gc: None })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            let _ = gc.call_method0("enable");
        }
    }
}

/// Forgets the placeholder file name of a scenario read from text alone.
fn fix_file(file: &mut Option<String>, anonymous: bool) {
    if anonymous {
        *file = None;
    }
}

/// One chunk's reports (each with whether its scenario has no file), or
/// the first bad scenario (its place in the chunk), and the time taken.
struct Done {
    result: Result<Vec<(peacecoop::report::Report, bool)>, (usize, peacecoop::ScenarioError)>,
    work: Duration,
}

/// A scenario argument read into a scenario (the library's checks), and
/// whether it has no file.
fn read_input(
    rules: &peacecoop::RuleSet,
    input: Input,
) -> Result<(Scenario, bool), peacecoop::ScenarioError> {
    Ok(match input {
        Input::Value(v) => (rules.scenario_from_value(v)?, false),
        Input::Json(j) => (rules.scenario_from_json(&j)?, false),
        Input::Read(r) => (r.scenario.clone(), r.anonymous),
    })
}

/// The report of one scenario: with its trace, or the summary.
fn report_of(
    rules: &peacecoop::RuleSet,
    s: &Scenario,
    lang: Lang,
    trace: bool,
) -> peacecoop::report::Report {
    let e = rules.evaluate(s);
    if trace {
        rules.report(s, &e, lang)
    } else {
        rules.report_summary(s, &e, lang)
    }
}

/// The worker of `evaluate_many`: reads, evaluates and reports each chunk
/// it is sent, on every core, never touching Python.
fn work(
    rules: &peacecoop::RuleSet,
    over: &Overrides,
    lang: Lang,
    trace: bool,
    inbox: &mpsc::Receiver<Vec<Input>>,
    outbox: &mpsc::SyncSender<Done>,
) {
    use rayon::prelude::*;
    for inputs in inbox.iter() {
        let clock = Instant::now();
        let done: Vec<Result<(peacecoop::report::Report, bool), peacecoop::ScenarioError>> = inputs
            .into_par_iter()
            .map(|i| {
                let (mut s, anonymous) = read_input(rules, i)?;
                // The readings were checked before: applying them cannot fail.
                let _ = over.apply(rules, &mut s);
                Ok((report_of(rules, &s, lang, trace), anonymous))
            })
            .collect();
        let mut reports = Vec::with_capacity(done.len());
        let mut bad = None;
        for (i, d) in done.into_iter().enumerate() {
            match d {
                Ok(r) => reports.push(r),
                Err(e) => {
                    bad = Some((i, e));
                    break;
                }
            }
        }
        let stop = bad.is_some();
        let done = Done {
            result: match bad {
                Some(b) => Err(b),
                None => Ok(reports),
            },
            work: clock.elapsed(),
        };
        if outbox.send(done).is_err() || stop {
            return;
        }
    }
}

/// Where `evaluate_many` spends its time.
#[derive(Default)]
struct Timings {
    convert: Duration,
    evaluate: Duration,
    to_python: Duration,
}

impl RuleSet {
    fn new(inner: Arc<peacecoop::RuleSet>) -> RuleSet {
        RuleSet {
            inner,
            strings: Arc::default(),
        }
    }

    /// `value` (a report) as Python objects.
    fn to_py<'py, T: serde::Serialize>(
        &self,
        py: Python<'py>,
        value: &T,
    ) -> PyResult<Bound<'py, PyAny>> {
        Strings::with(py, &self.strings).build(value)
    }

    /// The pipeline of `evaluate_many`, one chunk at a time: values into
    /// JSON (GIL held), JSON into scenarios and scenarios into reports (GIL
    /// released, every core), reports into dicts (GIL held).
    #[allow(clippy::too_many_arguments)]
    fn many<'py>(
        &self,
        py: Python<'py>,
        scenarios: &Bound<'py, PyAny>,
        trace: bool,
        lang: &str,
        date: Option<&Bound<'py, PyAny>>,
        readings: Option<&Bound<'py, PyAny>>,
        t: &mut Timings,
    ) -> PyResult<Bound<'py, PyList>> {
        let lang = lang_arg(lang)?;
        let over = Overrides::read(date, readings)?;
        over.check(&self.inner)?;
        if scenarios.is_instance_of::<PyString>() || scenarios.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err(
                "evaluate_many takes a sequence of scenarios (mappings or Scenario objects); \
                 use evaluate for one",
            ));
        }
        let items: Vec<Bound<'py, PyAny>> = scenarios.try_iter()?.collect::<PyResult<_>>()?;
        let _pause = GcPause::new(py)?;
        let mut strings = Strings::with(py, &self.strings);
        let out = PyList::empty(py);
        let rules = &*self.inner;
        let rules_arc = &self.inner;
        let over = &over;
        let chunks: Vec<&[Bound<'py, PyAny>]> = items.chunks(CHUNK).collect();
        // A pipeline: while this thread (holding the GIL) converts chunk k+1
        // and turns the reports of chunk k into dicts, a worker thread (no
        // GIL) reads, evaluates and reports chunk k+1 on every core, and
        // another frees the reports already turned into dicts.
        let (to_worker, inbox) = mpsc::sync_channel::<Vec<Input>>(1);
        let (outbox, from_worker) = mpsc::sync_channel::<Done>(1);
        let (to_bin, bin) = mpsc::channel::<Vec<(peacecoop::report::Report, bool)>>();
        let from_worker = Mutex::new(from_worker);
        std::thread::scope(|scope| {
            scope.spawn(move || work(rules, over, lang, trace, &inbox, &outbox));
            scope.spawn(move || bin.iter().for_each(drop));
            let mut run = |t: &mut Timings| -> PyResult<()> {
                let convert =
                    |chunk: &[Bound<'py, PyAny>], t: &mut Timings| -> PyResult<Vec<Input>> {
                        let clock = Instant::now();
                        let inputs = chunk
                            .iter()
                            .map(|ob| convert::input(ob, rules_arc))
                            .collect();
                        t.convert += clock.elapsed();
                        inputs
                    };
                // The worker stops at a bad scenario, after handing over
                // its error: a chunk it no longer takes is dropped, and the
                // error is picked up below, in order.
                let send = |inputs: Vec<Input>| {
                    let _ = py.detach(|| to_worker.send(inputs));
                };
                if let Some(first) = chunks.first() {
                    send(convert(first, t)?);
                }
                for c in 0..chunks.len() {
                    if let Some(next) = chunks.get(c + 1) {
                        send(convert(next, t)?);
                    }
                    let done = py
                        .detach(|| from_worker.lock().ok().and_then(|rx| rx.recv().ok()))
                        .ok_or_else(|| {
                            PyValueError::new_err("evaluate_many: the worker thread stopped")
                        })?;
                    let reports = match done.result {
                        Ok(r) => r,
                        Err((i, e)) => return Err(scenario_error(py, &e, Some(c * CHUNK + i))),
                    };
                    t.evaluate += done.work;
                    let clock = Instant::now();
                    for (r, anonymous) in &reports {
                        out.append(dicts::report(&mut strings, r, *anonymous)?)?;
                    }
                    // Freed by the bin's thread, not while holding the GIL.
                    let _ = to_bin.send(reports);
                    t.to_python += clock.elapsed();
                }
                Ok(())
            };
            let result = run(t);
            // Stop the worker whatever happened: it sees no more input, and
            // no one to hand results to.
            drop(to_worker);
            drop(from_worker);
            drop(to_bin);
            result
        })?;
        Ok(out)
    }

    /// A scenario argument (a mapping, or a `Scenario` read by this ruleset)
    /// into a scenario, with `date` and `readings` applied; and whether it
    /// has no file.
    fn scenario_of(&self, ob: &Bound<'_, PyAny>, over: &Overrides) -> PyResult<(Scenario, bool)> {
        over.check(&self.inner)?;
        let (mut s, anonymous) = read_input(&self.inner, convert::input(ob, &self.inner)?)
            .map_err(|e| scenario_error(ob.py(), &e, None))?;
        over.apply(&self.inner, &mut s)
            .map_err(|d| diagnostic_error(&d))?;
        Ok((s, anonymous))
    }

    /// Parses YAML text; without `file`, messages say `<string>`.
    fn parse(&self, py: Python<'_>, text: &str, file: Option<&str>) -> PyResult<Read> {
        let s = self
            .inner
            .parse_scenario(text, file.unwrap_or(NO_FILE))
            .map_err(|e| scenario_error(py, &e, None))?;
        Ok(Read {
            scenario: s,
            anonymous: file.is_none(),
        })
    }

    fn report_dict<'py>(
        &self,
        py: Python<'py>,
        s: &Scenario,
        anonymous: bool,
        lang: Lang,
        trace: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let r = report_of(&self.inner, s, lang, trace);
        let d = dicts::report(&mut Strings::with(py, &self.strings), &r, anonymous)?;
        Ok(d.into_any())
    }
}

#[pymethods]
impl RuleSet {
    /// The ruleset shipped with peacecoop (the PKO Act's rules), embedded in
    /// the module: no files needed. Loaded once per process; later calls
    /// return the same rules.
    ///
    /// >>> rules = peacecoop.RuleSet.embedded()
    /// >>> "ceasefire-agreement" in rules.rule_ids()
    /// True
    #[staticmethod]
    fn embedded(py: Python<'_>) -> PyResult<RuleSet> {
        if let Some(r) = EMBEDDED.get() {
            return Ok(RuleSet::new(r.clone()));
        }
        let loaded = py
            .detach(peacecoop::RuleSet::embedded)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let r = EMBEDDED.get_or_init(|| Arc::new(loaded)).clone();
        Ok(RuleSet::new(r))
    }

    /// A ruleset read from the rule files below ``path`` (every ``*.yaml``
    /// and ``*.yml``, in sorted order), with every check: the CLI's
    /// ``--rules DIR``. Raises ``ValueError`` listing every problem.
    #[staticmethod]
    fn from_dir(py: Python<'_>, path: std::path::PathBuf) -> PyResult<RuleSet> {
        let loaded = py
            .detach(|| peacecoop::RuleSet::from_dir(&path))
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(RuleSet::new(Arc::new(loaded)))
    }

    /// Reads and checks a scenario given as a mapping, once, to evaluate or
    /// analyse it many times. The checks and defaults are those of a YAML
    /// scenario file; ``None`` is an unknown fact; dates may be ``YYYY-MM-DD``
    /// strings or ``datetime.date``. Raises :class:`ScenarioError`.
    ///
    /// >>> s = rules.scenario({"name": "x", "date": "2010-06-01", "operation": "un_peacekeeping"})
    /// >>> rules.evaluate(s)["date"]
    /// '2010-06-01'
    fn scenario(&self, scenario: &Bound<'_, PyAny>) -> PyResult<PyScenario> {
        let (s, anonymous) = self.scenario_of(scenario, &Overrides::NONE)?;
        Ok(PyScenario {
            read: Arc::new(Read {
                scenario: s,
                anonymous,
            }),
            rules: self.inner.clone(),
        })
    }

    /// Reads and checks a scenario given as YAML text (a scenario file's
    /// contents). ``file`` names it in messages and in reports (without it,
    /// messages say ``<string>`` and reports ``"file": None``). Raises
    /// :class:`ScenarioError` with the line and column of each problem.
    ///
    /// >>> s = rules.parse_yaml("name: x\noperation: un_peacekeeping\n", file="x.yaml")
    /// >>> s.file
    /// 'x.yaml'
    #[pyo3(signature = (text, *, file = None))]
    fn parse_yaml(&self, py: Python<'_>, text: &str, file: Option<&str>) -> PyResult<PyScenario> {
        Ok(PyScenario {
            read: Arc::new(self.parse(py, text, file)?),
            rules: self.inner.clone(),
        })
    }

    /// Evaluates one scenario: the dict ``peacecoop evaluate --format json``
    /// prints (same keys, values and order). ``lang`` is ``"en"`` or
    /// ``"ja"``; ``date`` evaluates as of another day (``--date``);
    /// ``readings`` chooses options of contested readings (``--reading``);
    /// ``trace=False`` leaves out ``trace`` and ``groups``.
    ///
    /// >>> r = rules.evaluate({
    /// ...     "name": "UNMISS", "date": "2011-12-20", "operation": "un_peacekeeping",
    /// ...     "basis": {"kind": "un_security_council_resolution"}, "un_command": True,
    /// ...     "conflict": {"occurred": True, "parties_remain": False},
    /// ...     "consent": {"host": "given"}, "impartial": True,
    /// ...     "use_of_force": "self_preservation",
    /// ...     "tasks": ["engineering", "staff_officer", "liaison"], "personnel": 245})
    /// >>> r["verdict"], r["depends_on_readings"]
    /// ('eligible', ['parties-gone-before-2016'])
    /// >>> "trace" in rules.evaluate({"name": "x"}, trace=False)
    /// False
    #[pyo3(signature = (scenario, *, lang = "en", date = None, readings = None, trace = true))]
    fn evaluate<'py>(
        &self,
        py: Python<'py>,
        scenario: &Bound<'py, PyAny>,
        lang: &str,
        date: Option<&Bound<'py, PyAny>>,
        readings: Option<&Bound<'py, PyAny>>,
        trace: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang = lang_arg(lang)?;
        let over = Overrides::read(date, readings)?;
        let (s, anonymous) = self.scenario_of(scenario, &over)?;
        self.report_dict(py, &s, anonymous, lang, trace)
    }

    /// Evaluates a scenario given as YAML text: :meth:`parse_yaml`, then
    /// :meth:`evaluate`. Raises :class:`ScenarioError` with the line and
    /// column of each problem, as the CLI reports them.
    ///
    /// >>> r = rules.evaluate_yaml("name: x\ndate: 1985-01-01\noperation: un_peacekeeping\n")
    /// >>> r["verdict"], r["law_version"]
    /// ('not_eligible', None)
    #[pyo3(signature = (text, *, file = None, lang = "en", date = None, readings = None, trace = true))]
    #[allow(clippy::too_many_arguments)]
    fn evaluate_yaml<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        file: Option<&str>,
        lang: &str,
        date: Option<&Bound<'py, PyAny>>,
        readings: Option<&Bound<'py, PyAny>>,
        trace: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang = lang_arg(lang)?;
        let over = Overrides::read(date, readings)?;
        over.check(&self.inner)?;
        let mut read = self.parse(py, text, file)?;
        over.apply(&self.inner, &mut read.scenario)
            .map_err(|d| diagnostic_error(&d))?;
        self.report_dict(py, &read.scenario, read.anonymous, lang, trace)
    }

    /// Evaluates many scenarios (mappings or :class:`Scenario` objects):
    /// a list of dicts, in input order. Reading and evaluating run on every
    /// core without holding the GIL; ``trace=False`` leaves out ``trace``
    /// and ``groups`` (the fast path for sweeps). A bad scenario raises
    /// :class:`ScenarioError` with its place in ``index``.
    ///
    /// >>> base = {"name": "x", "operation": "un_peacekeeping"}
    /// >>> rs = rules.evaluate_many([{**base, "date": d} for d in ("1991-01-01", "1993-01-01")], trace=False)
    /// >>> [(r["date"], r["verdict"]) for r in rs]
    /// [('1991-01-01', 'not_eligible'), ('1993-01-01', 'undetermined')]
    #[pyo3(signature = (scenarios, *, trace = true, lang = "en", date = None, readings = None))]
    fn evaluate_many<'py>(
        &self,
        py: Python<'py>,
        scenarios: &Bound<'py, PyAny>,
        trace: bool,
        lang: &str,
        date: Option<&Bound<'py, PyAny>>,
        readings: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut t = Timings::default();
        self.many(py, scenarios, trace, lang, date, readings, &mut t)
    }

    /// `evaluate_many`, and the seconds spent in each of its phases (for
    /// `bench.py`): `convert` (Python values to plain Rust values, holding
    /// the GIL), `evaluate` (reading the scenarios, evaluating and
    /// reporting, on every core without the GIL) and `to_python` (reports
    /// to dicts, holding the GIL).
    #[pyo3(signature = (scenarios, *, trace = true, lang = "en", date = None, readings = None))]
    fn _evaluate_many_timed<'py>(
        &self,
        py: Python<'py>,
        scenarios: &Bound<'py, PyAny>,
        trace: bool,
        lang: &str,
        date: Option<&Bound<'py, PyAny>>,
        readings: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyDict>)> {
        let mut t = Timings::default();
        let out = self.many(py, scenarios, trace, lang, date, readings, &mut t)?;
        let d = PyDict::new(py);
        d.set_item("convert", t.convert.as_secs_f64())?;
        d.set_item("evaluate", t.evaluate.as_secs_f64())?;
        d.set_item("to_python", t.to_python.as_secs_f64())?;
        Ok((out, d))
    }

    /// The smallest sets of fact changes that would make the scenario
    /// eligible: the dict ``peacecoop whatif --format json`` prints.
    ///
    /// ``keep=None`` keeps the facts that say what the mission is (its kind
    /// of operation, what it supports, its date); ``keep=[]`` lets every
    /// fact change; a list of dotted fact names keeps those and no others.
    /// ``max_changes`` is 1 to 8.
    ///
    /// >>> w = rules.whatif({
    /// ...     "name": "x", "date": "2005-01-01", "operation": "un_peacekeeping",
    /// ...     "basis": {"kind": "un_security_council_resolution"}, "un_command": True,
    /// ...     "conflict": {"occurred": True, "ceasefire": "none"},
    /// ...     "consent": {"host": "given", "parties": "given"}, "impartial": True,
    /// ...     "use_of_force": "self_preservation", "tasks": ["engineering"], "personnel": 100})
    /// >>> [[(c["fact"], c["to"]) for c in a["changes"]] for a in w["alternatives"]]
    /// [[('conflict.occurred', False)], [('conflict.parties_remain', False)], [('conflict.ceasefire', 'agreed')]]
    #[pyo3(signature = (scenario, *, max_changes = 3, keep = None, lang = "en", date = None, readings = None))]
    #[allow(clippy::too_many_arguments)]
    fn whatif<'py>(
        &self,
        py: Python<'py>,
        scenario: &Bound<'py, PyAny>,
        max_changes: i64,
        keep: Option<&Bound<'py, PyAny>>,
        lang: &str,
        date: Option<&Bound<'py, PyAny>>,
        readings: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang = lang_arg(lang)?;
        if !(1..=MAX_CHANGES).contains(&max_changes) {
            return Err(PyValueError::new_err(format!(
                "max_changes must be between 1 and {MAX_CHANGES}, not {max_changes}"
            )));
        }
        let keep = match keep.filter(|k| !k.is_none()) {
            None => Keep::Frame,
            Some(k) => {
                if k.is_instance_of::<PyString>() {
                    return Err(PyTypeError::new_err(
                        "keep takes a list of dotted fact names (or [] to free every fact, None for the default)",
                    ));
                }
                let names: Vec<String> = k
                    .extract()
                    .map_err(|_| PyTypeError::new_err("keep takes a list of dotted fact names"))?;
                if names.is_empty() {
                    Keep::Nothing
                } else {
                    Keep::Facts(names)
                }
            }
        };
        let over = Overrides::read(date, readings)?;
        let (s, anonymous) = self.scenario_of(scenario, &over)?;
        let opts = WhatifOptions::new(max_changes as usize, keep);
        let mut w = py
            .detach(|| self.inner.whatif(&s, &opts, lang))
            .map_err(|d| diagnostic_error(&d))?;
        fix_file(&mut w.scenario.file, anonymous);
        self.to_py(py, &w)
    }

    /// The scenario's verdict under every law version, each evaluated as of
    /// its first day: the dict ``peacecoop history --format json`` prints.
    ///
    /// >>> h = rules.history({"name": "x", "operation": "un_peacekeeping"})
    /// >>> [v["law_version"]["id"] for v in h["versions"]]
    /// ['1992', '1998', '2001', '2016']
    #[pyo3(signature = (scenario, *, lang = "en", readings = None))]
    fn history<'py>(
        &self,
        py: Python<'py>,
        scenario: &Bound<'py, PyAny>,
        lang: &str,
        readings: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang = lang_arg(lang)?;
        let over = Overrides::read(None, readings)?;
        let (s, anonymous) = self.scenario_of(scenario, &over)?;
        let mut h = py.detach(|| self.inner.history(&s, lang));
        fix_file(&mut h.scenario.file, anonymous);
        self.to_py(py, &h)
    }

    /// The verdict under every combination of the readings of contested
    /// points that the scenario's rules consult: the dict ``peacecoop
    /// readings SCENARIO --format json`` prints. Readings chosen in
    /// ``readings`` are fixed (left out of the combinations).
    ///
    /// >>> r = rules.readings({"name": "x", "date": "1985-01-01", "operation": "un_peacekeeping"})
    /// >>> r["robust"], r["verdict"]
    /// (True, 'not_eligible')
    #[pyo3(signature = (scenario, *, lang = "en", readings = None))]
    fn readings<'py>(
        &self,
        py: Python<'py>,
        scenario: &Bound<'py, PyAny>,
        lang: &str,
        readings: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let lang = lang_arg(lang)?;
        let over = Overrides::read(None, readings)?;
        let (s, anonymous) = self.scenario_of(scenario, &over)?;
        let fixed = over.ids();
        let mut r = py
            .detach(|| self.inner.readings_report(&s, &fixed, lang))
            .map_err(|d| diagnostic_error(&d))?;
        fix_file(&mut r.scenario.file, anonymous);
        self.to_py(py, &r)
    }

    /// The readings of contested points (question, options, default, the
    /// rules that consult each): ``peacecoop readings --format json``.
    ///
    /// >>> [r["default"] for r in rules.list_readings() if r["id"] == "parties-presumed"]
    /// ['remain']
    #[pyo3(signature = (*, lang = "en"))]
    fn list_readings<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        self.to_py(py, &self.inner.readings(lang_arg(lang)?))
    }

    /// The facts a scenario may state, in declaration order: name, type,
    /// description, values, bounds, default and side (for forms and editors).
    ///
    /// >>> [f["type"] for f in rules.facts() if f["name"] == "personnel"]
    /// ['int']
    #[pyo3(signature = (*, lang = "en"))]
    fn facts<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        self.to_py(py, &self.inner.facts(lang_arg(lang)?))
    }

    /// The ids of the rules, in ruleset order (the order of a trace).
    ///
    /// >>> rules.rule_ids() == [e["rule"] for e in rules.evaluate({"name": "x"})["trace"]]
    /// True
    fn rule_ids(&self) -> Vec<String> {
        self.inner.rule_ids().map(str::to_owned).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "<peacecoop.RuleSet with {} rules>",
            self.inner.rule_ids().count()
        )
    }
}

#[pymethods]
impl PyScenario {
    /// The scenario's name (in English, or as written).
    #[getter]
    fn name(&self) -> &str {
        self.read.scenario.name()
    }

    /// The file it was read from, as given (``None`` for a mapping or text without a file).
    #[getter]
    fn file(&self) -> Option<&str> {
        if self.read.anonymous {
            None
        } else {
            self.read.scenario.file()
        }
    }

    fn __repr__(&self) -> String {
        format!("<peacecoop.Scenario {:?}>", self.read.scenario.name())
    }
}

/// The native part of the `peacecoop` package.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<RuleSet>()?;
    m.add_class::<PyScenario>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
