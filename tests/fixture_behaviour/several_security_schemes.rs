//! The `several_security_schemes` fixture: each scheme is configured on its own, and
//! a call sends the first of its operation's alternatives the client was given,
//! two schemes together where the alternative names two.

use fixture_several_security_schemes::{Client, ClientBuilder, Error};
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

/// The credential headers of each request the server received, in order.
async fn sent(server: &MockServer) -> Vec<[Option<String>; 3]> {
    let header = |request: &wiremock::Request, name: &str| {
        request
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .map(|r| {
            [
                header(r, "authorization"),
                header(r, "x-app-key"),
                header(r, "cookie"),
            ]
        })
        .collect()
}

fn client(server: &MockServer, configure: impl FnOnce(ClientBuilder) -> ClientBuilder) -> Client {
    configure(Client::builder().base_url(server.uri()))
        .build()
        .expect("client")
}

#[tokio::test]
async fn the_bearer_token_goes_only_where_it_is_asked_for() {
    let server = server().await;
    let client = client(&server, |b| b.bearer_auth_access_token("s3cret"));
    client.list_things().await.expect("list");
    client.status().await.expect("status");
    client.get_thing("7").await.expect("get");
    client.administer().await.expect("administer");
    let bearer = Some("Bearer s3cret".to_owned());
    assert_eq!(
        sent(&server).await,
        [
            [bearer.clone(), None, None],
            [None, None, None],
            [bearer.clone(), None, None],
            [bearer, None, None],
        ],
        "`security: []` sends no credential"
    );
}

#[tokio::test]
async fn two_schemes_of_one_alternative_are_sent_together() {
    let server = server().await;
    let client = client(&server, |b| {
        b.app_key_access_token("key-1")
            .session_cookie_access_token("sess-1")
            .bearer_auth_access_token("s3cret")
    });
    client.administer().await.expect("administer");
    assert_eq!(
        sent(&server).await,
        [[
            None,
            Some("key-1".to_owned()),
            Some("session=sess-1".to_owned())
        ]],
        "the first alternative held wins, both of its credentials sent"
    );
}

#[tokio::test]
async fn the_first_alternative_held_is_the_one_sent() {
    let server = server().await;
    let client = client(&server, |b| {
        b.basic_auth_credentials("Aladdin", "open sesame")
            .bearer_auth_access_token("s3cret")
    });
    client.list_things().await.expect("list");
    client.get_thing("7").await.expect("get");
    assert_eq!(
        sent(&server).await,
        [
            [Some("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==".to_owned()), None, None],
            [Some("Bearer s3cret".to_owned()), None, None],
        ]
    );
}

#[tokio::test]
async fn a_call_without_its_credentials_fails_before_sending_and_names_them() {
    let server = server().await;
    // Half of an alternative is not enough.
    let client = client(&server, |b| b.app_key_access_token("key-1"));
    let error = client.administer().await.expect_err("no credentials");
    assert!(matches!(error, Error::Auth(_)), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains("`appKey` + `sessionCookie` or `bearerAuth`"),
        "{message}"
    );
    assert!(!message.contains("key-1"), "{message}");
    client.status().await.expect("status needs nothing");
    assert_eq!(sent(&server).await.len(), 1, "only `status` was sent");
}

#[test]
fn a_client_that_could_make_a_call_builds_without_credentials() {
    // `status` needs none, so a client given none is still of use.
    Client::builder().build().expect("client");
}
