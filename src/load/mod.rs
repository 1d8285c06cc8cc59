//! Loading and validation: YAML [`Node`] trees into a typed [`RuleSet`] and
//! typed [`Scenario`]s. Every problem carries its file, line and column; the
//! ruleset loader reports all problems at once.

mod conditions;
mod facts;
mod rules;
mod scenario;

use facts::{found, literal, value_of};
pub use scenario::parse_scenario;

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
use crate::text::{Localized, Text};
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
    terms_raw: Vec<(String, Text, Node, String, Location)>,
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

    fn warn(&mut self, code: &'static str, loc: Location, message: String, help: Option<String>) {
        self.diags.push(Diagnostic {
            code,
            severity: Severity::Warning,
            location: loc,
            message,
            help,
        });
    }

    /// A bilingual text: a plain string (English) or `{en: ..., ja: ...}`.
    /// A missing Japanese translation is reported as a warning.
    fn text_node(&mut self, file: &str, node: &Node, what: &str) -> Option<Text> {
        match &node.value {
            Y::Str(s) if !s.trim().is_empty() => {
                self.warn(
                    "missing-translation",
                    at(file, node.pos),
                    format!("{what} has no Japanese text"),
                    Some("write it as `{en: ..., ja: ...}`".into()),
                );
                Some(Text::en(s.trim()))
            }
            Y::Map(_) => {
                let f = self.fields(file, node, &["en", "ja"], what)?;
                let en = self.string(file, &f, "en", node)?;
                let ja = self
                    .opt_string(file, &f, "ja")
                    .filter(|j| !j.is_empty())
                    .map(|j| rules::join_cjk(&j));
                if ja.is_none() {
                    self.warn(
                        "missing-translation",
                        at(file, node.pos),
                        format!("{what} has no Japanese text (`ja`)"),
                        None,
                    );
                }
                Some(Text { en, ja })
            }
            other => {
                self.err(
                    "expected-text",
                    at(file, node.pos),
                    format!(
                        "{what} must be a text or `{{en: ..., ja: ...}}`, found {}",
                        other.kind()
                    ),
                    None,
                );
                None
            }
        }
    }

    /// Reports a required key that is absent.
    fn missing<T>(&mut self, file: &str, owner: &Node, key: &str) -> Option<T> {
        self.err(
            "missing-key",
            at(file, owner.pos),
            format!("missing `{key}`"),
            None,
        );
        None
    }

    /// A required bilingual text field.
    fn text(&mut self, file: &str, f: &Fields<'_>, key: &str, owner: &Node) -> Option<Text> {
        match f.get(key) {
            Some((k, n)) => self.text_node(file, n, &format!("`{}`", k.name)),
            None => self.missing(file, owner, key),
        }
    }

    /// An optional bilingual text field.
    fn opt_text(&mut self, file: &str, f: &Fields<'_>, key: &str) -> Option<Text> {
        let (k, n) = f.get(key)?;
        self.text_node(file, n, &format!("`{}`", k.name))
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
            None => self.missing(file, owner, key),
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

/// Loads and validates a ruleset from its files (in the order given).
pub fn load_ruleset(sources: &[Source]) -> Result<RuleSet, RulesetError> {
    let parsed: Vec<(String, Result<Node, yaml::SyntaxError>)> = sources
        .iter()
        .map(|s| (s.name.clone(), yaml::parse(&s.text)))
        .collect();
    load_parsed(parsed)
}

/// Loads a ruleset from files already parsed (or not: a syntax error is reported).
pub fn load_parsed(
    parsed: Vec<(String, Result<Node, yaml::SyntaxError>)>,
) -> Result<RuleSet, RulesetError> {
    let file_names: Vec<String> = parsed.iter().map(|(n, _)| n.clone()).collect();
    // Where to report a problem of the ruleset as a whole.
    let whole_file = Location {
        file: file_names.first().cloned().unwrap_or_default(),
        line: 0,
        column: 0,
    };
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
    for (name, result) in parsed {
        match result {
            Ok(n) => docs.push((name, n)),
            Err(e) => l.err(
                "yaml-syntax",
                at(&name, e.pos.unwrap_or_default()),
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
                    bucket.extend(items.iter().map(|n| (file.as_str(), n)));
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
            whole_file.clone(),
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
            l.missing::<()>(file, n, "in_force_from");
        }
        let title = l.text(file, &f, "title", n).unwrap_or_default();
        let summary = l.opt_text(file, &f, "summary").unwrap_or_default();
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
    if law_versions.is_empty() && l.diags.iter().all(|d| d.code != "yaml-syntax") {
        l.err(
            "no-law-versions",
            whole_file.clone(),
            "the ruleset declares no `law_versions`; at least one is needed to date the law".into(),
            None,
        );
    }
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
        let title = l.text(file, &f, "title", n).unwrap_or_default();
        let summary = l.opt_text(file, &f, "summary").unwrap_or_default();
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
        let description = l.text(file, &f, "description", n).unwrap_or_default();
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
            (*file).to_owned(),
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
    let names: Vec<(String, Text, String, Location)> = l
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
            let when = match c {
                Condition::Term(_, inner) => *inner,
                other => other,
            };
            term_list.push(Term {
                name,
                description,
                when,
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
        // Report in reading order: file, then line, then column.
        let order = |d: &Diagnostic| {
            let file = file_names.iter().position(|n| *n == d.location.file);
            (file, d.location.line, d.location.column)
        };
        l.diags.sort_by_key(order);
        return Err(RulesetError {
            diagnostics: l.diags,
        });
    }
    let compiled_rules = compiled.iter().map(crate::compiled::compile_rule).collect();
    Ok(RuleSet {
        compiled: compiled_rules,
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
