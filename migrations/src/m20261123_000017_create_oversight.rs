//! Oversight beside the direct superior: the independent evaluation teams and their reviews of
//! assessments, the leadership's evaluation sessions with follow-ups, and public dialogue forums
//! with their aspirasi and commitments. Short lists that are only read whole (a team's members and
//! units, a session's attendees) are kept as JSON arrays.

use crate::common::id;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EvaluationTeams {
    Table,
    Id,
    Name,
    Decree,
    Active,
    MemberIds,
    UnitIds,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AssessmentReviews {
    Table,
    Id,
    AssessmentId,
    TeamId,
    EmployeeId,
    UnitId,
    PenilaiId,
    AuthorEmployeeId,
    AuthorName,
    Note,
    Recommendation,
    Flag,
    Reason,
    FlagStatus,
    Response,
    RespondedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EvaluationSessions {
    Table,
    Id,
    UnitId,
    Kind,
    HeldOn,
    Title,
    Attendees,
    EmployeeIds,
    Decisions,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EvaluationFollowUps {
    Table,
    Id,
    SessionId,
    UnitId,
    Description,
    OwnerId,
    DueOn,
    Status,
    DoneNote,
    DoneAt,
}

#[derive(DeriveIden)]
enum Forums {
    Table,
    Id,
    UnitId,
    Topic,
    Date,
    Place,
    Description,
    Status,
    Minutes,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ForumInputs {
    Table,
    Id,
    ForumId,
    TrackingCode,
    Source,
    Speaker,
    Text,
    Contact,
    Status,
    Response,
    Fingerprint,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ForumCommitments {
    Table,
    Id,
    ForumId,
    UnitId,
    Description,
    Owner,
    DueOn,
    Status,
    InputIds,
    DoneNote,
    DoneAt,
    CreatedAt,
}

fn index(name: &str, table: impl IntoIden + 'static, cols: Vec<Alias>) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(c);
    }
    i.to_owned()
}

fn cols(names: &[&str]) -> Vec<Alias> {
    names.iter().map(|n| Alias::new(*n)).collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(EvaluationTeams::Table)
                .col(id(EvaluationTeams::Id))
                .col(ColumnDef::new(EvaluationTeams::Name).string_len(200).not_null())
                .col(ColumnDef::new(EvaluationTeams::Decree).string_len(100))
                .col(ColumnDef::new(EvaluationTeams::Active).boolean().not_null().default(true))
                .col(ColumnDef::new(EvaluationTeams::MemberIds).text().not_null())
                .col(ColumnDef::new(EvaluationTeams::UnitIds).text().not_null())
                .col(ColumnDef::new(EvaluationTeams::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(EvaluationTeams::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AssessmentReviews::Table)
                .col(id(AssessmentReviews::Id))
                .col(ColumnDef::new(AssessmentReviews::AssessmentId).big_integer().not_null())
                .col(ColumnDef::new(AssessmentReviews::TeamId).big_integer().not_null())
                .col(ColumnDef::new(AssessmentReviews::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(AssessmentReviews::UnitId).big_integer().not_null())
                .col(ColumnDef::new(AssessmentReviews::PenilaiId).big_integer().not_null())
                .col(ColumnDef::new(AssessmentReviews::AuthorEmployeeId).big_integer().not_null())
                .col(ColumnDef::new(AssessmentReviews::AuthorName).string_len(200).not_null())
                .col(ColumnDef::new(AssessmentReviews::Note).text().not_null())
                .col(ColumnDef::new(AssessmentReviews::Recommendation).string_len(20))
                .col(ColumnDef::new(AssessmentReviews::Flag).boolean().not_null())
                .col(ColumnDef::new(AssessmentReviews::Reason).text())
                .col(ColumnDef::new(AssessmentReviews::FlagStatus).string_len(16))
                .col(ColumnDef::new(AssessmentReviews::Response).text())
                .col(ColumnDef::new(AssessmentReviews::RespondedAt).timestamp_with_time_zone())
                .col(ColumnDef::new(AssessmentReviews::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_assessment_reviews_assessment", AssessmentReviews::Table, cols(&["assessment_id"])))
            .await?;
        m.create_index(index(
            "idx_assessment_reviews_flags",
            AssessmentReviews::Table,
            cols(&["unit_id", "flag_status"]),
        ))
        .await?;
        m.create_table(
            Table::create()
                .table(EvaluationSessions::Table)
                .col(id(EvaluationSessions::Id))
                .col(ColumnDef::new(EvaluationSessions::UnitId).big_integer().not_null())
                .col(ColumnDef::new(EvaluationSessions::Kind).string_len(16).not_null())
                .col(ColumnDef::new(EvaluationSessions::HeldOn).date().not_null())
                .col(ColumnDef::new(EvaluationSessions::Title).string_len(200).not_null())
                .col(ColumnDef::new(EvaluationSessions::Attendees).text().not_null())
                .col(ColumnDef::new(EvaluationSessions::EmployeeIds).text().not_null())
                .col(ColumnDef::new(EvaluationSessions::Decisions).text().not_null())
                .col(ColumnDef::new(EvaluationSessions::CreatedBy).string_len(200).not_null())
                .col(ColumnDef::new(EvaluationSessions::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_evaluation_sessions_unit", EvaluationSessions::Table, cols(&["unit_id", "held_on"])))
            .await?;
        m.create_table(
            Table::create()
                .table(EvaluationFollowUps::Table)
                .col(id(EvaluationFollowUps::Id))
                .col(ColumnDef::new(EvaluationFollowUps::SessionId).big_integer().not_null())
                .col(ColumnDef::new(EvaluationFollowUps::UnitId).big_integer().not_null())
                .col(ColumnDef::new(EvaluationFollowUps::Description).text().not_null())
                .col(ColumnDef::new(EvaluationFollowUps::OwnerId).big_integer().not_null())
                .col(ColumnDef::new(EvaluationFollowUps::DueOn).date().not_null())
                .col(ColumnDef::new(EvaluationFollowUps::Status).string_len(16).not_null())
                .col(ColumnDef::new(EvaluationFollowUps::DoneNote).text())
                .col(ColumnDef::new(EvaluationFollowUps::DoneAt).timestamp_with_time_zone())
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_evaluation_follow_ups_session", EvaluationFollowUps::Table, cols(&["session_id"])))
            .await?;
        m.create_index(index(
            "idx_evaluation_follow_ups_open",
            EvaluationFollowUps::Table,
            cols(&["unit_id", "status", "due_on"]),
        ))
        .await?;
        m.create_index(index("idx_evaluation_follow_ups_owner", EvaluationFollowUps::Table, cols(&["owner_id"])))
            .await?;
        m.create_table(
            Table::create()
                .table(Forums::Table)
                .col(id(Forums::Id))
                .col(ColumnDef::new(Forums::UnitId).big_integer().not_null())
                .col(ColumnDef::new(Forums::Topic).string_len(200).not_null())
                .col(ColumnDef::new(Forums::Date).date().not_null())
                .col(ColumnDef::new(Forums::Place).string_len(200).not_null())
                .col(ColumnDef::new(Forums::Description).text())
                .col(ColumnDef::new(Forums::Status).string_len(16).not_null())
                .col(ColumnDef::new(Forums::Minutes).text())
                .col(ColumnDef::new(Forums::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(Forums::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_forums_unit_date", Forums::Table, cols(&["unit_id", "date"]))).await?;
        m.create_table(
            Table::create()
                .table(ForumInputs::Table)
                .col(id(ForumInputs::Id))
                .col(ColumnDef::new(ForumInputs::ForumId).big_integer().not_null())
                .col(ColumnDef::new(ForumInputs::TrackingCode).string_len(20).not_null().unique_key())
                .col(ColumnDef::new(ForumInputs::Source).string_len(16).not_null())
                .col(ColumnDef::new(ForumInputs::Speaker).string_len(120))
                .col(ColumnDef::new(ForumInputs::Text).text().not_null())
                .col(ColumnDef::new(ForumInputs::Contact).string_len(200))
                .col(ColumnDef::new(ForumInputs::Status).string_len(16).not_null())
                .col(ColumnDef::new(ForumInputs::Response).text())
                .col(ColumnDef::new(ForumInputs::Fingerprint).string_len(64).not_null())
                .col(ColumnDef::new(ForumInputs::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(ForumInputs::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_forum_inputs_forum", ForumInputs::Table, cols(&["forum_id"]))).await?;
        m.create_index(index("idx_forum_inputs_fingerprint", ForumInputs::Table, cols(&["fingerprint"]))).await?;
        m.create_table(
            Table::create()
                .table(ForumCommitments::Table)
                .col(id(ForumCommitments::Id))
                .col(ColumnDef::new(ForumCommitments::ForumId).big_integer().not_null())
                .col(ColumnDef::new(ForumCommitments::UnitId).big_integer().not_null())
                .col(ColumnDef::new(ForumCommitments::Description).text().not_null())
                .col(ColumnDef::new(ForumCommitments::Owner).string_len(200).not_null())
                .col(ColumnDef::new(ForumCommitments::DueOn).date().not_null())
                .col(ColumnDef::new(ForumCommitments::Status).string_len(16).not_null())
                .col(ColumnDef::new(ForumCommitments::InputIds).text().not_null())
                .col(ColumnDef::new(ForumCommitments::DoneNote).text())
                .col(ColumnDef::new(ForumCommitments::DoneAt).timestamp_with_time_zone())
                .col(ColumnDef::new(ForumCommitments::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(index("idx_forum_commitments_forum", ForumCommitments::Table, cols(&["forum_id"]))).await?;
        m.create_index(index(
            "idx_forum_commitments_open",
            ForumCommitments::Table,
            cols(&["unit_id", "status", "due_on"]),
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "forum_commitments",
            "forum_inputs",
            "forums",
            "evaluation_follow_ups",
            "evaluation_sessions",
            "assessment_reviews",
            "evaluation_teams",
        ] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
