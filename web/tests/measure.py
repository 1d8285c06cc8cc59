#!/usr/bin/env python3
"""Measures the playground in headless Chromium and prints JSON (for the README).

    web/.venv/bin/python web/tests/measure.py        (after web/build.sh)

scripts_loaded_ms: from the start of navigation to the page script's start (scripts parsed and
  run, the wasm instantiated: with the mock, mostly parsing its 4.8 MB of data);
first_verdict_ms: from the start of navigation (opening web/dist/index.html from disk) to the
  first frame after the verdict is in the DOM (median of several fresh loads);
edit_redraw_ms: one form edit (re-evaluate, redraw, style and layout), median and max of many;
whatif_default_ms: the default whatif call (keeping operation, supports and date), median;
dist_gzip_bytes: every file of web/dist/ gzip -9 compressed, summed (also without the mock).
"""
import gzip
import json
import pathlib
import statistics
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from conftest import DIST, make_driver, page_url, quit_driver, settle  # noqa: E402


def main():
    d = make_driver()
    try:
        firsts, starts = [], []
        for _ in range(7):
            d.get("about:blank")
            d.get(page_url())
            settle(d)
            d.execute_script("return new Promise(function (r) { (function w() { if (window.__pc.firstVerdictPaintedAt) r(); else setTimeout(w, 5); })(); })")
            firsts.append(d.execute_script("return window.__pc.firstVerdictPaintedAt"))
            starts.append(d.execute_script("return window.__pc.startAt"))
        edits = d.execute_script("""
            var sel = document.getElementById('f-conflict-ceasefire'), out = [];
            for (var i = 0; i < 41; i++) {
              sel.value = i % 2 ? 'agreed' : 'none';
              var t0 = performance.now();
              sel.dispatchEvent(new Event('change', {bubbles: true}));
              document.body.offsetHeight;  // style and layout of the new DOM
              out.push(performance.now() - t0);
            }
            return out.slice(1);""")
        verdict_ok = d.execute_script("return document.getElementById('verdict').getAttribute('data-verdict')")
        whatif = d.execute_script("""
            var y = document.getElementById('yaml').value, out = [];
            for (var i = 0; i < 11; i++) {
              var t0 = performance.now();
              peacecoop.whatif(y, {lang: 'en', keep: ['operation', 'supports', 'date'], maxChanges: 3});
              out.push(performance.now() - t0);
            }
            return out;""")
        engine = d.execute_script("return peacecoop.engine || 'wasm'")
    finally:
        quit_driver(d)
    files = sorted(p for p in DIST.iterdir() if p.is_file())
    gz = {p.name: len(gzip.compress(p.read_bytes(), 9)) for p in files}
    mock = {"mock-data.js", "mock-engine.js"}
    out = {
        "engine": engine,
        "scenario": "untac-1992 (the page's default)",
        "first_verdict_ms": round(statistics.median(firsts), 1),
        "first_verdict_ms_all": [round(x, 1) for x in firsts],
        "scripts_loaded_ms": round(statistics.median(starts), 1),
        "edit_redraw_ms": {"median": round(statistics.median(edits), 2), "max": round(max(edits), 2), "edits": len(edits)},
        "whatif_default_ms": round(statistics.median(whatif), 2),
        "dist_gzip_bytes": sum(gz.values()),
        "dist_gzip_bytes_without_mock": sum(v for k, v in gz.items() if k not in mock),
        "dist_gzip_bytes_by_file": gz,
        "last_verdict": verdict_ok,
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
