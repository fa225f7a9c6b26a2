#include "evaluate/pins/commit_ref.h"

#include <re2/re2.h>

namespace riskgate::evaluate::pins {

bool IsFullCommitSha(std::string_view ref) {
  static const re2::RE2 re("[0-9a-fA-F]{40}");
  return re2::RE2::FullMatch(re2::StringPiece(ref.data(), ref.size()), re);
}

}  // namespace riskgate::evaluate::pins
