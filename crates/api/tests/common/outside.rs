//! Real peers outside the app for the delivery tests: an SMTP server (aiosmtpd, from PyPI, in a
//! virtualenv under `~/.cache` that this installs once) keeping what it receives, and an HTTP
//! server standing in for the Pemda's WhatsApp gateway, recording each request.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The virtualenv holding aiosmtpd, made once per machine.
fn smtp_python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| python_venv("smtp-venv", "aiosmtpd==1.4.6").join("bin/python")).clone()
}

/// A virtualenv under `~/.cache/kinerja-tools` holding the pinned package, made once per machine
/// (atomically: a new one is built beside and renamed into place, so concurrent test processes
/// never see half of one).
pub fn python_venv(name: &str, pin: &str) -> PathBuf {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let venv = Path::new(&home).join(".cache/kinerja-tools").join(name);
    let marker = venv.join(format!(".pin-{pin}"));
    if !marker.exists() {
        let building = venv.with_extension(format!("building-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&building);
        let ok = Command::new("python3").args(["-m", "venv"]).arg(&building).status().expect("python3");
        assert!(ok.success(), "python3 -m venv failed");
        let ok = Command::new(building.join("bin/pip")).args(["install", "-q", pin]).status().expect("pip");
        assert!(ok.success(), "pip install {pin} failed");
        std::fs::write(building.join(format!(".pin-{pin}")), "").unwrap();
        let _ = std::fs::remove_dir_all(&venv);
        if std::fs::rename(&building, &venv).is_err() {
            // Another process put one in place meanwhile.
            let _ = std::fs::remove_dir_all(&building);
        }
    }
    venv
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// An SMTP server on 127.0.0.1, stopped when dropped.
pub struct SmtpServer {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Child,
}

impl SmtpServer {
    pub fn start() -> Self {
        let python = smtp_python();
        let dir = tempfile::tempdir().unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_recorder.py");
        let port = free_port();
        let child = Command::new(python).arg(script).arg(dir.path()).arg(port.to_string()).spawn().unwrap();
        let start = Instant::now();
        while !dir.path().join("ready").exists() {
            assert!(start.elapsed() < Duration::from_secs(30), "the SMTP server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { port, dir, child }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The messages received so far, oldest first, as their raw text (headers and body).
    pub fn messages(&self) -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        files.sort();
        files.iter().map(|p| decode(&std::fs::read_to_string(p).unwrap())).collect()
    }

    /// Waits (up to 30 s) until `n` messages arrived, and answers them.
    pub async fn wait_for(&self, n: usize) -> Vec<String> {
        let start = Instant::now();
        loop {
            let got = self.messages();
            if got.len() >= n {
                return got;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "{n} messages expected, {} arrived", got.len());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// The message with its quoted-printable soft line breaks and escapes undone (lettre encodes
/// non-ASCII text that way), so that a test reads the words as sent.
fn decode(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "").replace("=\n", "");
    let mut out = Vec::with_capacity(joined.len());
    let bytes = joined.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request the gateway received: its bearer header, idempotency key and JSON body.
#[derive(Debug, Clone)]
pub struct GatewayCall {
    pub authorization: Option<String>,
    pub key: Option<String>,
    pub body: serde_json::Value,
}

/// A WhatsApp gateway on 127.0.0.1 that records every request and answers an error (500, or
/// the status given to [`Gateway::answering`]) to the first `fail_first` of them, then 200.
pub struct Gateway {
    pub url: String,
    pub calls: Arc<Mutex<Vec<GatewayCall>>>,
    handle: actix_web::dev::ServerHandle,
}

impl Gateway {
    pub async fn start(fail_first: usize) -> Self {
        Self::answering(fail_first, 500).await
    }

    pub async fn answering(fail_first: usize, error: u16) -> Self {
        Self::with(fail_first, error, Duration::ZERO).await
    }

    /// A gateway that takes `delay` before each answer (as a slow network would).
    pub async fn slow(delay: Duration) -> Self {
        Self::with(0, 500, delay).await
    }

    async fn with(fail_first: usize, error: u16, delay: Duration) -> Self {
        use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
        let error = actix_web::http::StatusCode::from_u16(error).unwrap();
        let calls: Arc<Mutex<Vec<GatewayCall>>> = Arc::default();
        let seen = calls.clone();
        let server = HttpServer::new(move || {
            let seen = seen.clone();
            App::new().route(
                "/send",
                web::post().to(move |req: HttpRequest, body: web::Json<serde_json::Value>| {
                    let seen = seen.clone();
                    async move {
                        let header =
                            |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
                        let (authorization, key) = (header("authorization"), header("idempotency-key"));
                        let n = {
                            let mut calls = seen.lock().unwrap();
                            calls.push(GatewayCall { authorization, key, body: body.into_inner() });
                            calls.len()
                        };
                        tokio::time::sleep(delay).await;
                        if n <= fail_first {
                            HttpResponse::build(error).body("gateway menolak")
                        } else {
                            HttpResponse::Ok().json(serde_json::json!({ "status": "queued" }))
                        }
                    }
                }),
            )
        })
        .workers(1)
        .bind(("127.0.0.1", 0))
        .unwrap();
        let port = server.addrs()[0].port();
        let server = server.run();
        let handle = server.handle();
        tokio::spawn(server);
        Self { url: format!("http://127.0.0.1:{port}/send"), calls, handle }
    }

    pub fn calls(&self) -> Vec<GatewayCall> {
        self.calls.lock().unwrap().clone()
    }

    /// Waits (up to 30 s) until `n` requests arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<GatewayCall> {
        recorded(&self.calls, n).await
    }
}

/// Waits (up to 30 s) until `log` holds `n` requests, and answers them.
async fn recorded<T: Clone>(log: &Mutex<Vec<T>>, n: usize) -> Vec<T> {
    let start = Instant::now();
    loop {
        let got = log.lock().unwrap().clone();
        if got.len() >= n {
            return got;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "{n} requests expected, {} arrived", got.len());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        tokio::spawn(async move { handle.stop(false).await });
    }
}

/// One request a webhook receiver got: its headers (lower-case names) and the body as sent.
#[derive(Debug, Clone)]
pub struct Received {
    pub headers: std::collections::HashMap<String, String>,
    pub body: Vec<u8>,
    /// What the receiver answered.
    pub status: u16,
}

/// A webhook receiver on 127.0.0.1 that records every request, answering 503 while it is "down"
/// (see [`Receiver::set_down`]) and 204 otherwise.
pub struct Receiver {
    pub url: String,
    pub got: Arc<Mutex<Vec<Received>>>,
    down: Arc<std::sync::atomic::AtomicBool>,
    handle: actix_web::dev::ServerHandle,
}

impl Receiver {
    pub async fn start() -> Self {
        use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
        use std::sync::atomic::{AtomicBool, Ordering};
        let got: Arc<Mutex<Vec<Received>>> = Arc::default();
        let down = Arc::new(AtomicBool::new(false));
        let (seen, is_down) = (got.clone(), down.clone());
        let server = HttpServer::new(move || {
            let (seen, is_down) = (seen.clone(), is_down.clone());
            App::new().default_service(web::to(move |req: HttpRequest, body: web::Bytes| {
                let (seen, is_down) = (seen.clone(), is_down.clone());
                async move {
                    let headers = req
                        .headers()
                        .iter()
                        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or_default().to_owned()))
                        .collect();
                    let status = if is_down.load(Ordering::SeqCst) { 503 } else { 204 };
                    seen.lock().unwrap().push(Received { headers, body: body.to_vec(), status });
                    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap()).finish()
                }
            }))
        })
        .workers(1)
        .bind(("127.0.0.1", 0))
        .unwrap();
        let port = server.addrs()[0].port();
        let server = server.run();
        let handle = server.handle();
        tokio::spawn(server);
        Self { url: format!("http://127.0.0.1:{port}/kinerja/events"), got, down, handle }
    }

    /// Down: every request is answered 503 (and still recorded).
    pub fn set_down(&self, down: bool) {
        self.down.store(down, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn got(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    /// Waits (up to 30 s) until `n` requests arrived, and answers them.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        recorded(&self.got, n).await
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        tokio::spawn(async move { handle.stop(false).await });
    }
}
