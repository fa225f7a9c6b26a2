#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "dashboard/dashboard.h"
#include "sample_metrics.h"

namespace riskgate::dashboard {
namespace {

nlohmann::json Json(const ledger::Metrics& metrics) {
  return nlohmann::json::parse(WriteDashboard(DashboardFormat::kJson, metrics));
}

// Every member name at every level.
void Keys(const nlohmann::json& value, std::vector<std::string>& out) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      out.push_back(key);
      Keys(member, out);
    }
  } else if (value.is_array()) {
    for (const auto& item : value) Keys(item, out);
  }
}

}  // namespace

TEST_CASE("the JSON dashboard holds the whole metrics under the tool and kind", "[dashboard]") {
  const auto json = Json(testing::SampleMetrics());
  CHECK(json["tool"] == nlohmann::json{{"name", "riskgate"}});
  CHECK(json["kind"] == "dashboard");
  CHECK(json["now"] == "2026-11-30");
  CHECK(json["repositories"] == 3);
  CHECK(json["reports"] == 412);
  CHECK(json["first_run"] == "2026-06-01");
  REQUIRE(json["remediation"].size() == 5);
  CHECK(json["remediation"][0] == nlohmann::json::parse(R"({"severity": "critical", "control": "",
          "remediated": {"count": 4, "median_days": 3.5, "p90_days": 9.0},
          "open_age": {"count": 2, "median_days": 12.0, "p90_days": 20.0}})"));
  CHECK(json["remediation"][2]["remediated"]["median_days"].is_null());
  CHECK(json["remediation"][3]["control"] == "secrets");
  REQUIRE(json["open_risks"].size() == 4);
  CHECK(json["open_risks"][1] == nlohmann::json::parse(R"({
          "repository": "github.com/acme/payments", "control": "secrets",
          "rule": "slack-webhook", "severity": "critical", "path": "scripts/notify.sh",
          "fingerprint": "fp-bbbb2222", "first_seen": "2026-11-10", "age_days": 20.0,
          "owner": "bob", "status": "accepted", "waiver_id": "W-7",
          "expires": "2026-12-15"})"));
  CHECK(json["exceptions"]["total"] == 4);
  CHECK(json["exceptions"]["by_age"][3] == nlohmann::json{{"name", "181+"}, {"value", 1}});
  CHECK(json["exceptions"]["oldest"][0]["days_left"] == -29);
  CHECK(json["exceptions"]["oldest"][0]["renewals"] == 2);
  CHECK(json["threat_models"]["share"] == 0.75);
  CHECK(json["threat_models"]["components"][3]["covered"] == false);
  CHECK(json["threat_models"]["changes_without_model"][0]["commit"] == "4f2c9e1");
  CHECK(json["adoption"]["repositories_with_reviews_share"] == 0.6667);
  CHECK(json["adoption"]["images_pinned_share"].is_null());
  CHECK(json["adoption"]["repositories"][2]["reviews_on"] == false);
  CHECK(json["friction"]["time_blocked"]["p90_days"] == 2.25);
  CHECK(json["friction"]["by_rule"][0]["rule"] == "secrets/aws-access-key");
  CHECK(json["friction"]["by_rule"][0]["repository"] == "");
  REQUIRE(json["trend"].size() == 12);
  CHECK(json["trend"][0] == nlohmann::json::parse(R"({"week": "2026-09-07", "open_findings": 12,
          "opened": 3, "remediated": 4, "active_waivers": 2, "runs": 30, "blocked_runs": 3})"));
  CHECK(json["worst_repositories"][0]["critical"] == 2);
  CHECK(json["worst_repositories"][0]["last_run"] == "2026-11-30");
}

TEST_CASE("the JSON dashboard's member names are snake_case and in the struct's order",
          "[dashboard]") {
  const std::string text = WriteDashboard(DashboardFormat::kJson, testing::SampleMetrics());
  std::vector<std::string> keys;
  Keys(nlohmann::json::parse(text), keys);
  const std::regex snake_case("[a-z][a-z0-9_]*");
  for (const auto& key : keys) {
    INFO(key);
    CHECK(std::regex_match(key, snake_case));
  }
  CHECK(text.find("\"tool\"") < text.find("\"kind\""));
  CHECK(text.find("\"remediation\"") < text.find("\"open_risks\""));
  CHECK(text.find("\"trend\"") < text.find("\"worst_repositories\""));
  CHECK_THAT(text, Catch::EndsWith("}\n"));
}

TEST_CASE("strings from the metrics round-trip through the JSON dashboard", "[dashboard]") {
  auto metrics = testing::SampleMetrics();
  metrics.open_risks[0].path = testing::kHostile;
  metrics.exceptions.by_owner[0].name = testing::kHostile;
  const auto json = Json(metrics);
  CHECK(json["open_risks"][0]["path"] == testing::kHostile);
  CHECK(json["exceptions"]["by_owner"][0]["name"] == testing::kHostile);
}

TEST_CASE("an empty ledger gives a JSON dashboard of zeros, nulls and empty lists", "[dashboard]") {
  const auto json = Json(testing::EmptyMetrics());
  CHECK(json["kind"] == "dashboard");
  CHECK(json["now"] == "");
  CHECK(json["open_risks"] == nlohmann::json::array());
  CHECK(json["trend"] == nlohmann::json::array());
  CHECK(json["threat_models"]["share"].is_null());
  CHECK(json["adoption"]["uses_pinned_share"].is_null());
  CHECK(json["friction"]["time_blocked"] ==
        nlohmann::json::parse(R"({"count": 0, "median_days": null, "p90_days": null})"));
  CHECK(json["exceptions"]["oldest"] == nlohmann::json::array());
}

}  // namespace riskgate::dashboard
