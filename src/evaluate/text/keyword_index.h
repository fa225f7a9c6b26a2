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

// Where keywords occur in one text, one entry a line (the first occurrence on it), kept sparse:
// a text holding a few keywords costs a few lists, however many keywords the index has (one
// list per keyword of the index, made for every text scanned, was a tenth of a scan).
class KeywordOccurrences {
 public:
  // The offsets just past keyword `id`'s kept occurrences, in text order; empty when it does
  // not occur.
  const std::vector<std::size_t>& Of(std::size_t id) const {
    return id < slot_.size() && slot_[id] != 0 ? lists_[slot_[id] - 1] : None();
  }
  // How many distinct keywords occur.
  int distinct() const { return static_cast<int>(lists_.size()); }

  // For the index that fills it: forgets every occurrence, for an index of `keywords`.
  void Reset(std::size_t keywords) {
    slot_.assign(keywords, 0);
    lists_.clear();
  }
  // Keyword `id`'s list, made on its first occurrence.
  std::vector<std::size_t>& ListOf(std::size_t id) {
    if (slot_[id] == 0) {
      lists_.emplace_back();
      slot_[id] = static_cast<std::uint32_t>(lists_.size());
    }
    return lists_[slot_[id] - 1];
  }

 private:
  static const std::vector<std::size_t>& None();

  std::vector<std::uint32_t> slot_;  // keyword id -> 1 + its index in lists_; 0: none yet
  std::vector<std::vector<std::size_t>> lists_;
};

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

  // Where each keyword occurs in `text`, line by line: found.Of(id) lists the offset just past
  // its first occurrence on each line where it occurs, in text order; returns how many distinct
  // keywords occur. `line_starts`: where the text's lines start (sorted, from 0), which
  // Hyperscan needs to keep one occurrence a line (so a file of one keyword over and over costs
  // one entry a line, not one an occurrence).
  int Occurrences(std::string_view text, const std::vector<std::size_t>& line_starts,
                  KeywordOccurrences& found) const;

  std::size_t size() const { return keyword_count_; }
  // "hyperscan" or "aho-corasick": which engine Find uses now.
  const char* engine() const;
  // The Hyperscan database behind Find (null: the automaton only).
  const LazyHyperscan* hyperscan() const { return hyperscan_.get(); }

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
