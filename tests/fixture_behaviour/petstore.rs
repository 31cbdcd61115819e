//! The `petstore` fixture, a spec written for this purpose, end to end against a
//! local server: every operation, bearer auth, query arrays, path-level parameters,
//! header parameters, `default` and `4XX` error answers, PATCH with an explicit null.

use fixture_petstore::types::{NewPet, PetPatch, PetStatus};
use fixture_petstore::{Client, Error, Region, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PET: &str = r#"{"id":7,"name":"Rex","status":"available","owner":null,"born":"2020-01-02"}"#;

async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder()
        .base_url(server.uri())
        .access_token("pet-token")
        .retry_policy(RetryPolicy::never())
        .build()
        .expect("client");
    (server, client)
}

fn json_body(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_owned(), "application/json")
}

#[tokio::test]
async fn list_pets_sends_bearer_and_query_array() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/pets"))
        .and(header("authorization", "Bearer pet-token"))
        .and(query_param("limit", "10"))
        .respond_with(
            json_body(200, &format!(r#"{{"items":[{PET}],"labels":{{"a":"b"}}}}"#))
                .insert_header("x-next", "c2"),
        )
        .mount(&server)
        .await;
    let answer = client
        .list_pets()
        .limit(10)
        .status(&[PetStatus::Available, PetStatus::Sold])
        .with_response()
        .await
        .expect("list");
    assert_eq!(answer.headers()["x-next"], "c2");
    let page = answer.into_value();
    assert_eq!(page.items[0].id, 7);
    assert_eq!(page.items[0].owner, Some(None));
    assert_eq!(
        page.labels
            .as_ref()
            .and_then(|l| l.get("a"))
            .map(String::as_str),
        Some("b")
    );
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(
        requests[0].url.query(),
        Some("limit=10&status=available&status=sold")
    );
}

#[tokio::test]
async fn create_show_update_delete() {
    let (server, client) = setup().await;
    Mock::given(method("POST"))
        .and(path("/pets"))
        .and(body_json(json!({"name": "Rex", "status": "available"})))
        .respond_with(json_body(201, PET))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/pets/7"))
        .respond_with(json_body(200, PET))
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/pets/7"))
        .and(header("x-request-id", "r1"))
        .and(body_json(json!({"owner": null})))
        .respond_with(json_body(200, PET))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/pets/7"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;

    let mut new = NewPet::new("Rex".into());
    new.status = Some(PetStatus::Available);
    assert_eq!(client.create_pet(&new).await.expect("create").name, "Rex");
    assert_eq!(client.show_pet_by_id(7).await.expect("show").id, 7);
    let patch = PetPatch {
        owner: Some(None),
        ..Default::default()
    };
    client
        .update_pet(7, &patch)
        .x_request_id("r1")
        .await
        .expect("patch");
    client.delete_pet(7).await.expect("delete");
    assert_eq!(server.received_requests().await.map(|r| r.len()), Some(4));
}

#[tokio::test]
async fn default_and_range_error_answers_are_typed() {
    let (server, client) = setup().await;
    Mock::given(method("GET"))
        .and(path("/pets/9"))
        .respond_with(json_body(404, r#"{"code":404,"message":"no such pet"}"#))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/pets"))
        .respond_with(json_body(422, r#"{"code":7,"message":"bad name"}"#))
        .mount(&server)
        .await;
    let Err(Error::Api(missing)) = client.show_pet_by_id(9).await else {
        panic!("a 404 was not an API error")
    };
    assert_eq!(
        missing.body().map(|b| b.message.as_str()),
        Some("no such pet")
    );
    let Err(Error::Api(bad)) = client.create_pet(&NewPet::new("x".into())).await else {
        panic!("a 422 was not an API error")
    };
    assert_eq!(bad.status().as_u16(), 422);
    assert_eq!(bad.body().map(|b| b.code), Some(7));
}

#[tokio::test]
async fn constraints_are_checked_before_sending() {
    let (server, client) = setup().await;
    let Err(Error::Invalid { violations, .. }) =
        client.create_pet(&NewPet::new(String::new())).await
    else {
        panic!("an empty name was sent");
    };
    assert_eq!(violations[0].field, ".name");
    assert_eq!(server.received_requests().await.map(|r| r.len()), Some(0));
}

#[test]
fn servers_come_from_the_spec() {
    assert_eq!(Region::default(), Region::Europe);
    assert_eq!(Region::America.base_url(), "https://us.petstore.example/v1");
}
