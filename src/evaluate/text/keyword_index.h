// Stage 3 (evaluate): one pass over a text finds which of many keywords occur in it, ignoring
// ASCII case (Aho-Corasick automaton with a dense transition table). This is the prefilter that
// keeps most rules from running on most text.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate {

class KeywordIndex {
 public:
  // `keywords` must be non-empty and lower-case; their positions are their ids.
  explicit KeywordIndex(const std::vector<std::string>& keywords);

  // Sets found[id] for each keyword that occurs in `text` (case-insensitively). `found` is
  // resized to the number of keywords; returns how many distinct keywords were found.
  int Find(std::string_view text, std::vector<char>& found) const;

  std::size_t size() const { return keyword_count_; }

 private:
  std::size_t keyword_count_ = 0;
  std::array<std::uint16_t, 256> class_of_{};  // byte -> column; 0 = bytes in no keyword
  std::size_t classes_ = 1;
  // Row offset (state * classes_) + class -> the next state's row offset. States that report
  // keywords come last, from first_output_offset_ on.
  std::vector<std::int32_t> next_;
  std::size_t first_output_offset_ = 0;
  std::vector<std::int32_t> output_begin_;  // per output state (in order), range in outputs_
  std::vector<std::int32_t> outputs_;       // keyword ids, including those of suffix states
};

}  // namespace riskgate::evaluate
