//! Loading and validation: positioned trees (from YAML, JSON or code) into
//! the typed model. Every problem carries its file, line and column; the
//! ruleset loader reports all problems at once.
//!
//! A ruleset is read section by section, in an order where each section only
//! needs the ones before it: `about`, `sources`, `readings`, `facts`,
//! `law_versions`, `principles`, `terms`, then `rules`.

mod builder;
mod conditions;
mod facts;
pub(crate) mod keys;
mod law;
mod order;
mod reader;
mod rules;
pub(crate) mod scenario;
pub(crate) mod values;

pub(crate) use builder::scenario_from_value;
pub use builder::{InputValue, ScenarioBuilder};

use crate::error::{Code, Diagnostic, RulesetError, ScenarioError, Severity};
use crate::message::{Fixed, Msg, Named, Part, Shape};
use crate::model::Location;
use crate::model::condition::rules_through;
use crate::model::decls::Term;
use crate::model::ids::FactSet;
use crate::model::ids::ReadingSet;
use crate::model::law::Law;
use crate::tree::{Node, Value as Y};
use crate::yaml::SyntaxError;
use reader::{Loader, TermDraft, at};

/// The most rules a ruleset may hold (the shipped one has about thirty).
pub(crate) const MAX_RULES: usize = 5_000;
/// The most values (keys, scalars, lists, mappings) all rule files of a
/// ruleset may hold together: the parsed trees are held at once, so this
/// bounds their memory (the shipped rules hold about 8,000).
pub(crate) const MAX_RULESET_VALUES: usize = 400_000;

/// A rule file's name and text.
#[derive(Debug, Clone)]
pub(crate) struct RuleFile {
    /// The name used in messages (a path, or `rules/facts.yaml` for embedded rules).
    pub name: String,
    /// The YAML text.
    pub text: String,
}

/// Loads and validates a ruleset from its files (in the order given).
pub(crate) fn load_files(files: &[RuleFile]) -> Result<(Law, Vec<Diagnostic>), RulesetError> {
    let mut parsed: Vec<(String, Result<Node, SyntaxError>)> = Vec::with_capacity(files.len());
    let mut values = 0usize;
    for s in files {
        let tree = crate::yaml::parse(&s.text);
        if let Ok(n) = &tree {
            values += count_values(n);
        }
        parsed.push((s.name.clone(), tree));
        // Each file is bounded by the parser; their trees together, here.
        if values > MAX_RULESET_VALUES {
            return Err(RulesetError::from(
                Diagnostic::error(
                    Code::RulesetTooLarge,
                    Location::file(&s.name),
                    Msg::RulesetValues {
                        max: MAX_RULESET_VALUES,
                    },
                )
                .with_help(Some(Fixed::RulesetValuesHelp.into())),
            ));
        }
    }
    load_trees(parsed)
}

/// How many values (scalars, lists and mappings) a tree holds.
fn count_values(n: &Node) -> usize {
    match &n.value {
        Y::Seq(items) => 1 + items.iter().map(count_values).sum::<usize>(),
        Y::Map(entries) => {
            1 + entries
                .iter()
                .map(|(_, v)| 1 + count_values(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

/// Loads a ruleset from files already parsed (a syntax error is reported).
pub(crate) fn load_trees(
    parsed: Vec<(String, Result<Node, SyntaxError>)>,
) -> Result<(Law, Vec<Diagnostic>), RulesetError> {
    // Scenario files given as rules: one message, not one per key of each.
    if let Some(d) = scenarios_given_as_rules(&parsed) {
        return Err(RulesetError::from(d));
    }
    let file_names: Vec<String> = parsed.iter().map(|(n, _)| n.clone()).collect();
    // Where to report a problem of the ruleset as a whole.
    let whole = Location::file(file_names.first().cloned().unwrap_or_default());
    let mut l = Loader::new();
    let mut docs = Vec::new();
    for (name, result) in parsed {
        match result {
            Ok(n) => docs.push((name, n)),
            Err(e) => l.err(
                Code::YamlSyntax,
                at(&name, e.pos.unwrap_or_default()),
                Msg::InvalidYaml {
                    problem: Box::new(e.msg.clone()),
                },
                None,
            ),
        }
    }
    let sections = gather(&mut l, &docs);
    let mut law = Law::default();
    for (file, n) in sections.of("about") {
        let mut about = std::mem::take(&mut law.about);
        l.about(file, n, &mut about);
        law.about = about;
    }
    for (file, n) in sections.of("sources") {
        l.source(file, n);
    }
    for (file, n) in sections.of("readings") {
        l.reading(file, n);
    }
    for (file, n) in sections.of("facts") {
        l.fact_decl(file, n);
    }
    if l.vocab.date_fact.is_none() && !l.failed() {
        l.err(
            Code::MissingDateFact,
            whole.clone(),
            Fixed::NoDateFact.into(),
            None,
        );
    }
    for (file, n) in sections.of("law_versions") {
        l.law_version(file, n, law.law_versions.to_mut());
    }
    law.law_versions.to_mut().sort_by_key(|v| v.in_force_from);
    if law.law_versions.is_empty() && l.diags.iter().all(|d| d.code != Code::YamlSyntax) {
        l.err(
            Code::NoLawVersions,
            whole.clone(),
            Fixed::NoLawVersions.into(),
            None,
        );
    }
    for (file, n) in sections.of("principles") {
        l.principle(file, n, law.principles.to_mut());
    }
    law.principles.to_mut().sort_by_key(|p| p.number);
    l.principle_numbers = law.principles.iter().map(|p| p.number).collect();
    for (file, n) in sections.of("terms") {
        term_draft(&mut l, file, n);
    }
    let rule_nodes: Vec<(&str, &Node)> = sections.of("rules").collect();
    if let Some((file, first_over)) = rule_nodes.get(MAX_RULES) {
        // Point at the first rule past the limit, in the file that holds it.
        l.err(
            Code::RulesetTooLarge,
            at(file, first_over.pos),
            Msg::TooManyRules {
                n: rule_nodes.len(),
                max: MAX_RULES,
            },
            None,
        );
        return Err(finish_errors(l, &file_names));
    }
    index_rules(&mut l, &rule_nodes);
    compile_used_if(&mut l);
    let mut rules = Vec::new();
    for (file, n) in &rule_nodes {
        if let Some(r) = l.rule(file, n) {
            rules.push(r);
        }
    }
    // Terms no rule uses are compiled too, so that their mistakes show.
    for i in 0..l.terms.len() {
        let (file, pos) = (l.terms[i].file.clone(), l.terms[i].when.pos);
        l.compile_term(i, &file, pos);
    }
    if rules.len() != rule_nodes.len() && !l.failed() {
        l.err(Code::InvalidRule, whole, Fixed::RuleUnreadable.into(), None);
    }
    law.order = order::evaluation_order(&rules, &mut l).into();
    if l.failed() {
        return Err(finish_errors(l, &file_names));
    }
    let mut terms: Vec<Term> = l
        .terms
        .drain(..)
        .map(|t| Term {
            name: t.name.into(),
            description: t.description,
            when: t
                .compiled
                .unwrap_or(crate::model::condition::Condition::Const(false)),
            reads: FactSet::EMPTY,
            consults: ReadingSet::EMPTY,
            location: t.location.into(),
        })
        .collect();
    order::term_dependencies(&mut terms);
    order::rule_dependencies(&mut rules, &terms);
    law.terms = terms.into();
    law.rules = rules.into();
    law.vocab = std::mem::take(&mut l.vocab);
    law.readings = std::mem::take(&mut l.readings).into();
    law.sources = std::mem::take(&mut l.sources).into();
    law.key = law.fingerprint();
    Ok((law, l.diags))
}

/// The items of each section, gathered across files in file order.
struct Sections<'d> {
    items: Vec<(&'static str, &'d str, &'d Node)>,
}

impl<'d> Sections<'d> {
    fn of(&self, key: &'static str) -> impl Iterator<Item = (&'d str, &'d Node)> + '_ {
        self.items
            .iter()
            .filter(move |(k, _, _)| *k == key)
            .map(|(_, f, n)| (*f, *n))
    }
}

fn gather<'d>(l: &mut Loader, docs: &'d [(String, Node)]) -> Sections<'d> {
    let mut items = Vec::new();
    for (file, doc) in docs {
        if let Y::Null = doc.value {
            continue;
        }
        let Some(f) = l.fields(file, doc, keys::TOP, Part::RuleFile) else {
            continue;
        };
        for key in keys::TOP {
            if *key == "about" {
                if let Some(n) = f.node(key) {
                    items.push((*key, file.as_str(), n));
                }
                continue;
            }
            match f.node(key) {
                None => {}
                Some(Node {
                    value: Y::Seq(list),
                    ..
                }) => {
                    items.extend(list.iter().map(|n| (*key, file.as_str(), n)));
                }
                Some(n) => l.err(
                    Code::ExpectedList,
                    at(file, n.pos),
                    Msg::MustBeList {
                        key: key.to_string(),
                        found: Shape::of(&n.value),
                    },
                    None,
                ),
            }
        }
    }
    Sections { items }
}

fn term_draft(l: &mut Loader, file: &str, n: &Node) {
    let Some(f) = l.fields(file, n, keys::TERM, Part::Term) else {
        return;
    };
    let name = l.string(file, &f, "name", n);
    let Some(when) = f.node("when") else {
        l.missing::<()>(file, n, "when");
        return;
    };
    let Some(name) = name else {
        return;
    };
    let description = l.text(file, &f, "description", n).unwrap_or_default();
    if l.terms.iter().any(|t| t.name == name) {
        l.err(
            Code::DuplicateTerm,
            at(file, n.pos),
            Msg::Twice {
                of: Named::Term,
                name: name.clone(),
            },
            None,
        );
        return;
    }
    l.terms.push(TermDraft {
        name,
        description,
        when: when.clone(),
        file: file.to_owned(),
        location: at(file, n.pos),
        state: 0,
        compiled: None,
    });
}

/// Rule ids first, so that rules may refer to rules defined later.
fn index_rules(l: &mut Loader, rules: &[(&str, &Node)]) {
    for (i, (file, n)) in rules.iter().enumerate() {
        let Y::Map(m) = &n.value else { continue };
        let Some((
            _,
            Node {
                value: Y::Str(id),
                pos,
            },
        )) = m.iter().find(|(k, _)| k.name == "id")
        else {
            continue;
        };
        if l.rule_index.contains_key(id.as_str()) {
            l.err(
                Code::DuplicateRule,
                at(file, *pos),
                Msg::Twice {
                    of: Named::Rule,
                    name: id.to_string(),
                },
                Some(Fixed::OwnRuleId.into()),
            );
        } else {
            l.rule_index.insert(id.clone(), i);
        }
    }
}

/// Fact declarations' `used_if`, once every fact and term is known.
fn compile_used_if(l: &mut Loader) {
    let pending = std::mem::take(&mut l.pending_used_if);
    for (id, file, n) in &pending {
        let Some(c) = l.cond(file, n) else { continue };
        let mut refs = Vec::new();
        {
            let term = |t: usize| l.terms.get(t).and_then(|d| d.compiled.as_ref());
            rules_through(&c, &term, &mut refs, &mut Vec::new());
        }
        if !refs.is_empty() {
            l.err(
                Code::InvalidUsedIf,
                at(file, n.pos),
                Fixed::UsedIfFactsOnly.into(),
                None,
            );
        }
        l.vocab.facts.to_mut()[id.index()].used_if = Some(c);
    }
}

/// The error to return: every problem, in reading order (file, line, column).
fn finish_errors(mut l: Loader, file_names: &[String]) -> RulesetError {
    l.diags.sort_by_key(|d| {
        let file = file_names.iter().position(|n| *n == d.location.file);
        (file, d.location.line, d.location.column)
    });
    debug_assert!(l.diags.iter().any(|d| d.severity == Severity::Error));
    RulesetError {
        diagnostics: l.diags,
    }
}

/// The top-level key every scenario has and no rule file has.
const SCENARIO_KEY: &str = "name";

/// A mapping's top-level keys (none for anything else).
fn top_keys(doc: &Node) -> &[(crate::tree::Key, Node)] {
    match &doc.value {
        Y::Map(m) => m,
        _ => &[],
    }
}

/// One error when any file of a ruleset is a scenario (it has `name:` and
/// no section of a rule file): a folder of scenarios given as the rules
/// would otherwise give an error for every key of every file.
fn scenarios_given_as_rules(parsed: &[(String, Result<Node, SyntaxError>)]) -> Option<Diagnostic> {
    let mut found = parsed.iter().filter_map(|(name, doc)| {
        let keys = top_keys(doc.as_ref().ok()?);
        let is_rules = keys
            .iter()
            .any(|(k, _)| keys::TOP.contains(&k.name.as_str()));
        let name_key = keys.iter().find(|(k, _)| k.name == SCENARIO_KEY)?;
        (!is_rules).then_some((name, name_key.0.pos))
    });
    let (file, pos) = found.next()?;
    let more = found.count();
    Some(
        Diagnostic::error(
            Code::WrongKindOfFile,
            at(file, pos),
            Msg::LooksLikeScenario {
                key: SCENARIO_KEY,
                sections: reader::ticks(keys::TOP),
                more,
            },
        )
        .with_help(Some(Fixed::RulesFolderHelp.into())),
    )
}

/// The error for a rule file read as a scenario (it has a section of a rule
/// file such as `rules:` and no `name:`), if `text` is one: one clear
/// message instead of an unknown key for each section.
pub(crate) fn misplaced_rule_file(text: &str, file: &str) -> Option<ScenarioError> {
    let doc = crate::yaml::parse(text).ok()?;
    let keys = top_keys(&doc);
    if keys.iter().any(|(k, _)| k.name == SCENARIO_KEY) {
        return None;
    }
    // `readings` is also a scenario key (a mapping there, a list in rule files).
    let (k, _) = keys.iter().find(|(k, n)| {
        keys::TOP.contains(&k.name.as_str())
            && (k.name != "readings" || matches!(n.value, Y::Seq(_)))
    })?;
    Some(ScenarioError::one(
        Diagnostic::error(
            Code::WrongKindOfFile,
            at(file, k.pos),
            Msg::LooksLikeRules {
                key: k.name.clone(),
                scenario_key: SCENARIO_KEY,
            },
        )
        .with_help(Some(Fixed::ScenarioFileHelp.into())),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shipped_rules_are_far_below_the_value_bound() {
        let total: usize = crate::ruleset::EMBEDDED_RULES
            .iter()
            .map(|(_, text)| crate::yaml::parse(text).map_or(0, |n| super::count_values(&n)))
            .sum();
        assert!(total > 1_000, "{total}");
        assert!(total * 10 < super::MAX_RULESET_VALUES, "{total}");
    }
}
