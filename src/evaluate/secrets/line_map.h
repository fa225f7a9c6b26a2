// Stage 3 (evaluate): byte offsets of a fragment's text to 0-based lines, for the secrets
// scanner's locations. No I/O.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

namespace riskgate::evaluate::secrets {

// Maps byte offsets of a fragment to line and column.
class LineMap {
 public:
  explicit LineMap(std::string_view text) {
    starts_.push_back(0);
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* at = begin; at < end;) {
      const void* newline = std::memchr(at, '\n', static_cast<std::size_t>(end - at));
      if (newline == nullptr) break;
      at = static_cast<const char*>(newline) + 1;
      starts_.push_back(static_cast<std::size_t>(at - begin));
    }
    size_ = text.size();
  }
  // 0-based line index of `offset`.
  std::size_t LineOf(std::size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<std::size_t>(it - starts_.begin()) - 1;
  }
  std::size_t Count() const { return starts_.size(); }
  // Where each line starts, in order (the first at 0).
  const std::vector<std::size_t>& Starts() const { return starts_; }
  std::size_t Start(std::size_t line) const { return starts_[line]; }
  std::size_t End(std::size_t line) const {
    return line + 1 < starts_.size() ? starts_[line + 1] - 1 : size_;
  }

 private:
  std::vector<std::size_t> starts_;
  std::size_t size_ = 0;
};

}  // namespace riskgate::evaluate::secrets
