//! Indicator feeds: values another system counted for an RHK indicator, posted with an API token
//! (or a CSV file), kept with their provenance; the penilai accepts or refuses each feed (one
//! source for one indicator) once, and only accepted values count in the realisation.

use super::csv_import::{err, CsvFile, ImportFailure};
use crate::audit::{self, Actor, Change};
use crate::entities::{
    employees, indicator_feed_values as values, indicator_feeds as feeds, rhk, rhk_indicators, skps,
};
use crate::error::{ApiError, ApiResult};
use crate::policy::{Capability, Viewer};
use chrono::{NaiveDate, Utc};
use kinerja_domain::feed::{DecisionError, FedValue};
use kinerja_domain::{FeedStatus, Period, SkpStatus};
use kinerja_types::{
    FedRealization, FeedDecision, FeedValue, ImportReport, IndicatorFeed, Invalid, Issue, NewFeedValue,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

/// The indicator a value is posted for, with its SKP and the owner.
struct Target {
    indicator: rhk_indicators::Model,
    skp: skps::Model,
}

/// The indicator as the poster may feed it: 404 when it does not exist or lies outside the
/// viewer's scope, 403 unless the viewer may feed it, 422 unless its SKP is approved.
async fn target(db: &impl ConnectionTrait, viewer: &Viewer, indicator_id: i64) -> ApiResult<Target> {
    let indicator = rhk_indicators::Entity::find_by_id(indicator_id).one(db).await?.ok_or(ApiError::NotFound)?;
    let plan = rhk::Entity::find_by_id(indicator.rhk_id).one(db).await?.ok_or(ApiError::NotFound)?;
    let skp = skps::Entity::find_by_id(plan.skp_id).one(db).await?.ok_or(ApiError::NotFound)?;
    let owner = crate::services::people::find_visible(db, viewer.scope(), skp.employee_id).await?;
    viewer.require(Capability::FeedIndicators(Some(owner.unit_id)))?;
    if skp.status != SkpStatus::Approved || skp.superseded {
        return Err(ApiError::field("indicator_id", Invalid::FeedSkpNotInForce));
    }
    Ok(Target { indicator, skp })
}

/// A value checked against its indicator: the period in the SKP's year, a finite value of zero
/// or more. The field and the issue when not.
fn check(body: &NewFeedValue, skp_year: i32) -> Result<Period, (&'static str, Issue)> {
    if !body.value.is_finite() || body.value < 0.0 {
        return Err(("value", Invalid::FeedValue.into()));
    }
    let period: Period = body.period.trim().parse().map_err(|e| ("period", Issue::from(&e)))?;
    if period.year() != skp_year {
        return Err(("period", Issue::new(Invalid::PeriodOutsideSkpYear).with("year", skp_year)));
    }
    if body.source.trim().chars().count() < 2 {
        return Err(("source", Invalid::Required.into()));
    }
    if body.reference.trim().is_empty() {
        return Err(("reference", Invalid::Required.into()));
    }
    Ok(period)
}

/// Writes a checked value: the feed of (indicator, source) is opened `pending` the first time; a
/// value under a reference already posted replaces it. Audited. Whether it was new.
async fn write(
    txn: &DatabaseTransaction,
    actor: &Actor,
    t: &Target,
    body: &NewFeedValue,
    period: Period,
) -> ApiResult<(FeedValue, bool)> {
    let now = Utc::now();
    let source = body.source.trim().to_owned();
    let feed = match feeds::Entity::find()
        .filter(feeds::Column::IndicatorId.eq(t.indicator.id))
        .filter(feeds::Column::Source.eq(&source))
        .one(txn)
        .await?
    {
        Some(f) => f,
        None => {
            use crate::error::ConflictExt;
            feeds::ActiveModel {
                indicator_id: Set(t.indicator.id),
                skp_id: Set(t.skp.id),
                employee_id: Set(t.skp.employee_id),
                source: Set(source.clone()),
                status: Set(FeedStatus::Pending),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await
            .on_conflict("umpan data ini baru saja dibuat oleh kiriman lain; kirim ulang")?
        }
    };
    let reference = body.reference.trim().to_owned();
    // One kind of period per feed (months, or quarters, ...): a month and its quarter from the same
    // source would count the same work twice.
    let other = values::Entity::find()
        .filter(values::Column::FeedId.eq(feed.id))
        .filter(values::Column::Reference.ne(&reference))
        .one(txn)
        .await?;
    if let Some(other) = other.filter(|o| !same_kind(&o.period, period)) {
        return Err(ApiError::field("period", Issue::new(Invalid::FeedPeriodKind).with("period", &other.period)));
    }
    let (from, to) = period.bounds();
    let existing = values::Entity::find()
        .filter(values::Column::FeedId.eq(feed.id))
        .filter(values::Column::Reference.eq(&reference))
        .one(txn)
        .await?;
    let created = existing.is_none();
    let fill = |mut row: values::ActiveModel| {
        row.period = Set(period.to_string());
        row.date_from = Set(from);
        row.date_to = Set(to);
        row.value = Set(body.value);
        row.posted_by = Set(actor.label.clone());
        row.posted_at = Set(now);
        row
    };
    let saved = match existing {
        Some(v) => fill(v.into_active_model()).update(txn).await?,
        None => {
            use crate::error::ConflictExt;
            fill(values::ActiveModel { feed_id: Set(feed.id), reference: Set(reference), ..Default::default() })
                .insert(txn)
                .await
                .on_conflict("nilai dengan referensi ini baru saja dikirim oleh kiriman lain; kirim ulang")?
        }
    };
    let wire = value_wire(&saved, &feed);
    let action = if created { "indicator_feed.post" } else { "indicator_feed.correct" };
    audit::record(txn, actor, Change::new(action, "indicator_feed", feed.id).after(&wire)).await?;
    Ok((wire, created))
}

/// Whether a stored period is of the same kind (month, quarter, semester, year) as `period`.
fn same_kind(stored: &str, period: Period) -> bool {
    stored.parse::<Period>().is_ok_and(|p| std::mem::discriminant(&p) == std::mem::discriminant(&period))
}

fn value_wire(v: &values::Model, f: &feeds::Model) -> FeedValue {
    FeedValue {
        id: v.id,
        feed_id: f.id,
        indicator_id: f.indicator_id,
        period: v.period.clone(),
        value: v.value,
        source: f.source.clone(),
        reference: v.reference.clone(),
        posted_by: v.posted_by.clone(),
        posted_at: v.posted_at,
        status: f.status,
    }
}

/// Posts one value (a token or an admin within scope). The value, and whether it was new.
pub async fn post(txn: &DatabaseTransaction, viewer: &Viewer, body: &NewFeedValue) -> ApiResult<(FeedValue, bool)> {
    let t = target(txn, viewer, body.indicator_id).await?;
    let period = check(body, t.skp.year).map_err(|(field, issue)| ApiError::field(field, issue))?;
    write(txn, &viewer.actor(), &t, body, period).await
}

/// The CSV columns of an import.
const COLUMNS: [&str; 5] = ["indicator_id", "period", "value", "source", "reference"];

/// Imports values from a CSV (`indicator_id,period,value,source,reference`), all or nothing:
/// every row is checked as a posted value would be, and the bad ones are named by line. The
/// caller was checked to feed at all (`Capability::FeedIndicators(None)`).
pub async fn import(txn: &DatabaseTransaction, viewer: &Viewer, bytes: &[u8]) -> Result<ImportReport, ImportFailure> {
    let file = CsvFile::read(bytes, &COLUMNS)?;
    let mut errors = file.errors.clone();
    let mut rows = Vec::new();
    let mut targets: HashMap<i64, Option<std::sync::Arc<Target>>> = HashMap::new();
    let mut seen: HashMap<(i64, String, String), u64> = HashMap::new();
    for (line, record) in &file.records {
        let line = *line;
        let raw_id = file.get(record, "indicator_id");
        let Ok(indicator_id) = raw_id.parse::<i64>() else {
            errors.push(err(line, "indicator_id", Issue::new(Invalid::IndicatorUnknown).with("value", raw_id)));
            continue;
        };
        // A decimal comma as Indonesian Excel writes it; a cell that is no number is a bad row.
        let Ok(value) = file.get(record, "value").replace(',', ".").parse::<f64>() else {
            errors.push(err(line, "value", Invalid::FeedValue));
            continue;
        };
        let body = NewFeedValue {
            indicator_id,
            period: file.get(record, "period").to_owned(),
            value,
            source: file.get(record, "source").to_owned(),
            reference: file.get(record, "reference").to_owned(),
        };
        if body.source.chars().count() > 100 {
            errors.push(err(line, "source", Issue::new(Invalid::LengthMax).with("max", 100)));
            continue;
        }
        if body.reference.chars().count() > 200 {
            errors.push(err(line, "reference", Issue::new(Invalid::LengthMax).with("max", 200)));
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = targets.entry(indicator_id) {
            let found = match target(txn, viewer, indicator_id).await {
                Ok(t) => Some(std::sync::Arc::new(t)),
                Err(ApiError::NotFound | ApiError::Forbidden(_)) => None,
                Err(ApiError::Validation { .. }) => {
                    errors.push(err(line, "indicator_id", Invalid::FeedSkpNotInForce));
                    continue;
                }
                Err(e) => return Err(e.into()),
            };
            slot.insert(found);
        }
        let Some(t) = targets.get(&indicator_id).cloned().flatten() else {
            errors.push(err(line, "indicator_id", Issue::new(Invalid::IndicatorUnknown).with("value", indicator_id)));
            continue;
        };
        match check(&body, t.skp.year) {
            Ok(period) => {
                let key = (indicator_id, body.source.trim().to_owned(), body.reference.trim().to_owned());
                if let Some(first) = seen.insert(key, line) {
                    errors.push(err(line, "reference", Issue::new(Invalid::ReferenceTwice).with("line", first)));
                    continue;
                }
                rows.push((t, body, period));
            }
            Err((field, issue)) => errors.push(err(line, field, issue)),
        }
    }
    if file.records.is_empty() && errors.is_empty() {
        errors.push(err(2, "file", Invalid::FileEmpty));
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportFailure::Rows(errors));
    }
    let actor = viewer.actor();
    let mut report = ImportReport { created: 0, updated: 0 };
    for (t, body, period) in rows {
        let (_, created) = write(txn, &actor, &t, &body, period).await?;
        if created {
            report.created += 1;
        } else {
            report.updated += 1;
        }
    }
    Ok(report)
}

/// What a feed list asks for.
pub struct Filter {
    pub skp_id: Option<i64>,
    pub status: Option<FeedStatus>,
}

/// Feeds the viewer may read (those of SKPs they may read), pending first then newest: one page
/// and the total.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    filter: &Filter,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<IndicatorFeed>, u64)> {
    let mut select = feeds::Entity::find();
    if let Some(skp_id) = filter.skp_id {
        crate::services::skp::find_readable(db, viewer, skp_id).await?;
        select = select.filter(feeds::Column::SkpId.eq(skp_id));
    } else if let Some(visible) = viewer.scope().employee_column_filter(feeds::Column::EmployeeId) {
        select = select.filter(visible);
    }
    if let Some(status) = filter.status {
        select = select.filter(feeds::Column::Status.eq(status));
    }
    // Undecided first (NULL sorts first on both databases only when asked), then the latest
    // decisions.
    let select = select
        .order_by_with_nulls(feeds::Column::DecidedAt, sea_orm::Order::Desc, sea_orm::sea_query::NullOrdering::First)
        .order_by_desc(feeds::Column::Id);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((wire(db, rows).await?, total))
}

/// Feeds on the wire, with their indicator, owner and values.
async fn wire(db: &impl ConnectionTrait, rows: Vec<feeds::Model>) -> ApiResult<Vec<IndicatorFeed>> {
    let indicators: HashMap<i64, rhk_indicators::Model> = rhk_indicators::Entity::find()
        .filter(rhk_indicators::Column::Id.is_in(rows.iter().map(|f| f.indicator_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let rhk_text: HashMap<i64, String> = rhk::Entity::find()
        .filter(rhk::Column::Id.is_in(indicators.values().map(|i| i.rhk_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.text))
        .collect();
    let names: HashMap<i64, String> = employees::Entity::find()
        .filter(employees::Column::Id.is_in(rows.iter().map(|f| f.employee_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect();
    let mut sums: HashMap<i64, (u64, f64, Option<chrono::DateTime<Utc>>)> = HashMap::new();
    for v in values::Entity::find().filter(values::Column::FeedId.is_in(rows.iter().map(|f| f.id))).all(db).await? {
        let s = sums.entry(v.feed_id).or_default();
        s.0 += 1;
        s.1 += v.value;
        s.2 = s.2.max(Some(v.posted_at));
    }
    Ok(rows
        .into_iter()
        .map(|f| {
            let i = indicators.get(&f.indicator_id);
            let (count, total, latest) = sums.get(&f.id).copied().unwrap_or_default();
            IndicatorFeed {
                id: f.id,
                skp_id: f.skp_id,
                employee_id: f.employee_id,
                employee_name: names.get(&f.employee_id).cloned().unwrap_or_default(),
                rhk: i.and_then(|i| rhk_text.get(&i.rhk_id).cloned()).unwrap_or_default(),
                indicator_id: f.indicator_id,
                indicator: i.map(|i| i.text.clone()).unwrap_or_default(),
                aspect: i.map_or(kinerja_domain::Aspect::Kuantitas, |i| i.aspect),
                unit: i.map(|i| i.unit.clone()).unwrap_or_default(),
                source: f.source,
                status: f.status,
                values: count,
                total: (total * 100.0).round() / 100.0,
                latest_at: latest,
                decided_by: f.decided_by,
                decided_at: f.decided_at,
                reason: f.reason,
            }
        })
        .collect())
}

/// A feed the viewer may read (404 otherwise), with its SKP.
async fn find_readable(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> ApiResult<(feeds::Model, skps::Model)> {
    let feed = feeds::Entity::find_by_id(id).one(db).await?.ok_or(ApiError::NotFound)?;
    let skp = crate::services::skp::find_readable(db, viewer, feed.skp_id).await?;
    Ok((feed, skp))
}

/// A feed's values, latest period first: one page and the total.
pub async fn values_of(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    id: i64,
    offset: u64,
    limit: u64,
) -> ApiResult<(Vec<FeedValue>, u64)> {
    let (feed, _) = find_readable(db, viewer, id).await?;
    let select = values::Entity::find()
        .filter(values::Column::FeedId.eq(feed.id))
        .order_by_desc(values::Column::DateTo)
        .order_by_desc(values::Column::Id);
    let (rows, total) = super::paging::fetch(db, select, offset, limit).await?;
    Ok((rows.iter().map(|v| value_wire(v, &feed)).collect(), total))
}

/// The penilai's decision on a feed, given once: the same answer again changes nothing, the other
/// answer is a 409. A refusal needs its reason. Audited; the owner is told.
pub async fn decide(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: i64,
    body: &FeedDecision,
) -> ApiResult<IndicatorFeed> {
    let (feed, skp) = find_readable(txn, viewer, id).await?;
    crate::services::skp::penilai_role(viewer, &skp)?;
    let reason = body.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
    if !body.accept && reason.is_none() {
        return Err(ApiError::field("reason", Invalid::FeedRefusalReason));
    }
    let next = feed.status.decide(body.accept).map_err(|DecisionError::AlreadyDecided(done)| {
        ApiError::Conflict(match done {
            FeedStatus::Accepted => "umpan data ini sudah diterima; keputusan diberikan sekali".into(),
            _ => "umpan data ini sudah ditolak; keputusan diberikan sekali".into(),
        })
    })?;
    if next == feed.status {
        return Ok(wire(txn, vec![feed]).await?.remove(0));
    }
    let before = wire(txn, vec![feed.clone()]).await?.remove(0);
    let name = viewer.profile().and_then(|p| p.employee.as_ref()).map(|e| e.name.clone());
    // Decided only while still pending: of two decisions at once, one wins and the other is a 409.
    let done = feeds::Entity::update_many()
        .col_expr(feeds::Column::Status, Expr::value(next.as_str()))
        .col_expr(feeds::Column::DecidedBy, Expr::value(Some(name.unwrap_or_else(|| viewer.username.clone()))))
        .col_expr(feeds::Column::DecidedAt, Expr::value(Some(Utc::now())))
        .col_expr(feeds::Column::Reason, Expr::value(if body.accept { None } else { reason }))
        .filter(feeds::Column::Id.eq(feed.id))
        .filter(feeds::Column::Status.eq(FeedStatus::Pending))
        .exec(txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(ApiError::Conflict("umpan data ini baru saja diputuskan; muat ulang halaman".into()));
    }
    let saved = feeds::Entity::find_by_id(feed.id).one(txn).await?.ok_or(ApiError::NotFound)?;
    let after = wire(txn, vec![saved]).await?.remove(0);
    audit::record(
        txn,
        &viewer.actor(),
        Change::new("indicator_feed.decide", "indicator_feed", after.id).before(&before).after(&after),
    )
    .await?;
    Ok(after)
}

/// The accepted values of the indicators that fall within `[from, to]`, per indicator: as the
/// domain counts them, and as the realisation shows them.
pub async fn accepted(
    db: &impl ConnectionTrait,
    indicator_ids: &[i64],
    from: NaiveDate,
    to: NaiveDate,
) -> ApiResult<HashMap<i64, Vec<(FedValue, FedRealization)>>> {
    let accepted: HashMap<i64, feeds::Model> = feeds::Entity::find()
        .filter(feeds::Column::IndicatorId.is_in(indicator_ids.to_vec()))
        .filter(feeds::Column::Status.eq(FeedStatus::Accepted))
        .all(db)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let mut out: HashMap<i64, Vec<(FedValue, FedRealization)>> = HashMap::new();
    if accepted.is_empty() {
        return Ok(out);
    }
    let rows = values::Entity::find()
        .filter(values::Column::FeedId.is_in(accepted.keys().copied()))
        .filter(Condition::all().add(values::Column::DateFrom.gte(from)).add(values::Column::DateTo.lte(to)))
        .order_by_asc(values::Column::DateTo)
        .order_by_asc(values::Column::Id)
        .all(db)
        .await?;
    for v in rows {
        let Some(f) = accepted.get(&v.feed_id) else { continue };
        out.entry(f.indicator_id).or_default().push((
            FedValue { until: v.date_to, posted_at: v.posted_at, value: v.value },
            FedRealization {
                source: f.source.clone(),
                reference: v.reference,
                period: v.period,
                value: v.value,
                posted_at: v.posted_at,
                accepted_by: f.decided_by.clone(),
            },
        ));
    }
    Ok(out)
}
