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

/// The facts a rule read and their values (`null`: unknown), in the order
/// the rule reads them; serializes as a JSON object. A list rather than a
/// map: a report holds a few per rule, and building them is the hot path of
/// every report.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FactValues(pub Vec<(String, serde_json::Value)>);

impl FactValues {
    /// A fact's value, by dotted name (`None`: the rule did not read it).
    pub fn get(&self, name: &str) -> Option<&serde_json::Value> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
    /// How many facts.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Whether the rule read no fact.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The facts and values, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &serde_json::Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<'a> IntoIterator for &'a FactValues {
    type Item = (&'a String, &'a serde_json::Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, serde_json::Value)>,
        fn(&'a (String, serde_json::Value)) -> (&'a String, &'a serde_json::Value),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl Serialize for FactValues {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for FactValues {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FactValues, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FactValues;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of fact names and values")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<FactValues, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = m.next_entry::<String, serde_json::Value>()? {
                    out.push(entry);
                }
                Ok(FactValues(out))
            }
        }
        d.deserialize_map(V)
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
