//! Sign-in: password hashing, access tokens (JWT), refresh tokens, throttling, and the
//! extractor that turns a bearer token into the signed-in [`crate::policy::Viewer`].

pub mod api_token;
pub mod extractor;
pub mod jwt;
pub mod password;
pub mod sessions;
pub mod throttle;
pub mod tokens;
