//! The OpenAPI document, generated from the handlers' annotations.

use crate::routes;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kinerja API",
        description = "Perencanaan, pemantauan dan penilaian kinerja ASN (PermenPANRB 6/2022) serta umpan balik masyarakat. \
                       Errors are RFC 9457 problem details; lists are paged and answer CSV with `Accept: text/csv` or `?format=csv`.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(routes::health::health, routes::health::ready),
    nest((path = "/api/v1", api = V1)),
    modifiers(&BearerAuth, &ProblemResponses, &ValidDocument),
    tags(
        (name = "health", description = "Liveness and readiness"),
        (name = "auth", description = "Sign-in and the signed-in user"),
        (name = "units", description = "The Pemda's organisation tree"),
        (name = "employees", description = "Employees (ASN) and their supervisors"),
        (name = "users", description = "User accounts and roles"),
        (name = "audit", description = "The tamper-evident audit log"),
        (name = "settings", description = "The Pemda's settings"),
        (name = "skp", description = "Perjanjian Kinerja, SKP planning, the cascade and the Peta Kinerja"),
        (name = "notifications", description = "In-app notifications"),
        (name = "activities", description = "Daily activities, evidence, verification and realisation"),
        (name = "feedback", description = "Continuous feedback and performance dialogues"),
        (name = "public", description = "What citizens use without an account: surveys, complaints, tracking, published IKM"),
        (name = "complaints", description = "The complaint queue and workflow for staff"),
        (name = "assessments", description = "Ratings, the predikat, objections, organisation predikat and calibration"),
        (name = "ikm", description = "A unit's satisfaction index, its publication and weights, and counter kiosks"),
        (name = "dashboard", description = "Unit dashboards and the city view"),
        (name = "tpp", description = "Attendance import and the monthly TPP allowance for payroll"),
        (name = "calendar", description = "The working calendar: leave and absences recorded by the BKPSDM, the year's holidays"),
        (name = "reports", description = "Flat reports for spreadsheets and other systems, JSON or CSV, with the same filters"),
        (name = "competencies", description = "Competency catalogue, position standards, assessed levels and gaps, development plans and jam pelajaran (JP) of training"),
        (name = "oversight", description = "The independent evaluation team and its reviews, evaluation sessions with follow-ups, public dialogue forums with aspirasi and commitments"),
        (name = "api-tokens", description = "Long-lived tokens for other systems: scoped, hashed at rest, revocable. Send as `Authorization: Bearer knj_…`"),
        (name = "deliveries", description = "Messages outside the app (e-mail, WhatsApp, webhooks): the delivery log, a test message and replays"),
        (name = "data-quality", description = "The data-quality index: scores per OPD and the defects of the organisation and personnel records, each with its fix"),
        (name = "pulse", description = "The anonymous 360° and upward pulse on BerAKHLAK behaviour: rounds, invitations, answers and aggregates shown only from three respondents"),
        (name = "webhooks", description = "Outgoing webhooks: signed events to the Pemda's other systems (admin)"),
    )
)]
pub struct ApiDoc;

/// Everything under `/api/v1`.
#[derive(OpenApi)]
#[openapi(paths(
    routes::auth::login,
    routes::auth::refresh,
    routes::auth::logout,
    routes::auth::forgot,
    routes::auth::reset,
    routes::me::me,
    routes::me::change_password,
    routes::me::calendar,
    routes::me::waiting,
    routes::units::list_units,
    routes::units::create_unit,
    routes::units::get_unit,
    routes::units::update_unit,
    routes::employees::list_employees,
    routes::employees::create_employee,
    routes::employees::get_employee,
    routes::employees::update_employee,
    routes::employees::import_employees,
    routes::users::list_users,
    routes::users::create_user,
    routes::users::reset_password,
    routes::users::update_user,
    routes::users::temporary_password,
    routes::users::create_employee_account,
    routes::audit::list_audit,
    routes::audit::verify_audit,
    routes::settings::get_settings,
    routes::settings::update_settings,
    routes::pk::list_pk,
    routes::pk::create_pk,
    routes::skps::list_skps,
    routes::skps::create_skp,
    routes::skps::get_skp,
    routes::skps::revisions,
    routes::skps::flow::submit,
    routes::skps::flow::approve,
    routes::skps::flow::return_skp,
    routes::skps::flow::revise,
    routes::skps::plan::add_rhk,
    routes::skps::plan::delete_rhk,
    routes::skps::plan::put_behaviors,
    routes::skps::plan::parent_options,
    routes::skps::plan::cascade_down,
    routes::peta::cascade_tree,
    routes::peta::skp_monitoring,
    routes::notifications::list_notifications,
    routes::notifications::mark_read,
    routes::activities::list_activities,
    routes::activities::create_activity,
    routes::activities::import_activities,
    routes::activities::get_activity,
    routes::activities::update_activity,
    routes::activities::delete_activity,
    routes::activities::flow::submit,
    routes::activities::flow::approve,
    routes::activities::flow::reject,
    routes::activities::flow::bulk_approve,
    routes::activities::flow::undo_approval,
    routes::activities::team::team_feed,
    routes::evidence::upload,
    routes::evidence::add_link,
    routes::evidence::info,
    routes::evidence::download,
    routes::realization::get_realization,
    routes::realization::put_note,
    routes::feedback::list_feedback,
    routes::feedback::create_feedback,
    routes::feedback::list_dialogs,
    routes::feedback::create_dialog,
    routes::public::public_info,
    routes::public::public_units,
    routes::public::submit_survey,
    routes::public::file_complaint,
    routes::public::track_complaint,
    routes::public::public_ikm,
    routes::public::public_officers,
    routes::complaints::list_complaints,
    routes::complaints::get_complaint,
    routes::complaints::history,
    routes::complaints::postpone,
    routes::complaints::transition,
    routes::ikm::unit_ikm,
    routes::ikm::publish,
    routes::ikm::set_population,
    routes::ikm::set_weights,
    routes::ikm::register_kiosk,
    routes::ikm::list_kiosks,
    routes::ikm::revoke_kiosk,
    routes::assessments::list_assessments,
    routes::assessments::create_assessment,
    routes::assessments::get_assessment,
    routes::assessments::update_assessment,
    routes::assessments::flow::finalize,
    routes::assessments::flow::acknowledge,
    routes::assessments::flow::object,
    routes::assessments::flow::respond,
    routes::assessments::flow::decide,
    routes::assessments::calibration::set_org_predikat,
    routes::assessments::calibration::distribution,
    routes::assessments::calibration::report,
    routes::assessments::evidence::rating_evidence,
    routes::api_tokens::list_tokens,
    routes::api_tokens::create_token,
    routes::api_tokens::revoke_token,
    routes::deliveries::list_deliveries,
    routes::deliveries::test_delivery,
    routes::webhooks::list_webhooks,
    routes::data_quality::summary,
    routes::data_quality::issues,
    routes::webhooks::create_webhook,
    routes::webhooks::update_webhook,
    routes::webhooks::delete_webhook,
    routes::webhooks::webhook_deliveries,
    routes::webhooks::replay_delivery,
    routes::indicator_feeds::post_value,
    routes::indicator_feeds::import_values,
    routes::indicator_feeds::list_feeds,
    routes::indicator_feeds::feed_values,
    routes::indicator_feeds::decide,
    routes::pulse::open,
    routes::pulse::list,
    routes::pulse::one,
    routes::pulse::close,
    routes::pulse::remind,
    routes::pulse::invitations,
    routes::pulse::answer,
    routes::pulse::about_employee,
    routes::pulse::public_form,
    routes::pulse::public_answer,
    routes::talent::radar,
    routes::talent::board,
    routes::talent::people,
    routes::evaluation::sessions::add_calibration_change,
    routes::evaluation::sessions::lock_session,
    routes::forums::targets::target_commitment,
    routes::forums::targets::commitment_progress,
    routes::forums::targets::add_milestone,
    routes::forums::targets::update_milestone,
    routes::bkn_exports::create_export,
    routes::bkn_exports::list_exports,
    routes::bkn_exports::get_export,
    routes::bkn_exports::export_records,
    routes::bkn_exports::export_file,
    routes::message_settings::get_settings,
    routes::message_settings::put_preferences,
    routes::message_settings::change_contact,
    routes::message_settings::verify_contact,
    routes::dashboard::unit_dashboard,
    routes::dashboard::city_dashboard,
    routes::tpp::import_attendance,
    routes::tpp::tpp_report,
    routes::sanctions::list_sanctions,
    routes::sanctions::create_sanction,
    routes::sanctions::delete_sanction,
    routes::settings::import_holidays,
    routes::leave::list_leave,
    routes::leave::create_leave,
    routes::leave::delete_leave,
    routes::reports::activities::report,
    routes::reports::skps::report,
    routes::reports::ikm::report,
    routes::reports::complaints::report,
    routes::exports::siasn,
    routes::competencies::list_competencies,
    routes::competencies::create_competency,
    routes::competencies::update_competency,
    routes::competencies::list_standards,
    routes::competencies::put_standard,
    routes::competencies::import_position_standards,
    routes::competencies::employee_competencies,
    routes::competencies::assess_competency,
    routes::competencies::list_plans,
    routes::competencies::create_plan,
    routes::competencies::update_plan,
    routes::competencies::add_training,
    routes::competencies::update_training,
    routes::competencies::unit_gaps,
    routes::evaluation::list_teams,
    routes::evaluation::create_team,
    routes::evaluation::update_team,
    routes::evaluation::team_assessments,
    routes::evaluation::assessment_reviews_of,
    routes::evaluation::create_review,
    routes::evaluation::list_reviews,
    routes::evaluation::respond,
    routes::evaluation::list_sessions,
    routes::evaluation::create_session,
    routes::evaluation::get_session,
    routes::evaluation::add_follow_up,
    routes::evaluation::list_follow_ups,
    routes::evaluation::update_follow_up,
    routes::forums::list_forums,
    routes::forums::create_forum,
    routes::forums::get_forum,
    routes::forums::update_forum,
    routes::forums::add_room_input,
    routes::forums::update_input,
    routes::forums::add_commitment,
    routes::forums::update_commitment,
    routes::forums::public_forums,
    routes::forums::public_forum,
    routes::forums::send_input,
    routes::forums::track_input,
))]
struct V1;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.bearer_format = Some("JWT".into());
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// Every error is an RFC 9457 problem: the documented error responses say
/// `application/problem+json`, and every operation gets a `default` problem response for the
/// statuses any request can meet (400 malformed, 401, 413, 415, 429, 503).
struct ProblemResponses;

impl Modify for ProblemResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{Content, Ref, RefOr, Response};
        const PROBLEM: &str = "application/problem+json";
        let is_problem = |c: &RefOr<Content>| match c {
            RefOr::T(content) => matches!(&content.schema, Some(RefOr::Ref(r))
                if r.ref_location.ends_with("/Problem") || r.ref_location.ends_with("/ImportProblem")),
            RefOr::Ref(_) => false,
        };
        for item in openapi.paths.paths.values_mut() {
            let operations = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
            for op in operations.into_iter().flatten() {
                for response in op.responses.responses.values_mut() {
                    if let RefOr::T(r) = response {
                        if let Some(json) = r.content.get("application/json").filter(|c| is_problem(c)).cloned() {
                            r.content.shift_remove("application/json");
                            r.content.insert(PROBLEM.to_owned(), json);
                        }
                    }
                }
                op.responses.responses.entry("default".to_owned()).or_insert_with(|| {
                    let mut r = Response::new("Kesalahan: problem details (RFC 9457)");
                    r.content
                        .insert(PROBLEM.to_owned(), RefOr::T(Content::new(Some(Ref::from_schema_name("Problem")))));
                    RefOr::T(r)
                });
            }
        }
    }
}

/// What OpenAPI 3.1 requires of every document and client generators rely on: each response has
/// a description (the handlers' annotations mostly give only a status and a body), and each
/// operation id is unique (several handlers share a function name, such as `report`; a repeated
/// name gets its path, as `report_reports_ikm`, so that the first stays what integrators already
/// call).
struct ValidDocument;

impl Modify for ValidDocument {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use std::collections::HashSet;
        use utoipa::openapi::RefOr;
        let mut seen: HashSet<String> = HashSet::new();
        for (path, item) in openapi.paths.paths.iter_mut() {
            let slug: Vec<&str> = path
                .trim_start_matches("/api/v1/")
                .split('/')
                .filter(|s| !s.is_empty() && !s.starts_with('{'))
                .collect();
            let slug = slug.join("_").replace('-', "_");
            let operations = [
                ("get", &mut item.get),
                ("put", &mut item.put),
                ("post", &mut item.post),
                ("delete", &mut item.delete),
                ("patch", &mut item.patch),
            ];
            for (method, op) in operations.into_iter().filter_map(|(m, op)| op.as_mut().map(|op| (m, op))) {
                for (status, response) in op.responses.responses.iter_mut() {
                    if let RefOr::T(r) = response {
                        if r.description.trim().is_empty() {
                            r.description = describe(status).to_owned();
                        }
                    }
                }
                if let Some(id) = op.operation_id.clone() {
                    let mut unique = id.clone();
                    if seen.contains(&unique) {
                        unique = format!("{id}_{slug}");
                    }
                    if seen.contains(&unique) {
                        unique = format!("{id}_{slug}_{method}");
                    }
                    seen.insert(unique.clone());
                    op.operation_id = Some(unique);
                }
            }
        }
    }
}

/// The meaning of a status code, as the description of a response that gives none.
fn describe(status: &str) -> &'static str {
    match status {
        "200" => "Berhasil",
        "201" => "Dibuat",
        "202" => "Diterima untuk diproses",
        "204" => "Berhasil, tanpa isi",
        "304" => "Tidak berubah",
        "400" => "Permintaan tidak dapat dibaca",
        "401" => "Belum masuk atau token tidak berlaku",
        "403" => "Tidak berwenang",
        "404" => "Tidak ditemukan (atau di luar jangkauan Anda)",
        "409" => "Bertentangan dengan keadaan saat ini",
        "410" => "Sudah tidak tersedia",
        "412" => "Versi yang Anda ubah sudah berubah",
        "413" => "Terlalu besar",
        "415" => "Jenis isi tidak didukung",
        "422" => "Isian tidak valid",
        "429" => "Terlalu banyak permintaan",
        "503" => "Sedang sibuk; coba lagi",
        _ => "Jawaban",
    }
}

/// The document, built from the annotations and the modifiers above.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The spec as pretty JSON, as committed under `openapi/`.
pub fn to_json() -> String {
    let mut out = document().to_pretty_json().unwrap_or_default();
    out.push('\n');
    out
}
