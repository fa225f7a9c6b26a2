// Stage 1 (collect): the facts a history walk needs of a commit object (its content), and the
// object a tag names, read without libgit2: a commit's tree, parents, author, committer time
// and message. Only commits in the shape git writes are read here, exactly as libgit2 1.5 reads
// them (git_commit_author, git_commit_time, git_commit_message); anything else (a missing or
// malformed header line, a second author, a time that is not plain digits, a NUL byte,
// upper-case hex) gives nullopt, and the caller asks libgit2, which reads or refuses it as it
// always did.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::collect::pack {

struct CommitFacts {
  std::string tree;                  // hex
  std::vector<std::string> parents;  // hex, in order
  std::string author;                // "Name <email>", each trimmed as libgit2 trims them
  long long time = 0;                // the committer's time, seconds since the epoch
  std::string message;               // after the header's blank line, leading newlines dropped
};

std::optional<CommitFacts> ParseCommit(std::string_view commit);

// The id (hex) of the object a tag object (its content) names on its first line, "object
// <40 lower-case hex digits>" as git writes it and reads it; nullopt for any other shape.
std::optional<std::string> TagTargetId(std::string_view tag);
// An annotated tag's own name: its header's `tag` line (git mktag requires one; the ref that
// names the tag may be called otherwise). Nullopt when the header has none.
std::optional<std::string_view> TagName(std::string_view tag);

}  // namespace riskgate::collect::pack
