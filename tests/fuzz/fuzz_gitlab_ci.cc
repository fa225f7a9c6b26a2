// Fuzz target: GitLab CI files: jobs, images, includes (child pipelines too) and script lines,
// read as GitLab reads them (spec: header, merge keys, !reference, !!binary).
#include "evaluate/pins/gitlab_ci.h"
#include "evaluate/pins/gitlab_includes.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::evaluate::pins;
  const auto text = riskgate::fuzz::AsText(data, size);
  static const riskgate::policy::PinsControl pins;
  for (const auto& issue : CheckGitlabCi(text, ".gitlab-ci.yml", pins)) {
    if (issue.rule.empty() || issue.line < 1) __builtin_trap();
  }
  for (const auto& include : LocalIncludes(text)) {
    if (include.empty() || include.front() == '/') __builtin_trap();
    // Resolved: no ".." segment is left to climb out of the repository.
    if (include == ".." || include.starts_with("../") || include.ends_with("/..") ||
        include.find("/../") != std::string::npos) {
      __builtin_trap();
    }
  }
  return 0;
}
