#include "policy/rule_image.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/byte_codec.h"

namespace riskgate::policy {
namespace {

// Every member of SecretRule and Allowlist is written below: one added there must be added here
// (and to the round-trip test), which these sizes remind of.
static_assert(sizeof(void*) != 8 || sizeof(SecretRule) == 432,
              "SecretRule changed: write the new member in rule_image.cc");
static_assert(sizeof(void*) != 8 || sizeof(Allowlist) == 136,
              "Allowlist changed: write the new member in rule_image.cc");

constexpr std::string_view kMagic = "riskgate-rules-1\n";

class Writer : public core::ByteWriter {
 public:
  // A pattern: absent (0), or present (1, 2: case-insensitive) with its source.
  void Pat(const PatternPtr& pattern) {
    U32(pattern ? (pattern->case_insensitive() ? 2 : 1) : 0);
    if (pattern) Str(pattern->source());
  }
  // A list of strings or patterns: its count, then each.
  template <typename T>
  void List(const std::vector<T>& list) {
    U32(static_cast<std::uint32_t>(list.size()));
    for (const T& item : list) Item(item);
  }

 private:
  void Item(const std::string& text) { Str(text); }
  void Item(const PatternPtr& pattern) { Pat(pattern); }
};

class Reader : public core::ByteReader {
 public:
  using core::ByteReader::ByteReader;
  // An enum written as its number, refused beyond `last`.
  template <typename E>
  bool Enum(E& value, E last) {
    std::uint32_t raw = 0;
    if (!U32(raw) || raw > static_cast<std::uint32_t>(last)) return false;
    value = static_cast<E>(raw);
    return true;
  }
  bool Int(int& value) {
    std::uint32_t raw = 0;
    if (!U32(raw)) return false;
    value = static_cast<int>(raw);
    return true;
  }
  bool Pat(PatternPtr& pattern) {
    std::uint32_t present = 0;
    if (!U32(present) || present > 2) return false;
    if (present == 0) return true;
    std::string source;
    if (!Str(source)) return false;
    pattern = std::make_shared<const Pattern>(std::move(source), present == 2);
    return true;
  }
  template <typename T>
  bool List(std::vector<T>& list) {
    std::uint32_t count = 0;
    if (!Count(count)) return false;
    list.resize(count);
    return std::all_of(list.begin(), list.end(), [this](T& item) { return Item(item); });
  }

 private:
  bool Item(std::string& text) { return Str(text); }
  bool Item(PatternPtr& pattern) { return Pat(pattern); }
};

void WriteAllowlist(Writer& w, const Allowlist& a) {
  w.Str(a.description);
  w.U32(static_cast<std::uint32_t>(a.condition));
  w.U32(static_cast<std::uint32_t>(a.regex_target));
  w.List(a.commits);
  w.List(a.paths);
  w.List(a.regexes);
  w.List(a.stopwords);
}

bool ReadAllowlist(Reader& r, Allowlist& a) {
  return r.Str(a.description) && r.Enum(a.condition, AllowCondition::kAnd) &&
         r.Enum(a.regex_target, RegexTarget::kLine) && r.List(a.commits) && r.List(a.paths) &&
         r.List(a.regexes) && r.List(a.stopwords);
}

void WriteRule(Writer& w, const SecretRule& rule) {
  w.Str(rule.id);
  w.Str(rule.description);
  w.Str(rule.provider);
  w.U32(static_cast<std::uint32_t>(rule.severity));
  w.Pat(rule.regex);
  w.Pat(rule.path);
  w.U32(static_cast<std::uint32_t>(rule.secret_group));
  w.List(rule.keywords);
  w.U32(rule.entropy ? 1 : 0);
  if (rule.entropy) w.U64(std::bit_cast<std::uint64_t>(*rule.entropy));
  w.U32(rule.confidence ? static_cast<std::uint32_t>(*rule.confidence) + 1 : 0);
  w.U32(static_cast<std::uint32_t>(rule.checksum));
  w.U32(static_cast<std::uint32_t>(rule.span));
  w.U32(static_cast<std::uint32_t>(rule.allowlists.size()));
  for (const auto& a : rule.allowlists) WriteAllowlist(w, a);
  w.Str(rule.revoke_url);
  w.Str(rule.fix);
  w.Str(rule.mitigate);
  w.List(rule.tags);
  w.List(rule.match_examples);
  w.List(rule.no_match_examples);
  w.Str(rule.origin);
  w.U32(static_cast<std::uint32_t>(rule.dialect));
}

bool ReadRule(Reader& r, SecretRule& rule) {
  if (!r.Str(rule.id) || !r.Str(rule.description) || !r.Str(rule.provider) ||
      !r.Enum(rule.severity, core::Severity::kCritical) || !r.Pat(rule.regex) ||
      !r.Pat(rule.path) || !r.Int(rule.secret_group) || !r.List(rule.keywords)) {
    return false;
  }
  std::uint32_t has_entropy = 0;
  if (!r.U32(has_entropy) || has_entropy > 1) return false;
  if (has_entropy == 1) {
    std::uint64_t bits = 0;
    if (!r.U64(bits)) return false;
    rule.entropy = std::bit_cast<double>(bits);
  }
  std::uint32_t confidence = 0;
  if (!r.U32(confidence) || confidence > static_cast<std::uint32_t>(core::Confidence::kHigh) + 1) {
    return false;
  }
  if (confidence > 0) rule.confidence = static_cast<core::Confidence>(confidence - 1);
  std::uint32_t allowlists = 0;
  if (!r.Enum(rule.checksum, TokenChecksum::kBase62Crc32) || !r.Enum(rule.span, RuleSpan::kNear) ||
      !r.Count(allowlists)) {
    return false;
  }
  rule.allowlists.resize(allowlists);
  for (auto& a : rule.allowlists) {
    if (!ReadAllowlist(r, a)) return false;
  }
  return r.Str(rule.revoke_url) && r.Str(rule.fix) && r.Str(rule.mitigate) && r.List(rule.tags) &&
         r.List(rule.match_examples) && r.List(rule.no_match_examples) && r.Str(rule.origin) &&
         r.Enum(rule.dialect, RuleDialect::kGitleaks);
}

}  // namespace

std::string EncodeRuleImage(const RulePack& pack) {
  Writer w;
  w.out() += kMagic;
  w.Str(pack.name);
  w.Str(pack.description);
  w.U32(static_cast<std::uint32_t>(pack.rules.size()));
  for (const auto& rule : pack.rules) WriteRule(w, rule);
  return std::move(w.out());
}

std::optional<RulePack> DecodeRuleImage(std::string_view image) {
  Reader r(image);
  RulePack pack;
  std::uint32_t count = 0;
  if (!r.Magic(kMagic) || !r.Str(pack.name) || !r.Str(pack.description) || !r.Count(count)) {
    return std::nullopt;
  }
  pack.rules.resize(count);
  for (auto& rule : pack.rules) {
    if (!ReadRule(r, rule)) return std::nullopt;
  }
  if (!r.AtEnd()) return std::nullopt;
  return pack;
}

}  // namespace riskgate::policy
