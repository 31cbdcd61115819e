//! The `several_security_schemes` fixture: the bearer token goes with the operations
//! that accept it, and no credential with one whose `security` is empty.

use fixture_several_security_schemes::Client;
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("[]", "application/json"))
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn the_token_goes_only_where_it_is_asked_for() {
    let server = server().await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("s3cret")
        .build()
        .expect("client");
    client.list_things().await.expect("list");
    client.status().await.expect("status");
    client.get_thing("7").await.expect("get");
    let requests = server.received_requests().await.expect("recorded");
    let authorization = |index: usize| {
        requests[index]
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(authorization(0).as_deref(), Some("Bearer s3cret"));
    assert_eq!(authorization(1), None, "`security: []` sends no credential");
    assert_eq!(authorization(2).as_deref(), Some("Bearer s3cret"));
}
