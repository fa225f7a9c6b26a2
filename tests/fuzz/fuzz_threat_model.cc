// Fuzz target: threat models (Markdown, Threat Dragon v2 JSON, Threagile YAML; the first byte
// picks which). Oracles: one part per required part, in order; a parse error leaves no parts;
// every residual risk's line is inside the input.
#include <algorithm>

#include "evaluate/threat_model/model_document.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace riskgate::evaluate::threat_model;
  const auto [variant, text] = riskgate::fuzz::Variant(riskgate::fuzz::AsText(data, size), 3);
  static const char* kPaths[] = {"docs/THREAT_MODEL.md", "tm/model.json", "threagile.yaml"};
  static const std::vector<std::string> kParts = {"Assets",           "Actors",      "Entry points",
                                                  "Trust boundaries", "Abuse cases", "Controls",
                                                  "Residual risk"};
  const ModelDocument doc = ReadModel(kPaths[variant], text, kParts);
  if (!doc.error.empty()) {
    if (!doc.parts.empty()) __builtin_trap();
    return 0;
  }
  if (doc.parts.size() != kParts.size()) __builtin_trap();
  for (std::size_t i = 0; i < kParts.size(); ++i) {
    if (doc.parts[i].name != kParts[i]) __builtin_trap();
  }
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& risk : doc.residual) {
    if (risk.line < 0 || risk.line > lines) __builtin_trap();
    (void)HasOwner(risk);
  }
  return 0;
}
