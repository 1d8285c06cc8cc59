//! The identifiers and bit sets the model uses: facts, readings, terms,
//! sources and rules are referred to by index, never by name, once loaded.

/// Index of a fact in its vocabulary.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub(crate) struct FactId(pub u16);

impl FactId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// The most facts a vocabulary may declare (they are tracked in a 64-bit set).
pub(crate) const MAX_FACTS: usize = 64;

/// A set of facts, as a bit set; used for "facts read" and "facts missing".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub(crate) struct FactSet(pub u64);

impl FactSet {
    /// The empty set.
    pub const EMPTY: FactSet = FactSet(0);
    /// Adds a fact.
    #[inline]
    pub fn insert(&mut self, f: FactId) {
        self.0 |= 1u64 << (f.0 & 63);
    }
    /// Whether the set holds `f`.
    pub fn contains(self, f: FactId) -> bool {
        f.0 < 64 && self.0 & (1 << f.0) != 0
    }
    /// Union.
    #[inline]
    pub fn union(self, o: FactSet) -> FactSet {
        FactSet(self.0 | o.0)
    }
    /// How many facts.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// The facts in declaration order.
    pub fn iter(self) -> impl Iterator<Item = FactId> {
        (0..64u16)
            .filter(move |i| self.0 & (1 << i) != 0)
            .map(FactId)
    }
}

/// Index of a term in its ruleset.
pub(crate) type TermId = usize;

/// Index of a reading in its ruleset.
pub(crate) type ReadingId = usize;

/// The most readings a ruleset may declare (they are tracked in a 64-bit set).
pub(crate) const MAX_READINGS: usize = 64;

/// A set of readings, as bits.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub(crate) struct ReadingSet(pub u64);

impl ReadingSet {
    /// The empty set.
    pub const EMPTY: ReadingSet = ReadingSet(0);
    /// Adds a reading.
    #[inline]
    pub fn insert(&mut self, r: ReadingId) {
        self.0 |= 1u64 << (r & 63);
    }
    /// Whether the set holds `r`.
    pub fn contains(self, r: ReadingId) -> bool {
        r < 64 && self.0 & (1 << r) != 0
    }
    /// Union.
    #[inline]
    pub fn union(self, o: ReadingSet) -> ReadingSet {
        ReadingSet(self.0 | o.0)
    }
    /// The readings, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = ReadingId> {
        (0..64usize).filter(move |i| self.0 & (1 << i) != 0)
    }
}

/// Index of a source in its ruleset.
pub(crate) type SourceId = usize;

/// Index of a rule in its ruleset.
pub(crate) type RuleIdx = usize;
