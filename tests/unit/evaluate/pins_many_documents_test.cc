// The pins control judges each document alone: many documents (judged on several threads)
// give the findings each gives alone, in the order of the files.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "collect/facts.h"
#include "evaluate/pins/pins_evaluator.h"
#include "policy/pins_rules.h"

namespace riskgate::evaluate::pins {

TEST_CASE("many documents give the findings each gives alone, in file order", "[pins]") {
  policy::PinsControl pins;
  for (const auto& rule : policy::PinsRules()) pins.severity[std::string(rule.id)] = rule.severity;
  std::vector<collect::ChangedFile> files;
  const std::string padding(40000, '#');  // 60 files of 40 kB: over the 1 MiB for threads
  for (int i = 0; i < 60; ++i) {
    collect::ChangedFile file;
    const std::string n = std::to_string(i);
    if (i % 3 == 0) {
      file.path = "images/" + n + "/Dockerfile";
      file.content = "# " + padding + "\nFROM ubuntu:2" + n + ".04\nRUN curl -sL https://x" + n +
                     ".example/i.sh | sh\n";
      file.base_content = "FROM ubuntu:2" + n + ".04\n";  // the FROM line was there already
    } else if (i % 3 == 1) {
      file.path = "scripts/install" + n + ".sh";
      file.content = "# " + padding + "\ncurl -fsSL https://get" + n + ".example/x | bash\n";
    } else {
      file.path = ".github/workflows/ci" + n + ".yml";
      file.content = "# " + padding +
                     "\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - "
                     "uses: actions/checkout@v" +
                     n + "\n";
    }
    file.added_lines = {1, 2, 3, 4, 5, 6, 7, 8};
    files.push_back(std::move(file));
  }
  std::vector<core::Finding> alone;
  for (const auto& file : files) {
    for (auto& finding : EvaluatePins({file}, pins, {})) alone.push_back(std::move(finding));
  }
  const auto together = EvaluatePins(files, pins, {});
  REQUIRE(alone.size() >= 60);
  REQUIRE(together.size() == alone.size());
  for (std::size_t i = 0; i < alone.size(); ++i) {
    INFO("finding " << i);
    CHECK(together[i].location.path == alone[i].location.path);
    CHECK(together[i].location.line == alone[i].location.line);
    CHECK(together[i].rule == alone[i].rule);
    CHECK(together[i].fingerprint == alone[i].fingerprint);
    CHECK(together[i].in_change == alone[i].in_change);
  }
  // The Dockerfiles' base images were there before: not part of the change.
  for (const auto& finding : together) {
    if (finding.location.path.ends_with("Dockerfile") && finding.location.line == 2) {
      CHECK_FALSE(finding.in_change);
    }
  }
}

}  // namespace riskgate::evaluate::pins
