//! Embeds every shipped scenario (`scenarios/*.yaml`, sorted by name) in the
//! crate for the page's picker, with its name in English and Japanese read
//! here once, so that the page need not read 70 scenarios to list them
//! (`SCENARIOS: &[(file, name_en, name_ja, text)]`). A test checks these
//! names against the library's own reading.

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The one key read here: `name: text` or `name: {en, ja}`.
#[derive(Deserialize)]
struct Head {
    name: Name,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Name {
    Text(String),
    Both { en: String, ja: Option<String> },
}

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dir = root.join("../../scenarios");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    let mut out = String::from(
        "/// Every shipped scenario: (`scenarios/<file>`, name in English, in Japanese, text).\n",
    );
    out.push_str("pub(crate) static SCENARIOS: &[(&str, &str, &str, &str)] = &[\n");
    for p in &files {
        let file = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let (en, ja) = match serde_saphyr::from_str::<Head>(&text) {
            Ok(Head {
                name: Name::Text(t),
            }) => (t.clone(), t),
            Ok(Head {
                name: Name::Both { en, ja },
            }) => (en.clone(), ja.unwrap_or(en)),
            Err(_) => (file.to_owned(), file.to_owned()),
        };
        let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        let _ = writeln!(
            out,
            "    ({:?}, {:?}, {:?}, include_str!({:?})),",
            format!("scenarios/{file}"),
            en.trim(),
            ja.trim(),
            abs
        );
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("scenarios.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
