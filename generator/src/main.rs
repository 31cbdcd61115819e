//! `cargo run -p generator`: regenerates `generated-client/` from `schema/goals.yaml`.
//! Everything else lives in the library; this only reads arguments and files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use generator::{FileChange, RuntimeSource, Settings, workspace};

/// Generates a typed async Rust client crate from an OpenAPI 3.0 spec.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// The spec to read [default: the workspace's schema/goals.yaml].
    #[arg(long, value_name = "FILE")]
    spec: Option<PathBuf>,
    /// The crate folder to write [default: the workspace's generated-client/].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The crate's package name [default: pagesense-goals for the workspace's spec,
    /// else the spec file's name].
    #[arg(long, value_name = "NAME")]
    crate_name: Option<String>,
    /// The crate's version.
    #[arg(long, value_name = "VERSION", default_value = workspace::CRATE_VERSION)]
    crate_version: String,
    /// Write nothing; exit 1 with a diff when the crate differs from what the spec gives.
    #[arg(long)]
    check: bool,
    /// Treat every warning as an error: for specs that must be clean. Without it, an
    /// operation that uses a feature the generator cannot express yet is skipped
    /// with a warning naming the place and the reason.
    #[arg(long)]
    strict: bool,
    /// Depend on the runtime crate at DIR (a path as the generated manifest should
    /// give it) instead of writing the runtime's modules into the crate.
    #[arg(long, value_name = "DIR")]
    runtime_crate: Option<String>,
}

/// Generation makes and drops millions of small values (tokens, syntax nodes, strings);
/// mimalloc serves them in a fraction of the system allocator's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<ExitCode, String> {
    let here =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    // The workspace is needed only for a default path, and for naming the spec
    // relative to it.
    let root = match (&args.spec, &args.out) {
        (Some(_), Some(_)) => workspace::find_root(&here).unwrap_or_else(|_| here.clone()),
        _ => workspace::find_root(&here)?,
    };
    let spec = args
        .spec
        .clone()
        .unwrap_or_else(|| root.join(workspace::SPEC));
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| root.join(workspace::OUT));
    let settings = settings_for(args, &root, &spec);
    let text = std::fs::read_to_string(&spec)
        .map_err(|e| format!("cannot read the spec {}: {e}", spec.display()))?;
    let output = generator::generate(&text, &spec.display().to_string(), &settings)
        .map_err(|diagnostics| diagnostics.to_string())?;
    if !output.warnings.items.is_empty() {
        eprintln!("{}", output.warnings.render("warning"));
    }
    eprintln!("{}", output.summary());
    if args.check {
        return check(&output, &out);
    }
    let changes = output
        .write_to(&out)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    report(&changes);
    Ok(ExitCode::SUCCESS)
}

fn settings_for(args: &Args, root: &Path, spec: &Path) -> Settings {
    let default_spec = root.join(workspace::SPEC);
    let is_default = same_file(spec, &default_spec);
    let spec_label = match spec.canonicalize().ok().and_then(|s| {
        let root = root.canonicalize().ok()?;
        s.strip_prefix(&root).ok().map(Path::to_path_buf)
    }) {
        Some(relative) => relative.display().to_string().replace('\\', "/"),
        None => spec.file_name().map_or_else(
            || spec.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    };
    let crate_name = args.crate_name.clone().unwrap_or_else(|| {
        if is_default {
            workspace::CRATE_NAME.to_owned()
        } else {
            heck::ToKebabCase::to_kebab_case(
                spec.file_stem()
                    .map(|s| s.to_string_lossy())
                    .unwrap_or_default()
                    .as_ref(),
            )
        }
    });
    Settings {
        crate_name,
        crate_version: args.crate_version.clone(),
        spec_label,
        strict: args.strict,
        runtime: match &args.runtime_crate {
            Some(path) => RuntimeSource::Crate { path: path.clone() },
            None => RuntimeSource::Inline,
        },
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn check(output: &generator::Output, out: &Path) -> Result<ExitCode, String> {
    let diff = output
        .diff_against(out)
        .map_err(|e| format!("cannot read {}: {e}", out.display()))?;
    match diff {
        None => {
            println!("{} matches the spec", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(diff) => {
            print!("{diff}");
            eprintln!(
                "{} differs from what the spec gives; run `cargo run -p generator`",
                out.display()
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

fn report(changes: &[FileChange]) {
    let (mut written, mut unchanged) = (0, 0);
    for change in changes {
        match change {
            FileChange::Written(path) => {
                written += 1;
                println!("wrote     {}", path.display());
            }
            FileChange::Unchanged(path) => {
                unchanged += 1;
                println!("unchanged {}", path.display());
            }
            FileChange::Removed(path) => println!("removed   {}", path.display()),
        }
    }
    println!("{written} written, {unchanged} unchanged");
}
