#include "policy/baseline.h"

#include <map>

#include "core/json_document.h"

namespace riskgate::policy {
namespace {

// The JSON number 1 (however written: 1, 1.0, 1e0), as the format's version.
bool IsVersionOne(const core::Node* node) {
  return node != nullptr && core::NumberOf(*node) == 1.0;
}

}  // namespace

core::Result<FingerprintSet> LoadBaseline(std::string_view text, const std::string& file) {
  auto fail = [&](const std::string& why) {
    return core::MakeError(core::ErrorCode::kPolicy, "invalid baseline: " + why, file);
  };
  auto doc = core::ParseJson(text);
  if (!doc && doc.error().problem == core::JsonProblem::kTooDeep) {
    return fail("nested more than " + std::to_string(core::kMaxJsonDepth) + " levels deep");
  }
  if (!doc) return fail("not JSON (" + doc.error().ToString() + ")");
  const core::Node* findings = doc->IsMap() ? doc->Find("findings") : nullptr;
  if (!doc->IsMap() || !IsVersionOne(doc->Find("version")) || findings == nullptr ||
      !findings->IsList()) {
    return fail("expected {\"version\": 1, \"findings\": [...]}");
  }
  FingerprintSet out;
  for (std::size_t i = 0; i < findings->items.size(); ++i) {
    const core::Node& entry = findings->items[i];
    const core::Node* fingerprint = entry.IsMap() ? entry.Find("fingerprint") : nullptr;
    if (fingerprint == nullptr || !fingerprint->IsString() || fingerprint->scalar.empty()) {
      return fail("findings[" + std::to_string(i) + "] has no fingerprint");
    }
    out.insert(fingerprint->scalar);
  }
  return out;
}

std::string FormatBaseline(const std::vector<core::JudgedFinding>& findings) {
  std::map<std::string, const core::JudgedFinding*> by_fingerprint;
  for (const auto& f : findings) by_fingerprint.emplace(f.fingerprint, &f);
  std::string out = "{\n  \"version\": 1,\n  \"findings\": [";
  bool first = true;
  for (const auto& [fingerprint, f] : by_fingerprint) {
    out += first ? "\n    " : ",\n    ";
    // Keys in sorted order, as the file has always been written.
    out += "{\"control\":" + core::JsonQuote(f->control) +
           ",\"fingerprint\":" + core::JsonQuote(fingerprint) +
           ",\"path\":" + core::JsonQuote(f->location.path) +
           ",\"rule\":" + core::JsonQuote(f->rule) + "}";
    first = false;
  }
  return out + (first ? "]\n}\n" : "\n  ]\n}\n");
}

}  // namespace riskgate::policy
