//! Timing requests: sequential samples after a warm-up, reported as median, p95 and extremes.

use std::time::{Duration, Instant};

/// Timings of one endpoint.
pub struct Timings {
    samples: Vec<Duration>,
    /// `total` of the list answered, if it is a list.
    total: Option<u64>,
}

impl Timings {
    fn pct(&self, p: f64) -> f64 {
        let i = ((self.samples.len() as f64 - 1.0) * p).round() as usize;
        self.samples[i].as_secs_f64() * 1000.0
    }

    pub fn median_ms(&self) -> f64 {
        self.pct(0.5)
    }

    pub fn print(&self, what: &str) {
        let rows = self.total.map(|t| format!(" ({t} matching rows, one page of 50)")).unwrap_or_default();
        println!(
            "{what}{rows}: median {:.1} ms, p95 {:.1} ms, min {:.1} ms, max {:.1} ms ({} requests)",
            self.pct(0.5),
            self.pct(0.95),
            self.pct(0.0),
            self.pct(1.0),
            self.samples.len()
        );
    }
}

/// Signs in and times `samples` GETs of `path`, after five warm-up requests.
pub async fn timed(
    client: &reqwest::Client,
    base: &str,
    login: &(String, String),
    path: &str,
    samples: usize,
) -> anyhow::Result<Timings> {
    let res: serde_json::Value = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({ "username": login.0, "password": login.1 }))
        .send()
        .await?
        .json()
        .await?;
    let token = res["access_token"].as_str().ok_or_else(|| anyhow::anyhow!("login failed: {res}"))?.to_owned();
    let url = format!("{base}{path}");
    for _ in 0..5 {
        let r = client.get(&url).bearer_auth(&token).send().await?;
        anyhow::ensure!(r.status().is_success(), "{path}: {}", r.status());
        r.bytes().await?;
    }
    let mut out = Vec::with_capacity(samples);
    let mut total = None;
    for _ in 0..samples.max(1) {
        let t = Instant::now();
        let r = client.get(&url).bearer_auth(&token).send().await?;
        anyhow::ensure!(r.status().is_success(), "{path}: {}", r.status());
        let body = r.bytes().await?;
        out.push(t.elapsed());
        total = serde_json::from_slice::<serde_json::Value>(&body).ok().and_then(|v| v["total"].as_u64());
    }
    out.sort();
    Ok(Timings { samples: out, total })
}
