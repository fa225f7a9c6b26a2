#include "policy/pins_loader.h"

#include "policy/pins_rules.h"

namespace riskgate::policy {

void LoadPinsControl(const core::Node* node, core::FieldReader& reader, PinsControl& pins) {
  for (const auto& rule : PinsRules()) pins.severity[std::string(rule.id)] = rule.severity;
  if (node == nullptr) return;
  const std::string field = "controls.pins";
  if (!reader.ExpectMap(*node, field,
                        {"enabled", "severity", "disabled_rules", "allow_tag_pins",
                         "trusted_owners", "manifests", "resolve_refs"})) {
    return;
  }
  pins.enabled = reader.Bool(*node, "enabled", field, core::Need::kOptional).value_or(true);
  pins.manifests = reader.Bool(*node, "manifests", field, core::Need::kOptional).value_or(false);
  pins.resolve_refs =
      reader.Bool(*node, "resolve_refs", field, core::Need::kOptional).value_or(true);
  if (auto allow = reader.StringList(*node, "allow_tag_pins", field, core::Need::kOptional)) {
    pins.allow_tag_pins = *allow;
  }
  if (auto trusted = reader.StringList(*node, "trusted_owners", field, core::Need::kOptional)) {
    pins.trusted_owners = *trusted;
  }
  if (const core::Node* overrides = node->Find("severity")) {
    if (overrides->kind != core::Node::Kind::kMap) {
      reader.Report(*overrides, field + ".severity", "expected a map of rule id to severity");
    } else {
      for (std::size_t i = 0; i < overrides->fields.size(); ++i) {
        const auto& [id, value] = overrides->fields[i];
        const std::string rfield = core::JoinField(field + ".severity", id);
        if (FindPinsRule(id) == nullptr) {
          reader.Report(overrides->key_marks[i], rfield, "no pins rule has this id");
          continue;
        }
        if (auto severity = reader.AsSeverity(value, rfield)) pins.severity[id] = *severity;
      }
    }
  }
  if (auto disabled = reader.StringList(*node, "disabled_rules", field, core::Need::kOptional)) {
    const core::Node& list = *node->Find("disabled_rules");
    for (std::size_t i = 0; i < disabled->size(); ++i) {
      if (FindPinsRule((*disabled)[i]) == nullptr) {
        reader.Report(list.items[i], core::IndexField(field + ".disabled_rules", i),
                      "no pins rule has the id '" + (*disabled)[i] + "'");
        continue;
      }
      pins.disabled_rules.insert((*disabled)[i]);
    }
  }
}

}  // namespace riskgate::policy
