//! Spec prose made safe for rustdoc.
//!
//! A spec's descriptions and summaries are Markdown, and they end up in the generated
//! crate's doc comments and in its README, which is its crate documentation. rustdoc
//! reads those as Markdown too, and takes every code block that names no language,
//! or names Rust, as a doctest: a `curl` example would fail `cargo test`, and a block
//! of Rust in a downloaded spec would be compiled and run on the user's machine.
//!
//! [`sanitize_lines`] rewrites prose so that it reads the same but holds no doctest:
//!
//! - A fenced code block (```` ``` ```` or `~~~`, three or more, anywhere in a line
//!   after block quotes and list markers) keeps its content and its language when
//!   the language is one rustdoc does not run (`json`, `bash`); a bare fence, `rust`,
//!   `rs` and rustdoc's own words (`ignore`, `no_run`, `should_panic`, `edition2021`,
//!   `E0308`, ...) become `text`. An unclosed fence is closed at the end.
//! - An indented code block (four columns or more, where a paragraph cannot go on)
//!   becomes a fenced `text` block, its common indentation removed.
//! - Outside code, `[`, `]` and `<` are escaped (so no broken intra-doc link and no
//!   HTML), but not inside code spans or autolinks (`<https://…>`).
//!
//! This is a rough reading of Markdown, not CommonMark's, and it errs towards code:
//! it finds fences at any indentation, in list items and quotes, and takes a line
//! indented four columns for code wherever no paragraph goes on, though in a list
//! item it may be a paragraph. So a four-space paragraph in a list item shows as
//! code, and a block found in a list item or quote shows after it, not in it. What
//! keeps the output safe whatever this gets wrong is how code is written back: at
//! the top level, between fences longer than any run of the fence character that
//! starts one of its lines, with a language that is not Rust. Those are then the
//! only code blocks rustdoc finds, since every other line is one this reading did
//! not take for code, and it takes more lines for code than CommonMark does.
//!
//! [`sanitize_inline`] is for prose folded into one line after other text (an
//! argument's description in a list): a code block there becomes a code span.
//! [`code_span`] quotes a single value from the spec (a name, a path, a URL).

use std::borrow::Cow;

/// Spec prose as lines rustdoc may read as Markdown without finding a doctest or
/// HTML in them; see the module's documentation for the rules.
pub(crate) fn sanitize_lines(prose: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks(&clean_lines(prose)) {
        match block {
            Block::Text(line) => out.push(escape_text(&line)),
            Block::Code(code) => out.extend(code.fenced()),
        }
    }
    out
}

/// Spec prose folded into one line, for use after other text on that line (where
/// a fence could not open): text lines are joined with spaces and escaped as in
/// [`sanitize_lines`], and each code block becomes one code span of its lines.
pub(crate) fn sanitize_inline(prose: &[String]) -> String {
    let pieces: Vec<String> = blocks(&clean_lines(prose))
        .into_iter()
        .map(|block| match block {
            Block::Text(line) => escape_text(line.trim()),
            Block::Code(code) => code_span_of_lines(&code.lines),
        })
        .filter(|piece| !piece.trim().is_empty())
        .collect();
    pieces.join(" ")
}

/// A code block's lines as one code span, or nothing when they are all blank.
fn code_span_of_lines(lines: &[String]) -> String {
    let words: Vec<&str> = lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .collect();
    if words.is_empty() {
        String::new()
    } else {
        code_span(&words.join(" "))
    }
}

/// `text` as one code span, whatever backticks or line breaks it holds.
pub(crate) fn code_span(text: &str) -> String {
    let text = text
        .split('\n')
        .map(|line| clean_line(line).trim().to_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let delimiter = "`".repeat(longest_run(&text, '`') + 1);
    // A space on each side is dropped when rendering, and keeps a backtick at the
    // start or end of the text from joining the delimiter.
    let padding = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{delimiter}{padding}{text}{padding}{delimiter}")
}

/// A piece of prose: a line of text, or a code block.
#[derive(Debug, PartialEq)]
enum Block {
    Text(String),
    Code(CodeBlock),
}

/// A code block's language, as it will be written, and its lines, verbatim.
#[derive(Debug, PartialEq)]
struct CodeBlock {
    /// The fence character the spec used (`` ` `` or `~`).
    fence_char: char,
    /// The shortest fence to write: the spec's, or three.
    fence_len: usize,
    /// Never one rustdoc compiles (see [`safe_language`]).
    language: String,
    lines: Vec<String>,
}

impl CodeBlock {
    /// The block at the top level, between fences no line inside can close.
    fn fenced(self) -> Vec<String> {
        let inner = self
            .lines
            .iter()
            .map(|line| leading_run(line.trim_start(), self.fence_char))
            .max()
            .unwrap_or(0);
        let fence = self
            .fence_char
            .to_string()
            .repeat(self.fence_len.max(inner + 1).max(3));
        let mut out = vec![format!("{fence}{}", self.language)];
        out.extend(self.lines);
        out.push(fence);
        out
    }
}

/// The prose's lines, split at every line break (a value may hold some) and
/// without the characters a doc comment cannot hold or should not: control
/// characters (a bare CR is an error in a doc comment) and text-direction
/// overrides (denied by rustc's `text_direction_codepoint_in_comment`). A tab
/// becomes four spaces, as clippy's `tabs_in_doc_comments` asks.
fn clean_lines(prose: &[String]) -> Vec<String> {
    prose
        .iter()
        .flat_map(|line| line.split('\n'))
        .map(|line| clean_line(line.strip_suffix('\r').unwrap_or(line)).into_owned())
        .collect()
}

fn clean_line(line: &str) -> Cow<'_, str> {
    let unwanted = |c: char| c.is_control() || is_direction_override(c);
    if line.contains(unwanted) {
        let spaced = line.replace('\t', "    ");
        Cow::Owned(spaced.replace(unwanted, " "))
    } else {
        Cow::Borrowed(line)
    }
}

fn is_direction_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Reads the lines into text and code blocks.
fn blocks(lines: &[String]) -> Vec<Block> {
    let mut blocks = Vec::new();
    // Whether the previous line left a paragraph open, which an indented line
    // continues rather than starting code.
    let mut paragraph_open = false;
    let mut index = 0;
    while index < lines.len() {
        let line = &lines[index];
        let prefix = Prefix::of(line);
        let (code, next) = if prefix.starts_indented_code(paragraph_open) {
            indented_block(lines, index)
        } else if let Some(fence) = Fence::opening(&prefix) {
            fenced_block(lines, index + 1, &fence)
        } else {
            paragraph_open = prefix.leaves_paragraph_open();
            blocks.push(Block::Text(line.clone()));
            index += 1;
            continue;
        };
        blocks.push(Block::Code(code));
        paragraph_open = false;
        index = next;
    }
    blocks
}

/// How a line is indented by four columns or more, which is how code is indented.
#[derive(Debug, Clone, Copy, PartialEq)]
enum DeepIndent {
    /// Before any block quote or list marker: code unless a paragraph goes on.
    Leading,
    /// Right after a marker on this line: a quote or list item that opens with code.
    AfterMarker,
}

/// What starts a line: the block quotes and list markers it opens or continues.
#[derive(Debug)]
struct Prefix<'a> {
    /// How many block quotes (`>`).
    quotes: usize,
    /// Columns after the last quote up to `body`.
    indent: usize,
    /// Where the line is indented like code, if it is.
    deep: Option<DeepIndent>,
    /// The line from that indentation on (the whole line when it is not deep).
    code: &'a str,
    /// The rest of the line after every marker, with the whitespace that starts it.
    body: &'a str,
}

impl<'a> Prefix<'a> {
    fn of(line: &'a str) -> Self {
        let mut prefix = Prefix {
            quotes: 0,
            indent: 0,
            deep: None,
            code: line,
            body: line,
        };
        let mut after_marker = false;
        // A list marker's content starts one space after it (a quote's space is
        // taken with the `>`), so code after a list marker needs one column more.
        let mut slack = 0;
        loop {
            let (columns, trimmed) = split_whitespace(prefix.body);
            let indent = columns.saturating_sub(slack);
            if indent >= 4 && !trimmed.is_empty() {
                if prefix.deep.is_none() {
                    prefix.code = prefix.body;
                }
                // Code after a marker wins: `    -     x` may continue a paragraph
                // with a list item, but that item opens with code.
                if after_marker || prefix.deep.is_none() {
                    prefix.deep = Some(if after_marker {
                        DeepIndent::AfterMarker
                    } else {
                        DeepIndent::Leading
                    });
                }
            }
            // Markers after deep indentation still count: when a paragraph goes on,
            // the line is no code, but it may open a list item holding a fence.
            if let Some(after) = trimmed.strip_prefix('>') {
                prefix.quotes += 1;
                prefix.indent = 0;
                prefix.body = after.strip_prefix(' ').unwrap_or(after);
                after_marker = true;
                slack = 0;
            } else if let Some(after) = strip_list_marker(trimmed) {
                prefix.indent += columns + (trimmed.len() - after.len());
                prefix.body = after;
                after_marker = true;
                slack = 1;
            } else {
                return prefix;
            }
        }
    }

    /// The line without its markers and leading whitespace.
    fn rest(&self) -> &'a str {
        self.body.trim_start_matches([' ', '\t'])
    }

    fn is_blank(&self) -> bool {
        self.rest().trim_end().is_empty()
    }

    fn starts_indented_code(&self, paragraph_open: bool) -> bool {
        match self.deep {
            Some(DeepIndent::AfterMarker) => true,
            Some(DeepIndent::Leading) => !paragraph_open,
            None => false,
        }
    }

    /// Whether an indented line after this one would continue a paragraph. Errs
    /// towards "no" (so towards code): headings, rules and setext underlines, and
    /// table rows, which may not take continuation lines, close it.
    fn leaves_paragraph_open(&self) -> bool {
        let rest = self.rest().trim_end();
        !rest.is_empty() && !rest.starts_with('#') && !is_rule(rest) && !rest.contains('|')
    }
}

/// `---`, `***`, `___` or a setext underline (`===`, `-`), spaces allowed.
fn is_rule(text: &str) -> bool {
    let mut marks = text.chars().filter(|c| !c.is_whitespace());
    match marks.next() {
        Some(first @ ('-' | '=' | '*' | '_')) => marks.all(|c| c == first),
        _ => false,
    }
}

/// The text after a list marker (`-`, `+`, `*`, `1.`, `1)`) starting `text`.
fn strip_list_marker(text: &str) -> Option<&str> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let marker_len = match text.as_bytes().get(digits) {
        Some(b'-' | b'+' | b'*') if digits == 0 => 1,
        Some(b'.' | b')') if (1..=9).contains(&digits) => digits + 1,
        _ => return None,
    };
    let after = &text[marker_len..];
    (after.is_empty() || after.starts_with([' ', '\t'])).then_some(after)
}

/// The width in columns of the whitespace starting `text`, and the rest. A tab
/// counts four, at least what it stands for.
fn split_whitespace(text: &str) -> (usize, &str) {
    let rest = text.trim_start_matches([' ', '\t']);
    let columns = text[..text.len() - rest.len()]
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    (columns, rest)
}

/// `text` without up to `columns` columns of leading whitespace.
fn strip_columns(text: &str, columns: usize) -> &str {
    let mut removed = 0;
    let mut rest = text;
    while removed < columns {
        let width = match rest.chars().next() {
            Some(' ') => 1,
            Some('\t') => 4,
            _ => break,
        };
        removed += width;
        rest = &rest[1..];
    }
    rest
}

/// An indented code block from `lines[start]`, which starts one: it goes on over
/// indented and blank lines, and its trailing blank lines are left out.
fn indented_block(lines: &[String], start: usize) -> (CodeBlock, usize) {
    let mut bodies: Vec<&str> = Vec::new();
    let mut end = start;
    for line in &lines[start..] {
        let prefix = Prefix::of(line);
        // Deep first: a deep line is code even when only markers follow its
        // indentation (`    - -`), and the first line must be taken.
        if prefix.deep.is_some() {
            bodies.push(prefix.code);
            end = start + bodies.len();
        } else if prefix.is_blank() {
            bodies.push("");
        } else {
            break;
        }
    }
    bodies.truncate(end - start);
    let common = bodies
        .iter()
        .filter(|body| !body.trim().is_empty())
        .map(|body| split_whitespace(body).0)
        .min()
        .unwrap_or(0);
    let code = CodeBlock {
        fence_char: '`',
        fence_len: 3,
        language: "text".to_owned(),
        lines: bodies
            .iter()
            .map(|body| strip_columns(body, common).to_owned())
            .collect(),
    };
    (code, end)
}

/// A fence that opens a code block.
#[derive(Debug)]
struct Fence {
    fence_char: char,
    len: usize,
    /// The block quotes it is in, which each line of the block must continue.
    quotes: usize,
    /// Its columns after the quotes, which the block's lines lose.
    indent: usize,
    info: String,
}

impl Fence {
    /// The fence opening a code block at this line, if one does. Any indentation
    /// is accepted (in a list item a fence may stand deep), so this finds more
    /// fences than CommonMark, never fewer.
    fn opening(prefix: &Prefix<'_>) -> Option<Fence> {
        let rest = prefix.rest();
        let fence_char = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
        let len = leading_run(rest, fence_char);
        let info = rest[len..].trim();
        // A backtick in a backtick fence's info string makes the line inline code.
        if len < 3 || (fence_char == '`' && info.contains('`')) {
            return None;
        }
        Some(Fence {
            fence_char,
            len,
            quotes: prefix.quotes,
            indent: prefix.indent + split_whitespace(prefix.body).0,
            info: info.to_owned(),
        })
    }

    /// The line inside the block, without the quotes and indentation of the
    /// fence, or `None` when it leaves the quotes, which ends the block.
    fn inner<'a>(&self, line: &'a str) -> Option<&'a str> {
        let mut rest = line;
        for _ in 0..self.quotes {
            let after = rest.trim_start_matches([' ', '\t']).strip_prefix('>')?;
            rest = after.strip_prefix(' ').unwrap_or(after);
        }
        Some(strip_columns(rest, self.indent))
    }

    /// Whether `inner` closes the block: the same character, as long or longer,
    /// indented three columns at most, and nothing after it.
    fn is_closed_by(&self, inner: &str) -> bool {
        let (columns, rest) = split_whitespace(inner);
        let len = leading_run(rest, self.fence_char);
        columns <= 3 && len >= self.len && rest[len..].trim().is_empty()
    }
}

/// A fenced code block whose lines start at `lines[start]`; it ends at its
/// closing fence, where the quotes it is in end, or at the end of the text.
fn fenced_block(lines: &[String], start: usize, fence: &Fence) -> (CodeBlock, usize) {
    let mut code = CodeBlock {
        fence_char: fence.fence_char,
        fence_len: fence.len,
        language: safe_language(&fence.info).to_owned(),
        lines: Vec::new(),
    };
    for (index, line) in lines.iter().enumerate().skip(start) {
        let Some(inner) = fence.inner(line) else {
            return (code, index);
        };
        if fence.is_closed_by(inner) {
            return (code, index + 1);
        }
        code.lines.push(inner.to_owned());
    }
    (code, lines.len())
}

/// The language a fence keeps: the first word of its info string when that names
/// a language rustdoc does not compile, `text` otherwise.
fn safe_language(info: &str) -> &str {
    let first = info.split([',', ' ', '\t']).find(|word| !word.is_empty());
    match first {
        Some(word) if is_language_name(word) && !is_rustdoc_word(word) => word,
        _ => "text",
    }
}

/// A plain language name (`json`, `c++`, `objective-c`): rustdoc reads anything
/// else (`{.class}`, `key=value`) as attributes.
fn is_language_name(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_alphabetic())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-_.#".contains(c))
}

/// A word that makes rustdoc take a block for Rust, or warn that it nearly does
/// (`should-panic`, `compilefail`): Rust itself, and every doctest attribute.
fn is_rustdoc_word(word: &str) -> bool {
    let word = word.to_ascii_lowercase().replace(['-', '_'], "");
    let is_error_code =
        word.len() == 5 && word.starts_with('e') && word[1..].bytes().all(|b| b.is_ascii_digit());
    is_error_code
        || word.starts_with("ignore")
        || word.starts_with("edition")
        || [
            "rust",
            "rs",
            "shouldpanic",
            "norun",
            "compilefail",
            "testharness",
            "standalonecrate",
            "standalone",
            "allowfail",
            "custom",
        ]
        .contains(&word.as_str())
}

/// The length of the run of `c` that starts `text`.
fn leading_run(text: &str, c: char) -> usize {
    text.len() - text.trim_start_matches(c).len()
}

/// The length of the longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    text.split(|other| other != c)
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// A line of text with `[`, `]` and `<` escaped, except in code spans and
/// autolinks, and with what the spec escaped left as it is.
fn escape_text(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        let (piece, len) = next_piece(rest);
        out.push_str(&piece);
        rest = &rest[len..];
    }
    out
}

/// The escaped form of what starts `text`, and how many bytes of it that takes.
fn next_piece(text: &str) -> (Cow<'_, str>, usize) {
    let verbatim = |len: usize| (Cow::Borrowed(&text[..len]), len);
    let Some(c) = text.chars().next() else {
        return (Cow::Borrowed(""), 0);
    };
    match c {
        '\\' => verbatim(escape_len(text)),
        '`' => match code_span_len(text) {
            Some(len) => verbatim(len),
            // Backticks nothing closes on this line are escaped: left bare, they
            // could pair with backticks on another line of the paragraph, or of
            // the text folded into one line, and turn escaped text into code.
            None => {
                let run = leading_run(text, '`');
                (Cow::Owned("\\`".repeat(run)), run)
            }
        },
        '<' => match autolink_len(text) {
            0 => (Cow::Borrowed("&lt;"), 1),
            len => verbatim(len),
        },
        '[' => (Cow::Borrowed("\\["), 1),
        ']' => (Cow::Borrowed("\\]"), 1),
        _ => verbatim(c.len_utf8()),
    }
}

/// A backslash escape starting `text` (`\[`): the backslash and what it escapes.
fn escape_len(text: &str) -> usize {
    match text.as_bytes().get(1) {
        Some(b) if b.is_ascii_punctuation() => 2,
        _ => 1,
    }
}

/// The code span starting `text`, if a run of as many backticks closes it.
fn code_span_len(text: &str) -> Option<usize> {
    let run = leading_run(text, '`');
    let mut offset = run;
    while let Some(found) = text[offset..].find('`') {
        let start = offset + found;
        let len = leading_run(&text[start..], '`');
        if len == run {
            return Some(start + len);
        }
        offset = start + len;
    }
    None
}

/// The web autolink starting `text` (`<https://example.com>`), or 0. Other
/// schemes are escaped like any tag: a `javascript:` link has no place in docs.
fn autolink_len(text: &str) -> usize {
    let Some(end) = text.find('>') else {
        return 0;
    };
    let inner = &text[1..end];
    let Some((scheme, target)) = inner.split_once(':') else {
        return 0;
    };
    let web = scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http");
    if web && !target.contains(|c: char| c.is_whitespace() || c == '<') {
        end + 1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    fn sanitized(text: &str) -> String {
        sanitize_lines(&lines(text)).join("\n")
    }

    #[test]
    fn a_bare_fence_becomes_text() {
        assert_eq!(
            sanitized("Call it:\n```\ncurl -X GET https://x/[id]\n```\nDone."),
            "Call it:\n```text\ncurl -X GET https://x/[id]\n```\nDone."
        );
    }

    #[test]
    fn rust_fences_become_text() {
        let panics = "fn main() { panic!(\"spec prose ran\") }";
        for info in [
            "rust",
            "rs",
            "Rust",
            "rust,ignore",
            "rust no_run",
            "should_panic",
            "no_run",
            "compile_fail",
            "edition2021",
            "E0308",
            "ignore-wasm32",
            "should-panic",
            "{.rust}",
            "  ",
        ] {
            assert_eq!(
                sanitized(&format!("```{info}\n{panics}\n```")),
                format!("```text\n{panics}\n```"),
                "info string {info:?}"
            );
        }
    }

    #[test]
    fn other_languages_are_kept() {
        assert_eq!(
            sanitized("```json\n{\"a\": [1]}\n```"),
            "```json\n{\"a\": [1]}\n```"
        );
        assert_eq!(sanitized("``` bash\nls\n```"), "```bash\nls\n```");
        // Only the language is kept: a second word could make rustdoc run it.
        assert_eq!(sanitized("```json,ignore\n{}\n```"), "```json\n{}\n```");
    }

    #[test]
    fn tilde_fences_are_read_too() {
        assert_eq!(
            sanitized("~~~\nfn main() {}\n~~~\n\n~~~~ yaml\na: [b]\n~~~~"),
            "~~~text\nfn main() {}\n~~~\n\n~~~~yaml\na: [b]\n~~~~"
        );
        // A tilde fence is not closed by backticks, nor a backtick fence by tildes.
        assert_eq!(
            sanitized("~~~\n```\nstill code\n~~~"),
            "~~~text\n```\nstill code\n~~~"
        );
    }

    #[test]
    fn a_longer_fence_holds_shorter_ones() {
        assert_eq!(
            sanitized("````markdown\n```rust\nfn main() {}\n```\n````\nafter"),
            "````markdown\n```rust\nfn main() {}\n```\n````\nafter"
        );
    }

    #[test]
    fn the_fence_written_is_longer_than_any_inside() {
        // A line of four backticks with text after it does not close a block of
        // three, but it would stand out; the fence written is longer still.
        assert_eq!(sanitized("```\n````x\n```"), "`````text\n````x\n`````");
    }

    #[test]
    fn an_indented_block_becomes_a_fenced_one() {
        assert_eq!(
            sanitized("Example:\n\n    curl \\\n      https://x/[a]\n\n    echo\n\nAfter."),
            "Example:\n\n```text\ncurl \\\n  https://x/[a]\n\necho\n```\n\nAfter."
        );
        // At the start of the text, or after a heading, no paragraph goes on.
        assert_eq!(sanitized("    fn main() {}"), "```text\nfn main() {}\n```");
        assert_eq!(sanitized("    - - -"), "```text\n- - -\n```");
        assert_eq!(
            sanitized("# Example\n    fn main() {}"),
            "# Example\n```text\nfn main() {}\n```"
        );
    }

    #[test]
    fn an_indented_line_continuing_a_paragraph_stays_text() {
        let text = "A paragraph\n    that goes on\n- a list\n    - nested";
        assert_eq!(sanitized(text), text);
        // But a nested item may open with code.
        assert_eq!(
            sanitized("- a list\n    -     fn main() {}"),
            "- a list\n```text\n-     fn main() {}\n```"
        );
    }

    #[test]
    fn an_indented_block_holding_fences_is_fenced_longer() {
        assert_eq!(
            sanitized("Text.\n\n    ```rust\n    fn main() {}\n    ```"),
            "Text.\n\n````text\n```rust\nfn main() {}\n```\n````"
        );
    }

    #[test]
    fn code_in_lists_and_quotes_is_found() {
        assert_eq!(
            sanitized("- item\n  ```rust\n  fn main() {}\n  ```\n- next"),
            "- item\n```text\nfn main() {}\n```\n- next"
        );
        assert_eq!(
            sanitized("1.     fn main() {}"),
            "```text\nfn main() {}\n```"
        );
        assert_eq!(
            sanitized("> Quoted:\n>\n>     fn main() {}"),
            "> Quoted:\n>\n```text\nfn main() {}\n```"
        );
        assert_eq!(
            sanitized("> ```\n> fn main() {}\n> ```"),
            "```text\nfn main() {}\n```"
        );
        // The quote ends at a line without `>`, and the block with it.
        assert_eq!(
            sanitized("> ```\n> fn main() {}\nafter"),
            "```text\nfn main() {}\n```\nafter"
        );
        // Once the block is out of the list, an indented line after it is code
        // to rustdoc, so it is written as code.
        assert_eq!(
            sanitized("- a\n    - ```rust\n      fn main() {}\n      ```\n    - b"),
            "- a\n```text\nfn main() {}\n```\n```text\n- b\n```"
        );
        assert_eq!(
            sanitized("Text.\n\n    - ```rust\n      fn main() {}"),
            "Text.\n\n```text\n- ```rust\n  fn main() {}\n```"
        );
    }

    #[test]
    fn an_unclosed_fence_is_closed_at_the_end() {
        assert_eq!(
            sanitized("Try:\n```rust\nfn main() {}"),
            "Try:\n```text\nfn main() {}\n```"
        );
    }

    #[test]
    fn brackets_are_escaped_outside_code_only() {
        assert_eq!(
            sanitized("See [Pet] and [link](#x), `a[0]`, ``b`[1]``.\n```\nv[0]\n```"),
            "See \\[Pet\\] and \\[link\\](#x), `a[0]`, ``b`[1]``.\n```text\nv[0]\n```"
        );
        // What the spec escaped stays escaped once.
        assert_eq!(sanitized("\\[1..10\\]"), "\\[1..10\\]");
        // An unclosed backtick is only a backtick, and escaped so that it stays
        // one whatever the other lines hold.
        assert_eq!(sanitized("a ` [b]\n``x"), "a \\` \\[b\\]\n\\`\\`x");
        assert_eq!(
            sanitize_inline(&lines("a `b\n[c]` d")),
            "a \\`b \\[c\\]\\` d"
        );
    }

    #[test]
    fn html_is_escaped_outside_code_only() {
        assert_eq!(
            sanitized("<div>x</div> <script>alert(1)</script> `<b>`\n```html\n<p>\n```"),
            "&lt;div>x&lt;/div> &lt;script>alert(1)&lt;/script> `<b>`\n```html\n<p>\n```"
        );
        assert_eq!(
            sanitized("Docs: <https://example.com/a?b=1>, a < b."),
            "Docs: <https://example.com/a?b=1>, a &lt; b."
        );
        assert_eq!(
            sanitized("<javascript:alert(1)>"),
            "&lt;javascript:alert(1)>"
        );
    }

    #[test]
    fn text_without_code_is_only_escaped() {
        let text = "# Pets\n\nLists *pets*, **all** of them.\n\n- one\n- two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |";
        assert_eq!(sanitized(text), text);
        assert_eq!(sanitized("Up to [10] <em>"), "Up to \\[10\\] &lt;em>");
    }

    #[test]
    fn line_breaks_and_control_characters_do_not_reach_the_comment() {
        let prose = vec![
            "one\r\ntwo\rthree\u{202E}".to_owned(),
            "four\n\n    five".to_owned(),
        ];
        assert_eq!(
            sanitize_lines(&prose),
            ["one", "two three ", "four", "", "```text", "five", "```"]
        );
    }

    #[test]
    fn inline_prose_turns_code_into_code_spans() {
        let prose = lines("The id [Pet].\n\n```bash\ncurl -X GET \\\n  https://x\n```\n<b>end</b>");
        assert_eq!(
            sanitize_inline(&prose),
            "The id \\[Pet\\]. `curl -X GET \\ https://x` &lt;b>end&lt;/b>"
        );
        assert_eq!(
            sanitize_inline(&lines("Text.\n\n    fn main() {}")),
            "Text. `fn main() {}`"
        );
    }

    #[test]
    fn code_spans_hold_any_value() {
        assert_eq!(code_span("/pets/{id}"), "`/pets/{id}`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a"), "`` `a ``");
        assert_eq!(code_span("a\n\n    fn main() {}"), "`a  fn main() {}`");
        assert_eq!(code_span(""), "``");
    }
}
