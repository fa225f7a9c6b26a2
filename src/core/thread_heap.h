// Core: transparent huge pages for the heap glibc's malloc gives the calling thread. glibc backs
// each thread's arena with 64 MiB heaps of its own (app/huge_heap.cc advises only the main
// thread's); on these machines a 4 kB page fault costs tens of microseconds, and a range check's
// worker threads touched ~300 MB of heap page by page.
#pragma once

namespace riskgate::core {

// Asks for huge pages on the heap the calling thread's allocations come from, once per heap.
// Only advice: a no-op where malloc is not glibc's (sanitizers), on the main thread's heap, or
// where the kernel gives no huge pages on request.
void AdviseThreadHeap();

}  // namespace riskgate::core
