//! Mermaid diagrams a slide can hold: one scenario (its principles, its rules
//! coloured by outcome, the facts that decided them), or the rule graph of
//! the ruleset, whole or for one principle. Labels are escaped onto one line:
//! nothing in a title can start a new statement (`click`, `%%{init}%%`).

use crate::model::{Lang, Outcome};
use crate::report::Report;
use std::fmt::Write as _;

/// A label safe inside `["…"]`: one line, no quotes, brackets or directives.
pub fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '%' => out.push_str("#37;"),
            '`' => out.push_str("#96;"),
            '[' | ']' | '{' | '}' | '(' | ')' | '|' => out.push_str(&format!("#{};", c as u32)),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn class(o: Outcome) -> &'static str {
    match o {
        Outcome::Pass => "pass",
        Outcome::Fail => "fail",
        Outcome::Undetermined => "undetermined",
        _ => "quiet",
    }
}

const CLASSES: &str = "  classDef pass fill:#e8f5e9,stroke:#1b5e20,color:#1b5e20\n  classDef fail fill:#ffebee,stroke:#b71c1c,color:#b71c1c,stroke-width:3px\n  classDef undetermined fill:#fff8e1,stroke:#7a4a00,color:#7a4a00\n  classDef quiet fill:#f5f5f5,stroke:#9e9e9e,color:#616161\n  classDef fact fill:#fff,stroke:#555,color:#222\n";

/// One scenario: each group of the trace a box, its applicable rules inside,
/// coloured by outcome; the facts that failing or undetermined rules read
/// point at them.
pub fn scenario(r: &Report, lang: Lang) -> String {
    let mut out = String::from("flowchart LR\n");
    let verdict = crate::report::words::verdict_word(lang, r.verdict);
    let _ = writeln!(
        out,
        "  verdict[\"{} — {}\"]",
        label(&r.scenario.name),
        label(verdict)
    );
    let mut facts: Vec<String> = Vec::new();
    for (g, group) in r.groups.iter().enumerate() {
        let shown: Vec<&crate::report::Entry> = group
            .rules
            .iter()
            .filter_map(|id| r.entry(id))
            .filter(|e| !matches!(e.outcome, Outcome::NotApplicable | Outcome::NotInForce))
            .collect();
        if shown.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  subgraph g{g}[\"{}\"]", label(&group.title));
        for e in &shown {
            let i = r.trace.iter().position(|x| x.rule == e.rule).unwrap_or(0);
            let _ = writeln!(
                out,
                "    r{i}[\"{}\"]:::{}",
                label(&e.title),
                class(e.outcome)
            );
        }
        let _ = writeln!(out, "  end");
        let _ = writeln!(out, "  g{g} --> verdict");
    }
    for (i, e) in r.trace.iter().enumerate() {
        if !matches!(e.outcome, Outcome::Fail | Outcome::Undetermined) {
            continue;
        }
        for (name, value) in &e.facts {
            let f = match facts.iter().position(|x| x == name) {
                Some(f) => f,
                None => {
                    facts.push(name.clone());
                    let v = match value {
                        serde_json::Value::Null => {
                            crate::report::words::words(lang).unknown.to_owned()
                        }
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let f = facts.len() - 1;
                    let _ = writeln!(out, "  f{f}([\"{} = {}\"]):::fact", label(name), label(&v));
                    f
                }
            };
            let _ = writeln!(out, "  f{f} -.-> r{i}");
        }
    }
    out.push_str(CLASSES);
    out
}

/// The rules (in force on `date`, of principle `principle` when given), the
/// facts they read and the rules they refer to.
pub fn ruleset(
    rs: &crate::RuleSet,
    date: Option<crate::Date>,
    principle: Option<u8>,
    lang: Lang,
) -> String {
    let law = &rs.law;
    let mut out = String::from("flowchart LR\n");
    let selected: Vec<usize> = (0..law.rules.len())
        .filter(|&i| date.is_none_or(|d| law.rules[i].version_at(d).is_some()))
        .filter(|&i| principle.is_none_or(|p| law.rules[i].principle == Some(p)))
        .collect();
    let mut used = crate::model::ids::FactSet::EMPTY;
    for &i in &selected {
        for v in &law.rules[i].versions {
            used = used.union(v.reads);
        }
    }
    let _ = writeln!(
        out,
        "  subgraph facts[\"{}\"]",
        if lang == Lang::Ja { "事実" } else { "Facts" }
    );
    for f in used.iter() {
        let _ = writeln!(
            out,
            "    f{}([\"{}\"]):::fact",
            f.0,
            label(&law.vocab.get(f).name)
        );
    }
    let _ = writeln!(out, "  end");
    let mut groups: Vec<(u16, String, Vec<usize>)> = Vec::new();
    for &i in &selected {
        let (k, h) = crate::report::group_of(law, &law.rules[i], lang);
        match groups.iter_mut().find(|g| g.0 == k) {
            Some(g) => g.2.push(i),
            None => groups.push((k, h, vec![i])),
        }
    }
    groups.sort_by_key(|g| g.0);
    for (k, heading, rules) in &groups {
        let _ = writeln!(out, "  subgraph g{k}[\"{}\"]", label(heading));
        for &i in rules {
            let r = &law.rules[i];
            let _ = writeln!(
                out,
                "    r{i}[\"{}<br/><small>{}</small>\"]",
                label(&r.id.0),
                label(r.title.of(lang))
            );
        }
        let _ = writeln!(out, "  end");
    }
    for &i in &selected {
        let r = &law.rules[i];
        let mut reads = crate::model::ids::FactSet::EMPTY;
        let mut refs = Vec::new();
        for v in &r.versions {
            reads = reads.union(v.reads);
            refs.extend(v.refers.iter().copied());
        }
        for f in reads.iter() {
            let _ = writeln!(out, "  f{} --> r{i}", f.0);
        }
        refs.sort_unstable();
        refs.dedup();
        for other in refs.into_iter().filter(|o| selected.contains(o)) {
            let _ = writeln!(out, "  r{other} -.-> r{i}");
        }
    }
    out.push_str(CLASSES);
    out
}
