//! The `query_api_key` fixture: the key goes in the query, beside the operation's
//! own parameters, and a failed request does not show it.

use fixture_query_api_key::{Client, Error};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn the_key_goes_in_the_query() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("k3y-s3cret")
        .build()
        .expect("client");
    client.get_data().q("rust").await.expect("get");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].url.query(), Some("q=rust&api_key=k3y-s3cret"));
}

#[tokio::test]
async fn a_failed_request_does_not_show_the_key() {
    // A port nothing listens on: the connection is refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port");
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .access_token("k3y-s3cret")
        .retry_policy(fixture_query_api_key::RetryPolicy::never())
        .build()
        .expect("client");
    match client.get_data().await {
        Err(error @ Error::Transport { .. }) => {
            assert!(!format!("{error} {error:?}").contains("s3cret"), "{error:?}");
        }
        other => panic!("expected a transport error, got {other:?}"),
    }
}
