#include "policy/tree_codec.h"

#include <catch2/catch.hpp>

namespace riskgate::policy {

TEST_CASE("a YAML tree survives the embedded form with its marks, tags and quoting",
          "[policy][tree_codec]") {
  core::Diagnostics diagnostics;
  const auto tree = ParseYaml(
      "rules:\n  - id: \"a;1\"\n    n: 12\n    tagged: !reference [x]\n    empty:\n    text: |\n   "
      "   "
      "two\n      lines\n",
      "p.yaml", diagnostics);
  REQUIRE(tree.has_value());
  const auto decoded = DecodeTree(EncodeTree(*tree));
  REQUIRE(decoded.has_value());
  CHECK(EncodeTree(*decoded) == EncodeTree(*tree));
  const core::Node& rule = decoded->Find("rules")->items.at(0);
  CHECK(rule.Find("id")->scalar == "a;1");
  CHECK(rule.Find("id")->quoted);
  CHECK(rule.Find("id")->mark.line == 2);
  CHECK(rule.Find("id")->mark.column == 9);
  CHECK(rule.Find("tagged")->tag == "!reference");
  CHECK(rule.Find("empty")->kind == core::Node::Kind::kNull);
  CHECK(rule.Find("text")->scalar == "two\nlines\n");
  CHECK(decoded->key_marks.at(0).line == 1);
}

TEST_CASE("a damaged embedded tree is refused, not misread", "[policy][tree_codec]") {
  core::Diagnostics diagnostics;
  const auto tree = ParseYaml("a: [1, 2]\nb: x\n", "p.yaml", diagnostics);
  REQUIRE(tree.has_value());
  const std::string good = EncodeTree(*tree);
  CHECK_FALSE(DecodeTree(good.substr(0, good.size() - 1)).has_value());
  CHECK_FALSE(DecodeTree(good + "N").has_value());
  CHECK_FALSE(DecodeTree("").has_value());
  CHECK_FALSE(DecodeTree("L1;1;0;999999;").has_value());
}

}  // namespace riskgate::policy
