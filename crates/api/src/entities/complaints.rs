use kinerja_domain::ComplaintCategory;
use kinerja_domain::ComplaintClass;
use kinerja_domain::ComplaintStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "complaints")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub tracking_code: String,
    pub unit_id: i64,
    pub category: ComplaintCategory,
    pub text: String,
    pub employee_nip: Option<String>,
    pub employee_id: Option<i64>,
    /// The officer as the citizen named or described them.
    pub officer: Option<String>,
    pub contact: Option<String>,
    pub status: ComplaintStatus,
    pub public_response: Option<String>,
    pub disposition_unit_id: Option<i64>,
    pub filed_on: Date,
    pub dispositioned_on: Option<Date>,
    /// Set at verification; sets the follow-up deadline.
    pub class: Option<ComplaintClass>,
    /// A documented postponement (tunda): the new date and why, both shown to the citizen.
    pub postponed_until: Option<Date>,
    pub postpone_reason: Option<String>,
    /// Where a complaint outside this unit's authority was referred, shown to the citizen.
    pub referred_to: Option<String>,
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
