#include "evaluate/secrets/context_filter.h"

#include "evaluate/secrets/secrets_scanner.h"

namespace riskgate::evaluate::secrets {

ContextFilter::ContextFilter(const policy::SecretsControl& control) : control_(control) {}

ContextFilter::~ContextFilter() = default;

bool ContextFilter::MayFind(std::string_view text) {
  if (scanner_ == nullptr) {
    asked_ += text.size();
    if (asked_ < kScannerAfterBytes) return true;
    Expect(asked_);  // asked already: the prefilter serves from here where it can
  }
  return scanner_->ContextMayFind(text);
}

void ContextFilter::Expect(std::size_t bytes) {
  if (scanner_ == nullptr) scanner_ = std::make_unique<SecretsScanner>(control_);
  scanner_->ExpectText(bytes);
}

}  // namespace riskgate::evaluate::secrets
