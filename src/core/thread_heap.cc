#include "core/thread_heap.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>  // after a C library header, __GLIBC__ tells glibc's malloc

#if defined(__linux__) && defined(__GLIBC__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RISKGATE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define RISKGATE_ASAN 1
#endif

extern "C" char end;  // the end of the program's data: the main arena's heap (brk) lies above

namespace riskgate::core {

void AdviseThreadHeap() {
#if defined(__linux__) && defined(__GLIBC__) && !defined(RISKGATE_ASAN)
  // glibc's HEAP_MAX_SIZE on 64-bit systems (2 * DEFAULT_MMAP_THRESHOLD_MAX): a thread arena's
  // heap is a mapping of this size aligned to it, its pages made usable as the arena grows.
  constexpr std::uintptr_t kHeapSize = std::uintptr_t{64} << 20;
  thread_local std::uintptr_t advised = 0;
  void* const probe = std::malloc(64);
  if (probe == nullptr) return;
  const auto at = reinterpret_cast<std::uintptr_t>(probe);
  std::free(probe);
  const auto brk_begin = reinterpret_cast<std::uintptr_t>(&end);
  const auto brk_end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (at >= brk_begin && at < brk_end) return;  // the main arena: app/huge_heap.cc's
  const std::uintptr_t heap = at & ~(kHeapSize - 1);
  if (heap == advised) return;
  advised = heap;
  if (madvise(reinterpret_cast<void*>(heap), kHeapSize, MADV_HUGEPAGE) != 0) return;
  // glibc grows a heap's usable part page by page as the arena needs it, so the 2 MiB range
  // at its edge is never whole and the kernel falls back to 4 kB pages there. Two blocks grow
  // it at once by most of its size (address space only: a block's first bytes are all that is
  // touched), and freed, they stay the arena's to reuse (app/huge_heap.cc keeps the trim
  // threshold above them).
  constexpr std::size_t kReserve = std::size_t{26} << 20;  // below M_MMAP_THRESHOLD
  void* const first = std::malloc(kReserve);
  void* const second = first != nullptr ? std::malloc(kReserve) : nullptr;
  std::free(second);
  std::free(first);
#endif
}

}  // namespace riskgate::core
