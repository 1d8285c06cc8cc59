// window.peacecoop: the peacecoop library (WebAssembly, see engine-wasm.js) as the page and
// other JavaScript see it. Synchronous calls; objects in, objects out (the CLI's JSON shapes);
// a bad scenario throws an Error whose message is the CLI's (line, column, source line,
// carets, help), with .line and .column (null when there is no position). See web/README.md.
(function (global) {
  "use strict";
  var w = null;
  function wasm() {
    if (!w) throw new Error("the peacecoop engine is not loaded yet: wait for peacecoopWasmReady");
    return w;
  }
  function opts(o) { return JSON.stringify(o || {}); }
  function text(t) {
    if (typeof t !== "string") throw new TypeError("a scenario is YAML text (a string)");
    return t;
  }
  var api = {
    engine: "wasm",
    version: function () { return wasm().version(); },
    facts: function (lang) { return JSON.parse(wasm().facts(lang || "en")); },
    readingsList: function (lang) { return JSON.parse(wasm().readingsList(lang || "en")); },
    sources: function (lang) { return JSON.parse(wasm().sources(lang || "en")); },
    scenarios: function (lang) { return JSON.parse(wasm().scenarios(lang || "en")); },
    parse: function (yaml, o) { return JSON.parse(wasm().parse(text(yaml), opts(o))); },
    toYaml: function (scenario) { return wasm().toYaml(JSON.stringify(scenario || {})); },
    render: function (yaml, o) { return JSON.parse(wasm().render(text(yaml), opts(o))); },
    evaluate: function (yaml, o) { return JSON.parse(wasm().evaluate(text(yaml), opts(o))); },
    whatif: function (yaml, o) { return JSON.parse(wasm().whatif(text(yaml), opts(o))); },
    history: function (yaml, o) { return JSON.parse(wasm().history(text(yaml), opts(o))); },
    matrix: function (yaml, o) { return JSON.parse(wasm().matrix(text(yaml), opts(o))); },
    readings: function (yaml, o) { return JSON.parse(wasm().readings(text(yaml), opts(o))); },
    explain: function (rule, o) { return JSON.parse(wasm().explain(String(rule), opts(o))); }
  };
  global.peacecoop = api;
  if (global.peacecoopWasmSync) w = global.wasm_bindgen;
  // Resolves to window.peacecoop once the engine can answer (at once when the bytes were
  // compiled synchronously).
  global.peacecoopReady = (global.peacecoopWasmReady || Promise.reject(new Error("engine-wasm.js did not load")))
    .then(function (bindings) { w = bindings; return api; });
})(this);
