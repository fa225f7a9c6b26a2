// Stage 3 (evaluate): one pass over a text finds which of many keywords occur in it, ignoring
// ASCII case. This is the prefilter that keeps most rules from running on most text. Built with
// Hyperscan (libhyperscan-dev) on a CPU it supports, a Hyperscan literal database does the
// pass (3-4x faster, bench/README.md); everywhere else an Aho-Corasick automaton with a dense
// transition table. Both give the same answer. Compiling the Hyperscan database for a pack of
// several hundred rules costs tens of milliseconds, more than a pre-commit hook's whole scan:
// the automaton serves until the texts searched reach `hyperscan_after` bytes, and the database
// is compiled then, once (text/hyperscan_db.h).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "evaluate/text/hyperscan_db.h"

namespace riskgate::evaluate {

class KeywordIndex {
 public:
  // `keywords` must be non-empty and lower-case; their positions are their ids. Without
  // `allow_hyperscan` the automaton serves even where Hyperscan could (tests compare the two).
  static constexpr std::size_t kHyperscanAfterBytes = std::size_t{8} << 20;
  explicit KeywordIndex(const std::vector<std::string>& keywords, bool allow_hyperscan = true,
                        std::size_t hyperscan_after = kHyperscanAfterBytes);
  ~KeywordIndex();
  // "Hyperscan 5.4.0 ..." when built with it, else the automaton's name.
  static std::string EngineVersion();
  KeywordIndex(const KeywordIndex&) = delete;
  KeywordIndex& operator=(const KeywordIndex&) = delete;

  // Sets found[id] for each keyword that occurs in `text` (case-insensitively). `found` is
  // resized to the number of keywords; returns how many distinct keywords were found.
  int Find(std::string_view text, std::vector<char>& found) const;

  // Where each keyword occurs in `text`, line by line: ends[id] lists the offset just past its
  // first occurrence on each line where it occurs, in text order; returns how many distinct
  // keywords occur. `line_starts`: where the text's lines start (sorted, from 0), which
  // Hyperscan needs to keep one occurrence a line (so a file of one keyword over and over costs
  // one entry a line, not one an occurrence).
  int Occurrences(std::string_view text, const std::vector<std::size_t>& line_starts,
                  std::vector<std::vector<std::size_t>>& ends) const;

  std::size_t size() const { return keyword_count_; }
  // "hyperscan" or "aho-corasick": which engine Find uses now.
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
  std::vector<std::int32_t> output_begin_;    // per output state (in order), range in outputs_
  std::vector<std::int32_t> outputs_;         // keyword ids, including those of suffix states
  std::unique_ptr<LazyHyperscan> hyperscan_;  // null: the automaton always serves
};

}  // namespace riskgate::evaluate
