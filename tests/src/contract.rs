//! Helpers of the contract suite (`tests/contract.rs`): finding Prism, running it as a
//! child process that is always stopped, reading what its log says about each request,
//! the operations the spec documents, and the report.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

pub use crate::workspace_root;

/// The Prism version `scripts/prism.sh` installs.
pub const PRISM_VERSION: &str = "5.14.2";

/// Where `scripts/prism.sh` puts the `prism` executable, from the workspace root.
pub const DEFAULT_PRISM_BIN: &str = ".tools/prism/node_modules/.bin/prism";

/// The log line Prism prints once its HTTP server listens.
const LISTENING: &str = "Prism is listening on";

/// Paths the suite itself requests (readiness probes, log sentinels); Prism answers
/// them with "no path matched" and they are not calls of any operation.
pub const CONTROL_PREFIX: &str = "/__contract";

/// How often the readiness probe asks again.
const POLL_EVERY: Duration = Duration::from_millis(20);

/// Locks a mutex, ignoring poisoning (a panicking test must still stop Prism).
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `schema/goals.yaml`.
pub fn spec_path() -> PathBuf {
    workspace_root().join("schema").join("goals.yaml")
}

/// `target/contract-report.txt` of the target folder whose `tmp` folder is
/// `target_tmp` (the test's `CARGO_TARGET_TMPDIR`).
pub fn report_path(target_tmp: &Path) -> PathBuf {
    target_tmp
        .parent()
        .map_or_else(|| workspace_root().join("target"), Path::to_path_buf)
        .join("contract-report.txt")
}

/// Where Prism is, or why it is not there.
#[derive(Debug)]
pub enum Located {
    /// The `prism` executable.
    Found(PathBuf),
    /// Why none was found.
    Missing(String),
}

/// Finds Prism: `PRISM_BIN` when set (a relative path is taken from the workspace
/// root), else [`DEFAULT_PRISM_BIN`].
pub fn locate_prism() -> Located {
    let (path, origin) = match std::env::var_os("PRISM_BIN").filter(|value| !value.is_empty()) {
        Some(value) => (PathBuf::from(value), "PRISM_BIN"),
        None => (PathBuf::from(DEFAULT_PRISM_BIN), "the default install path"),
    };
    let path = if path.is_relative() {
        workspace_root().join(path)
    } else {
        path
    };
    if path.is_file() {
        Located::Found(path)
    } else {
        Located::Missing(format!("no file at {} ({origin})", path.display()))
    }
}

/// Finds Prism as [`locate_prism`] does; when `PRISM_BIN` is not set and Prism is
/// not installed yet, installs it with `scripts/prism.sh` first (npm, into
/// `.tools/prism`). A test that needs Prism never passes without it.
pub fn locate_or_install_prism() -> Result<PathBuf, String> {
    let why = match locate_prism() {
        Located::Found(bin) => return Ok(bin),
        Located::Missing(why) => why,
    };
    if std::env::var_os("PRISM_BIN").is_some_and(|value| !value.is_empty()) {
        return Err(why);
    }
    let script = workspace_root().join("scripts").join("prism.sh");
    eprintln!(
        "contract tests: {why}; installing Prism with {}",
        script.display()
    );
    let status = std::process::Command::new("bash")
        .arg(&script)
        .status()
        .map_err(|e| format!("{why}; cannot run {}: {e}", script.display()))?;
    if !status.success() {
        return Err(format!("{why}; {} failed ({status})", script.display()));
    }
    match locate_prism() {
        Located::Found(bin) => Ok(bin),
        Located::Missing(after) => Err(format!("{after}, even after {}", script.display())),
    }
}

/// The version of the Prism package `bin` belongs to, read from its `package.json`
/// (running `prism --version` would cost a Node start of seconds).
pub fn prism_version(bin: &Path) -> Result<String, String> {
    let script =
        std::fs::canonicalize(bin).map_err(|e| format!("cannot resolve {}: {e}", bin.display()))?;
    let manifest = script
        .ancestors()
        .map(|folder| folder.join("package.json"))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| format!("no package.json above {}", script.display()))?;
    let text = std::fs::read_to_string(&manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    let json: Value = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not JSON: {e}", manifest.display()))?;
    match (
        json.get("name").and_then(Value::as_str),
        json.get("version").and_then(Value::as_str),
    ) {
        (Some(name), Some(version)) => Ok(format!("{version} ({name})")),
        _ => Err(format!("{} names no package version", manifest.display())),
    }
}

// ---------------------------------------------------------------------------------
// Prism's log
// ---------------------------------------------------------------------------------

/// Every line Prism printed, in order, as the reader threads received them.
#[derive(Debug, Default)]
pub struct Log {
    state: Mutex<LogState>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct LogState {
    lines: Vec<String>,
    /// Output streams not yet at their end.
    open: usize,
}

/// Why [`Log::wait_for`] gave up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitEnd {
    /// Prism closed its output (it exited) first.
    Closed,
    /// The time ran out first.
    TimedOut,
}

impl Log {
    fn opened(&self) {
        lock(&self.state).open += 1;
    }

    fn push(&self, line: String) {
        lock(&self.state).lines.push(line);
        self.changed.notify_all();
    }

    fn closed(&self) {
        let mut state = lock(&self.state);
        state.open = state.open.saturating_sub(1);
        drop(state);
        self.changed.notify_all();
    }

    /// A copy of every line so far.
    pub fn lines(&self) -> Vec<String> {
        lock(&self.state).lines.clone()
    }

    /// The last `count` lines, for error messages.
    pub fn tail(&self, count: usize) -> String {
        let state = lock(&self.state);
        let start = state.lines.len().saturating_sub(count);
        state.lines[start..].join("\n")
    }

    /// Waits until `done` holds for the lines, Prism's output ends, or `timeout`
    /// passes. Woken by every new line: no fixed sleep.
    pub fn wait_for(
        &self,
        timeout: Duration,
        mut done: impl FnMut(&[String]) -> bool,
    ) -> Result<(), WaitEnd> {
        let deadline = Instant::now() + timeout;
        let mut state = lock(&self.state);
        loop {
            if done(&state.lines) {
                return Ok(());
            }
            if state.open == 0 {
                return Err(WaitEnd::Closed);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(WaitEnd::TimedOut);
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

/// Copies `stream` into `log` line by line until it ends.
fn read_into(
    stream: impl Read + Send + 'static,
    log: Arc<Log>,
    prefix: &'static str,
) -> JoinHandle<()> {
    log.opened();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut buffer = Vec::new();
        loop {
            buffer.clear();
            match reader.read_until(b'\n', &mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    let text = String::from_utf8_lossy(&buffer);
                    let line = strip_ansi(text.trim_end_matches(['\n', '\r']));
                    log.push(format!("{prefix}{line}"));
                }
            }
        }
        log.closed();
    })
}

/// Removes ANSI escape sequences (colours), should Prism print any.
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for next in chars.by_ref() {
                    if next.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// What Prism's log says about one request: from its "Request received" line to the
/// next one.
#[derive(Debug, Clone, Default)]
pub struct Segment {
    /// The method, lowercase as Prism prints it.
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// Prism's violations: its `Violation: …` lines, and the requests it ended with a
    /// violations error (`--errors`: `#VIOLATIONS`, `#UNPROCESSABLE_ENTITY`).
    pub violations: Vec<String>,
    /// Other errors Prism ended the request with (no path matched, …).
    pub problems: Vec<String>,
}

impl Segment {
    /// Whether the suite itself sent it (probe, sentinel).
    pub fn is_control(&self) -> bool {
        self.path.starts_with(CONTROL_PREFIX)
    }
}

/// Splits the log into one [`Segment`] per request, in the order Prism received them.
///
/// Prism logs a request's violations before it sends the answer, and the suite sends
/// its requests one at a time, so every line of a request lies in its segment.
pub fn segments(lines: &[String]) -> Vec<Segment> {
    const SERVER: &str = "[HTTP SERVER] ";
    let mut segments: Vec<Segment> = Vec::new();
    for line in lines {
        if let Some(at) = line.find(SERVER) {
            let rest = &line[at + SERVER.len()..];
            if rest.trim_end().ends_with("Request received") {
                let mut words = rest.split_whitespace();
                segments.push(Segment {
                    method: words.next().unwrap_or_default().to_owned(),
                    path: words.next().unwrap_or_default().to_owned(),
                    ..Segment::default()
                });
                continue;
            }
        }
        let Some(current) = segments.last_mut() else {
            continue;
        };
        if let Some(at) = line.find("Violation:") {
            current.violations.push(line[at..].trim().to_owned());
        } else if let Some(at) = line.find("Request terminated with error:") {
            let what = line[at..].trim().to_owned();
            if what.contains("errors#VIOLATIONS") || what.contains("errors#UNPROCESSABLE_ENTITY") {
                current.violations.push(what);
            } else {
                current.problems.push(what);
            }
        }
    }
    segments
}

// ---------------------------------------------------------------------------------
// The Prism process
// ---------------------------------------------------------------------------------

/// A running Prism. Dropping it kills the process by its id and reaps it, whatever
/// happened (a failed start, a failed assertion, a panic).
#[derive(Debug)]
pub struct Prism {
    label: &'static str,
    child: Child,
    port: u16,
    log: Arc<Log>,
    readers: Vec<JoinHandle<()>>,
}

impl Prism {
    /// Starts `prism <args> --host 127.0.0.1 --port <free port>` from the workspace
    /// root, waits until it prints that it listens and then until it answers HTTP,
    /// within `timeout` in all. A port taken meanwhile is retried with another.
    pub fn start(
        bin: &Path,
        label: &'static str,
        args: &[String],
        timeout: Duration,
    ) -> Result<Self, String> {
        let deadline = Instant::now() + timeout;
        let mut tries = 0;
        loop {
            tries += 1;
            let port = free_port()?;
            let mut command = Command::new(bin);
            command
                .args(args)
                .args(["--host", "127.0.0.1", "--port", &port.to_string()])
                .current_dir(workspace_root())
                .env("NO_COLOR", "1")
                .env("FORCE_COLOR", "0")
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            let mut child = command
                .spawn()
                .map_err(|e| format!("{label}: cannot start {}: {e}", bin.display()))?;
            let log = Arc::new(Log::default());
            let mut readers = Vec::new();
            if let Some(stdout) = child.stdout.take() {
                readers.push(read_into(stdout, Arc::clone(&log), ""));
            }
            if let Some(stderr) = child.stderr.take() {
                readers.push(read_into(stderr, Arc::clone(&log), "stderr: "));
            }
            // From here on the guard owns the process: any return stops it.
            let prism = Self {
                label,
                child,
                port,
                log,
                readers,
            };
            let left = deadline.saturating_duration_since(Instant::now());
            let listening = prism.log.wait_for(left, |lines| {
                lines.iter().any(|line| line.contains(LISTENING))
            });
            match listening {
                Ok(()) => {}
                Err(WaitEnd::Closed) if tries < 3 && prism.log.tail(50).contains("EADDRINUSE") => {
                    continue;
                }
                Err(end) => {
                    return Err(format!(
                        "{label}: Prism did not start listening ({end:?}, args {args:?}); its log:\n{}",
                        prism.log.tail(40)
                    ));
                }
            }
            prism.wait_until_answering(deadline)?;
            return Ok(prism);
        }
    }

    /// Polls with an HTTP request until Prism answers one.
    fn wait_until_answering(&self, deadline: Instant) -> Result<(), String> {
        let probe = format!("{CONTROL_PREFIX}/ready");
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match http_get(self.port, &probe, left.min(Duration::from_secs(2))) {
                Ok(_) => return Ok(()),
                Err(e) if left.is_zero() => {
                    return Err(format!(
                        "{}: Prism never answered on port {} ({e}); its log:\n{}",
                        self.label,
                        self.port,
                        self.log.tail(40)
                    ));
                }
                Err(_) => std::thread::sleep(POLL_EVERY.min(left)),
            }
        }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The log so far.
    pub fn log(&self) -> &Log {
        &self.log
    }

    /// Sends a sentinel request and waits until Prism has logged its end, so that
    /// everything Prism logged about earlier requests is in [`Self::log`].
    pub fn settle(&self, name: &str, timeout: Duration) -> Result<(), String> {
        let path = format!("{CONTROL_PREFIX}/sentinel/{name}");
        http_get(self.port, &path, timeout)
            .map_err(|e| format!("{}: sentinel request failed: {e}", self.label))?;
        self.log
            .wait_for(timeout, |lines| {
                lines
                    .iter()
                    .any(|line| line.contains(&path) && line.contains("Request terminated"))
            })
            .map_err(|end| {
                format!(
                    "{}: Prism did not log the sentinel's end ({end:?}); its log:\n{}",
                    self.label,
                    self.log.tail(20)
                )
            })
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        // Kill by process id (SIGKILL), then reap, so no process outlives the test.
        let _ = self.child.kill();
        let _ = self.child.wait();
        for reader in self.readers.drain(..) {
            let _ = reader.join();
        }
    }
}

/// Whether process `pid` still exists (Linux; elsewhere always `false`).
pub fn process_exists(pid: u32) -> bool {
    cfg!(target_os = "linux") && Path::new(&format!("/proc/{pid}")).exists()
}

/// A port nobody listens on now.
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .map_err(|e| format!("no free port on 127.0.0.1: {e}"))?;
    listener
        .local_addr()
        .map(|address| address.port())
        .map_err(|e| format!("no free port on 127.0.0.1: {e}"))
}

/// A minimal HTTP/1.1 GET to 127.0.0.1:`port`; the answer's status.
fn http_get(port: u16, path: &str, timeout: Duration) -> Result<u16, String> {
    let timeout = timeout.max(Duration::from_millis(50));
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&address, timeout).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|()| stream.set_write_timeout(Some(timeout)))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&answer);
    text.strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("not an HTTP answer: {:?}", text.lines().next()))
}

// ---------------------------------------------------------------------------------
// The spec
// ---------------------------------------------------------------------------------

/// One operation of the spec, as the scenarios need it.
#[derive(Debug, Clone)]
pub struct SpecOperation {
    /// `operationId`.
    pub id: String,
    /// The method, uppercase.
    pub method: String,
    /// The path template.
    pub path: String,
    /// Documented success statuses (2xx), ascending, with the first example of each.
    pub successes: Vec<(u16, Option<Value>)>,
    /// Documented error statuses (4xx, 5xx), ascending, with the first example of each.
    pub errors: Vec<(u16, Option<Value>)>,
}

/// The spec as JSON (loaded by the generator's own loader).
pub fn spec_json() -> Result<Value, String> {
    let path = spec_path();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    generator::load::load(&text)
        .map(|loaded| loaded.raw)
        .map_err(|problems| format!("{} does not load: {problems:?}", path.display()))
}

/// Follows local `$ref`s.
pub fn resolve<'a>(root: &'a Value, mut value: &'a Value) -> &'a Value {
    for _ in 0..32 {
        let Some(target) = value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|reference| reference.strip_prefix('#'))
            .and_then(|pointer| root.pointer(pointer))
        else {
            break;
        };
        value = target;
    }
    value
}

/// The values of the spec's `enum` of `components/schemas/<name>`, as integers.
pub fn integer_enum(spec: &Value, name: &str) -> Vec<i64> {
    spec.pointer(&format!("/components/schemas/{name}/enum"))
        .and_then(Value::as_array)
        .map(|values| values.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default()
}

/// Every operation of the spec, ordered by path and method.
pub fn spec_operations(spec: &Value) -> Vec<SpecOperation> {
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "patch", "head", "options", "trace",
    ];
    let mut operations = Vec::new();
    let Some(paths) = spec.get("paths").and_then(Value::as_object) else {
        return operations;
    };
    for (path, item) in paths {
        let item = resolve(spec, item);
        for method in METHODS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            let id = operation
                .get("operationId")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let mut statuses: BTreeMap<u16, Option<Value>> = BTreeMap::new();
            if let Some(responses) = operation.get("responses").and_then(Value::as_object) {
                for (code, response) in responses {
                    if let Ok(code) = code.parse::<u16>() {
                        statuses.insert(code, first_example(spec, resolve(spec, response)));
                    }
                }
            }
            let (successes, errors) = statuses
                .into_iter()
                .filter(|(code, _)| *code >= 200)
                .partition(|(code, _)| *code < 300);
            operations.push(SpecOperation {
                id,
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                successes,
                errors: errors
                    .into_iter()
                    .filter(|(code, _)| *code >= 400)
                    .collect(),
            });
        }
    }
    operations
}

/// The first JSON example of a response (`example`, or the first of `examples`).
fn first_example(spec: &Value, response: &Value) -> Option<Value> {
    let media = response.pointer("/content/application~1json")?;
    if let Some(example) = media.get("example") {
        return Some(example.clone());
    }
    let (_, first) = media.get("examples")?.as_object()?.iter().next()?;
    resolve(spec, first).get("value").cloned()
}

// ---------------------------------------------------------------------------------
// Comparing and reporting
// ---------------------------------------------------------------------------------

/// Whether `actual` (a typed value written back as JSON) says what `expected` (JSON
/// the server sent) says. Objects compare key by key, numbers by value; a single
/// object in `expected` matches a one-element array in `actual`, as the client reads
/// the spec's one-or-many lists into a `Vec`.
pub fn equivalent(expected: &Value, actual: &Value) -> bool {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            e.len() == a.len()
                && e.iter()
                    .all(|(k, v)| a.get(k).is_some_and(|w| equivalent(v, w)))
        }
        (Value::Array(e), Value::Array(a)) => {
            e.len() == a.len() && e.iter().zip(a).all(|(v, w)| equivalent(v, w))
        }
        (Value::Object(_), Value::Array(a)) if a.len() == 1 => equivalent(expected, &a[0]),
        (Value::Number(e), Value::Number(a)) => match (e.as_i64(), a.as_i64()) {
            (Some(e), Some(a)) => e == a,
            _ => e.as_f64() == a.as_f64(),
        },
        _ => expected == actual,
    }
}

/// A plain-text table with aligned columns.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, width))| {
                if i == 0 {
                    format!("{cell:<width$}")
                } else {
                    format!("{cell:>width$}")
                }
            })
            .collect();
        format!("| {} |", padded.join(" | "))
    };
    let mut out = vec![
        line(header.iter().map(|h| (*h).to_owned()).collect()),
        format!(
            "|{}|",
            widths
                .iter()
                .map(|w| "-".repeat(w + 2))
                .collect::<Vec<_>>()
                .join("|")
        ),
    ];
    out.extend(rows.iter().map(|row| line(row.clone())));
    out.join("\n")
}
