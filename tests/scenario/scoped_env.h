// Scenario test support: sets environment variables for the life of a scope (each Catch2 test
// case runs in its own process under ctest, so nothing leaks into another test).
#pragma once

#include <cstdlib>
#include <map>
#include <optional>
#include <string>

namespace riskgate::testing {

class ScopedEnv {
 public:
  // An empty value unsets the variable.
  explicit ScopedEnv(const std::map<std::string, std::string>& values) {
    for (const auto& [name, value] : values) {
      const char* old = std::getenv(name.c_str());
      saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
      Set(name, value.empty() ? std::nullopt : std::optional<std::string>(value));
    }
  }
  ~ScopedEnv() {
    for (const auto& [name, value] : saved_) Set(name, value);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  static void Set(const std::string& name, const std::optional<std::string>& value) {
    if (value) {
      ::setenv(name.c_str(), value->c_str(), 1);
    } else {
      ::unsetenv(name.c_str());
    }
  }
  std::map<std::string, std::optional<std::string>> saved_;
};

// What a developer's shell may hold that would change a run: cleared for every scenario.
inline std::map<std::string, std::string> NoCiEnvironment() {
  return {{"CI", ""},
          {"GITHUB_ACTIONS", ""},
          {"GITHUB_EVENT_NAME", ""},
          {"GITHUB_EVENT_PATH", ""},
          {"GITLAB_CI", ""},
          {"PRE_COMMIT", ""},
          {"GIT_INDEX_FILE", ""},
          {"GIT_DIR", ""},
          {"RISKGATE_NETWORK", ""},
          {"GITHUB_TOKEN", ""},
          {"RISKGATE_GITHUB_TOKEN", ""}};
}

}  // namespace riskgate::testing
