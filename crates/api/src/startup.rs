//! Building the application: the database, the routes, the middleware, the listener.

use crate::auth::jwt::JwtKeys;
use crate::config::Config;
use crate::error::{problem_fallback, ApiError};
use crate::state::AppState;
use crate::{db, openapi, routes, spa};
use actix_web::dev::Server;
use actix_web::dev::Service;
use actix_web::error::{JsonPayloadError, QueryPayloadError};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Condition, DefaultHeaders, ErrorHandlers, NormalizePath, TrailingSlash};
use actix_web::HttpMessage;
use actix_web::{web, App, HttpServer};
use sea_orm::DatabaseConnection;
use std::net::TcpListener;
use std::sync::Arc;
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

/// A bound, ready-to-run server.
pub struct Application {
    port: u16,
    server: Server,
    db: DatabaseConnection,
}

impl Application {
    /// Connects, migrates and binds. Port 0 picks a free port (tests).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let db = db::open(&config.database_url).await?;
        let reads = match config.database_read_url.as_deref() {
            Some(_) if config.database_url.starts_with("sqlite:") => {
                anyhow::bail!("KINERJA_DATABASE_READ_URL needs PostgreSQL: the embedded SQLite database has no replica")
            }
            Some(url) => crate::read_replica::Reads::with_replica(db.clone(), url).await?,
            None => crate::read_replica::Reads::primary_only(db.clone()),
        };
        Self::build_with(config, db, reads)
    }

    /// Binds with an already opened database (no read replica).
    pub fn build_with_db(config: Config, db: DatabaseConnection) -> anyhow::Result<Self> {
        let reads = crate::read_replica::Reads::primary_only(db.clone());
        Self::build_with(config, db, reads)
    }

    fn build_with(config: Config, db: DatabaseConnection, reads: crate::read_replica::Reads) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(&config.bind)?;
        let port = listener.local_addr()?.port();
        let mut channels = crate::delivery::Channels::from_config(&config.delivery)?;
        channels.webhook = Some(Arc::new(crate::delivery::webhook::Webhooks::new(db.clone())));
        if let Some(url) = &config.delivery.bkn_bridge_url {
            let bridge =
                crate::delivery::bkn::Bridge::new(db.clone(), url.clone(), config.delivery.bkn_bridge_secret.clone());
            channels.bkn = Some(Arc::new(bridge));
        }
        let local = ["//127.", "//localhost", "//0.0.0.0", "//["].iter().any(|h| channels.app_url.contains(h));
        if !channels.names().is_empty() && local {
            tracing::warn!(
                app_url = %channels.app_url,
                "KINERJA_PUBLIC_URL is not the app's public address: the links in e-mail and WhatsApp messages will not open for their readers"
            );
        }
        crate::delivery::worker::spawn(db.clone(), channels.clone(), config.delivery.poll);
        crate::services::reminders::spawn(db.clone(), config.delivery.reminders);
        crate::partitions::spawn_daily(db.clone());
        let state = AppState {
            db: db.clone(),
            reads,
            keys: Arc::new(JwtKeys::with_previous(&config.jwt_secret, &config.jwt_previous_secrets)),
            blobs: crate::storage::Blobs::open(config.blob_url.as_deref(), &config.blob_options, &config.data_dir)?,
            dashboards: crate::state::dashboard_cache(config.dashboard_cache),
            identities: crate::services::identity::cache(config.identity_cache),
            settings: crate::state::settings_cache(config.identity_cache),
            units: crate::state::units_cache(config.identity_cache),
            public_answers: crate::services::public_reads::answers(config.public_cache),
            public_readers: crate::services::public_reads::readers(),
            public_generation: Arc::default(),
            channels,
            config: Arc::new(config),
        };
        let server = run(listener, state)?;
        Ok(Self { port, server, db })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Serves until the process is stopped.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }

    /// The server future, for tests that spawn it.
    pub fn into_server(self) -> Server {
        self.server
    }
}

/// What the SPA may load: its own scripts (and its WebAssembly), styles (Yew and the charts set
/// inline styles), images including data URLs (the QR poster), calls to its own API; no plugins, no
/// framing, no foreign form targets.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; \
     object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Cross-origin access for the configured browser origins only.
fn cors(origins: &[String]) -> actix_cors::Cors {
    origins
        .iter()
        .fold(actix_cors::Cors::default(), |c, o| c.allowed_origin(o))
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            actix_web::http::header::AUTHORIZATION,
            actix_web::http::header::CONTENT_TYPE,
            actix_web::http::header::ACCEPT,
        ])
        .expose_headers(["x-request-id", "x-total-count"])
        .max_age(3600)
}

fn run(listener: TcpListener, state: AppState) -> anyhow::Result<Server> {
    let json_limit = state.config.json_limit;
    let import_limit = state.config.import_limit;
    let static_dir = state.config.static_dir.clone();
    let cors_origins = state.config.cors_origins.clone();
    let hsts = state.config.hsts;
    let state = web::Data::new(state);
    let server = HttpServer::new(move || {
        App::new()
            // Innermost: a list's JSON page becomes the download it was asked as.
            .wrap(actix_web::middleware::from_fn(crate::downloads::lists))
            .wrap(Condition::new(!cors_origins.is_empty(), cors(&cors_origins)))
            .wrap(Condition::new(
                hsts,
                DefaultHeaders::new().add(("Strict-Transport-Security", "max-age=31536000; includeSubDomains")),
            ))
            .wrap(NormalizePath::new(TrailingSlash::MergeOnly))
            .wrap(
                DefaultHeaders::new()
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("X-Frame-Options", "DENY"))
                    .add(("Referrer-Policy", "same-origin")),
            )
            .wrap(ErrorHandlers::new().default_handler(problem_fallback))
            .wrap_fn(|req, srv| {
                // Echo the request id of the log span, so a user's report can be matched to the logs.
                let id = req.extensions().get::<RequestId>().map(|id| id.to_string());
                // The interactive API docs bring their own scripts; everything else gets the policy.
                let csp = !req.path().starts_with("/api/docs");
                let fut = srv.call(req);
                async move {
                    let mut res = fut.await?;
                    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
                        res.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
                    }
                    if csp {
                        res.headers_mut().insert(
                            HeaderName::from_static("content-security-policy"),
                            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
                        );
                    }
                    Ok(res)
                }
            })
            .wrap(actix_web::middleware::from_fn(crate::control_chars::refuse))
            .wrap(TracingLogger::default())
            .app_data(state.clone())
            .app_data(web::JsonConfig::default().limit(json_limit).error_handler(json_error))
            .app_data(web::PayloadConfig::new(import_limit))
            .app_data(web::QueryConfig::default().error_handler(query_error))
            // A path parameter that cannot be read (`/activities/bulk-approve` asked with PATCH
            // reaches `/activities/{id}`): 405 if a literal route of that path has other methods.
            .app_data(
                web::PathConfig::default()
                    .error_handler(|_, req| crate::methods::unrouted(req.method(), req.path()).into()),
            )
            .service(routes::health::health)
            .service(routes::health::ready)
            .service(web::resource(["/health", "/ready"]).to(crate::methods::not_routed))
            .route(
                "/api/docs",
                web::get().to(|| async {
                    actix_web::HttpResponse::PermanentRedirect()
                        .insert_header((actix_web::http::header::LOCATION, "/api/docs/"))
                        .finish()
                }),
            )
            .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", openapi::ApiDoc::openapi()))
            .configure(routes::configure)
            .configure(crate::pages::configure(&static_dir))
            .configure(spa::configure(static_dir.clone()))
    })
    .listen(listener)?
    .shutdown_timeout(10)
    .run();
    Ok(server)
}

fn json_error(err: JsonPayloadError, _req: &actix_web::HttpRequest) -> actix_web::Error {
    let api = match &err {
        JsonPayloadError::OverflowKnownLength { limit, .. } | JsonPayloadError::Overflow { limit } => {
            ApiError::body_too_large(*limit)
        }
        JsonPayloadError::ContentType => {
            ApiError::UnsupportedMediaType("kirim JSON dengan Content-Type: application/json".into())
        }
        JsonPayloadError::Deserialize(e) if e.is_data() => ApiError::Validation {
            detail: format!("isian tidak valid: {e}"),
            errors: vec![kinerja_types::FieldError::new(
                field_from_serde(&e.to_string()),
                kinerja_types::Issue::new(kinerja_types::Invalid::BodyField).with("detail", e),
            )],
        },
        JsonPayloadError::Deserialize(e) => ApiError::BadRequest(format!("JSON tidak valid: {e}")),
        _ => ApiError::BadRequest("badan permintaan tidak dapat dibaca".into()),
    };
    api.into()
}

/// serde names a missing field as "missing field `x`" and an unknown variant with the field
/// unknown; this picks the backticked name when there is one.
fn field_from_serde(msg: &str) -> String {
    msg.split('`').nth(1).unwrap_or("body").to_owned()
}

fn query_error(err: QueryPayloadError, _req: &actix_web::HttpRequest) -> actix_web::Error {
    ApiError::BadRequest(format!("parameter tidak valid: {err}")).into()
}
