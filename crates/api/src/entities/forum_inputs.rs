use kinerja_domain::oversight::InputSource;
use kinerja_domain::oversight::InputStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_inputs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub forum_id: i64,
    pub tracking_code: String,
    pub source: InputSource,
    pub speaker: Option<String>,
    pub text: String,
    pub contact: Option<String>,
    pub status: InputStatus,
    pub response: Option<String>,
    pub fingerprint: String,
    /// The secret of the citizen's "stop messages" link, when messages go to their contact.
    pub notify_token: Option<String>,
    /// When the citizen stopped the messages.
    pub notify_stopped_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
