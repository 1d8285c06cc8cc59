//! The peacecoop library in the browser: the functions the playground page
//! (`web/static/`) calls through `window.peacecoop` (see `web/README.md`),
//! compiled to WebAssembly with wasm-bindgen.
//!
//! Every call takes and returns text: scenario YAML and options as JSON in,
//! JSON out (the CLI's shapes); the page's adapter parses it. A problem is
//! thrown as a JavaScript `Error` whose `message` is the CLI's, with `line`
//! and `column` (or `null`).

#![forbid(unsafe_code)]

pub mod api;
mod yaml_out;

use api::Failure;
use wasm_bindgen::prelude::*;

/// A failure as a JavaScript `Error` with `line` and `column`.
fn thrown(f: Failure) -> JsValue {
    let e = js_sys::Error::new(&f.message);
    let at = |n: Option<u32>| n.map_or(JsValue::NULL, JsValue::from);
    let _ = js_sys::Reflect::set(&e, &"line".into(), &at(f.line));
    let _ = js_sys::Reflect::set(&e, &"column".into(), &at(f.column));
    e.into()
}

fn out(r: Result<String, Failure>) -> Result<String, JsValue> {
    r.map_err(thrown)
}

/// The library's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The facts a scenario may state (JSON list), descriptions in `lang`.
#[wasm_bindgen]
pub fn facts(lang: &str) -> Result<String, JsValue> {
    out(api::facts(lang))
}

/// The readings of contested points (JSON list).
#[wasm_bindgen(js_name = readingsList)]
pub fn readings_list(lang: &str) -> Result<String, JsValue> {
    out(api::readings_list(lang))
}

/// Every source the rules rely on (JSON list of `{id, title, url, kind, note}`).
#[wasm_bindgen]
pub fn sources(lang: &str) -> Result<String, JsValue> {
    out(api::sources(lang))
}

/// Every shipped scenario (JSON list of `{file, name, yaml}`).
#[wasm_bindgen]
pub fn scenarios(lang: &str) -> Result<String, JsValue> {
    out(api::scenarios(lang))
}

/// A scenario as the form sees it (JSON); problems in the options' `lang`.
#[wasm_bindgen]
pub fn parse(yaml: &str, opts: &str) -> Result<String, JsValue> {
    out(api::parse(yaml, opts))
}

/// YAML for the form's scenario (JSON in).
#[wasm_bindgen(js_name = toYaml)]
pub fn to_yaml(json: &str) -> Result<String, JsValue> {
    out(api::to_yaml(json))
}

/// The report (`evaluate --format json`).
#[wasm_bindgen]
pub fn evaluate(yaml: &str, opts: &str) -> Result<String, JsValue> {
    out(api::evaluate(yaml, opts))
}

/// The report and the page's HTML fragments.
#[wasm_bindgen]
pub fn render(yaml: &str, opts: &str) -> Result<String, JsValue> {
    out(api::render(yaml, opts))
}

/// `whatif --format json`.
#[wasm_bindgen]
pub fn whatif(yaml: &str, opts: &str) -> Result<String, JsValue> {
    out(api::whatif(yaml, opts))
}

/// `history --format json`.
#[wasm_bindgen]
pub fn history(yaml: &str, opts: &str) -> Result<String, JsValue> {
    out(api::history(yaml, opts))
}

/// `matrix --format json`.
#[wasm_bindgen]
pub fn matrix(yaml: &str, opts: &str) -> Result<String, JsValue> {
    out(api::matrix(yaml, opts))
}

/// `readings --format json` for the scenario.
#[wasm_bindgen]
pub fn readings(yaml: &str, opts: &str) -> Result<String, JsValue> {
    out(api::readings(yaml, opts))
}

/// One rule in full (`explain --format json`).
#[wasm_bindgen]
pub fn explain(rule: &str, opts: &str) -> Result<String, JsValue> {
    out(api::explain(rule, opts))
}
