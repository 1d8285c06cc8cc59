//! Sets of changes for the what-if search, kept cheap to compare: each
//! distinct change gets a small number, a set is a short sorted array of
//! them, and the solutions found are indexed by the changes they hold.

use super::{Atom, MAX_CHANGES};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Numbers for the distinct changes of one search.
#[derive(Default)]
pub(super) struct Atoms {
    table: Vec<Atom>,
    ids: Fast<Atom, u32>,
}

impl Atoms {
    /// The number of `a`, given on first sight.
    pub fn id(&mut self, a: Atom) -> u32 {
        let next = self.table.len();
        *self.ids.entry(a).or_insert_with(|| {
            self.table.push(a);
            // Distinct changes are bounded by the facts' domains, far below 2^32.
            u32::try_from(next).unwrap_or(u32::MAX)
        })
    }
    /// The change numbered `id`.
    pub fn get(&self, id: u32) -> Atom {
        self.table[id as usize]
    }
}

/// A set of at most [`MAX_CHANGES`] changes, by number, in ascending order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub(super) struct Set {
    ids: [u32; MAX_CHANGES],
    len: u8,
}

impl Set {
    /// The numbers, ascending.
    pub fn ids(&self) -> &[u32] {
        &self.ids[..usize::from(self.len)]
    }
    /// This set and `id` (not in it), or `None` if it is full.
    pub fn with(&self, id: u32) -> Option<Set> {
        let n = usize::from(self.len);
        if n == MAX_CHANGES {
            return None;
        }
        let at = self.ids().partition_point(|&x| x < id);
        let mut out = *self;
        out.ids.copy_within(at..n, at + 1);
        out.ids[at] = id;
        out.len += 1;
        Some(out)
    }
    /// How many changes.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }
    /// Whether every change of `self` is in `other` (both ascending).
    fn within(&self, other: &Set) -> bool {
        let mut rest = other.ids();
        self.ids()
            .iter()
            .all(|id| match rest.iter().position(|x| x == id) {
                Some(i) => {
                    rest = &rest[i + 1..];
                    true
                }
                None => false,
            })
    }
}

/// The solutions found so far, in the order found, with the solutions that
/// hold each change.
#[derive(Default)]
pub(super) struct Solutions {
    list: Vec<Set>,
    by_atom: Fast<u32, Vec<u32>>,
}

impl Solutions {
    /// Adds a solution.
    pub fn push(&mut self, s: Set) {
        let at = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        for &id in s.ids() {
            self.by_atom.entry(id).or_default().push(at);
        }
        self.list.push(s);
    }
    /// Whether a solution found so far that holds `atom` lies within `s`.
    /// The search asks this for `s` = a set known to hold no solution, plus
    /// `atom`: any solution within `s` then holds `atom`.
    pub fn within_holding(&self, s: &Set, atom: u32) -> bool {
        self.by_atom
            .get(&atom)
            .is_some_and(|found| found.iter().any(|&i| self.list[i as usize].within(s)))
    }
    /// The solutions that hold no smaller solution, in the order found. A
    /// smaller solution within `sol` starts with one of `sol`'s changes, so
    /// only the solutions indexed under those are looked at, each once (by
    /// its first change), not every pair.
    pub fn minimal(&self) -> impl Iterator<Item = &Set> {
        self.list.iter().filter(|sol| {
            !sol.ids().iter().any(|a| {
                self.by_atom.get(a).is_some_and(|found| {
                    found.iter().any(|&i| {
                        let o = &self.list[i as usize];
                        o.len() < sol.len() && o.ids().first() == Some(a) && o.within(sol)
                    })
                })
            })
        })
    }
}

/// Sets of changes seen at one level of the search.
pub(super) type Seen = HashSet<Set, BuildHasherDefault<Mix>>;

type Fast<K, V> = HashMap<K, V, BuildHasherDefault<Mix>>;

/// A quick hash for small keys made by the search itself (not input text:
/// no flooding to fear), in the manner of rustc's FxHasher.
#[derive(Default)]
pub(super) struct Mix(u64);

impl Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Mix {
    fn add(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ids: &[u32]) -> Set {
        ids.iter()
            .fold(Set::default(), |s, &i| s.with(i).expect("room"))
    }

    #[test]
    fn sets_keep_their_changes_sorted_and_compare_as_sets() {
        assert_eq!(set(&[5, 1, 3]).ids(), &[1, 3, 5]);
        assert!(set(&[3, 1]) == set(&[1, 3]));
        assert!(set(&[1, 5]).within(&set(&[1, 3, 5])));
        assert!(!set(&[1, 4]).within(&set(&[1, 3, 5])));
        assert!(set(&[]).within(&set(&[2])));
        let full = set(&(0..MAX_CHANGES as u32).collect::<Vec<_>>());
        assert!(full.with(99).is_none());
    }

    #[test]
    fn solutions_are_found_within_a_set_and_kept_minimal() {
        let mut sols = Solutions::default();
        sols.push(set(&[1, 2]));
        sols.push(set(&[2, 3, 4]));
        sols.push(set(&[1, 2, 7]));
        assert!(sols.within_holding(&set(&[1, 2, 9]), 1));
        assert!(!sols.within_holding(&set(&[1, 3, 9]), 1));
        assert!(!sols.within_holding(&set(&[5, 6]), 5));
        let minimal: Vec<&[u32]> = sols.minimal().map(Set::ids).collect();
        assert_eq!(minimal, vec![&[1, 2][..], &[2, 3, 4][..]]);
    }
}
