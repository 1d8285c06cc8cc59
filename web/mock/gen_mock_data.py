#!/usr/bin/env python3
"""Generate web/mock/mock-data.js from the project's CLI (the mock engine's data).

Usage (from the repository root, with a built CLI and PyYAML):
    web/.venv/bin/python web/mock/gen_mock_data.py [--cli target/release/peacecoop] [--root .]

Everything the mock engine returns comes from real CLI output: every shipped scenario
(evaluate --format json en/ja, history, whatif with and without --keep, matrix for a few
pairs), and every scenario one fact change away from a shipped one (same outputs, except
matrix). Trace rows and other objects are stored once and referenced by index.
Only the readings data is invented (the CLI has no readings yet); see FAKE_READINGS.
"""
import argparse, csv, datetime, io, json, os, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

import yaml

LAW_DAYS = ["1992-08-09", "1992-08-10", "1998-06-12", "2001-12-14", "2016-03-28", "2016-03-29"]
ORGS = ["UN", "UNHCR", "WFP", "EU", "AU", "OSCE"]
PERSONNEL = [500, 2000, 2001]
PAIRS = [
    ("conflict.ceasefire", "consent.parties"),
    ("date", "use_of_force"),
    ("consent.host", "impartial"),
    ("operation", "basis.kind"),
    ("tasks.kaketsuke_keigo", "consent.stable"),
    ("date", "tasks.ceasefire_monitoring"),
    ("stage", "conflict.ceasefire"),
    ("conflict.occurred", "conflict.parties_remain"),
]
KEEP = "operation,supports,date"

# The CLI has no readings yet: the contract's table, with Japanese written here.
FAKE_READINGS = [
    ("parties-gone-before-2016",
     ("Before 2016, where the conflict had ended and its parties were gone, what did the Act require?",
      "2016年より前、武力紛争が終了し紛争当事者が存在しなくなった場合に、法は何を求めていたか。"),
     [("practice", "Read like the no-conflict case: host consent only", "武力紛争が発生していない場合と同様に読む（受入れ国の同意のみ）"),
      ("text", "No such case before 2016-03-29: ceasefire and parties' consent required", "2016年3月29日より前にはその場合の規定はない（停戦合意と紛争当事者の同意が必要）")]),
    ("impartiality-relief-election",
     ("Is impartiality a requirement for humanitarian relief and election observation?",
      "人道的な国際救援活動及び国際的な選挙監視活動について、中立性は要件か。"),
     [("policy", "Policy: an advisory, never decisive", "政策上の要請（注意事項にとどまり、判定を左右しない）"),
      ("statutory", "Statutory: decides like principle 3", "法律上の要件（原則3と同様に判定を左右する）")]),
    ("election-observation-tasks",
     ("What may Japanese personnel do in an election observation operation?",
      "国際的な選挙監視活動で、日本の要員は何を行うことができるか。"),
     [("election-work", "Election work and liaison only", "選挙関係の業務及び連絡調整のみ"),
      ("with-support", "Transport, communications, construction and medical support too", "輸送、通信、建設及び医療の支援も含む")]),
    ("icops-organizations",
     ("Which organisations can request an internationally coordinated operation?",
      "国際連携平和安全活動を要請できる国際機関はどれか。"),
     [("practice", "The Act's list plus EU, MFO, IGAD", "法の列挙する機関に加え、EU、MFO、IGAD"),
      ("act-text", "Only organisations the statute's appendix names", "法の別表に掲げる機関のみ")]),
    ("in-kind-exemption",
     ("What does the 1998 no-ceasefire exemption for contributions in kind depend on?",
      "1998年改正による物資協力の停戦合意要件の免除は、何によって決まるか。"),
     [("who-runs", "The agency running the relief", "救援活動を行う機関"),
      ("basis", "The agency's own request as the basis", "その機関自身の要請が根拠であること")]),
    ("parties-presumed",
     ("What does an omitted conflict.parties_remain mean?",
      "conflict.parties_remain が省略されている場合、どう扱うか。"),
     [("remain", "The parties remain", "紛争当事者はなお存在する"),
      ("unknown", "Unknown", "不明")]),
]


def run(cli, *args, ok=(0, 1, 3)):
    p = subprocess.run([cli, *args], capture_output=True, text=True)
    if p.returncode not in ok:
        raise RuntimeError(f"{args}: exit {p.returncode}: {p.stderr}")
    return p.stdout


def bi(d):
    """A bilingual text: {en, ja} (a plain string is English only)."""
    if isinstance(d, dict):
        return d.get("en", ""), d.get("ja", d.get("en", ""))
    return str(d), str(d)


def facts_for(root):
    decl = yaml.safe_load(open(os.path.join(root, "rules", "facts.yaml"), encoding="utf-8"))["facts"]
    out = {"en": [], "ja": []}
    for f in decl:
        for li, lang in enumerate(("en", "ja")):
            item = {"name": f["name"], "type": f["type"], "description": " ".join(bi(f["description"])[li].split())}
            if "values" in f:
                item["values"] = [{"name": str(k), "description": bi(v)[li]} for k, v in f["values"].items()]
            for k in ("min", "max"):
                if k in f:
                    item[k] = f[k]
            if "default" in f:
                d = f["default"]
                item["default"] = d.isoformat() if isinstance(d, datetime.date) else d
            out[lang].append(item)
    return decl, out


def flatten(doc, decl_names):
    facts = {}
    for k, v in doc.items():
        if k in ("name", "expect", "readings"):
            continue
        if isinstance(v, dict):
            for k2, v2 in v.items():
                facts[f"{k}.{k2}"] = v2
        else:
            facts[k] = v
    norm = {}
    for k, v in facts.items():
        if v is None:
            continue
        if isinstance(v, datetime.date):
            v = v.isoformat()
        norm[k] = v
    return norm


def key_of(facts, decl):
    """The canonical key; the mock engine computes the same in JavaScript."""
    f = dict(facts)
    for d in decl:
        if d["name"] not in f and "default" in d and d["default"] != "today":
            f[d["name"]] = d["default"]
    items = []
    for k in sorted(f):
        v = f[k]
        if isinstance(v, list):
            v = sorted(v)
        items.append([k, v])
    return json.dumps(items, separators=(",", ":"), ensure_ascii=False)


def imul(a, b):
    return ((a & 0xFFFFFFFF) * (b & 0xFFFFFFFF)) & 0xFFFFFFFF


def cyrb53(text, seed=0):
    """cyrb53, a 53-bit string hash over UTF-16 code units; mock-engine.js has the same."""
    h1, h2 = 0xDEADBEEF ^ seed, 0x41C6CE57 ^ seed
    units = text.encode("utf-16-le")
    for i in range(0, len(units), 2):
        ch = units[i] | (units[i + 1] << 8)
        h1 = imul(h1 ^ ch, 2654435761)
        h2 = imul(h2 ^ ch, 1597334677)
    h1 = imul(h1 ^ (h1 >> 16), 2246822507)
    h1 ^= imul(h2 ^ (h2 >> 13), 3266489909)
    h2 = imul(h2 ^ (h2 >> 16), 2246822507)
    h2 ^= imul(h1 ^ (h1 >> 13), 3266489909)
    return format(4294967296 * (2097151 & h2) + (h1 & 0xFFFFFFFF), "x")


def to_doc(name, facts):
    doc = {"name": name}
    for k, v in facts.items():
        if k == "date":
            v = datetime.date.fromisoformat(v)
        if "." in k:
            a, b = k.split(".", 1)
            doc.setdefault(a, {})[b] = v
        else:
            doc[k] = v
    return doc


def variants(facts, decl):
    for d in decl:
        n, t = d["name"], d["type"]
        cur = facts.get(n)
        alts = []
        if t in ("enum",):
            alts = [v for v in map(str, d["values"]) if v != cur]
        elif t == "bool":
            alts = [v for v in (True, False) if v != cur]
        elif t == "list":
            cur = cur or []
            alts = [sorted(cur + [v]) for v in map(str, d["values"]) if v not in cur]
            alts += [[x for x in cur if x != v] for v in cur]
        elif t == "int":
            alts = [v for v in PERSONNEL if v != cur]
        elif t == "date":
            alts = [v for v in LAW_DAYS if v != cur]
        elif t == "text":
            alts = [v for v in ORGS if v != cur]
        for a in alts:
            g = dict(facts)
            g[n] = a
            yield g
        if n in facts and n != "date":
            g = dict(facts)
            del g[n]
            yield g


class Pool:
    """Every JSON value stored once (hash-consing); a value is referenced by its index.

    `values[i]` is a string, number or boolean (itself), or a list: `[0, refs...]` is an array,
    `[k, refs...]` with k >= 1 an object whose keys are `keysets[k - 1]`. `null` is the ref -1.
    The mock engine decodes the same way (mock-engine.js, `decode`).
    """
    def __init__(self):
        self.values, self.index, self.keysets, self.kindex = [], {}, [], {}

    def _intern(self, tag, item):
        if tag not in self.index:
            self.index[tag] = len(self.values)
            self.values.append(item)
        return self.index[tag]

    def put(self, v):
        if v is None:
            return -1
        if isinstance(v, bool):
            return self._intern(("b", v), v)
        if isinstance(v, (int, float)):
            return self._intern(("n", v), v)
        if isinstance(v, str):
            return self._intern(("s", v), v)
        if isinstance(v, list):
            refs = tuple(self.put(x) for x in v)
            return self._intern(("a", refs), [0, *refs])
        keys = tuple(v.keys())
        if keys not in self.kindex:
            self.kindex[keys] = len(self.keysets)
            self.keysets.append(list(keys))
        refs = tuple(self.put(x) for x in v.values())
        k = self.kindex[keys] + 1
        return self._intern(("o", k, refs), [k, *refs])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--cli", default=None)
    ap.add_argument("--out", default="web/mock/mock-data.js")
    a = ap.parse_args()
    cli = a.cli or os.path.join(a.root, "target", "release", "peacecoop")
    decl, facts_out = facts_for(a.root)
    sdir = os.path.join(a.root, "scenarios")
    files = sorted(f for f in os.listdir(sdir) if f.endswith((".yaml", ".yml")))

    tmp = tempfile.mkdtemp(prefix="pcmock-")
    jobs = []  # (scenario index, key, path, is_base)
    scenarios = []
    seen = set()
    for si, fn in enumerate(files):
        text = open(os.path.join(sdir, fn), encoding="utf-8").read()
        doc = yaml.safe_load(text)
        facts = flatten(doc, None)
        scenarios.append({"file": "scenarios/" + fn, "name": doc["name"], "yaml": text})
        base_key = key_of(facts, decl)
        p = os.path.join(tmp, f"s{si:03d}", "base.yaml")
        os.makedirs(os.path.dirname(p))
        open(p, "w", encoding="utf-8").write(text)
        jobs.append((si, base_key, p, True))
        seen.add(base_key)
        for vi, g in enumerate(variants(facts, decl)):
            k = key_of(g, decl)
            if k in seen:
                continue
            seen.add(k)
            p = os.path.join(tmp, f"s{si:03d}", f"v{vi:03d}.yaml")
            open(p, "w", encoding="utf-8").write(yaml.safe_dump(to_doc(doc["name"], g), allow_unicode=True, sort_keys=False))
            jobs.append((si, k, p, False))
    print(f"{len(files)} scenarios, {len(jobs)} evaluations", file=sys.stderr)

    def evaluate_all(lang):
        out = run(cli, "evaluate", tmp, "--format", "json", "--lang", lang, ok=(0, 1, 2, 3))
        return {r["scenario"]["file"]: r for r in json.loads(out)}

    ev = {lang: evaluate_all(lang) for lang in ("en", "ja")}

    def per_job(j):
        si, k, p, base = j
        if p not in ev["en"]:
            return None
        hist = json.loads(run(cli, "history", p, "--format", "json"))
        wk = json.loads(run(cli, "whatif", p, "--format", "json", "--keep", KEEP))
        wf = json.loads(run(cli, "whatif", p, "--format", "json"))
        mats = {}
        if base:
            for va, vb in PAIRS:
                mats[f"{va}|{vb}"] = run(cli, "matrix", p, "--vary", f"{va},{vb}", "--format", "csv")
        return hist, wk, wf, mats

    with ThreadPoolExecutor(max_workers=2) as ex:
        extra = list(ex.map(per_job, jobs))

    pool = Pool()
    rule_ids = None
    entries = {}
    bases = []
    for j, x in zip(jobs, extra):
        si, k, p, base = j
        if x is None:
            print(f"skipped (input error): {p}", file=sys.stderr)
            continue
        hist, wk, wf, mats = x
        e = {}
        for lang in ("en", "ja"):
            r = dict(ev[lang][p])
            r["scenario"] = dict(r["scenario"])
            del r["scenario"]["file"]
            trace = r.pop("trace")
            ids = [t["rule"] for t in trace]
            if rule_ids is None:
                rule_ids = ids
            assert ids == rule_ids, p
            r["trace"] = trace
            e[lang] = pool.put(r)
        for w in (hist, wk, wf):
            w.pop("scenario", None)
        e["h"] = pool.put(hist)
        e["wk"] = pool.put(wk)
        e["wf"] = pool.put(wf)
        h = cyrb53(k)
        if h in entries:
            print(f"same facts as an earlier scenario: {scenarios[si]['file']}", file=sys.stderr)
        entries[h] = [e["en"], e["ja"], e["h"], e["wk"], e["wf"], si]
        if base:
            m = {}
            for pair, text in mats.items():
                rd = list(csv.reader(io.StringIO(text)))
                m[pair] = [[c[0], c[1], c[2], c[3].split() if c[3] else []] for c in rd[1:]]
            bases.append({"key": cyrb53(k), "matrix": m})

    readings = {"en": [], "ja": []}
    for rid, q, opts in FAKE_READINGS:
        for li, lang in enumerate(("en", "ja")):
            readings[lang].append({"id": rid, "question": q[li], "default": opts[0][0],
                                   "options": [{"id": o[0], "text": o[1 + li]} for o in opts]})

    data = {
        "generated_by": "web/mock/gen_mock_data.py",
        "facts": facts_out,
        "readings": readings,
        "scenarios": scenarios,
        "bases": bases,
        "keysets": pool.keysets,
        "values": pool.values,
        "entries": entries,
    }
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("// Generated by web/mock/gen_mock_data.py from the CLI's output; do not edit.\n")
        f.write("var PEACECOOP_MOCK_DATA = ")
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
        f.write(";\n")
    print(f"{a.out}: {os.path.getsize(a.out)} bytes; {len(entries)} entries, {len(pool.values)} values", file=sys.stderr)


if __name__ == "__main__":
    main()
