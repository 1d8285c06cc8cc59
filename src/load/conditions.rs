//! Conditions: `all`/`any`/`not`, terms (compiled once, shared by index),
//! fact tests, reading tests and rule references.

use super::keys::{COND_HEADS, FACT_TESTS};
use super::reader::{Loader, at, ticks};
use super::values::literal;
use crate::error::{Code, did_you_mean, suggest};
use crate::model::condition::{CmpOp, Condition, OutcomeSet, Test};
use crate::model::facts::FactType;
use crate::model::outcome::Outcome;
use crate::model::value::Value;
use crate::tree::{Key, Node, Pos, Value as Y};

/// The deepest chain of terms using terms.
const MAX_TERM_DEPTH: usize = 32;
/// The most condition nodes a whole ruleset may hold (terms count once).
pub(super) const MAX_CONDITION_NODES: usize = 200_000;

impl Loader {
    pub(super) fn cond(&mut self, file: &str, node: &Node) -> Option<Condition> {
        // Every node of every condition counts against one bound for the ruleset.
        self.condition_nodes += 1;
        if self.condition_nodes > MAX_CONDITION_NODES {
            if self.condition_nodes == MAX_CONDITION_NODES + 1 {
                self.err(
                    Code::RulesetTooLarge,
                    at(file, node.pos),
                    format!("the ruleset's conditions hold more than {MAX_CONDITION_NODES} parts"),
                    Some(
                        "a ruleset this large is not a statute: split it, or share parts as terms"
                            .into(),
                    ),
                );
            }
            return None;
        }
        match &node.value {
            Y::Bool(b) => return Some(Condition::Const(*b)),
            Y::Map(_) => {}
            other => {
                self.err(
                    Code::InvalidCondition,
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
                Code::InvalidCondition,
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
                        Code::InvalidCondition,
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
                        Code::InvalidCondition,
                        at(file, arg.pos),
                        "`term` takes the name of a term".into(),
                        None,
                    );
                    return None;
                };
                self.term(file, name, arg.pos)
            }
            "fact" => self.fact_cond(file, node, arg),
            "reading" => self.reading_cond(file, node, arg),
            "rule" => self.rule_cond(file, node, arg),
            _ => None,
        }
    }

    /// A `term:` reference: the term is compiled once, on first use (so that
    /// cycles and chains are caught), and shared by index afterwards.
    pub(super) fn term(&mut self, file: &str, name: &str, pos: Pos) -> Option<Condition> {
        let Some(idx) = self.terms.iter().position(|t| t.name == name) else {
            let s = suggest(name, self.terms.iter().map(|t| t.name.as_str()));
            self.err(
                Code::UnknownTerm,
                at(file, pos),
                format!("unknown term `{name}`"),
                did_you_mean(s),
            );
            return None;
        };
        self.compile_term(idx, file, pos)
            .then_some(Condition::Term(idx))
    }

    /// Compiles term `idx` if not done yet; whether it compiled.
    pub(super) fn compile_term(&mut self, idx: usize, file: &str, pos: Pos) -> bool {
        match self.terms[idx].state {
            2 => return true,
            3 => return false,
            1 => {
                let mut chain: Vec<&str> = self
                    .term_stack
                    .iter()
                    .map(|&t| self.terms[t].name.as_str())
                    .collect();
                chain.push(&self.terms[idx].name);
                let msg = format!(
                    "terms refer to each other in a cycle: {}",
                    chain.join(" -> ")
                );
                self.err(Code::TermCycle, at(file, pos), msg, None);
                self.terms[idx].state = 3;
                return false;
            }
            _ => {}
        }
        if self.term_stack.len() >= MAX_TERM_DEPTH {
            let msg = format!(
                "terms nest more than {MAX_TERM_DEPTH} deep (at `{}`)",
                self.terms[idx].name
            );
            self.err(
                Code::TermTooDeep,
                at(file, pos),
                msg,
                Some("define terms directly in facts rather than through long chains".into()),
            );
            self.terms[idx].state = 3;
            return false;
        }
        self.terms[idx].state = 1;
        self.term_stack.push(idx);
        let when = self.terms[idx].when.clone();
        let tfile = self.terms[idx].file.clone();
        let c = self.cond(&tfile, &when);
        self.term_stack.pop();
        if self.terms[idx].state == 3 {
            return false;
        }
        let ok = c.is_some();
        self.terms[idx].state = if ok { 2 } else { 3 };
        self.terms[idx].compiled = c;
        ok
    }

    /// `reading: id, is: option` or `reading: id, in: [options]`.
    pub(super) fn reading_cond(
        &mut self,
        file: &str,
        node: &Node,
        arg: &Node,
    ) -> Option<Condition> {
        let f = self.fields(file, node, &["reading", "is", "in"], "a reading test")?;
        let reading = self.reading_ref(file, arg)?;
        let words: Vec<&Node> = match (f.node("is"), f.node("in")) {
            (Some(n), None) => vec![n],
            (
                None,
                Some(Node {
                    value: Y::Seq(items),
                    ..
                }),
            ) => items.iter().collect(),
            _ => {
                self.err(
                    Code::InvalidCondition,
                    at(file, node.pos),
                    "a reading test needs `is: <option>` or `in: [<options>]`".into(),
                    None,
                );
                return None;
            }
        };
        let mut options = 0u64;
        for w in words {
            let r = &self.readings[reading];
            let found = match &w.value {
                Y::Str(s) => r.option(s),
                _ => None,
            };
            match found {
                Some(o) => options |= 1 << o,
                None => {
                    let ids: Vec<&str> = r.options.iter().map(|o| o.id.as_str()).collect();
                    let s = match &w.value {
                        Y::Str(s) => suggest(s, ids.iter().copied()),
                        _ => None,
                    };
                    let msg = format!("reading `{}` has no option `{}`", r.id, w.value);
                    let help = did_you_mean(s).or(Some(format!("options: {}", ticks(&ids))));
                    self.err(Code::UnknownOption, at(file, w.pos), msg, help);
                    return None;
                }
            }
        }
        Some(Condition::Reading { reading, options })
    }

    pub(super) fn fact_cond(&mut self, file: &str, node: &Node, arg: &Node) -> Option<Condition> {
        let mut allowed = vec!["fact"];
        allowed.extend_from_slice(FACT_TESTS);
        let f = self.fields(file, node, &allowed, "a fact test")?;
        let Y::Str(name) = &arg.value else {
            self.err(
                Code::InvalidCondition,
                at(file, arg.pos),
                "`fact` takes a fact name".into(),
                None,
            );
            return None;
        };
        let Some(id) = self.vocab.lookup(name) else {
            let s = suggest(name, self.vocab.facts.iter().map(|f| f.name.as_str()));
            self.err(
                Code::UnknownFact,
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
                Code::InvalidCondition,
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
                        self.err(
                            Code::InvalidCondition,
                            at(file, tv.pos),
                            format!(
                                "`{}` takes {}",
                                tk.name,
                                if tk.name == "contains" {
                                    "one value"
                                } else {
                                    "a list of values"
                                }
                            ),
                            None,
                        );
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
                self.err(Code::InvalidValue, at(file, tv.pos), msg, None);
                None
            }
        }
    }

    pub(super) fn rule_cond(&mut self, file: &str, node: &Node, arg: &Node) -> Option<Condition> {
        let f = self.fields(file, node, &["rule", "is", "in"], "a rule reference")?;
        let Y::Str(id) = &arg.value else {
            self.err(
                Code::InvalidCondition,
                at(file, arg.pos),
                "`rule` takes a rule id".into(),
                None,
            );
            return None;
        };
        let Some(&rule) = self.rule_index.get(id.as_str()) else {
            let s = suggest(id, self.rule_index.keys().map(String::as_str));
            self.err(
                Code::UnknownRule,
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
                    Code::InvalidCondition,
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
                        Code::InvalidValue,
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
}
