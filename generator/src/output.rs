//! The generated files in memory, and how they meet the disk: written only when
//! their bytes change, or compared with what is there (`--check`).

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use similar::TextDiff;

/// The marker every generated file carries in its first line.
pub const GENERATED_MARKER: &str = "@generated";

/// Every file of a generated crate, by path relative to its root, in path order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// Path (with `/`) → contents.
    pub files: BTreeMap<String, String>,
    /// What the generator chose or skipped, and why.
    pub warnings: crate::Diagnostics,
    /// How many of the spec's operations the crate has.
    pub operations: OperationCount,
}

/// How many of the spec's operations a generated crate has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OperationCount {
    /// Operations with a method in the crate.
    pub generated: usize,
    /// Operations the spec describes.
    pub in_spec: usize,
}

impl Output {
    /// The run's summary line: `generated 187 of 193 operations; 6 skipped (E0308 ×4,
    /// E0306 ×2)`, counting the codes of the warnings that skipped an operation.
    pub fn summary(&self) -> String {
        let OperationCount { generated, in_spec } = self.operations;
        let mut line = format!(
            "generated {generated} of {in_spec} operation{}",
            plural(in_spec)
        );
        let mut skips: BTreeMap<&str, usize> = BTreeMap::new();
        for warning in &self.warnings.items {
            if warning.message.starts_with("operation `") {
                *skips.entry(warning.code).or_default() += 1;
            }
        }
        if in_spec > generated {
            let codes: Vec<String> = skips
                .iter()
                .map(|(code, n)| format!("{code} ×{n}"))
                .collect();
            line.push_str(&format!(
                "; {} skipped ({})",
                in_spec - generated,
                codes.join(", ")
            ));
        }
        let others = self.warnings.items.len() - skips.values().sum::<usize>();
        if others > 0 {
            line.push_str(&format!("; {others} other warning{}", plural(others)));
        }
        line
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// What writing did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    /// The file was created or its contents changed.
    Written(PathBuf),
    /// The file already held these bytes; it was not touched.
    Unchanged(PathBuf),
    /// A generated file the spec no longer produces was deleted.
    Removed(PathBuf),
}

impl Output {
    /// Adds a file.
    pub fn insert(&mut self, path: &str, contents: String) {
        self.files.insert(path.to_owned(), contents);
    }

    /// Writes every file under `root`, touching only those whose bytes differ, and
    /// removes generated files under `root` that the spec no longer produces.
    pub fn write_to(&self, root: &Path) -> io::Result<Vec<FileChange>> {
        let mut changes = Vec::new();
        for (relative, contents) in &self.files {
            let path = root.join(relative);
            if fs::read(&path).is_ok_and(|old| old == contents.as_bytes()) {
                changes.push(FileChange::Unchanged(path));
                continue;
            }
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, contents)?;
            changes.push(FileChange::Written(path));
        }
        for stale in self.stale_files(root)? {
            fs::remove_file(&stale)?;
            changes.push(FileChange::Removed(stale));
        }
        Ok(changes)
    }

    /// A unified diff from what is under `root` to what the spec gives, or `None`
    /// when they match.
    pub fn diff_against(&self, root: &Path) -> io::Result<Option<String>> {
        let mut diff = String::new();
        for (relative, wanted) in &self.files {
            let path = root.join(relative);
            let found = match fs::read(&path) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
                Err(e) => return Err(e),
            };
            if &found != wanted {
                push_diff(&mut diff, relative, &found, wanted);
            }
        }
        for stale in self.stale_files(root)? {
            let found = fs::read_to_string(&stale)?;
            let relative = stale
                .strip_prefix(root)
                .unwrap_or(&stale)
                .display()
                .to_string();
            push_diff(&mut diff, &relative, &found, "");
        }
        Ok((!diff.is_empty()).then_some(diff))
    }

    /// Generated `.rs` files under `root/src` that this output does not contain.
    /// Files without the marker are never touched: they were not generated.
    fn stale_files(&self, root: &Path) -> io::Result<Vec<PathBuf>> {
        let mut stale = Vec::new();
        let mut folders = vec![root.join("src")];
        while let Some(folder) = folders.pop() {
            let entries = match fs::read_dir(&folder) {
                Ok(entries) => entries,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            for entry in entries {
                let path = entry?.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                let relative = path.strip_prefix(root).unwrap_or(&path);
                let key = relative.to_string_lossy().replace('\\', "/");
                let generated = fs::read_to_string(&path).is_ok_and(|text| {
                    text.lines()
                        .next()
                        .is_some_and(|l| l.contains(GENERATED_MARKER))
                });
                if generated && !self.files.contains_key(&key) {
                    stale.push(path);
                }
            }
        }
        stale.sort();
        Ok(stale)
    }
}

fn push_diff(out: &mut String, relative: &str, found: &str, wanted: &str) {
    let diff = TextDiff::from_lines(found, wanted);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{relative}"), &format!("b/{relative}"))
        .to_string();
    out.push_str(&text);
}
