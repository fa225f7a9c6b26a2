#include "evaluate/unscanned/unscanned_files.h"

#include "core/text.h"

namespace riskgate::evaluate::unscanned {
namespace {

std::string Why(core::SkipReason reason, std::int64_t size) {
  const std::string bytes = size > 0 ? " (" + std::to_string(size) + " bytes)" : "";
  switch (reason) {
    case core::SkipReason::kTooLarge:
      return "it is larger than the scan limit" + bytes;
    case core::SkipReason::kBinary:
      return "it is binary (NUL bytes, no text encoding riskgate decodes)" + bytes;
    case core::SkipReason::kUndecodable:
      return "it is marked or detected as UTF-16/UTF-32 but is not valid in that encoding" + bytes;
    case core::SkipReason::kLfsPointer:
      return "it is a Git LFS pointer and the object it names is not stored locally";
    case core::SkipReason::kUnreadable:
      return "it could not be read" + bytes;
    case core::SkipReason::kSymlink:
    case core::SkipReason::kSubmodule:
      break;
  }
  return "it was skipped";
}

std::string Fix(core::SkipReason reason) {
  switch (reason) {
    case core::SkipReason::kTooLarge:
      return "Make the file smaller, or raise --max-file-size / limits.max_file_bytes so "
             "riskgate scans it.";
    case core::SkipReason::kLfsPointer:
      return "Fetch the LFS objects before the gate runs (`git lfs pull`, actions/checkout "
             "`lfs: true`) so riskgate scans their content.";
    default:
      return "Store the file as text (UTF-8, or UTF-16/UTF-32 with a byte order mark), or "
             "keep it out of the repository.";
  }
}

}  // namespace

bool IsUnscannedContent(core::SkipReason reason) {
  return reason != core::SkipReason::kSymlink && reason != core::SkipReason::kSubmodule;
}

core::Finding UnscannedFinding(const std::string& path, core::SkipReason reason, std::int64_t size,
                               const std::optional<std::string>& commit,
                               policy::OnUnscanned on_unscanned, const std::string& blob) {
  core::Finding f;
  f.control = std::string(kControl);
  f.rule = std::string(kRule);
  const bool block = on_unscanned == policy::OnUnscanned::kBlock;
  f.severity = block ? core::Severity::kHigh : core::Severity::kMedium;
  f.fixed_decision = block ? core::Decision::kBlock : core::Decision::kWarn;
  f.message = "riskgate could not scan this file: " + Why(reason, size) + " [" +
              std::string(core::SkipReasonName(reason)) + "]";
  f.location = core::Location{path, 0, 0, commit};
  const std::string key = std::string(kRule) + '\0' + std::string(core::SkipReasonName(reason));
  f.fingerprint = core::Sha256Hex(key + '\0' + path + '\0' + blob).substr(0, 32);
  f.content_id = core::Sha256Hex(key + '\0' + (blob.empty() ? path : blob)).substr(0, 32);
  f.hints.fix = Fix(reason);
  return f;
}

std::vector<core::Finding> EvaluateUnscanned(const std::vector<core::SkippedFile>& skipped,
                                             policy::OnUnscanned on_unscanned) {
  std::vector<core::Finding> out;
  for (const core::SkippedFile& file : skipped) {
    if (!IsUnscannedContent(file.reason)) continue;
    out.push_back(UnscannedFinding(file.path, file.reason, file.size, file.commit, on_unscanned));
  }
  return out;
}

}  // namespace riskgate::evaluate::unscanned
