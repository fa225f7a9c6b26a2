#include <catch2/catch.hpp>

#include "report/report.h"
#include "report_samples.h"

namespace riskgate::report {
namespace {

using core::Decision;
using core::Severity;
using testing::Sample;
using testing::SecretFinding;

}  // namespace

TEST_CASE("the Markdown summary shows the decision, scope, policy and a findings table",
          "[report]") {
  Sample sample({SecretFinding("demo-token", "a.py", 3),
                 SecretFinding("warn-rule", "b.py", 7, Decision::kWarn, Severity::kMedium)});
  sample.scope.skipped = {{"logo.png", core::SkipReason::kBinary, std::nullopt}};
  const std::string md = WriteMarkdown(sample.input());
  CHECK_THAT(md, Catch::StartsWith("## \xf0\x9f\x9a\xab riskgate: block\n"));
  CHECK_THAT(md, Catch::Contains("- **Scope:** staged changes against HEAD \\(abc1234\\); 2 files "
                                 "scanned, 1 skipped"));
  CHECK_THAT(md, Catch::Contains("- **Policy:** builtin:default (sha256 ab12)"));
  CHECK_THAT(md, Catch::Contains("- **Findings:** 2 (1 block, 1 warn, 0 pass)"));
  CHECK_THAT(md, Catch::Contains("| Decision | Severity | Rule | Location | Message |\n|---|"));
  CHECK_THAT(md, Catch::Contains("| \xf0\x9f\x9a\xab block | critical | `demo-token` | `a.py:3` | "
                                 "Demo token found: demo... |\n"));
  CHECK_THAT(md, Catch::Contains("<summary>\xf0\x9f\x9a\xab <code>demo-token</code> at "
                                 "<code>a.py:3</code></summary>"));
  CHECK_THAT(md, Catch::Contains("**Fix:** Revoke and rotate the credential at Demo\n\n```\n"
                                 "Remove it.\n```\n"));
  CHECK_THAT(md, Catch::Contains("**Accept:**"));
  CHECK_THAT(md, Catch::Contains("### Skipped files\n\n- logo.png (binary)\n"));
}

TEST_CASE("a clean Markdown summary says there are no findings", "[report]") {
  const std::string md = WriteMarkdown(Sample().input());
  CHECK_THAT(md, Catch::StartsWith("## \xe2\x9c\x85 riskgate: pass\n"));
  CHECK_THAT(md, Catch::Contains("No findings."));
  CHECK_THAT(md, !Catch::Contains("| Decision |"));
}

TEST_CASE("Markdown table cells escape pipes, backticks and markup from untrusted text",
          "[report]") {
  auto f = SecretFinding("demo-token", "a|b`c</summary><img src=x>.py", 3);
  f.message = "pipe | tick ` [link](http://x) <b>bold</b>\nnext";
  const std::string md = WriteMarkdown(Sample({f}).input());
  CHECK_THAT(md,
             Catch::Contains("| ``a\\|b`c</summary><img src=x>.py:3`` | pipe \\| tick \\` "
                             "\\[link\\]\\(http://x\\) \\<b\\>bold\\</b\\>\\\\x0anext: demo... |"));
  CHECK_THAT(md, Catch::Contains("at <code>a|b`c&lt;/summary&gt;&lt;img src=x&gt;.py:3</code>"));
  // Markup survives only as code-span text in the table (the code span shows it literally).
  const std::string span = "``a\\|b`c</summary><img";
  CHECK(md.find("<img") == md.find(span) + span.size() - 4);
  CHECK(md.find("<img", md.find("<img") + 1) == std::string::npos);
  // Every table row still has exactly six unescaped pipes.
  const auto row_start = md.find("| \xf0\x9f\x9a\xab block");
  REQUIRE(row_start != std::string::npos);
  const std::string row = md.substr(row_start, md.find('\n', row_start) - row_start);
  int pipes = 0;
  for (std::size_t i = 0; i < row.size(); ++i)
    pipes += row[i] == '|' && (i == 0 || row[i - 1] != '\\');
  CHECK(pipes == 6);
}

TEST_CASE("a Markdown summary of very many findings stays under 1 MiB and says what it omitted",
          "[report]") {
  std::vector<core::JudgedFinding> findings;
  for (int i = 0; i < 20000; ++i) {
    auto f = SecretFinding("demo-token",
                           "some/fairly/long/path/to/file" + std::to_string(i) + ".py", i + 1);
    f.remediation[2].detail = std::string(200, 'w');
    findings.push_back(f);
  }
  Sample sample(findings);
  for (int i = 0; i < 50000; ++i) {
    sample.scope.skipped.push_back(
        {"skipped/file" + std::to_string(i) + ".bin", core::SkipReason::kBinary, std::nullopt});
  }
  const std::string md = WriteMarkdown(sample.input());
  CHECK(md.size() < kMarkdownMaxBytes);
  CHECK(md.size() > kMarkdownMaxBytes - 16 * 1024);
  CHECK_THAT(md, Catch::Contains(" more findings omitted**"));
  CHECK_THAT(md, Catch::Contains(" more skipped files omitted**"));
  CHECK_THAT(md, Catch::Contains("`some/fairly/long/path/to/file0.py:1`"));
}

TEST_CASE("one enormous field cannot push a Markdown summary past 1 MiB", "[report]") {
  auto f = SecretFinding("demo-token", std::string(3 * 1024 * 1024, 'p'), 1);
  f.message = std::string(3 * 1024 * 1024, '|');
  f.remediation[0].detail = std::string(3 * 1024 * 1024, '`');
  Sample sample({f});
  sample.scope.detected_by = std::string(3 * 1024 * 1024, '\x01');
  const std::string md = WriteMarkdown(sample.input());
  CHECK(md.size() < kMarkdownMaxBytes);
  CHECK_THAT(md, Catch::Contains("| `demo-token` |"));
}

}  // namespace riskgate::report
