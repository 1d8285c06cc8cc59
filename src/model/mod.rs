//! The typed domain: facts and their values, conditions, rules and their
//! versions, law versions, readings, sources and scenarios. Plain data, no I/O;
//! [`crate::load`] builds it, [`crate::engine`] evaluates it.

pub(crate) mod condition;
pub(crate) mod date;
pub(crate) mod decls;
pub(crate) mod facts;
pub(crate) mod ids;
pub(crate) mod law;
pub(crate) mod list;
pub(crate) mod location;
pub(crate) mod outcome;
pub(crate) mod rule;
pub(crate) mod scenario;
pub(crate) mod strings;
pub(crate) mod text;
pub(crate) mod value;

pub use date::{Date, DateError};
pub use location::Location;
pub use outcome::{Outcome, Verdict};
pub use scenario::Scenario;
pub use text::Lang;
