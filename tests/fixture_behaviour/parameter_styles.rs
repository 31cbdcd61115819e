//! The `parameter_styles` fixture: path and header parameters that are lists or
//! objects are written in their `style`, each value escaped but not the style's
//! delimiters; cookies share one `Cookie` header.

use fixture_parameter_styles::Client;
use fixture_parameter_styles::types::Point;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The path with its query, and the headers, of the one request `call` makes.
async fn sent<F, Fut>(call: F) -> (String, wiremock::http::HeaderMap)
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = Result<(), fixture_parameter_styles::Error>>,
{
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .build()
        .expect("client");
    call(client).await.expect("call");
    let requests = server.received_requests().await.expect("recorded");
    let url = &requests[0].url;
    let query = url.query().map(|q| format!("?{q}")).unwrap_or_default();
    (format!("{}{query}", url.path()), requests[0].headers.clone())
}

fn header<'h>(headers: &'h wiremock::http::HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn simple_style_joins_with_commas_in_paths_and_headers() {
    let point = Point::new(3, 4);
    let tags = ["a b".to_owned(), "c".to_owned()];
    let (path, headers) = sent(|c| async move {
        c.get_simple(&[1, 2], &point, 2, 9, "s;1")
            .x_tags(&tags)
            .theme("dark")
            .await
    })
    .await;
    assert_eq!(path, "/simple/1,2?page=2");
    assert_eq!(header(&headers, "x-tags"), Some("a b,c"));
    assert_eq!(header(&headers, "x-point"), Some("x=3,y=4"));
    assert_eq!(header(&headers, "x-count"), Some("9"));
    assert_eq!(
        headers.get_all("cookie").iter().count(),
        1,
        "one Cookie header: {headers:?}"
    );
    assert_eq!(header(&headers, "cookie"), Some("session=s%3B1; theme=dark"));
}

#[tokio::test]
async fn optional_headers_and_cookies_left_out_are_not_sent() {
    let point = Point::new(0, 0);
    let (_, headers) =
        sent(|c| async move { c.get_simple(&[7], &point, 1, 0, "s").await }).await;
    assert_eq!(header(&headers, "x-tags"), None);
    assert_eq!(header(&headers, "cookie"), Some("session=s"));
}

#[tokio::test]
async fn label_style_puts_a_dot_before_each_value_and_escapes_the_values() {
    let point = Point::new(3, 4);
    let ids = ["a/b".to_owned(), "c".to_owned()];
    let (path, _) = sent(|c| async move { c.get_label(&ids, &point).await }).await;
    assert_eq!(path, "/label/.a%2Fb.c/.x,3,y,4");
}

#[tokio::test]
async fn matrix_style_names_each_value() {
    let ids = ["a".to_owned(), "b".to_owned()];
    let (path, _) = sent(|c| async move { c.get_matrix(5, &ids).await }).await;
    assert_eq!(path, "/matrix/;id=5/;ids=a;ids=b");
}

#[tokio::test]
async fn content_parameters_are_sent_as_json_or_plain_text_escaped_where_they_go() {
    let point = Point::new(3, 4);
    let filter = Point::new(-1, 0);
    let prefs = [1, 2];
    let (path, headers) = sent(|c| async move {
        c.get_json(&point, "a b", "hi")
            .filter(&filter)
            .prefs(&prefs)
            .await
    })
    .await;
    assert_eq!(
        path,
        "/json/%7B%22x%22%3A3%2C%22y%22%3A4%7D?note=hi&filter=%7B%22x%22%3A-1%2C%22y%22%3A0%7D"
    );
    assert_eq!(header(&headers, "x-label"), Some("\"a b\""));
    assert_eq!(header(&headers, "cookie"), Some("prefs=[1%2C2]"));
}

#[tokio::test]
async fn cookie_lists_and_objects_are_sent_in_the_form_style() {
    let color = Point::new(100, 200);
    let ids = [3, 4];
    let (_, headers) = sent(|c| async move { c.get_cookies(&ids, &color).await }).await;
    assert_eq!(
        header(&headers, "cookie"),
        Some("id=3; id=4; color=x,100,y,200"),
        "an exploded list a cookie per item, an object not exploded one cookie"
    );
}
