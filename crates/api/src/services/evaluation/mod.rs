//! Oversight beside the direct superior: the evaluation teams (`teams`) and their reviews of
//! assessments (`reviews`), and the leadership's evaluation sessions with follow-ups (`sessions`).

pub mod reviews;
pub mod sessions;
pub mod teams;
