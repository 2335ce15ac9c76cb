//! One place for the project's orchestration, so that the README's two commands stay two:
//! `cargo xtask run` (build everything, seed the demo city, serve) and `cargo xtask test`.
//! Every tool it needs is installed here, idempotently.

mod assets;
mod tools;

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root()?;
    std::env::set_current_dir(&root)?;
    match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test(),
        Some("frontend") => build_frontend(),
        Some("openapi") => write_openapi(),
        Some("browser-test") => browser_test(),
        Some("failover") => failover(),
        Some("load-bench") => load_bench(),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 run [ARGS]     build the SPA and the server, seed the demo city, serve on 127.0.0.1:8080\n\
                 test           every check: fmt, clippy, unit + HTTP tests on SQLite and PostgreSQL\n\
                 \u{20}              (S3, read replica, restore drill included), the failover drill behind nginx,\n\
                 \u{20}              the OpenAPI drift test, browser tests in headless Chromium, schemathesis on both\n\
                 \u{20}              databases, the spec validator and a generated client, compose config\n\
                 frontend       build the SPA (the staff app and the citizen pages' own bundle) into frontend/dist\n\
                 openapi        rewrite openapi/openapi.json from the code\n\
                 failover       two replicas behind nginx under load, one killed with SIGKILL\n\
                 browser-test   build what the browser tests need and run them\n\
                 load-bench     load the sign-in and a survey page in Chromium on throttled phone\n\
                 \u{20}              networks (3G, slow 4G) and print bytes and time to usable"
            );
            bail!("unknown command");
        }
    }
}

fn workspace_root() -> Result<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    Ok(manifest.ancestors().nth(2).context("xtask lives in crates/xtask")?.to_path_buf())
}

/// Runs a command, failing with its name when it fails.
pub(crate) fn sh(cmd: &mut Command) -> Result<()> {
    eprintln!("+ {cmd:?}");
    let status = cmd.status().with_context(|| format!("starting {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed with {status}");
    }
    Ok(())
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn run(extra: &[String]) -> Result<()> {
    build_frontend()?;
    sh(cargo().args(["build", "--release", "-p", "kinerja-api"]))?;
    let bin = target_dir().join("release/kinerja");
    sh(Command::new(&bin).args(["seed", "demo"]))?;
    sh(Command::new(&bin).arg("serve").args(extra))
}

fn test() -> Result<()> {
    tools::ensure_postgres()?;
    sh(cargo().args(["fmt", "--all", "--check"]))?;
    sh(cargo().args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    tools::ensure_wasm_target()?;
    sh(cargo().args([
        "clippy",
        "-p",
        "kinerja-frontend",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    // Every HTTP test runs twice, on SQLite and on PostgreSQL (see crates/api/tests/common).
    sh(cargo().args(["test", "--workspace"]))?;
    failover()?;
    browser_test()?;
    fuzz()?;
    contract()?;
    tools::check_compose()?;
    eprintln!("xtask: all checks passed");
    Ok(())
}

/// Two replicas behind nginx under load, one killed: fails on any request a client saw fail.
fn failover() -> Result<()> {
    tools::ensure_nginx()?;
    sh(cargo().args(["build", "-p", "kinerja-api", "-p", "kinerja-bench"]))?;
    sh(Command::new(target_dir().join("debug/kinerja-bench")).arg("failover"))
}

fn browser_test() -> Result<()> {
    build_frontend()?;
    sh(cargo().args(["build", "-p", "kinerja-api"]))?;
    tools::ensure_chromium()?;
    let dir = Path::new("tests/browser");
    tools::npm_install(dir, "playwright-core")?;
    sh(Command::new("node")
        .args(["--test", "--test-concurrency=1"])
        .current_dir(dir)
        .env("KINERJA_BIN", std::env::current_dir()?.join(target_dir()).join("debug/kinerja"))
        .env("KINERJA_STATIC_DIR", std::env::current_dir()?.join("frontend/dist")))
}

/// The load benchmark (tests/browser/load-bench.mjs) against the release server and the built SPA.
fn load_bench() -> Result<()> {
    build_frontend()?;
    sh(cargo().args(["build", "--release", "-p", "kinerja-api"]))?;
    tools::ensure_chromium()?;
    let dir = Path::new("tests/browser");
    tools::npm_install(dir, "playwright-core")?;
    sh(Command::new("node")
        .arg("load-bench.mjs")
        .current_dir(dir)
        .env("KINERJA_BIN", std::env::current_dir()?.join(target_dir()).join("release/kinerja"))
        .env("KINERJA_STATIC_DIR", std::env::current_dir()?.join("frontend/dist")))
}

/// Schemathesis against the spec and the real server on SQLite and PostgreSQL
/// (tests/fuzz/run.sh); needs the debug binary.
fn fuzz() -> Result<()> {
    let venv = tools::ensure_python_tools()?;
    sh(cargo().args(["build", "-p", "kinerja-api"]))?;
    sh(Command::new("bash")
        .arg("tests/fuzz/run.sh")
        .env("KINERJA_BIN", std::env::current_dir()?.join(target_dir()).join("debug/kinerja"))
        .env("ST", venv.join("bin/st")))
}

/// The spec validates as OpenAPI 3.1 and a client generated from it works (tests/client/run.sh).
fn contract() -> Result<()> {
    let venv = tools::ensure_python_tools()?;
    sh(Command::new("bash")
        .arg("tests/client/run.sh")
        .env("KINERJA_BIN", std::env::current_dir()?.join(target_dir()).join("debug/kinerja"))
        .env("VENV", venv))
}

fn build_frontend() -> Result<()> {
    tools::ensure_wasm_target()?;
    let bindgen = tools::ensure_wasm_bindgen()?;
    let dist = Path::new("frontend/dist");
    if dist.exists() {
        std::fs::remove_dir_all(dist)?;
    }
    std::fs::create_dir_all(dist)?;
    // The staff app (`kinerja`, loaded by index.html), then the citizen pages alone (`kinerja_public`,
    // loaded by citizen.html). Both builds write the same file, so each goes through wasm-bindgen
    // before the next one.
    let wasm = target_dir().join("wasm32-unknown-unknown/release-wasm/kinerja_frontend.wasm");
    for (features, out_name) in [(&[][..], "kinerja"), (&["--features", "citizen"][..], "kinerja_public")] {
        sh(cargo()
            .args([
                "build",
                "-p",
                "kinerja-frontend",
                "--target",
                "wasm32-unknown-unknown",
                "--profile",
                "release-wasm",
            ])
            .args(features))?;
        sh(Command::new(&bindgen)
            .args(["--target", "web", "--no-typescript", "--out-name", out_name, "--out-dir"])
            .arg(dist)
            .arg(&wasm))?;
    }
    for entry in std::fs::read_dir("frontend/static")? {
        let entry = entry?;
        std::fs::copy(entry.path(), dist.join(entry.file_name()))?;
    }
    // The dashboard charts use Chart.js (MIT), pinned in frontend/package.json: its UMD build,
    // which index.html loads as the global `Chart` (see frontend/src/components/chart.rs).
    let frontend = Path::new("frontend");
    tools::npm_install(frontend, "chart.js/dist/chart.umd.js")?;
    std::fs::copy(frontend.join("node_modules/chart.js/dist/chart.umd.js"), dist.join("chart.umd.js"))
        .context("copying Chart.js into frontend/dist")?;
    assets::finish(dist)?;
    eprintln!("xtask: SPA built in {}", dist.display());
    Ok(())
}

fn write_openapi() -> Result<()> {
    let out = cargo().args(["run", "--quiet", "-p", "kinerja-api", "--", "openapi"]).output()?;
    if !out.status.success() {
        bail!("kinerja openapi failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    std::fs::write("openapi/openapi.json", out.stdout)?;
    eprintln!("xtask: wrote openapi/openapi.json");
    Ok(())
}

pub(crate) fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"))
}
