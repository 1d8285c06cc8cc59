//! # peacecoop
//!
//! A rules engine that decides whether a hypothetical dispatch is eligible
//! under a statute as it stood on a given date, with a trace of every rule.
//! The ruleset shipped with it encodes Japan's International Peace
//! Cooperation Act (the "PKO Act", 1992) as YAML data (`rules/`); the engine
//! itself is generic: it reads facts, conditions, rules, law versions and
//! readings of contested points from that data. Not legal advice.
//!
//! ## Quick start
//!
//! Add the library without the command-line tool:
//!
//! ```toml
//! [dependencies]
//! peacecoop = { git = "…", default-features = false }
//! ```
//!
//! Load the rules, build a scenario, evaluate it and read the reasons:
//!
//! ```
//! use peacecoop::{Lang, Outcome, RuleSet, Verdict};
//!
//! let rules = RuleSet::embedded()?;                 // the shipped rules, no filesystem needed
//! let mission = rules
//!     .build_scenario("A UN mission after its ceasefire collapsed")
//!     .set("date", "2010-06-01")
//!     .set("operation", "un_peacekeeping")
//!     .set("basis.kind", "un_security_council_resolution")
//!     .set("un_command", true)
//!     .set("conflict.occurred", true)
//!     .set("conflict.ceasefire", "collapsed")
//!     .set("consent.host", "given")
//!     .set("consent.parties", "given")
//!     .set("impartial", true)
//!     .set("use_of_force", "self_preservation")
//!     .set("tasks", ["engineering"])
//!     .set("personnel", 350)
//!     .build()?;
//! let evaluation = rules.evaluate(&mission);
//! assert_eq!(evaluation.verdict(), Verdict::NotEligible);
//! assert_eq!(evaluation.outcome("ceasefire-agreement"), Some(Outcome::Fail));
//! assert_eq!(evaluation.failing().collect::<Vec<_>>(), ["ceasefire-agreement"]);
//!
//! // The report: what `peacecoop evaluate --format json` prints, explanations in words.
//! let report = rules.report(&mission, &evaluation, Lang::En);
//! println!("{}", report.reason);
//! let json = serde_json::to_value(&report)?;
//! assert_eq!(json["law_version"]["id"], "2001");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A scenario can also come from YAML ([`RuleSet::parse_scenario`]) or JSON
//! ([`RuleSet::scenario_from_json`]); all three routes apply the same checks
//! and defaults. Further: [`RuleSet::whatif`], [`RuleSet::history`],
//! [`RuleSet::matrix`], [`RuleSet::readings_report`], [`RuleSet::verdict`]
//! (the fast path for sweeps) and [`render`] (text, and with the `html`
//! feature, handouts).
//!
//! ## Features
//! - `cli` (default): the `peacecoop` binary.
//! - `parallel`: [`RuleSet::reports`] on every core.
//! - `html`: HTML handouts.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod analysis;
mod batch;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
mod engine;
mod error;
mod files;
mod load;
mod message;
mod model;
#[path = "engine/native.rs"]
mod native;
pub mod render;
pub mod report;
mod ruleset;
mod schema;
mod tree;
mod yaml;

/// The build script's writer of the shipped ruleset as Rust, unit-tested here.
#[cfg(test)]
#[path = "../build/emit.rs"]
mod emit;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use analysis::history::{Changed, HistoryReport, HistoryRow};
pub use analysis::matrix::{Dim, MatrixError, MatrixReport, Row};
pub use analysis::readings::{Combination, ReadingsReport};
pub use analysis::whatif::{Alternative, Change, Keep, MAX_CHANGES, WhatifOptions, WhatifReport};
pub use engine::Evaluation;
pub use error::{Code, Diagnostic, RulesetError, ScenarioError, Severity};
pub use files::DEFAULT_MAX_SCENARIO_BYTES;
pub use load::{InputValue, ScenarioBuilder};
pub use model::{Date, DateError, Lang, Location, Outcome, Scenario, Verdict};
pub use ruleset::RuleSet;
