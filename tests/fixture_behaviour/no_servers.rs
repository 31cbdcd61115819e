//! The `no_servers` fixture: a spec without `servers` gives a client whose builder
//! requires a base URL.

use fixture_no_servers::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn without_a_base_url_the_build_says_what_is_missing() {
    match Client::builder().build() {
        Err(Error::Config(message)) => assert!(message.contains("base_url"), "{message}"),
        other => panic!("expected Error::Config, got {other:?}"),
    }
}

#[tokio::test]
async fn with_a_base_url_calls_go_there() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/health"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(r#"{"status":"up"}"#, "application/json"))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(format!("{}/v1", server.uri()))
        .build()
        .expect("client");
    let answer = client.health().await.expect("health");
    assert_eq!(answer.status.as_deref(), Some("up"));
}
