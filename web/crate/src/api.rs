//! The page's calls in plain Rust: texts in, JSON texts out, errors with the
//! CLI's message and the place they point at. `lib.rs` only hands them to
//! JavaScript, so they run (and are tested) natively too.

use peacecoop::render::{diagnostic, fragments};
use peacecoop::report::HandoutContext;
use peacecoop::{
    DEFAULT_MAX_SCENARIO_BYTES, Date, Keep, Lang, RuleSet, Scenario, ScenarioError, WhatifOptions,
};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::sync::OnceLock;

/// The name scenarios typed into the page go by in messages.
pub const FILE: &str = "scenario.yaml";

/// A problem, as the CLI would print it, and where it points (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The CLI's message: `error: file:line:column: …`, the source line with
    /// carets, `help: …`.
    pub message: String,
    /// The line it points at.
    pub line: Option<u32>,
    /// The column it points at.
    pub column: Option<u32>,
}

impl Failure {
    /// A problem without a place in the scenario (a bad option).
    fn plain(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            line: None,
            column: None,
        }
    }

    fn scenario(e: &ScenarioError, source: &str, lang: Lang) -> Failure {
        let first = e.problems.first().map(|d| &d.location);
        let at = |n: u32| (n > 0).then_some(n);
        Failure {
            message: diagnostic::scenario_error_in(e, Some(source), lang)
                .trim_end()
                .to_owned(),
            line: first.and_then(|l| at(l.line)),
            column: first.and_then(|l| at(l.column)),
        }
    }
}

/// The shipped ruleset, made once (a copy of references to compiled-in data).
fn rules() -> Result<&'static RuleSet, Failure> {
    static RULES: OnceLock<Result<RuleSet, String>> = OnceLock::new();
    RULES
        .get_or_init(|| {
            RuleSet::embedded().map_err(|e| format!("error: the embedded rules do not load: {e}"))
        })
        .as_ref()
        .map_err(|m| Failure::plain(m.clone()))
}

/// The options every call may take (unknown keys are ignored, as the page
/// may send more than one call uses).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Options {
    lang: Option<String>,
    date: Option<String>,
    readings: Option<Map<String, Value>>,
    keep: Option<Vec<String>>,
    #[serde(rename = "maxChanges")]
    max_changes: Option<usize>,
    vary: Option<Vec<String>>,
}

fn options(json: &str) -> Result<Options, Failure> {
    if json.trim().is_empty() {
        return Ok(Options::default());
    }
    serde_json::from_str(json).map_err(|e| Failure::plain(format!("error: bad options: {e}")))
}

fn lang(o: &Options) -> Result<Lang, Failure> {
    match o.lang.as_deref() {
        None => Ok(Lang::En),
        Some(l) => Lang::parse(l).ok_or_else(|| {
            Failure::plain(format!(
                "error: unknown language `{l}`\n  help: use `en` or `ja`"
            ))
        }),
    }
}

fn lang_code(code: &str) -> Lang {
    Lang::parse(code).unwrap_or(Lang::En)
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, Failure> {
    serde_json::to_string(v).map_err(|e| Failure::plain(format!("error: {e}")))
}

/// Reads a scenario as the CLI reads a file (same size limit, same checks);
/// its problems are written in `lang`.
fn scenario(rules: &RuleSet, yaml: &str, lang: Lang) -> Result<Scenario, Failure> {
    let size = yaml.len() as u64;
    if size > DEFAULT_MAX_SCENARIO_BYTES {
        return Err(Failure::plain(format!(
            "error: {FILE}: the file is {size} bytes, over the limit of {DEFAULT_MAX_SCENARIO_BYTES} bytes"
        )));
    }
    rules
        .parse_scenario(yaml, FILE)
        .map_err(|e| Failure::scenario(&e, yaml, lang))
}

/// A scenario with the options' date and readings applied (as `--date` and
/// `--reading` do).
fn scenario_with(rules: &RuleSet, yaml: &str, o: &Options) -> Result<Scenario, Failure> {
    let lang = lang(o)?;
    let mut s = scenario(rules, yaml, lang)?;
    if let Some(d) = &o.date {
        let date: Date = d.parse().map_err(|e: peacecoop::DateError| {
            let head = match lang {
                Lang::Ja => "エラー: 日付が正しくない",
                _ => "error: invalid date",
            };
            Failure::plain(format!("{head}: {}", e.message_in(lang)))
        })?;
        rules.set_date(&mut s, date);
    }
    for (id, option) in o.readings.iter().flatten() {
        let Some(option) = option.as_str() else {
            continue;
        };
        rules
            .set_reading(&mut s, id, option)
            .map_err(|d| Failure::plain(diagnostic::plain_in(&d, lang).trim_end()))?;
    }
    Ok(s)
}

/// The facts a scenario may state, for the form.
pub fn facts(lang: &str) -> Result<String, Failure> {
    to_json(&rules()?.facts(lang_code(lang)))
}

/// The readings of contested points, with their options.
pub fn readings_list(lang: &str) -> Result<String, Failure> {
    to_json(&rules()?.readings(lang_code(lang)))
}

/// Every source the rules rely on (`sources --format json`): the page turns
/// the `[id]` references in descriptions into links to their title and address.
pub fn sources(lang: &str) -> Result<String, Failure> {
    to_json(&rules()?.sources(lang_code(lang)))
}

include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));

/// Every shipped scenario: `[{file, name, yaml}]`, the name in `lang`.
pub fn scenarios(lang: &str) -> Result<String, Failure> {
    let ja = lang_code(lang) == Lang::Ja;
    let list: Vec<Value> = SCENARIOS
        .iter()
        .map(|(file, en, name_ja, yaml)| {
            let name = if ja { name_ja } else { en };
            json!({"file": file, "name": name, "yaml": yaml})
        })
        .collect();
    to_json(&list)
}

/// One rule in full (`explain --format json`): conditions in words, the
/// statute's words of each version, sources.
pub fn explain(rule: &str, opts: &str) -> Result<String, Failure> {
    let rules = rules()?;
    let o = options(opts)?;
    let lang = lang(&o)?;
    match rules.explain(rule, lang) {
        Some(x) => to_json(&x),
        None => {
            let near = rules
                .rule_ids()
                .map(|id| (levenshtein(rule, id), id))
                .min()
                .filter(|(d, _)| *d <= (rule.chars().count() / 3).max(2));
            let hint = near.map_or_else(
                || "the trace lists the rule ids".to_owned(),
                |(_, id)| format!("did you mean `{id}`?"),
            );
            Err(Failure::plain(format!(
                "error: unknown rule `{rule}`\n  help: {hint}"
            )))
        }
    }
}

/// Edit distance, for the suggestion on an unknown rule id.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().take(200).enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Dotted names for nested mappings: `{"conflict": {"ceasefire": x}}` gives
/// `conflict.ceasefire: x`.
fn flatten(prefix: &str, v: &Map<String, Value>, out: &mut Map<String, Value>) {
    for (k, x) in v {
        let name = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match x {
            Value::Object(m) => flatten(&name, m, out),
            _ => {
                out.insert(name, x.clone());
            }
        }
    }
}

/// A scenario as the form sees it: `{name, facts: {dotted: value}, readings,
/// expect?}` (the facts the input gave; `null` where it says unknown).
/// Problems are written in the options' `lang`.
pub fn parse(yaml: &str, opts: &str) -> Result<String, Failure> {
    let rules = rules()?;
    let lang = lang(&options(opts)?)?;
    let s = scenario(rules, yaml, lang)?;
    let Value::Object(mut all) = rules.scenario_json(&s) else {
        return Err(Failure::plain("error: the scenario is not a mapping"));
    };
    let name = all.remove("name").unwrap_or(Value::Null);
    let readings = all.remove("readings").unwrap_or_else(|| json!({}));
    let expect = all.remove("expect");
    let mut facts = Map::new();
    flatten("", &all, &mut facts);
    let mut out = Map::new();
    out.insert("name".into(), name);
    out.insert("facts".into(), Value::Object(facts));
    out.insert("readings".into(), readings);
    if let Some(x) = expect {
        out.insert("expect".into(), x);
    }
    to_json(&out)
}

/// YAML text for the form's `{name, facts, readings, expect?}`, facts in
/// declaration order.
pub fn to_yaml(json: &str) -> Result<String, Failure> {
    let v: Value = serde_json::from_str(json).map_err(|e| Failure::plain(format!("error: {e}")))?;
    let rules = rules()?;
    let order: Vec<String> = rules.facts(Lang::En).into_iter().map(|f| f.name).collect();
    Ok(crate::yaml_out::scenario(&v, &order))
}

/// The ruleset's words for the fragments (its sources list), made once per language.
fn context(rules: &RuleSet, lang: Lang) -> &'static HandoutContext {
    static EN: OnceLock<HandoutContext> = OnceLock::new();
    static JA: OnceLock<HandoutContext> = OnceLock::new();
    let cell = if lang == Lang::Ja { &JA } else { &EN };
    cell.get_or_init(|| rules.handout_context(lang))
}

fn report_of(rules: &RuleSet, s: &Scenario, lang: Lang) -> peacecoop::report::Report {
    rules.report(s, &rules.evaluate(s), lang)
}

/// The CLI's `evaluate --format json` object.
pub fn evaluate(yaml: &str, opts: &str) -> Result<String, Failure> {
    let rules = rules()?;
    let o = options(opts)?;
    let lang = lang(&o)?;
    let s = scenario_with(rules, yaml, &o)?;
    to_json(&report_of(rules, &s, lang))
}

/// The report and the page's fragments: `{report, html: {summary, trace, history, sources}}`.
pub fn render(yaml: &str, opts: &str) -> Result<String, Failure> {
    let rules = rules()?;
    let o = options(opts)?;
    let lang = lang(&o)?;
    let s = scenario_with(rules, yaml, &o)?;
    let sheet = (report_of(rules, &s, lang), Some(rules.history(&s, lang)));
    let f = fragments::fragments(context(rules, lang), &sheet);
    let html = json!({
        "summary": f.summary,
        "trace": f.trace,
        "history": f.history,
        "sources": f.sources,
    });
    let out = json!({"report": sheet.0, "html": html});
    to_json(&out)
}

/// The CLI's `whatif --format json` object. `keep` absent: the facts that
/// say what the mission is (as the CLI); `[]`: nothing; else those facts.
pub fn whatif(yaml: &str, opts: &str) -> Result<String, Failure> {
    let rules = rules()?;
    let o = options(opts)?;
    let lang = lang(&o)?;
    let s = scenario_with(rules, yaml, &o)?;
    let keep = match &o.keep {
        None => Keep::Frame,
        Some(k) if k.is_empty() => Keep::Nothing,
        Some(k) => Keep::Facts(k.clone()),
    };
    let max = o
        .max_changes
        .unwrap_or(WhatifOptions::default().max_changes);
    let w = WhatifOptions::new(max, keep);
    let report = rules
        .whatif(&s, &w, lang)
        .map_err(|d| Failure::plain(diagnostic::plain_in(&d, lang).trim_end()))?;
    to_json(&report)
}

/// The CLI's `history --format json` object.
pub fn history(yaml: &str, opts: &str) -> Result<String, Failure> {
    let rules = rules()?;
    let o = options(opts)?;
    let lang = lang(&o)?;
    let s = scenario_with(rules, yaml, &o)?;
    to_json(&rules.history(&s, lang))
}

/// The CLI's `matrix --format json` object for the facts in `vary`.
pub fn matrix(yaml: &str, opts: &str) -> Result<String, Failure> {
    let rules = rules()?;
    let o = options(opts)?;
    let lang = lang(&o)?;
    let s = scenario_with(rules, yaml, &o)?;
    let vary = o.vary.clone().unwrap_or_default();
    let m = rules.matrix(&s, &vary, lang).map_err(|e| {
        let head = match lang {
            Lang::Ja => "エラー: --vary",
            _ => "error: --vary",
        };
        Failure::plain(format!("{head}: {}", e.message_in(lang)))
    })?;
    to_json(&m)
}

/// The CLI's `readings --format json` object for the scenario; readings
/// given in the options are kept fixed (as `--reading`).
pub fn readings(yaml: &str, opts: &str) -> Result<String, Failure> {
    let rules = rules()?;
    let o = options(opts)?;
    let lang = lang(&o)?;
    let s = scenario_with(rules, yaml, &o)?;
    let fixed: Vec<&str> = o
        .readings
        .iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .collect();
    let r = rules
        .readings_report(&s, &fixed, lang)
        .map_err(|d| Failure::plain(diagnostic::plain_in(&d, lang).trim_end()))?;
    to_json(&r)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names read by the build script are the library's.
    #[test]
    fn picker_names_are_the_scenarios_names() {
        let rules = rules().expect("rules");
        assert!(SCENARIOS.len() > 50);
        for (file, en, ja, yaml) in SCENARIOS {
            let s = rules
                .parse_scenario(yaml, file)
                .expect("shipped scenarios parse");
            assert_eq!(s.name_in(Lang::En), *en, "{file}");
            assert_eq!(s.name_in(Lang::Ja), *ja, "{file}");
        }
    }

    /// The form's view of every shipped scenario, written back as YAML, reads
    /// as the same scenario (same form view, same report).
    #[test]
    fn form_yaml_round_trip_for_every_shipped_scenario() {
        let rules = rules().expect("rules");
        for (file, _, _, yaml) in SCENARIOS {
            let form = parse(yaml, "").expect("parses");
            let written = to_yaml(&form).expect("writes");
            let again =
                parse(&written, "").unwrap_or_else(|e| panic!("{file}:\n{written}\n{}", e.message));
            assert_eq!(form, again, "{file}:\n{written}");
            let a = rules.parse_scenario(yaml, FILE).expect("a");
            let b = rules.parse_scenario(&written, FILE).expect("b");
            assert_eq!(
                report_of(rules, &a, Lang::Ja),
                report_of(rules, &b, Lang::Ja),
                "{file}"
            );
        }
    }

    /// Every `[id]` in the descriptions the page shows names a listed source,
    /// so each becomes a reference with a title.
    #[test]
    fn references_in_descriptions_name_listed_sources() {
        let list: Vec<Value> =
            serde_json::from_str(&sources("ja").expect("sources")).expect("json");
        let known: Vec<&str> = list.iter().filter_map(|s| s["id"].as_str()).collect();
        assert!(known.contains(&"diet-b192160"), "{known:?}");
        assert!(
            list.iter()
                .all(|s| s["title"].as_str().is_some_and(|t| !t.is_empty()))
        );
        let texts = facts("en").expect("facts") + &readings_list("en").expect("readings");
        let mut seen = 0;
        for part in texts.split('[').skip(1) {
            let Some((id, _)) = part.split_once(']') else {
                continue;
            };
            if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                assert!(known.contains(&id), "unlisted source [{id}]");
                seen += 1;
            }
        }
        assert!(seen >= 10, "{seen}");
    }

    #[test]
    fn form_edits_write_plain_yaml_in_declaration_order() {
        let form = json!({
            "name": {"en": "Mine", "ja": "私の"},
            "facts": {"tasks": ["engineering"], "conflict.ceasefire": "agreed", "date": "2005-01-01",
                      "conflict.occurred": true, "personnel": 300, "basis.organization": "UN, or \"so\""},
            "readings": {"parties-presumed": "unknown"},
            "expect": "eligible"
        });
        let y = to_yaml(&form.to_string()).expect("writes");
        assert_eq!(
            y,
            "name:\n  en: Mine\n  ja: \"私の\"\ndate: 2005-01-01\nbasis:\n  organization: \"UN, or \\\"so\\\"\"\n\
             conflict:\n  occurred: true\n  ceasefire: agreed\ntasks: [engineering]\npersonnel: 300\n\
             readings:\n  parties-presumed: unknown\nexpect: eligible\n"
        );
        let back: Value = serde_json::from_str(&parse(&y, "").expect("parses")).expect("json");
        assert_eq!(back["facts"]["basis.organization"], "UN, or \"so\"");
    }

    #[test]
    fn errors_read_like_the_cli_with_their_place() {
        let e = parse("name: x\ndate: 2005-01-01\noperation: un_peacekeping\n", "")
            .expect_err("bad value");
        assert!(
            e.message.starts_with(
                "error: scenario.yaml:3:12: invalid value for `operation`: found `un_peacekeping`"
            ),
            "{}",
            e.message
        );
        assert!(
            e.message
                .contains("3 | operation: un_peacekeping\n  |            ^^^^^^^^^^^^^^"),
            "{}",
            e.message
        );
        assert!(
            e.message.ends_with("help: did you mean `un_peacekeeping`?"),
            "{}",
            e.message
        );
        assert_eq!((e.line, e.column), (Some(3), Some(12)));
        let e = parse("name: [x\n", "").expect_err("bad YAML");
        assert!(
            e.message.starts_with("error: scenario.yaml:"),
            "{}",
            e.message
        );
        assert!(e.line.is_some());
        let e = parse("", "").expect_err("empty");
        assert_eq!((e.line, e.column), (None, None));
    }

    #[test]
    fn errors_follow_the_language_asked_for() {
        let bad = "name: x\ndate: 2005-01-01\noperation: un_peacekeping\n";
        let ja = parse(bad, r#"{"lang": "ja"}"#).expect_err("bad value");
        assert!(
            ja.message.starts_with("エラー: scenario.yaml:3:12:"),
            "{}",
            ja.message
        );
        assert!(!ja.message.contains("invalid value"), "{}", ja.message);
        assert_eq!((ja.line, ja.column), (Some(3), Some(12)));
        let ja = evaluate(bad, r#"{"lang": "ja"}"#).expect_err("bad value");
        assert!(ja.message.starts_with("エラー"), "{}", ja.message);
        let date =
            evaluate("name: x\n", r#"{"lang": "ja", "date": "2016-13-01"}"#).expect_err("bad date");
        assert!(
            date.message.starts_with("エラー: 日付が正しくない: "),
            "{}",
            date.message
        );
        assert!(!date.message.contains("invalid"), "{}", date.message);
    }

    #[test]
    fn explain_gives_the_statute_words_or_a_suggestion() {
        let x: Value =
            serde_json::from_str(&explain("ceasefire-agreement", r#"{"lang": "ja"}"#).expect("ok"))
                .expect("json");
        assert_eq!(x["rule"], "ceasefire-agreement");
        assert!(x["versions"][0]["cites"][0]["ja"].is_string(), "{x}");
        let e = explain("ceasefire-agrement", "").expect_err("unknown");
        assert_eq!(
            e.message,
            "error: unknown rule `ceasefire-agrement`\n  help: did you mean `ceasefire-agreement`?"
        );
    }

    #[test]
    fn options_are_checked() {
        let y = SCENARIOS[0].3;
        let e = evaluate(y, r#"{"lang": "fr"}"#).expect_err("lang");
        assert!(e.message.contains("unknown language `fr`"));
        let e = evaluate(y, r#"{"date": "2005-13-01"}"#).expect_err("date");
        assert!(
            e.message.starts_with("error: invalid date"),
            "{}",
            e.message
        );
        let e = evaluate(y, r#"{"readings": {"parties-presumed": "maybe"}}"#).expect_err("reading");
        assert!(e.message.contains("has no option `maybe`"), "{}", e.message);
        let e = matrix(y, r#"{"vary": ["conflict.cease"]}"#).expect_err("vary");
        assert!(
            e.message.contains("unknown fact `conflict.cease`"),
            "{}",
            e.message
        );
        let big = format!("name: x\n#{}\n", "a".repeat(1 << 20));
        assert!(
            parse(&big, "")
                .expect_err("too big")
                .message
                .contains("over the limit")
        );
    }

    #[test]
    fn date_and_readings_options_change_the_report() {
        let y = SCENARIOS
            .iter()
            .find(|s| s.0.ends_with("untac-1992.yaml"))
            .expect("untac")
            .3;
        let r: Value = serde_json::from_str(
            &evaluate(y, r#"{"date": "1985-01-01", "lang": "ja"}"#).expect("ok"),
        )
        .expect("json");
        assert_eq!(r["date"], "1985-01-01");
        assert_eq!(r["verdict"], "not_eligible");
        let r: Value = serde_json::from_str(
            &evaluate(y, r#"{"readings": {"parties-presumed": "unknown"}}"#).expect("ok"),
        )
        .expect("json");
        assert_eq!(r["readings"]["parties-presumed"], "unknown");
    }

    #[test]
    fn whatif_keeps_the_frame_by_default_and_frees_it_on_request() {
        let y = SCENARIOS
            .iter()
            .find(|s| s.0.ends_with("hypo-p1-no-ceasefire-1995.yaml"))
            .expect("p1")
            .3;
        let w: Value = serde_json::from_str(&whatif(y, "{}").expect("ok")).expect("json");
        let kept: Vec<&str> = w["kept"]
            .as_array()
            .expect("kept")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            kept.contains(&"operation") && kept.contains(&"date"),
            "{kept:?}"
        );
        assert!(
            !w["alternatives"]
                .as_array()
                .expect("alternatives")
                .is_empty()
        );
        let free: Value =
            serde_json::from_str(&whatif(y, r#"{"keep": []}"#).expect("ok")).expect("json");
        assert!(free["kept"].as_array().expect("kept").is_empty());
    }
}
