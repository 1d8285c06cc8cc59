//! Small shapes shared by every report: which scenario, which law version,
//! ordered pairs of texts, and the version of the JSON shapes.

use crate::model::Lang;
use crate::model::law::Law;
use crate::model::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// The version of the JSON shapes; bumped only on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// Which scenario a report is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScenarioRef {
    /// Its name, in the report's language when given in several.
    pub name: String,
    /// The path as given on the command line (`None` when not read from a file).
    pub file: Option<String>,
}

/// A law version, as reports name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LawRef {
    /// Its id, e.g. `1992`.
    pub id: String,
    /// Its first day.
    pub in_force_from: String,
    /// Its title, e.g. `Act No. 79 of 1992`.
    pub title: String,
}

/// Pairs of texts that serialize as a JSON object, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pairs(pub Vec<(String, String)>);

impl Serialize for Pairs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Pairs, D::Error> {
        let m = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
        Ok(Pairs(
            m.into_iter()
                .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_owned()))
                .collect(),
        ))
    }
}

impl ScenarioRef {
    /// The scenario's name (in `lang`) and file.
    pub(crate) fn of(s: &Scenario, lang: Lang) -> ScenarioRef {
        ScenarioRef {
            name: s.name_in(lang).to_owned(),
            file: s.file.clone(),
        }
    }
}

impl Pairs {
    /// Every reading of `law`, with the option in effect for `s`.
    pub(crate) fn readings(law: &Law, s: &Scenario) -> Pairs {
        Pairs(
            law.readings
                .iter()
                .enumerate()
                .map(|(r, decl)| {
                    let o = usize::from(s.reading(r));
                    let opt = decl.options.get(o).map_or("", |o| o.id.as_str());
                    (decl.id.to_string(), opt.to_owned())
                })
                .collect(),
        )
    }
}
