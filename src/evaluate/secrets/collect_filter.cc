#include "evaluate/secrets/collect_filter.h"

#include "evaluate/secrets/secrets_scanner.h"

namespace riskgate::evaluate::secrets {

CollectFilter::CollectFilter(const policy::SecretsControl& control) : control_(control) {}

CollectFilter::~CollectFilter() = default;

const SecretsScanner* CollectFilter::Scanner(std::size_t bytes) {
  if (const SecretsScanner* scanner = ready_.load(std::memory_order_acquire)) return scanner;
  const std::size_t asked = asked_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (asked < kScannerAfterBytes) return nullptr;
  Expect(asked);  // asked already: the prefilter serves from here where it can
  return ready_.load(std::memory_order_acquire);
}

bool CollectFilter::MayFind(std::string_view text) {
  const SecretsScanner* scanner = Scanner(text.size());
  return scanner == nullptr || scanner->ContextMayFind(text);
}

bool CollectFilter::LinesMayFind(std::string_view path, std::string_view text) {
  const SecretsScanner* scanner = Scanner(text.size());
  return scanner == nullptr || scanner->LinesMayFind(path, text);
}

void CollectFilter::Expect(std::size_t bytes) {
  std::lock_guard lock(making_);
  if (scanner_ == nullptr) scanner_ = std::make_unique<SecretsScanner>(control_);
  scanner_->ExpectText(bytes);
  ready_.store(scanner_.get(), std::memory_order_release);
}

}  // namespace riskgate::evaluate::secrets
