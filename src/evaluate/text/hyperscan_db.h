// Stage 3 (evaluate): a Hyperscan database compiled on demand, shared by threads, each with its
// own scratch. This is the only file that talks to Hyperscan (libhyperscan-dev, x86-64 with
// SSSE3 or later); built without it, or on a CPU it does not support, nothing is ever compiled
// and every Scan answers false, so that callers take their own way (which must give the same
// answer). Compiling costs from tens of milliseconds (literals) to more than a second (a pack
// of regexes), more than a pre-commit hook's whole scan: the database is compiled once the texts
// offered reach `compile_after` bytes, by the thread that crosses the mark; the others go on
// their own way meanwhile. A database compiled when the binary was built (the default pack's,
// text/prebuilt_hyperscan.h) is loaded instead once the texts offered reach
// min(`compile_after`, kPrebuiltAfterBytes) — a few milliseconds, not worth it for a pre-commit
// hook's kilobytes: it is found by what it matches (`key`), never by name, so a policy that
// changes one expression compiles its own.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate {

enum class HyperscanMode {
  kLiterals,   // each expression a literal, ASCII case ignored, every occurrence reported
  kPrefilter,  // each expression a regex, matched loosely (never fewer matches than exact), at
               // most one report per expression; an expression Hyperscan refuses is left out
};

// The CPUs a database is compiled for: every x86-64 with SSSE3, or one with AVX2 or AVX-512.
enum class HyperscanTarget : std::uint32_t { kGeneric = 0, kAvx2 = 1, kAvx512 = 2 };

struct PrebuiltHyperscan;  // text/prebuilt_hyperscan.h

// The most bytes a match of `expression` (a regex as kPrefilter reads it, but exactly: ^ and $ at
// every line, . across lines; ASCII case ignored with `caseless`) can take: nullopt when there is
// no bound, or Hyperscan cannot tell or is absent. Asked once per process and expression: the
// answer is remembered, and the build's image (text/prebuilt_hyperscan.h) holds the default
// pack's.
std::optional<std::size_t> HyperscanMaxWidth(const std::string& expression, bool caseless);
// The same, asked of Hyperscan every time (the build tool and the tests).
std::optional<std::size_t> ComputeHyperscanMaxWidth(const std::string& expression, bool caseless);

class LazyHyperscan {
 public:
  // Called per match with the expression's index and the offset just past the match; a
  // non-zero return stops the scan.
  using OnMatch = int (*)(unsigned id, unsigned long long end, void* context);

  static constexpr std::size_t kPrebuiltAfterBytes = std::size_t{1} << 20;

  LazyHyperscan(std::vector<std::string> expressions, std::vector<bool> caseless,
                HyperscanMode mode, std::size_t compile_after);
  ~LazyHyperscan();
  LazyHyperscan(const LazyHyperscan&) = delete;
  LazyHyperscan& operator=(const LazyHyperscan&) = delete;

  // Whether this build can use Hyperscan on this CPU; "Hyperscan 5.4.0 …" or why not.
  static bool Available();
  static std::string Version();
  // The targets this CPU runs, best first (empty without Hyperscan).
  static std::vector<HyperscanTarget> HostTargets();

  // What the database matches: a SHA-256 over the mode and each expression with its case flag.
  const std::string& key() const { return key_; }
  // The database compiled for `target`, serialized with the expressions it left out
  // (text/prebuilt_hyperscan.h keeps both); nullopt when it cannot be compiled.
  struct Serialized {
    std::string bytes;
    std::vector<unsigned> left_out;
  };
  std::optional<Serialized> Serialize(HyperscanTarget target) const;
  // Whether the database serves, and came ready-made from the binary.
  bool prebuilt() const { return ready() && prebuilt_; }

  // Scans `text` when the database serves it: true when the scan ran to its end. False when it
  // did not (not compiled yet, not available, an error): matches reported before an error
  // must then be discarded.
  bool Scan(std::string_view text, OnMatch on_match, void* context) const;
  bool ready() const { return database_.load(std::memory_order_acquire) != nullptr; }
  // Counts `bytes` of text the caller is about to offer (a lower bound will do): when they reach
  // `compile_after`, the database is compiled now, before the first of them, rather than after
  // `compile_after` bytes were scanned the slow way.
  void Expect(std::size_t bytes) const { Database(bytes); }
  // Expressions the compiled database left out (kPrefilter): callers treat them as matching.
  const std::vector<unsigned>& left_out() const { return left_out_; }

 private:
  void* Database(std::size_t text_size) const;
  // The prebuilt database for this key, when one loads and runs on this CPU (else null).
  void* LoadPrebuilt() const;

  std::vector<std::string> expressions_;
  std::vector<bool> caseless_;
  HyperscanMode mode_;
  std::string key_;
  std::vector<PrebuiltHyperscan> prebuilt_entries_;  // the binary's databases for this key
  mutable bool prebuilt_ = false;                    // written before database_ is published
  std::size_t compile_after_;
  mutable std::atomic<std::size_t> offered_{0};
  mutable std::atomic<bool> compiling_{false};
  mutable std::atomic<bool> try_prebuilt_{false};  // entries, none of which failed to load
  mutable std::atomic<void*> database_{nullptr};
  mutable std::vector<unsigned> left_out_;  // written before database_ is published
  std::uint64_t serial_ = 0;                // tells databases apart for per-thread scratch
};

}  // namespace riskgate::evaluate
