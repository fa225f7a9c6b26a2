#include "evaluate/evaluate.h"

#include <map>
#include <set>
#include <tuple>

#include "evaluate/pins/file_kind.h"
#include "evaluate/pins/gitlab_includes.h"

namespace riskgate::evaluate {

std::vector<core::Finding> FoldRepeats(std::vector<core::Finding> findings) {
  std::vector<core::Finding> out;
  // fingerprint -> (source commit, index in out of the first finding)
  std::map<std::string, std::pair<std::string, std::size_t>> first;
  // A path-only gitleaks rule reports a file once per fragment; one of those is enough.
  std::set<std::tuple<std::string, std::string, int, int>> seen;
  for (auto& finding : findings) {
    const std::string source = finding.location.commit.value_or("");
    if (!seen.emplace(finding.fingerprint, source, finding.location.line, finding.location.column)
             .second) {
      continue;
    }
    auto it = first.find(finding.fingerprint);
    if (it != first.end() && it->second.first != source) {
      ++out[it->second.second].occurrences;
      continue;
    }
    if (it == first.end()) first.emplace(finding.fingerprint, std::make_pair(source, out.size()));
    out.push_back(std::move(finding));
  }
  return out;
}

bool RoleChanged(std::string_view path, const RepositoryLayout& before,
                 const RepositoryLayout& now) {
  return pins::ClassifyPath(path, before.gitlab_ci_includes) !=
         pins::ClassifyPath(path, now.gitlab_ci_includes);
}

core::Result<RepositoryLayout> DiscoverLayout(const policy::Policy& policy, const FileReader& read,
                                              const PathLister& list) {
  RepositoryLayout layout;
  if (!policy.pins.enabled) return layout;
  auto includes = pins::DiscoverGitlabIncludes(read, list);
  if (!includes) return tl::unexpected(includes.error());
  layout.gitlab_ci_includes = std::move(*includes);
  return layout;
}

}  // namespace riskgate::evaluate
