// Stage 3 (evaluate): which files GitLab CI reads besides `.gitlab-ci.yml`. Input: the text of a
// GitLab CI document, or a reader for the judged state of the repository. Output: the local
// include paths and globs (relative to the repository root). Reads files only through the
// reader it is given.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "evaluate/layout.h"

namespace riskgate::evaluate::pins {

// `include:` entries that name files of this repository, at the top level and in each job's
// `trigger: include:` (a child pipeline): bare strings that are not URLs and `local:` values,
// without their leading '/'. Entries built from variables are left out.
std::vector<std::string> LocalIncludes(std::string_view gitlab_ci_text);

// Every local include reachable from `.gitlab-ci.yml`, as paths or globs, following the
// includes of included files, those a glob matches included (`list` names the files a glob can
// match; without it, a glob's files are not followed). A read error is returned, and so is a
// pipeline of more than 1,000 files, rather than a partial layout.
core::Result<std::vector<std::string>> DiscoverGitlabIncludes(
    const evaluate::FileReader& read, const evaluate::PathLister& list = {});

}  // namespace riskgate::evaluate::pins
