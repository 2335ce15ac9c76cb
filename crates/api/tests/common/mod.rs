//! The test harness: every test starts the real application on a random port, with its own fresh
//! database (an SQLite file in a temporary directory, or a new PostgreSQL database), seeded with
//! the demo city, and talks to it over HTTP.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod cluster;
pub mod outside;
pub mod s3;

use kinerja_api::{Application, Config};
use reqwest::{Method, Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU32, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Defines, for each named `async fn(TestApp)`, one test on SQLite and one on PostgreSQL.
#[macro_export]
macro_rules! db_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::common::TestApp::spawn($crate::common::Backend::Sqlite).await).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::common::TestApp::spawn($crate::common::Backend::Postgres).await).await
                }
            }
        )*
    };
}

/// Defines, for each named `async fn(Backend)` that starts its own app (with its own settings),
/// one test on SQLite and one on PostgreSQL.
#[macro_export]
macro_rules! backend_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::common::Backend::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::common::Backend::Postgres).await
                }
            }
        )*
    };
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    pub backend: Backend,
    pub database_url: String,
    pg_name: Option<String>,
    _dir: tempfile::TempDir,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The server PostgreSQL tests create their databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("KINERJA_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn with_db_name(admin_url: &str, name: &str) -> String {
    let (base, _) = admin_url.rsplit_once('/').expect("postgres url has a database");
    format!("{base}/{name}")
}

/// Creates a fresh, empty PostgreSQL database and returns its name and URL.
pub async fn fresh_postgres() -> (String, String) {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let name = format!("kinerja_t_{}_{}_{}", std::process::id(), n, rand_suffix());
    let admin = Database::connect(postgres_admin_url()).await.expect("PostgreSQL must run for the tests");
    admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await.expect("create test database");
    admin.close().await.ok();
    let url = with_db_name(&postgres_admin_url(), &name);
    (name, url)
}

fn rand_suffix() -> u32 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0)
}

impl TestApp {
    /// Starts the app on a fresh database with the demo city seeded.
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, true, |_| {}).await
    }

    /// Starts the app on an empty, migrated database.
    pub async fn spawn_empty(backend: Backend) -> Self {
        Self::spawn_with(backend, false, |_| {}).await
    }

    /// Starts the app on a fresh database, optionally seeded, with a configuration tweak.
    pub async fn spawn_with(backend: Backend, seed: bool, tweak: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let (database_url, pg_name) = match backend {
            Backend::Sqlite => (kinerja_api::config::default_database_url(dir.path()), None),
            Backend::Postgres => {
                let (name, url) = fresh_postgres().await;
                (url, Some(name))
            }
        };
        Self::spawn_at(backend, database_url, pg_name, dir, seed, tweak).await
    }

    /// Starts the app on a database of the caller's (a cluster of its own), seeded or not; the
    /// caller drops that database.
    pub async fn spawn_on(database_url: String, seed: bool, tweak: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        Self::spawn_at(Backend::Postgres, database_url, None, dir, seed, tweak).await
    }

    async fn spawn_at(
        backend: Backend,
        database_url: String,
        pg_name: Option<String>,
        dir: tempfile::TempDir,
        seed: bool,
        tweak: impl FnOnce(&mut Config),
    ) -> Self {
        let mut config =
            Config::new(dir.path(), Some(database_url.clone()), b"test-secret-test-secret-test-secret!".to_vec());
        config.bind = "127.0.0.1:0".into();
        config.static_dir = dir.path().join("no-spa");
        tweak(&mut config);
        let app = Application::build(config).await.expect("build app");
        let port = app.port();
        let db = app.db().clone();
        tokio::spawn(app.into_server());
        if seed {
            kinerja_api::seed::demo::run(&db).await.expect("seed demo");
        }
        Self {
            base: format!("http://127.0.0.1:{port}"),
            client: reqwest::Client::new(),
            db,
            backend,
            database_url,
            pg_name,
            _dir: dir,
        }
    }

    /// Runs the `kinerja` command line on this app's database and data directory, with `env` set.
    pub fn cli(&self, args: &[&str], env: &[(String, String)]) -> std::process::Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .args(args)
            .env("KINERJA_DATABASE_URL", &self.database_url)
            .env("KINERJA_DATA_DIR", self.data_dir())
            .env_remove("KINERJA_BLOB_URL")
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .output()
            .expect("run kinerja")
    }

    /// Uploads a file as evidence of the token's owner.
    pub async fn upload_evidence(&self, token: &str, name: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
        let res =
            self.client.post(self.url("/api/v1/evidence")).bearer_auth(token).multipart(form).send().await.unwrap();
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// The server's data directory (the SQLite file, evidence files).
    #[allow(dead_code)]
    pub fn data_dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Signs in and returns the whole token response.
    pub async fn login_raw(&self, username: &str, password: &str) -> Response {
        self.client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .expect("request")
    }

    /// Signs in a demo user and returns the access token.
    pub async fn token(&self, username: &str) -> String {
        let res = self.login_raw(username, kinerja_api::seed::demo::DEMO_PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK, "login {username}");
        let body: Value = res.json().await.expect("json");
        body["access_token"].as_str().expect("token").to_owned()
    }

    /// Sends a request with a bearer token (if any) and an optional JSON body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.expect("request");
        let status = res.status();
        let text = res.text().await.expect("body");
        let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, value)
    }

    pub async fn get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, Some(token), None).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    pub async fn patch(&self, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::PATCH, path, Some(token), Some(body)).await
    }

    pub async fn delete(&self, path: &str, token: &str) -> (StatusCode, Value) {
        self.call(Method::DELETE, path, Some(token), None).await
    }

    /// `POST` of a CSV file (`text/csv`) as the holder of `token`: the status and the JSON answer
    /// (null when the answer is not JSON).
    pub async fn post_csv(&self, path: &str, token: &str, csv: &str) -> (StatusCode, Value) {
        let res = self
            .client
            .post(self.url(path))
            .bearer_auth(token)
            .header("content-type", "text/csv")
            .body(csv.to_owned())
            .send()
            .await
            .expect("the server answers");
        let status = res.status();
        (status, res.json().await.unwrap_or(Value::Null))
    }

    /// The id of a demo employee by NIP.
    pub async fn employee_id(&self, nip: &str) -> i64 {
        use kinerja_api::entities::employees;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        employees::Entity::find().filter(employees::Column::Nip.eq(nip)).one(&self.db).await.unwrap().unwrap().id
    }

    /// The id of a demo unit by code.
    pub async fn unit_id(&self, code: &str) -> i64 {
        use kinerja_api::entities::units;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        units::Entity::find().filter(units::Column::Code.eq(code)).one(&self.db).await.unwrap().unwrap().id
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(name) = self.pg_name.take() {
            // Drop the test database on a thread of its own: Drop cannot await.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
                rt.block_on(async {
                    let admin = Database::connect(postgres_admin_url()).await.ok()?;
                    admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await.ok()?;
                    admin.close().await.ok()
                })
            })
            .join();
        }
    }
}

/// The `column` of the one row `sql` returns.
pub async fn sql_value<T: sea_orm::TryGetable>(db: &impl ConnectionTrait, sql: &str, column: &str) -> T {
    let row = db.query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql.to_owned())).await;
    row.unwrap_or_else(|e| panic!("{sql}: {e}")).expect("one row").try_get("", column).expect("the column")
}

/// What a command printed, standard output then standard error.
pub fn output_text(out: &std::process::Output) -> String {
    format!("{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// Demo NIPs used across tests.
pub mod demo {
    pub const KADINKES: &str = "197203151998032004";
    pub const KABID_YANKES: &str = "197811202003121002";
    pub const KASI_RUJUKAN: &str = "198204172006042005";
    pub const DEDI: &str = "199001052015031001";
    pub const SRI: &str = "199207242019032006";
    pub const LESTARI: &str = "199108192017082009";
    pub const KADISDUKCAPIL: &str = "197009121995031002";
    pub const AHMAD: &str = "199306062019031004";
    pub const MAYA: &str = "199610102022032005";
    pub const CAMAT_SUKASARI: &str = "197707072002121003";
    /// A PPPK (Disdukcapil).
    pub const PUTRI_PPPK: &str = "199802022023212001";
}
