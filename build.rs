//! Embeds every rule file under `rules/` into the binary, so it works anywhere:
//! the text (for messages) and the tree already parsed (so a CLI call does not
//! spend its time in the YAML parser). `src/yaml.rs` is the one YAML module;
//! the build script uses it too.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/tree.rs"]
mod tree;
#[allow(dead_code)]
#[path = "src/yaml.rs"]
mod yaml;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("yaml" | "yml")) {
            out.push(p);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/yaml.rs");
    println!("cargo:rerun-if-changed=src/tree.rs");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();
    let mut src = String::from(
        "/// The rule files embedded at build time: (name, text).\npub static EMBEDDED_RULES: &[(&str, &str)] = &[\n",
    );
    let mut trees = String::from(
        "/// The same files parsed at build time (`None` if the text has a YAML error).\nstatic EMBEDDED_TREES: &[Option<&[u8]>] = &[\n",
    );
    for (i, f) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&root).unwrap_or(f).display().to_string();
        let _ = writeln!(
            src,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        );
        let text = std::fs::read_to_string(f).unwrap_or_default();
        match yaml::parse(&text) {
            Ok(node) => {
                let mut bytes = Vec::new();
                tree::encode(&node, &mut bytes);
                let path = out_dir.join(format!("rules-{i}.bin"));
                if let Err(e) = std::fs::write(&path, bytes) {
                    panic!("cannot write {}: {e}", path.display());
                }
                let _ = writeln!(
                    trees,
                    "    Some(include_bytes!({:?})),",
                    path.display().to_string()
                );
            }
            Err(_) => trees.push_str("    None,\n"),
        }
    }
    src.push_str("];\n");
    trees.push_str("];\n");
    src.push_str(&trees);
    let out = out_dir.join("embedded_rules.rs");
    if let Err(e) = std::fs::write(&out, src) {
        panic!("cannot write {}: {e}", out.display());
    }
}
