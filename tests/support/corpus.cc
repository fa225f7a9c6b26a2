#include "support/corpus.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "support/process.h"

namespace riskgate::testing {

std::string CorpusDir(std::string_view name) {
  const char* root = std::getenv("RISKGATE_TEST_CORPUS_ROOT");
  const std::string base = root != nullptr ? std::string(root) : SourceDir() + "/../shared/corpus";
  return base + "/" + std::string(name);
}

bool CorpusPresent(std::string_view name) {
  const std::string dir = CorpusDir(name);
  std::error_code error;
  if (std::filesystem::is_directory(dir, error)) return true;
  std::cout << kSkipMarker << ": " << dir << " is absent (the external test corpus lives beside "
            << "the project in ../shared; a bare clone has none)\n";
  return false;
}

}  // namespace riskgate::testing
