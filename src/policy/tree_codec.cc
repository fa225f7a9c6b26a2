#include "policy/tree_codec.h"

#include <charconv>

namespace riskgate::policy {
namespace {

// node   := kind line ';' column ';' text(tag) body
// body   := (null) | text(scalar) quoted | count (node)* | count (text(key) line ';' column ';'
// node)* text   := length ';' bytes;  count := number ';';  kind := 'N' | 'S' | 'L' | 'M'
constexpr int kMaxDepth = 100;  // the YAML reader stops at 64

void Number(std::string& out, long long value) { out += std::to_string(value) + ";"; }

void Text(std::string& out, std::string_view text) {
  Number(out, static_cast<long long>(text.size()));
  out += text;
}

void Encode(const core::Node& node, std::string& out) {
  static constexpr char kKinds[] = {'N', 'S', 'L', 'M'};
  out += kKinds[static_cast<int>(node.kind)];
  Number(out, node.mark.line);
  Number(out, node.mark.column);
  Text(out, node.tag);
  switch (node.kind) {
    case core::Node::Kind::kNull:
      break;
    case core::Node::Kind::kScalar:
      Text(out, node.scalar);
      out += node.quoted ? '1' : '0';
      break;
    case core::Node::Kind::kSequence:
      Number(out, static_cast<long long>(node.items.size()));
      for (const auto& item : node.items) Encode(item, out);
      break;
    case core::Node::Kind::kMap:
      Number(out, static_cast<long long>(node.fields.size()));
      for (std::size_t i = 0; i < node.fields.size(); ++i) {
        Text(out, node.fields[i].first);
        Number(out, node.key_marks[i].line);
        Number(out, node.key_marks[i].column);
        Encode(node.fields[i].second, out);
      }
      break;
  }
}

class Decoder {
 public:
  explicit Decoder(std::string_view text) : text_(text) {}

  bool Decode(core::Node& node, int depth) {
    if (depth > kMaxDepth || pos_ >= text_.size()) return false;
    const std::string_view kinds = "NSLM";
    const auto kind = kinds.find(text_[pos_++]);
    if (kind == std::string_view::npos) return false;
    node.kind = static_cast<core::Node::Kind>(kind);
    if (!Int(node.mark.line) || !Int(node.mark.column) || !Text(node.tag)) return false;
    std::size_t count = 0;
    switch (node.kind) {
      case core::Node::Kind::kNull:
        return true;
      case core::Node::Kind::kScalar:
        if (!Text(node.scalar) || pos_ >= text_.size()) return false;
        node.quoted = text_[pos_++] == '1';
        return true;
      case core::Node::Kind::kSequence:
        if (!Count(count)) return false;
        node.items.resize(count);
        for (auto& item : node.items) {
          if (!Decode(item, depth + 1)) return false;
        }
        return true;
      case core::Node::Kind::kMap:
        if (!Count(count)) return false;
        node.fields.resize(count);
        node.key_marks.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
          if (!Text(node.fields[i].first) || !Int(node.key_marks[i].line) ||
              !Int(node.key_marks[i].column) || !Decode(node.fields[i].second, depth + 1)) {
            return false;
          }
        }
        return true;
    }
    return false;
  }
  bool AtEnd() const { return pos_ == text_.size(); }

 private:
  bool Int(int& value) {
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr == end || *ptr != ';') return false;
    pos_ += static_cast<std::size_t>(ptr - begin) + 1;
    return true;
  }
  // A count or length, never more than the bytes left (each item takes at least one).
  bool Count(std::size_t& value) {
    int number = 0;
    if (!Int(number) || number < 0 || static_cast<std::size_t>(number) > text_.size() - pos_) {
      return false;
    }
    value = static_cast<std::size_t>(number);
    return true;
  }
  bool Text(std::string& value) {
    std::size_t length = 0;
    if (!Count(length)) return false;
    value.assign(text_.substr(pos_, length));
    pos_ += length;
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string EncodeTree(const core::Node& node) {
  std::string out;
  Encode(node, out);
  return out;
}

std::optional<core::Node> DecodeTree(std::string_view text) {
  Decoder decoder(text);
  core::Node root;
  if (!decoder.Decode(root, 0) || !decoder.AtEnd()) return std::nullopt;
  return root;
}

}  // namespace riskgate::policy
