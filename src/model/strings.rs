//! [`Str`]: the model's string, which can borrow from a text built into the
//! program. The shipped ruleset is prepared at build time; its strings are
//! stored once, in one text the compiler has already checked, and the
//! prepared ruleset refers to them by offset, so getting it ready costs no
//! allocation and no UTF-8 validation per string.
//!
//! The pool is used only while the build script writes the ruleset
//! ([`collect`]) and while the library reads it back ([`read_from`]); at any
//! other time a [`Str`] serializes as a plain string.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

/// A string of the model: borrowed from the built-in ruleset, or owned.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub(crate) struct Str(Cow<'static, str>);

impl Str {
    /// The string.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Str {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Str {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str(Cow::Owned(s))
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str(Cow::Owned(s.to_owned()))
    }
}

impl From<&String> for Str {
    fn from(s: &String) -> Str {
        Str(Cow::Owned(s.clone()))
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, o: &str) -> bool {
        *self.0 == *o
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, o: &&str) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<String> for Str {
    fn eq(&self, o: &String) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<Str> for str {
    fn eq(&self, o: &Str) -> bool {
        *self == *o.0
    }
}

impl PartialEq<Str> for &str {
    fn eq(&self, o: &Str) -> bool {
        **self == *o.0
    }
}

impl PartialEq<Str> for String {
    fn eq(&self, o: &Str) -> bool {
        **self == *o.0
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

/// The pool being written: the text so far, and where each string already is.
#[derive(Default)]
struct Writing {
    text: String,
    at: HashMap<String, (u32, u32)>,
}

thread_local! {
    static WRITING: RefCell<Option<Writing>> = const { RefCell::new(None) };
    static READING: RefCell<Option<&'static str>> = const { RefCell::new(None) };
}

/// Runs `f` (which serializes) with every [`Str`] written into a pool by
/// offset; returns `f`'s result and the pool text. Used by the build script.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn collect<T>(f: impl FnOnce() -> T) -> (T, String) {
    WRITING.with(|w| *w.borrow_mut() = Some(Writing::default()));
    let out = f();
    let pool = WRITING.with(|w| w.borrow_mut().take().unwrap_or_default().text);
    (out, pool)
}

/// Runs `f` (which deserializes) with every [`Str`] read by offset from `pool`.
pub(crate) fn read_from<T>(pool: &'static str, f: impl FnOnce() -> T) -> T {
    READING.with(|r| *r.borrow_mut() = Some(pool));
    let out = f();
    READING.with(|r| *r.borrow_mut() = None);
    out
}

impl serde::Serialize for Str {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let placed = WRITING.with(|w| {
            let mut w = w.borrow_mut();
            let w = w.as_mut()?;
            if let Some(&at) = w.at.get(self.as_str()) {
                return Some(at);
            }
            let at = (
                u32::try_from(w.text.len()).ok()?,
                u32::try_from(self.len()).ok()?,
            );
            w.text.push_str(self);
            w.at.insert(self.to_string(), at);
            Some(at)
        });
        match placed {
            Some(at) => serde::Serialize::serialize(&at, s),
            None => s.serialize_str(self),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        match READING.with(|r| *r.borrow()) {
            Some(pool) => {
                let (from, len): (u32, u32) = serde::Deserialize::deserialize(d)?;
                let (from, len) = (from as usize, len as usize);
                pool.get(from..from.saturating_add(len))
                    .map(|s| Str(Cow::Borrowed(s)))
                    .ok_or_else(|| serde::de::Error::custom("a string outside the pool"))
            }
            None => String::deserialize(d).map(Str::from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_through_the_pool_and_are_shared() {
        let v: Vec<Str> = ["平和", "peace", "平和", ""].map(Str::from).to_vec();
        let (bytes, pool) = collect(|| postcard::to_allocvec(&v).unwrap());
        assert_eq!(pool, "平和peace");
        let pool: &'static str = Box::leak(pool.into_boxed_str());
        let back: Vec<Str> = read_from(pool, || postcard::from_bytes(&bytes).unwrap());
        assert_eq!(back, v);
        // Outside the pool, a plain string.
        assert_eq!(serde_json::to_string(&v[0]).unwrap(), "\"平和\"");
    }
}
