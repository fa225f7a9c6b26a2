// Threat-model parsers on real-shaped files written from the documented schemas: an OWASP
// Threat Dragon v2 model with threats under cells[].data.threats[], a Threagile model with
// risk_tracking, and Markdown with a residual-risk table.
#include <catch2/catch.hpp>

#include <fstream>

#include "evaluate/threat_model/model_document.h"

namespace riskgate::evaluate::threat_model {
namespace {

const std::vector<std::string> kParts = {"Assets",           "Actors",      "Entry points",
                                         "Trust boundaries", "Abuse cases", "Controls",
                                         "Residual risk"};

std::string Fixture(const std::string& name) {
  std::ifstream in("tests/unit/evaluate/threat_models/" + name);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a Threat Dragon v2 model: parts from element types, open threats as residual risk",
          "[evaluate][threat_model]") {
  const auto doc = ReadModel("tm/payments.json", Fixture("payments.threat-dragon.json"), kParts);
  REQUIRE(doc.error.empty());
  CHECK(doc.format == ModelFormat::kThreatDragon);
  for (const auto& part : doc.parts) {
    INFO(part.name);
    CHECK(part.present);
  }
  REQUIRE(doc.residual.size() == 2);  // the mitigated threat is not residual
  CHECK(doc.residual[0].title == "Replayed charge request");
  CHECK(doc.residual[0].severity == core::Severity::kHigh);
  CHECK(doc.residual[1].severity == core::Severity::kMedium);
  CHECK_FALSE(HasOwner(doc.residual[0]));  // summary.owner is empty
  CHECK(Mentions(doc, "payments-api"));
  CHECK(Mentions(doc, "Ledger"));
  CHECK_FALSE(Mentions(doc, "refunds-worker"));
}

TEST_CASE("a Threagile model: parts from its sections, risk_tracking as residual risk",
          "[evaluate][threat_model]") {
  const auto doc = ReadModel("payments.threagile.yaml", Fixture("payments.threagile.yaml"), kParts);
  REQUIRE(doc.error.empty());
  CHECK(doc.format == ModelFormat::kThreagile);
  for (const auto& part : doc.parts) {
    INFO(part.name);
    CHECK(part.present);
  }
  REQUIRE(doc.residual.size() == 2);  // mitigated entries are not residual
  CHECK(doc.residual[0].title == "missing-authentication@payments-api");
  CHECK(doc.residual[0].status == "accepted");
  CHECK(doc.residual[0].owner == "alice");
  CHECK(doc.residual[0].date == "2026-09-30");
  CHECK(doc.residual[0].line == 47);
  CHECK(doc.residual[1].status == "in-discussion");
  CHECK_FALSE(HasOwner(doc.residual[1]));
  CHECK(Mentions(doc, "payments-api"));
}

TEST_CASE("models that are not what their name says are unparsable, not empty",
          "[evaluate][threat_model]") {
  CHECK_THAT(ReadModel("m.json", "{\"cells\": []}", kParts).error,
             Catch::Contains("not a Threat Dragon v2 model"));
  CHECK_THAT(ReadModel("m.json", "{\"summary\": ", kParts).error,
             Catch::Contains("not valid JSON"));
  // Located: the line where the JSON goes wrong.
  CHECK(ReadModel("m.json", "{\n  \"summary\": {},\n  \"detail\": ]\n}", kParts).error_line == 3);
  CHECK_THAT(ReadModel("m.yaml", "title: x\n", kParts).error,
             Catch::Contains("no `threagile_version`"));
  const auto bad = ReadModel("m.yaml", "a: [\n", kParts);
  CHECK_FALSE(bad.error.empty());
}

TEST_CASE("Markdown parts: numbered headings count, placeholders and fenced code do not",
          "[evaluate][threat_model]") {
  const auto doc = ReadModel("TM.md",
                             "# Model\n## 1. Assets\nx\n## 2. Actors:\n<fill in: actors>\n"
                             "## Controls\n```\n## Entry points\n```\n",
                             kParts);
  CHECK(doc.parts[0].present);
  CHECK_FALSE(doc.parts[0].empty);
  CHECK(doc.parts[1].present);
  CHECK(doc.parts[1].empty);
  CHECK_FALSE(doc.parts[2].present);  // inside a code fence
  CHECK(doc.parts[5].present);
}

}  // namespace riskgate::evaluate::threat_model
