#include "evaluate/secrets/span_decoder.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <tuple>

#include "core/text.h"
#include "evaluate/secrets/base64_words.h"
#include "evaluate/secrets/text_origin.h"

namespace riskgate::evaluate::secrets {
namespace {

constexpr std::string_view kSeparator{"\n\0\n", 3};
// In a piece that is not mostly printable, printable runs at least this long are still kept:
// junk bytes around an encoded token must not hide it.
constexpr std::size_t kMinPrintableRun = 20;

enum class Alphabet { kStandard, kUrlSafe };

// Character classes, one table lookup per byte: the run scans touch every byte of every
// fragment, so they must cost no more than the keyword prefilter.
enum : unsigned char { kAlnum = 1, kStandardOnly = 2, kUrlOnly = 4, kPercentRun = 8 };

constexpr std::array<unsigned char, 256> MakeClasses() {
  std::array<unsigned char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    unsigned char bits = 0;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) bits |= kAlnum;
    if (c == '+' || c == '/') bits |= kStandardOnly;
    if (c == '-' || c == '_') bits |= kUrlOnly;
    // A byte that may sit in a percent-encoded run (a URL or form value): visible ASCII but
    // quotes and angle brackets, which delimit such values in code.
    if (c > 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '`' && c != '<' && c != '>') {
      bits |= kPercentRun;
    }
    table[static_cast<std::size_t>(c)] = bits;
  }
  return table;
}

constexpr std::array<unsigned char, 256> kClasses = MakeClasses();

unsigned char ClassOf(char c) { return kClasses[static_cast<unsigned char>(c)]; }

bool InAlphabet(char c, Alphabet alphabet) {
  const unsigned char mask = kAlnum | (alphabet == Alphabet::kStandard ? kStandardOnly : kUrlOnly);
  return (ClassOf(c) & mask) != 0;
}

// Each byte's value in base64 (either alphabet), -1 for bytes in neither.
constexpr std::array<signed char, 256> MakeBase64Values() {
  std::array<signed char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    int value = -1;
    if (c >= 'A' && c <= 'Z') value = c - 'A';
    if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
    if (c >= '0' && c <= '9') value = c - '0' + 52;
    if (c == '+' || c == '-') value = 62;
    if (c == '/' || c == '_') value = 63;
    table[static_cast<std::size_t>(c)] = static_cast<signed char>(value);
  }
  return table;
}

constexpr std::array<signed char, 256> kBase64Values = MakeBase64Values();

int Base64Value(char c) { return kBase64Values[static_cast<unsigned char>(c)]; }

bool IsPrintable(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 0x20 && u < 0x7f) || c == '\t' || c == '\n' || c == '\r';
}

bool InPercentRun(char c) { return (ClassOf(c) & kPercentRun) != 0; }

// A byte no encoded run holds or goes on over: a space, a tab or another control byte but a
// line break, a quote, `<`, `>`, DEL or a byte past ASCII. Between two stops the runs found
// depend on those bytes alone.
bool IsStop(char c) {
  return (ClassOf(c) & (kAlnum | kStandardOnly | kUrlOnly | kPercentRun)) == 0 && c != '\r' &&
         c != '\n';
}

struct EncodedRun {
  std::size_t begin;
  std::size_t end;
  Encoding encoding;
  bool operator<(const EncodedRun& other) const {
    return std::tie(begin, end, encoding) < std::tie(other.begin, other.end, other.encoding);
  }
  bool operator==(const EncodedRun& other) const = default;
};

// The runs of `alphabet` starting in `from`..`to` (a run of either alphabet), at least `min`
// long. A run goes on over a line break when the line so far is a whole number of quads at
// least `min` long and the next line starts in the alphabet: base64(1) and PEM wrap their
// output at 76 and 64 characters. Returns where the last run ended.
std::size_t AlphabetRuns(std::string_view text, std::size_t from, std::size_t to, Alphabet alphabet,
                         std::size_t min, std::vector<EncodedRun>& out) {
  std::size_t i = from;
  std::size_t reached = to;
  while (i < to) {
    if (!InAlphabet(text[i], alphabet)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    std::size_t line = i;
    while (true) {
      while (j < text.size() && InAlphabet(text[j], alphabet)) ++j;
      std::size_t next = j;
      if (next < text.size() && text[next] == '\r') ++next;
      if (next + 1 < text.size() && text[next] == '\n' && (j - line) % 4 == 0 && j - line >= min &&
          InAlphabet(text[next + 1], alphabet)) {
        j = next + 1;
        line = j;
        continue;
      }
      break;
    }
    if (j - i >= min) out.push_back({i, j, Encoding::kBase64});
    reached = std::max(reached, j);
    i = j;
  }
  return reached;
}

// Base64 runs of both alphabets in one pass over `text`: the words of either alphabet's bytes
// at least `min` long (most text holds none: secrets/base64_words.h passes over it a block at a
// time), each split into runs of one alphabet.
void Base64Runs(std::string_view text, std::size_t min, std::vector<EncodedRun>& out) {
  min = std::max<std::size_t>(min, 1);
  const Base64Words words(text);
  std::size_t i = 0;
  while (i < text.size()) {
    auto [start, word] = words.Next(i, min);
    if (start == Base64Words::npos) break;
    const std::size_t standard = AlphabetRuns(text, start, word, Alphabet::kStandard, min, out);
    const std::size_t url_safe = AlphabetRuns(text, start, word, Alphabet::kUrlSafe, min, out);
    i = std::max({word, standard, url_safe});
  }
}

// Runs of percent-run bytes that hold an escape (%XX), found from each '%' outward: most text
// has no escape, and memchr passes over it.
void PercentRuns(std::string_view text, std::size_t min, std::vector<EncodedRun>& out) {
  std::size_t from = 0;
  std::size_t floor = 0;  // the end of the last run found: no run reaches back past it
  while (from < text.size()) {
    const void* found = std::memchr(text.data() + from, '%', text.size() - from);
    if (found == nullptr) break;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    if (at + 2 >= text.size() || core::HexDigitValue(text[at + 1]) < 0 ||
        core::HexDigitValue(text[at + 2]) < 0) {
      from = at + 1;
      continue;
    }
    std::size_t i = at;
    while (i > floor && InPercentRun(text[i - 1])) --i;
    std::size_t j = at;
    while (j < text.size() && InPercentRun(text[j])) ++j;
    if (j - i >= min) out.push_back({i, j, Encoding::kPercent});
    from = floor = j;
  }
}

class Collector {
 public:
  Collector(DecodedText& out, const DecodeLimits& limits) : out_(out), limits_(limits) {}

  // Keeps `decoded` (of source `begin`..`end`) when mostly printable, else its long printable
  // runs. False when the budget ran out.
  bool Keep(std::string_view decoded, std::size_t begin, std::size_t end, Encoding encoding) {
    if (MostlyPrintable(decoded, limits_.min_printable)) {
      return Add(decoded, begin, end, encoding);
    }
    std::size_t i = 0;
    while (i < decoded.size()) {
      if (!IsPrintable(decoded[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < decoded.size() && IsPrintable(decoded[j])) ++j;
      if (j - i >= kMinPrintableRun && !Add(decoded.substr(i, j - i), begin, end, encoding)) {
        return false;
      }
      i = j;
    }
    return true;
  }

 private:
  bool Add(std::string_view piece, std::size_t begin, std::size_t end, Encoding encoding) {
    if (out_.text.size() + piece.size() + kSeparator.size() > limits_.budget) {
      out_.truncated = true;
      return false;
    }
    DecodedSpan span{begin, end, out_.text.size(), 0, encoding};
    out_.text.append(piece);
    span.end = out_.text.size();
    out_.text.append(kSeparator);
    out_.spans.push_back(span);
    return true;
  }

  DecodedText& out_;
  const DecodeLimits& limits_;
};

// Base64 of text mixes upper and lower case within 24 characters; identifiers in one case
// (snake_case, SCREAMING_CASE, hex digests) are not worth decoding.
bool MixedCase(std::string_view text) {
  bool upper = false;
  bool lower = false;
  for (char c : text) {
    upper = upper || (c >= 'A' && c <= 'Z');
    lower = lower || (c >= 'a' && c <= 'z');
    if (upper && lower) return true;
  }
  return false;
}

// What `piece` decodes to, counted without decoding it into memory: how many bytes, how many
// of them printable, and whether a run of kMinPrintableRun printable bytes occurs (with
// `stop_at_run`, the count stops there). `valid` is false when a character is in neither base64
// alphabet.
struct PrintableCount {
  bool valid = true;
  std::size_t bytes = 0;
  std::size_t printable = 0;
  bool long_run = false;

  bool MostlyPrintable(double share) const {
    return valid && bytes > 0 &&
           static_cast<double>(printable) >= share * static_cast<double>(bytes);
  }
};

PrintableCount CountPrintable(std::string_view piece, bool stop_at_run) {
  PrintableCount count;
  unsigned int buffer = 0;
  int bits = 0;
  std::size_t run = 0;
  for (char c : piece) {
    const int value = Base64Value(c);
    if (value < 0) {
      count.valid = false;
      return count;
    }
    buffer = (buffer << 6) | static_cast<unsigned int>(value);
    bits += 6;
    if (bits < 8) continue;
    bits -= 8;
    const bool shown = IsPrintable(static_cast<char>((buffer >> bits) & 0xffu));
    run = shown ? run + 1 : 0;
    count.printable += shown ? 1 : 0;
    ++count.bytes;
    if (run >= kMinPrintableRun) {
      count.long_run = true;
      if (stop_at_run) return count;
    }
  }
  return count;
}

// Whether `piece` at `shift` starts like base64 of text: its first 64 characters decode to
// mostly printable bytes. Cheap, so that only one alignment is decoded whole.
bool PrefixPrintable(std::string_view piece, std::size_t shift, double share) {
  std::string_view head = piece.substr(shift, 64);
  head.remove_suffix(head.size() % 4);
  return CountPrintable(head, /*stop_at_run=*/false).MostlyPrintable(share);
}

// Whether Collector::Keep would keep anything of `piece` decoded as it stands: it decodes to
// mostly printable bytes, or holds a run of kMinPrintableRun printable ones. Most long
// identifiers of code do neither, and need not be decoded whole.
bool DecodesToSomethingKept(std::string_view piece, double share) {
  const PrintableCount count = CountPrintable(piece, /*stop_at_run=*/true);
  return count.valid && (count.long_run || count.MostlyPrintable(share));
}

// One base64 piece (no line breaks) of source `begin`..`end`: tried at each of the four
// alignments (a run may start with characters that are not part of the encoding, such as a
// path's last letters); the first that decodes to text wins, else the first that decodes at all
// gives its printable runs.
bool DecodeBase64Piece(std::string_view piece, std::size_t begin, std::size_t end,
                       const DecodeLimits& limits, Collector& collector) {
  if (!MixedCase(piece) || !(core::ShannonEntropy(piece) > limits.min_base64_entropy)) {
    return true;
  }
  // The first alignment that starts like text and decodes to text wins; else the printable
  // runs of the run decoded as it stands (junk bytes around an encoded token).
  for (std::size_t shift = 0; shift < 4 && shift < piece.size(); ++shift) {
    if (!PrefixPrintable(piece, shift, limits.min_printable)) continue;
    std::string_view aligned = piece.substr(shift);
    if (aligned.size() % 4 == 1) aligned.remove_suffix(1);
    auto decoded = DecodeBase64(aligned);
    if (decoded && MostlyPrintable(*decoded, limits.min_printable)) {
      return collector.Keep(*decoded, begin, end, Encoding::kBase64);
    }
  }
  std::string_view aligned = piece;
  if (aligned.size() % 4 == 1) aligned.remove_suffix(1);
  if (!DecodesToSomethingKept(aligned, limits.min_printable)) return true;
  auto decoded = DecodeBase64(aligned);
  if (decoded) return collector.Keep(*decoded, begin, end, Encoding::kBase64);
  return true;
}

// A base64 run without its line breaks, decoded in pieces of `max_span` characters.
bool DecodeBase64Run(std::string_view text, const EncodedRun& run, std::size_t max_span,
                     const DecodeLimits& limits, Collector& collector) {
  const std::string_view written = text.substr(run.begin, run.end - run.begin);
  if (written.find_first_of("\r\n") == std::string_view::npos) {  // one line: no copy
    for (std::size_t at = 0; at < written.size(); at += max_span) {
      const std::size_t end = std::min(written.size(), at + max_span);
      if (!DecodeBase64Piece(written.substr(at, end - at), run.begin + at, run.begin + end, limits,
                             collector)) {
        return false;
      }
    }
    return true;
  }
  std::string compact;
  std::vector<std::pair<std::size_t, std::size_t>> lines;  // (offset in compact, in text)
  for (std::size_t i = run.begin; i < run.end;) {
    if (text[i] == '\r' || text[i] == '\n') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < run.end && text[j] != '\r' && text[j] != '\n') ++j;
    lines.emplace_back(compact.size(), i);
    compact.append(text.substr(i, j - i));
    i = j;
  }
  const auto source = [&](std::size_t at) {
    auto it = std::upper_bound(lines.begin(), lines.end(), at,
                               [](std::size_t k, const auto& line) { return k < line.first; });
    --it;
    return it->second + (at - it->first);
  };
  for (std::size_t at = 0; at < compact.size(); at += max_span) {
    const std::size_t end = std::min(compact.size(), at + max_span);
    if (!DecodeBase64Piece(std::string_view(compact).substr(at, end - at), source(at),
                           source(end - 1) + 1, limits, collector)) {
      return false;
    }
  }
  return true;
}

// The encoded runs of `text`, added to `out` at their places in a larger text of which `text`
// is the piece that starts at `offset`: a piece that starts at a stop, just after one or at the
// larger text's start, and ends just before a stop or at its end holds the runs the larger
// text holds there.
void FindRuns(std::string_view text, std::size_t offset, const DecodeLimits& limits,
              std::vector<EncodedRun>& out) {
  const std::size_t first = out.size();
  Base64Runs(text, limits.min_base64, out);
  PercentRuns(text, limits.min_percent, out);
  for (std::size_t i = first; i < out.size(); ++i) {
    out[i].begin += offset;
    out[i].end += offset;
  }
}

// `candidates` (runs of `text`) decoded in order, within the budget.
DecodedText DecodeRuns(std::string_view text, std::vector<EncodedRun>& candidates,
                       const DecodeLimits& limits) {
  DecodedText out;
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  out.wrapped = std::any_of(candidates.begin(), candidates.end(), [&](const EncodedRun& c) {
    return c.encoding == Encoding::kBase64 &&
           text.substr(c.begin, c.end - c.begin).find('\n') != std::string_view::npos;
  });
  Collector collector(out, limits);
  // Pieces of at most max_span characters; base64 pieces stay on 4-character boundaries and
  // percent pieces never cut an escape.
  const std::size_t max_span = std::max<std::size_t>(limits.max_span / 4 * 4, 4);
  for (const EncodedRun& c : candidates) {
    if (c.encoding == Encoding::kBase64) {
      if (!DecodeBase64Run(text, c, max_span, limits, collector)) return out;
      continue;
    }
    for (std::size_t at = c.begin; at < c.end;) {
      std::size_t end = std::min(c.end, at + max_span);
      if (end < c.end) {
        if (text[end - 1] == '%') {
          end -= 1;
        } else if (text[end - 2] == '%') {
          end -= 2;
        }
      }
      const std::string_view piece = text.substr(at, end - at);
      const std::string decoded = core::PercentDecoded(piece);
      if (decoded != piece && !collector.Keep(decoded, at, end, Encoding::kPercent)) return out;
      at = end;
    }
  }
  return out;
}

}  // namespace

std::string_view EncodingName(Encoding encoding) {
  return encoding == Encoding::kBase64 ? "base64" : "percent";
}

const DecodedSpan* DecodedText::SpanAt(std::size_t at) const {
  auto it =
      std::upper_bound(spans.begin(), spans.end(), at,
                       [](std::size_t offset, const DecodedSpan& s) { return offset < s.begin; });
  if (it == spans.begin()) return nullptr;
  --it;
  return at < it->end ? &*it : nullptr;
}

bool MostlyPrintable(std::string_view bytes, double share) {
  if (bytes.empty()) return false;
  std::size_t printable = 0;
  for (char c : bytes) printable += IsPrintable(c) ? 1 : 0;
  return static_cast<double>(printable) >= share * static_cast<double>(bytes.size());
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : text) {
    const int value = Base64Value(c);
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned int>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xffu));
    }
  }
  return out;
}

DecodedText DecodeSpans(std::string_view text, const DecodeLimits& limits) {
  std::vector<EncodedRun> candidates;
  FindRuns(text, 0, limits, candidates);
  return DecodeRuns(text, candidates, limits);
}

DecodedText DecodeSpansOutside(std::string_view text,
                               std::span<const collect::pack::CopiedRange> copied,
                               const DecodeLimits& limits) {
  const auto outside = OutsideCopies(copied, text.size());
  if (!outside) return DecodeSpans(text, limits);
  // Each run of bytes outside the copies, widened to the stops either side of it (FindRuns).
  // Pieces less than kJoin apart are one: the bytes between them are read at the classifier's
  // speed, cheaper than starting another piece.
  constexpr std::size_t kJoin = 256;
  std::vector<ByteRun> pieces;
  std::size_t floor = 0;  // where the last piece ended: at a stop, or the text's end
  for (const auto& [begin, end] : *outside) {
    if (end <= floor) continue;
    std::size_t from = std::max(begin, floor);
    if (pieces.empty() || from - floor >= kJoin) {
      while (from > floor && !IsStop(text[from - 1])) --from;
    }
    std::size_t to = end;
    while (to < text.size() && !IsStop(text[to])) ++to;
    if (!pieces.empty() && from - floor < kJoin) {
      pieces.back().second = to;
    } else {
      pieces.emplace_back(from, to);
    }
    floor = to;
  }
  if (!CoverLittle(pieces, text.size())) return DecodeSpans(text, limits);
  std::vector<EncodedRun> candidates;
  for (const auto& [from, to] : pieces)
    FindRuns(text.substr(from, to - from), from, limits, candidates);
  return DecodeRuns(text, candidates, limits);
}

}  // namespace riskgate::evaluate::secrets
