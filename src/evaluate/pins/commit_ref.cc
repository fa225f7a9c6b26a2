#include "evaluate/pins/commit_ref.h"

#include <re2/re2.h>

namespace riskgate::evaluate::pins {

bool IsFullCommitSha(std::string_view ref) {
  // Lower case only: git names commits that way, and an upper-case "SHA" is a ref name its
  // owner can move (a tag or branch called so), not a pin.
  static const re2::RE2 re("[0-9a-f]{40}");
  return re2::RE2::FullMatch(re2::StringPiece(ref.data(), ref.size()), re);
}

}  // namespace riskgate::evaluate::pins
