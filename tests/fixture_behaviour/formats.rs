//! The `formats` fixture: `date-time`, `date` and `uuid` are chrono's and uuid's
//! types, written as RFC 3339 in parameters and bodies, read with their offset
//! (RFC 2822 too), and an answer that does not parse is a decode error naming the
//! field.

use chrono::{DateTime, NaiveDate};
use fixture_formats::types::Event;
use fixture_formats::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ID: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";

fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .build()
        .expect("client")
}

async fn serving(status: u16, body: &str) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(path(format!("/events/{ID}")))
        .respond_with(ResponseTemplate::new(status).set_body_string(body))
        .mount(&server)
        .await;
    let client = client_for(&server);
    (server, client)
}

#[tokio::test]
async fn answers_decode_into_chrono_and_uuid_keeping_the_offset() {
    let body = format!(
        r#"{{"id": "{ID}", "at": "2024-05-06T07:08:09.5+02:00", "ends": "Thu, 30 Jul 2015 20:00:00 +0000", "day": "2024-02-29"}}"#
    );
    let (_server, client) = serving(200, &body).await;
    let id = uuid::Uuid::parse_str(ID).expect("a uuid");
    let event = client.get_event(id).await.expect("decoded");
    assert_eq!(event.id, id);
    assert_eq!(event.at.to_rfc3339(), "2024-05-06T07:08:09.500+02:00");
    assert_eq!(
        event.ends.map(|t| t.timestamp()),
        Some(1_438_286_400),
        "RFC 2822 is read too"
    );
    assert_eq!(event.day, NaiveDate::from_ymd_opt(2024, 2, 29));
}

#[tokio::test]
async fn a_date_time_that_does_not_parse_is_a_decode_error_naming_the_field() {
    let body = format!(r#"{{"id": "{ID}", "at": "yesterday"}}"#);
    let (_server, client) = serving(200, &body).await;
    let id = uuid::Uuid::parse_str(ID).expect("a uuid");
    let answer = client.get_event(id).await;
    let Err(Error::Decode { path, message, .. }) = &answer else {
        panic!("expected a decode error, got {answer:?}");
    };
    assert_eq!(path, "at");
    assert!(message.contains("`yesterday` is not an RFC 3339"), "{message}");
}

#[tokio::test]
async fn parameters_and_bodies_are_written_as_rfc_3339() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(format!(
            r#"{{"id": "{ID}", "at": "2024-01-01T00:00:00Z"}}"#
        )))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = client_for(&server);
    let id = uuid::Uuid::parse_str(ID).expect("a uuid");
    let since = DateTime::parse_from_rfc3339("2024-05-06T07:08:09+02:00").expect("a time");
    let days = [
        NaiveDate::from_ymd_opt(2024, 1, 2).expect("a day"),
        NaiveDate::from_ymd_opt(2024, 1, 3).expect("a day"),
    ];
    client
        .get_event(id)
        .since(since)
        .days(&days)
        .await
        .expect("got");
    client
        .put_event(id, &Event::new(id, since))
        .await
        .expect("put");

    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests[0].url.path(), format!("/events/{ID}"));
    assert_eq!(
        requests[0].url.query(),
        Some("since=2024-05-06T07%3A08%3A09%2B02%3A00&days=2024-01-02&days=2024-01-03")
    );
    let sent: serde_json::Value = serde_json::from_slice(&requests[1].body).expect("JSON");
    assert_eq!(
        sent,
        serde_json::json!({"id": ID, "at": "2024-05-06T07:08:09+02:00"})
    );
}
