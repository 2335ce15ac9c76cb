use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "message_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i64,
    pub email: Option<String>,
    pub email_verified_at: Option<DateTimeUtc>,
    /// In international form (`6281234567890`).
    pub whatsapp: Option<String>,
    pub whatsapp_verified_at: Option<DateTimeUtc>,
    /// The channel a verification code was last sent on, its SHA-256, until when it holds, and
    /// how many wrong codes were tried.
    pub code_channel: Option<String>,
    pub code_hash: Option<String>,
    pub code_expires_at: Option<DateTimeUtc>,
    pub code_tries: i32,
    /// Event groups not sent outside the app, comma-separated (`skp,feedback`).
    pub muted: String,
    /// Quiet hours as local minutes of the day (`22:00` = 1320); both or neither.
    pub quiet_from: Option<i16>,
    pub quiet_to: Option<i16>,
    pub updated_at: DateTimeUtc,
    /// One message a day (at the Pemda's `reminders.digest_at`) instead of one per event.
    pub digest: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
