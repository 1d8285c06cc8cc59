//! Prepares the shipped ruleset at build time, so that it is ready the moment
//! a program asks for it: every rule file under `rules/` is embedded as text
//! (for messages and `--rules` comparisons); the ruleset is loaded and
//! checked here, by the library's own modules, and written out as a Rust
//! `static` (`build/emit.rs`) that `RuleSet::embedded` only has to copy a few
//! references from; and its rules are compiled to Rust (`build/codegen.rs`),
//! the fast path of evaluation. If the rules have any error or warning,
//! an empty ruleset (`None`) and a stub of the generated code are written
//! instead, and the library loads the texts at run time, reporting every
//! problem.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// The library's core, compiled into the build script: the same loader, the
// same checks and the same compiler as at run time.
#[path = "build/codegen.rs"]
mod codegen;
#[path = "build/emit.rs"]
mod emit;
#[allow(dead_code, unused_imports)]
#[path = "src/engine/mod.rs"]
mod engine;
#[allow(dead_code, unused_imports)]
#[path = "src/error.rs"]
mod error;
#[allow(dead_code, unused_imports)]
#[path = "src/load/mod.rs"]
mod load;
#[allow(dead_code, unused_imports)]
#[path = "src/message.rs"]
mod message;
#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;
#[allow(dead_code, unused_imports)]
#[path = "src/tree.rs"]
mod tree;
#[allow(dead_code, unused_imports)]
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

/// The generated module when the rules could not be compiled: nothing is
/// available, and `RuleSet::embedded` reports the rules' problems instead.
const NO_NATIVE: &str = "pub(crate) const RULES: usize = usize::MAX;
pub(crate) static EPOCHS: &[i64] = &[];
pub(crate) static READS: &[u64] = &[];
pub(crate) fn trace(_: usize, _: &Values, _: &[u8], _: &mut [RuleResult]) -> Verdict { Verdict::Undetermined }
pub(crate) fn verdict(_: usize, _: &Values, _: &[u8]) -> Verdict { Verdict::Undetermined }
";

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed=rules");
    for dir in ["src/model", "src/load", "src/engine", "build"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    for file in ["src/error.rs", "src/tree.rs", "src/yaml.rs"] {
        println!("cargo:rerun-if-changed={file}");
    }
    let mut files = Vec::new();
    collect(&root.join("rules"), &mut files);
    files.sort();
    let mut src = String::from(
        "/// The rule files embedded at build time: (name, text).\npub static EMBEDDED_RULES: &[(&str, &str)] = &[\n",
    );
    let mut texts = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&root).unwrap_or(f).display().to_string();
        let _ = writeln!(
            src,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        );
        texts.push(load::RuleFile {
            name: rel,
            text: std::fs::read_to_string(f).unwrap_or_default(),
        });
    }
    src.push_str("];\n");
    let (ready, native) = match load::load_files(&texts) {
        Ok((law, warnings)) if warnings.is_empty() => match emit::expression(&law) {
            Ok(expr) => (format!("Some({expr})"), codegen::generate(&law)),
            Err(e) => panic!("cannot write the ruleset as Rust: {e}"),
        },
        _ => ("None".to_owned(), NO_NATIVE.to_owned()),
    };
    write(&out_dir.join("native.rs"), native.as_bytes());
    let ready = format!(
        "/// The shipped ruleset, loaded, checked and written out as Rust at build\n/// time (`None` if the rules had problems).\npub(crate) static EMBEDDED_LAW: Option<Law> = {ready};\n"
    );
    write(&out_dir.join("ruleset.rs"), ready.as_bytes());
    write(&out_dir.join("embedded_rules.rs"), src.as_bytes());
}
