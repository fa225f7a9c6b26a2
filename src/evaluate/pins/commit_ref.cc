#include "evaluate/pins/commit_ref.h"

#include "core/regex.h"

namespace riskgate::evaluate::pins {

bool IsFullCommitSha(std::string_view ref) {
  // Lower case only: git names commits that way, and an upper-case "SHA" is a ref name its
  // owner can move (a tag or branch called so), not a pin.
  static const core::Regex re("[0-9a-f]{40}");
  return re.FullMatch(ref);
}

}  // namespace riskgate::evaluate::pins
