//! [`List`] and [`Boxed`]: the model's sequences and boxes, which can borrow
//! from data built into the program. The shipped ruleset is written out as
//! Rust at build time (a `static`), so getting it ready is a copy of a few
//! references: no decoding, no allocation. A ruleset loaded at run time owns
//! its data, as a `Vec` or a `Box` would.
//!
//! Both serialize as a newtype around their contents (transparent in JSON),
//! so that the build script's writer knows to emit a borrowed form.

use std::borrow::Cow;
use std::fmt;

/// A sequence of the model: borrowed from the built-in ruleset, or owned.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct List<T: Clone + 'static>(pub(crate) Cow<'static, [T]>);

impl<T: Clone> List<T> {
    /// An empty list, without allocating.
    pub const fn new() -> List<T> {
        List(Cow::Borrowed(&[]))
    }
    /// The list as a `Vec` to change (copied first if it was borrowed).
    pub fn to_mut(&mut self) -> &mut Vec<T> {
        self.0.to_mut()
    }
}

impl<T: Clone> Default for List<T> {
    fn default() -> List<T> {
        List::new()
    }
}

impl<T: Clone> std::ops::Deref for List<T> {
    type Target = [T];
    #[inline]
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Clone> From<Vec<T>> for List<T> {
    fn from(v: Vec<T>) -> List<T> {
        List(Cow::Owned(v))
    }
}

impl<T: Clone> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> List<T> {
        List(Cow::Owned(it.into_iter().collect()))
    }
}

impl<'a, T: Clone> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Clone + fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<T: Clone + PartialEq, const N: usize> PartialEq<[T; N]> for List<T> {
    fn eq(&self, o: &[T; N]) -> bool {
        *self.0 == o[..]
    }
}

impl<T: Clone + serde::Serialize> serde::Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct("List", &*self.0)
    }
}

impl<'de, T: Clone + serde::Deserialize<'de>> serde::Deserialize<'de> for List<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<List<T>, D::Error> {
        Vec::deserialize(d).map(List::from)
    }
}

/// A boxed value of the model (a condition inside `not`): borrowed from the
/// built-in ruleset, or owned.
#[derive(Clone)]
pub(crate) enum Boxed<T: 'static> {
    /// Part of the built-in ruleset.
    Static(&'static T),
    /// Loaded at run time.
    Owned(Box<T>),
}

impl<T> Boxed<T> {
    /// Boxes `v`.
    pub fn new(v: T) -> Boxed<T> {
        Boxed::Owned(Box::new(v))
    }
}

impl<T> std::ops::Deref for Boxed<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        match self {
            Boxed::Static(v) => v,
            Boxed::Owned(v) => v,
        }
    }
}

impl<T: PartialEq> PartialEq for Boxed<T> {
    fn eq(&self, o: &Boxed<T>) -> bool {
        **self == **o
    }
}

impl<T: fmt::Debug> fmt::Debug for Boxed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: serde::Serialize> serde::Serialize for Boxed<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_newtype_struct("Boxed", &**self)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Boxed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Boxed<T>, D::Error> {
        T::deserialize(d).map(Boxed::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_boxes_read_the_same_borrowed_or_owned() {
        static BORROWED: List<u8> = List(Cow::Borrowed(&[1, 2, 3]));
        let owned: List<u8> = vec![1, 2, 3].into();
        assert_eq!(BORROWED, owned);
        assert_eq!(serde_json::to_string(&BORROWED).unwrap(), "[1,2,3]");
        let mut changed = BORROWED.clone();
        changed.to_mut().push(4);
        assert_eq!(changed, [1, 2, 3, 4]);
        assert_eq!(BORROWED.len(), 3);
        static SEVEN: u8 = 7;
        assert_eq!(Boxed::Static(&SEVEN), Boxed::new(7));
        assert_eq!(serde_json::to_string(&Boxed::Static(&SEVEN)).unwrap(), "7");
    }
}
