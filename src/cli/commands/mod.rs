//! One module per subcommand: its arguments, its examples, its function.

pub(crate) mod bench;
pub(crate) mod check;
pub(crate) mod completions;
pub(crate) mod evaluate;
pub(crate) mod explain;
pub(crate) mod history;
pub(crate) mod man;
pub(crate) mod matrix;
pub(crate) mod readings;
pub(crate) mod rules;
pub(crate) mod schema;
pub(crate) mod sources;
pub(crate) mod test;
pub(crate) mod whatif;
