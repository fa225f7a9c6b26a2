#include "core/finding.h"

namespace riskgate::core {

std::string_view RemedyKindName(RemedyKind kind) {
  switch (kind) {
    case RemedyKind::kFix:
      return "fix";
    case RemedyKind::kMitigate:
      return "mitigate";
    case RemedyKind::kAccept:
      return "accept";
  }
  return "fix";
}

}  // namespace riskgate::core
