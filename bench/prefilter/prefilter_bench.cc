// Benchmark: the secrets prefilter. Times, on every file under a folder, the three ways to find
// which of the default pack's keywords occur in a text: riskgate's Aho-Corasick automaton
// (evaluate/text/keyword_index.cc), one RE2::Set of the keywords as literals, and (when built
// with libhyperscan-dev) the Hyperscan literal database the product uses. Prints MB/s and the ratio
// to the automaton; checks that all three find the same keywords in every file.
//
// Usage: prefilter_bench FOLDER [REPEATS]
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "evaluate/text/keyword_index.h"
#include "policy/policy.h"
#include "text_tree.h"

namespace {

using Found = std::vector<char>;
using Method = std::function<void(const std::string&, Found&)>;

double Seconds(const std::vector<std::string>& texts, int repeats, const Method& method,
               std::vector<Found>& results) {
  results.assign(texts.size(), {});
  double best = 1e30;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < texts.size(); ++i) method(texts[i], results[i]);
    best = std::min(
        best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: prefilter_bench FOLDER [REPEATS]\n");
    return 2;
  }
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  auto policy = riskgate::policy::LoadDefaultPolicy();
  if (!policy) {
    std::fprintf(stderr, "cannot load the default policy: %s\n", policy.error().ToString().c_str());
    return 2;
  }
  std::set<std::string> unique;
  for (const auto& rule : policy->secrets.rules)
    unique.insert(rule.keywords.begin(), rule.keywords.end());
  const std::vector<std::string> keywords(unique.begin(), unique.end());
  const auto texts = riskgate::bench::ReadTree(argv[1], 1 << 20, /*with_binary=*/true);
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  std::printf(
      "prefilter benchmark: %zu keywords of the default pack, %zu files, %.1f MB, best of %d\n",
      keywords.size(), texts.size(), static_cast<double>(bytes) / 1e6, repeats);

  const riskgate::evaluate::KeywordIndex automaton(keywords, /*allow_hyperscan=*/false);
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  options.set_case_sensitive(false);
  options.set_max_mem(256 << 20);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const auto& k : keywords) set.Add(RE2::QuoteMeta(k), nullptr);
  if (!set.Compile()) {
    std::fprintf(stderr, "RE2::Set does not compile\n");
    return 2;
  }
  std::vector<std::pair<std::string, Method>> methods = {
      {"Aho-Corasick (riskgate KeywordIndex)",
       [&](const std::string& text, Found& found) { automaton.Find(text, found); }},
      {"RE2::Set of literals",
       [&](const std::string& text, Found& found) {
         found.assign(keywords.size(), 0);
         std::vector<int> hits;
         set.Match(text, &hits);
         for (int h : hits) found[static_cast<std::size_t>(h)] = 1;
       }},
  };
  // The product's own Hyperscan engine (evaluate/text/keyword_index.cc), where it was built in.
  const riskgate::evaluate::KeywordIndex hyperscan(keywords, /*allow_hyperscan=*/true,
                                                   /*hyperscan_after=*/0);
  if (std::string(hyperscan.engine()) == "hyperscan") {
    methods.emplace_back("Hyperscan literal database", [&](const std::string& text, Found& found) {
      hyperscan.Find(text, found);
    });
  } else {
    std::printf("(Hyperscan column absent: build with libhyperscan-dev installed)\n");
  }
  std::vector<Found> reference;
  double base = 0;
  std::printf("%-40s %10s %10s %8s\n", "prefilter", "seconds", "MB/s", "ratio");
  for (std::size_t m = 0; m < methods.size(); ++m) {
    std::vector<Found> results;
    const double seconds = Seconds(texts, repeats, methods[m].second, results);
    if (m == 0) {
      base = seconds;
      reference = results;
    }
    bool same = true;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      Found a = reference[i], b = results[i];
      a.resize(keywords.size());
      b.resize(keywords.size());
      same = same && a == b;
    }
    std::printf("%-40s %10.4f %10.1f %7.2fx%s\n", methods[m].first.c_str(), seconds,
                static_cast<double>(bytes) / 1e6 / seconds, seconds / base,
                same ? "" : "  (DIFFERENT keywords found)");
  }
  return 0;
}
