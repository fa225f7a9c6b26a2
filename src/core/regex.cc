#include "core/regex.h"

#include <re2/re2.h>

#include <array>
#include <vector>

namespace riskgate::core {
namespace {

re2::RE2::Options Re2Options(const RegexOptions& options) {
  re2::RE2::Options out;
  out.set_log_errors(false);  // the caller reads error()
  out.set_encoding(options.encoding == RegexEncoding::kLatin1 ? re2::RE2::Options::EncodingLatin1
                                                              : re2::RE2::Options::EncodingUTF8);
  out.set_case_sensitive(options.letter_case == RegexCase::kSensitive);
  out.set_max_mem(options.max_mem);
  return out;
}

// The start of the character after the one at `i`: UTF-8 continuation bytes belong to it.
std::size_t NextCharacter(std::string_view text, std::size_t i, RegexEncoding encoding) {
  ++i;
  if (encoding == RegexEncoding::kUtf8) {
    for (int k = 0;
         k < 3 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; ++k) {
      ++i;
    }
  }
  return i;
}

}  // namespace

Regex::Regex(std::string_view pattern, RegexOptions options)
    : re_(std::make_unique<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()),
                                           Re2Options(options))) {}

Regex::~Regex() = default;

bool Regex::ok() const { return re_->ok(); }

const std::string& Regex::error() const { return re_->error(); }

const std::string& Regex::pattern() const { return re_->pattern(); }

RegexEncoding Regex::encoding() const {
  return re_->options().encoding() == re2::RE2::Options::EncodingLatin1 ? RegexEncoding::kLatin1
                                                                        : RegexEncoding::kUtf8;
}

int Regex::NumberOfCapturingGroups() const { return re_->NumberOfCapturingGroups(); }

int Regex::ProgramSize() const { return re_->ok() ? re_->ProgramSize() : 0; }

bool Regex::PartialMatch(std::string_view text) const {
  return re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                    re2::RE2::UNANCHORED, nullptr, 0);
}

bool Regex::FullMatch(std::string_view text) const {
  return re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                    re2::RE2::ANCHOR_BOTH, nullptr, 0);
}

bool Regex::Match(std::string_view text, std::size_t from, RegexAnchor anchor,
                  std::span<std::string_view> groups) const {
  if (from > text.size()) return false;
  // The scanner's hot loop: no allocation for the usual handful of groups.
  constexpr std::size_t kInline = 16;
  std::array<re2::StringPiece, kInline> inline_pieces;
  std::vector<re2::StringPiece> more_pieces;
  re2::StringPiece* pieces = inline_pieces.data();
  if (groups.size() > kInline) {
    more_pieces.resize(groups.size());
    pieces = more_pieces.data();
  }
  const bool found =
      re_->Match(re2::StringPiece(text.data(), text.size()), from, text.size(),
                 anchor == RegexAnchor::kWhole ? re2::RE2::ANCHOR_BOTH : re2::RE2::UNANCHORED,
                 pieces, static_cast<int>(groups.size()));
  if (!found) return false;
  for (std::size_t i = 0; i < groups.size(); ++i) groups[i] = {pieces[i].data(), pieces[i].size()};
  return true;
}

RegexMatches::RegexMatches(const Regex& regex, std::string_view text)
    : regex_(regex),
      encoding_(regex.encoding()),
      text_(text),
      groups_(static_cast<std::size_t>(regex.ok() ? regex.NumberOfCapturingGroups() + 1 : 1)) {}

bool RegexMatches::Next() {
  if (from_ > text_.size() || !regex_.Match(text_, from_, RegexAnchor::kUnanchored, groups_)) {
    from_ = text_.size() + 1;
    return false;
  }
  begin_ = static_cast<std::size_t>(groups_[0].data() - text_.data());
  end_ = begin_ + groups_[0].size();
  from_ = end_ > begin_ ? end_ : NextCharacter(text_, begin_, encoding_);
  return true;
}

}  // namespace riskgate::core
