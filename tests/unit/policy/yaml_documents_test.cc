// A stream of YAML documents (a GitLab `spec:` header and its configuration) read with the marks
// of the whole file, bounded in count.
#include <catch2/catch.hpp>

#include "policy/yaml_document.h"

namespace riskgate::policy {

TEST_CASE("issue 16: each document of a stream keeps the lines of the whole file", "[policy]") {
  core::Diagnostics diagnostics;
  auto documents = ParseYamlDocuments("spec:\n  inputs: {}\n---\nbuild:\n  script: [make]\n",
                                      "f.yml", 2, diagnostics);
  REQUIRE(documents);
  REQUIRE(documents->size() == 2);
  CHECK(diagnostics.items().empty());
  CHECK((*documents)[0].Find("spec") != nullptr);
  const core::Node* build = (*documents)[1].Find("build");
  REQUIRE(build != nullptr);
  REQUIRE(build->Find("script") != nullptr);
  CHECK(build->Find("script")->mark.line == 5);
  CHECK((*documents)[1].key_marks[0].line == 4);
  // One document is read as ParseYaml reads it.
  documents = ParseYamlDocuments("a: 1\n", "f.yml", 2, diagnostics);
  REQUIRE(documents);
  CHECK(documents->size() == 1);
}

TEST_CASE("issue 16: a stream with more documents than allowed is an error at the extra one",
          "[policy]") {
  core::Diagnostics diagnostics;
  CHECK_FALSE(ParseYamlDocuments("a: 1\n---\nb: 2\n---\nc: 3\n", "f.yml", 2, diagnostics));
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].mark.line >= 4);
  core::Diagnostics bad;
  CHECK_FALSE(ParseYamlDocuments("a: 1\n---\nb: [\n", "f.yml", 2, bad));
  CHECK_FALSE(bad.items().empty());
  core::Diagnostics nul;
  CHECK_FALSE(ParseYamlDocuments(std::string("a: 1\n---\nb: \0\n", 13), "f.yml", 2, nul));
  CHECK_FALSE(nul.items().empty());
}

TEST_CASE("issue 16: a local tag such as !reference is kept on its node", "[policy]") {
  core::Diagnostics diagnostics;
  auto root = ParseYaml("s:\n  - !reference [.a, script]\n  - plain\n", "f.yml", diagnostics);
  REQUIRE(root);
  const core::Node* s = root->Find("s");
  REQUIRE(s != nullptr);
  CHECK(s->items[0].tag == "!reference");
  CHECK(s->items[1].tag.empty());
}

}  // namespace riskgate::policy

namespace riskgate::policy {

TEST_CASE("issue 16: a byte order mark and CRLF lines do not shift where documents split",
          "[policy]") {
  core::Diagnostics diagnostics;
  auto documents = ParseYamlDocuments(
      "\xEF\xBB\xBFspec:\r\n  inputs: {}\r\n---\r\nbuild: {a: 1}\r\n", "f.yml", 2, diagnostics);
  REQUIRE(documents);
  REQUIRE(documents->size() == 2);
  CHECK((*documents)[0].Find("spec") != nullptr);
  REQUIRE((*documents)[1].Find("build") != nullptr);
  CHECK((*documents)[1].key_marks[0].line == 4);
}

}  // namespace riskgate::policy

namespace riskgate::policy {

TEST_CASE("issue 22: a key YAML reads as null keeps its spelling, and repeats are duplicates",
          "[policy]") {
  core::Diagnostics diagnostics;
  auto root = ParseYaml("- null: a\n  ~: b\n  Null: c\n  name: d\n", "f.yml", diagnostics);
  REQUIRE(root);
  CHECK(diagnostics.empty());
  const core::Node& step = root->items.at(0);
  REQUIRE(step.fields.size() == 4);
  CHECK(step.fields[0].first == "null");
  CHECK(step.fields[1].first == "~");
  CHECK(step.fields[2].first == "Null");
  REQUIRE(step.Find("name") != nullptr);
  CHECK(step.Find("name")->scalar == "d");
  core::Diagnostics twice;
  ParseYaml("null: a\nnull: b\n", "f.yml", twice);
  CHECK_FALSE(twice.empty());
}

}  // namespace riskgate::policy
