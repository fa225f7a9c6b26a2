#include <catch2/catch.hpp>
#include <sstream>

#include "report/report.h"
#include "report_samples.h"

namespace riskgate::report {
namespace {

using core::Decision;
using core::Severity;
using testing::Sample;
using testing::SecretFinding;

constexpr std::string_view kToken = "0123456789abcdef0123456789abcdef";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Lines GitHub would run as commands: those outside the stop-commands block that start with "::".
std::vector<std::string> ActiveCommands(const std::string& text) {
  std::vector<std::string> commands;
  std::string stopped_until;
  for (const auto& line : Lines(text)) {
    if (!stopped_until.empty()) {
      if (line == stopped_until) stopped_until.clear();
      continue;
    }
    if (line.rfind("::stop-commands::", 0) == 0) {
      stopped_until = "::" + line.substr(17) + "::";
      continue;
    }
    if (line.rfind("::", 0) == 0) commands.push_back(line);
  }
  return commands;
}

}  // namespace

TEST_CASE("GitHub annotations name file, line, column and title, most severe first", "[report]") {
  Sample sample({SecretFinding("low-rule", "b.py", 2, Decision::kPass, Severity::kLow),
                 SecretFinding("warn-rule", "c.py", 0, Decision::kWarn, Severity::kMedium),
                 SecretFinding("demo-token", "a.py", 3)});
  auto commands = ActiveCommands(WriteGithub(sample.input(), kToken));
  REQUIRE(commands.size() == 5);
  CHECK(commands[0] ==
        "::error file=a.py,line=3,col=5,title=riskgate%3A demo-token (critical)::Demo token "
        "found: demo... Fix: Revoke and rotate the credential at Demo.");
  CHECK(commands[1].rfind("::warning file=c.py,line=1,col=5,", 0) == 0);
  CHECK(commands[2].rfind("::notice file=b.py,line=2,", 0) == 0);
  CHECK(commands[3] == "::group::riskgate findings");
  CHECK(commands[4] == "::endgroup::");
}

TEST_CASE("untrusted text cannot inject workflow commands", "[report]") {
  auto f = SecretFinding("demo-token", "x,y:z%\n::error::pwned\r.py", 3);
  f.message = "msg\n::add-mask::x\r\n::set-output name=a::b";
  const std::string out = WriteGithub(Sample({f}).input(), kToken);
  auto commands = ActiveCommands(out);
  REQUIRE(commands.size() == 3);
  CHECK(commands[0].rfind("::error file=x%2Cy%3Az%25%0A%3A%3Aerror%3A%3Apwned%0D.py,line=3,", 0) ==
        0);
  CHECK_THAT(commands[0],
             Catch::EndsWith("::msg%0A::add-mask::x%0D%0A::set-output name=a::b: "
                             "demo... Fix: Revoke and rotate the credential at Demo."));
  // The text report, which repeats the path and message, is inside the stop-commands block.
  CHECK_THAT(out, Catch::Contains("::stop-commands::" + std::string(kToken) + "\n"));
  CHECK_THAT(out, Catch::Contains("\n::" + std::string(kToken) + "::\n"));
  CHECK_THAT(out, Catch::Contains("x,y:z%\\x0a::error::pwned\\x0d.py:3:5"));
}

TEST_CASE("GitHub output stops after 50 annotations and points to the summary", "[report]") {
  std::vector<core::JudgedFinding> findings;
  for (int i = 0; i < 70; ++i) findings.push_back(SecretFinding("r", "f.py", i + 1));
  auto commands = ActiveCommands(WriteGithub(Sample(findings).input(), kToken));
  REQUIRE(commands.size() == 53);
  CHECK(commands[49].rfind("::error file=f.py,line=50,", 0) == 0);
  CHECK(commands[50] == "::warning::20 more findings: see the job summary");
}

TEST_CASE("a stop-commands token is new for every run and never a weak one", "[report]") {
  const std::string a = NewStopToken();
  const std::string b = NewStopToken();
  CHECK(a.size() == 32);
  CHECK(a != b);
  // An empty or malformed token is replaced by a fresh random one.
  const std::string out = WriteGithub(Sample().input(), "");
  CHECK_THAT(out, !Catch::Contains("::stop-commands::\n"));
  CHECK(ActiveCommands(out).size() == 2);
}

}  // namespace riskgate::report
