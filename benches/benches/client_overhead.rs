//! Client overhead: every operation of the generated `pagesense-goals` client against
//! a local in-process HTTP server (hyper on 127.0.0.1), next to a hand-written reqwest
//! call that sends the same request (method, URL, `Accept`,
//! `Authorization: Zoho-oauthtoken …`, JSON body, the same timeouts) and decodes the
//! answer into the same types.
//!
//! ```sh
//! cargo bench -p benches --bench client_overhead            # all four parts
//! cargo bench -p benches --bench client_overhead -- --quick # criterion's quick mode
//! ```
//!
//! Four parts, in this order:
//! 1. allocations per call (a counting global allocator, client thread only), against
//!    a server on another thread so that its allocations are not counted;
//! 2. a paired, alternating run against a server on the client's own thread: rounds
//!    of `BATCH` calls of one side then the other (the order flips every round),
//!    giving the ratio generated / hand-written per round, so drift cancels out;
//! 3. the steps the generated client takes and a hand-written call does not, each
//!    alone (allocations and time per step): JSON decoding with
//!    `serde_path_to_error` (now only to explain a failed decoding), the token source,
//!    the credential header built per call, the answer's headers kept (a clone before
//!    fe78ce5, taken since), the envelope check;
//! 4. criterion, one group per operation, against the same-thread server.
//!
//! Parts 1 to 3 print Markdown and write `target/bench-results/client-overhead.json`.
//! Both sides pay the counting allocator's small cost (a thread-local check).

use std::convert::Infallible;
use std::future::Future;
use std::hint::black_box;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use bytes::Bytes;
use criterion::Criterion;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Incoming;
use hyper::{Method, Request, Response};
use hyper_util::rt::TokioIo;
use pagesense_goals::types::{
    CreateCustomEventRequest, CreateProjectGoalRequest, CustomEventInput, CustomEventsResponse,
    GoalType, ProjectGoalInput, ProjectGoalUpdate, ProjectGoalsResponse, UpdateProjectGoalRequest,
};
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderValue};

use benches::alloc_count::{self, Counting};

#[global_allocator]
static ALLOC: Counting = Counting;

const TOKEN: &str = "1000.bench-access-token";
const PORTAL: &str = "my-portal";
const PROJECT: &str = "website-performance-project";
const GOAL: &str = "time-spent";
/// Calls of one side in a round of the paired run.
const BATCH: usize = 100;
/// Rounds of the paired run (each round runs both sides).
const ROUNDS: usize = 60;
/// Calls whose allocations are counted, per side and operation.
const COUNTED_CALLS: u64 = 200;

// Answers of the fake server: the spec's examples.
const GOALS_ANSWER: &str = r##"{"status_code":"10000","status_string":"All resource were processed successfully.","timeTakenToProcessTheRequest":"83 ms","count":2,"projectgoals":[{"display_name":"Engaged Reader","element_css_selector":"","goal_status":2,"goal_type":8,"goal_url":"https://example-blog.com/articles/performance-optimization","linkname":"time-spent"},{"display_name":"Signup Button Click","element_css_selector":"#signup-button","goal_status":2,"goal_type":4,"goal_url":"https://example-blog.com/pricing","linkname":"signup-button-click"}]}"##;
const EVENTS_ANSWER: &str = r#"{"status_code":"10000","status_string":"All resource were processed successfully.","timeTakenToProcessTheRequest":"47 ms","count":1,"customevents":[{"event_id":2000000027087,"event_name":"PremiumSignupCTA","linkname":"premiumsignupcta"}]}"#;

fn or_exit<T, E: std::fmt::Display>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(value) => value,
        Err(error) => {
            eprintln!("{what}: {error}");
            std::process::exit(1)
        }
    }
}

// ---------------------------------------------------------------------------
// The server: hyper HTTP/1.1 with keep-alive on its own thread and runtime.

async fn answer(request: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let path = request.uri().path().to_owned();
    // Read the body, as a real server would, so the connection stays reusable.
    let _ = request.into_body().collect().await;
    let body = if path.contains("/customevents") {
        EVENTS_ANSWER
    } else if path.contains("/projectgoals/") {
        GOALS_ANSWER
    } else {
        let mut response = Response::new(Full::new(Bytes::from_static(b"{}")));
        *response.status_mut() = hyper::StatusCode::NOT_FOUND;
        return Ok(response);
    };
    let mut response = Response::new(Full::new(Bytes::from_static(body.as_bytes())));
    response.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(response)
}

/// Serves `listener` until the process ends.
async fn serve(listener: std::net::TcpListener) {
    let listener = or_exit(tokio::net::TcpListener::from_std(listener), "listener");
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), hyper::service::service_fn(answer))
                .await;
        });
    }
}

fn listen() -> (std::net::TcpListener, SocketAddr) {
    let listener = or_exit(
        std::net::TcpListener::bind("127.0.0.1:0"),
        "binding 127.0.0.1",
    );
    let address = or_exit(listener.local_addr(), "local address");
    or_exit(listener.set_nonblocking(true), "non-blocking listener");
    (listener, address)
}

/// A server on a thread and runtime of its own: its allocations are not counted
/// with the client's (part 1).
fn start_server_thread() -> SocketAddr {
    let (listener, address) = listen();
    let spawned = std::thread::Builder::new()
        .name("bench-server".to_owned())
        .spawn(move || {
            let runtime = or_exit(
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build(),
                "server runtime",
            );
            runtime.block_on(serve(listener));
        });
    or_exit(spawned, "server thread");
    address
}

/// A server on the client's own current-thread runtime (parts 2 and 4). On a virtual
/// machine a request that crosses to another thread waits for that core to wake up,
/// tens of microseconds that vary from call to call and drown the client's own cost;
/// on one thread, the server's task runs as soon as the client waits for its answer.
fn start_server_on(runtime: &tokio::runtime::Runtime) -> SocketAddr {
    let (listener, address) = listen();
    // Entering the runtime lets `serve` register its listener with this runtime.
    let _guard = runtime.enter();
    runtime.spawn(serve(listener));
    address
}

// ---------------------------------------------------------------------------
// The two sides.

/// The bodies sent, built once.
struct Bodies {
    create_goal: CreateProjectGoalRequest,
    update_goal: UpdateProjectGoalRequest,
    create_event: CreateCustomEventRequest,
}

fn bodies() -> Bodies {
    let mut goal = ProjectGoalInput::new(
        "Engaged Reader".to_owned(),
        GoalType::TimeSpentGoal,
        PROJECT.to_owned(),
    );
    goal.time_threshold = Some(30);
    goal.goal_url = Some("https://example-blog.com/articles/performance-optimization".to_owned());
    let mut update = ProjectGoalUpdate::new(PROJECT.to_owned());
    update.display_name = Some("Deeply Engaged Reader".to_owned());
    update.time_threshold = Some(60);
    Bodies {
        create_goal: CreateProjectGoalRequest::new(goal),
        update_goal: UpdateProjectGoalRequest::new(update),
        create_event: CreateCustomEventRequest::new(CustomEventInput::new(
            "PremiumSignupCTA".to_owned(),
            "saas-growth-project".to_owned(),
        )),
    }
}

/// What a careful hand-written client keeps: one reqwest client with the same
/// timeouts as the generated client's defaults, the base URL and the credential
/// header built once.
struct HandWritten {
    http: reqwest::Client,
    base: String,
    auth: HeaderValue,
}

impl HandWritten {
    fn new(base: String) -> Self {
        let http = or_exit(
            reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(10))
                .timeout(Duration::from_secs(30))
                .build(),
            "reqwest client",
        );
        let mut auth = or_exit(
            HeaderValue::from_str(&format!("Zoho-oauthtoken {TOKEN}")),
            "token header",
        );
        auth.set_sensitive(true);
        Self { http, base, auth }
    }

    fn request(&self, method: Method, url: String) -> reqwest::RequestBuilder {
        self.http
            .request(method, url)
            .header(ACCEPT, "application/json")
            .header(AUTHORIZATION, self.auth.clone())
    }

    async fn goals(
        &self,
        method: Method,
        goal: &str,
        body: Option<&impl serde::Serialize>,
    ) -> reqwest::Result<ProjectGoalsResponse> {
        let url = format!("{}/portal/{PORTAL}/projectgoals/{goal}", self.base);
        let mut request = self.request(method, url);
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await?.error_for_status()?.json().await
    }

    async fn list_events(&self) -> reqwest::Result<CustomEventsResponse> {
        let url = format!("{}/portal/{PORTAL}/customevents", self.base);
        self.request(Method::GET, url)
            .query(&[("project_linkname", PROJECT)])
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }

    async fn create_event(
        &self,
        body: &CreateCustomEventRequest,
    ) -> reqwest::Result<CustomEventsResponse> {
        let url = format!("{}/portal/{PORTAL}/customevents", self.base);
        self.request(Method::POST, url)
            .json(body)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await
    }
}

/// Everything both sides need.
struct Fixture {
    generated: pagesense_goals::Client,
    hand: HandWritten,
    bodies: Bodies,
}

/// The operations, in the spec's order.
const OPERATIONS: [&str; 6] = [
    "createProjectGoal",
    "getProjectGoals",
    "updateProjectGoal",
    "deleteProjectGoal",
    "createCustomEvent",
    "listCustomEvents",
];

/// One call of the generated client; `true` when it succeeded as expected.
async fn generated_call(f: &Fixture, operation: &str) -> bool {
    let c = &f.generated;
    let b = &f.bodies;
    match operation {
        "createProjectGoal" => c
            .create_project_goal(PORTAL, PROJECT, &b.create_goal)
            .await
            .is_ok(),
        "getProjectGoals" => c.get_project_goals(PORTAL, PROJECT).await.is_ok(),
        "updateProjectGoal" => c
            .update_project_goal(PORTAL, GOAL, &b.update_goal)
            .await
            .is_ok(),
        "deleteProjectGoal" => c.delete_project_goal(PORTAL, GOAL).await.is_ok(),
        "createCustomEvent" => c.create_custom_event(PORTAL, &b.create_event).await.is_ok(),
        "listCustomEvents" => c.list_custom_events(PORTAL, PROJECT).await.is_ok(),
        _ => false,
    }
}

/// One hand-written call doing the same request and decoding.
async fn hand_call(f: &Fixture, operation: &str) -> bool {
    let h = &f.hand;
    let b = &f.bodies;
    let none: Option<&()> = None;
    match operation {
        "createProjectGoal" => h
            .goals(Method::POST, PROJECT, Some(&b.create_goal))
            .await
            .is_ok(),
        "getProjectGoals" => h.goals(Method::GET, PROJECT, none).await.is_ok(),
        "updateProjectGoal" => h
            .goals(Method::PUT, GOAL, Some(&b.update_goal))
            .await
            .is_ok(),
        "deleteProjectGoal" => h.goals(Method::DELETE, GOAL, none).await.is_ok(),
        "createCustomEvent" => h.create_event(&b.create_event).await.is_ok(),
        "listCustomEvents" => h.list_events().await.is_ok(),
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Generated,
    Hand,
}

impl Side {
    async fn call(self, f: &Fixture, operation: &str) -> bool {
        match self {
            Side::Generated => generated_call(f, operation).await,
            Side::Hand => hand_call(f, operation).await,
        }
    }
}

// ---------------------------------------------------------------------------
// Part 1: allocations per call.

struct AllocRow {
    operation: &'static str,
    generated: alloc_count::Counts,
    hand: alloc_count::Counts,
}

fn count_allocations(rt: &tokio::runtime::Runtime, f: &Fixture) -> Vec<AllocRow> {
    let per_side = |side: Side, operation: &'static str| {
        // Warm the connection pool and lazily built statics first.
        for _ in 0..20 {
            rt.block_on(side.call(f, operation));
        }
        let (ok, counts) = alloc_count::measure(|| {
            let mut ok = true;
            for _ in 0..COUNTED_CALLS {
                ok &= rt.block_on(side.call(f, operation));
            }
            ok
        });
        if !ok {
            eprintln!("{operation}: a call failed while counting allocations");
            std::process::exit(1);
        }
        counts
    };
    OPERATIONS
        .iter()
        .map(|&operation| AllocRow {
            operation,
            generated: per_side(Side::Generated, operation),
            hand: per_side(Side::Hand, operation),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Part 2: the paired, alternating run.

struct PairedRow {
    operation: &'static str,
    /// Mean µs per call of each round, per side.
    generated_us: Vec<f64>,
    hand_us: Vec<f64>,
    /// generated / hand-written, per round.
    ratios: Vec<f64>,
}

fn paired(rt: &tokio::runtime::Runtime, f: &Fixture) -> Vec<PairedRow> {
    let batch = |side: Side, operation: &str| {
        let started = Instant::now();
        rt.block_on(async {
            for _ in 0..BATCH {
                if !side.call(f, operation).await {
                    eprintln!("{operation}: a call failed in the paired run");
                    std::process::exit(1);
                }
            }
        });
        started.elapsed().as_secs_f64() * 1e6 / BATCH as f64
    };
    OPERATIONS
        .iter()
        .map(|&operation| {
            // Warm-up: one round of each side, not kept.
            batch(Side::Generated, operation);
            batch(Side::Hand, operation);
            let mut row = PairedRow {
                operation,
                generated_us: Vec::new(),
                hand_us: Vec::new(),
                ratios: Vec::new(),
            };
            for round in 0..ROUNDS {
                let (generated, hand) = if round % 2 == 0 {
                    let g = batch(Side::Generated, operation);
                    (g, batch(Side::Hand, operation))
                } else {
                    let h = batch(Side::Hand, operation);
                    (batch(Side::Generated, operation), h)
                };
                row.generated_us.push(generated);
                row.hand_us.push(hand);
                row.ratios.push(generated / hand);
            }
            row
        })
        .collect()
}

/// Median, first and third quartiles (linear interpolation).
fn quartiles(values: &[f64]) -> (f64, f64, f64) {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let position = q * (sorted.len() - 1) as f64;
        let low = position.floor() as usize;
        let high = position.ceil() as usize;
        sorted[low] + (sorted[high] - sorted[low]) * (position - low as f64)
    };
    (at(0.5), at(0.25), at(0.75))
}

fn report(allocs: &[AllocRow], pairs: &[PairedRow], steps: &str) {
    println!("\n## Allocations per call (mean of {COUNTED_CALLS} calls, client thread)\n");
    println!(
        "| operation | generated: allocations | hand-written: allocations | extra | generated: bytes | hand-written: bytes |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    let per_call = |n: u64| n as f64 / COUNTED_CALLS as f64;
    let mut json_rows = Vec::new();
    for (a, p) in allocs.iter().zip(pairs) {
        let (g, h) = (
            per_call(a.generated.allocations()),
            per_call(a.hand.allocations()),
        );
        println!(
            "| {} | {g:.1} | {h:.1} | {:+.1} | {:.0} | {:.0} |",
            a.operation,
            g - h,
            per_call(a.generated.bytes_allocated),
            per_call(a.hand.bytes_allocated),
        );
        let (gm, gq1, gq3) = quartiles(&p.generated_us);
        let (hm, hq1, hq3) = quartiles(&p.hand_us);
        let (rm, rq1, rq3) = quartiles(&p.ratios);
        json_rows.push(format!(
            "{{\"operation\":\"{}\",\"generated_allocations_per_call\":{g:.2},\"hand_allocations_per_call\":{h:.2},\"generated_bytes_per_call\":{:.1},\"hand_bytes_per_call\":{:.1},\"generated_us\":{{\"median\":{gm:.2},\"q1\":{gq1:.2},\"q3\":{gq3:.2}}},\"hand_us\":{{\"median\":{hm:.2},\"q1\":{hq1:.2},\"q3\":{hq3:.2}}},\"ratio\":{{\"median\":{rm:.4},\"q1\":{rq1:.4},\"q3\":{rq3:.4}}},\"rounds\":{ROUNDS},\"batch\":{BATCH}}}",
            a.operation,
            per_call(a.generated.bytes_allocated),
            per_call(a.hand.bytes_allocated),
        ));
    }
    println!(
        "\n## Time per call, paired alternating run ({ROUNDS} rounds × {BATCH} calls a side; median [Q1–Q3])\n"
    );
    println!("| operation | generated (µs) | hand-written (µs) | generated / hand-written |");
    println!("| --- | ---: | ---: | ---: |");
    for p in pairs {
        let (gm, gq1, gq3) = quartiles(&p.generated_us);
        let (hm, hq1, hq3) = quartiles(&p.hand_us);
        let (rm, rq1, rq3) = quartiles(&p.ratios);
        println!(
            "| {} | {gm:.1} [{gq1:.1}–{gq3:.1}] | {hm:.1} [{hq1:.1}–{hq3:.1}] | {rm:.3} [{rq1:.3}–{rq3:.3}] |",
            p.operation
        );
    }
    let all: Vec<f64> = pairs
        .iter()
        .flat_map(|p| p.ratios.iter().copied())
        .collect();
    let (rm, rq1, rq3) = quartiles(&all);
    println!("| all operations | | | {rm:.3} [{rq1:.3}–{rq3:.3}] |");

    let dir = benches::results_dir();
    let path = dir.join("client-overhead.json");
    let json = format!(
        "{{\"all_ratio\":{{\"median\":{rm:.4},\"q1\":{rq1:.4},\"q3\":{rq3:.4}}},\"operations\":[\n  {}\n],\"steps\":[\n  {steps}\n]}}\n",
        json_rows.join(",\n  ")
    );
    if let Err(error) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, json)) {
        eprintln!("writing {}: {error}", path.display());
        std::process::exit(1);
    }
    println!("\nwritten: {}\n", path.display());
}

// ---------------------------------------------------------------------------
// Part 3: the generated client's extra steps, each alone.

/// Allocations and nanoseconds per run of one step.
struct StepRow {
    step: &'static str,
    allocations: f64,
    ns: f64,
}

/// Runs `f` `STEP_RUNS` times counting allocations, then times as many runs.
fn step(name: &'static str, mut f: impl FnMut()) -> StepRow {
    const STEP_RUNS: u32 = 20_000;
    for _ in 0..1_000 {
        f();
    }
    let ((), counts) = alloc_count::measure(|| {
        for _ in 0..STEP_RUNS {
            f();
        }
    });
    let started = Instant::now();
    for _ in 0..STEP_RUNS {
        f();
    }
    let elapsed = started.elapsed();
    StepRow {
        step: name,
        allocations: counts.allocations() as f64 / f64::from(STEP_RUNS),
        ns: elapsed.as_secs_f64() * 1e9 / f64::from(STEP_RUNS),
    }
}

/// Polls a future that never waits (a static token) to its end, without a runtime.
fn ready<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

fn path_tracked<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(value)
}

fn steps() -> Vec<StepRow> {
    use pagesense_goals::auth::TokenSource as _;
    let goals = GOALS_ANSWER.as_bytes();
    let events = EVENTS_ANSWER.as_bytes();
    let token_source = pagesense_goals::auth::StaticToken::new(TOKEN);
    let prebuilt = or_exit(
        HeaderValue::from_str(&format!("Zoho-oauthtoken {TOKEN}")),
        "token header",
    );
    // The headers the fake server answers with (hyper adds `content-length` and `date`).
    let mut answer_headers = reqwest::header::HeaderMap::new();
    answer_headers.insert(
        reqwest::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    answer_headers.insert(
        reqwest::header::CONTENT_LENGTH,
        HeaderValue::from_static("411"),
    );
    answer_headers.insert(
        reqwest::header::DATE,
        HeaderValue::from_static("Wed, 26 Nov 2025 08:00:00 GMT"),
    );
    let decoded: Option<ProjectGoalsResponse> = serde_json::from_slice(goals).ok();
    vec![
        step("decode goals answer: serde_json (hand-written)", || {
            black_box(serde_json::from_slice::<ProjectGoalsResponse>(black_box(goals)).ok());
        }),
        step(
            "decode goals answer: serde_path_to_error (generated, only when decoding fails)",
            || {
                black_box(path_tracked::<ProjectGoalsResponse>(black_box(goals)));
            },
        ),
        step("decode events answer: serde_json (hand-written)", || {
            black_box(serde_json::from_slice::<CustomEventsResponse>(black_box(events)).ok());
        }),
        step(
            "decode events answer: serde_path_to_error (generated, only when decoding fails)",
            || {
                black_box(path_tracked::<CustomEventsResponse>(black_box(events)));
            },
        ),
        step(
            "token: StaticToken::token() (a token source's; a fixed token no longer goes through one)",
            || {
                black_box(ready(token_source.token()).ok());
            },
        ),
        step(
            "credential header: format! + HeaderValue (once per token now, per call before)",
            || {
                let mut value =
                    HeaderValue::from_str(&format!("Zoho-oauthtoken {}", black_box(TOKEN))).ok();
                if let Some(value) = &mut value {
                    value.set_sensitive(true);
                }
                black_box(value);
            },
        ),
        step(
            "credential header: clone of a prebuilt HeaderValue (hand-written; the generated client's fixed credential likewise)",
            || {
                black_box(black_box(&prebuilt).clone());
            },
        ),
        step(
            "answer headers kept: HeaderMap::clone (the generated client before fe78ce5; it now takes them)",
            || {
                black_box(black_box(&answer_headers).clone());
            },
        ),
        step(
            "envelope check: ProjectGoalsResponse::failure (generated)",
            || {
                black_box(decoded.as_ref().map(ProjectGoalsResponse::failure));
            },
        ),
    ]
}

fn report_steps(rows: &[StepRow]) -> String {
    println!("\n## The generated client's extra steps, each alone (mean of 20,000 runs)\n");
    println!("| step | allocations | ns |");
    println!("| --- | ---: | ---: |");
    let mut json = Vec::new();
    for row in rows {
        println!("| {} | {:.1} | {:.0} |", row.step, row.allocations, row.ns);
        json.push(format!(
            "{{\"step\":\"{}\",\"allocations\":{:.2},\"ns\":{:.1}}}",
            row.step, row.allocations, row.ns
        ));
    }
    json.join(",\n  ")
}

// ---------------------------------------------------------------------------
// Part 4: criterion.

fn criterion_groups(c: &mut Criterion, rt: &tokio::runtime::Runtime, f: &Fixture) {
    for operation in OPERATIONS {
        let mut group = c.benchmark_group(format!("client/{operation}"));
        group.bench_function("generated", |b| {
            b.to_async(rt).iter(|| Side::Generated.call(f, operation));
        });
        group.bench_function("hand-written", |b| {
            b.to_async(rt).iter(|| Side::Hand.call(f, operation));
        });
        group.finish();
    }
}

fn fixture(base: &str) -> Fixture {
    let generated = or_exit(
        pagesense_goals::Client::builder()
            .base_url(base)
            .access_token(TOKEN)
            .build(),
        "generated client",
    );
    Fixture {
        generated,
        hand: HandWritten::new(base.to_owned()),
        bodies: bodies(),
    }
}

fn check(rt: &tokio::runtime::Runtime, fixture: &Fixture) {
    for operation in OPERATIONS {
        for side in [Side::Generated, Side::Hand] {
            if !rt.block_on(side.call(fixture, operation)) {
                eprintln!(
                    "{operation}: the first call failed; the fake server and the client disagree"
                );
                std::process::exit(1);
            }
        }
    }
}

fn main() {
    // The client side runs on this thread alone, so the counting allocator sees all
    // of its work (hyper's connection task included).
    let rt = or_exit(
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build(),
        "client runtime",
    );
    // Counted against a server on another thread, timed against one on this thread.
    let counted = fixture(&format!(
        "http://{}/pagesense/rest/v1",
        start_server_thread()
    ));
    let timed = fixture(&format!(
        "http://{}/pagesense/rest/v1",
        start_server_on(&rt)
    ));
    check(&rt, &counted);
    check(&rt, &timed);

    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    let allocs = count_allocations(&rt, &counted);
    let pairs = paired(&rt, &timed);
    let steps = report_steps(&steps());
    report(&allocs, &pairs, &steps);
    criterion_groups(&mut criterion, &rt, &timed);
    criterion.final_summary();
}
