//! Makes the built SPA light on a phone: the wasm of both bundles (staff and citizen) shrunk by
//! wasm-opt (-Oz, binaryen from npm), every file but `index.html`, `citizen.html` and
//! `assets.json` (the new names, for the pages the server renders) renamed with a hash of its content (so a browser may keep it for good, and a deploy that changed nothing
//! costs nothing), and a brotli and a gzip copy of each beside it for the server to send to
//! whoever accepts one.

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
const OFFLINE: &str = "offline.js";
/// The service worker keeps its fixed name (browsers look for it there, and check it anew); the
/// build writes into it the hashed names of the app shell and a version made of them.
const SERVICE_WORKER: &str = "sw.js";
/// The citizen bundle (`--features citizen`) and what `citizen.html` loads, hashed the same way;
/// `citizen.html`, like `index.html`, keeps its name.
const CITIZEN_WASM: &str = "kinerja_public_bg.wasm";
const CITIZEN_GLUE: &str = "kinerja_public.js";
const CITIZEN_BOOT: &str = "citizen-boot.js";
const CITIZEN_PAGE: &str = "citizen.html";
/// The script of the survey page the server renders (`crates/api/src/pages`), hashed the same
/// way; the server learns its name and the stylesheet's from `assets.json`.
const SURVEY_SCRIPT: &str = "survey.js";
const ASSET_NAMES: &str = "assets.json";

/// Runs every step over `dist` (as `wasm-bindgen` and the static files left it).
pub fn finish(dist: &Path) -> Result<()> {
    shrink_wasm(dist)?;
    let wasm = hashed(dist, WASM, &[])?;
    let glue = hashed(dist, GLUE, &[(WASM, &wasm)])?;
    let offline = hashed(dist, OFFLINE, &[])?;
    let boot = hashed(
        dist,
        BOOT,
        &[(&format!("/{GLUE}"), &format!("/{glue}")), (&format!("/{OFFLINE}"), &format!("/{offline}"))],
    )?;
    let style = hashed(dist, STYLE, &[])?;
    // Chart.js stays out of the shell: a first visit should not fetch it for a chart never shown.
    write_service_worker(dist, &[&boot, &glue, &wasm, &offline, &style])?;
    let chart = hashed(dist, CHART, &[])?;
    let index = dist.join("index.html");
    let mut html = std::fs::read_to_string(&index).context("reading index.html")?;
    for (from, to) in [(BOOT, &boot), (STYLE, &style), (CHART, &chart)] {
        let (from, to) = (format!("/{from}"), format!("/{to}"));
        anyhow::ensure!(html.contains(&from), "index.html does not load {from}");
        html = html.replace(&from, &to);
    }
    std::fs::write(&index, html)?;
    finish_citizen(dist, &style)?;
    let survey = hashed(dist, SURVEY_SCRIPT, &[])?;
    // Plain file names (letters, digits, dots): nothing to escape.
    let names = format!("{{\n  \"{STYLE}\": \"{style}\",\n  \"{SURVEY_SCRIPT}\": \"{survey}\"\n}}\n");
    std::fs::write(dist.join(ASSET_NAMES), names)?;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "gz" || e == "br") {
            continue;
        }
        compress(&path)?;
    }
    Ok(())
}

/// Names the shell's files and its version in `sw.js`.
fn write_service_worker(dist: &Path, shell: &[&str]) -> Result<()> {
    let path = dist.join(SERVICE_WORKER);
    let text = std::fs::read_to_string(&path).context("reading sw.js")?;
    let list: Vec<String> = shell.iter().map(|name| format!("'/{name}'")).collect();
    let version: String = Sha256::digest(list.join(",")).iter().take(6).map(|b| format!("{b:02x}")).collect();
    let (version_line, shell_line) = ("const VERSION = 'dev';", "const SHELL = [];");
    anyhow::ensure!(text.contains(version_line) && text.contains(shell_line), "sw.js lacks its placeholders");
    let text = text
        .replace(version_line, &format!("const VERSION = '{version}';"))
        .replace(shell_line, &format!("const SHELL = [{}];", list.join(", ")));
    std::fs::write(path, text)?;
    Ok(())
}

/// Hashes the citizen bundle and names the new files in `citizen.html`, which shares the
/// stylesheet (already hashed as `style`) with `index.html`.
fn finish_citizen(dist: &Path, style: &str) -> Result<()> {
    let wasm = hashed(dist, CITIZEN_WASM, &[])?;
    let glue = hashed(dist, CITIZEN_GLUE, &[(CITIZEN_WASM, &wasm)])?;
    let boot = hashed(dist, CITIZEN_BOOT, &[(&format!("/{CITIZEN_GLUE}"), &format!("/{glue}"))])?;
    let page = dist.join(CITIZEN_PAGE);
    let mut html = std::fs::read_to_string(&page).context("reading citizen.html")?;
    for (from, to) in [(CITIZEN_BOOT, boot.as_str()), (STYLE, style)] {
        let (from, to) = (format!("/{from}"), format!("/{to}"));
        anyhow::ensure!(html.contains(&from), "citizen.html does not load {from}");
        html = html.replace(&from, &to);
    }
    std::fs::write(&page, html)?;
    Ok(())
}

/// wasm-opt -Oz in place on both bundles, from npm's binaryen (Debian's is too old for Rust's
/// wasm features).
fn shrink_wasm(dist: &Path) -> Result<()> {
    let frontend = Path::new("frontend");
    tools::npm_install(frontend, "binaryen/bin/wasm-opt")?;
    for name in [WASM, CITIZEN_WASM] {
        let wasm = dist.join(name);
        let before = std::fs::metadata(&wasm).with_context(|| format!("reading {name}"))?.len();
        sh(Command::new(frontend.join("node_modules/.bin/wasm-opt"))
            .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext"])
            .args(["--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"])
            .arg(&wasm)
            .arg("-o")
            .arg(&wasm))?;
        let after = std::fs::metadata(&wasm)?.len();
        eprintln!("xtask: wasm-opt -Oz {name}: {before} → {after} bytes");
    }
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
