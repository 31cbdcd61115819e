//! The `raw_bodies` fixture: text and bytes go out as given with their content
//! type, text and binary answers come back as `String` and `Bytes`, a 2xx
//! without a body reads as `None` where another 2xx has one, and answers whose
//! bodies differ by status come as the variant of their status.

use fixture_raw_bodies::types::GetStatsAnswer;
use fixture_raw_bodies::{Client, Error};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .build()
        .expect("client")
}

fn header<'r>(request: &'r wiremock::Request, name: &str) -> Option<&'r str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

fn content_type(request: &wiremock::Request) -> Option<&str> {
    header(request, "content-type")
}

fn accept(request: &wiremock::Request) -> Option<&str> {
    header(request, "accept")
}

#[tokio::test]
async fn text_goes_out_and_comes_back_as_text() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/notes"))
        .respond_with(ResponseTemplate::new(200).set_body_string("stored: café"))
        .mount(&server)
        .await;
    let answer = client_for(&server).await.put_note("café").await;
    assert_eq!(answer.ok().as_deref(), Some("stored: café"));
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(content_type(&requests[0]), Some("text/plain"));
    assert_eq!(requests[0].body, "café".as_bytes());
    assert_eq!(accept(&requests[0]), Some("text/plain"), "asks for the answer's type");
}

#[tokio::test]
async fn a_text_answer_that_is_not_utf8_is_a_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![0xff, 0xfe]))
        .mount(&server)
        .await;
    let answer = client_for(&server).await.put_note(String::from("x")).await;
    assert!(matches!(answer, Err(Error::Decode { .. })), "{answer:?}");
}

#[tokio::test]
async fn bytes_go_out_and_come_back_as_sent() {
    let server = MockServer::start().await;
    let file: Vec<u8> = (0..=255).collect();
    Mock::given(method("GET"))
        .and(path("/files/a%20b"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(file.clone()))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = client_for(&server).await;
    client.upload_file("a b", file.clone()).await.expect("upload");
    let downloaded = client.download_file("a b").await.expect("download");
    assert_eq!(downloaded.as_ref(), &file[..]);
    let requests = server.received_requests().await.expect("recorded");
    let upload = requests.iter().find(|r| r.method.as_str() == "PUT").expect("upload sent");
    assert_eq!(content_type(upload), Some("application/octet-stream"));
    assert_eq!(upload.body, file);
    assert_eq!(accept(upload), Some("application/json"), "no answer body: the default");
    let download = requests.iter().find(|r| r.method.as_str() == "GET").expect("download sent");
    assert_eq!(accept(download), Some("application/octet-stream"));
    assert_eq!(download.headers.get_all("accept").iter().count(), 1);
}

#[tokio::test]
async fn a_text_error_answer_is_kept_raw() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_string("no such file"))
        .mount(&server)
        .await;
    let answer = client_for(&server).await.download_file("gone").await;
    let Err(Error::Api(error)) = answer else {
        panic!("expected Error::Api, got {answer:?}");
    };
    assert_eq!(error.status().as_u16(), 404);
    assert_eq!(error.raw_body(), "no such file");
}

#[tokio::test]
async fn a_media_range_is_sent_as_octet_stream_and_an_absent_body_not_at_all() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let client = client_for(&server).await;
    client.add_image().body(vec![1u8, 2]).await.expect("with a body");
    client.add_image().await.expect("without one");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(content_type(&requests[0]), Some("application/octet-stream"));
    assert_eq!(requests[0].body, [1, 2]);
    assert_eq!(content_type(&requests[1]), None);
    assert!(requests[1].body.is_empty());
}

#[tokio::test]
async fn an_answer_without_a_body_is_none_and_one_with_a_body_is_decoded() {
    let server = MockServer::start().await;
    Mock::given(path("/jobs/1"))
        .respond_with(ResponseTemplate::new(202))
        .mount(&server)
        .await;
    Mock::given(path("/jobs/2"))
        .respond_with(ResponseTemplate::new(200).set_body_string(r#"{"id": 2}"#))
        .mount(&server)
        .await;
    let client = client_for(&server).await;
    let running = client.get_job(1).with_response().await.expect("running");
    assert_eq!(running.status().as_u16(), 202);
    assert!(running.value().is_none());
    let done = client.get_job(2).await.expect("done");
    assert_eq!(done.map(|job| job.id), Some(2));
}

#[tokio::test]
async fn answers_that_differ_by_status_come_as_their_variant() {
    let server = MockServer::start().await;
    let answers = [
        ("/stats/done", ResponseTemplate::new(200).set_body_string("[1, 2]")),
        (
            "/stats/busy",
            ResponseTemplate::new(202).set_body_string(r#"{"status": "computing"}"#),
        ),
        ("/stats/none", ResponseTemplate::new(204)),
        ("/stats/odd", ResponseTemplate::new(299).set_body_string("[3]")),
    ];
    for (at, answer) in answers {
        Mock::given(path(at)).respond_with(answer).mount(&server).await;
    }
    let client = client_for(&server).await;
    let done = client.get_stats("done").await.expect("done");
    assert_eq!(done, GetStatsAnswer::Ok(vec![1, 2]));
    let busy = client.get_stats("busy").await.expect("busy");
    let GetStatsAnswer::Accepted(body) = busy else {
        panic!("expected Accepted, got {busy:?}");
    };
    assert_eq!(body.status.as_deref(), Some("computing"));
    let none = client.get_stats("none").with_response().await.expect("none");
    assert_eq!(none.status().as_u16(), 204);
    assert_eq!(none.value(), &GetStatsAnswer::NoContent);
    // A 2xx the spec does not list is read as its first answer.
    let odd = client.get_stats("odd").await.expect("odd");
    assert_eq!(odd, GetStatsAnswer::Ok(vec![3]));
}
