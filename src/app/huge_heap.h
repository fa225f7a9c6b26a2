// Stage 6 (app): the process's heap backed by transparent huge pages where the kernel offers
// them on request (Linux `madvise` mode, the common default), as glibc's own
// `glibc.malloc.hugetlb=1` tunable does; a pre-commit run touches ~8 MB of heap, and one page
// fault per 4 kB page was a fifth of its time (bench/staged_check.sh).
#pragma once

namespace riskgate::app {

// Grows the heap once by a 256 MB reserve (address space only: untouched pages cost nothing) and
// asks for huge pages on it. Call first thing in main. A no-op where malloc is not glibc's
// (sanitizers) or the kernel gives no huge pages.
void BackHeapWithHugePages();

}  // namespace riskgate::app
