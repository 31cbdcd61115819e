//! The `constraints` fixture's client checks the spec's constraints before sending,
//! and keeps "absent" apart from `null` for optional nullable fields.

use fixture_constraints::types::{Contact, Signup};
use fixture_constraints::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn valid() -> Signup {
    let mut signup = Signup::new(
        "Ada".into(),
        36,
        vec!["x".into()],
        Contact::new("a@b.c".into()),
    );
    signup.code = Some("ABC".into());
    signup.score = Some(0.5);
    signup
}

async fn server() -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/signups"))
        .respond_with(ResponseTemplate::new(201).set_body_raw(
            r#"{"name":"Ada","age":36,"tags":["x"],"contact":{"email":"a@b.c"},"note":null}"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .build()
        .expect("client");
    (server, client)
}

#[tokio::test]
async fn a_valid_body_is_sent() {
    let (server, client) = server().await;
    let answer = client.create_signup(&valid()).await.expect("valid body");
    assert_eq!(answer.name, "Ada");
    assert_eq!(answer.note, None);
    assert_eq!(server.received_requests().await.map(|r| r.len()), Some(1));
}

#[tokio::test]
async fn every_broken_constraint_is_reported_and_nothing_is_sent() {
    let (server, client) = server().await;
    let mut signup = valid();
    signup.name = "A".into();
    signup.code = Some("abc".into());
    signup.age = 17;
    signup.score = Some(1.0);
    signup.tags = vec![];
    signup.contact.email = "ab".into();
    let Err(Error::Invalid {
        operation,
        violations,
    }) = client.create_signup(&signup).await
    else {
        panic!("a body breaking constraints was accepted");
    };
    assert_eq!(operation, "createSignup");
    let fields: Vec<&str> = violations.iter().map(|v| v.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            ".name",
            ".code",
            ".age",
            ".score",
            ".tags",
            ".contact.email"
        ]
    );
    let text = Error::Invalid {
        operation,
        violations,
    }
    .to_string();
    assert!(
        text.contains("`.age` is 17; the spec allows at least 18 and at most 130"),
        "{text}"
    );
    assert!(
        text.contains("`.code` does not match the pattern `^[A-Z]{3}$`"),
        "{text}"
    );
    assert_eq!(server.received_requests().await.map(|r| r.len()), Some(0));
}

#[test]
fn optional_nullable_fields_keep_absent_apart_from_null() {
    let mut signup = valid();
    let absent = serde_json::to_value(&signup).expect("json");
    assert!(absent.get("referrer").is_none(), "{absent}");
    assert_eq!(
        absent.get("note"),
        Some(&serde_json::Value::Null),
        "required nullable is written"
    );
    signup.referrer = Some(None);
    let cleared = serde_json::to_value(&signup).expect("json");
    assert_eq!(cleared.get("referrer"), Some(&serde_json::Value::Null));
    let read: Signup = serde_json::from_value(cleared).expect("read back");
    assert_eq!(read.referrer, Some(None));
    let read: Signup = serde_json::from_value(absent).expect("read back");
    assert_eq!(read.referrer, None);
}
