import CMallocTuning
import Foundation
import Testing

/// `vnextract` keeps freed memory mapped (glibc): both settings are made, and
/// a setting the user made with glibc's environment variable is left alone.
@Suite(.serialized) struct MallocTuningTests {
    @Test func changesBothSettingsUnlessTheEnvironmentSetsThem() throws {
        #if canImport(Glibc)
        unsetenv("MALLOC_TRIM_THRESHOLD_")
        unsetenv("MALLOC_MMAP_THRESHOLD_")
        #expect(vnx_keep_freed_memory() == 2)
        setenv("MALLOC_TRIM_THRESHOLD_", "1048576", 1)
        defer { unsetenv("MALLOC_TRIM_THRESHOLD_") }
        #expect(vnx_keep_freed_memory() == 1)
        #else
        #expect(vnx_keep_freed_memory() == 0)
        #endif
    }
}
