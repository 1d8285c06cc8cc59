//! Fact values: small and `Copy`, so that evaluation never allocates.

use super::date::Date;

/// A fact's value. `Copy`, so that evaluation never allocates.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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

/// Every fact's value in a scenario (`None`: unknown), kept twice: as
/// [`Value`]s for reports, and encoded as one machine word each with a bit
/// set of the known ones, which is what evaluation reads. Changed only
/// through [`Values::set`], so the two never disagree.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Values {
    values: Vec<Option<Value>>,
    words: Vec<u64>,
    known: u64,
}

impl Values {
    /// `n` unknown facts.
    pub fn unknown(n: usize) -> Values {
        Values {
            values: vec![None; n],
            words: vec![0; n],
            known: 0,
        }
    }
    /// A fact's value (`None`: unknown, or no such fact).
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.values.get(i).copied().flatten()
    }
    /// A fact's value as a word (see [`Value::word`]), if known.
    #[inline]
    pub fn word(&self, i: usize) -> Option<u64> {
        if i < 64 && self.known & (1 << i) != 0 {
            self.words.get(i).copied()
        } else {
            None
        }
    }
    /// The set of known facts as evaluation reads it, saved so that an undone
    /// change can put it back exactly (what-if's search changes in place).
    #[inline]
    pub(crate) fn known_bits(&self) -> u64 {
        self.known
    }
    /// Puts back a set of known facts saved by `known_bits`.
    #[inline]
    pub(crate) fn set_known_bits(&mut self, known: u64) {
        self.known = known;
    }
    /// Sets a fact's value (ignored for a fact out of range).
    #[inline]
    pub fn set(&mut self, i: usize, v: Option<Value>) {
        if let (Some(slot), Some(w)) = (self.values.get_mut(i), self.words.get_mut(i)) {
            *slot = v;
            *w = v.map_or(0, Value::word);
            let bit = 1u64 << (i & 63);
            self.known = if v.is_some() {
                self.known | bit
            } else {
                self.known & !bit
            };
        }
    }
}

impl Value {
    /// The value as one machine word: enum and text values by index, lists as
    /// their bit set, integers and dates (by ordinal) as two's complement.
    #[inline]
    pub fn word(self) -> u64 {
        match self {
            Value::Bool(b) => u64::from(b),
            Value::Enum(i) => u64::from(i),
            Value::Sym(s) => u64::from(s),
            Value::Set(s) => s,
            Value::Int(i) => i as u64,
            Value::Date(d) => d.ordinal() as u64,
        }
    }
}
