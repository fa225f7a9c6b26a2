#include "golden/runner/golden_output.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

const std::string& RiskgateVersion() {
  static const std::string version = [] {
    // "riskgate 0.1.0 (commit ...)" then the libraries: the version is the second word.
    const auto out = Run({RiskgateBinary(), "--version"}).out;
    const std::string prefix = "riskgate ";
    const auto end = out.find_first_of(" \n", prefix.size());
    if (!out.starts_with(prefix) || end == std::string::npos || end == prefix.size()) {
      throw std::runtime_error("riskgate --version printed no version: " + out);
    }
    return out.substr(prefix.size(), end - prefix.size());
  }();
  return version;
}

std::string NormaliseGoldenOutput(std::string text,
                                  const std::map<std::string, std::string>& substitutions) {
  // 1. Temporary folders and the fixture server's URL (its port).
  for (const auto& [literal, placeholder] : substitutions) ReplaceAll(text, literal, placeholder);
  // 2. The tool's version, where the reports print it.
  const std::string& version = RiskgateVersion();
  ReplaceAll(text, "riskgate " + version, "riskgate <version>");
  static const std::regex kToolVersion(R"re(("name": "riskgate",\s*"version": )"[^"]*")re");
  text = std::regex_replace(text, kToolVersion, "$1\"<version>\"");
  // 3. The GitHub format's stop-commands token, random by design.
  static const std::regex kStopToken(R"(::stop-commands::([0-9a-f]+))");
  if (std::smatch match; std::regex_search(text, match, kStopToken)) {
    ReplaceAll(text, match[1].str(), "<stop-token>");
  }
  // 4. How long a history audit took.
  static const std::regex kSeconds(R"re("seconds": [0-9.eE+-]+)re");
  text = std::regex_replace(text, kSeconds, "\"seconds\": \"<duration>\"");
  return text;
}

std::vector<std::string> SecretsShown(const std::string& text,
                                      const std::vector<std::string>& secrets) {
  constexpr std::size_t kShown = 4;
  constexpr std::size_t kWindow = 12;
  std::vector<std::string> shown;
  for (const auto& secret : secrets) {
    bool found = text.find(secret) != std::string::npos;
    for (std::size_t i = kShown; !found && i + kWindow <= secret.size(); ++i) {
      found = text.find(secret.substr(i, kWindow)) != std::string::npos;
    }
    if (found) shown.push_back(secret.substr(0, kShown) + "...");
  }
  return shown;
}

std::string UnifiedDiff(const std::string& name, const std::string& expected,
                        const std::string& actual) {
  TempDir dir;
  WriteFile(dir.path() + "/expected", expected);
  WriteFile(dir.path() + "/actual", actual);
  const auto diff = Run({"diff", "-u", "--label", "expected/" + name, "--label", "actual/" + name,
                         dir.path() + "/expected", dir.path() + "/actual"});
  return diff.out + diff.err;
}

void WriteFileAtomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp" + std::to_string(::getpid());
  WriteFile(temporary, content);
  std::filesystem::rename(temporary, path);
}

bool UpdatingGolden() {
  const char* value = std::getenv("RISKGATE_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

}  // namespace riskgate::testing
