#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "dashboard/dashboard.h"
#include "sample_metrics.h"

namespace riskgate::dashboard {
namespace {

std::string Markdown(const ledger::Metrics& metrics) {
  return WriteDashboard(DashboardFormat::kMarkdown, metrics);
}

// Pipes that are not escaped with a backslash: a table row has one more than it has cells.
std::size_t CellSeparators(std::string_view line) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
    } else if (line[i] == '|') {
      ++count;
    }
  }
  return count;
}

}  // namespace

TEST_CASE("the Markdown dashboard has a heading per section and the headline figures",
          "[dashboard]") {
  const std::string md = Markdown(testing::SampleMetrics());
  CHECK_THAT(md, Catch::StartsWith("# Security program dashboard\n\nFigures as of **2026-11-30**, "
                                   "from 412 reports of 3 repositories (check runs from "
                                   "2026-06-01 to 2026-11-30).\n"));
  for (const char* heading :
       {"\n## Headline figures\n", "\n## Weekly trends\n", "\n## Time to remediate\n",
        "\n### By control\n", "\n## Open-risk register\n", "\n## Exceptions and their age\n",
        "\n### Oldest waivers\n", "\n## Threat-model coverage\n",
        "\n## Adoption of secure defaults\n", "\n## Gate friction\n",
        "\n## Worst repositories\n"}) {
    CHECK_THAT(md, Catch::Contains(heading));
  }
  CHECK_THAT(md, Catch::Contains("| Figure | Value | Detail |\n|---|---:|---|\n"));
  CHECK_THAT(md, Catch::Contains("| Open critical risks | 2 | 1 accepted |\n"));
  CHECK_THAT(md, Catch::Contains("| Median days to remediate high | 7.2 | over 10 remediated |\n"));
  CHECK_THAT(md, Catch::Contains("| High-tier threat-model coverage | 75% | 3 of 4 components |"));
  CHECK_THAT(md, Catch::Contains("| Gate block rate | 5% | 20 of 400 check runs blocked |\n"));
  CHECK_THAT(md, Catch::Contains("| critical | 4 | 3.5 | 9 | 2 | 12 | 20 |\n"));
  CHECK_THAT(md, Catch::Contains("| secrets | critical | 4 | 3.5 | 9 | 1 | 12 | 12 |\n"));
  CHECK_THAT(md, Catch::Contains("| 2026-10-26 | 9 | 4 | 3 | 3 | 0 | 0 | n/a |\n"));
  CHECK_THAT(md, Catch::Contains("| critical | secrets/aws-access-key | github.com/acme/payments "
                                 "| config/prod.env | 2026-11-18 | 12 | open | alice |  |\n"));
  CHECK_THAT(md, Catch::Contains("| Repositories requiring reviews | 66.7% | 2 of 3 repositories "
                                 "(66.7%) |\n"));
  CHECK_THAT(md, Catch::Contains("- **Time blocked:** median 0.5 days, 90th percentile 2.2 days, "
                                 "over 16 changes\n"));
  CHECK_THAT(md, Catch::EndsWith("|\n"));
  CHECK_THAT(md, !Catch::Contains("<"));
}

TEST_CASE("Markdown cells escape pipes, backticks, angle brackets and line breaks", "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  metrics.open_risks[0].repository = testing::kHostile;
  metrics.open_risks[0].path = "a*b_c[d](e)";
  metrics.worst_repositories[0].repository = testing::kHostile;
  const std::string md = Markdown(metrics);
  const std::string escaped =
      "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot; \\| \\`t\\` \\\\ "
      "=cmd,&#x0A;next";
  CHECK_THAT(md, Catch::Contains("| " + escaped + " |"));
  CHECK_THAT(md, Catch::Contains("a\\*b\\_c\\[d\\](e)"));
  CHECK_THAT(md, !Catch::Contains("<script"));
  // Every line of a table has as many cells as its header.
  std::istringstream lines(md);
  std::string line;
  std::size_t columns = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line.front() != '|') {
      columns = 0;
      continue;
    }
    if (columns == 0) columns = CellSeparators(line);
    INFO(line);
    CHECK(CellSeparators(line) == columns);
  }
}

TEST_CASE("long Markdown tables are cut with a count of the rows left out", "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  const auto risk = metrics.open_risks.front();
  metrics.open_risks.assign(40, risk);
  const std::string md = Markdown(metrics);
  CHECK_THAT(md, Catch::Contains("\n\xe2\x80\xa6 and 10 more open risks (the HTML, JSON and CSV "
                                 "dashboards list them all).\n"));
  CHECK_THAT(md, Catch::Contains("40 open risks, 0 of them accepted"));
}

TEST_CASE("an empty ledger gives a Markdown dashboard of no-data notes", "[dashboard]") {
  const std::string md = Markdown(testing::EmptyMetrics());
  CHECK_THAT(md, Catch::StartsWith("# Security program dashboard\n\nFigures from 0 reports of 0 "
                                   "repositories.\n"));
  CHECK_THAT(md, Catch::Contains("## Weekly trends\n\n_No check runs in the ledger yet._\n"));
  CHECK_THAT(md, Catch::Contains("## Open-risk register\n\n_No open risks._\n"));
  CHECK_THAT(md, Catch::Contains("| Open critical risks | 0 | none accepted |\n"));
  CHECK_THAT(md, Catch::Contains("| Gate block rate | n/a | no check runs |\n"));
  CHECK_THAT(md, Catch::Contains("| Action uses pinned to a full commit SHA | n/a | no uses |"));
  CHECK_THAT(md, Catch::EndsWith("_No repository has an open risk._\n"));
}

}  // namespace riskgate::dashboard
