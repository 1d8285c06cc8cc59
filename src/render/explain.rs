//! One rule in full (`peacecoop explain`), conditions in words, and the rule
//! graph as a Mermaid diagram (`peacecoop rules --format mermaid`).

use crate::date::Date;
use crate::facts::{FactId, FactType, Value};
use crate::rule::{CmpOp, Condition, Rule, Test};
use crate::ruleset::RuleSet;
use crate::text::Lang;
use serde_json::{Value as Json, json};
use std::fmt::Write as _;

fn names(rs: &RuleSet, f: FactId, mask: u64) -> String {
    let decl = rs.vocab.get(f);
    let all: Vec<String> = match &decl.ty {
        FactType::Text => decl.symbols.clone(),
        ty => ty.values().iter().map(|v| v.name.clone()).collect(),
    };
    all.iter()
        .enumerate()
        .filter(|(i, _)| *i < 64 && mask & (1 << i) != 0)
        .map(|(_, n)| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn test_words(rs: &RuleSet, f: FactId, t: &Test, lang: Lang) -> String {
    let name = &rs.vocab.get(f).name;
    let date_or = |n: i64| match (rs.vocab.get(f).ty.keyword(), Date::from_ordinal(n)) {
        ("date", Some(d)) => d.to_string(),
        _ => n.to_string(),
    };
    match (lang, t) {
        (Lang::En, Test::IsSet) => format!("`{name}` is known"),
        (Lang::Ja, Test::IsSet) => format!("`{name}` が判明している"),
        (_, Test::Is(v)) => {
            let v = match v {
                Value::Sym(s) => rs
                    .vocab
                    .get(f)
                    .symbols
                    .get(*s as usize)
                    .cloned()
                    .unwrap_or_default(),
                v => rs.vocab.display(f, *v, None),
            };
            match lang {
                Lang::En => format!("`{name}` is `{v}`"),
                Lang::Ja => format!("`{name}` が `{v}`"),
            }
        }
        (Lang::En, Test::In(m)) => format!("`{name}` is one of {}", names(rs, f, *m)),
        (Lang::Ja, Test::In(m)) => format!("`{name}` が {} のいずれか", names(rs, f, *m)),
        (Lang::En, Test::ContainsAll(m)) => format!("`{name}` includes {}", names(rs, f, *m)),
        (Lang::Ja, Test::ContainsAll(m)) => format!("`{name}` に {} を含む", names(rs, f, *m)),
        (Lang::En, Test::ContainsAny(m)) => {
            format!("`{name}` includes any of {}", names(rs, f, *m))
        }
        (Lang::Ja, Test::ContainsAny(m)) => {
            format!("`{name}` に {} のいずれかを含む", names(rs, f, *m))
        }
        (_, Test::Cmp(op, n)) => {
            let v = date_or(*n);
            match (lang, op) {
                (Lang::En, CmpOp::AtLeast) => format!("`{name}` is {v} or later/more"),
                (Lang::En, CmpOp::AtMost) => format!("`{name}` is {v} or earlier/less"),
                (Lang::En, CmpOp::Before) => format!("`{name}` is before/below {v}"),
                (Lang::En, CmpOp::After) => format!("`{name}` is after/above {v}"),
                (Lang::Ja, CmpOp::AtLeast) => format!("`{name}` が {v} 以上（以後）"),
                (Lang::Ja, CmpOp::AtMost) => format!("`{name}` が {v} 以下（以前）"),
                (Lang::Ja, CmpOp::Before) => format!("`{name}` が {v} 未満（より前）"),
                (Lang::Ja, CmpOp::After) => format!("`{name}` が {v} を超える（より後）"),
            }
        }
    }
}

/// A condition as an indented list of plain-language lines.
pub fn condition(rs: &RuleSet, c: &Condition, lang: Lang, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match c {
        Condition::Const(b) => {
            let w = match (lang, b) {
                (Lang::En, true) => "always",
                (Lang::En, false) => "never (the rule fails whenever it applies)",
                (Lang::Ja, true) => "常に",
                (Lang::Ja, false) => "常に満たされない（適用されれば不充足）",
            };
            let _ = writeln!(out, "{pad}- {w}");
        }
        Condition::All(cs) | Condition::Any(cs) => {
            let head = match (lang, matches!(c, Condition::All(_))) {
                (Lang::En, true) => "all of:",
                (Lang::En, false) => "any of:",
                (Lang::Ja, true) => "次のすべて：",
                (Lang::Ja, false) => "次のいずれか：",
            };
            let _ = writeln!(out, "{pad}- {head}");
            for c in cs {
                condition(rs, c, lang, indent + 2, out);
            }
        }
        Condition::Term(t, _) => {
            let term = &rs.terms[*t];
            let _ = match lang {
                Lang::En => writeln!(
                    out,
                    "{pad}- {} (term `{}`)",
                    term.description.get(lang),
                    term.name
                ),
                Lang::Ja => writeln!(
                    out,
                    "{pad}- {}（定義語 `{}`）",
                    term.description.get(lang),
                    term.name
                ),
            };
        }
        Condition::Not(inner) => {
            let head = match lang {
                Lang::En => "not:",
                Lang::Ja => "次に当たらない：",
            };
            let _ = writeln!(out, "{pad}- {head}");
            condition(rs, inner, lang, indent + 2, out);
        }
        Condition::Fact { fact, test } => {
            let _ = writeln!(out, "{pad}- {}", test_words(rs, *fact, test, lang));
        }
        Condition::Rule { rule, outcomes } => {
            let os: Vec<&str> = crate::trace::Outcome::ALL
                .iter()
                .filter(|o| outcomes.contains(**o))
                .map(|o| o.as_str())
                .collect();
            let _ = match lang {
                Lang::En => writeln!(
                    out,
                    "{pad}- rule `{}` is {}",
                    rs.rules[*rule].id,
                    os.join(" or ")
                ),
                Lang::Ja => writeln!(
                    out,
                    "{pad}- 規則 `{}` が {}",
                    rs.rules[*rule].id,
                    os.join("、")
                ),
            };
        }
    }
}

/// One rule in full: requirement, the law's words, citations, versions.
pub fn text(rs: &RuleSet, rule: &Rule, lang: Lang) -> String {
    let mut out = String::new();
    let ja = lang == Lang::Ja;
    let _ = writeln!(out, "{} — {}", rule.id, rule.title.get(lang));
    let principle = rule
        .principle
        .and_then(|p| rs.principles.iter().find(|x| x.number == p));
    match principle {
        Some(p) if ja => {
            let _ = writeln!(
                out,
                "原則{}（{}）／種別：{}",
                p.number,
                p.title.get(lang),
                rule.kind.keyword()
            );
        }
        Some(p) => {
            let _ = writeln!(
                out,
                "Principle {} ({}); kind: {}",
                p.number,
                p.title.get(lang),
                rule.kind.keyword()
            );
        }
        None if ja => {
            let _ = writeln!(out, "種別：{}", rule.kind.keyword());
        }
        None => {
            let _ = writeln!(out, "Kind: {}", rule.kind.keyword());
        }
    }
    if !rule.description.is_empty() {
        let _ = writeln!(out, "\n{}", rule.description.get(lang));
    }
    let _ = writeln!(
        out,
        "\n{}: {}",
        if ja { "定義箇所" } else { "Defined at" },
        rule.location
    );
    for v in &rule.versions {
        let _ = writeln!(
            out,
            "\n{} {}",
            if ja {
                "■ 施行期間"
            } else {
                "■ In force"
            },
            v.period
        );
        if let Some(c) = &v.change {
            let _ = writeln!(
                out,
                "  {}: {}",
                if ja { "改正点" } else { "What changed" },
                c.get(lang)
            );
        }
        let _ = writeln!(
            out,
            "  {}:",
            if ja {
                "適用される場合"
            } else {
                "Applies if"
            }
        );
        condition(rs, &v.applies_if, lang, 4, &mut out);
        match &v.require {
            Some(r) => {
                let _ = writeln!(out, "  {}:", if ja { "要件" } else { "Requires" });
                condition(rs, r, lang, 4, &mut out);
            }
            None => {
                let _ = writeln!(
                    out,
                    "  {}",
                    if ja {
                        "手続：判定には影響しない"
                    } else {
                        "Procedure: reported as a step; never decides the verdict"
                    }
                );
            }
        }
        if let Some(r) = &v.reading {
            let _ = writeln!(
                out,
                "  {}: {}",
                if ja {
                    "採用した解釈"
                } else {
                    "Reading taken"
                },
                r.get(lang)
            );
        }
        let _ = writeln!(out, "  {}:", if ja { "根拠" } else { "Cites" });
        for c in &v.cites {
            let _ = writeln!(out, "    {}", c.article);
            if let Some(j) = &c.text_ja {
                let _ = writeln!(out, "      「{j}」");
            }
            if let Some(e) = &c.text_en {
                let _ = writeln!(out, "      \"{e}\"");
            }
        }
    }
    out
}

/// One rule as JSON.
pub fn json(rs: &RuleSet, rule: &Rule, lang: Lang) -> Json {
    let versions: Vec<Json> = rule
        .versions
        .iter()
        .map(|v| {
            let mut applies = String::new();
            condition(rs, &v.applies_if, lang, 0, &mut applies);
            let mut requires = String::new();
            if let Some(r) = &v.require {
                condition(rs, r, lang, 0, &mut requires);
            }
            json!({
                "from": v.period.from.map(|d| d.to_string()),
                "until": v.period.until.map(|d| d.to_string()),
                "change": v.change.as_ref().map(|t| t.get(lang)),
                "applies_if": applies.trim_end(),
                "requires": v.require.as_ref().map(|_| requires.trim_end().to_owned()),
                "reading": v.reading.as_ref().map(|t| t.get(lang)),
                "cites": v.cites.iter().map(|c| json!({"article": c.article, "ja": c.text_ja, "en": c.text_en})).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "schema_version": super::json::SCHEMA_VERSION,
        "rule": rule.id.0,
        "title": rule.title.get(lang),
        "principle": rule.principle,
        "kind": rule.kind.keyword(),
        "description": rule.description.get(lang),
        "versions": versions,
    })
}

/// A Mermaid node id: the kind and the index, so that no two names collide.
fn node_id(prefix: &str, index: usize) -> String {
    format!("{prefix}{index}")
}

fn label(s: &str) -> String {
    s.replace('"', "'").replace(['<', '>'], "")
}

/// The rules, the facts they read and the rules they refer to, as a Mermaid flowchart.
pub fn mermaid(rs: &RuleSet, date: Option<Date>, lang: Lang) -> String {
    let mut out = String::from("flowchart LR\n");
    let selected: Vec<usize> = (0..rs.rules.len())
        .filter(|&i| date.is_none_or(|d| rs.rules[i].version_at(d).is_some()))
        .collect();
    let mut used = crate::facts::FactSet::EMPTY;
    for &i in &selected {
        for v in &rs.rules[i].versions {
            used = used.union(v.reads);
        }
    }
    let _ = writeln!(
        out,
        "  subgraph facts[\"{}\"]",
        if lang == Lang::Ja { "事実" } else { "Facts" }
    );
    for f in used.iter() {
        let name = &rs.vocab.get(f).name;
        let _ = writeln!(
            out,
            "    {}([\"{}\"])",
            node_id("f", f.0 as usize),
            label(name)
        );
    }
    let _ = writeln!(out, "  end");
    let mut groups: Vec<(u8, String, Vec<usize>)> = Vec::new();
    for &i in &selected {
        let (k, h) = super::group(rs, &rs.rules[i], lang);
        match groups.iter_mut().find(|g| g.0 == k) {
            Some(g) => g.2.push(i),
            None => groups.push((k, h, vec![i])),
        }
    }
    groups.sort_by_key(|g| g.0);
    for (k, heading, rules) in &groups {
        let _ = writeln!(out, "  subgraph g{k}[\"{}\"]", label(heading));
        for &i in rules {
            let r = &rs.rules[i];
            let _ = writeln!(
                out,
                "    {}[\"{}<br/><small>{}</small>\"]",
                node_id("r", i),
                label(&r.id.0),
                label(r.title.get(lang))
            );
        }
        let _ = writeln!(out, "  end");
    }
    for &i in &selected {
        let r = &rs.rules[i];
        let mut reads = crate::facts::FactSet::EMPTY;
        let mut refs = Vec::new();
        for v in &r.versions {
            reads = reads.union(v.reads);
            refs.extend(v.applies_if.rules());
            if let Some(c) = &v.require {
                refs.extend(c.rules());
            }
        }
        for f in reads.iter() {
            let _ = writeln!(
                out,
                "  {} --> {}",
                node_id("f", f.0 as usize),
                node_id("r", i)
            );
        }
        refs.sort_unstable();
        refs.dedup();
        for other in refs {
            let _ = writeln!(out, "  {} -.-> {}", node_id("r", other), node_id("r", i));
        }
    }
    out
}
