#include "collect/blob_kind.h"
#include "collect/history_source.h"

namespace riskgate::collect {
namespace {

BlobState StateOf(core::SkipReason reason) {
  switch (reason) {
    case core::SkipReason::kTooLarge:
      return BlobState::kTooLarge;
    case core::SkipReason::kLfsPointer:
      return BlobState::kLfsPointer;
    case core::SkipReason::kUndecodable:
      return BlobState::kUndecodable;
    default:
      return BlobState::kBinary;
  }
}

}  // namespace

core::Result<BlobContent> ClassifyBlob(std::string bytes, const std::string& lfs_objects_dir,
                                       std::int64_t max_bytes) {
  BlobContent out;
  out.size = static_cast<std::int64_t>(bytes.size());
  auto scannable = ToScannableText(std::move(bytes), lfs_objects_dir, max_bytes);
  if (!scannable) return tl::unexpected(scannable.error());
  out.text = std::move(scannable->text);
  if (scannable->skip) {
    out.state = StateOf(*scannable->skip);
    out.magic = std::move(scannable->magic);
  }
  return out;
}

}  // namespace riskgate::collect
