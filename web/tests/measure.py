#!/usr/bin/env python3
"""Measures the playground's budgets in headless Chromium and prints JSON (for the README).

    web/.venv/bin/python web/tests/measure.py        (after web/build.sh)

first_verdict_ms: from the start of navigation (opening web/dist/index.html from disk) to the
  first frame after the verdict is in the DOM (median of several fresh loads);
scripts_loaded_ms: from the start of navigation to the page script's start (scripts parsed and
  run, the wasm decoded and compiled);
edit_redraw_ms: one form edit of the default scenario (read the form, write the YAML, evaluate,
  render the fragments, insert them, style and layout), median, lower quartile and max of 100
  (a busy machine only adds time, so the lower quartile is closer to the work itself), with the
  engine's share (parse and render calls) and the fragments' insertion;
whatif_default_ms: the default whatif (keeping operation, supports and date, at most 3 changes)
  of a scenario that is not eligible, median; whatif_free_ms: the same keeping nothing;
dist_bytes / dist_gzip_bytes: every file of web/dist/, raw and gzip -9, summed and by file;
load_average: the machine's 1-minute load when the measurement ended (timings on a busy
  machine are longer).
"""
import gzip
import json
import os
import pathlib
import statistics
import sys
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from conftest import DIST, make_driver, page_url, quit_driver, settle  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
P1 = (ROOT / "scenarios" / "hypo-p1-no-ceasefire-1995.yaml").read_text(encoding="utf-8")

TIMES = """
    var out = [];
    for (var i = 0; i < arguments[0]; i++) {
      var t0 = performance.now();
      FN;
      out.push(performance.now() - t0);
    }
    return out;"""


def main():
    d = make_driver()
    try:
        firsts, starts = [], []
        for _ in range(9):
            d.get("about:blank")
            d.get(page_url())
            settle(d)
            d.execute_script("return new Promise(function (r) { (function w() { if (window.__pc.firstVerdictPaintedAt) r(); else setTimeout(w, 5); })(); })")
            firsts.append(d.execute_script("return window.__pc.firstVerdictPaintedAt"))
            starts.append(d.execute_script("return window.__pc.startAt"))
        edits, engine, dom = d.execute_script("""
            var sel = document.getElementById('f-conflict-ceasefire'), out = [], engine = [], dom = [];
            for (var i = 0; i < 101; i++) {
              sel.value = i % 2 ? 'agreed' : 'none';
              var t0 = performance.now();
              sel.dispatchEvent(new Event('change', {bubbles: true}));
              document.body.offsetHeight;  // style and layout of the new DOM
              out.push(performance.now() - t0);
              engine.push(window.__pc.lastBreakdown.engine);
              dom.push(window.__pc.lastBreakdown.dom);
            }
            return [out.slice(1), engine.slice(1), dom.slice(1)];""")
        verdict_ok = d.execute_script("return document.getElementById('verdict').getAttribute('data-verdict')")
        d.get("about:blank")
        d.get(page_url("#yaml=" + urllib.parse.quote(P1, safe="") + "&lang=en"))
        settle(d)
        y = "document.getElementById('yaml').value"
        whatif = d.execute_script(TIMES.replace("FN", f"peacecoop.whatif({y}, {{lang: 'en', keep: ['operation', 'supports', 'date'], maxChanges: 3}})"), 11)
        free = d.execute_script(TIMES.replace("FN", f"peacecoop.whatif({y}, {{lang: 'en', keep: [], maxChanges: 3}})"), 5)
        alts = d.execute_script(f"return peacecoop.whatif({y}, {{lang: 'en'}}).alternatives.length")
        render = d.execute_script(TIMES.replace("FN", f"peacecoop.render({y}, {{lang: 'en'}})"), 21)
        chromium = d.capabilities.get("browserVersion")
    finally:
        quit_driver(d)
    files = sorted(p for p in DIST.iterdir() if p.is_file())
    raw = {p.name: p.stat().st_size for p in files}
    gz = {p.name: len(gzip.compress(p.read_bytes(), 9)) for p in files}
    wasm = ROOT / "web" / ".build" / "peacecoop_web_bg.wasm"
    out = {
        "chromium": chromium,
        "scenario": "untac-1992 (the page's default); whatif: hypo-p1-no-ceasefire-1995",
        "first_verdict_ms": round(statistics.median(firsts), 1),
        "first_verdict_ms_all": [round(x, 1) for x in firsts],
        "scripts_loaded_ms": round(statistics.median(starts), 1),
        "edit_redraw_ms": {"median": round(statistics.median(edits), 2), "lower_quartile": round(statistics.quantiles(edits, n=4)[0], 2),
                           "max": round(max(edits), 2), "edits": len(edits),
                           "engine_median": round(statistics.median(engine), 2), "dom_insert_median": round(statistics.median(dom), 2)},
        "render_call_ms": round(statistics.median(render), 2),
        "whatif_default_ms": round(statistics.median(whatif), 2),
        "whatif_default_alternatives": alts,
        "whatif_free_ms": round(statistics.median(free), 2),
        "wasm_bytes": wasm.stat().st_size if wasm.exists() else None,
        "wasm_gzip_bytes": len(gzip.compress(wasm.read_bytes(), 9)) if wasm.exists() else None,
        "dist_bytes": sum(raw.values()),
        "dist_gzip_bytes": sum(gz.values()),
        "dist_gzip_bytes_by_file": gz,
        "last_verdict": verdict_ok,
        "load_average": round(os.getloadavg()[0], 1),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
