//! Generates a typed async Rust client crate from an OpenAPI 3.0 or 3.1 document.
//!
//! The pipeline has four stages, one module each:
//!
//! 1. [`load`]: YAML text → `openapiv3::OpenAPI` (a 3.1 document translated to 3.0
//!    first), with a map from JSON pointers to lines for diagnostics;
//! 2. [`model`]: the document lowered into the generator's own model, checking every
//!    construct against the supported subset;
//! 3. [`emit`]: the model turned into Rust tokens with `quote`, one file at a time;
//! 4. [`mod@format`]: the tokens parsed with `syn` and printed with `prettyplease`.
//!
//! [`generate`] runs them all and returns every file of the crate, or every problem
//! found in the spec. The binary (`cargo run -p generator`) only reads and writes files.

pub mod diagnostics;
pub mod emit;
pub mod format;
pub mod load;
pub mod model;
pub mod naming;
pub mod output;
pub mod workspace;

pub use diagnostics::{Diagnostic, Diagnostics, Location};
pub use emit::RuntimeSource;
pub use output::{FileChange, OperationCount, Output};

/// What to generate, besides the spec.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The crate's package name, such as `pagesense-goals`.
    pub crate_name: String,
    /// The crate's version.
    pub crate_version: String,
    /// The spec's path as it should appear in the files' headers, relative to the
    /// generated crate where possible, so output does not depend on where it was made.
    pub spec_label: String,
    /// Every warning is an error, for specs that must be clean (such as this
    /// workspace's). Otherwise an operation that uses a feature the generator cannot
    /// express yet is skipped with a warning that names it and says why.
    pub strict: bool,
    /// Whether the runtime is written into the crate or depended on.
    pub runtime: RuntimeSource,
}

/// Generates every file of the client crate for `spec_text`.
///
/// `file_name` names the spec in diagnostics.
pub fn generate(
    spec_text: &str,
    file_name: &str,
    settings: &Settings,
) -> Result<Output, Diagnostics> {
    let fail = |items| Diagnostics::sorted(file_name, items);
    let loaded = load::load(spec_text).map_err(fail)?;
    let lowered = model::lower_with(&loaded, !settings.strict).map_err(|mut items| {
        if settings.strict {
            items.extend(loaded.warnings.iter().cloned());
        }
        loaded.place(&mut items);
        fail(items)
    })?;
    if settings.strict && !loaded.warnings.is_empty() {
        let mut items = loaded.warnings.clone();
        loaded.place(&mut items);
        return Err(fail(items));
    }
    // With `--strict`, lowering has already turned every warning into an error.
    let mut warnings = loaded.warnings.clone();
    warnings.extend(lowered.warnings);
    // Locating warnings walks the whole text again (a fifth of the time on a large
    // document), so it runs beside the emitting, which does not need it.
    let (emitted, warnings) = std::thread::scope(|scope| {
        let placing = scope.spawn(|| {
            loaded.place(&mut warnings);
            warnings
        });
        let emitted = emit::crate_files(&lowered.api, settings);
        let warnings = placing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (emitted, warnings)
    });
    let mut output = emitted.map_err(|item| fail(vec![item]))?;
    output.operations = OperationCount {
        generated: lowered.api.operations.len(),
        in_spec: operations_in(&loaded.api),
    };
    if !warnings.is_empty() {
        output.warnings = Diagnostics::sorted(file_name, warnings);
    }
    Ok(output)
}

/// How many operations the spec describes: every method of every path item.
fn operations_in(api: &openapiv3::OpenAPI) -> usize {
    api.paths
        .paths
        .values()
        .filter_map(openapiv3::ReferenceOr::as_item)
        .map(|item| item.iter().count())
        .sum()
}
