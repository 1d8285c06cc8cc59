//! # peacecoop
//!
//! A rules engine that decides whether a hypothetical Japanese dispatch is
//! eligible under Japan's International Peace Cooperation Act (the "PKO Act",
//! 1992) as the law stood on a given date. The law lives in YAML rule files
//! (`rules/`); this crate knows nothing about Japan.
//!
//! Not legal advice: a teaching and analysis aid.
//!
//! ```
//! use peacecoop::{RuleSet, Verdict};
//!
//! let rules = RuleSet::embedded().expect("the shipped rules load");
//! let scenario = rules.parse_scenario(r#"
//! name: A preventive mission
//! date: 1995-06-01
//! operation: un_peacekeeping
//! basis: { kind: un_security_council_resolution }
//! un_command: true
//! conflict: { occurred: false }
//! consent: { host: given }
//! impartial: true
//! use_of_force: self_preservation
//! tasks: [staff_officer]
//! personnel: 40
//! "#, "inline.yaml").expect("a valid scenario");
//! let result = rules.evaluate(&scenario);
//! assert_eq!(result.verdict, Verdict::Eligible);
//! let json = peacecoop::render::json::evaluation(&rules, &scenario, &result);
//! assert_eq!(json["law_version"]["id"], "1992");
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod batch;
pub mod bench;
pub mod cli;
pub mod compiled;
pub mod date;
pub mod error;
pub mod eval;
pub mod facts;
pub mod files;
pub mod history;
pub mod load;
pub mod matrix;
pub mod render;
pub mod rule;
pub mod ruleset;
pub mod schema;
pub mod testrun;
pub mod text;
pub mod trace;
pub mod validate;
pub mod whatif;
pub mod yaml;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use date::Date;
pub use error::{Diagnostic, RulesetError, ScenarioError, Severity};
pub use facts::{FactId, Scenario, Value};
pub use load::Source;
pub use ruleset::RuleSet;
pub use text::{Lang, Text};
pub use trace::{Evaluation, Outcome, Verdict};
