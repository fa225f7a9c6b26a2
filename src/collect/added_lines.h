// Stage 1 (collect): the lines a new version of a file adds to its old one, by libgit2's line
// diff (xdiff) without a repository, paths, attributes or drivers: riskgate has judged both texts
// scannable. The lines both texts share at their start and end are left out of the diff.
#pragma once

#include <string_view>
#include <vector>

#include "collect/git_repository.h"
#include "core/error.h"

struct git_blob;

namespace riskgate::collect {

// The lines of `new_text` added against `old_text`, the lines both share at their start and end
// left out of the line diff (collect/line_ends.h). The rest is diffed as buffers, which libgit2
// hashes to ids first; when it is most of the texts and they are the bytes of `old_blob` and
// `new_blob` (both non-null), as the blobs, whose ids libgit2 takes as they are.
//
// xdiff slides a run of changed lines down while the line after it equals its first: one that
// ends where the common end starts and could slide into it is diffed again with that end kept,
// so that the lines reported are xdiff's (it also counts repeated lines over the whole texts,
// which can mark other lines of a large change: both are diffs git itself may give).
core::Result<std::vector<AddedHunk>> AddedLinesBetween(std::string_view old_text,
                                                       std::string_view new_text,
                                                       const git_blob* old_blob,
                                                       const git_blob* new_blob);

}  // namespace riskgate::collect
