// Fuzz target: the secrets scanner's bounded decoding (base64 and percent-encoded spans) and its
// reader of Kubernetes Secret manifests (YAML, else line by line), on one text. The oracle:
// every decoded piece maps back inside the input, the decoded text stays within the budget, and
// every Secret value found lies on a line of the input; and where no base64 run goes on over a
// line break and the budget held, a run of the input's lines (as a hunk gives it, without its
// last line break) decodes to exactly the pieces of the whole whose sources lie in it, in order
// (what lets a range clear a file by its whole text: SecretsScanner::LinesMayFind).
#include <algorithm>
#include <string>
#include <vector>

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
  if (!decoded.wrapped && !decoded.truncated && size >= 2) {
    std::vector<std::size_t> starts = {0};  // each line's first byte
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') starts.push_back(i + 1);
    }
    const std::size_t first = data[0] % starts.size();
    const std::size_t last = first + data[1] % (starts.size() - first);
    const std::size_t begin = starts[first];
    std::size_t end = last + 1 < starts.size() ? starts[last + 1] - 1 : text.size();
    const auto part =
        riskgate::evaluate::secrets::DecodeSpans(text.substr(begin, end - begin), limits);
    std::string expected;
    for (const auto& span : decoded.spans) {
      if (span.source_begin < begin || span.source_end > end) continue;
      expected.append(decoded.text, span.begin, span.end - span.begin);
      expected.append("\n\0\n", 3);
    }
    if (part.wrapped || part.truncated || part.text != expected) __builtin_trap();
  }
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const auto& value : riskgate::evaluate::secrets::KubernetesSecretValues(text)) {
    if (value.line < 1 || value.line > lines || value.value.empty()) __builtin_trap();
  }
  return 0;
}
