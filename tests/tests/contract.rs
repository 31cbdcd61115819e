//! Contract tests: the generated client against Prism, an independent implementation
//! of `schema/goals.yaml` (npm `@stoplight/prism-cli` 5.14.2).
//!
//! Our other tests use servers we wrote, so they can share our misreadings of the
//! spec. Here Prism reads the spec itself and checks both sides:
//!
//! 1. **static**: Prism (`prism mock`) answers each documented success status with the
//!    spec's example; the call succeeds, Prism reports no violation of the request,
//!    and the typed value says exactly what the example says;
//! 2. **dynamic**: 50 answers per operation that Prism makes up from the schemas
//!    (`Prefer: dynamic=true`) all decode, into typed fields only (nothing lands in
//!    `additional_properties`), and write back to the same JSON. Made-up envelopes
//!    usually carry a `status_code` other than "10000", which the client reports as
//!    `Error::Unsuccessful`: decoding succeeded, so those count as decoded (the body
//!    is decoded again here to check it);
//! 3. **errors**: every documented error status, chosen with `Prefer: code=NNN` (set
//!    by a client hook), becomes `Error::Api` with that status and the body decoded as
//!    `ErrorBody`, for the spec's example and for made-up error bodies;
//! 4. **forbidden**: requests the spec forbids (no `Authorization`, a missing required
//!    body field or query parameter, a wrong type, a value outside an enum), made by
//!    the client with a hook that bypasses its typed API where needed, are rejected
//!    by Prism with a violation naming the fault: proof that Prism validates;
//! 5. **proxy**: `prism proxy --errors` in front of a local wiremock server that
//!    answers with the project's samples (`data/end_to_end/`) and error bodies, so
//!    that both the client's requests and that server's answers are validated.
//!
//! Every request is matched with what Prism's log says about it (Prism logs each
//! request and its violations in order; the calls are made one at a time), so the
//! report gives per operation the calls Prism received and the violations it found.
//! The report is printed (see it with `cargo test -p tests --test contract --
//! --nocapture`) and written to `target/contract-report.txt`.
//!
//! # Finding Prism
//!
//! `scripts/prism.sh` installs Prism into `.tools/prism/` (git-ignored). The test uses
//! `PRISM_BIN` when set (a relative path is taken from the workspace root), else
//! `.tools/prism/node_modules/.bin/prism`; when neither is there, it runs
//! `scripts/prism.sh` itself (npm, about 15 s), so the README's `cargo test
//! --workspace` runs this suite on a fresh clone too. When Prism can be neither found
//! nor installed (no Node or npm, no registry), the test **fails** with the command
//! that installs it: it never passes having tested nothing.
//!
//! Each Prism runs as a child process on 127.0.0.1 on a free port; the test waits for
//! its "listening" line and then polls it over HTTP (no fixed sleep), and a guard
//! kills it by process id whatever happens. One Prism per mode (mock, proxy), started
//! in parallel and shared by all scenarios.

// Tests may unwrap and panic, whatever lints the workspace turns on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use tests::contract;
use tests::{PORTAL, PROJECT, TOKEN};

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use contract::{Prism, Segment, SpecOperation, equivalent, lock};
use pagesense_goals::hooks::{AttemptInfo, Hooks};
use pagesense_goals::reqwest;
use pagesense_goals::types::{
    CreateCustomEventRequest, CreateProjectGoalRequest, CustomEventInput, CustomEventsResponse,
    GoalType, ProjectGoalUpdate, ProjectGoalsResponse, UpdateProjectGoalRequest, UrlMatchType,
    UrlRule,
};
use pagesense_goals::{Client, Error, Response, RetryPolicy};
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

// ---------------------------------------------------------------------------------
// Settings and shared values
// ---------------------------------------------------------------------------------

/// Answers Prism makes up per operation in the dynamic scenario.
const DYNAMIC_CALLS: usize = 50;

/// Made-up error bodies per documented error status.
const DYNAMIC_ERROR_CALLS: usize = 2;

/// How long a Prism may take to start and answer.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// How long to wait for Prism's log to catch up.
const SETTLE_TIMEOUT: Duration = Duration::from_secs(10);

/// The goal of Zoho's samples.
const GOAL: &str = "time-spent";

/// The project of Zoho's create-custom-event sample.
const EVENT_PROJECT: &str = "saas-growth-project";

/// The operations this file knows how to call. A spec operation missing here fails
/// the run, so that a new operation cannot go unchecked.
const KNOWN_OPERATIONS: [&str; 6] = [
    "getProjectGoals",
    "updateProjectGoal",
    "createProjectGoal",
    "deleteProjectGoal",
    "listCustomEvents",
    "createCustomEvent",
];

/// The project's samples, shared with the end-to-end suite: what its local test
/// server answers. Only the samples are used here.
use tests::e2e::samples;

/// Error answers of the proxy's local server: status, `status_code`, message (as in
/// `end_to_end.rs`). The codes are made up for the tests: Zoho documents none.
const ERROR_ANSWERS: [(u16, &str, &str); 5] = [
    (400, r#""7001""#, "Invalid input: goal_type is required"),
    (401, "7101", "Invalid OAuth token"),
    (404, r#""7404""#, "Project not found"),
    (429, "7429", "Too many requests"),
    (500, r#""7500""#, "Internal server error"),
];

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

// ---------------------------------------------------------------------------------
// The hook: changes requests as a scenario asks, and records every attempt
// ---------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Scenario {
    Static,
    Dynamic,
    Errors,
    Forbidden,
    Proxy,
}

/// What the hook does to the next requests.
#[derive(Debug, Clone, Default)]
enum Tweak {
    #[default]
    Nothing,
    /// Sets Prism's `Prefer` header.
    Prefer(String),
    /// Removes the credential.
    DropAuthorization,
    /// Replaces the JSON body.
    ReplaceBody(Value),
    /// Removes the query string.
    DropQuery,
}

#[derive(Debug, Clone)]
struct Plan {
    scenario: Scenario,
    tweak: Tweak,
    /// For a forbidden request: a word Prism's violation must contain.
    expect: Option<&'static str>,
}

/// One attempt, as the client sent it.
#[derive(Debug, Clone)]
struct Sent {
    operation: &'static str,
    method: String,
    path: String,
    scenario: Scenario,
    expect: Option<&'static str>,
    status: Option<u16>,
}

#[derive(Debug)]
struct Recorder {
    plan: Mutex<Plan>,
    sent: Mutex<Vec<Sent>>,
}

impl Recorder {
    fn new() -> Arc<Self> {
        Arc::new(Self {
            plan: Mutex::new(Plan {
                scenario: Scenario::Static,
                tweak: Tweak::Nothing,
                expect: None,
            }),
            sent: Mutex::new(Vec::new()),
        })
    }

    fn set(&self, scenario: Scenario, tweak: Tweak, expect: Option<&'static str>) {
        *lock(&self.plan) = Plan {
            scenario,
            tweak,
            expect,
        };
    }

    fn sent(&self) -> Vec<Sent> {
        lock(&self.sent).clone()
    }
}

#[derive(Debug)]
struct Tap(Arc<Recorder>);

impl Hooks for Tap {
    fn before_request(&self, attempt: &AttemptInfo<'_>, request: &mut reqwest::Request) {
        let plan = lock(&self.0.plan).clone();
        match &plan.tweak {
            Tweak::Nothing => {}
            Tweak::Prefer(value) => {
                let value = reqwest::header::HeaderValue::from_str(value).expect("a header value");
                request.headers_mut().insert("prefer", value);
            }
            Tweak::DropAuthorization => {
                request.headers_mut().remove(reqwest::header::AUTHORIZATION);
            }
            Tweak::ReplaceBody(body) => {
                let bytes = serde_json::to_vec(body).expect("JSON");
                request
                    .headers_mut()
                    .remove(reqwest::header::CONTENT_LENGTH);
                *request.body_mut() = Some(reqwest::Body::from(bytes));
            }
            Tweak::DropQuery => request.url_mut().set_query(None),
        }
        lock(&self.0.sent).push(Sent {
            operation: attempt.call.operation,
            method: request.method().as_str().to_owned(),
            path: request.url().path().to_owned(),
            scenario: plan.scenario,
            expect: plan.expect,
            status: None,
        });
    }

    fn after_response(&self, _: &AttemptInfo<'_>, status: Option<u16>, _: Duration) {
        if let Some(last) = lock(&self.0.sent).last_mut() {
            last.status = status;
        }
    }
}

fn client_at(base_url: &str, recorder: &Arc<Recorder>) -> Client {
    Client::builder()
        .base_url(base_url)
        .access_token(TOKEN)
        .retry_policy(RetryPolicy::never())
        .timeout(Duration::from_secs(20))
        .hook(Tap(Arc::clone(recorder)))
        .build()
        .unwrap_or_else(|e| panic!("a client for {base_url} must build: {e}"))
}

// ---------------------------------------------------------------------------------
// Calling every operation
// ---------------------------------------------------------------------------------

/// Which request body (for operations that have one).
#[derive(Debug, Clone, Copy)]
enum Input {
    /// Zoho's samples.
    Sample,
    /// Every optional field set; `n` picks the spec's enum values in turn.
    Full(usize),
    /// `goal_type` 11, outside the spec's enum (the client keeps unknown values, and
    /// lets the caller send them).
    UnknownGoalType,
}

/// The spec's enum values, sent in turn by [`Input::Full`].
#[derive(Debug, Clone)]
struct Enums {
    goal_types: Vec<i64>,
    match_types: Vec<i64>,
}

/// A success answer, decoded.
#[derive(Debug)]
struct Decoded {
    status: u16,
    /// Prism's `sl-violations` header, if any.
    violations: Option<String>,
    /// The typed value written back as JSON.
    json: Value,
    /// Properties that landed in `additional_properties` rather than typed fields.
    extras: usize,
}

/// The typed answers of the spec. (The tests package does not depend on serde itself,
/// so the serde calls are made on the concrete types.)
trait Typed: Sized {
    fn from_text(body: &str) -> Result<Self, String>;
    fn to_json(&self) -> Value;
    fn extras(&self) -> usize;
    fn failure_reason(&self) -> Option<String>;
}

macro_rules! serde_calls {
    () => {
        fn from_text(body: &str) -> Result<Self, String> {
            serde_json::from_str(body).map_err(|e| e.to_string())
        }
        fn to_json(&self) -> Value {
            serde_json::to_value(self).expect("a typed value serializes")
        }
    };
}

impl Typed for ProjectGoalsResponse {
    serde_calls!();
    fn extras(&self) -> usize {
        self.additional_properties.len()
            + self
                .projectgoals
                .iter()
                .flatten()
                .map(|goal| goal.additional_properties.len())
                .sum::<usize>()
    }
    fn failure_reason(&self) -> Option<String> {
        self.failure()
    }
}

impl Typed for CustomEventsResponse {
    serde_calls!();
    fn extras(&self) -> usize {
        self.additional_properties.len()
            + self
                .customevents
                .iter()
                .flatten()
                .map(|event| event.additional_properties.len())
                .sum::<usize>()
    }
    fn failure_reason(&self) -> Option<String> {
        self.failure()
    }
}

fn violations_header(headers: &reqwest::header::HeaderMap) -> Option<String> {
    headers
        .get("sl-violations")
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
}

fn decoded<T: Typed>(result: Result<Response<T>, Error>) -> Result<Decoded, Error> {
    result.map(|response| Decoded {
        status: response.status().as_u16(),
        violations: violations_header(response.headers()),
        json: response.value().to_json(),
        extras: response.value().extras(),
    })
}

/// Decodes `body` as the typed answer of `operation`, as the client does: the JSON
/// written back, the extras, and what `failure()` says.
fn decode_as(operation: &str, body: &str) -> Result<(Value, usize, Option<String>), String> {
    fn typed<T: Typed>(body: &str) -> Result<(Value, usize, Option<String>), String> {
        let value = T::from_text(body)?;
        Ok((value.to_json(), value.extras(), value.failure_reason()))
    }
    match operation {
        "getProjectGoals" | "updateProjectGoal" | "createProjectGoal" | "deleteProjectGoal" => {
            typed::<ProjectGoalsResponse>(body)
        }
        "listCustomEvents" | "createCustomEvent" => typed::<CustomEventsResponse>(body),
        other => Err(format!("no typed answer known for {other}")),
    }
}

fn goal_input(input: Input, enums: &Enums) -> CreateProjectGoalRequest {
    let mut request = tests::e2e::zoho_sample_goal();
    let goal = &mut request.projectgoal;
    match input {
        Input::Sample => {}
        Input::Full(n) => {
            goal.goal_type = GoalType::from_value(pick(&enums.goal_types, n, 8));
            goal.include_urls = Some(vec!["https://example-blog.com/articles/*".to_owned()]);
            goal.exclude_urls = Some(vec!["https://example-blog.com/drafts/*".to_owned()]);
            goal.url = Some(url_rules(n, enums));
            goal.element_css_selector = Some("#signup-button".to_owned());
        }
        Input::UnknownGoalType => goal.goal_type = GoalType::from_value(11),
    }
    request
}

fn goal_update(input: Input, enums: &Enums) -> UpdateProjectGoalRequest {
    let mut update = ProjectGoalUpdate::new(PROJECT.to_owned());
    update.display_name = Some("Deeply Engaged Reader".to_owned());
    update.time_threshold = Some(60);
    match input {
        Input::Sample => {}
        Input::Full(n) => {
            update.goal_type = Some(GoalType::from_value(pick(&enums.goal_types, n, 8)));
            update.goal_url = Some("https://example-blog.com/pricing".to_owned());
            update.include_urls = Some(vec!["https://example-blog.com/*".to_owned()]);
            update.exclude_urls = Some(vec!["https://example-blog.com/admin/*".to_owned()]);
            update.url = Some(url_rules(n, enums));
            update.element_css_selector = Some("form#signup".to_owned());
        }
        Input::UnknownGoalType => update.goal_type = Some(GoalType::from_value(11)),
    }
    UpdateProjectGoalRequest::new(update)
}

fn event_input() -> CreateCustomEventRequest {
    CreateCustomEventRequest::new(CustomEventInput::new(
        "PremiumSignupCTA".to_owned(),
        EVENT_PROJECT.to_owned(),
    ))
}

fn pick(values: &[i64], n: usize, otherwise: i64) -> i64 {
    if values.is_empty() {
        otherwise
    } else {
        values[n % values.len()]
    }
}

/// One rule per value of the spec's `UrlMatchType`, starting at the `n`th.
fn url_rules(n: usize, enums: &Enums) -> Vec<UrlRule> {
    (0..enums.match_types.len().max(1))
        .map(|i| UrlRule {
            match_type: Some(UrlMatchType::from_value(pick(&enums.match_types, n + i, 1))),
            ..UrlRule::default()
        })
        .collect()
}

/// Calls `operation` with the client's typed API.
async fn call(
    client: &Client,
    operation: &str,
    portal: &str,
    input: Input,
    enums: &Enums,
) -> Result<Decoded, Error> {
    match operation {
        "getProjectGoals" => decoded(
            client
                .get_project_goals(portal, PROJECT)
                .with_response()
                .await,
        ),
        "updateProjectGoal" => decoded(
            client
                .update_project_goal(portal, GOAL, &goal_update(input, enums))
                .with_response()
                .await,
        ),
        "createProjectGoal" => decoded(
            client
                .create_project_goal(portal, PROJECT, &goal_input(input, enums))
                .with_response()
                .await,
        ),
        "deleteProjectGoal" => decoded(
            client
                .delete_project_goal(portal, GOAL)
                .with_response()
                .await,
        ),
        "listCustomEvents" => decoded(
            client
                .list_custom_events(portal, EVENT_PROJECT)
                .with_response()
                .await,
        ),
        "createCustomEvent" => decoded(
            client
                .create_custom_event(portal, &event_input())
                .with_response()
                .await,
        ),
        other => panic!("no call known for operation {other}"),
    }
}

/// A short form of an outcome, for messages.
fn outcome(result: &Result<Decoded, Error>) -> String {
    match result {
        Ok(decoded) => format!("HTTP {} {}", decoded.status, decoded.json),
        Err(error) => error.to_string(),
    }
}

// ---------------------------------------------------------------------------------
// Bookkeeping
// ---------------------------------------------------------------------------------

/// Per operation, what the scenarios saw.
#[derive(Debug, Default, Clone)]
struct Tally {
    /// Attempts Prism received, per scenario.
    calls: BTreeMap<Scenario, usize>,
    /// Violations Prism reported for requests the spec allows: must stay 0.
    violations: usize,
    /// Violations Prism reported for the forbidden requests (expected).
    expected_violations: usize,
    /// Dynamic answers decoded.
    dynamic_decoded: usize,
    /// Of those, answers whose envelope says failure (`Error::Unsuccessful`).
    dynamic_flagged: usize,
    /// Forbidden requests sent, and rejected by Prism as expected.
    forbidden_sent: usize,
    forbidden_rejected: usize,
    /// Error statuses that became the matching `Error::Api`, of those tried.
    errors_mapped: usize,
    errors_tried: usize,
}

/// Findings of the same kind (scenario and operation) beyond this many are counted,
/// not listed: one wrong type in the spec fails every dynamic answer.
const LISTED_PER_KIND: usize = 3;

struct Run {
    enums: Enums,
    tallies: BTreeMap<String, Tally>,
    failures: Vec<String>,
    /// Findings not listed, per kind.
    unlisted: BTreeMap<String, usize>,
}

impl Run {
    fn tally(&mut self, operation: &str) -> &mut Tally {
        self.tallies.entry(operation.to_owned()).or_default()
    }

    fn fail(&mut self, message: String) {
        self.failures.push(message);
    }

    /// Records a finding of kind `kind`, listing only the first few of each kind.
    fn fail_kind(&mut self, kind: &str, message: String) {
        let listed = self
            .failures
            .iter()
            .filter(|failure| failure.starts_with(kind))
            .count();
        if listed < LISTED_PER_KIND {
            self.failures.push(message);
        } else {
            *self.unlisted.entry(kind.to_owned()).or_default() += 1;
        }
    }

    fn is_clean(&self) -> bool {
        self.failures.is_empty() && self.unlisted.is_empty()
    }

    /// Every finding, with a line per kind for those not listed.
    fn findings(&self) -> Vec<String> {
        let mut all = self.failures.clone();
        all.extend(
            self.unlisted
                .iter()
                .map(|(kind, count)| format!("{kind}: {count} more findings like the above")),
        );
        all
    }
}

/// An error, with what Prism said about it: its `sl-violations` header and, for its
/// own problem answers, the whole body (`Display` shortens bodies).
fn describe(error: &Error) -> String {
    let Some(api) = error.api() else {
        return error.to_string();
    };
    let mut text = error.to_string();
    if let Some(violations) = violations_header(api.headers()) {
        let _ = write!(text, " [sl-violations: {violations}]");
    }
    if api.raw_body().contains("stoplight.io/prism/errors") {
        let _ = write!(text, " [Prism: {}]", api.raw_body());
    }
    text
}

/// Matches each attempt the client made with Prism's account of it, in order, and
/// counts calls and violations per operation.
fn attribute(label: &str, prism: &Prism, recorder: &Recorder, run: &mut Run) {
    if let Err(e) = prism.settle(label, SETTLE_TIMEOUT) {
        run.fail(e);
    }
    let sent = recorder.sent();
    let all = contract::segments(&prism.log().lines());
    let (control, requests): (Vec<&Segment>, Vec<&Segment>) =
        all.iter().partition(|segment| segment.is_control());
    for segment in control {
        if !segment.violations.is_empty() {
            run.fail(format!(
                "{label}: violations Prism logged outside any call: {:?}",
                segment.violations
            ));
        }
    }
    if requests.len() != sent.len() {
        run.fail(format!(
            "{label}: the client sent {} requests but Prism logged {}",
            sent.len(),
            requests.len()
        ));
    }
    for (attempt, segment) in sent.iter().zip(&requests) {
        let tally = run.tally(attempt.operation);
        *tally.calls.entry(attempt.scenario).or_default() += 1;
        let count = segment.violations.len();
        let mut failure = None;
        if !attempt.method.eq_ignore_ascii_case(&segment.method) || attempt.path != segment.path {
            failure = Some(format!(
                "request order lost: the client sent {} {}, Prism logged {} {}",
                attempt.method, attempt.path, segment.method, segment.path
            ));
        } else if let Some(word) = attempt.expect {
            tally.expected_violations += count;
            let named = segment
                .violations
                .iter()
                .any(|v| v.to_ascii_lowercase().contains(word));
            if !named {
                failure = Some(format!(
                    "{} {} (HTTP {:?}): Prism reported no violation naming `{word}` for a \
                     request the spec forbids; it reported {:?}",
                    attempt.method, attempt.path, attempt.status, segment.violations
                ));
            }
        } else {
            tally.violations += count;
            if count > 0 || !segment.problems.is_empty() {
                failure = Some(format!(
                    "{} {} (HTTP {:?}): Prism reported {:?} {:?}",
                    attempt.method,
                    attempt.path,
                    attempt.status,
                    segment.violations,
                    segment.problems
                ));
            }
        }
        if let Some(failure) = failure {
            let kind = format!("{label} log, {} {:?}", attempt.operation, attempt.scenario);
            run.fail_kind(&kind, format!("{kind}: {failure}"));
        }
    }
}

// ---------------------------------------------------------------------------------
// The scenarios
// ---------------------------------------------------------------------------------

/// 1. Static mode: each documented success status, with the spec's example.
async fn static_mode(client: &Client, recorder: &Recorder, spec: &[SpecOperation], run: &mut Run) {
    for op in spec {
        for (i, (status, example)) in op.successes.iter().enumerate() {
            // The first call lets Prism choose (as a real client would get it); the
            // others ask for their status.
            let tweak = if i == 0 {
                Tweak::Nothing
            } else {
                Tweak::Prefer(format!("code={status}"))
            };
            recorder.set(Scenario::Static, tweak, None);
            let result = call(client, &op.id, PORTAL, Input::Sample, &run.enums).await;
            let where_ = format!("static {} (HTTP {status})", op.id);
            match result {
                Ok(answer) => {
                    let expected_status = if i == 0 { op.successes[0].0 } else { *status };
                    if answer.status != expected_status {
                        run.fail(format!("{where_}: Prism answered HTTP {}", answer.status));
                    }
                    if let Some(violations) = &answer.violations {
                        run.fail(format!("{where_}: sl-violations: {violations}"));
                    }
                    if answer.extras != 0 {
                        run.fail(format!(
                            "{where_}: {} properties landed in additional_properties: {}",
                            answer.extras, answer.json
                        ));
                    }
                    match example {
                        Some(example) if !equivalent(example, &answer.json) => run.fail(format!(
                            "{where_}: the typed value {} does not say what the spec's example {} says",
                            answer.json, example
                        )),
                        Some(_) => {}
                        None => run.fail(format!("{where_}: the spec gives no example")),
                    }
                }
                Err(error) => run.fail(format!("{where_}: the call failed: {}", describe(&error))),
            }
        }
    }
}

/// 2. Dynamic mode: answers Prism makes up from the schemas.
async fn dynamic_mode(client: &Client, recorder: &Recorder, spec: &[SpecOperation], run: &mut Run) {
    for op in spec {
        let statuses: Vec<u16> = op.successes.iter().map(|(status, _)| *status).collect();
        for n in 0..DYNAMIC_CALLS {
            let status = statuses[n % statuses.len().max(1)];
            recorder.set(
                Scenario::Dynamic,
                Tweak::Prefer(format!("dynamic=true, code={status}")),
                None,
            );
            let input = if n % 2 == 0 {
                Input::Sample
            } else {
                Input::Full(n / 2)
            };
            let result = call(client, &op.id, PORTAL, input, &run.enums).await;
            let kind = format!("dynamic {}", op.id);
            let where_ = format!("{kind} #{n}");
            let (json, extras, body) = match result {
                Ok(answer) => {
                    if let Some(violations) = &answer.violations {
                        run.fail_kind(&kind, format!("{where_}: sl-violations: {violations}"));
                    }
                    run.tally(&op.id).dynamic_decoded += 1;
                    (answer.json, answer.extras, None)
                }
                Err(Error::Unsuccessful { body, reason, .. }) => {
                    // Decoded, then refused by the x-envelope rule: decode it again to
                    // check that the typed value holds the whole answer.
                    match decode_as(&op.id, &body) {
                        Ok((json, extras, Some(_))) => {
                            let tally = run.tally(&op.id);
                            tally.dynamic_decoded += 1;
                            tally.dynamic_flagged += 1;
                            (json, extras, Some(body))
                        }
                        Ok((_, _, None)) => {
                            run.fail_kind(
                                &kind,
                                format!(
                                    "{where_}: Error::Unsuccessful ({reason}) for an answer whose \
                                 failure() is None: {body}"
                                ),
                            );
                            continue;
                        }
                        Err(e) => {
                            run.fail_kind(
                                &kind,
                                format!("{where_}: Unsuccessful body does not decode: {e}: {body}"),
                            );
                            continue;
                        }
                    }
                }
                Err(Error::Decode {
                    path,
                    message,
                    body,
                    ..
                }) => {
                    run.fail_kind(
                        &kind,
                        format!(
                            "{where_}: an answer the spec allows does not decode, at `{path}`: \
                         {message}; body: {body}"
                        ),
                    );
                    continue;
                }
                Err(error) => {
                    run.fail_kind(
                        &kind,
                        format!("{where_}: the call failed: {}", describe(&error)),
                    );
                    continue;
                }
            };
            if extras != 0 {
                run.fail_kind(
                    &kind,
                    format!(
                        "{where_}: {extras} properties landed in additional_properties: {json}"
                    ),
                );
            }
            if let Some(body) = body {
                let sent = parse(&body);
                if !equivalent(&sent, &json) {
                    run.fail_kind(
                        &kind,
                        format!("{where_}: {json} does not say what Prism sent: {sent}"),
                    );
                }
            }
        }
    }
}

/// Checks an error outcome: `Error::Api` with `status`, the body decoded as the
/// spec's error schema and saying what the raw body says.
fn check_api_error(
    where_: &str,
    result: &Result<Decoded, Error>,
    status: u16,
    expected_body: Option<&Value>,
) -> Result<(), String> {
    let Err(Error::Api(api)) = result else {
        let got = match result {
            Err(error) => describe(error),
            ok => outcome(ok),
        };
        return Err(format!("{where_}: expected Error::Api, got {got}"));
    };
    if api.status().as_u16() != status {
        return Err(format!("{where_}: Error::Api has HTTP {}", api.status()));
    }
    if let Some(violations) = violations_header(api.headers()) {
        return Err(format!("{where_}: sl-violations: {violations}"));
    }
    let Some(body) = api.body() else {
        return Err(format!(
            "{where_}: the error body did not decode as ErrorBody: {}",
            api.raw_body()
        ));
    };
    let typed = serde_json::to_value(body).map_err(|e| e.to_string())?;
    if !body.additional_properties.is_empty() {
        return Err(format!(
            "{where_}: error body fields landed in additional_properties: {typed}"
        ));
    }
    let raw = parse(api.raw_body());
    if !equivalent(&raw, &typed) {
        return Err(format!(
            "{where_}: the typed error body {typed} differs from {raw}"
        ));
    }
    if let Some(expected) = expected_body {
        if !equivalent(expected, &typed) {
            return Err(format!(
                "{where_}: the typed error body {typed} differs from the expected {expected}"
            ));
        }
    }
    Ok(())
}

/// 3. Every documented error status, chosen with `Prefer: code=NNN`.
async fn error_statuses(
    client: &Client,
    recorder: &Recorder,
    spec: &[SpecOperation],
    run: &mut Run,
) {
    for op in spec {
        for (status, example) in &op.errors {
            for n in 0..=DYNAMIC_ERROR_CALLS {
                let (prefer, expected) = if n == 0 {
                    (format!("code={status}"), example.as_ref())
                } else {
                    (format!("code={status}, dynamic=true"), None)
                };
                recorder.set(Scenario::Errors, Tweak::Prefer(prefer), None);
                let result = call(client, &op.id, PORTAL, Input::Sample, &run.enums).await;
                let kind = format!("errors {} HTTP {status}", op.id);
                let where_ = format!("{kind} #{n}");
                let checked = check_api_error(&where_, &result, *status, expected);
                let tally = run.tally(&op.id);
                tally.errors_tried += 1;
                match checked {
                    Ok(()) => tally.errors_mapped += 1,
                    Err(e) => run.fail_kind(&kind, e),
                }
            }
        }
    }
}

/// A request the spec forbids.
struct Forbidden {
    operation: &'static str,
    what: &'static str,
    tweak: Tweak,
    input: Input,
    /// A word Prism's violation must contain.
    expect: &'static str,
}

fn forbidden_requests() -> Vec<Forbidden> {
    let mut cases: Vec<Forbidden> = KNOWN_OPERATIONS
        .iter()
        .map(|operation| Forbidden {
            operation,
            what: "no Authorization header (the spec's security requirement)",
            tweak: Tweak::DropAuthorization,
            input: Input::Sample,
            expect: "security",
        })
        .collect();
    cases.extend([
        Forbidden {
            operation: "createProjectGoal",
            what: "body without the required projectgoal.project_linkname",
            tweak: Tweak::ReplaceBody(json!({
                "projectgoal": {"display_name": "Engaged Reader", "goal_type": 8}
            })),
            input: Input::Sample,
            expect: "project_linkname",
        },
        Forbidden {
            operation: "createProjectGoal",
            what: "goal_type 11, outside the spec's enum (sent through the typed API)",
            tweak: Tweak::Nothing,
            input: Input::UnknownGoalType,
            expect: "goal_type",
        },
        Forbidden {
            operation: "updateProjectGoal",
            what: "body without the required projectgoal.project_linkname",
            tweak: Tweak::ReplaceBody(json!({"projectgoal": {"display_name": "Renamed"}})),
            input: Input::Sample,
            expect: "project_linkname",
        },
        Forbidden {
            operation: "updateProjectGoal",
            what: "time_threshold given as a string",
            tweak: Tweak::ReplaceBody(json!({
                "projectgoal": {"project_linkname": PROJECT, "time_threshold": "60"}
            })),
            input: Input::Sample,
            expect: "time_threshold",
        },
        Forbidden {
            operation: "createCustomEvent",
            what: "body without the required customevent.event_name",
            tweak: Tweak::ReplaceBody(json!({"customevent": {"project_linkname": EVENT_PROJECT}})),
            input: Input::Sample,
            expect: "event_name",
        },
        Forbidden {
            operation: "listCustomEvents",
            what: "without the required query parameter project_linkname",
            tweak: Tweak::DropQuery,
            input: Input::Sample,
            expect: "project_linkname",
        },
    ]);
    cases
}

/// 4. Requests the spec forbids are rejected by Prism.
async fn forbidden(client: &Client, recorder: &Recorder, run: &mut Run) -> Vec<String> {
    let mut lines = Vec::new();
    for case in forbidden_requests() {
        recorder.set(Scenario::Forbidden, case.tweak.clone(), Some(case.expect));
        let result = call(client, case.operation, PORTAL, case.input, &run.enums).await;
        let where_ = format!("forbidden {}: {}", case.operation, case.what);
        run.tally(case.operation).forbidden_sent += 1;
        let verdict = match &result {
            Err(Error::Api(api)) if api.status().is_client_error() => {
                match violations_header(api.headers()) {
                    Some(v) if v.to_ascii_lowercase().contains(case.expect) => {
                        run.tally(case.operation).forbidden_rejected += 1;
                        format!("rejected, HTTP {}: {v}", api.status().as_u16())
                    }
                    other => {
                        run.fail(format!(
                            "{where_}: HTTP {} without a violation naming `{}`: {other:?}",
                            api.status(),
                            case.expect
                        ));
                        format!("HTTP {}, no matching violation", api.status().as_u16())
                    }
                }
            }
            _ => {
                run.fail(format!(
                    "{where_}: Prism accepted a request the spec forbids: {}",
                    outcome(&result)
                ));
                "ACCEPTED".to_owned()
            }
        };
        lines.push(format!("- {where_}: {verdict}"));
    }
    lines
}

/// 5. Prism as a validating proxy in front of the project's local test server.
async fn proxy_mode(
    client: &Client,
    recorder: &Recorder,
    server: &MockServer,
    spec: &[SpecOperation],
    run: &mut Run,
) {
    for op in spec {
        let (sample, inputs): (&str, &[Input]) = match op.id.as_str() {
            "getProjectGoals" => (samples::GET_GOALS_ANSWER, &[Input::Sample]),
            "updateProjectGoal" => (
                samples::UPDATE_GOAL_ANSWER,
                &[Input::Sample, Input::Full(0)],
            ),
            "createProjectGoal" => (
                samples::CREATE_GOAL_ANSWER,
                &[Input::Sample, Input::Full(1)],
            ),
            "deleteProjectGoal" => (samples::DELETE_GOAL_ANSWER, &[Input::Sample]),
            "listCustomEvents" => (samples::LIST_CUSTOM_EVENTS_ANSWER, &[Input::Sample]),
            "createCustomEvent" => (samples::CREATE_CUSTOM_EVENT_ANSWER, &[Input::Sample]),
            other => panic!("no sample known for {other}"),
        };
        let mut answers: Vec<(&str, Input, &str)> = inputs
            .iter()
            .map(|input| (PORTAL, *input, sample))
            .collect();
        if op.id == "getProjectGoals" {
            answers.push((
                "overview-form",
                Input::Sample,
                samples::OVERVIEW_SINGLE_GOAL_ANSWER,
            ));
        }
        for (portal, input, sample) in answers {
            recorder.set(Scenario::Proxy, Tweak::Nothing, None);
            let result = call(client, &op.id, portal, input, &run.enums).await;
            let where_ = format!("proxy {} ({portal}, {input:?})", op.id);
            match result {
                Ok(answer) => {
                    if let Some(violations) = &answer.violations {
                        run.fail(format!("{where_}: sl-violations: {violations}"));
                    }
                    if !equivalent(&parse(sample), &answer.json) || answer.extras != 0 {
                        run.fail(format!(
                            "{where_}: the typed value {} does not say what the server sent: {sample}",
                            answer.json
                        ));
                    }
                }
                Err(error) => run.fail(format!("{where_}: {}", describe(&error))),
            }
        }
        for (status, _) in &op.errors {
            let Some((_, code, message)) = ERROR_ANSWERS.iter().find(|(s, _, _)| s == status)
            else {
                run.fail(format!(
                    "proxy {}: the local server has no error answer for HTTP {status}",
                    op.id
                ));
                continue;
            };
            recorder.set(Scenario::Proxy, Tweak::Nothing, None);
            let portal = format!("answer-{status}");
            let result = call(client, &op.id, &portal, Input::Sample, &run.enums).await;
            let expected = json!({"status_code": parse(code), "message": message});
            let where_ = format!("proxy {} HTTP {status}", op.id);
            if let Err(e) = check_api_error(&where_, &result, *status, Some(&expected)) {
                run.fail(e);
            }
        }
    }
    // Every request Prism let through reached the server.
    let proxied = recorder.sent().len();
    let received = server.received_requests().await.map_or(0, |r| r.len());
    if received != proxied {
        run.fail(format!(
            "proxy: the client made {proxied} attempts but the server behind Prism received {received}"
        ));
    }
}

/// The project's local test server: the samples for every operation, Zoho-style error
/// bodies under `/portal/answer-<status>/…`, and the overview's single-object form
/// under `/portal/overview-form/…`.
async fn local_server() -> MockServer {
    let server = MockServer::start().await;
    let answer = |status: u16, body: &str| {
        ResponseTemplate::new(status).set_body_raw(body.as_bytes().to_vec(), "application/json")
    };
    let authorization = format!("Zoho-oauthtoken {TOKEN}");
    let goals = r"^/portal/[^/]+/projectgoals/[^/]+$";
    let events = r"^/portal/[^/]+/customevents$";
    for (status, code, message) in ERROR_ANSWERS {
        let body = format!(r#"{{"status_code":{code},"message":"{message}"}}"#);
        Mock::given(path_regex(format!("^/portal/answer-{status}/")))
            .respond_with(answer(status, &body))
            .with_priority(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path_regex(r"^/portal/overview-form/projectgoals/[^/]+$"))
        .respond_with(answer(200, samples::OVERVIEW_SINGLE_GOAL_ANSWER))
        .with_priority(1)
        .mount(&server)
        .await;
    let routes = [
        ("GET", goals, 200, samples::GET_GOALS_ANSWER),
        ("PUT", goals, 200, samples::UPDATE_GOAL_ANSWER),
        ("POST", goals, 201, samples::CREATE_GOAL_ANSWER),
        ("DELETE", goals, 200, samples::DELETE_GOAL_ANSWER),
        ("GET", events, 200, samples::LIST_CUSTOM_EVENTS_ANSWER),
        ("POST", events, 200, samples::CREATE_CUSTOM_EVENT_ANSWER),
    ];
    for (verb, path, status, body) in routes {
        Mock::given(method(verb))
            .and(path_regex(path))
            .and(header("authorization", authorization.as_str()))
            .respond_with(answer(status, body))
            .mount(&server)
            .await;
    }
    server
}

// ---------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------

fn write_report(text: &str) {
    let path = contract::report_path(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")));
    if let Err(e) = std::fs::write(&path, text) {
        eprintln!("contract: cannot write {}: {e}", path.display());
    }
}

/// Starts a Prism on a blocking thread.
async fn start_prism(
    bin: std::path::PathBuf,
    label: &'static str,
    args: Vec<String>,
) -> Result<Prism, String> {
    tokio::task::spawn_blocking(move || Prism::start(&bin, label, &args, START_TIMEOUT))
        .await
        .map_err(|e| format!("{label}: the start thread failed: {e}"))?
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prism_agrees_with_the_spec_and_the_client() {
    let started = Instant::now();
    let bin = match contract::locate_or_install_prism() {
        Ok(bin) => bin,
        Err(why) => {
            let message = format!(
                "contract tests: no Prism, and installing it failed: {why}\n\
                 Install it with `scripts/prism.sh` (needs Node 20 and npm; installs \
                 @stoplight/prism-cli {} into .tools/prism), or set PRISM_BIN to a prism \
                 executable.",
                contract::PRISM_VERSION
            );
            write_report(&format!("FAILED: {message}\n"));
            panic!("{message}");
        }
    };

    let spec_json = contract::spec_json().unwrap_or_else(|e| panic!("{e}"));
    let spec = contract::spec_operations(&spec_json);
    let mut run = Run {
        enums: Enums {
            goal_types: contract::integer_enum(&spec_json, "GoalType"),
            match_types: contract::integer_enum(&spec_json, "UrlMatchType"),
        },
        tallies: BTreeMap::new(),
        failures: Vec::new(),
        unlisted: BTreeMap::new(),
    };
    let spec_ids: Vec<&str> = spec.iter().map(|op| op.id.as_str()).collect();
    for id in &spec_ids {
        assert!(
            KNOWN_OPERATIONS.contains(id),
            "the spec has operation {id}, which tests/tests/contract.rs does not call: add it"
        );
    }
    for id in KNOWN_OPERATIONS {
        assert!(
            spec_ids.contains(&id),
            "operation {id} is no longer in the spec"
        );
    }
    for op in &spec {
        assert!(
            !op.successes.is_empty(),
            "{} documents no success status",
            op.id
        );
    }
    assert!(
        !run.enums.goal_types.contains(&11),
        "goal_type 11 is in the spec's enum now: the forbidden request needs another value"
    );
    for value in &run.enums.goal_types {
        if matches!(GoalType::from_value(*value), GoalType::Unknown(_)) {
            run.failures.push(format!(
                "the client does not know the spec's GoalType {value}"
            ));
        }
    }
    for value in &run.enums.match_types {
        if matches!(UrlMatchType::from_value(*value), UrlMatchType::Unknown(_)) {
            run.failures.push(format!(
                "the client does not know the spec's UrlMatchType {value}"
            ));
        }
    }

    // The project's local server first: the proxying Prism needs its address.
    let server = local_server().await;
    let spec_file = contract::spec_path().display().to_string();
    let common = ["--no-multiprocess".to_owned(), "--errors".to_owned()];
    let mock_args: Vec<String> = ["mock".to_owned(), spec_file.clone()]
        .into_iter()
        .chain(common.iter().cloned())
        .collect();
    let proxy_args: Vec<String> = ["proxy".to_owned(), spec_file, server.uri()]
        .into_iter()
        .chain(common.iter().cloned())
        .collect();
    let (mock, proxy) = tokio::join!(
        start_prism(bin.clone(), "mock", mock_args),
        start_prism(bin.clone(), "proxy", proxy_args),
    );
    let mock = mock.unwrap_or_else(|e| panic!("{e}"));
    let proxy = proxy.unwrap_or_else(|e| panic!("{e}"));
    let version = contract::prism_version(&bin).unwrap_or_else(|e| format!("unknown ({e})"));
    let pids = [mock.pid(), proxy.pid()];
    let start_time = started.elapsed();

    let mut timings = vec![("Prism start (mock and proxy, in parallel)", start_time)];
    let mock_recorder = Recorder::new();
    let mock_client = client_at(&mock.base_url(), &mock_recorder);

    let t = Instant::now();
    static_mode(&mock_client, &mock_recorder, &spec, &mut run).await;
    timings.push(("1. static", t.elapsed()));
    let t = Instant::now();
    dynamic_mode(&mock_client, &mock_recorder, &spec, &mut run).await;
    timings.push(("2. dynamic", t.elapsed()));
    let t = Instant::now();
    error_statuses(&mock_client, &mock_recorder, &spec, &mut run).await;
    timings.push(("3. error statuses", t.elapsed()));
    let t = Instant::now();
    let forbidden_lines = forbidden(&mock_client, &mock_recorder, &mut run).await;
    timings.push(("4. forbidden requests", t.elapsed()));

    let proxy_recorder = Recorder::new();
    let proxy_client = client_at(&proxy.base_url(), &proxy_recorder);
    let t = Instant::now();
    proxy_mode(&proxy_client, &proxy_recorder, &server, &spec, &mut run).await;
    timings.push(("5. proxy", t.elapsed()));

    attribute("mock", &mock, &mock_recorder, &mut run);
    attribute("proxy", &proxy, &proxy_recorder, &mut run);

    // Stop both Prisms by their ids now, and check that they are gone.
    drop(mock);
    drop(proxy);
    for pid in pids {
        if contract::process_exists(pid) {
            run.fail(format!(
                "Prism process {pid} still exists after being stopped"
            ));
        }
    }
    timings.push(("total", started.elapsed()));

    let report = report(&version, &spec, &run, &forbidden_lines, &timings);
    println!("{report}");
    write_report(&report);
    let findings = run.findings();
    assert!(
        run.is_clean(),
        "Prism disagrees with the spec or the client ({} findings):\n{}\n(report: {})",
        findings.len(),
        findings.join("\n"),
        contract::report_path(std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))).display()
    );
}

fn report(
    version: &str,
    spec: &[SpecOperation],
    run: &Run,
    forbidden_lines: &[String],
    timings: &[(&str, Duration)],
) -> String {
    let header = [
        "operation",
        "request",
        "static",
        "dynamic",
        "decoded",
        "errors",
        "forbidden",
        "proxy",
        "calls",
        "violations",
        "rejected",
    ];
    let mut rows = Vec::new();
    let mut totals = Tally::default();
    for op in spec {
        let tally = run.tallies.get(&op.id).cloned().unwrap_or_default();
        let calls = |scenario| tally.calls.get(&scenario).copied().unwrap_or(0);
        let all: usize = tally.calls.values().sum();
        rows.push(vec![
            op.id.clone(),
            format!("{} {}", op.method, op.path),
            calls(Scenario::Static).to_string(),
            calls(Scenario::Dynamic).to_string(),
            format!(
                "{}/{DYNAMIC_CALLS} ({} flagged)",
                tally.dynamic_decoded, tally.dynamic_flagged
            ),
            format!(
                "{} ({}/{} mapped)",
                calls(Scenario::Errors),
                tally.errors_mapped,
                tally.errors_tried
            ),
            calls(Scenario::Forbidden).to_string(),
            calls(Scenario::Proxy).to_string(),
            all.to_string(),
            tally.violations.to_string(),
            format!(
                "{}/{} ({} violations)",
                tally.forbidden_rejected, tally.forbidden_sent, tally.expected_violations
            ),
        ]);
        for (scenario, count) in &tally.calls {
            *totals.calls.entry(*scenario).or_default() += count;
        }
        totals.violations += tally.violations;
        totals.expected_violations += tally.expected_violations;
    }
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Contract run: Prism {version} against schema/goals.yaml ({} operations)\n",
        spec.len()
    );
    let _ = writeln!(text, "{}", contract::table(&header, &rows));
    let _ = writeln!(
        text,
        "\ncalls: attempts Prism received (with a fixed token a 401 is final: it is not sent again).\n\
         violations: what Prism reported for requests and answers the spec allows (must be 0).\n\
         decoded: dynamic answers that decoded into typed fields only; flagged = the made-up \
         envelope says failure, so the client returned Error::Unsuccessful after decoding.\n\
         rejected: forbidden requests Prism rejected with a violation naming the fault.\n\
         Total: {} calls, {} violations on allowed requests, {} expected violations on forbidden ones.",
        totals.calls.values().sum::<usize>(),
        totals.violations,
        totals.expected_violations
    );
    let _ = writeln!(
        text,
        "\nForbidden requests:\n{}",
        forbidden_lines.join("\n")
    );
    let _ = writeln!(text, "\nTimings:");
    for (what, duration) in timings {
        let _ = writeln!(text, "- {what}: {:.2} s", duration.as_secs_f64());
    }
    if run.is_clean() {
        let _ = writeln!(
            text,
            "\nResult: OK, Prism agrees with the spec and the client."
        );
    } else {
        let findings = run.findings();
        let _ = writeln!(text, "\nResult: FAILED, {} findings:", findings.len());
        for finding in &findings {
            let _ = writeln!(text, "- {finding}");
        }
    }
    text
}
