#ifndef BRANDPRESS_CALLOCATOR_H
#define BRANDPRESS_CALLOCATOR_H

// Sets how long jemalloc keeps memory the process freed before giving it back to the system
// (10 s by default), and gives it back even while the process is idle; 0 when that was set,
// non-zero when jemalloc is not the allocator.
int brandpress_return_freed_memory_after(long milliseconds);

#endif
