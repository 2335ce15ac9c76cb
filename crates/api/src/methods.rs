//! Which methods each API path answers, read once from the OpenAPI document: a known path asked
//! with a method it does not have answers 405 with `Allow` (RFC 9110), not 404.

use crate::error::ApiError;
use actix_web::http::Method;
use std::sync::OnceLock;

/// Each path template of the spec, split in segments, with its methods (`GET, POST`).
type Table = Vec<(Vec<String>, String)>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let doc = crate::openapi::document();
        doc.paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods: Vec<&str> = [
                    ("GET", item.get.is_some()),
                    ("PUT", item.put.is_some()),
                    ("POST", item.post.is_some()),
                    ("DELETE", item.delete.is_some()),
                    ("PATCH", item.patch.is_some()),
                ]
                .into_iter()
                .filter_map(|(m, has)| has.then_some(m))
                .collect();
                (segments(path).map(str::to_owned).collect(), methods.join(", "))
            })
            .collect()
    })
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.trim_end_matches('/').split('/')
}

/// The methods `path` answers (`GET, POST`), if it is a path of the API. Of the templates that
/// match, the most literal wins: `/activities/team` before `/activities/{id}`.
pub fn allowed(path: &str) -> Option<&'static str> {
    let asked: Vec<&str> = segments(path).collect();
    table()
        .iter()
        .filter(|(template, _)| {
            template.len() == asked.len()
                && template.iter().zip(&asked).all(|(t, a)| t == a || (t.starts_with('{') && !a.is_empty()))
        })
        .max_by_key(|(template, _)| template.iter().filter(|t| !t.starts_with('{')).count())
        .map(|(_, methods)| methods.as_str())
}

/// What a request that no route took gets: 405 on a known path that lacks its method, else 404.
pub fn unrouted(method: &Method, path: &str) -> ApiError {
    match allowed(path) {
        Some(allow) if !allow.split(", ").any(|m| m == method.as_str()) => ApiError::MethodNotAllowed { allow },
        _ => ApiError::NotFound,
    }
}

/// The handler of what no route under `/api/v1` took.
pub async fn not_routed(req: actix_web::HttpRequest) -> Result<actix_web::HttpResponse, ApiError> {
    Err(unrouted(req.method(), req.path()))
}

#[cfg(test)]
mod tests {
    use super::allowed;

    #[test]
    fn known_paths_name_their_methods() {
        assert_eq!(allowed("/api/v1/auth/login"), Some("POST"));
        assert_eq!(allowed("/api/v1/units/12"), Some("GET, PATCH"));
        assert_eq!(allowed("/api/v1/nothing"), None);
        assert_eq!(allowed("/api/v1/units/"), Some("GET, POST"));
        assert_eq!(allowed("/api/v1/activities/bulk-approve"), Some("POST"));
        assert_eq!(allowed("/health"), Some("GET"));
    }
}
