#include <catch2/catch.hpp>
#include <string>

#include "core/json_depth.h"

namespace riskgate::core {

TEST_CASE("JSON nesting is measured by brackets outside strings", "[core]") {
  CHECK_FALSE(JsonNestsDeeperThan(R"({"a": [1, {"b": []}]})", 4));
  CHECK(JsonNestsDeeperThan(R"({"a": [1, {"b": []}]})", 3));
  CHECK(JsonNestsDeeperThan(R"({"a": [1, {"b": [[]]}]})", 4));
  CHECK_FALSE(JsonNestsDeeperThan(R"({"a": "[[[[[[\"[[[["})", 1));
  CHECK_FALSE(JsonNestsDeeperThan("]]]]][[", 2));
}

TEST_CASE("a JSON text nested past the limit is an error naming the file and the limit", "[core]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto checked = CheckJsonDepth(deep, "event.json");
  REQUIRE_FALSE(checked.has_value());
  CHECK(checked.error().location == "event.json");
  CHECK(checked.error().message.find(std::to_string(kMaxJsonDepth)) != std::string::npos);
  CHECK(CheckJsonDepth("[[1]]", "x").has_value());
}

}  // namespace riskgate::core
