//! Conditions: `all`/`any`/`not`, terms (compiled once, shared by index),
//! fact tests, reading tests and rule references.

use super::keys::{COND_HEADS, FACT_TESTS};
use super::reader::{Loader, at, ticks};
use super::values::literal;
use crate::error::{Code, did_you_mean, suggest};
use crate::message::{Fixed, Found, Msg, Named, Part, Shape, TestOn};
use crate::model::condition::{CmpOp, Condition, OutcomeSet, Test};
use crate::model::facts::FactType;
use crate::model::list::Boxed;
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
                    Msg::ConditionParts {
                        max: MAX_CONDITION_NODES,
                    },
                    Some(Fixed::SplitRuleset.into()),
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
                    Msg::ExpectedCondition {
                        found: Shape::of(other),
                    },
                    Some(Msg::ConditionForms {
                        heads: ticks(COND_HEADS),
                    }),
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
                Msg::OneHead {
                    heads: ticks(COND_HEADS),
                    found: heads.len(),
                },
                did_you_mean(suggest(first, COND_HEADS.iter().copied())),
            );
            return None;
        }
        let (head, arg) = heads[0];
        match head.name.as_str() {
            "all" | "any" => {
                self.fields(file, node, &[head.name.as_str()], Part::AllAny)?;
                let Y::Seq(items) = &arg.value else {
                    self.err(
                        Code::InvalidCondition,
                        at(file, arg.pos),
                        Msg::TakesList {
                            head: head.name.clone(),
                            found: Shape::of(&arg.value),
                        },
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
                    Condition::All(out.into())
                } else {
                    Condition::Any(out.into())
                })
            }
            "not" => {
                self.fields(file, node, &["not"], Part::NotCond)?;
                Some(Condition::Not(Boxed::new(self.cond(file, arg)?)))
            }
            "term" => {
                self.fields(file, node, &["term"], Part::TermCond)?;
                let Y::Str(name) = &arg.value else {
                    self.err(
                        Code::InvalidCondition,
                        at(file, arg.pos),
                        Fixed::TermTakesName.into(),
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
                Msg::Unknown {
                    of: Named::Term,
                    name: name.into(),
                },
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
                let msg = Msg::TermCycle {
                    chain: chain.join(" -> "),
                };
                self.err(Code::TermCycle, at(file, pos), msg, None);
                self.terms[idx].state = 3;
                return false;
            }
            _ => {}
        }
        if self.term_stack.len() >= MAX_TERM_DEPTH {
            let msg = Msg::TermTooDeep {
                max: MAX_TERM_DEPTH,
                term: self.terms[idx].name.clone(),
            };
            self.err(
                Code::TermTooDeep,
                at(file, pos),
                msg,
                Some(Fixed::TermChains.into()),
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
        let f = self.fields(file, node, &["reading", "is", "in"], Part::ReadingTest)?;
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
                    Fixed::ReadingTestForm.into(),
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
                    let msg = Msg::NoOption {
                        reading: r.id.to_string(),
                        option: w.value.to_string(),
                    };
                    let help = did_you_mean(s).or(Some(Msg::Options {
                        list: ticks(&ids),
                        its: false,
                    }));
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
        let f = self.fields(file, node, &allowed, Part::FactTest)?;
        let Y::Str(name) = &arg.value else {
            self.err(
                Code::InvalidCondition,
                at(file, arg.pos),
                Fixed::FactTakesName.into(),
                None,
            );
            return None;
        };
        let Some(id) = self.vocab.lookup(name) else {
            let s = suggest(name, self.vocab.facts.iter().map(|f| f.name.as_str()));
            self.err(
                Code::UnknownFact,
                at(file, arg.pos),
                Msg::Unknown {
                    of: Named::Fact,
                    name: name.into(),
                },
                did_you_mean(s).or(Some(Msg::DeclareUnder { section: "facts" })),
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
                Msg::FactTestOne {
                    tests: ticks(FACT_TESTS),
                },
                None,
            );
            return None;
        }
        let (tk, tv) = tests[0];
        let decl = &mut self.vocab.facts.to_mut()[id.0 as usize];
        let ty_kw = decl.ty.keyword();
        let res: Result<Test, Msg> = match (tk.name.as_str(), &decl.ty) {
            ("is_set", _) => match tv.value {
                Y::Bool(true) => Ok(Test::IsSet),
                _ => Err(Fixed::IsSetTrue.into()),
            },
            ("is", FactType::List(_)) => Err(Msg::IsOnList { name: name.into() }),
            ("is", _) => literal(decl, tv).map(Test::Is),
            ("in", FactType::Enum(_) | FactType::Text) => match &tv.value {
                Y::Seq(items) => {
                    let mut mask = 0u64;
                    let mut err = None;
                    for it in items {
                        match literal(decl, it) {
                            Ok(Value::Enum(i)) => mask |= 1 << i,
                            Ok(Value::Sym(s)) if s < 64 => mask |= 1 << s,
                            Ok(_) => err = Some(Fixed::TooManyNames.into()),
                            Err(e) => err = Some(e),
                        }
                    }
                    match err {
                        Some(e) => Err(e),
                        None => Ok(Test::In(mask)),
                    }
                }
                _ => Err(Msg::Takes {
                    key: "in".into(),
                    one: false,
                }),
            },
            ("in", _) => Err(Msg::WorksOn {
                test: "in".into(),
                on: TestOn::EnumText,
                name: name.into(),
                ty: ty_kw,
            }),
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
                    Ok(_) => Err(Fixed::NumberOrDate.into()),
                    Err(e) => Err(e),
                }
            }
            ("at_least" | "at_most" | "before" | "after", _) => Err(Msg::WorksOn {
                test: tk.name.clone(),
                on: TestOn::IntDate,
                name: name.into(),
                ty: ty_kw,
            }),
            ("contains" | "contains_any" | "contains_all", FactType::List(vals)) => {
                let items: Vec<&Node> = match (&tv.value, tk.name.as_str()) {
                    (Y::Seq(items), "contains_any" | "contains_all") => items.iter().collect(),
                    (Y::Str(_), "contains") => vec![tv],
                    _ => {
                        self.err(
                            Code::InvalidCondition,
                            at(file, tv.pos),
                            Msg::Takes {
                                key: tk.name.clone(),
                                one: tk.name == "contains",
                            },
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
                                err = Some(Msg::NotAValueOf {
                                    value: s.clone(),
                                    fact: name.into(),
                                    suggestion: sug,
                                });
                            }
                        },
                        other => {
                            err = Some(Msg::ValueOfExpected {
                                fact: name.into(),
                                found: Shape::of(other),
                            })
                        }
                    }
                }
                match err {
                    Some(e) => Err(e),
                    None if tk.name == "contains_any" => Ok(Test::ContainsAny(mask)),
                    None => Ok(Test::ContainsAll(mask)),
                }
            }
            ("contains" | "contains_any" | "contains_all", _) => Err(Msg::WorksOn {
                test: tk.name.clone(),
                on: TestOn::List,
                name: name.into(),
                ty: ty_kw,
            }),
            _ => Err(Fixed::UnsupportedTest.into()),
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
        let f = self.fields(file, node, &["rule", "is", "in"], Part::RuleRef)?;
        let Y::Str(id) = &arg.value else {
            self.err(
                Code::InvalidCondition,
                at(file, arg.pos),
                Fixed::RuleTakesId.into(),
                None,
            );
            return None;
        };
        let Some(&rule) = self.rule_index.get(id.as_str()) else {
            let s = suggest(id, self.rule_index.keys().map(String::as_str));
            self.err(
                Code::UnknownRule,
                at(file, arg.pos),
                Msg::Unknown {
                    of: Named::Rule,
                    name: id.clone(),
                },
                did_you_mean(s),
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
                    Fixed::RuleRefForm.into(),
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
                        Msg::ExpectedOutcome {
                            found: Found::bare(&w.value),
                        },
                        Some(Fixed::OutcomesAre.into()),
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
