#include "evaluate/secrets/rule_prefilter.h"

#include <algorithm>
#include <cctype>

namespace riskgate::evaluate::secrets {
namespace {

constexpr const char* kSpaces = "\\t\\n\\f\\r\\x20";
// Every byte but those, as ranges that can stand inside another class.
constexpr const char* kNotSpaces = "\\x00-\\x08\\x0b\\x0e-\\x1f\\x21-\\xff";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length of a {m,n} repeat at `at` (m, n digits), or 0.
std::size_t BoundedRepeat(std::string_view s, std::size_t at, std::size_t& comma) {
  std::size_t i = at + 1;
  const std::size_t first = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == first || i >= s.size() || s[i] != ',') return 0;
  comma = i++;
  const std::size_t second = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == second || i >= s.size() || s[i] != '}') return 0;
  return i + 1 - at;
}

}  // namespace

std::optional<std::string> LoosePattern(std::string_view source, bool keep_bounds) {
  std::string out;
  out.reserve(source.size());
  bool in_class = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
    if (c == '\\') {
      if (i + 1 >= source.size()) return std::nullopt;
      const char next = source[i + 1];
      if (std::string_view("pPCAzZQE").find(next) != std::string_view::npos) return std::nullopt;
      if (static_cast<unsigned char>(next) >= 0x80) return std::nullopt;
      // RE2's \s is [\t\n\f\r ]; Hyperscan's adds \v, so its \S and [^\s] would miss a \v.
      if (next == 's' || next == 'S') {
        if (in_class) {
          out += next == 's' ? kSpaces : kNotSpaces;
        } else {
          out += next == 's' ? "[" + std::string(kSpaces) + "]" : "[^" + std::string(kSpaces) + "]";
        }
        ++i;
        continue;
      }
      out += c;
      out += next;
      ++i;
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < source.size() && source[i + 1] == ':') {
        const std::size_t end = source.find(":]", i + 2);
        if (end == std::string_view::npos) return std::nullopt;
        out.append(source.substr(i, end + 2 - i));
        i = end + 1;
        continue;
      }
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      if (i + 1 < source.size() && source[i + 1] == '^') out += source[++i];
      if (i + 1 < source.size() && source[i + 1] == ']') out += source[++i];
      continue;
    }
    if (c == '(' && source.substr(i, 2) == "(?") {
      // (?P<name> and (?<name>: a plain group. Flags: only turned on, and not U.
      std::size_t at = i + 2;
      if (at < source.size() && source[at] == 'P') ++at;
      if (at < source.size() && source[at] == '<') {
        const std::size_t close = source.find('>', at);
        if (close == std::string_view::npos) return std::nullopt;
        out += '(';
        i = close;
        continue;
      }
      std::size_t end = i + 2;
      while (end < source.size() && std::isalpha(static_cast<unsigned char>(source[end]))) ++end;
      if (end < source.size() && source[end] == '-') return std::nullopt;
      if (source.substr(i + 2, end - i - 2).find('U') != std::string_view::npos) {
        return std::nullopt;
      }
    }
    std::size_t comma = 0;
    if (c == '{' && !keep_bounds) {
      if (const std::size_t length = BoundedRepeat(source, i, comma)) {
        out.append(source.substr(i, comma + 1 - i));
        out += '}';
        i += length - 1;
        continue;
      }
    }
    out += c;
  }
  if (in_class) return std::nullopt;
  return out;
}

RulePrefilter::RulePrefilter(const std::vector<policy::SecretRule>& rules,
                             std::size_t compile_after)
    : rule_count_(rules.size()), compile_after_(compile_after) {
  std::vector<std::string> expressions;
  std::vector<bool> caseless;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (!rules[r].regex) continue;
    const std::string_view source = rules[r].regex->source();
    const bool ignore_case = rules[r].regex->case_insensitive();
    auto loose = LoosePattern(source);
    if (!loose) {
      always_.push_back(r);
      continue;
    }
    rule_of_.push_back(r);
    judged_.push_back({*loose, LoosePattern(source, true), ignore_case});
    expressions.push_back(std::move(*loose));
    caseless.push_back(ignore_case);
  }
  hyperscan_ = std::make_unique<LazyHyperscan>(std::move(expressions), std::move(caseless),
                                               HyperscanMode::kPrefilter, compile_after);
}

RulePrefilter::~RulePrefilter() = default;

const RulePrefilter::Parts& RulePrefilter::parts() const {
  std::call_once(parts_made_, [this] {
    auto parts = std::make_unique<Parts>();
    std::vector<std::string> expressions[2];  // near, far
    std::vector<bool> caseless[2];
    for (std::size_t e = 0; e < judged_.size(); ++e) {
      const Judged& judged = judged_[e];
      // How long an exact match can be: from the pattern with its bounds (RE2 reads rules as
      // Latin-1, a byte per character, as Hyperscan does).
      std::optional<std::size_t> width;
      if (judged.bounded) width = HyperscanMaxWidth(*judged.bounded, judged.caseless);
      const bool near = width && *width <= kMaxNearWidth;
      if (near) parts->near_width = std::max(parts->near_width, *width);
      (near ? parts->near : parts->far).rule_of.push_back(rule_of_[e]);
      expressions[near ? 0 : 1].push_back(judged.loose);
      caseless[near ? 0 : 1].push_back(judged.caseless);
    }
    for (int p = 0; p < 2; ++p) {
      (p == 0 ? parts->near : parts->far).hyperscan =
          std::make_unique<LazyHyperscan>(std::move(expressions[p]), std::move(caseless[p]),
                                          HyperscanMode::kPrefilter, compile_after_);
    }
    parts_ = std::move(parts);
  });
  return *parts_;
}

std::vector<const LazyHyperscan*> RulePrefilter::databases() const {
  const Parts& split = parts();
  return {hyperscan_.get(), split.near.hyperscan.get(), split.far.hyperscan.get()};
}

bool RulePrefilter::ScanPart(const Part& part, std::string_view text, std::vector<char>& may) {
  if (part.rule_of.empty()) return true;
  struct State {
    const std::vector<std::size_t>& rule_of;
    std::vector<char>& may;
  } state{part.rule_of, may};
  const auto on_match = [](unsigned id, unsigned long long, void* context) {
    auto* s = static_cast<State*>(context);
    s->may[s->rule_of[id]] = 1;
    return 0;
  };
  if (!part.hyperscan->Scan(text, on_match, &state)) return false;
  for (const unsigned id : part.hyperscan->left_out()) may[part.rule_of[id]] = 1;
  return true;
}

bool RulePrefilter::MayMatchNear(std::string_view text, std::vector<char>& may,
                                 const TextOrigin& origin) const {
  if (origin.earlier == nullptr || origin.earlier->may.size() != rule_count_) return false;
  const Parts& split = parts();
  if (split.near.rule_of.empty()) return false;
  // A match inside a copied range with a byte of it either side is one the earlier text has.
  // Any other match of at most `near_width` bytes meets a byte outside those insides, so it
  // lies, with a byte either side, within `reach` of the runs of such bytes.
  const std::size_t reach = split.near_width + 2;
  const auto outside = OutsideCopies(origin.copied, text.size());
  if (!outside) return false;
  std::vector<ByteRun> windows;
  for (const auto& [begin, end] : *outside) {
    const std::size_t from = begin > reach ? begin - reach : 0;
    const std::size_t to = std::min(text.size(), end + reach);
    if (!windows.empty() && from <= windows.back().second) {
      windows.back().second = std::max(windows.back().second, to);
    } else {
      windows.emplace_back(from, to);
    }
  }
  // The parts serve once as much text as the whole pack's would have been asked about: the
  // windows are a small share of it.
  split.near.hyperscan->Expect(text.size());
  if (!CoverLittle(windows, text.size())) return false;  // as much as one pass over it all
  // The windows side by side, a line break between: a window holds its matches whole.
  thread_local std::string joined;
  joined.clear();
  for (const auto& [from, to] : windows) {
    joined.append(text.substr(from, to - from));
    joined += '\n';
  }
  may.assign(rule_count_, 0);
  if (!ScanPart(split.near, joined, may) || !ScanPart(split.far, text, may)) return false;
  for (std::size_t r = 0; r < rule_count_; ++r) may[r] |= origin.earlier->may[r];
  for (const std::size_t r : always_) may[r] = 1;
  return true;
}

bool RulePrefilter::MayMatch(std::string_view text, std::vector<char>& may,
                             const TextOrigin* origin) const {
  if (origin != nullptr && MayMatchNear(text, may, *origin)) return true;
  may.assign(rule_count_, 0);
  struct State {
    const std::vector<std::size_t>& rule_of;
    std::vector<char>& may;
  } state{rule_of_, may};
  const auto on_match = [](unsigned id, unsigned long long, void* context) {
    auto* s = static_cast<State*>(context);
    s->may[s->rule_of[id]] = 1;
    return 0;
  };
  if (!hyperscan_->Scan(text, on_match, &state)) return false;
  for (const std::size_t r : always_) may[r] = 1;
  for (const unsigned id : hyperscan_->left_out()) may[rule_of_[id]] = 1;
  return true;
}

}  // namespace riskgate::evaluate::secrets
