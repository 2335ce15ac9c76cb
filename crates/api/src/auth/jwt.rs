//! Short-lived access tokens: HS256 JWTs with a key id, validated with the algorithm pinned.

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// The key id of the current secret; a rotation adds a new id while the old one still verifies.
const KEY_ID: &str = "k1";

/// Claims of an access token.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    /// Always `access`: a refresh token is not a JWT and cannot be confused with one.
    pub typ: String,
}

/// Signing and verification keys.
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl JwtKeys {
    pub fn new(secret: &[u8]) -> Self {
        Self { encoding: EncodingKey::from_secret(secret), decoding: DecodingKey::from_secret(secret) }
    }

    /// Signs an access token for `user_id` valid for `ttl_secs`.
    pub fn issue(&self, user_id: i64, ttl_secs: i64) -> anyhow::Result<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims { sub: user_id.to_string(), iat: now, exp: now + ttl_secs, typ: "access".into() };
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(KEY_ID.into());
        Ok(encode(&header, &claims, &self.encoding)?)
    }

    /// The user id of a valid, unexpired access token.
    pub fn verify(&self, token: &str) -> Option<i64> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        validation.set_required_spec_claims(&["exp", "sub"]);
        let data = decode::<Claims>(token, &self.decoding, &validation).ok()?;
        if data.claims.typ != "access" {
            return None;
        }
        data.claims.sub.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_and_verifies() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef");
        let t = keys.issue(7, 60).unwrap();
        assert_eq!(keys.verify(&t), Some(7));
        assert_eq!(JwtKeys::new(b"another-secret-another-secret-xx").verify(&t), None);
        let expired = keys.issue(7, -120).unwrap();
        assert_eq!(keys.verify(&expired), None);
    }

    #[test]
    fn refuses_other_algorithms() {
        // A token signed "none" (header alg none) must not verify.
        let forged =
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwiaWF0IjoxLCJleHAiOjk5OTk5OTk5OTksInR5cCI6ImFjY2VzcyJ9.";
        assert_eq!(JwtKeys::new(b"0123456789abcdef0123456789abcdef").verify(forged), None);
    }
}
