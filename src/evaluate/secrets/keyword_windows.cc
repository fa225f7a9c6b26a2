#include "evaluate/secrets/keyword_windows.h"

#include <algorithm>

#include "core/text.h"
#include "policy/secret_rule.h"

namespace riskgate::evaluate::secrets {

KeywordWindows::KeywordWindows(std::string_view text, const LineMap& lines,
                               const KeywordIndex& index)
    : text_(text), lines_(lines) {
  distinct_ = index.Occurrences(text, lines.Starts(), ends_);
}

const std::vector<TextRange>& KeywordWindows::ForKeyword(std::size_t id) {
  if (auto known = by_keyword_.find(id); known != by_keyword_.end()) return known->second;
  const auto near = static_cast<std::size_t>(policy::kNearLines);
  const auto bytes = static_cast<std::size_t>(policy::kNearBytes);
  std::vector<TextRange> windows;
  std::size_t covered_to = 0;  // occurrences before this end lie on a line already windowed
  for (std::size_t end_of_keyword : ends_.Of(id)) {
    if (end_of_keyword <= covered_to) continue;
    // The keyword's line, kNearLines lines either side and every line within kNearBytes.
    const std::size_t line = lines_.LineOf(end_of_keyword - 1);
    const std::size_t first =
        std::min(line > near ? line - near : 0,
                 lines_.LineOf(end_of_keyword > bytes ? end_of_keyword - bytes : 0));
    const std::size_t last =
        std::max(std::min(line + near, lines_.Count() - 1),
                 lines_.LineOf(std::min(end_of_keyword + bytes, text_.size())));
    const std::size_t end = std::min(lines_.End(last) + 1, text_.size());  // with its newline
    windows.emplace_back(lines_.Start(first), end);
    covered_to = lines_.End(line);
  }
  return by_keyword_.emplace(id, core::MergedRanges(std::move(windows))).first->second;
}

std::vector<TextRange> KeywordWindows::ForRule(const std::vector<std::size_t>& keyword_ids) {
  std::vector<TextRange> ranges;
  for (std::size_t id : keyword_ids) {
    const auto& windows = ForKeyword(id);
    ranges.insert(ranges.end(), windows.begin(), windows.end());
  }
  ranges = core::MergedRanges(std::move(ranges));
  std::size_t covered = 0;
  for (const TextRange& r : ranges) covered += r.second - r.first;
  if (covered * 2 >= text_.size()) return {TextRange{0, text_.size()}};
  return ranges;
}

}  // namespace riskgate::evaluate::secrets
