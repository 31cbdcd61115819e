//! Helpers of the fault-injection and adversarial suites: a test clock that records
//! the client's waits instead of sleeping, answer sequences for wiremock, a
//! recording hook, raw TCP servers that misbehave, the secret-leak check, and the
//! clients and answers both suites use.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

pub use crate::{AUTHORIZATION, PORTAL, PROJECT, SECRET_MARK, TOKEN};
use pagesense_goals::hooks::{AttemptInfo, Hooks};
use pagesense_goals::retry::Timer;
use pagesense_goals::types::{
    CreateCustomEventRequest, CreateProjectGoalRequest, CustomEventInput, GoalType,
    ProjectGoalInput,
};
use pagesense_goals::{Client, ClientBuilder, Error, RetryPolicy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use wiremock::Mock;
use wiremock::matchers::{any, method, path};
use wiremock::{MockServer, Request, Respond, ResponseTemplate};

/// The client secret of the refresh-token grant.
pub const CLIENT_SECRET: &str = "cs.F4ult-Cl1ent.5ecret";
/// The refresh token of the refresh-token grant.
pub const REFRESH_TOKEN: &str = "rt.F4ult-R3fresh.5ecret";
/// The client id (not a secret: it may show).
pub const CLIENT_ID: &str = "1000.faultclientid";
/// The access tokens the test token endpoint gives out, in order.
pub const ISSUED: [&str; 3] = [
    "at.F4ult-Issued-1.5ecret",
    "at.F4ult-Issued-2.5ecret",
    "at.F4ult-Issued-3.5ecret",
];

/// A successful answer to the goal operations.
pub const GOALS_OK: &str = r#"{"status_code":"10000","status_string":"All resource were processed successfully.","projectgoals":[{"goal_id":7,"linkname":"time-spent","success":true}]}"#;
/// A successful answer to the custom-event operations.
pub const EVENTS_OK: &str =
    r#"{"customevents":[{"event_id":2000000027087,"success":true,"linkname":"premiumsignupcta"}]}"#;
/// An error body as Zoho documents them.
pub const ERROR_BODY: &str = r#"{"status_code":"7001","message":"fault injected"}"#;

/// The moment the test clock starts at: Thu, 01 Jan 2026 00:00:00 GMT.
pub fn epoch() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_225_600)
}

// ---------------------------------------------------------------------------------
// The test clock
// ---------------------------------------------------------------------------------

#[derive(Debug)]
struct ClockState {
    now: Mutex<SystemTime>,
    sleeps: Mutex<Vec<Duration>>,
}

/// A [`Timer`] whose `now()` is set by the test and whose `sleep(d)` records `d`,
/// moves the clock on by `d`, and returns at once. Clones share one clock.
#[derive(Debug, Clone)]
pub struct TestTimer(Arc<ClockState>);

impl Default for TestTimer {
    fn default() -> Self {
        Self::new()
    }
}

impl TestTimer {
    /// A clock at [`epoch`], with no waits recorded.
    pub fn new() -> Self {
        Self(Arc::new(ClockState {
            now: Mutex::new(epoch()),
            sleeps: Mutex::new(Vec::new()),
        }))
    }

    /// The waits the client asked for, in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.0.sleeps.lock().unwrap().clone()
    }

    /// Moves the clock on by `by`, without recording a wait.
    pub fn advance(&self, by: Duration) {
        *self.0.now.lock().unwrap() += by;
    }
}

impl Timer for TestTimer {
    fn now(&self) -> SystemTime {
        *self.0.now.lock().unwrap()
    }

    fn sleep(&self, duration: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        let mut sleeps = self.0.sleeps.lock().unwrap();
        // A runaway retry loop fails the test instead of spinning for ever.
        assert!(sleeps.len() < 1_000, "the client waited 1000 times");
        sleeps.push(duration);
        drop(sleeps);
        *self.0.now.lock().unwrap() += duration;
        Box::pin(std::future::ready(()))
    }
}

/// A builder for `base_url` with the fixed token, the test clock and the default
/// retry policy.
pub fn builder_at(base_url: &str, timer: &TestTimer) -> ClientBuilder {
    Client::builder()
        .base_url(base_url)
        .access_token(TOKEN)
        .timer(timer.clone())
}

/// A client for `base_url` with the fixed token, the test clock and `policy`.
pub fn client_at(base_url: &str, timer: &TestTimer, policy: RetryPolicy) -> Client {
    builder_at(base_url, timer)
        .retry_policy(policy)
        .build()
        .unwrap_or_else(|e| panic!("a client for {base_url} must build: {e}"))
}

// ---------------------------------------------------------------------------------
// Answer sequences
// ---------------------------------------------------------------------------------

/// Answers the n-th request with the n-th template; the last one repeats.
pub struct Sequence {
    answers: Vec<ResponseTemplate>,
    next: AtomicUsize,
}

impl Sequence {
    /// The answers, in order.
    pub fn of(answers: Vec<ResponseTemplate>) -> Self {
        assert!(!answers.is_empty(), "a sequence needs an answer");
        Self {
            answers,
            next: AtomicUsize::new(0),
        }
    }
}

impl Respond for Sequence {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.next.fetch_add(1, Ordering::SeqCst);
        self.answers[n.min(self.answers.len() - 1)].clone()
    }
}

/// An answer with `status` and a JSON body sent byte for byte.
pub fn json_answer(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.as_bytes().to_vec(), "application/json")
}

/// Every request the server received.
pub async fn received(server: &MockServer) -> Vec<Request> {
    server
        .received_requests()
        .await
        .expect("request recording is on for MockServer::start")
}

/// The text of header `name` of `request` (exactly one value).
pub fn header_text(request: &Request, name: &str) -> String {
    let values: Vec<_> = request.headers.get_all(name).iter().collect();
    assert_eq!(values.len(), 1, "header `{name}` must be sent once");
    values[0].to_str().expect("header text").to_owned()
}

/// The fields of a form-encoded body, in order.
pub fn form_fields(body: &[u8]) -> Vec<(String, String)> {
    let text = std::str::from_utf8(body).expect("a form body is text");
    let url = pagesense_goals::reqwest::Url::parse(&format!("http://form.invalid/?{text}"))
        .expect("form as query");
    url.query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// A port on 127.0.0.1 that nothing listens on (bound, then freed).
pub fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    let port = listener.local_addr().expect("local address").port();
    drop(listener);
    port
}

// ---------------------------------------------------------------------------------
// A recording hook
// ---------------------------------------------------------------------------------

/// What a [`Recorder`] saw of one attempt.
pub type Seen = (String, u32, Option<u16>);

/// Adds `x-fault-hook: on` to every request and records each attempt's
/// (operation, attempt, status).
#[derive(Debug, Clone, Default)]
pub struct Recorder(Arc<Mutex<Vec<Seen>>>);

impl Recorder {
    /// The attempts seen, in order.
    pub fn seen(&self) -> Vec<Seen> {
        self.0.lock().unwrap().clone()
    }
}

impl Hooks for Recorder {
    fn before_request(&self, _: &AttemptInfo<'_>, request: &mut pagesense_goals::reqwest::Request) {
        request.headers_mut().insert(
            "x-fault-hook",
            pagesense_goals::reqwest::header::HeaderValue::from_static("on"),
        );
    }

    fn after_response(&self, attempt: &AttemptInfo<'_>, status: Option<u16>, _: Duration) {
        self.0
            .lock()
            .unwrap()
            .push((attempt.call.operation.to_owned(), attempt.attempt, status));
    }
}

// ---------------------------------------------------------------------------------
// Raw TCP servers that misbehave
// ---------------------------------------------------------------------------------

/// How a [`RawServer`] treats each request it reads.
#[derive(Debug, Clone, Copy)]
pub enum Misbehaviour {
    /// Reads the request and never answers (keeps the connection open).
    NeverAnswer,
    /// Answers headers announcing 1000 bytes of body, sends 10, and closes.
    CloseMidBody,
    /// Reads the request and closes the connection without a byte of answer.
    CloseWithoutAnswer,
    /// Answers headers announcing 1000 bytes of body, sends 10, and then nothing
    /// more while keeping the connection open.
    StallMidBody,
}

/// One request a [`RawServer`] read.
#[derive(Debug, Clone)]
pub struct RawRequest {
    /// The request line, such as `POST /portal/p/customevents HTTP/1.1`.
    pub request_line: String,
    /// The body, as many bytes as `Content-Length` said.
    pub body: Vec<u8>,
}

/// A TCP server on 127.0.0.1 that reads HTTP requests and misbehaves.
pub struct RawServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<RawRequest>>>,
    connections: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl RawServer {
    /// Starts a server that treats every request with `misbehaviour`.
    pub async fn start(misbehaviour: Misbehaviour) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("local address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let task = tokio::spawn({
            let requests = Arc::clone(&requests);
            let connections = Arc::clone(&connections);
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    connections.fetch_add(1, Ordering::SeqCst);
                    tokio::spawn(serve(stream, misbehaviour, Arc::clone(&requests)));
                }
            }
        });
        Self {
            addr,
            requests,
            connections,
            task,
        }
    }

    /// The base URL to give the client.
    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The requests read so far.
    pub fn requests(&self) -> Vec<RawRequest> {
        self.requests.lock().unwrap().clone()
    }

    /// The connections accepted so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(
    mut stream: TcpStream,
    misbehaviour: Misbehaviour,
    requests: Arc<Mutex<Vec<RawRequest>>>,
) {
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    requests.lock().unwrap().push(request);
    match misbehaviour {
        Misbehaviour::NeverAnswer => {
            // Hold the connection until the client gives up and closes it.
            let mut sink = [0u8; 1024];
            while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {}
        }
        Misbehaviour::CloseMidBody => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                        Content-Length: 1000\r\n\r\n";
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(br#"{"status_"#).await;
            let _ = stream.flush().await;
            let _ = stream.shutdown().await;
        }
        Misbehaviour::CloseWithoutAnswer => {
            let _ = stream.shutdown().await;
        }
        Misbehaviour::StallMidBody => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\
                        Content-Length: 1000\r\n\r\n";
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(br#"{"status_"#).await;
            let _ = stream.flush().await;
            let mut sink = [0u8; 1024];
            while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {}
        }
    }
}

/// Reads one request: the head up to the blank line, then `Content-Length` bytes.
async fn read_request(stream: &mut TcpStream) -> Option<RawRequest> {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let length = head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse::<usize>().ok())
        .unwrap_or(0);
    while buffer.len() < head_end + length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
    Some(RawRequest {
        request_line: head.lines().next().unwrap_or_default().to_owned(),
        body: buffer[head_end..head_end + length].to_vec(),
    })
}

// ---------------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------------

/// Fails if `text` shows any secret of the suite.
pub fn assert_no_secret(what: &str, text: &str) {
    for piece in [
        SECRET_MARK,
        TOKEN,
        CLIENT_SECRET,
        REFRESH_TOKEN,
        ISSUED[0],
        ISSUED[1],
        ISSUED[2],
    ] {
        assert!(
            !text.contains(piece),
            "{what} shows a secret (`{piece}`): {text}"
        );
    }
}

/// Fails if the `Debug`, `{:#?}` or `Display` of `error`, or of any error in its
/// source chain, shows a secret.
pub fn assert_error_redacted(error: &(dyn std::error::Error + 'static)) {
    assert_no_secret("Debug of an error", &format!("{error:?}"));
    assert_no_secret("{:#?} of an error", &format!("{error:#?}"));
    assert_no_secret("Display of an error", &format!("{error}"));
    let mut source = error.source();
    while let Some(inner) = source {
        assert_no_secret("a source of an error", &format!("{inner} / {inner:?}"));
        source = inner.source();
    }
}

// ---------------------------------------------------------------------------------
// Shared by the fault and adversarial suites
// ---------------------------------------------------------------------------------

pub fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

pub fn millis(n: u64) -> Duration {
    Duration::from_millis(n)
}

pub fn goal_body() -> CreateProjectGoalRequest {
    let mut goal = ProjectGoalInput::new(
        "Engaged Reader".to_owned(),
        GoalType::TimeSpentGoal,
        PROJECT.to_owned(),
    );
    goal.goal_url = Some("https://example-blog.com/articles/é?x=1#top".to_owned());
    goal.time_threshold = Some(30);
    CreateProjectGoalRequest::new(goal)
}

pub fn event_body() -> CreateCustomEventRequest {
    CreateCustomEventRequest::new(CustomEventInput::new(
        "PremiumSignupCTA".to_owned(),
        PROJECT.to_owned(),
    ))
}

/// A server whose n-th request gets the n-th answer (the last one repeats).
pub async fn server_with(answers: Vec<ResponseTemplate>) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(Sequence::of(answers))
        .mount(&server)
        .await;
    server
}

/// The status and the `Retry-After` header of an answer.
pub fn status_with_retry_after(status: u16, retry_after: &str) -> ResponseTemplate {
    json_answer(status, ERROR_BODY).insert_header("retry-after", retry_after)
}

/// The error of `result`, which must be `Error::Api` with `status`; checked for
/// secrets.
pub fn expect_api<T: std::fmt::Debug>(result: Result<T, Error>, status: u16) -> Error {
    match result {
        Err(error @ Error::Api(_)) => {
            assert_eq!(error.status(), Some(status), "status of {error:?}");
            assert_error_redacted(&error);
            error
        }
        other => panic!("expected Error::Api {status}, got {other:?}"),
    }
}

/// The error of `result`, which must be `Error::Transport`; checked for secrets.
pub fn expect_transport<T: std::fmt::Debug>(result: Result<T, Error>) -> Error {
    match result {
        Err(error @ Error::Transport { .. }) => {
            assert_error_redacted(&error);
            error
        }
        other => panic!("expected Error::Transport, got {other:?}"),
    }
}

/// A token endpoint giving out [`ISSUED`] in order, each valid for an hour, after
/// `delay`.
pub async fn token_server(delay: Duration) -> MockServer {
    let server = MockServer::start().await;
    let answers = ISSUED
        .iter()
        .map(|token| {
            json_answer(
                200,
                &serde_json::json!({
                    "access_token": token,
                    "expires_in": 3600,
                    "api_domain": "https://www.zohoapis.com",
                    "token_type": "Bearer"
                })
                .to_string(),
            )
            .set_delay(delay)
        })
        .collect();
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .respond_with(Sequence::of(answers))
        .mount(&server)
        .await;
    server
}

/// A client of `api` getting its tokens from `tokens` with the refresh grant.
pub fn refreshing_client(api: &str, tokens: &MockServer, timer: &TestTimer) -> Client {
    Client::builder()
        .base_url(api)
        .refresh_token(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .token_url(format!("{}/oauth/v2/token", tokens.uri()))
        .timer(timer.clone())
        .build()
        .unwrap()
}

/// The tokens the API received, in order.
pub async fn tokens_sent(api: &MockServer) -> Vec<String> {
    received(api)
        .await
        .iter()
        .map(|r| header_text(r, "authorization"))
        .collect()
}

pub fn authorization(token: &str) -> String {
    format!("Zoho-oauthtoken {token}")
}
