#include "app/install_hook.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app/app.h"
#include "app/atomic_file.h"
#include "app/error_output.h"
#include "collect/git_repository.h"
#include "collect/safe_read.h"
#include "core/text.h"

namespace riskgate::app {
namespace {

constexpr std::string_view kMarker = "# riskgate-hook";

// The installing binary's absolute path, so the hook works without riskgate on PATH.
std::string SelfPath() {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("riskgate") : self.string();
}

}  // namespace

int RunInstallHook(const InstallHookOptions& options) {
  auto repo = collect::GitRepository::Open(options.repo);
  if (!repo) return Fail(repo.error());
  const std::string dir = (*repo)->HooksDir();
  const std::string path = dir + "pre-commit";
  auto existing = collect::ReadFileIfPresent(path, collect::ReadLimits{});
  if (!existing) return Fail(existing.error());
  if (*existing) {
    const bool ours = (*existing)->find(kMarker) != std::string::npos;
    if (!ours && !options.force) {
      return Fail(path +
                  " already exists and was not written by riskgate; add `riskgate check "
                  "--staged` to it yourself, or pass --force to replace it");
    }
  }
  const std::string self = SelfPath();
  const std::string script = "#!/bin/sh\n" + std::string(kMarker) +
                             ": installed by `riskgate install-hook`; delete this file to "
                             "uninstall.\n"
                             "# Judges the staged change; a block stops the commit "
                             "(bypass once with `git commit --no-verify`).\n"
                             "if command -v riskgate >/dev/null 2>&1; then\n"
                             "  exec riskgate check --staged\n"
                             "fi\n"
                             "exec " +
                             core::ShellQuote(self) + " check --staged\n";
  // The hooks folder is git's own (.git/hooks or core.hooksPath), not the working tree.
  const WriteOptions hooks{"", WriteOptions::Folders::kCreate};
  if (auto written = WriteFileAtomically(path, script, hooks); !written) {
    return Fail(written.error());
  }
  if (::chmod(path.c_str(), 0755) != 0) return Fail(path + ": cannot make the hook executable");
  std::cout << "installed " << path << "\n";
  return kExitPass;
}

}  // namespace riskgate::app
