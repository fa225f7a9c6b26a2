#include "policy/waivers.h"

#include <algorithm>
#include <set>

#include "core/field_reader.h"
#include "core/path_glob.h"
#include "core/text.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {
namespace {

std::optional<core::Day> ReadDate(const core::Node& map, std::string_view key,
                                  const std::string& field, core::FieldReader& reader) {
  auto text = reader.String(map, key, field, core::Need::kRequired);
  if (!text) return std::nullopt;
  // Exactly YYYY-MM-DD: no time or zone that could shift the day a waiver starts or ends.
  auto day = text->size() == 10 ? core::ParseDate(*text) : std::nullopt;
  if (!day) reader.Report(*map.Find(key), core::JoinField(field, key), "must be a date YYYY-MM-DD");
  return day;
}

std::optional<Waiver> ReadWaiver(const core::Node& node, const std::string& field,
                                 core::FieldReader& reader) {
  if (!reader.ExpectMap(node, field,
                        {"id", "control", "rule", "path", "fingerprint", "reason", "owner",
                         "approver", "created", "expires", "ticket", "mitigation"})) {
    return std::nullopt;
  }
  Waiver w;
  w.file = reader.file();
  w.mark = node.mark;
  bool ok = true;
  auto required = [&](std::string_view key, std::string& out) {
    auto value = reader.String(node, key, field, core::Need::kRequired);
    if (value && value->empty()) {
      reader.Report(*node.Find(key), core::JoinField(field, key), "must not be empty");
      value.reset();
    }
    ok = ok && value.has_value();
    out = value.value_or("");
  };
  required("id", w.id);
  const std::string named = w.id.empty() ? field : field + " (" + w.id + ")";
  required("reason", w.reason);
  required("owner", w.owner);
  required("approver", w.approver);
  w.control = reader.String(node, "control", named, core::Need::kOptional);
  w.rule = reader.String(node, "rule", named, core::Need::kOptional);
  w.path = reader.String(node, "path", named, core::Need::kOptional);
  w.fingerprint = reader.String(node, "fingerprint", named, core::Need::kOptional);
  w.ticket = reader.String(node, "ticket", named, core::Need::kOptional).value_or("");
  w.mitigation = reader.String(node, "mitigation", named, core::Need::kOptional).value_or("");
  if (w.path) {
    if (auto error = core::PathGlobError(*w.path)) {
      reader.Report(*node.Find("path"), core::JoinField(named, "path"), "bad glob: " + *error);
      ok = false;
    }
  }
  if (!w.rule && !w.path && !w.fingerprint) {
    reader.Report(node, named, "must name what it covers: a rule, a path glob or a fingerprint");
    ok = false;
  }
  const auto created = ReadDate(node, "created", named, reader);
  const auto expires = ReadDate(node, "expires", named, reader);
  if (!created || !expires) return std::nullopt;
  w.created = *created;
  w.expires = *expires;
  if (w.expires < w.created) {
    reader.Report(*node.Find("expires"), core::JoinField(named, "expires"),
                  "is before `created` (" + core::FormatDate(w.created) + ")");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return w;
}

}  // namespace

std::vector<Waiver> LoadWaivers(std::string_view text, const std::string& file,
                                core::Diagnostics& diagnostics) {
  std::vector<Waiver> out;
  const auto root = ParseYaml(text, file, diagnostics);
  if (!root) return out;
  core::FieldReader reader(file, diagnostics);
  if (root->kind == core::Node::Kind::kNull) return out;  // an empty file
  if (!reader.ExpectMap(*root, "", {"version", "waivers"})) return out;
  if (auto version = reader.Integer(*root, "version", "", core::Need::kOptional);
      version && *version != 1) {
    reader.Report(*root->Find("version"), "version",
                  "unsupported waiver file version (expected 1)");
  }
  const core::Node* list = reader.Get(*root, "waivers", "", core::Need::kOptional);
  if (list == nullptr || !reader.ExpectList(*list, "waivers")) return out;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    auto waiver = ReadWaiver(list->items[i], core::IndexField("waivers", i), reader);
    if (!waiver) continue;
    if (!ids.insert(waiver->id).second) {
      reader.Report(list->items[i], core::IndexField("waivers", i) + ".id",
                    "duplicate waiver id '" + waiver->id + "'");
      continue;
    }
    out.push_back(std::move(*waiver));
  }
  return out;
}

void ReadWaiverPolicy(const core::Node& node, core::FieldReader& reader, WaiverPolicy& out) {
  const std::string field = "waivers";
  if (!reader.ExpectMap(node, field, {"file", "max_days", "warn_before_days", "approvers"})) {
    return;
  }
  if (auto file = reader.RepoPath(node, "file", field, core::Need::kOptional)) out.file = *file;
  if (auto days = reader.Integer(node, "warn_before_days", field, core::Need::kOptional)) {
    if (*days < 0 || *days > 3650) {
      reader.Report(*node.Find("warn_before_days"), "waivers.warn_before_days",
                    "must be between 0 and 3650");
    } else {
      out.warn_before_days = static_cast<int>(*days);
    }
  }
  if (const core::Node* max_days = node.Find("max_days")) {
    const std::string sub = "waivers.max_days";
    if (reader.ExpectMap(*max_days, sub, {"info", "low", "medium", "high", "critical"})) {
      for (const auto& [key, value] : max_days->fields) {
        const auto severity = core::ParseSeverity(key);
        auto days = reader.Integer(*max_days, key, sub, core::Need::kOptional);
        if (!severity || !days) continue;
        if (*days < 1 || *days > 3650) {
          reader.Report(value, core::JoinField(sub, key), "must be between 1 and 3650 days");
          continue;
        }
        out.max_days[static_cast<std::size_t>(*severity)] = static_cast<int>(*days);
      }
    }
  }
  if (const core::Node* approvers = node.Find("approvers")) {
    const std::string sub = "waivers.approvers";
    if (reader.ExpectMap(*approvers, sub, {"info", "low", "medium", "high", "critical"})) {
      for (const auto& [key, value] : approvers->fields) {
        const auto severity = core::ParseSeverity(key);
        auto names = reader.StringList(*approvers, key, sub, core::Need::kOptional);
        if (severity && names) out.approvers[static_cast<std::size_t>(*severity)] = *names;
      }
    }
  }
}

std::string AppendWaiver(std::string_view existing, const Waiver& w) {
  std::string text(existing);
  // The indentation of existing entries ("  - id:"), else two spaces.
  std::string indent = "  ";
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line(text.data() + at, end - at);
    const std::size_t dash = line.find_first_not_of(' ');
    if (dash != std::string_view::npos && line.substr(dash).starts_with("- id:")) {
      indent.assign(dash, ' ');
      break;
    }
    at = end + 1;
  }
  const std::size_t empty_list = text.find("\nwaivers: []");
  if (empty_list != std::string::npos) text.replace(empty_list + 1, 11, "waivers:");
  if (text.starts_with("waivers: []")) text.replace(0, 11, "waivers:");
  if (!text.empty() && text.back() != '\n') text += '\n';
  // A file of comments only, or none at all, gets the document's keys first.
  if (!text.starts_with("waivers:") && text.find("\nwaivers:") == std::string::npos) {
    if (!text.starts_with("version:") && text.find("\nversion:") == std::string::npos) {
      text += "version: 1\n";
    }
    text += "waivers:\n";
  }
  const std::string field = indent + "  ";
  text += indent + "- id: " + core::YamlQuote(w.id) + "\n";
  if (w.control) text += field + "control: " + core::YamlQuote(*w.control) + "\n";
  if (w.rule) text += field + "rule: " + core::YamlQuote(*w.rule) + "\n";
  if (w.path) text += field + "path: " + core::YamlQuote(*w.path) + "\n";
  if (w.fingerprint) text += field + "fingerprint: " + core::YamlQuote(*w.fingerprint) + "\n";
  text += field + "reason: " + core::YamlQuote(w.reason) + "\n";
  text += field + "owner: " + core::YamlQuote(w.owner) + "\n";
  text += field + "approver: " + core::YamlQuote(w.approver) + "\n";
  text += field + "created: " + core::FormatDate(w.created) + "\n";
  text += field + "expires: " + core::FormatDate(w.expires) + "\n";
  if (!w.ticket.empty()) text += field + "ticket: " + core::YamlQuote(w.ticket) + "\n";
  if (!w.mitigation.empty()) text += field + "mitigation: " + core::YamlQuote(w.mitigation) + "\n";
  return text;
}

}  // namespace riskgate::policy
