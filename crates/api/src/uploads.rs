//! Receiving an evidence file: a multipart form of exactly one part named `file`, streamed into a
//! staging file of the blob store while its SHA-256 is computed, and refused as soon as it passes
//! the size limit. The whole file is never held in memory; only its first bytes are kept, to
//! tell its type from its content.

use crate::error::{ApiError, ApiResult};
use crate::storage::Blobs;
use actix_multipart::Multipart;
use futures_util::StreamExt;
use kinerja_types::Invalid;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

/// How many leading bytes are kept to detect the content type (magic numbers sit in the first few).
const HEAD: usize = 8 * 1024;

/// A received file, staged in the store until it is adopted under its hash (dropped otherwise).
pub struct Upload {
    /// The name the client gave it.
    pub name: String,
    /// Its first bytes.
    pub head: Vec<u8>,
    pub sha256: String,
    pub size: u64,
    pub staged: tempfile::NamedTempFile,
}

/// Reads the form: 422 on `file` unless it holds exactly one part named `file` (or cannot be read),
/// 413 once the file passes `limit` bytes.
pub async fn receive(mut form: Multipart, store: &Blobs, limit: u64) -> ApiResult<Upload> {
    let mut upload: Option<Upload> = None;
    while let Some(part) = form.next().await {
        // A part that cannot be read (a malformed header, a name with control characters) is
        // answered like a form without the file.
        let mut part = part.map_err(|e| {
            tracing::debug!(error = %e, "unreadable multipart form");
            ApiError::field("file", Invalid::FilePartMissing)
        })?;
        let disposition = part.content_disposition();
        if disposition.and_then(|d| d.get_name()) != Some("file") || upload.is_some() {
            return Err(ApiError::field("file", Invalid::OneFilePart));
        }
        let name = disposition.and_then(|d| d.get_filename()).unwrap_or("bukti").to_owned();
        let internal = |e: std::io::Error| ApiError::Internal(e.into());
        let staged = store.stage().map_err(internal)?;
        let mut out = tokio::fs::File::from_std(staged.reopen().map_err(internal)?);
        let (mut hasher, mut head, mut size) = (Sha256::new(), Vec::new(), 0u64);
        while let Some(chunk) = part.next().await {
            let chunk = chunk.map_err(|e| ApiError::BadRequest(format!("unggahan terputus: {e}")))?;
            size += chunk.len() as u64;
            if size > limit {
                // The staged file is removed when dropped.
                return Err(ApiError::PayloadTooLarge(format!("berkas melebihi batas {} MB", limit / (1024 * 1024))));
            }
            hasher.update(&chunk);
            let room = HEAD.saturating_sub(head.len());
            head.extend_from_slice(&chunk[..room.min(chunk.len())]);
            out.write_all(&chunk).await.map_err(internal)?;
        }
        out.sync_all().await.map_err(internal)?;
        upload = Some(Upload { name, head, sha256: hex::encode(hasher.finalize()), size, staged });
    }
    upload.ok_or_else(|| ApiError::field("file", Invalid::FilePartMissing))
}
