//! Prints a synthetic OpenAPI spec with the given number of operations.
//!
//! ```sh
//! cargo run -p benches --bin make-spec -- 1000 > /tmp/synthetic-1000.yaml
//! ```

use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(operations) = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse::<usize>().ok())
        .filter(|n| *n > 0)
    else {
        eprintln!("usage: make-spec OPERATIONS   (a number above zero; the spec goes to stdout)");
        return ExitCode::from(2);
    };
    let text = benches::synth::spec(operations);
    if std::io::stdout().lock().write_all(text.as_bytes()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
