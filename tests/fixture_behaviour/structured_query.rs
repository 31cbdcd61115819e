//! The `structured_query` fixture: an object query parameter is sent as pairs, in
//! brackets for `deepObject` style, as keys of its own for `form` style.

use fixture_structured_query::Client;
use fixture_structured_query::types::{ListChargesCreated, ListChargesPage};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn object_parameters_become_pairs() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .build()
        .expect("client");
    let created = ListChargesCreated {
        gte: Some(1700000000),
        ..ListChargesCreated::default()
    };
    let page = ListChargesPage {
        limit: Some(10),
        ..ListChargesPage::default()
    };
    client
        .list_charges()
        .created(&created)
        .page(&page)
        .await
        .expect("list");
    client.list_charges().await.expect("list");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].url.query(), Some("created%5Bgte%5D=1700000000&limit=10"));
    assert_eq!(requests[1].url.query(), None);
}
