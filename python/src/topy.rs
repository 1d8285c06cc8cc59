//! The library's report structs into Python objects: a serde serializer,
//! like `pythonize`, that shares string objects.
//!
//! A batch of reports repeats most of its strings (dict keys, rule ids,
//! titles, outcomes, citations, and in a sweep most explanations too). Each
//! distinct string becomes one Python `str`, shared by every dict that holds
//! it: less time creating and hashing strings, and far less memory for a
//! result of 100,000 reports. The values and their order are exactly what
//! `serde_json` writes for the CLI: maps and structs become dicts (in field
//! order), sequences lists, `None` and unit `None`, unit variants strings.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyList, PyString, PyTuple};
use serde::ser::{self, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use crate::templates::Templates;

/// The most distinct strings kept; past it, new strings are still
/// created, just not shared.
const MAX_SHARED: usize = 1 << 15;

/// Distinct strings, as Python objects (immutable, so safe to share).
pub(crate) type Shared = HashMap<Box<str>, Py<PyString>, foldhash::fast::RandomState>;

/// What a ruleset keeps from one call to the next: shared strings (keys,
/// rule ids, titles, citations are the same in every report) and the
/// report dicts' templates.
#[derive(Default)]
pub(crate) struct Cache(Mutex<Kept>);

#[derive(Default)]
struct Kept {
    strings: Shared,
    templates: Templates,
}

/// The strings of one call: the cache's, taken for the call and put back
/// when dropped (no lock is held while Python objects are built).
pub(crate) struct Strings<'py> {
    py: Python<'py>,
    map: Shared,
    /// Names known at compile time (field names, variants), by address.
    names: HashMap<(usize, usize), Bound<'py, PyString>, foldhash::fast::RandomState>,
    /// Dicts the report dicts are copied from (see `dicts`).
    pub(crate) templates: Templates,
    home: Option<Arc<Cache>>,
}

impl<'py> Strings<'py> {
    /// Strings shared with earlier and later calls on `cache`; a call made
    /// while another has the cache (another thread) starts afresh.
    pub(crate) fn with(py: Python<'py>, cache: &Arc<Cache>) -> Strings<'py> {
        let kept = match cache.0.try_lock() {
            Ok(mut m) => std::mem::take(&mut *m),
            Err(_) => Kept::default(),
        };
        Strings {
            py,
            map: kept.strings,
            names: HashMap::default(),
            templates: kept.templates,
            home: Some(cache.clone()),
        }
    }

    pub(crate) fn py(&self) -> Python<'py> {
        self.py
    }

    /// `s` as a Python string, shared with every other use of the same text.
    pub(crate) fn get(&mut self, s: &str) -> Bound<'py, PyString> {
        if let Some(o) = self.map.get(s) {
            return o.bind(self.py).clone();
        }
        let o = PyString::new(self.py, s);
        if self.map.len() < MAX_SHARED {
            self.map.insert(s.into(), o.clone().unbind());
        }
        o
    }

    /// A name known at compile time (a field or a variant), found by its address.
    fn name(&mut self, s: &'static str) -> Bound<'py, PyString> {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(o) = self.names.get(&key) {
            return o.clone();
        }
        let o = self.get(s);
        self.names.insert(key, o.clone());
        o
    }

    /// `value` as Python objects.
    pub(crate) fn build<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> PyResult<Bound<'py, PyAny>> {
        value.serialize(ToPy { s: self }).map_err(|e| e.0)
    }
}

/// The most strings a ruleset keeps between calls (a batch's own strings,
/// beyond the texts every report repeats, are let go with its results).
const MAX_KEPT: usize = 1 << 14;

impl Drop for Strings<'_> {
    fn drop(&mut self) {
        if let Some(home) = &self.home
            && let Ok(mut kept) = home.0.try_lock()
        {
            kept.templates = std::mem::take(&mut self.templates);
            if self.map.len() <= MAX_KEPT && kept.strings.len() < self.map.len() {
                kept.strings = std::mem::take(&mut self.map);
            }
        }
    }
}

/// A Python exception, as a serde error.
pub(crate) struct Error(PyErr);

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
impl std::error::Error for Error {}
impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}
impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type R<'py> = Result<Bound<'py, PyAny>, Error>;

struct ToPy<'a, 'py> {
    s: &'a mut Strings<'py>,
}

/// A list being filled.
struct Seq<'a, 'py> {
    s: &'a mut Strings<'py>,
    items: Vec<Bound<'py, PyAny>>,
    /// For a tuple variant: its name.
    variant: Option<&'static str>,
    tuple: bool,
}

/// A dict being filled.
struct Dict<'a, 'py> {
    s: &'a mut Strings<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    /// For a struct variant: its name.
    variant: Option<&'static str>,
}

/// `{variant: value}`, as `serde_json` writes an externally tagged variant.
fn tagged<'py>(s: &mut Strings<'py>, variant: &'static str, value: Bound<'py, PyAny>) -> R<'py> {
    let d = PyDict::new(s.py);
    d.set_item(s.name(variant), value)?;
    Ok(d.into_any())
}

impl<'a, 'py> ser::Serializer for ToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Dict<'a, 'py>;
    type SerializeStruct = Dict<'a, 'py>;
    type SerializeStructVariant = Dict<'a, 'py>;

    fn serialize_bool(self, v: bool) -> R<'py> {
        Ok(PyBool::new(self.s.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> R<'py> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> R<'py> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> R<'py> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> R<'py> {
        let Ok(o) = v.into_pyobject(self.s.py);
        Ok(o.into_any())
    }
    fn serialize_i128(self, v: i128) -> R<'py> {
        let Ok(o) = v.into_pyobject(self.s.py);
        Ok(o.into_any())
    }
    fn serialize_u8(self, v: u8) -> R<'py> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> R<'py> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> R<'py> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> R<'py> {
        let Ok(o) = v.into_pyobject(self.s.py);
        Ok(o.into_any())
    }
    fn serialize_u128(self, v: u128) -> R<'py> {
        let Ok(o) = v.into_pyobject(self.s.py);
        Ok(o.into_any())
    }
    fn serialize_f32(self, v: f32) -> R<'py> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> R<'py> {
        Ok(PyFloat::new(self.s.py, v).into_any())
    }
    fn serialize_char(self, v: char) -> R<'py> {
        let mut b = [0u8; 4];
        Ok(self.s.get(v.encode_utf8(&mut b)).into_any())
    }
    fn serialize_str(self, v: &str) -> R<'py> {
        Ok(self.s.get(v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> R<'py> {
        Ok(PyBytes::new(self.s.py, v).into_any())
    }
    fn serialize_none(self) -> R<'py> {
        Ok(self.s.py.None().into_bound(self.s.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> R<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> R<'py> {
        Ok(self.s.name(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> R<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> R<'py> {
        let v = value.serialize(ToPy { s: &mut *self.s })?;
        tagged(self.s, variant, v)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            s: self.s,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
            tuple: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            s: self.s,
            items: Vec::with_capacity(len),
            variant: None,
            tuple: true,
        })
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            s: self.s,
            items: Vec::with_capacity(len),
            variant: Some(variant),
            tuple: false,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Dict<'a, 'py>, Error> {
        let dict = PyDict::new(self.s.py);
        Ok(Dict {
            s: self.s,
            dict,
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Dict<'a, 'py>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Dict<'a, 'py>, Error> {
        let mut d = self.serialize_map(None)?;
        d.variant = Some(variant);
        Ok(d)
    }
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(ToPy { s: &mut *self.s })?;
        self.items.push(v);
        Ok(())
    }
    fn done(self) -> R<'py> {
        let py = self.s.py;
        let v = if self.tuple {
            PyTuple::new(py, self.items)?.into_any()
        } else {
            PyList::new(py, self.items)?.into_any()
        };
        match self.variant {
            Some(name) => tagged(self.s, name, v),
            None => Ok(v),
        }
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}
impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}
impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}
impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}

impl<'py> Dict<'_, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let v = value.serialize(ToPy { s: &mut *self.s })?;
        self.dict.set_item(self.s.name(key), v)?;
        Ok(())
    }
    fn done(self) -> R<'py> {
        let d = self.dict.into_any();
        match self.variant {
            Some(name) => tagged(self.s, name, d),
            None => Ok(d),
        }
    }
}

impl<'py> ser::SerializeMap for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(ToPy { s: &mut *self.s })?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let k = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        let v = value.serialize(ToPy { s: &mut *self.s })?;
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}
impl<'py> ser::SerializeStruct for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}
impl<'py> ser::SerializeStructVariant for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> R<'py> {
        self.done()
    }
}
