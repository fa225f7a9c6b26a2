#include "evaluate/threat_model/model_document.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "policy/diagnostics.h"
#include "policy/yaml_document.h"

namespace riskgate::evaluate::threat_model {
namespace {

using nlohmann::json;

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
      risk.status = status >= 0 ? core::AsciiLower(cell(status)) : "open";
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

std::string JsonText(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
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

ModelDocument ReadThreatDragon(const json& root, const std::vector<std::string>& required) {
  ModelDocument doc;
  doc.format = ModelFormat::kThreatDragon;
  const json& summary = root["summary"];
  const std::string model_owner = summary.is_object() ? JsonText(summary, "owner") : "";
  if (summary.is_object()) doc.names += core::AsciiLower(JsonText(summary, "title")) + "\n";
  bool stores = false, actors = false, flows = false, boundaries = false, threats = false,
       mitigations = false;
  const json& diagrams = root["detail"]["diagrams"];
  for (const auto& diagram : diagrams) {
    if (!diagram.is_object()) continue;
    doc.names += core::AsciiLower(JsonText(diagram, "title")) + "\n";
    auto cells = diagram.find("cells");
    if (cells == diagram.end() || !cells->is_array()) continue;
    for (const auto& cell : *cells) {
      if (!cell.is_object()) continue;
      const json* data = cell.contains("data") && cell["data"].is_object() ? &cell["data"] : &cell;
      const std::string type = JsonText(*data, "type");
      doc.names += core::AsciiLower(JsonText(*data, "name")) + "\n";
      stores = stores || type == "tm.Store" || type == "tm.Process";
      actors = actors || type == "tm.Actor";
      flows = flows || type == "tm.Flow";
      boundaries = boundaries || type == "tm.Boundary" ||
                   (data->contains("isTrustBoundary") && (*data)["isTrustBoundary"] == true);
      const json* list = nullptr;
      if (data->contains("threats") && (*data)["threats"].is_array())
        list = &(*data)["threats"];
      else if (cell.contains("threats") && cell["threats"].is_array())
        list = &cell["threats"];
      if (list == nullptr) continue;
      const bool out_of_scope = data->contains("outOfScope") && (*data)["outOfScope"] == true;
      for (const auto& threat : *list) {
        if (!threat.is_object()) continue;
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

const policy::YamlNode* Child(const policy::YamlNode& node, std::string_view key) {
  return node.kind == policy::YamlNode::Kind::kMap ? node.Find(key) : nullptr;
}

std::string Scalar(const policy::YamlNode* node) {
  return node != nullptr && node->kind == policy::YamlNode::Kind::kScalar ? node->scalar : "";
}

ModelDocument ReadThreagile(const policy::YamlNode& root,
                            const std::vector<std::string>& required) {
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
  const std::string lower = core::AsciiLower(path);
  if (lower.ends_with(".json")) {
    ModelDocument doc;
    doc.format = ModelFormat::kThreatDragon;
    json root;
    try {
      root = json::parse(content.begin(), content.end());
    } catch (const json::parse_error& e) {
      // Locate the error: the line of the byte where parsing stopped.
      // e.byte is 1-based: the line holds the byte before it.
      const auto before = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, content.size());
      doc.error = "not valid JSON";
      doc.error_line = 1 + static_cast<int>(std::count(
                               content.begin(), content.begin() + static_cast<long>(before), '\n'));
      return doc;
    }
    if (!root.is_object() || !root.contains("summary") || !root.contains("detail") ||
        !root["detail"].is_object() || !root["detail"].contains("diagrams") ||
        !root["detail"]["diagrams"].is_array()) {
      doc.error = "not a Threat Dragon v2 model (it needs `summary` and `detail.diagrams`)";
      return doc;
    }
    return ReadThreatDragon(root, required_parts);
  }
  if (lower.ends_with(".yaml") || lower.ends_with(".yml")) {
    policy::Diagnostics diagnostics;
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
  return ReadMarkdown(content, required_parts);
}

bool HasOwner(const ResidualRisk& risk) {
  const std::string owner = core::AsciiLower(Trim(risk.owner));
  return !(owner.empty() || owner == "tbd" || owner == "-" || owner == "?" || owner == "n/a" ||
           owner.find("<fill in") != std::string::npos);
}

bool Mentions(const ModelDocument& document, std::string_view name) {
  const std::string needle = core::AsciiLower(name);
  return !needle.empty() && document.names.find(needle) != std::string::npos;
}

}  // namespace riskgate::evaluate::threat_model
