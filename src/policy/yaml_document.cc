#include "policy/yaml_document.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace riskgate::policy {
namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxNodes = 200000;

core::Mark ToMark(const YAML::Mark& m) {
  if (m.is_null()) return {};
  return core::Mark{m.line + 1, m.column + 1};
}

class Converter {
 public:
  Converter(std::string_view text, const std::string& file, core::Diagnostics& diagnostics)
      : text_(text), file_(file), diagnostics_(diagnostics) {}

  bool failed() const { return failed_; }

  // yaml-cpp ends an unterminated quoted string at the end of the input without an error, so
  // the rest of the file silently becomes part of it.
  void RequireClosingQuote(const YAML::Mark& at, core::Mark mark) {
    if (at.is_null() || at.pos < 0 || static_cast<std::size_t>(at.pos) >= text_.size()) return;
    const auto start = static_cast<std::size_t>(at.pos);
    const char quote = text_[start];
    if (quote != '\'' && quote != '"') return;
    for (std::size_t i = start + 1; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;  // '' is a quote inside a single-quoted string
          continue;
        }
        return;
      }
    }
    Fail(mark, std::string("invalid YAML: this ") + (quote == '"' ? "double" : "single") +
                   "-quoted string is never closed");
  }

  // How a key YAML reads as null is written (`null`, `Null`, `NULL`, `~`), from the text; ""
  // for an empty key.
  std::string NullKeyName(const YAML::Node& key) const {
    const YAML::Mark at = key.Mark();
    if (at.is_null() || at.pos < 0 || static_cast<std::size_t>(at.pos) >= text_.size()) return "";
    const std::string_view rest = text_.substr(static_cast<std::size_t>(at.pos));
    for (const std::string_view spelling : {"null", "Null", "NULL", "~"}) {
      if (rest.starts_with(spelling)) return std::string(spelling);
    }
    return "";
  }

  core::Node Convert(const YAML::Node& node, int depth) {
    core::Node out;
    out.mark = ToMark(node.Mark());
    if (failed_) return out;
    if (++nodes_ > kMaxNodes) {
      Fail(out.mark,
           "document has more than " + std::to_string(kMaxNodes) + " nodes (alias expansion?)");
      return out;
    }
    if (depth > kMaxDepth) {
      Fail(out.mark, "document nests deeper than " + std::to_string(kMaxDepth) + " levels");
      return out;
    }
    if (const std::string& tag = node.Tag(); !tag.empty() && tag != "?" && tag != "!") {
      out.tag = tag;
    }
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = core::Node::Kind::kNull;
        break;
      case YAML::NodeType::Scalar:
        out.kind = core::Node::Kind::kScalar;
        out.scalar = node.Scalar();
        out.quoted = node.Tag() == "!";
        if (out.quoted) RequireClosingQuote(node.Mark(), out.mark);
        break;
      case YAML::NodeType::Sequence:
        out.kind = core::Node::Kind::kSequence;
        for (const auto& item : node) out.items.push_back(Convert(item, depth + 1));
        break;
      case YAML::NodeType::Map: {
        out.kind = core::Node::Kind::kMap;
        std::set<std::string> seen;
        for (const auto& entry : node) {
          const core::Mark key_mark = ToMark(entry.first.Mark());
          if (entry.first.Tag() == "!") RequireClosingQuote(entry.first.Mark(), key_mark);
          // `null:` (or `~:`) is a key YAML reads as null; the platforms read it as the name.
          if (!entry.first.IsScalar() && !entry.first.IsNull()) {
            diagnostics_.Add(file_, key_mark, "", "map keys must be plain scalars");
            continue;
          }
          const std::string key =
              entry.first.IsNull() ? NullKeyName(entry.first) : entry.first.Scalar();
          if (!seen.insert(key).second) {
            diagnostics_.Add(file_, key_mark, key, "duplicate key");
            continue;
          }
          out.key_marks.push_back(key_mark);
          out.fields.push_back(core::NodeField{key, Convert(entry.second, depth + 1)});
        }
        break;
      }
    }
    return out;
  }

 private:
  void Fail(core::Mark mark, std::string message) {
    failed_ = true;
    diagnostics_.Add(file_, mark, "", std::move(message));
  }

  std::string_view text_;
  const std::string& file_;
  core::Diagnostics& diagnostics_;
  std::size_t nodes_ = 0;
  bool failed_ = false;
};

}  // namespace

namespace {

// Remembers where each document starts and ignores everything else.
class DocumentStarts : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { marks_.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
  const std::vector<YAML::Mark>& marks() const { return marks_; }

 private:
  std::vector<YAML::Mark> marks_;
};

// Where the first `limit` documents of the text start (fewer when it has fewer). Throws
// YAML::Exception on bad syntax.
std::vector<YAML::Mark> DocumentStartMarks(std::string_view text, std::size_t limit) {
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  DocumentStarts starts;
  while (starts.marks().size() < limit && parser.HandleNextDocument(starts)) {
  }
  return starts.marks();
}

// Where a second document starts, if the text has one. Throws YAML::Exception on bad syntax.
std::optional<YAML::Mark> SecondDocumentStart(std::string_view text) {
  const auto marks = DocumentStartMarks(text, 2);
  if (marks.size() < 2) return std::nullopt;
  return marks[1];
}

// The text with everything before byte `begin` blanked (newlines kept, so marks stay those of
// the whole text) and everything from byte `end` on cut.
std::string DocumentSlice(std::string_view text, std::size_t begin, std::size_t end) {
  std::string out(text.substr(0, end));
  for (std::size_t i = 0; i < begin && i < out.size(); ++i) {
    if (out[i] != '\n' && out[i] != '\r') out[i] = ' ';
  }
  return out;
}

// yaml-cpp returns a null document, without an error, for some invalid starts (a leading ',').
// A null document is only honest when the text holds nothing but comments, blank lines, document
// markers, directives or an explicit null; otherwise this is the first line with content.
std::optional<int> UnreadContentLine(std::string_view text) {
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    ++number;
    start = end + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.starts_with('#') || line.starts_with('%') || line == "---" ||
        line == "..." || line == "~" || line == "null" || line == "Null" || line == "NULL") {
      continue;
    }
    return number;
  }
  return std::nullopt;
}

}  // namespace

std::optional<core::Node> ParseYaml(std::string_view text, const std::string& file,
                                    core::Diagnostics& diagnostics) {
  // yaml-cpp stops reading at a NUL byte and returns what came before without an error, which
  // would hide the rest of the file. YAML does not allow NUL: reject it where it is.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto before = text.substr(0, nul);
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const auto line_start = before.rfind('\n');
    const int column =
        static_cast<int>(nul - (line_start == std::string_view::npos ? 0 : line_start + 1)) + 1;
    diagnostics.Add(file, core::Mark{line, column}, "",
                    "invalid YAML: a NUL byte (YAML forbids it)");
    return std::nullopt;
  }
  YAML::Node root;
  try {
    // Load returns the first document and silently drops any other; LoadAll can loop forever
    // on some invalid input. So count documents with the event parser, stopping at two.
    if (const auto second = SecondDocumentStart(text)) {
      diagnostics.Add(file, ToMark(*second), "",
                      "invalid YAML: a second document starts here; riskgate reads files of "
                      "one document (remove the '---' or '%' line)");
      return std::nullopt;
    }
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    diagnostics.Add(file, ToMark(e.mark), "", "invalid YAML: " + e.msg);
    return std::nullopt;
  } catch (const std::exception& e) {
    diagnostics.Add(file, {}, "", std::string("invalid YAML: ") + e.what());
    return std::nullopt;
  }
  if (root.IsNull()) {
    if (const auto line = UnreadContentLine(text)) {
      diagnostics.Add(file, core::Mark{*line, 1}, "",
                      "invalid YAML: the parser read nothing from this line on (does the document "
                      "start with a stray ',', ']' or '}'?)");
      return std::nullopt;
    }
  }
  try {
    Converter converter(text, file, diagnostics);
    core::Node tree = converter.Convert(root, 0);
    if (converter.failed()) return std::nullopt;
    return tree;
  } catch (const YAML::Exception& e) {
    diagnostics.Add(file, ToMark(e.mark), "", "invalid YAML: " + e.msg);
    return std::nullopt;
  }
}

std::optional<std::vector<core::Node>> ParseYamlDocuments(std::string_view text,
                                                          const std::string& file,
                                                          std::size_t max_documents,
                                                          core::Diagnostics& diagnostics) {
  std::vector<YAML::Mark> marks;
  if (text.find('\0') == std::string_view::npos) {
    try {
      marks = DocumentStartMarks(text, max_documents + 1);
    } catch (const YAML::Exception& e) {
      diagnostics.Add(file, ToMark(e.mark), "", "invalid YAML: " + e.msg);
      return std::nullopt;
    }
  }
  if (marks.size() > max_documents) {
    diagnostics.Add(file, ToMark(marks[max_documents]), "",
                    "invalid YAML: document " + std::to_string(max_documents + 1) +
                        " starts here; this file holds at most " + std::to_string(max_documents));
    return std::nullopt;
  }
  if (marks.size() < 2) {  // one document (or none, or a NUL byte ParseYaml reports)
    auto root = ParseYaml(text, file, diagnostics);
    if (!root) return std::nullopt;
    return std::vector<core::Node>{std::move(*root)};
  }
  // yaml-cpp counts positions after a UTF-8 byte order mark.
  const std::size_t bom = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const auto offset = [bom](const YAML::Mark& mark) {
    return bom + static_cast<std::size_t>(std::max(0, mark.pos));
  };
  std::vector<core::Node> out;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const std::size_t begin = i == 0 ? 0 : offset(marks[i]);
    const std::size_t end = i + 1 < marks.size() ? offset(marks[i + 1]) : text.size();
    if (begin > end || end > text.size()) {
      diagnostics.Add(file, ToMark(marks[i]), "", "invalid YAML: documents out of order");
      return std::nullopt;
    }
    auto root = ParseYaml(DocumentSlice(text, begin, end), file, diagnostics);
    if (!root) return std::nullopt;
    out.push_back(std::move(*root));
  }
  return out;
}

}  // namespace riskgate::policy
