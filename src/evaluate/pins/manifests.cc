#include "evaluate/pins/manifests.h"

#include <re2/re2.h>

#include <string>

#include "evaluate/pins/yaml_lines.h"

namespace riskgate::evaluate::pins {

std::vector<PinIssue> CheckPackageJson(std::string_view text) {
  // Line-based, so each finding has its line: entries of the dependency maps only.
  static const re2::RE2 section(
      R"re(^\s*"(?:dependencies|devDependencies|optionalDependencies|peerDependencies)"\s*:\s*\{)re");
  static const re2::RE2 entry(R"re(^(\s*)"([^"]+)"\s*:\s*"([^"]*)")re");
  static const re2::RE2 floating(R"(^(?:[\^~*]|>=?|latest$|x$|.*\.[x*](?:\.|$)|$))");
  std::vector<PinIssue> out;
  SourceLines lines(text);
  bool in_section = false;
  for (int n = 1; n <= lines.size(); ++n) {
    const std::string_view line = lines.Line(n);
    const re2::StringPiece piece(line.data(), line.size());
    if (re2::RE2::PartialMatch(piece, section)) {
      in_section = true;
      continue;
    }
    if (in_section && line.find('}') != std::string_view::npos) {
      in_section = false;
      continue;
    }
    std::string indent, name, version;
    if (!in_section || !re2::RE2::PartialMatch(piece, entry, &indent, &name, &version)) continue;
    if (!re2::RE2::PartialMatch(version, floating)) continue;
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
  static const re2::RE2 requirement(R"(^\s*([A-Za-z0-9][A-Za-z0-9._\-\[\],]*)\s*(.*)$)");
  std::vector<PinIssue> out;
  SourceLines lines(text);
  for (int n = 1; n <= lines.size(); ++n) {
    std::string_view line = lines.Line(n);
    if (auto hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
    std::string name, rest;
    if (line.empty() || line.front() == '#' || line.front() == '-' ||
        !re2::RE2::FullMatch(re2::StringPiece(line.data(), line.size()), requirement, &name,
                             &rest)) {
      continue;
    }
    if (rest.find("==") != std::string::npos || rest.find("@") != std::string::npos) continue;
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
