//! "Lupa kata sandi?" by oneself: a link sent to the e-mail address or WhatsApp number the person
//! verified, good for 30 minutes and once, that sets a new password and ends every session. The
//! request says the same whether or not the account exists or can be reached, so it reveals no
//! account; it is limited per address and per account.

use crate::audit::Actor;
use crate::auth::password;
use crate::delivery::{self, Outgoing};
use crate::entities::{message_settings, password_resets, users};
use crate::error::{ApiError, ApiResult};
use crate::services::rate_limit::{self, RESETS_PER_CLIENT, RESETS_PER_USER};
use chrono::{Duration, Utc};
use kinerja_domain::{Contact, Password};
use kinerja_types::Invalid;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

/// How long a link holds.
const LINK_LIFE: Duration = Duration::minutes(30);

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.trim().as_bytes()))
}

/// Sends a reset link to the verified channels of the active account `username`, if it has any.
/// Refused (429) only for too many requests from one address.
pub async fn request(db: &DatabaseConnection, username: &str, client: &str) -> ApiResult<()> {
    rate_limit::hit(db, RESETS_PER_CLIENT, client).await?;
    let Some(user) = users::Entity::find()
        .filter(users::Column::Username.eq(username.trim()))
        .filter(users::Column::Active.eq(true))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    // Past the account's limit the answer stays the same: it must not tell that the account exists.
    if rate_limit::hit(db, RESETS_PER_USER, &user.id.to_string()).await.is_err() {
        return Ok(());
    }
    let Some(settings) = message_settings::Entity::find_by_id(user.id).one(db).await? else { return Ok(()) };
    let mut to = Vec::new();
    if let (Some(a), Some(_)) = (&settings.email, settings.email_verified_at) {
        to.push(Contact::Email(a.clone()));
    }
    if let (Some(a), Some(_)) = (&settings.whatsapp, settings.whatsapp_verified_at) {
        to.push(Contact::WhatsApp(a.clone()));
    }
    if to.is_empty() {
        return Ok(());
    }
    let token = crate::services::public_codes::secret_token();
    let txn = crate::db::begin(db).await?;
    password_resets::ActiveModel {
        user_id: Set(user.id),
        token_hash: Set(hash(&token)),
        expires_at: Set(Utc::now() + LINK_LIFE),
        used_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for contact in &to {
        delivery::enqueue(
            &txn,
            Outgoing {
                event_key: format!("reset:{}:{}", user.id, &token[..16]),
                event_kind: "password.reset",
                to: contact.into(),
                subject: "Atur ulang kata sandi Kinerja".into(),
                body: format!(
                    "Ada permintaan mengatur ulang kata sandi akun Kinerja {}.\n\n\
                     Buka tautan ini dalam 30 menit untuk membuat kata sandi baru:\n{{app}}/atur-ulang/{token}\n\n\
                     Bila bukan Anda yang meminta, abaikan pesan ini: kata sandi Anda tidak berubah.\n",
                    user.username
                ),
                stop_path: None,
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Sets a new password with a link's secret (422 when the link is unknown, used or expired, or
/// the password breaks the policy); every session of the account ends. Answers the account.
pub async fn reset(db: &DatabaseConnection, token: &str, new: &str) -> ApiResult<i64> {
    let invalid = || ApiError::field("token", Invalid::ResetLinkInvalid);
    let link = password_resets::Entity::find()
        .filter(password_resets::Column::TokenHash.eq(hash(token)))
        .filter(password_resets::Column::UsedAt.is_null())
        .filter(password_resets::Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?
        .ok_or_else(invalid)?;
    let user = users::Entity::find_by_id(link.user_id).one(db).await?.ok_or_else(invalid)?;
    if !user.active {
        return Err(invalid());
    }
    let pw = Password::parse(new, &user.username).map_err(|e| ApiError::field("new_password", &e))?;
    let hashed = password::hash_bounded(pw.expose()).await?;
    let txn = crate::db::begin(db).await?;
    // Used once: of two requests with the same link, one sets the password.
    let used = password_resets::Entity::update_many()
        .col_expr(password_resets::Column::UsedAt, Expr::value(Some(Utc::now())))
        .filter(password_resets::Column::Id.eq(link.id))
        .filter(password_resets::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Err(invalid());
    }
    let actor = Actor::user(user.id, &user.username);
    crate::services::accounts::store_password(&txn, &actor, user.id, hashed, false, None, "user.password_reset")
        .await?;
    txn.commit().await?;
    Ok(user.id)
}
