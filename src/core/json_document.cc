// The only reader of JSON text: nlohmann's SAX parser validates the grammar and UTF-8 and
// decodes strings and never recurses; this file builds the located tree from its events. SAX
// events carry no position, so a shadow scan walks the same tokens in the same order (each one
// already validated by the parser) to find where each starts.
#include "core/json_document.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <vector>

#include "core/text.h"

namespace riskgate::core {
namespace {

using nlohmann::json;

// Past this many keys an object's duplicate check uses a hash set instead of a scan.
constexpr std::size_t kLinearKeys = 16;

// At most `limit` bytes of untrusted `text` for a message, escaped for a terminal.
std::string Shown(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return EscapeForDisplay(text);
  return EscapeForDisplay(text.substr(0, limit)) + "...";
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column 2: "
// prefix (we give our own position), escaped: it quotes the input it stopped at.
std::string LibraryDetail(const json::exception& error) {
  std::string_view text = error.what();
  if (const auto close = text.find("] "); text.starts_with("[") && close != text.npos) {
    text.remove_prefix(close + 2);
  }
  if (text.starts_with("parse error")) {
    if (const auto colon = text.find(": "); colon != text.npos) text.remove_prefix(colon + 2);
  }
  return Shown(text, 200);  // its "last read" quotes a whole token, however long
}

class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, const JsonLimits& limits) : text_(text), limits_(limits) {
    if (text_.starts_with("\xEF\xBB\xBF")) cursor_ = 3;  // nlohmann skips a UTF-8 BOM
  }

  // The SAX interface (nlohmann::json_sax). Returning false stops the parse.
  bool null() { return Value(Scalar(TokenStart(), 4), Node::Kind::kNull, "", false); }
  bool boolean(bool value) {
    const std::size_t start = TokenStart();
    Scalar(start, value ? 4 : 5);
    return Value(start, Node::Kind::kScalar, value ? "true" : "false", false);
  }
  bool number_integer(json::number_integer_t) { return Number(); }
  bool number_unsigned(json::number_unsigned_t) { return Number(); }
  bool number_float(json::number_float_t, const std::string&) { return Number(); }
  bool string(std::string& value) {
    const std::size_t start = TokenStart();
    SkipString(start);
    return Value(start, Node::Kind::kScalar, std::move(value), true);
  }
  bool binary(json::binary_t&) { return false; }  // never produced by the JSON grammar
  bool start_object(std::size_t) { return Open(Node::Kind::kMap); }
  bool start_array(std::size_t) { return Open(Node::Kind::kSequence); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool key(std::string& name) {
    const std::size_t start = TokenStart();
    SkipString(start);
    Node& map = *open_.back();
    if (IsDuplicate(map, name)) {
      return Fail(JsonProblem::kDuplicateKey, MarkAt(start),
                  "duplicate key '" + Shown(name, 100) + "'");
    }
    map.key_marks.push_back(MarkAt(start));
    map.fields.push_back(NodeField{std::move(name), Node{}});
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const json::exception& error) {
    // `position` counts the bytes read, the offending one included.
    const std::size_t at = std::min(position > 0 ? position - 1 : 0, text_.size());
    if (!error_) Fail(JsonProblem::kSyntax, MarkAt(std::max(at, counted_)), LibraryDetail(error));
    return false;
  }

  bool failed() const { return error_.has_value(); }
  const JsonError& error() const { return *error_; }
  Node& root() { return root_; }

 private:
  bool Fail(JsonProblem problem, Mark mark, std::string detail) {
    if (error_) return false;
    error_.emplace();
    error_->problem = problem;
    error_->mark = std::move(mark);
    error_->detail = std::move(detail);
    return false;
  }

  // Skips white space and the separators the parser consumed without an event.
  std::size_t TokenStart() {
    while (cursor_ < text_.size()) {
      const char c = text_[cursor_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
      ++cursor_;
    }
    return cursor_;
  }
  std::size_t Scalar(std::size_t start, std::size_t length) {
    cursor_ = std::min(start + length, text_.size());
    return start;
  }
  void SkipString(std::size_t start) {
    std::size_t i = start + 1;
    while (i < text_.size() && text_[i] != '"') i += text_[i] == '\\' ? 2 : 1;
    cursor_ = std::min(i + 1, text_.size());
  }
  bool Number() {
    const std::size_t start = TokenStart();
    std::size_t end = start;
    while (end < text_.size() &&
           std::string_view("0123456789+-.eE").find(text_[end]) != std::string_view::npos) {
      ++end;
    }
    cursor_ = end;
    return Value(start, Node::Kind::kScalar, std::string(text_.substr(start, end - start)), false);
  }

  // The 1-based position of byte `offset`; offsets only grow, so lines are counted once.
  Mark MarkAt(std::size_t offset) {
    for (; counted_ < offset; ++counted_) {
      if (text_[counted_] == '\n') {
        ++line_;
        line_start_ = counted_ + 1;
      }
    }
    return Mark{line_, static_cast<int>(offset - line_start_ + 1)};
  }

  // Where the next value goes: the root, the end of the open list, or the open map's last key.
  Node* Slot() {
    if (open_.empty()) return &root_;
    Node& parent = *open_.back();
    if (parent.kind == Node::Kind::kSequence) return &parent.items.emplace_back();
    return &parent.fields.back().second;
  }
  bool Count(std::size_t start) {
    if (++nodes_ <= limits_.max_nodes) return true;
    return Fail(JsonProblem::kTooManyNodes, MarkAt(start),
                "more than " + std::to_string(limits_.max_nodes) + " values");
  }
  bool Value(std::size_t start, Node::Kind kind, std::string scalar, bool quoted) {
    if (!Count(start)) return false;
    Node* node = Slot();
    node->kind = kind;
    node->mark = MarkAt(start);
    node->scalar = std::move(scalar);
    node->quoted = quoted;
    return true;
  }
  bool Open(Node::Kind kind) {
    const std::size_t start = TokenStart();
    cursor_ = start + 1;
    if (open_.size() >= static_cast<std::size_t>(limits_.max_depth)) {
      return Fail(JsonProblem::kTooDeep, MarkAt(start),
                  "JSON nested more than " + std::to_string(limits_.max_depth) + " levels deep");
    }
    if (!Value(start, kind, "", false)) return false;
    Node* node = open_.empty() ? &root_ : LastValue(*open_.back());
    open_.push_back(node);
    key_sets_.emplace_back();
    return true;
  }
  bool Close() {
    cursor_ = TokenStart() + 1;
    open_.pop_back();
    key_sets_.pop_back();
    return true;
  }
  static Node* LastValue(Node& parent) {
    return parent.kind == Node::Kind::kSequence ? &parent.items.back()
                                                : &parent.fields.back().second;
  }
  bool IsDuplicate(const Node& map, const std::string& name) {
    auto& keys = key_sets_.back();
    if (map.fields.size() < kLinearKeys) {
      for (const auto& field : map.fields) {
        if (field.first == name) return true;
      }
      return false;
    }
    if (keys.empty()) {
      for (const auto& field : map.fields) keys.insert(field.first);
    }
    return !keys.insert(name).second;
  }

  std::string_view text_;
  JsonLimits limits_;
  std::size_t cursor_ = 0;  // just past the last token an event was given for
  std::size_t counted_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  std::size_t nodes_ = 0;
  Node root_;
  // The open arrays and objects, innermost last. Pointers stay valid: a container is only
  // appended to while it is the innermost, and its parent is not appended to until it closes.
  std::vector<Node*> open_;
  std::vector<std::unordered_set<std::string>> key_sets_;
  std::optional<JsonError> error_;
};

// An error about the whole text, at no position.
JsonError Unplaced(JsonProblem problem, std::string detail) {
  JsonError error;
  error.problem = problem;
  error.detail = std::move(detail);
  return error;
}

}  // namespace

std::string JsonError::ToString() const {
  if (mark.line <= 0) return detail;
  return "line " + std::to_string(mark.line) + ", column " + std::to_string(mark.column) + ": " +
         detail;
}

std::string JsonError::Located(std::string_view name) const {
  std::string out(name);
  if (mark.line > 0) out += ":" + std::to_string(mark.line) + ":" + std::to_string(mark.column);
  return out + ": " + detail;
}

tl::expected<Node, JsonError> ParseJson(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return tl::unexpected(Unplaced(
        JsonProblem::kTooLarge, "JSON text of " + std::to_string(text.size()) +
                                    " bytes is larger than " + std::to_string(limits.max_bytes)));
  }
  // JSON allows no raw NUL (in a string it is written \u0000); the parser would stop there and
  // leave the rest of the text unread.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    JsonError error = Unplaced(JsonProblem::kSyntax, "a NUL byte, which JSON does not allow");
    error.mark.line = 1 + static_cast<int>(std::count(
                              text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
    const auto line_start = text.rfind('\n', nul);
    error.mark.column =
        static_cast<int>(nul - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
    return tl::unexpected(error);
  }
  TreeBuilder builder(text, limits);
  bool ok = false;
  try {
    ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json,
                         /*strict=*/true, /*ignore_comments=*/false);
  } catch (const json::exception& error) {
    builder.parse_error(text.size() + 1, "", error);
  }
  if (builder.failed()) return tl::unexpected(builder.error());
  if (!ok) return tl::unexpected(Unplaced(JsonProblem::kSyntax, "not valid JSON"));
  return std::move(builder.root());
}

std::string JsonQuote(std::string_view text) {
  return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace riskgate::core
