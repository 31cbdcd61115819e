//! Builder settings that reach the wire: the user agent, and a `reqwest::Client` of
//! the caller's (its default headers are sent; the builder's user agent is then not
//! applied, as documented).

use pagesense_goals::reqwest::header::{HeaderMap, HeaderValue};
use pagesense_goals::{Client, RetryPolicy};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&server)
        .await;
    server
}

async fn first_request_header(server: &MockServer, name: &str) -> Option<String> {
    let requests = server.received_requests().await.expect("recorded");
    let request = requests.first().expect("one request");
    request
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

#[tokio::test]
async fn the_user_agent_is_sent() {
    let server = server().await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("t")
        .user_agent("goals-sync/2.1")
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client");
    client.get_project_goals("p", "l").await.expect("answer");
    assert_eq!(
        first_request_header(&server, "user-agent").await.as_deref(),
        Some("goals-sync/2.1")
    );
}

#[tokio::test]
async fn a_callers_http_client_is_used() {
    let server = server().await;
    let mut headers = HeaderMap::new();
    headers.insert("x-tenant", HeaderValue::from_static("acme"));
    let http = pagesense_goals::reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("reqwest client");
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("t")
        .http_client(http)
        .build()
        .expect("client");
    client
        .list_custom_events("p", "proj")
        .await
        .expect("answer");
    assert_eq!(
        first_request_header(&server, "x-tenant").await.as_deref(),
        Some("acme")
    );
    assert_eq!(
        first_request_header(&server, "authorization")
            .await
            .as_deref(),
        Some("Zoho-oauthtoken t")
    );
}
