#include <algorithm>
#include <filesystem>
#include <set>

#include "core/field_reader.h"
#include "core/path_glob.h"
#include "policy/threat_model_control.h"
#include "policy/yaml_document.h"

namespace riskgate::policy {
namespace {

std::optional<RiskTier> TierOf(std::string_view text) {
  if (text == "high") return RiskTier::kHigh;
  if (text == "medium") return RiskTier::kMedium;
  if (text == "low") return RiskTier::kLow;
  return std::nullopt;
}

void ReadGlobList(core::FieldReader& reader, const core::Node& map, std::string_view key,
                  std::string_view parent, core::Need need, std::vector<std::string>& out) {
  auto globs = reader.StringList(map, key, parent, need);
  if (!globs) return;
  const core::Node& list = *map.Find(key);
  for (std::size_t i = 0; i < globs->size(); ++i) {
    if (auto error = core::PathGlobError((*globs)[i])) {
      reader.Report(list.items[i], core::IndexField(core::JoinField(parent, key), i), *error);
      continue;
    }
    out.push_back((*globs)[i]);
  }
}

void ReadComponent(const core::Node& node, const std::string& field, core::FieldReader& reader,
                   Component& out) {
  if (!reader.ExpectMap(node, field, {"name", "paths", "tier", "models", "owners", "aliases"})) {
    return;
  }
  out.line = node.mark.line;
  out.name = reader.String(node, "name", field, core::Need::kRequired).value_or("");
  ReadGlobList(reader, node, "paths", field, core::Need::kRequired, out.paths);
  if (auto tier = reader.String(node, "tier", field, core::Need::kOptional)) {
    if (auto parsed = TierOf(*tier)) {
      out.tier = *parsed;
    } else {
      reader.Report(*node.Find("tier"), core::JoinField(field, "tier"),
                    "'" + *tier + "' is not one of: high, medium, low");
    }
  }
  if (auto models = reader.RepoPathList(node, "models", field, core::Need::kRequired)) {
    // Spelled as the repository's tree names it (`./docs/x/../tm.md` is `docs/tm.md`), so the
    // model is found where it is rather than reported missing.
    for (const auto& model : *models) {
      out.models.push_back(std::filesystem::path(model).lexically_normal().generic_string());
    }
    if (models->empty()) {
      reader.Report(*node.Find("models"), core::JoinField(field, "models"),
                    "name at least one threat model file (it may not exist yet)");
    }
  }
  if (auto owners = reader.StringList(node, "owners", field, core::Need::kOptional))
    out.owners = *owners;
  // Only a high-tier component's owners may accept its risks: without them nobody could.
  if (out.tier == RiskTier::kHigh && out.owners.empty()) {
    const core::Node* owners = node.Find("owners");
    reader.Report(owners != nullptr ? *owners : node, core::JoinField(field, "owners"),
                  "component '" + out.name +
                      "' is high tier, so only its owners may accept its risks; list them "
                      "(users or @org/team) under `owners`");
  }
  if (auto aliases = reader.StringList(node, "aliases", field, core::Need::kOptional)) {
    out.aliases = *aliases;
  }
}

}  // namespace

bool Component::Covers(std::string_view path) const {
  for (const auto& glob : paths) {
    if (core::MatchPathGlob(glob, path)) return true;
  }
  return false;
}

bool Component::HasModelAmong(const std::vector<std::string>& sorted_paths) const {
  return std::any_of(models.begin(), models.end(), [&](const std::string& model) {
    return std::binary_search(sorted_paths.begin(), sorted_paths.end(), model);
  });
}

std::string_view RiskTierName(RiskTier tier) {
  switch (tier) {
    case RiskTier::kHigh:
      return "high";
    case RiskTier::kMedium:
      return "medium";
    case RiskTier::kLow:
      return "low";
  }
  return "medium";
}

core::Severity SeverityForTier(RiskTier tier) {
  switch (tier) {
    case RiskTier::kHigh:
      return core::Severity::kHigh;
    case RiskTier::kMedium:
      return core::Severity::kMedium;
    case RiskTier::kLow:
      return core::Severity::kLow;
  }
  return core::Severity::kMedium;
}

void LoadThreatModelControl(const core::Node* node, core::FieldReader& reader,
                            ThreatModelControl& out) {
  if (node == nullptr) return;
  const std::string field = "controls.threat_model";
  if (!reader.ExpectMap(*node, field,
                        {"enabled", "components", "required_parts", "max_age_days", "freshness",
                         "entry_points", "residual_severity", "max_acceptance_days"})) {
    return;
  }
  out.enabled = reader.Bool(*node, "enabled", field, core::Need::kOptional).value_or(true);
  if (auto parts = reader.StringList(*node, "required_parts", field, core::Need::kOptional)) {
    out.required_parts = *parts;
  }
  for (auto [key, days_out] : {std::pair<const char*, int*>{"max_age_days", &out.max_age_days},
                               {"max_acceptance_days", &out.max_acceptance_days}}) {
    if (auto days = reader.Integer(*node, key, field, core::Need::kOptional)) {
      if (*days < 1 || *days > 3650) {
        reader.Report(*node->Find(key), core::JoinField(field, key),
                      "expected a number of days from 1 to 3650");
      } else {
        *days_out = static_cast<int>(*days);
      }
    }
  }
  if (auto mode = reader.String(*node, "freshness", field, core::Need::kOptional)) {
    if (*mode == "age") {
      out.freshness = Freshness::kAge;
    } else if (*mode == "last_change") {
      out.freshness = Freshness::kLastChange;
    } else {
      reader.Report(*node->Find("freshness"), core::JoinField(field, "freshness"),
                    "'" + *mode + "' is not one of: age, last_change");
    }
  }
  ReadGlobList(reader, *node, "entry_points", field, core::Need::kOptional, out.entry_points);
  if (auto severity =
          reader.SeverityValue(*node, "residual_severity", field, core::Need::kOptional)) {
    out.residual_severity = *severity;
  }
  const core::Node* components = node->Find("components");
  if (components == nullptr) {
    reader.Report(*node, core::JoinField(field, "components"),
                  "list the components that carry risk (name, paths, models)");
    return;
  }
  if (!reader.ExpectList(*components, core::JoinField(field, "components"))) return;
  std::set<std::string> names;
  for (std::size_t i = 0; i < components->items.size(); ++i) {
    const std::string cfield = core::IndexField(core::JoinField(field, "components"), i);
    Component component;
    ReadComponent(components->items[i], cfield, reader, component);
    if (!component.name.empty() && !names.insert(component.name).second) {
      reader.Report(components->items[i], cfield,
                    "a second component named '" + component.name + "'");
    }
    out.components.push_back(std::move(component));
  }
}

}  // namespace riskgate::policy
