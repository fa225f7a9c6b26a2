// Issue 21: the rule prefilter (evaluate/secrets/rule_prefilter.h) may say a rule matches where
// RE2 finds nothing, never the reverse: for every rule of the default pack and of gitleaks'
// configuration, on the pack's examples, the Nosey Parker and Kingfisher examples (when the
// external corpus is present) and texts written to stress the loosening (anchors, windows of
// lines, vertical tabs, repeats at their bounds), a rule RE2 matches in the whole text or in
// any line of it is marked.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "evaluate/secrets/rule_prefilter.h"
#include "evaluate/text/prebuilt_hyperscan.h"
#include "policy/gitleaks_config.h"
#include "policy/policy.h"
#include "support/corpus.h"

namespace riskgate::evaluate::secrets {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, stop - start));
    start = stop;
  }
  return lines;
}

// Checks the superset promise on every text for every rule; returns how many (rule, text)
// pairs RE2 matched, so a test can see it checked something.
// `prebuilt`: the database must be the binary's prebuilt one (text/prebuilt_hyperscan.h).
int CheckSuperset(const std::vector<policy::SecretRule>& rules,
                  const std::vector<std::string>& texts, bool prebuilt = false) {
  RulePrefilter prefilter(rules, 0);
  if (prebuilt) REQUIRE(prefilter.hyperscan().prebuilt());
  int matched = 0;
  std::vector<char> may;
  for (const auto& text : texts) {
    if (!prefilter.MayMatch(text, may)) FAIL("the prefilter does not serve");
    const auto lines = Lines(text);
    for (std::size_t r = 0; r < rules.size(); ++r) {
      if (!rules[r].regex || !rules[r].regex->regex().ok()) continue;
      const auto& regex = rules[r].regex->regex();
      bool re2 = regex.PartialMatch(text);
      for (std::size_t l = 0; l < lines.size() && !re2; ++l) {
        re2 = regex.PartialMatch(lines[l]) ||
              (l + 1 < lines.size() && regex.PartialMatch(lines[l] + lines[l + 1]));
      }
      if (!re2) continue;
      ++matched;
      INFO(rules[r].id << " on: " << text);
      CHECK(may[r] == 1);
    }
  }
  return matched;
}

// Every example the pack's rules carry, matching and not.
std::vector<std::string> PackExamples(const policy::Policy& policy) {
  std::vector<std::string> examples;
  for (const auto& rule : policy.secrets.rules) {
    examples.insert(examples.end(), rule.match_examples.begin(), rule.match_examples.end());
    examples.insert(examples.end(), rule.no_match_examples.begin(), rule.no_match_examples.end());
  }
  return examples;
}

// Texts that put matches where loosening could lose them.
std::vector<std::string> Stressed(const std::vector<std::string>& examples) {
  std::vector<std::string> out;
  for (const auto& example : examples) {
    out.push_back(example);
    out.push_back("first line\n" + example + "\nlast line");  // anchors at a line, not the text
    out.push_back("x\r\n" + example + "\r\n");
    std::string vertical = example;
    for (auto& c : vertical) {
      if (c == ' ') c = '\v';  // RE2's \s is not Hyperscan's: \v only in the latter
    }
    out.push_back(vertical);
    std::string formfeed = example;
    for (auto& c : formfeed) {
      if (c == ' ') c = '\f';
    }
    out.push_back(formfeed);
  }
  return out;
}

TEST_CASE("loosened patterns open bounded repeats and keep everything else as written",
          "[unit][evaluate][secrets]") {
  CHECK(LoosePattern("ab{3,9}c").value() == "ab{3,}c");
  CHECK(LoosePattern("a{3}b{2,}").value() == "a{3}b{2,}");
  CHECK(LoosePattern("[{1,2}]x").value() == "[{1,2}]x");    // a class holds no repeat
  CHECK(LoosePattern("\\{1,2\\}").value() == "\\{1,2\\}");  // escaped braces are literal
  CHECK(LoosePattern("[[:alpha:]{]{1,5}").value() == "[[:alpha:]{]{1,}");
  CHECK(LoosePattern("(?P<key>ab)(?<v>c)").value() == "(ab)(c)");
  CHECK(LoosePattern("(?i)a(?i:b)(?:c)").value() == "(?i)a(?i:b)(?:c)");
  CHECK(LoosePattern("a\\sb").value() == "a[\\t\\n\\f\\r\\x20]b");
  CHECK(LoosePattern("a\\Sb").value() == "a[^\\t\\n\\f\\r\\x20]b");
  CHECK(LoosePattern("[^\\s'\"]").value() == "[^\\t\\n\\f\\r\\x20'\"]");
  CHECK(LoosePattern("[\\s\\S]").value() ==
        "[\\t\\n\\f\\r\\x20\\x00-\\x08\\x0b\\x0e-\\x1f\\x21-\\xff]");
  for (const char* refused : {"\\pL", "\\p{Greek}", "\\PL", "\\C", "\\Aabc", "abc\\z",
                              "\\Qa{1,2}\\E", "(?U)a+", "(?i-s)a", "caf\xc3\xa9", "[a", "a\\"}) {
    INFO(refused);
    CHECK_FALSE(LoosePattern(refused));
  }
}

TEST_CASE("the prefilter marks every default rule RE2 matches, in a text or any of its lines",
          "[unit][evaluate][secrets]") {
  if (!LazyHyperscan::Available()) {
    std::printf("%s: built without Hyperscan or on a CPU it does not support\n",
                std::string(testing::kSkipMarker).c_str());
    return;
  }
  auto policy = policy::LoadDefaultPolicy();
  REQUIRE(policy);
  const int matched = CheckSuperset(policy->secrets.rules, Stressed(PackExamples(*policy)));
  CHECK(matched > 1000);
}

#ifdef RISKGATE_PREBUILT_HYPERSCAN_IMAGE
TEST_CASE("the prebuilt prefilter the binary embeds marks every default rule RE2 matches",
          "[unit][evaluate][secrets]") {
  if (!LazyHyperscan::Available()) {
    std::printf("%s: built without Hyperscan\n", std::string(testing::kSkipMarker).c_str());
    return;
  }
  std::ifstream in(RISKGATE_PREBUILT_HYPERSCAN_IMAGE, std::ios::binary);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  static const std::string image = bytes.str();  // the registry keeps views into it
  REQUIRE(RegisterPrebuiltHyperscan(image));
  auto policy = policy::LoadDefaultPolicy();
  REQUIRE(policy);
  CHECK(CheckSuperset(policy->secrets.rules, Stressed(PackExamples(*policy)), true) > 1000);
}
#endif

TEST_CASE("the prefilter marks nothing in a clean text, and serves only once compiled or announced",
          "[unit][evaluate][secrets]") {
  if (!LazyHyperscan::Available()) {
    std::printf("%s: built without Hyperscan\n", std::string(testing::kSkipMarker).c_str());
    return;
  }
  auto policy = policy::LoadDefaultPolicy();
  REQUIRE(policy);
  std::vector<policy::SecretRule> rules(policy->secrets.rules.begin(),
                                        policy->secrets.rules.begin() + 20);
  RulePrefilter prefilter(rules, 0);
  std::vector<char> may;
  REQUIRE(prefilter.MayMatch("int main() { return 0; }\n", may));
  CHECK(std::count(may.begin(), may.end(), 1) == 0);
  RulePrefilter later(rules, 1 << 20);
  CHECK_FALSE(later.MayMatch("short text", may));
  // Announced text counts: less than the mark leaves it lazy, reaching it compiles at once.
  later.Expect(1000);
  CHECK_FALSE(later.MayMatch("short text", may));
  later.Expect(1 << 20);
  CHECK(later.MayMatch("short text", may));
}

TEST_CASE("the prefilter marks what RE2 matches in the Nosey Parker and Kingfisher examples",
          "[unit][evaluate][secrets][corpus]") {
  RISKGATE_SKIP_WITHOUT_CORPUS("secret-examples");
  if (!LazyHyperscan::Available()) {
    std::printf("%s: built without Hyperscan\n", std::string(testing::kSkipMarker).c_str());
    return;
  }
  std::ifstream in(testing::CorpusDir("secret-examples") + "/secret-examples.jsonl");
  std::vector<std::string> texts;
  std::string line;
  while (std::getline(in, line)) texts.push_back(nlohmann::json::parse(line)["text"]);
  REQUIRE(texts.size() > 1000);
  auto policy = policy::LoadDefaultPolicy();
  REQUIRE(policy);
  CHECK(CheckSuperset(policy->secrets.rules, Stressed(texts)) > 1000);

  // gitleaks' own rules, as a user's configuration would bring them.
  const policy::FileReader read = [](const std::string& path) -> core::Result<std::string> {
    std::ifstream file(path, std::ios::binary);
    if (!file) return core::MakeError(core::ErrorCode::kIo, "no such file", path);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
  };
  const std::string file = testing::CorpusDir("gitleaks") + "/gitleaks.toml";
  auto toml = read(file);
  REQUIRE(toml);
  core::Diagnostics diagnostics;
  const auto gitleaks = policy::LoadGitleaksConfig(*toml, file, read, diagnostics);
  REQUIRE(gitleaks.rules.size() > 100);
  CHECK(CheckSuperset(gitleaks.rules, texts) > 500);
}

}  // namespace
}  // namespace riskgate::evaluate::secrets
