//! The defects an adversarial review of the client found, one test each (numbered
//! as in the review): redirects, proxies, secrets in messages, overflowing clocks,
//! token refreshes that did not share their outcome, time limits that did not hold,
//! unbounded bodies, builder calls that were dropped, and causes that were hidden.
//!
//! Every server is on 127.0.0.1 and started by the test.

use std::time::Duration;

use pagesense_goals::auth::RefreshTokenSource;
use pagesense_goals::{Client, Error, RetryPolicy};
use serde_json::json;
use tests::faults::*;
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A token endpoint that always gives `answer` with `status`.
async fn token_endpoint(status: u16, answer: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/oauth/v2/token"))
        .respond_with(json_answer(status, &answer.to_string()))
        .mount(&server)
        .await;
    server
}

/// The requests `server` got at the token path.
async fn token_requests(server: &MockServer) -> usize {
    received(server)
        .await
        .iter()
        .filter(|r| r.url.path() == "/oauth/v2/token")
        .count()
}

/// The `Error::Auth` of `result`, checked for secrets.
fn expect_auth<T: std::fmt::Debug>(result: Result<T, Error>) -> pagesense_goals::AuthError {
    match result {
        Err(Error::Auth(auth)) => {
            assert_error_redacted(&auth);
            auth
        }
        other => panic!("expected Error::Auth, got {other:?}"),
    }
}

// 1. A token endpoint's redirect must not carry the secrets elsewhere.
#[tokio::test]
async fn token_requests_never_follow_a_redirect() {
    let elsewhere = token_endpoint(200, json!({"access_token": "st0len-F4ult"})).await;
    for code in [301, 302, 303, 307, 308] {
        let tokens = MockServer::start().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(code)
                    .insert_header("location", format!("{}/oauth/v2/token", elsewhere.uri())),
            )
            .mount(&tokens)
            .await;
        let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
        let client = refreshing_client(&api.uri(), &tokens, &TestTimer::new());

        let auth = expect_auth(client.get_project_goals(PORTAL, PROJECT).await);

        assert_eq!(auth.status(), Some(code));
        assert!(
            received(&api).await.is_empty(),
            "{code}: the API was called"
        );
    }
    assert_eq!(
        received(&elsewhere).await.len(),
        0,
        "the client secret and refresh token were re-posted to the redirect's host"
    );
}

// 2. No redirect of an API call is followed, whatever the code and the method.
#[tokio::test]
async fn no_redirect_of_a_call_is_followed_and_each_keeps_its_location() {
    let elsewhere = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let update = pagesense_goals::types::UpdateProjectGoalRequest::new(
        pagesense_goals::types::ProjectGoalUpdate::new(PROJECT.to_owned()),
    );
    for code in [300, 301, 302, 303, 304, 305, 307, 308] {
        let api = server_with(vec![
            ResponseTemplate::new(code)
                .insert_header("location", format!("{}/moved", elsewhere.uri())),
        ])
        .await;
        let client = client_at(&api.uri(), &TestTimer::new(), RetryPolicy::default());
        let results: Vec<(&str, Result<(), Error>)> = vec![
            (
                "GET",
                client.get_project_goals(PORTAL, PROJECT).await.map(drop),
            ),
            (
                "POST",
                client
                    .create_project_goal(PORTAL, PROJECT, &goal_body())
                    .await
                    .map(drop),
            ),
            (
                "PUT",
                client
                    .update_project_goal(PORTAL, "time-spent", &update)
                    .await
                    .map(drop),
            ),
            (
                "DELETE",
                client
                    .delete_project_goal(PORTAL, "time-spent")
                    .await
                    .map(drop),
            ),
            (
                "POST",
                client
                    .create_custom_event(PORTAL, &event_body())
                    .await
                    .map(drop),
            ),
        ];
        for (verb, result) in results {
            let error = expect_api(result, code);
            if code != 304 {
                assert_eq!(
                    error.api().and_then(|a| a.location()),
                    Some(format!("{}/moved", elsewhere.uri()).as_str()),
                    "{verb} {code}"
                );
            }
        }
        let methods: Vec<String> = received(&api)
            .await
            .iter()
            .map(|r| r.method.to_string())
            .collect();
        assert_eq!(
            methods,
            ["GET", "POST", "PUT", "DELETE", "POST"],
            "{code}: each sent once"
        );
    }
    assert!(
        received(&elsewhere).await.is_empty(),
        "a redirect was followed"
    );
}

// 2, continued: a caller's client that follows redirects is caught.
#[tokio::test]
async fn an_answer_reached_through_a_callers_redirecting_client_is_refused() {
    let elsewhere = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let api = server_with(vec![
        ResponseTemplate::new(302).insert_header("location", format!("{}/moved", elsewhere.uri())),
    ])
    .await;
    let client = builder_at(&api.uri(), &TestTimer::new())
        .http_client(pagesense_goals::reqwest::Client::new())
        .build()
        .unwrap();

    match client.get_project_goals(PORTAL, PROJECT).await {
        Err(Error::Config(message)) => assert!(message.contains("redirect"), "{message}"),
        other => panic!("expected the redirect to be refused, got {other:?}"),
    }
}

// 3. A loopback call never goes through the environment's proxy.
#[test]
fn loopback_calls_ignore_the_environments_proxy() {
    let probe = env!("CARGO_BIN_EXE_proxy-probe");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (api, proxy) = runtime.block_on(async {
        let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
        let proxy = server_with(vec![json_answer(200, GOALS_OK)]).await;
        (api, proxy)
    });
    let output = std::process::Command::new(probe)
        .arg(api.uri())
        .env("HTTP_PROXY", proxy.uri())
        .env("http_proxy", proxy.uri())
        .env("ALL_PROXY", proxy.uri())
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    runtime.block_on(async {
        assert!(
            received(&proxy).await.is_empty(),
            "the proxy got the call (and the token)"
        );
        assert_eq!(received(&api).await.len(), 1, "{stdout}");
    });
}

// 4. Credentials in URLs, and secrets an endpoint echoes, never reach a message.
#[tokio::test]
async fn urls_and_token_answers_are_redacted_in_every_message() {
    for url in [
        "https://user:F4ult-pw@api.example.com/v1",
        "http://api.example.com/v1?access_token=F4ult-q",
        "https://api.example.com/v1?key=F4ult-q",
    ] {
        let builder = Client::builder().base_url(url).access_token(TOKEN);
        assert_no_secret("the builder's Debug", &format!("{builder:?}"));
        let error = builder.build().unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{url}: {error:?}");
        assert_error_redacted(&error);
    }
    let error = Client::builder()
        .base_url("http://127.0.0.1:1")
        .refresh_token(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .token_url("https://accounts.example.com/token?client_secret=F4ult-q")
        .build()
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    assert_error_redacted(&error);

    let echo = format!("bad request: client_secret={CLIENT_SECRET}&refresh_token={REFRESH_TOKEN}");
    let tokens = token_endpoint(
        400,
        json!({"error": format!("invalid_client ({CLIENT_SECRET})"), "error_description": echo}),
    )
    .await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let client = refreshing_client(&api.uri(), &tokens, &TestTimer::new());
    let auth = expect_auth(client.get_project_goals(PORTAL, PROJECT).await);
    assert!(
        auth.description()
            .is_some_and(|d| d.contains("bad request")),
        "{auth:?}"
    );
}

// 5. The refresh source refuses a token URL that would send secrets in clear text.
#[test]
fn a_refresh_source_refuses_plain_http_to_another_host() {
    let refused = RefreshTokenSource::new(
        "http://accounts.example.com/oauth/v2/token",
        CLIENT_ID,
        CLIENT_SECRET,
        REFRESH_TOKEN,
    );
    let message = refused.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("plain http"), "{message}");
    assert!(
        RefreshTokenSource::new(
            "http://127.0.0.1:9/token",
            CLIENT_ID,
            CLIENT_SECRET,
            REFRESH_TOKEN
        )
        .is_ok()
    );
}

// 6. A lifetime too long for the clock is no expiry, not a panic.
#[tokio::test]
async fn an_enormous_expires_in_neither_panics_nor_expires() {
    for lifetime in [
        json!(18_446_744_073_709_551_615_u64),
        json!(i64::MAX),
        json!(1e300),
    ] {
        let tokens = token_endpoint(
            200,
            json!({"access_token": ISSUED[0], "expires_in": lifetime}),
        )
        .await;
        let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
        let client = refreshing_client(&api.uri(), &tokens, &TestTimer::new());
        for _ in 0..3 {
            client.get_project_goals(PORTAL, PROJECT).await.unwrap();
        }
        assert_eq!(token_requests(&tokens).await, 1, "{lifetime}");
    }
}

// 7. Unlimited retry settings saturate instead of overflowing.
#[tokio::test]
async fn a_retry_policy_without_limits_does_not_panic() {
    let server = server_with(vec![
        json_answer(503, ERROR_BODY),
        json_answer(503, ERROR_BODY),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let policy = RetryPolicy::default()
        .with_max_attempts(u32::MAX)
        .with_max_total_delay(Duration::MAX)
        .with_max_retry_after(Duration::MAX);
    let client = client_at(&server.uri(), &timer, policy);

    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    assert_eq!(received(&server).await.len(), 3);
}

// 8. Calls waiting for one refresh share its outcome: one token request in all.
#[tokio::test]
async fn concurrent_calls_share_one_refresh_even_when_it_hangs_or_fails() {
    let hanging = RawServer::start(Misbehaviour::NeverAnswer).await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let client = Client::builder()
        .base_url(api.uri())
        .refresh_token(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .token_url(format!("{}/oauth/v2/token", hanging.uri()))
        .timeout(millis(300))
        .build()
        .unwrap();
    let results = concurrently(&client, 6).await;
    assert!(results.iter().all(Result::is_err), "{results:?}");
    assert_eq!(
        hanging.requests().len(),
        1,
        "each waiter refreshed on its own"
    );

    let failing = token_endpoint(500, json!({"error": "server_error"})).await;
    let client = refreshing_client(&api.uri(), &failing, &TestTimer::new());
    let results = concurrently(&client, 20).await;
    assert!(
        results.iter().all(|r| matches!(r, Err(Error::Auth(_)))),
        "{results:?}"
    );
    assert_eq!(
        token_requests(&failing).await,
        1,
        "twenty calls, twenty refreshes"
    );

    // The next call after a failure tries again.
    let _ = client.get_project_goals(PORTAL, PROJECT).await;
    assert_eq!(token_requests(&failing).await, 2);
    assert!(received(&api).await.is_empty());
}

/// Makes `count` calls of `client` at once, each on a task of its own.
async fn concurrently(client: &Client, count: usize) -> Vec<Result<(), Error>> {
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..count {
        let client = client.clone();
        calls.spawn(async move { client.get_project_goals(PORTAL, PROJECT).await.map(drop) });
    }
    calls.join_all().await
}

// 9. A request's `timeout` bounds the whole call: the token refresh and every retry.
#[tokio::test]
async fn a_request_timeout_bounds_the_token_refresh_and_the_retries() {
    let hanging = RawServer::start(Misbehaviour::NeverAnswer).await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let client = Client::builder()
        .base_url(api.uri())
        .refresh_token(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .token_url(format!("{}/oauth/v2/token", hanging.uri()))
        .timeout(Duration::from_secs(3))
        .build()
        .unwrap();
    let limit = millis(200);
    match client
        .get_project_goals(PORTAL, PROJECT)
        .timeout(limit)
        .await
    {
        Err(Error::Timeout { after, .. }) => assert_eq!(after, limit),
        other => panic!("expected Error::Timeout, got {other:?}"),
    }

    let stalling = RawServer::start(Misbehaviour::NeverAnswer).await;
    let client = builder_at(&stalling.uri(), &TestTimer::new())
        .retry_policy(RetryPolicy::default().with_max_attempts(10))
        .timeout(millis(150))
        .build()
        .unwrap();
    match client
        .get_project_goals(PORTAL, PROJECT)
        .timeout(millis(400))
        .await
    {
        Err(Error::Timeout { after, .. }) => assert_eq!(after, millis(400)),
        other => panic!("expected the limit to end the call, got {other:?}"),
    }
    assert!(
        stalling.requests().len() <= 3,
        "attempts went on past the limit: {}",
        stalling.requests().len()
    );
}

// 10. A short-lived token is still reused while it is valid.
#[tokio::test]
async fn a_token_of_sixty_seconds_is_reused() {
    let tokens = token_endpoint(200, json!({"access_token": ISSUED[0], "expires_in": 60})).await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let timer = TestTimer::new();
    let client = refreshing_client(&api.uri(), &tokens, &timer);
    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    timer.advance(secs(30));
    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    assert_eq!(token_requests(&tokens).await, 1);
    timer.advance(secs(25));
    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    // Refreshed within the last tenth, beside the call.
    until_token_requests(&tokens, 2).await;
}

/// Waits (at most 5 s) until `tokens` got `count` token requests: an early refresh
/// runs beside the call that starts it.
async fn until_token_requests(tokens: &MockServer, count: usize) {
    let reached = async {
        while token_requests(tokens).await < count {
            tokio::time::sleep(millis(10)).await;
        }
    };
    assert!(
        tokio::time::timeout(Duration::from_secs(5), reached)
            .await
            .is_ok(),
        "the token endpoint never got {count} requests"
    );
}

// 11. An early refresh that fails keeps using the token still valid, and no call
// waits for it.
#[tokio::test]
async fn a_failed_early_refresh_uses_the_token_still_valid() {
    let tokens = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(Sequence::of(vec![
            json_answer(
                200,
                &json!({"access_token": ISSUED[0], "expires_in": 3600}).to_string(),
            ),
            json_answer(503, r#"{"error":"temporarily_unavailable"}"#),
        ]))
        .mount(&tokens)
        .await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let timer = TestTimer::new();
    let client = refreshing_client(&api.uri(), &tokens, &timer);
    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    timer.advance(secs(3600 - 5));

    client.get_project_goals(PORTAL, PROJECT).await.unwrap();

    // The early refresh runs beside the call, which did not wait for it.
    until_token_requests(&tokens, 2).await;
    assert_eq!(
        tokens_sent(&api).await,
        [authorization(ISSUED[0]), authorization(ISSUED[0])]
    );
    timer.advance(secs(10));
    let expired = client.get_project_goals(PORTAL, PROJECT).await;
    expect_auth(expired);
}

// 12. A token that cannot be sent is refused at the refresh and never cached.
#[tokio::test]
async fn an_unsendable_token_is_an_auth_error_and_is_not_cached() {
    for token in ["", "   ", "line\r\nbreak-F4ult", "nul\u{0}-F4ult"] {
        let tokens = token_endpoint(200, json!({"access_token": token, "expires_in": 3600})).await;
        let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
        let client = refreshing_client(&api.uri(), &tokens, &TestTimer::new());
        for _ in 0..2 {
            expect_auth(client.get_project_goals(PORTAL, PROJECT).await);
        }
        assert_eq!(token_requests(&tokens).await, 2, "{token:?} was cached");
        assert!(received(&api).await.is_empty());
    }
}

// 13. What is read of an answer is bounded.
#[tokio::test]
async fn answers_over_the_limit_are_refused_and_error_bodies_kept_short() {
    const LIMIT: usize = 1024 * 1024;
    let big = vec![b'x'; 8 * LIMIT];
    let declared = server_with(vec![
        ResponseTemplate::new(200).set_body_raw(big.clone(), "application/json"),
    ])
    .await;
    let client = builder_at(&declared.uri(), &TestTimer::new())
        .max_answer_size(LIMIT)
        .build()
        .unwrap();
    match client.get_project_goals(PORTAL, PROJECT).await {
        Err(Error::TooLarge {
            limit, status: 200, ..
        }) => assert_eq!(limit, LIMIT),
        other => panic!("expected Error::TooLarge, got {:?}", other.map(drop)),
    }

    let mut invalid = vec![0xff_u8; 8 * LIMIT];
    invalid[..5].copy_from_slice(b"oops ");
    let failing = server_with(vec![
        ResponseTemplate::new(400).set_body_raw(invalid, "text/plain"),
    ])
    .await;
    let client = client_at(&failing.uri(), &TestTimer::new(), RetryPolicy::never());
    let error = expect_api(client.get_project_goals(PORTAL, PROJECT).await, 400);
    let raw = error.api().unwrap().raw_body();
    assert!(raw.starts_with("oops "));
    assert!(raw.len() <= 3 * 64 * 1024, "kept {} bytes", raw.len());
}

// 14. The builder's token calls work in any order, and none is dropped silently.
#[tokio::test]
async fn token_url_before_refresh_token_is_kept() {
    let tokens = token_server(Duration::ZERO).await;
    let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
    let client = Client::builder()
        .base_url(api.uri())
        .token_url(format!("{}/oauth/v2/token", tokens.uri()))
        .refresh_token(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .build()
        .unwrap();
    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    assert_eq!(token_requests(&tokens).await, 1);

    let unused = Client::builder()
        .base_url(api.uri())
        .token_url(format!("{}/oauth/v2/token", tokens.uri()))
        .access_token(TOKEN)
        .build();
    match unused {
        Err(Error::Config(message)) => assert!(message.contains("token_url"), "{message}"),
        other => panic!("a token URL that would not be used must be refused: {other:?}"),
    }
}

// 15. A Retry-After within the cap is followed (the default's docs say so), and the
// server's wait can be read from the error when it is not.
#[tokio::test]
async fn the_defaults_follow_a_retry_after_within_the_cap_and_report_a_longer_one() {
    let policy = RetryPolicy::default();
    let cap = policy.max_retry_after;
    let server = server_with(vec![
        status_with_retry_after(503, &cap.as_secs().to_string()),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let timer = TestTimer::new();
    let client = client_at(&server.uri(), &timer, policy.clone());
    client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    assert_eq!(timer.sleeps(), [cap]);

    let over = (cap + secs(1)).as_secs().to_string();
    let server = server_with(vec![
        status_with_retry_after(503, &over),
        json_answer(200, GOALS_OK),
    ])
    .await;
    let client = client_at(&server.uri(), &timer, policy);
    let error = expect_api(client.get_project_goals(PORTAL, PROJECT).await, 503);
    assert_eq!(error.retry_after(), Some(cap + secs(1)));
}

// 16. A transport error shows its causes.
#[tokio::test]
async fn a_body_read_timeout_says_it_timed_out() {
    let server = RawServer::start(Misbehaviour::StallMidBody).await;
    let client = builder_at(&server.uri(), &TestTimer::new())
        .retry_policy(RetryPolicy::never())
        .timeout(millis(200))
        .build()
        .unwrap();
    let error = expect_transport(client.get_project_goals(PORTAL, PROJECT).await);
    let shown = error.to_string();
    assert!(shown.contains("timed out"), "{shown}");
}

// 17. A float status code is read like the string and integer forms.
#[tokio::test]
async fn a_float_status_code_is_read() {
    let body = r#"{"status_code":10000.0,"projectgoals":[{"goal_id":7,"success":true}]}"#;
    let server = server_with(vec![json_answer(200, body)]).await;
    let client = client_at(&server.uri(), &TestTimer::new(), RetryPolicy::never());
    let answer = client.get_project_goals(PORTAL, PROJECT).await.unwrap();
    assert_eq!(
        answer.status_code.map(|c| c.to_string()).as_deref(),
        Some("10000")
    );

    let failed = r#"{"status_code":7001.0,"projectgoals":[]}"#;
    let server = server_with(vec![json_answer(200, failed)]).await;
    let client = client_at(&server.uri(), &TestTimer::new(), RetryPolicy::never());
    assert!(matches!(
        client.get_project_goals(PORTAL, PROJECT).await,
        Err(Error::Unsuccessful { .. })
    ));
}

// 8, continued: a refresh whose runtime went away is not left pending for ever.
#[test]
fn a_refresh_abandoned_with_its_runtime_is_started_again() {
    let servers = tokio::runtime::Runtime::new().unwrap();
    let (tokens, api) = servers.block_on(async {
        let tokens = MockServer::start().await;
        let answer = json!({"access_token": ISSUED[0], "expires_in": 3600}).to_string();
        Mock::given(method("POST"))
            .respond_with(Sequence::of(vec![
                json_answer(200, &answer).set_delay(Duration::from_secs(30)),
                json_answer(200, &answer),
            ]))
            .mount(&tokens)
            .await;
        let api = server_with(vec![json_answer(200, GOALS_OK)]).await;
        (tokens, api)
    });
    let client = Client::builder()
        .base_url(api.uri())
        .refresh_token(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
        .token_url(format!("{}/oauth/v2/token", tokens.uri()))
        .build()
        .unwrap();

    let first = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let gave_up = first.block_on(
        client
            .get_project_goals(PORTAL, PROJECT)
            .timeout(millis(200))
            .into_future(),
    );
    assert!(matches!(gave_up, Err(Error::Timeout { .. })), "{gave_up:?}");
    drop(first);

    let second = tokio::runtime::Runtime::new().unwrap();
    let answer = second.block_on(
        client
            .get_project_goals(PORTAL, PROJECT)
            .timeout(Duration::from_secs(5))
            .into_future(),
    );
    assert!(answer.is_ok(), "{answer:?}");
    assert_eq!(servers.block_on(token_requests(&tokens)), 2);
}
