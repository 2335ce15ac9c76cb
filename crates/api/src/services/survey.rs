//! The satisfaction survey citizens send without an account: nine answers from 1 to 4, a short
//! profile and a comment, kept once (the same survey sent again within minutes is refused).

use crate::entities::surveys;
use crate::error::{ApiError, ApiResult};
use crate::services::public_codes::fingerprint;
use chrono::{Duration, NaiveDate, Utc};
use kinerja_types::{FieldError, Invalid, Issue, NewSurvey};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// 422 unless there are nine answers, each from 1 to 4 (every wrong one named).
pub fn check_answers(body: &NewSurvey) -> ApiResult<()> {
    let mut errors = Vec::new();
    if body.answers.len() != 9 {
        errors.push(FieldError::new("answers", Issue::new(Invalid::SurveyAnswerCount).with("n", body.answers.len())));
    }
    for (i, a) in body.answers.iter().enumerate() {
        if !(1..=4).contains(a) {
            errors.push(FieldError::new(format!("answers[{i}]"), Invalid::SurveyAnswerRange));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::fields(errors));
    }
    Ok(())
}

/// Keeps a checked survey of the unit for the month of `today`; without a kiosk, 409 if the same
/// client sent the same survey in the last ten minutes.
pub async fn store(
    db: &impl ConnectionTrait,
    client: &str,
    unit_id: i64,
    kiosk_id: Option<i64>,
    body: &NewSurvey,
    today: NaiveDate,
) -> ApiResult<()> {
    let answers: String = body.answers.iter().map(|a| char::from(b'0' + a)).collect();
    let comment = body.comment.as_deref().map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned);
    let print = fingerprint(&[client, &unit_id.to_string(), &answers, comment.as_deref().unwrap_or("")]);
    if kiosk_id.is_none() {
        let recent = surveys::Entity::find()
            .filter(surveys::Column::Fingerprint.eq(print.clone()))
            .filter(surveys::Column::CreatedAt.gt(Utc::now() - Duration::minutes(10)))
            .one(db)
            .await?;
        if recent.is_some() {
            return Err(ApiError::Conflict("survei yang sama baru saja dikirim; terima kasih".into()));
        }
    }
    let profile = serde_json::json!({
        "age_band": body.age_band, "sex": body.sex, "education": body.education, "occupation": body.occupation
    });
    surveys::ActiveModel {
        unit_id: Set(unit_id),
        period: Set(today.format("%Y-%m").to_string()),
        answers: Set(answers),
        profile: Set(Some(profile.to_string())),
        comment: Set(comment),
        kiosk_id: Set(kiosk_id),
        fingerprint: Set(print),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
