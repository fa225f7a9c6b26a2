#include "app/huge_heap.h"

#include <array>
#include <cstdint>
#include <cstdlib>  // after a C library header, __GLIBC__ tells glibc's malloc

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "core/thread_heap.h"

namespace riskgate::app {

void BackHeapWithHugePages() {
#if defined(__linux__) && defined(__GLIBC__)
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  constexpr int kReserve = 256 << 20;
  constexpr int kDefaultTopPad = 128 << 10;  // glibc's DEFAULT_TOP_PAD
  // Keep the reserve: free() would hand the top of the heap back at once otherwise (and the
  // worker threads' heaps, core/thread_heap.cc). Blocks up to 32 MB (the keyword automaton's
  // table, a blob, a thread heap's reserve) come from the heaps, not each from its own mmap of
  // small pages. 256 MB: a range check on git/git grew the heap past 64 MB page by page.
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0) return;  // heaps smaller than glibc's 64-bit
  if (mallopt(M_TRIM_THRESHOLD, 2 * kReserve) == 0 || mallopt(M_TOP_PAD, kReserve) == 0) {
    mallopt(M_TOP_PAD, kDefaultTopPad);
    return;
  }
  auto* const before = static_cast<char*>(sbrk(0));
  // Small blocks (below the mmap threshold) until the heap grows, by the block and the reserve.
  std::array<void*, 64> blocks{};
  std::size_t used = 0;
  while (used < blocks.size() && static_cast<char*>(sbrk(0)) == before) {
    blocks[used++] = std::malloc(64 << 10);
  }
  for (std::size_t i = 0; i < used; ++i) std::free(blocks[i]);
  auto* const after = static_cast<char*>(sbrk(0));
  mallopt(M_TOP_PAD, kDefaultTopPad);
  const auto begin = (reinterpret_cast<std::uintptr_t>(before) + kHugePage - 1) & ~(kHugePage - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(after) & ~(kHugePage - 1);
  // Only advice: where the kernel has no huge pages the heap works as before.
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  core::EnableThreadHeapAdvice();  // the worker threads' heaps (their blocks fit below 32 MiB)
#endif
}

}  // namespace riskgate::app
