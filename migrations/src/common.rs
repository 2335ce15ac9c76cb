//! Column shapes every migration uses.

use sea_orm_migration::prelude::*;

/// A `BIGINT` auto-increment primary key.
pub fn id<T: IntoIden + 'static>(col: T) -> ColumnDef {
    ColumnDef::new(col).big_integer().not_null().auto_increment().primary_key().to_owned()
}
