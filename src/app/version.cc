#include "app/version.h"

#include "collect/git_repository.h"
#include "evaluate/text/keyword_index.h"
#include "report/report.h"

namespace riskgate::app {

std::string VersionText() {
  std::string commit = std::string(build::kCommit);
  if (build::kDirty) commit += ", modified";
  return "riskgate " + std::string(report::ToolVersion()) + " (commit " + commit + ")\n" +
         "libgit2 " + collect::LibraryVersion() + ", RE2 " + build::kRe2Version + ", yaml-cpp " +
         build::kYamlCppVersion + ", keyword prefilter " + evaluate::KeywordIndex::EngineVersion();
}

}  // namespace riskgate::app
