// The brandpress executable links jemalloc (Debian's libjemalloc-dev), which then serves every
// malloc of the process, Swift's runtime included. A build makes and frees millions of small
// strings, dictionaries and arrays; a clean 10,000-page build takes about a tenth less CPU time with
// jemalloc than with glibc's malloc, at the same peak memory.
//
// jemalloc reads its settings from this symbol at start-up. One arena: a build has two or three busy
// threads, each with its own cache in front of the arena; the default of four arenas per core kept
// more freed memory mapped (the same build peaked about 15 MiB higher) and was no faster.
#include "CAllocator.h"

const char *malloc_conf = "narenas:1";

#if __has_include(<jemalloc/jemalloc.h>)
#include <jemalloc/jemalloc.h>
#include <stdbool.h>
#include <sys/types.h>

int brandpress_return_freed_memory_after(long milliseconds) {
    ssize_t value = milliseconds;
    // The arena every thread uses, and those jemalloc makes later (for very large allocations).
    int failed = mallctl("arena.0.dirty_decay_ms", NULL, NULL, &value, sizeof value);
    failed |= mallctl("arenas.dirty_decay_ms", NULL, NULL, &value, sizeof value);
    // Without a thread of its own, jemalloc returns memory only while the process allocates.
    bool enabled = true;
    failed |= mallctl("background_thread", NULL, NULL, &enabled, sizeof enabled);
    return failed;
}
#else
int brandpress_return_freed_memory_after(long milliseconds) {
    (void)milliseconds;
    return 1;
}
#endif
