#include "collect/event_payload.h"

#include "collect/safe_read.h"
#include "core/json_document.h"

namespace riskgate::collect {

core::Result<core::Node> ReadEventPayload(const std::string& path) {
  auto text = ReadFileBounded(path, ReadLimits{kMaxEventPayloadBytes});
  if (!text) {
    auto error = text.error();
    error.message = "cannot read the GitHub event payload: " + error.message;
    return tl::unexpected(error);
  }
  core::JsonLimits limits;
  limits.max_bytes = static_cast<std::size_t>(kMaxEventPayloadBytes);
  auto doc = core::ParseJson(*text, limits);
  if (!doc && doc.error().problem == core::JsonProblem::kTooDeep) {
    return core::MakeError(
        core::ErrorCode::kIo,
        "the GitHub event payload is " + doc.error().detail + "; refusing to read it", path);
  }
  if (!doc || !doc->IsMap()) {
    return core::MakeError(core::ErrorCode::kIo,
                           "the GitHub event payload is not JSON (a JSON object)" +
                               (doc ? std::string() : ": " + doc.error().ToString()),
                           path);
  }
  return std::move(*doc);
}

std::string PayloadText(const core::Node& payload, std::initializer_list<std::string_view> keys) {
  const core::Node* node = &payload;
  for (const auto key : keys) {
    node = node->Find(key);
    if (node == nullptr) return "";
  }
  return node->IsString() ? node->scalar : "";
}

}  // namespace riskgate::collect
