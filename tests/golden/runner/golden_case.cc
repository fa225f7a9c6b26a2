#include "golden/runner/golden_case.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support/fixture_server.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

namespace fs = std::filesystem;
using Env = std::map<std::string, std::string>;

// Every commit of every recipe is made at this instant, and riskgate's clock reads this day, so
// commit ids, ages and expiries are the same on every run. A recipe may date a commit itself.
constexpr const char* kCommitDate = "2026-11-01T12:00:00Z";
constexpr const char* kToday = "2026-11-27";

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.front() != '#') out.push_back(line);
  }
  return out;
}

// Blanks (removes, for Run) every variable of this process that could tell riskgate or git it
// runs somewhere in particular: CI systems, hooks, git's own, riskgate's.
Env NeutralEnvironment() {
  static const std::regex kMachineSpecific(
      "(CI|CI_.*|GITHUB_.*|GITLAB_.*|RUNNER_.*|PRE_COMMIT.*|GIT_.*|RISKGATE_.*|BUILDKITE.*|"
      "JENKINS_URL|TF_BUILD|CIRCLECI|TRAVIS|NO_COLOR|HTTPS?_PROXY|https?_proxy|NO_PROXY|"
      "no_proxy|SSL_CERT_FILE|XDG_CONFIG_HOME)");
  Env env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    if (std::regex_match(name, kMachineSpecific)) env[name] = "";
  }
  return env;
}

// ${NAME} in an `args` or `env` line, from the run's values (REPO, FORGE_URL, SECRET_1, ...).
std::string Expand(std::string text, const Env& values) {
  for (const auto& [name, value] : values) {
    const std::string token = "${" + name + "}";
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at)) {
      text.replace(at, token.size(), value);
      at += value.size();
    }
  }
  return text;
}

// `text` as the markdown report writes it (report/text_escape.cc escapes these characters).
std::string MarkdownSpelling(const std::string& text) {
  static constexpr std::string_view kSpecial = "\\`*_{}[]<>()#+-!|~&@";
  std::string out;
  for (char c : text) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// Installs policy.yaml and runs recipe.sh in the repository with a fixed identity and date.
// What the recipe appends to $GOLDEN_VALUES as NAME=VALUE lines joins `values`.
void BuildRepository(const GoldenCase& golden, TempRepo& repo, const std::string& home,
                     Env& values) {
  Env env = NeutralEnvironment();
  for (const auto& [name, value] : values) env[name] = value;
  const std::string values_file = home + "/golden-values";
  env.insert_or_assign("GOLDEN_VALUES", values_file);
  env.insert_or_assign("HOME", home);
  env.insert_or_assign("GIT_CONFIG_NOSYSTEM", "1");
  env.insert_or_assign("GIT_AUTHOR_NAME", "Test Author");
  env.insert_or_assign("GIT_AUTHOR_EMAIL", "author@example.com");
  env.insert_or_assign("GIT_COMMITTER_NAME", "Test Committer");
  env.insert_or_assign("GIT_COMMITTER_EMAIL", "committer@example.com");
  env.insert_or_assign("GIT_AUTHOR_DATE", kCommitDate);
  env.insert_or_assign("GIT_COMMITTER_DATE", kCommitDate);
  if (const auto policy = fs::path(golden.dir) / "policy.yaml"; fs::exists(policy)) {
    repo.Write(".riskgate.yaml", ReadText(policy));
  }
  const auto recipe = Run({"sh", "-e", golden.dir + "/recipe.sh"}, repo.path(), env);
  INFO("recipe.sh of " << golden.name << ": " << recipe.out << recipe.err);
  REQUIRE(recipe.exit_code == 0);
  for (const auto& line : Lines(ReadText(values_file))) {
    const auto eq = line.find('=');
    if (eq != std::string::npos) values[line.substr(0, eq)] = line.substr(eq + 1);
  }
}

}  // namespace

const std::vector<std::string>& GoldenFormats() {
  static const std::vector<std::string> formats = {"text",   "json",   "sarif",   "junit",
                                                   "gitlab", "github", "markdown"};
  return formats;
}

GoldenCase LoadGoldenCase(const std::string& dir) {
  GoldenCase golden;
  golden.dir = fs::absolute(dir).lexically_normal().string();
  if (!golden.dir.empty() && golden.dir.back() == '/') golden.dir.pop_back();
  golden.name = fs::path(golden.dir).filename().string();
  INFO("golden case " << golden.dir);
  REQUIRE(fs::is_regular_file(fs::path(golden.dir) / "recipe.sh"));
  REQUIRE(fs::is_regular_file(fs::path(golden.dir) / "args"));
  golden.args = Lines(ReadText(fs::path(golden.dir) / "args"));
  golden.env = Lines(ReadText(fs::path(golden.dir) / "env"));
  // A secret is written with a '|' inside, so that no file of this tree holds it whole.
  for (auto line : Lines(ReadText(fs::path(golden.dir) / "secrets"))) {
    const auto bar = line.find('|');
    REQUIRE(bar != std::string::npos);
    golden.secrets.push_back(line.erase(bar, 1));
  }
  if (const auto routes = fs::path(golden.dir) / "forge.json"; fs::exists(routes)) {
    const auto parsed = nlohmann::json::parse(ReadText(routes));
    for (auto it = parsed.begin(); it != parsed.end(); ++it) golden.routes[it.key()] = it->dump();
  }
  return golden;
}

GoldenRun RunGoldenCase(const GoldenCase& golden) {
  TempRepo repo;
  TempDir out;
  TempDir home;
  Env values = {{"REPO", repo.path()}, {"CASE_DIR", golden.dir}};
  for (std::size_t i = 0; i < golden.secrets.size(); ++i) {
    values["SECRET_" + std::to_string(i + 1)] = golden.secrets[i];
  }
  BuildRepository(golden, repo, home.path(), values);

  // The forge fixture starts after the recipe, so that its answers can name the commits made.
  std::unique_ptr<FixtureServer> forge;
  if (!golden.routes.empty()) {
    forge = std::make_unique<FixtureServer>();
    values["FORGE_URL"] = forge->url();
    for (const auto& [target, body] : golden.routes) forge->On(target, Expand(body, values));
  }
  std::vector<std::string> argv = {RiskgateBinary()};
  for (const auto& arg : golden.args) argv.push_back(Expand(arg, values));
  for (const auto& format : GoldenFormats()) {
    argv.insert(argv.end(), {"--format", format, "--output", out.path() + "/report." + format});
  }
  Env run_env = NeutralEnvironment();
  run_env["HOME"] = home.path();
  run_env["GIT_CONFIG_NOSYSTEM"] = "1";
  run_env["RISKGATE_NOW"] = kToday;
  for (const auto& line : golden.env) {
    const auto eq = line.find('=');
    INFO("env line: " << line);
    REQUIRE(eq != std::string::npos);
    run_env[line.substr(0, eq)] = Expand(line.substr(eq + 1), values);
  }
  const auto result = Run(argv, repo.path(), run_env);

  GoldenRun run;
  for (const auto& format : GoldenFormats()) {
    const auto path = fs::path(out.path()) / ("report." + format);
    run.documents["expected." + format] =
        fs::exists(path) ? ReadText(path) : "(riskgate wrote no " + format + " report)\n";
  }
  run.documents["expected.exit"] = std::to_string(result.exit_code) + "\n";
  run.documents["expected.stderr"] = result.err;
  run.stdout_text = result.out;
  // Each temporary folder as given, resolved (a symlinked /tmp) and as the markdown report
  // escapes it (`riskgate\-test`).
  for (const auto& [path, placeholder] :
       {std::pair{repo.path(), "<repo>"}, {out.path(), "<out>"}, {home.path(), "<home>"}}) {
    for (const auto& spelling : {path, fs::weakly_canonical(path).string()}) {
      run.substitutions[spelling] = placeholder;
      run.substitutions[MarkdownSpelling(spelling)] = placeholder;
    }
  }
  if (forge) run.substitutions[forge->url()] = "<forge>";
  return run;
}

}  // namespace riskgate::testing
