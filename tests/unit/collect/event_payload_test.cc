// The GitHub event payload reader: one JSON object, bounded, no key twice.
#include "collect/event_payload.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "support/temp_repo.h"

namespace riskgate::collect {

namespace {

core::Result<core::Node> ReadText(const std::string& text) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/event.json";
  std::ofstream(path, std::ios::binary) << text;
  return ReadEventPayload(path);
}

}  // namespace

TEST_CASE("an event payload is a JSON object read into the located tree", "[collect][json]") {
  const auto payload =
      ReadText(R"({"pull_request": {"number": 12, "base": {"sha": "b"}, "head": {"sha": 7}}})");
  REQUIRE(payload.has_value());
  CHECK(PayloadText(*payload, {"pull_request", "base", "sha"}) == "b");
  CHECK(PayloadText(*payload, {"pull_request", "head", "sha"}).empty());  // not a string
  CHECK(PayloadText(*payload, {"pull_request", "number", "x"}).empty());
  CHECK(PayloadText(*payload, {"after"}).empty());
}

TEST_CASE("an event payload that is not one JSON object, or gives a key twice, is refused",
          "[collect][json]") {
  for (const char* text : {"", "[]", "\"x\"", "{\"a\": 1", "{\"a\": 1} {}"}) {
    INFO(text);
    const auto payload = ReadText(text);
    REQUIRE_FALSE(payload.has_value());
    CHECK(payload.error().message.find("the GitHub event payload is not JSON (a JSON object)") !=
          std::string::npos);
  }
  // A second `after` would let the scope and the reviews judge different commits.
  const auto twice = ReadText("{\"after\": \"a\",\n \"after\": \"b\"}");
  REQUIRE_FALSE(twice.has_value());
  CHECK(twice.error().message ==
        "the GitHub event payload is not JSON (a JSON object): line 2, column 2: duplicate key "
        "'after'");
  const auto deep = ReadText(std::string(1000, '[') + std::string(1000, ']'));
  REQUIRE_FALSE(deep.has_value());
  CHECK(deep.error().message ==
        "the GitHub event payload is JSON nested more than 128 levels deep; refusing to read it");
}

}  // namespace riskgate::collect
