// Stage 3 (evaluate): a Hyperscan database compiled on demand, shared by threads, each with its
// own scratch. This is the only file that talks to Hyperscan (libhyperscan-dev, x86-64 with
// SSSE3 or later); built without it, or on a CPU it does not support, nothing is ever compiled
// and every Scan answers false, so that callers take their own way (which must give the same
// answer). Compiling costs from tens of milliseconds (literals) to more than a second (a pack
// of regexes), more than a pre-commit hook's whole scan: the database is compiled once the texts
// offered reach `compile_after` bytes, by the thread that crosses the mark; the others go on
// their own way meanwhile.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace riskgate::evaluate {

enum class HyperscanMode {
  kLiterals,   // each expression a literal, ASCII case ignored, every occurrence reported
  kPrefilter,  // each expression a regex, matched loosely (never fewer matches than exact), at
               // most one report per expression; an expression Hyperscan refuses is left out
};

class LazyHyperscan {
 public:
  // Called per match with the expression's index and the offset just past the match; a
  // non-zero return stops the scan.
  using OnMatch = int (*)(unsigned id, unsigned long long end, void* context);

  LazyHyperscan(std::vector<std::string> expressions, std::vector<bool> caseless,
                HyperscanMode mode, std::size_t compile_after);
  ~LazyHyperscan();
  LazyHyperscan(const LazyHyperscan&) = delete;
  LazyHyperscan& operator=(const LazyHyperscan&) = delete;

  // Whether this build can use Hyperscan on this CPU; "Hyperscan 5.4.0 …" or why not.
  static bool Available();
  static std::string Version();

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
  void* Compile() const;

  std::vector<std::string> expressions_;
  std::vector<bool> caseless_;
  HyperscanMode mode_;
  std::size_t compile_after_;
  mutable std::atomic<std::size_t> offered_{0};
  mutable std::atomic<bool> compiling_{false};
  mutable std::atomic<void*> database_{nullptr};
  mutable std::vector<unsigned> left_out_;  // written before database_ is published
  std::uint64_t serial_ = 0;                // tells databases apart for per-thread scratch
};

}  // namespace riskgate::evaluate
