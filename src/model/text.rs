//! Languages and bilingual text. Every text a student reads (rule titles,
//! explanations, fact descriptions, the report's own words) exists in English
//! and, once translated, in Japanese; a missing translation falls back to
//! English and `check` reports it.

use super::strings::Str;
use std::fmt;

/// A language for explanations.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Japanese, using the statute's own terms.
    Ja,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The code used on the command line and in rule files: `en`, `ja`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }
    /// Parses `en` or `ja`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "ja" => Some(Lang::Ja),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A value in English and, optionally, Japanese.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Localized<T> {
    /// English.
    pub en: T,
    /// Japanese, if translated.
    pub ja: Option<T>,
}

impl<T> Localized<T> {
    /// The value in `lang`, falling back to English.
    pub fn get(&self, lang: Lang) -> &T {
        match (lang, &self.ja) {
            (Lang::Ja, Some(j)) => j,
            _ => &self.en,
        }
    }
}

/// A bilingual text.
pub(crate) type Text = Localized<Str>;

impl Text {
    /// An English-only text.
    pub fn en(s: impl Into<Str>) -> Text {
        Text {
            en: s.into(),
            ja: None,
        }
    }
    /// The text in `lang` as a `&str`.
    pub fn of(&self, lang: Lang) -> &str {
        self.get(lang).as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}
