//! Writes the engine's data files without their comments into OUT_DIR, so that only data ships in every
//! wasm download:
//! - the pattern file without its comments and its examples: the examples are run as tests
//!   (src/engine/patterns.rs reads the full file there). Measured: the examples and comments were
//!   about 6 KB of the gzipped wasm.
//! - the word lists (terms/*.txt) and the other line files (allow, negation, contact products, ethnic
//!   groups, provinces, traditional characters) without their `#` comments, which their reader
//!   (`terms::data_lines`, `normalize::TRAD`) drops anyway: everything from a `#` to the end of the
//!   line. Measured: about 1.5 KB of the gzipped wasm.
//!
//! Every file keeps its line count, so that an error in the shipped data names the line of the source.

use std::path::{Path, PathBuf};

fn out_dir() -> PathBuf {
    PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default())
}

fn write(out: &Path, text: &str) {
    if let Some(dir) = out.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(e) = std::fs::write(out, text) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}

fn patterns() {
    let src = "src/engine/data/patterns.txt";
    println!("cargo:rerun-if-changed={src}");
    let full = std::fs::read_to_string(src).unwrap_or_default();
    let mut min = String::with_capacity(full.len() / 2);
    for line in full.lines() {
        let code = line.split(" #").next().unwrap_or("").trim();
        if code.is_empty() || code.starts_with('#') || code.starts_with('+') || code.starts_with('-') {
            min.push('\n');
            continue;
        }
        // A lexicon's entries are trimmed when read: the spaces around its `|` need not ship
        // (measured: about 0.7 KB of the gzipped wasm).
        if code.starts_with('@') {
            min.push_str(&code.replace(" | ", "|"));
        } else {
            min.push_str(code);
        }
        min.push('\n');
    }
    write(&out_dir().join("patterns.min.txt"), &min);
}

/// A line file without its comments: each line cut at its first `#` and trimmed.
fn line_file(src: &Path, out: &Path) {
    println!("cargo:rerun-if-changed={}", src.display());
    let full = std::fs::read_to_string(src).unwrap_or_default();
    let mut min = String::with_capacity(full.len());
    for line in full.lines() {
        min.push_str(line.split('#').next().unwrap_or("").trim());
        min.push('\n');
    }
    write(out, &min);
}

fn main() {
    patterns();
    let data = Path::new("src/engine/data");
    for name in [
        "allow",
        "negation",
        "contact-products",
        "ethnic",
        "province",
        "traditional",
    ] {
        line_file(
            &data.join(format!("{name}.txt")),
            &out_dir().join(format!("data/{name}.txt")),
        );
    }
    println!("cargo:rerun-if-changed=src/engine/data/terms");
    if let Ok(entries) = std::fs::read_dir(data.join("terms")) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "txt") {
                line_file(&path, &out_dir().join("data/terms").join(entry.file_name()));
            }
        }
    }
}
