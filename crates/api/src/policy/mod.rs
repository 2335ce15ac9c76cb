//! The one authorization policy.
//!
//! Every handler asks here, and nowhere else compares roles:
//! - [`Viewer`]: who calls, computed once per request (see `routes::viewer`) with its scopes;
//! - [`Scope`]: what the viewer may **read** — the whole city (admin, auditor), the subtree of its
//!   unit (`kepala_unit`, `operator_layanan`), itself and everyone below it in the supervisor chain;
//! - the **write scope**: the subtree of the unit of a unit role, and nothing else. A city-wide read
//!   role never widens it: an auditor who also heads the Inspektorat writes for the Inspektorat only;
//! - [`Capability`]: a named power, decided by [`Viewer::may`] from the roles and both scopes.
//!
//! Outside the read scope the answer is 404, as if the record did not exist; inside it but without
//! the capability, 403.

mod capability;
mod scope;
mod viewer;

pub use capability::Capability;
pub use scope::{employees_within, within, Scope, Units};
pub use viewer::{parse_roles, Profile, Viewer};
