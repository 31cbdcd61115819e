//! Cross-crate tests of the workspace, and the helpers they share. The tests live
//! in `tests/tests/`, as four binaries, the first two organised in modules:
//!
//! - `client`: the generated client `pagesense_goals` against servers on 127.0.0.1
//!   (end to end, faults, the adversarial review's defects, settings);
//! - `spans`: tracing, in a process of its own (see its docs);
//! - `generator`: the generator against the repository's specs (drift, fixture
//!   snapshots and builds, diagnostics, the broken-spec corpus, property tests);
//! - `contract`: the client and the spec against Prism, an independent mock.
//!
//! Every helper and shared value is defined once, here. The workspace README is
//! included below so that its example is compiled as a doctest of this crate.
#![doc = include_str!("../../README.md")]
// Test helpers may unwrap and panic, whatever lints the workspace turns on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

pub mod contract;
pub mod e2e;
pub mod faults;
pub mod fixtures;

/// The access token of every test client, as a literal for `concat!`.
macro_rules! token {
    () => {
        "1000.F4ult-St4tic.5ecret"
    };
}

/// The fixed access token of the test clients. Every secret of the suites holds
/// [`SECRET_MARK`], so that any leak of any of them shows.
pub const TOKEN: &str = token!();
/// The `Authorization` header a server must receive with [`TOKEN`].
pub const AUTHORIZATION: &str = concat!("Zoho-oauthtoken ", token!());
/// The piece every secret of the suites holds.
pub const SECRET_MARK: &str = "F4ult";
/// The portal of Zoho's samples (any slug works).
pub const PORTAL: &str = "example-portal";
/// The project linkname of Zoho's create-goal sample.
pub const PROJECT: &str = "website-performance-project";

/// The workspace root: the parent of the `tests` package.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}
