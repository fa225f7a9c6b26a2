#include "app/version.h"

#include "collect/git_repository.h"
#include "evaluate/text/keyword_index.h"
#include "evaluate/text/prebuilt_hyperscan.h"
#include "report/report.h"

namespace riskgate::app {
namespace {

// How many of the default policy's scan databases came compiled with the binary.
std::string Prebuilt() {
  const std::size_t count = evaluate::PrebuiltHyperscanCount();
  if (count == 0 || !evaluate::LazyHyperscan::Available()) return "";
  return " (" + std::to_string(count) + " databases prebuilt for the default policy)";
}

}  // namespace

std::string VersionText() {
  std::string commit = std::string(build::kCommit);
  if (build::kDirty) commit += ", modified";
  return "riskgate " + std::string(report::ToolVersion()) + " (commit " + commit + ")\n" +
         "libgit2 " + collect::LibraryVersion() + ", RE2 " + build::kRe2Version + ", yaml-cpp " +
         build::kYamlCppVersion + ", keyword prefilter " + evaluate::KeywordIndex::EngineVersion() +
         Prebuilt();
}

}  // namespace riskgate::app
