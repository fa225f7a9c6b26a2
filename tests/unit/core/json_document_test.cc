#include "core/json_document.h"

#include <catch2/catch.hpp>
#include <string>

namespace riskgate::core {

TEST_CASE("a JSON text becomes the located tree, every value with its line and column",
          "[core][json]") {
  const auto doc = ParseJson("{\n  \"name\": \"x\",\n  \"list\": [1, true, null, -2.5e3]\n}");
  REQUIRE(doc.has_value());
  CHECK(doc->kind == Node::Kind::kMap);
  CHECK(doc->mark.line == 1);
  CHECK(doc->mark.column == 1);
  REQUIRE(doc->fields.size() == 2);
  CHECK(doc->fields[0].first == "name");
  CHECK(doc->key_marks[0].line == 2);
  CHECK(doc->key_marks[0].column == 3);
  const Node* name = doc->Find("name");
  REQUIRE(name != nullptr);
  CHECK(name->IsString());
  CHECK(name->scalar == "x");
  CHECK(name->mark.line == 2);
  CHECK(name->mark.column == 11);
  const Node* list = doc->Find("list");
  REQUIRE(list != nullptr);
  REQUIRE(list->IsList());
  REQUIRE(list->items.size() == 4);
  CHECK(list->mark.column == 11);
  CHECK(list->items[0].scalar == "1");
  CHECK_FALSE(list->items[0].quoted);
  CHECK(list->items[0].mark.column == 12);
  CHECK(list->items[1].IsBool());
  CHECK(list->items[1].scalar == "true");
  CHECK(list->items[1].mark.column == 15);
  CHECK(list->items[2].IsNull());
  CHECK(list->items[2].mark.column == 21);
  CHECK(list->items[3].scalar == "-2.5e3");
  CHECK(list->items[3].mark.column == 27);
}

TEST_CASE("JSON strings are decoded and stay strings, and escapes do not shift the marks",
          "[core][json]") {
  const auto doc = ParseJson(R"(["a\"b\\", "\u00e9\n", "true", 7])");
  REQUIRE(doc.has_value());
  REQUIRE(doc->items.size() == 4);
  CHECK(doc->items[0].scalar == "a\"b\\");
  CHECK(doc->items[1].scalar == "\xC3\xA9\n");
  CHECK(doc->items[1].mark.column == 12);
  CHECK(doc->items[2].IsString());
  CHECK_FALSE(doc->items[2].IsBool());
  CHECK(doc->items[3].mark.column == 32);
}

TEST_CASE("numbers keep the text they were written with, however big", "[core][json]") {
  const auto doc = ParseJson("[18446744073709551616, 123456789012345678901234567890, 1.0, -0]");
  REQUIRE(doc.has_value());
  CHECK(doc->items[0].scalar == "18446744073709551616");
  CHECK(doc->items[1].scalar == "123456789012345678901234567890");
  CHECK(doc->items[2].scalar == "1.0");
  CHECK(doc->items[3].scalar == "-0");
  // A float that overflows a double is refused, as nlohmann refuses it.
  const auto overflow = ParseJson("[1e400]");
  REQUIRE_FALSE(overflow.has_value());
  CHECK(overflow.error().problem == JsonProblem::kSyntax);
  CHECK(overflow.error().detail.find("1e400") != std::string::npos);
}

TEST_CASE("a key repeated in a JSON object is an error at the second one", "[core][json]") {
  const auto doc = ParseJson("{\"a\": 1,\n \"b\": {\"a\": 2},\n \"a\": 3}");
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().problem == JsonProblem::kDuplicateKey);
  CHECK(doc.error().mark.line == 3);
  CHECK(doc.error().mark.column == 2);
  CHECK(doc.error().Located("event.json") == "event.json:3:2: duplicate key 'a'");
  // The same in an object past the size where keys are hashed.
  std::string big = "{";
  for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\": 0, ";
  const auto wide = ParseJson(big + "\"k17\": 1}");
  REQUIRE_FALSE(wide.has_value());
  CHECK(wide.error().problem == JsonProblem::kDuplicateKey);
  CHECK(ParseJson(big + "\"k40\": 1}").has_value());
}

TEST_CASE("JSON nested past the depth limit is refused without recursing", "[core][json]") {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  const auto doc = ParseJson(deep);
  REQUIRE_FALSE(doc.has_value());
  CHECK(doc.error().problem == JsonProblem::kTooDeep);
  CHECK(doc.error().detail == "JSON nested more than 128 levels deep");
  CHECK(doc.error().mark.column == 129);
  const std::string limit = std::string(128, '[') + std::string(128, ']');
  CHECK(ParseJson(limit).has_value());
  // Brackets inside strings do not count.
  CHECK(ParseJson("[\"" + std::string(1000, '[') + "\"]").has_value());
}

TEST_CASE("JSON past the size or node limits is refused", "[core][json]") {
  JsonLimits limits;
  limits.max_bytes = 10;
  const auto large = ParseJson("[1,2,3,4,5,6]", limits);
  REQUIRE_FALSE(large.has_value());
  CHECK(large.error().problem == JsonProblem::kTooLarge);
  limits = JsonLimits{};
  limits.max_nodes = 5;
  const auto many = ParseJson("[1,2,3,4,5,6]", limits);
  REQUIRE_FALSE(many.has_value());
  CHECK(many.error().problem == JsonProblem::kTooManyNodes);
  CHECK(ParseJson("[1,2,3,4]", limits).has_value());
}

TEST_CASE("malformed JSON is an error naming the line and column, with the input escaped",
          "[core][json]") {
  const auto truncated = ParseJson("{\n  \"a\": [1, 2");
  REQUIRE_FALSE(truncated.has_value());
  CHECK(truncated.error().problem == JsonProblem::kSyntax);
  CHECK(truncated.error().mark.line == 2);
  const auto garbage = ParseJson("{\"a\":\n  tru\x1b[31m}");
  REQUIRE_FALSE(garbage.has_value());
  CHECK(garbage.error().mark.line == 2);
  CHECK(garbage.error().detail.find('\x1b') == std::string::npos);
  CHECK(garbage.error().ToString().starts_with("line 2, column "));
  CHECK_FALSE(ParseJson("").has_value());
  CHECK_FALSE(ParseJson("[1] [2]").has_value());
  CHECK_FALSE(ParseJson("{\"a\": 1,}").has_value());
  CHECK_FALSE(ParseJson("[1] // comment").has_value());
  CHECK_FALSE(ParseJson(std::string("[\"a\0b\"]", 7)).has_value());
}

TEST_CASE("JSON strings must be valid UTF-8", "[core][json]") {
  CHECK_FALSE(ParseJson("[\"\xff\"]").has_value());
  CHECK_FALSE(ParseJson("[\"\xC3\"]").has_value());
  CHECK_FALSE(ParseJson("[\"\xED\xA0\x80\"]").has_value());  // a UTF-16 surrogate
  CHECK_FALSE(ParseJson("[\xC3\xA9]").has_value());
  CHECK(ParseJson("[\"\xC3\xA9\"]").has_value());
  // A lone escaped surrogate is no character either.
  CHECK_FALSE(ParseJson(R"(["\ud800"])").has_value());
}

TEST_CASE("a UTF-8 byte order mark before JSON is skipped", "[core][json]") {
  const auto doc = ParseJson("\xEF\xBB\xBF{\"a\": 1}");
  REQUIRE(doc.has_value());
  CHECK(doc->Find("a")->scalar == "1");
}

}  // namespace riskgate::core
