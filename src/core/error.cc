#include "core/error.h"

namespace riskgate::core {

std::string Error::ToString() const {
  if (location.empty()) return message;
  return location + ": " + message;
}

}  // namespace riskgate::core
