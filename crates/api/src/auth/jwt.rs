//! Short-lived access tokens: HS256 JWTs with a key id, validated with the algorithm pinned.
//!
//! Rotating the secret: start the servers with the new `KINERJA_JWT_SECRET` and the old one in
//! `KINERJA_JWT_PREVIOUS_SECRETS`. New tokens carry the new key id; tokens signed with the old key
//! keep working until they expire (15 minutes), so nobody is signed out. Then drop the old secret.

use jsonwebtoken::{decode, decode_header, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Claims of an access token.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    /// Always `access`: a refresh token is not a JWT and cannot be confused with one.
    pub typ: String,
    /// The session the token belongs to: it stops working when the session ends.
    #[serde(default)]
    pub sid: Option<i64>,
}

/// Signing and verification keys: the current one signs; it and the previous ones verify.
pub struct JwtKeys {
    kid: String,
    encoding: EncodingKey,
    /// (key id, key), the current one first.
    decoding: Vec<(String, DecodingKey)>,
}

/// A key id that names a secret without revealing it.
fn key_id(secret: &[u8]) -> String {
    hex::encode(&Sha256::digest(secret)[..6])
}

impl JwtKeys {
    pub fn new(secret: &[u8]) -> Self {
        Self::with_previous(secret, &[])
    }

    /// Keys that sign with `secret` and still accept tokens signed with the `previous` secrets.
    pub fn with_previous(secret: &[u8], previous: &[Vec<u8>]) -> Self {
        let decoding = std::iter::once(secret)
            .chain(previous.iter().map(Vec::as_slice))
            .map(|s| (key_id(s), DecodingKey::from_secret(s)))
            .collect();
        Self { kid: key_id(secret), encoding: EncodingKey::from_secret(secret), decoding }
    }

    /// Signs an access token of session `sid` for `user_id`, valid for `ttl_secs`.
    pub fn issue(&self, user_id: i64, sid: i64, ttl_secs: i64) -> anyhow::Result<String> {
        let now = chrono::Utc::now().timestamp();
        let claims =
            Claims { sub: user_id.to_string(), iat: now, exp: now + ttl_secs, typ: "access".into(), sid: Some(sid) };
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(self.kid.clone());
        Ok(encode(&header, &claims, &self.encoding)?)
    }

    /// The user id and session of a valid, unexpired access token.
    pub fn verify(&self, token: &str) -> Option<(i64, i64)> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 5;
        validation.set_required_spec_claims(&["exp", "sub"]);
        let kid = decode_header(token).ok()?.kid?;
        let (_, key) = self.decoding.iter().find(|(id, _)| *id == kid)?;
        let data = decode::<Claims>(token, key, &validation).ok()?;
        if data.claims.typ != "access" {
            return None;
        }
        Some((data.claims.sub.parse().ok()?, data.claims.sid?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_and_verifies() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef");
        let t = keys.issue(7, 70, 60).unwrap();
        assert_eq!(keys.verify(&t), Some((7, 70)));
        assert_eq!(JwtKeys::new(b"another-secret-another-secret-xx").verify(&t), None);
        let expired = keys.issue(7, 70, -120).unwrap();
        assert_eq!(keys.verify(&expired), None);
    }

    #[test]
    fn a_rotation_keeps_old_tokens_until_they_expire() {
        let old = b"old-secret-old-secret-old-secret-0".to_vec();
        let new = b"new-secret-new-secret-new-secret-1".to_vec();
        let before = JwtKeys::new(&old).issue(3, 30, 600).unwrap();
        let rotated = JwtKeys::with_previous(&new, std::slice::from_ref(&old));
        assert_eq!(rotated.verify(&before), Some((3, 30)), "signed with the old key");
        let after = rotated.issue(4, 40, 600).unwrap();
        assert_eq!(rotated.verify(&after), Some((4, 40)));
        assert_eq!(JwtKeys::new(&old).verify(&after), None, "the old servers do not know the new key");
        assert_eq!(JwtKeys::new(&new).verify(&before), None, "once the old secret is dropped");
    }

    #[test]
    fn refuses_other_algorithms() {
        // A token signed "none" (header alg none) must not verify.
        let forged =
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxIiwiaWF0IjoxLCJleHAiOjk5OTk5OTk5OTksInR5cCI6ImFjY2VzcyJ9.";
        assert_eq!(JwtKeys::new(b"0123456789abcdef0123456789abcdef").verify(forged), None);
    }

    #[test]
    fn a_token_without_a_session_is_refused() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef");
        let now = chrono::Utc::now().timestamp();
        let claims = Claims { sub: "7".into(), iat: now, exp: now + 60, typ: "access".into(), sid: None };
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(keys.kid.clone());
        let t = encode(&header, &claims, &keys.encoding).unwrap();
        assert_eq!(keys.verify(&t), None);
    }
}
