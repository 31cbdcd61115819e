//! Helpers of the end-to-end and contract suites: Zoho's samples, the client under
//! test, the mock server and the requests it received.

pub use crate::faults::{json_answer, received};
pub use crate::{AUTHORIZATION, PORTAL, PROJECT, SECRET_MARK, TOKEN};
use pagesense_goals::Client;
use pagesense_goals::types::{
    CreateProjectGoalRequest, GoalType, ProjectGoalInput, UrlMatchType, UrlRule,
};
use serde_json::Value;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request};

/// The goal linkname of Zoho's samples.
pub const GOAL: &str = "time-spent";

/// The project linkname of Zoho's create-custom-event sample.
pub const EVENT_PROJECT: &str = "saas-growth-project";

/// Zoho's samples and the spec's examples, as the server sends or receives them.
pub mod samples {
    /// Zoho's documented create-goal request body.
    pub const CREATE_GOAL_REQUEST: &str =
        include_str!("../tests/data/end_to_end/create_goal_request.json");
    /// The spec's example answer to a create (the mirror's item fields).
    pub const CREATE_GOAL_ANSWER: &str =
        include_str!("../tests/data/end_to_end/create_goal_answer.json");
    /// The spec's example answer to a get.
    pub const GET_GOALS_ANSWER: &str =
        include_str!("../tests/data/end_to_end/get_goals_answer.json");
    /// The spec's example update body.
    pub const UPDATE_GOAL_REQUEST: &str =
        include_str!("../tests/data/end_to_end/update_goal_request.json");
    /// The spec's example answer to an update.
    pub const UPDATE_GOAL_ANSWER: &str =
        include_str!("../tests/data/end_to_end/update_goal_answer.json");
    /// Zoho's delete sample (Zoho's page is cut after `goal_type`; the rest is the
    /// spec's completion).
    pub const DELETE_GOAL_ANSWER: &str =
        include_str!("../tests/data/end_to_end/delete_goal_answer.json");
    /// Zoho's create-custom-event request body.
    pub const CREATE_CUSTOM_EVENT_REQUEST: &str =
        include_str!("../tests/data/end_to_end/create_custom_event_request.json");
    /// Zoho's create-custom-event answer: no envelope fields at all.
    pub const CREATE_CUSTOM_EVENT_ANSWER: &str =
        include_str!("../tests/data/end_to_end/create_custom_event_answer.json");
    /// The spec's example answer to a list of custom events.
    pub const LIST_CUSTOM_EVENTS_ANSWER: &str =
        include_str!("../tests/data/end_to_end/list_custom_events_answer.json");
    /// The overview's form: `projectgoals` is one object, and the time field is
    /// spelled `timeTakenToProcessTheResult` (the overview's missing comma fixed).
    pub const OVERVIEW_SINGLE_GOAL_ANSWER: &str =
        include_str!("../tests/data/end_to_end/overview_single_goal_answer.json");
}

/// Parses a sample (or any JSON text) into a `serde_json::Value`.
pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// A client for `base_url`, built the way users build one. Retries are off: these
/// tests check what one answer becomes (the fault-injection suite tests retries).
pub fn client_at(base_url: &str) -> Client {
    Client::builder()
        .base_url(base_url)
        .access_token(TOKEN)
        .retry_policy(pagesense_goals::RetryPolicy::never())
        .build()
        .unwrap_or_else(|e| panic!("a client for {base_url} must build: {e}"))
}

/// A client for the mock server.
pub fn client_for(server: &MockServer) -> Client {
    client_at(&server.uri())
}

/// A server that gives every request the same answer.
pub async fn server_answering(status: u16, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(json_answer(status, body))
        .mount(&server)
        .await;
    server
}

/// The one request the server received; fails if it received another number.
pub async fn only_request(server: &MockServer) -> Request {
    let mut requests = received(server).await;
    assert_eq!(
        requests.len(),
        1,
        "the server must receive exactly one request, got {requests:?}"
    );
    requests.remove(0)
}

/// Fails if the server received anything.
pub async fn assert_nothing_sent(server: &MockServer) {
    let requests = received(server).await;
    assert!(
        requests.is_empty(),
        "nothing must be sent, the server received {requests:?}"
    );
}

/// The value of a header of `request`, which must be there exactly once.
pub fn header_value<'r>(request: &'r Request, name: &str) -> &'r str {
    let values: Vec<_> = request.headers.get_all(name).iter().collect();
    assert_eq!(
        values.len(),
        1,
        "header `{name}` must be sent once: {values:?}"
    );
    values[0]
        .to_str()
        .unwrap_or_else(|e| panic!("header `{name}` must be text: {e}"))
}

/// Asserts what every request carries: the token as Zoho wants it, and JSON accepted.
pub fn assert_auth_and_accept(request: &Request) {
    assert_eq!(header_value(request, "authorization"), AUTHORIZATION);
    assert_eq!(header_value(request, "accept"), "application/json");
}

/// Asserts method, raw path and raw query of `request` (`None`: no query at all).
pub fn assert_target(request: &Request, method: &str, path: &str, query: Option<&str>) {
    assert_eq!(request.method.as_str(), method, "HTTP method");
    assert_eq!(request.url.path(), path, "raw request path");
    assert_eq!(request.url.query(), query, "raw request query");
}

/// Asserts that `request` carries exactly the JSON `expected`, sent as JSON, with no
/// `null` anywhere (optional fields left out, not sent as `null`).
pub fn assert_json_body(request: &Request, expected: &Value) {
    assert_eq!(header_value(request, "content-type"), "application/json");
    let sent: Value = serde_json::from_slice(&request.body).unwrap_or_else(|e| {
        panic!(
            "the body must be JSON ({e}): {}",
            String::from_utf8_lossy(&request.body)
        )
    });
    assert_eq!(&sent, expected, "request body");
    assert!(
        !String::from_utf8_lossy(&request.body).contains("null"),
        "no field may be sent as null: {}",
        String::from_utf8_lossy(&request.body)
    );
}

/// Asserts that `request` has no body.
pub fn assert_no_body(request: &Request) {
    assert!(
        request.body.is_empty(),
        "no body must be sent: {}",
        String::from_utf8_lossy(&request.body)
    );
}

/// Asserts that `text` does not show the token, nor a large piece of it.
pub fn assert_no_token(what: &str, text: &str) {
    for piece in [TOKEN, SECRET_MARK] {
        assert!(
            !text.contains(piece),
            "{what} shows the token (`{piece}`): {text}"
        );
    }
}

/// Zoho's documented create-goal example, built from the typed structs.
pub fn zoho_sample_goal() -> CreateProjectGoalRequest {
    let mut goal = ProjectGoalInput::new(
        "Engaged Reader".to_owned(),
        GoalType::TimeSpentGoal,
        PROJECT.to_owned(),
    );
    goal.goal_url = Some("https://example-blog.com/articles/performance-optimization".to_owned());
    goal.include_urls = Some(Vec::new());
    goal.exclude_urls = Some(Vec::new());
    goal.url = Some(vec![UrlRule {
        match_type: Some(UrlMatchType::SimpleMatch),
        ..UrlRule::default()
    }]);
    goal.time_threshold = Some(30);
    CreateProjectGoalRequest::new(goal)
}
