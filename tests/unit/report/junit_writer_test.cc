#include <catch2/catch.hpp>
#include <regex>

#include "report/report.h"
#include "report_samples.h"
#include "support/temp_repo.h"
#include "validators.h"

namespace riskgate::report {
namespace {

using core::Decision;
using core::Severity;
using testing::Sample;
using testing::SecretFinding;

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

void RequireValid(const std::string& xml) {
  riskgate::testing::TempDir dir;
  const std::string path = dir.path() + "/report.xml";
  testing::WriteFile(path, xml);
  testing::RequireValidJunit(path);
}

}  // namespace

TEST_CASE("JUnit has one test case per rule and file, failing only for block findings",
          "[report]") {
  Sample sample({SecretFinding("demo-token", "a.py", 3), SecretFinding("demo-token", "a.py", 9),
                 SecretFinding("demo-token", "b.py", 1, Decision::kWarn, Severity::kMedium),
                 SecretFinding("other-key", "a.py", 2, Decision::kPass, Severity::kLow)});
  const std::string xml = WriteJunit(sample.input());
  RequireValid(xml);
  CHECK(Count(xml, "<testcase ") == 3);
  CHECK(Count(xml, "<failure ") == 1);
  CHECK_THAT(xml, Catch::Contains("<testsuites name=\"riskgate\" tests=\"3\" failures=\"1\""));
  CHECK_THAT(xml, Catch::Contains("<testsuite name=\"riskgate\" tests=\"3\" failures=\"1\""));
  CHECK_THAT(xml, Catch::Contains("classname=\"secrets\" name=\"demo-token: a.py\""));
  CHECK_THAT(xml, Catch::Contains("type=\"demo-token\""));
  // Both block findings of a.py are in its one failure.
  CHECK_THAT(xml, Catch::Contains("block a.py:3 [critical]"));
  CHECK_THAT(xml, Catch::Contains("block a.py:9 [critical]"));
  // The warning is a passed case that says so.
  CHECK(
      std::regex_search(xml, std::regex("name=\"demo-token: b.py\">\\s*<system-out>warn b.py:1")));
  CHECK(std::regex_search(xml, std::regex("name=\"other-key: a.py\">\\s*<system-out>pass a.py:2")));
}

TEST_CASE("a JUnit report without findings has one passing test case", "[report]") {
  const std::string xml = WriteJunit(Sample().input());
  RequireValid(xml);
  CHECK(Count(xml, "<testcase ") == 1);
  CHECK_THAT(xml, Catch::Contains("<testcase classname=\"riskgate\" name=\"riskgate\"/>"));
  CHECK_THAT(xml, Catch::Contains("failures=\"0\""));
}

TEST_CASE("JUnit XML stays valid with markup, control characters and invalid UTF-8", "[report]") {
  auto f = SecretFinding("demo-token", "<evil> & \"q\" 'a'\x01\x1b\xff\xef\xbf\xbe.py", 3);
  f.message = "]]> <!-- --> \x0b\x0c end";
  f.remediation[0].summary = "line one\nline two\ttab";
  auto w = SecretFinding("demo-token", "w\nx.py", 1, Decision::kWarn);
  Sample sample({f, w});
  sample.scope.skipped = {{"bin\x02.dat", core::SkipReason::kBinary, std::nullopt}};
  sample.policy.origin = "/tmp/p&\"olicy\".yml";
  const std::string xml = WriteJunit(sample.input());
  RequireValid(xml);
  CHECK_THAT(xml, Catch::Contains("&lt;evil&gt; &amp; &quot;q&quot; &apos;a&apos;\\x01\\x1b\\xff"));
  CHECK_THAT(xml, Catch::Contains("\\xef\\xbf\\xbe.py"));
  CHECK_THAT(xml, Catch::Contains("]]&gt; &lt;!-- --&gt; \\x0b\\x0c end"));
  CHECK_THAT(xml, Catch::Contains("name=\"demo-token: w&#x0A;x.py\""));
  CHECK_THAT(xml, Catch::Contains("bin\\x02.dat"));
}

}  // namespace riskgate::report
