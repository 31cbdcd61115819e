//! What a huge answer costs the generated client: peak heap on the client's thread
//! while a server on another thread sends 256 MiB, in the forms that once grew the
//! process by gigabytes (a 200 with `Content-Length`, a chunked 200, a 400, a 400 of
//! invalid UTF-8). The client must refuse the success answers at its size limit and
//! keep only an excerpt of the error answers.
//!
//! ```sh
//! cargo bench -p benches --bench answer_size
//! ```
//!
//! Prints a Markdown table; a case whose peak exceeds its bound makes the bench exit
//! with an error, so a regression cannot pass unseen when it runs.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

use benches::alloc_count::{self, Counting};

#[global_allocator]
static ALLOC: Counting = Counting;

/// What the server sends, in all.
const ANSWER_SIZE: u64 = 256 * 1024 * 1024;
/// The piece it sends at a time.
const CHUNK: usize = 64 * 1024;
/// The client's default limit on a success answer.
const SUCCESS_LIMIT: u64 = 16 * 1024 * 1024;

/// One way of sending the huge answer.
#[derive(Clone, Copy)]
struct Case {
    name: &'static str,
    status: u16,
    declared_length: bool,
    byte: u8,
    /// The most the client's thread may hold at once.
    bound: u64,
}

const CASES: [Case; 4] = [
    Case {
        name: "200, Content-Length",
        status: 200,
        declared_length: true,
        byte: b' ',
        bound: 1024 * 1024,
    },
    Case {
        name: "200, chunked",
        status: 200,
        declared_length: false,
        byte: b' ',
        bound: 3 * SUCCESS_LIMIT,
    },
    Case {
        name: "400, chunked",
        status: 400,
        declared_length: false,
        byte: b'x',
        bound: 2 * 1024 * 1024,
    },
    Case {
        name: "400, invalid UTF-8",
        status: 400,
        declared_length: true,
        byte: 0xff,
        bound: 2 * 1024 * 1024,
    },
];

/// A body of `remaining` bytes of one value, sent in [`CHUNK`]s, with or without a
/// declared length.
struct Repeated {
    chunk: Bytes,
    remaining: u64,
    declared: bool,
}

impl Body for Repeated {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.remaining == 0 {
            return Poll::Ready(None);
        }
        let length = self.remaining.min(CHUNK as u64);
        self.remaining -= length;
        let data = self.chunk.slice(..length as usize);
        Poll::Ready(Some(Ok(Frame::data(data))))
    }

    fn size_hint(&self) -> SizeHint {
        if self.declared {
            SizeHint::with_exact(self.remaining)
        } else {
            SizeHint::default()
        }
    }
}

fn or_exit<T, E: std::fmt::Display>(result: Result<T, E>, what: &str) -> T {
    result.unwrap_or_else(|error| {
        eprintln!("{what}: {error}");
        std::process::exit(1)
    })
}

/// A server on a thread of its own (its allocations are not counted) answering each
/// request with `case`'s huge answer.
fn start_server(case: Case) -> SocketAddr {
    let listener = or_exit(
        std::net::TcpListener::bind("127.0.0.1:0"),
        "binding 127.0.0.1",
    );
    let address = or_exit(listener.local_addr(), "local address");
    or_exit(listener.set_nonblocking(true), "non-blocking listener");
    let spawned = std::thread::Builder::new()
        .name("huge-answers".to_owned())
        .spawn(move || {
            let runtime = or_exit(
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build(),
                "server runtime",
            );
            runtime.block_on(async move {
                let listener = or_exit(tokio::net::TcpListener::from_std(listener), "listener");
                while let Ok((stream, _)) = listener.accept().await {
                    tokio::spawn(async move {
                        let answer = move |_: Request<Incoming>| async move {
                            let body = Repeated {
                                chunk: Bytes::from(vec![case.byte; CHUNK]),
                                remaining: ANSWER_SIZE,
                                declared: case.declared_length,
                            };
                            let mut response = Response::new(body);
                            *response.status_mut() =
                                or_exit(hyper::StatusCode::from_u16(case.status), "status");
                            Ok::<_, Infallible>(response)
                        };
                        let _ = hyper::server::conn::http1::Builder::new()
                            .serve_connection(
                                TokioIo::new(stream),
                                hyper::service::service_fn(answer),
                            )
                            .await;
                    });
                }
            });
        });
    or_exit(spawned, "server thread");
    address
}

/// One call against `case`: how it ended, and what the client's thread allocated.
fn measure(case: Case) -> (String, alloc_count::Counts) {
    let address = start_server(case);
    let runtime = or_exit(
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build(),
        "client runtime",
    );
    let client = or_exit(
        pagesense_goals::Client::builder()
            .base_url(format!("http://{address}"))
            .access_token("1000.bench-access-token")
            .retry_policy(pagesense_goals::RetryPolicy::never())
            .build(),
        "client",
    );
    alloc_count::measure(|| {
        let outcome = runtime.block_on(
            client
                .get_project_goals("my-portal", "my-project")
                .into_future(),
        );
        match outcome {
            Ok(_) => "Ok (wrong: the answer is over the limit)".to_owned(),
            Err(error) => {
                let text = error.to_string();
                text.chars().take(90).collect()
            }
        }
    })
}

fn main() {
    println!("\n## A 256 MiB answer: peak heap on the client's thread\n");
    println!("| answer | outcome | peak live | bound |");
    println!("| --- | --- | ---: | ---: |");
    let mut over = Vec::new();
    for case in CASES {
        let (outcome, counts) = measure(case);
        let mib = |bytes: u64| format!("{:.2} MiB", bytes as f64 / (1024.0 * 1024.0));
        println!(
            "| {} | {} | {} | {} |",
            case.name,
            outcome.replace('|', "/"),
            mib(counts.peak_live_bytes),
            mib(case.bound)
        );
        if counts.peak_live_bytes > case.bound {
            over.push(case.name);
        }
    }
    if !over.is_empty() {
        eprintln!("peak heap over its bound: {over:?}");
        std::process::exit(1);
    }
}
