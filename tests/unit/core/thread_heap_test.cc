#include "core/thread_heap.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "support/corpus.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#endif

namespace riskgate::core {
namespace {

// The mapping /proc/self/smaps lists `address` in: its size and VmFlags line.
struct Mapping {
  std::uintptr_t size = 0;
  std::string flags;
};

Mapping MappingHolding(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  Mapping found;
  while (std::getline(smaps, line)) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
      if (inside) found.size = end - begin;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return Mapping{found.size, line};
  }
  return found;
}

// Why the advice cannot be seen here, or "".
std::string WhyNotHere() {
#if !defined(__linux__) || !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__)
  return "not glibc's malloc";
#else
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
  return "the sanitizers' malloc";
#endif
#endif
  std::ifstream enabled("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(enabled, modes);
  if (modes.empty() || modes.find("[never]") != std::string::npos) {
    return "no transparent huge pages";
  }
  if (std::getenv("GLIBC_TUNABLES") != nullptr) return "GLIBC_TUNABLES is set";
  return "";
#endif
}

}  // namespace

// A worker thread's heap is advised for huge pages (smaps' "hg") and grown at once by most of
// its 64 MiB, and still serves allocations; the main thread's arena is left alone.
TEST_CASE("a worker thread's heap is advised for huge pages and grown at once", "[core]") {
  if (const std::string why = WhyNotHere(); !why.empty()) {
    std::printf("%s: %s\n", std::string(testing::kSkipMarker).c_str(), why.c_str());
    return;
  }
#if defined(__linux__) && defined(__GLIBC__)
  // What the program sets up before it enables the advice (app/huge_heap.cc).
  REQUIRE(mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1);
  REQUIRE(mallopt(M_TRIM_THRESHOLD, 512 << 20) == 1);
#endif
  AdviseThreadHeap();  // not enabled yet: nothing happens
  EnableThreadHeapAdvice();
  void* const on_main = std::malloc(100);
  REQUIRE(on_main != nullptr);
  const Mapping main_before = MappingHolding(on_main);
  AdviseThreadHeap();  // the main thread's arena: left alone
  const Mapping main_after = MappingHolding(on_main);
  std::free(on_main);
  CHECK(main_after.flags == main_before.flags);

  Mapping worker_heap;
  bool served = true;
  std::thread worker([&] {
    AdviseThreadHeap();
    AdviseThreadHeap();  // again: the same heap, nothing more to do
    void* const small = std::malloc(100);
    void* const large = std::malloc(std::size_t{8} << 20);
    served = small != nullptr && large != nullptr;
    if (small != nullptr) worker_heap = MappingHolding(small);
    std::free(large);
    std::free(small);
  });
  worker.join();
  REQUIRE(served);
  INFO(worker_heap.flags);
  CHECK(worker_heap.flags.find(" hg") != std::string::npos);
  CHECK(worker_heap.size >= (std::uintptr_t{48} << 20));  // grown at once, not page by page
}

}  // namespace riskgate::core
