//! Employees as the policy lets a viewer reach them.

use crate::entities::employees;
use crate::error::{ApiError, ApiResult};
use crate::policy::Scope;
use sea_orm::{ConnectionTrait, EntityTrait};

/// Loads an employee the viewer may see, else 404.
pub async fn find_visible(db: &impl ConnectionTrait, scope: &Scope, id: i64) -> ApiResult<employees::Model> {
    employees::Entity::find_by_id(id).one(db).await?.filter(|e| scope.sees_employee(e)).ok_or(ApiError::NotFound)
}
