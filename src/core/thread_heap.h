// Core: transparent huge pages for the heaps glibc's malloc gives worker threads. glibc backs
// each thread's arena with 64 MiB heaps of its own and makes them usable page by page
// (app/huge_heap.cc advises the main thread's heap only); on these machines a 4 kB page fault
// costs tens of microseconds, and a range check's worker threads touched ~300 MB of heap page
// by page.
#pragma once

namespace riskgate::core {

// Lets AdviseThreadHeap act. The program calls it once it has set glibc's malloc up for it
// (app/huge_heap.cc: blocks of 26 MiB below the mmap threshold, a trim threshold above them).
void EnableThreadHeapAdvice();

// Asks for huge pages on the heap the calling thread's allocations come from and grows it at
// once by most of its size (address space; freed, it stays the arena's), once per heap. Only
// advice: a no-op until enabled, where malloc is not glibc's (sanitizers, a preloaded
// allocator), on the main thread's arena, where glibc was told to use huge pages itself
// (GLIBC_TUNABLES), on 32-bit systems, or where the kernel gives no huge pages on request.
void AdviseThreadHeap();

}  // namespace riskgate::core
