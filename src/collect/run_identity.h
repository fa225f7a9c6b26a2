// Stage 1 (collect): names the repository and change a run judges, for reports that a ledger
// gathers from many repositories (`riskgate ledger ingest`). Input: the CI platform's variables
// and the repository's own configuration (the origin remote); never the change's files. Output:
// a core::RunIdentity; credentials in a remote URL are dropped, never kept.
#pragma once

#include <string>
#include <string_view>

#include "collect/ci_context.h"
#include "core/scope.h"

namespace riskgate::collect {

// "host/owner/name" for a remote URL (https://, ssh://, git://, scp-like user@host:path), with
// user information, a port, a trailing ".git" and slashes dropped and the host lower-cased;
// empty for anything else (a local path, a URL with '?' or '#', characters outside printable
// ASCII).
std::string RepositoryName(std::string_view url);

// GitHub: GITHUB_SERVER_URL's host + GITHUB_REPOSITORY, change "pull/N" (GITHUB_REF
// refs/pull/N/...) or the branch; GitLab: CI_SERVER_HOST + CI_PROJECT_PATH, change
// "merge_requests/IID" or CI_COMMIT_REF_NAME; elsewhere the origin remote and HEAD's branch.
// `context`: the run's DetectRunContext (its event and whether it runs under CI); `now`: the
// run's time in Unix seconds.
core::RunIdentity DetectRunIdentity(const EnvReader& env, GitRepository& repo,
                                    const RunContext& context, long long now);

}  // namespace riskgate::collect
