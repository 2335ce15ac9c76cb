//! Makes the built SPA light on a phone: the wasm shrunk by wasm-opt (-Oz, binaryen from npm),
//! every file but `index.html` renamed with a hash of its content (so a browser may keep it for
//! good, and a deploy that changed nothing costs nothing), and a brotli and a gzip copy of each
//! beside it for the server to send to whoever accepts one.

use crate::{sh, tools};
use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// The files `index.html` loads, in the order their names are rewritten: each one's new name is
/// written into the files that load it before those are hashed in turn.
const WASM: &str = "kinerja_bg.wasm";
const GLUE: &str = "kinerja.js";
const BOOT: &str = "boot.js";
const STYLE: &str = "style.css";
const CHART: &str = "chart.umd.js";

/// Runs every step over `dist` (as `wasm-bindgen` and the static files left it).
pub fn finish(dist: &Path) -> Result<()> {
    shrink_wasm(dist)?;
    let wasm = hashed(dist, WASM, &[])?;
    let glue = hashed(dist, GLUE, &[(WASM, &wasm)])?;
    let boot = hashed(dist, BOOT, &[(&format!("/{GLUE}"), &format!("/{glue}"))])?;
    let style = hashed(dist, STYLE, &[])?;
    let chart = hashed(dist, CHART, &[])?;
    let index = dist.join("index.html");
    let mut html = std::fs::read_to_string(&index).context("reading index.html")?;
    for (from, to) in [(BOOT, &boot), (STYLE, &style), (CHART, &chart)] {
        let (from, to) = (format!("/{from}"), format!("/{to}"));
        anyhow::ensure!(html.contains(&from), "index.html does not load {from}");
        html = html.replace(&from, &to);
    }
    std::fs::write(&index, html)?;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "gz" || e == "br") {
            continue;
        }
        compress(&path)?;
    }
    Ok(())
}

/// wasm-opt -Oz in place, from npm's binaryen (Debian's is too old for Rust's wasm features).
fn shrink_wasm(dist: &Path) -> Result<()> {
    let frontend = Path::new("frontend");
    tools::npm_install(frontend, "binaryen/bin/wasm-opt")?;
    let wasm = dist.join(WASM);
    let before = std::fs::metadata(&wasm)?.len();
    sh(Command::new(frontend.join("node_modules/.bin/wasm-opt"))
        .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"])
        .args(["--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"])
        .arg(&wasm)
        .arg("-o")
        .arg(&wasm))?;
    let after = std::fs::metadata(&wasm)?.len();
    eprintln!("xtask: wasm-opt -Oz: {before} → {after} bytes");
    Ok(())
}

/// Writes `name` as `stem.HASH.ext` after the `replacements` in its text, removes the original,
/// and gives the new name.
fn hashed(dist: &Path, name: &str, replacements: &[(&str, &str)]) -> Result<String> {
    let path = dist.join(name);
    let mut bytes = std::fs::read(&path).with_context(|| format!("reading {name}"))?;
    if !replacements.is_empty() {
        let mut text = String::from_utf8(bytes).with_context(|| format!("{name} is not text"))?;
        for (from, to) in replacements {
            anyhow::ensure!(text.contains(from), "{name} does not name {from}");
            text = text.replace(from, to);
        }
        bytes = text.into_bytes();
    }
    let digest = Sha256::digest(&bytes);
    let hash: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    let (stem, ext) = name.split_once('.').context("a file name with an extension")?;
    let new_name = format!("{stem}.{hash}.{ext}");
    std::fs::write(dist.join(&new_name), &bytes)?;
    std::fs::remove_file(&path)?;
    Ok(new_name)
}

/// Writes `path.br` (brotli, quality 11) and `path.gz` (gzip, best) beside it.
fn compress(path: &Path) -> Result<()> {
    let bytes = std::fs::read(path)?;
    let with = |ext: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(ext);
        std::path::PathBuf::from(name)
    };
    let mut br = Vec::new();
    {
        let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut br, &params)?;
    }
    std::fs::write(with(".br"), br)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes)?;
    std::fs::write(with(".gz"), gz.finish()?)?;
    Ok(())
}
