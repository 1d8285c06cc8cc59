// The mock engine: the same interface as the real one (the peacecoop library compiled to
// WebAssembly), answering from data the CLI produced (mock-data.js, made by gen_mock_data.py).
//
// It evaluates every shipped scenario and every scenario one fact change away from one
// (any name, comments and key order); for anything else it throws an error with
// `preview: true`. Its YAML reader is a small subset reader written here: its messages follow
// the CLI's format and wording for the common mistakes (unknown key, wrong value, YAML 1.1
// booleans, bad dates, unclosed brackets and quotes, duplicate keys, tabs), not for every one.
// The HTML fragments are built here in the CLI's HTML handout markup (the real engine builds
// them in Rust). The readings data is invented: the CLI has no readings yet.
//
// Replace this file (and mock-data.js) by the real engine: index.html loads `peacecoop`
// from whichever script defines it.
(function (global) {
  "use strict";
  var D = global.PEACECOOP_MOCK_DATA;
  var FILE = "scenario.yaml";

  // ------------------------------------------------------------------ the data
  var decoded = new Array(D.values.length);
  function decode(ref) {
    if (ref < 0) return null;
    if (decoded[ref] !== undefined) return decoded[ref];
    var v = D.values[ref], out;
    if (!Array.isArray(v)) out = v;
    else if (v[0] === 0) { out = []; for (var i = 1; i < v.length; i++) out.push(decode(v[i])); }
    else {
      out = {};
      var keys = D.keysets[v[0] - 1];
      for (var j = 0; j < keys.length; j++) out[keys[j]] = decode(v[j + 1]);
    }
    decoded[ref] = out;
    return out;
  }
  function clone(x) { return JSON.parse(JSON.stringify(x)); }

  function cyrb53(str, seed) {
    seed = seed || 0;
    var h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
    for (var i = 0, ch; i < str.length; i++) {
      ch = str.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
  }

  var FACTS = D.facts.en;
  var FACT = {};
  FACTS.forEach(function (f) { FACT[f.name] = f; });
  var TOP = [];  // top-level keys, in declaration order
  FACTS.forEach(function (f) { var t = f.name.split(".")[0]; if (TOP.indexOf(t) < 0) TOP.push(t); });
  var READINGS = D.readings.en;

  function keyOf(facts) {
    var f = {};
    Object.keys(facts).forEach(function (k) { if (facts[k] !== null && facts[k] !== undefined) f[k] = facts[k]; });
    FACTS.forEach(function (d) {
      if (!(d.name in f) && d.default !== undefined && d.default !== "today") f[d.name] = d.default;
    });
    var items = Object.keys(f).sort().map(function (k) {
      var v = f[k];
      if (Array.isArray(v)) v = v.slice().sort();
      return [k, v];
    });
    return cyrb53(JSON.stringify(items));
  }

  // ------------------------------------------------------------------ errors like the CLI's
  function lev(a, b) {
    var m = a.length, n = b.length, d = [], i, j;
    for (i = 0; i <= m; i++) { d[i] = [i]; }
    for (j = 1; j <= n; j++) d[0][j] = j;
    for (i = 1; i <= m; i++) for (j = 1; j <= n; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[m][n];
  }
  function suggest(word, names) {
    var best = null, bd = Infinity;
    names.forEach(function (n) { var x = lev(String(word).toLowerCase(), n.toLowerCase()); if (x < bd) { bd = x; best = n; } });
    return bd <= Math.max(2, Math.floor(String(word).length / 3)) ? best : null;
  }
  function tick(names) { return names.map(function (n) { return "`" + n + "`"; }).join(", "); }

  function Problem(text, lines, line, col, len, help) {
    this.text = text; this.line = line; this.col = col; this.len = len; this.help = help; this.lines = lines;
  }
  function formatProblem(p) {
    if (!p.line) return "error: " + FILE + ": " + p.text + (p.help ? "\n  help: " + p.help : "");
    var src = p.lines[p.line - 1] || "";
    var g = String(p.line).length, pad = new Array(g + 1).join(" ");
    var s = "error: " + FILE + ":" + p.line + ":" + p.col + ": " + p.text + "\n" +
      pad + " |\n" + p.line + " | " + src.replace(/\t/g, " ") + "\n" +
      pad + " | " + new Array(p.col).join(" ") + new Array(Math.max(1, p.len) + 1).join("^");
    if (p.help) s += "\n" + pad + " help: " + p.help;
    return s;
  }
  function fail(problems) {
    var first = problems[0];
    var err = new Error(problems.map(formatProblem).join("\n"));
    err.line = first.line || null;
    err.column = first.line ? first.col : null;
    throw err;
  }

  // ------------------------------------------------------------------ a small YAML reader
  // Node: {kind: "scalar"|"seq"|"map", value, line, col, len, items?, entries?, raw?, quoted?}
  function yamlError(lines, line, col, len, msg) {
    fail([new Problem("invalid YAML: " + msg, lines, line, col, len)]);
  }
  function stripComment(s) {
    var q = null;
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      if (q) { if (c === q) q = null; continue; }
      if (c === '"' || c === "'") { if (i === 0 || /[\s\[{,:]/.test(s[i - 1])) q = c; continue; }
      if (c === "#" && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i);
    }
    return s;
  }
  function scalarNode(raw, line, col, lines) {
    var t = raw.trim(), lead = raw.length - raw.replace(/^\s+/, "").length;
    col += lead;
    if (t[0] === '"' || t[0] === "'") {
      var q = t[0], end = t.indexOf(q, 1);
      if (end < 0) yamlError(lines, line, col, t.length, "unclosed quote");
      return { kind: "scalar", value: t.slice(1, end), quoted: true, raw: t, line: line, col: col, len: t.length };
    }
    var v;
    if (t === "" || t === "~" || /^(null|Null|NULL)$/.test(t)) v = null;
    else if (/^(true|True|TRUE)$/.test(t)) v = true;
    else if (/^(false|False|FALSE)$/.test(t)) v = false;
    else if (/^[-+]?[0-9]+$/.test(t)) v = parseInt(t, 10);
    else if (/^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(t)) v = parseFloat(t);
    else v = t;
    return { kind: "scalar", value: v, raw: t, line: line, col: col, len: Math.max(1, t.length) };
  }
  // Flow collections on one line: [a, b] and {k: v}.
  function flowNode(text, line, col, lines) {
    var i = 0;
    function ws() { while (i < text.length && text[i] === " ") i++; }
    function item(stop) {
      ws();
      var c = text[i];
      if (c === "[") return seq();
      if (c === "{") return map();
      var start = i, q = null;
      while (i < text.length) {
        var ch = text[i];
        if (q) { if (ch === q) q = null; i++; continue; }
        if (ch === '"' || ch === "'") { q = ch; i++; continue; }
        if (stop.indexOf(ch) >= 0) break;
        i++;
      }
      return scalarNode(text.slice(start, i), line, col + start, lines);
    }
    function seq() {
      var open = i, n = { kind: "seq", items: [], line: line, col: col + open, len: 1 };
      i++; ws();
      if (text[i] === "]") { i++; return n; }
      for (;;) {
        n.items.push(item(",]"));
        ws();
        if (text[i] === ",") { i++; ws(); if (text[i] === "]") { i++; return n; } continue; }
        if (text[i] === "]") { i++; return n; }
        yamlError(lines, line, col + open, 1, "unclosed bracket '['");
      }
    }
    function map() {
      var open = i, n = { kind: "map", entries: [], line: line, col: col + open, len: 1 };
      i++; ws();
      if (text[i] === "}") { i++; return n; }
      for (;;) {
        ws();
        var ks = i;
        while (i < text.length && ":,}".indexOf(text[i]) < 0) i++;
        var key = text.slice(ks, i).trim();
        if (text[i] !== ":") yamlError(lines, line, col + open, 1, "unclosed bracket '{'");
        i++;
        var v = item(",}");
        n.entries.push({ key: key, line: line, col: col + ks, node: v });
        ws();
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "}") { i++; return n; }
        yamlError(lines, line, col + open, 1, "unclosed bracket '{'");
      }
    }
    var node = item("");
    ws();
    if (i < text.length) yamlError(lines, line, col + i, 1, "did not find expected <document end>");
    return node;
  }
  function parseYaml(text) {
    var lines = text.replace(/\r\n?/g, "\n").split("\n");
    var toks = [];  // {line, indent, text}
    lines.forEach(function (l, idx) {
      var body = stripComment(l);
      if (!body.trim()) return;
      var m = /^[ \t]*/.exec(body)[0];
      if (m.indexOf("\t") >= 0) {
        var after = body.slice(m.length);
        yamlError(lines, idx + 1, m.length + 1, (after.split(":")[0] || " ").length, "tabs disallowed within this context (block indentation)");
      }
      toks.push({ line: idx + 1, indent: m.length, text: body.slice(m.length).replace(/\s+$/, "") });
    });
    if (toks.length && /^---/.test(toks[0].text)) toks.shift();
    var pos = 0;
    function value(rest, line, col, indent) {
      // rest: the text after "key:" on the line; indent: the key's indent.
      if (rest.trim() === "") {
        if (pos < toks.length && (toks[pos].indent > indent || (toks[pos].indent === indent && /^- |^-$/.test(toks[pos].text)))) {
          return block(toks[pos].indent);
        }
        return { kind: "scalar", value: null, raw: "", line: line, col: col, len: 1 };
      }
      var lead = rest.length - rest.replace(/^\s+/, "").length;
      var t = rest.trim();
      if (t[0] === "[" || t[0] === "{") return flowNode(t, line, col + lead, lines);
      var kv = /^([^\s"'][^:]*):(\s|$)/.exec(t);
      if (kv) yamlError(lines, line, col + lead + kv[1].length, 1, "mapping values are not allowed in this context");
      return scalarNode(rest, line, col, lines);
    }
    function block(indent) {
      var first = toks[pos];
      if (/^-( |$)/.test(first.text)) {
        var seq = { kind: "seq", items: [], line: first.line, col: indent + 1, len: 1 };
        while (pos < toks.length && toks[pos].indent === indent && /^-( |$)/.test(toks[pos].text)) {
          var t = toks[pos++];
          seq.items.push(value(t.text.slice(1), t.line, indent + 2, indent));
        }
        return seq;
      }
      var map = { kind: "map", entries: [], line: first.line, col: indent + 1, len: 1 };
      var seen = {};
      while (pos < toks.length && toks[pos].indent >= indent) {
        var tk = toks[pos];
        if (tk.indent > indent) {
          var m2 = /^([^:]*):(\s|$)/.exec(tk.text);
          yamlError(lines, tk.line, tk.indent + (m2 ? m2[1].length : 0) + 1, 1, "mapping values are not allowed in this context");
        }
        var m = /^("[^"]*"|'[^']*'|[^\s#:][^:]*?)\s*:(\s|$)/.exec(tk.text);
        if (!m) {
          if (/^-( |$)/.test(tk.text)) yamlError(lines, tk.line, tk.indent + 1, 1, "did not find expected key");
          var near = tk.text.trim()[0];
          if (near === '"' || near === "'") yamlError(lines, tk.line, tk.indent + 1, tk.text.length, "unclosed quote");
          yamlError(lines, tk.line, tk.indent + 1 + tk.text.length, 1, "could not find expected ':'");
        }
        var key = m[1].replace(/^["']|["']$/g, "");
        if (seen[key]) yamlError(lines, tk.line, tk.indent + 1, key.length, "duplicate key `" + key + "`: each key may appear only once in a mapping");
        seen[key] = true;
        pos++;
        var restStart = tk.text.indexOf(":", m[1].length) + 1;
        map.entries.push({ key: key, line: tk.line, col: tk.indent + 1,
          node: value(tk.text.slice(restStart), tk.line, tk.indent + restStart + 1, tk.indent) });
      }
      return map;
    }
    var root = toks.length ? block(toks[0].indent) : null;
    if (pos < toks.length) yamlError(lines, toks[pos].line, toks[pos].indent + 1, 1, "did not find expected key");
    return { root: root, lines: lines };
  }

  // ------------------------------------------------------------------ scenario checks
  function describeFound(n) {
    if (n.kind === "seq") return "a list";
    if (n.kind === "map") return "a mapping";
    return "`" + n.raw + "`";
  }
  function expected(f) {
    if (f.type === "enum") return "one of " + tick(f.values.map(function (v) { return v.name; }));
    if (f.type === "bool") return "`true` or `false`";
    if (f.type === "int") return "a whole number from " + f.min + " to " + f.max;
    if (f.type === "date") return "a date written YYYY-MM-DD";
    if (f.type === "list") return "a list of " + tick(f.values.map(function (v) { return v.name; }));
    return "a text";
  }
  function checkDate(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return { ok: false };
    var y = +m[1], mo = +m[2], d = +m[3];
    if (mo < 1 || mo > 12) return { ok: false, help: "`" + s + "` has month " + mo + "; months run 1 to 12" };
    var days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (d < 1 || d > days) return { ok: false, help: "`" + s + "` does not exist: " + m[1] + "-" + m[2] + " has no day " + d };
    return { ok: true };
  }
  function checkFact(f, n, lines, out) {
    var P = function (help, at) {
      at = at || n;
      out.push(new Problem("invalid value for `" + f.name + "`: found " + describeFound(at) + (at !== n ? " in the list" : "") +
        ", expected " + expected(f), lines, at.line, at.col, at.len, help));
    };
    if (n.kind === "scalar" && n.value === null) return null;
    var names = f.values ? f.values.map(function (v) { return v.name; }) : [];
    if (f.type === "list") {
      if (n.kind !== "seq") {
        var h = n.kind === "scalar" && names.indexOf(String(n.value)) >= 0 ? "write a list, even of one item: `[" + n.value + "]`" : null;
        P(h);
        return undefined;
      }
      var out2 = [];
      for (var i = 0; i < n.items.length; i++) {
        var it = n.items[i];
        if (it.kind !== "scalar" || names.indexOf(String(it.value)) < 0) {
          var s = it.kind === "scalar" ? suggest(String(it.value), names) : null;
          P(s ? "did you mean `" + s + "`?" : null, it);
          return undefined;
        }
        if (out2.indexOf(it.value) < 0) out2.push(String(it.value));
      }
      return out2;
    }
    if (n.kind !== "scalar") { P(null); return undefined; }
    var v = n.value;
    if (f.type === "bool") {
      if (typeof v === "boolean") return v;
      var yes = /^(yes|y|on)$/i.test(n.raw), no = /^(no|n|off)$/i.test(n.raw);
      P(yes || no ? "YAML 1.2 booleans are `true` and `false` only: write `" + (yes ? "true" : "false") + "`" : null);
      return undefined;
    }
    if (f.type === "int") {
      if (typeof v === "number" && Math.floor(v) === v && !/[.eE]/.test(n.raw)) {
        if (v < f.min) { P(v + " is below the minimum, " + f.min); return undefined; }
        if (v > f.max) { P(v + " is above the maximum, " + f.max); return undefined; }
        return v;
      }
      P(typeof v === "number" ? "a whole number without fraction or exponent, within range" : null);
      return undefined;
    }
    if (f.type === "date") {
      var c = checkDate(String(v));
      if (!c.ok) { P(c.help || null); return undefined; }
      return String(v);
    }
    if (f.type === "enum") {
      if (typeof v === "string" && names.indexOf(v) >= 0) return v;
      var sg = suggest(String(n.raw), names);
      P(sg ? "did you mean `" + sg + "`?" : null);
      return undefined;
    }
    if (typeof v !== "string") { P(null); return undefined; }
    return v;
  }

  function parseScenario(text) {
    var y = parseYaml(text);
    var root = y.root, lines = y.lines, problems = [];
    if (!root || (root.kind === "scalar" && root.value === null) || root.kind !== "map") {
      fail([new Problem("the file holds no scenario (it is empty or null)", lines, 0, 0, 0,
        "a scenario is a mapping with at least `name:` and `operation:`")]);
    }
    var name = null, facts = {}, readings = {}, expect = null;
    var allowed = TOP.concat(["name", "expect", "readings"]);
    root.entries.forEach(function (e) {
      var n = e.node;
      if (e.key === "name") {
        if (n.kind === "scalar" && n.value !== null) name = String(n.value);
        return;
      }
      if (e.key === "expect") {
        if (n.kind === "scalar" && ["eligible", "not_eligible", "undetermined", null].indexOf(n.value) >= 0) expect = n.value;
        else if (n.kind !== "map") problems.push(new Problem("invalid value for `expect`: found " + describeFound(n) +
          ", expected one of `eligible`, `not_eligible`, `undetermined`, or a mapping with `verdict` and `rules`", lines, n.line, n.col, n.len));
        return;
      }
      if (e.key === "readings") {
        if (n.kind === "scalar" && n.value === null) return;
        if (n.kind !== "map") {
          problems.push(new Problem("expected a mapping of keys to values under `readings`, found " + describeFound(n), lines, n.line, n.col, n.len));
          return;
        }
        var ids = READINGS.map(function (r) { return r.id; });
        n.entries.forEach(function (re) {
          var r = READINGS[ids.indexOf(re.key)];
          if (!r) {
            var s = suggest(re.key, ids);
            problems.push(new Problem("unknown reading `" + re.key + "`; expected one of " + tick(ids), lines, re.line, re.col, re.key.length,
              s ? "did you mean `" + s + "`?" : null));
            return;
          }
          var opts = r.options.map(function (o) { return o.id; }), vn = re.node;
          if (vn.kind === "scalar" && vn.value === null) return;
          if (vn.kind !== "scalar" || opts.indexOf(String(vn.value)) < 0) {
            var s2 = vn.kind === "scalar" ? suggest(String(vn.value), opts) : null;
            problems.push(new Problem("invalid option for reading `" + r.id + "`: found " + describeFound(vn) + ", expected one of " + tick(opts),
              lines, vn.line, vn.col, vn.len, s2 ? "did you mean `" + s2 + "`?" : null));
            return;
          }
          readings[r.id] = String(vn.value);
        });
        return;
      }
      if (allowed.indexOf(e.key) < 0) {
        var s = suggest(e.key, allowed);
        problems.push(new Problem("unknown key `" + e.key + "`; expected one of " + tick(allowed), lines, e.line, e.col, e.key.length,
          s ? "did you mean `" + s + "`?" : null));
        return;
      }
      if (FACT[e.key]) {
        var v = checkFact(FACT[e.key], n, lines, problems);
        if (v !== undefined && v !== null) facts[e.key] = v;
        return;
      }
      // a group: basis, conflict, consent
      if (n.kind === "scalar" && n.value === null) return;
      if (n.kind !== "map") {
        problems.push(new Problem("expected a mapping of keys to values under `" + e.key + "`, found " + describeFound(n), lines, n.line, n.col, n.len));
        return;
      }
      var subs = FACTS.filter(function (f) { return f.name.indexOf(e.key + ".") === 0; })
        .map(function (f) { return f.name.slice(e.key.length + 1); });
      n.entries.forEach(function (se) {
        if (subs.indexOf(se.key) < 0) {
          var s = suggest(se.key, subs);
          problems.push(new Problem("unknown key `" + e.key + "." + se.key + "`; expected one of " + tick(subs), lines, se.line, se.col, se.key.length,
            s ? "did you mean `" + s + "`?" : null));
          return;
        }
        var v2 = checkFact(FACT[e.key + "." + se.key], se.node, lines, problems);
        if (v2 !== undefined && v2 !== null) facts[e.key + "." + se.key] = v2;
      });
    });
    if (!problems.length && name === null) {
      problems.push(new Problem("the scenario has no `name`", lines, 0, 0, 0, "add a line such as `name: UNTAC, Cambodia`"));
    }
    if (problems.length) fail(problems);
    return { name: name, facts: facts, readings: readings, expect: expect };
  }

  // ------------------------------------------------------------------ form -> YAML
  function yamlScalar(v) {
    if (typeof v !== "string") return String(v);
    if (v === "" || /^[\s\-?:,\[\]{}#&*!|>'"%@`]|: | #|\s$|^(true|false|null|~|yes|no|on|off)$/i.test(v) || /^[-+]?[0-9.]+([eE][-+]?[0-9]+)?$/.test(v) && !/^\d{4}-\d{2}-\d{2}$/.test(v))
      return '"' + v.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
    return v;
  }
  function toYaml(s) {
    var out = ["name: " + yamlScalar(s.name || "")];
    var facts = s.facts || {};
    var group = null;
    FACTS.forEach(function (f) {
      var v = facts[f.name];
      if (v === undefined || v === null) return;
      var parts = f.name.split(".");
      var txt = Array.isArray(v) ? "[" + v.map(yamlScalar).join(", ") + "]" : yamlScalar(v);
      if (parts.length === 2) {
        if (group !== parts[0]) { out.push(parts[0] + ":"); group = parts[0]; }
        out.push("  " + parts[1] + ": " + txt);
      } else {
        group = null;
        out.push(f.name + ": " + txt);
      }
    });
    var r = s.readings || {};
    var rk = Object.keys(r).filter(function (k) { return r[k] !== null && r[k] !== undefined; });
    if (rk.length) {
      out.push("readings:");
      rk.forEach(function (k) { out.push("  " + k + ": " + r[k]); });
    }
    if (s.expect) out.push("expect: " + s.expect);
    return out.join("\n") + "\n";
  }

  // ------------------------------------------------------------------ lookups
  function entryFor(sc, date) {
    var facts = Object.assign({}, sc.facts);
    if (date) facts.date = date;
    var k = keyOf(facts);
    var e = D.entries[k];
    if (!e) {
      var err = new Error("The preview engine answers only for the shipped scenarios and for one change from one of them; " +
        "this scenario needs the real engine.");
      err.preview = true; err.line = null; err.column = null;
      throw err;
    }
    return { e: e, key: k };
  }
  function lang(o) { return o && o.lang === "ja" ? "ja" : "en"; }

  // ------------------------------------------------------------------ HTML fragments
  var L = {
    en: {
      verdict: "Verdict", reason: "Reason:", law: "Law version", date: "Date", expect: "Expect",
      asExpected: "as expected", notExpected: "NOT as expected", missing: "Missing facts",
      steps: "Steps the dispatch needs", advisories: "Advisories (policy, not decisive)", none: "None.",
      notes: "Notes", unused: "Given but not used for this operation:",
      v: { eligible: "✔ ELIGIBLE", not_eligible: "✘ NOT ELIGIBLE", undetermined: "? UNDETERMINED" },
      o: { pass: "✔ pass", fail: "✘ FAIL", undetermined: "? undetermined", not_applicable: "– n/a", not_in_force: "· not in force", needed: "→ needed", advisory: "! advisory" },
      g: { general: "The Act", pillar: "Pillar and legal basis", task: "Tasks", procedure: "Procedure: steps the dispatch needs (if it goes ahead)" },
      p: ["Ceasefire (停戦合意)", "Consent (受入れ同意)", "Impartiality (中立的立場)", "Withdrawal (撤収)", "Use of weapons (武器使用)"],
      principle: "Principle", scenarioDate: "scenario date", noLaw: "before the Act",
      caption: function (d) { return "Each law version is applied as of its first day; the one marked applies on the scenario's date (" + d + ")."; },
      histLabel: "History across law versions",
      counts: function (c) { return c.total + " rules: " + c.pass + " pass, " + c.fail + " fail, " + c.undetermined + " undetermined, " + c.not_applicable + " not applicable, " + c.not_in_force + " not in force."; }
    },
    ja: {
      verdict: "判定", reason: "理由：", law: "法の版", date: "基準日", expect: "想定",
      asExpected: "想定どおり", notExpected: "想定と異なる", missing: "不明な事実",
      steps: "派遣に必要な手続", advisories: "注意事項（政策上の要件。判定を左右しない）", none: "なし。",
      notes: "注記", unused: "この活動では用いられない事実：",
      v: { eligible: "✔ 参加可能", not_eligible: "✘ 参加不可", undetermined: "? 判定不能" },
      o: { pass: "✔ 充足", fail: "✘ 不充足", undetermined: "? 不明", not_applicable: "– 対象外", not_in_force: "· 施行外", needed: "→ 必要", advisory: "! 注意" },
      g: { general: "法律の適用", pillar: "活動の類型と根拠", task: "業務", procedure: "手続（派遣する場合に必要な手順）" },
      p: ["停戦合意", "受入れ同意", "中立的立場", "撤収", "武器使用"],
      principle: "原則", scenarioDate: "事例の基準日", noLaw: "法の施行前",
      caption: function (d) { return "各版はその施行日の時点で適用した。印を付けた版が事例の基準日 (" + d + ") に適用される。"; },
      histLabel: "法改正ごとの判定の推移",
      counts: function (c) { return "規則" + c.total + "件：充足 " + c.pass + "、不充足 " + c.fail + "、不明 " + c.undetermined + "、対象外 " + c.not_applicable + "、施行外 " + c.not_in_force + "。"; }
    }
  };
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  var VCLASS = { eligible: "v-eligible", not_eligible: "v-not-eligible", undetermined: "v-undetermined" };
  function shownOutcome(t) {
    if (t.kind === "procedure" && t.outcome === "pass") return "needed";
    if (t.kind === "policy" && t.outcome === "fail") return "advisory";
    return t.outcome;
  }
  function summaryHtml(r, lg) {
    var l = L[lg], h = [];
    h.push('<div class="verdict"><span class="label">' + l.verdict + '</span><span class="badge ' + VCLASS[r.verdict] + '">' + l.v[r.verdict] + "</span></div>");
    h.push('<p class="reason"><span class="label">' + l.reason + "</span> " + esc(r.reason) + "</p>");
    h.push('<dl class="meta"><dt>' + l.law + "</dt><dd>" + (r.law_version ? esc(r.law_version.id + " (" + r.law_version.title + ")") : "—") + "</dd>");
    h.push("<dt>" + l.date + "</dt><dd>" + esc(r.date) + "</dd>");
    if (r.expect) {
      var ok = r.expect === r.verdict;
      h.push("<dt>" + l.expect + "</dt><dd" + (ok ? "" : ' class="mismatch"') + ">" + esc(r.expect) + " (" + (ok ? l.asExpected : l.notExpected) + ")</dd>");
    }
    h.push("</dl>");
    if (r.missing.length) {
      h.push('<h2 class="h-part">' + l.missing + '</h2><ul class="missing">' + r.missing.map(function (m) { return "<li><code>" + esc(m) + "</code></li>"; }).join("") + "</ul>");
    }
    h.push('<h2 class="h-part">' + l.steps + "</h2>");
    if (r.steps.length) {
      h.push('<ol class="steps">' + r.steps.map(function (s) {
        return '<li data-rule="' + esc(s.rule) + '"><span class="title">' + esc(s.title) + "</span> <code>" + esc(s.rule) + '</code><p class="expl">' + esc(s.explanation) + '</p><p class="cite">' + esc(s.cites.join("; ")) + "</p></li>";
      }).join("") + "</ol>");
    } else h.push('<p class="none">' + l.none + "</p>");
    h.push('<h2 class="h-part">' + l.advisories + "</h2>");
    if (r.advisories.length) {
      h.push('<ul class="advisories">' + r.advisories.map(function (s) {
        return '<li data-rule="' + esc(s.rule) + '"><span class="title">' + esc(s.title) + "</span> <code>" + esc(s.rule) + '</code><p class="expl">' + esc(s.explanation) + '</p><p class="cite">' + esc(s.cites.join("; ")) + "</p></li>";
      }).join("") + "</ul>");
    } else h.push('<p class="none">' + l.none + "</p>");
    if (r.notes.length || r.unused.length) {
      h.push('<h2 class="h-part">' + l.notes + '</h2><ul class="notes">');
      r.notes.forEach(function (n) { h.push("<li>" + esc(n) + "</li>"); });
      if (r.unused.length) h.push("<li>" + l.unused + " " + r.unused.map(function (u) { return "<code>" + esc(u) + "</code>"; }).join(", ") + "</li>");
      h.push("</ul>");
    }
    return h.join("\n");
  }
  function groupOf(t) { return t.principle ? "p" + t.principle : t.kind === "policy" ? "p3" : t.kind; }
  function traceHtml(r, lg) {
    var l = L[lg], order = ["general", "pillar", "p1", "p2", "p3", "p4", "p5", "task", "procedure"], groups = {};
    var c = { total: r.trace.length, pass: 0, fail: 0, undetermined: 0, not_applicable: 0, not_in_force: 0 };
    r.trace.forEach(function (t) {
      c[t.outcome]++;
      var g = groupOf(t); (groups[g] = groups[g] || []).push(t);
      if (order.indexOf(g) < 0) order.push(g);
    });
    var h = [];
    order.forEach(function (g) {
      var rows = groups[g];
      if (!rows) return;
      var title = g[0] === "p" && /^p\d$/.test(g) ? l.principle + " " + g[1] + ": " + l.p[+g[1] - 1] : (l.g[g] || g);
      h.push('<section class="group" data-group="' + g + '"><h3 class="h-group">' + esc(title) + "</h3>");
      var main = rows.filter(function (t) { return t.outcome !== "not_applicable" && t.outcome !== "not_in_force"; });
      if (main.length) {
        h.push('<ul class="rules">');
        main.forEach(function (t) {
          var o = shownOutcome(t);
          h.push('<li class="rule ' + o + '-rule" data-rule="' + esc(t.rule) + '" data-outcome="' + t.outcome + '"><span class="mk ' + o + '">' + l.o[o] +
            '</span><div><span class="title">' + esc(t.title) + "</span> <code>" + esc(t.rule) + '</code><p class="expl">' + esc(t.explanation) +
            '</p><p class="cite">' + esc(t.cites.join("; ")) + "</p></div></li>");
        });
        h.push("</ul>");
      }
      ["not_applicable", "not_in_force"].forEach(function (o) {
        var q = rows.filter(function (t) { return t.outcome === o; });
        if (!q.length) return;
        h.push('<p class="quiet"><span class="mk">' + l.o[o] + ":</span> " + q.map(function (t) {
          return '<span class="rule-q" data-rule="' + esc(t.rule) + '" data-outcome="' + o + '" title="' + esc(t.explanation) + '">' + esc(t.title) + " <code>" + esc(t.rule) + "</code></span>";
        }).join("; ") + "</p>");
      });
      h.push("</section>");
    });
    h.push('<p class="counts">' + esc(l.counts(c)) + "</p>");
    return h.join("\n");
  }
  function historyHtml(hist, r, lg) {
    var l = L[lg], vs = hist.versions, n = vs.length, W = 1000, col = (W - 20) / n;
    var titles = {};
    r.trace.forEach(function (t) { titles[t.rule] = t.title; });
    var color = { eligible: "#1b5e20", not_eligible: "#b71c1c", undetermined: "#7a4a00" };
    var mark = { eligible: "✔", not_eligible: "✘", undetermined: "?" };
    var current = -1;
    vs.forEach(function (v, i) { if (r.law_version && v.law_version.id === r.law_version.id) current = i; });
    var maxFailed = 0;
    vs.forEach(function (v) { maxFailed = Math.max(maxFailed, v.failed.length); });
    var H = 196 + Math.min(maxFailed, 4) * 22 + 10;
    var s = ['<figure class="timeline"><svg viewBox="0 0 ' + W + " " + H + '" role="img" aria-label="' + esc(l.histLabel) + '" font-family="inherit">'];
    s.push("<title>" + esc(l.histLabel) + "</title>");
    if (current >= 0) {
      s.push('<rect x="' + (10 + current * col + 4) + '" y="4" width="' + (col - 8) + '" height="' + (H - 8) + '" rx="12" fill="#eef2fb" stroke="#333" stroke-width="2" stroke-dasharray="8 5"/>');
      s.push('<text x="' + (10 + current * col + col / 2) + '" y="26" text-anchor="middle" font-size="16" font-style="italic" fill="#222">▼ ' + esc(l.scenarioDate + " " + r.date) + "</text>");
    }
    s.push('<line x1="' + (10 + col / 2) + '" y1="122" x2="' + (W - 30) + '" y2="122" stroke="#333" stroke-width="5"/>');
    s.push('<polygon points="' + (W - 14) + ",122 " + (W - 32) + ",112 " + (W - 32) + ',132" fill="#333"/>');
    vs.forEach(function (v, i) {
      var x = 10 + i * col + col / 2, c = color[v.verdict];
      s.push('<g data-law="' + esc(v.law_version.id) + '" data-verdict="' + v.verdict + '">');
      s.push('<text x="' + x + '" y="62" text-anchor="middle" font-size="30" font-weight="700" fill="#111">' + esc(v.law_version.id) + "</text>");
      s.push('<text x="' + x + '" y="86" text-anchor="middle" font-size="17" fill="#333">' + esc(v.law_version.in_force_from) + "</text>");
      s.push('<circle cx="' + x + '" cy="122" r="20" fill="' + c + '" stroke="#fff" stroke-width="3"/>');
      s.push('<text x="' + x + '" y="129" text-anchor="middle" font-size="20" font-weight="700" fill="#fff">' + mark[v.verdict] + "</text>");
      s.push('<text x="' + x + '" y="176" text-anchor="middle" font-size="19" font-weight="800" fill="' + c + '">' + esc(l.v[v.verdict].slice(2)) + "</text>");
      v.failed.slice(0, 4).forEach(function (id, k) {
        var t = titles[id] || id, room = 40, cut = "";
        for (var q = 0; q < t.length && room > 0; q++) { room -= t.charCodeAt(q) > 0x2e80 ? 2 : 1; cut += t[q]; }
        if (cut.length < t.length) t = cut.slice(0, -1) + "…";
        s.push('<text x="' + (x - col / 2 + 14) + '" y="' + (202 + 22 * k) + '" font-size="16" fill="#222"><title>' + esc(id) + "</title>✘ " + esc(t) + "</text>");
      });
      if (v.failed.length > 4) s.push('<text x="' + (x - col / 2 + 14) + '" y="' + (202 + 22 * 4) + '" font-size="16" fill="#222">+' + (v.failed.length - 4) + "</text>");
      s.push("</g>");
    });
    s.push("</svg><figcaption>" + esc(l.caption(r.date)) + "</figcaption></figure>");
    return s.join("\n");
  }

  // ------------------------------------------------------------------ the interface
  var api = {
    engine: "mock",
    facts: function (lg) { return clone(D.facts[lg === "ja" ? "ja" : "en"]); },
    readingsList: function (lg) { return clone(D.readings[lg === "ja" ? "ja" : "en"]); },
    scenarios: function () { return clone(D.scenarios); },
    parse: function (yaml) { return parseScenario(yaml); },
    toYaml: toYaml,
    render: function (yaml, o) {
      var sc = parseScenario(yaml), lg = lang(o), f = entryFor(sc, o && o.date);
      var r = clone(decode(lg === "ja" ? f.e[1] : f.e[0]));
      r.scenario = { name: sc.name, file: FILE };
      r.readings = {};
      READINGS.forEach(function (x) { r.readings[x.id] = (o && o.readings && o.readings[x.id]) || sc.readings[x.id] || x.default; });
      r.depends_on_readings = fakeReadings(sc).deciding;
      if (sc.expect) r.expect = sc.expect; else delete r.expect;
      var hist = decode(f.e[2]);
      return { report: r, html: { summary: summaryHtml(r, lg), trace: traceHtml(r, lg), history: historyHtml(hist, r, lg) } };
    },
    // For policy tools: the CLI's `evaluate --format json` object, without the HTML.
    evaluate: function (yaml, o) { return api.render(yaml, o).report; },
    whatif: function (yaml, o) {
      var sc = parseScenario(yaml), f = entryFor(sc);
      var keep = (o && o.keep) || ["operation", "supports", "date"];
      var std = keep.length === 3 && ["operation", "supports", "date"].every(function (k) { return keep.indexOf(k) >= 0; });
      var w = clone(decode(std ? f.e[3] : f.e[4]));
      if (!std && keep.length) {
        w.alternatives = w.alternatives.filter(function (a) {
          return a.changes.every(function (c) { return keep.indexOf(c.fact) < 0 && keep.indexOf(c.fact.split(".")[0]) < 0; });
        });
      }
      var max = (o && o.maxChanges) || 3;
      w.alternatives = w.alternatives.filter(function (a) { return a.changes.length <= max; });
      w.scenario = { name: sc.name, file: FILE };
      return w;
    },
    history: function (yaml, o) {
      var sc = parseScenario(yaml), f = entryFor(sc);
      var h = clone(decode(f.e[2]));
      h.scenario = { name: sc.name, file: FILE };
      return h;
    },
    matrix: function (yaml, o) {
      var sc = parseScenario(yaml), f = entryFor(sc);
      var a = o.vary[0], b = o.vary[1], base = null;
      D.bases.forEach(function (x) { if (x.key === f.key) base = x; });
      var rows = base && base.matrix[a + "|" + b], swap = false;
      if (!rows && base && base.matrix[b + "|" + a]) { rows = base.matrix[b + "|" + a]; swap = true; }
      if (!rows) {
        var err = new Error("The preview engine has matrices only for the shipped scenarios and these pairs: " +
          Object.keys(D.bases[0].matrix).map(function (p) { return p.replace("|", " × "); }).join("; ") + ".");
        err.preview = true; err.line = null; err.column = null;
        throw err;
      }
      var va = [], vb = [];
      rows.forEach(function (r) {
        var x = swap ? r[1] : r[0], y = swap ? r[0] : r[1];
        if (va.indexOf(x) < 0) va.push(x);
        if (vb.indexOf(y) < 0) vb.push(y);
      });
      function val(s) { return s === "true" ? true : s === "false" ? false : /^\d+$/.test(s) ? +s : s; }
      return {
        dims: [{ name: a, values: va.map(val) }, { name: b, values: vb.map(val) }],
        rows: rows.map(function (r) {
          var x = swap ? r[1] : r[0], y = swap ? r[0] : r[1];
          return { choice: [va.indexOf(x), vb.indexOf(y)], verdict: r[2], failed: r[3].slice() };
        })
      };
    },
    readings: function (yaml, o) {
      var sc = parseScenario(yaml);
      entryFor(sc);
      return fakeReadings(sc);
    }
  };
  // Invented: the CLI has no readings yet. A plausible answer for the one case the contract
  // describes (a peace operation before 2016 whose conflict's parties are gone).
  function fakeReadings(sc) {
    var f = sc.facts, peace = f.operation === "un_peacekeeping";
    var v = null;
    try { v = decode(entryFor(sc).e[0]).verdict; } catch (e) { v = "undetermined"; }
    if (peace && f["conflict.parties_remain"] === false && f["conflict.occurred"] !== false && f.date && f.date < "2016-03-29") {
      return { schema_version: 1, robust: false, deciding: ["parties-gone-before-2016"], combinations: [
        { readings: { "parties-gone-before-2016": "practice" }, verdict: v },
        { readings: { "parties-gone-before-2016": "text" }, verdict: f["conflict.ceasefire"] === "agreed" && f["consent.parties"] === "given" ? v : "not_eligible" }] };
    }
    return { schema_version: 1, robust: true, deciding: [], combinations: [{ readings: {}, verdict: v }] };
  }

  global.peacecoop = api;
})(this);
