//! Installs, once, what the build and the tests need on a fresh machine of this kind.

use crate::sh;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program} >/dev/null 2>&1")])
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

pub fn ensure_wasm_target() -> Result<()> {
    let out = Command::new("rustup").args(["target", "list", "--installed"]).output().context("rustup is needed")?;
    if !String::from_utf8_lossy(&out.stdout).contains("wasm32-unknown-unknown") {
        sh(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// The wasm-bindgen CLI must match the `wasm-bindgen` version in Cargo.lock exactly.
pub fn ensure_wasm_bindgen() -> Result<PathBuf> {
    let lock = std::fs::read_to_string("Cargo.lock").context("Cargo.lock")?;
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"wasm-bindgen\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_owned())
        .context("wasm-bindgen is not in Cargo.lock")?;
    let on_path = Command::new("wasm-bindgen").arg("--version").output();
    if let Ok(out) = on_path {
        if String::from_utf8_lossy(&out.stdout).trim() == format!("wasm-bindgen {version}") {
            return Ok(PathBuf::from("wasm-bindgen"));
        }
    }
    let root = home().join(".cache/kinerja-tools").join(format!("wasm-bindgen-{version}"));
    let bin = root.join("bin/wasm-bindgen");
    if !bin.exists() {
        sh(Command::new("cargo")
            .args(["install", "wasm-bindgen-cli", "--version"])
            .arg(format!("={version}"))
            .arg("--root")
            .arg(&root))?;
    }
    Ok(bin)
}

pub fn ensure_chromium() -> Result<()> {
    if have("chromium") {
        return Ok(());
    }
    sh(Command::new("apt-get").args(["update", "-qq"]))?;
    sh(Command::new("apt-get").args(["install", "-y", "-qq", "chromium"]).env("DEBIAN_FRONTEND", "noninteractive"))
}

/// nginx, for the failover drill behind the project's proxy configuration.
pub fn ensure_nginx() -> Result<()> {
    if have("nginx") || Path::new("/usr/sbin/nginx").exists() {
        return Ok(());
    }
    sh(Command::new("apt-get").args(["update", "-qq"]))?;
    sh(Command::new("apt-get").args(["install", "-y", "-qq", "nginx-light"]).env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Installs the packages locked in `dir/package-lock.json` unless `marker` (a package path under
/// `node_modules`) is already there.
pub fn npm_install(dir: &Path, marker: &str) -> Result<()> {
    if dir.join("node_modules").join(marker).exists() {
        return Ok(());
    }
    sh(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir))
}

/// Starts the local PostgreSQL cluster if it does not answer.
pub fn ensure_postgres() -> Result<()> {
    let ready = || {
        Command::new("pg_isready")
            .args(["-h", "127.0.0.1", "-p", "5432"])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    };
    if std::env::var_os("KINERJA_TEST_POSTGRES_URL").is_some() || ready() {
        return Ok(());
    }
    let _ = Command::new("sh")
        .args(["-c", "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"])
        .status();
    for _ in 0..30 {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    bail!("PostgreSQL does not answer on 127.0.0.1:5432")
}

/// docker-compose.yml must stay valid (no Docker engine here, so the config check is what we can run).
pub fn check_compose() -> Result<()> {
    if !have("docker-compose") {
        sh(Command::new("apt-get").args(["update", "-qq"]))?;
        sh(Command::new("apt-get")
            .args(["install", "-y", "-qq", "docker-compose"])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
    }
    sh(Command::new("docker-compose").args(["-f", "docker-compose.yml", "config", "-q"]))
}

fn home() -> PathBuf {
    std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/root"))
}

/// The Python tools of the contract checks, pinned, in one virtualenv of the tools cache
/// (installed once): schemathesis, openapi-spec-validator and openapi-python-client.
pub fn ensure_python_tools() -> Result<PathBuf> {
    const PINS: [&str; 3] = ["schemathesis==4.32.5", "openapi-spec-validator==0.9.0", "openapi-python-client==0.29.1"];
    let venv = home().join(".cache/kinerja-tools/st-venv");
    let marker = venv.join(format!(".pins-{}", PINS.join("-")));
    if marker.exists() {
        return Ok(venv);
    }
    sh(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    sh(Command::new(venv.join("bin/pip")).args(["install", "-q"]).args(PINS))?;
    std::fs::write(&marker, PINS.join("\n"))?;
    Ok(venv)
}
