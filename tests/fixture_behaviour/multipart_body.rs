//! The `multipart_body` fixture: a multipart body has a part per property, files
//! with their bytes, file name and content type, and every attempt of a call
//! sends the whole form again.

use std::time::Duration;

use fixture_multipart_body::types::Upload;
use fixture_multipart_body::{Client, File, RetryPolicy};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn upload() -> Upload {
    let file = File::new(vec![0u8, 0xff, b'\r', b'\n'])
        .with_file_name("data.bin")
        .with_content_type("application/x-demo");
    let mut upload = Upload::new(file, "training".to_owned());
    upload.attachments = Some(vec![File::new("first"), File::new("second")]);
    upload.count = Some(3);
    upload.labels = Some([("team".to_owned(), "a".to_owned())].into_iter().collect());
    upload
}

/// The parts of a `multipart/form-data` body: each part's headers and bytes.
fn parts(content_type: &str, body: &[u8]) -> Vec<(String, Vec<u8>)> {
    let boundary = content_type
        .split("boundary=")
        .nth(1)
        .expect("the content type names its boundary");
    let delimiter = format!("--{boundary}");
    let mut found = Vec::new();
    let mut rest = body;
    while let Some(start) = find(rest, delimiter.as_bytes()) {
        rest = &rest[start + delimiter.len()..];
        if rest.starts_with(b"--") {
            break;
        }
        let end = find(rest, delimiter.as_bytes()).expect("every part ends at a delimiter");
        let part = &rest[2..end - 2];
        let split = find(part, b"\r\n\r\n").expect("a part has headers");
        let headers = String::from_utf8_lossy(&part[..split]).into_owned();
        found.push((headers, part[split + 4..].to_vec()));
        rest = &rest[end..];
    }
    found
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[tokio::test]
async fn a_multipart_body_has_a_part_per_property_and_files_keep_their_bytes() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().expect("client");
    client.upload("x", &upload()).await.expect("upload");

    let requests = server.received_requests().await.expect("recorded");
    let content_type = requests[0]
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(content_type.starts_with("multipart/form-data; boundary="), "{content_type}");
    let parts = parts(&content_type, &requests[0].body);
    let shown: Vec<(String, Vec<u8>)> = parts
        .into_iter()
        .map(|(headers, bytes)| (headers.replace("\r\n", " | "), bytes))
        .collect();
    let expected: Vec<(String, Vec<u8>)> = [
        (r#"Content-Disposition: form-data; name="attachments" | Content-Type: application/octet-stream"#, b"first".to_vec()),
        (r#"Content-Disposition: form-data; name="attachments" | Content-Type: application/octet-stream"#, b"second".to_vec()),
        (r#"Content-Disposition: form-data; name="count""#, b"3".to_vec()),
        (r#"Content-Disposition: form-data; name="file"; filename="data.bin" | Content-Type: application/x-demo"#, vec![0, 0xff, b'\r', b'\n']),
        (r#"Content-Disposition: form-data; name="labels" | Content-Type: application/json"#, br#"{"team":"a"}"#.to_vec()),
        (r#"Content-Disposition: form-data; name="purpose""#, b"training".to_vec()),
    ]
    .into_iter()
    .map(|(headers, bytes)| (headers.to_owned(), bytes))
    .collect();
    assert_eq!(shown, expected);
}

#[tokio::test]
async fn a_retried_attempt_sends_the_whole_form_again() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let retry = RetryPolicy::default()
        .with_max_attempts(2)
        .with_initial_backoff(Duration::from_millis(1));
    let client = Client::builder()
        .base_url(server.uri())
        .retry_policy(retry)
        .build()
        .expect("client");
    client.upload("x", &upload()).await.expect("upload after a retry");
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 2);
    let sent: Vec<Vec<(String, Vec<u8>)>> = requests
        .iter()
        .map(|r| {
            let content_type = r.headers.get("content-type").and_then(|v| v.to_str().ok());
            parts(content_type.unwrap_or_default(), &r.body)
        })
        .collect();
    assert_eq!(sent[0].len(), 6);
    assert_eq!(sent[0], sent[1], "the second attempt sends the same parts");
}
