#include <exception>
#include <string>
#include <string_view>

#include "app/app.h"
#include "app/error_output.h"
#include "app/huge_heap.h"
#include "core/abandon.h"
#include "evaluate/text/prebuilt_hyperscan.h"

namespace riskgate::embedded {
extern const std::string_view kPrebuiltHyperscanImage;  // src/app/CMakeLists.txt
}

int main(int argc, char** argv) {
  riskgate::app::BackHeapWithHugePages();
  // The default policy's scan databases, compiled when the binary was built (empty in a cross
  // build: then they are compiled when needed, as any other policy's are).
  riskgate::evaluate::RegisterPrebuiltHyperscan(riskgate::embedded::kPrebuiltHyperscanImage);
  // A command ends with the process: its caches are given back by the process's end, not
  // freed block by block (core/abandon.h).
  riskgate::core::SetAbandonAtExit(true);
  try {
    return riskgate::app::Main(argc, argv);
  } catch (const std::exception& e) {
    // Never an abort on what a library throws (memory, threads, randomness): fail closed, exit 2.
    return riskgate::app::Fail(std::string("internal error: ") + e.what());
  }
}
