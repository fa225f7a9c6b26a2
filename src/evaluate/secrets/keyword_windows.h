// Stage 3 (evaluate): where in a fragment a `span: near` rule's regex runs: the lines within
// policy::kNearLines of each occurrence of one of the rule's keywords (ASCII case ignored),
// merged. Occurrences are found once per keyword and fragment, and shared by the rules that
// name the keyword. No I/O.
#pragma once

#include <cstddef>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "evaluate/secrets/line_map.h"
#include "evaluate/text/keyword_index.h"

namespace riskgate::evaluate::secrets {

// A half-open byte range [first, second) of the fragment's text.
using TextRange = std::pair<std::size_t, std::size_t>;

class KeywordWindows {
 public:
  // Finds where `index`'s keywords occur in `text` (one pass). `text` and `lines` must outlive
  // this; keyword ids are the index's.
  KeywordWindows(std::string_view text, const LineMap& lines, const KeywordIndex& index);

  // Whether keyword `id` occurs in the text.
  bool Occurs(std::size_t id) const { return !ends_.Of(id).empty(); }
  // How many distinct keywords occur.
  int distinct() const { return distinct_; }

  // The ranges a rule with these keyword ids reads: sorted, disjoint, each whole lines (with
  // the last line's newline). The whole text as one range when the windows would cover most
  // of it anyway (one pass is cheaper than many).
  std::vector<TextRange> ForRule(const std::vector<std::size_t>& keyword_ids);

 private:
  const std::vector<TextRange>& ForKeyword(std::size_t id);

  std::string_view text_;
  const LineMap& lines_;
  KeywordOccurrences ends_;  // keyword id -> occurrence ends, one a line
  int distinct_ = 0;
  std::map<std::size_t, std::vector<TextRange>> by_keyword_;  // of the keywords asked about
};

}  // namespace riskgate::evaluate::secrets
