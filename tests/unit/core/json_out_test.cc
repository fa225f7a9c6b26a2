#include "core/json_out.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace riskgate::core {
namespace {

std::string Compact(const JsonOut& value) { return value.Dump(-1); }

// What the writers called before the facade, for the same string.
std::string NlohmannDump(const std::string& text, int indent) {
  return nlohmann::ordered_json(text).dump(indent, ' ', false,
                                           nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("JSON strings escape quotes, backslashes and control characters only", "[core]") {
  CHECK(Compact("plain") == R"("plain")");
  CHECK(Compact("a\"b\\c/d") == R"("a\"b\\c/d")");
  CHECK(Compact("\b\f\n\r\t") == R"("\b\f\n\r\t")");
  CHECK(Compact(std::string("\x00\x01\x1b\x1f", 4)) == R"("\u0000\u0001\u001b\u001f")");
  CHECK(Compact("\x7f") == "\"\x7f\"");
  // Valid UTF-8 is written as it is: no \u escapes, not even for U+2028 and U+2029.
  CHECK(Compact("caf\xc3\xa9 \xe2\x80\xa8 \xe2\x80\xa9 \xf0\x9f\x94\x91") ==
        "\"caf\xc3\xa9 \xe2\x80\xa8 \xe2\x80\xa9 \xf0\x9f\x94\x91\"");
}

TEST_CASE("a byte that is not valid UTF-8 is written as U+FFFD", "[core]") {
  CHECK(Compact("a\xff"
                "b") ==
        "\"a\xef\xbf\xbd"
        "b\"");
  CHECK(Compact("\xc3") == "\"\xef\xbf\xbd\"");
  CHECK(Compact("\xc3(") == "\"\xef\xbf\xbd(\"");
  CHECK(Compact("\xed\xa0\x80") == "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
  // Exactly as the writers' nlohmann calls did, for every kind of bad sequence.
  const std::vector<std::string> hostile = {
      "\xff",         "\xfe\xfe",         "\xc0\xaf",     "\xe0\x80\xaf", "\xf4\x90\x80\x80",
      "\xf0\x9f\x94", "ok\xe2\x82",       "\x80\x80\x80", "\xc3\xa9\xa9", "\"\xff\\\n\xe2\x80",
      "\xf8\x88\x80", "\xe2\x80\xa8\xff", "x\xc3\x00y",   "\xef\xbb\xbf"};
  for (const auto& text : hostile) {
    INFO(text);
    CHECK(Compact(text) == NlohmannDump(text, -1));
    CHECK(JsonOut::Object({{"k", text}}).Dump(2) ==
          nlohmann::ordered_json{{"k", text}}.dump(2, ' ', false,
                                                   nlohmann::json::error_handler_t::replace));
  }
}

TEST_CASE("object keys are escaped like strings", "[core]") {
  auto object = JsonOut::Object();
  object.Set("a\"\n\xff", 1);
  CHECK(Compact(object) == "{\"a\\\"\\n\xef\xbf\xbd\":1}");
}

TEST_CASE("an object keeps the order its members were set in unless sorted", "[core]") {
  auto object = JsonOut::Object({{"zeta", 1}, {"alpha", 2}, {"Beta", 3}});
  object.Set("middle", 4);
  object.Set("zeta", 5);  // replaced where it stands
  CHECK(Compact(object) == R"({"zeta":5,"alpha":2,"Beta":3,"middle":4})");
  CHECK(object.Dump(-1, JsonKeys::kSorted) == R"({"Beta":3,"alpha":2,"middle":4,"zeta":5})");
  // Sorting reaches nested objects, also inside arrays, and orders keys byte by byte.
  const auto nested =
      JsonOut::Object({{"b", JsonOut::Array({JsonOut::Object({{"y", 1}, {"x", 2}})})},
                       {"a", JsonOut::Object({{"\xc3\xa9", 1}, {"z", 2}, {"_", 3}})}});
  CHECK(nested.Dump(-1, JsonKeys::kSorted) ==
        "{\"a\":{\"_\":3,\"z\":2,\"\xc3\xa9\":1},"
        "\"b\":[{\"x\":2,\"y\":1}]}");
  CHECK(Compact(nested) == "{\"b\":[{\"y\":1,\"x\":2}],\"a\":{\"\xc3\xa9\":1,\"z\":2,\"_\":3}}");
}

TEST_CASE("integers are written exactly up to the 64-bit limits", "[core]") {
  CHECK(Compact(0) == "0");
  CHECK(Compact(-1) == "-1");
  CHECK(Compact(std::numeric_limits<int>::min()) == "-2147483648");
  CHECK(Compact(std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
  CHECK(Compact(std::numeric_limits<std::int64_t>::max()) == "9223372036854775807");
  CHECK(Compact(std::numeric_limits<std::uint64_t>::max()) == "18446744073709551615");
  CHECK(Compact(std::size_t{42}) == "42");
  CHECK(Compact(static_cast<long long>(-7)) == "-7");
  CHECK(Compact(static_cast<unsigned short>(65535)) == "65535");
}

TEST_CASE("doubles are written in their shortest exact form", "[core]") {
  CHECK(Compact(0.0) == "0.0");
  CHECK(Compact(1.0) == "1.0");
  CHECK(Compact(-2.5) == "-2.5");
  CHECK(Compact(0.1) == "0.1");
  CHECK(Compact(1.0 / 3.0) == "0.3333333333333333");
  CHECK(Compact(1e300) == "1e+300");
  CHECK(Compact(5e-324) == "5e-324");
  CHECK(Compact(std::numeric_limits<double>::max()) == "1.7976931348623157e+308");
  // JSON has no infinity or NaN: nlohmann writes null, as the reports always did.
  CHECK(Compact(std::numeric_limits<double>::infinity()) == "null");
  CHECK(Compact(std::numeric_limits<double>::quiet_NaN()) == "null");
}

TEST_CASE("null, booleans, optionals and string lists", "[core]") {
  CHECK(Compact(JsonOut()) == "null");
  CHECK(Compact(nullptr) == "null");
  CHECK(Compact(true) == "true");
  CHECK(Compact(false) == "false");
  CHECK(Compact(std::optional<std::string>()) == "null");
  CHECK(Compact(std::optional<std::string>("x")) == R"("x")");
  CHECK(Compact(std::optional<long long>(3)) == "3");
  CHECK(Compact(std::vector<std::string>{"a", "b"}) == R"(["a","b"])");
  CHECK(Compact(std::vector<std::string>{}) == "[]");
  CHECK(Compact(std::string_view("view")) == R"("view")");
  CHECK(Compact(JsonOut::Array()) == "[]");
  CHECK(Compact(JsonOut::Object()) == "{}");
}

TEST_CASE("Set and Push turn a null into an object or an array", "[core]") {
  JsonOut object;
  object.Set("a", 1);
  CHECK(Compact(object) == R"({"a":1})");
  JsonOut array;
  array.Push("x").Push(JsonOut::Array({1, "two", nullptr}));
  CHECK(Compact(array) == R"(["x",[1,"two",null]])");
}

TEST_CASE("values are copied deeply and a moved-from value reads as null", "[core]") {
  auto original = JsonOut::Object({{"a", JsonOut::Array({1})}});
  auto copy = original;
  copy.Set("b", 2);
  CHECK(Compact(original) == R"({"a":[1]})");
  CHECK(Compact(copy) == R"({"a":[1],"b":2})");
  auto moved = std::move(copy);
  CHECK(Compact(moved) == R"({"a":[1],"b":2})");
  CHECK(Compact(copy) == "null");  // NOLINT(bugprone-use-after-move): the documented state
  auto target = JsonOut::Object();
  target.Set("m", std::move(moved));
  target.Set("n", std::move(moved));
  CHECK(Compact(target) == R"({"m":{"a":[1],"b":2},"n":null})");
}

TEST_CASE("indent puts each member and item on its own line, empty ones stay inline", "[core]") {
  const auto doc = JsonOut::Object({{"a", JsonOut::Array({1, JsonOut::Object({{"b", true}})})},
                                    {"empty", JsonOut::Array()},
                                    {"none", JsonOut::Object()},
                                    {"s", "x"}});
  CHECK(doc.Dump(2) ==
        "{\n"
        "  \"a\": [\n"
        "    1,\n"
        "    {\n"
        "      \"b\": true\n"
        "    }\n"
        "  ],\n"
        "  \"empty\": [],\n"
        "  \"none\": {},\n"
        "  \"s\": \"x\"\n"
        "}");
  CHECK(doc.Dump(0) ==
        "{\n\"a\": [\n1,\n{\n\"b\": true\n}\n],\n\"empty\": [],\n\"none\": {},\n"
        "\"s\": \"x\"\n}");
  CHECK(doc.Dump(-1) == R"({"a":[1,{"b":true}],"empty":[],"none":{},"s":"x"})");
}

}  // namespace riskgate::core
