//! What citizens use without an account: the service units, the satisfaction survey, complaints
//! and their tracking, and the public dialogue forums with their aspirasi. No session token is
//! ever sent here.

use super::client;
use super::ApiError;
use kinerja_types::{
    ComplaintReceipt, InputReceipt, NewComplaint, NewPublicInput, Page, PublicComplaintStatus, PublicForum, PublicInfo,
    PublicInput, PublicOfficer, PublicUnit,
};

/// The largest page the server gives.
const PER_PAGE: u64 = Page::<PublicUnit>::MAX_PER_PAGE;

/// `GET /public/units?page=&per_page=` (and `code=` when looking for one).
async fn page(number: u64, code: Option<&str>) -> Result<Page<PublicUnit>, ApiError> {
    let mut query = vec![("page", number.to_string()), ("per_page", PER_PAGE.to_string())];
    if let Some(code) = code {
        query.push(("code", code.to_owned()));
    }
    client::get_anonymous("/public/units", &query).await
}

/// `GET /public/info`: the Pemda's name for the public pages.
pub async fn info() -> Result<PublicInfo, ApiError> {
    client::get_anonymous("/public/info", &[]).await
}

/// Every service unit, by name (a city has a few hundred at most).
pub async fn units() -> Result<Vec<PublicUnit>, ApiError> {
    let mut units = Vec::new();
    for number in 1.. {
        let batch = page(number, None).await?;
        let done = batch.items.is_empty() || number * batch.per_page.max(1) >= batch.total;
        units.extend(batch.items);
        if done {
            break;
        }
    }
    Ok(units)
}

/// The service unit with `code` (any case), if there is one. Asks the server with `code=`; the
/// answer is still checked here, so a server that lists every unit only takes longer.
pub async fn unit_by_code(code: &str) -> Result<Option<PublicUnit>, ApiError> {
    let wanted = code.trim();
    for number in 1.. {
        let batch = page(number, Some(wanted)).await?;
        if let Some(unit) = batch.items.iter().find(|u| u.code.eq_ignore_ascii_case(wanted)) {
            return Ok(Some(unit.clone()));
        }
        if batch.items.is_empty() || number * batch.per_page.max(1) >= batch.total {
            break;
        }
    }
    Ok(None)
}

/// `POST /public/complaints`: the tracking code of the new complaint.
pub async fn file_complaint(complaint: &NewComplaint) -> Result<ComplaintReceipt, ApiError> {
    client::post_anonymous("/public/complaints", complaint).await
}

/// `GET /public/complaints/{tracking_code}`: the status and the public response.
pub async fn track(tracking_code: &str) -> Result<PublicComplaintStatus, ApiError> {
    let code = js_sys::encode_uri_component(tracking_code.trim());
    client::get_anonymous(&format!("/public/complaints/{code}"), &[]).await
}

/// `GET /public/forums?page=&per_page=`: forums without their aspirasi and commitments.
pub async fn forums(number: u64, per_page: u64) -> Result<Page<PublicForum>, ApiError> {
    let query = [("page", number.max(1).to_string()), ("per_page", per_page.to_string())];
    client::get_anonymous("/public/forums", &query).await
}

/// `GET /public/forums/{id}`: the forum with its public aspirasi, minutes and commitments.
pub async fn forum(id: i64) -> Result<PublicForum, ApiError> {
    client::get_anonymous(&format!("/public/forums/{id}"), &[]).await
}

/// `POST /public/forums/{id}/inputs`: the tracking code of the new aspirasi.
pub async fn send_aspirasi(forum_id: i64, input: &NewPublicInput) -> Result<InputReceipt, ApiError> {
    client::post_anonymous(&format!("/public/forums/{forum_id}/inputs"), input).await
}

/// `GET /public/forum-inputs/{tracking_code}`: where an aspirasi stands.
pub async fn track_aspirasi(tracking_code: &str) -> Result<PublicInput, ApiError> {
    let code = js_sys::encode_uri_component(tracking_code.trim());
    client::get_anonymous(&format!("/public/forum-inputs/{code}"), &[]).await
}

/// `GET /public/units/{id}/officers`: the unit's officers a citizen may name in a complaint, the
/// first page of them (a unit's front office; a larger one is still named by description).
pub async fn officers(unit_id: i64) -> Result<Vec<PublicOfficer>, ApiError> {
    let query = [("per_page", Page::<()>::MAX_PER_PAGE.to_string())];
    let page: Page<PublicOfficer> = client::get_anonymous(&format!("/public/units/{unit_id}/officers"), &query).await?;
    Ok(page.items)
}
