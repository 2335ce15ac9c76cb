//! Column shapes and helpers the migrations share.

use sea_orm_migration::prelude::*;

/// A `BIGINT` auto-increment primary key.
pub fn id<T: IntoIden + 'static>(col: T) -> ColumnDef {
    ColumnDef::new(col).big_integer().not_null().auto_increment().primary_key().to_owned()
}

/// Adds columns to `table`, one statement each (SQLite adds one column at a time).
pub async fn add_columns(manager: &SchemaManager<'_>, table: &str, columns: Vec<ColumnDef>) -> Result<(), DbErr> {
    for mut column in columns {
        manager.alter_table(Table::alter().table(Alias::new(table)).add_column(&mut column).to_owned()).await?;
    }
    Ok(())
}

/// Runs SQL as written (one or more statements, in one batch on one connection).
pub async fn run(manager: &SchemaManager<'_>, sql: &str) -> Result<(), DbErr> {
    use sea_orm_migration::sea_orm::ConnectionTrait;
    manager.get_connection().execute_unprepared(sql).await.map(|_| ())
}

/// Drops columns of `table`, one statement each.
pub async fn drop_columns(manager: &SchemaManager<'_>, table: &str, columns: &[&str]) -> Result<(), DbErr> {
    for column in columns {
        manager
            .alter_table(Table::alter().table(Alias::new(table)).drop_column(Alias::new(*column)).to_owned())
            .await?;
    }
    Ok(())
}
