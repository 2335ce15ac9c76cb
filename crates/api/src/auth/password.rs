//! argon2id password hashes (PHC strings with their own salt and parameters).

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// Hashes a password with argon2id and a fresh salt.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing password: {e}"))
}

/// Whether `password` matches the stored hash. A malformed hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

/// Spends the same time as a real verification, so that an unknown username cannot be told
/// apart from a wrong password by timing.
pub fn verify_dummy(password: &str) {
    // argon2id hash of a random string, same default parameters as `hash`.
    const DUMMY: &str =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$J0mGT0ojbqOZd2mH2ZbbcwY2O3Dw4XWKZ8wEpQUMWO0";
    let _ = verify(password, DUMMY);
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trip() {
        let h = super::hash("rahasia123").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify("rahasia123", &h));
        assert!(!super::verify("rahasia124", &h));
        assert!(!super::verify("x", "not a hash"));
    }
}
