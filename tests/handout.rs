//! The classroom handouts (`evaluate --format markdown|html`), laid out from
//! reports: escaping of everything a scenario or rule file can say, a
//! self-contained HTML page, the first page and the appendix, Japanese words,
//! sources a teacher can check, the SVG timeline, the summary of several
//! scenarios, and (with Chromium installed) the printed page count on A4.

use peacecoop::render::handout::{html, markdown};
use peacecoop::report::Report;
use peacecoop::{HistoryReport, Lang, RuleSet, Scenario};
use std::path::{Path, PathBuf};
use std::process::Command;

type Sheet = (Report, Option<HistoryReport>);

fn rules() -> RuleSet {
    RuleSet::embedded().expect("embedded rules load")
}

fn scenario(rs: &RuleSet, file: &str) -> Scenario {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    rs.parse_scenario(&text, file)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// What the CLI hands the renderers for one scenario.
fn sheet_of(rs: &RuleSet, s: &Scenario, lang: Lang) -> Sheet {
    let e = rs.evaluate(s);
    (rs.report(s, &e, lang), Some(rs.history(s, lang)))
}

fn load(rs: &RuleSet, file: &str, lang: Lang) -> Sheet {
    sheet_of(rs, &scenario(rs, file), lang)
}

const P1: &str = "scenarios/hypo-p1-no-ceasefire-1995.yaml";
const MFO: &str = "scenarios/mfo-sinai-2019.yaml";
const UNOSOM: &str = "scenarios/unosom-ii-1993.yaml";
const UNMISS: &str = "scenarios/unmiss-2016-kaketsuke-keigo.yaml";
const UNKNOWN: &str = "scenarios/hypo-undetermined-ceasefire-unknown-2005.yaml";
const UNTAC: &str = "scenarios/untac-1992.yaml";

const EVIL_NAME: &str = "<script>alert(1)</script> \"quotes\" & 'apostrophes' *bold* _em_ `tick` | pipe <b>x</b> [link](javascript:x) # h \u{1b}[31mred \u{202e}evil";
const EVIL_ORG: &str = "<img onerror=x>&\"'|*`";
const EVIL_FILE: &str = "evil <dir>/\"evil\" & 'x' `|`.yaml";

/// A scenario whose name, free-text organisation and file name are hostile.
fn evil(rs: &RuleSet, lang: Lang) -> Sheet {
    let yaml = format!(
        "name: {}\ndate: 2019-04-02\noperation: internationally_coordinated\n\
         basis:\n  kind: organization_request\n  organization: {}\n\
         un_command: false\nconflict:\n  occurred: true\n  parties_remain: true\n  ceasefire: agreed\n\
         consent:\n  host: given\n  parties: given\nimpartial: true\nuse_of_force: self_preservation\n\
         tasks: [staff_officer]\npersonnel: 3\n",
        serde_json::to_string(EVIL_NAME).unwrap(),
        serde_json::to_string(EVIL_ORG).unwrap(),
    );
    let s = rs
        .parse_scenario(&yaml, EVIL_FILE)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.name(), EVIL_NAME, "the YAML keeps the name as written");
    sheet_of(rs, &s, lang)
}

/// What maud writes for text: `& < > "` escaped.
fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The visible form of the control and bidirectional characters of `EVIL_NAME`.
fn visible(s: &str) -> String {
    s.replace('\u{1b}', "\\u{1b}")
        .replace('\u{202e}', "\\u{202e}")
}

/// The part of an HTML page between two markers (the second optional).
fn between<'a>(page: &'a str, from: &str, to: &str) -> &'a str {
    let a = page
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} missing"));
    let rest = &page[a..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

#[test]
fn html_escapes_hostile_strings() {
    let rs = rules();
    for lang in [Lang::En, Lang::Ja] {
        let sheets = [evil(&rs, lang), load(&rs, P1, lang)];
        for brief in [false, true] {
            let page = html(&rs.handout_context(lang), &sheets, brief);
            for raw in [
                "<script",
                "<img",
                "<b>x",
                "onerror=x>",
                "\u{1b}",
                "\u{202e}",
                "\"quotes\"",
            ] {
                assert!(!page.contains(raw), "raw {raw:?} in the page");
            }
            let name = html_escape(&visible(EVIL_NAME));
            assert!(name.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assert!(name.contains("\\u{1b}[31mred \\u{202e}evil"));
            // Summary table, heading, SVG label and title (and the appendix heading).
            assert!(
                page.matches(name.as_str()).count() >= 4,
                "escaped name missing somewhere:\n{page}"
            );
            let svg = between(&page, "<svg", "</svg>");
            assert!(svg.contains(&name), "escaped name in the SVG label");
            assert!(page.contains(&html_escape(EVIL_FILE)), "escaped file path");
            if !brief {
                // The organisation is quoted in a note on the input and in explanations.
                assert!(
                    page.contains(&html_escape(EVIL_ORG)),
                    "escaped organisation"
                );
            }
        }
    }
}

#[test]
fn markdown_escapes_hostile_strings() {
    let rs = rules();
    let sheets = [evil(&rs, Lang::En), load(&rs, P1, Lang::En)];
    let md = markdown(&rs.handout_context(Lang::En), &sheets, false);
    let name = r#"&lt;script&gt;alert(1)&lt;/script&gt; "quotes" &amp; 'apostrophes' \*bold\* \_em\_ \`tick\` \| pipe &lt;b&gt;x&lt;/b&gt; \[link\](javascript:x) \# h \\u\{1b\}\[31mred \\u\{202e\}evil"#;
    assert!(md.contains(&format!("## 1. {name}")), "heading:\n{md}");
    assert!(
        md.contains(&format!("| 1 | {name} |")),
        "summary row:\n{md}"
    );
    for raw in [
        "<script", "<b>", "*bold*", " | pipe", "<img", "[link]", "<dir>", "\u{1b}", "\u{202e}",
        "`tick`",
    ] {
        assert!(!md.contains(raw), "raw {raw:?} in the Markdown");
    }
    assert!(
        md.contains(r"&lt;img onerror=x&gt;&amp;"),
        "escaped organisation"
    );
    assert!(md.contains(r"evil &lt;dir&gt;/"), "escaped file path");
    // A summary row keeps its five cells: every `|` of the name is escaped.
    let row = md
        .lines()
        .find(|l| l.starts_with("| 1 |"))
        .expect("a summary row");
    let unescaped = row
        .match_indices('|')
        .filter(|(i, _)| !row[..*i].ends_with('\\'))
        .count();
    assert_eq!(unescaped, 6, "{row}");
    // No line of the document starts a heading, a list or a block from the name.
    for line in md.lines().filter(|l| l.contains("alert(1)")) {
        assert!(
            line.starts_with("## ")
                || line.starts_with("| ")
                || line.starts_with("- ")
                || line.starts_with("### "),
            "{line}"
        );
    }
}

/// Every tag, attribute and address in the page stays inside the file.
fn assert_self_contained(page: &str) {
    let lower = page.to_lowercase();
    for bad in [
        "src=",
        "<script",
        "<link",
        "@import",
        "url(",
        "<iframe",
        "<img",
        "<object",
        "<embed",
        "javascript:",
        " onerror",
        " onload",
        "href=\"http",
        "href=\"//",
        "xlink:href",
        "@font-face",
    ] {
        assert!(!lower.contains(bad), "{bad:?} in the page");
    }
    for (i, _) in lower.match_indices("href=\"") {
        assert!(
            lower[i + 6..].starts_with('#'),
            "a link out of the page: {}",
            &page[i..i + 40]
        );
    }
    // Addresses appear only as text in the list of sources.
    let sources = lower
        .find("<section class=\"sources\">")
        .unwrap_or(lower.len());
    assert!(
        !lower[..sources].contains("http"),
        "an address outside the sources list"
    );
}

#[test]
fn html_is_self_contained() {
    let rs = rules();
    for lang in [Lang::En, Lang::Ja] {
        let sheets = [
            load(&rs, P1, lang),
            load(&rs, MFO, lang),
            load(&rs, UNKNOWN, lang),
        ];
        for brief in [false, true] {
            let page = html(&rs.handout_context(lang), &sheets, brief);
            assert_self_contained(&page);
            assert!(
                !page.contains("href=\"http"),
                "source addresses are shown as text, never as links"
            );
            assert!(page.starts_with("<!DOCTYPE html>"));
            assert!(page.contains("<meta charset=\"utf-8\">"));
            assert!(page.contains(&format!("<html lang=\"{}\">", lang.code())));
            assert!(page.contains("<style>") && page.contains("@media print"));
            assert!(page.contains("@page { size: A4;"));
            assert!(
                page.contains("Noto Sans CJK JP"),
                "a Japanese font in the stack"
            );
            assert_eq!(page.matches("<article class=\"scenario").count(), 3);
            assert_eq!(page.matches("<svg").count(), 3, "one timeline per scenario");
            assert!(page.trim_end().ends_with("</html>"));
        }
    }
}

/// The rule ids shown in the HTML appendix of a one-scenario page.
fn appendix(page: &str) -> &str {
    page.find("<section class=\"appendix\">")
        .map_or("", |a| &page[a..page.find("</article>").unwrap()])
}

#[test]
fn every_rule_in_the_appendix_and_none_with_brief() {
    let rs = rules();
    for file in [P1, MFO, UNKNOWN] {
        for lang in [Lang::En, Lang::Ja] {
            let sheets = [load(&rs, file, lang)];
            let r = &sheets[0].0;
            let ctx = rs.handout_context(lang);
            let page = html(&ctx, &sheets, false);
            let md = markdown(&ctx, &sheets, false);
            let heading = if lang == Lang::En {
                "Appendix: every rule"
            } else {
                "付録："
            };
            let md_appendix = &md[md.find(heading).expect("an appendix (md)")..];
            let html_appendix = appendix(&page);
            assert_eq!(r.trace.len(), 30);
            for e in &r.trace {
                let id = &e.rule;
                assert!(
                    md_appendix.contains(&format!("(`{id}`)")),
                    "{id} missing from {file} (md)"
                );
                assert!(
                    html_appendix.contains(&format!("<code class=\"id\">{id}</code>")),
                    "{id} (html)"
                );
                if !e
                    .title
                    .contains(['*', '_', '[', ']', '`', '<', '&', '|', '#', '!'])
                {
                    assert!(md_appendix.contains(&e.title), "title of {id} (md)");
                }
                assert!(
                    html_appendix.contains(&html_escape(&e.title)),
                    "title of {id} (html)"
                );
            }
            assert!(
                page.contains("rules: ") || page.contains("規則30件"),
                "the closing count"
            );
            // Brief: no appendix, and no rule that passes is shown.
            let page = html(&ctx, &sheets, true);
            let md = markdown(&ctx, &sheets, true);
            assert!(!page.contains("class=\"appendix\"") && !md.contains(heading));
            // (The history names the rules failing under other law versions.)
            let history = if lang == Lang::En {
                "## History across"
            } else {
                "## 法改正ごと"
            };
            let md = &md[..md.find(history).expect("a history")];
            let shown: Vec<&str> = r
                .trace
                .iter()
                .filter(|e| {
                    r.steps.iter().any(|s| s.rule == e.rule)
                        || r.advisories.iter().any(|s| s.rule == e.rule)
                        || (e.decides()
                            && matches!(
                                e.outcome,
                                peacecoop::Outcome::Fail | peacecoop::Outcome::Undetermined
                            ))
                })
                .map(|e| e.rule.as_str())
                .collect();
            for e in &r.trace {
                let tag = format!("<code class=\"id\">{}</code>", e.rule);
                assert_eq!(
                    page.contains(&tag),
                    shown.contains(&e.rule.as_str()),
                    "{} (brief html)",
                    e.rule
                );
                assert_eq!(
                    md.contains(&format!("(`{}`)", e.rule)),
                    shown.contains(&e.rule.as_str()),
                    "{} (brief md)",
                    e.rule
                );
            }
        }
    }
}

#[test]
fn the_first_page_comes_first() {
    let rs = rules();
    let sheets = [load(&rs, P1, Lang::En)];
    let r = &sheets[0].0;
    let ctx = rs.handout_context(Lang::En);
    let page = html(&ctx, &sheets, false);
    let md = markdown(&ctx, &sheets, false);
    let order = |doc: &str, marks: &[&str]| {
        let at: Vec<usize> = marks
            .iter()
            .map(|m| {
                doc.find(m)
                    .unwrap_or_else(|| panic!("{m:?} missing:\n{doc}"))
            })
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "order {marks:?}: {at:?}"
        );
    };
    let reason = html_escape(&r.reason);
    order(
        &page,
        &[
            "<span class=\"badge v-not-eligible\">✘ NOT ELIGIBLE</span>",
            &reason,
            "Rules that fail or cannot be decided",
            "<span class=\"mk fail\">✘ FAIL</span> <span class=\"title\">Ceasefire agreement among the parties</span>",
            "PKO Act Art 3(1) (1992-2016 text)",
            "Steps the dispatch needs",
            "implementation-plan",
            "<svg",
            "class=\"appendix\"",
            "Principle 1",
            "30 rules: 12 pass, 1 fail",
        ],
    );
    order(
        &md,
        &[
            "# Hypothetical: P1",
            "**Verdict:** **✘ NOT ELIGIBLE**",
            "**Reason:** ",
            "## Rules that fail or cannot be decided",
            "- **✘ FAIL** — **Ceasefire agreement among the parties** (`ceasefire-agreement`)",
            "## Steps the dispatch needs (if it goes ahead)\n\n1. **Cabinet decision on an implementation plan** (`implementation-plan`)",
            "## History across law versions",
            "| 1992 (Act No. 79 of 1992) ◀ scenario date | 1992-08-10 | ✘ NOT ELIGIBLE |",
            "## Appendix",
            "### Principle 1",
        ],
    );
    assert!(
        md[md.find("## Appendix").unwrap()..].contains("*– n/a:* "),
        "not applicable summarised"
    );
    assert!(md.contains("*· not in force:* "), "not in force summarised");
    assert!(
        md.contains("PKO Act Art 3(1) (1992-2016 text)"),
        "citations"
    );
    // The readings the verdict depends on are shown after the reason.
    let s = scenario(&rs, P1);
    let mut j = serde_json::to_value(&sheets[0].0).unwrap();
    j["readings"] = serde_json::json!({"parties-presumed": "remain"});
    j["depends_on_readings"] = serde_json::json!(["parties-presumed"]);
    let r: Report = serde_json::from_value(j).unwrap();
    let sheets = [(r, Some(rs.history(&s, Lang::En)))];
    for doc in [html(&ctx, &sheets, true), markdown(&ctx, &sheets, true)] {
        let reason = doc.find("Reason").unwrap();
        let reading = doc
            .find("This verdict depends on the reading")
            .expect("the readings line");
        let rules = doc.find("Rules that fail").unwrap();
        assert!(reason < reading && reading < rules);
        assert!(doc.contains("parties-presumed"));
    }
}

#[test]
fn japanese_handout() {
    let rs = rules();
    let sheets = [load(&rs, P1, Lang::Ja)];
    let ctx = rs.handout_context(Lang::Ja);
    for brief in [false, true] {
        let md = markdown(&ctx, &sheets, brief);
        let page = html(&ctx, &sheets, brief);
        for doc in [&md, &page] {
            for word in [
                "判定",
                "理由",
                "参加不可",
                "✘ 不充足",
                "紛争当事者間の停戦合意",
                "満たされない規則・判定できない規則",
                "派遣に必要な手続",
                "法改正ごとの判定の推移",
                "事例の基準日",
            ] {
                assert!(doc.contains(word), "{word} missing (brief: {brief})");
            }
            if !brief {
                assert!(
                    doc.contains("原則1: 停戦合意") || doc.contains("原則1：停戦合意"),
                    "group heading"
                );
                assert!(doc.contains("付録"), "appendix heading");
            }
            for english in [
                "Ceasefire agreement among the parties",
                "Verdict",
                "Reason",
                "NOT ELIGIBLE",
                "Steps the dispatch",
                "History across",
                "scenario date",
            ] {
                assert!(
                    !doc.contains(english),
                    "English {english:?} leaked (brief: {brief})"
                );
            }
        }
        assert!(
            md.contains("**判定**："),
            "emphasis closes before the Japanese colon"
        );
        assert!(page.contains("<html lang=\"ja\">"));
    }
}

/// A tiny ruleset whose citations name sources, one of them with an address.
const SOURCED: &str = r#"
about:
  title: { en: Tiny Act eligibility, ja: 小法の可否 }
  act: { en: The Tiny Act, ja: 小法 }
  disclaimer: { en: "Not legal advice <b>really</b>.", ja: 法的助言ではない。 }
sources:
  - id: tiny-act
    title: { en: "The Tiny Act, full text <1>", ja: 小法全文 }
    url: https://example.org/tiny?a=1&b=2
    kind: statute
  - id: tiny-diet
    title: { en: A Diet answer, ja: 国会答弁 }
    kind: diet
  - id: tiny-unused
    title: { en: Never cited, ja: 引用なし }
    url: https://example.org/never
    kind: secondary
facts:
  - name: date
    type: date
    description: { en: the date, ja: 日付 }
  - name: ok
    type: bool
    description: { en: whether it is fine, ja: 可か }
  - name: plan
    type: bool
    default: true
    description: { en: whether a plan is needed, ja: 計画 }
law_versions:
  - id: "1"
    in_force_from: 2000-01-01
    title: { en: Act No. 1, ja: 第1号 }
  - id: "2"
    in_force_from: 2010-01-01
    title: { en: Act No. 2, ja: 第2号 }
rules:
  - id: must-be-ok
    title: { en: It must be fine, ja: 可であること }
    kind: general
    require: { fact: ok, is: true }
    cites:
      - article: { en: Tiny Act Art 1, ja: 小法第1条 }
        source: [tiny-act, tiny-diet]
    explain:
      pass: { en: It is fine., ja: 可である。 }
      fail: { en: "It is not fine (ok = {ok}).", ja: "可でない（ok = {ok}）。" }
  - id: second-check
    title: { en: A second check, ja: 第二の確認 }
    kind: general
    require: { fact: ok, is: true }
    cites:
      - article: { en: Tiny Act Art 2, ja: 小法第2条 }
        source: tiny-diet
    explain:
      pass: { en: Checked., ja: 確認済み。 }
      fail: { en: Not checked., ja: 未確認。 }
  - id: a-plan
    title: { en: A plan, ja: 計画 }
    kind: procedure
    applies_if: { fact: plan, is: true }
    cites:
      - article: { en: Tiny Act Art 3, ja: 小法第3条 }
        source: tiny-act
    explain:
      pass: { en: A plan is needed., ja: 計画が必要。 }
"#;

fn sourced() -> RuleSet {
    RuleSet::from_texts(&[("tiny.yaml", SOURCED)]).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn sources_resolve() {
    let rs = sourced();
    for lang in [Lang::En, Lang::Ja] {
        let s = rs
            .parse_scenario("name: t\ndate: 2012-05-01\nok: false\n", "t.yaml")
            .unwrap_or_else(|e| panic!("{e}"));
        let sheets = [sheet_of(&rs, &s, lang)];
        let r = &sheets[0].0;
        assert_eq!(
            r.entry("must-be-ok").unwrap().sources,
            ["tiny-act", "tiny-diet"]
        );
        let ctx = rs.handout_context(lang);
        for brief in [true, false] {
            let page = html(&ctx, &sheets, brief);
            assert_self_contained(&page);
            // Numbered in order of first citation; each number links to its entry.
            assert!(
                page.contains("<a href=\"#source-1\">1</a>, <a href=\"#source-2\">2</a>]"),
                "{page}"
            );
            let list = between(&page, "<section class=\"sources\">", "</section>");
            let act_title = if lang == Lang::En {
                "The Tiny Act, full text &lt;1&gt;"
            } else {
                "小法全文"
            };
            assert!(list.contains(&format!("<li id=\"source-1\" value=\"1\"><code class=\"id\">tiny-act</code> — {act_title} <span class=\"url\">https://example.org/tiny?a=1&amp;b=2</span></li>")), "{list}");
            assert!(
                list.contains(
                    "<li id=\"source-2\" value=\"2\"><code class=\"id\">tiny-diet</code>"
                ),
                "{list}"
            );
            assert!(
                !page.contains("tiny-unused") && !page.contains("example.org/never"),
                "only sources cited"
            );
            // Every reference shown resolves to an entry of the list.
            for (i, _) in page.match_indices("href=\"#source-") {
                let n: String = page[i + 14..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                assert!(
                    page.contains(&format!("<li id=\"source-{n}\"")),
                    "source {n} unresolved"
                );
            }
            let md = markdown(&ctx, &sheets, brief);
            let (art1, art3) = match lang {
                Lang::En => ("Tiny Act Art 1", "Tiny Act Art 3"),
                _ => ("小法第1条", "小法第3条"),
            };
            assert!(md.contains(&format!(r"*{art1}* \[1\] \[2\]")), "{md}");
            assert!(
                md.contains(&format!(
                    "1. `tiny-act` — {} <https://example.org/tiny?a=1&b=2>",
                    if lang == Lang::En {
                        "The Tiny Act, full text &lt;1&gt;"
                    } else {
                        "小法全文"
                    }
                )),
                "{md}"
            );
            assert!(md.contains("2. `tiny-diet` — "));
            assert!(!md.contains("tiny-unused"));
            // The step cites a source too; the disclaimer closes the document.
            assert!(md.contains(&format!(r"*{art3}* \[1\]")), "{md}");
            assert!(page.contains(if lang == Lang::En {
                "Not legal advice &lt;b&gt;really&lt;/b&gt;."
            } else {
                "法的助言ではない。"
            }));
            assert!(md.trim_end().ends_with(if lang == Lang::En {
                "*Not legal advice &lt;b&gt;really&lt;/b&gt;.*"
            } else {
                "*法的助言ではない。*"
            }));
        }
    }
    // A report from elsewhere (JSON) may cite an id the list does not hold: it is still listed.
    let s = rs
        .parse_scenario("name: t\ndate: 2012-05-01\nok: false\n", "t.yaml")
        .unwrap();
    let mut j = serde_json::to_value(&sheet_of(&rs, &s, Lang::En).0).unwrap();
    j["trace"][0]["sources"] = serde_json::json!(["gone-<x>"]);
    let r: Report = serde_json::from_value(j).unwrap();
    let sheets = [(r, None)];
    let ctx = rs.handout_context(Lang::En);
    let page = html(&ctx, &sheets, true);
    assert!(page.contains("<code class=\"id\">gone-&lt;x&gt;</code> — <em>not in the ruleset&#39;s list of sources</em>") || page.contains("<code class=\"id\">gone-&lt;x&gt;</code> — <em>not in the ruleset's list of sources</em>"), "{page}");
    let md = markdown(&ctx, &sheets, true);
    assert!(
        md.contains(r"1. gone-&lt;x&gt; — *not in the ruleset's list of sources*"),
        "{md}"
    );
    // The shipped rules cite their sources: every id a citation names is
    // listed at the end with its title.
    let rs = rules();
    let sheets = [load(&rs, P1, Lang::En)];
    let ctx = rs.handout_context(Lang::En);
    let page = html(&ctx, &sheets, false);
    assert!(page.contains("class=\"sources\"") && page.contains("class=\"refs\""));
    // The failing rule's sources are among them; each listed id has its title.
    let failing = sheets[0].0.entry("ceasefire-agreement").expect("traced");
    assert!(
        !failing.sources.is_empty(),
        "the shipped rules cite sources"
    );
    for id in &failing.sources {
        assert!(
            page.contains(&format!("<code class=\"id\">{id}</code>")),
            "{id} listed"
        );
    }
    let list = page
        .split("<ol class=\"sources\">")
        .nth(1)
        .and_then(|rest| rest.split("</ol>").next())
        .expect("the list of sources");
    let listed: Vec<&str> = list
        .split("<code class=\"id\">")
        .skip(1)
        .filter_map(|rest| rest.split("</code>").next())
        .collect();
    assert!(!listed.is_empty());
    for id in listed {
        let src = ctx
            .sources
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("{id} is in the ruleset's list"));
        let title = src
            .title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        assert!(page.contains(&title), "{id}: its title is shown");
    }
}

#[test]
fn svg_timeline() {
    let rs = rules();
    let sheets = [load(&rs, MFO, Lang::En)];
    let h = sheets[0].1.clone().unwrap();
    let page = html(&rs.handout_context(Lang::En), &sheets, true);
    let svg = between(&page, "<svg", "</svg>");
    for v in &h.versions {
        assert!(
            svg.contains(&format!(">{}</tspan>", v.law_version.id)),
            "version {}",
            v.law_version.id
        );
        assert!(
            svg.contains(&v.law_version.in_force_from),
            "first day of {}",
            v.law_version.id
        );
    }
    assert_eq!(h.versions.len(), 4);
    assert_eq!(svg.matches("<circle").count(), 4);
    // mfo-sinai-2019: not eligible before the 2016 law, eligible under it.
    assert_eq!(svg.matches(">NOT ELIGIBLE</text>").count(), 3, "{svg}");
    assert_eq!(svg.matches(">ELIGIBLE</text>").count(), 1);
    assert!(svg.contains("fill=\"#b71c1c\"") && svg.contains("fill=\"#1b5e20\""));
    // The failing rule under the 1992 law is named (title, id as tooltip).
    assert!(
        svg.contains("<title>operation-type-in-force</title>"),
        "{svg}"
    );
    assert!(svg.contains("scenario date 2019-04-02"));
    assert_eq!(
        svg.matches("<rect").count(),
        1,
        "the scenario's own version marked"
    );
    // The Markdown has the same history as a table.
    let md = markdown(&rs.handout_context(Lang::En), &sheets, true);
    for v in &h.versions {
        assert!(md.contains(&format!("| {} ({})", v.law_version.id, v.law_version.title)));
    }
    assert!(
        md.contains("| 2016 (Act No. 76 of 2015) ◀ scenario date | 2016-03-29 | ✔ ELIGIBLE | — |"),
        "{md}"
    );
}

#[test]
fn summary_of_several() {
    let rs = rules();
    let lang = Lang::En;
    let sheets = [
        load(&rs, P1, lang),
        load(&rs, MFO, lang),
        load(&rs, UNTAC, lang),
    ];
    let ctx = rs.handout_context(lang);
    let md = markdown(&ctx, &sheets, false);
    let page = html(&ctx, &sheets, false);
    let table = md
        .find("| # | Scenario | Date | Law version | Verdict |")
        .expect("table");
    assert!(table < md.find("## 1. ").expect("first section"));
    let summary = &page[..page.find("<article").unwrap()];
    assert!(summary.contains("<table class=\"summary\">"));
    for (n, (r, _)) in sheets.iter().enumerate() {
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", n + 1)))
            .expect("a row");
        assert!(
            row.contains(&r.scenario.name) && row.contains(&r.date),
            "{row}"
        );
        let word = match r.verdict {
            peacecoop::Verdict::Eligible => "✔ ELIGIBLE",
            peacecoop::Verdict::NotEligible => "✘ NOT ELIGIBLE",
            _ => "? UNDETERMINED",
        };
        assert!(row.contains(word), "{row}");
        assert!(md.contains(&format!("## {}. {}", n + 1, r.scenario.name)));
        assert!(summary.contains(&html_escape(&r.scenario.name)));
        assert!(summary.contains(&format!("href=\"#scenario-{}\"", n + 1)));
        assert!(page.contains(&format!("id=\"scenario-{}\"", n + 1)));
    }
    // A single scenario has no summary.
    let one = markdown(&ctx, &sheets[..1], false);
    assert!(!one.contains("| # |"));
    assert!(!html(&ctx, &sheets[..1], false).contains("class=\"summary\""));
    // Nothing at all still makes a page.
    assert!(html(&ctx, &[], true).trim_end().ends_with("</html>"));
}

// ---------------------------------------------------------------- printing

/// Chromium, if installed (CI installs it).
fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Prints `page` to PDF with Chromium and counts its pages.
fn printed_pages(chromium: &Path, page: &str, name: &str) -> usize {
    let dir = std::env::temp_dir().join(format!("peacecoop-print-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("handout.html");
    let pdf = dir.join("handout.pdf");
    std::fs::write(&html, page).unwrap();
    for attempt in 0..3 {
        let profile = dir.join(format!("profile-{attempt}"));
        let out = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display()))
            .output()
            .expect("chromium runs");
        if let Ok(bytes) = std::fs::read(&pdf) {
            let _ = std::fs::remove_dir_all(&dir);
            return count_pages(&bytes);
        }
        eprintln!(
            "chromium wrote no PDF (attempt {attempt}): {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    panic!("chromium did not print {name}");
}

/// The number of `/Type /Page` objects (not `/Pages`) in a PDF.
fn count_pages(pdf: &[u8]) -> usize {
    let mut n = 0;
    for needle in [&b"/Type /Page"[..], &b"/Type/Page"[..]] {
        n += pdf
            .windows(needle.len() + 1)
            .filter(|w| w.starts_with(needle) && w[needle.len()] != b's')
            .count();
    }
    n
}

#[test]
fn counts_pdf_pages() {
    let pdf =
        b"<< /Type /Pages /Count 2 >> << /Type /Page /Parent 1 0 R >> <</Type/Page/Parent 1 0 R>>";
    assert_eq!(count_pages(pdf), 2);
}

/// The handout context and sheet with nine long sources, three cited by each rule.
fn with_sources(
    rs: &RuleSet,
    sheet: Sheet,
    lang: Lang,
) -> (peacecoop::report::HandoutContext, [Sheet; 1]) {
    let mut ctx = serde_json::to_value(rs.handout_context(lang)).unwrap();
    let sources: Vec<serde_json::Value> = (0..9)
        .map(|k| {
            serde_json::json!({
                "id": format!("source-number-{k}"),
                "title": match lang {
                    Lang::En => format!("House of Representatives, Cabinet answer No. {k}56 of the 192nd Diet (2016-11-29), on UNMISS and the Five Principles"),
                    _ => format!("衆議院、第192回国会 内閣答弁書第{k}56号（2016年11月29日）、南スーダンPKOと参加5原則について"),
                },
                "url": format!("https://www.shugiin.go.jp/internet/itdb_shitsumon.nsf/html/shitsumon/b19215{k}.htm"),
                "kind": "diet",
                "note": null,
            })
        })
        .collect();
    ctx["sources"] = serde_json::Value::Array(sources);
    ctx["title"] = "Eligibility under Japan's International Peace Cooperation Act".into();
    ctx["act"] = "Act on Cooperation for United Nations Peacekeeping Operations and Other Operations (Act No. 79 of 1992)".into();
    ctx["disclaimer"] = "Not legal advice. The rules are one reading of the Act as it stood on each date, for teaching and analysis; where the statute is silent or contested the ruleset names the reading it takes.".into();
    let ctx = serde_json::from_value(ctx).unwrap();
    let (report, history) = sheet;
    let mut r = serde_json::to_value(&report).unwrap();
    for (k, e) in r["trace"].as_array_mut().unwrap().iter_mut().enumerate() {
        e["sources"] = serde_json::json!([
            format!("source-number-{}", k % 9),
            format!("source-number-{}", (k + 4) % 9),
            format!("source-number-{}", (k + 7) % 9)
        ]);
    }
    (ctx, [(serde_json::from_value(r).unwrap(), history)])
}

#[test]
fn printed_on_a4_a_brief_scenario_is_one_page() {
    let Some(chromium) = chromium() else {
        // CI installs Chromium and sets this, so the check cannot be skipped there.
        assert!(
            std::env::var_os("PEACECOOP_REQUIRE_CHROMIUM").is_none(),
            "PEACECOOP_REQUIRE_CHROMIUM is set but /usr/bin/chromium is not installed"
        );
        eprintln!("skipped: /usr/bin/chromium is not installed (CI installs it)");
        return;
    };
    let rs = rules();
    let mut measured = Vec::new();
    for file in [UNMISS, UNOSOM, P1, MFO, UNKNOWN, UNTAC] {
        for lang in [Lang::En, Lang::Ja] {
            let sheets = [load(&rs, file, lang)];
            let page = html(&rs.handout_context(lang), &sheets, true);
            let name = format!(
                "{}-{}",
                Path::new(file).file_stem().unwrap().to_string_lossy(),
                lang.code()
            );
            let pages = printed_pages(&chromium, &page, &name);
            measured.push(format!("{name}: {pages}"));
            assert_eq!(pages, 1, "{name} (brief) prints on {pages} A4 pages");
        }
    }
    // Several, brief: a summary shares the first scenario's page; one page each.
    for lang in [Lang::En, Lang::Ja] {
        let sheets = [
            load(&rs, P1, lang),
            load(&rs, MFO, lang),
            load(&rs, UNTAC, lang),
        ];
        let page = html(&rs.handout_context(lang), &sheets, true);
        let pages = printed_pages(&chromium, &page, &format!("three-{}", lang.code()));
        measured.push(format!("three-{}: {pages}", lang.code()));
        assert_eq!(
            pages,
            3,
            "three brief scenarios print on {pages} pages ({})",
            lang.code()
        );
        // In full, the appendix follows on pages of its own.
        let full = html(&rs.handout_context(lang), &sheets[..1], false);
        let pages = printed_pages(&chromium, &full, &format!("full-{}", lang.code()));
        measured.push(format!("full-{}: {pages}", lang.code()));
        assert!(
            pages >= 2,
            "the appendix starts a new page ({})",
            lang.code()
        );
    }
    // With sources (the rules are gaining them): long titles and addresses, three per rule.
    for file in [UNOSOM, UNMISS] {
        for lang in [Lang::En, Lang::Ja] {
            let (ctx, sheets) = with_sources(&rs, load(&rs, file, lang), lang);
            let page = html(&ctx, &sheets, true);
            assert!(page.contains("class=\"sources\""));
            let name = format!(
                "sourced-{}-{}",
                Path::new(file).file_stem().unwrap().to_string_lossy(),
                lang.code()
            );
            let pages = printed_pages(&chromium, &page, &name);
            measured.push(format!("{name}: {pages}"));
            assert_eq!(pages, 1, "{name} (brief) prints on {pages} A4 pages");
        }
    }
    eprintln!("A4 pages: {}", measured.join(", "));
}
