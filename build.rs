//! Writes the pattern file without its comments and its examples into OUT_DIR: the examples are run as
//! tests (src/engine/patterns.rs reads the full file there) but need not ship in every wasm download.
//! Measured: the examples and comments were about 6 KB of the gzipped wasm.

use std::path::PathBuf;

fn main() {
    let src = "src/engine/data/patterns.txt";
    println!("cargo:rerun-if-changed={src}");
    let full = std::fs::read_to_string(src).unwrap_or_default();
    let mut min = String::with_capacity(full.len() / 2);
    for line in full.lines() {
        let code = line.split(" #").next().unwrap_or("").trim();
        if code.is_empty() || code.starts_with('#') || code.starts_with('+') || code.starts_with('-') {
            // Keep the line count, so that an error in the shipped data names the line of the source.
            min.push('\n');
            continue;
        }
        min.push_str(code);
        min.push('\n');
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("patterns.min.txt");
    if let Err(e) = std::fs::write(&out, min) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}
