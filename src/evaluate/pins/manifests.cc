#include "evaluate/pins/manifests.h"

#include <array>
#include <string>

#include "core/regex.h"
#include "evaluate/pins/yaml_lines.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckPackageJson(std::string_view text) {
  // Line-based, so each finding has its line: entries of the dependency maps only.
  static const core::Regex section(
      R"re(^\s*"(?:dependencies|devDependencies|optionalDependencies|peerDependencies)"\s*:\s*\{)re");
  static const core::Regex entry(R"re(^(\s*)"([^"]+)"\s*:\s*"([^"]*)")re");
  static const core::Regex floating(R"(^(?:[\^~*]|>=?|latest$|x$|.*\.[x*](?:\.|$)|$))");
  std::vector<PinIssue> out;
  SourceLines lines(text);
  bool in_section = false;
  for (int n = 1; n <= lines.size(); ++n) {
    const std::string_view line = lines.Line(n);
    if (section.PartialMatch(line)) {
      in_section = true;
      continue;
    }
    if (in_section && line.find('}') != std::string_view::npos) {
      in_section = false;
      continue;
    }
    std::array<std::string_view, 4> groups;  // the entry, its indent, name and version
    if (!in_section || !entry.PartialMatch(line, groups)) continue;
    const std::string_view indent = groups[1];
    const std::string name(groups[2]);
    const std::string version(groups[3]);
    if (!floating.PartialMatch(version)) continue;
    out.push_back({"floating-dependency-range",
                   n,
                   static_cast<int>(indent.size()) + 1,
                   "dependency '" + name + "' floats ('" + version +
                       "'): the build installs whatever is newest in that range",
                   "pin an exact version and commit the lockfile; install with `npm ci`",
                   "",
                   {}});
  }
  return out;
}

std::vector<PinIssue> CheckRequirementsTxt(std::string_view text) {
  static const core::Regex requirement(R"(^\s*([A-Za-z0-9][A-Za-z0-9._\-\[\],]*)\s*(.*)$)");
  std::vector<PinIssue> out;
  SourceLines lines(text);
  for (int n = 1; n <= lines.size(); ++n) {
    std::string_view line = lines.Line(n);
    if (auto hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
    std::array<std::string_view, 3> groups;  // the line, the requirement's name and the rest
    if (line.empty() || line.front() == '#' || line.front() == '-' ||
        !requirement.FullMatch(line, groups)) {
      continue;
    }
    const std::string name(groups[1]);
    const std::string_view rest = groups[2];
    if (rest.find("==") != std::string_view::npos || rest.find('@') != std::string_view::npos) {
      continue;
    }
    out.push_back({"floating-dependency-range",
                   n,
                   1,
                   "requirement '" + name + "' has no exact version",
                   name + "==<version>  (then `pip install --require-hashes -r` with hashes from "
                          "`pip-compile --generate-hashes`)",
                   "",
                   {}});
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
