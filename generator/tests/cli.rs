//! The `generator` binary as a user runs it: exit codes, what it prints, what it
//! writes and what it leaves alone.
//!
//! The binary is the one Cargo builds for this package's tests
//! (`CARGO_BIN_EXE_generator`).

// Tests may unwrap and panic, whatever lints the workspace turns on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use generator::workspace;

/// This checkout's workspace: the parent of the generator package.
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// The `generator` binary Cargo built for these tests.
fn generator_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_generator"))
}

/// What one run of the binary did.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn assert_no_panic(&self) {
        assert!(
            !self.stderr.contains("panicked"),
            "the generator panicked:\n{}",
            self.stderr
        );
    }
}

/// Runs the binary with `args` in `cwd`.
fn run_in<S: AsRef<OsStr>>(cwd: &Path, args: &[S]) -> Run {
    let output = Command::new(generator_bin())
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run the generator binary");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    run.assert_no_panic();
    run
}

/// Runs the binary with `args` in the workspace root.
fn run<S: AsRef<OsStr>>(args: &[S]) -> Run {
    run_in(&workspace_root(), args)
}

fn checked_in_crate() -> PathBuf {
    workspace_root().join(workspace::OUT)
}

/// How many files the generator makes of the workspace's spec.
fn generated_file_count() -> usize {
    let spec = workspace_root().join(workspace::SPEC);
    let text = fs::read_to_string(&spec).expect("read schema/goals.yaml");
    generator::generate(
        &text,
        &spec.display().to_string(),
        &workspace::default_settings(),
    )
    .expect("schema/goals.yaml generates")
    .files
    .len()
}

/// Copies the folder `from` into `to`, recursively.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the copy's folder");
    for entry in fs::read_dir(from).expect("list the folder") {
        let entry = entry.expect("read a directory entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// A temporary folder holding a copy of `generated-client/` in `crate/`.
fn copy_of_checked_in_crate() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("make a temporary folder");
    let copy = dir.path().join("crate");
    copy_dir(&checked_in_crate(), &copy);
    (dir, copy)
}

/// Every file under `dir` (relative path → bytes).
fn snapshot_of(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("list the folder") {
            let path = entry.expect("read a directory entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = fs::read(&path).expect("read a file");
                let relative = path.strip_prefix(dir).expect("under dir").to_path_buf();
                files.push((relative, bytes));
            }
        }
    }
    files.sort();
    files
}

fn modified_times(dir: &Path) -> Vec<(PathBuf, SystemTime)> {
    snapshot_of(dir)
        .into_iter()
        .map(|(relative, _)| {
            let time = fs::metadata(dir.join(&relative))
                .and_then(|m| m.modified())
                .expect("read a file's modification time");
            (relative, time)
        })
        .collect()
}

/// The lines the binary printed for a write that start with `prefix` (`wrote`,
/// `unchanged`, `removed`), as paths.
fn reported(run: &Run, prefix: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = run
        .stdout
        .lines()
        .filter_map(|line| line.strip_prefix(prefix))
        .map(|rest| PathBuf::from(rest.trim_start()))
        .collect();
    paths.sort();
    paths
}

/// A valid spec, unlike `schema/goals.yaml`.
const OTHER_SPEC: &str = r##"openapi: 3.0.3
info:
  title: Other API
  version: "2.0"
servers:
  - url: https://other.example.com/v2
paths:
  /widgets/{widget_id}:
    get:
      operationId: getWidget
      parameters:
        - name: widget_id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: The widget.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Widget"
components:
  schemas:
    Widget:
      type: object
      required: [id]
      properties:
        id:
          type: string
        size:
          type: integer
"##;

/// A spec with a dangling `$ref` at line 18, column 17, and a cookie parameter.
const BROKEN_SPEC: &str = r##"openapi: 3.0.3
info:
  title: Broken API
  version: "1"
servers:
  - url: https://broken.example.com
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - in: cookie
          name: session
          content:
            application/xml:
              schema:
                type: object
      responses:
        "200":
          $ref: "#/components/responses/Missing"
"##;

#[test]
fn check_passes_on_the_clean_tree() {
    let run = run(&["--check"]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert!(run.stdout.contains("matches the spec"), "{run:#?}");
}

#[test]
fn defaults_do_not_depend_on_the_folder_of_the_workspace_it_runs_in() {
    // With no arguments the binary finds the workspace above the current folder.
    let run = run_in(
        &workspace_root().join("generator").join("src"),
        &["--check"],
    );
    assert_eq!(run.code, Some(0), "{run:#?}");
    // The workspace spec named by a relative path from another folder still gives
    // the checked-in crate: same crate name, same label in the headers.
    let schema_dir = workspace_root().join("schema");
    let run = run_in(
        &schema_dir,
        &[
            "--check",
            "--spec",
            "goals.yaml",
            "--out",
            "../generated-client",
        ],
    );
    assert_eq!(run.code, Some(0), "{run:#?}");
}

#[test]
fn check_reports_a_hand_edit_and_a_write_repairs_it() {
    let (_dir, copy) = copy_of_checked_in_crate();
    let edited = copy.join("src/client.rs");
    let original = fs::read_to_string(&edited).expect("read client.rs");
    let hand_edit = "// a hand edit that the spec does not give";
    // One line added after the third.
    let third_line_end = original.match_indices('\n').nth(2).expect("three lines").0 + 1;
    let (head, tail) = original.split_at(third_line_end);
    let text = format!("{head}{hand_edit}\n{tail}");
    fs::write(&edited, &text).expect("edit client.rs");

    let check = run(&[OsStr::new("--check"), OsStr::new("--out"), copy.as_os_str()]);
    assert_eq!(check.code, Some(1), "{check:#?}");
    assert!(
        check.stdout.contains("--- a/src/client.rs")
            && check.stdout.contains("+++ b/src/client.rs"),
        "the diff does not name src/client.rs:\n{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("\n@@ -"),
        "no hunk:\n{}",
        check.stdout
    );
    assert_eq!(
        check.stdout.matches(&format!("\n-{hand_edit}\n")).count(),
        1,
        "the diff does not remove the hand edit, once:\n{}",
        check.stdout
    );
    let named: Vec<&str> = check
        .stdout
        .lines()
        .filter_map(|line| line.strip_prefix("--- a/"))
        .collect();
    assert_eq!(named, ["src/client.rs"], "{}", check.stdout);
    assert!(check.stderr.contains("differs"), "{check:#?}");
    // --check wrote nothing.
    assert_eq!(fs::read_to_string(&edited).expect("read client.rs"), text);

    let count = generated_file_count();
    let write = run(&[OsStr::new("--out"), copy.as_os_str()]);
    assert_eq!(write.code, Some(0), "{write:#?}");
    assert_eq!(
        reported(&write, "wrote"),
        [edited.as_path()],
        "{}",
        write.stdout
    );
    let unchanged = reported(&write, "unchanged");
    assert_eq!(unchanged.len(), count - 1, "{}", write.stdout);
    assert!(!unchanged.contains(&edited), "{}", write.stdout);
    assert!(
        write
            .stdout
            .trim_end()
            .ends_with(&format!("1 written, {} unchanged", count - 1)),
        "{}",
        write.stdout
    );
    assert_eq!(snapshot_of(&copy), snapshot_of(&checked_in_crate()));

    let before = modified_times(&copy);
    let again = run(&[OsStr::new("--out"), copy.as_os_str()]);
    assert_eq!(again.code, Some(0), "{again:#?}");
    assert!(reported(&again, "wrote").is_empty(), "{}", again.stdout);
    assert_eq!(
        reported(&again, "unchanged").len(),
        count,
        "{}",
        again.stdout
    );
    assert!(
        again
            .stdout
            .trim_end()
            .ends_with(&format!("0 written, {count} unchanged")),
        "{}",
        again.stdout
    );
    assert_eq!(snapshot_of(&copy), snapshot_of(&checked_in_crate()));
    assert_eq!(
        modified_times(&copy),
        before,
        "a run with nothing to do touched files"
    );
}

#[test]
fn stale_generated_files_go_and_hand_written_ones_stay() {
    let (_dir, copy) = copy_of_checked_in_crate();
    let stale = copy.join("src/old_module.rs");
    let nested_stale = copy.join("src/nested/gone.rs");
    let hand_written = copy.join("src/notes.rs");
    let stale_text = "// @generated from schema/goals.yaml by this workspace's generator. Do not edit: change the spec and regenerate.\n\npub struct Old;\n";
    let hand_text = "//! Notes kept by hand.\n// @generated on a later line than the first does not count.\npub struct Notes;\n";
    fs::write(&stale, stale_text).expect("write a stale file");
    fs::create_dir_all(nested_stale.parent().expect("a parent")).expect("make src/nested");
    fs::write(&nested_stale, stale_text).expect("write a nested stale file");
    fs::write(&hand_written, hand_text).expect("write a hand-written file");

    let check = run(&[OsStr::new("--check"), OsStr::new("--out"), copy.as_os_str()]);
    assert_eq!(check.code, Some(1), "{check:#?}");
    for name in ["src/old_module.rs", "src/nested/gone.rs"] {
        assert!(
            check.stdout.contains(&format!("--- a/{name}")),
            "--check does not report the stale {name}:\n{}",
            check.stdout
        );
    }
    assert!(
        check.stdout.contains("-pub struct Old;"),
        "{}",
        check.stdout
    );
    assert!(
        !check.stdout.contains("notes.rs"),
        "--check reports a hand-written file:\n{}",
        check.stdout
    );
    assert!(
        stale.exists() && nested_stale.exists(),
        "--check removed a file"
    );

    let write = run(&[OsStr::new("--out"), copy.as_os_str()]);
    assert_eq!(write.code, Some(0), "{write:#?}");
    assert_eq!(
        reported(&write, "removed"),
        [nested_stale.clone(), stale.clone()],
        "{}",
        write.stdout
    );
    assert!(reported(&write, "wrote").is_empty(), "{}", write.stdout);
    assert!(!stale.exists(), "the stale file is still there");
    assert!(
        !nested_stale.exists(),
        "the nested stale file is still there"
    );
    assert_eq!(
        fs::read_to_string(&hand_written).expect("the hand-written file is gone"),
        hand_text
    );

    let check = run(&[OsStr::new("--check"), OsStr::new("--out"), copy.as_os_str()]);
    assert_eq!(check.code, Some(0), "{check:#?}");
}

#[test]
fn another_spec_gives_a_self_contained_crate() {
    let dir = tempfile::tempdir().expect("make a temporary folder");
    let spec = dir.path().join("other.yaml");
    fs::write(&spec, OTHER_SPEC).expect("write other.yaml");
    let out = dir.path().join("crate");
    let write = run(&[
        OsStr::new("--spec"),
        spec.as_os_str(),
        OsStr::new("--out"),
        out.as_os_str(),
        OsStr::new("--crate-name"),
        OsStr::new("other-client"),
    ]);
    assert_eq!(write.code, Some(0), "{write:#?}");
    assert!(
        write.stdout.trim_end().ends_with(" written, 0 unchanged"),
        "{}",
        write.stdout
    );
    assert!(reported(&write, "unchanged").is_empty(), "{}", write.stdout);

    let manifest = fs::read_to_string(out.join("Cargo.toml")).expect("read Cargo.toml");
    assert!(
        manifest
            .lines()
            .any(|line| line == r#"name = "other-client""#),
        "{manifest}"
    );
    for (relative, bytes) in snapshot_of(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("workspace = true") && !text.contains("workspace=true"),
            "{} inherits from a workspace",
            relative.display()
        );
        // The headers name the spec by file name, not by this machine's path; the
        // runtime's modules name the runtime's file instead.
        assert!(
            !text.contains(&*dir.path().to_string_lossy()),
            "{} contains the temporary path",
            relative.display()
        );
        let origin = if relative.starts_with("src/runtime") && !relative.ends_with("mod.rs") {
            "@generated: generator/runtime/src/"
        } else {
            "@generated from other.yaml"
        };
        assert!(
            text.lines().next().is_some_and(|l| l.contains(origin)),
            "{}: {:?}",
            relative.display(),
            text.lines().next()
        );
    }
    assert!(!manifest.contains("[workspace"), "{manifest}");

    // Cargo reads the manifest on its own, outside any workspace.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let metadata = Command::new(cargo)
        .args([
            "metadata",
            "--no-deps",
            "--offline",
            "--format-version",
            "1",
        ])
        .arg("--manifest-path")
        .arg(out.join("Cargo.toml"))
        .current_dir(dir.path())
        .output()
        .expect("run cargo metadata");
    assert!(
        metadata.status.success(),
        "cargo does not read the generated manifest:\n{}",
        String::from_utf8_lossy(&metadata.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&metadata.stdout).expect("cargo metadata prints JSON");
    assert_eq!(metadata["packages"][0]["name"], "other-client");

    // Without --crate-name the package is named after the spec file.
    let default_name = dir.path().join("default");
    let spec_two = dir.path().join("my_other_api.yaml");
    fs::write(&spec_two, OTHER_SPEC).expect("write my_other_api.yaml");
    let write = run(&[
        OsStr::new("--spec"),
        spec_two.as_os_str(),
        OsStr::new("--out"),
        default_name.as_os_str(),
    ]);
    assert_eq!(write.code, Some(0), "{write:#?}");
    let manifest = fs::read_to_string(default_name.join("Cargo.toml")).expect("read Cargo.toml");
    assert!(
        manifest
            .lines()
            .any(|line| line == r#"name = "my-other-api""#),
        "{manifest}"
    );
}

#[test]
fn a_broken_spec_exits_2_with_located_diagnostics() {
    let dir = tempfile::tempdir().expect("make a temporary folder");
    let spec = dir.path().join("broken.yaml");
    fs::write(&spec, BROKEN_SPEC).expect("write broken.yaml");
    let out = dir.path().join("crate");
    let file = spec.display().to_string();

    for check in [false, true] {
        let mut args = vec![
            OsStr::new("--spec"),
            spec.as_os_str(),
            OsStr::new("--out"),
            out.as_os_str(),
        ];
        if check {
            args.push(OsStr::new("--check"));
        }
        let run = run(&args);
        assert_eq!(run.code, Some(2), "{run:#?}");
        assert!(run.stdout.is_empty(), "{run:#?}");
        // Both problems, each with file:line:column and a JSON pointer.
        assert!(
            run.stderr.contains(&format!(
                "error[E0101]: `$ref: #/components/responses/Missing` points to nothing in this document\n  --> {file}:20:11 at #/paths/~1things/get/responses/200/$ref\n"
            )),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("error[E0306]"), "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("  --> {file}:14:")),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains(" at #/paths/~1things/get/parameters/0/content\n"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("= help: "), "{}", run.stderr);
        assert!(
            run.stderr
                .trim_end()
                .ends_with(&format!("2 problems in {file}")),
            "{}",
            run.stderr
        );
        assert!(!out.exists(), "a broken spec wrote files");
    }
}

#[test]
fn unreadable_or_unparsable_specs_exit_2_without_panicking() {
    let dir = tempfile::tempdir().expect("make a temporary folder");
    let out = dir.path().join("crate");

    let syntax = dir.path().join("syntax.yaml");
    fs::write(
        &syntax,
        "openapi: 3.0.3\ninfo:\n  title: T\n   version: '1'\npaths: {}\n",
    )
    .expect("write syntax.yaml");
    let run_syntax = run(&[
        OsStr::new("--spec"),
        syntax.as_os_str(),
        OsStr::new("--out"),
        out.as_os_str(),
    ]);
    assert_eq!(run_syntax.code, Some(2), "{run_syntax:#?}");
    assert!(
        run_syntax.stderr.contains("error[E0001]")
            && run_syntax
                .stderr
                .contains(&format!("{}:4:", syntax.display())),
        "{}",
        run_syntax.stderr
    );

    let missing = dir.path().join("missing.yaml");
    let run_missing = run(&[
        OsStr::new("--spec"),
        missing.as_os_str(),
        OsStr::new("--out"),
        out.as_os_str(),
    ]);
    assert_eq!(run_missing.code, Some(2), "{run_missing:#?}");
    assert!(
        run_missing.stderr.contains("cannot read the spec")
            && run_missing.stderr.contains(&missing.display().to_string()),
        "{}",
        run_missing.stderr
    );

    for (name, text) in [
        ("empty.yaml", ""),
        ("list.yaml", "- 1\n- 2\n"),
        (
            "swagger.yaml",
            "swagger: '2.0'\ninfo: {title: T, version: '1'}\n",
        ),
        ("binary.yaml", "\u{0}\u{1}\u{2}openapi"),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, text).expect("write a spec");
        let run = run(&[
            OsStr::new("--spec"),
            path.as_os_str(),
            OsStr::new("--out"),
            out.as_os_str(),
        ]);
        assert_eq!(run.code, Some(2), "{name}: {run:#?}");
        assert!(run.stderr.contains("error[E0"), "{name}: {}", run.stderr);
    }
    assert!(!out.exists(), "a broken spec wrote files");
}

/// The workspace is found from the current folder when the binary runs, never from
/// where it was built: another checkout that runs this binary (a shared target
/// folder, a git worktree) gets its own spec read and its own crate written.
#[test]
fn the_workspace_is_the_one_the_binary_runs_in() {
    let other = tempfile::tempdir().expect("make a temporary folder");
    fs::write(
        other.path().join("Cargo.toml"),
        "[workspace]\nmembers = []\n",
    )
    .expect("write Cargo.toml");
    fs::create_dir_all(other.path().join("schema/nested")).expect("make schema/");
    fs::write(other.path().join(workspace::SPEC), OTHER_SPEC).expect("write the spec");

    let run = run_in(&other.path().join("schema/nested"), &[] as &[&str]);

    assert_eq!(run.code, Some(0), "{run:#?}");
    let written = other.path().join(workspace::OUT).join("src/lib.rs");
    let text = fs::read_to_string(&written).expect("the other checkout's crate is written");
    assert!(text.contains("@generated from schema/goals.yaml"), "{text}");
    let client = fs::read_to_string(other.path().join(workspace::OUT).join("src/client.rs"))
        .expect("client.rs written");
    assert!(
        client.contains("get_widget"),
        "the other checkout's spec was read"
    );
    let here = fs::read_to_string(checked_in_crate().join("src/client.rs")).expect("read");
    assert!(!here.contains("get_widget"), "this checkout was written");
}

/// Outside any workspace, the defaults cannot be known: a clear error, exit 2.
#[test]
fn outside_a_workspace_the_defaults_are_refused_with_a_hint() {
    let nowhere = tempfile::tempdir().expect("make a temporary folder");
    let run = run_in(nowhere.path(), &[] as &[&str]);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stderr.contains("--spec and --out"), "{}", run.stderr);
}
