//! The committed JSON Schema is current, and an independent validator
//! (the `jsonschema` crate) accepts every shipped scenario and rejects mistakes.

use common::*;

mod common;

fn root() -> &'static std::path::Path {
    manifest_dir()
}

fn generated() -> serde_json::Value {
    rules().scenario_schema()
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(root().join("scenarios/schema.json"))
        .expect("scenarios/schema.json");
    let now = format!(
        "{}\n",
        serde_json::to_string_pretty(&generated()).expect("json")
    );
    assert!(
        committed == now,
        "scenarios/schema.json is stale: run `cargo run -- schema > scenarios/schema.json`"
    );
}

fn instance(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).expect("valid YAML")
}

#[test]
fn every_shipped_scenario_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&generated()).expect("a valid draft 2020-12 schema");
    let files = scenario_files();
    assert!(files.len() >= 50);
    for f in files {
        let text = read(&f);
        let errors: Vec<String> = validator
            .iter_errors(&instance(&text))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{f}: {errors:?}");
    }
}

#[test]
fn the_schema_rejects_what_the_parser_rejects() {
    let validator = jsonschema::validator_for(&generated()).expect("schema");
    for bad in [
        "name: x\nopration: un_peacekeeping\n",
        "name: x\nconflict: {ceasfire: agreed}\n",
        "name: x\noperation: peacekeeping\n",
        // Quoted: a YAML 1.1 reader (as the instance converter here is)
        // would turn a bare `yes` into true before the schema saw it.
        "name: x\nimpartial: \"yes\"\n",
        "name: x\ntasks: engineering\n",
        "name: x\ntasks: [enginering]\n",
        "name: x\npersonnel: -1\n",
        "operation: un_peacekeeping\n",
        "name: x\nexpect: {verdict: eligible, rules: {no-such-rule: pass}}\n",
        "name: x\nreadings: {parties-presumed: remains}\n",
        "name: x\nreadings: {no-such-reading: text}\n",
    ] {
        assert!(
            !validator.is_valid(&instance(bad)),
            "schema accepted: {bad}"
        );
        assert!(
            rules().parse_scenario(bad, "bad.yaml").is_err(),
            "parser accepted: {bad}"
        );
    }
    assert!(validator.is_valid(&instance(
        "name: x\nexpect: {verdict: eligible, rules: {ceasefire-agreement: pass}}\nconflict: {ceasefire: ~}\n"
    )));
    assert!(validator.is_valid(&instance(
        "name: {en: x, ja: エックス}\nreadings: {parties-presumed: unknown}\nexpect:\n  - {readings: {parties-presumed: remain}, verdict: eligible}\n"
    )));
}
