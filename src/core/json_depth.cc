#include "core/json_depth.h"

namespace riskgate::core {

bool JsonNestsDeeperThan(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

Result<void> CheckJsonDepth(std::string_view text, const std::string& where) {
  if (!JsonNestsDeeperThan(text, kMaxJsonDepth)) return {};
  return MakeError(ErrorCode::kIo,
                   "JSON nested more than " + std::to_string(kMaxJsonDepth) +
                       " levels deep; refusing to read it",
                   where);
}

}  // namespace riskgate::core
