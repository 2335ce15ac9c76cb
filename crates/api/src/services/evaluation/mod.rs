//! Oversight beside the direct superior: the evaluation teams (`teams`) and their reviews of
//! assessments (`reviews`), the leadership's evaluation sessions with follow-ups (`sessions`), and
//! calibration sessions' agreed rating changes and locked minutes (`calibration`).

pub mod calibration;
pub mod reviews;
pub mod sessions;
pub mod teams;
