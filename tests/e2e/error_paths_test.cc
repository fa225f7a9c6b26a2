// End to end, issue 5: every way a run can fail, in one table. Each must exit 2 with a
// `riskgate: error:` message naming what failed, print no verdict, and do the same under
// --dry-run: there is no path where an error yields pass.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>

#include "support/process.h"
#include "support/temp_repo.h"

namespace riskgate::testing {
namespace {

struct ErrorPath {
  std::string name;
  // Prepares the repository and returns the arguments after `riskgate`.
  std::function<std::vector<std::string>(TempRepo&)> setup;
  std::string says;  // a phrase the message must contain
  std::map<std::string, std::string> env = {};
};

std::string CorruptBlobOf(TempRepo& repo, const std::string& path) {
  const std::string blob = repo.Git({"rev-parse", "HEAD:" + path}).substr(0, 40);
  const std::string object =
      repo.path() + "/.git/objects/" + blob.substr(0, 2) + "/" + blob.substr(2);
  std::filesystem::permissions(object, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  std::ofstream(object, std::ios::binary | std::ios::trunc) << "not zlib";
  return blob;
}

// A range judged by a policy whose reviews control reads GitHub at `api_url` (empty: the
// environment's GITHUB_API_URL), for pull request #1 of o/r.
std::vector<std::string> ReviewsRange(TempRepo& r, const std::string& api_url) {
  std::string policy =
      "version: 1\ncontrols:\n  reviews:\n    source: github\n    forge: {retries: 0";
  if (!api_url.empty()) policy += ", github_api_url: '" + api_url + "'";
  r.Write(".riskgate.yaml", policy + "}\n");
  r.Commit("policy");
  r.Write("a.txt", "a\n");
  r.Commit("change");
  return {"check", "--base", "HEAD~1", "--pr", "1", "--forge-project", "o/r"};
}

std::vector<ErrorPath> Catalogue() {
  return {
      {"a revision that does not exist",
       [](TempRepo& r) {
         r.Commit("init");
         return std::vector<std::string>{"check", "--base", "nope"};
       },
       "cannot resolve revision 'nope'"},
      {"a base missing from a shallow clone",
       [](TempRepo& r) {
         r.Commit("one");
         r.Write("a.txt", "a\n");
         r.Commit("two");
         r.Write("b.txt", "b\n");
         r.Commit("three");
         Shell("git clone -q --depth 1 file://" + r.path() + " shallow", r.path());
         return std::vector<std::string>{"check", "--repo", "shallow", "--base", "HEAD~2"};
       },
       "fetch-depth: 0"},
      {"a policy file that cannot be read",
       [](TempRepo& r) {
         r.Commit("init");
         return std::vector<std::string>{"check", "--staged", "--policy", "missing.yaml"};
       },
       "missing.yaml"},
      {"an invalid policy",
       [](TempRepo& r) {
         r.Write(".riskgate.yaml", "version: 1\ncontrols: {secrets: {enabled: maybe}}\n");
         r.Commit("init");
         return std::vector<std::string>{"check", "--staged"};
       },
       ".riskgate.yaml:2:"},
      {"a policy naming a rule pack that does not exist",
       [](TempRepo& r) {
         r.Write(".riskgate.yaml", "version: 1\ncontrols: {secrets: {rule_packs: [gone.yaml]}}\n");
         r.Commit("init");
         return std::vector<std::string>{"check", "--staged"};
       },
       "gone.yaml"},
      {"a tracked file that cannot be read",
       [](TempRepo& r) {
         r.Write("data.txt", "x\n");
         r.Commit("init");
         r.Remove("data.txt");
         Shell("mkfifo data.txt", r.path());
         return std::vector<std::string>{"check", "--worktree"};
       },
       "data.txt"},
      {"a corrupt object in the range",
       [](TempRepo& r) {
         const std::string base = r.Commit("init");
         r.Write("notes.txt", "hello\n");
         r.Commit("notes");
         CorruptBlobOf(r, "notes.txt");
         return std::vector<std::string>{"check", "--base", base};
       },
       "riskgate: error:"},
      {"a corrupt .gitlab-ci.yml blob read for its includes",
       [](TempRepo& r) {
         const std::string base = r.Commit("init");
         r.Write(".gitlab-ci.yml", "include: /ci/a.yml\n");
         r.Write("ci/a.yml", "a:\n  script: [make]\n");
         r.Commit("pipeline");
         r.Write("README", "x\n");
         r.Commit("readme");
         CorruptBlobOf(r, ".gitlab-ci.yml");
         return std::vector<std::string>{"check", "--base", "HEAD~1"};
       },
       "riskgate: error:"},
      {"a corrupt blob in the history an audit reads",
       [](TempRepo& r) {
         r.Write("notes.txt", "n\n");
         r.Commit("notes");
         r.Write("notes.txt", "m\n");
         r.Commit("more notes");
         r.Git({"checkout", "-q", "HEAD~1", "--", "notes.txt"});
         CorruptBlobOf(r, "notes.txt");
         return std::vector<std::string>{"history"};
       },
       "is corrupt"},
      {"a shard report that cannot be read",
       [](TempRepo& r) {
         r.Commit("init");
         r.Write("s1.json", "{\"tool\": {\"name\": \"riskgate\"}, \"findings\": [");
         return std::vector<std::string>{"merge", "s1.json"};
       },
       "s1.json"},
      {"an output that cannot be written",
       [](TempRepo& r) {
         r.Commit("init");
         return std::vector<std::string>{"check", "--staged", "--format",
                                         "json",  "--output", "no-such-dir/r.json"};
       },
       "no-such-dir/r.json"},
      {"a GitHub event payload that is not JSON",
       [](TempRepo& r) {
         r.Commit("init");
         r.Write("event.json", "{not json");
         return std::vector<std::string>{"check"};
       },
       "event.json",
       {{"GITHUB_ACTIONS", "true"},
        {"GITHUB_EVENT_NAME", "pull_request"},
        {"GITHUB_EVENT_PATH", "event.json"}}},
      {"a GitHub event payload that is a folder",
       [](TempRepo& r) {
         r.Commit("init");
         std::filesystem::create_directories(r.path() + "/event.json");
         return std::vector<std::string>{"check"};
       },
       "is a folder, not a file",
       {{"GITHUB_ACTIONS", "true"},
        {"GITHUB_EVENT_NAME", "pull_request"},
        {"GITHUB_EVENT_PATH", "event.json"}}},
      {"a GitHub event payload nested past the depth limit",
       [](TempRepo& r) {
         r.Commit("init");
         r.Write("event.json", std::string(5000, '[') + std::string(5000, ']'));
         return std::vector<std::string>{"check"};
       },
       "nested more than 128 levels deep",
       {{"GITHUB_ACTIONS", "true"},
        {"GITHUB_EVENT_NAME", "pull_request"},
        {"GITHUB_EVENT_PATH", "event.json"}}},
      {"a policy that is a symlink out of the repository",
       [](TempRepo& r) {
         r.Commit("init");
         std::filesystem::create_symlink("/dev/zero", r.path() + "/.riskgate.yaml");
         return std::vector<std::string>{"check", "--worktree"};
       },
       "leads outside the repository"},
      {"two formats written to one file",
       [](TempRepo& r) {
         r.Commit("init");
         return std::vector<std::string>{"check",  "--staged", "--format", "json",     "--output",
                                         "r.json", "--format", "sarif",    "--output", "./r.json"};
       },
       "are the same file"},
      {"a run past its time budget",
       [](TempRepo& r) {
         for (int i = 0; i < 2000; ++i) r.Write("f" + std::to_string(i), "x\n");
         r.Commit("files");
         return std::vector<std::string>{"check", "--worktree", "--timeout", "0.002"};
       },
       "--timeout"},
      {"--worktree in a bare repository",
       [](TempRepo& r) {
         r.Commit("init");
         Shell("git clone -q --bare . bare.git", r.path());
         return std::vector<std::string>{"check", "--repo", "bare.git", "--worktree"};
       },
       "bare"},
      {"two scopes at once",
       [](TempRepo& r) {
         r.Commit("init");
         return std::vector<std::string>{"check", "--staged", "--worktree"};
       },
       "riskgate: error"},
      {"an unknown output format",
       [](TempRepo& r) {
         r.Commit("init");
         return std::vector<std::string>{"check", "--staged", "--format", "yaml"};
       },
       "yaml"},
      {"a forge API that refuses the connection",
       [](TempRepo& r) { return ReviewsRange(r, "http://127.0.0.1:1"); },
       "the reviews control failed closed"},
      {"a forge API reached over plain http to another host",
       [](TempRepo& r) { return ReviewsRange(r, ""); },
       "refusing plain http to api.example",
       {{"GITHUB_API_URL", "http://api.example"}}},
      {"the reviews control on GitHub without a pull request",
       [](TempRepo& r) {
         auto args = ReviewsRange(r, "http://127.0.0.1:1");
         args.resize(args.size() - 4);  // no --pr, no --forge-project
         return args;
       },
       "has no pull request",
       {{"GITHUB_REPOSITORY", ""}}},
  };
}

}  // namespace

TEST_CASE("every error path exits 2 with a message, also under --dry-run", "[e2e][errors]") {
  for (const auto& path : Catalogue()) {
    for (const bool dry_run : {false, true}) {
      TempRepo repo;
      auto args = path.setup(repo);
      if (dry_run) args.push_back("--dry-run");
      auto env = path.env;
      for (auto& [key, value] : env) {
        if (value == "event.json") value = repo.path() + "/event.json";
      }
      const auto result = repo.Riskgate(args, env);
      INFO(path.name << (dry_run ? " (dry run)" : "") << "\nstderr: " << result.err
                     << "\nstdout: " << result.out);
      CHECK(result.exit_code == 2);
      CHECK(result.err.find("riskgate: error") != std::string::npos);
      CHECK(result.err.find(path.says) != std::string::npos);
      CHECK(result.out.find("PASS") == std::string::npos);
    }
  }
}

TEST_CASE("a closed standard output is an error, not a silent pass", "[e2e][errors]") {
  TempRepo repo;
  repo.Commit("init");
  auto result = Shell(RiskgateBinary() + " check --staged >&-", repo.path());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("standard output") != std::string::npos);
}

}  // namespace riskgate::testing
