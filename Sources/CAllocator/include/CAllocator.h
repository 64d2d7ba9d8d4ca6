// Nothing to call: the target exists for allocator.c's settings and for linking jemalloc.
#ifndef BRANDPRESS_CALLOCATOR_H
#define BRANDPRESS_CALLOCATOR_H
#endif
