//! The classroom handouts (`evaluate --format markdown|html`): complete trace,
//! escaping of everything a scenario file can say, a self-contained HTML page,
//! Japanese text, the SVG timeline and the summary of several scenarios.

use peacecoop::render::{html, markdown};
use peacecoop::{Evaluation, Lang, RuleSet, Scenario};
use std::path::PathBuf;

fn rules() -> RuleSet {
    RuleSet::embedded().expect("embedded rules load")
}

fn load(rs: &RuleSet, file: &str) -> (Scenario, Evaluation) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file);
    let mut s = rs
        .read_scenario(&path, 1 << 20)
        .unwrap_or_else(|e| panic!("{e}"));
    s.file = Some(file.to_owned());
    let e = rs.evaluate(&s);
    (s, e)
}

const P1: &str = "scenarios/hypo-p1-no-ceasefire-1995.yaml";
const MFO: &str = "scenarios/mfo-sinai-2019.yaml";
const EVIL_NAME: &str = r#"<script>alert(1)</script> "quotes" & 'apostrophes' *bold* | pipe <b>x</b> [link](javascript:x)"#;
const EVIL_ORG: &str = "<img onerror=x>&\"'|*";

/// A scenario whose name and free-text organisation are hostile.
fn evil(rs: &RuleSet) -> (Scenario, Evaluation) {
    let yaml = format!(
        "name: '{}'\ndate: 2019-04-02\noperation: internationally_coordinated\n\
         basis:\n  kind: organization_request\n  organization: '{}'\n\
         un_command: false\nconflict:\n  occurred: true\n  parties_remain: true\n  ceasefire: agreed\n\
         consent:\n  host: given\n  parties: given\nimpartial: true\nuse_of_force: self_preservation\n\
         tasks: [staff_officer]\npersonnel: 3\n",
        EVIL_NAME.replace('\'', "''"),
        EVIL_ORG.replace('\'', "''")
    );
    let s = rs
        .parse_scenario(&yaml, "evil <dir>/\"evil\" & 'x'.yaml")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.name, EVIL_NAME, "the YAML keeps the name as written");
    let e = rs.evaluate(&s);
    (s, e)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

// (a) hostile names are escaped in the HTML, including in the SVG and the file path.
#[test]
fn html_escapes_scenario_strings() {
    let rs = rules();
    let items = [evil(&rs), load(&rs, P1)];
    for lang in [Lang::En, Lang::Ja] {
        let page = html::handout(&rs, &items, lang);
        assert!(!page.contains("<script"), "raw <script> in the page");
        assert!(!page.contains("<img"), "raw <img> from the organisation");
        assert!(!page.contains("<b>x"), "raw <b> from the name");
        assert!(!page.contains("\"quotes\""), "unescaped double quotes");
        assert!(!page.contains("'apostrophes'"), "unescaped apostrophes");
        let name = html_escape(EVIL_NAME);
        assert!(name.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(name.contains("&quot;quotes&quot; &amp; &#39;apostrophes&#39;"));
        // Title, summary table, section heading, SVG label: at least four times.
        assert!(
            page.matches(name.as_str()).count() >= 4,
            "escaped name missing from some places:\n{page}"
        );
        let svg = &page[page.find("<svg").expect("an SVG")..];
        assert!(svg.contains(name.as_str()), "escaped name in the SVG label");
        assert!(
            page.contains(&html_escape("evil <dir>/\"evil\" & 'x'.yaml")),
            "escaped file path"
        );
        assert!(
            page.contains(&html_escape(EVIL_ORG)),
            "escaped organisation in the explanations"
        );
        assert!(
            !page.contains("onerror=x>"),
            "raw attribute from the organisation"
        );
    }
}

// (a') the escaping helper itself.
#[test]
fn html_escape_covers_the_five_characters() {
    assert_eq!(
        html::escape(r#"<a href="x">&'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
    );
}

// (b) one self-contained page: nothing fetched, nothing run.
#[test]
fn html_is_self_contained() {
    let rs = rules();
    let items = [
        load(&rs, P1),
        load(&rs, MFO),
        load(&rs, "scenarios/hypo-icops-eu-2017.yaml"),
    ];
    for lang in [Lang::En, Lang::Ja] {
        let page = html::handout(&rs, &items, lang);
        let lower = page.to_lowercase();
        for bad in [
            "http",
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
            "onerror",
            "onload",
        ] {
            assert!(!lower.contains(bad), "{bad:?} in the page");
        }
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains(&format!("<html lang=\"{}\">", lang.code())));
        assert!(page.contains("<style>") && page.contains("@media print"));
        assert!(
            page.contains("Noto Sans CJK JP"),
            "a Japanese font in the stack"
        );
        assert_eq!(page.matches("<section class=\"scenario\"").count(), 3);
        assert_eq!(page.matches("<svg").count(), 3, "one timeline per scenario");
        assert!(page.trim_end().ends_with("</html>"));
    }
}

// (c) Markdown escapes what a scenario file says.
#[test]
fn markdown_escapes_scenario_strings() {
    let rs = rules();
    let items = [evil(&rs), load(&rs, P1)];
    let md = markdown::handout(&rs, &items, Lang::En);
    let name = markdown::escape(EVIL_NAME);
    assert!(
        name.contains(r"\*bold\* \| pipe &lt;b&gt;x&lt;/b&gt;"),
        "{name}"
    );
    assert!(name.contains(r"\[link\](javascript:x)"), "{name}");
    assert!(md.contains(&format!("## 1. {name}")), "heading:\n{md}");
    assert!(
        md.contains(&format!("| 1 | {name} |")),
        "summary row:\n{md}"
    );
    for raw in [
        "<script", "<b>", "*bold*", "* | pipe", "<img", "[link]", "<dir>",
    ] {
        assert!(!md.contains(raw), "raw {raw:?} in the Markdown");
    }
    assert!(
        md.contains(&markdown::escape(EVIL_ORG)),
        "escaped organisation"
    );
    assert!(md.contains(&markdown::escape("evil <dir>/\"evil\" & 'x'.yaml")));
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
    assert_eq!(
        markdown::escape("a\nb"),
        "a b",
        "no line breaks from a name"
    );
}

// (d) the trace is complete: every rule, in both formats and languages.
#[test]
fn every_rule_appears() {
    let rs = rules();
    for file in [P1, MFO] {
        let items = [load(&rs, file)];
        for lang in [Lang::En, Lang::Ja] {
            let md = markdown::handout(&rs, &items, lang);
            let page = html::handout(&rs, &items, lang);
            for rule in &rs.rules {
                let id = &rule.id.0;
                assert!(
                    md.contains(&format!("`{id}`")),
                    "{id} missing from {file} (md)"
                );
                assert!(
                    page.contains(&format!("<code>{id}</code>")),
                    "{id} missing from {file} (html)"
                );
                let title = rule.title.get(lang);
                assert!(md.contains(&markdown::escape(title)), "title of {id} (md)");
                assert!(page.contains(&html::escape(title)), "title of {id} (html)");
            }
        }
    }
}

// The verdict and reason come first; the failing rule's explanation and citation are shown.
#[test]
fn verdict_reason_and_details() {
    let rs = rules();
    let (s, e) = load(&rs, P1);
    let reason = peacecoop::render::reason(&rs, &s, &e, Lang::En);
    let md = markdown::handout(&rs, &[(s.clone(), e.clone())], Lang::En);
    let page = html::handout(&rs, &[(s, e)], Lang::En);
    let v = md.find("NOT ELIGIBLE").expect("verdict");
    let r = md.find(&markdown::escape(&reason)).expect("reason");
    let t = md.find("Principle 1").expect("trace");
    assert!(v < r && r < t, "verdict, reason, then trace");
    assert!(md.starts_with("# Hypothetical: P1"), "{md}");
    assert!(md.contains(
        "**✘ FAIL** — **Ceasefire agreement among the parties** (`ceasefire-agreement`)"
    ));
    assert!(md.contains("1992 (Act No. 79 of 1992)"));
    assert!(md.contains("1995-06-01"));
    assert!(md.contains("## Steps the dispatch needs\n\n1. **Cabinet decision on an implementation plan** (`implementation-plan`)"));
    assert!(
        md.contains("PKO Act Art 3(1) (1992-2016 text)"),
        "citations"
    );
    assert!(md.contains("*– n/a:* "), "not applicable summarised");
    assert!(md.contains("*· not in force:* "), "not in force summarised");
    assert!(page.contains("<span class=\"badge v-not-eligible\">✘ NOT ELIGIBLE</span>"));
    assert!(page.contains(&html::escape(&reason)));
    assert!(page.find("badge v-not-eligible").unwrap() < page.find("Principle 1").unwrap());
    assert!(page.contains("<span class=\"mk fail\">✘ FAIL</span>"));
    assert!(page.contains("30 rules: 12 pass, 1 fail"));
}

// Fact names in reasons and notes read as code; hostile text inside backticks stays escaped.
#[test]
fn fact_names_as_code() {
    let rs = rules();
    let items = [
        load(
            &rs,
            "scenarios/hypo-undetermined-ceasefire-unknown-2005.yaml",
        ),
        evil(&rs),
    ];
    let page = html::handout(&rs, &items, Lang::En);
    assert!(
        page.contains("<code>conflict.ceasefire</code> is unknown"),
        "reason"
    );
    assert!(
        page.contains("<code>basis.organization</code> = <code>&lt;img"),
        "note"
    );
    let md = markdown::handout(&rs, &items, Lang::En);
    assert!(md.contains("`conflict.ceasefire` is unknown"), "reason");
    assert!(
        md.contains(r"`basis.organization` = \`&lt;img onerror=x&gt;"),
        "note"
    );
    assert_eq!(markdown::prose("a `b` c"), "a `b` c");
    assert_eq!(markdown::prose("a `<b>` c"), r"a \`&lt;b&gt;\` c");
    assert_eq!(markdown::prose("odd ` *x*"), r"odd \` \*x\*");
    assert_eq!(html::prose("a `<b>` c"), "a <code>&lt;b&gt;</code> c");
}

// (e) Japanese: the UI words and the rules' Japanese titles.
#[test]
fn japanese_handout() {
    let rs = rules();
    let items = [load(&rs, P1)];
    let md = markdown::handout(&rs, &items, Lang::Ja);
    let page = html::handout(&rs, &items, Lang::Ja);
    let title = rs.rules[rs.rule("ceasefire-agreement").unwrap()]
        .title
        .ja
        .clone()
        .expect("a Japanese title");
    assert_eq!(title, "紛争当事者間の停戦合意");
    for doc in [&md, &page] {
        assert!(doc.contains("判定"));
        assert!(doc.contains("参加不可"));
        assert!(doc.contains(&title));
        assert!(doc.contains("原則 1: 停戦合意"));
        assert!(
            !doc.contains("Ceasefire agreement among the parties"),
            "English title leaked"
        );
    }
    assert!(
        md.contains("**判定**："),
        "emphasis closes before the Japanese colon"
    );
    assert!(page.contains("<html lang=\"ja\">"));
}

// (f) the SVG timeline: one marker per law version, labelled and coloured by verdict.
#[test]
fn svg_timeline() {
    let rs = rules();
    let page = html::handout(&rs, &[load(&rs, MFO)], Lang::En);
    let start = page.find("<svg").expect("an SVG");
    let svg = &page[start..page[start..].find("</svg>").unwrap() + start];
    for v in &rs.law_versions {
        assert!(
            svg.contains(&format!(">{}</text>", v.id)),
            "version {}",
            v.id
        );
        assert!(
            svg.contains(&v.in_force_from.to_string()),
            "first day of {}",
            v.id
        );
    }
    assert_eq!(rs.law_versions.len(), 4);
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
    // The Markdown has the same history as a table.
    let md = markdown::handout(&rs, &[load(&rs, MFO)], Lang::En);
    for v in &rs.law_versions {
        assert!(md.contains(&format!("| {} ({})", v.id, v.title.en)));
    }
}

// (g) several scenarios: a summary table first, then one section each.
#[test]
fn summary_of_several() {
    let rs = rules();
    let items = [
        load(&rs, P1),
        load(&rs, MFO),
        load(&rs, "scenarios/untac-1992.yaml"),
    ];
    let md = markdown::handout(&rs, &items, Lang::En);
    let page = html::handout(&rs, &items, Lang::En);
    let table = md
        .find("| # | Scenario | Date | Law version | Verdict |")
        .expect("table");
    let first_section = md.find("## 1. ").expect("first section");
    assert!(table < first_section);
    let summary_html = &page[..page.find("<section").unwrap()];
    assert!(summary_html.contains("<table class=\"summary\">"));
    for (n, (s, e)) in items.iter().enumerate() {
        let row = md
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", n + 1)))
            .expect("a row");
        assert!(row.contains(&markdown::escape(&s.name)), "{row}");
        assert!(row.contains(&e.date.to_string()), "{row}");
        assert!(
            row.contains(peacecoop::render::words::verdict_word(Lang::En, e.verdict)),
            "{row}"
        );
        assert!(md.contains(&format!("## {}. {}", n + 1, markdown::escape(&s.name))));
        assert!(summary_html.contains(&html::escape(&s.name)));
        assert!(summary_html.contains(&format!("href=\"#scenario-{}\"", n + 1)));
        assert!(page.contains(&format!("id=\"scenario-{}\"", n + 1)));
    }
    // A single scenario has no summary.
    let one = markdown::handout(&rs, &items[..1], Lang::En);
    assert!(!one.contains("| # |"));
    assert!(!html::handout(&rs, &items[..1], Lang::En).contains("class=\"summary\""));
}

/// Writes sample handouts for a look in a browser:
/// `cargo test --test handout -- --ignored`.
#[test]
#[ignore]
fn write_samples() {
    let rs = rules();
    let en = [
        load(&rs, P1),
        load(&rs, MFO),
        load(
            &rs,
            "scenarios/hypo-undetermined-ceasefire-unknown-2005.yaml",
        ),
    ];
    let ja = [load(&rs, "scenarios/unmiss-2016-kaketsuke-keigo.yaml")];
    std::fs::write("/tmp/handout-en.html", html::handout(&rs, &en, Lang::En)).unwrap();
    std::fs::write("/tmp/handout-ja.html", html::handout(&rs, &ja, Lang::Ja)).unwrap();
    std::fs::write("/tmp/handout-en.md", markdown::handout(&rs, &en, Lang::En)).unwrap();
    std::fs::write("/tmp/handout-ja.md", markdown::handout(&rs, &ja, Lang::Ja)).unwrap();
    let mut evil_items = vec![evil(&rs)];
    evil_items.push(load(&rs, P1));
    std::fs::write(
        "/tmp/handout-evil.html",
        html::handout(&rs, &evil_items, Lang::En),
    )
    .unwrap();
    std::fs::write(
        "/tmp/handout-evil.md",
        markdown::handout(&rs, &evil_items, Lang::En),
    )
    .unwrap();
}
