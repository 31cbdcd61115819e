//! Problems found in a spec, each with a code, a place and a hint.
//!
//! The generator never panics on user input: every stage returns its problems as
//! [`Diagnostic`]s, collected into [`Diagnostics`] so that one run reports them all.

use std::fmt;

/// A place in the spec file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column number.
    pub column: usize,
}

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// A stable code such as `E0201`, listed in the generator's README.
    pub code: &'static str,
    /// JSON pointer to the offending node, e.g. `#/paths/~1goals/get`.
    pub pointer: String,
    /// Line and column in the YAML file, where it can be had.
    pub location: Option<Location>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no hint and no location yet.
    pub fn new(code: &'static str, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            pointer: pointer.into(),
            location: None,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a hint saying how to fix the problem.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// All problems found in one run, sorted by place in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    /// The file the problems are in, as the user named it.
    pub file: String,
    /// The problems, sorted by location then pointer.
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Sorts the problems so that output does not depend on discovery order.
    pub fn sorted(file: impl Into<String>, mut items: Vec<Diagnostic>) -> Self {
        items.sort_by(|a, b| {
            (a.location, &a.pointer, a.code, &a.message)
                .cmp(&(b.location, &b.pointer, b.code, &b.message))
        });
        items.dedup();
        Self {
            file: file.into(),
            items,
        }
    }
}

impl Diagnostics {
    /// The problems as text, each headed `<severity>[code]`.
    pub fn render(&self, severity: &str) -> String {
        let mut out = String::new();
        for item in &self.items {
            out.push_str(&format!("{severity}[{}]: {}\n", item.code, item.message));
            match item.location {
                Some(at) => out.push_str(&format!(
                    "  --> {}:{}:{} at {}\n",
                    self.file, at.line, at.column, item.pointer
                )),
                None => out.push_str(&format!("  --> {} at {}\n", self.file, item.pointer)),
            }
            if let Some(hint) = &item.hint {
                out.push_str(&format!("  = help: {hint}\n"));
            }
        }
        let count = self.items.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        out.push_str(&format!("{count} {noun} in {}", self.file));
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("error"))
    }
}

impl std::error::Error for Diagnostics {}

/// Escapes one JSON pointer token (RFC 6901): `~` as `~0`, `/` as `~1`.
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Reads one escaped JSON pointer token back (RFC 6901): `~1` as `/`, then `~0` as `~`.
pub fn unescape_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Builds a pointer from its tokens: `pointer(&["paths", "/a"])` is `#/paths/~1a`.
pub fn pointer<S: AsRef<str>>(tokens: &[S]) -> String {
    let mut out = String::from("#");
    for token in tokens {
        out.push('/');
        out.push_str(&escape_token(token.as_ref()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_slash_and_tilde() {
        assert_eq!(
            pointer(&["paths", "/portal/{p}", "x~y"]),
            "#/paths/~1portal~1{p}/x~0y"
        );
    }

    #[test]
    fn display_names_file_line_and_hint() {
        let mut d = Diagnostic::new("E0001", "#/paths", "broken").with_hint("fix it");
        d.location = Some(Location { line: 3, column: 5 });
        let all = Diagnostics::sorted("spec.yaml", vec![d]);
        let text = all.to_string();
        assert!(text.contains("error[E0001]: broken"), "{text}");
        assert!(text.contains("spec.yaml:3:5 at #/paths"), "{text}");
        assert!(text.contains("= help: fix it"), "{text}");
        assert!(text.ends_with("1 problem in spec.yaml"), "{text}");
    }
}
