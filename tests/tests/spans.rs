//! With the `tracing` feature, every call is a span naming the operation, the method
//! and the path template, and every attempt an event with its number, status and
//! latency; no secret appears in either.
//!
//! A process of its own: `tracing` caches, per call site and for the whole process,
//! whether any subscriber wants its events, so calls made by other tests before this
//! one installs its subscriber could hide the events it looks for.

use std::io::Write;
use std::sync::{Arc, Mutex};

use pagesense_goals::{Client, RetryPolicy};
use tests::TOKEN;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Collects what the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .expect("not poisoned")
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn each_call_is_a_span_and_each_attempt_an_event_without_secrets() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token(TOKEN)
        .retry_policy(RetryPolicy::default().with_initial_backoff(std::time::Duration::ZERO))
        .build()
        .expect("client");

    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::TRACE)
        .finish();
    {
        let _guard = tracing::subscriber::set_default(subscriber);
        client
            .get_project_goals("portal", "project")
            .await
            .expect("the second attempt succeeds");
    }

    let text = String::from_utf8(captured.0.lock().expect("not poisoned").clone()).expect("utf-8");
    let attempts: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("attempt finished"))
        .collect();
    assert_eq!(attempts.len(), 2, "{text}");
    for (line, (attempt, status)) in attempts.iter().zip([(1, 500), (2, 200)]) {
        assert!(line.contains(r#"api_call{operation="getProjectGoals" method=GET path="/portal/{portal_name}/projectgoals/{linkname}"}"#), "{line}");
        assert!(
            line.contains(&format!("attempt={attempt} status={status} latency_ms=")),
            "{line}"
        );
    }
    assert!(!text.contains(TOKEN), "the token was traced:\n{text}");
    assert!(
        !text.contains("Zoho-oauthtoken"),
        "the credential header was traced:\n{text}"
    );
}
