//! Fault injection: the generated client `pagesense_goals` against servers on
//! 127.0.0.1 that rate-limit, fail, hang, cut answers short, send bodies that are
//! not the spec's, refuse tokens, or are not there at all.
//!
//! No test sleeps to wait out a backoff: every client gets a [`TestTimer`] whose
//! `sleep` records the wait and returns at once, and the tests assert the recorded
//! waits. The one real wait is the timeout test's 200 ms.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use pagesense_goals::auth::{AccessToken, RefreshTokenSource, TokenSource};
use pagesense_goals::types::{ProjectGoalUpdate, UpdateProjectGoalRequest};
use pagesense_goals::{Client, Error, RetryPolicy};
use tests::faults::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

// ---------------------------------------------------------------------------------
// Shared values and helpers
// ---------------------------------------------------------------------------------

/// The bound of a test that talks to a raw server: past it, the test fails instead
/// of hanging.
const GUARD: Duration = Duration::from_secs(3);

/// The (path, message, body) of `result`, which must be `Error::Decode` of a 200
/// answer to `getProjectGoals`; checked for secrets.
fn expect_decode<T: std::fmt::Debug>(result: Result<T, Error>) -> (String, String, String) {
    match result {
        Err(
            ref error @ Error::Decode {
                operation,
                status,
                ref path,
                ref message,
                ref body,
            },
        ) => {
            assert_eq!(operation, "getProjectGoals");
            assert_eq!(status, 200);
            assert_error_redacted(error);
            (path.clone(), message.clone(), body.clone())
        }
        other => panic!("expected Error::Decode, got {other:?}"),
    }
}

/// Asserts that every wait lies in `[b/2, b]`, `b` doubling from `first`.
fn assert_jittered_doubling(waits: &[Duration], first: Duration) {
    let mut full = first;
    for (i, wait) in waits.iter().enumerate() {
        assert!(
            *wait >= full / 2 && *wait <= full,
            "wait {i} is {wait:?}, not within [{:?}, {full:?}]; all waits: {waits:?}",
            full / 2
        );
        full *= 2;
    }
}

/// Runs `future`, failing the test if it takes longer than [`GUARD`].
async fn guarded<F: std::future::IntoFuture>(future: F) -> F::Output {
    tokio::time::timeout(GUARD, future.into_future())
        .await
        .expect("the call must end on its own, well within the guard")
}

// ---------------------------------------------------------------------------------
// 1. Retry-After, backoff and the limits of a policy
// ---------------------------------------------------------------------------------

#[tokio::test]
async fn retry_after_in_seconds_is_waited_exactly() {
    let server = server_with(vec![
        status_with_retry_after(429, "2"),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let goals = client.get_project_goals(PORTAL, PROJECT).await.unwrap();

    assert_eq!(goals.projectgoals.unwrap()[0].goal_id, Some(7));
    assert_eq!(received(&server).await.len(), 2);
    assert_eq!(timer.sleeps(), vec![secs(2)]);
}

#[tokio::test]
async fn retry_after_as_http_date_is_waited_until_that_date() {
    // The test clock reads Thu, 01 Jan 2026 00:00:00 GMT.
    let server = server_with(vec![
        status_with_retry_after(429, "Thu, 01 Jan 2026 00:00:05 GMT"),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    client.get_project_goals(PORTAL, PROJECT).await.unwrap();

    assert_eq!(received(&server).await.len(), 2);
    assert_eq!(timer.sleeps(), vec![secs(5)]);
}

#[tokio::test]
async fn a_retry_after_over_the_cap_ends_the_call_and_tells_the_wait() {
    let server = server_with(vec![
        status_with_retry_after(429, "86400"),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let policy = RetryPolicy::default().with_max_retry_after(secs(10));
    let client = client_at(&server.uri(), &timer, policy);

    let error = expect_api(client.get_project_goals(PORTAL, PROJECT).await, 429);

    assert_eq!(error.retry_after(), Some(secs(86400)));
    assert_eq!(received(&server).await.len(), 1);
    assert!(
        timer.sleeps().is_empty(),
        "the server's wait is never shortened"
    );
}

#[tokio::test]
async fn retry_after_beyond_max_total_delay_is_not_waited_and_is_returned() {
    // Default policy: a Retry-After is followed up to 30 s, and all waits of a call
    // add up to 30 s at most; 45 s fits neither, so the 429 is returned at once.
    let server = server_with(vec![
        status_with_retry_after(429, "45"),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let error = expect_api(client.get_project_goals(PORTAL, PROJECT).await, 429);

    let api = error.api().unwrap();
    assert_eq!(api.headers()["retry-after"], "45");
    assert_eq!(error.retry_after(), Some(secs(45)));
    assert_eq!(
        api.body().unwrap().message.as_deref(),
        Some("fault injected")
    );
    assert_eq!(received(&server).await.len(), 1);
    assert_eq!(timer.sleeps(), Vec::<Duration>::new());
}

#[tokio::test]
async fn backoff_without_retry_after_doubles_with_jitter_in_the_upper_half() {
    let server = server_with(vec![json_answer(503, ERROR_BODY)]).await;
    let timer = TestTimer::new();
    let policy = RetryPolicy::default()
        .with_max_attempts(5)
        .with_initial_backoff(millis(100))
        .with_max_backoff(secs(10));
    let client = client_at(&server.uri(), &timer, policy);

    expect_api(client.get_project_goals(PORTAL, PROJECT).await, 503);

    assert_eq!(received(&server).await.len(), 5, "max_attempts is 5");
    let waits = timer.sleeps();
    assert_eq!(waits.len(), 4, "one wait between two attempts: {waits:?}");
    assert_jittered_doubling(&waits, millis(100));
}

#[tokio::test]
async fn backoff_is_capped_by_max_backoff() {
    let server = server_with(vec![json_answer(500, ERROR_BODY)]).await;
    let timer = TestTimer::new();
    let policy = RetryPolicy::default()
        .with_max_attempts(6)
        .with_initial_backoff(millis(100))
        .with_max_backoff(millis(250));
    let client = client_at(&server.uri(), &timer, policy);

    expect_api(client.get_project_goals(PORTAL, PROJECT).await, 500);

    let waits = timer.sleeps();
    assert_eq!(waits.len(), 5);
    assert_jittered_doubling(&waits[..2], millis(100));
    for wait in &waits[2..] {
        assert!(
            *wait >= millis(125) && *wait <= millis(250),
            "capped waits lie in [125 ms, 250 ms]: {waits:?}"
        );
    }
}

#[tokio::test]
async fn max_attempts_is_respected() {
    for attempts in [1, 2, 4] {
        let server = server_with(vec![json_answer(502, ERROR_BODY)]).await;
        let timer = TestTimer::new();
        let policy = RetryPolicy::default().with_max_attempts(attempts);
        let client = client_at(&server.uri(), &timer, policy);

        expect_api(client.get_project_goals(PORTAL, PROJECT).await, 502);

        assert_eq!(received(&server).await.len(), attempts as usize);
        assert_eq!(timer.sleeps().len(), attempts as usize - 1);
    }
}

#[tokio::test]
async fn max_total_delay_stops_retries_before_a_wait_that_would_exceed_it() {
    // Retry-After: 2 each time, 5 s in all: waits of 2 s and 2 s fit, a third does not.
    let server = server_with(vec![status_with_retry_after(429, "2")]).await;
    let timer = TestTimer::new();
    let policy = RetryPolicy::default()
        .with_max_attempts(10)
        .with_max_total_delay(secs(5));
    let client = client_at(&server.uri(), &timer, policy);

    expect_api(client.get_project_goals(PORTAL, PROJECT).await, 429);

    assert_eq!(received(&server).await.len(), 3);
    assert_eq!(timer.sleeps(), vec![secs(2), secs(2)]);

    // Backoff alone: the first wait is at most 1 s, the first two at least 1.5 s.
    let server = server_with(vec![json_answer(500, ERROR_BODY)]).await;
    let timer = TestTimer::new();
    let policy = RetryPolicy::default()
        .with_max_attempts(10)
        .with_initial_backoff(secs(1))
        .with_max_backoff(secs(60))
        .with_max_total_delay(millis(1_490));
    let client = client_at(&server.uri(), &timer, policy);

    expect_api(client.get_project_goals(PORTAL, PROJECT).await, 500);

    assert_eq!(received(&server).await.len(), 2);
    let waits = timer.sleeps();
    assert_eq!(waits.len(), 1, "{waits:?}");
    assert_jittered_doubling(&waits, secs(1));
}

// ---------------------------------------------------------------------------------
// 2. GET: which statuses are retried
// ---------------------------------------------------------------------------------

#[tokio::test]
async fn get_500_then_200_succeeds_after_two_attempts() {
    let server = server_with(vec![
        json_answer(500, ERROR_BODY),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let goals = client.get_project_goals(PORTAL, PROJECT).await.unwrap();

    assert_eq!(goals.projectgoals.unwrap().len(), 1);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(request.method.as_str(), "GET");
        assert_eq!(
            request.url.path(),
            format!("/portal/{PORTAL}/projectgoals/{PROJECT}")
        );
        assert!(request.body.is_empty());
    }
    assert_jittered_doubling(&timer.sleeps(), millis(250));
    assert_eq!(timer.sleeps().len(), 1);
}

#[tokio::test]
async fn get_502_503_504_408_are_retried() {
    for status in [502, 503, 504, 408] {
        let server = server_with(vec![
            json_answer(status, ERROR_BODY),
            json_answer(200, GOALS_OK),
        ])
        .await;
        let timer = TestTimer::new();
        let client = client_at(&server.uri(), &timer, RetryPolicy::default());

        let result = client.get_project_goals(PORTAL, PROJECT).await;

        assert!(result.is_ok(), "HTTP {status} then 200: {result:?}");
        assert_eq!(received(&server).await.len(), 2, "HTTP {status}");
        assert_eq!(timer.sleeps().len(), 1, "HTTP {status}");
    }
}

#[tokio::test]
async fn get_400_and_404_are_not_retried() {
    for status in [400, 404] {
        let server = server_with(vec![
            json_answer(status, ERROR_BODY),
            json_answer(200, GOALS_OK),
        ])
        .await;
        let timer = TestTimer::new();
        let client = client_at(&server.uri(), &timer, RetryPolicy::default());

        let error = expect_api(client.get_project_goals(PORTAL, PROJECT).await, status);

        let api = error.api().unwrap();
        assert_eq!(api.operation(), "getProjectGoals");
        assert_eq!(api.raw_body(), ERROR_BODY);
        assert_eq!(
            api.body()
                .unwrap()
                .status_code
                .as_ref()
                .unwrap()
                .to_string(),
            "7001"
        );
        assert_eq!(received(&server).await.len(), 1, "HTTP {status}");
        assert!(timer.sleeps().is_empty());
    }
}

#[tokio::test]
async fn get_401_with_a_static_token_is_not_retried() {
    // A fixed token cannot be replaced: sending it again cannot help.
    let server = server_with(vec![
        json_answer(401, ERROR_BODY),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let result = guarded(client.get_project_goals(PORTAL, PROJECT)).await;

    let requests = received(&server).await;
    assert_eq!(
        requests.len(),
        1,
        "a 401 with a static token must not be sent again (result: {result:?})"
    );
    expect_api(result, 401);
    assert!(timer.sleeps().is_empty());
}

// ---------------------------------------------------------------------------------
// 3. POST: retried only when the server cannot have acted; the same bytes each time
// ---------------------------------------------------------------------------------

#[tokio::test]
async fn post_503_without_retry_after_is_not_retried() {
    let server = server_with(vec![
        json_answer(503, ERROR_BODY),
        json_answer(201, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let error = expect_api(
        client
            .create_project_goal(PORTAL, PROJECT, &goal_body())
            .await,
        503,
    );

    assert_eq!(error.api().unwrap().operation(), "createProjectGoal");
    assert_eq!(received(&server).await.len(), 1);
    assert!(timer.sleeps().is_empty());
}

#[tokio::test]
async fn post_503_with_retry_after_is_retried_with_the_same_body() {
    let server = server_with(vec![
        status_with_retry_after(503, "3"),
        json_answer(201, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let answer = client
        .create_project_goal(PORTAL, PROJECT, &goal_body())
        .with_response()
        .await
        .unwrap();

    assert_eq!(answer.status().as_u16(), 201);
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    let expected = serde_json::to_vec(&goal_body()).unwrap();
    for request in &requests {
        assert_eq!(request.method.as_str(), "POST");
        assert_eq!(request.body, expected, "the same bytes on every attempt");
    }
    assert_eq!(timer.sleeps(), vec![secs(3)]);
}

#[tokio::test]
async fn post_429_is_retried_with_byte_identical_bodies() {
    let server = server_with(vec![
        json_answer(429, ERROR_BODY),
        status_with_retry_after(429, "1"),
        json_answer(201, EVENTS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let events = client
        .create_custom_event(PORTAL, &event_body())
        .await
        .unwrap();

    assert_eq!(
        events.customevents.unwrap()[0].event_id,
        Some(2_000_000_027_087)
    );
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    let first = &requests[0].body;
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(first).unwrap(),
        serde_json::json!({"customevent": {"event_name": "PremiumSignupCTA", "project_linkname": PROJECT}})
    );
    for request in &requests {
        assert_eq!(&request.body, first, "the same bytes on every attempt");
        assert_eq!(header_text(request, "content-type"), "application/json");
    }
    let waits = timer.sleeps();
    assert_eq!(waits.len(), 2);
    assert_jittered_doubling(&waits[..1], millis(250));
    assert_eq!(waits[1], secs(1));
}

#[tokio::test]
async fn post_500_is_not_retried() {
    let server = server_with(vec![
        json_answer(500, ERROR_BODY),
        json_answer(201, EVENTS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    expect_api(client.create_custom_event(PORTAL, &event_body()).await, 500);

    assert_eq!(received(&server).await.len(), 1);
    assert!(timer.sleeps().is_empty());
}

#[tokio::test]
async fn put_503_is_retried_with_the_same_body() {
    let server = server_with(vec![
        json_answer(503, ERROR_BODY),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());
    let mut update = ProjectGoalUpdate::new(PROJECT.to_owned());
    update.display_name = Some("Renamed ✓".to_owned());
    let update = UpdateProjectGoalRequest::new(update);

    client
        .update_project_goal(PORTAL, "time-spent", &update)
        .await
        .unwrap();

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    let expected = serde_json::to_vec(&update).unwrap();
    assert!(requests.iter().all(|r| r.body == expected));
    assert!(requests.iter().all(|r| r.method.as_str() == "PUT"));
}

#[tokio::test]
async fn post_with_connection_refused_is_retried_up_to_max_attempts() {
    let base_url = format!("http://127.0.0.1:{}", closed_port());
    let timer = TestTimer::new();
    let recorder = Recorder::default();
    let client = builder_at(&base_url, &timer)
        .retry_policy(RetryPolicy::default().with_max_attempts(4))
        .hook(recorder.clone())
        .build()
        .unwrap();

    let result = guarded(client.create_custom_event(PORTAL, &event_body())).await;

    let error = expect_transport(result);
    let Error::Transport { operation, source } = &error else {
        unreachable!()
    };
    assert_eq!(*operation, "createCustomEvent");
    assert!(source.is_connect(), "a connection error: {source:?}");
    let attempts: Vec<_> = recorder.seen().iter().map(|s| (s.1, s.2)).collect();
    assert_eq!(attempts, vec![(1, None), (2, None), (3, None), (4, None)]);
    let waits = timer.sleeps();
    assert_eq!(waits.len(), 3);
    assert_jittered_doubling(&waits, millis(250));
}

#[tokio::test]
async fn post_closed_mid_answer_is_not_retried() {
    let server = RawServer::start(Misbehaviour::CloseMidBody).await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let result = guarded(client.create_project_goal(PORTAL, PROJECT, &goal_body())).await;

    expect_transport(result);
    let requests = server.requests();
    assert_eq!(
        requests.len(),
        1,
        "a POST that reached the server is not sent twice"
    );
    assert_eq!(
        requests[0].request_line,
        format!("POST /portal/{PORTAL}/projectgoals/{PROJECT} HTTP/1.1")
    );
    assert_eq!(requests[0].body, serde_json::to_vec(&goal_body()).unwrap());
    assert!(timer.sleeps().is_empty());
}

#[tokio::test]
async fn post_closed_without_an_answer_is_not_retried() {
    let server = RawServer::start(Misbehaviour::CloseWithoutAnswer).await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let result = guarded(client.create_custom_event(PORTAL, &event_body())).await;

    expect_transport(result);
    assert_eq!(server.requests().len(), 1);
    assert_eq!(server.connections(), 1);
    assert!(timer.sleeps().is_empty());
}

// ---------------------------------------------------------------------------------
// 4. Success statuses with bodies that are not the spec's
// ---------------------------------------------------------------------------------

#[tokio::test]
async fn html_with_200_is_a_decode_error_keeping_the_body() {
    let html = "<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>";
    let server = server_with(vec![
        ResponseTemplate::new(200).set_body_raw(html.as_bytes().to_vec(), "text/html"),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let (_, message, body) = expect_decode(client.get_project_goals(PORTAL, PROJECT).await);

    assert_eq!(body, html);
    assert!(!message.is_empty());
    assert_eq!(received(&server).await.len(), 1, "a 200 is not retried");
}

#[tokio::test]
async fn empty_200_is_a_decode_error() {
    let server = server_with(vec![json_answer(200, "")]).await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let (_, message, body) = expect_decode(client.get_project_goals(PORTAL, PROJECT).await);

    assert_eq!(body, "");
    assert!(message.contains("EOF"), "{message}");
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn truncated_json_is_a_decode_error() {
    let truncated = r#"{"status_code":"10000","projectgoals":[{"goal_id":7,"linkn"#;
    let server = server_with(vec![json_answer(200, truncated)]).await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let (_, message, body) = expect_decode(client.get_project_goals(PORTAL, PROJECT).await);

    assert_eq!(body, truncated);
    assert!(message.contains("EOF"), "{message}");
    assert_eq!(received(&server).await.len(), 1);
}

#[tokio::test]
async fn json_of_the_wrong_shape_names_the_field() {
    let cases = [
        (
            r#"{"status_code":"10000","projectgoals":[{"goal_id":7},{"goal_id":"eight"}]}"#,
            "projectgoals[1].goal_id",
        ),
        (r#"{"count":"many","projectgoals":[]}"#, "count"),
        (
            r#"{"projectgoals":[{"goal_type":"time"}]}"#,
            "projectgoals[0].goal_type",
        ),
        (r#"[1, 2, 3]"#, "."),
    ];
    for (answer, field) in cases {
        let server = server_with(vec![json_answer(200, answer)]).await;
        let timer = TestTimer::new();
        let client = client_at(&server.uri(), &timer, RetryPolicy::default());

        let (path, _, body) = expect_decode(client.get_project_goals(PORTAL, PROJECT).await);

        assert_eq!(path, field, "answer {answer}");
        assert_eq!(body, answer);
    }
}

#[tokio::test]
async fn a_one_mib_body_is_kept_at_most_64_kib() {
    const LIMIT: usize = 64 * 1024;
    // Three-byte characters: 64 KiB falls inside one, the cut must not.
    let big = format!("<html>{}</html>", "€".repeat(350_000));
    assert!(big.len() > 1024 * 1024);

    let server = server_with(vec![
        ResponseTemplate::new(200).set_body_raw(big.as_bytes().to_vec(), "text/html"),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::never());
    let result = client.get_project_goals(PORTAL, PROJECT).await;
    let shown = format!("{}", result.as_ref().unwrap_err());
    let (_, _, body) = expect_decode(result);
    assert!(
        body.len() <= LIMIT && body.len() > LIMIT - 4,
        "kept {}",
        body.len()
    );
    assert!(
        big.starts_with(&body),
        "the kept text is the start of the body"
    );
    assert!(
        shown.len() < 4 * 1024,
        "Display shows an excerpt: {} bytes",
        shown.len()
    );

    let server = server_with(vec![
        ResponseTemplate::new(500).set_body_raw(big.as_bytes().to_vec(), "text/html"),
    ])
    .await;
    let client = client_at(&server.uri(), &timer, RetryPolicy::never());
    let error = expect_api(client.get_project_goals(PORTAL, PROJECT).await, 500);
    let raw = error.api().unwrap().raw_body();
    assert!(
        raw.len() <= LIMIT && raw.len() > LIMIT - 4,
        "kept {}",
        raw.len()
    );
    assert!(big.starts_with(raw));
    assert!(format!("{error}").len() < 4 * 1024);
}

// ---------------------------------------------------------------------------------
// 5. Servers that hang or cut the answer short
// ---------------------------------------------------------------------------------

#[tokio::test]
async fn a_server_that_never_answers_times_out_within_the_timeout() {
    let server = RawServer::start(Misbehaviour::NeverAnswer).await;
    let timer = TestTimer::new();
    // The builder's timeout is long; the call's own timeout must win.
    let client = builder_at(&server.uri(), &timer)
        .timeout(secs(30))
        .retry_policy(RetryPolicy::never())
        .build()
        .unwrap();

    let started = Instant::now();
    let result = guarded(
        client
            .get_project_goals(PORTAL, PROJECT)
            .timeout(millis(200)),
    )
    .await;
    let elapsed = started.elapsed();

    // The call's own limit ended it: `Error::Timeout`, with the limit.
    match &result {
        Err(Error::Timeout { after, .. }) => assert_eq!(*after, millis(200)),
        other => panic!("expected Error::Timeout, got {other:?}"),
    }
    assert!(
        elapsed >= millis(190) && elapsed < millis(1_500),
        "ended after {elapsed:?}"
    );
    assert_eq!(server.requests().len(), 1);
    assert!(
        server.requests()[0]
            .request_line
            .starts_with("GET /portal/")
    );
}

#[tokio::test]
async fn get_closed_mid_answer_is_retried_then_a_transport_error() {
    let server = RawServer::start(Misbehaviour::CloseMidBody).await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let result = guarded(client.get_project_goals(PORTAL, PROJECT)).await;

    let error = expect_transport(result);
    assert_eq!(error.status(), None);
    assert_eq!(
        server.requests().len(),
        3,
        "GET is retried up to max_attempts"
    );
    assert_eq!(server.connections(), 3);
    let waits = timer.sleeps();
    assert_eq!(waits.len(), 2);
    assert_jittered_doubling(&waits, millis(250));
}

// ---------------------------------------------------------------------------------
// 6. Tokens: the refresh grant, caching, concurrency, 401, custom sources
// ---------------------------------------------------------------------------------

#[tokio::test]
async fn a_token_error_with_http_200_is_an_auth_error_and_nothing_reaches_the_api() {
    let tokens = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .respond_with(json_answer(200, r#"{"error":"invalid_code"}"#))
        .mount(&tokens)
        .await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let timer = TestTimer::new();
    let client = refreshing_client(&api.uri(), &tokens, &timer);

    let result = client.get_project_goals(PORTAL, PROJECT).await;

    let error = match result {
        Err(error @ Error::Auth(_)) => error,
        other => panic!("expected Error::Auth, got {other:?}"),
    };
    let Error::Auth(auth) = &error else {
        unreachable!()
    };
    assert_eq!(auth.error(), Some("invalid_code"));
    assert_eq!(auth.status(), Some(200));
    assert_eq!(error.status(), None, "the API never answered");
    assert_error_redacted(&error);
    assert_error_redacted(auth);
    assert!(received(&api).await.is_empty(), "nothing sent to the API");

    let posted = received(&tokens).await;
    assert_eq!(posted.len(), 1, "an auth error is not retried");
    assert_eq!(
        header_text(&posted[0], "content-type"),
        "application/x-www-form-urlencoded"
    );
    let mut fields = form_fields(&posted[0].body);
    fields.sort();
    let mut expected = vec![
        ("grant_type".to_owned(), "refresh_token".to_owned()),
        ("client_id".to_owned(), CLIENT_ID.to_owned()),
        ("client_secret".to_owned(), CLIENT_SECRET.to_owned()),
        ("refresh_token".to_owned(), REFRESH_TOKEN.to_owned()),
    ];
    expected.sort();
    assert_eq!(fields, expected);
    assert!(
        posted[0].headers.get("authorization").is_none(),
        "the token request carries no access token"
    );
}

#[tokio::test]
async fn a_token_error_status_is_an_auth_error_with_its_description() {
    let tokens = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .respond_with(json_answer(
            400,
            r#"{"error":"invalid_client","error_description":"no such client"}"#,
        ))
        .mount(&tokens)
        .await;
    let api = server_with(vec![json_answer(200, EVENTS_OK)]).await;
    let timer = TestTimer::new();
    let client = refreshing_client(&api.uri(), &tokens, &timer);

    let error = client
        .create_custom_event(PORTAL, &event_body())
        .await
        .unwrap_err();

    let Error::Auth(auth) = &error else {
        panic!("expected Error::Auth, got {error:?}")
    };
    assert_eq!(auth.status(), Some(400));
    assert_eq!(auth.error(), Some("invalid_client"));
    assert_eq!(auth.description(), Some("no such client"));
    assert_error_redacted(&error);
    assert!(received(&api).await.is_empty());
}

#[tokio::test]
async fn an_unreachable_token_endpoint_is_an_auth_error() {
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let timer = TestTimer::new();
    let client = Client::builder()
        .base_url(api.uri())
        .refresh_token(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .token_url(format!("http://127.0.0.1:{}/oauth/v2/token", closed_port()))
        .timer(timer.clone())
        .build()
        .unwrap();

    let error = guarded(client.get_project_goals(PORTAL, PROJECT))
        .await
        .unwrap_err();

    let Error::Auth(auth) = &error else {
        panic!("expected Error::Auth, got {error:?}")
    };
    assert_eq!(auth.status(), None);
    assert!(auth.description().is_some());
    assert_error_redacted(&error);
    assert!(received(&api).await.is_empty());
}

#[tokio::test]
async fn a_hanging_token_endpoint_is_bounded_by_the_client_timeout() {
    let tokens = RawServer::start(Misbehaviour::NeverAnswer).await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let timer = TestTimer::new();
    let client = Client::builder()
        .base_url(api.uri())
        .refresh_token(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .token_url(format!("{}/oauth/v2/token", tokens.uri()))
        .timer(timer.clone())
        .timeout(millis(200))
        .build()
        .unwrap();

    let started = Instant::now();
    let outcome = tokio::time::timeout(secs(1), client.get_project_goals(PORTAL, PROJECT)).await;

    let Ok(result) = outcome else {
        panic!(
            "the call still waits for the token endpoint after {:?}, with a 200 ms timeout",
            started.elapsed()
        )
    };
    let error = result.unwrap_err();
    assert!(matches!(error, Error::Auth(_)), "{error:?}");
    assert_error_redacted(&error);
    assert_eq!(tokens.requests().len(), 1);
    assert!(received(&api).await.is_empty());
}

#[tokio::test]
async fn a_refreshed_token_is_cached_until_a_minute_before_it_expires() {
    let tokens = token_server(Duration::ZERO).await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let timer = TestTimer::new();
    let client = refreshing_client(&api.uri(), &tokens, &timer);

    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    assert_eq!(received(&tokens).await.len(), 1, "two calls, one refresh");

    // 3539 s later the token still has 61 s to live: kept.
    timer.advance(secs(3_539));
    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    assert_eq!(received(&tokens).await.len(), 1, "still fresh");

    // 3541 s after issue it has 59 s left, under the 60 s margin: refreshed beside
    // the call, which still sends the token that is valid; the next one sends the new.
    timer.advance(secs(2));
    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    // Until the new token is cached, calls go on with the one still valid.
    let issued_1 = authorization(ISSUED[0]);
    let issued_2 = authorization(ISSUED[1]);
    let switched = async {
        loop {
            client.get_project_goals(PORTAL, PROJECT).await.unwrap();
            if tokens_sent(&api).await.last() == Some(&issued_2) {
                break;
            }
            tokio::time::sleep(millis(10)).await;
        }
    };
    assert!(
        tokio::time::timeout(secs(5), switched).await.is_ok(),
        "the new token was never used"
    );
    assert_eq!(
        received(&tokens).await.len(),
        2,
        "refreshed once near expiry"
    );
    let sent = tokens_sent(&api).await;
    assert!(sent.len() >= 5, "{sent:?}");
    assert!(
        sent[..sent.len() - 1].iter().all(|t| t == &issued_1),
        "{sent:?}"
    );
}

#[tokio::test]
async fn fifty_concurrent_calls_share_one_refresh() {
    // The token endpoint is slow, so the calls pile up behind the first refresh.
    let tokens = token_server(millis(50)).await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let timer = TestTimer::new();
    let client = refreshing_client(&api.uri(), &tokens, &timer);

    let run_fifty = |client: Client| async move {
        let mut calls = tokio::task::JoinSet::new();
        for _ in 0..50 {
            let client = client.clone();
            calls.spawn(async move { client.get_project_goals(PORTAL, PROJECT).await });
        }
        while let Some(done) = calls.join_next().await {
            done.expect("the task ends").expect("the call succeeds");
        }
    };

    // An empty cache.
    guarded(run_fifty(client.clone())).await;
    assert_eq!(received(&tokens).await.len(), 1, "one refresh for 50 calls");
    let sent = tokens_sent(&api).await;
    assert_eq!(sent.len(), 50);
    assert!(sent.iter().all(|t| *t == authorization(ISSUED[0])));

    // An expired token.
    timer.advance(secs(3_600));
    guarded(run_fifty(client)).await;
    assert_eq!(
        received(&tokens).await.len(),
        2,
        "one more refresh for 50 calls"
    );
    let sent = tokens_sent(&api).await;
    assert_eq!(sent.len(), 100);
    assert!(sent[50..].iter().all(|t| *t == authorization(ISSUED[1])));
}

#[tokio::test]
async fn a_401_invalidates_the_token_refreshes_once_and_retries_once() {
    let tokens = token_server(Duration::ZERO).await;
    let api = server_with(vec![
        json_answer(401, ERROR_BODY),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = refreshing_client(&api.uri(), &tokens, &timer);

    guarded(client.get_project_goals(PORTAL, PROJECT))
        .await
        .unwrap();

    assert_eq!(
        tokens_sent(&api).await,
        vec![authorization(ISSUED[0]), authorization(ISSUED[1])]
    );
    assert_eq!(received(&tokens).await.len(), 2);
    assert!(timer.sleeps().is_empty(), "a refresh is not a backoff");
}

#[tokio::test]
async fn a_second_401_is_returned_without_a_third_attempt() {
    let tokens = token_server(Duration::ZERO).await;
    let api = server_with(vec![json_answer(401, ERROR_BODY)]).await;
    let timer = TestTimer::new();
    let client = refreshing_client(&api.uri(), &tokens, &timer);

    let error = expect_api(
        guarded(client.create_project_goal(PORTAL, PROJECT, &goal_body())).await,
        401,
    );

    assert_eq!(error.api().unwrap().operation(), "createProjectGoal");
    assert_eq!(
        tokens_sent(&api).await,
        vec![authorization(ISSUED[0]), authorization(ISSUED[1])]
    );
    assert_eq!(received(&tokens).await.len(), 2);
    let bodies: Vec<_> = received(&api).await.into_iter().map(|r| r.body).collect();
    assert_eq!(
        bodies[0], bodies[1],
        "the retry after a 401 sends the same bytes"
    );
}

/// What a [`CountingSource`] was asked and told.
#[derive(Debug, Default)]
struct SourceLog {
    calls: AtomicUsize,
    invalidated: Mutex<Vec<String>>,
}

/// A caller's token source: gives `custom-F4ult-<n>` on its n-th call.
#[derive(Debug, Clone, Default)]
struct CountingSource(Arc<SourceLog>);

#[pagesense_goals::async_trait]
impl TokenSource for CountingSource {
    async fn token(&self) -> Result<AccessToken, pagesense_goals::AuthError> {
        let n = self.0.calls.fetch_add(1, Ordering::SeqCst) + 1;
        Ok(AccessToken::new(format!("custom-F4ult-{n}")))
    }

    async fn invalidate(&self, rejected: &AccessToken) {
        self.0
            .invalidated
            .lock()
            .unwrap()
            .push(rejected.secret().to_owned());
    }
}

#[tokio::test]
async fn a_custom_token_source_is_asked_for_every_attempt_and_told_of_a_401() {
    let api = server_with(vec![
        json_answer(503, ERROR_BODY),
        json_answer(401, ERROR_BODY),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let source = CountingSource::default();
    let client = Client::builder()
        .base_url(api.uri())
        .token_source(source.clone())
        .timer(timer.clone())
        .build()
        .unwrap();

    guarded(client.get_project_goals(PORTAL, PROJECT))
        .await
        .unwrap();

    assert_eq!(source.0.calls.load(Ordering::SeqCst), 3);
    assert_eq!(
        *source.0.invalidated.lock().unwrap(),
        vec!["custom-F4ult-2".to_owned()]
    );
    assert_eq!(
        tokens_sent(&api).await,
        vec![
            authorization("custom-F4ult-1"),
            authorization("custom-F4ult-2"),
            authorization("custom-F4ult-3"),
        ]
    );
    assert_eq!(timer.sleeps().len(), 1, "only the 503 waits");
}

// ---------------------------------------------------------------------------------
// 7. Path parameters stay in their segment
// ---------------------------------------------------------------------------------

#[tokio::test]
async fn path_parameters_stay_in_their_segment() {
    let cases = [
        ("a/b", "a%2Fb"),
        ("a/../b", "a%2F..%2Fb"),
        ("../x", "..%2Fx"),
        ("...", "..."),
        ("what?x=1", "what%3Fx%3D1"),
        ("frag#ment", "frag%23ment"),
        ("100%", "100%25"),
        ("%2e%2e", "%252e%252e"),
        ("café ✓", "caf%C3%A9%20%E2%9C%93"),
        ("a\\b", "a%5Cb"),
    ];
    for (value, encoded) in cases {
        let server = server_with(vec![json_answer(200, GOALS_OK)]).await;
        let timer = TestTimer::new();
        let client = client_at(&server.uri(), &timer, RetryPolicy::never());

        client.get_project_goals(PORTAL, value).await.unwrap();
        client.get_project_goals(value, PROJECT).await.unwrap();

        let requests = received(&server).await;
        assert_eq!(requests.len(), 2);
        assert_eq!(
            requests[0].url.path(),
            format!("/portal/{PORTAL}/projectgoals/{encoded}"),
            "linkname {value:?}"
        );
        assert_eq!(
            requests[1].url.path(),
            format!("/portal/{encoded}/projectgoals/{PROJECT}"),
            "portal_name {value:?}"
        );
        assert!(requests.iter().all(|r| r.url.query().is_none()));
    }

    // A query value stays one value.
    let server = server_with(vec![json_answer(200, EVENTS_OK)]).await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::never());
    client
        .list_custom_events("a/../b", "p&project_linkname=other#x")
        .await
        .unwrap();
    let request = &received(&server).await[0];
    assert_eq!(request.url.path(), "/portal/a%2F..%2Fb/customevents");
    let pairs: Vec<_> = request.url.query_pairs().into_owned().collect();
    assert_eq!(
        pairs,
        vec![(
            "project_linkname".to_owned(),
            "p&project_linkname=other#x".to_owned()
        )]
    );
}

#[tokio::test]
async fn dot_segments_and_empty_values_are_refused_before_sending() {
    let server = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    for value in ["..", ".", ""] {
        for (result, parameter) in [
            (client.get_project_goals(PORTAL, value).await, "linkname"),
            (
                client.get_project_goals(value, PROJECT).await,
                "portal_name",
            ),
            (
                client
                    .create_project_goal(PORTAL, value, &goal_body())
                    .await,
                "linkname",
            ),
        ] {
            match result {
                Err(
                    ref error @ Error::InvalidParameter {
                        parameter: refused, ..
                    },
                ) => {
                    assert_eq!(refused, parameter, "value {value:?}");
                    assert_error_redacted(error);
                }
                other => {
                    panic!("{value:?} as {parameter}: expected InvalidParameter, got {other:?}")
                }
            }
        }
        match client.create_custom_event(value, &event_body()).await {
            Err(Error::InvalidParameter { parameter, .. }) => assert_eq!(parameter, "portal_name"),
            other => panic!("expected InvalidParameter, got {other:?}"),
        }
    }
    assert!(received(&server).await.is_empty(), "nothing sent");
}

// ---------------------------------------------------------------------------------
// 8. Secrets never show
// ---------------------------------------------------------------------------------

#[tokio::test]
async fn builders_clients_sources_and_tokens_never_show_secrets() {
    let timer = TestTimer::new();
    let show = |what: &str, debug: String, pretty: String| {
        assert_no_secret(what, &debug);
        assert_no_secret(what, &pretty);
    };

    let fixed = Client::builder()
        .base_url("http://127.0.0.1:9")
        .access_token(TOKEN)
        .timer(timer.clone());
    show(
        "ClientBuilder (access_token)",
        format!("{fixed:?}"),
        format!("{fixed:#?}"),
    );
    let client = fixed.build().unwrap();
    show(
        "Client (access_token)",
        format!("{client:?}"),
        format!("{client:#?}"),
    );
    let request = client
        .get_project_goals(PORTAL, PROJECT)
        .timeout(secs(1))
        .header(
            reqwest::header::HeaderName::from_static("x-extra"),
            reqwest::header::HeaderValue::from_static(TOKEN),
        );
    show(
        "a request with a timeout and an extra header",
        format!("{request:?}"),
        format!("{request:#?}"),
    );

    let refreshing = Client::builder()
        .base_url("http://127.0.0.1:9")
        .refresh_token(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .token_url("http://127.0.0.1:9/oauth/v2/token");
    show(
        "ClientBuilder (refresh_token)",
        format!("{refreshing:?}"),
        format!("{refreshing:#?}"),
    );
    let client = refreshing.build().unwrap();
    show(
        "Client (refresh_token)",
        format!("{client:?}"),
        format!("{client:#?}"),
    );

    let source = RefreshTokenSource::new(
        "https://accounts.zoho.com/oauth/v2/token",
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH_TOKEN,
    );
    show(
        "RefreshTokenSource",
        format!("{source:?}"),
        format!("{source:#?}"),
    );
    assert!(
        format!("{source:?}").contains(CLIENT_ID),
        "the client id may show"
    );

    let token = AccessToken::new(TOKEN);
    show("AccessToken", format!("{token:?}"), format!("{token:#?}"));
    let expiring = AccessToken::expiring_at(ISSUED[0], epoch());
    show(
        "AccessToken",
        format!("{expiring:?}"),
        format!("{expiring:#?}"),
    );
    assert_eq!(
        expiring.secret(),
        ISSUED[0],
        "the secret is still there to send"
    );

    // A token that cannot be a header value: refused without being repeated.
    let error = Client::builder()
        .access_token(format!("{TOKEN}\nx"))
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert_error_redacted(&error);
}

// ---------------------------------------------------------------------------------
// 9. Hooks and raw answers
// ---------------------------------------------------------------------------------

#[tokio::test]
async fn hooks_add_a_header_to_every_attempt_and_see_each_status() {
    let server = server_with(vec![
        json_answer(500, ERROR_BODY),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let recorder = Recorder::default();
    let client = builder_at(&server.uri(), &timer)
        .hook(recorder.clone())
        .build()
        .unwrap();

    client.get_project_goals(PORTAL, PROJECT).await.unwrap();

    assert_eq!(
        recorder.seen(),
        vec![
            ("getProjectGoals".to_owned(), 1, Some(500)),
            ("getProjectGoals".to_owned(), 2, Some(200)),
        ]
    );
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(header_text(request, "x-fault-hook"), "on");
        assert_eq!(
            header_text(request, "authorization"),
            authorization(TOKEN),
            "the hook does not replace the credential"
        );
    }
}

#[tokio::test]
async fn with_response_gives_the_status_and_headers() {
    let server = server_with(vec![
        json_answer(201, EVENTS_OK)
            .insert_header("x-request-id", "fault-42")
            .insert_header("x-ratelimit-remaining", "9"),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let answer = client
        .create_custom_event(PORTAL, &event_body())
        .with_response()
        .await
        .unwrap();

    assert_eq!(answer.status().as_u16(), 201);
    assert_eq!(answer.headers()["x-request-id"], "fault-42");
    assert_eq!(answer.headers()["x-ratelimit-remaining"], "9");
    assert_eq!(
        answer.value().customevents.as_ref().unwrap()[0]
            .linkname
            .as_deref(),
        Some("premiumsignupcta")
    );
    let events = answer.into_value();
    assert_eq!(events.customevents.unwrap().len(), 1);
    assert_eq!(received(&server).await.len(), 1);
}

// ---------------------------------------------------------------------------------
// 10. Success statuses whose body reports a failure
// ---------------------------------------------------------------------------------

/// The reason of `result`, which must be `Error::Unsuccessful` of a 200 answer
/// keeping `answer` as its body.
fn expect_unsuccessful<T: std::fmt::Debug>(
    result: Result<T, Error>,
    operation_id: &str,
    answer: &str,
) -> String {
    match result {
        Err(
            ref error @ Error::Unsuccessful {
                operation,
                status,
                ref reason,
                ref body,
            },
        ) => {
            assert_eq!(operation, operation_id);
            assert_eq!(status, 200);
            assert_eq!(body, answer);
            assert_eq!(error.status(), Some(200));
            assert_error_redacted(error);
            reason.clone()
        }
        other => panic!("expected Error::Unsuccessful, got {other:?}"),
    }
}

#[tokio::test]
async fn a_status_code_other_than_10000_is_unsuccessful() {
    let answer = r#"{"status_code":"7001","status_string":"Invalid input","projectgoals":[]}"#;
    let server = server_with(vec![json_answer(200, answer)]).await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let reason = expect_unsuccessful(
        client.get_project_goals(PORTAL, PROJECT).await,
        "getProjectGoals",
        answer,
    );

    assert!(
        reason.contains("status_code") && reason.contains("7001"),
        "{reason}"
    );
    assert_eq!(received(&server).await.len(), 1, "not retried");

    // A numeric code is read too.
    let answer = r#"{"status_code":7001,"customevents":[]}"#;
    let server = server_with(vec![json_answer(200, answer)]).await;
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());
    let reason = expect_unsuccessful(
        client.list_custom_events(PORTAL, PROJECT).await,
        "listCustomEvents",
        answer,
    );
    assert!(
        reason.contains("status_code") && reason.contains("7001"),
        "{reason}"
    );
}

#[tokio::test]
async fn an_item_with_success_false_is_unsuccessful() {
    let answer = r#"{"status_code":"10000","projectgoals":[{"goal_id":1,"success":true},{"goal_id":2,"success":false}]}"#;
    let server = server_with(vec![json_answer(200, answer)]).await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());

    let reason = expect_unsuccessful(
        client
            .create_project_goal(PORTAL, PROJECT, &goal_body())
            .await,
        "createProjectGoal",
        answer,
    );
    assert!(reason.contains("projectgoals[1].success"), "{reason}");
    assert_eq!(received(&server).await.len(), 1);

    let answer = r#"{"customevents":[{"event_id":5,"success":false}]}"#;
    let server = server_with(vec![json_answer(200, answer)]).await;
    let client = client_at(&server.uri(), &timer, RetryPolicy::default());
    let reason = expect_unsuccessful(
        client.create_custom_event(PORTAL, &event_body()).await,
        "createCustomEvent",
        answer,
    );
    assert!(reason.contains("customevents[0].success"), "{reason}");
}

#[tokio::test]
async fn status_10000_with_every_item_successful_is_ok() {
    let answers = [
        r#"{"status_code":"10000","projectgoals":[{"goal_id":1,"success":true},{"goal_id":2,"success":true}]}"#,
        r#"{"status_code":10000,"projectgoals":[{"goal_id":1}]}"#,
        r#"{"projectgoals":[]}"#,
    ];
    for answer in answers {
        let server = server_with(vec![json_answer(200, answer)]).await;
        let timer = TestTimer::new();
        let client = client_at(&server.uri(), &timer, RetryPolicy::default());

        let result = client.get_project_goals(PORTAL, PROJECT).await;

        assert!(result.is_ok(), "{answer}: {result:?}");
        assert_eq!(received(&server).await.len(), 1);
    }
}
