//! Fact values: small and `Copy`, so that evaluation never allocates.

use super::date::Date;

/// A fact's value. `Copy`, so that evaluation never allocates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Value {
    /// A boolean.
    Bool(bool),
    /// An enum value, by index in the fact's values.
    Enum(u8),
    /// A list value, as a bit set over the fact's values.
    Set(u64),
    /// An integer.
    Int(i64),
    /// A date.
    Date(Date),
    /// A text, by index in the fact's `symbols`; [`OTHER_SYMBOL`] for a name no rule mentions.
    Sym(u32),
}

/// A text value that no rule mentions.
pub(crate) const OTHER_SYMBOL: u32 = u32::MAX;
