#include "evaluate/history/prefilter_answers.h"

namespace riskgate::evaluate::history {
namespace {

constexpr int kOffsetBits = 40;
constexpr std::uint64_t kLooseKey = std::uint64_t{1} << 63;

// One number per place, none shared: a pack's index and offset, or a loose object's index.
std::optional<std::uint64_t> KeyOf(const collect::pack::ObjectLocation& place) {
  if (place.offset >> kOffsetBits != 0) return std::nullopt;
  if (place.pack == collect::pack::kLoose) return kLooseKey | place.offset;
  if (place.pack >> (63 - kOffsetBits) != 0) return std::nullopt;
  return (std::uint64_t{place.pack} << kOffsetBits) | place.offset;
}

}  // namespace

std::optional<secrets::PrefilterAnswer> PrefilterAnswers::Find(
    const collect::pack::ObjectLocation& place) const {
  const auto key = KeyOf(place);
  if (!key) return std::nullopt;
  std::lock_guard lock(mutex_);
  const auto found = by_place_.find(*key);
  if (found == by_place_.end()) return std::nullopt;
  const std::string& answer = answers_[found->second];
  return secrets::PrefilterAnswer{std::vector<char>(answer.begin(), answer.end() - 1),
                                  answer.back() != 0};
}

void PrefilterAnswers::Keep(const collect::pack::ObjectLocation& place,
                            const secrets::PrefilterAnswer& kept) {
  const auto key = KeyOf(place);
  if (!key) return;
  thread_local std::string answer;  // the key, made without a new block per blob
  answer.assign(kept.may.begin(), kept.may.end());
  answer += kept.decodes_nothing ? '\1' : '\0';
  std::lock_guard lock(mutex_);
  // Most blobs have the answer the last one had.
  if (answers_.empty() || answers_[last_] != answer) {
    auto [it, added] =
        index_of_.try_emplace(std::string(answer), static_cast<std::uint32_t>(answers_.size()));
    if (added) answers_.emplace_back(answer);
    last_ = it->second;
  }
  by_place_.insert_or_assign(*key, last_);
}

}  // namespace riskgate::evaluate::history
