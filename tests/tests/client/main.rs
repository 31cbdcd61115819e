//! The generated client `pagesense_goals` against servers on 127.0.0.1 that the
//! tests start themselves.

// Tests may unwrap and panic, whatever lints the workspace turns on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod adversarial;
mod config;
mod end_to_end;
mod faults;
