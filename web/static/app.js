// The playground page. It talks to the engine only through `window.peacecoop` (engine.js: the
// peacecoop library compiled to WebAssembly; see web/README.md, "The JavaScript API").
(function () {
  "use strict";
  var pc = null;      // window.peacecoop, once the engine has loaded
  var $ = function (id) { return document.getElementById(id); };
  var state = {
    lang: "en",
    yaml: "",
    parsed: null,      // the last scenario that parsed: {name, facts, readings, expect?}
    report: null,
    source: null,      // "form" | "yaml" | null: where the last edit came from
    timings: []        // ms of each evaluate+redraw, newest last
  };
  var facts = {}, readingsList = {}, scenarioNames = {}, scenarios = [], sources = {};
  function loadCatalogue(lang) {
    if (facts[lang]) return;
    facts[lang] = pc.facts(lang);
    readingsList[lang] = pc.readingsList(lang);
    var src = {};
    pc.sources(lang).forEach(function (s) { src[s.id] = s; });
    sources[lang] = src;
    var names = {};
    pc.scenarios(lang).forEach(function (s) { names[s.file] = s.name; });
    scenarioNames[lang] = names;
  }
  var T = function (k) { return PC_I18N[state.lang][k]; };
  var fmt = function (s, o) { return s.replace(/\{(\w+)\}/g, function (_, k) { return o[k]; }); };
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "html") e.innerHTML = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (kids || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  // Descriptions mark names and values with backticks, as the CLI's help does: in the page they
  // become <code> (prose) or, inside an <option>, plain text (plain).
  // They cite sources as `[id]` (rules/sources.yaml), which the CLI prints as written and
  // `peacecoop sources` lists: in the page each becomes a numbered reference, "[1]" as in the
  // trace, to a note under the text with the source's title and address (refList).
  var SOURCE_REF = /\[([A-Za-z0-9][A-Za-z0-9_.-]*)\]/g;
  function sourceOf(id) { return (sources[state.lang] || {})[id] || null; }
  // The sources a text cites, in order of first mention.
  function cited(text) {
    var ids = [];
    String(text || "").replace(SOURCE_REF, function (m, id) {
      if (sourceOf(id) && ids.indexOf(id) < 0) ids.push(id);
      return m;
    });
    return ids;
  }
  // `ref` names the note (refList with the same `ref`) the references point to; without it,
  // references stay as written.
  function prose(text, ref) {
    var ids = ref ? cited(text) : [], out = [];
    String(text || "").split("`").forEach(function (part, i) {
      if (i % 2) { out.push(el("code", { text: part })); return; }
      var last = 0, open = null;   // open: the "[…]" just written, which a next reference joins
      part.replace(SOURCE_REF, function (m, id, at) {
        var n = ids.indexOf(id) + 1;
        if (!n) return m;
        var gap = part.slice(last, at), s = sourceOf(id);
        var a = el("a", { class: "src-ref", href: "#" + ref + "-" + n, title: s.title, "data-source": id, text: String(n) });
        if (open && !gap.trim()) {   // "[a] [b]" reads "[1, 2]", as the trace writes them
          open.insertBefore(document.createTextNode(", "), open.lastChild);
          open.insertBefore(a, open.lastChild);
        } else {
          if (gap) out.push(document.createTextNode(gap));
          out.push(open = el("span", { class: "refs" }, ["[", a, "]"]));
        }
        last = at + m.length;
        return m;
      });
      if (last < part.length) out.push(document.createTextNode(part.slice(last)));
    });
    return out;
  }
  // The note under a text: each source it cites, numbered, with title and address (a link).
  function refList(text, ref) {
    var ids = cited(text);
    if (!ids.length) return null;
    return el("ol", { class: "src-refs" }, ids.map(function (id, k) {
      var s = sourceOf(id);
      return el("li", { id: ref + "-" + (k + 1), "data-source": id }, [
        el("code", { class: "id", text: id }), " — ", s.title,
        s.url ? " " : null,
        s.url ? el("a", { class: "url", href: s.url, target: "_blank", rel: "noopener noreferrer", text: s.url }) : null]);
    }));
  }
  // Inside an <option>: no markup, and the references left out (the text under the select
  // shows them).
  function plain(text) {
    return String(text || "").replace(/`/g, "").replace(/\s*\[([A-Za-z0-9][A-Za-z0-9_.-]*)\]/g, function (m, id) { return sourceOf(id) ? "" : m; });
  }

  // ---------------------------------------------------------------- static words
  function applyWords() {
    document.documentElement.lang = state.lang;
    document.title = T("title");
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (n) { n.textContent = T(n.getAttribute("data-i18n")); });
    $("lang-en").setAttribute("aria-pressed", state.lang === "en");
    $("lang-ja").setAttribute("aria-pressed", state.lang === "ja");
    var sel = $("scenario"), cur = sel.value;
    sel.innerHTML = "";
    sel.appendChild(el("option", { value: "", text: T("blank") }));
    scenarios.forEach(function (s) { sel.appendChild(el("option", { value: s.file, text: scenarioNames[state.lang][s.file] || s.name })); });
    sel.value = cur;
    $("reset").title = T("resetHelp");
    $("engine-info").textContent = fmt(T("engineInfo"), { v: pc.version() });
  }

  // ---------------------------------------------------------------- the form
  function labelOfValue(f, v) {
    var d = null;
    (f.values || []).forEach(function (x) { if (x.name === v) d = x.description; });
    return d;
  }
  function buildForm() {
    var form = $("facts-form"), fs = facts[state.lang];
    form.innerHTML = "";
    var nameId = "f-name";
    form.appendChild(el("div", { class: "field" }, [
      el("label", { for: nameId }, [el("span", { class: "fname", text: T("name") }), " ", el("code", { text: "name" })]),
      el("input", { id: nameId, type: "text", "data-fact": "name", "aria-describedby": nameId + "-d" }),
      el("p", { class: "desc", id: nameId + "-d", text: T("nameHelp") })
    ]));
    var groupBox = null, groupName = null;
    fs.forEach(function (f) {
      var parts = f.name.split("."), parent = form;
      if (parts.length === 2) {
        if (groupName !== parts[0]) {
          groupName = parts[0];
          groupBox = el("fieldset", { class: "group" }, [el("legend", {}, [(T("group")[groupName] || groupName) + " ", el("code", { text: groupName })])]);
          form.appendChild(groupBox);
        }
        parent = groupBox;
      } else groupName = null;
      parent.appendChild(fieldFor(f));
    });
    var rl = readingsList[state.lang];
    if (rl.length) {
      var rbox = el("fieldset", { class: "group readings" }, [el("legend", {}, [T("group").readings + " ", el("code", { text: "readings" })])]);
      rl.forEach(function (r) {
        var id = "r-" + r.id, sel = el("select", { id: id, "data-reading": r.id, "aria-describedby": id + "-d" });
        r.options.forEach(function (o) {
          sel.appendChild(el("option", { value: o.id === r.default ? "" : o.id, text: o.id + " — " + plain(o.text) + (o.id === r.default ? " (" + T("readingDefault") + ")" : "") }));
        });
        rbox.appendChild(el("div", { class: "field" }, [
          el("label", { for: id }, [el("code", { text: r.id })]), sel, el("p", { class: "desc", id: id + "-d" }, prose(r.question)),
          el("div", { class: "option-text", id: id + "-o", "aria-live": "polite" })]));
      });
      form.appendChild(rbox);
      Array.prototype.forEach.call(rbox.querySelectorAll("select[data-reading]"), showOption);
    }
    if (state.parsed) fillForm(state.parsed);
  }
  function fieldFor(f) {
    var id = "f-" + f.name.replace(/\./g, "-"), ctl, short = f.name.split(".").pop();
    var unknownText = f.default !== undefined && f.default !== null && f.default !== "today" ? fmt(T("notSet"), { d: valueText(f.default) }) : T("unknown");
    if (f.type === "enum" || f.type === "bool") {
      ctl = el("select", { id: id, "data-fact": f.name });
      ctl.appendChild(el("option", { value: "", text: unknownText }));
      var vals = f.type === "bool" ? [{ name: "true", description: null }, { name: "false", description: null }] : f.values;
      vals.forEach(function (v) {
        var t = f.type === "bool" ? (v.name === "true" ? T("yes") : T("no")) : v.name + " — " + plain(v.description);
        ctl.appendChild(el("option", { value: v.name, text: t }));
      });
    } else if (f.type === "list") {
      ctl = el("div", { class: "checks", id: id, role: "group", "aria-labelledby": id + "-l" });
      f.values.forEach(function (v) {
        var cid = id + "-" + v.name;
        ctl.appendChild(el("label", { class: "check", for: cid }, [
          el("input", { type: "checkbox", id: cid, "data-fact": f.name, "data-item": v.name }),
          el("span", {}, [el("code", { text: v.name }), " ", el("span", {}, prose(v.description))])]));
      });
      var uid = id + "--unknown";
      ctl.appendChild(el("label", { class: "check unknown", for: uid }, [
        el("input", { type: "checkbox", id: uid, "data-fact": f.name, "data-unknown": "1" }), " ", el("span", { text: T("unknown") })]));
    } else if (f.type === "int") {
      ctl = el("input", { id: id, type: "number", inputmode: "numeric", min: f.min, max: f.max, step: 1, "data-fact": f.name, placeholder: T("unknown") });
    } else if (f.type === "date") {
      ctl = el("input", { id: id, type: "text", inputmode: "numeric", pattern: "\\d{4}-\\d{2}-\\d{2}", placeholder: "YYYY-MM-DD", "data-fact": f.name });
    } else {
      ctl = el("input", { id: id, type: "text", "data-fact": f.name, placeholder: T("unknown"), list: "orgs" });
    }
    var label = el(f.type === "list" ? "span" : "label", f.type === "list" ? { id: id + "-l", class: "flabel" } : { for: id, class: "flabel" },
      [el("code", { text: f.type === "list" || f.name.indexOf(".") < 0 ? f.name : short })]);
    if (ctl.tagName !== "DIV") ctl.setAttribute("aria-describedby", id + "-d");
    return el("div", { class: "field", "data-type": f.type }, [label, ctl,
      el("p", { class: "desc", id: id + "-d" }, prose(f.description, id + "-ref")), refList(f.description, id + "-ref")]);
  }
  // Under a reading's select: the chosen option's whole text, with its references.
  function showOption(sel) {
    var rid = sel.getAttribute("data-reading"), r = null, box = $(sel.id + "-o");
    readingsList[state.lang].forEach(function (x) { if (x.id === rid) r = x; });
    if (!r || !box) return;
    var chosen = sel.value || r.default, o = null;
    r.options.forEach(function (x) { if (x.id === chosen) o = x; });
    box.innerHTML = "";
    if (!o) return;
    var ref = sel.id + "-ref";
    box.appendChild(el("p", { class: "desc" }, [el("code", { text: o.id }), " — "].concat(prose(o.text, ref))));
    var refs = refList(o.text, ref);
    if (refs) box.appendChild(refs);
  }
  // A scenario's name is a text or {en, ja}: the form shows and edits the page's language.
  function nameIn(n) {
    if (n && typeof n === "object") return n[state.lang] || n.en || "";
    return n || "";
  }
  function withName(old, text) {
    if (old && typeof old === "object") {
      var n = {};
      Object.keys(old).forEach(function (k) { n[k] = old[k]; });
      n[state.lang] = text;
      return n;
    }
    return text;
  }
  function fillForm(p) {
    var form = $("facts-form");
    Array.prototype.forEach.call(form.querySelectorAll("[data-fact]"), function (c) {
      var name = c.getAttribute("data-fact"), v = name === "name" ? nameIn(p.name) : p.facts[name];
      if (c.type === "checkbox") {
        if (c.hasAttribute("data-unknown")) c.checked = v === undefined || v === null;
        else c.checked = Array.isArray(v) && v.indexOf(c.getAttribute("data-item")) >= 0;
      } else if (c.tagName === "SELECT") c.value = v === undefined || v === null ? "" : String(v);
      else c.value = v === undefined || v === null ? "" : String(v);
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-reading]"), function (c) {
      var r = p.readings && p.readings[c.getAttribute("data-reading")];
      var def = null;
      readingsList.en.forEach(function (x) { if (x.id === c.getAttribute("data-reading")) def = x.default; });
      c.value = r && r !== def ? r : "";
      showOption(c);
    });
  }
  function readForm(changed) {
    var p = { name: "", facts: {}, readings: {} }, form = $("facts-form");
    if (state.parsed && state.parsed.expect) p.expect = state.parsed.expect;
    var types = {};
    facts.en.forEach(function (f) { types[f.name] = f.type; });
    // a tick on a task clears "unknown"; a tick on "unknown" clears the tasks
    if (changed && changed.type === "checkbox") {
      var fname = changed.getAttribute("data-fact");
      Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox][data-fact="' + fname + '"]'), function (c) {
        if (c === changed || !changed.checked) return;
        if (changed.hasAttribute("data-unknown") !== c.hasAttribute("data-unknown")) c.checked = false;
      });
    }
    Array.prototype.forEach.call(form.querySelectorAll("[data-fact]"), function (c) {
      var name = c.getAttribute("data-fact"), t = types[name];
      if (name === "name") { p.name = withName(state.parsed && state.parsed.name, c.value); return; }
      if (t === "list") {
        if (!(name in p.facts)) p.facts[name] = [];
        if (c.hasAttribute("data-unknown")) { if (c.checked) p.facts[name] = null; }
        else if (c.checked && p.facts[name]) p.facts[name].push(c.getAttribute("data-item"));
        return;
      }
      var v = c.value;
      if (v === "") return;
      if (t === "bool") v = v === "true";
      else if (t === "int") { var n = Number(v); v = isFinite(n) && v.trim() !== "" ? n : v; }
      p.facts[name] = v;
    });
    Object.keys(p.facts).forEach(function (k) { if (p.facts[k] === null) delete p.facts[k]; });
    Array.prototype.forEach.call(form.querySelectorAll("[data-reading]"), function (c) {
      if (c.value) p.readings[c.getAttribute("data-reading")] = c.value;
    });
    return p;
  }

  // ---------------------------------------------------------------- evaluation
  function showError(e) {
    var box = $("error");
    box.hidden = false;
    box.innerHTML = "";
    box.appendChild(el("h2", { text: T("error") }));
    box.appendChild(messageBlock(e && e.message ? e.message : String(e)));
    var v = $("verdict");
    v.removeAttribute("data-verdict");
    v.setAttribute("data-state", "error");
    miniVerdict(null);
    $("result").classList.add("stale");
    if (!state.report) {
      $("result").classList.add("empty");
      v.innerHTML = "";
      v.appendChild(el("p", { class: "no-result", text: T("noResult") }));
    }
  }
  // The CLI's message: its sentences wrap; the quoted source line and the carets under it keep
  // their columns (the block scrolls sideways if they are wider than the box).
  function messageBlock(text) {
    var pre = el("pre", { class: "message" });
    String(text).split("\n").forEach(function (line) {
      pre.appendChild(el("span", { class: /^\s*\d*\s\|( |$)/.test(line) ? "snip" : "say", text: line }));
    });
    return pre;
  }
  function clearError() {
    $("error").hidden = true;
    $("error").innerHTML = "";
    $("result").classList.remove("stale");
    $("result").classList.remove("empty");
  }

  function evaluate() {
    var t0 = performance.now();
    var r;
    try {
      var p = pc.parse(state.yaml, { lang: state.lang });
      state.parsed = p;
      if (state.source !== "form") fillForm(p);
      r = pc.render(state.yaml, { lang: state.lang });
    } catch (e) {
      showError(e);
      return;
    }
    var t1 = performance.now();
    clearError();
    state.report = r.report;
    var v = $("verdict");
    $("result").insertBefore($("failing-box"), $("history-box"));
    v.innerHTML = r.html.summary;
    v.setAttribute("data-verdict", r.report.verdict);
    v.setAttribute("data-state", "ok");
    miniVerdict(r.report.verdict);
    $("print-name").textContent = r.report.scenario && r.report.scenario.name || "";
    drawFailing(r.report);
    // the rules not met go right under the verdict, before steps and advisories
    var meta = v.querySelector("dl.meta");
    if (meta) meta.parentNode.insertBefore($("failing-box"), meta.nextSibling);
    if (r.html.history !== state.historyHtml) $("history").innerHTML = state.historyHtml = r.html.history;
    drawTrace(r.html.trace);
    if (r.html.sources !== state.sourcesHtml) $("sources").innerHTML = state.sourcesHtml = r.html.sources;
    var t2 = performance.now(), ms = t2 - t0;
    window.__pc.lastBreakdown = { engine: t1 - t0, dom: t2 - t1 };
    state.timings.push(ms);
    if (state.timings.length > 50) state.timings.shift();
    window.__pc.lastRenderMs = ms;
    window.__pc.renders++;
    if (window.__pc.firstVerdictAt === null) {
      window.__pc.firstVerdictAt = performance.now();
      // the frame that shows it: after the next animation frame has been produced
      requestAnimationFrame(function () { setTimeout(function () { window.__pc.firstVerdictPaintedAt = performance.now(); }, 0); });
    }
    schedulePanels();
  }
  // The trace is one element per group, then the counts: only the parts an edit changed are
  // replaced (a typical edit changes one or two groups; the rest keep their DOM and open details).
  function drawTrace(html) {
    var box = $("trace"), parts = html.split(/(?=<section class="group")|(?=<p class="counts")/);
    var old = state.traceParts;
    if (!old || old.length !== parts.length || box.children.length !== parts.length) {
      box.innerHTML = html;
    } else {
      for (var i = 0; i < parts.length; i++) {
        if (parts[i] === old[i]) continue;
        var t = document.createElement("template");
        t.innerHTML = parts[i];
        if (t.content.childNodes.length !== 1) { box.innerHTML = html; break; }
        box.replaceChild(t.content, box.children[i]);
      }
    }
    state.traceParts = parts;
  }
  var verdictVisible = true;
  function miniVerdict(v) {
    var m = $("mini-verdict");
    if (v) { m.setAttribute("data-verdict", v); m.textContent = { eligible: "✔ ", not_eligible: "✘ ", undetermined: "? " }[v] + T("verdictWord")[v]; }
    else { m.removeAttribute("data-verdict"); m.textContent = "⚠ " + T("error"); }
    m.hidden = verdictVisible;
  }
  function drawFailing(r) {
    var ul = $("failing");
    ul.innerHTML = "";
    var rows = r.trace.filter(function (t) { return t.outcome === "fail" && t.kind !== "policy" || t.outcome === "undetermined"; });
    rows.forEach(function (t) {
      ul.appendChild(el("li", { class: "o-" + t.outcome, "data-rule": t.rule, "data-outcome": t.outcome }, [
        el("span", { class: "title", text: t.title }), " ", el("code", { text: t.rule }), el("p", { class: "expl" }, prose(t.explanation))]));
    });
    if (!rows.length) ul.appendChild(el("li", { class: "none", text: T("noneFailing") }));
  }

  // The slower panels run after the verdict is on screen, and only when open.
  var panelTimer = null;
  function schedulePanels() {
    clearTimeout(panelTimer);
    // after the frame that shows the verdict
    requestAnimationFrame(function () {
      clearTimeout(panelTimer);
      panelTimer = setTimeout(drawPanels, 0);
    });
  }
  function drawPanels() {
    if (!state.report) return;
    if ($("whatif-box").open) drawWhatif();
    if ($("matrix-box").open) drawMatrix();
    if ($("readings-box").open) drawReadings();
  }
  function valueText(v) {
    if (v === null || v === undefined) return T("unknownShort");
    if (Array.isArray(v)) return v.length ? "[" + v.join(", ") + "]" : "[]";
    return String(v);
  }
  function panelError(box, e) {
    box.innerHTML = "";
    box.appendChild(el("pre", { class: "panel-error", text: e && e.message ? e.message : String(e) }));
  }
  function drawWhatif() {
    var box = $("whatif"), t0 = performance.now(), w;
    try {
      w = pc.whatif(state.yaml, { lang: state.lang, keep: $("keep").checked ? ["operation", "supports", "date"] : [], maxChanges: +$("max-changes").value });
    } catch (e) { panelError(box, e); return; }
    window.__pc.lastWhatifMs = performance.now() - t0;
    box.innerHTML = "";
    if (w.verdict === "eligible") { box.appendChild(el("p", { class: "none", text: T("whatifEligible") })); return; }
    if (!w.alternatives.length) { box.appendChild(el("p", { class: "none", text: T("whatifNone") })); return; }
    var ol = el("ol", { class: "alternatives" });
    w.alternatives.forEach(function (a, i) {
      var ch = el("ul", { class: "changes" });
      a.changes.forEach(function (c) {
        ch.appendChild(el("li", {}, [el("code", { text: c.fact }), " ", el("span", { class: "from", text: valueText(c.from) }), " → ", el("span", { class: "to", text: valueText(c.to) })]));
      });
      var btn = el("button", { type: "button", class: "apply", "data-alt": i, text: T("apply") });
      btn.addEventListener("click", function () { applyChanges(a.changes); });
      ol.appendChild(el("li", { "data-verdict": a.verdict }, [ch, btn]));
    });
    box.appendChild(ol);
  }
  function applyChanges(changes) {
    if (!state.parsed) return;
    var p = JSON.parse(JSON.stringify(state.parsed));
    changes.forEach(function (c) { p.facts[c.fact] = c.to; });
    setYaml(pc.toYaml(p), "form");
    fillForm(p);
  }
  function matrixChoices() {
    var out = [];
    facts.en.forEach(function (f) {
      if (f.type === "list") f.values.forEach(function (v) { out.push(f.name + "." + v.name); });
      else if (f.type !== "text" || true) out.push(f.name);
    });
    return out;
  }
  function drawMatrix() {
    var box = $("matrix"), a = $("matrix-a").value, b = $("matrix-b").value, m;
    try { m = pc.matrix(state.yaml, { vary: [a, b], lang: state.lang }); } catch (e) { panelError(box, e); return; }
    var cur = [currentValue(a), currentValue(b)];
    var tbl = el("table", { class: "matrix" });
    var head = el("tr", {}, [el("th", { scope: "col", class: "corner", html: "<code>" + esc(b) + "</code>&nbsp;→<br><code>" + esc(a) + "</code>&nbsp;↓" })]);
    m.dims[1].values.forEach(function (v) { head.appendChild(el("th", { scope: "col" }, [el("code", { text: valueText(v) })])); });
    tbl.appendChild(el("thead", {}, [head]));
    var body = el("tbody");
    var grid = {};
    m.rows.forEach(function (r) { grid[r.choice[0] + "," + r.choice[1]] = r; });
    m.dims[0].values.forEach(function (va, i) {
      var tr = el("tr", {}, [el("th", { scope: "row" }, [el("code", { text: valueText(va) })])]);
      m.dims[1].values.forEach(function (vb, j) {
        var r = grid[i + "," + j], isCur = String(va) === String(cur[0]) && String(vb) === String(cur[1]);
        var word = r ? T("verdictWord")[r.verdict] : "";
        var td = el("td", { class: "v-" + (r ? r.verdict : "none") + (isCur ? " current" : ""), "data-verdict": r ? r.verdict : null, title: r && r.failed.length ? r.failed.join(", ") : null },
          [el("span", { class: "sym", "aria-hidden": "true", text: r ? { eligible: "✔", not_eligible: "✘", undetermined: "?" }[r.verdict] : "" }), " ", el("span", { text: word })]);
        if (r && r.failed.length) td.appendChild(el("small", { text: r.failed.join(", ") }));
        if (isCur) td.appendChild(el("small", { class: "cur", text: "◆ " + T("matrixCurrent") }));
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    tbl.appendChild(body);
    box.innerHTML = "";
    box.appendChild(el("div", { class: "table-wrap" }, [tbl]));
  }
  function currentValue(name) {
    var f = state.parsed ? state.parsed.facts : {};
    if (name in f) return f[name];
    var m = /^tasks\.(.+)$/.exec(name);
    if (m) return f.tasks ? (f.tasks.indexOf(m[1]) >= 0 ? "with" : "without") : null;
    return null;
  }
  function drawReadings() {
    var box = $("readings"), r;
    try { r = pc.readings(state.yaml, { lang: state.lang }); } catch (e) { panelError(box, e); return; }
    box.innerHTML = "";
    var q = {};
    readingsList[state.lang].forEach(function (x) { q[x.id] = x; });
    if (r.robust) box.appendChild(el("p", { class: "robust", text: T("robust") }));
    else {
      box.appendChild(el("p", { text: T("deciding") }));
      var ul = el("ul", { class: "deciding" });
      r.deciding.forEach(function (id) {
        ul.appendChild(el("li", { "data-reading": id }, [el("code", { text: id }), " ", el("span", {}, prose(q[id] ? q[id].question : ""))]));
      });
      box.appendChild(ul);
    }
    if (r.combinations.length > 1) {
      var tbl = el("table", { class: "combos" }, [el("caption", { text: T("combos") })]);
      r.combinations.forEach(function (c) {
        var k = Object.keys(c.readings).map(function (id) { return id + " = " + c.readings[id]; }).join("; ");
        tbl.appendChild(el("tr", {}, [el("td", {}, [el("code", { text: k })]), el("td", { class: "v-" + c.verdict, "data-verdict": c.verdict, text: T("verdictWord")[c.verdict] })]));
      });
      box.appendChild(tbl);
    }
  }

  // The statute's words of a rule, fetched when its "details.statute" is opened: the
  // citations of the version in force on the scenario's date.
  function fillStatute(ev) {
    var d = ev.target;
    if (!d.classList || !d.classList.contains("statute") || !d.open || d.hasAttribute("data-filled") || !state.report) return;
    var li = d.closest("[data-rule]"), x;
    try { x = pc.explain(li.getAttribute("data-rule"), { lang: state.lang }); } catch (e) { return; }
    var date = state.report.date;
    var v = x.versions.filter(function (v) { return (!v.from || v.from <= date) && (!v.until || date <= v.until); })[0];
    if (!v) return;
    v.cites.forEach(function (c) {
      var box = el("div", { class: "words" }, [el("p", { class: "article", text: c.article })]);
      if (c.ja) box.appendChild(el("blockquote", { lang: "ja", text: c.ja }));
      if (c.en) box.appendChild(el("blockquote", { lang: "en", class: "en", text: c.en }));
      if (!c.ja && !c.en) box.appendChild(el("p", { class: "none", text: T("noWords") }));
      d.appendChild(box);
    });
    if (v.reading) {
      var ref = "st-" + li.getAttribute("data-rule") + "-ref";
      d.appendChild(el("p", { class: "reading" }, prose(v.reading, ref)));
      var refs = refList(v.reading, ref);
      if (refs) d.appendChild(refs);
    }
    d.setAttribute("data-filled", "");
  }

  // ---------------------------------------------------------------- editing
  var yamlTimer = null;
  function setYaml(text, source) {
    state.yaml = text;
    state.source = source;
    if (source !== "yaml") $("yaml").value = text;
    evaluate();
  }
  // `origin`: the text as loaded (a shipped file, the blank start or a link's), which Reset
  // brings back.
  function loadScenario(text, file) {
    state.origin = text;
    state.parsed = null;
    state.report = null;
    $("scenario").value = file || "";
    var fileMatch = scenarios.filter(function (s) { return s.yaml === text; })[0];
    if (!file && fileMatch) $("scenario").value = fileMatch.file;
    setYaml(text, null);
  }
  function onFormChange(ev) {
    if (!ev.target.closest("[data-fact],[data-reading]")) return;
    if (ev.target.hasAttribute("data-reading")) showOption(ev.target);
    var p = readForm(ev.target);
    state.parsed = p;
    setYaml(pc.toYaml(p), "form");
  }
  function onYamlInput() {
    clearTimeout(yamlTimer);
    yamlTimer = setTimeout(function () { setYaml($("yaml").value, "yaml"); }, 30);
  }

  // ---------------------------------------------------------------- share, language, print
  function readHash() {
    var h = location.hash.replace(/^#/, ""), out = {};
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) {
        try { out[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); } catch (e) { /* a broken link: ignore */ }
      }
    });
    return out;
  }
  function shareUrl() {
    return location.href.replace(/#.*$/, "") + "#yaml=" + encodeURIComponent(state.yaml) + "&lang=" + state.lang;
  }
  var ownHash = null;
  function share() {
    var url = shareUrl();
    ownHash = url.slice(url.indexOf("#"));
    try { history.replaceState(null, "", ownHash); } catch (e) { /* some file:// setups refuse */ }
    var box = $("share-box"), input = $("share-link");
    box.hidden = false;
    input.value = url;
    var done = function () { $("share-msg").textContent = T("shareCopied"); };
    var fallback = function () {
      input.focus(); input.select();
      try { if (document.execCommand("copy")) done(); } catch (e) { /* leave it selected */ }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, fallback);
    else fallback();
    input.focus(); input.select();
  }
  function setLang(lang) {
    if (lang !== "en" && lang !== "ja") return;
    state.lang = lang;
    loadCatalogue(lang);
    applyWords();
    buildForm();
    fillMatrixSelects();
    if (state.yaml || state.parsed) evaluate();
  }
  function fillMatrixSelects() {
    ["matrix-a", "matrix-b"].forEach(function (id, i) {
      var s = $(id), cur = s.value || (i === 0 ? "conflict.ceasefire" : "consent.parties");
      s.innerHTML = "";
      matrixChoices().forEach(function (n) { s.appendChild(el("option", { value: n, text: n })); });
      s.value = cur;
    });
  }
  function setLarge(on) {
    document.documentElement.classList.toggle("large", on);
    $("large").setAttribute("aria-pressed", on);
    try { localStorage.setItem("pc-large", on ? "1" : ""); } catch (e) { /* file:// may refuse storage */ }
  }
  function selectTab(which) {
    var form = which === "form";
    $("tab-form").setAttribute("aria-selected", form);
    $("tab-yaml").setAttribute("aria-selected", !form);
    $("form-pane").hidden = !form;
    $("yaml-pane").hidden = form;
  }

  // ---------------------------------------------------------------- start
  function start() {
    window.__pc = { startAt: performance.now(), firstVerdictAt: null, firstVerdictPaintedAt: null, lastRenderMs: null, lastWhatifMs: null, renders: 0, timings: state.timings };
    var orgs = el("datalist", { id: "orgs" });
    ["UN", "UNHCR", "UNRWA", "UNICEF", "UNV", "UNDP", "UNEP", "WFP", "FAO", "WHO", "IOM", "OAS", "OSCE", "EU", "MFO", "IGAD", "AU"].forEach(function (o) { orgs.appendChild(el("option", { value: o })); });
    document.body.appendChild(orgs);
    var h = readHash();
    var large = false;
    try { large = localStorage.getItem("pc-large") === "1"; } catch (e) { /* ignore */ }
    setLarge(large);
    state.lang = h.lang === "ja" ? "ja" : "en";
    loadCatalogue("en");
    loadCatalogue(state.lang);
    scenarios = pc.scenarios("en");
    applyWords();
    buildForm();
    fillMatrixSelects();

    $("facts-form").addEventListener("change", onFormChange);
    $("facts-form").addEventListener("input", function (ev) { if (ev.target.type === "text" || ev.target.type === "number") onFormChange(ev); });
    $("facts-form").addEventListener("submit", function (ev) { ev.preventDefault(); });
    $("yaml").addEventListener("input", onYamlInput);
    $("trace").addEventListener("toggle", fillStatute, true);
    $("scenario").addEventListener("change", function () {
      var f = $("scenario").value, s = scenarios.filter(function (x) { return x.file === f; })[0];
      loadScenario(s ? s.yaml : "name: " + T("newName") + "\n", f);
    });
    // Picking the scenario already picked fires no change: Reset is the way back to it.
    $("reset").addEventListener("click", function () {
      if (state.origin !== undefined) loadScenario(state.origin, $("scenario").value);
    });
    $("lang-en").addEventListener("click", function () { setLang("en"); });
    $("lang-ja").addEventListener("click", function () { setLang("ja"); });
    $("large").addEventListener("click", function () { setLarge(!document.documentElement.classList.contains("large")); });
    $("share").addEventListener("click", share);
    $("print").addEventListener("click", function () { window.print(); });
    $("tab-form").addEventListener("click", function () { selectTab("form"); });
    $("tab-yaml").addEventListener("click", function () { selectTab("yaml"); });
    $("tab-form").addEventListener("keydown", function (e) { if (e.key === "ArrowRight") { selectTab("yaml"); $("tab-yaml").focus(); } });
    $("tab-yaml").addEventListener("keydown", function (e) { if (e.key === "ArrowLeft") { selectTab("form"); $("tab-form").focus(); } });
    ["keep", "max-changes"].forEach(function (id) { $(id).addEventListener("change", drawWhatif); });
    ["matrix-a", "matrix-b"].forEach(function (id) { $(id).addEventListener("change", drawMatrix); });
    ["whatif-box", "matrix-box", "readings-box"].forEach(function (id) { $(id).addEventListener("toggle", drawPanels); });
    window.addEventListener("hashchange", function () {
      if (location.hash === ownHash) return;
      var x = readHash();
      if (x.lang && x.lang !== state.lang) setLang(x.lang);
      if (x.yaml !== undefined) loadScenario(x.yaml);
    });
    window.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(document.querySelectorAll("details.panel"), function (d) { d.setAttribute("data-was-open", d.open); });
    });

    if (window.IntersectionObserver) {
      new IntersectionObserver(function (es) {
        verdictVisible = es[es.length - 1].isIntersecting;
        $("mini-verdict").hidden = verdictVisible;
      }).observe($("verdict"));
    }
    if (h.yaml !== undefined) loadScenario(h.yaml);
    else {
      var first = scenarios.filter(function (s) { return /untac-1992/.test(s.file); })[0] || scenarios[0];
      loadScenario(first.yaml, first.file);
    }
  }

  // The engine loads before the page starts (at once when the wasm compiled synchronously).
  function failed(e) {
    var box = $("error");
    box.hidden = false;
    box.appendChild(el("h2", { text: PC_I18N.en.error }));
    box.appendChild(el("pre", { text: String(e && e.message || e) }));
    $("verdict").setAttribute("data-state", "error");
    window.__pc = window.__pc || { failed: true };
  }
  (window.peacecoopReady || Promise.reject(new Error("engine.js did not load"))).then(function (api) {
    pc = api;
    start();
  }, failed);
})();
