//! Sign-in: password hashing, access tokens (JWT), refresh tokens, API tokens and throttling. The
//! extractor that turns a bearer token into the signed-in viewer is `routes::viewer`.

pub mod api_token;
pub mod jwt;
pub mod password;
pub mod sessions;
pub mod throttle;
pub mod tokens;
