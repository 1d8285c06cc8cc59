//! Writes a value of the model as a Rust expression, through its `Serialize`
//! implementation: the shipped ruleset becomes a `static`, ready without
//! decoding or allocating. Struct, enum and field names come from serde; the
//! model's own containers mark themselves with newtype names (`Str`, `List`,
//! `Boxed`, `Date`) and are written in their borrowed, constant form. Every
//! constructor is written out literally (never a function call), so that the
//! compiler can place each nested array in read-only data.

use serde::ser::{self, Serialize};
use std::fmt::{self, Write as _};

/// Why a value could not be written (a kind the model does not use).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

/// What the next string stands for.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Plain,
    Str,
    Date,
}

/// The writer: Rust source so far.
pub struct Emit {
    out: String,
    mode: Mode,
}

/// `value` as a Rust expression.
pub fn expression<T: Serialize>(value: &T) -> Result<String, Error> {
    let mut e = Emit {
        out: String::new(),
        mode: Mode::Plain,
    };
    value.serialize(&mut e)?;
    Ok(e.out)
}

/// `not_applicable` → `NotApplicable`: undoes `rename_all = "snake_case"`.
fn variant(name: &str) -> String {
    let mut out = String::new();
    let mut up = true;
    for c in name.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn unsupported(what: &str) -> Error {
    Error(format!("the model has no {what}s to write as Rust"))
}

impl Emit {
    fn int(&mut self, v: impl fmt::Display) -> Result<(), Error> {
        let _ = write!(self.out, "{v}");
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Emit {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = Seq<'a>;
    type SerializeStructVariant = Seq<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.int(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        // Every number stands where its field's type is known, so even
        // `-9223372036854775808` reads as an `i64`.
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.int(v)
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(unsupported("float"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(unsupported("float"))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        match std::mem::replace(&mut self.mode, Mode::Plain) {
            Mode::Str => {
                let _ = write!(self.out, "Str(Cow::Borrowed({v:?}))");
            }
            Mode::Date => {
                let d: crate::model::date::Date =
                    v.parse().map_err(|_| Error(format!("not a date: {v}")))?;
                let _ = write!(self.out, "Date({})", d.0);
            }
            // A bare `String` cannot be part of a `static`.
            Mode::Plain => return Err(unsupported("plain string")),
        }
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("byte string"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push_str("None");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        self.out.push_str("Some(");
        v.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("()");
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Error> {
        self.out.push_str(name);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _: u32,
        var: &'static str,
    ) -> Result<(), Error> {
        let _ = write!(self.out, "{name}::{}", variant(var));
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        let (open, close) = match name {
            "Str" => {
                self.mode = Mode::Str;
                ("", "")
            }
            "Date" => {
                self.mode = Mode::Date;
                ("", "")
            }
            "List" => ("List(Cow::Borrowed(&", "))"),
            "Boxed" => ("Boxed::Static(&", ")"),
            _ => {
                self.out.push_str(name);
                ("(", ")")
            }
        };
        self.out.push_str(open);
        v.serialize(&mut *self)?;
        if self.mode != Mode::Plain {
            return Err(Error(format!("a {name} that is not a string")));
        }
        self.out.push_str(close);
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        var: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        let _ = write!(self.out, "{name}::{}(", variant(var));
        v.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        self.out.push('[');
        Ok(Seq::new(self, "]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'a>, Error> {
        self.out.push('(');
        Ok(Seq::new(self, ")"))
    }
    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Seq<'a>, Error> {
        let _ = write!(self.out, "{name}(");
        Ok(Seq::new(self, ")"))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        var: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Error> {
        let _ = write!(self.out, "{name}::{}(", variant(var));
        Ok(Seq::new(self, ")"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("map"))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Seq<'a>, Error> {
        let _ = write!(self.out, "{name} {{");
        Ok(Seq::new(self, "}"))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        var: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Error> {
        let _ = write!(self.out, "{name}::{} {{", variant(var));
        Ok(Seq::new(self, "}"))
    }
}

/// The elements or fields of a sequence, tuple or struct being written.
pub struct Seq<'a> {
    e: &'a mut Emit,
    close: &'static str,
}

impl<'a> Seq<'a> {
    fn new(e: &'a mut Emit, close: &'static str) -> Seq<'a> {
        Seq { e, close }
    }
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut *self.e)?;
        self.e.out.push(',');
        Ok(())
    }
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        let _ = write!(self.e.out, "{key}:");
        self.element(v)
    }
    fn finish(self) -> Result<(), Error> {
        self.e.out.push_str(self.close);
        Ok(())
    }
}

/// The serde traits for sequences and tuples: each element written in turn.
macro_rules! elements {
    ($($kind:ident :: $method:ident),*) => {$(
        impl ser::$kind for Seq<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
                self.element(v)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}

/// The serde traits for structs: each field written with its name.
macro_rules! fields {
    ($($kind:ident),*) => {$(
        impl ser::$kind for Seq<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                v: &T,
            ) -> Result<(), Error> {
                self.field(key, v)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);
fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::expression;
    use crate::model::condition::Condition;
    use crate::model::date::Date;
    use crate::model::list::{Boxed, List};
    use crate::model::strings::Str;

    /// The writer's output for the cases the shipped rules may not show.
    #[test]
    fn writes_borrowed_literals_and_refuses_what_a_static_cannot_hold() {
        let s = Str::from("a \"quoted\" \\ text\u{202e}");
        assert_eq!(
            expression(&s).unwrap(),
            r#"Str(Cow::Borrowed("a \"quoted\" \\ text\u{202e}"))"#
        );
        let c = Condition::Not(Boxed::new(Condition::Not(Boxed::new(Condition::All(
            List::new(),
        )))));
        assert_eq!(
            expression(&c).unwrap(),
            "Condition::Not(Boxed::Static(&Condition::Not(Boxed::Static(&Condition::All(List(Cow::Borrowed(&[])))))))"
        );
        let d: Date = "2016-03-29".parse().unwrap();
        assert_eq!(expression(&d).unwrap(), format!("Date({})", d.0));
        assert_eq!(
            expression(&(-5i64, i64::MIN)).unwrap(),
            "(-5,-9223372036854775808,)"
        );
        assert!(expression(&1.5f64).is_err());
        assert!(expression(&String::from("a bare String")).is_err());
    }
}
