#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "evaluate/text/keyword_index.h"

namespace riskgate::evaluate {

TEST_CASE("the keyword index finds overlapping keywords case-insensitively", "[evaluate]") {
  const bool hyperscan = GENERATE(true, false);
  KeywordIndex index({"akia", "ghp_", "kia", "token"}, hyperscan, 0);
  std::vector<char> found;
  CHECK(index.Find("x = AKIAABC", found) == 2);
  CHECK(found == std::vector<char>{1, 0, 1, 0});
  CHECK(index.Find("my_TOKEN and ghp_x", found) == 2);
  CHECK(found == std::vector<char>{0, 1, 0, 1});
  CHECK(index.Find("nothing here", found) == 0);
}

TEST_CASE("the keyword index finds a keyword that is a suffix of another's prefix", "[evaluate]") {
  const bool hyperscan = GENERATE(true, false);
  KeywordIndex index({"abcd", "bc"}, hyperscan, 0);
  std::vector<char> found;
  CHECK(index.Find("xabcx", found) == 1);
  CHECK(found == std::vector<char>{0, 1});
}

TEST_CASE("the keyword index handles bytes outside ASCII", "[evaluate]") {
  const bool hyperscan = GENERATE(true, false);
  KeywordIndex index({"\xff\xfe", "key"}, hyperscan, 0);
  std::vector<char> found;
  CHECK(index.Find(std::string("a\xff\xfe\0KEY", 7), found) == 2);
}

TEST_CASE("both prefilter engines locate keywords on the same lines", "[evaluate]") {
  // One occurrence a line (the first): a text of one keyword over and over costs an entry a
  // line, whichever engine locates it.
  const std::vector<std::string> keywords = {"akia", "ghp_", "token", "ok", "k"};
  const KeywordIndex fast(keywords, true, 0);
  const KeywordIndex automaton(keywords, false);
  std::mt19937 random(11);
  const std::string alphabet = "aAkKiIgGhHpP_tToOeEnN \n";
  KeywordOccurrences a, b;
  for (int round = 0; round < 1000; ++round) {
    std::string text;
    const auto length = random() % 300;
    for (unsigned i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts.push_back(i + 1);
    }
    INFO("text: " << text);
    CHECK(fast.Occurrences(text, starts, a) == automaton.Occurrences(text, starts, b));
    for (std::size_t id = 0; id < keywords.size(); ++id) CHECK(a.Of(id) == b.Of(id));
    CHECK(a.distinct() == b.distinct());
    for (std::size_t id = 0; id < keywords.size(); ++id) {
      for (std::size_t end : b.Of(id)) {
        std::string at(text.substr(end - keywords[id].size(), keywords[id].size()));
        for (char& c : at) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        CHECK(at == keywords[id]);
      }
    }
  }
  const std::string many(3000, 'k');  // one line: one entry, not 3,000
  CHECK(fast.Occurrences(many, {0}, a) == 1);
  CHECK(a.Of(4).size() == 1);
  CHECK(a.Of(0).empty());
  CHECK(a.Of(99).empty());  // no such keyword
  // Reused for another text: nothing of the last one is left.
  CHECK(automaton.Occurrences("token ok", {0}, a) == 3);
  CHECK(a.Of(4).size() == 1);
  CHECK(a.Of(2).size() == 1);
}

TEST_CASE("both prefilter engines find the same keywords in the same texts", "[evaluate]") {
  const std::vector<std::string> keywords = {"akia",  "ghp_", "xoxb-", "sk_live_", "-----begin",
                                             "token", "ok",   "k",     "\x01\x02", "glpat-"};
  const KeywordIndex fast(keywords, true, 0);  // Hyperscan from the first text on
  const KeywordIndex automaton(keywords, false);
  std::mt19937 random(7);
  const std::string alphabet = "aAkKiIgGhHpP_xXoObB-sSlLvVeEtTnN\x01\x02 \n";
  std::vector<char> a, b;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const auto length = random() % 200;
    for (unsigned i = 0; i < length; ++i) {
      if (random() % 20 == 0) {
        text += keywords[random() % keywords.size()];
      } else {
        text += alphabet[random() % alphabet.size()];
      }
    }
    INFO("engine " << fast.engine() << ", text: " << text);
    CHECK(fast.Find(text, a) == automaton.Find(text, b));
    CHECK(a == b);
  }
}

}  // namespace riskgate::evaluate

namespace riskgate::evaluate {

TEST_CASE("the Hyperscan database is compiled only once the texts searched are large",
          "[evaluate][prefilter]") {
  // A pre-commit hook searches a few kilobytes: compiling the database would cost more.
  const KeywordIndex index({"akia", "ghp_"}, true, 1000);
  std::vector<char> found;
  CHECK(index.Find("x = AKIA...", found) == 1);
  CHECK(std::string(index.engine()) == "aho-corasick");
  const std::string large(2000, 'a');
  CHECK(index.Find(large + "ghp_", found) == 1);
  CHECK(found == std::vector<char>{0, 1});
  // From here on it uses what an index compiled up front uses (Hyperscan where this build and
  // CPU have it).
  const KeywordIndex eager({"akia", "ghp_"}, true, 0);
  CHECK(std::string(index.engine()) == eager.engine());
}

TEST_CASE("a Hyperscan prefilter database leaves out what it cannot compile and says so",
          "[evaluate]") {
  if (!LazyHyperscan::Available()) return;  // the exact path serves alone there
  // Nested bounded repeats Hyperscan finds too large even in prefilter mode (the private-key
  // rule before its repeats were opened).
  const std::string too_large =
      R"((-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:\s|\\r|\\n|["']\s{0,40})"
      R"((?:[+.&,]|&\s{0,4}_)?\s{0,40}["']){1,20}(?:[A-Za-z-]{1,40}:[^\r\n\\]{0,150}?)"
      R"((?:\s|\\r|\\n){1,20}){0,6}(?:[A-Za-z0-9+/=]{1,39}(?:\s|\\r|\\n|["']\s{0,40})"
      R"((?:[+.&,]|&\s{0,4}_)?\s{0,40}["']){1,4}){0,6}[A-Za-z0-9+/=]{40,100}))";
  LazyHyperscan database({too_large, "needle"}, {false, false}, HyperscanMode::kPrefilter, 0);
  REQUIRE(database.ready());
  CHECK(database.left_out() == std::vector<unsigned>{0});
  std::vector<unsigned> matched;
  const auto on_match = [](unsigned id, unsigned long long, void* context) {
    static_cast<std::vector<unsigned>*>(context)->push_back(id);
    return 0;
  };
  REQUIRE(database.Scan("a needle here", on_match, &matched));
  CHECK(matched == std::vector<unsigned>{1});
  matched.clear();
  REQUIRE(database.Scan("nothing", on_match, &matched));
  CHECK(matched.empty());
}

}  // namespace riskgate::evaluate
