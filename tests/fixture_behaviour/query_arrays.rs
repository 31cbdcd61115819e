//! The `query_arrays` fixture: an exploded array gives one pair per item, an
//! unexploded one a single pair joined by `,`; optional ones only when given.

use fixture_query_arrays::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn query_of(call: impl AsyncFnOnce(&Client)) -> String {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/search"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .build()
        .expect("client");
    call(&client).await;
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 1);
    requests[0].url.query().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn exploded_arrays_repeat_the_name_and_joined_ones_do_not() {
    let tags = ["a b".to_owned(), "c&d".to_owned()];
    let query = query_of(async |client: &Client| {
        client
            .search(&tags)
            .ids(&[1, 2])
            .page(3)
            .await
            .expect("search");
    })
    .await;
    assert_eq!(query, "tag=a+b&tag=c%26d&ids=1%2C2&page=3");
}

#[tokio::test]
async fn optional_parameters_are_left_out_when_not_given() {
    let query = query_of(async |client: &Client| {
        client
            .search(&["x".to_owned()])
            .await
            .expect("search");
    })
    .await;
    assert_eq!(query, "tag=x");
}
