//! Fact declarations and reading YAML values as typed fact values.

use super::*;

impl Loader {
    // ---------------------------------------------------------------- facts

    pub(super) fn fact_decl(&mut self, file: &str, node: &Node) {
        let Some(f) = self.fields(file, node, FACT_KEYS, "a fact declaration") else {
            return;
        };
        let Some(name) = self.string(file, &f, "name", node) else {
            return;
        };
        let loc = at(file, node.pos);
        if !valid_fact_name(&name) {
            self.err(
                "invalid-name",
                loc.clone(),
                format!("`{name}` is not a valid fact name"),
                Some(
                    "use lower-case words joined by `_`, grouped with dots: `conflict.ceasefire`"
                        .into(),
                ),
            );
            return;
        }
        if SCENARIO_META.contains(&name.as_str()) {
            self.err(
                "reserved-name",
                loc,
                format!("`{name}` is reserved for scenario metadata"),
                None,
            );
            return;
        }
        if self.vocab.lookup(&name).is_some() {
            self.err(
                "duplicate-fact",
                loc,
                format!("fact `{name}` is declared twice"),
                None,
            );
            return;
        }
        let clash = self.vocab.facts.iter().find(|o| {
            o.name.starts_with(&format!("{name}.")) || name.starts_with(&format!("{}.", o.name))
        });
        if let Some(o) = clash {
            let o = o.name.clone();
            self.err(
                "fact-group-clash",
                loc,
                format!(
                    "`{name}` and `{o}` cannot both be facts: one would be a group of the other"
                ),
                None,
            );
            return;
        }
        let description = self.text(file, &f, "description", node).unwrap_or_default();
        let ty_name = self.string(file, &f, "type", node).unwrap_or_default();
        let ty = match ty_name.as_str() {
            "bool" => FactType::Bool,
            "date" => FactType::Date,
            "text" => FactType::Text,
            "int" => {
                let mut get = |k: &str, dflt: i64| match f.get(k) {
                    None => dflt,
                    Some((
                        _,
                        Node {
                            value: Y::Int(i), ..
                        },
                    )) => *i,
                    Some((_, n)) => {
                        self.err(
                            "invalid-bound",
                            at(file, n.pos),
                            format!("`{k}` must be an integer"),
                            None,
                        );
                        dflt
                    }
                };
                let (min, max) = (get("min", 0), get("max", i64::from(i32::MAX)));
                if min > max {
                    self.err(
                        "invalid-bound",
                        at(file, node.pos),
                        format!("`min` {min} is above `max` {max}"),
                        None,
                    );
                }
                FactType::Int { min, max }
            }
            "enum" | "list" => {
                let values = match f.get("values") {
                    Some((
                        _,
                        Node {
                            value: Y::Map(m), ..
                        },
                    )) if !m.is_empty() => {
                        let mut out = Vec::new();
                        for (k, v) in m {
                            let what = format!("the description of value `{}`", k.name);
                            let description = self.text_node(file, v, &what).unwrap_or_default();
                            out.push(EnumValue {
                                name: k.name.clone(),
                                description,
                            });
                        }
                        out
                    }
                    Some((_, n)) => {
                        self.err(
                            "invalid-values",
                            at(file, n.pos),
                            "`values` must map each value to its description".into(),
                            None,
                        );
                        Vec::new()
                    }
                    None => {
                        self.err(
                            "missing-key",
                            at(file, node.pos),
                            format!("an {ty_name} fact needs `values`"),
                            None,
                        );
                        Vec::new()
                    }
                };
                if values.len() > 64 {
                    self.err(
                        "too-many-values",
                        at(file, node.pos),
                        "at most 64 values per fact".into(),
                        None,
                    );
                }
                if ty_name == "enum" {
                    FactType::Enum(values)
                } else {
                    FactType::List(values)
                }
            }
            "" => return,
            other => {
                let s = suggest(other, ["bool", "enum", "list", "int", "date", "text"]);
                self.err(
                    "unknown-type",
                    at(file, f.get("type").map_or(node.pos, |(_, n)| n.pos)),
                    format!("unknown fact type `{other}`"),
                    Some(s.map_or_else(
                        || "expected one of `bool`, `enum`, `list`, `int`, `date`, `text`".into(),
                        |s| format!("did you mean `{s}`?"),
                    )),
                );
                return;
            }
        };
        if !matches!(ty, FactType::Enum(_) | FactType::List(_))
            && let Some((k, _)) = f.get("values")
        {
            self.err(
                "unused-key",
                at(file, k.pos),
                format!("`values` only belongs to enum and list facts, not {ty_name}"),
                None,
            );
        }
        let mut decl = FactDecl {
            name: name.clone(),
            ty,
            description,
            default: None,
            used_if: None,
            symbols: Vec::new(),
            location: at(file, node.pos),
        };
        if let Some((_, dn)) = f.get("default") {
            if matches!(&dn.value, Y::Str(s) if s == "today") && matches!(decl.ty, FactType::Date) {
                decl.default = Some(FactDefault::Today);
            } else {
                match value_of(&decl, dn) {
                    Ok(Some(v)) => decl.default = Some(FactDefault::Value(v)),
                    Ok(None) => {}
                    Err(e) => self.err(
                        "invalid-default",
                        at(file, dn.pos),
                        format!(
                            "default of `{name}`: found {}, expected {}",
                            e.found, e.expected
                        ),
                        e.hint,
                    ),
                }
            }
        }
        if self.vocab.facts.len() >= MAX_FACTS {
            self.err(
                "too-many-facts",
                loc,
                format!("at most {MAX_FACTS} facts can be declared"),
                None,
            );
            return;
        }
        let id = FactId(self.vocab.facts.len() as u16);
        if name == "date" && matches!(decl.ty, FactType::Date) {
            self.vocab.date_fact = Some(id);
        }
        self.vocab.facts.push(decl);
        if let Some((_, un)) = f.get("used_if") {
            self.pending_used_if.push((id, file.to_owned(), un.clone()));
        }
    }
}

/// A literal in a rule (interning text names into the fact's symbols).
pub(super) fn literal(decl: &mut FactDecl, n: &Node) -> Result<Value, String> {
    match value_of(decl, n) {
        Ok(Some(Value::Sym(OTHER_SYMBOL))) => {
            let Y::Str(s) = &n.value else {
                return Err(format!("`{}` takes a text", decl.name));
            };
            decl.symbols.push(s.trim().to_uppercase());
            Ok(Value::Sym((decl.symbols.len() - 1) as u32))
        }
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(format!("a test on `{}` needs a value, not null", decl.name)),
        Err(e) => Err(format!(
            "invalid value for `{}`: found {}, expected {}{}",
            decl.name,
            e.found,
            e.expected,
            e.hint.map(|h| format!(" ({h})")).unwrap_or_default()
        )),
    }
}

/// Why a YAML value does not fit a fact.
pub(crate) struct ValueError {
    /// What was written.
    pub found: String,
    /// What is allowed.
    pub expected: String,
    /// A suggestion.
    pub hint: Option<String>,
    /// Where, when it is not the value's own position (a list item).
    pub pos: Option<Pos>,
}

pub(super) fn found(v: &Y) -> String {
    match v {
        Y::Str(s) => format!("`{s}`"),
        Y::Int(i) => format!("`{i}`"),
        Y::Float(x) => format!("`{x}`"),
        Y::Bool(b) => format!("`{b}`"),
        other => other.kind().to_owned(),
    }
}

/// A `YYYY/MM/DD`, `YYYY.MM.DD` or unpadded date rewritten as `YYYY-MM-DD`, if it is one.
fn date_fix(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.trim().split(['-', '/', '.']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = (
        y.parse::<u32>().ok()?,
        m.parse::<u32>().ok()?,
        d.parse::<u32>().ok()?,
    );
    let fixed = format!("{y:04}-{m:02}-{d:02}");
    (y > 31 && fixed.parse::<Date>().is_ok() && fixed != s.trim()).then_some(fixed)
}

/// Reads a YAML value as a value of `decl`. `Ok(None)` is an explicit null; a
/// text no rule mentions is [`OTHER_SYMBOL`].
pub(super) fn value_of(decl: &FactDecl, n: &Node) -> Result<Option<Value>, ValueError> {
    let bad = |hint: Option<String>| ValueError {
        found: found(&n.value),
        expected: decl.ty.expected(),
        hint,
        pos: None,
    };
    if let Y::Null = n.value {
        return Ok(None);
    }
    let v = match (&decl.ty, &n.value) {
        (FactType::Bool, Y::Bool(b)) => Value::Bool(*b),
        (FactType::Bool, Y::Str(s)) => {
            let l = s.to_lowercase();
            let hint = match l.as_str() {
                "true" | "false" => Some(format!(
                    "the value is quoted, so it is text: write `{l}` without quotes"
                )),
                "yes" | "y" | "on" => {
                    Some("YAML 1.2 booleans are `true` and `false` only: write `true`".to_owned())
                }
                "no" | "n" | "off" => {
                    Some("YAML 1.2 booleans are `true` and `false` only: write `false`".to_owned())
                }
                _ => None,
            };
            return Err(ValueError {
                found: if matches!(l.as_str(), "true" | "false") {
                    format!("the text `\"{s}\"`")
                } else {
                    found(&n.value)
                },
                ..bad(hint)
            });
        }
        (FactType::Enum(vals), Y::Str(s)) => match vals.iter().position(|v| &v.name == s) {
            Some(i) => Value::Enum(i as u8),
            None => {
                let s = suggest(s, vals.iter().map(|v| v.name.as_str()));
                return Err(bad(s.map(|s| format!("did you mean `{s}`?"))));
            }
        },
        (FactType::List(vals), Y::Seq(items)) => {
            let mut bits = 0u64;
            for it in items {
                let Y::Str(s) = &it.value else {
                    return Err(ValueError {
                        found: format!("{} in the list", found(&it.value)),
                        expected: decl.ty.expected(),
                        hint: None,
                        pos: Some(it.pos),
                    });
                };
                match vals.iter().position(|v| &v.name == s) {
                    Some(i) => bits |= 1 << i,
                    None => {
                        let sug = suggest(s, vals.iter().map(|v| v.name.as_str()));
                        return Err(ValueError {
                            found: format!("`{s}` in the list"),
                            expected: decl.ty.expected(),
                            hint: sug.map(|s| format!("did you mean `{s}`?")),
                            pos: Some(it.pos),
                        });
                    }
                }
            }
            Value::Set(bits)
        }
        (FactType::List(_), Y::Str(s)) => {
            return Err(bad(Some(format!(
                "write a list, even of one item: `[{s}]`"
            ))));
        }
        (FactType::Int { min, max }, Y::Int(i)) => {
            if i < min || i > max {
                let why = if i < min {
                    format!("{i} is below the minimum, {min}")
                } else {
                    format!("{i} is above the maximum, {max}")
                };
                return Err(bad(Some(why)));
            }
            Value::Int(*i)
        }
        (FactType::Int { .. }, Y::Float(_)) => {
            return Err(bad(Some(
                "a whole number without fraction or exponent, within range".into(),
            )));
        }
        (FactType::Int { .. }, Y::Str(s)) if s.trim().parse::<i64>().is_ok() => {
            return Err(bad(Some(format!(
                "the number is quoted, so it is text: write `{}` without quotes",
                s.trim()
            ))));
        }
        (FactType::Int { .. }, Y::Str(s)) if s.replace([',', '_'], "").parse::<i64>().is_ok() => {
            return Err(bad(Some(format!(
                "write the number without separators: `{}`",
                s.replace([',', '_'], "")
            ))));
        }
        (FactType::Date, Y::Str(s)) => match s.parse::<Date>() {
            Ok(d) => Value::Date(d),
            Err(e) => {
                return Err(bad(Some(match date_fix(s) {
                    Some(fixed) => format!("write `{fixed}`"),
                    None => e.to_string(),
                })));
            }
        },
        (FactType::Text, Y::Str(s)) if !s.trim().is_empty() => {
            let key = s.trim().to_uppercase();
            match decl.symbols.iter().position(|x| *x == key) {
                Some(i) => Value::Sym(i as u32),
                None => Value::Sym(OTHER_SYMBOL),
            }
        }
        _ => return Err(bad(None)),
    };
    Ok(Some(v))
}
