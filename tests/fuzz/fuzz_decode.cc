// Fuzz target: the secrets scanner's bounded decoding (base64 and percent-encoded spans) and its
// reader of Kubernetes Secret manifests (YAML, else line by line), on one text. The oracle:
// every decoded piece maps back inside the input, the decoded text stays within the budget, and
// every Secret value found lies on a line of the input.
#include <algorithm>

#include "evaluate/secrets/kubernetes_secret.h"
#include "evaluate/secrets/span_decoder.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = riskgate::fuzz::AsText(data, size);
  riskgate::evaluate::secrets::DecodeLimits limits;
  limits.budget = 1 << 16;
  const auto decoded = riskgate::evaluate::secrets::DecodeSpans(text, limits);
  if (decoded.text.size() > limits.budget) __builtin_trap();
  for (const auto& span : decoded.spans) {
    if (span.source_begin >= span.source_end || span.source_end > text.size()) __builtin_trap();
    if (span.begin > span.end || span.end > decoded.text.size()) __builtin_trap();
    if (decoded.SpanAt(span.begin) != &span && span.begin != span.end) __builtin_trap();
  }
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& value : riskgate::evaluate::secrets::KubernetesSecretValues(text)) {
    if (value.line < 1 || value.line > lines || value.value.empty()) __builtin_trap();
  }
  return 0;
}
