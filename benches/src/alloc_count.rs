//! A counting global allocator for the bench binaries that measure memory.
//!
//! It wraps the system allocator and counts, **on the current thread only and only
//! while [`measure`] runs**, the allocations (calls of `alloc`, `alloc_zeroed` and
//! `realloc`), the bytes they asked for, and the peak of live bytes above the level
//! at the start. Work done on other threads (the in-process HTTP server of the
//! client bench, criterion's statistics) is not counted. [`measure_all_threads`]
//! counts every thread instead, for work that spreads over threads of its own (the
//! generator formats its files in parallel).
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
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};

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

/// The counters of [`measure_all_threads`]: atomics, which never allocate.
static ALL_ON: AtomicBool = AtomicBool::new(false);
static ALL_ALLOCS: AtomicU64 = AtomicU64::new(0);
static ALL_REALLOCS: AtomicU64 = AtomicU64::new(0);
static ALL_DEALLOCS: AtomicU64 = AtomicU64::new(0);
static ALL_BYTES: AtomicU64 = AtomicU64::new(0);
static ALL_LIVE: AtomicI64 = AtomicI64::new(0);
static ALL_PEAK: AtomicI64 = AtomicI64::new(0);

/// Counts one event on the all-threads counters, when they are on: `counter`
/// (if any) goes up by one, live bytes by `grown`.
fn update_all(counter: Option<&AtomicU64>, grown: i64) {
    if !ALL_ON.load(Ordering::Relaxed) {
        return;
    }
    if let Some(counter) = counter {
        counter.fetch_add(1, Ordering::Relaxed);
    }
    if grown > 0 {
        ALL_BYTES.fetch_add(grown as u64, Ordering::Relaxed);
    }
    let live = ALL_LIVE.fetch_add(grown, Ordering::Relaxed) + grown;
    ALL_PEAK.fetch_max(live, Ordering::Relaxed);
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
        update_all(Some(&ALL_ALLOCS), layout.size() as i64);
        update(|s| {
            s.allocs += 1;
            grow(s, layout.size());
        });
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        update_all(Some(&ALL_ALLOCS), layout.size() as i64);
        update(|s| {
            s.allocs += 1;
            grow(s, layout.size());
        });
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        update_all(Some(&ALL_DEALLOCS), -(layout.size() as i64));
        update(|s| {
            s.deallocs += 1;
            s.live -= layout.size() as i64;
        });
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        update_all(Some(&ALL_REALLOCS), new_size as i64 - layout.size() as i64);
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

/// As [`measure`], counting the allocations of every thread while `f` runs (the
/// threads `f` starts among them). Only one such measurement may run at a time.
pub fn measure_all_threads<T>(f: impl FnOnce() -> T) -> (T, Counts) {
    for counter in [&ALL_ALLOCS, &ALL_REALLOCS, &ALL_DEALLOCS, &ALL_BYTES] {
        counter.store(0, Ordering::Relaxed);
    }
    ALL_LIVE.store(0, Ordering::Relaxed);
    ALL_PEAK.store(0, Ordering::Relaxed);
    ALL_ON.store(true, Ordering::SeqCst);
    let value = f();
    ALL_ON.store(false, Ordering::SeqCst);
    let counts = Counts {
        allocs: ALL_ALLOCS.load(Ordering::Relaxed),
        reallocs: ALL_REALLOCS.load(Ordering::Relaxed),
        deallocs: ALL_DEALLOCS.load(Ordering::Relaxed),
        bytes_allocated: ALL_BYTES.load(Ordering::Relaxed),
        peak_live_bytes: ALL_PEAK.load(Ordering::Relaxed).max(0) as u64,
    };
    (value, counts)
}
