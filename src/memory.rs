//! The allocator, and handing the memory one stage freed back to the
//! system before the next.

// A run allocates and frees millions of small strings on two threads; the
// system allocator spent about a fifth of the time doing so (perf,
// BENCHMARKS.md), mimalloc much less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Gives the pages freed so far back to the operating system, on every
/// thread of rayon's pool and on this one.
///
/// mimalloc keeps a freed page in the heap of the thread that freed it, for
/// that thread to reuse, and returns it only when that thread allocates
/// again; rayon's threads sleep once the tables are written, so the memory
/// of the last batches stayed resident under the analyses, on top of what
/// they need (360 MB of a million-project run, BENCHMARKS.md). polars'
/// own threads are left alone: collecting them too changed nothing.
pub fn release_free_memory() {
    rayon::broadcast(|_| collect_this_thread());
    collect_this_thread();
}

fn collect_this_thread() {
    // SAFETY: `mi_collect` takes no pointer and may be called on any thread
    // at any time; it only returns the calling thread's free pages.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
