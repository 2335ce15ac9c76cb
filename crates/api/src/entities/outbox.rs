use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The event and its subject (`complaint:12:filed`): with the channel and the recipient, unique.
    pub event_key: String,
    /// The kind of event (`complaint.filed`), for the delivery log.
    pub event_kind: String,
    /// `email` or `whatsapp`.
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    /// The text; `{app}` stands for the app's public address, put in at sending.
    pub body: String,
    /// The path of the recipient's "stop messages" page, for channels that carry it apart.
    pub stop_path: Option<String>,
    /// `pending`, `sent` or `dead` (given up after the last attempt); for a daily digest, `held`
    /// until it is gathered, then `digested`.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    /// While a worker holds the row; after it, another may take it.
    pub locked_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    /// The account a copy of an in-app notice is for (none for citizens and tests).
    pub user_id: Option<i64>,
    /// The UTC year it was queued in: the yearly partition on PostgreSQL; the key above is unique
    /// within it.
    pub year: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
