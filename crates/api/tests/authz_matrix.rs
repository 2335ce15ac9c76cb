//! The authorization matrix (issue #8): for every route of the OpenAPI spec and every kind of
//! caller, the status the server must answer. One table below holds one row per operation; the
//! test first checks that the operations of the table are exactly those of the spec, so a new
//! route without a row (or a row for a route that is gone) fails with the list of them.
//!
//! The subject of every row is Dedi's data where the route has a subject: his employee record, his
//! unit DINKES-RUJ, his SKP, activities, evidence, feedback, notifications, an assessment of him,
//! a complaint naming him. The satisfaction-index routes use the service unit PKM-SUKAJADI (inside
//! Dinkes, where the operator works). Admin-only routes act on throwaway records.
//!
//! The visibility rule (see `access.rs`): outside your sight the answer is 404, as if it did not
//! exist; visible but not allowed is 403; no or a bad token is 401; a read-only API token writing
//! is 403. Reads expect an exact status. Writes expect the exact refusal for roles that must be
//! refused, and `A` ("allowed") for those that may act: any status that shows the request passed
//! authorization (not 401, 403 or 404, nor 400/405/415 or 5xx, which mean it never got there
//! properly), since an earlier role may already have changed the state (409) or the body may not
//! fit that caller (422). In each row the refused roles go first, then the allowed ones, in
//! column order; rows are ordered so that a flow step finds its subject in the state it needs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use common::{demo, TestApp};
use reqwest::header::CONTENT_TYPE;
use reqwest::multipart::{Form, Part};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt::Display;
use std::time::Instant;

/// The columns: who calls. `None` as user: no sign-in (anonymous) or the read-only API token.
/// The last three hold combined roles (accounts the test makes, see [`COMBINED`]): an auditor who
/// also heads the Inspektorat, an auditor who also operates Disdukcapil's service, and an admin
/// with an employee record (the head of BKPSDM). Each row names their statuses only where they
/// differ from the auditor's (the first two) and the admin's (the third): a city-wide read role
/// never widens where a unit role writes.
const ROLES: [(&str, Option<&str>); 14] = [
    ("anonymous", None),
    ("pegawai", Some("dedi")),
    ("penilai", Some("kasi.rujukan")),
    ("colleague", Some("sri")),
    ("other_dinas", Some("ahmad")),
    ("head_inside", Some("kadinkes")),
    ("head_outside", Some("kadisdukcapil")),
    ("operator", Some("kapkm.sukajadi")),
    ("auditor", Some("auditor")),
    ("admin", Some("admin")),
    ("read_token", None),
    ("auditor_head", Some("matrix.inspektur")),
    ("auditor_operator", Some("matrix.auditor.operator")),
    ("admin_employee", Some("matrix.admin.pegawai")),
];
const READ_TOKEN: usize = 10;
const AUDITOR: usize = 8;
const ADMIN: usize = 9;

/// A combined-role account: username, roles, unit code of the unit role, employee NIP.
type Account = (&'static str, &'static [&'static str], Option<&'static str>, Option<&'static str>);

/// The combined-role accounts.
const COMBINED: [Account; 3] = [
    ("matrix.inspektur", &["auditor", "kepala_unit"], Some("INSPEKTORAT"), Some("196912121994031005")),
    ("matrix.auditor.operator", &["auditor", "operator_layanan"], Some("DUKCAPIL"), None),
    ("matrix.admin.pegawai", &["admin"], None, Some("197111301997032003")),
];

/// Allowed: passed authorization (see the module documentation).
const A: u16 = 0;
const OK: u16 = 200;
const U: u16 = 401;
const F: u16 = 403;
const N: u16 = 404;
const V: u16 = 422;

const GET: Method = Method::GET;
const POST: Method = Method::POST;
const PUT: Method = Method::PUT;
const PATCH: Method = Method::PATCH;
const DELETE: Method = Method::DELETE;

const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF";

enum Body {
    None,
    Json(Value),
    /// Sent as `text/csv`.
    Csv(String),
    /// A small PDF in the multipart part `file`.
    Pdf,
    /// `{"refresh_token": …}` with the refresh token the previous refresh returned.
    Refresh,
    /// A logout: it ends the session it is sent with, so each signed-in caller sends it with a
    /// session of its own begun for it (the column's token goes on working).
    Logout,
}

struct Row {
    method: Method,
    /// The path template exactly as in the spec.
    template: &'static str,
    /// The path called: the template filled in, with the query.
    path: String,
    body: Body,
    expect: [u16; 14],
    /// The combined-role columns where they differ from the auditor's and the admin's.
    combined: Option<[u16; 3]>,
}

#[derive(Default)]
struct Table(Vec<Row>);

impl Table {
    fn op(&mut self, method: Method, template: &'static str) -> RowBuilder<'_> {
        RowBuilder {
            table: self,
            row: Row { method, template, path: template.to_owned(), body: Body::None, expect: [A; 14], combined: None },
        }
    }
}

struct RowBuilder<'t> {
    table: &'t mut Table,
    row: Row,
}

impl RowBuilder<'_> {
    /// Fills the path parameter.
    fn id(mut self, value: impl Display) -> Self {
        let (start, end) = match (self.row.path.find('{'), self.row.path.find('}')) {
            (Some(s), Some(e)) => (s, e),
            _ => panic!("{} has no path parameter", self.row.template),
        };
        self.row.path.replace_range(start..=end, &value.to_string());
        self
    }

    fn query(mut self, q: impl Display) -> Self {
        let sep = if self.row.path.contains('?') { '&' } else { '?' };
        self.row.path = format!("{}{sep}{q}", self.row.path);
        self
    }

    fn json(self, v: Value) -> Self {
        self.body(Body::Json(v))
    }

    fn body(mut self, b: Body) -> Self {
        self.row.body = b;
        self
    }

    /// The combined-role columns, where they are not those of the auditor and the admin.
    #[allow(dead_code)]
    fn combined(mut self, c: [u16; 3]) -> Self {
        self.row.combined = Some(c);
        self
    }

    /// The expected status per column of [`ROLES`] but the combined ones; ends the row.
    fn expect(mut self, e: [u16; 11]) {
        let [head, operator, admin] = self.row.combined.unwrap_or([e[AUDITOR], e[AUDITOR], e[ADMIN]]);
        self.row.expect[..11].copy_from_slice(&e);
        self.row.expect[11..].copy_from_slice(&[head, operator, admin]);
        self.table.0.push(self.row);
    }
}

/// Ids and values the rows fill in, built once per run over HTTP as the right users.
#[derive(Default)]
struct Fx {
    year: i32,
    today: NaiveDate,
    /// Dedi's employee id.
    dedi: i64,
    /// Dedi's unit, DINKES-RUJ.
    ruj: i64,
    /// The service unit PKM-SUKAJADI (Dinkes), the operator's.
    pkm: i64,
    bkpsdm: i64,
    /// Dedi's approved SKP of this year (seeded), its first RHK and that RHK's quantity indicator.
    skp: i64,
    rhk: i64,
    indicator: i64,
    /// Kasi's RHK that Dedi's first RHK supports.
    kasi_rhk: i64,
    /// A draft revision of Dedi's SKP, and an extra RHK in it to delete.
    revision: i64,
    rhk_to_delete: i64,
    /// Dedi's activities of today: submitted; draft (corrected, submitted, then rejected by the
    /// rows); draft to delete; submitted for the bulk approval.
    activity: i64,
    activity_draft: i64,
    activity_to_delete: i64,
    activity_for_bulk: i64,
    /// An activity submitted to Kasi by an employee of DINKES-RUJ who then moved under Kabid.
    moved_activity: i64,
    /// A PDF Dedi uploaded.
    evidence: i64,
    /// Feedback Kasi wrote to Dedi, and the notification it gave Dedi.
    feedback: i64,
    notification: i64,
    /// A complaint filed publicly at PKM-SUKAJADI naming Dedi.
    complaint: i64,
    tracking_code: String,
    /// Kasi's assessment of Dedi for this year (draft), and one for last year (finalized).
    assessment: i64,
    assessment_finalized: i64,
    /// A user account and an API token that only exist to be reset and revoked.
    victim_user: i64,
    token_to_revoke: i64,
    /// A kiosk of PKM-SUKAJADI, revoked by every caller who may (revoking again changes nothing).
    kiosk_to_revoke: i64,
    /// The competency M1, and Kasi's development plan for Dedi with one planned training.
    m1: i64,
    plan: i64,
    training: i64,
    /// Disdukcapil's head, made a member of an evaluation team overseeing the Dinas Kesehatan (so
    /// the "head_outside" column is also the team member), the team, and his flag on Dedi's
    /// finalized assessment.
    kadis: i64,
    dinkes: i64,
    team: i64,
    flag: i64,
    /// Kadinkes's evaluation session of DINKES-RUJ and its follow-up owned by Dedi.
    session: i64,
    follow_up: i64,
    /// A disciplinary sanction of Dedi's, recorded to be annulled.
    sanction: i64,
    leave: i64,
    /// A webhook subscribed to recorded leave, the delivery of the leave above to it, and a
    /// second webhook to delete.
    webhook: i64,
    delivery: i64,
    webhook_to_delete: i64,
    /// A feed of a source system on Dedi's indicator, undecided.
    feed: i64,
    /// An export of Dedi's OPD (Dinkes) toward BKN, as a file.
    bkn_export: i64,
    /// A forum announced at PKM-SUKAJADI, a citizen's aspirasi to it and a commitment.
    forum: i64,
    forum_input: i64,
    input_code: String,
    commitment: i64,
    /// A milestone of that commitment.
    milestone: i64,
    /// Kasi's pulse round about Dedi (service users asked too), its public code, and Sri's
    /// invitation to answer it.
    pulse_round: i64,
    pulse_code: String,
    pulse_invitation: i64,
    /// A calibration session of DINKES-RUJ.
    calibration: i64,
}

/// The table: one row per operation (a few operations have a second row for another case).
fn table(f: &Fx) -> Vec<Row> {
    let y = f.year;
    let today = f.today.to_string();
    let month = f.today.format("%Y-%m");
    let mut t = Table::default();
    let activity = json!({ "date": today, "minutes": 30, "description": "Merekap data rujukan harian", "rhk_id": f.rhk, "output_qty": 1 });
    let assessment = |period: i32| json!({ "employee_id": f.dedi, "period": period.to_string(), "result_rating": "sesuai", "behavior_rating": "sesuai", "note": "Kinerja sesuai ekspektasi" });
    let dedi_reads = [U, OK, OK, N, N, OK, N, N, OK, OK, OK];
    // What the evaluation team overseeing Dinkes also reads (Kadisdukcapil sits on it, see `Fx`).
    let dedi_team_reads = [U, OK, OK, N, N, OK, OK, N, OK, OK, OK];
    let dedi_owner_writes = [U, A, F, N, N, F, N, N, F, F, F];
    let dedi_penilai_writes = [U, F, A, N, N, F, N, N, F, F, F];
    let unit_reads = [U, OK, OK, OK, N, OK, N, N, OK, OK, OK];
    let unit_head_reads = [U, F, F, F, N, OK, N, N, OK, OK, OK];
    let unit_head_writes = [U, F, F, F, N, A, N, N, F, A, F];
    let service_unit_reads = [U, N, N, N, N, OK, N, OK, OK, OK, OK];
    let service_unit_writes = [U, N, N, N, N, A, N, A, F, A, F];
    let city_reads = [U, V, V, V, V, V, V, V, OK, OK, OK];
    let signed_in = [U, OK, OK, OK, OK, OK, OK, OK, OK, OK, OK];
    let any_user_writes = [U, A, A, A, A, A, A, A, A, A, F];
    let admin_only = [U, F, F, F, F, F, F, F, F, A, F];
    let admin_reads = [U, F, F, F, F, F, F, F, F, OK, F];
    let audit_reads = [U, F, F, F, F, F, F, F, OK, OK, OK];
    let public = [OK; 11];

    // Columns: anonymous, dedi, kasi, sri, ahmad, kadinkes, kadisdukcapil, operator, auditor, admin, token.
    // Health and what citizens use without an account (a bearer token changes nothing there).
    t.op(GET, "/health").expect(public);
    t.op(GET, "/ready").expect(public);
    t.op(GET, "/api/v1/public/info").expect(public);
    t.op(GET, "/api/v1/public/units").expect(public);
    t.op(GET, "/api/v1/public/units/{id}/ikm").id(f.pkm).query(format!("period={y}")).expect(public);
    t.op(GET, "/api/v1/public/units/{id}/officers").id(f.pkm).expect(public);
    t.op(GET, "/api/v1/public/complaints/{tracking_code}").id(&f.tracking_code).expect(public);
    t.op(POST, "/api/v1/public/surveys")
        .json(json!({ "unit_id": f.pkm, "answers": [4, 3, 4, 3, 4, 3, 4, 3, 4], "age_band": "25-34", "sex": "L" }))
        .expect([A; 11]);
    t.op(POST, "/api/v1/public/complaints")
        .json(json!({ "unit_id": f.pkm, "category": "pengaduan", "text": "Berkas rujukan saya belum diproses petugas", "employee_nip": demo::DEDI }))
        .expect([A; 11]);

    // Signing in and the signed-in user. The password change sends a wrong current password: it
    // answers 422 once past authorization, and changes nobody's password.
    t.op(POST, "/api/v1/auth/login")
        .json(json!({ "username": "camat.sukasari", "password": kinerja_api::seed::demo::DEMO_PASSWORD }))
        .expect([A; 11]);
    t.op(POST, "/api/v1/auth/refresh").body(Body::Refresh).expect([A; 11]);
    t.op(POST, "/api/v1/auth/logout").body(Body::Logout).expect([U, A, A, A, A, A, A, A, A, A, F]);
    // Anyone may ask for a reset link or use one: the answer tells nothing about the account.
    t.op(POST, "/api/v1/auth/forgot").json(json!({ "username": "dedi" })).expect([A; 11]);
    t.op(POST, "/api/v1/auth/reset")
        .json(json!({ "token": "bukan-tautan", "new_password": "SandiBaru2026!" }))
        .expect([A; 11]);
    // An API token is not a user: like `POST /me/password`, the user's own routes refuse it rather
    // than answer for the admin who created it.
    t.op(GET, "/api/v1/me").expect([U, OK, OK, OK, OK, OK, OK, OK, OK, OK, F]);
    t.op(GET, "/api/v1/me/parent-rhk").expect([U, OK, OK, OK, OK, OK, OK, OK, OK, OK, F]);
    t.op(GET, "/api/v1/me/waiting").expect([U, OK, OK, OK, OK, OK, OK, OK, OK, OK, F]);
    // One's own calendar: an account without an employee record has none.
    let days = format!("from={}&to={}", f.today - chrono::Duration::days(6), f.today);
    t.op(GET, "/api/v1/me/calendar")
        .query(days)
        .combined([OK, N, OK])
        .expect([U, OK, OK, OK, OK, OK, OK, OK, OK, N, F]);
    t.op(GET, "/api/v1/me/messages").expect([U, OK, OK, OK, OK, OK, OK, OK, OK, OK, F]);
    t.op(PUT, "/api/v1/me/messages").json(json!({ "muted": ["feedback"] })).expect([U, A, A, A, A, A, A, A, A, A, F]);
    t.op(POST, "/api/v1/me/messages/contact")
        .json(json!({ "address": "saya@contoh.id" }))
        .expect([U, A, A, A, A, A, A, A, A, A, F]);
    t.op(POST, "/api/v1/me/messages/verify")
        .json(json!({ "channel": "email", "code": "123456" }))
        .expect([U, A, A, A, A, A, A, A, A, A, F]);
    t.op(POST, "/api/v1/me/password")
        .json(json!({ "current_password": "bukan-sandi-saya-1", "new_password": "SandiBaru2026" }))
        .expect([U, A, A, A, A, A, A, A, A, A, F]);

    // Settings, audit, accounts and API tokens.
    t.op(GET, "/api/v1/settings").expect(signed_in);
    t.op(PATCH, "/api/v1/settings").json(json!({ "team_view_enabled": true })).expect(admin_only);
    t.op(GET, "/api/v1/audit").expect(audit_reads);
    t.op(GET, "/api/v1/audit/verify").expect(audit_reads);
    t.op(GET, "/api/v1/users").expect(admin_reads);
    t.op(POST, "/api/v1/users")
        .json(json!({ "username": "matrix.baru", "password": "BaruMatriks2026", "roles": [] }))
        .expect(admin_only);
    t.op(POST, "/api/v1/users/{id}/reset-password")
        .id(f.victim_user)
        .json(json!({ "new_password": "Sementara2026" }))
        .expect(admin_only);
    t.op(POST, "/api/v1/users/{id}/temporary-password").id(f.victim_user).expect(admin_only);
    // An empty patch changes nothing: it answers the account once past authorization.
    t.op(PATCH, "/api/v1/users/{id}").id(f.victim_user).json(json!({})).expect(admin_only);
    // Dedi has an account: the admin's call is 409, past authorization.
    t.op(POST, "/api/v1/employees/{id}/account").id(f.dedi).json(json!({})).expect(admin_only);
    t.op(GET, "/api/v1/api-tokens").expect(admin_reads);
    t.op(POST, "/api/v1/api-tokens").json(json!({ "name": "matrix-baris", "access": "read" })).expect(admin_only);
    t.op(DELETE, "/api/v1/api-tokens/{id}").id(f.token_to_revoke).expect(admin_only);
    t.op(GET, "/api/v1/deliveries").expect(admin_reads);
    t.op(POST, "/api/v1/deliveries/test").json(json!({ "to": "warga@contoh.id" })).expect(admin_only);
    t.op(POST, "/api/v1/deliveries/{id}/replay").id(f.delivery).expect(admin_only);
    t.op(GET, "/api/v1/webhooks").expect(admin_reads);
    t.op(POST, "/api/v1/webhooks")
        .json(json!({ "url": "https://jembatan.pemda.go.id/kinerja", "events": ["skp.approved"], "secret": "rahasia-matriks-0123456789" }))
        .expect(admin_only);
    t.op(PATCH, "/api/v1/webhooks/{id}").id(f.webhook).json(json!({ "active": true })).expect(admin_only);
    t.op(GET, "/api/v1/webhooks/{id}/deliveries").id(f.webhook).expect(admin_reads);
    t.op(DELETE, "/api/v1/webhooks/{id}").id(f.webhook_to_delete).expect(admin_only);
    // Exports toward BKN: the BKPSDM exports; the report is read city-wide.
    let city_only = [U, F, F, F, F, F, F, F, OK, OK, OK];
    t.op(POST, "/api/v1/bkn-exports").json(json!({ "unit_id": f.dinkes, "year": y, "push": false })).expect(admin_only);
    t.op(GET, "/api/v1/bkn-exports").expect(city_only);
    t.op(GET, "/api/v1/bkn-exports/{id}").id(f.bkn_export).expect(city_only);
    t.op(GET, "/api/v1/bkn-exports/{id}/records").id(f.bkn_export).expect(city_only);
    t.op(GET, "/api/v1/bkn-exports/{id}/file").id(f.bkn_export).expect(city_only);

    // Units: Dedi's unit DINKES-RUJ. Everyone sees the units of the people they see; heads, admin
    // and auditor see the unit's figures; the head of the parent unit sets its predikat.
    t.op(GET, "/api/v1/units").expect(signed_in);
    t.op(POST, "/api/v1/units")
        .json(json!({ "code": "MATRIX-1", "name": "Unit Matriks", "parent_id": f.bkpsdm, "kind": "bidang" }))
        .expect(admin_only);
    t.op(GET, "/api/v1/units/{id}").id(f.ruj).expect(unit_reads);
    t.op(PATCH, "/api/v1/units/{id}")
        .id(f.ruj)
        .json(json!({ "name": "Seksi Pelayanan Kesehatan Rujukan" }))
        .expect([U, F, F, F, N, F, N, N, F, A, F]);
    t.op(GET, "/api/v1/units/{id}/pk").id(f.ruj).expect(unit_reads);
    t.op(POST, "/api/v1/units/{id}/pk")
        .id(f.ruj)
        .json(json!({ "year": y, "text": "Meningkatnya mutu layanan rujukan", "indicators": [{ "text": "Rujukan tepat waktu", "target": 90, "unit": "%" }] }))
        .expect(unit_head_writes);
    t.op(GET, "/api/v1/units/{id}/cascade").id(f.ruj).expect(unit_head_reads);
    t.op(GET, "/api/v1/units/{id}/skp-monitoring").id(f.ruj).expect(unit_head_reads);
    t.op(GET, "/api/v1/units/{id}/distribution").id(f.ruj).query(format!("period={y}")).expect(unit_head_reads);
    t.op(PUT, "/api/v1/units/{id}/org-predikat")
        .id(f.ruj)
        .json(json!({ "period": y.to_string(), "predikat": "baik" }))
        .expect(unit_head_writes);
    t.op(GET, "/api/v1/dashboard/units/{id}").id(f.ruj).expect(unit_head_reads);
    t.op(GET, "/api/v1/dashboard/city").expect([U, F, F, F, F, F, F, F, OK, OK, OK]);
    t.op(GET, "/api/v1/data-quality").expect([U, F, F, F, F, F, F, F, OK, OK, OK]);
    t.op(GET, "/api/v1/data-quality").query(format!("unit_id={}", f.ruj)).expect(unit_head_reads);
    t.op(GET, "/api/v1/data-quality/issues").expect([U, F, F, F, F, F, F, F, OK, OK, OK]);
    t.op(GET, "/api/v1/data-quality/issues").query(format!("unit_id={}", f.ruj)).expect(unit_head_reads);
    t.op(GET, "/api/v1/units/{id}/competency-gaps").id(f.ruj).expect(unit_head_reads);

    // Competencies: the catalogue and standards are read by all and kept by the admin; Dedi's
    // profile and plans are read like his record; his penilai (or the admin) plans, he completes.
    t.op(GET, "/api/v1/competencies").expect(signed_in);
    t.op(POST, "/api/v1/competencies")
        .json(json!({ "code": "T-MATRIKS", "kind": "teknis", "name": "Teknis Matriks", "description": "", "levels": ["1", "2", "3", "4", "5"] }))
        .expect(admin_only);
    t.op(PUT, "/api/v1/competencies/{id}")
        .id(f.m1)
        .json(json!({ "code": "M1", "kind": "manajerial", "name": "Integritas", "description": "Integritas", "levels": ["1", "2", "3", "4", "5"] }))
        .expect(admin_only);
    t.op(GET, "/api/v1/position-standards").expect(signed_in);
    t.op(PUT, "/api/v1/position-standards")
        .json(json!({ "position_title": "Jabatan Matriks", "requirements": [{ "competency_id": f.m1, "level": 3 }] }))
        .expect(admin_only);
    t.op(POST, "/api/v1/imports/position-standards")
        .body(Body::Csv("position_title,code,level\nJabatan Matriks,M2,2\n".into()))
        .expect(admin_only);
    t.op(GET, "/api/v1/employees/{id}/competencies").id(f.dedi).expect(dedi_reads);
    t.op(POST, "/api/v1/employees/{id}/competency-assessments")
        .id(f.dedi)
        .json(json!({ "competency_id": f.m1, "level": 3, "assessed_on": today, "source": "supervisor" }))
        .expect(dedi_penilai_writes);
    let plan_writes = [U, F, A, N, N, F, N, N, F, A, F];
    t.op(GET, "/api/v1/employees/{id}/development-plans").id(f.dedi).expect(dedi_reads);
    t.op(POST, "/api/v1/employees/{id}/development-plans")
        .id(f.dedi)
        .json(json!({ "year": y, "goals": "Rencana matriks" }))
        .expect(plan_writes);
    t.op(PATCH, "/api/v1/development-plans/{id}")
        .id(f.plan)
        .json(json!({ "goals": "Tujuan diperbarui" }))
        .expect(plan_writes);
    t.op(POST, "/api/v1/development-plans/{id}/trainings")
        .id(f.plan)
        .json(
            json!({ "course": "Pelatihan Matriks", "provider": "BPSDM", "jp": 4, "start_on": today, "end_on": today }),
        )
        .expect(plan_writes);
    t.op(PATCH, "/api/v1/trainings/{id}")
        .id(f.training)
        .json(json!({ "status": "completed", "evidence": "Sertifikat 1" }))
        .expect([U, A, A, N, N, F, N, N, F, A, F]);

    // The satisfaction index of the service unit PKM-SUKAJADI: its heads and operators, admin,
    // auditor (read).
    t.op(GET, "/api/v1/units/{id}/ikm").id(f.pkm).expect(service_unit_reads);
    t.op(POST, "/api/v1/units/{id}/ikm/publish")
        .id(f.pkm)
        .json(json!({ "period": y.to_string() }))
        .expect(service_unit_writes);
    t.op(PUT, "/api/v1/units/{id}/ikm-weights").id(f.pkm).json(json!({ "weights": null })).expect(service_unit_writes);
    t.op(PUT, "/api/v1/units/{id}/ikm-population")
        .id(f.pkm)
        .json(json!({ "period": y.to_string(), "population": 500 }))
        .expect(service_unit_writes);
    t.op(POST, "/api/v1/units/{id}/kiosks")
        .id(f.pkm)
        .json(json!({ "name": "Tablet loket matriks" }))
        .expect(service_unit_writes);
    t.op(GET, "/api/v1/units/{id}/kiosks").id(f.pkm).expect(service_unit_reads);
    t.op(DELETE, "/api/v1/units/{id}/kiosks/{kiosk_id}").id(f.pkm).id(f.kiosk_to_revoke).expect(service_unit_writes);

    // Employees: Dedi's record.
    t.op(GET, "/api/v1/employees").expect(signed_in);
    t.op(POST, "/api/v1/employees")
        .json(json!({ "nip": "199404042020122002", "name": "Pegawai Matriks", "unit_id": f.bkpsdm, "position_title": "Pengadministrasi Umum", "position_kind": "pelaksana", "supervisor_id": null, "employment_type": "pns" }))
        .expect(admin_only);
    t.op(POST, "/api/v1/employees/import")
        .body(Body::Csv(
            "nip,name,unit_code,position_title,position_kind,supervisor_nip\n\
             199503032021011001,Pegawai Impor Matriks,BKPSDM,Analis Kepegawaian,pelaksana,\n"
                .into(),
        ))
        .expect(admin_only);
    t.op(GET, "/api/v1/employees/{id}").id(f.dedi).expect(dedi_reads);
    t.op(PATCH, "/api/v1/employees/{id}")
        .id(f.dedi)
        .json(json!({ "position_title": "Pengelola Data Pelayanan Kesehatan" }))
        .expect([U, F, F, N, N, F, N, N, F, A, F]);
    t.op(GET, "/api/v1/employees/{id}/rating-evidence").id(f.dedi).query(format!("period={y}")).expect(dedi_team_reads);

    // Evidence: anyone with an employee record uploads their own; Dedi's PDF is read by those who
    // see Dedi.
    t.op(POST, "/api/v1/evidence").body(Body::Pdf).expect(any_user_writes);
    t.op(POST, "/api/v1/evidence/links")
        .json(json!({ "url": "https://drive.example.go.id/rekap-rujukan", "title": "Rekap rujukan" }))
        .expect(any_user_writes);
    t.op(GET, "/api/v1/evidence/{id}").id(f.evidence).expect(dedi_team_reads);
    t.op(GET, "/api/v1/evidence/{id}/info").id(f.evidence).expect(dedi_team_reads);

    // Feedback and dialogues on Dedi's thread: written by his penilai, replied to by him.
    t.op(GET, "/api/v1/feedback").query(format!("employee_id={}", f.dedi)).expect(dedi_reads);
    t.op(POST, "/api/v1/feedback")
        .json(json!({ "employee_id": f.dedi, "text": "Terima kasih atas masukannya", "parent_id": f.feedback }))
        .expect([U, A, A, N, N, F, N, N, F, F, F]);
    t.op(GET, "/api/v1/dialogs").query(format!("employee_id={}", f.dedi)).expect(dedi_reads);
    t.op(POST, "/api/v1/dialogs")
        .json(json!({ "employee_id": f.dedi, "date": today, "notes": "Membahas capaian rujukan", "follow_ups": [] }))
        .expect(dedi_penilai_writes);
    // Notifications are one's own: anybody else's is 404. A token has no inbox (see `GET /me`).
    t.op(GET, "/api/v1/notifications").expect([U, OK, OK, OK, OK, OK, OK, OK, OK, OK, F]);
    t.op(POST, "/api/v1/notifications/{id}/read").id(f.notification).expect([U, A, N, N, N, N, N, N, N, N, F]);

    // Activities: Dedi logs, corrects, submits and deletes his own; Kasi verifies. Logging on
    // Dedi's RHK is refused to anyone else by the RHK check (422).
    t.op(GET, "/api/v1/activities").expect(signed_in);
    t.op(POST, "/api/v1/activities").json(activity.clone()).expect([U, A, V, V, V, V, V, V, V, V, F]);
    // Dedi's RHK: only Dedi may log on it; a preview writes nothing.
    t.op(POST, "/api/v1/activities/import")
        .query("preview=true".to_owned())
        .body(Body::Csv(format!("tanggal,menit,uraian,rhk_id\n{today},30,Merekap data rujukan harian,{}\n", f.rhk)))
        .expect([U, A, V, V, V, V, V, V, V, V, F]);
    t.op(GET, "/api/v1/activities/team").expect(signed_in);
    t.op(GET, "/api/v1/activities/{id}").id(f.activity).expect(dedi_reads);
    t.op(PATCH, "/api/v1/activities/{id}").id(f.activity_draft).json(activity).expect(dedi_owner_writes);
    t.op(POST, "/api/v1/activities/{id}/submit").id(f.activity_draft).expect(dedi_owner_writes);
    t.op(POST, "/api/v1/activities/{id}/approve").id(f.activity).expect(dedi_penilai_writes);
    t.op(POST, "/api/v1/activities/{id}/reject")
        .id(f.activity_draft)
        .json(json!({ "note": "Lampirkan rekapnya" }))
        .expect(dedi_penilai_writes);
    t.op(DELETE, "/api/v1/activities/{id}").id(f.activity_to_delete).expect(dedi_owner_writes);
    // All or nothing: ids the caller may not approve make the whole batch 422, listing them.
    t.op(POST, "/api/v1/activities/bulk-approve")
        .json(json!({ "ids": [f.activity_for_bulk] }))
        .expect([U, V, A, V, V, V, V, V, V, V, F]);
    // An activity submitted to Kasi by someone who has since moved under Kabid: Kasi no longer sees
    // its owner, so it is not hers to approve, one by one (404) or in a batch (as if it did not
    // exist: 422). Nobody in the columns is its penilai now.
    t.op(POST, "/api/v1/activities/{id}/approve").id(f.moved_activity).expect([U, N, N, N, N, F, N, N, F, F, F]);
    t.op(POST, "/api/v1/activities/bulk-approve")
        .json(json!({ "ids": [f.moved_activity] }))
        .expect([U, V, V, V, V, V, V, V, V, V, F]);
    // Nobody approved it: nobody can take an approval of it back.
    t.op(POST, "/api/v1/activities/undo-approval")
        .json(json!({ "ids": [f.moved_activity] }))
        .expect([U, V, V, V, V, V, V, V, V, V, F]);

    // SKP: Dedi's approved plan, then its draft revision through the flow (approved, which retires
    // the plan it revises: nothing after this row needs that one in force; the return then finds
    // it approved, 409).
    t.op(GET, "/api/v1/skps").expect(signed_in);
    t.op(GET, "/api/v1/skps/{id}").id(f.skp).expect(dedi_team_reads);
    t.op(GET, "/api/v1/skps/{id}/revisions").id(f.skp).expect(dedi_reads);
    t.op(GET, "/api/v1/skps/{id}/realization").id(f.skp).expect(dedi_team_reads);
    t.op(PUT, "/api/v1/skps/{id}/realization")
        .id(f.skp)
        .json(json!({ "indicator_id": f.indicator, "period": y.to_string(), "narrative": "Rekap selesai", "evidence_ids": [f.evidence] }))
        .expect(dedi_owner_writes);
    // Indicator feeds on Dedi's plan: a source system's token or the admin posts, the penilai
    // decides once, whoever reads the plan reads its feeds.
    t.op(POST, "/api/v1/indicator-feeds")
        .json(json!({ "indicator_id": f.indicator, "period": month.to_string(), "value": 2, "source": "Matriks", "reference": "MX-1" }))
        .expect([U, F, F, N, N, F, N, N, F, A, F]);
    t.op(POST, "/api/v1/indicator-feeds/import")
        .body(Body::Csv(format!(
            "indicator_id,period,value,source,reference\n{},{month},1,Matriks,MX-2\n",
            f.indicator
        )))
        .expect(admin_only);
    t.op(GET, "/api/v1/indicator-feeds").expect(signed_in);
    t.op(GET, "/api/v1/indicator-feeds").query(format!("skp_id={}", f.skp)).expect(dedi_team_reads);
    t.op(GET, "/api/v1/indicator-feeds/{id}/values").id(f.feed).expect(dedi_team_reads);
    t.op(POST, "/api/v1/indicator-feeds/{id}/decision")
        .id(f.feed)
        .json(json!({ "accept": true }))
        .expect([U, F, A, N, N, F, F, N, F, F, F]);
    t.op(POST, "/api/v1/skps/{id}/revise").id(f.skp).expect(dedi_owner_writes);
    t.op(PUT, "/api/v1/skps/{id}/behaviors")
        .id(f.revision)
        .json(json!({ "behaviors": [{ "core_value": "akuntabel", "expectation": "Laporan tepat waktu" }] }))
        .expect([U, A, A, N, N, F, N, N, F, F, F]);
    t.op(POST, "/api/v1/skps/{id}/rhk")
        .id(f.revision)
        .json(json!({ "text": "Tersusunnya rekap rujukan bulanan", "kind": "utama", "parent_rhk_id": f.kasi_rhk, "indicators": [{ "aspect": "kuantitas", "text": "Rekap tersusun", "target": 12, "unit": "laporan" }] }))
        .expect(dedi_owner_writes);
    t.op(DELETE, "/api/v1/rhk/{id}").id(f.rhk_to_delete).expect(dedi_owner_writes);
    t.op(POST, "/api/v1/rhk/{id}/cascade")
        .id(f.rhk)
        .json(json!({ "employee_ids": [f.dedi], "kind": "utama" }))
        .expect(dedi_owner_writes);
    t.op(POST, "/api/v1/skps/{id}/submit").id(f.revision).expect(dedi_owner_writes);
    t.op(POST, "/api/v1/skps/{id}/approve").id(f.revision).expect(dedi_penilai_writes);
    t.op(POST, "/api/v1/skps/{id}/return")
        .id(f.revision)
        .json(json!({ "reason": "Lengkapi indikator kualitas" }))
        .expect(dedi_penilai_writes);
    t.op(POST, "/api/v1/skps")
        .json(json!({ "employee_id": f.dedi, "year": y + 1, "approach": "kuantitatif" }))
        .expect([U, A, F, N, N, F, N, N, F, A, F]);

    // Assessments of Dedi: Kasi rates and finalizes, Dedi objects or acknowledges, the atasan
    // penilai (Kabid, none of the columns) decides.
    t.op(GET, "/api/v1/assessments").expect(signed_in);
    t.op(POST, "/api/v1/assessments").json(assessment(y - 2)).expect(dedi_penilai_writes);
    t.op(GET, "/api/v1/assessments/{id}").id(f.assessment).expect(dedi_reads);
    t.op(PUT, "/api/v1/assessments/{id}").id(f.assessment).json(assessment(y)).expect(dedi_penilai_writes);
    t.op(POST, "/api/v1/assessments/{id}/finalize").id(f.assessment).expect(dedi_penilai_writes);
    t.op(POST, "/api/v1/assessments/{id}/object")
        .id(f.assessment)
        .json(json!({ "reason": "Target kuantitas sudah tercapai seluruhnya" }))
        .expect(dedi_owner_writes);
    t.op(POST, "/api/v1/assessments/{id}/respond")
        .id(f.assessment)
        .json(json!({ "response": "Tanggapan penilai atas keberatan ini" }))
        .expect(dedi_penilai_writes);
    t.op(POST, "/api/v1/assessments/{id}/acknowledge").id(f.assessment_finalized).expect(dedi_owner_writes);
    t.op(POST, "/api/v1/assessments/{id}/decide")
        .id(f.assessment)
        .json(json!({ "outcome": "upheld", "reason": "Penilaian sudah sesuai bukti" }))
        .expect([U, F, F, N, N, F, N, N, F, F, F]);

    // The complaint naming Dedi, filed at PKM-SUKAJADI: its handlers (the unit's operator and
    // heads, admin) act; the auditor and Dedi's penilai read; Dedi does not see it.
    t.op(GET, "/api/v1/complaints").expect(signed_in);
    t.op(GET, "/api/v1/complaints/{id}").id(f.complaint).expect([U, N, OK, N, N, OK, N, OK, OK, OK, OK]);
    t.op(GET, "/api/v1/complaints/{id}/history").id(f.complaint).expect([U, N, OK, N, N, OK, N, OK, OK, OK, OK]);
    t.op(POST, "/api/v1/complaints/{id}/transition")
        .id(f.complaint)
        .json(json!({ "to": "verified", "class": "normatif" }))
        .expect([U, N, F, N, N, A, N, A, F, A, F]);
    t.op(POST, "/api/v1/complaints/{id}/postpone")
        .id(f.complaint)
        .json(json!({ "until": f.today + chrono::Duration::days(7), "reason": "Menunggu hasil pemeriksaan lapangan" }))
        .expect([U, N, F, N, N, A, N, A, F, A, F]);

    // Reports and exports: of Dedi's unit (heads of it, admin, auditor), and of the whole city
    // (city-wide callers only; anyone else must name a unit: 422).
    let report = format!("unit_id={}&period={y}", f.ruj);
    for path in [
        "/api/v1/reports/activities",
        "/api/v1/reports/assessments",
        "/api/v1/reports/complaints",
        "/api/v1/reports/ikm",
        "/api/v1/reports/skps",
    ] {
        t.op(GET, path).query(&report).expect(unit_head_reads);
        t.op(GET, path).query(format!("period={y}")).expect(city_reads);
    }
    t.op(GET, "/api/v1/reports/tpp").query(format!("unit_id={}&month={month}", f.ruj)).expect(unit_head_reads);
    t.op(GET, "/api/v1/reports/tpp").query(format!("month={month}")).expect(city_reads);
    t.op(GET, "/api/v1/exports/siasn").query(format!("unit_id={}&year={y}", f.ruj)).expect(unit_head_reads);
    t.op(GET, "/api/v1/exports/siasn").query(format!("year={y}")).expect(city_reads);
    // Attendance comes from the admin or a city-wide token allowed to write it (not a read token).
    let yesterday = f.today - Duration::days(1);
    t.op(POST, "/api/v1/attendance/import")
        .body(Body::Csv(format!("nip,date,status\n{},{yesterday},hadir\n", demo::DEDI)))
        .expect(admin_only);
    // Disciplinary sanctions: recorded and annulled by the admin; read as the employee is seen.
    t.op(GET, "/api/v1/sanctions").query(format!("month={month}")).expect(signed_in);
    t.op(POST, "/api/v1/sanctions")
        .json(json!({ "employee_id": f.dedi, "level": "ringan", "decree_number": "800/01-BKPSDM", "starts_on": today, "ends_on": today, "reason": "Teguran tertulis" }))
        .expect(admin_only);
    // Annulled by the admin (again: nothing changes).
    t.op(DELETE, "/api/v1/sanctions/{id}").id(f.sanction).expect(admin_only);
    // Leave: recorded and annulled by the admin; read as the employee is seen. Holidays: the admin.
    t.op(GET, "/api/v1/leave").query(format!("month={month}")).expect(signed_in);
    t.op(POST, "/api/v1/leave")
        .json(json!({ "employee_id": f.dedi, "kind": "cuti_tahunan", "starts_on": today, "ends_on": today, "reference": "851/12-BKPSDM" }))
        .expect(admin_only);
    t.op(DELETE, "/api/v1/leave/{id}").id(f.leave).expect(admin_only);
    t.op(POST, "/api/v1/settings/holidays")
        .body(Body::Csv(format!("date,name,kind\n{}-01-01,Tahun Baru Masehi,libur_nasional\n", y + 1)))
        .expect(admin_only);

    // Oversight. The evaluation team (Kadisdukcapil over Dinkes) reads and reviews Dedi's
    // finalized assessment; the penilai answers the team's flag; the admin forms teams.
    t.op(GET, "/api/v1/evaluation-teams").expect(signed_in);
    let team =
        |member: i64, unit: i64| json!({ "name": "Tim Penilai Matriks", "member_ids": [member], "unit_ids": [unit] });
    t.op(POST, "/api/v1/evaluation-teams").json(team(f.kadis, f.bkpsdm)).expect(admin_only);
    t.op(PUT, "/api/v1/evaluation-teams/{id}").id(f.team).json(team(f.kadis, f.dinkes)).expect(admin_only);
    t.op(GET, "/api/v1/evaluation-teams/{id}/assessments").id(f.team).expect([U, N, N, N, N, N, OK, N, OK, OK, OK]);
    t.op(GET, "/api/v1/assessments/{id}/reviews")
        .id(f.assessment_finalized)
        .expect([U, OK, OK, N, N, OK, OK, N, OK, OK, OK]);
    t.op(POST, "/api/v1/assessments/{id}/reviews")
        .id(f.assessment_finalized)
        .json(json!({ "note": "Bukti realisasi lengkap", "recommendation": "development" }))
        .expect([U, F, F, N, N, F, A, N, F, F, F]);
    t.op(GET, "/api/v1/assessment-reviews").expect(signed_in);
    t.op(POST, "/api/v1/assessment-reviews/{id}/response")
        .id(f.flag)
        .json(json!({ "response": "Sudah saya tinjau ulang bersama bukti realisasi" }))
        .expect([U, F, A, N, N, F, F, N, F, F, F]);
    // Evaluation sessions of DINKES-RUJ: its heads and the admin write, the auditor reads; the
    // owner of a follow-up (Dedi) closes it.
    let heads_and_auditors = [U, F, F, F, F, OK, OK, F, OK, OK, OK];
    t.op(GET, "/api/v1/evaluation-sessions").expect(heads_and_auditors);
    let session = json!({ "unit_id": f.ruj, "kind": "periodic", "held_on": today, "title": "Evaluasi matriks", "attendees": ["Kepala Dinas"], "employee_ids": [f.dedi], "decisions": "Dibahas capaian rujukan" });
    t.op(POST, "/api/v1/evaluation-sessions").json(session).expect(unit_head_writes);
    t.op(GET, "/api/v1/evaluation-sessions/{id}").id(f.session).expect(unit_head_reads);
    t.op(POST, "/api/v1/evaluation-sessions/{id}/follow-ups")
        .id(f.session)
        .json(json!({ "description": "Menyusun rencana aksi", "owner_id": f.dedi, "due_on": today }))
        .expect(unit_head_writes);
    t.op(GET, "/api/v1/evaluation-follow-ups").expect(signed_in);
    t.op(PUT, "/api/v1/evaluation-follow-ups/{id}")
        .id(f.follow_up)
        .json(json!({ "status": "done", "note": "Rencana aksi selesai disusun" }))
        .expect([U, A, F, F, N, A, N, N, F, A, F]);
    // Public dialogue forums of PKM-SUKAJADI: its heads and operator (and the admin) run them, the
    // auditor reads; citizens read and send aspirasi without an account.
    t.op(GET, "/api/v1/forums").expect([U, F, F, F, F, OK, OK, OK, OK, OK, OK]);
    t.op(POST, "/api/v1/forums")
        .json(json!({ "unit_id": f.pkm, "topic": "Forum matriks layanan", "date": today, "place": "Aula Puskesmas" }))
        .expect(service_unit_writes);
    t.op(GET, "/api/v1/forums/{id}").id(f.forum).expect(service_unit_reads);
    t.op(PUT, "/api/v1/forums/{id}")
        .id(f.forum)
        .json(json!({ "description": "Membahas antrean dan jadwal dokter" }))
        .expect(service_unit_writes);
    t.op(POST, "/api/v1/forums/{id}/inputs")
        .id(f.forum)
        .json(json!({ "text": "Antrean lansia perlu loket khusus", "speaker": "Warga RW 04" }))
        .expect(service_unit_writes);
    t.op(PUT, "/api/v1/forum-inputs/{id}")
        .id(f.forum_input)
        .json(json!({ "status": "discussed" }))
        .expect(service_unit_writes);
    t.op(POST, "/api/v1/forums/{id}/commitments")
        .id(f.forum)
        .json(json!({ "description": "Membuka loket lansia", "owner": "Kepala Puskesmas", "due_on": today }))
        .expect(service_unit_writes);
    t.op(PUT, "/api/v1/forum-commitments/{id}")
        .id(f.commitment)
        .json(json!({ "status": "done", "note": "Loket lansia dibuka" }))
        .expect(service_unit_writes);
    t.op(GET, "/api/v1/public/forums").expect(public);
    t.op(GET, "/api/v1/public/forums/{id}").id(f.forum).expect(public);
    t.op(POST, "/api/v1/public/forums/{id}/inputs")
        .id(f.forum)
        .json(json!({ "text": "Mohon jadwal dokter gigi diumumkan setiap pekan" }))
        .expect([A; 11]);
    t.op(GET, "/api/v1/public/forum-inputs/{tracking_code}").id(&f.input_code).expect(public);
    // A forum commitment as an official's target: the unit's staff assign it and add milestones;
    // progress is reported by them or the official (none yet here).
    t.op(POST, "/api/v1/forum-commitments/{id}/target")
        .id(f.commitment)
        .json(json!({ "employee_id": f.dedi }))
        .expect([U, N, N, N, N, A, N, F, F, A, F]);
    t.op(POST, "/api/v1/forum-commitments/{id}/milestones")
        .id(f.commitment)
        .json(json!({ "title": "Papan informasi dipasang", "due_on": today }))
        .expect(service_unit_writes);
    t.op(PUT, "/api/v1/forum-commitments/{id}/milestones/{milestone_id}")
        .id(f.commitment)
        .id(f.milestone)
        .json(json!({ "done": true }))
        .expect(service_unit_writes);
    t.op(PUT, "/api/v1/forum-commitments/{id}/progress")
        .id(f.commitment)
        .json(json!({ "percent": 30 }))
        .expect(service_unit_writes);

    // The 360° pulse about Dedi, opened by his penilai: Sri (his peer) answers; the penilai, the
    // head and the admin run it; whoever reads Dedi's rating evidence reads the aggregate.
    let quarter = format!("{}-Q{}", f.today.year(), (f.today.month() - 1) / 3 + 1);
    t.op(POST, "/api/v1/pulse-rounds")
        .json(json!({ "employee_id": f.dedi, "period": quarter, "closes_on": today }))
        .expect([U, F, A, N, N, A, N, N, F, A, F]);
    t.op(GET, "/api/v1/pulse-rounds").expect(signed_in);
    t.op(GET, "/api/v1/pulse-rounds/{id}").id(f.pulse_round).expect([U, N, OK, N, N, OK, N, N, OK, OK, OK]);
    t.op(GET, "/api/v1/pulse/invitations").expect(signed_in);
    t.op(POST, "/api/v1/pulse/invitations/{id}/answer")
        .id(f.pulse_invitation)
        .json(json!({ "scores": [4, 4, 4, 4, 4, 4, 4] }))
        .combined([N, N, N])
        .expect([U, N, N, A, N, N, N, N, N, N, F]);
    t.op(GET, "/api/v1/employees/{id}/pulse").id(f.dedi).query(format!("period={quarter}")).expect(dedi_team_reads);
    t.op(GET, "/api/v1/public/pulse/{code}").id(&f.pulse_code).expect(public);
    t.op(POST, "/api/v1/public/pulse/{code}")
        .id(&f.pulse_code)
        .json(json!({ "employee_id": f.dedi, "scores": [5, 5, 5, 5, 5, 5, 5] }))
        .expect([A; 11]);
    let runs_pulse = [U, N, A, N, N, A, N, N, F, A, F];
    t.op(POST, "/api/v1/pulse-rounds/{id}/remind").id(f.pulse_round).expect(runs_pulse);
    t.op(POST, "/api/v1/pulse-rounds/{id}/close").id(f.pulse_round).expect(runs_pulse);

    // Calibration: the radar for the head, the BKPSDM, the auditor and the evaluation team over
    // Dinkes (Kadisdukcapil); a calibration session's changes and lock by the unit's heads.
    t.op(GET, "/api/v1/rater-bias")
        .query(format!("unit_id={}&period={quarter}", f.ruj))
        .expect([U, F, F, F, N, OK, OK, N, OK, OK, OK]);
    t.op(POST, "/api/v1/evaluation-sessions/{id}/changes")
        .id(f.calibration)
        .json(json!({ "assessment_id": f.assessment, "result_rating": "sesuai", "behavior_rating": "sesuai", "reason": "Disepakati dalam kalibrasi" }))
        .expect(unit_head_writes);
    t.op(POST, "/api/v1/evaluation-sessions/{id}/lock").id(f.calibration).expect(unit_head_writes);

    // The talent 9-box: as the dashboard, a unit's readers or the city's.
    t.op(GET, "/api/v1/talent").query(format!("unit_id={}", f.ruj)).expect(unit_head_reads);
    t.op(GET, "/api/v1/talent").expect(city_only);
    t.op(GET, "/api/v1/talent/people").query(format!("unit_id={}", f.ruj)).expect(unit_head_reads);

    t.0
}

/// Today in the Pemda's time zone (WIB by default), as the server sees it.
fn local_today() -> NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

/// A fixture step that must succeed: its JSON answer.
async fn ok(app: &TestApp, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> Value {
    let (status, value) = app.call(method.clone(), path, token, body).await;
    assert!(status.is_success(), "fixture {method} {path}: {status} {value}");
    value
}

fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

/// Builds the fixtures; `tokens` holds one bearer per column (none for anonymous).
async fn fixtures(app: &TestApp, tokens: &[Option<String>; 14]) -> Fx {
    let t = |role: usize| tokens[role].as_deref();
    let (dedi, kasi, admin) = (t(1), t(2), t(9));
    let today = local_today();
    let year = today.year();
    let mut f = Fx {
        year,
        today,
        dedi: app.employee_id(demo::DEDI).await,
        ruj: app.unit_id("DINKES-RUJ").await,
        pkm: app.unit_id("PKM-SUKAJADI").await,
        bkpsdm: app.unit_id("BKPSDM").await,
        ..Fx::default()
    };

    let plans =
        ok(app, GET, &format!("/api/v1/skps?employee_id={}&year={year}&status=approved", f.dedi), dedi, None).await;
    f.skp = id(&plans["items"][0]);
    let plan = ok(app, GET, &format!("/api/v1/skps/{}", f.skp), dedi, None).await;
    let first = &plan["rhk"][0];
    f.rhk = id(first);
    f.kasi_rhk = first["parent_rhk_id"].as_i64().expect("Dedi's RHK supports one of Kasi's");
    f.indicator = first["indicators"]
        .as_array()
        .and_then(|all| all.iter().find(|i| i["aspect"] == "kuantitas"))
        .map(id)
        .expect("a quantity indicator");

    let form = Form::new().part("file", Part::bytes(PDF.to_vec()).file_name("rekap.pdf"));
    let res =
        app.client.post(app.url("/api/v1/evidence")).bearer_auth(dedi.unwrap()).multipart(form).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::CREATED, "fixture evidence upload");
    f.evidence = id(&res.json::<Value>().await.unwrap());

    let rhk = f.rhk;
    let log = async |description: &str, submit: bool| {
        let body = json!({ "date": today.to_string(), "minutes": 30, "description": description, "rhk_id": rhk, "output_qty": 1, "submit": submit });
        id(&ok(app, POST, "/api/v1/activities", dedi, Some(body)).await)
    };
    f.activity = log("Menyusun rekap rujukan pagi", true).await;
    f.activity_draft = log("Memeriksa kelengkapan berkas rujukan", false).await;
    f.activity_to_delete = log("Catatan yang akan dihapus", false).await;
    f.activity_for_bulk = log("Mengirim laporan rujukan mingguan", true).await;

    let feedback = json!({ "employee_id": f.dedi, "text": "Rekap rujukan minggu ini rapi", "core_value": "akuntabel" });
    f.feedback = id(&ok(app, POST, "/api/v1/feedback", kasi, Some(feedback)).await);
    let inbox = ok(app, GET, "/api/v1/notifications", dedi, None).await;
    f.notification = id(&inbox["items"][0]);

    f.revision = id(&ok(app, POST, &format!("/api/v1/skps/{}/revise", f.skp), dedi, None).await);
    let extra = json!({ "text": "RHK tambahan yang akan dihapus", "kind": "tambahan", "parent_rhk_id": f.kasi_rhk, "indicators": [{ "aspect": "kuantitas", "text": "Dokumen", "target": 1, "unit": "dokumen" }] });
    f.rhk_to_delete = id(&ok(app, POST, &format!("/api/v1/skps/{}/rhk", f.revision), dedi, Some(extra)).await);

    let rate = |period: i32| json!({ "employee_id": f.dedi, "period": period.to_string(), "result_rating": "sesuai", "behavior_rating": "di_atas" });
    f.assessment = id(&ok(app, POST, "/api/v1/assessments", kasi, Some(rate(year))).await);
    f.assessment_finalized = id(&ok(app, POST, "/api/v1/assessments", kasi, Some(rate(year - 1))).await);
    ok(app, POST, &format!("/api/v1/assessments/{}/finalize", f.assessment_finalized), kasi, None).await;

    let complaint = json!({ "unit_id": f.pkm, "category": "pengaduan", "text": "Petugas rujukan tidak datang tepat waktu", "employee_nip": demo::DEDI, "contact": "0812-0000-1111" });
    let receipt = ok(app, POST, "/api/v1/public/complaints", None, Some(complaint)).await;
    f.tracking_code = receipt["tracking_code"].as_str().unwrap().to_owned();
    let queue = ok(app, GET, &format!("/api/v1/complaints?employee_id={}", f.dedi), admin, None).await;
    f.complaint = id(&queue["items"][0]);
    ok(
        app,
        POST,
        &format!("/api/v1/units/{}/ikm/publish", f.pkm),
        admin,
        Some(json!({ "period": year.to_string(), "confirm_insufficient_sample": true })),
    )
    .await;

    f.moved_activity = moved_activity(app, &f, admin, kasi).await;

    let victim = json!({ "username": "matrix.korban", "password": "KorbanMatriks2026", "roles": [] });
    f.victim_user = id(&ok(app, POST, "/api/v1/users", admin, Some(victim)).await);
    let doomed = json!({ "name": "matrix-dicabut", "access": "read" });
    f.token_to_revoke = id(&ok(app, POST, "/api/v1/api-tokens", admin, Some(doomed)).await);
    let tablet = json!({ "name": "Tablet loket dicabut" });
    f.kiosk_to_revoke = id(&ok(app, POST, &format!("/api/v1/units/{}/kiosks", f.pkm), admin, Some(tablet)).await);

    let catalogue = ok(app, GET, "/api/v1/competencies", admin, None).await;
    f.m1 = id(catalogue["items"].as_array().unwrap().iter().find(|c| c["code"] == "M1").unwrap());
    let plan = json!({ "year": year, "goals": "Meningkatkan integritas dan komunikasi" });
    f.plan = id(&ok(app, POST, &format!("/api/v1/employees/{}/development-plans", f.dedi), kasi, Some(plan)).await);
    let training = json!({ "course": "Pelatihan Integritas", "provider": "BPSDM", "jp": 8, "start_on": today.to_string(), "end_on": today.to_string() });
    f.training =
        id(&ok(app, POST, &format!("/api/v1/development-plans/{}/trainings", f.plan), kasi, Some(training)).await);
    let sanction = json!({ "employee_id": f.dedi, "level": "ringan", "decree_number": "800/02-BKPSDM", "starts_on": today.to_string(), "ends_on": today.to_string(), "reason": "Dicatat untuk dihapus" });
    f.sanction = id(&ok(app, POST, "/api/v1/sanctions", admin, Some(sanction)).await);
    // A name that does not resolve: the delivery fails and waits, to be replayed.
    let hook = json!({ "url": "https://jembatan.kinerja.invalid/kinerja", "events": ["leave.recorded"], "secret": "rahasia-matriks-0123456789" });
    f.webhook = id(&ok(app, POST, "/api/v1/webhooks", admin, Some(hook.clone())).await);
    f.webhook_to_delete = id(&ok(app, POST, "/api/v1/webhooks", admin, Some(hook)).await);
    let leave = json!({ "employee_id": f.dedi, "kind": "dinas_luar", "starts_on": today.to_string(), "ends_on": today.to_string() });
    f.leave = id(&ok(app, POST, "/api/v1/leave", admin, Some(leave)).await);
    let fed = json!({ "indicator_id": f.indicator, "period": today.format("%Y-%m").to_string(), "value": 3, "source": "Matriks", "reference": "FX-1" });
    f.feed = ok(app, POST, "/api/v1/indicator-feeds", admin, Some(fed)).await["feed_id"].as_i64().unwrap();
    let export = json!({ "unit_id": app.unit_id("DINKES").await, "year": year, "push": false });
    f.bkn_export = id(&ok(app, POST, "/api/v1/bkn-exports", admin, Some(export)).await);
    let sent = ok(app, GET, &format!("/api/v1/webhooks/{}/deliveries", f.webhook), admin, None).await;
    f.delivery = id(&sent["items"][0]);
    oversight_fixtures(app, &mut f, tokens).await;
    f
}

/// The evaluation team with its flag, the session with its follow-up, the forum with an aspirasi
/// and a commitment (see `Fx`).
async fn oversight_fixtures(app: &TestApp, f: &mut Fx, tokens: &[Option<String>; 14]) {
    let t = |role: usize| tokens[role].as_deref();
    let (kadinkes, kadis, operator, admin) = (t(5), t(6), t(7), t(9));
    f.kadis = app.employee_id(demo::KADISDUKCAPIL).await;
    f.dinkes = app.unit_id("DINKES").await;
    let team = json!({ "name": "Tim Penilai Kinerja", "member_ids": [f.kadis], "unit_ids": [f.dinkes] });
    f.team = id(&ok(app, POST, "/api/v1/evaluation-teams", admin, Some(team)).await);
    let flag = json!({ "note": "Distribusi predikat perlu dicermati", "flag": true, "reason": "Bukti realisasi belum mendukung predikat" });
    f.flag =
        id(&ok(app, POST, &format!("/api/v1/assessments/{}/reviews", f.assessment_finalized), kadis, Some(flag)).await);
    let today = f.today.to_string();
    let session = json!({ "unit_id": f.ruj, "kind": "annual", "held_on": today, "title": "Evaluasi tahunan seksi rujukan", "attendees": ["Kepala Dinas", "Kepala Seksi"], "employee_ids": [f.dedi], "decisions": "Dedi menyusun rencana aksi", "follow_ups": [{ "description": "Rencana aksi rujukan", "owner_id": f.dedi, "due_on": today }] });
    let session = ok(app, POST, "/api/v1/evaluation-sessions", kadinkes, Some(session)).await;
    f.session = id(&session);
    f.follow_up = id(&session["follow_ups"][0]);
    let forum = json!({ "unit_id": f.pkm, "topic": "Forum konsultasi publik puskesmas", "date": today, "place": "Aula Puskesmas Sukajadi" });
    f.forum = id(&ok(app, POST, "/api/v1/forums", operator, Some(forum)).await);
    let input = json!({ "text": "Antrean pendaftaran lansia terlalu panjang", "contact": "0812-1111-2222" });
    let receipt = ok(app, POST, &format!("/api/v1/public/forums/{}/inputs", f.forum), None, Some(input)).await;
    f.input_code = receipt["tracking_code"].as_str().unwrap().to_owned();
    let staff = ok(app, GET, &format!("/api/v1/forums/{}", f.forum), operator, None).await;
    f.forum_input = id(&staff["inputs"][0]);
    let commitment = json!({ "description": "Membuka loket khusus lansia", "owner": "Kepala Puskesmas", "due_on": today, "input_ids": [f.forum_input] });
    f.commitment =
        id(&ok(app, POST, &format!("/api/v1/forums/{}/commitments", f.forum), operator, Some(commitment)).await);
    let step = json!({ "title": "Meja loket disiapkan", "due_on": today });
    let with_step =
        ok(app, POST, &format!("/api/v1/forum-commitments/{}/milestones", f.commitment), operator, Some(step)).await;
    f.milestone = id(&with_step["milestones"][0]);
    let quarter = format!("{}-Q{}", f.today.year(), (f.today.month() - 1) / 3 + 1);
    let round = json!({ "employee_id": f.dedi, "period": quarter, "closes_on": today, "service_users": true });
    let round = ok(app, POST, "/api/v1/pulse-rounds", t(2), Some(round)).await;
    f.pulse_round = id(&round);
    f.pulse_code = round["public_code"].as_str().unwrap().to_owned();
    let asked = ok(app, GET, "/api/v1/pulse/invitations", t(3), None).await;
    f.pulse_invitation = id(&asked["items"][0]);
    let calibration = json!({ "unit_id": f.ruj, "kind": "calibration", "held_on": today, "title": "Kalibrasi penilaian seksi rujukan", "attendees": ["Kepala Dinas"], "decisions": "Penilaian dibahas bersama" });
    f.calibration = id(&ok(app, POST, "/api/v1/evaluation-sessions", kadinkes, Some(calibration)).await);
}

/// An employee of DINKES-RUJ under Kasi plans (approved by Kasi), logs and submits an activity,
/// then moves under Kabid: the activity's recorded penilai is still Kasi. Returns its id.
async fn moved_activity(app: &TestApp, f: &Fx, admin: Option<&str>, kasi: Option<&str>) -> i64 {
    let kasi_id = app.employee_id(demo::KASI_RUJUKAN).await;
    let employee = json!({ "nip": "199601012022031005", "name": "Pegawai Pindahan", "unit_id": f.ruj, "position_title": "Pengolah Data Rujukan", "position_kind": "pelaksana", "supervisor_id": kasi_id });
    let moved = id(&ok(app, POST, "/api/v1/employees", admin, Some(employee)).await);
    let account = json!({ "username": "matrix.pindahan", "password": kinerja_api::seed::demo::DEMO_PASSWORD, "employee_id": moved });
    ok(app, POST, "/api/v1/users", admin, Some(account)).await;
    let me = app.token("matrix.pindahan").await;
    let me = Some(me.as_str());
    let plan = id(&ok(app, POST, "/api/v1/skps", me, Some(json!({ "year": f.year }))).await);
    let rhk = json!({ "text": "Terolahnya data rujukan", "kind": "utama", "parent_rhk_id": f.kasi_rhk, "indicators": [{ "aspect": "kuantitas", "text": "Data terolah", "target": 12, "unit": "laporan" }] });
    let rhk = id(&ok(app, POST, &format!("/api/v1/skps/{plan}/rhk"), me, Some(rhk)).await);
    ok(app, POST, &format!("/api/v1/skps/{plan}/submit"), me, None).await;
    ok(app, POST, &format!("/api/v1/skps/{plan}/approve"), kasi, None).await;
    let work = json!({ "date": f.today.to_string(), "minutes": 60, "description": "Mengolah data rujukan", "rhk_id": rhk, "submit": true });
    let activity = id(&ok(app, POST, "/api/v1/activities", me, Some(work)).await);
    let kabid = app.employee_id(demo::KABID_YANKES).await;
    ok(app, PATCH, &format!("/api/v1/employees/{moved}"), admin, Some(json!({ "supervisor_id": kabid }))).await;
    activity
}

/// Every (METHOD, path) of the spec.
fn spec_operations() -> BTreeSet<(String, String)> {
    let spec: Value = serde_json::from_str(&kinerja_api::openapi::to_json()).unwrap();
    let mut out = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "patch", "delete", "head", "options"] {
            if item.get(method).is_some() {
                out.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

fn check_table_covers_the_spec() {
    let spec = spec_operations();
    let rows: BTreeSet<(String, String)> =
        table(&Fx::default()).iter().map(|r| (r.method.as_str().to_owned(), r.template.to_owned())).collect();
    let missing: Vec<String> = spec.difference(&rows).map(|(m, p)| format!("  {m} {p}")).collect();
    let stale: Vec<String> = rows.difference(&spec).map(|(m, p)| format!("  {m} {p}")).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "the authorization table must have a row for every operation of the spec and no other.\n\
         Operations without a row ({}):\n{}\nRows for operations not in the spec ({}):\n{}",
        missing.len(),
        missing.join("\n"),
        stale.len(),
        stale.join("\n"),
    );
}

/// Whether an answer matches the expected cell.
fn matches(expected: u16, got: u16) -> bool {
    if expected == A {
        !matches!(got, 400 | 401 | 403 | 404 | 405 | 415) && got < 500
    } else {
        got == expected
    }
}

async fn send(
    app: &TestApp,
    row: &Row,
    token: Option<&str>,
    user: Option<&str>,
    refresh: &mut String,
) -> (u16, String) {
    let mut req = app.client.request(row.method.clone(), app.url(&row.path));
    let own_session = match (&row.body, user, token) {
        (Body::Logout, Some(u), Some(_)) => Some(app.token(u).await),
        _ => None,
    };
    if let Some(t) = own_session.as_deref().or(token) {
        req = req.bearer_auth(t);
    }
    req = match &row.body {
        Body::None => req,
        Body::Json(v) => req.json(v),
        Body::Csv(s) => req.header(CONTENT_TYPE, "text/csv").body(s.clone()),
        Body::Pdf => req.multipart(Form::new().part("file", Part::bytes(PDF.to_vec()).file_name("bukti.pdf"))),
        Body::Refresh => req.json(&json!({ "refresh_token": refresh })),
        Body::Logout => req.json(&json!({ "refresh_token": "bukan-token-penyegaran" })),
    };
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    if matches!(row.body, Body::Refresh) && status == 200 {
        if let Some(next) =
            serde_json::from_str::<Value>(&text).ok().and_then(|v| v["refresh_token"].as_str().map(str::to_owned))
        {
            *refresh = next;
        }
    }
    (status, text)
}

fn describe(code: u16) -> String {
    if code == A {
        "allowed (not 401/403/404)".into()
    } else {
        code.to_string()
    }
}

async fn every_route_for_every_role(app: TestApp) {
    check_table_covers_the_spec();
    let started = Instant::now();

    let admin = app.token("admin").await;
    for (username, roles, unit, nip) in COMBINED {
        let unit_id = match unit {
            Some(code) => Some(app.unit_id(code).await),
            None => None,
        };
        let employee_id = match nip {
            Some(nip) => Some(app.employee_id(nip).await),
            None => None,
        };
        let account = json!({ "username": username, "password": kinerja_api::seed::demo::DEMO_PASSWORD, "roles": roles, "unit_id": unit_id, "employee_id": employee_id });
        ok(&app, POST, "/api/v1/users", Some(&admin), Some(account)).await;
    }
    let mut tokens: [Option<String>; 14] = Default::default();
    for (i, (_, user)) in ROLES.iter().enumerate() {
        if let Some(user) = user {
            tokens[i] = Some(app.token(user).await);
        }
    }
    let created =
        ok(&app, POST, "/api/v1/api-tokens", tokens[9].as_deref(), Some(json!({ "name": "matrix", "access": "read" })))
            .await;
    tokens[READ_TOKEN] = Some(created["token"].as_str().unwrap().to_owned());
    let spare = app.login_raw("camat.sukasari", kinerja_api::seed::demo::DEMO_PASSWORD).await;
    let mut refresh = spare.json::<Value>().await.unwrap()["refresh_token"].as_str().unwrap().to_owned();
    let f = fixtures(&app, &tokens).await;
    let rows = table(&f);

    let mut failures = Vec::new();
    let mut requests = 0;
    for row in &rows {
        let refused = (0..ROLES.len()).filter(|&r| row.expect[r] != A);
        let allowed = (0..ROLES.len()).filter(|&r| row.expect[r] == A);
        for r in refused.chain(allowed) {
            let (got, text) = send(&app, row, tokens[r].as_deref(), ROLES[r].1, &mut refresh).await;
            requests += 1;
            if !matches(row.expect[r], got) {
                let (label, user) = ROLES[r];
                let who = user.map(|u| format!("{label} ({u})")).unwrap_or_else(|| label.to_owned());
                let snippet: String = text.chars().filter(|c| *c != '\n').take(200).collect();
                failures.push(format!(
                    "  {} {}  [{}]  as {who}: expected {}, got {got}: {snippet}",
                    row.method,
                    row.template,
                    row.path,
                    describe(row.expect[r]),
                ));
            }
        }
    }
    println!(
        "authorization matrix on {:?}: {} rows × {} roles, {requests} requests in {:.1?}",
        app.backend,
        rows.len(),
        ROLES.len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} of {requests} answers differ from the authorization table ({:?}):\n{}",
        failures.len(),
        app.backend,
        failures.join("\n")
    );
}

db_tests!(every_route_for_every_role);
