//! Load: many concurrent clients, each in a loop for a fixed time, with the mix of a working day —
//! sign-ins, daily activity posts, the penilai's queue and a head's dashboard. Each client is a
//! person: after every answer they pause (the think time, drawn between half and one and a half
//! times the mean) before the next request. With no pause the clients saturate the server and the
//! run measures its capacity instead. Prints throughput, latency percentiles and errors.

use serde_json::json;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One kind of request in the mix, with its weight in percent.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Op {
    Login,
    PostActivity,
    QueueRead,
    DashboardRead,
    Health,
}

const MIX: &[(Op, u32)] = &[(Op::Login, 2), (Op::PostActivity, 33), (Op::QueueRead, 45), (Op::DashboardRead, 20)];

/// Who does what.
pub struct Actors {
    pub base: String,
    /// (sign-in, RHK id) of each staff member; client `i` is staff member `i % len`.
    pub staff: Vec<((String, String), i64)>,
    pub kasi_token: String,
    pub head_token: String,
    pub dashboard_path: String,
}

/// Latencies and errors per kind of request (`K`: the kinds of a benchmark).
pub struct Report<K = Op> {
    pub samples: BTreeMap<K, Vec<Duration>>,
    pub errors: BTreeMap<K, u64>,
    pub first_error: Option<String>,
    pub elapsed: Duration,
}

impl<K> Default for Report<K> {
    fn default() -> Self {
        Self { samples: BTreeMap::new(), errors: BTreeMap::new(), first_error: None, elapsed: Duration::ZERO }
    }
}

impl<K: Ord + Copy + std::fmt::Debug> Report<K> {
    /// Records one request of `kind` that took `took`, failed with `error` if any.
    pub fn record(&mut self, kind: K, took: Duration, error: Option<String>) {
        self.samples.entry(kind).or_default().push(took);
        if let Some(e) = error {
            *self.errors.entry(kind).or_default() += 1;
            self.first_error.get_or_insert(e);
        }
    }

    pub fn merge(&mut self, other: Report<K>) {
        for (op, mut s) in other.samples {
            self.samples.entry(op).or_default().append(&mut s);
        }
        for (op, n) in other.errors {
            *self.errors.entry(op).or_default() += n;
        }
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }

    fn line(what: &str, samples: &mut [Duration], errors: u64, elapsed: Duration) {
        samples.sort();
        let pct = |p: f64| {
            if samples.is_empty() {
                return 0.0;
            }
            samples[((samples.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0
        };
        println!(
            "  {what:<28} {:>7} req {:>8.0} req/s  p50 {:>6.1} ms  p95 {:>6.1} ms  p99 {:>6.1} ms  max {:>7.1} ms  errors {errors}",
            samples.len(),
            samples.len() as f64 / elapsed.as_secs_f64(),
            pct(0.5),
            pct(0.95),
            pct(0.99),
            pct(1.0),
        );
    }

    pub fn print(&mut self, title: &str) {
        println!("{title} ({:.0} s):", self.elapsed.as_secs_f64());
        let mut all: Vec<Duration> = self.samples.values().flatten().copied().collect();
        let errors: u64 = self.errors.values().sum();
        Self::line("all requests", &mut all, errors, self.elapsed);
        for (op, samples) in self.samples.iter_mut() {
            let e = self.errors.get(op).copied().unwrap_or(0);
            Self::line(&format!("{op:?}"), samples, e, self.elapsed);
        }
        if let Some(e) = &self.first_error {
            println!("  first error: {e}");
        }
    }
}

/// A small deterministic generator, so that runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 100) as u32
    }
}

fn pick(rng: &mut Rng) -> Op {
    let mut roll = rng.next();
    for (op, weight) in MIX {
        if roll < *weight {
            return *op;
        }
        roll -= weight;
    }
    Op::QueueRead
}

pub async fn login(client: &reqwest::Client, base: &str, who: &(String, String)) -> anyhow::Result<String> {
    let res: serde_json::Value = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "username": who.0, "password": who.1 }))
        .send()
        .await?
        .json()
        .await?;
    res["access_token"].as_str().map(str::to_owned).ok_or_else(|| anyhow::anyhow!("login failed: {res}"))
}

/// How the clients behave.
#[derive(Clone, Copy)]
pub struct Pace {
    pub duration: Duration,
    /// Mean pause between an answer and the next request (zero: none).
    pub think: Duration,
    /// Every request is `GET /health`.
    pub health_only: bool,
}

/// Runs `clients` loops at `pace`.
pub async fn run(actors: Arc<Actors>, clients: usize, pace: Pace) -> anyhow::Result<Report> {
    let Pace { duration, think, health_only } = pace;
    let client = reqwest::Client::builder().pool_max_idle_per_host(clients).build()?;
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive().to_string();
    let mut tokens = Vec::with_capacity(actors.staff.len());
    for (who, _) in &actors.staff {
        tokens.push(login(&client, &actors.base, who).await?);
    }
    let tokens = Arc::new(tokens);
    // Each post carries an Idempotency-Key unique to this run, as the SPA's do: a retry (by a proxy
    // whose replica died mid-request) never writes twice.
    let nonce = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::with_capacity(clients);
    for i in 0..clients {
        let (client, actors, tokens, today) = (client.clone(), actors.clone(), tokens.clone(), today.clone());
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((i as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D)));
            let mut report = Report::default();
            let me = i % actors.staff.len().max(1);
            let mut n = 0u32;
            // People do not all click at the same millisecond: each starts within one pause.
            if !think.is_zero() {
                tokio::time::sleep(think.mul_f64(f64::from(rng.next()) / 100.0)).await;
            }
            while Instant::now() < deadline {
                let op = if health_only { Op::Health } else { pick(&mut rng) };
                let base = &actors.base;
                let req = match op {
                    Op::Login => client
                        .post(format!("{base}/api/v1/auth/login"))
                        .json(&json!({ "username": actors.staff[me].0 .0, "password": actors.staff[me].0 .1 })),
                    Op::PostActivity => {
                        n += 1;
                        client
                            .post(format!("{base}/api/v1/activities"))
                            .bearer_auth(&tokens[me])
                            .header("Idempotency-Key", format!("beban-{nonce}-{i}-{n}"))
                            .json(&json!({
                                "date": today, "minutes": 1, "description": format!("Beban uji {i}-{n}"),
                                "rhk_id": actors.staff[me].1, "submit": true
                            }))
                    }
                    Op::QueueRead => client
                        .get(format!("{base}/api/v1/activities?queue=true&per_page=50"))
                        .bearer_auth(&actors.kasi_token),
                    Op::DashboardRead => {
                        client.get(format!("{base}{}", actors.dashboard_path)).bearer_auth(&actors.head_token)
                    }
                    Op::Health => client.get(format!("{base}/health")),
                };
                let t = Instant::now();
                let outcome = match req.send().await {
                    Ok(res) if res.status().is_success() => res.bytes().await.map(|_| ()).map_err(|e| e.to_string()),
                    Ok(res) => {
                        let status = res.status();
                        Err(format!("{op:?}: {status} {}", res.text().await.unwrap_or_default()))
                    }
                    Err(e) => Err(format!("{op:?}: {e}")),
                };
                report.record(op, t.elapsed(), outcome.err());
                if !think.is_zero() {
                    // Between 0.5 and 1.5 times the mean, in steps of 1 %.
                    tokio::time::sleep(think.mul_f64(0.5 + f64::from(rng.next()) / 100.0)).await;
                }
            }
            report
        }));
    }
    let mut total = Report::default();
    for t in tasks {
        total.merge(t.await?);
    }
    total.elapsed = started.elapsed();
    Ok(total)
}
