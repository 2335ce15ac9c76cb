//! `kinerja-bench http`: what an authenticated request costs next to `/health`.
//!
//! Starts the server (release build of the bench) on a fresh database with the demo city, signs
//! in as the head of the Dinas Kesehatan (a subtree scope, the common case for a head) and drives
//! `/health`, `/api/v1/me` and `/api/v1/units` with `wrk` (64 connections by default), one after the
//! other for the same time, printing each throughput and its ratio to `/health` from the same run.

use anyhow::{bail, Context};
use std::process::Command;
use std::time::Duration;

/// One endpoint's figures from `wrk`.
pub struct Figures {
    pub requests_per_second: f64,
    pub p99_ms: Option<f64>,
    pub errors: u64,
}

/// Runs `wrk` against `url` for `seconds` with `connections`, sending `token` as a bearer.
pub fn wrk(url: &str, token: Option<&str>, connections: usize, seconds: u64) -> anyhow::Result<Figures> {
    let mut cmd = Command::new("wrk");
    cmd.args(["-t", "2", "-c", &connections.to_string(), "-d", &format!("{seconds}s"), "--latency"]);
    if let Some(t) = token {
        cmd.args(["-H", &format!("Authorization: Bearer {t}")]);
    }
    let out = cmd.arg(url).output().context("starting wrk (install it: apt install wrk)")?;
    if !out.status.success() {
        bail!("wrk failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    parse(&String::from_utf8_lossy(&out.stdout))
}

/// Reads `Requests/sec`, the 99th percentile and the non-2xx count from wrk's report.
fn parse(report: &str) -> anyhow::Result<Figures> {
    let mut rps = None;
    let mut p99 = None;
    let mut errors = 0;
    for line in report.lines().map(str::trim) {
        if let Some(v) = line.strip_prefix("Requests/sec:") {
            rps = v.trim().parse::<f64>().ok();
        } else if let Some(v) = line.strip_prefix("99%") {
            p99 = duration_ms(v.trim());
        } else if let Some(v) = line.strip_prefix("Non-2xx or 3xx responses:") {
            errors += v.trim().parse::<u64>().unwrap_or(0);
        } else if let Some(v) = line.strip_prefix("Socket errors:") {
            errors += v.split(',').filter_map(|p| p.split_whitespace().last()?.parse::<u64>().ok()).sum::<u64>();
        }
    }
    let requests_per_second = rps.with_context(|| format!("no Requests/sec in wrk's report:\n{report}"))?;
    Ok(Figures { requests_per_second, p99_ms: p99, errors })
}

/// `1.23ms`, `456.00us`, `1.02s` in milliseconds.
fn duration_ms(v: &str) -> Option<f64> {
    let (number, factor) = if let Some(n) = v.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = v.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = v.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    number.parse::<f64>().ok().map(|n| n * factor)
}

/// Signs in and answers the access token.
pub async fn sign_in(base: &str, username: &str, password: &str) -> anyhow::Result<String> {
    let r: serde_json::Value = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({ "username": username, "password": password }))
        .send()
        .await?
        .json()
        .await?;
    r["access_token"].as_str().map(str::to_owned).ok_or_else(|| anyhow::anyhow!("login: {r}"))
}

/// Drives the three endpoints on a running server and prints the figures.
pub async fn drive(base: &str, token: &str, connections: usize, seconds: u64) -> anyhow::Result<()> {
    // Warm the caches and the connection pool the way a first user would.
    let client = reqwest::Client::new();
    for path in ["/api/v1/me", "/api/v1/units"] {
        let r = client.get(format!("{base}{path}")).bearer_auth(token).send().await?;
        anyhow::ensure!(r.status().is_success(), "{path}: {}", r.status());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let run = |path: &'static str, auth: bool| {
        let url = format!("{base}{path}");
        let token = auth.then(|| token.to_owned());
        tokio::task::spawn_blocking(move || wrk(&url, token.as_deref(), connections, seconds))
    };
    let health = run("/health", false).await??;
    let me = run("/api/v1/me", true).await??;
    let units = run("/api/v1/units", true).await??;
    let line = |what: &str, f: &Figures| {
        println!(
            "  {what:<16} {:>9.0} requests/s  {:>5.1} % of /health  p99 {}  errors {}",
            f.requests_per_second,
            100.0 * f.requests_per_second / health.requests_per_second.max(1.0),
            f.p99_ms.map(|p| format!("{p:.1} ms")).unwrap_or_else(|| "?".into()),
            f.errors
        );
    };
    line("GET /health", &health);
    line("GET /api/v1/me", &me);
    line("GET /api/v1/units", &units);
    println!(
        "  (one signed-in person: after the first request, and again every few seconds, their identity\n   \
         comes from the cache; a cold identity costs 5-8 indexed reads once per person)"
    );
    let failed = health.errors + me.errors + units.errors;
    anyhow::ensure!(failed == 0, "{failed} answers were errors: the figures above do not count");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_wrk_reports() {
        let report = "Running 10s test @ http://127.0.0.1:8080/health\n  2 threads and 64 connections\n\
            \x20 Latency Distribution\n     50%    1.20ms\n     99%  850.00us\n\
            \x20 400000 requests in 10.00s, 50.00MB read\n  Non-2xx or 3xx responses: 3\n\
            Requests/sec:  40000.50\nTransfer/sec:      5.00MB\n";
        let f = parse(report).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.requests_per_second, 40000.5);
        assert_eq!(f.p99_ms, Some(0.85));
        assert_eq!(f.errors, 3);
    }
}
