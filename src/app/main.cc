#include <exception>
#include <string>

#include "app/app.h"
#include "app/error_output.h"
#include "app/huge_heap.h"

int main(int argc, char** argv) {
  riskgate::app::BackHeapWithHugePages();
  try {
    return riskgate::app::Main(argc, argv);
  } catch (const std::exception& e) {
    // Never an abort on what a library throws (memory, threads, randomness): fail closed, exit 2.
    return riskgate::app::Fail(std::string("internal error: ") + e.what());
  }
}
