#include "core/thread_heap.h"

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>  // after a C library header, __GLIBC__ tells glibc's malloc
#include <cstring>

#if defined(__linux__) && defined(__GLIBC__)
#include <sys/mman.h>
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define RISKGATE_SANITIZED_MALLOC 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define RISKGATE_SANITIZED_MALLOC 1
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(RISKGATE_SANITIZED_MALLOC)
#define RISKGATE_GLIBC_HEAPS 1
extern "C" void* __libc_malloc(std::size_t size);  // glibc's malloc, whoever `malloc` is
#endif

namespace riskgate::core {
namespace {

#if defined(RISKGATE_GLIBC_HEAPS)
std::atomic<bool> enabled{false};

// glibc's malloc serves this process: `malloc` is not interposed (a preloaded allocator,
// valgrind), glibc was not told to use huge pages itself, and heaps have glibc's 64-bit size.
bool GlibcHeaps() {
  using Allocate = void* (*)(std::size_t);
  const Allocate used = &std::malloc;
  const Allocate glibc = &__libc_malloc;
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  return sizeof(void*) == 8 && used == glibc &&
         (tunables == nullptr || std::strstr(tunables, "hugetlb") == nullptr);
}
#endif

}  // namespace

void EnableThreadHeapAdvice() {
#if defined(RISKGATE_GLIBC_HEAPS)
  if (GlibcHeaps()) enabled = true;
#endif
}

void AdviseThreadHeap() {
#if defined(RISKGATE_GLIBC_HEAPS)
  if (!enabled) return;
  // glibc's layout (malloc/malloc.c, arena.c): a chunk's size word precedes it, its bit 0x2
  // marks a chunk mapped on its own and 0x4 one of a thread arena; a thread arena's heap is a
  // mapping of HEAP_MAX_SIZE (64 MiB on 64-bit systems) aligned to its size, made usable as
  // the arena grows.
  constexpr std::uintptr_t kHeapSize = std::uintptr_t{64} << 20;
  constexpr std::size_t kMapped = 0x2;
  constexpr std::size_t kThreadArena = 0x4;
  thread_local std::array<std::uintptr_t, 4> advised{};
  thread_local std::size_t next = 0;
  void* const probe = std::malloc(64);
  if (probe == nullptr) return;
  std::uintptr_t at = reinterpret_cast<std::uintptr_t>(probe);
  asm volatile("" : "+r"(at));  // an address, not the 64 bytes: the size word lies before them
  std::size_t size_word = 0;
  std::memcpy(&size_word, reinterpret_cast<const void*>(at - sizeof(size_word)), sizeof(size_word));
  std::free(probe);
  const std::uintptr_t heap = at & ~(kHeapSize - 1);
  if ((size_word & kMapped) != 0 || (size_word & kThreadArena) == 0) return;
  for (const std::uintptr_t seen : advised) {
    if (seen == heap) return;
  }
  advised[next++ % advised.size()] = heap;
  if (madvise(reinterpret_cast<void*>(heap), kHeapSize, MADV_HUGEPAGE) != 0) return;
  // glibc grows a heap's usable part page by page as the arena needs it, so the 2 MiB range at
  // its edge is never whole and the kernel falls back to 4 kB pages there. Two blocks grow it at
  // once by most of its size (only a block's first bytes are touched); freed, they stay the
  // arena's to reuse.
  constexpr std::size_t kReserve = std::size_t{26} << 20;  // below the mmap threshold
  void* const first = std::malloc(kReserve);
  void* const second = first != nullptr ? std::malloc(kReserve) : nullptr;
  std::free(second);
  std::free(first);
#endif
}

}  // namespace riskgate::core
