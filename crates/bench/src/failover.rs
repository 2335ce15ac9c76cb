//! Failover under load: two `kinerja serve` processes on one PostgreSQL database behind nginx
//! (Debian's package) configured by the project's `deploy/nginx.conf`, the load mix of `load.rs`
//! through the proxy, and one replica killed with SIGKILL halfway. Passes when no client saw a
//! failed request and every acknowledged activity post was written exactly once (a post retried
//! on the other replica is answered from its Idempotency-Key).

use crate::{city, load};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Options {
    pub clients: usize,
    pub seconds: u64,
    pub think: Duration,
    pub employees: u32,
    /// The `kinerja` program (by default beside this one).
    pub kinerja: Option<PathBuf>,
}

/// A child process killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

async fn wait_ready(url: &str) -> anyhow::Result<()> {
    let started = Instant::now();
    loop {
        if let Ok(res) = reqwest::get(url).await {
            if res.status().is_success() {
                return Ok(());
            }
        }
        anyhow::ensure!(started.elapsed() < Duration::from_secs(60), "{url} did not answer within a minute");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The project's proxy configuration with the replicas' and the listener's addresses of this run,
/// inside a minimal nginx main configuration.
fn nginx_conf(deploy: &str, replicas: &[u16], listen: u16, dir: &Path) -> anyhow::Result<String> {
    let mut http = deploy.replace("listen 80;", &format!("listen 127.0.0.1:{listen};"));
    for (i, port) in replicas.iter().enumerate() {
        let name = format!("server api{}:8080", i + 1);
        anyhow::ensure!(http.contains(&name), "deploy/nginx.conf has no '{name}'");
        http = http.replace(&name, &format!("server 127.0.0.1:{port}"));
    }
    let d = dir.display();
    let root = Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false);
    Ok(format!(
        "{user}daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
         events {{ worker_connections 1024; }}\n\
         http {{\n  access_log off;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n\
         fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n{http}\n}}\n",
        user = if root { "user root;\n" } else { "" },
    ))
}

fn kinerja_program(given: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    let path = match given {
        Some(p) => p,
        None => std::env::current_exe()?.with_file_name("kinerja"),
    };
    anyhow::ensure!(path.exists(), "{} does not exist: build it with `cargo build -p kinerja-api`", path.display());
    Ok(path)
}

async fn count(db: &DatabaseConnection, sql: &str) -> anyhow::Result<i64> {
    let row = db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql)).await?;
    Ok(row.and_then(|r| r.try_get::<i64>("", "n").ok()).unwrap_or(0))
}

/// Runs the drill on the (fresh, PostgreSQL) database `url`.
pub async fn run(url: &str, dir: &Path, options: Options) -> anyhow::Result<()> {
    let program = kinerja_program(options.kinerja)?;
    let deploy = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/nginx.conf"))?;
    let db = kinerja_api::db::open(url).await?;
    let city = city::seed(&db, options.employees, 5).await?;
    let staff = city::staff(&db, city.kasi_id, options.clients).await?;

    let ports = [free_port()?, free_port()?];
    let secret = "failover-secret-failover-secret-failover";
    let mut replicas = Vec::new();
    for port in ports {
        let child = Command::new(&program)
            .arg("serve")
            .env("KINERJA_DATABASE_URL", url)
            .env("KINERJA_DATA_DIR", dir)
            .env("KINERJA_BIND", format!("127.0.0.1:{port}"))
            .env("KINERJA_STATIC_DIR", dir.join("no-spa"))
            .env("KINERJA_JWT_SECRET", secret)
            .env("KINERJA_TRUSTED_PROXIES", "127.0.0.1")
            .env("KINERJA_REMINDERS", "0")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        replicas.push(Some(Running(child)));
        wait_ready(&format!("http://127.0.0.1:{port}/ready")).await?;
    }
    let proxy_dir = dir.join("nginx");
    std::fs::create_dir_all(&proxy_dir)?;
    let listen = free_port()?;
    let conf = proxy_dir.join("nginx.conf");
    std::fs::write(&conf, nginx_conf(&deploy, &ports, listen, &proxy_dir)?)?;
    let nginx_program = if Path::new("/usr/sbin/nginx").exists() { "/usr/sbin/nginx" } else { "nginx" };
    let nginx = Command::new(nginx_program)
        .arg("-p")
        .arg(&proxy_dir)
        .arg("-c")
        .arg(&conf)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| anyhow::anyhow!("nginx could not be started ({e}); install Debian's nginx-light"))?;
    let _nginx = Running(nginx);
    let base = format!("http://127.0.0.1:{listen}");
    wait_ready(&format!("{base}/nginx-health")).await?;
    wait_ready(&format!("{base}/ready")).await?;

    let client = reqwest::Client::new();
    let actors = Arc::new(load::Actors {
        base: base.clone(),
        kasi_token: load::login(&client, &base, &city.supervisor_login).await?,
        head_token: load::login(&client, &base, &city.head_login).await?,
        dashboard_path: format!("/api/v1/dashboard/units/{}", city.opd_id),
        staff,
    });
    let before = count(&db, "SELECT COUNT(*) AS n FROM activities WHERE description LIKE 'Beban uji %'").await?;
    println!(
        "kinerja-bench failover — PostgreSQL, {} employees, 2 replicas behind nginx (deploy/nginx.conf), {} clients, {} s, \
         mean pause {} ms; replica 1 killed with SIGKILL after {} s",
        options.employees,
        options.clients,
        options.seconds,
        options.think.as_millis(),
        options.seconds / 2
    );
    let pace = load::Pace { duration: Duration::from_secs(options.seconds), think: options.think, health_only: false };
    let load = tokio::spawn(load::run(actors, options.clients, pace));
    tokio::time::sleep(Duration::from_secs(options.seconds / 2)).await;
    if let Some(mut first) = replicas[0].take() {
        first.0.kill()?; // SIGKILL: no graceful shutdown, requests in flight are cut.
        first.0.wait()?;
        println!("replica 1 (port {}) killed at {:.1} s", ports[0], options.seconds as f64 / 2.0);
    }
    let mut report = load.await??;
    report.print("the mix through nginx, one replica killed halfway");
    let failed: u64 = report.errors.values().sum();
    let posted = report.samples.get(&load::Op::PostActivity).map(Vec::len).unwrap_or(0) as i64
        - report.errors.get(&load::Op::PostActivity).copied().unwrap_or(0) as i64;
    let written =
        count(&db, "SELECT COUNT(*) AS n FROM activities WHERE description LIKE 'Beban uji %'").await? - before;
    // What nginx saw of the dead replica: requests cut in flight and connections refused, each
    // passed to the other replica.
    let log = std::fs::read_to_string(proxy_dir.join("error.log")).unwrap_or_default();
    let cut = log.lines().filter(|l| l.contains("upstream prematurely closed") || l.contains("reset by peer")).count();
    let refused = log.lines().filter(|l| l.contains("Connection refused")).count();
    println!("nginx: {cut} requests cut in flight by the kill and {refused} connections refused, each passed to the other replica");
    println!("failed requests seen by clients: {failed}");
    println!("activity posts acknowledged: {posted}; activities written: {written}");
    anyhow::ensure!(cut + refused > 0, "nginx never met the dead replica: the drill proved nothing");
    anyhow::ensure!(failed == 0, "{failed} requests failed while a replica died");
    anyhow::ensure!(posted == written, "{posted} posts acknowledged but {written} activities written");
    Ok(())
}
