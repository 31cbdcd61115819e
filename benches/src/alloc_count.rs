//! A counting global allocator for the bench binaries that measure memory.
//!
//! It wraps the system allocator and counts, **on the current thread only and only
//! while [`measure`] runs**, the allocations (calls of `alloc`, `alloc_zeroed` and
//! `realloc`), the bytes they asked for, and the peak of live bytes above the level
//! at the start. Work done on other threads (the in-process HTTP server of the
//! client bench, criterion's statistics) is not counted.
//!
//! A bench binary installs it with:
//!
//! ```
//! #[global_allocator]
//! static ALLOC: benches::alloc_count::Counting = benches::alloc_count::Counting;
//! # fn main() {}
//! ```
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The counting allocator: the system allocator plus thread-local counters.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counting;

/// What one measured closure allocated on its thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Calls of `alloc` and `alloc_zeroed`.
    pub allocs: u64,
    /// Calls of `realloc` (each may move a block: counted apart).
    pub reallocs: u64,
    /// Calls of `dealloc`.
    pub deallocs: u64,
    /// Bytes asked for by `alloc`, `alloc_zeroed` and the growth of `realloc`.
    pub bytes_allocated: u64,
    /// The highest number of live bytes above the level at the start.
    pub peak_live_bytes: u64,
}

impl Counts {
    /// Allocations of new blocks plus reallocations.
    pub fn allocations(&self) -> u64 {
        self.allocs + self.reallocs
    }
}

#[derive(Clone, Copy)]
struct State {
    on: bool,
    allocs: u64,
    reallocs: u64,
    deallocs: u64,
    bytes: u64,
    live: i64,
    peak: i64,
}

const IDLE: State = State {
    on: false,
    allocs: 0,
    reallocs: 0,
    deallocs: 0,
    bytes: 0,
    live: 0,
    peak: 0,
};

thread_local! {
    // `const` and `Copy`: no lazy initialisation and no destructor, so reading it
    // from inside the allocator never allocates.
    static STATE: Cell<State> = const { Cell::new(IDLE) };
}

fn update(f: impl FnOnce(&mut State)) {
    // `try_with` fails only while the thread is being torn down: nothing to count then.
    let _ = STATE.try_with(|cell| {
        let mut state = cell.get();
        if state.on {
            f(&mut state);
            cell.set(state);
        }
    });
}

fn grow(state: &mut State, bytes: usize) {
    state.bytes += bytes as u64;
    state.live += bytes as i64;
    state.peak = state.peak.max(state.live);
}

// SAFETY: every call is forwarded unchanged to `System`; the counters are plain
// thread-local cells that never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        update(|s| {
            s.allocs += 1;
            grow(s, layout.size());
        });
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        update(|s| {
            s.allocs += 1;
            grow(s, layout.size());
        });
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        update(|s| {
            s.deallocs += 1;
            s.live -= layout.size() as i64;
        });
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        update(|s| {
            s.reallocs += 1;
            if new_size >= layout.size() {
                grow(s, new_size - layout.size());
            } else {
                s.live -= (layout.size() - new_size) as i64;
            }
        });
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Runs `f` with counting on for the current thread and returns its result and
/// what it allocated. Meaningful only in a binary whose global allocator is
/// [`Counting`]; elsewhere every count is zero.
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, Counts) {
    STATE.with(|cell| cell.set(State { on: true, ..IDLE }));
    let value = f();
    let state = STATE.with(|cell| {
        let state = cell.get();
        cell.set(IDLE);
        state
    });
    let counts = Counts {
        allocs: state.allocs,
        reallocs: state.reallocs,
        deallocs: state.deallocs,
        bytes_allocated: state.bytes,
        peak_live_bytes: state.peak.max(0) as u64,
    };
    (value, counts)
}
