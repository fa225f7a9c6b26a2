// Stage 5 (run): the files a command line names (`riskgate check FILE...`, what pre-commit
// passes with `pass_filenames`) as a scope. They narrow nothing a change is judged on: a
// commit's staged change and a pushed range are judged whole. Files beyond the staged change
// (`pre-commit run --all-files` or `--files`) are judged as they are on disk, every line, and
// the staged change with them (on disk too): no name leaves a staged file out.
#pragma once

#include <string>
#include <vector>

#include "collect/ci_context.h"
#include "collect/git_repository.h"
#include "core/error.h"

namespace riskgate::run {

// The scope for `files` given the scope chosen without them (flags or detection).
core::Result<collect::ScopeChoice> WithNamedFiles(const std::vector<std::string>& files,
                                                  collect::ScopeChoice chosen,
                                                  collect::GitRepository& repo);

}  // namespace riskgate::run
