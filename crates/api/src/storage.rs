//! Where evidence files live: an object store addressed by the SHA-256 of each file's content, so
//! that the same file uploaded twice is stored once. The local disk under the data directory is
//! the default; `KINERJA_BLOB_URL=s3://bucket/prefix` puts them in any S3-compatible store (MinIO,
//! Garage, Ceph, a cloud bucket), with the usual `AWS_*` credentials, through the `object_store`
//! crate. Every replica of the server then reads and writes the same files.

use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use object_store::aws::{AmazonS3Builder, AmazonS3ConfigKey};
use object_store::local::LocalFileSystem;
use object_store::path::Path as Key;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, WriteMultipart};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::io::AsyncReadExt;

/// Files up to this size go to the store in one request; larger ones in parts of this size.
const PART: usize = 8 * 1024 * 1024;

/// The content-addressed evidence store.
#[derive(Clone)]
pub struct Blobs {
    store: Arc<dyn ObjectStore>,
    /// Where uploads are written while their hash is computed (always on the local disk).
    staging: PathBuf,
    /// The store as configured, for messages (`file:///…` or `s3://bucket/prefix`).
    pub location: String,
}

impl std::fmt::Debug for Blobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Blobs").field("location", &self.location).finish_non_exhaustive()
    }
}

/// One stored file, as listed.
#[derive(Debug, Clone)]
pub struct Listed {
    pub sha256: String,
    pub size: u64,
}

fn io_error(e: object_store::Error) -> io::Error {
    match e {
        object_store::Error::NotFound { .. } => io::Error::new(io::ErrorKind::NotFound, e.to_string()),
        other => io::Error::other(other.to_string()),
    }
}

/// Whether `s` is a SHA-256 in hex, the only names the store has.
fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.chars().all(|c| c.is_ascii_hexdigit())
}

/// The object name of a blob: `ab/cd/abcd…` (the layout the local store always had).
fn key(sha256: &str) -> io::Result<Key> {
    if !is_sha256(sha256) {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a sha256"));
    }
    Ok(Key::from(format!("{}/{}/{}", &sha256[0..2], &sha256[2..4], sha256)))
}

impl Blobs {
    /// The store of `url` (`s3://bucket[/prefix]`, `file:///abs/dir`), or the `evidence` directory
    /// under the data directory when unset. `options` are S3 settings by their `object_store`
    /// names (`aws_endpoint`, `aws_access_key_id`, …) over those of the environment.
    pub fn open(url: Option<&str>, options: &[(String, String)], data_dir: &Path) -> anyhow::Result<Self> {
        let staging = data_dir.join("incoming");
        match url.filter(|u| !u.trim().is_empty()) {
            None => Self::local(&data_dir.join("evidence"), staging),
            Some(url) => {
                if let Some(dir) = url.strip_prefix("file://") {
                    return Self::local(Path::new(dir), staging);
                }
                let rest = url.strip_prefix("s3://").ok_or_else(|| {
                    anyhow::anyhow!("KINERJA_BLOB_URL: '{url}' is neither s3://bucket/prefix nor file:///directory")
                })?;
                let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
                anyhow::ensure!(!bucket.is_empty(), "KINERJA_BLOB_URL: '{url}' names no bucket");
                let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
                for (name, value) in options {
                    let key: AmazonS3ConfigKey =
                        name.parse().map_err(|e| anyhow::anyhow!("S3 setting '{name}': {e}"))?;
                    builder = builder.with_config(key, value);
                }
                let s3: Arc<dyn ObjectStore> = Arc::new(builder.build()?);
                let prefix = prefix.trim_matches('/');
                let store: Arc<dyn ObjectStore> =
                    if prefix.is_empty() { s3 } else { Arc::new(PrefixStore::new(s3, prefix)) };
                Ok(Self { store, staging, location: url.to_owned() })
            }
        }
    }

    /// Files under `root` on this machine.
    pub fn local(root: &Path, staging: PathBuf) -> anyhow::Result<Self> {
        std::fs::create_dir_all(root)?;
        // Each file and its directory are synced before an upload is answered.
        let store = LocalFileSystem::new_with_prefix(root)?.with_fsync(true);
        Ok(Self { store: Arc::new(store), staging, location: format!("file://{}", root.display()) })
    }

    /// Whether the blob is stored.
    pub async fn contains(&self, sha256: &str) -> io::Result<bool> {
        match self.store.head(&key(sha256)?).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(io_error(e)),
        }
    }

    /// Stores `bytes` under their hash (nothing when already there).
    pub async fn put(&self, sha256: &str, bytes: Vec<u8>) -> io::Result<()> {
        if self.contains(sha256).await? {
            return Ok(());
        }
        self.store.put(&key(sha256)?, PutPayload::from(bytes)).await.map(|_| ()).map_err(io_error)
    }

    /// A new empty local file to stream an upload into before its hash is known; it disappears
    /// when dropped.
    pub fn stage(&self) -> io::Result<tempfile::NamedTempFile> {
        std::fs::create_dir_all(&self.staging)?;
        tempfile::NamedTempFile::new_in(&self.staging)
    }

    /// Stores a local file (a staged upload) under its hash, streamed from the disk (in parts
    /// when large), unless the same content is already there.
    pub async fn adopt(&self, sha256: &str, path: &Path) -> io::Result<()> {
        if self.contains(sha256).await? {
            return Ok(());
        }
        self.replace(sha256, path).await
    }

    /// Stores a local file under its hash even when something is stored there already (a damaged
    /// copy being repaired).
    pub async fn replace(&self, sha256: &str, path: &Path) -> io::Result<()> {
        let location = key(sha256)?;
        let mut file = tokio::fs::File::open(path).await?;
        let size = file.metadata().await?.len();
        if size as usize <= PART {
            let mut bytes = Vec::with_capacity(size as usize);
            file.read_to_end(&mut bytes).await?;
            self.store.put(&location, PutPayload::from(bytes)).await.map_err(io_error)?;
            return Ok(());
        }
        let upload = self.store.put_multipart(&location).await.map_err(io_error)?;
        let mut writer = WriteMultipart::new_with_chunk_size(upload, PART);
        let mut buf = vec![0u8; 256 * 1024];
        let sent: io::Result<()> = async {
            loop {
                let n = file.read(&mut buf).await?;
                if n == 0 {
                    return Ok(());
                }
                writer.wait_for_capacity(2).await.map_err(io_error)?;
                writer.write(&buf[..n]);
            }
        }
        .await;
        match sent {
            Ok(()) => writer.finish().await.map(|_| ()).map_err(io_error),
            Err(e) => {
                // The parts already sent are discarded, not left to cost storage.
                let _ = writer.abort().await;
                Err(e)
            }
        }
    }

    /// Where a blob of a local store is on the disk (`None` for a remote store).
    pub fn local_path(&self, sha256: &str) -> Option<PathBuf> {
        let root = self.location.strip_prefix("file://")?;
        let key = key(sha256).ok()?;
        Some(Path::new(root).join(key.as_ref()))
    }

    /// The blob's size and its content as a stream of chunks (never held whole in memory).
    pub async fn read(&self, sha256: &str) -> io::Result<(u64, BoxStream<'static, io::Result<Bytes>>)> {
        let got = self.store.get(&key(sha256)?).await.map_err(io_error)?;
        let size = got.meta.size;
        Ok((size, got.into_stream().map_err(io_error).boxed()))
    }

    /// The SHA-256 of what is stored under `sha256`, read back in full (to verify a copy).
    pub async fn digest(&self, sha256: &str) -> io::Result<String> {
        use sha2::{Digest, Sha256};
        let (_, mut chunks) = self.read(sha256).await?;
        let mut hasher = Sha256::new();
        while let Some(chunk) = chunks.next().await {
            hasher.update(&chunk?);
        }
        Ok(hex::encode(hasher.finalize()))
    }

    /// Every stored blob (anything else in the store, such as a half-written upload, is skipped).
    pub fn list(&self) -> BoxStream<'static, io::Result<Listed>> {
        self.store
            .list(None)
            .map_err(io_error)
            .try_filter_map(|meta| async move {
                let name = meta.location.filename().unwrap_or_default().to_owned();
                let expected = key(&name).ok();
                Ok((is_sha256(&name) && expected.as_ref() == Some(&meta.location))
                    .then(|| Listed { sha256: name.to_ascii_lowercase(), size: meta.size }))
            })
            .boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stores_by_hash_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Blobs::open(None, &[], dir.path()).unwrap();
        let bytes = b"isi".to_vec();
        let sha = {
            use sha2::{Digest, Sha256};
            hex::encode(Sha256::digest(&bytes))
        };
        store.put(&sha, bytes.clone()).await.unwrap();
        store.put(&sha, bytes.clone()).await.unwrap();
        assert_eq!(store.digest(&sha).await.unwrap(), sha);
        let listed: Vec<Listed> = store.list().try_collect().await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].size, 3);
        assert!(dir.path().join("evidence").join(&sha[0..2]).join(&sha[2..4]).join(&sha).exists());
        assert!(store.put("../../etc/passwd", b"x".to_vec()).await.is_err());
        assert!(Blobs::open(Some("ftp://x"), &[], dir.path()).is_err());
    }
}
