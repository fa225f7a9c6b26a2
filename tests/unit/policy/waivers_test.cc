#include "policy/waivers.h"

#include <catch2/catch.hpp>

#include "policy/baseline.h"
#include "policy/policy.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {
namespace {

Waiver Sample() {
  Waiver w;
  w.id = "W-9";
  w.rule = "demo-token";
  w.reason = "a \"quoted\" reason";
  w.owner = "alice";
  w.approver = "@acme/security";
  w.created = *core::ParseDate("2026-11-01");
  w.expires = *core::ParseDate("2026-11-30");
  return w;
}

}  // namespace

TEST_CASE("a NUL byte in YAML is an error at its position, not a silent end of file",
          "[policy][issue5]") {
  // Found by fuzz_waivers: yaml-cpp stopped at the NUL and returned the text before it.
  core::Diagnostics diagnostics;
  const std::string text("version: 1\nwaivers: []\n# \0hidden: true\n", 36);
  CHECK_FALSE(ParseYaml(text, "w.yaml", diagnostics));
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].ToString() ==
        "w.yaml:3:3: invalid YAML: a NUL byte (YAML forbids it)");
}

TEST_CASE("a document yaml-cpp reads as null although it has content is an error",
          "[policy][issue5]") {
  // Found by fuzz_waivers: a leading ',' made yaml-cpp return an empty document, silently.
  core::Diagnostics diagnostics;
  CHECK_FALSE(ParseYaml("# register\n,x\nversion: 1\nwaivers: []\n", "w.yaml", diagnostics));
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].ToString().starts_with("w.yaml:2:1: invalid YAML: "));
  for (const char* empty : {"", "# only a comment\n", "---\n...\n", "~\n", "%YAML 1.2\n---\n"}) {
    core::Diagnostics none;
    INFO(empty);
    CHECK(ParseYaml(empty, "e.yaml", none));
    CHECK(none.empty());
  }
}

TEST_CASE("a second YAML document is an error, not silently dropped", "[policy][issue5]") {
  // Found by fuzz_waivers: a '%' line after content started a document yaml-cpp's Load ignored.
  for (const char* text :
       {"version: 1\n---\ncontrols: {}\n", "version: 1\n%YAML 1.2\n---\na: 1\n"}) {
    core::Diagnostics diagnostics;
    INFO(text);
    CHECK_FALSE(ParseYaml(text, "p.yaml", diagnostics));
    REQUIRE(diagnostics.items().size() == 1);
    CHECK(diagnostics.items()[0].message.find("a second document") != std::string::npos);
  }
  core::Diagnostics none;
  CHECK(ParseYaml("---\nversion: 1\n...\n", "p.yaml", none));
}

TEST_CASE("an unterminated quoted string is an error, not the rest of the file",
          "[policy][issue5]") {
  // Found by fuzz_waivers: yaml-cpp closes a quoted string at the end of the input.
  for (const char* text : {"a: 'foo\nb: 1\n", "a: \"foo\\\"\nb: 1\n", "'key: 1\n"}) {
    core::Diagnostics diagnostics;
    INFO(text);
    CHECK_FALSE(ParseYaml(text, "q.yaml", diagnostics));
    REQUIRE(diagnostics.items().size() == 1);
    CHECK(diagnostics.items()[0].message.find("is never closed") != std::string::npos);
  }
  core::Diagnostics none;
  const auto ok = ParseYaml("a: 'it''s'\nb: \"q\\\"x\"\nc: 'multi\n  line'\n", "q.yaml", none);
  REQUIRE(ok);
  CHECK(ok->Find("a")->scalar == "it's");
  CHECK(ok->Find("b")->scalar == "q\"x");
  CHECK(none.empty());
}

TEST_CASE("appending a waiver to a file of comments adds the document's keys", "[policy][issue6]") {
  // Found by fuzz_waivers once NUL bytes were rejected.
  for (const std::string existing : {"", "# register\n", "# register", "version: 1\n"}) {
    core::Diagnostics diagnostics;
    const auto loaded = LoadWaivers(AppendWaiver(existing, Sample()), "w.yaml", diagnostics);
    INFO(existing);
    CHECK(diagnostics.empty());
    REQUIRE(loaded.size() == 1);
    CHECK(loaded[0].reason == "a \"quoted\" reason");
    CHECK(loaded[0].approver == "@acme/security");
  }
  core::Diagnostics diagnostics;
  CHECK(LoadWaivers(AppendWaiver("version: 1\nwaivers: []\n", Sample()), "w.yaml", diagnostics)
            .size() == 1);
}

TEST_CASE("a baseline with an overflowing number is an error, not a crash", "[policy][issue6]") {
  // Found by fuzz_baseline: nlohmann throws out_of_range, not parse_error, on overflow.
  auto loaded = LoadBaseline("555555e1310", "b.json");
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().message.find("invalid baseline: not JSON") != std::string::npos);
}

}  // namespace riskgate::policy

namespace riskgate::policy {

TEST_CASE("a baseline nested past the depth limit is an error, not a stack overflow",
          "[policy][baseline]") {
  const std::string deep =
      "{\"version\": 1, \"findings\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  const auto loaded = LoadBaseline(deep, ".riskgate/baseline.json");
  REQUIRE_FALSE(loaded.has_value());
  CHECK(loaded.error().location == ".riskgate/baseline.json");
  CHECK(loaded.error().message.find("nested more than 128 levels deep") != std::string::npos);
}

TEST_CASE("waivers.file and threat models must stay inside the repository", "[policy]") {
  for (const std::string file : {"../w.yaml", "/etc/w.yaml", "a/../../w.yaml", ".", ""}) {
    const auto policy = LoadPolicy("version: 1\nwaivers:\n  file: '" + file + "'\n", "p.yaml",
                                   [](const std::string&) -> core::Result<std::string> {
                                     return core::MakeError(core::ErrorCode::kIo, "none");
                                   });
    INFO(file);
    REQUIRE_FALSE(policy.has_value());
    CHECK(policy.error().message.find("p.yaml:3:9: waivers.file:") != std::string::npos);
  }
  const auto inside = LoadPolicy("version: 1\nwaivers:\n  file: 'a/../w.yaml'\n", "p.yaml",
                                 [](const std::string&) -> core::Result<std::string> {
                                   return core::MakeError(core::ErrorCode::kIo, "none");
                                 });
  CHECK(inside.has_value());
}

}  // namespace riskgate::policy

namespace riskgate::policy {

TEST_CASE("a baseline reads as it always did, and refuses a key given twice",
          "[policy][baseline][json]") {
  const auto loaded = LoadBaseline(
      R"({"version": 1.0, "findings": [{"fingerprint": "a", "rule": "r"}, {"fingerprint": "b"}]})",
      "b.json");
  REQUIRE(loaded.has_value());
  CHECK(*loaded == FingerprintSet{"a", "b"});
  for (const char* bad :
       {R"({"version": "1", "findings": []})", R"({"version": true, "findings": []})",
        R"({"version": 2, "findings": []})", R"({"version": 1, "findings": {}})",
        R"({"version": 1, "findings": [{"fingerprint": ""}]})",
        R"({"version": 1, "findings": [{"fingerprint": 7}]})", "[]"}) {
    INFO(bad);
    CHECK_FALSE(LoadBaseline(bad, "b.json").has_value());
  }
  const auto twice = LoadBaseline(
      "{\"version\": 1,\n \"findings\": [{\"fingerprint\": \"a\", \"fingerprint\": "
      "\"b\"}]}",
      "b.json");
  REQUIRE_FALSE(twice.has_value());
  CHECK(twice.error().message ==
        "invalid baseline: not JSON (line 2, column 36: duplicate key 'fingerprint')");
}

TEST_CASE("a baseline file is written as it always was: sorted, one entry per line, keys sorted",
          "[policy][baseline][json]") {
  core::JudgedFinding first;
  first.fingerprint = "fp2";
  first.control = "secrets";
  first.rule = "aws\"key";
  first.location.path = "a/\x1b\xff.txt";
  core::JudgedFinding second = first;
  second.fingerprint = "fp1";
  second.location.path = "b.txt";
  CHECK(
      FormatBaseline({first, second}) ==
      "{\n  \"version\": 1,\n  \"findings\": [\n"
      "    {\"control\":\"secrets\",\"fingerprint\":\"fp1\",\"path\":\"b.txt\","
      "\"rule\":\"aws\\\"key\"},\n"
      "    {\"control\":\"secrets\",\"fingerprint\":\"fp2\",\"path\":\"a/\\u001b\xEF\xBF\xBD.txt\","
      "\"rule\":\"aws\\\"key\"}\n  ]\n}\n");
  CHECK(FormatBaseline({}) == "{\n  \"version\": 1,\n  \"findings\": []\n}\n");
}

}  // namespace riskgate::policy
