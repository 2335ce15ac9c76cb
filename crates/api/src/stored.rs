//! Reading stored values that may not be readable: never silently. Each is logged, and the
//! caller fails closed.

/// Records a stored value that cannot be read back: never silent. The caller then fails closed
/// (no role, read-only access, no member) and says so where it calls this.
pub fn unreadable(what: &'static str, raw: &str) {
    tracing::error!(what, raw, "a stored value cannot be read");
}

/// A JSON value stored in a text column; unreadable text is logged and read as the type's empty
/// value (an empty list), never as made-up content.
pub fn json<T: serde::de::DeserializeOwned + Default>(what: &'static str, raw: &str) -> T {
    serde_json::from_str(raw).unwrap_or_else(|_| {
        unreadable(what, raw);
        T::default()
    })
}
