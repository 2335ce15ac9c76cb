//! Fairer ratings, read side: the rater-bias radar of a unit and period, and the talent 9-box with
//! its succession shortlists (visible as the dashboard is: a unit's readers, the city's for the
//! whole Pemda).

use crate::error::ApiResult;
use crate::policy::{Capability, Viewer};
use crate::routes::list::{check_year, page_of, respond, PageQuery};
use crate::services::oversight::overseeing_team;
use crate::services::{rater_bias, talent};
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};
use kinerja_types::{Page, Problem, RaterBiasReport, TalentBoard, TalentRow};
use serde::Deserialize;
use std::collections::HashSet;
use utoipa::IntoParams;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(radar).service(board).service(people);
}

/// The unit and period of the radar.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RadarQuery {
    pub unit_id: i64,
    /// `2026`, `2026-Q3`, … as the Pemda assesses.
    pub period: String,
}

/// Each penilai of the unit's subtree with their ratings of the period counted and the flags they
/// raise (leniency, central tendency, halo, ratings without evidence), each with its figures. For
/// the head of the unit, the BKPSDM, the auditor, and the evaluation team overseeing the unit.
#[utoipa::path(tag = "assessments", security(("bearer" = [])), params(RadarQuery),
    responses((status = 200, body = RaterBiasReport), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/rater-bias")]
pub async fn radar(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<RadarQuery>,
) -> ApiResult<web::Json<RaterBiasReport>> {
    let db = &state.db;
    let on_team = overseeing_team(db, &viewer, q.unit_id).await?.is_some();
    if !on_team {
        crate::services::units::visible(db, &viewer, q.unit_id).await?;
    }
    viewer.require(Capability::ReadRaterBias { unit: q.unit_id, on_team })?;
    // The team alone sees no drafts; the head, the BKPSDM and the auditor do.
    let with_drafts = viewer.may(Capability::ReadRaterBias { unit: q.unit_id, on_team: false });
    let settings = state.settings().await?;
    let period = crate::services::assessments::check_period(&q.period, &settings)?;
    let subtree = crate::services::org_tree::unit_subtree(db, q.unit_id).await?;
    Ok(web::Json(rater_bias::report(db, &settings, q.unit_id, &subtree, &period, with_drafts).await?))
}

/// Whose 9-box.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TalentQuery {
    /// A unit's subtree (its readers); without it the whole Pemda (admin, auditor).
    pub unit_id: Option<i64>,
    /// The year of the predikat (default: this year).
    pub year: Option<i32>,
}

impl TalentQuery {
    /// The units asked for and the year: 403/404 unless the viewer reads them.
    async fn scope(&self, state: &AppState, viewer: &Viewer) -> ApiResult<(Option<HashSet<i64>>, i32)> {
        let year = match self.year {
            Some(y) => check_year("year", y)?,
            None => chrono::Datelike::year(&state.settings().await?.today()),
        };
        let within = match self.unit_id {
            Some(unit) => {
                crate::services::units::with(&state.db, viewer, unit, Capability::ReadUnit).await?;
                Some(crate::services::org_tree::unit_subtree(&state.db, unit).await?)
            }
            None => {
                viewer.require(Capability::ReadCity)?;
                None
            }
        };
        Ok((within, year))
    }
}

/// The 9-box: how many people each box holds, and a succession shortlist (boxes 7–9) for every
/// JPT and administrator post, with the competency gaps each candidate must close.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(TalentQuery),
    responses((status = 200, body = TalentBoard), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/talent")]
pub async fn board(
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<TalentQuery>,
) -> ApiResult<web::Json<TalentBoard>> {
    let (within, year) = q.scope(&state, &viewer).await?;
    let settings = state.settings().await?;
    let (board, _) = talent::board(&state.db, &settings, q.unit_id, within.as_ref(), year, true).await?;
    Ok(web::Json(board))
}

/// Everyone on the 9-box with their predikat, match and box; JSON, CSV or XLSX.
#[utoipa::path(tag = "competencies", security(("bearer" = [])), params(TalentQuery, PageQuery),
    responses((status = 200, body = Page<TalentRow>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
#[get("/talent/people")]
pub async fn people(
    req: HttpRequest,
    state: web::Data<AppState>,
    viewer: Viewer,
    q: web::Query<TalentQuery>,
    paging: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let (within, year) = q.scope(&state, &viewer).await?;
    let settings = state.settings().await?;
    let (_, mut rows) = talent::board(&state.db, &settings, q.unit_id, within.as_ref(), year, false).await?;
    rows.sort_by(|a, b| b.nine_box.cmp(&a.nine_box).then(a.name.cmp(&b.name)));
    respond(&req, &paging, page_of(rows, &paging), "talenta-9-kotak")
}
