//! The generator against the repository's specs: the checked-in client, the
//! fixtures, the broken-spec corpus and generated inputs.

// Tests may unwrap and panic, whatever lints the workspace turns on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod broken_specs;
mod compile_fixtures;
mod corpus;
mod diagnostics;
mod drift;
mod fuzz;
mod openapi31;
mod snapshots;
