#include "collect/lines_wanted.h"

namespace riskgate::collect {

std::string LinesWanted::Key(std::string_view path, std::string_view blob_id) {
  return std::string(path) + '\0' + std::string(blob_id);
}

bool LinesWanted::Cleared(std::string_view path, std::string_view blob_id) const {
  if (!test_) return false;
  const std::string key = Key(path, blob_id);
  std::lock_guard lock(mutex_);
  const auto it = known_.find(key);
  return it != known_.end() && !it->second;
}

bool LinesWanted::operator()(std::string_view path, std::string_view blob_id,
                             std::string_view text) const {
  if (!test_) return true;
  std::string key = Key(path, blob_id);
  {
    std::lock_guard lock(mutex_);
    if (auto it = known_.find(key); it != known_.end()) return it->second;
  }
  const bool wanted = test_(path, text);  // not under the lock: texts are tested side by side
  std::lock_guard lock(mutex_);
  known_.emplace(std::move(key), wanted);
  return wanted;
}

}  // namespace riskgate::collect
