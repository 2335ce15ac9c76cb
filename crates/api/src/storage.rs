//! Where evidence files live: behind a small interface, addressed by the SHA-256 of their content,
//! so that the same file uploaded twice is stored once and an S3-compatible store can be added.

use std::io;
use std::path::PathBuf;

/// A content-addressed blob store.
pub trait BlobStore: Send + Sync {
    /// Stores `bytes` under their hash (a no-op when already there).
    fn put(&self, sha256: &str, bytes: &[u8]) -> io::Result<()>;
    /// Reads the blob stored under `sha256`.
    fn get(&self, sha256: &str) -> io::Result<Vec<u8>>;
    /// A new empty file to stream an upload into before its hash is known; it disappears when
    /// dropped unless adopted.
    fn stage(&self) -> io::Result<tempfile::NamedTempFile>;
    /// Keeps a staged file under its hash (dropping it when the blob is already there).
    fn adopt(&self, sha256: &str, staged: tempfile::NamedTempFile) -> io::Result<()>;
}

/// Files on the local disk under the data directory: `evidence/ab/cd/abcd…`.
pub struct LocalDisk {
    root: PathBuf,
}

impl LocalDisk {
    pub fn new(root: PathBuf) -> Self {
        Self { root }
    }

    fn path(&self, sha256: &str) -> io::Result<PathBuf> {
        if sha256.len() != 64 || !sha256.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a sha256"));
        }
        Ok(self.root.join(&sha256[0..2]).join(&sha256[2..4]).join(sha256))
    }
}

impl BlobStore for LocalDisk {
    fn put(&self, sha256: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.path(sha256)?;
        if path.exists() {
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // Write then rename, so that a crash never leaves a half-written blob under its hash.
        let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(tmp, path)
    }

    fn get(&self, sha256: &str) -> io::Result<Vec<u8>> {
        std::fs::read(self.path(sha256)?)
    }

    fn stage(&self) -> io::Result<tempfile::NamedTempFile> {
        let dir = self.root.join("incoming");
        std::fs::create_dir_all(&dir)?;
        tempfile::NamedTempFile::new_in(dir)
    }

    fn adopt(&self, sha256: &str, staged: tempfile::NamedTempFile) -> io::Result<()> {
        let path = self.path(sha256)?;
        if path.exists() {
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // A rename within the store: a crash never leaves a half-written blob under its hash.
        staged.persist(path).map(|_| ()).map_err(|e| e.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_by_hash_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = LocalDisk::new(dir.path().to_path_buf());
        let sha = "a".repeat(64);
        store.put(&sha, b"isi").unwrap();
        store.put(&sha, b"isi").unwrap();
        assert_eq!(store.get(&sha).unwrap(), b"isi");
        assert!(store.put("../../etc/passwd", b"x").is_err());
    }
}
