#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "dashboard/dashboard.h"
#include "sample_metrics.h"

namespace riskgate::dashboard {
namespace {

using Record = std::vector<std::string>;

std::string Csv(const ledger::Metrics& metrics) {
  return WriteDashboard(DashboardFormat::kCsv, metrics);
}

// An RFC 4180 reader (LF or CRLF records); fails the test on a malformed quote.
std::vector<Record> Parse(const std::string& text) {
  std::vector<Record> records;
  Record record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
        REQUIRE((i + 1 == text.size() || text[i + 1] == ',' || text[i + 1] == '\n'));
      }
    } else if (c == '"') {
      REQUIRE(field.empty());
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
    } else {
      field += c;
    }
  }
  REQUIRE_FALSE(quoted);
  REQUIRE(field.empty());
  REQUIRE(record.empty());  // the text ends with a line break
  return records;
}

// The value of the row with these first four fields, or "(missing)".
std::string ValueOf(const std::vector<Record>& records, std::string_view section,
                    std::string_view repository, std::string_view name,
                    std::string_view dimension) {
  for (const auto& r : records) {
    if (r.size() == 5 && r[0] == section && r[1] == repository && r[2] == name &&
        r[3] == dimension) {
      return r[4];
    }
  }
  return "(missing)";
}

}  // namespace

TEST_CASE("the CSV dashboard is one long table with LF line ends", "[dashboard]") {
  const std::string csv = Csv(testing::SampleMetrics());
  CHECK_THAT(csv, Catch::StartsWith("section,repository,name,dimension,value\nsummary,,now,,"
                                    "2026-11-30\n"));
  CHECK(csv.find('\r') == std::string::npos);
  const auto records = Parse(csv);
  for (const auto& record : records) CHECK(record.size() == 5);
  CHECK_THAT(csv, Catch::Contains("\nremediation,,critical,median_days,3.5\n"));
  CHECK_THAT(csv, Catch::Contains("\nremediation,,secrets/critical,open_count,1\n"));
  CHECK_THAT(csv, Catch::Contains("\nremediation,,medium,median_days,\n"));
  CHECK_THAT(csv, Catch::Contains("\nadoption,,uses_pinned_share,,0.8\n"));
  CHECK_THAT(csv, Catch::Contains("\nadoption,,repositories_with_reviews_share,,0.6667\n"));
  CHECK_THAT(csv, Catch::Contains("\nadoption,,images_pinned_share,,\n"));
  CHECK_THAT(csv, Catch::Contains("\nadoption,github.com/acme/web,uses_pinned_share,,0.6\n"));
  CHECK_THAT(csv, Catch::Contains("\nadoption,gitlab.com/acme/infra,uses_pinned_share,,\n"));
  CHECK_THAT(csv, Catch::Contains("\nadoption,gitlab.com/acme/infra,reviews_on,,0\n"));
  CHECK_THAT(csv, Catch::Contains("\nopen_risk,github.com/acme/payments,fp-aaaa1111,rule,"
                                  "aws-access-key\n"));
  CHECK_THAT(csv, Catch::Contains("\nexception,github.com/acme/web,W-1,days_left,-29\n"));
  CHECK_THAT(csv, Catch::Contains("\nexceptions_by_age,,181+,,1\n"));
  CHECK_THAT(csv, Catch::Contains("\nthreat_models,,share,,0.75\n"));
  CHECK_THAT(csv, Catch::Contains("\nthreat_model_component,gitlab.com/acme/infra,vpn-gateway,"
                                  "covered,0\n"));
  CHECK_THAT(csv, Catch::Contains("\nchange_without_model,gitlab.com/acme/infra,4f2c9e1/"
                                  "vpn-gateway,decision,warn\n"));
  CHECK_THAT(csv, Catch::Contains("\nfriction,,block_rate,,0.05\n"));
  CHECK_THAT(csv, Catch::Contains("\nfriction,github.com/acme/web,block,,8\n"));
  CHECK_THAT(csv, Catch::Contains("\nfriction_rule,,secrets/aws-access-key,block,12\n"));
  CHECK_THAT(csv, Catch::Contains("\ntrend,,2026-09-07,open_findings,12\n"));
  CHECK_THAT(csv, Catch::Contains("\ntrend,,2026-10-26,block_rate,\n"));
  CHECK_THAT(csv, Catch::Contains("\nworst_repository,github.com/acme/payments,rank,,1\n"));
  CHECK(ValueOf(records, "summary", "", "reports", "") == "412");
}

TEST_CASE("CSV fields with commas, quotes or line breaks are quoted and read back", "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  metrics.open_risks[0].path = "a,b \"c\"\nd";
  metrics.open_risks[0].repository = "acme, inc";
  const std::string csv = Csv(metrics);
  // A line break is written as the text \x0a (core::EscapeForDisplay): one record per line.
  CHECK_THAT(csv,
             Catch::Contains("\nopen_risk,\"acme, inc\",fp-aaaa1111,path,\"a,b \"\"c\"\"\\x0ad\""
                             "\n"));
  const auto records = Parse(csv);
  CHECK(ValueOf(records, "open_risk", "acme, inc", "fp-aaaa1111", "path") == "a,b \"c\"\\x0ad");
}

TEST_CASE("CSV cells that a spreadsheet would run as a formula get a leading quote",
          "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  auto& risk = metrics.open_risks[0];
  risk.owner = "=HYPERLINK(\"http://x\",\"y\")";
  risk.path = "+1+2";
  risk.rule = "-cmd";
  risk.control = "@SUM(A1)";
  risk.waiver_id = "\tW";
  risk.expires = "\r2026";
  const auto records = Parse(Csv(metrics));
  const auto value = [&](std::string_view dimension) {
    return ValueOf(records, "open_risk", "github.com/acme/payments", "fp-aaaa1111", dimension);
  };
  CHECK(value("owner") == "'=HYPERLINK(\"http://x\",\"y\")");
  CHECK(value("path") == "'+1+2");
  CHECK(value("rule") == "'-cmd");
  CHECK(value("control") == "'@SUM(A1)");
  // Control characters are escaped text, so they start no formula.
  CHECK(value("waiver_id") == "\\x09W");
  CHECK(value("expires") == "\\x0d2026");
  // Negative numbers stay numbers.
  CHECK(ValueOf(records, "exception", "github.com/acme/web", "W-1", "days_left") == "-29");
}

TEST_CASE("CSV text is UTF-8 even when a metrics string is not: other bytes as \\xNN",
          "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  metrics.open_risks[0].path = "caf\xc3\xa9-\xff";
  const auto records = Parse(Csv(metrics));
  CHECK(ValueOf(records, "open_risk", "github.com/acme/payments", "fp-aaaa1111", "path") ==
        "caf\xc3\xa9-\\xff");
}

TEST_CASE("an empty ledger gives a CSV of the header and the summary rows", "[dashboard]") {
  const std::string csv = Csv(testing::EmptyMetrics());
  const auto records = Parse(csv);
  CHECK(records.front() == Record{"section", "repository", "name", "dimension", "value"});
  CHECK(ValueOf(records, "summary", "", "repositories", "") == "0");
  CHECK(ValueOf(records, "threat_models", "", "share", "") == "");
  CHECK(ValueOf(records, "friction", "", "block_rate", "") == "");
  CHECK_THAT(csv, !Catch::Contains("\nopen_risk,"));
  CHECK_THAT(csv, !Catch::Contains("\ntrend,"));
}

}  // namespace riskgate::dashboard
