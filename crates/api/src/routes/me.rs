//! `GET /me`: the signed-in user.

use crate::access::Viewer;
use crate::entities::{employees, users};
use crate::error::{ApiError, ApiResult};
use crate::routes::employees::to_wire;
use crate::state::AppState;
use actix_web::{get, web};
use kinerja_types::{Me, Problem};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(me);
}

/// The signed-in user, its roles and its employee record.
#[utoipa::path(tag = "auth", security(("bearer" = [])), responses((status = 200, body = Me), (status = 401, body = Problem)))]
#[get("/me")]
pub async fn me(state: web::Data<AppState>, viewer: Viewer) -> ApiResult<web::Json<Me>> {
    let user = users::Entity::find_by_id(viewer.user_id).one(&state.db).await?.ok_or(ApiError::NotFound)?;
    let employee = match user.employee_id {
        Some(id) => employees::Entity::find_by_id(id).one(&state.db).await?,
        None => None,
    };
    let is_supervisor = match &employee {
        Some(e) => {
            employees::Entity::find().filter(employees::Column::SupervisorId.eq(e.id)).count(&state.db).await? > 0
        }
        None => false,
    };
    let supervisor_name = match employee.as_ref().and_then(|e| e.supervisor_id) {
        Some(s) => {
            employees::Entity::find_by_id(s).one(&state.db).await?.map(|b| format!("{} ({})", b.name, b.position_title))
        }
        None => None,
    };
    let employee = employee.map(|e| to_wire(&e));
    Ok(web::Json(Me {
        id: user.id,
        display_name: employee.as_ref().map(|e| e.name.clone()).unwrap_or_else(|| user.username.clone()),
        username: user.username,
        roles: viewer.roles,
        unit_id: user.unit_id,
        employee,
        is_supervisor,
        supervisor_name,
        must_change_password: user.must_change_password,
    }))
}
