#include "evaluate/pins/gitlab_includes.h"

#include <algorithm>
#include <deque>
#include <set>

#include "core/path_glob.h"
#include "evaluate/pins/gitlab_document.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::pins {
namespace {

using policy::YamlNode;

constexpr std::size_t kMaxIncludes = 150;  // GitLab's limit per pipeline

// "/ci//./build.yml" -> "ci/build.yml": repository-relative, without empty or "." segments.
void AddLocal(const std::string& value, std::vector<std::string>& out) {
  if (value.empty() || value.find('$') != std::string::npos) return;
  std::string path;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find('/', start);
    if (end == std::string::npos) end = value.size();
    const std::string_view segment(value.data() + start, end - start);
    if (!segment.empty() && segment != ".") {
      if (!path.empty()) path += '/';
      path += segment;
    }
    start = end + 1;
  }
  if (!path.empty()) out.push_back(std::move(path));
}

void AddEntry(const YamlNode& entry, std::vector<std::string>& out) {
  if (entry.kind == YamlNode::Kind::kScalar) {
    if (!entry.scalar.starts_with("http://") && !entry.scalar.starts_with("https://")) {
      AddLocal(entry.scalar, out);
    }
  } else if (entry.kind == YamlNode::Kind::kMap) {
    const YamlNode* local = entry.Find("local");
    if (local != nullptr && local->kind == YamlNode::Kind::kScalar) AddLocal(local->scalar, out);
  }
}

}  // namespace

std::vector<std::string> LocalIncludes(std::string_view gitlab_ci_text) {
  policy::Diagnostics ignored;  // a file that does not parse is reported by the pins check
  const auto document = ParseGitlabDocument(gitlab_ci_text, "", ignored);
  std::vector<std::string> out;
  if (!document) return out;
  for (const YamlNode* include : GitlabIncludeLists(document->config)) {
    if (include->kind == YamlNode::Kind::kSequence) {
      for (const auto& item : include->items) AddEntry(item, out);
    } else {
      AddEntry(*include, out);
    }
  }
  return out;
}

core::Result<std::vector<std::string>> DiscoverGitlabIncludes(const evaluate::FileReader& read) {
  std::vector<std::string> found;
  std::set<std::string> seen = {".gitlab-ci.yml"};
  std::deque<std::string> pending = {".gitlab-ci.yml"};
  while (!pending.empty() && found.size() < kMaxIncludes) {
    const std::string path = pending.front();
    pending.pop_front();
    auto text = read(path);
    if (!text) return tl::unexpected(text.error());
    if (!*text) continue;
    for (auto& include : LocalIncludes(**text)) {
      if (!seen.insert(include).second) continue;
      // A glob's files are found when the change touches them; their own includes are not
      // followed (GitLab expands the glob at pipeline time).
      if (!core::HasGlobSyntax(include)) pending.push_back(include);
      found.push_back(std::move(include));
    }
  }
  return found;
}

}  // namespace riskgate::evaluate::pins
