#include "collect/event_payload.h"

#include "collect/safe_read.h"
#include "core/json_depth.h"

namespace riskgate::collect {

core::Result<nlohmann::json> ReadEventPayload(const std::string& path) {
  auto text = ReadFileBounded(path, ReadLimits{kMaxEventPayloadBytes});
  if (!text) {
    auto error = text.error();
    error.message = "cannot read the GitHub event payload: " + error.message;
    return tl::unexpected(error);
  }
  if (auto depth = core::CheckJsonDepth(*text, path); !depth) {
    auto error = depth.error();
    error.message = "the GitHub event payload is " + error.message;
    return tl::unexpected(error);
  }
  auto doc = nlohmann::json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return core::MakeError(core::ErrorCode::kIo,
                           "the GitHub event payload is not JSON (a JSON object)", path);
  }
  return doc;
}

}  // namespace riskgate::collect
