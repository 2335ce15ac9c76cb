//! Fairer ratings: 360° and upward pulse rounds (who is asked, kept apart from what was answered),
//! calibration sessions (the changes agreed, and a lock), and forum commitments that become an
//! official's target with progress and milestones.

use crate::common::{add_columns, drop_columns, id};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Iden)]
enum PulseRounds {
    Table,
    Id,
    UnitId,
    EmployeeId,
    Period,
    ClosesOn,
    Status,
    PublicCode,
    Questions,
    OpenedBy,
    OpenedAt,
    ClosedAt,
}

/// Whom a round asks about: one person appears in one round of a period at most.
#[derive(Iden)]
enum PulseSubjects {
    Table,
    Id,
    RoundId,
    SubjectId,
    Period,
}

/// Who is asked about whom. It never says what they answered.
#[derive(Iden)]
enum PulseInvitations {
    Table,
    Id,
    RoundId,
    SubjectId,
    RespondentId,
    RespondentGroup,
    AnsweredAt,
    RemindedAt,
}

/// What was answered, only as running sums per round, person, group and core value: no row keeps
/// an answer apart from the others once a second one is added (see `services::pulse`).
#[derive(Iden)]
enum PulseTallies {
    Table,
    Id,
    RoundId,
    SubjectId,
    RespondentGroup,
    CoreValue,
    ScoreSum,
    Answers,
    Respondents,
}

#[derive(Iden)]
enum CalibrationChanges {
    Table,
    Id,
    SessionId,
    AssessmentId,
    EmployeeId,
    BeforeResult,
    BeforeBehavior,
    BeforePredikat,
    AfterResult,
    AfterBehavior,
    AfterPredikat,
    Reason,
    CreatedBy,
    CreatedAt,
}

#[derive(Iden)]
enum CommitmentMilestones {
    Table,
    Id,
    CommitmentId,
    Title,
    DueOn,
    DoneAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use PulseInvitations as I;
        use PulseRounds as R;
        manager
            .create_table(
                Table::create()
                    .table(R::Table)
                    .if_not_exists()
                    .col(id(R::Id))
                    .col(ColumnDef::new(R::UnitId).big_integer().not_null())
                    // One employee's round; `NULL` for a whole unit's.
                    .col(ColumnDef::new(R::EmployeeId).big_integer().null())
                    .col(ColumnDef::new(R::Period).string_len(16).not_null())
                    .col(ColumnDef::new(R::ClosesOn).date().not_null())
                    .col(ColumnDef::new(R::Status).string_len(8).not_null())
                    // The code service users answer with, when they are asked.
                    .col(ColumnDef::new(R::PublicCode).string_len(16).null().unique_key())
                    // The questions as asked when it opened (JSON), whatever the settings say later.
                    .col(ColumnDef::new(R::Questions).text().not_null())
                    .col(ColumnDef::new(R::OpenedBy).string_len(200).not_null())
                    .col(ColumnDef::new(R::OpenedAt).timestamp_with_time_zone().not_null())
                    .col(ColumnDef::new(R::ClosedAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_pulse_rounds_unit").table(R::Table).col(R::UnitId).to_owned())
            .await?;
        use PulseSubjects as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .if_not_exists()
                    .col(id(S::Id))
                    .col(ColumnDef::new(S::RoundId).big_integer().not_null())
                    .col(ColumnDef::new(S::SubjectId).big_integer().not_null())
                    .col(ColumnDef::new(S::Period).string_len(16).not_null())
                    .to_owned(),
            )
            .await?;
        // One round per person and period, kept by the database too.
        manager
            .create_index(
                Index::create()
                    .name("ux_pulse_subjects")
                    .table(S::Table)
                    .col(S::SubjectId)
                    .col(S::Period)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("idx_pulse_subjects_round").table(S::Table).col(S::RoundId).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(I::Table)
                    .if_not_exists()
                    .col(id(I::Id))
                    .col(ColumnDef::new(I::RoundId).big_integer().not_null())
                    .col(ColumnDef::new(I::SubjectId).big_integer().not_null())
                    .col(ColumnDef::new(I::RespondentId).big_integer().not_null())
                    .col(ColumnDef::new(I::RespondentGroup).string_len(16).not_null())
                    .col(ColumnDef::new(I::AnsweredAt).timestamp_with_time_zone().null())
                    .col(ColumnDef::new(I::RemindedAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_pulse_invitations")
                    .table(I::Table)
                    .col(I::RoundId)
                    .col(I::SubjectId)
                    .col(I::RespondentId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_pulse_invitations_respondent")
                    .table(I::Table)
                    .col(I::RespondentId)
                    .to_owned(),
            )
            .await?;
        use PulseTallies as T;
        manager
            .create_table(
                Table::create()
                    .table(T::Table)
                    .if_not_exists()
                    .col(id(T::Id))
                    .col(ColumnDef::new(T::RoundId).big_integer().not_null())
                    .col(ColumnDef::new(T::SubjectId).big_integer().not_null())
                    .col(ColumnDef::new(T::RespondentGroup).string_len(16).not_null())
                    .col(ColumnDef::new(T::CoreValue).string_len(32).not_null())
                    .col(ColumnDef::new(T::ScoreSum).big_integer().not_null())
                    .col(ColumnDef::new(T::Answers).big_integer().not_null())
                    .col(ColumnDef::new(T::Respondents).big_integer().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_pulse_tallies")
                    .table(T::Table)
                    .col(T::SubjectId)
                    .col(T::RoundId)
                    .col(T::RespondentGroup)
                    .col(T::CoreValue)
                    .unique()
                    .to_owned(),
            )
            .await?;
        use CalibrationChanges as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .if_not_exists()
                    .col(id(C::Id))
                    .col(ColumnDef::new(C::SessionId).big_integer().not_null())
                    .col(ColumnDef::new(C::AssessmentId).big_integer().not_null())
                    .col(ColumnDef::new(C::EmployeeId).big_integer().not_null())
                    .col(ColumnDef::new(C::BeforeResult).string_len(16).null())
                    .col(ColumnDef::new(C::BeforeBehavior).string_len(16).null())
                    .col(ColumnDef::new(C::BeforePredikat).string_len(20).null())
                    .col(ColumnDef::new(C::AfterResult).string_len(16).not_null())
                    .col(ColumnDef::new(C::AfterBehavior).string_len(16).not_null())
                    .col(ColumnDef::new(C::AfterPredikat).string_len(20).not_null())
                    .col(ColumnDef::new(C::Reason).string_len(1000).not_null())
                    .col(ColumnDef::new(C::CreatedBy).string_len(200).not_null())
                    .col(ColumnDef::new(C::CreatedAt).timestamp_with_time_zone().not_null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_calibration_changes_session").table(C::Table).col(C::SessionId).to_owned(),
            )
            .await?;
        add_columns(
            manager,
            "evaluation_sessions",
            vec![
                ColumnDef::new(Alias::new("locked_at")).timestamp_with_time_zone().null().to_owned(),
                ColumnDef::new(Alias::new("locked_by")).string_len(200).null().to_owned(),
            ],
        )
        .await?;
        add_columns(
            manager,
            "forum_commitments",
            vec![
                ColumnDef::new(Alias::new("official_id")).big_integer().null().to_owned(),
                ColumnDef::new(Alias::new("rhk_id")).big_integer().null().to_owned(),
                ColumnDef::new(Alias::new("progress_percent")).integer().not_null().default(0).to_owned(),
                ColumnDef::new(Alias::new("progress_note")).string_len(1000).null().to_owned(),
            ],
        )
        .await?;
        use CommitmentMilestones as M;
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .if_not_exists()
                    .col(id(M::Id))
                    .col(ColumnDef::new(M::CommitmentId).big_integer().not_null())
                    .col(ColumnDef::new(M::Title).string_len(300).not_null())
                    .col(ColumnDef::new(M::DueOn).date().not_null())
                    .col(ColumnDef::new(M::DoneAt).timestamp_with_time_zone().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("idx_commitment_milestones").table(M::Table).col(M::CommitmentId).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CommitmentMilestones::Table).to_owned()).await?;
        drop_columns(manager, "forum_commitments", &["official_id", "rhk_id", "progress_percent", "progress_note"])
            .await?;
        drop_columns(manager, "evaluation_sessions", &["locked_at", "locked_by"]).await?;
        manager.drop_table(Table::drop().table(CalibrationChanges::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(PulseTallies::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(PulseInvitations::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(PulseSubjects::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(PulseRounds::Table).to_owned()).await
    }
}
