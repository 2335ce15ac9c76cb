//! Pieces every page uses.

pub mod employee_picker;
pub mod error_banner;
pub mod field;
pub mod header;
pub mod layout;
pub mod loading;
pub mod nav;
pub mod notice;
pub mod pager;

pub use error_banner::ErrorBanner;
pub use field::{CheckField, Field, SelectField};
pub use header::LanguageToggle;
pub use layout::Layout;
pub use loading::Loading;
pub use notice::Notice;
pub use pager::Pager;
