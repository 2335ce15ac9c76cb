//! The password policy: long enough, not trivially guessable.

/// A password that satisfies the policy. Never printed.
pub struct Password(String);

/// Why a password is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("kata sandi minimal {0} karakter")]
    TooShort(usize),
    #[error("kata sandi maksimal {0} karakter")]
    TooLong(usize),
    #[error("kata sandi harus berisi huruf dan angka")]
    TooSimple,
    #[error("kata sandi tidak boleh sama dengan nama pengguna")]
    SameAsUsername,
}

impl Password {
    pub const MIN: usize = 8;
    pub const MAX: usize = 128;

    /// Checks the policy for a password chosen by `username`.
    pub fn parse(raw: &str, username: &str) -> Result<Self, PasswordError> {
        let n = raw.chars().count();
        if n < Self::MIN {
            return Err(PasswordError::TooShort(Self::MIN));
        }
        if n > Self::MAX {
            return Err(PasswordError::TooLong(Self::MAX));
        }
        if !raw.chars().any(|c| c.is_alphabetic()) || !raw.chars().any(|c| c.is_ascii_digit()) {
            return Err(PasswordError::TooSimple);
        }
        if raw.eq_ignore_ascii_case(username) {
            return Err(PasswordError::SameAsUsername);
        }
        Ok(Self(raw.to_owned()))
    }

    /// The secret, for hashing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy() {
        assert_eq!(Password::parse("abc12", "u").unwrap_err(), PasswordError::TooShort(8));
        assert_eq!(Password::parse("abcdefgh", "u").unwrap_err(), PasswordError::TooSimple);
        assert_eq!(Password::parse("budi1234", "BUDI1234").unwrap_err(), PasswordError::SameAsUsername);
        assert!(Password::parse("rahasia123", "budi").is_ok());
        assert_eq!(format!("{:?}", Password::parse("rahasia123", "b").unwrap()), "Password(***)");
    }
}
