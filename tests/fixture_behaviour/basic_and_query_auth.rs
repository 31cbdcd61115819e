//! The `basic_and_query_auth` fixture: HTTP basic credentials go in the
//! `Authorization` header, and never show in `Debug`; the API key goes in the query
//! of the one operation that accepts it.

use fixture_basic_and_query_auth::Client;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn basic_credentials_are_sent_as_rfc_7617_says() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw("[]", "application/json"))
        .mount(&server)
        .await;
    let builder = Client::builder()
        .base_url(server.uri())
        .basic_auth_credentials("Aladdin", "open sesame");
    assert!(!format!("{builder:?}").contains("sesame"), "{builder:?}");
    let client = builder.build().expect("client");
    client.list_accounts().await.expect("list");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(
        requests[0].headers.get("authorization").and_then(|v| v.to_str().ok()),
        Some("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
    );
}

#[tokio::test]
async fn the_api_key_goes_in_the_query_where_it_is_accepted() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .api_key_access_token("k-9")
        .build()
        .expect("client");
    client.search().await.expect("search");
    let error = client.list_accounts().await.expect_err("needs basic");
    assert!(error.to_string().contains("`basicAuth`"), "{error}");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].url.query(), Some("api_key=k-9"));
    assert!(requests[0].headers.get("authorization").is_none());
}

#[test]
fn without_credentials_the_build_says_which_call_to_make() {
    let error = Client::builder().build().expect_err("no credentials");
    assert!(error.to_string().contains("basic_auth"), "{error}");
}
