//! Reading input values as typed fact values: one implementation for every
//! route a value comes by (a scenario file, JSON, code, a literal in a rule).

use crate::error::{did_you_mean, suggest};
use crate::message::{Expected, Found, Msg};
use crate::model::Date;
use crate::model::facts::{FactDecl, FactType};
use crate::model::value::{OTHER_SYMBOL, Value};
use crate::tree::{Node, Pos, Value as Y};

/// A literal in a rule (interning text names into the fact's symbols).
pub(super) fn literal(decl: &mut FactDecl, n: &Node) -> Result<Value, Msg> {
    match value_of(decl, n) {
        Ok(Some(Value::Sym(OTHER_SYMBOL))) => {
            let Y::Str(s) = &n.value else {
                return Err(Msg::TakesText {
                    fact: decl.name.to_string(),
                });
            };
            decl.symbols.to_mut().push(s.trim().to_uppercase().into());
            Ok(Value::Sym((decl.symbols.len() - 1) as u32))
        }
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(Msg::NeedsValue {
            fact: decl.name.to_string(),
        }),
        Err(e) => Err(Msg::LiteralValue {
            fact: decl.name.to_string(),
            found: e.found,
            expected: e.expected,
            hint: e.hint.map(Box::new),
        }),
    }
}

/// Why a YAML value does not fit a fact.
pub(crate) struct ValueError {
    /// What was written.
    pub found: Found,
    /// What is allowed.
    pub expected: Expected,
    /// A suggestion.
    pub hint: Option<Msg>,
    /// Where, when it is not the value's own position (a list item).
    pub pos: Option<Pos>,
}

pub(crate) fn found(v: &Y) -> Found {
    Found::of(v)
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

/// What to write instead of a text given for a whole number. The YAML reader
/// takes only plain decimal digits as a number, so a number written in a
/// notation YAML versions disagree on (`0x1F`, `0o17`, `0b101`, `017`, `+5`,
/// `1_000`) arrives here as text, as does a quoted one.
fn int_hint(s: &str) -> Option<Msg> {
    let t = s.trim();
    let (sign, unsigned) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t.strip_prefix('+').unwrap_or(t)),
    };
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(digits) = unsigned.strip_prefix(prefix)
            && let Ok(n) = i64::from_str_radix(digits, radix)
        {
            return Some(Msg::Radix {
                written: t.into(),
                radix,
                n: format!("{sign}{n}"),
            });
        }
    }
    if let Ok(n) = t.parse::<i64>() {
        return Some(if unsigned.len() > 1 && unsigned.starts_with('0') {
            Msg::LeadingZero {
                n,
                written: t.into(),
            }
        } else if t.starts_with('+') {
            Msg::NoPlus { n }
        } else {
            Msg::QuotedNumber { n }
        });
    }
    let plain = t.replace([',', '_'], "");
    plain
        .parse::<i64>()
        .is_ok()
        .then_some(Msg::NoSeparators { plain })
}

/// Reads a YAML value as a value of `decl`. `Ok(None)` is an explicit null; a
/// text no rule mentions is [`OTHER_SYMBOL`].
pub(crate) fn value_of(decl: &FactDecl, n: &Node) -> Result<Option<Value>, ValueError> {
    let bad = |hint: Option<Msg>| ValueError {
        found: found(&n.value),
        expected: Expected::of(&decl.ty),
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
                "true" | "false" => Some(Msg::QuotedBool { word: l.clone() }),
                "yes" | "y" | "on" => Some(Msg::YamlBool { word: "true" }),
                "no" | "n" | "off" => Some(Msg::YamlBool { word: "false" }),
                _ => None,
            };
            return Err(ValueError {
                found: if matches!(l.as_str(), "true" | "false") {
                    Found::QuotedText(s.clone())
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
                return Err(bad(did_you_mean(s)));
            }
        },
        (FactType::List(vals), Y::Seq(items)) => {
            let mut bits = 0u64;
            for it in items {
                let Y::Str(s) = &it.value else {
                    return Err(ValueError {
                        found: Found::InList(Box::new(found(&it.value))),
                        expected: Expected::of(&decl.ty),
                        hint: None,
                        pos: Some(it.pos),
                    });
                };
                match vals.iter().position(|v| &v.name == s) {
                    Some(i) => bits |= 1 << i,
                    None => {
                        let sug = suggest(s, vals.iter().map(|v| v.name.as_str()));
                        return Err(ValueError {
                            found: Found::InList(Box::new(Found::Value(s.clone()))),
                            expected: Expected::of(&decl.ty),
                            hint: did_you_mean(sug),
                            pos: Some(it.pos),
                        });
                    }
                }
            }
            Value::Set(bits)
        }
        (FactType::List(_), Y::Str(s)) => {
            return Err(bad(Some(Msg::WriteList { item: s.clone() })));
        }
        (FactType::Int { min, max }, Y::Int(i)) => {
            if i < min || i > max {
                let why = if i < min {
                    Msg::OutOfRange {
                        n: *i,
                        bound: *min,
                        below: true,
                    }
                } else {
                    Msg::OutOfRange {
                        n: *i,
                        bound: *max,
                        below: false,
                    }
                };
                return Err(bad(Some(why)));
            }
            Value::Int(*i)
        }
        (FactType::Int { .. }, Y::Float(x)) => {
            // `400.0` or `4e2` is a whole number written as a fraction.
            let whole = x
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e15);
            return Err(bad(Some(match whole {
                Some(f) => Msg::NoFraction { n: f as i64 },
                None => crate::message::Fixed::WholeNumber.into(),
            })));
        }
        (FactType::Int { .. }, Y::Str(s)) => return Err(bad(int_hint(s))),
        (FactType::Date, Y::Str(s)) => match s.parse::<Date>() {
            Ok(d) => Value::Date(d),
            Err(e) => {
                return Err(bad(Some(match date_fix(s) {
                    Some(date) => Msg::WriteDate { date },
                    None => e.msg(),
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
