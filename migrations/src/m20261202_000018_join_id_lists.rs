//! The id lists kept as JSON become join tables with foreign keys: a team's members and units, the
//! employees discussed in an evaluation session, the aspirasi a forum commitment answers, and the
//! evidence of a realisation note. The lists are copied row by row (ids that no longer exist are
//! dropped, as a foreign key would have refused them), then the JSON columns go.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One list: the owner table and its JSON column, the join table, its two columns and the table
/// the listed ids point to.
struct List {
    owner: &'static str,
    column: &'static str,
    join: &'static str,
    owner_key: &'static str,
    item_key: &'static str,
    items: &'static str,
}

const LISTS: [List; 5] = [
    List {
        owner: "evaluation_teams",
        column: "member_ids",
        join: "evaluation_team_members",
        owner_key: "team_id",
        item_key: "employee_id",
        items: "employees",
    },
    List {
        owner: "evaluation_teams",
        column: "unit_ids",
        join: "evaluation_team_units",
        owner_key: "team_id",
        item_key: "unit_id",
        items: "units",
    },
    List {
        owner: "evaluation_sessions",
        column: "employee_ids",
        join: "evaluation_session_employees",
        owner_key: "session_id",
        item_key: "employee_id",
        items: "employees",
    },
    List {
        owner: "forum_commitments",
        column: "input_ids",
        join: "forum_commitment_inputs",
        owner_key: "commitment_id",
        item_key: "input_id",
        items: "forum_inputs",
    },
    List {
        owner: "realization_notes",
        column: "evidence_ids",
        join: "realization_note_evidence",
        owner_key: "note_id",
        item_key: "evidence_id",
        items: "evidence",
    },
];

/// `[1, 2, 3]` as written by the server; anything else holds no id.
fn parse_ids(raw: &str) -> Vec<i64> {
    raw.trim().trim_start_matches('[').trim_end_matches(']').split(',').filter_map(|p| p.trim().parse().ok()).collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for l in &LISTS {
            let (owner_key, item_key) = (Alias::new(l.owner_key), Alias::new(l.item_key));
            m.create_table(
                Table::create()
                    .table(Alias::new(l.join))
                    .col(ColumnDef::new(owner_key.clone()).big_integer().not_null())
                    .col(ColumnDef::new(item_key.clone()).big_integer().not_null())
                    .primary_key(Index::create().col(owner_key.clone()).col(item_key.clone()))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Alias::new(l.join), owner_key.clone())
                            .to(Alias::new(l.owner), Alias::new("id"))
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Alias::new(l.join), item_key.clone())
                            .to(Alias::new(l.items), Alias::new("id")),
                    )
                    .to_owned(),
            )
            .await?;
            // Who is on which team, which sessions discussed someone: read by the listed id.
            m.create_index(
                Index::create()
                    .name(format!("idx_{}_{}", l.join, l.item_key))
                    .table(Alias::new(l.join))
                    .col(item_key.clone())
                    .to_owned(),
            )
            .await?;
            copy_into_join(m, l).await?;
        }
        for l in &LISTS {
            m.alter_table(Table::alter().table(Alias::new(l.owner)).drop_column(Alias::new(l.column)).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for l in &LISTS {
            m.alter_table(
                Table::alter()
                    .table(Alias::new(l.owner))
                    .add_column(ColumnDef::new(Alias::new(l.column)).text().not_null().default("[]"))
                    .to_owned(),
            )
            .await?;
            copy_into_json(m, l).await?;
            m.drop_table(Table::drop().table(Alias::new(l.join)).to_owned()).await?;
        }
        Ok(())
    }
}

async fn copy_into_join(m: &SchemaManager<'_>, l: &List) -> Result<(), DbErr> {
    let db = m.get_connection();
    let rows = db
        .query_all(
            &Query::select().columns([Alias::new("id"), Alias::new(l.column)]).from(Alias::new(l.owner)).to_owned(),
        )
        .await?;
    for row in rows {
        let owner: i64 = row.try_get("", "id")?;
        let raw: String = row.try_get("", l.column)?;
        for item in parse_ids(&raw) {
            // Only ids that still exist, once each.
            let existing = Query::select()
                .expr(Expr::val(owner))
                .column(Alias::new("id"))
                .from(Alias::new(l.items))
                .and_where(Expr::col(Alias::new("id")).eq(item))
                .and_where(
                    Expr::exists(
                        Query::select()
                            .expr(Expr::val(1))
                            .from(Alias::new(l.join))
                            .and_where(Expr::col(Alias::new(l.owner_key)).eq(owner))
                            .and_where(Expr::col(Alias::new(l.item_key)).eq(item))
                            .to_owned(),
                    )
                    .not(),
                )
                .to_owned();
            let insert = Query::insert()
                .into_table(Alias::new(l.join))
                .columns([Alias::new(l.owner_key), Alias::new(l.item_key)])
                .select_from(existing)
                .map_err(|e| DbErr::Custom(e.to_string()))?
                .to_owned();
            db.execute(&insert).await?;
        }
    }
    Ok(())
}

async fn copy_into_json(m: &SchemaManager<'_>, l: &List) -> Result<(), DbErr> {
    let db = m.get_connection();
    let rows = db
        .query_all(
            &Query::select()
                .columns([Alias::new(l.owner_key), Alias::new(l.item_key)])
                .from(Alias::new(l.join))
                .order_by(Alias::new(l.owner_key), Order::Asc)
                .order_by(Alias::new(l.item_key), Order::Asc)
                .to_owned(),
        )
        .await?;
    let mut lists: std::collections::BTreeMap<i64, Vec<i64>> = std::collections::BTreeMap::new();
    for row in rows {
        lists.entry(row.try_get("", l.owner_key)?).or_default().push(row.try_get("", l.item_key)?);
    }
    for (owner, items) in lists {
        let json = format!("[{}]", items.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
        db.execute(
            &Query::update()
                .table(Alias::new(l.owner))
                .value(Alias::new(l.column), json)
                .and_where(Expr::col(Alias::new("id")).eq(owner))
                .to_owned(),
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_ids;

    #[test]
    fn reads_the_lists_the_server_wrote() {
        assert_eq!(parse_ids("[3,1,2]"), vec![3, 1, 2]);
        assert_eq!(parse_ids("[]"), Vec::<i64>::new());
        assert_eq!(parse_ids(" [ 7 , 8 ] "), vec![7, 8]);
    }
}
