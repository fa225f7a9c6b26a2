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

const secrets::PrefilterAnswer* PrefilterAnswers::Find(
    const collect::pack::ObjectLocation& place) const {
  const auto key = KeyOf(place);
  if (!key) return nullptr;
  std::lock_guard lock(mutex_);
  const auto found = by_place_.find(*key);
  return found == by_place_.end() ? nullptr : &answers_[found->second];
}

void PrefilterAnswers::Keep(const collect::pack::ObjectLocation& place,
                            const secrets::PrefilterAnswer& kept) {
  const auto key = KeyOf(place);
  if (!key) return;
  std::lock_guard lock(mutex_);
  // Most blobs have the answer the last one had.
  if (answers_.empty() || answers_[last_].may != kept.may ||
      answers_[last_].decodes_nothing != kept.decodes_nothing ||
      answers_[last_].lacks_secret_kind != kept.lacks_secret_kind) {
    std::string as_key(kept.may.begin(), kept.may.end());
    as_key += static_cast<char>((kept.decodes_nothing ? 1 : 0) | (kept.lacks_secret_kind ? 2 : 0));
    auto [it, added] =
        index_of_.try_emplace(std::move(as_key), static_cast<std::uint32_t>(answers_.size()));
    if (added) answers_.push_back(kept);
    last_ = it->second;
  }
  by_place_.insert_or_assign(*key, last_);
}

}  // namespace riskgate::evaluate::history
