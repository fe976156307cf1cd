//! The allocator, and handing the memory one stage freed back to the
//! system before the next.

// A run allocates and frees millions of small strings on every core;
// mimalloc does that with less time and less fragmentation than the
// system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Gives the pages freed so far back to the operating system, on every
/// thread of rayon's pool and on this one.
///
/// mimalloc keeps a freed page in the heap of the thread that freed it, for
/// that thread to reuse, and returns it only when that thread allocates
/// again; rayon's threads sleep once the tables are written, so the memory
/// of the last batches would stay resident under the analyses.
pub fn release_free_memory() {
    rayon::broadcast(|_| collect_this_thread());
    collect_this_thread();
}

/// From here on, pages freed are given back to the system at once, not
/// after mimalloc's purge delay (a second in mimalloc 3).
///
/// The analyses read a table, group it and drop it within a second or two,
/// so with the delay what one step freed would still be resident under the
/// next, raising each analysis's peak. Not for the streaming part: there
/// the batches reuse their freed pages, and purging them at once would
/// spend the run in the kernel.
/// Call it when only this thread allocates (between stages): mimalloc's
/// options are plain values, not synchronised.
pub fn return_freed_memory_at_once() {
    // SAFETY: `mi_option_set` takes no pointer; the option index is
    // mimalloc's `mi_option_purge_delay` (checked by a test below).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

/// `mi_option_purge_delay` in mimalloc.h (the 16th option in mimalloc 2
/// and 3); libmimalloc-sys names only a few options.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn collect_this_thread() {
    // SAFETY: `mi_collect` takes no pointer and may be called on any thread
    // at any time; it only returns the calling thread's free pages.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn purge_delay() -> std::ffi::c_long {
        // SAFETY: reads an option; no pointer.
        unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) }
    }

    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // mimalloc 3's default purge delay is a second, and no other
        // option defaults to it: the index is the purge delay's.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(purge_delay(), 1000);
        }
        return_freed_memory_at_once();
        assert_eq!(purge_delay(), 0);
    }
}
