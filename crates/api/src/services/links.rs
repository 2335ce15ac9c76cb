//! Id lists kept as join tables (a team's members and units, the employees a session discussed,
//! the aspirasi a commitment answers): read for many owners at once, and replaced whole.

use crate::error::{ApiError, ApiResult};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

/// The listed ids of each owner, in id order (owners with none are absent).
pub async fn of<E: EntityTrait>(
    db: &impl ConnectionTrait,
    owner: E::Column,
    item: E::Column,
    owners: &[i64],
) -> ApiResult<HashMap<i64, Vec<i64>>> {
    if owners.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, i64)> = E::find()
        .select_only()
        .column(owner)
        .column(item)
        .filter(owner.is_in(owners.to_vec()))
        .order_by_asc(item)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: HashMap<i64, Vec<i64>> = HashMap::new();
    for (o, i) in rows {
        out.entry(o).or_default().push(i);
    }
    Ok(out)
}

/// The owners that list `item` (the teams someone sits on, say).
pub async fn owners_of<E: EntityTrait>(
    db: &impl ConnectionTrait,
    owner: E::Column,
    item: E::Column,
    value: i64,
) -> ApiResult<Vec<i64>> {
    Ok(E::find().select_only().column(owner).filter(item.eq(value)).into_tuple().all(db).await?)
}

/// Replaces the owner's list (in the caller's transaction); repeats are stored once.
pub async fn replace<E: EntityTrait + Default>(
    db: &impl ConnectionTrait,
    owner: E::Column,
    item: E::Column,
    owner_id: i64,
    items: &[i64],
) -> ApiResult<()> {
    E::delete_many().filter(owner.eq(owner_id)).exec(db).await?;
    let mut items = items.to_vec();
    items.sort_unstable();
    items.dedup();
    if items.is_empty() {
        return Ok(());
    }
    let mut insert = Query::insert();
    insert.into_table(E::default()).columns([owner, item]);
    for i in items {
        insert.values([owner_id.into(), i.into()]).map_err(|e| ApiError::Internal(e.into()))?;
    }
    db.execute(&insert).await?;
    Ok(())
}
