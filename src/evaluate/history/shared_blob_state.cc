#include "evaluate/history/shared_blob_state.h"

#include <utility>

#include "evaluate/secrets/text_origin.h"

namespace riskgate::evaluate::history {
namespace {

using collect::BlobState;

// Why riskgate could not scan a blob in `state` (nullopt: it could, or the blob is missing).
std::optional<core::SkipReason> SkipReasonOf(BlobState state) {
  switch (state) {
    case BlobState::kBinary:
      return core::SkipReason::kBinary;
    case BlobState::kTooLarge:
      return core::SkipReason::kTooLarge;
    case BlobState::kLfsPointer:
      return core::SkipReason::kLfsPointer;
    case BlobState::kUndecodable:
      return core::SkipReason::kUndecodable;
    case BlobState::kText:
    case BlobState::kMissing:
      break;
  }
  return std::nullopt;
}

// Texts of dirty blobs are kept up to this many bytes, so that scanning one at a second path
// (a copy, or a parent compared with its child) does not read it again.
constexpr std::size_t kDirtyTextBudget = 64 * 1024 * 1024;

}  // namespace

void SharedBlobState::Presweep(const std::string& blob, const collect::SweptBlob& content) {
  Swept swept{content.state, content.size, content.text.size(), std::string(content.magic),
              BlobVerdict::kClean};
  if (content.state != BlobState::kText) {
    swept.verdict = BlobVerdict::kSkipped;
  } else {
    // A delta of a blob the prefilter read is matched near its changes (PrefilterAnswers).
    const secrets::PrefilterAnswer* earlier =
        content.base && !content.copied.empty() ? answers_.Find(*content.base) : nullptr;
    const secrets::TextOrigin origin{earlier, content.copied};
    secrets::PrefilterAnswer answer;
    if (scanner_.MayFind(content.text, earlier ? &origin : nullptr,
                         content.place ? &answer : nullptr)) {
      swept.verdict = BlobVerdict::kDirty;
    }
    if (content.place &&
        (!answer.may.empty() || answer.decodes_nothing || answer.lacks_secret_kind)) {
      answers_.Keep(*content.place, answer);
    }
  }
  ++progress_.blobs_read;
  progress_.bytes_read += static_cast<long long>(content.text.size());
  std::lock_guard lock(mutex_);
  if (swept.verdict == BlobVerdict::kDirty &&
      text_bytes_ + content.text.size() <= kDirtyTextBudget) {
    text_bytes_ += content.text.size();
    texts_.emplace(blob, std::string(content.text));
  }
  if (const auto key = collect::pack::RawId::FromHex(blob)) swept_.emplace(*key, std::move(swept));
}

core::Result<SharedBlobState::Classified> SharedBlobState::Classify(collect::HistorySource& source,
                                                                    const std::string& blob) {
  std::unique_lock lock(mutex_);
  // A swept blob is known by one lookup, at every path and commit that holds it.
  const auto key = collect::pack::RawId::FromHex(blob);
  if (auto swept = key ? swept_.find(*key) : swept_.end(); swept != swept_.end()) {
    Swept& seen = swept->second;
    if (!seen.reached) {
      // Counted as if read now, so the totals are those of the blobs the walk reaches.
      seen.reached = true;
      Count(seen.state, seen.text_bytes);
      if (auto reason = SkipReasonOf(seen.state))
        unscanned_.emplace(blob, Unscanned{*reason, seen.size, std::move(seen.magic)});
    }
    return Known(blob, seen.verdict);
  }
  auto [it, inserted] = verdicts_.try_emplace(blob, BlobVerdict::kPending);
  BlobVerdict& verdict = it->second;  // node references survive rehashing
  if (!inserted) {
    ready_.wait(lock, [&] { return verdict != BlobVerdict::kPending; });
    return Known(blob, verdict);
  }
  lock.unlock();
  auto read = source.ReadBlob(blob, options_.max_file_bytes);
  Classified out;
  if (read) {
    ++progress_.blobs_read;
    progress_.bytes_read += static_cast<long long>(read->text.size());
    if (read->state != BlobState::kText) {
      out.verdict = BlobVerdict::kSkipped;
    } else if (scanner_.MayFind(read->text)) {
      out.verdict = BlobVerdict::kDirty;
    }
  }
  lock.lock();
  if (!read) {
    verdict = BlobVerdict::kSkipped;
    ready_.notify_all();
    return tl::unexpected(read.error());
  }
  Count(read->state, read->text.size());
  if (auto reason = SkipReasonOf(read->state))
    unscanned_.emplace(blob, Unscanned{*reason, read->size, read->magic});
  verdict = out.verdict;
  if (verdict == BlobVerdict::kDirty) {
    if (text_bytes_ + read->text.size() <= kDirtyTextBudget) {
      text_bytes_ += read->text.size();
      texts_.emplace(blob, read->text);
    }
    out.text = std::move(read->text);
  }
  ready_.notify_all();
  return out;
}

core::Result<std::string> SharedBlobState::Text(collect::HistorySource& source,
                                                const std::string& blob, Classified& classified) {
  if (classified.text) return std::move(*classified.text);
  if (classified.verdict != BlobVerdict::kDirty) return std::string();
  auto read = source.ReadBlob(blob, options_.max_file_bytes);
  if (!read) return tl::unexpected(read.error());
  return std::move(read->text);
}

SharedBlobState::Classified SharedBlobState::Known(const std::string& blob,
                                                   BlobVerdict verdict) const {
  Classified out{verdict, std::nullopt};
  if (verdict == BlobVerdict::kDirty) {
    if (auto text = texts_.find(blob); text != texts_.end()) out.text = text->second;
  }
  return out;
}

void SharedBlobState::Count(BlobState state, std::size_t text_bytes) {
  ++totals_.blobs_read;
  totals_.bytes_read += static_cast<long long>(text_bytes);
  switch (state) {
    case BlobState::kText:
      break;
    case BlobState::kBinary:
    case BlobState::kUndecodable:
      ++totals_.binary_blobs;
      break;
    case BlobState::kTooLarge:
      ++totals_.large_blobs;
      break;
    case BlobState::kLfsPointer:
      ++totals_.lfs_pointers;
      break;
    case BlobState::kMissing:
      ++totals_.missing_blobs;
      break;
  }
}

}  // namespace riskgate::evaluate::history
