#include "policy/yaml_emit.h"

namespace riskgate::policy {
namespace {

bool NeedsQuotes(const core::Node& node) {
  const std::string& s = node.scalar;
  if (node.quoted || s.empty()) return true;
  if (s.find_first_of(":#{}[],&*!|>'\"%@`\n\t") != std::string::npos) return true;
  return s.front() == ' ' || s.back() == ' ' || s.front() == '-' || s.front() == '?';
}

std::string Scalar(const core::Node& node) {
  if (node.kind == core::Node::Kind::kNull) return "null";
  if (!NeedsQuotes(node)) return node.scalar;
  return core::JsonOut(node.scalar).Dump(-1);
}

class Emitter {
 public:
  Emitter(Origins origins, const std::string& fallback) : origins_(origins), fallback_(fallback) {}

  void Value(const core::Node& node, int indent) {
    if (node.kind == core::Node::Kind::kMap && !node.fields.empty()) {
      for (std::size_t i = 0; i < node.fields.size(); ++i) {
        const auto& [key, value] = node.fields[i];
        Pad(indent);
        out_ += KeyText(key) + ":";
        Child(value, indent, node.key_marks[i]);
      }
    } else if (node.kind == core::Node::Kind::kSequence && !node.items.empty()) {
      for (const auto& item : node.items) {
        Pad(indent);
        out_ += "-";
        Child(item, indent, item.mark);
      }
    } else {
      Pad(indent);
      out_ += Inline(node);
      Origin(node.mark);
    }
  }

  std::string Take() { return std::move(out_); }

 private:
  static std::string KeyText(const std::string& key) {
    core::Node k;
    k.kind = core::Node::Kind::kScalar;
    k.scalar = key;
    return Scalar(k);
  }

  static std::string Inline(const core::Node& node) {
    if (node.kind == core::Node::Kind::kMap) return "{}";
    if (node.kind == core::Node::Kind::kSequence) return "[]";
    return Scalar(node);
  }

  void Child(const core::Node& value, int indent, const core::Mark& mark) {
    const bool nested = (value.kind == core::Node::Kind::kMap && !value.fields.empty()) ||
                        (value.kind == core::Node::Kind::kSequence && !value.items.empty());
    if (nested) {
      Origin(mark);
      Value(value, indent + 2);
    } else {
      out_ += " " + Inline(value);
      Origin(value.mark.line > 0 ? value.mark : mark);
    }
  }

  void Origin(const core::Mark& mark) {
    if (origins_ == Origins::kShow && mark.line > 0) {
      out_ += "  # " + (mark.file ? *mark.file : fallback_) + ":" + std::to_string(mark.line);
    }
    out_ += "\n";
  }

  void Pad(int indent) { out_.append(static_cast<std::size_t>(indent), ' '); }

  Origins origins_;
  const std::string& fallback_;
  std::string out_;
};

}  // namespace

core::JsonOut PlainJson(const core::Node& node) {
  switch (node.kind) {
    case core::Node::Kind::kNull:
      return nullptr;
    case core::Node::Kind::kSequence: {
      auto out = core::JsonOut::Array();
      for (const auto& item : node.items) out.Push(PlainJson(item));
      return out;
    }
    case core::Node::Kind::kMap: {
      auto out = core::JsonOut::Object();
      for (const auto& [key, value] : node.fields) out.Set(key, PlainJson(value));
      return out;
    }
    case core::Node::Kind::kScalar:
      break;
  }
  const std::string& s = node.scalar;
  if (!node.quoted) {
    if (s == "true" || s == "false") return s == "true";
    if (s == "null" || s == "~") return nullptr;
    if (!s.empty() && s.size() < 19 &&
        s.find_first_not_of("0123456789", s[0] == '-' ? 1 : 0) == std::string::npos && s != "-") {
      return std::stoll(s);
    }
  }
  return s;
}

std::string EmitYaml(const core::Node& node, Origins origins, const std::string& fallback_file) {
  Emitter emitter(origins, fallback_file);
  emitter.Value(node, 0);
  return emitter.Take();
}

}  // namespace riskgate::policy
