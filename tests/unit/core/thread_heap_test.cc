#include "core/thread_heap.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace riskgate::core {
namespace {

// The VmFlags line of the mapping /proc/self/smaps lists `address` in; "" when none does.
std::string FlagsOfMappingHolding(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

bool HugePagesAvailable() {
  std::ifstream enabled("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(enabled, modes);
  return modes.find("[never]") == std::string::npos && !modes.empty();
}

}  // namespace

// A worker thread's allocations come from a heap advised for huge pages (the smaps flag "hg"),
// and the heap still serves allocations large and small afterwards.
TEST_CASE("a worker thread's heap is advised for huge pages", "[core]") {
#if defined(__SANITIZE_ADDRESS__)
  SUCCEED("the sanitizers' allocator: nothing to advise");
  return;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  SUCCEED("the sanitizers' allocator: nothing to advise");
  return;
#endif
#endif
  if (!HugePagesAvailable()) {
    SUCCEED("no transparent huge pages here (RISKGATE_TEST_SKIPPED)");
    return;
  }
  std::string flags;
  bool served = true;
  std::thread worker([&] {
    AdviseThreadHeap();
    AdviseThreadHeap();  // again: nothing more to do
    void* const small = std::malloc(100);
    void* const large = std::malloc(std::size_t{8} << 20);
    served = small != nullptr && large != nullptr;
    if (small != nullptr) flags = FlagsOfMappingHolding(small);
    std::free(large);
    std::free(small);
  });
  worker.join();
  REQUIRE(served);
  INFO(flags);
  CHECK(flags.find(" hg") != std::string::npos);
}

}  // namespace riskgate::core
