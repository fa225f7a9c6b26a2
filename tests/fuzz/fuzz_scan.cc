// Fuzz target: the blob and diff scanning path: a file's bytes as a change adds them, judged by
// every control of the default policy (manifests on), under a path the first byte picks. The
// oracle: no finding ever carries the secret it found.
#include <array>

#include "fuzz_input.h"
#include "run/control.h"

namespace {

const riskgate::policy::Policy& FuzzPolicy() {
  static const riskgate::policy::Policy policy = [] {
    auto loaded = riskgate::policy::LoadDefaultPolicy();
    if (!loaded) __builtin_trap();
    loaded->pins.manifests = true;
    return *loaded;
  }();
  return policy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::array<const char*, 8> kPaths = {"src/config.py",    ".github/workflows/ci.yml",
                                                    ".gitlab-ci.yml",   "Dockerfile",
                                                    "scripts/run.sh",   "package.json",
                                                    "requirements.txt", ".env"};
  const auto [variant, text] =
      riskgate::fuzz::Variant(riskgate::fuzz::AsText(data, size), kPaths.size());
  riskgate::collect::ChangeFacts facts;
  const std::string path = kPaths[variant];
  facts.fragments.push_back({path, std::nullopt, 1, std::string(text)});
  facts.files.push_back({path, std::string(text), {}, true});
  const auto evaluation = riskgate::run::EvaluateControls(facts, FuzzPolicy(), {});
  for (const auto& finding : evaluation.findings) {
    if (finding.secret.size() > 8 && text.find(finding.secret) != std::string_view::npos) {
      __builtin_trap();  // an unredacted secret
    }
    if (finding.fingerprint.empty()) __builtin_trap();
  }
  return 0;
}
