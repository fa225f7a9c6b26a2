// Stage 1 (collect): the whole lines two texts share at their start and at their end, so that a
// line diff runs over what lies between them only. git does the same for its zero-context diffs
// (xdiff-interface.c trims the common tail); xdiff would hash every line of both files first,
// most of a range check's diff time when a long file changes in a few lines.
#pragma once

#include <cstddef>
#include <string_view>

namespace riskgate::collect {

struct CommonLines {
  std::size_t prefix_bytes = 0;  // whole lines, equal in both texts, at their start
  int prefix_lines = 0;          // how many lines those bytes hold
  std::size_t suffix_bytes = 0;  // whole lines, equal in both, at their end, after the prefix
};

// The longest common prefix of whole lines, then the longest common suffix of whole lines in
// what remains of both (xdiff trims its records in this order). A line is its bytes up to and
// including '\n'; a last line without one equals only a last line without one.
CommonLines CommonLineEnds(std::string_view old_text, std::string_view new_text);

}  // namespace riskgate::collect
