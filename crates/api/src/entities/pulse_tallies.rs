use kinerja_domain::pulse::RespondentGroup;
use kinerja_domain::CoreValue;
use sea_orm::entity::prelude::*;

/// Running sums of a round's answers about one person, per group and core value.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pulse_tallies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub round_id: i64,
    pub subject_id: i64,
    pub respondent_group: RespondentGroup,
    pub core_value: CoreValue,
    pub score_sum: i64,
    pub answers: i64,
    pub respondents: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
