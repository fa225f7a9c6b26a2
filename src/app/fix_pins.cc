#include "app/fix_pins.h"

#include <iostream>
#include <map>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "core/text.h"
#include "evaluate/pins/pin_rewrite.h"
#include "run/judge_change.h"
#include "run/pin_resolution.h"

namespace riskgate::app {

int RunFixPins(const FixPinsOptions& options) {
  auto judged = run::JudgeChange(run::WorktreeAudit(options.repo, options.policy, true));
  if (!judged) return Fail(judged.error());
  std::vector<core::Finding> pinnable;
  for (const auto& f : judged->verdict.findings) {
    if (f.hints.pin) pinnable.push_back(f);
  }
  if (pinnable.empty()) {
    std::cout << "every action is already pinned to a commit SHA (or allowed by the policy)\n";
    return kExitPass;
  }
  // Every ref is resolved before any file is written: one failure changes nothing.
  auto resolved = run::ResolvePins(pinnable, judged->inputs.policy, collect::ProcessEnvironment());
  if (!resolved) {
    auto error = resolved.error();
    error.message += "; no file was changed";
    return Fail(error);
  }
  std::map<std::string, std::vector<evaluate::pins::PinReplacement>> by_file;
  for (const auto& f : pinnable) {
    const auto& pin = *f.hints.pin;
    const std::string& sha = resolved->at({pin.repository, pin.ref});
    by_file[f.location.path].push_back({f.location.line, pin.ref, sha});
    std::cout << core::EscapeForDisplay(f.location.path) << ":" << f.location.line << ": "
              << core::EscapeForDisplay(pin.action) << "@" << core::EscapeForDisplay(pin.ref)
              << " -> " << core::EscapeForDisplay(pin.action) << "@" << sha << " # "
              << core::EscapeForDisplay(pin.ref) << "\n";
  }
  if (!options.dry_run) {
    for (const auto& [path, replacements] : by_file) {
      const collect::ChangedFile* file = nullptr;
      for (const auto& candidate : judged->facts.files) {
        if (candidate.path == path) file = &candidate;
      }
      if (file == nullptr) continue;
      const std::string updated = evaluate::pins::ApplyPinReplacements(file->content, replacements);
      const std::string workdir = judged->repo->Workdir();
      if (auto written = WriteFileAtomically(workdir + path, updated, WriteOptions{workdir});
          !written) {
        return Fail(written.error());
      }
    }
  }
  std::cout << (options.dry_run ? "would pin " : "pinned ") << pinnable.size()
            << " action reference(s) in " << by_file.size() << " file(s)\n";
  return kExitPass;
}

}  // namespace riskgate::app
