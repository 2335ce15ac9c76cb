//! A real S3-protocol server for the object-store tests: moto in server mode (from PyPI, in a
//! virtualenv under `~/.cache` installed once), one per test process, each test in its own bucket.
#![allow(dead_code)]

use super::outside::{free_port, python_venv};
use std::process::{Child, Command};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub struct S3Server {
    pub endpoint: String,
    child: std::sync::Mutex<Child>,
}

impl S3Server {
    /// The process's server, started on first use (it lives as long as the test process).
    pub fn shared() -> &'static S3Server {
        static SERVER: OnceLock<S3Server> = OnceLock::new();
        SERVER.get_or_init(|| {
            let venv = python_venv("moto-venv", "moto[server]==5.1.4");
            let port = free_port();
            // A static is never dropped: a watcher stops the server once this test process is gone.
            let script = format!(
                "'{}' -m moto.server -H 127.0.0.1 -p {port} & s=$!; while kill -0 {} 2>/dev/null; do sleep 1; done; kill $s",
                venv.join("bin/python").display(),
                std::process::id()
            );
            let child = Command::new("sh")
                .args(["-c", &script])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("moto_server");
            let start = Instant::now();
            while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(start.elapsed() < Duration::from_secs(60), "the S3 server did not start");
                std::thread::sleep(Duration::from_millis(100));
            }
            S3Server { endpoint: format!("http://127.0.0.1:{port}"), child: std::sync::Mutex::new(child) }
        })
    }

    /// The settings a Kinerja store needs to reach it, by their `object_store` names.
    pub fn options(&self) -> Vec<(String, String)> {
        [
            ("aws_endpoint", self.endpoint.as_str()),
            ("aws_access_key_id", "kinerja-test"),
            ("aws_secret_access_key", "kinerja-test-secret"),
            ("aws_region", "us-east-1"),
            ("aws_allow_http", "true"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    /// The same settings as environment variables, for the command line.
    pub fn env(&self) -> Vec<(String, String)> {
        self.options().into_iter().map(|(k, v)| (k.to_ascii_uppercase(), v)).collect()
    }

    /// Creates a new, empty bucket and returns its name.
    pub async fn bucket(&self, hint: &str) -> String {
        let name = format!("{hint}-{}", uuid_like());
        let res = reqwest::Client::new().put(format!("{}/{name}", self.endpoint)).send().await.unwrap();
        assert!(res.status().is_success(), "create bucket: {}", res.status());
        name
    }

    /// The object names in a bucket.
    pub async fn keys(&self, bucket: &str) -> Vec<String> {
        let body = reqwest::get(format!("{}/{bucket}?list-type=2", self.endpoint)).await.unwrap().text().await.unwrap();
        body.split("<Key>").skip(1).filter_map(|k| k.split("</Key>").next()).map(str::to_owned).collect()
    }

    /// Replaces an object's content (to test that a damaged copy is found).
    pub async fn overwrite(&self, bucket: &str, key: &str, bytes: Vec<u8>) {
        use object_store::{ObjectStoreExt, PutPayload};
        let mut builder = object_store::aws::AmazonS3Builder::new().with_bucket_name(bucket);
        for (k, v) in self.options() {
            builder = builder.with_config(k.parse().unwrap(), v);
        }
        let store = builder.build().unwrap();
        store.put(&object_store::path::Path::from(key), PutPayload::from(bytes)).await.unwrap();
    }
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("{}-{}-{nanos}", std::process::id(), N.fetch_add(1, Ordering::SeqCst))
}
