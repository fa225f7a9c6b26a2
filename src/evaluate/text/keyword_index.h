// Stage 3 (evaluate): one pass over a text finds which of many keywords occur in it, ignoring
// ASCII case. This is the prefilter that keeps most rules from running on most text. Built with
// Hyperscan (libhyperscan-dev) on a CPU it supports, a Hyperscan literal database does the
// pass (3-4x faster, bench/README.md); everywhere else an Aho-Corasick automaton with a dense
// transition table. Both give the same answer. This is the only file that talks to Hyperscan.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate {

class KeywordIndex {
 public:
  // `keywords` must be non-empty and lower-case; their positions are their ids. Without
  // `allow_hyperscan` the automaton serves even where Hyperscan could (tests compare the two).
  explicit KeywordIndex(const std::vector<std::string>& keywords, bool allow_hyperscan = true);
  ~KeywordIndex();
  KeywordIndex(const KeywordIndex&) = delete;
  KeywordIndex& operator=(const KeywordIndex&) = delete;

  // Sets found[id] for each keyword that occurs in `text` (case-insensitively). `found` is
  // resized to the number of keywords; returns how many distinct keywords were found.
  int Find(std::string_view text, std::vector<char>& found) const;

  std::size_t size() const { return keyword_count_; }
  // "hyperscan" or "aho-corasick": which engine Find uses.
  const char* engine() const;

 private:
  int FindByAutomaton(std::string_view text, std::vector<char>& found) const;

  std::size_t keyword_count_ = 0;
  std::array<std::uint16_t, 256> class_of_{};  // byte -> column; 0 = bytes in no keyword
  std::size_t classes_ = 1;
  // Row offset (state * classes_) + class -> the next state's row offset. States that report
  // keywords come last, from first_output_offset_ on.
  std::vector<std::int32_t> next_;
  std::size_t first_output_offset_ = 0;
  std::vector<std::int32_t> output_begin_;  // per output state (in order), range in outputs_
  std::vector<std::int32_t> outputs_;       // keyword ids, including those of suffix states
  void* database_ = nullptr;                // hs_database_t*, when Hyperscan is in use
  std::uint64_t serial_ = 0;                // tells databases apart for per-thread scratch
};

}  // namespace riskgate::evaluate
