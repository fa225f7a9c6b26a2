#include "evaluate/threat_model/model_document.h"

#include <algorithm>

#include "core/diagnostics.h"
#include "core/json_document.h"
#include "core/text.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::threat_model {
namespace {

using core::Node;

std::string Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '#')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

// "## 3. Entry points:" -> "entry points".
std::string HeadingKey(std::string_view heading) {
  std::string text = core::AsciiLower(Trim(heading));
  std::size_t start = 0;
  while (start < text.size() && (std::isdigit(static_cast<unsigned char>(text[start])) != 0 ||
                                 text[start] == '.' || text[start] == ')' || text[start] == ' ')) {
    ++start;
  }
  text = text.substr(start);
  while (!text.empty() && (text.back() == ':' || text.back() == ' ')) text.pop_back();
  return text;
}

std::optional<core::Severity> SeverityWord(std::string_view word) {
  const std::string w = core::AsciiLower(Trim(word));
  if (w == "critical") return core::Severity::kCritical;
  if (w == "high") return core::Severity::kHigh;
  if (w == "medium" || w == "moderate") return core::Severity::kMedium;
  if (w == "low") return core::Severity::kLow;
  if (w == "info" || w == "informational" || w == "none") return core::Severity::kInfo;
  return std::nullopt;
}

// "**Mitigated** (v2.1)" -> "mitigated (v2.1)": lower case, without emphasis or a leading mark.
std::string StatusWord(std::string_view cell) {
  std::string text = core::AsciiLower(Trim(cell));
  std::string out;
  for (const char c : text) {
    if (c != '*' && c != '_' && c != '`' && c != '~') out += c;
  }
  std::size_t start = 0;
  while (start < out.size() && std::isalpha(static_cast<unsigned char>(out[start])) == 0) ++start;
  return Trim(std::string_view(out).substr(start));
}

// A table row whose status says the threat is dealt with (mitigated, closed, ...): it is not
// residual. Any other status (open, accepted, unknown words) stays residual: fail closed.
bool IsClosed(std::string_view status) {
  static constexpr std::string_view kClosed[] = {
      "mitigated",   "closed",         "resolved", "fixed",          "done",          "avoided",
      "transferred", "not applicable", "n/a",      "false positive", "false-positive"};
  for (const auto word : kClosed) {
    if (!status.starts_with(word)) continue;
    if (status.size() == word.size()) return true;
    const auto next = static_cast<unsigned char>(status[word.size()]);
    if (std::isalnum(next) == 0 && next != '-' && next != '_') return true;
  }
  return false;
}

std::vector<std::string> Cells(std::string_view row) {
  std::string text = Trim(row);
  if (text.starts_with('|')) text.erase(0, 1);
  if (text.ends_with('|')) text.pop_back();
  std::vector<std::string> cells;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find('|', pos);
    if (end == std::string::npos) end = text.size();
    cells.push_back(Trim(std::string_view(text).substr(pos, end - pos)));
    pos = end + 1;
  }
  return cells;
}

// The residual-risk table of a Markdown section: a pipe table whose header names columns such
// as Threat/Risk, Severity, Status, Owner, Accepted/Date, Expires.
void ReadRiskTable(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to,
                   std::vector<ResidualRisk>& out) {
  for (std::size_t i = from; i + 1 < to; ++i) {
    if (Trim(lines[i]).find('|') == std::string::npos) continue;
    const auto header = Cells(lines[i]);
    const std::string separator = Trim(lines[i + 1]);
    if (separator.find("---") == std::string::npos) continue;
    int title = 0, severity = -1, status = -1, owner = -1, date = -1, expires = -1;
    for (std::size_t c = 0; c < header.size(); ++c) {
      const std::string h = core::AsciiLower(header[c]);
      const int col = static_cast<int>(c);
      if (h.find("severity") != std::string::npos || h == "risk level")
        severity = col;
      else if (h.find("status") != std::string::npos)
        status = col;
      else if (h.find("owner") != std::string::npos)
        owner = col;
      else if (h.find("expir") != std::string::npos || h == "until")
        expires = col;
      else if (h.find("accepted") != std::string::npos || h == "date")
        date = col;
      else if (h.find("threat") != std::string::npos || h.find("risk") != std::string::npos)
        title = col;
    }
    if (owner < 0 && status < 0 && severity < 0) continue;  // not a risk table
    for (std::size_t r = i + 2; r < to && Trim(lines[r]).find('|') != std::string::npos; ++r) {
      const auto cells = Cells(lines[r]);
      auto cell = [&](int c) {
        return c >= 0 && static_cast<std::size_t>(c) < cells.size()
                   ? cells[static_cast<std::size_t>(c)]
                   : std::string();
      };
      ResidualRisk risk;
      risk.title = cell(title);
      risk.status = status >= 0 ? StatusWord(cell(status)) : "open";
      if (IsClosed(risk.status)) continue;  // no longer a residual risk: nobody has to own it
      if (auto s = SeverityWord(cell(severity))) {
        risk.severity = *s;
        risk.severity_known = true;
      }
      risk.owner = cell(owner);
      risk.date = cell(date);
      risk.expires = cell(expires);
      risk.line = static_cast<int>(r + 1);
      out.push_back(std::move(risk));
    }
    return;
  }
}

ModelDocument ReadMarkdown(std::string_view content, const std::vector<std::string>& required) {
  ModelDocument doc;
  doc.format = ModelFormat::kMarkdown;
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= content.size();) {
    auto end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    lines.push_back(content.substr(pos, end - pos));
    pos = end + 1;
  }
  struct Heading {
    std::size_t line;
    int level;
    std::string key;
  };
  std::vector<Heading> headings;
  bool fenced = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string t = Trim(lines[i]);
    if (t.starts_with("```") || t.starts_with("~~~")) fenced = !fenced;
    if (fenced || !t.starts_with('#')) continue;
    int level = 0;
    while (static_cast<std::size_t>(level) < t.size() && t[static_cast<std::size_t>(level)] == '#')
      ++level;
    if (level > 6 ||
        (static_cast<std::size_t>(level) < t.size() && t[static_cast<std::size_t>(level)] != ' '))
      continue;
    headings.push_back(
        {i, level, HeadingKey(std::string_view(t).substr(static_cast<std::size_t>(level)))});
    doc.names += headings.back().key + "\n";
  }
  // Element names a model lists in bullets count too ("- payments-api: ...").
  for (const auto& line : lines) {
    const std::string t = Trim(line);
    if (t.starts_with("- ") || t.starts_with("* ") || t.starts_with('|')) {
      doc.names += core::AsciiLower(t) + "\n";
    }
  }
  for (const auto& name : required) {
    Part part{name, false, false, 0};
    const std::string key = core::AsciiLower(name);
    for (std::size_t h = 0; h < headings.size(); ++h) {
      if (headings[h].key != key && !headings[h].key.starts_with(key)) continue;
      part.present = true;
      part.line = static_cast<int>(headings[h].line + 1);
      std::size_t end = lines.size();
      for (std::size_t n = h + 1; n < headings.size(); ++n) {
        if (headings[n].level <= headings[h].level) {
          end = headings[n].line;
          break;
        }
      }
      bool content_seen = false;
      for (std::size_t l = headings[h].line + 1; l < end; ++l) {
        const std::string t = Trim(lines[l]);
        if (!t.empty() && !t.starts_with('#') && !t.starts_with("<!--") && t != "TODO" &&
            t.find("<fill in") == std::string::npos) {
          content_seen = true;
        }
      }
      part.empty = !content_seen;
      if (key.find("residual") != std::string::npos) {
        ReadRiskTable(lines, headings[h].line + 1, end, doc.residual);
      }
      break;
    }
    doc.parts.push_back(part);
  }
  return doc;
}

std::string JsonText(const Node& object, std::string_view key) {
  const Node* value = object.Find(key);
  return value != nullptr && value->IsString() ? value->scalar : std::string();
}

bool JsonTrue(const Node& object, std::string_view key) {
  const Node* value = object.Find(key);
  return value != nullptr && value->IsBool() && value->scalar == "true";
}

// Which parts a structured model covers, from the kinds of element it has.
void StructuredParts(ModelDocument& doc, const std::vector<std::string>& required,
                     const std::vector<std::pair<std::string, bool>>& have) {
  for (const auto& name : required) {
    Part part{name, false, false, 0};
    const std::string key = core::AsciiLower(name);
    for (const auto& [kind, present] : have) {
      if (key.starts_with(kind)) part.present = present;
    }
    doc.parts.push_back(part);
  }
}

ModelDocument ReadThreatDragon(const Node& root, const std::vector<std::string>& required) {
  ModelDocument doc;
  doc.format = ModelFormat::kThreatDragon;
  const Node& summary = *root.Find("summary");
  const std::string model_owner = JsonText(summary, "owner");
  if (summary.IsMap()) doc.names += core::AsciiLower(JsonText(summary, "title")) + "\n";
  bool stores = false, actors = false, flows = false, boundaries = false, threats = false,
       mitigations = false;
  const Node& diagrams = *root.Find("detail")->Find("diagrams");
  for (const auto& diagram : diagrams.items) {
    if (!diagram.IsMap()) continue;
    doc.names += core::AsciiLower(JsonText(diagram, "title")) + "\n";
    const Node* cells = diagram.Find("cells");
    if (cells == nullptr || !cells->IsList()) continue;
    for (const auto& cell : cells->items) {
      if (!cell.IsMap()) continue;
      const Node* data_field = cell.Find("data");
      const Node* data = data_field != nullptr && data_field->IsMap() ? data_field : &cell;
      const std::string type = JsonText(*data, "type");
      doc.names += core::AsciiLower(JsonText(*data, "name")) + "\n";
      stores = stores || type == "tm.Store" || type == "tm.Process";
      actors = actors || type == "tm.Actor";
      flows = flows || type == "tm.Flow";
      boundaries = boundaries || type == "tm.Boundary" || JsonTrue(*data, "isTrustBoundary");
      const Node* list = nullptr;
      if (const Node* own = data->Find("threats"); own != nullptr && own->IsList()) {
        list = own;
      } else if (const Node* on_cell = cell.Find("threats");
                 on_cell != nullptr && on_cell->IsList()) {
        list = on_cell;
      }
      if (list == nullptr) continue;
      const bool out_of_scope = JsonTrue(*data, "outOfScope");
      for (const auto& threat : list->items) {
        if (!threat.IsMap()) continue;
        threats = true;
        mitigations = mitigations || !JsonText(threat, "mitigation").empty();
        const std::string status = core::AsciiLower(JsonText(threat, "status"));
        if (status != "open" || out_of_scope) continue;
        ResidualRisk risk;
        risk.title = JsonText(threat, "title");
        risk.status = status;
        if (auto s = SeverityWord(JsonText(threat, "severity"))) {
          risk.severity = *s;
          risk.severity_known = true;
        }
        risk.owner = model_owner;  // Threat Dragon has no per-threat owner
        doc.residual.push_back(std::move(risk));
      }
    }
  }
  StructuredParts(doc, required,
                  {{"assets", stores},
                   {"actors", actors},
                   {"entry points", flows},
                   {"trust boundaries", boundaries},
                   {"abuse cases", threats},
                   {"controls", mitigations},
                   {"residual risk", true}});
  return doc;
}

const core::Node* Child(const core::Node& node, std::string_view key) {
  return node.kind == core::Node::Kind::kMap ? node.Find(key) : nullptr;
}

std::string Scalar(const core::Node* node) {
  return node != nullptr && node->kind == core::Node::Kind::kScalar ? node->scalar : "";
}

ModelDocument ReadThreagile(const core::Node& root, const std::vector<std::string>& required) {
  ModelDocument doc;
  doc.format = ModelFormat::kThreagile;
  doc.names += core::AsciiLower(Scalar(Child(root, "title"))) + "\n";
  bool assets = false, actors = false, links = false;
  auto non_empty = [&](std::string_view key) {
    const auto* node = Child(root, key);
    return node != nullptr && (!node->fields.empty() || !node->items.empty());
  };
  if (const auto* technical = Child(root, "technical_assets")) {
    for (const auto& [name, asset] : technical->fields) {
      assets = true;
      doc.names +=
          core::AsciiLower(name) + "\n" + core::AsciiLower(Scalar(Child(asset, "id"))) + "\n";
      actors = actors || Scalar(Child(asset, "type")) == "external-entity";
      const auto* comm = Child(asset, "communication_links");
      links = links || (comm != nullptr && !comm->fields.empty()) ||
              Scalar(Child(asset, "internet")) == "true";
    }
  }
  assets = assets || non_empty("data_assets");
  if (const auto* tracking = Child(root, "risk_tracking")) {
    for (std::size_t i = 0; i < tracking->fields.size(); ++i) {
      const auto& [id, entry] = tracking->fields[i];
      const std::string status = core::AsciiLower(Scalar(Child(entry, "status")));
      if (status == "mitigated" || status == "false-positive") continue;
      ResidualRisk risk;
      risk.title = id;
      risk.status = status.empty() ? "unchecked" : status;
      risk.owner = Scalar(Child(entry, "checked_by"));
      risk.date = Scalar(Child(entry, "date"));
      risk.expires = Scalar(Child(entry, "expires"));
      risk.line = tracking->key_marks[i].line;
      doc.residual.push_back(std::move(risk));
    }
  }
  StructuredParts(doc, required,
                  {{"assets", assets},
                   {"actors", actors},
                   {"entry points", links},
                   {"trust boundaries", non_empty("trust_boundaries")},
                   {"abuse cases", non_empty("abuse_cases")},
                   {"controls", non_empty("security_requirements")},
                   {"residual risk", true}});
  return doc;
}

// Keys only a Threagile model has at its top level.
constexpr std::string_view kThreagileKeys[] = {"threagile_version", "technical_assets",
                                               "data_assets", "risk_tracking", "shared_runtimes"};

std::string_view WithoutBom(std::string_view content) {
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  return content;
}

// Whether the first thing in `content` (after a BOM and white space) opens a JSON object.
bool LooksLikeJson(std::string_view content) {
  content = WithoutBom(content);
  const auto first = content.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && content[first] == '{';
}

// Whether a line of `content` starts (in column 0) with one of `keys` and a colon.
template <std::size_t N>
bool HasTopLevelKey(std::string_view content, const std::string_view (&keys)[N]) {
  content = WithoutBom(content);
  for (std::size_t pos = 0; pos < content.size();) {
    auto end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = content.substr(pos, end - pos);
    for (const auto key : keys) {
      if (line.starts_with(key)) {
        const std::string rest = Trim(line.substr(key.size()));
        if (rest.starts_with(':')) return true;
      }
    }
    pos = end + 1;
  }
  return false;
}

ModelDocument ReadJson(std::string_view content, const std::vector<std::string>& required_parts) {
  content = WithoutBom(content);
  ModelDocument doc;
  doc.format = ModelFormat::kThreatDragon;
  auto root = core::ParseJson(content);
  if (!root) {
    // Refused before any structure: the whole text; else where parsing stopped.
    const core::JsonError& error = root.error();
    doc.error = error.problem == core::JsonProblem::kTooDeep ? error.detail
                                                             : "not valid JSON: " + error.detail;
    doc.error_line = std::max(1, error.mark.line);
    if (error.problem == core::JsonProblem::kTooDeep) doc.error_line = 1;
    return doc;
  }
  const Node* detail = root->Find("detail");
  const Node* diagrams = detail != nullptr ? detail->Find("diagrams") : nullptr;
  if (root->Find("summary") == nullptr || diagrams == nullptr || !diagrams->IsList()) {
    doc.error = "not a Threat Dragon v2 model (it needs `summary` and `detail.diagrams`)";
    return doc;
  }
  return ReadThreatDragon(*root, required_parts);
}

ModelDocument ReadYaml(const std::string& path, std::string_view content,
                       const std::vector<std::string>& required_parts) {
  core::Diagnostics diagnostics;
  auto root = policy::ParseYaml(content, path, diagnostics);
  ModelDocument doc;
  doc.format = ModelFormat::kThreagile;
  if (!root || !diagnostics.empty()) {
    const auto& first = diagnostics.items();
    doc.error = first.empty() ? "not valid YAML" : first.front().message;
    doc.error_line = first.empty() ? 0 : first.front().mark.line;
    return doc;
  }
  if (Child(*root, "threagile_version") == nullptr) {
    doc.error = "not a Threagile model (it has no `threagile_version`)";
    return doc;
  }
  return ReadThreagile(*root, required_parts);
}

}  // namespace

std::string_view ModelFormatName(ModelFormat format) {
  switch (format) {
    case ModelFormat::kMarkdown:
      return "Markdown";
    case ModelFormat::kThreatDragon:
      return "Threat Dragon";
    case ModelFormat::kThreagile:
      return "Threagile";
  }
  return "Markdown";
}

ModelDocument ReadModel(const std::string& path, std::string_view content,
                        const std::vector<std::string>& required_parts) {
  // By content first: a JSON object is a Threat Dragon model whatever the file is called, and
  // `threagile_version:` makes a Threagile one (its other keys do when the YAML reads). The
  // name only decides what a file that is neither is: a `.json` or `.yaml` that is not a model
  // is unparsable, anything else Markdown.
  const std::string lower = core::AsciiLower(path);
  const bool json_name = lower.ends_with(".json");
  const bool yaml_name = lower.ends_with(".yaml") || lower.ends_with(".yml");
  constexpr std::string_view kVersionKey[] = {"threagile_version"};
  if (LooksLikeJson(content)) return ReadJson(content, required_parts);
  if (HasTopLevelKey(content, kVersionKey)) return ReadYaml(path, content, required_parts);
  if (HasTopLevelKey(content, kThreagileKeys)) {
    ModelDocument doc = ReadYaml(path, content, required_parts);
    if (doc.error.empty() || yaml_name) return doc;
  }
  if (json_name) return ReadJson(content, required_parts);
  if (yaml_name) return ReadYaml(path, content, required_parts);
  return ReadMarkdown(content, required_parts);
}

bool HasOwner(const ResidualRisk& risk) {
  const std::string owner = core::AsciiLower(Trim(risk.owner));
  return !(owner.empty() || owner == "tbd" || owner == "-" || owner == "?" || owner == "n/a" ||
           owner.find("<fill in") != std::string::npos);
}

bool Mentions(const ModelDocument& document, std::string_view name) {
  const std::string needle = core::AsciiLower(Trim(name));
  if (needle.empty()) return false;
  const std::string& hay = document.names;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    const std::size_t end = at + needle.size();
    // A boundary is needed only where the name itself begins or ends with a word character:
    // "api" is not in "rapid", but "/v1/" may sit inside "get /v1/charges".
    const bool open_ok = at == 0 || !word(needle.front()) || !word(hay[at - 1]);
    const bool close_ok = end == hay.size() || !word(needle.back()) || !word(hay[end]);
    if (open_ok && close_ok) return true;
  }
  return false;
}

}  // namespace riskgate::evaluate::threat_model
