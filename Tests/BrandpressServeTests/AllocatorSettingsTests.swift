import CAllocator
import Testing

/// `serve` asks jemalloc to give freed memory back within a quarter of a second, also while idle:
/// each setting is a `mallctl` name, and a misspelt one would fail silently in `serve`.
@Suite struct AllocatorSettingsTests {
    @Test func jemallocTakesTheSettingsServeGives() {
        #expect(brandpress_return_freed_memory_after(250) == 0)
    }
}
