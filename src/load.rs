//! Loading and validation: YAML [`Node`] trees into a typed [`RuleSet`] and
//! typed [`Scenario`]s. Every problem carries its file, line and column; the
//! ruleset loader reports all problems at once.

use crate::date::Date;
use crate::error::{Diagnostic, RulesetError, ScenarioError, Severity, suggest};
use crate::eval::{Env, Tri, eval_cond};
use crate::facts::{
    Default as FactDefault, EnumValue, FactDecl, FactId, FactSet, FactType, MAX_FACTS,
    OTHER_SYMBOL, Scenario, Value, Vocabulary,
};
use crate::rule::{
    Citation, CmpOp, Condition, Explanation, LawVersion, Location, OutcomeSet, Period, Principle,
    Rule, RuleId, RuleKind, RuleVersion, Segment, Template, Term, Test,
};
use crate::ruleset::RuleSet;
use crate::trace::{Outcome, Verdict};
use crate::yaml::{self, Key, Node, Pos, Value as Y};
use std::collections::HashMap;

/// A rule file's name and text.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name used in messages (a path, or `rules/facts.yaml` for embedded rules).
    pub name: String,
    /// The YAML text.
    pub text: String,
}

const TOP_KEYS: &[&str] = &["facts", "law_versions", "principles", "terms", "rules"];
const PRINCIPLE_KEYS: &[&str] = &["number", "title", "summary"];
const FACT_KEYS: &[&str] = &[
    "name",
    "type",
    "description",
    "values",
    "min",
    "max",
    "default",
    "used_if",
];
const LAW_KEYS: &[&str] = &["id", "in_force_from", "title", "summary"];
const TERM_KEYS: &[&str] = &["name", "description", "when"];
const RULE_KEYS: &[&str] = &[
    "id",
    "title",
    "principle",
    "kind",
    "description",
    "in_force",
    "applies_if",
    "require",
    "explain",
    "cites",
    "reading",
    "change",
    "versions",
];
const VERSION_KEYS: &[&str] = &[
    "in_force",
    "applies_if",
    "require",
    "explain",
    "cites",
    "reading",
    "change",
];
const EXPLAIN_KEYS: &[&str] = &["pass", "fail", "not_applicable"];
const CITE_KEYS: &[&str] = &["article", "ja", "en"];
const PERIOD_KEYS: &[&str] = &["from", "until"];
const FACT_TESTS: &[&str] = &[
    "is",
    "in",
    "is_set",
    "at_least",
    "at_most",
    "before",
    "after",
    "contains",
    "contains_any",
    "contains_all",
];
const COND_HEADS: &[&str] = &["all", "any", "not", "term", "fact", "rule"];
/// Keys of a scenario that are not facts.
pub const SCENARIO_META: &[&str] = &["name", "expect"];

struct Loader {
    diags: Vec<Diagnostic>,
    vocab: Vocabulary,
    /// Fact declarations' `used_if`, compiled once all facts are known.
    pending_used_if: Vec<(FactId, String, Node)>,
    terms_raw: Vec<(String, String, Node, String, Location)>,
    terms: HashMap<String, Option<Condition>>,
    term_stack: Vec<String>,
    rule_index: HashMap<String, usize>,
}

impl Loader {
    fn err(&mut self, code: &'static str, loc: Location, message: String, help: Option<String>) {
        self.diags.push(Diagnostic {
            code,
            severity: Severity::Error,
            location: loc,
            message,
            help,
        });
    }

    /// The entries of a mapping, reporting keys outside `allowed`.
    fn fields<'n>(
        &mut self,
        file: &str,
        node: &'n Node,
        allowed: &[&str],
        what: &str,
    ) -> Option<Fields<'n>> {
        let Y::Map(entries) = &node.value else {
            self.err(
                "expected-mapping",
                at(file, node.pos),
                format!("expected {what} (a mapping), found {}", node.value.kind()),
                None,
            );
            return None;
        };
        for (k, _) in entries {
            if !allowed.contains(&k.name.as_str()) {
                let s = suggest(&k.name, allowed.iter().copied());
                self.err(
                    "unknown-key",
                    at(file, k.pos),
                    format!("unknown key `{}` in {what}", k.name),
                    Some(match s {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("expected one of {}", ticks(allowed)),
                    }),
                );
            }
        }
        Some(Fields { entries })
    }

    fn string(&mut self, file: &str, f: &Fields<'_>, key: &str, owner: &Node) -> Option<String> {
        match f.get(key) {
            Some((
                _,
                Node {
                    value: Y::Str(s), ..
                },
            )) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Some((k, n)) => {
                self.err(
                    "expected-text",
                    at(file, n.pos),
                    format!(
                        "`{}` must be a non-empty text, found {}",
                        k.name,
                        n.value.kind()
                    ),
                    None,
                );
                None
            }
            None => {
                self.err(
                    "missing-key",
                    at(file, owner.pos),
                    format!("missing `{key}`"),
                    None,
                );
                None
            }
        }
    }

    fn opt_string(&mut self, file: &str, f: &Fields<'_>, key: &str) -> Option<String> {
        match f.get(key) {
            None => None,
            Some((
                _,
                Node {
                    value: Y::Str(s), ..
                },
            )) => Some(s.trim().to_owned()),
            Some((k, n)) => {
                self.err(
                    "expected-text",
                    at(file, n.pos),
                    format!("`{}` must be a text, found {}", k.name, n.value.kind()),
                    None,
                );
                None
            }
        }
    }

    fn date(&mut self, file: &str, n: &Node, what: &str) -> Option<Date> {
        match &n.value {
            Y::Str(s) => match s.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    self.err(
                        "invalid-date",
                        at(file, n.pos),
                        format!("{what}: {e}"),
                        None,
                    );
                    None
                }
            },
            other => {
                self.err(
                    "invalid-date",
                    at(file, n.pos),
                    format!("{what}: expected a date YYYY-MM-DD, found {}", other.kind()),
                    None,
                );
                None
            }
        }
    }

    // ---------------------------------------------------------------- facts

    fn fact_decl(&mut self, file: &str, node: &Node) {
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
        let description = self
            .string(file, &f, "description", node)
            .unwrap_or_default();
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
                            let description = match &v.value {
                                Y::Str(s) => s.clone(),
                                other => {
                                    self.err(
                                        "expected-text",
                                        at(file, v.pos),
                                        format!("the description of value `{}` must be a text, found {}", k.name, other.kind()),
                                        None,
                                    );
                                    String::new()
                                }
                            };
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
        };
        if let Some((_, dn)) = f.get("default") {
            if matches!(&dn.value, Y::Str(s) if s == "today") && matches!(decl.ty, FactType::Date) {
                decl.default = Some(FactDefault::Today);
            } else {
                match value_of(&mut decl, dn, true) {
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

    // ----------------------------------------------------------- conditions

    fn cond(&mut self, file: &str, node: &Node) -> Option<Condition> {
        match &node.value {
            Y::Bool(b) => return Some(Condition::Const(*b)),
            Y::Map(_) => {}
            other => {
                self.err(
                    "invalid-condition",
                    at(file, node.pos),
                    format!("expected a condition, found {}", other.kind()),
                    Some(format!(
                        "a condition is `true`, `false` or a mapping starting with one of {}",
                        ticks(COND_HEADS)
                    )),
                );
                return None;
            }
        }
        let Y::Map(entries) = &node.value else {
            return None;
        };
        let heads: Vec<&(Key, Node)> = entries
            .iter()
            .filter(|(k, _)| COND_HEADS.contains(&k.name.as_str()))
            .collect();
        if heads.len() != 1 {
            let first = entries.first().map(|(k, _)| k.name.as_str()).unwrap_or("");
            self.err(
                "invalid-condition",
                at(file, node.pos),
                format!(
                    "a condition needs exactly one of {}, found {}",
                    ticks(COND_HEADS),
                    heads.len()
                ),
                suggest(first, COND_HEADS.iter().copied()).map(|s| format!("did you mean `{s}`?")),
            );
            return None;
        }
        let (head, arg) = heads[0];
        match head.name.as_str() {
            "all" | "any" => {
                self.fields(
                    file,
                    node,
                    &[head.name.as_str()],
                    "an `all`/`any` condition",
                )?;
                let Y::Seq(items) = &arg.value else {
                    self.err(
                        "invalid-condition",
                        at(file, arg.pos),
                        format!(
                            "`{}` takes a list of conditions, found {}",
                            head.name,
                            arg.value.kind()
                        ),
                        None,
                    );
                    return None;
                };
                let mut out = Vec::new();
                let mut ok = true;
                for it in items {
                    match self.cond(file, it) {
                        Some(c) => out.push(c),
                        None => ok = false,
                    }
                }
                if !ok {
                    return None;
                }
                Some(if head.name == "all" {
                    Condition::All(out)
                } else {
                    Condition::Any(out)
                })
            }
            "not" => {
                self.fields(file, node, &["not"], "a `not` condition")?;
                Some(Condition::Not(Box::new(self.cond(file, arg)?)))
            }
            "term" => {
                self.fields(file, node, &["term"], "a `term` condition")?;
                let Y::Str(name) = &arg.value else {
                    self.err(
                        "invalid-condition",
                        at(file, arg.pos),
                        "`term` takes the name of a term".into(),
                        None,
                    );
                    return None;
                };
                self.term(file, name, arg.pos)
            }
            "fact" => self.fact_cond(file, node, arg),
            "rule" => self.rule_cond(file, node, arg),
            _ => None,
        }
    }

    fn term(&mut self, file: &str, name: &str, pos: Pos) -> Option<Condition> {
        if let Some(c) = self.terms.get(name) {
            return c.clone();
        }
        let Some(idx) = self.terms_raw.iter().position(|t| t.0 == name) else {
            let s = suggest(name, self.terms_raw.iter().map(|t| t.0.as_str()));
            self.err(
                "unknown-term",
                at(file, pos),
                format!("unknown term `{name}`"),
                s.map(|s| format!("did you mean `{s}`?")),
            );
            return None;
        };
        if self.term_stack.iter().any(|t| t == name) {
            let chain = format!("{} -> {name}", self.term_stack.join(" -> "));
            self.err(
                "term-cycle",
                at(file, pos),
                format!("terms refer to each other in a cycle: {chain}"),
                None,
            );
            return None;
        }
        self.term_stack.push(name.to_owned());
        let (_, _, when, tfile, _) = self.terms_raw[idx].clone();
        let c = self.cond(&tfile, &when);
        self.term_stack.pop();
        self.terms.insert(name.to_owned(), c.clone());
        c
    }

    fn fact_cond(&mut self, file: &str, node: &Node, arg: &Node) -> Option<Condition> {
        let mut allowed = vec!["fact"];
        allowed.extend_from_slice(FACT_TESTS);
        let f = self.fields(file, node, &allowed, "a fact test")?;
        let Y::Str(name) = &arg.value else {
            self.err(
                "invalid-condition",
                at(file, arg.pos),
                "`fact` takes a fact name".into(),
                None,
            );
            return None;
        };
        let Some(id) = self.vocab.lookup(name) else {
            let s = suggest(name, self.vocab.facts.iter().map(|f| f.name.as_str()));
            self.err(
                "unknown-fact",
                at(file, arg.pos),
                format!("unknown fact `{name}`"),
                Some(s.map_or_else(
                    || "declare it under `facts:`".to_owned(),
                    |s| format!("did you mean `{s}`?"),
                )),
            );
            return None;
        };
        let tests: Vec<&(Key, Node)> = f
            .entries
            .iter()
            .filter(|(k, _)| FACT_TESTS.contains(&k.name.as_str()))
            .collect();
        if tests.len() != 1 {
            self.err(
                "invalid-condition",
                at(file, node.pos),
                format!("a fact test needs exactly one of {}", ticks(FACT_TESTS)),
                None,
            );
            return None;
        }
        let (tk, tv) = tests[0];
        let decl = &mut self.vocab.facts[id.0 as usize];
        let ty_kw = decl.ty.keyword();
        let res: Result<Test, String> = match (tk.name.as_str(), &decl.ty) {
            ("is_set", _) => match tv.value {
                Y::Bool(true) => Ok(Test::IsSet),
                _ => Err("`is_set` takes `true` (write `not:` around it for the opposite)".into()),
            },
            ("is", FactType::List(_)) => Err(format!(
                "`{name}` is a list: use `contains`, `contains_any` or `contains_all`"
            )),
            ("is", _) => literal(decl, tv).map(Test::Is),
            ("in", FactType::Enum(_) | FactType::Text) => match &tv.value {
                Y::Seq(items) => {
                    let mut mask = 0u64;
                    let mut err = None;
                    for it in items {
                        match literal(decl, it) {
                            Ok(Value::Enum(i)) => mask |= 1 << i,
                            Ok(Value::Sym(s)) if s < 64 => mask |= 1 << s,
                            Ok(_) => {
                                err = Some(
                                    "too many distinct names for one text fact (64 at most)"
                                        .to_owned(),
                                )
                            }
                            Err(e) => err = Some(e),
                        }
                    }
                    match err {
                        Some(e) => Err(e),
                        None => Ok(Test::In(mask)),
                    }
                }
                _ => Err("`in` takes a list of values".into()),
            },
            ("in", _) => Err(format!(
                "`in` works on enum and text facts; `{name}` is {ty_kw}"
            )),
            (
                "at_least" | "at_most" | "before" | "after",
                FactType::Int { .. } | FactType::Date,
            ) => {
                let op = match tk.name.as_str() {
                    "at_least" => CmpOp::AtLeast,
                    "at_most" => CmpOp::AtMost,
                    "before" => CmpOp::Before,
                    _ => CmpOp::After,
                };
                match literal(decl, tv) {
                    Ok(Value::Int(i)) => Ok(Test::Cmp(op, i)),
                    Ok(Value::Date(d)) => Ok(Test::Cmp(op, d.ordinal())),
                    Ok(_) => Err("expected a number or a date".into()),
                    Err(e) => Err(e),
                }
            }
            ("at_least" | "at_most" | "before" | "after", _) => Err(format!(
                "`{}` compares integers and dates; `{name}` is {ty_kw}",
                tk.name
            )),
            ("contains" | "contains_any" | "contains_all", FactType::List(vals)) => {
                let items: Vec<&Node> = match (&tv.value, tk.name.as_str()) {
                    (Y::Seq(items), "contains_any" | "contains_all") => items.iter().collect(),
                    (Y::Str(_), "contains") => vec![tv],
                    _ => {
                        self.diags.push(Diagnostic {
                            code: "invalid-condition",
                            severity: Severity::Error,
                            location: at(file, tv.pos),
                            message: format!(
                                "`{}` takes {}",
                                tk.name,
                                if tk.name == "contains" {
                                    "one value"
                                } else {
                                    "a list of values"
                                }
                            ),
                            help: None,
                        });
                        return None;
                    }
                };
                let mut mask = 0u64;
                let mut err = None;
                for it in items {
                    match &it.value {
                        Y::Str(s) => match vals.iter().position(|v| &v.name == s) {
                            Some(i) => mask |= 1 << i,
                            None => {
                                let sug = suggest(s, vals.iter().map(|v| v.name.as_str()));
                                err = Some(format!(
                                    "`{s}` is not a value of `{name}`{}",
                                    sug.map(|s| format!(" (did you mean `{s}`?)"))
                                        .unwrap_or_default()
                                ));
                            }
                        },
                        other => {
                            err = Some(format!(
                                "expected a value of `{name}`, found {}",
                                other.kind()
                            ))
                        }
                    }
                }
                match err {
                    Some(e) => Err(e),
                    None if tk.name == "contains_any" => Ok(Test::ContainsAny(mask)),
                    None => Ok(Test::ContainsAll(mask)),
                }
            }
            ("contains" | "contains_any" | "contains_all", _) => Err(format!(
                "`{}` works on list facts; `{name}` is {ty_kw}",
                tk.name
            )),
            _ => Err("unsupported test".into()),
        };
        match res {
            Ok(test) => Some(Condition::Fact { fact: id, test }),
            Err(msg) => {
                self.err("invalid-value", at(file, tv.pos), msg, None);
                None
            }
        }
    }

    fn rule_cond(&mut self, file: &str, node: &Node, arg: &Node) -> Option<Condition> {
        let f = self.fields(file, node, &["rule", "is", "in"], "a rule reference")?;
        let Y::Str(id) = &arg.value else {
            self.err(
                "invalid-condition",
                at(file, arg.pos),
                "`rule` takes a rule id".into(),
                None,
            );
            return None;
        };
        let Some(&rule) = self.rule_index.get(id.as_str()) else {
            let s = suggest(id, self.rule_index.keys().map(String::as_str));
            self.err(
                "unknown-rule",
                at(file, arg.pos),
                format!("unknown rule `{id}`"),
                s.map(|s| format!("did you mean `{s}`?")),
            );
            return None;
        };
        let words: Vec<&Node> = match (f.get("is"), f.get("in")) {
            (Some((_, n)), None) => vec![n],
            (
                None,
                Some((
                    _,
                    Node {
                        value: Y::Seq(items),
                        ..
                    },
                )),
            ) => items.iter().collect(),
            _ => {
                self.err(
                    "invalid-condition",
                    at(file, node.pos),
                    "a rule reference needs `is: <outcome>` or `in: [<outcomes>]`".into(),
                    None,
                );
                return None;
            }
        };
        let mut set = OutcomeSet::default();
        for w in words {
            let o = match &w.value {
                Y::Str(s) => Outcome::ALL.iter().find(|o| o.as_str() == s).copied(),
                _ => None,
            };
            match o {
                Some(o) => set.insert(o),
                None => {
                    self.err(
                        "invalid-value",
                        at(file, w.pos),
                        format!("expected an outcome, found {}", w.value),
                        Some("outcomes are `pass`, `fail`, `undetermined`, `not_applicable`, `not_in_force`".into()),
                    );
                    return None;
                }
            }
        }
        Some(Condition::Rule {
            rule,
            outcomes: set,
        })
    }

    // ------------------------------------------------------------ explanations

    fn template(&mut self, file: &str, node: &Node, text: &str) -> Template {
        let mut segs = Vec::new();
        let mut lit = String::new();
        let mut rest = text;
        while let Some(i) = rest.find(['{', '}']) {
            lit.push_str(&rest[..i]);
            let c = rest.as_bytes()[i];
            rest = &rest[i + 1..];
            if c == b'}' {
                if let Some(r) = rest.strip_prefix('}') {
                    rest = r;
                }
                lit.push('}');
                continue;
            }
            if let Some(r) = rest.strip_prefix('{') {
                lit.push('{');
                rest = r;
                continue;
            }
            let Some(end) = rest.find('}') else {
                self.err(
                    "invalid-template",
                    at(file, node.pos),
                    "an explanation has `{` without a closing `}`".into(),
                    Some("write `{{` for a literal brace".into()),
                );
                break;
            };
            let name = &rest[..end];
            rest = &rest[end + 1..];
            match self.vocab.lookup(name) {
                Some(id) => {
                    if !lit.is_empty() {
                        segs.push(Segment::Text(std::mem::take(&mut lit)));
                    }
                    segs.push(Segment::Fact(id));
                }
                None => {
                    let s = suggest(name, self.vocab.facts.iter().map(|f| f.name.as_str()));
                    self.err(
                        "unknown-fact",
                        at(file, node.pos),
                        format!("explanation placeholder `{{{name}}}` names no fact"),
                        s.map(|s| format!("did you mean `{{{s}}}`?")),
                    );
                }
            }
        }
        lit.push_str(rest);
        if !lit.is_empty() {
            segs.push(Segment::Text(lit));
        }
        Template(segs)
    }

    fn explanation(&mut self, file: &str, node: &Node) -> Explanation {
        match &node.value {
            Y::Str(s) => Explanation(vec![(None, self.template(file, node, s))]),
            Y::Seq(items) => {
                let mut out = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    let Some(f) = self.fields(file, it, &["when", "text"], "an explanation case")
                    else {
                        continue;
                    };
                    let when = match f.get("when") {
                        Some((_, w)) => self.cond(file, w),
                        None => None,
                    };
                    if f.get("when").is_none() && i + 1 != items.len() {
                        self.err(
                            "invalid-explanation",
                            at(file, it.pos),
                            "only the last explanation case may omit `when`".into(),
                            None,
                        );
                    }
                    let Some(text) = self.string(file, &f, "text", it) else {
                        continue;
                    };
                    let t = self.template(file, it, &text);
                    out.push((when, t));
                }
                Explanation(out)
            }
            other => {
                self.err(
                    "invalid-explanation",
                    at(file, node.pos),
                    format!(
                        "expected an explanation text or a list of `when`/`text` cases, found {}",
                        other.kind()
                    ),
                    None,
                );
                Explanation::default()
            }
        }
    }

    fn cites(&mut self, file: &str, node: &Node) -> Vec<Citation> {
        let Y::Seq(items) = &node.value else {
            self.err(
                "invalid-cites",
                at(file, node.pos),
                "`cites` must be a list".into(),
                None,
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for it in items {
            match &it.value {
                Y::Str(s) => out.push(Citation {
                    article: s.clone(),
                    text_ja: None,
                    text_en: None,
                }),
                _ => {
                    let Some(f) = self.fields(file, it, CITE_KEYS, "a citation") else {
                        continue;
                    };
                    let Some(article) = self.string(file, &f, "article", it) else {
                        continue;
                    };
                    let text_ja = self.opt_string(file, &f, "ja");
                    let text_en = self.opt_string(file, &f, "en");
                    out.push(Citation {
                        article,
                        text_ja,
                        text_en,
                    });
                }
            }
        }
        out
    }

    fn period(&mut self, file: &str, node: &Node) -> Period {
        let Some(f) = self.fields(file, node, PERIOD_KEYS, "an in-force period") else {
            return Period::default();
        };
        let from = f
            .get("from")
            .and_then(|(_, n)| self.date(file, n, "`from`"));
        let until = f
            .get("until")
            .and_then(|(_, n)| self.date(file, n, "`until`"));
        if let (Some(a), Some(b)) = (from, until)
            && a > b
        {
            self.err(
                "empty-period",
                at(file, node.pos),
                format!("the period starts ({a}) after it ends ({b})"),
                None,
            );
        }
        Period { from, until }
    }

    // ----------------------------------------------------------------- rules

    fn rule(&mut self, file: &str, node: &Node) -> Option<Rule> {
        let f = self.fields(file, node, RULE_KEYS, "a rule")?;
        let id = self.string(file, &f, "id", node)?;
        let title = self.string(file, &f, "title", node).unwrap_or_default();
        let description = self.opt_string(file, &f, "description").unwrap_or_default();
        let kind = match f.get("kind") {
            Some((
                _,
                Node {
                    value: Y::Str(s),
                    pos,
                },
            )) => match RuleKind::ALL.iter().find(|k| k.keyword() == s) {
                Some(k) => *k,
                None => {
                    let sug = suggest(s, RuleKind::ALL.iter().map(|k| k.keyword()));
                    self.err(
                            "unknown-kind",
                            at(file, *pos),
                            format!("unknown rule kind `{s}`"),
                            Some(sug.map_or_else(
                                || "expected one of `general`, `pillar`, `principle`, `task`, `procedure`".into(),
                                |s| format!("did you mean `{s}`?"),
                            )),
                        );
                    RuleKind::General
                }
            },
            Some((_, n)) => {
                self.err(
                    "unknown-kind",
                    at(file, n.pos),
                    "`kind` must be a word".into(),
                    None,
                );
                RuleKind::General
            }
            None => {
                self.err(
                    "missing-key",
                    at(file, node.pos),
                    format!("rule `{id}` has no `kind`"),
                    None,
                );
                RuleKind::General
            }
        };
        let principle = match f.get("principle") {
            None | Some((_, Node { value: Y::Null, .. })) => None,
            Some((
                _,
                Node {
                    value: Y::Int(i @ 1..=5),
                    ..
                },
            )) => Some(*i as u8),
            Some((_, n)) => {
                self.err(
                    "invalid-principle",
                    at(file, n.pos),
                    format!("`principle` must be 1 to 5, found {}", n.value),
                    None,
                );
                None
            }
        };
        if kind == RuleKind::Principle && principle.is_none() {
            self.err(
                "missing-principle",
                at(file, node.pos),
                format!("rule `{id}` is of kind `principle` but names no `principle` (1-5)"),
                None,
            );
        }
        let base = VersionDraft::from_fields(self, file, &f);
        let mut versions = Vec::new();
        match f.get("versions") {
            Some((
                _,
                Node {
                    value: Y::Seq(items),
                    ..
                },
            )) => {
                for it in items {
                    let Some(vf) = self.fields(file, it, VERSION_KEYS, "a rule version") else {
                        continue;
                    };
                    let d = VersionDraft::from_fields(self, file, &vf);
                    versions.push(base.clone().overlay(d, at(file, it.pos)));
                }
            }
            Some((_, n)) => {
                self.err(
                    "invalid-versions",
                    at(file, n.pos),
                    "`versions` must be a list".into(),
                    None,
                );
            }
            None => versions.push(
                base.clone()
                    .overlay(VersionDraft::default(), at(file, node.pos)),
            ),
        }
        let mut out = Vec::new();
        for d in versions {
            if let Some(v) = self.finish_version(&id, kind, d) {
                out.push(v);
            }
        }
        out.sort_by_key(|v| v.period.from);
        for w in out.windows(2) {
            if w[0].period.overlaps(&w[1].period) {
                self.err(
                    "overlapping-versions",
                    w[1].location.clone(),
                    format!(
                        "two versions of rule `{id}` are in force at once ({} and {})",
                        w[0].period, w[1].period
                    ),
                    Some(
                        "end the earlier version with `until:` the day before the later one starts"
                            .into(),
                    ),
                );
            }
        }
        Some(Rule {
            id: RuleId(id),
            title,
            principle,
            kind,
            description,
            versions: out,
            location: at(file, node.pos),
        })
    }

    fn finish_version(&mut self, id: &str, kind: RuleKind, d: VersionDraft) -> Option<RuleVersion> {
        let loc = d.location.clone();
        if d.cites.as_ref().is_none_or(|c| c.is_empty()) {
            self.err(
                "missing-citation",
                loc.clone(),
                format!("rule `{id}` cites no source"),
                Some("add `cites:` with the article it encodes".into()),
            );
        }
        let pass = d.pass.unwrap_or_default();
        let fail = d.fail.unwrap_or_default();
        let never_passes = d.require.as_ref() == Some(&Condition::Const(false));
        if pass.0.is_empty() && !never_passes {
            self.err(
                "missing-explanation",
                loc.clone(),
                format!("rule `{id}` has no `explain.pass`"),
                None,
            );
        }
        if kind == RuleKind::Procedure {
            if d.has_require {
                self.err("procedure-require", loc.clone(), format!("procedural rule `{id}` must not have `require`: procedures never decide the verdict"), None);
            }
        } else {
            if !d.has_require {
                self.err(
                    "missing-require",
                    loc.clone(),
                    format!("rule `{id}` has no `require`"),
                    None,
                );
            }
            if fail.0.is_empty() {
                self.err(
                    "missing-explanation",
                    loc.clone(),
                    format!("rule `{id}` has no `explain.fail`"),
                    None,
                );
            }
        }
        let applies_if = d.applies_if.unwrap_or(Condition::Const(true));
        let require = if kind == RuleKind::Procedure {
            None
        } else {
            d.require
        };
        let reads = applies_if
            .facts()
            .union(require.as_ref().map_or(FactSet::EMPTY, Condition::facts));
        Some(RuleVersion {
            period: d.period.unwrap_or_default(),
            applies_if,
            require,
            pass,
            fail,
            not_applicable: d.not_applicable.unwrap_or_default(),
            cites: d.cites.unwrap_or_default(),
            reading: d.reading,
            change: d.change,
            reads,
            location: loc,
        })
    }
}

/// The fields of a rule version as written; unset fields inherit from the rule.
#[derive(Clone, Default)]
struct VersionDraft {
    /// Whether `require` was written (even if it did not compile).
    has_require: bool,
    period: Option<Period>,
    applies_if: Option<Condition>,
    require: Option<Condition>,
    pass: Option<Explanation>,
    fail: Option<Explanation>,
    not_applicable: Option<Explanation>,
    cites: Option<Vec<Citation>>,
    reading: Option<String>,
    change: Option<String>,
    location: Location,
}

impl VersionDraft {
    fn from_fields(l: &mut Loader, file: &str, f: &Fields<'_>) -> VersionDraft {
        let mut d = VersionDraft {
            has_require: f.get("require").is_some(),
            period: f.get("in_force").map(|(_, n)| l.period(file, n)),
            applies_if: f.get("applies_if").and_then(|(_, n)| l.cond(file, n)),
            require: f.get("require").and_then(|(_, n)| l.cond(file, n)),
            cites: f.get("cites").map(|(_, n)| l.cites(file, n)),
            reading: l.opt_string(file, f, "reading"),
            change: l.opt_string(file, f, "change"),
            ..VersionDraft::default()
        };
        if let Some((_, n)) = f.get("explain")
            && let Some(ef) = l.fields(file, n, EXPLAIN_KEYS, "`explain`")
        {
            d.pass = ef.get("pass").map(|(_, n)| l.explanation(file, n));
            d.fail = ef.get("fail").map(|(_, n)| l.explanation(file, n));
            d.not_applicable = ef
                .get("not_applicable")
                .map(|(_, n)| l.explanation(file, n));
        }
        d
    }

    fn overlay(self, o: VersionDraft, location: Location) -> VersionDraft {
        VersionDraft {
            has_require: o.has_require || self.has_require,
            period: o.period.or(self.period),
            applies_if: o.applies_if.or(self.applies_if),
            require: o.require.or(self.require),
            pass: o.pass.or(self.pass),
            fail: o.fail.or(self.fail),
            not_applicable: o.not_applicable.or(self.not_applicable),
            cites: o.cites.or(self.cites),
            reading: o.reading.or(self.reading),
            change: o.change,
            location,
        }
    }
}

struct Fields<'n> {
    entries: &'n [(Key, Node)],
}

impl<'n> Fields<'n> {
    fn get(&self, k: &str) -> Option<(&'n Key, &'n Node)> {
        self.entries
            .iter()
            .find(|(key, _)| key.name == k)
            .map(|(k, v)| (k, v))
    }
}

fn at(file: &str, pos: Pos) -> Location {
    Location {
        file: file.to_owned(),
        line: pos.line,
        column: pos.column,
    }
}

fn ticks(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn valid_fact_name(name: &str) -> bool {
    name.split('.').all(|seg| {
        let mut c = seg.chars();
        c.next().is_some_and(|c| c.is_ascii_lowercase())
            && c.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    })
}

/// A literal in a rule (interning text names into the fact's symbols).
fn literal(decl: &mut FactDecl, n: &Node) -> Result<Value, String> {
    match value_of(decl, n, true) {
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
    pub found: String,
    pub expected: String,
    pub hint: Option<String>,
}

fn found(v: &Y) -> String {
    match v {
        Y::Str(s) => format!("`{s}`"),
        Y::Int(i) => format!("`{i}`"),
        Y::Float(x) => format!("`{x}`"),
        Y::Bool(b) => format!("`{b}`"),
        other => other.kind().to_owned(),
    }
}

/// Reads a YAML value as a value of `decl`. `Ok(None)` is an explicit null.
/// With `intern`, unseen text names become new symbols (rules); without, they are "other".
fn value_of(decl: &mut FactDecl, n: &Node, intern: bool) -> Result<Option<Value>, ValueError> {
    let bad = |hint: Option<String>| ValueError {
        found: found(&n.value),
        expected: decl.ty.expected(),
        hint,
    };
    if let Y::Null = n.value {
        return Ok(None);
    }
    let v = match (&decl.ty, &n.value) {
        (FactType::Bool, Y::Bool(b)) => Value::Bool(*b),
        (FactType::Bool, Y::Str(s)) => {
            let l = s.to_lowercase();
            let hint = match l.as_str() {
                "yes" | "y" | "on" | "true" => {
                    Some("YAML 1.2 booleans are `true` and `false` only: write `true`".to_owned())
                }
                "no" | "n" | "off" | "false" => {
                    Some("YAML 1.2 booleans are `true` and `false` only: write `false`".to_owned())
                }
                _ => None,
            };
            return Err(bad(hint));
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
                        found: found(&it.value),
                        expected: decl.ty.expected(),
                        hint: None,
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
        (FactType::Date, Y::Str(s)) => match s.parse::<Date>() {
            Ok(d) => Value::Date(d),
            Err(e) => return Err(bad(Some(e.to_string()))),
        },
        (FactType::Text, Y::Str(s)) if !s.trim().is_empty() => {
            let key = s.trim().to_uppercase();
            match decl.symbols.iter().position(|x| *x == key) {
                Some(i) => Value::Sym(i as u32),
                None if intern => {
                    decl.symbols.push(key);
                    Value::Sym((decl.symbols.len() - 1) as u32)
                }
                None => Value::Sym(OTHER_SYMBOL),
            }
        }
        (FactType::Int { .. }, Y::Str(s)) if s.trim().parse::<i64>().is_ok() => {
            return Err(bad(Some(format!(
                "the number is quoted, so it is text: write `{}` without quotes",
                s.trim()
            ))));
        }
        _ => return Err(bad(None)),
    };
    Ok(Some(v))
}

/// Loads and validates a ruleset from its files (in the order given).
pub fn load_ruleset(sources: &[Source]) -> Result<RuleSet, RulesetError> {
    let mut l = Loader {
        diags: Vec::new(),
        vocab: Vocabulary::default(),
        pending_used_if: Vec::new(),
        terms_raw: Vec::new(),
        terms: HashMap::new(),
        term_stack: Vec::new(),
        rule_index: HashMap::new(),
    };
    let mut docs = Vec::new();
    for s in sources {
        match yaml::parse(&s.text) {
            Ok(n) => docs.push((s.name.clone(), n)),
            Err(e) => l.err(
                "yaml-syntax",
                at(&s.name, e.pos.unwrap_or_default()),
                format!("invalid YAML: {}", e.message),
                None,
            ),
        }
    }
    // Sections, gathered across files in order.
    let mut facts = Vec::new();
    let mut laws = Vec::new();
    let mut terms = Vec::new();
    let mut rules = Vec::new();
    let mut principles_raw = Vec::new();
    for (file, doc) in &docs {
        if let Y::Null = doc.value {
            continue;
        }
        let Some(f) = l.fields(file, doc, TOP_KEYS, "a rule file") else {
            continue;
        };
        for (key, bucket) in [
            ("facts", &mut facts),
            ("law_versions", &mut laws),
            ("terms", &mut terms),
            ("rules", &mut rules),
            ("principles", &mut principles_raw),
        ] {
            match f.get(key) {
                None => {}
                Some((
                    _,
                    Node {
                        value: Y::Seq(items),
                        ..
                    },
                )) => {
                    bucket.extend(items.iter().map(|n| (file.clone(), n.clone())));
                }
                Some((_, n)) => l.err(
                    "expected-list",
                    at(file, n.pos),
                    format!("`{key}` must be a list, found {}", n.value.kind()),
                    None,
                ),
            }
        }
    }
    for (file, n) in &facts {
        l.fact_decl(file, n);
    }
    if l.vocab.date_fact.is_none() {
        l.err(
            "missing-date-fact",
            Location {
                file: sources.first().map(|s| s.name.clone()).unwrap_or_default(),
                line: 0,
                column: 0,
            },
            "the ruleset declares no `date` fact of type `date`; it selects the law version".into(),
            None,
        );
    }
    let mut law_versions: Vec<LawVersion> = Vec::new();
    for (file, n) in &laws {
        let Some(f) = l.fields(file, n, LAW_KEYS, "a law version") else {
            continue;
        };
        let id = l.string(file, &f, "id", n);
        let from = f
            .get("in_force_from")
            .and_then(|(_, d)| l.date(file, d, "`in_force_from`"));
        if f.get("in_force_from").is_none() {
            l.err(
                "missing-key",
                at(file, n.pos),
                "missing `in_force_from`".into(),
                None,
            );
        }
        let title = l.string(file, &f, "title", n).unwrap_or_default();
        let summary = l.opt_string(file, &f, "summary").unwrap_or_default();
        if let (Some(id), Some(in_force_from)) = (id, from) {
            if law_versions.iter().any(|v| v.id == id) {
                l.err(
                    "duplicate-law-version",
                    at(file, n.pos),
                    format!("law version `{id}` is declared twice"),
                    None,
                );
            }
            law_versions.push(LawVersion {
                id,
                in_force_from,
                title,
                summary,
            });
        }
    }
    law_versions.sort_by_key(|v| v.in_force_from);
    let mut principles: Vec<Principle> = Vec::new();
    for (file, n) in &principles_raw {
        let Some(f) = l.fields(file, n, PRINCIPLE_KEYS, "a principle") else {
            continue;
        };
        let number = match f.get("number") {
            Some((
                _,
                Node {
                    value: Y::Int(i @ 1..=5),
                    ..
                },
            )) => *i as u8,
            _ => {
                l.err(
                    "invalid-principle",
                    at(file, n.pos),
                    "`number` must be 1 to 5".into(),
                    None,
                );
                continue;
            }
        };
        let title = l.string(file, &f, "title", n).unwrap_or_default();
        let summary = l.opt_string(file, &f, "summary").unwrap_or_default();
        if principles.iter().any(|p| p.number == number) {
            l.err(
                "duplicate-principle",
                at(file, n.pos),
                format!("principle {number} is declared twice"),
                None,
            );
        }
        principles.push(Principle {
            number,
            title,
            summary,
        });
    }
    principles.sort_by_key(|p| p.number);
    for (file, n) in &terms {
        let Some(f) = l.fields(file, n, TERM_KEYS, "a term") else {
            continue;
        };
        let (Some(name), Some((_, when))) = (l.string(file, &f, "name", n), f.get("when")) else {
            if f.get("when").is_none() {
                l.err(
                    "missing-key",
                    at(file, n.pos),
                    "a term needs `when`".into(),
                    None,
                );
            }
            continue;
        };
        let description = l.string(file, &f, "description", n).unwrap_or_default();
        if l.terms_raw.iter().any(|t| t.0 == name) {
            l.err(
                "duplicate-term",
                at(file, n.pos),
                format!("term `{name}` is defined twice"),
                None,
            );
            continue;
        }
        l.terms_raw.push((
            name,
            description,
            when.clone(),
            file.clone(),
            at(file, n.pos),
        ));
    }
    // Rule ids first, so that rules may refer to rules defined later.
    for (i, (file, n)) in rules.iter().enumerate() {
        if let Y::Map(m) = &n.value
            && let Some((
                _,
                Node {
                    value: Y::Str(id),
                    pos,
                },
            )) = m.iter().find(|(k, _)| k.name == "id")
        {
            if l.rule_index.contains_key(id.as_str()) {
                l.err(
                    "duplicate-rule",
                    at(file, *pos),
                    format!("rule id `{id}` is used twice"),
                    Some(
                        "give each rule its own id; use `versions:` for the same rule over time"
                            .into(),
                    ),
                );
            } else {
                l.rule_index.insert(id.clone(), i);
            }
        }
    }
    let pending = std::mem::take(&mut l.pending_used_if);
    let mut used_if = Vec::new();
    for (id, file, n) in &pending {
        if let Some(c) = l.cond(file, n) {
            if !c.rules().is_empty() {
                l.err(
                    "invalid-used-if",
                    at(file, n.pos),
                    "`used_if` may test facts only, not rules".into(),
                    None,
                );
            }
            used_if.push((*id, c));
        }
    }
    for (id, c) in used_if {
        l.vocab.facts[id.0 as usize].used_if = Some(c);
    }
    let mut compiled = Vec::new();
    for (file, n) in &rules {
        if let Some(r) = l.rule(file, n) {
            compiled.push(r);
        }
    }
    let names: Vec<(String, String, String, Location)> = l
        .terms_raw
        .iter()
        .map(|t| (t.0.clone(), t.1.clone(), t.3.clone(), t.4.clone()))
        .collect();
    let mut term_list = Vec::new();
    for (name, description, file, loc) in names {
        if let Some(c) = l.term(
            &file,
            &name,
            Pos {
                line: loc.line,
                column: loc.column,
            },
        ) {
            term_list.push(Term {
                name,
                description,
                when: c,
            });
        }
    }
    if compiled.len() != rules.len() && l.diags.iter().all(|d| d.severity != Severity::Error) {
        l.err(
            "invalid-rule",
            Location::default(),
            "a rule could not be read".into(),
            None,
        );
    }
    // Evaluation order: a rule after the rules it refers to.
    let order = topo_order(&compiled, &mut l);
    if l.diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(RulesetError {
            diagnostics: l.diags,
        });
    }
    Ok(RuleSet {
        vocab: l.vocab,
        law_versions,
        principles,
        rules: compiled,
        order,
        terms: term_list,
        warnings: l.diags,
    })
}

fn topo_order(rules: &[Rule], l: &mut Loader) -> Vec<usize> {
    let deps: Vec<Vec<usize>> = rules
        .iter()
        .map(|r| {
            let mut d = Vec::new();
            for v in &r.versions {
                d.extend(v.applies_if.rules());
                if let Some(c) = &v.require {
                    d.extend(c.rules());
                }
                for (w, _) in v.pass.0.iter().chain(&v.fail.0).chain(&v.not_applicable.0) {
                    if let Some(w) = w {
                        d.extend(w.rules());
                    }
                }
            }
            d.retain(|&i| i < rules.len());
            d
        })
        .collect();
    // 0 = unvisited, 1 = on stack, 2 = done
    let mut state = vec![0u8; rules.len()];
    let mut order = Vec::with_capacity(rules.len());
    fn visit(
        i: usize,
        deps: &[Vec<usize>],
        state: &mut [u8],
        order: &mut Vec<usize>,
        cycle: &mut Option<usize>,
    ) {
        match state[i] {
            2 => return,
            1 => {
                *cycle = Some(i);
                return;
            }
            _ => {}
        }
        state[i] = 1;
        for &d in &deps[i] {
            visit(d, deps, state, order, cycle);
        }
        state[i] = 2;
        order.push(i);
    }
    let mut cycles = Vec::new();
    for i in 0..rules.len() {
        let mut cycle = None;
        visit(i, &deps, &mut state, &mut order, &mut cycle);
        if let Some(c) = cycle
            && !cycles.contains(&c)
        {
            cycles.push(c);
        }
    }
    for c in cycles {
        l.err(
            "rule-cycle",
            rules[c].location.clone(),
            format!(
                "rule `{}` depends on itself through rule references",
                rules[c].id
            ),
            None,
        );
    }
    order
}

// ------------------------------------------------------------------ scenarios

/// Parses a scenario's YAML text against the ruleset's vocabulary.
pub fn parse_scenario(rules: &RuleSet, text: &str, file: &str) -> Result<Scenario, ScenarioError> {
    let node = yaml::parse(text).map_err(|e| ScenarioError::Syntax {
        location: at(file, e.pos.unwrap_or_default()),
        message: e.message,
    })?;
    let entries = match &node.value {
        Y::Map(m) => m,
        Y::Null => {
            return Err(ScenarioError::Empty {
                file: file.to_owned(),
            });
        }
        other => {
            return Err(ScenarioError::NotAMapping {
                location: at(file, node.pos),
                found: other.kind().to_owned(),
                context: String::new(),
            });
        }
    };
    let vocab = &rules.vocab;
    let mut sc = Scenario {
        name: String::new(),
        file: Some(file.to_owned()),
        values: vec![None; vocab.facts.len()],
        texts: Vec::new(),
        expect: None,
        unused: Vec::new(),
    };
    let mut mentioned = FactSet::EMPTY;
    let mut name = None;
    for (k, v) in entries {
        match k.name.as_str() {
            "name" => match &v.value {
                Y::Str(s) if !s.trim().is_empty() => name = Some(s.trim().to_owned()),
                Y::Int(_) | Y::Float(_) | Y::Bool(_) => name = Some(v.value.to_string()),
                _ => {
                    return Err(ScenarioError::InvalidValue {
                        location: at(file, v.pos),
                        key: "name".into(),
                        found: found(&v.value),
                        expected: "a non-empty text".into(),
                        hint: None,
                    });
                }
            },
            "expect" => match &v.value {
                Y::Null => {}
                Y::Str(s) if Verdict::parse(s).is_some() => sc.expect = Verdict::parse(s),
                other => {
                    let s = match other {
                        Y::Str(s) => suggest(s, ["eligible", "not_eligible", "undetermined"]),
                        _ => None,
                    };
                    return Err(ScenarioError::InvalidValue {
                        location: at(file, v.pos),
                        key: "expect".into(),
                        found: found(other),
                        expected: "one of `eligible`, `not_eligible`, `undetermined`".into(),
                        hint: s.map(|s| format!("did you mean `{s}`?")),
                    });
                }
            },
            _ => walk(vocab, file, "", k, v, &mut sc, &mut mentioned)?,
        }
    }
    sc.name = name.ok_or_else(|| ScenarioError::MissingName {
        file: file.to_owned(),
    })?;
    for (i, decl) in vocab.facts.iter().enumerate() {
        let id = FactId(i as u16);
        if sc.values[i].is_none()
            && let Some(d) = decl.default
        {
            sc.values[i] = Some(match d {
                FactDefault::Value(v) => v,
                FactDefault::Today => Value::Date(Date::today()),
            });
        }
        let _ = id;
    }
    let env = Env {
        scenario: &sc,
        results: &[],
    };
    let mut unused = Vec::new();
    for id in mentioned.iter() {
        if let Some(c) = &vocab.get(id).used_if {
            let mut m = FactSet::EMPTY;
            if eval_cond(c, &env, &mut m) == Tri::False {
                unused.push(id);
            }
        }
    }
    sc.unused = unused;
    Ok(sc)
}

fn walk(
    vocab: &Vocabulary,
    file: &str,
    prefix: &str,
    k: &Key,
    v: &Node,
    sc: &mut Scenario,
    mentioned: &mut FactSet,
) -> Result<(), ScenarioError> {
    let full = if prefix.is_empty() {
        k.name.clone()
    } else {
        format!("{prefix}.{}", k.name)
    };
    if let Some(id) = vocab.lookup(&full) {
        let mut decl = vocab.get(id).clone();
        match value_of(&mut decl, v, false) {
            Ok(val) => {
                sc.values[id.0 as usize] = val;
                if val.is_some() {
                    mentioned.insert(id);
                }
                if let (Some(Value::Sym(_)), Y::Str(s)) = (val, &v.value) {
                    sc.texts.push((id, s.trim().to_owned()));
                }
                Ok(())
            }
            Err(e) => Err(ScenarioError::InvalidValue {
                location: at(file, v.pos),
                key: full,
                found: e.found,
                expected: e.expected,
                hint: e.hint,
            }),
        }
    } else if vocab
        .facts
        .iter()
        .any(|f| f.name.starts_with(&format!("{full}.")))
    {
        match &v.value {
            Y::Null => Ok(()),
            Y::Map(m) => {
                for (k2, v2) in m {
                    walk(vocab, file, &full, k2, v2, sc, mentioned)?;
                }
                Ok(())
            }
            other => Err(ScenarioError::NotAMapping {
                location: at(file, v.pos),
                found: found(other),
                context: format!(" under `{full}`"),
            }),
        }
    } else {
        let here: Vec<String> = keys_at(vocab, prefix);
        let mut cands: Vec<&str> = here.iter().map(String::as_str).collect();
        if prefix.is_empty() {
            cands.extend(SCENARIO_META);
        }
        let suggestion = suggest(&k.name, cands.iter().copied());
        Err(ScenarioError::UnknownKey {
            location: at(file, k.pos),
            key: full,
            expected: ticks(&cands),
            suggestion,
        })
    }
}

/// The keys allowed directly under `prefix` (fact names or group names).
pub(crate) fn keys_at(vocab: &Vocabulary, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in &vocab.facts {
        let rest = if prefix.is_empty() {
            Some(f.name.as_str())
        } else {
            f.name.strip_prefix(&format!("{prefix}."))
        };
        if let Some(rest) = rest {
            let head = rest.split('.').next().unwrap_or(rest).to_owned();
            if !out.contains(&head) {
                out.push(head);
            }
        }
    }
    out
}
