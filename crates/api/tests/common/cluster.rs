//! Real PostgreSQL clusters of their own for the replica tests: a primary started with `initdb` on
//! a free port, and a streaming replica made from it with `pg_basebackup`, both in temporary
//! directories, run as the `postgres` user when the tests run as root, and stopped when dropped.
#![allow(dead_code)]

use super::outside::free_port;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The server programs of the newest PostgreSQL installed (Debian keeps them off the PATH).
fn bin(program: &str) -> PathBuf {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.filter_map(Result::ok).map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs.into_iter().rev().map(|d| d.join(program)).find(|p| p.exists()).unwrap_or_else(|| PathBuf::from(program))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0\n")).unwrap_or(false)
}

/// Runs a PostgreSQL program, as `postgres` when we are root (the server refuses to run as root).
fn pg(program: &str, args: &[&str]) {
    let mut cmd = if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(bin(program));
        c
    } else {
        Command::new(bin(program))
    };
    let out = cmd.args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub struct Cluster {
    pub port: u16,
    dir: tempfile::TempDir,
}

impl Cluster {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn owned_tempdir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        if is_root() {
            let ok = Command::new("chown").args(["postgres:postgres"]).arg(dir.path()).status().unwrap();
            assert!(ok.success());
        }
        dir
    }

    fn start(dir: tempfile::TempDir, port: u16) -> Self {
        let cluster = Self { port, dir };
        let data = cluster.data();
        let log = cluster.dir.path().join("log");
        let options = format!("-p {port} -c listen_addresses=127.0.0.1 -k {}", cluster.dir.path().display());
        pg("pg_ctl", &["-D", path(&data), "-l", path(&log), "-o", &options, "-w", "-t", "60", "start"]);
        cluster
    }

    /// A new primary on a free port, accepting replication from 127.0.0.1.
    pub fn primary() -> Self {
        let dir = Self::owned_tempdir();
        let data = dir.path().join("data");
        pg("initdb", &["-D", path(&data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        std::fs::write(
            data.join("postgresql.auto.conf"),
            "wal_level = replica\nmax_wal_senders = 5\nfsync = off\nsynchronous_commit = off\n",
        )
        .unwrap();
        Self::start(dir, free_port())
    }

    /// A hot-standby replica of `primary`, streaming from it.
    pub fn replica_of(primary: &Cluster) -> Self {
        let dir = Self::owned_tempdir();
        let data = dir.path().join("data");
        let port = primary.port.to_string();
        pg(
            "pg_basebackup",
            &[
                "-h",
                "127.0.0.1",
                "-p",
                &port,
                "-U",
                "postgres",
                "-D",
                path(&data),
                "-R",
                "-X",
                "stream",
                "--checkpoint=fast",
            ],
        );
        Self::start(dir, free_port())
    }

    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// Stops at once, as a crash would (SIGQUIT to every server process).
    pub fn kill(&self) {
        pg("pg_ctl", &["-D", path(&self.data()), "-m", "immediate", "-w", "stop"]);
    }

    /// Waits until `check` holds (a replica catching up).
    pub async fn wait_until<F, Fut>(what: &str, mut check: F)
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = bool>,
    {
        let start = Instant::now();
        while !check().await {
            assert!(start.elapsed() < Duration::from_secs(60), "timed out waiting until {what}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if self.data().join("postmaster.pid").exists() {
            let _ = std::panic::catch_unwind(|| self.kill());
        }
    }
}
