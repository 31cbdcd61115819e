//! The `form_body` fixture: a form body is written as `key=value` pairs, arrays as
//! repeated keys and nested objects in brackets, with its content type.

use fixture_form_body::Client;
use fixture_form_body::types::SendMessageBody;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn a_form_body_is_sent_urlencoded() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .build()
        .expect("client");
    let mut body = SendMessageBody::new("+15550100".to_owned(), "Hello & bye".to_owned());
    body.status_callback_event = Some(vec!["sent".to_owned(), "failed".to_owned()]);
    body.metadata = Some([("order".to_owned(), "7".to_owned())].into_iter().collect());
    client.send_message(&body).await.expect("send");

    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(
        requests[0].headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/x-www-form-urlencoded")
    );
    // The order of the keys is serde_json's; what counts is the pairs.
    let body = String::from_utf8_lossy(&requests[0].body).into_owned();
    let mut pairs: Vec<&str> = body.split('&').collect();
    pairs.sort_unstable();
    assert_eq!(
        pairs,
        [
            "Body=Hello+%26+bye",
            "StatusCallbackEvent=failed",
            "StatusCallbackEvent=sent",
            "To=%2B15550100",
            "metadata%5Border%5D=7",
        ]
    );
    assert!(
        body.find("StatusCallbackEvent=sent") < body.find("StatusCallbackEvent=failed"),
        "an array keeps its order: {body}"
    );
}
