//! Competencies and development (PermenPANRB 38/2017): the catalogue, the levels each position
//! requires, the levels assessed per employee, development plans and their trainings. The catalogue
//! itself is filled by the server on start when empty (its texts live in the domain crate).

use crate::common::id;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Competencies {
    Table,
    Id,
    Code,
    Kind,
    Name,
    Description,
    Levels,
    Active,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PositionCompetencies {
    Table,
    Id,
    PositionTitle,
    CompetencyId,
    RequiredLevel,
}

#[derive(DeriveIden)]
enum CompetencyAssessments {
    Table,
    Id,
    EmployeeId,
    CompetencyId,
    Level,
    AssessedOn,
    Source,
    Evidence,
    AssessedByUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DevelopmentPlans {
    Table,
    Id,
    EmployeeId,
    Year,
    Status,
    Goals,
    Focus,
    Mandatory,
    CreatedByUserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Trainings {
    Table,
    Id,
    PlanId,
    EmployeeId,
    CompetencyId,
    Course,
    Provider,
    Hours,
    StartOn,
    EndOn,
    Status,
    Evidence,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Competencies::Table)
                .col(id(Competencies::Id))
                .col(ColumnDef::new(Competencies::Code).string_len(16).not_null().unique_key())
                .col(ColumnDef::new(Competencies::Kind).string_len(20).not_null())
                .col(ColumnDef::new(Competencies::Name).string_len(120).not_null())
                .col(ColumnDef::new(Competencies::Description).text().not_null())
                .col(ColumnDef::new(Competencies::Levels).text().not_null())
                .col(ColumnDef::new(Competencies::Active).boolean().not_null().default(true))
                .col(ColumnDef::new(Competencies::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PositionCompetencies::Table)
                .col(id(PositionCompetencies::Id))
                .col(ColumnDef::new(PositionCompetencies::PositionTitle).string_len(200).not_null())
                .col(ColumnDef::new(PositionCompetencies::CompetencyId).big_integer().not_null())
                .col(ColumnDef::new(PositionCompetencies::RequiredLevel).integer().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_position_competencies_key")
                .table(PositionCompetencies::Table)
                .col(PositionCompetencies::PositionTitle)
                .col(PositionCompetencies::CompetencyId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CompetencyAssessments::Table)
                .col(id(CompetencyAssessments::Id))
                .col(ColumnDef::new(CompetencyAssessments::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(CompetencyAssessments::CompetencyId).big_integer().not_null())
                .col(ColumnDef::new(CompetencyAssessments::Level).integer().not_null())
                .col(ColumnDef::new(CompetencyAssessments::AssessedOn).date().not_null())
                .col(ColumnDef::new(CompetencyAssessments::Source).string_len(20).not_null())
                .col(ColumnDef::new(CompetencyAssessments::Evidence).text())
                .col(ColumnDef::new(CompetencyAssessments::AssessedByUserId).big_integer())
                .col(ColumnDef::new(CompetencyAssessments::CreatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_competency_assessments_employee")
                .table(CompetencyAssessments::Table)
                .col(CompetencyAssessments::EmployeeId)
                .col(CompetencyAssessments::CompetencyId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DevelopmentPlans::Table)
                .col(id(DevelopmentPlans::Id))
                .col(ColumnDef::new(DevelopmentPlans::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(DevelopmentPlans::Year).integer().not_null())
                .col(ColumnDef::new(DevelopmentPlans::Status).string_len(16).not_null())
                .col(ColumnDef::new(DevelopmentPlans::Goals).text().not_null())
                .col(ColumnDef::new(DevelopmentPlans::Focus).text().not_null())
                .col(ColumnDef::new(DevelopmentPlans::Mandatory).boolean().not_null())
                .col(ColumnDef::new(DevelopmentPlans::CreatedByUserId).big_integer())
                .col(ColumnDef::new(DevelopmentPlans::CreatedAt).timestamp_with_time_zone().not_null())
                .col(ColumnDef::new(DevelopmentPlans::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_development_plans_employee")
                .table(DevelopmentPlans::Table)
                .col(DevelopmentPlans::EmployeeId)
                .col(DevelopmentPlans::Year)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Trainings::Table)
                .col(id(Trainings::Id))
                .col(ColumnDef::new(Trainings::PlanId).big_integer().not_null())
                .col(ColumnDef::new(Trainings::EmployeeId).big_integer().not_null())
                .col(ColumnDef::new(Trainings::CompetencyId).big_integer())
                .col(ColumnDef::new(Trainings::Course).string_len(200).not_null())
                .col(ColumnDef::new(Trainings::Provider).string_len(200).not_null())
                .col(ColumnDef::new(Trainings::Hours).integer().not_null())
                .col(ColumnDef::new(Trainings::StartOn).date().not_null())
                .col(ColumnDef::new(Trainings::EndOn).date().not_null())
                .col(ColumnDef::new(Trainings::Status).string_len(16).not_null())
                .col(ColumnDef::new(Trainings::Evidence).text())
                .col(ColumnDef::new(Trainings::UpdatedAt).timestamp_with_time_zone().not_null())
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_trainings_employee_start")
                .table(Trainings::Table)
                .col(Trainings::EmployeeId)
                .col(Trainings::StartOn)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("idx_trainings_plan").table(Trainings::Table).col(Trainings::PlanId).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["trainings", "development_plans", "competency_assessments", "position_competencies", "competencies"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned()).await?;
        }
        Ok(())
    }
}
