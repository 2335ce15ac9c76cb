//! Pieces every page uses.

pub mod confirm;
pub mod employee_picker;
pub mod error_banner;
pub mod evidence;
pub mod field;
pub mod header;
pub mod indicator_editor;
pub mod layout;
pub mod loading;
pub mod meter;
pub mod nav;
pub mod notice;
pub mod notification_bell;
pub mod pager;
pub mod period_picker;
pub mod skp_view;
pub mod status_badge;
pub mod year_picker;

pub use confirm::Confirm;
pub use error_banner::ErrorBanner;
pub use field::{CheckField, Field, SelectField};
pub use header::LanguageToggle;
pub use layout::Layout;
pub use loading::Loading;
pub use meter::Meter;
pub use notice::Notice;
pub use pager::Pager;
pub use period_picker::PeriodPicker;
pub use status_badge::{ActivityBadge, StatusBadge};
pub use year_picker::YearPicker;
