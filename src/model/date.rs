//! Calendar dates, strict `YYYY-MM-DD`.
//!
//! The law is keyed on dates (entry into force, the Cabinet decision that
//! selects the law version). A [`Date`] packs into one ordered `i32`, so that
//! evaluation compares dates as integers.

use std::fmt;
use std::str::FromStr;

/// A calendar date between years 1 and 9999.
///
/// ```
/// use peacecoop::Date;
/// let d: Date = "2016-03-29".parse().unwrap();
/// assert_eq!(d.to_string(), "2016-03-29");
/// assert!("2016-02-30".parse::<Date>().is_err());
/// assert!("2016-3-29".parse::<Date>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub(crate) i32);

/// Why a string is not a date. Its words, in either language, are the
/// messages module's (`DateError::message_in`, `Display` in English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub(crate) DateProblem);

/// What is wrong with a date, with what was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// Not `YYYY-MM-DD`.
    Shape { text: String },
    /// Year 0000.
    YearZero { text: String },
    /// A month outside 1 to 12.
    MonthRange { text: String, month: u32 },
    /// A day the month does not have.
    NoSuchDay {
        text: String,
        year: i32,
        month: u32,
        day: u32,
    },
    /// A year outside 1 to 9999 (built from parts).
    YearRange { year: i32 },
    /// A month outside 1 to 12 (built from parts).
    MonthInvalid { month: u32 },
    /// A day outside the month (built from parts).
    DayInvalid { day: u32 },
}

impl std::error::Error for DateError {}

impl Date {
    /// Builds a date from its parts, checking that it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        let y = i16::try_from(year).map_err(|_| DateError(DateProblem::YearRange { year }))?;
        let m = i8::try_from(month).map_err(|_| DateError(DateProblem::MonthInvalid { month }))?;
        let d = i8::try_from(day).map_err(|_| DateError(DateProblem::DayInvalid { day }))?;
        jiff::civil::Date::new(y, m, d).map_err(|_| {
            DateError(if !(-9999..=9999).contains(&year) {
                DateProblem::YearRange { year }
            } else if !(1..=12).contains(&month) {
                DateProblem::MonthInvalid { month }
            } else {
                DateProblem::DayInvalid { day }
            })
        })?;
        if year < 1 {
            return Err(DateError(DateProblem::YearRange { year }));
        }
        Ok(Date((year << 9) | ((month as i32) << 5) | day as i32))
    }

    /// Today's date in UTC, the default for a scenario without a `date`.
    ///
    /// Read only where a scenario is built, never during evaluation. In a
    /// browser (wasm32 without an operating system) the clock is the page's.
    pub fn today() -> Date {
        Date::from_unix_days(unix_seconds() / 86_400)
    }

    /// The date `days` days after 1970-01-01 (civil-from-days, proleptic Gregorian).
    pub(crate) fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as i32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as i32;
        let y = (yoe + era * 400) as i32 + i32::from(m <= 2);
        Date((y << 9) | (m << 5) | d)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0 >> 9
    }
    /// The month, 1–12.
    pub fn month(self) -> u32 {
        ((self.0 >> 5) & 0xF) as u32
    }
    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        (self.0 & 0x1F) as u32
    }
    /// An integer that orders like the date (not a day count).
    pub fn ordinal(self) -> i64 {
        i64::from(self.0)
    }
    /// The day before (or the same date at the start of the calendar).
    pub fn pred(self) -> Date {
        self.step(|d| d.yesterday().ok())
    }
    /// The day after (or the same date at the end of the calendar).
    pub fn succ(self) -> Date {
        self.step(|d| d.tomorrow().ok())
    }
    /// The date whose [`Date::ordinal`] is `o`, if `o` is one.
    pub fn from_ordinal(o: i64) -> Option<Date> {
        let o = i32::try_from(o).ok()?;
        Date::new(o >> 9, ((o >> 5) & 0xF) as u32, (o & 0x1F) as u32).ok()
    }
    fn step(self, f: impl Fn(jiff::civil::Date) -> Option<jiff::civil::Date>) -> Date {
        let d = jiff::civil::Date::new(self.year() as i16, self.month() as i8, self.day() as i8)
            .ok()
            .and_then(f);
        match d {
            Some(d) => {
                Date((i32::from(d.year()) << 9) | (i32::from(d.month()) << 5) | i32::from(d.day()))
            }
            None => self,
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn unix_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(DateError(DateProblem::Shape { text: s.into() }));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        let (y, m, d) = (num(0..4), num(5..7), num(8..10));
        if y == 0 {
            return Err(DateError(DateProblem::YearZero { text: s.into() }));
        }
        if !(1..=12).contains(&m) {
            return Err(DateError(DateProblem::MonthRange {
                text: s.into(),
                month: m,
            }));
        }
        Date::new(y as i32, m, d).map_err(|_| {
            DateError(DateProblem::NoSuchDay {
                text: s.into(),
                year: y as i32,
                month: m,
                day: d,
            })
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written digit by digit: every report shows a date, and the
        // general formatting machinery costs more than the rest of it.
        let (Ok(y @ 0..=9999), m, d) = (u32::try_from(self.year()), self.month(), self.day())
        else {
            return write!(
                f,
                "{:04}-{:02}-{:02}",
                self.year(),
                self.month(),
                self.day()
            );
        };
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let text = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ];
        f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The date as text, without allocating.
        struct Text(Date);
        impl serde::Serialize for Text {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(&self.0)
            }
        }
        // A newtype (transparent in JSON), so that the build script's writer
        // knows to emit a date.
        s.serialize_newtype_struct("Date", &Text(*self))
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rejects_impossible_and_loose_dates() {
        assert!("2016-02-30".parse::<Date>().is_err());
        assert!("2015-02-29".parse::<Date>().is_err());
        assert!("2016-02-29".parse::<Date>().is_ok());
        assert!("2016-13-01".parse::<Date>().is_err());
        assert!("2016/03/29".parse::<Date>().is_err());
        assert!("0000-01-01".parse::<Date>().is_err());
        assert_eq!(
            "2016-03-29".parse::<Date>().unwrap().pred().to_string(),
            "2016-03-28"
        );
        assert_eq!(
            "2016-03-01".parse::<Date>().unwrap().pred().to_string(),
            "2016-02-29"
        );
        assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(
            "0001-01-01".parse::<Date>().unwrap().pred().to_string(),
            "0000-12-31"
        );
        assert_eq!(Date::from_unix_days(16_889).to_string(), "2016-03-29");
        assert!(Date::today() > "2024-01-01".parse().unwrap());
    }

    proptest! {
        #[test]
        fn order_matches_text_order(a in 1i32..9999, b in 1u32..13, c in 1u32..29,
                                    x in 1i32..9999, y in 1u32..13, z in 1u32..29) {
            let d1 = Date::new(a, b, c).unwrap();
            let d2 = Date::new(x, y, z).unwrap();
            prop_assert_eq!(d1.cmp(&d2), d1.to_string().cmp(&d2.to_string()));
            prop_assert_eq!(d1.to_string().parse::<Date>().unwrap(), d1);
        }
    }
}
