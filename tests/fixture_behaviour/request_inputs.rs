//! The `request_inputs` fixtures: optional inputs are set by name on the request,
//! setters never collide with the request's own methods, and the same callers
//! build against the crate of a spec that gained an optional parameter
//! (`request_inputs_grown`, with `direction` before the others).

use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw("[]", "application/json"))
        .mount(&server)
        .await;
    server
}

/// The path and query of each request the server received.
async fn sent(server: &MockServer) -> Vec<String> {
    let requests = server.received_requests().await.expect("recorded");
    requests
        .iter()
        .map(|r| match r.url.query() {
            Some(query) => format!("{}?{query}", r.url.path()),
            None => r.url.path().to_owned(),
        })
        .collect()
}

/// The same callers, against each crate.
macro_rules! callers {
    ($module:ident, $krate:ident) => {
        mod $module {
            use super::{sent, server};
            use $krate::types::ListForOrgType;
            use $krate::Client;

            fn client(server: &wiremock::MockServer) -> Client {
                Client::builder()
                    .base_url(server.uri())
                    .build()
                    .expect("client")
            }

            #[tokio::test]
            async fn optional_inputs_are_set_by_name_in_any_order() {
                let server = server().await;
                let client = client(&server);
                let none = client.list_for_org("rust-lang").await.expect("list");
                assert!(none.is_empty());
                client
                    .list_for_org("rust-lang")
                    .per_page(100)
                    .r#type(ListForOrgType::Public)
                    .sort("updated")
                    .await
                    .expect("list");
                assert_eq!(
                    sent(&server).await,
                    [
                        "/orgs/rust-lang/repos",
                        "/orgs/rust-lang/repos?type=public&sort=updated&per_page=100",
                    ]
                );
            }

            #[tokio::test]
            async fn parameters_named_like_request_methods_keep_both() {
                let server = server().await;
                let client = client(&server);
                let answer = client
                    .list_for_org("o")
                    .timeout_2(5)
                    .with_response_2(true)
                    .into_future_2(false)
                    .send(true)
                    .timeout(std::time::Duration::from_secs(30))
                    .header(
                        $krate::reqwest::header::HeaderName::from_static("x-extra"),
                        $krate::reqwest::header::HeaderValue::from_static("yes"),
                    )
                    .with_response()
                    .await
                    .expect("list");
                assert_eq!(answer.status(), 200);
                let requests = server.received_requests().await.expect("recorded");
                assert_eq!(
                    requests[0].url.query(),
                    Some("timeout=5&with_response=true&into_future=false&send=true")
                );
                assert_eq!(requests[0].headers["x-extra"], "yes");
            }

            #[tokio::test]
            async fn an_optional_body_is_set_like_any_optional_input() {
                let server = server().await;
                let client = client(&server);
                client.add_note().await.expect("without a body");
                client.add_note().body("hello").await.expect("with a body");
                let requests = server.received_requests().await.expect("recorded");
                assert!(requests[0].body.is_empty());
                assert_eq!(requests[1].body, b"hello");
            }
        }
    };
}

callers!(original, fixture_request_inputs);
callers!(grown, fixture_request_inputs_grown);
