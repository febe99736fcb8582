#ifndef VNEXTRACT_MALLOC_TUNING_H
#define VNEXTRACT_MALLOC_TUNING_H

/// Keeps memory the process frees for its own reuse instead of returning it
/// to the kernel (glibc only; elsewhere it does nothing). A batch allocates
/// and frees the same per-document buffers (tokens, offset maps, per-token
/// tables: 100-300 KiB each) for every record; with glibc's defaults, blocks
/// over 128 KiB get fresh mappings and free space over 128 KiB at the top of
/// the heap is given back, so every document faults the same pages in again
/// (on the development VM, 10% of the time of `vnextract extract`). Settings
/// made with the MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_ environment
/// variables are left alone. Returns how many settings it changed.
int vnx_keep_freed_memory(void);

#endif
