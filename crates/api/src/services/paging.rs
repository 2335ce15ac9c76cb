//! One page of a query and the count of all its rows: what every list needs from the database.

use crate::error::ApiResult;
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait, QuerySelect, Select};

/// The rows `offset..offset + limit` of `select`, and how many rows it has in all.
pub async fn fetch<E, C>(db: &C, select: Select<E>, offset: u64, limit: u64) -> ApiResult<(Vec<E::Model>, u64)>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ConnectionTrait,
{
    let total = select.clone().count(db).await?;
    let items = select.offset(offset).limit(limit).all(db).await?;
    Ok((items, total))
}
