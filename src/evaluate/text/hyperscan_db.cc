#include "evaluate/text/hyperscan_db.h"

#include <algorithm>
#include <climits>
#include <cstdio>

#ifdef RISKGATE_HAVE_HYPERSCAN
#include <hs/hs.h>
#endif

namespace riskgate::evaluate {
namespace {

#ifdef RISKGATE_HAVE_HYPERSCAN
// Scratch space per thread; one grows to fit every database the thread uses.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<std::uint64_t> fits;  // serials of the databases it was sized for (it only grows)
  ~ThreadScratch() {
    if (scratch != nullptr) hs_free_scratch(scratch);
  }
};
thread_local ThreadScratch tls_scratch;

struct Forward {
  LazyHyperscan::OnMatch on_match;
  void* context;
};

int OnHyperscanMatch(unsigned id, unsigned long long, unsigned long long to, unsigned,
                     void* context) {
  auto* forward = static_cast<Forward*>(context);
  return forward->on_match(id, to, forward->context);
}

// A literal with every byte escaped.
std::string Escaped(std::string_view literal) {
  std::string e;
  for (unsigned char c : literal) {
    char hex[5];
    std::snprintf(hex, sizeof hex, "\\x%02x", c);
    e += hex;
  }
  return e;
}
#endif

}  // namespace

LazyHyperscan::LazyHyperscan(std::vector<std::string> expressions, std::vector<bool> caseless,
                             HyperscanMode mode, std::size_t compile_after)
    : expressions_(std::move(expressions)),
      caseless_(std::move(caseless)),
      mode_(mode),
      compile_after_(compile_after) {
  static std::atomic<std::uint64_t> serials{0};
  serial_ = ++serials;
  caseless_.resize(expressions_.size(), mode_ == HyperscanMode::kLiterals);
  if (compile_after_ == 0) Database(0);
}

LazyHyperscan::~LazyHyperscan() {
#ifdef RISKGATE_HAVE_HYPERSCAN
  hs_free_database(static_cast<hs_database_t*>(database_.load()));
#endif
}

bool LazyHyperscan::Available() {
#ifdef RISKGATE_HAVE_HYPERSCAN
  return hs_valid_platform() == HS_SUCCESS;
#else
  return false;
#endif
}

std::string LazyHyperscan::Version() {
#ifdef RISKGATE_HAVE_HYPERSCAN
  return "Hyperscan " + std::string(hs_version());
#else
  return "Aho-Corasick (built without Hyperscan)";
#endif
}

void* LazyHyperscan::Database(std::size_t text_size) const {
  if (void* ready = database_.load(std::memory_order_acquire)) return ready;
  if (expressions_.empty()) return nullptr;
  if (offered_.fetch_add(text_size) + text_size < compile_after_) return nullptr;
  // One thread compiles; the others do not wait for it (a core idle for the length of the
  // compile) but go on their own way, which gives the same answers.
  bool expected = false;
  if (!compiling_.compare_exchange_strong(expected, true)) return nullptr;
  database_.store(Compile(), std::memory_order_release);
  return database_.load(std::memory_order_acquire);
}

void* LazyHyperscan::Compile() const {
#ifdef RISKGATE_HAVE_HYPERSCAN
  if (!Available()) return nullptr;
  std::vector<std::string> written;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (std::size_t id = 0; id < expressions_.size(); ++id) {
    unsigned flag = caseless_[id] ? HS_FLAG_CASELESS : 0u;
    if (mode_ == HyperscanMode::kLiterals) {
      written.push_back(Escaped(expressions_[id]));
    } else {
      // Loosely: ^ and $ at every line (a window of lines is matched on its own elsewhere), .
      // across newlines, one report per expression.
      flag |= HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH | HS_FLAG_MULTILINE | HS_FLAG_DOTALL |
              HS_FLAG_ALLOWEMPTY;
      written.push_back(expressions_[id]);
    }
    flags.push_back(flag);
    ids.push_back(static_cast<unsigned>(id));
  }
  // An expression Hyperscan refuses is left out and the rest compiled again (a few at most).
  for (int attempt = 0; attempt < 16 && !ids.empty(); ++attempt) {
    std::vector<const char*> pointers;
    for (const auto& e : written) pointers.push_back(e.c_str());
    hs_database_t* database = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(pointers.size()), HS_MODE_BLOCK, nullptr, &database,
                         &error) == HS_SUCCESS) {
      return database;
    }
    const int refused = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    if (mode_ != HyperscanMode::kPrefilter || refused < 0 ||
        static_cast<std::size_t>(refused) >= ids.size()) {
      return nullptr;
    }
    const auto at = static_cast<std::ptrdiff_t>(refused);
    left_out_.push_back(ids[static_cast<std::size_t>(refused)]);
    written.erase(written.begin() + at);
    flags.erase(flags.begin() + at);
    ids.erase(ids.begin() + at);
  }
  return nullptr;
#else
  return nullptr;
#endif
}

bool LazyHyperscan::Scan(std::string_view text, OnMatch on_match, void* context) const {
#ifdef RISKGATE_HAVE_HYPERSCAN
  void* compiled = Database(text.size());
  if (compiled == nullptr || text.size() > UINT_MAX) return false;
  ThreadScratch& mine = tls_scratch;
  if (std::find(mine.fits.begin(), mine.fits.end(), serial_) == mine.fits.end()) {
    if (hs_alloc_scratch(static_cast<hs_database_t*>(compiled), &mine.scratch) != HS_SUCCESS) {
      return false;
    }
    mine.fits.push_back(serial_);
  }
  Forward forward{on_match, context};
  return hs_scan(static_cast<hs_database_t*>(compiled), text.data(),
                 static_cast<unsigned>(text.size()), 0, mine.scratch, OnHyperscanMatch,
                 &forward) == HS_SUCCESS;
#else
  (void)text;
  (void)on_match;
  (void)context;
  return false;
#endif
}

}  // namespace riskgate::evaluate
