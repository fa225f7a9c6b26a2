// Benchmark: what the history sweep's "far" prefilter part costs, and what gating it on the
// rules' keywords would save. A full audit matches a delta blob's changes only against rules whose
// matches have a bound (evaluate/secrets/rule_prefilter.h, kMaxNearWidth); the others ("far":
// unbounded or longer repeats) are matched against the whole text of every delta, with one
// Hyperscan database. Every default rule has keywords, and a rule runs on a text only where one
// of its keywords occurs (SecretsScanner::CandidateRules), so a far rule's scan could be skipped
// where none of its keywords occur. This program times, on every file under a folder (a
// checkout: the bytes the sweep reads are mostly versions of such files):
//   - the far database over every text (what the sweep does today);
//   - a keyword pass over every text (the gate's cost);
//   - the far rules split by how often their keywords occur here (in over --common percent of
//     the bytes: "common"), each group's database only over the texts holding one of its
//     keywords;
//   - each common rule's own database, gated by its own keywords.
// It prints the rules of each group with their keyword share, so a gate's worth on a corpus
// can be read before it is built. It checks nothing and changes nothing.
//
// Usage: far_rules_bench FOLDER [--repeats R] [--common PERCENT]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "evaluate/secrets/rule_prefilter.h"
#include "evaluate/text/hyperscan_db.h"
#include "evaluate/text/keyword_index.h"
#include "policy/policy.h"
#include "text_tree.h"

namespace {

using riskgate::evaluate::HyperscanMaxWidth;
using riskgate::evaluate::HyperscanMode;
using riskgate::evaluate::KeywordIndex;
using riskgate::evaluate::LazyHyperscan;
using riskgate::evaluate::secrets::LoosePattern;
using riskgate::evaluate::secrets::RulePrefilter;

// The best of `repeats` runs of `body`, in seconds.
double Best(int repeats, const std::function<void()>& body) {
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    body();
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

struct FarRule {
  std::size_t rule = 0;
  std::string loose;
  bool caseless = false;
  std::vector<std::size_t> keywords;  // ids in the keyword index
  double share = 0;                   // of the bytes, in texts holding one of its keywords
};

// A prefilter database of `rules`, compiled now.
std::unique_ptr<LazyHyperscan> Database(const std::vector<const FarRule*>& rules) {
  std::vector<std::string> expressions;
  std::vector<bool> caseless;
  for (const FarRule* rule : rules) {
    expressions.push_back(rule->loose);
    caseless.push_back(rule->caseless);
  }
  auto database = std::make_unique<LazyHyperscan>(std::move(expressions), std::move(caseless),
                                                  HyperscanMode::kPrefilter, 0);
  database->Expect(1);
  return database;
}

int Count(unsigned, unsigned long long, void* context) {
  ++*static_cast<std::size_t*>(context);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: far_rules_bench FOLDER [--repeats R] [--common PERCENT]\n");
    return 2;
  }
  int repeats = 3;
  double common_percent = 5;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string arg = argv[i];
    if (arg == "--repeats") repeats = std::max(1, std::atoi(argv[i + 1]));
    if (arg == "--common") common_percent = std::atof(argv[i + 1]);
  }
  if (!LazyHyperscan::Available()) {
    std::fprintf(stderr, "far_rules_bench: Hyperscan does not serve here (%s)\n",
                 LazyHyperscan::Version().c_str());
    return 2;
  }
  auto policy = riskgate::policy::LoadDefaultPolicy();
  if (!policy) {
    std::fprintf(stderr, "cannot load the default policy: %s\n", policy.error().ToString().c_str());
    return 2;
  }
  const auto& rules = policy->secrets.rules;
  std::map<std::string, std::size_t> keyword_ids;
  std::vector<std::string> keywords;
  std::vector<FarRule> far;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (!rules[r].regex || rules[r].keywords.empty()) continue;
    const std::string_view source = rules[r].regex->source();
    const bool caseless = rules[r].regex->case_insensitive();
    const auto loose = LoosePattern(source);
    const auto bounded = LoosePattern(source, true);
    if (!loose || !bounded) continue;
    const auto width = HyperscanMaxWidth(*bounded, caseless);
    if (width && *width <= RulePrefilter::kMaxNearWidth) continue;
    FarRule rule{r, *loose, caseless, {}, 0};
    for (const std::string& keyword : rules[r].keywords) {
      const auto [it, added] = keyword_ids.emplace(keyword, keywords.size());
      if (added) keywords.push_back(keyword);
      rule.keywords.push_back(it->second);
    }
    far.push_back(std::move(rule));
  }
  const auto texts = riskgate::bench::ReadTree(argv[1], 2 << 20, /*with_binary=*/false);
  std::size_t bytes = 0;
  for (const auto& text : texts) bytes += text.size();
  const KeywordIndex index(keywords, /*allow_hyperscan=*/true, /*hyperscan_after=*/0);
  std::vector<std::vector<char>> found(texts.size());
  const double keyword_seconds = Best(repeats, [&] {
    for (std::size_t i = 0; i < texts.size(); ++i) index.Find(texts[i], found[i]);
  });
  // Which texts each rule's keywords gate in.
  const auto gated = [&](const FarRule& rule, std::size_t i) {
    for (const std::size_t k : rule.keywords) {
      if (found[i][k] != 0) return true;
    }
    return false;
  };
  for (FarRule& rule : far) {
    std::size_t held = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) held += gated(rule, i) ? texts[i].size() : 0;
    rule.share = static_cast<double>(held) / static_cast<double>(bytes);
  }
  std::vector<const FarRule*> all, common, rare;
  for (const FarRule& rule : far) {
    all.push_back(&rule);
    (rule.share * 100 > common_percent ? common : rare).push_back(&rule);
  }
  std::printf(
      "far rules benchmark: %zu far rules of %zu, %zu keywords; %zu text files, %.1f MB, "
      "best of %d\n",
      far.size(), rules.size(), keywords.size(), texts.size(), static_cast<double>(bytes) / 1e6,
      repeats);
  std::printf("common (keywords in over %.1f%% of the bytes):", common_percent);
  for (const FarRule* rule : common) {
    std::printf(" %s %.0f%%", rules[rule->rule].id.c_str(), rule->share * 100);
  }
  std::printf("\nrare: %zu rules\n\n", rare.size());

  // Scans `database` over the texts `take` lets in: seconds and bytes.
  const auto time_gated = [&](const LazyHyperscan& database,
                              const std::function<bool(std::size_t)>& take) {
    std::size_t scanned = 0;
    std::size_t matches = 0;
    const double seconds = Best(repeats, [&] {
      scanned = 0;
      for (std::size_t i = 0; i < texts.size(); ++i) {
        if (!take(i)) continue;
        scanned += texts[i].size();
        database.Scan(texts[i], Count, &matches);
      }
    });
    return std::pair<double, std::size_t>(seconds, scanned);
  };
  const auto any_of = [&](const std::vector<const FarRule*>& group) {
    return [&, group](std::size_t i) {
      return std::any_of(group.begin(), group.end(),
                         [&](const FarRule* rule) { return gated(*rule, i); });
    };
  };
  const auto whole = Database(all);
  const auto [whole_seconds, whole_bytes] = time_gated(*whole, [](std::size_t) { return true; });
  std::printf("%-52s %9s %9s %9s\n", "pass", "seconds", "MB", "MB/s");
  const auto row = [&](const std::string& name, double seconds, std::size_t scanned) {
    std::printf("%-52s %9.3f %9.1f %9.1f\n", name.c_str(), seconds,
                static_cast<double>(scanned) / 1e6,
                static_cast<double>(scanned) / 1e6 / std::max(seconds, 1e-9));
  };
  row("far database, every text (today)", whole_seconds, whole_bytes);
  row("keyword pass, every text (the gate)", keyword_seconds, bytes);
  // A group's own database over the texts holding one of its keywords, printed as a row: its
  // seconds (none for an empty group).
  const auto gated_row = [&](const std::string& name, const std::vector<const FarRule*>& group) {
    if (group.empty()) return 0.0;
    const auto database = Database(group);
    const auto [seconds, scanned] = time_gated(*database, any_of(group));
    row(name, seconds, scanned);
    return seconds;
  };
  double gated_total = keyword_seconds + gated_row("rare rules' database, gated", rare);
  const double split_total = gated_total + gated_row("common rules' database, gated", common);
  for (const FarRule* rule : common) {
    gated_total += gated_row("  " + rules[rule->rule].id + " alone, gated", {rule});
  }
  std::printf(
      "\ntoday %.3f s; keyword pass + rare + common databases %.3f s (%.2fx); "
      "keyword pass + rare + each common rule alone %.3f s (%.2fx)\n",
      whole_seconds, split_total, split_total / whole_seconds, gated_total,
      gated_total / whole_seconds);
  return 0;
}
