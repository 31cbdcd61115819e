//! Cross-crate tests of the workspace: the generated client against the spec
//! (drift), the generator against fixture specs (snapshots), and the client against
//! local servers (end to end). The tests live in `tests/tests/`.
//!
//! The workspace README is included below so that its example is compiled as a
//! doctest of this crate.
#![doc = include_str!("../../README.md")]
