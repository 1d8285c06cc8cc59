//! Writes the form's scenario (`{name, facts: {dotted: value}, readings,
//! expect}`) as YAML a student can read and edit: facts in declaration order,
//! grouped under their parent key, lists and expectations in flow style.
//! Texts are written plain when YAML reads them back as the same text, and
//! otherwise double-quoted with JSON escapes (valid YAML).

use serde_json::{Map, Value};
use std::fmt::Write as _;

/// Words YAML (1.1 or 1.2) may read as something other than text.
const RESERVED: &[&str] = &[
    "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
];

/// A text as a YAML scalar.
fn text(s: &str) -> String {
    let b = s.as_bytes();
    let word = !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
        && !RESERVED.contains(&s.to_ascii_lowercase().as_str());
    let date = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if word || date {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
    }
}

/// A value in flow style: `[a, b]`, `{k: v}`, scalars.
fn flow(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&text(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                flow(x, out);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, x)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let _ = write!(out, " {}: ", text(k));
                flow(x, out);
            }
            out.push_str(if m.is_empty() { "}" } else { " }" });
        }
    }
}

fn flow_string(v: &Value) -> String {
    let mut s = String::new();
    flow(v, &mut s);
    s
}

/// The scenario as YAML; `order` is the facts' declaration order (facts
/// not declared follow, as given, so that the reader reports them).
pub fn scenario(v: &Value, order: &[String]) -> String {
    let empty = Map::new();
    let obj = v.as_object().unwrap_or(&empty);
    let mut out = String::new();
    match obj.get("name") {
        Some(Value::Object(m)) => {
            out.push_str("name:\n");
            for (k, x) in m {
                let _ = writeln!(out, "  {}: {}", text(k), flow_string(x));
            }
        }
        Some(Value::String(s)) => {
            let _ = writeln!(out, "name: {}", text(s));
        }
        _ => out.push_str("name: \"\"\n"),
    }
    let facts = obj
        .get("facts")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let mut names: Vec<&str> = order
        .iter()
        .map(String::as_str)
        .filter(|n| facts.contains_key(*n))
        .collect();
    names.extend(
        facts
            .keys()
            .map(String::as_str)
            .filter(|k| !order.iter().any(|o| o == k)),
    );
    let mut group: Option<&str> = None;
    for name in names {
        let Some(value) = facts.get(name) else {
            continue;
        };
        match name.split_once('.') {
            Some((head, rest)) => {
                if group != Some(head) {
                    let _ = writeln!(out, "{}:", text(head));
                    group = Some(head);
                }
                let _ = writeln!(out, "  {}: {}", text(rest), flow_string(value));
            }
            None => {
                group = None;
                let _ = writeln!(out, "{}: {}", text(name), flow_string(value));
            }
        }
    }
    if let Some(Value::Object(r)) = obj.get("readings")
        && r.values().any(|x| !x.is_null())
    {
        out.push_str("readings:\n");
        for (k, x) in r.iter().filter(|(_, x)| !x.is_null()) {
            let _ = writeln!(out, "  {}: {}", text(k), flow_string(x));
        }
    }
    match obj.get("expect") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            out.push_str("expect:\n");
            for x in items {
                let _ = writeln!(out, "  - {}", flow_string(x));
            }
        }
        Some(x) => {
            let _ = writeln!(out, "expect: {}", flow_string(x));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_plain_only_when_they_read_back_the_same() {
        assert_eq!(text("un_peacekeeping"), "un_peacekeeping");
        assert_eq!(text("2005-01-01"), "2005-01-01");
        assert_eq!(text("UNHCR"), "UNHCR");
        assert_eq!(text("yes"), "\"yes\"");
        assert_eq!(text("Null"), "\"Null\"");
        assert_eq!(text("UNTAC, Cambodia"), "\"UNTAC, Cambodia\"");
        assert_eq!(text("a: b # c"), "\"a: b # c\"");
        assert_eq!(text("1e5"), "\"1e5\"");
        assert_eq!(text(""), "\"\"");
        assert_eq!(text("say \"hi\"\n"), "\"say \\\"hi\\\"\\n\"");
    }
}
