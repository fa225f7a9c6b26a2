#include "evaluate/pins/gitlab_includes.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>

#include "core/path_glob.h"
#include "evaluate/pins/gitlab_document.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// GitLab allows 150 includes per pipeline by default; an instance may allow more. Past this many
// files discovery fails rather than leave a file without its role.
constexpr std::size_t kMaxFiles = 1000;

// "/ci//./x/../build.yml" -> "ci/build.yml": repository-relative, without empty, "." or ".."
// segments (a path that climbs out of the repository names none of its files).
void AddLocal(const std::string& value, std::vector<std::string>& out) {
  if (value.empty() || value.find('$') != std::string::npos) return;
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find('/', start);
    if (end == std::string::npos) end = value.size();
    const std::string_view segment(value.data() + start, end - start);
    if (segment == "..") {
      if (segments.empty()) return;
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string path;
  for (const auto segment : segments) {
    if (!path.empty()) path += '/';
    path += segment;
  }
  if (!path.empty()) out.push_back(std::move(path));
}

void AddEntry(const core::Node& entry, std::vector<std::string>& out) {
  if (entry.kind == core::Node::Kind::kScalar) {
    if (!entry.scalar.starts_with("http://") && !entry.scalar.starts_with("https://")) {
      AddLocal(entry.scalar, out);
    }
  } else if (entry.kind == core::Node::Kind::kMap) {
    const core::Node* local = entry.Find("local");
    if (local != nullptr && local->kind == core::Node::Kind::kScalar) AddLocal(local->scalar, out);
  }
}

}  // namespace

std::vector<std::string> LocalIncludes(std::string_view gitlab_ci_text) {
  core::Diagnostics ignored;  // a file that does not parse is reported by the pins check
  const auto document = ParseGitlabDocument(gitlab_ci_text, "", ignored);
  std::vector<std::string> out;
  if (!document) return out;
  for (const core::Node* include : GitlabIncludeLists(document->config)) {
    if (include->kind == core::Node::Kind::kSequence) {
      for (const auto& item : include->items) AddEntry(item, out);
    } else {
      AddEntry(*include, out);
    }
  }
  return out;
}

core::Result<std::vector<std::string>> DiscoverGitlabIncludes(const evaluate::FileReader& read,
                                                              const evaluate::PathLister& list) {
  std::vector<std::string> found;
  std::set<std::string> seen = {".gitlab-ci.yml"};
  std::deque<std::string> pending = {".gitlab-ci.yml"};
  std::optional<std::vector<std::string>> paths;  // listed on the first glob
  std::size_t read_files = 0;
  while (!pending.empty()) {
    if (++read_files > kMaxFiles) {
      return core::MakeError(core::ErrorCode::kInternal,
                             "the GitLab CI configuration includes more than " +
                                 std::to_string(kMaxFiles) +
                                 " local files; riskgate does not judge part of a pipeline",
                             pending.front());
    }
    const std::string path = pending.front();
    pending.pop_front();
    auto text = read(path);
    if (!text) return tl::unexpected(text.error());
    if (!*text) continue;
    for (auto& include : LocalIncludes(**text)) {
      if (!seen.insert(include).second) continue;
      if (!core::HasGlobSyntax(include)) {
        pending.push_back(include);
      } else if (list) {
        // GitLab reads every file the glob matches, and their own includes.
        if (!paths) {
          auto listed = list();
          if (!listed) return tl::unexpected(listed.error());
          paths = std::move(*listed);
        }
        for (const auto& candidate : *paths) {
          if (core::MatchPathGlob(include, candidate) && seen.insert(candidate).second) {
            pending.push_back(candidate);
          }
        }
      }
      found.push_back(std::move(include));
    }
  }
  return found;
}

}  // namespace riskgate::evaluate::pins
