#include "policy/baseline.h"

#include <map>
#include <nlohmann/json.hpp>

#include "core/json_depth.h"

namespace riskgate::policy {

core::Result<FingerprintSet> LoadBaseline(std::string_view text, const std::string& file) {
  auto fail = [&](const std::string& why) {
    return core::MakeError(core::ErrorCode::kPolicy, "invalid baseline: " + why, file);
  };
  if (core::JsonNestsDeeperThan(text, core::kMaxJsonDepth)) {
    return fail("nested more than " + std::to_string(core::kMaxJsonDepth) + " levels deep");
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range on overflow
    return fail(std::string("not JSON (") + e.what() + ")");
  }
  if (!doc.is_object() || !doc.contains("version") || doc["version"] != 1 ||
      !doc.contains("findings") || !doc["findings"].is_array()) {
    return fail("expected {\"version\": 1, \"findings\": [...]}");
  }
  FingerprintSet out;
  for (std::size_t i = 0; i < doc["findings"].size(); ++i) {
    const auto& entry = doc["findings"][i];
    if (!entry.is_object() || !entry.contains("fingerprint") || !entry["fingerprint"].is_string() ||
        entry["fingerprint"].get<std::string>().empty()) {
      return fail("findings[" + std::to_string(i) + "] has no fingerprint");
    }
    out.insert(entry["fingerprint"].get<std::string>());
  }
  return out;
}

std::string FormatBaseline(const std::vector<core::Finding>& findings) {
  std::map<std::string, const core::Finding*> by_fingerprint;
  for (const auto& f : findings) by_fingerprint.emplace(f.fingerprint, &f);
  std::string out = "{\n  \"version\": 1,\n  \"findings\": [";
  bool first = true;
  for (const auto& [fingerprint, f] : by_fingerprint) {
    const nlohmann::json entry = {{"fingerprint", fingerprint},
                                  {"control", f->control},
                                  {"rule", f->rule},
                                  {"path", f->location.path}};
    out += first ? "\n    " : ",\n    ";
    out += entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    first = false;
  }
  return out + (first ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace riskgate::policy
