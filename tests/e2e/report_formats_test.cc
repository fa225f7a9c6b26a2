// End to end: the CI report formats written by the real binary in one run, checked with real
// validators (SARIF Multitool, xmllint + JUnit XSD), and searched for the planted secrets.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "support/temp_repo.h"
#include "unit/report/validators.h"

namespace riskgate::testing {
namespace {

const std::string kAws = FakeAwsKeyId();
const std::string kGh = FakeGithubToken();

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  INFO(path);
  REQUIRE(in.good());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const std::vector<std::string> kFormatArgs = {
    "--format", "sarif",    "--output", "x.sarif",  "--format", "junit",    "--output",
    "x.xml",    "--format", "gitlab",   "--output", "gl.json",  "--format", "github",
    "--output", "gh.txt",   "--format", "markdown", "--output", "s.md"};

struct Outputs {
  std::string sarif, junit, gitlab, github, markdown;
};

Outputs RunAllFormats(TempRepo& repo, int expected_exit) {
  std::vector<std::string> args = {"check", "--staged"};
  args.insert(args.end(), kFormatArgs.begin(), kFormatArgs.end());
  auto result = repo.Riskgate(args);
  INFO("stdout: " << result.out << "\nstderr: " << result.err);
  REQUIRE(result.exit_code == expected_exit);
  const std::string dir = repo.path() + "/";
  report::testing::RequireValidSarif(dir + "x.sarif");
  report::testing::RequireValidJunit(dir + "x.xml");
  return Outputs{ReadFile(dir + "x.sarif"), ReadFile(dir + "x.xml"), ReadFile(dir + "gl.json"),
                 ReadFile(dir + "gh.txt"), ReadFile(dir + "s.md")};
}

}  // namespace

TEST_CASE("one run writes valid SARIF, JUnit, Code Quality, annotations and a summary",
          "[e2e][report]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  repo.Commit("init");
  repo.Write("app.py", "import os\nKEY = \"" + kAws + "\"\n");
  repo.Write("deploy dir/run 100%.sh", "#!/bin/sh\nexport GITHUB_TOKEN=" + kGh + "\n");
  repo.Git({"add", "app.py", "deploy dir/run 100%.sh"});
  // One run, checked in blocks (Catch SECTIONs would rerun the binary and validators per section).
  const Outputs out = RunAllFormats(repo, 1);

  {  // SARIF
    auto doc = nlohmann::json::parse(out.sarif);
    const auto& run = doc["runs"][0];
    CHECK(run["tool"]["driver"]["rules"].size() == 2);
    REQUIRE(run["results"].size() == 2);
    std::set<std::string> uris;
    for (const auto& r : run["results"]) {
      CHECK(r["level"] == "error");
      CHECK(r["partialFingerprints"].contains("riskgate/v1"));
      uris.insert(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
    }
    CHECK(uris == std::set<std::string>{"app.py", "deploy%20dir/run%20100%25.sh"});
  }
  {  // JUnit
    CHECK_THAT(out.junit, Catch::Contains("tests=\"2\" failures=\"2\""));
    CHECK_THAT(out.junit, Catch::Contains("classname=\"secrets\""));
  }
  {  // GitLab Code Quality
    auto issues = nlohmann::json::parse(out.gitlab);
    REQUIRE(issues.size() == 2);
    std::set<std::string> paths;
    std::set<std::string> fingerprints;
    for (const auto& issue : issues) {
      for (const char* key :
           {"description", "check_name", "fingerprint", "severity", "location", "categories"}) {
        INFO(key);
        CHECK(issue.contains(key));
      }
      CHECK(issue["severity"] == "blocker");
      CHECK(issue["location"]["lines"]["begin"] == 2);
      paths.insert(issue["location"]["path"]);
      fingerprints.insert(issue["fingerprint"]);
    }
    CHECK(paths == std::set<std::string>{"app.py", "deploy dir/run 100%.sh"});
    CHECK(fingerprints.size() == 2);
  }
  {  // GitHub workflow commands
    CHECK_THAT(out.github, Catch::Contains("::error file=app.py,line=2,"));
    CHECK_THAT(out.github, Catch::Contains("::error file=deploy dir/run 100%25.sh,line=2,"));
    CHECK_THAT(out.github, Catch::Contains("::stop-commands::"));
  }
  {  // Markdown summary
    CHECK_THAT(out.markdown, Catch::Contains("riskgate: block"));
    CHECK_THAT(out.markdown, Catch::Contains("`app.py:2`"));
  }
  {  // no output holds a planted secret, nor more of it than the redacted prefix
    for (const auto* doc : {&out.sarif, &out.junit, &out.gitlab, &out.github, &out.markdown}) {
      for (const auto& secret : {kAws, kGh}) {
        CHECK(doc->find(secret) == std::string::npos);
        CHECK(doc->find(secret.substr(4, 8)) == std::string::npos);
      }
    }
  }
}

TEST_CASE("a clean change still gives valid, non-empty reports in every CI format",
          "[e2e][report]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  repo.Commit("init");
  repo.Write("clean.py", "print('hi')\n");
  repo.Git({"add", "clean.py"});
  const Outputs out = RunAllFormats(repo, 0);
  CHECK(nlohmann::json::parse(out.sarif)["runs"][0]["results"].empty());
  CHECK_THAT(out.junit, Catch::Contains("<testcase classname=\"riskgate\" name=\"riskgate\"/>"));
  CHECK(nlohmann::json::parse(out.gitlab) == nlohmann::json::array());
  CHECK_THAT(out.github, !Catch::Contains("::error"));
  CHECK_THAT(out.markdown, Catch::Contains("No findings."));
}

}  // namespace riskgate::testing
