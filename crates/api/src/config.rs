//! Process settings (not the Pemda's settings, which live in the database): where to listen,
//! which database, where the data directory and the built SPA are, the JWT secret.

use anyhow::Context;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The largest JSON body a request may carry unless configured otherwise (2 MiB).
pub const DEFAULT_JSON_LIMIT: usize = 2 * 1024 * 1024;

/// Everything the server needs to start. Built by the command line or by tests; never global.
#[derive(Clone)]
pub struct Config {
    pub bind: String,
    pub database_url: String,
    pub data_dir: PathBuf,
    pub static_dir: PathBuf,
    pub jwt_secret: Vec<u8>,
    /// Earlier secrets whose tokens still verify during a rotation.
    pub jwt_previous_secrets: Vec<Vec<u8>>,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
    /// How long a session lasts from its sign-in, however often it is refreshed
    /// (`KINERJA_SESSION_HOURS`, 12 by default).
    pub session_lifetime: Duration,
    /// Largest JSON body accepted.
    pub json_limit: usize,
    /// How many bytes of evidence files one employee may store (`KINERJA_EVIDENCE_QUOTA_MB`,
    /// 1024 by default).
    pub evidence_quota: u64,
    /// Largest CSV import accepted.
    pub import_limit: usize,
    /// Browser origins (`https://portal.example.go.id`) allowed to call the API cross-origin; none by default.
    pub cors_origins: Vec<String>,
    /// Send `Strict-Transport-Security`: set when TLS is terminated in front of the server.
    pub hsts: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed (for per-address rate limits).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How long a computed dashboard is served again to those allowed to see it (zero: never).
    pub dashboard_cache: Duration,
    /// How long a signed-in person's identity and scopes, and the Pemda's settings, are kept
    /// before they are read again (zero: every request reads them). Changes made through this
    /// server take effect at once; those made on another replica within this time.
    pub identity_cache: Duration,
    /// How long an answer to citizens' reads (units, forums, published IKM) is served again
    /// (zero: never).
    pub public_cache: Duration,
    /// Public reads allowed per minute from one address (on each replica).
    pub public_reads_per_minute: u32,
    /// Where messages outside the app go.
    pub delivery: Delivery,
    /// `KINERJA_BLOB_URL`: where evidence files are kept, `s3://bucket/prefix` for an
    /// S3-compatible store (credentials from the `AWS_*` variables); the `evidence` directory under
    /// the data directory when unset.
    pub blob_url: Option<String>,
    /// S3 settings by their `object_store` names (`aws_endpoint`, …), over the environment's.
    pub blob_options: Vec<(String, String)>,
    /// `KINERJA_DATABASE_READ_URL`: a PostgreSQL streaming replica for heavy reads (see
    /// `read_replica`); none by default.
    pub database_read_url: Option<String>,
}

/// The channels of messages outside the app (see `delivery`).
#[derive(Clone)]
pub struct Delivery {
    /// `KINERJA_SMTP_URL`: `smtp://user:pass@host:587`, `smtps://…` for TLS; no e-mail when unset.
    pub smtp_url: Option<String>,
    /// `KINERJA_MAIL_FROM`: the sender, `Kinerja <kinerja@pemda.go.id>`.
    pub mail_from: String,
    /// `KINERJA_WHATSAPP_URL`: the gateway's address; no WhatsApp when unset.
    pub whatsapp_url: Option<String>,
    /// `KINERJA_WHATSAPP_TOKEN`: sent as the bearer token.
    pub whatsapp_token: Option<String>,
    /// `KINERJA_PUBLIC_URL`: the app's address as people reach it, which links in messages start
    /// with (by default the address the server listens on).
    pub app_url: String,
    /// `KINERJA_OUTBOX_POLL_MS`: how long the worker sleeps when nothing is due.
    pub poll: Duration,
    /// `KINERJA_REMINDERS` (on unless `0`, `off` or `false` when the server is started by the
    /// command line): whether this server sends the reminders of the settings, checked each minute.
    pub reminders: bool,
    /// `KINERJA_WEBHOOKS_ALLOW_HTTP` (`1`): webhooks may also be plain `http://` addresses (a
    /// bridge beside the server, tests); by default only `https://`.
    pub webhooks_allow_http: bool,
    /// `KINERJA_BKN_BRIDGE_URL`: the Pemda's bridge toward BKN e-Kinerja/SIASN that receives pushed
    /// export records (`https://`, or `http://` with `KINERJA_WEBHOOKS_ALLOW_HTTP`); no push when
    /// unset (exports are then files).
    pub bkn_bridge_url: Option<String>,
    /// `KINERJA_BKN_BRIDGE_SECRET`: signs each push like a webhook (`X-Kinerja-Signature`).
    pub bkn_bridge_secret: Option<String>,
}

impl Default for Delivery {
    fn default() -> Self {
        Self {
            smtp_url: None,
            mail_from: "Kinerja <kinerja@localhost>".into(),
            whatsapp_url: None,
            whatsapp_token: None,
            app_url: "http://127.0.0.1:8080".into(),
            poll: Duration::from_secs(2),
            reminders: false,
            webhooks_allow_http: false,
            bkn_bridge_url: None,
            bkn_bridge_secret: None,
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("bind", &self.bind)
            .field("database_url", &redact_url(&self.database_url))
            .field("database_read_url", &self.database_read_url.as_deref().map(redact_url))
            .field("blob_url", &self.blob_url)
            .field("data_dir", &self.data_dir)
            .field("static_dir", &self.static_dir)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// A configuration with the embedded defaults for a data directory.
    pub fn new(data_dir: &Path, database_url: Option<String>, jwt_secret: Vec<u8>) -> Self {
        Self {
            bind: "127.0.0.1:8080".into(),
            database_url: database_url.unwrap_or_else(|| default_database_url(data_dir)),
            data_dir: data_dir.to_path_buf(),
            static_dir: PathBuf::from("frontend/dist"),
            jwt_secret,
            jwt_previous_secrets: Vec::new(),
            access_ttl: Duration::from_secs(15 * 60),
            refresh_ttl: Duration::from_secs(30 * 24 * 3600),
            session_lifetime: Duration::from_secs(12 * 3600),
            json_limit: DEFAULT_JSON_LIMIT,
            evidence_quota: 1024 * 1024 * 1024,
            import_limit: 16 * 1024 * 1024,
            cors_origins: Vec::new(),
            hsts: false,
            trusted_proxies: Vec::new(),
            dashboard_cache: Duration::ZERO,
            identity_cache: Duration::from_secs(3),
            public_cache: Duration::ZERO,
            public_reads_per_minute: 300,
            delivery: Delivery::default(),
            blob_url: None,
            blob_options: Vec::new(),
            database_read_url: None,
        }
    }
}

/// The SQLite file under the data directory.
pub fn default_database_url(data_dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", data_dir.join("kinerja.db").display())
}

/// The JWT secret: from the environment if set, else generated once and kept in the data
/// directory (readable by the owner only) so that restarts keep sessions.
pub fn load_or_create_jwt_secret(data_dir: &Path, from_env: Option<String>) -> anyhow::Result<Vec<u8>> {
    if let Some(secret) = from_env.filter(|s| !s.is_empty()) {
        anyhow::ensure!(secret.len() >= 32, "KINERJA_JWT_SECRET must be at least 32 characters");
        return Ok(secret.into_bytes());
    }
    std::fs::create_dir_all(data_dir).with_context(|| format!("creating {}", data_dir.display()))?;
    let path = data_dir.join("jwt_secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if existing.trim().len() >= 32 {
            return Ok(existing.trim().as_bytes().to_vec());
        }
    }
    let secret = crate::auth::tokens::random_token(48);
    std::fs::write(&path, &secret).with_context(|| format!("writing {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
    }
    Ok(secret.into_bytes())
}

/// A database URL without its password, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}://{}:***@{}", &url[..scheme], user, &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

/// A comma-separated list from the environment, trimmed, without empty items.
pub fn env_list(name: &str) -> Vec<String> {
    std::env::var(name).unwrap_or_default().split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

/// A whole number from the environment, `default` when unset, refused outside `range`.
fn env_number(name: &str, default: u64, range: std::ops::RangeInclusive<u64>, unit: &str) -> anyhow::Result<u64> {
    let Ok(text) = std::env::var(name) else { return Ok(default) };
    let value: u64 = text.trim().parse().map_err(|_| anyhow::anyhow!("{name}: '{text}' is not a number of {unit}"))?;
    anyhow::ensure!(range.contains(&value), "{name}: {} to {} {unit}", range.start(), range.end());
    Ok(value)
}

impl Config {
    /// Reads the deployment settings of the environment: `KINERJA_JWT_PREVIOUS_SECRETS`,
    /// `KINERJA_CORS_ORIGINS`, `KINERJA_HSTS` and `KINERJA_TRUSTED_PROXIES`.
    pub fn with_env(mut self) -> anyhow::Result<Self> {
        self.jwt_previous_secrets =
            env_list("KINERJA_JWT_PREVIOUS_SECRETS").into_iter().map(String::into_bytes).collect();
        self.cors_origins = env_list("KINERJA_CORS_ORIGINS");
        self.dashboard_cache =
            Duration::from_secs(env_number("KINERJA_DASHBOARD_CACHE_SECONDS", 30, 0..=3600, "seconds")?);
        self.identity_cache = Duration::from_secs(env_number("KINERJA_IDENTITY_CACHE_SECONDS", 3, 0..=60, "seconds")?);
        self.public_cache = Duration::from_secs(env_number("KINERJA_PUBLIC_CACHE_SECONDS", 30, 0..=3600, "seconds")?);
        self.public_reads_per_minute =
            env_number("KINERJA_PUBLIC_READS_PER_MINUTE", 300, 1..=1_000_000, "reads")? as u32;
        self.evidence_quota =
            env_number("KINERJA_EVIDENCE_QUOTA_MB", 1024, 1..=1024 * 1024, "megabytes")? * 1024 * 1024;
        self.session_lifetime =
            Duration::from_secs(env_number("KINERJA_SESSION_HOURS", 12, 1..=24 * 90, "hours")? * 3600);
        for o in &self.cors_origins {
            anyhow::ensure!(
                o.starts_with("https://") || o.starts_with("http://"),
                "KINERJA_CORS_ORIGINS: '{o}' is not an origin like https://portal.example.go.id"
            );
        }
        self.hsts = matches!(std::env::var("KINERJA_HSTS").as_deref(), Ok("1" | "true" | "yes"));
        self.trusted_proxies = env_list("KINERJA_TRUSTED_PROXIES")
            .iter()
            .map(|p| p.parse().with_context(|| format!("KINERJA_TRUSTED_PROXIES: '{p}' is not an IP address")))
            .collect::<anyhow::Result<_>>()?;
        let set = |name: &str| std::env::var(name).ok().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        self.blob_url = set("KINERJA_BLOB_URL");
        self.database_read_url = set("KINERJA_DATABASE_READ_URL");
        self.delivery.smtp_url = set("KINERJA_SMTP_URL");
        if let Some(from) = set("KINERJA_MAIL_FROM") {
            self.delivery.mail_from = from;
        }
        self.delivery.whatsapp_url = set("KINERJA_WHATSAPP_URL");
        self.delivery.whatsapp_token = set("KINERJA_WHATSAPP_TOKEN");
        if let Some(url) = set("KINERJA_PUBLIC_URL") {
            self.delivery.app_url = url;
        }
        self.delivery.poll =
            Duration::from_millis(env_number("KINERJA_OUTBOX_POLL_MS", 2000, 50..=600_000, "milliseconds")?);
        self.delivery.webhooks_allow_http =
            matches!(set("KINERJA_WEBHOOKS_ALLOW_HTTP").as_deref(), Some("1" | "true" | "yes"));
        self.delivery.bkn_bridge_url = set("KINERJA_BKN_BRIDGE_URL");
        self.delivery.bkn_bridge_secret = set("KINERJA_BKN_BRIDGE_SECRET");
        if let Some(url) = &self.delivery.bkn_bridge_url {
            anyhow::ensure!(
                url.starts_with("https://") || (self.delivery.webhooks_allow_http && url.starts_with("http://")),
                "KINERJA_BKN_BRIDGE_URL: '{url}' must be https:// (http:// only with KINERJA_WEBHOOKS_ALLOW_HTTP=1)"
            );
        }
        self.delivery.reminders = !matches!(set("KINERJA_REMINDERS").as_deref(), Some("0" | "off" | "false" | "no"));
        Ok(self)
    }
}
