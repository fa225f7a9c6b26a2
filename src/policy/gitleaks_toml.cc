#include "policy/gitleaks_toml.h"

#include <toml++/toml.h>
#include <charconv>

#include "core/text.h"

namespace riskgate::policy {
namespace {

constexpr std::size_t kMaxTomlBytes = 8 << 20;
constexpr int kMaxDepth = 32;

core::Mark MarkOf(const toml::source_region& region) {
  return core::Mark{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string FloatText(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return "nan";
  return std::string(buffer, end);
}

class Converter {
 public:
  Converter(const std::string& file, core::Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  core::Node Convert(const toml::node& node, int depth) {
    core::Node out;
    out.mark = MarkOf(node.source());
    if (depth > kMaxDepth) {
      diagnostics_.Add(file_, out.mark, "", "nested deeper than " + std::to_string(kMaxDepth));
      return out;
    }
    if (const auto* table = node.as_table()) {
      out.kind = core::Node::Kind::kMap;
      for (auto&& [key, value] : *table) {
        std::string name = core::AsciiLower(key.str());
        if (out.Find(name) != nullptr) {
          diagnostics_.Add(file_, MarkOf(key.source()), name,
                           "key given twice (gitleaks keys are case-insensitive)");
          continue;
        }
        out.key_marks.push_back(MarkOf(key.source()));
        out.fields.push_back(core::NodeField{std::move(name), Convert(value, depth + 1)});
      }
    } else if (const auto* array = node.as_array()) {
      out.kind = core::Node::Kind::kSequence;
      for (const auto& item : *array) out.items.push_back(Convert(item, depth + 1));
    } else if (const auto* text = node.as_string()) {
      out.kind = core::Node::Kind::kScalar;
      out.quoted = true;
      out.scalar = text->get();
    } else if (const auto* integer = node.as_integer()) {
      out.kind = core::Node::Kind::kScalar;
      out.scalar = std::to_string(integer->get());
    } else if (const auto* number = node.as_floating_point()) {
      out.kind = core::Node::Kind::kScalar;
      out.scalar = FloatText(number->get());
    } else if (const auto* boolean = node.as_boolean()) {
      out.kind = core::Node::Kind::kScalar;
      out.scalar = boolean->get() ? "true" : "false";
    } else {
      // Dates and times: gitleaks has no such field; keep the text so a type error can name it.
      out.kind = core::Node::Kind::kScalar;
      out.quoted = true;
      out.scalar = "(a TOML date or time)";
    }
    return out;
  }

 private:
  const std::string& file_;
  core::Diagnostics& diagnostics_;
};

}  // namespace

std::optional<core::Node> ParseToml(std::string_view text, const std::string& file,
                                    core::Diagnostics& diagnostics) {
  if (text.size() > kMaxTomlBytes) {
    diagnostics.Add(file, {}, "",
                    "the file is larger than " + std::to_string(kMaxTomlBytes >> 20) + " MiB");
    return std::nullopt;
  }
  try {
    const toml::table root = toml::parse(text, file);
    Converter converter(file, diagnostics);
    return converter.Convert(root, 0);
  } catch (const toml::parse_error& error) {
    diagnostics.Add(file, MarkOf(error.source()), "",
                    "TOML syntax error: " + std::string(error.description()));
    return std::nullopt;
  }
}

}  // namespace riskgate::policy
