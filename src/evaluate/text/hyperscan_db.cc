#include "evaluate/text/hyperscan_db.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "collect/pack/zlib_stream.h"
#include "core/byte_codec.h"
#include "core/text.h"
#include "evaluate/text/prebuilt_hyperscan.h"

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

// Compiles the expressions for `platform` (null: this CPU). In kPrefilter mode an expression
// Hyperscan refuses is left out (added to `left_out`) and the rest compiled again (a few at
// most).
hs_database_t* CompileDatabase(const std::vector<std::string>& expressions,
                               const std::vector<bool>& caseless, HyperscanMode mode,
                               const hs_platform_info_t* platform,
                               std::vector<unsigned>& left_out) {
  std::vector<std::string> written;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (std::size_t id = 0; id < expressions.size(); ++id) {
    unsigned flag = caseless[id] ? HS_FLAG_CASELESS : 0u;
    if (mode == HyperscanMode::kLiterals) {
      written.push_back(Escaped(expressions[id]));
    } else {
      // Loosely: ^ and $ at every line (a window of lines is matched on its own elsewhere), .
      // across newlines, one report per expression.
      flag |= HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH | HS_FLAG_MULTILINE | HS_FLAG_DOTALL |
              HS_FLAG_ALLOWEMPTY;
      written.push_back(expressions[id]);
    }
    flags.push_back(flag);
    ids.push_back(static_cast<unsigned>(id));
  }
  for (int attempt = 0; attempt < 16 && !ids.empty(); ++attempt) {
    std::vector<const char*> pointers;
    for (const auto& e : written) pointers.push_back(e.c_str());
    hs_database_t* database = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(pointers.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(pointers.size()), HS_MODE_BLOCK, platform, &database,
                         &error) == HS_SUCCESS) {
      return database;
    }
    const int refused = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    if (mode != HyperscanMode::kPrefilter || refused < 0 ||
        static_cast<std::size_t>(refused) >= ids.size()) {
      return nullptr;
    }
    const auto at = static_cast<std::ptrdiff_t>(refused);
    left_out.push_back(ids[static_cast<std::size_t>(refused)]);
    written.erase(written.begin() + at);
    flags.erase(flags.begin() + at);
    ids.erase(ids.begin() + at);
  }
  return nullptr;
}

hs_platform_info_t PlatformOf(HyperscanTarget target) {
  hs_platform_info_t platform{};
  switch (target) {
    case HyperscanTarget::kGeneric:
      platform.tune = HS_TUNE_FAMILY_GENERIC;
      break;
    case HyperscanTarget::kAvx2:
      platform.tune = HS_TUNE_FAMILY_HSW;
      platform.cpu_features = HS_CPU_FEATURES_AVX2;
      break;
    case HyperscanTarget::kAvx512:
      platform.tune = HS_TUNE_FAMILY_SKX;
      platform.cpu_features = HS_CPU_FEATURES_AVX2 | HS_CPU_FEATURES_AVX512;
      break;
  }
  return platform;
}

// Whether `database` runs on this CPU: scratch space is refused for one that does not.
bool RunsHere(const hs_database_t* database) {
  hs_scratch_t* scratch = nullptr;
  const bool runs = hs_alloc_scratch(database, &scratch) == HS_SUCCESS;
  if (scratch != nullptr) hs_free_scratch(scratch);
  return runs;
}
#endif

// What the expressions match, as a key: the mode, then each expression with its case flag.
std::string KeyOf(HyperscanMode mode, const std::vector<std::string>& expressions,
                  const std::vector<bool>& caseless) {
  core::ByteWriter w;
  w.U32(static_cast<std::uint32_t>(mode));
  for (std::size_t id = 0; id < expressions.size(); ++id) {
    w.U32(caseless[id] ? 1 : 0);
    w.Str(expressions[id]);
  }
  return core::Sha256Hex(w.out());
}

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
  key_ = KeyOf(mode_, expressions_, caseless_);
  if (!expressions_.empty()) prebuilt_entries_ = PrebuiltHyperscanFor(key_);
  try_prebuilt_.store(!prebuilt_entries_.empty());
  if (compile_after_ == 0) Database(0);
}

void* LazyHyperscan::LoadPrebuilt() const {
#ifdef RISKGATE_HAVE_HYPERSCAN
  // The best target this CPU runs: the one a compile here would choose, or the next below it.
  for (const HyperscanTarget target : HostTargets()) {
    for (const auto& entry : prebuilt_entries_) {
      if (entry.target != target) continue;
      auto bytes = collect::pack::InflateOwn(entry.deflated, entry.size);
      hs_database_t* database = nullptr;
      if (!bytes ||
          hs_deserialize_database(bytes->data(), bytes->size(), &database) != HS_SUCCESS) {
        continue;  // another Hyperscan's bytes: compile instead
      }
      if (!RunsHere(database) ||
          std::any_of(entry.left_out.begin(), entry.left_out.end(),
                      [&](unsigned id) { return id >= expressions_.size(); })) {
        hs_free_database(database);
        continue;
      }
      left_out_ = entry.left_out;
      prebuilt_ = true;
      return database;
    }
  }
#endif
  return nullptr;
}

std::vector<HyperscanTarget> LazyHyperscan::HostTargets() {
  std::vector<HyperscanTarget> targets;
#ifdef RISKGATE_HAVE_HYPERSCAN
  if (!Available()) return targets;
  hs_platform_info_t host{};
  if (hs_populate_platform(&host) != HS_SUCCESS) return targets;
  if ((host.cpu_features & HS_CPU_FEATURES_AVX512) != 0) {
    targets.push_back(HyperscanTarget::kAvx512);
  }
  if ((host.cpu_features & HS_CPU_FEATURES_AVX2) != 0) targets.push_back(HyperscanTarget::kAvx2);
  targets.push_back(HyperscanTarget::kGeneric);
#endif
  return targets;
}

std::optional<LazyHyperscan::Serialized> LazyHyperscan::Serialize(HyperscanTarget target) const {
#ifdef RISKGATE_HAVE_HYPERSCAN
  if (!Available() || expressions_.empty()) return std::nullopt;
  const hs_platform_info_t platform = PlatformOf(target);
  Serialized out;
  hs_database_t* database =
      CompileDatabase(expressions_, caseless_, mode_, &platform, out.left_out);
  if (database == nullptr) return std::nullopt;
  char* bytes = nullptr;
  std::size_t length = 0;
  const bool written = hs_serialize_database(database, &bytes, &length) == HS_SUCCESS;
  hs_free_database(database);
  if (!written) return std::nullopt;
  out.bytes.assign(bytes, length);
  std::free(bytes);
  return out;
#else
  (void)target;
  return std::nullopt;
#endif
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
  const std::size_t offered = offered_.fetch_add(text_size) + text_size;
  const bool prebuilt = try_prebuilt_.load(std::memory_order_relaxed);
  if (offered < (prebuilt ? std::min(compile_after_, kPrebuiltAfterBytes) : compile_after_)) {
    return nullptr;
  }
  // One thread loads or compiles; the others do not wait for it (a core idle for the length of
  // the compile) but go on their own way, which gives the same answers.
  bool expected = false;
  if (!compiling_.compare_exchange_strong(expected, true)) return nullptr;
  void* database = prebuilt ? LoadPrebuilt() : nullptr;
  if (prebuilt && database == nullptr) try_prebuilt_.store(false);
#ifdef RISKGATE_HAVE_HYPERSCAN
  if (database == nullptr && offered < compile_after_) {
    compiling_.store(false);  // compiled once the texts offered reach the mark
    return nullptr;
  }
  if (database == nullptr && Available()) {
    database = CompileDatabase(expressions_, caseless_, mode_, nullptr, left_out_);
  }
#endif
  database_.store(database, std::memory_order_release);
  return database;
}

std::optional<std::size_t> HyperscanMaxWidth(const std::string& expression, bool caseless) {
  if (const auto known = KnownMaxWidth(expression, caseless)) {
    if (!*known || **known > std::numeric_limits<std::size_t>::max()) return std::nullopt;
    return static_cast<std::size_t>(**known);
  }
  const auto width = ComputeHyperscanMaxWidth(expression, caseless);
  RememberMaxWidth(expression, caseless, width);
  return width;
}

std::optional<std::size_t> ComputeHyperscanMaxWidth(const std::string& expression, bool caseless) {
#ifdef RISKGATE_HAVE_HYPERSCAN
  hs_expr_info_t* info = nullptr;
  hs_compile_error_t* error = nullptr;
  const unsigned flags =
      HS_FLAG_MULTILINE | HS_FLAG_DOTALL | HS_FLAG_ALLOWEMPTY | (caseless ? HS_FLAG_CASELESS : 0u);
  if (hs_expression_info(expression.c_str(), flags, &info, &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return std::nullopt;
  }
  const unsigned width = info->max_width;
  std::free(info);  // allocated by Hyperscan's default allocator (malloc)
  if (width == UINT_MAX) return std::nullopt;
  return static_cast<std::size_t>(width);
#else
  (void)expression;
  (void)caseless;
  return std::nullopt;
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
