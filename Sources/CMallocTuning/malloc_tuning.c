#include "malloc_tuning.h"

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int vnx_keep_freed_memory(void) {
    int changed = 0;
#if defined(__GLIBC__)
    // Blocks up to 64 MiB come from the heap, and the heap keeps up to 256 MiB
    // of free space: the working set of a batch stays mapped once touched.
    if (getenv("MALLOC_MMAP_THRESHOLD_") == NULL && mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024) == 1) changed++;
    if (getenv("MALLOC_TRIM_THRESHOLD_") == NULL && mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024) == 1) changed++;
#endif
    return changed;
}
