//! The one fetch wrapper. It adds `Authorization: Bearer`, renews the session once when the
//! server answers 401 (or just before the access token expires), and turns every failure into
//! an [`ApiError`].

use super::session::{self, Tokens};
use super::ApiError;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::{Method, RequestBuilder, Response};
use kinerja_types::{Problem, RefreshRequest, TokenPair};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;

const BASE: &str = "/api/v1";

/// Renew this long before the access token expires rather than wait for a 401.
const RENEW_MARGIN_MS: f64 = 5_000.0;

/// Query parameters: name and value.
pub type Query<'a> = [(&'a str, String)];

/// One request to the API.
struct Call<'a> {
    method: Method,
    path: &'a str,
    query: &'a Query<'a>,
    body: Option<String>,
    /// Whether to send the session's token (and renew it when needed).
    signed: bool,
}

/// `GET {path}` as the signed-in user.
pub async fn get<T: DeserializeOwned>(path: &str, query: &Query<'_>) -> Result<T, ApiError> {
    let call = Call { method: Method::GET, path, query, body: None, signed: true };
    decode(execute(&call).await?).await
}

/// `POST`/`PATCH`/`PUT {path}` with a JSON body as the signed-in user.
pub async fn send<B, T>(method: Method, path: &str, body: &B) -> Result<T, ApiError>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let call = Call { method, path, query: &[], body: Some(encode(body)?), signed: true };
    decode(execute(&call).await?).await
}

/// `POST`/`DELETE {path}` without a body as the signed-in user (an action such as "submit").
pub async fn act<T: DeserializeOwned>(method: Method, path: &str) -> Result<T, ApiError> {
    let call = Call { method, path, query: &[], body: None, signed: true };
    decode(execute(&call).await?).await
}

/// Like [`act`], for actions the server answers with 204 No Content.
pub async fn act_empty(method: Method, path: &str) -> Result<(), ApiError> {
    let call = Call { method, path, query: &[], body: None, signed: true };
    let response = execute(&call).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(failure(response).await)
    }
}

/// `POST {path}` with `tokens` given rather than stored, and no renewal: for revoking a
/// session that was already forgotten locally.
pub async fn post_as<B>(tokens: &Tokens, path: &str, body: &B) -> Result<(), ApiError>
where
    B: Serialize + ?Sized,
{
    let call = Call { method: Method::POST, path, query: &[], body: Some(encode(body)?), signed: false };
    let response = attempt(&call, Some(tokens)).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(failure(response).await)
    }
}

/// `POST {path}` without a session (sign-in).
pub async fn post_anonymous<B, T>(path: &str, body: &B) -> Result<T, ApiError>
where
    B: Serialize + ?Sized,
    T: DeserializeOwned,
{
    let call = Call { method: Method::POST, path, query: &[], body: Some(encode(body)?), signed: false };
    decode(execute(&call).await?).await
}

fn encode<B: Serialize + ?Sized>(body: &B) -> Result<String, ApiError> {
    // Our own request types always serialise; this is only for the type checker.
    serde_json::to_string(body).map_err(|_| ApiError::BadResponse)
}

async fn execute(call: &Call<'_>) -> Result<Response, ApiError> {
    let mut tokens = if call.signed { session::load() } else { None };
    if let Some(current) = &tokens {
        if current.ms_left() < RENEW_MARGIN_MS {
            tokens = Some(renew().await?);
        }
    }
    let response = attempt(call, tokens.as_ref()).await?;
    let Some(sent) = tokens else {
        return Ok(response);
    };
    if response.status() != 401 {
        return Ok(response);
    }
    // Another request may have renewed the session meanwhile; else renew it now, once.
    let fresh = match session::load() {
        Some(stored) if stored.access_token != sent.access_token => stored,
        _ => renew().await?,
    };
    let retried = attempt(call, Some(&fresh)).await?;
    if retried.status() == 401 {
        // A brand-new token refused: the account is gone or disabled. End the session.
        session::clear();
    }
    Ok(retried)
}

async fn attempt(call: &Call<'_>, tokens: Option<&Tokens>) -> Result<Response, ApiError> {
    let url = format!("{BASE}{}", call.path);
    let mut builder = RequestBuilder::new(&url)
        .method(call.method.clone())
        .header("Accept", "application/json")
        .header("Accept-Language", crate::i18n::Lang::stored().code())
        .query(call.query.iter().map(|(name, value)| (*name, value.as_str())));
    if let Some(tokens) = tokens {
        builder = builder.header("Authorization", &format!("Bearer {}", tokens.access_token));
    }
    let request = match &call.body {
        Some(json) => builder.header("Content-Type", "application/json").body(json.clone()),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Network)?;
    request.send().await.map_err(|_| ApiError::Network)
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if !response.ok() {
        return Err(failure(response).await);
    }
    response.json::<T>().await.map_err(|_| ApiError::BadResponse)
}

async fn failure(response: Response) -> ApiError {
    let status = response.status();
    let problem = response.text().await.ok().and_then(|body| serde_json::from_str::<Problem>(&body).ok());
    ApiError::from_status(status, problem)
}

type Renewal = Shared<LocalBoxFuture<'static, Result<Tokens, ApiError>>>;

thread_local! {
    /// The renewal in flight: every caller waits for the same one, because the server accepts
    /// each refresh token only once.
    static RENEWAL: RefCell<Option<Renewal>> = const { RefCell::new(None) };
}

/// Trades the stored refresh token for a new pair and stores it. When the server refuses the
/// refresh token the session is cleared and the answer is [`ApiError::Unauthorized`].
pub async fn renew() -> Result<Tokens, ApiError> {
    let renewal =
        RENEWAL.with(|slot| slot.borrow_mut().get_or_insert_with(|| renew_once().boxed_local().shared()).clone());
    let outcome = renewal.clone().await;
    RENEWAL.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.as_ref().is_some_and(|r| r.ptr_eq(&renewal)) {
            *slot = None;
        }
    });
    outcome
}

async fn renew_once() -> Result<Tokens, ApiError> {
    let Some(current) = session::load() else {
        return Err(ApiError::Unauthorized(None));
    };
    let body = RefreshRequest { refresh_token: current.refresh_token };
    let call =
        Call { method: Method::POST, path: "/auth/refresh", query: &[], body: Some(encode(&body)?), signed: false };
    match decode::<TokenPair>(attempt(&call, None).await?).await {
        Ok(pair) => {
            let tokens = Tokens::from_pair(pair);
            session::store(&tokens);
            Ok(tokens)
        }
        // Network trouble, 429 or a 5xx may pass; any other refusal means the session is over.
        Err(
            e @ (ApiError::Network
            | ApiError::TooManyRequests
            | ApiError::Unavailable
            | ApiError::Server
            | ApiError::BadResponse),
        ) => Err(e),
        Err(_) => {
            session::clear();
            Err(ApiError::Unauthorized(None))
        }
    }
}
