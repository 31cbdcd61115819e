//! Calls `getProjectGoals` on the base URL given as its argument and says how it
//! went. `tests/tests/client/adversarial.rs` runs it with proxy variables in its environment,
//! which a test cannot set in its own process without affecting the others.

use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let Some(base_url) = std::env::args().nth(1) else {
        eprintln!("usage: proxy-probe BASE_URL");
        return ExitCode::from(2);
    };
    let client = match pagesense_goals::Client::builder()
        .base_url(base_url)
        .access_token("probe-token")
        .retry_policy(pagesense_goals::RetryPolicy::never())
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    match client
        .get_project_goals("probe-portal", "probe-project")
        .await
    {
        Ok(_) => {
            println!("answered");
            ExitCode::SUCCESS
        }
        Err(error) => {
            println!("failed: {error}");
            ExitCode::FAILURE
        }
    }
}
