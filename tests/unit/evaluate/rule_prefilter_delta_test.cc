// Issue 21: the rule prefilter on a delta's result (evaluate/secrets/rule_prefilter.h,
// TextOrigin) matches the rules with bounded matches only near what the delta changed and takes
// the rest of its answer from the earlier text's. It must still mark every rule RE2 matches in
// the result, in the whole text or in any line of it, wherever the change falls: across a
// secret, beside it, at the text's ends, with copies that continue each other.
#include <catch2/catch.hpp>
#include <random>

#include "evaluate/secrets/rule_prefilter.h"
#include "policy/policy.h"
#include "support/corpus.h"

namespace riskgate::evaluate::secrets {
namespace {

using collect::pack::CopiedRange;

// Clean lines of code, about `bytes` long.
std::string Filler(std::size_t bytes, std::mt19937& random) {
  static const char* const kLines[] = {
      "static int count_lines(const char *buf, size_t len)\n",
      "{\n",
      "\tsize_t i, n = 0;\n",
      "\tfor (i = 0; i < len; i++)\n",
      "\t\tif (buf[i] == '\\n')\n",
      "\t\t\tn++;\n",
      "\treturn n;\n",
      "}\n",
      "# a comment about the configuration below\n",
      "    value = compute(first, second) + 42;\n",
  };
  std::string out;
  while (out.size() < bytes) out += kLines[random() % std::size(kLines)];
  return out;
}

// Lines of `text` (with their line breaks).
std::vector<std::string> LinesOf(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, stop - start));
    start = stop;
  }
  return lines;
}

struct Delta {
  std::string earlier;
  std::vector<CopiedRange> copied;  // of the result
};

// An earlier text from which `result` is made by copies and inserts: `result` with the bytes
// `from`..`to` replaced by `other`, so the result copies what lies before and after them.
Delta Replaced(const std::string& result, std::size_t from, std::size_t to,
               const std::string& other) {
  Delta delta;
  delta.earlier = result.substr(0, from) + other + result.substr(to);
  if (from > 0) delta.copied.push_back({0, from});
  if (to < result.size()) delta.copied.push_back({to, result.size()});
  return delta;
}

// Checks, for `result` made from `delta`, that every rule RE2 matches in it or in a line of it
// is marked by the near answer; returns how many (rule, text) pairs RE2 matched.
int CheckNear(const RulePrefilter& prefilter, const std::vector<policy::SecretRule>& rules,
              const std::string& result, const Delta& delta) {
  PrefilterAnswer earlier;
  REQUIRE(prefilter.MayMatch(delta.earlier, earlier.may));
  const TextOrigin origin{&earlier, delta.copied};
  std::vector<char> may;
  REQUIRE(prefilter.MayMatch(result, may, &origin));
  // RE2 matches only rules the whole text's answer marks (rule_prefilter_test.cc holds that).
  std::vector<char> full;
  REQUIRE(prefilter.MayMatch(result, full));
  const auto lines = LinesOf(result);
  int matched = 0;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (full[r] == 0 || !rules[r].regex || !rules[r].regex->regex().ok()) continue;
    const auto& regex = rules[r].regex->regex();
    bool re2 = regex.PartialMatch(result);
    for (std::size_t l = 0; l < lines.size() && !re2; ++l) re2 = regex.PartialMatch(lines[l]);
    if (!re2) continue;
    ++matched;
    INFO(rules[r].id << " on: " << result);
    CHECK(may[r] == 1);
  }
  return matched;
}

bool Serves() {
  if (LazyHyperscan::Available()) return true;
  std::printf("%s: built without Hyperscan or on a CPU it does not support\n",
              std::string(testing::kSkipMarker).c_str());
  return false;
}

// The default pack's rules and their prefilter, compiled once for every case here.
struct Pack {
  const std::vector<policy::SecretRule>& rules;
  const RulePrefilter& prefilter;
};
Pack DefaultPack() {
  static const policy::Policy policy = [] {
    auto loaded = policy::LoadDefaultPolicy();
    REQUIRE(loaded);
    return std::move(*loaded);
  }();
  static const RulePrefilter prefilter(policy.secrets.rules, 0);
  return {policy.secrets.rules, prefilter};
}

}  // namespace

TEST_CASE("the near answer for a delta's result marks every rule RE2 matches, wherever it changed",
          "[unit][evaluate][secrets]") {
  if (!Serves()) return;
  const auto& [rules, prefilter] = DefaultPack();
  std::mt19937 random(21);
  int matched = 0;
  for (const auto& rule : rules) {
    for (const auto& example : rule.match_examples) {
      // The example in clean text long enough that a change near it is matched near it.
      const std::string before = Filler(2000 + random() % 600, random);
      const std::string after = Filler(2000 + random() % 600, random);
      const std::string result = before + example + "\n" + after;
      const std::size_t begin = before.size();
      const std::size_t end = begin + example.size();
      // The change: across the example's start, its middle, its end, just beside it, far from
      // it, and over the text's first and last bytes.
      const std::size_t mid = begin + example.size() / 2;
      const std::pair<std::size_t, std::size_t> changes[] = {{begin - 3, begin + 2},
                                                             {mid, mid + 1},
                                                             {end - 1, end + 4},
                                                             {end + 1, end + 2},
                                                             {begin - 1, begin},
                                                             {100, 110},
                                                             {0, 1},
                                                             {result.size() - 1, result.size()},
                                                             {mid, mid}};
      for (const auto& [from, to] : changes) {
        for (const std::string other : {"", "\n", "Z9_"}) {
          if (from == to && other.empty()) continue;
          matched += CheckNear(prefilter, rules, result, Replaced(result, from, to, other));
        }
      }
    }
  }
  CHECK(matched > 5000);
}

TEST_CASE("the near answer holds for random deltas of texts holding secrets",
          "[unit][evaluate][secrets]") {
  if (!Serves()) return;
  const auto& [rules, prefilter] = DefaultPack();
  std::vector<std::string> examples;
  for (const auto& rule : rules) {
    examples.insert(examples.end(), rule.match_examples.begin(), rule.match_examples.end());
  }
  std::mt19937 random(2121);
  int matched = 0;
  for (int round = 0; round < 200; ++round) {
    // An earlier text of filler and secrets; the result copies runs of it (some continuing each
    // other, as git's 64 KiB copies do) between inserts of filler, secrets and their pieces.
    std::string earlier;
    while (earlier.size() < 5000) {
      earlier += Filler(200 + random() % 800, random);
      earlier += examples[random() % examples.size()] + "\n";
    }
    Delta delta{earlier, {}};
    std::string result;
    while (result.size() < 5000) {
      if (random() % 3 != 0) {
        const std::size_t at = random() % earlier.size();
        const std::size_t length = std::min<std::size_t>(earlier.size() - at, random() % 1500);
        if (length == 0) continue;
        // Sometimes two copies that continue each other, as one range or as two.
        const std::size_t split = length > 10 && random() % 4 == 0 ? length / 2 : length;
        delta.copied.push_back({result.size(), result.size() + split});
        if (split < length) {
          delta.copied.push_back({result.size() + split, result.size() + length});
        }
        result += earlier.substr(at, length);
      } else {
        const std::string& example = examples[random() % examples.size()];
        switch (random() % 3) {
          case 0:
            result += example;
            break;
          case 1:
            result += example.substr(random() % (example.size() + 1));
            break;
          default:
            result += Filler(random() % 300, random);
            break;
        }
      }
    }
    matched += CheckNear(prefilter, rules, result, delta);
  }
  CHECK(matched > 200);
}

TEST_CASE("a small change to a long text is matched near it, the rest answered by the earlier text",
          "[unit][evaluate][secrets]") {
  if (!Serves()) return;
  const auto& [rules, prefilter] = DefaultPack();
  std::mt19937 random(7);
  const std::string result = Filler(20000, random);
  const Delta delta = Replaced(result, 10000, 10001, "q");
  std::vector<char> full;
  REQUIRE(prefilter.MayMatch(result, full));
  // The near answer adds what the earlier text's answer says: a rule it marks (say every one)
  // is marked although the text itself holds nothing, which only the near way does.
  const PrefilterAnswer every{std::vector<char>(rules.size(), 1)};
  const TextOrigin origin{&every, delta.copied};
  std::vector<char> may;
  REQUIRE(prefilter.MayMatch(result, may, &origin));
  CHECK(std::count(full.begin(), full.end(), 1) < static_cast<long>(rules.size()) / 2);
  CHECK(std::count(may.begin(), may.end(), 1) == static_cast<long>(rules.size()));
  // A change that covers most of the text is matched the whole way: the answer is the text's.
  const Delta most = Replaced(result, 1000, 19000, "q");
  const TextOrigin wide{&every, most.copied};
  REQUIRE(prefilter.MayMatch(result, may, &wide));
  CHECK(may == full);
  // An answer of another size, or copies outside the text, are not used.
  const PrefilterAnswer short_answer{std::vector<char>(3, 1)};
  const TextOrigin wrong{&short_answer, delta.copied};
  REQUIRE(prefilter.MayMatch(result, may, &wrong));
  CHECK(may == full);
  const std::vector<CopiedRange> outside{{0, result.size() + 10}};
  const TextOrigin beyond{&every, outside};
  REQUIRE(prefilter.MayMatch(result, may, &beyond));
  CHECK(may == full);
}

}  // namespace riskgate::evaluate::secrets
