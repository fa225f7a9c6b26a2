#include "core/diagnostics.h"

#include "core/redact.h"

namespace riskgate::core {

std::string Diagnostic::ToString() const {
  std::string out = file;
  if (mark.line > 0) {
    out += ":" + std::to_string(mark.line);
    if (mark.column > 0) out += ":" + std::to_string(mark.column);
  }
  out += ": ";
  if (!field.empty()) out += field + ": ";
  out += message;
  // A bad value is quoted back to the user; a credential in it never is.
  return RedactSecrets(out);
}

void Diagnostics::Add(std::string file, Mark mark, std::string field, std::string message) {
  if (mark.file) file = *mark.file;
  items_.push_back(Diagnostic{std::move(file), mark, std::move(field), std::move(message)});
}

Error Diagnostics::ToError() const {
  std::string message = std::to_string(items_.size()) +
                        (items_.size() == 1 ? " problem" : " problems") + " in policy:";
  for (const auto& d : items_) message += "\n  " + d.ToString();
  return Error{ErrorCode::kPolicy, message, items_.empty() ? std::string() : items_.front().file};
}

}  // namespace riskgate::core
