//! Generated clients of corpus documents against Prism mocks of the same
//! documents: each call must be a request Prism accepts as the document describes
//! it (Prism answers 4xx to one it does not), and each answer Prism makes up from
//! the document must decode into the generated types.
//!
//! `scripts/build-corpus.sh` builds and runs these tests in the corpus workspace,
//! where every generated crate is a dependency. The documents are large ones and
//! small ones that Prism loads within seconds (it does not get through Stripe's or
//! GitHub's in minutes).

use std::time::Duration;

use tests::contract::{Prism, locate_or_install_prism};

/// Prism mocking `document` (a file in `tests/corpus/documents/`).
fn mock(document: &str) -> Prism {
    let bin = locate_or_install_prism().unwrap_or_else(|why| panic!("no Prism: {why}"));
    let args = vec![
        "mock".to_owned(),
        format!("tests/corpus/documents/{document}"),
    ];
    Prism::start(&bin, "corpus mock", &args, Duration::from_secs(120))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn oai_petstore_expanded_lists_adds_and_finds_pets() {
    use corpus_oai_petstore_expanded::{Client, types::NewPet};
    let prism = mock("oai-petstore-expanded.yaml");
    let client = Client::builder()
        .base_url(prism.base_url())
        .build()
        .expect("client");
    let tags = ["dog".to_owned()];
    let pets = client.find_pets().tags(&tags).limit(10).await;
    assert!(pets.is_ok(), "{pets:?}");
    let added = client.add_pet(&NewPet::new("Rex".to_owned())).await;
    assert!(added.is_ok(), "{added:?}");
    let found = client.find_pet_by_id(7).await;
    assert!(found.is_ok(), "{found:?}");
    let deleted = client.delete_pet(7).await;
    assert!(deleted.is_ok(), "{deleted:?}");
}

#[tokio::test]
async fn blockfrost_answers_decode_with_the_project_id_sent() {
    use corpus_blockfrost::Client;
    let prism = mock("blockfrost.yaml");
    let client = Client::builder()
        .base_url(prism.base_url())
        .access_token("mainnetExampleProjectId")
        .build()
        .expect("client");
    let health = client.get_health().await;
    assert!(health.is_ok(), "{health:?}");
    let block = client.get_blocks_latest().await;
    assert!(block.is_ok(), "{block:?}");
}

#[tokio::test]
async fn twilio_api_v2010_fetches_and_lists_accounts_with_basic_auth() {
    use corpus_twilio_api_v2010::Client;
    let prism = mock("twilio-api-v2010.json");
    let client = Client::builder()
        .base_url(prism.base_url())
        .basic_auth("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "secret")
        .build()
        .expect("client");
    let account = client
        .fetch_account("AC0123456789abcdef0123456789abcdef")
        .await;
    assert!(account.is_ok(), "{account:?}");
    let accounts = client
        .list_account()
        .friendly_name("main")
        .page_size(20)
        .await;
    assert!(accounts.is_ok(), "{accounts:?}");
}

#[tokio::test]
async fn oxide_nexus_policies_and_pools_decode() {
    use corpus_oxide_nexus::Client;
    let prism = mock("oxide-nexus.json");
    let client = Client::builder()
        .base_url(prism.base_url())
        .build()
        .expect("client");
    let policy = client.system_policy_view().await;
    assert!(policy.is_ok(), "{policy:?}");
    let pool = client.ip_pool_service_view().await;
    assert!(pool.is_ok(), "{pool:?}");
}

#[tokio::test]
async fn vault_system_endpoints_accept_the_requests() {
    use corpus_vault::Client;
    let prism = mock("vault.yaml");
    let client = Client::builder()
        .base_url(prism.base_url())
        .build()
        .expect("client");
    let health = client.get_sys_health().await;
    assert!(health.is_ok(), "{health:?}");
    let mounts = client.get_sys_mounts().await;
    assert!(mounts.is_ok(), "{mounts:?}");
}
