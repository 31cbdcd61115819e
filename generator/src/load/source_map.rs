//! Maps JSON pointers to lines and columns of the YAML file.
//!
//! serde_yaml gives values without positions, so the file is walked once more with
//! yaml-rust2's event parser, which marks where every node starts.

use std::collections::BTreeMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::diagnostics::{Diagnostic, Location, pointer};

/// Where each node of the YAML document starts, by JSON pointer.
#[derive(Debug, Default)]
pub struct SourceMap {
    starts: BTreeMap<String, Location>,
}

impl SourceMap {
    /// Walks `text`; a YAML syntax error comes back as a diagnostic with its line.
    pub fn build(text: &str) -> Result<Self, Diagnostic> {
        let mut walker = Walker::default();
        Parser::new_from_str(text)
            .load(&mut walker, false)
            .map_err(|error| {
                let mark = error.marker();
                let mut diagnostic = Diagnostic::new(
                    "E0001",
                    "#",
                    format!("the file is not valid YAML: {}", error.info()),
                )
                .with_hint("fix the YAML syntax at the line shown");
                diagnostic.location = Some(location(mark));
                diagnostic
            })?;
        Ok(Self {
            starts: walker.starts,
        })
    }

    /// The location of `pointer`, or of its nearest ancestor that has one.
    pub fn locate(&self, pointer: &str) -> Option<Location> {
        let mut current = pointer;
        loop {
            if let Some(found) = self.starts.get(current) {
                return Some(*found);
            }
            current = &current[..current.rfind('/')?];
        }
    }

    /// Fills in the location of every diagnostic that lacks one.
    pub fn place(&self, diagnostics: &mut [Diagnostic]) {
        for diagnostic in diagnostics.iter_mut().filter(|d| d.location.is_none()) {
            diagnostic.location = self.locate(&diagnostic.pointer);
        }
    }
}

fn location(mark: &Marker) -> Location {
    Location {
        line: mark.line(),
        column: mark.col() + 1,
    }
}

/// One open mapping or sequence while walking the events.
enum Frame {
    Mapping {
        key: Option<String>,
        /// The mapping's own pointer and start, until its first key gives a better
        /// start: yaml-rust2 marks a block mapping at its first `:`.
        pending: Option<(String, Location)>,
    },
    Sequence {
        next: usize,
    },
}

#[derive(Default)]
struct Walker {
    frames: Vec<Frame>,
    /// The pointer tokens of the open containers, one per frame below the root.
    tokens: Vec<String>,
    starts: BTreeMap<String, Location>,
}

impl Walker {
    /// The token of the node starting now, or `None` when it is a mapping's key
    /// (whose start is then recorded as that of the value).
    fn node_token(&mut self, scalar: Option<&str>, mark: Marker) -> Option<String> {
        let token = match self.frames.last_mut() {
            None => return Some(String::new()),
            Some(Frame::Mapping {
                key: key @ None,
                pending,
            }) => {
                let name = scalar.unwrap_or("?").to_owned();
                *key = Some(name.clone());
                if let Some((own, _)) = pending.take() {
                    self.starts.entry(own).or_insert_with(|| location(&mark));
                }
                let mut tokens = self.tokens.clone();
                tokens.push(name);
                self.starts.insert(pointer(&tokens), location(&mark));
                return None;
            }
            Some(Frame::Mapping { key, .. }) => key.take().unwrap_or_default(),
            Some(Frame::Sequence { next }) => {
                *next += 1;
                (*next - 1).to_string()
            }
        };
        Some(token)
    }

    fn pointer_to(&self, token: &str) -> String {
        let mut tokens = self.tokens.clone();
        tokens.push(token.to_owned());
        pointer(&tokens)
    }

    fn scalar(&mut self, value: Option<&str>, mark: Marker) {
        if let Some(token) = self.node_token(value, mark) {
            let at = self.pointer_to(&token);
            self.starts.entry(at).or_insert_with(|| location(&mark));
        }
    }

    fn open(&mut self, sequence: bool, mark: Marker) {
        let root = self.frames.is_empty();
        let token = self.node_token(None, mark);
        let own = match (&token, root) {
            (_, true) => "#".to_owned(),
            (Some(token), false) => self.pointer_to(token),
            (None, false) => String::new(),
        };
        let frame = if sequence {
            self.starts.entry(own).or_insert_with(|| location(&mark));
            Frame::Sequence { next: 0 }
        } else {
            Frame::Mapping {
                key: None,
                pending: Some((own, location(&mark))),
            }
        };
        if !root {
            // A mapping used as a key names nothing a pointer reaches: `?`.
            self.tokens.push(token.unwrap_or_else(|| "?".to_owned()));
        }
        self.frames.push(frame);
    }

    fn close(&mut self) {
        if let Some(Frame::Mapping {
            pending: Some((own, start)),
            ..
        }) = self.frames.pop()
        {
            // An empty mapping: its own mark is all there is.
            self.starts.entry(own).or_insert(start);
        }
        if !self.frames.is_empty() {
            self.tokens.pop();
        }
    }
}

impl MarkedEventReceiver for Walker {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(value, ..) => self.scalar(Some(&value), mark),
            Event::Alias(_) => self.scalar(None, mark),
            Event::MappingStart(..) => self.open(false, mark),
            Event::SequenceStart(..) => self.open(true, mark),
            Event::MappingEnd | Event::SequenceEnd => self.close(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "openapi: 3.0.3\npaths:\n  /goals/{id}:\n    get:\n      tags: [a, b]\n      responses:\n        '200':\n          description: ok\n";

    #[test]
    fn pointers_resolve_to_their_keys() {
        let map = SourceMap::build(YAML).unwrap_or_default();
        let at = |p: &str| map.locate(p).map(|l| (l.line, l.column));
        assert_eq!(at("#/openapi"), Some((1, 1)));
        assert_eq!(at("#/paths/~1goals~1{id}/get"), Some((4, 5)));
        assert_eq!(at("#/paths/~1goals~1{id}/get/tags/1"), Some((5, 17)));
        assert_eq!(
            at("#/paths/~1goals~1{id}/get/responses/200/description"),
            Some((8, 11))
        );
        assert_eq!(at("#"), Some((1, 1)));
        // A pointer below a known node falls back to that node.
        assert_eq!(at("#/paths/~1goals~1{id}/get/nothing/here"), Some((4, 5)));
    }

    #[test]
    fn mappings_in_block_sequences_start_at_their_first_key() {
        let yaml =
            "parameters:\n  - name: a\n    in: query\n  -   name: b\n      in: path\n  - {}\n";
        let map = SourceMap::build(yaml).unwrap_or_default();
        let at = |p: &str| map.locate(p).map(|l| (l.line, l.column));
        assert_eq!(at("#/parameters/0"), Some((2, 5)));
        assert_eq!(at("#/parameters/1"), Some((4, 7)));
        assert_eq!(at("#/parameters/1/in"), Some((5, 7)));
        assert!(at("#/parameters/2").is_some_and(|(line, _)| line == 6));
    }

    #[test]
    fn syntax_errors_carry_their_line() {
        let Err(diagnostic) = SourceMap::build("a: [1, 2\nb: c\n") else {
            panic!("broken YAML was accepted");
        };
        assert_eq!(diagnostic.code, "E0001");
        assert!(
            diagnostic.location.is_some_and(|l| l.line >= 2),
            "{diagnostic:?}"
        );
    }
}
