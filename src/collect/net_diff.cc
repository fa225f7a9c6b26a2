#include "collect/net_diff.h"

#include <utility>

namespace riskgate::collect {

NetDiffAhead::NetDiffAhead(GitRepository& repo, std::string from, std::string to,
                           std::int64_t max_file_bytes, const LinesWanted* wanted)
    : diff_(
          repo,
          [from = std::move(from), to = std::move(to), max_file_bytes,
           wanted](GitRepository& handle) {
            return handle.DiffCommits(from, to, max_file_bytes, nullptr, wanted);
          },
          "the range's net diff") {}

}  // namespace riskgate::collect
