#include "policy/pins_loader.h"

#include "core/text.h"
#include "policy/pins_rules.h"

namespace riskgate::policy {
namespace {

// `key: {owner/repo: [name, ...]}`: each action's names are added to what `names` lists.
void AddActionNames(const core::Node& map, std::string_view key, const std::string& parent,
                    core::FieldReader& reader, ActionNames& names) {
  const core::Node* node = map.Find(key);
  if (node == nullptr) return;
  const std::string field = core::JoinField(parent, key);
  if (!node->IsMap()) {
    reader.Report(*node, field, "expected a map of action (owner/repo) to a list of names");
    return;
  }
  for (std::size_t i = 0; i < node->fields.size(); ++i) {
    const std::string action = core::AsciiLower(node->fields[i].first);
    if (action.find('/') == std::string::npos || action.find('@') != std::string::npos) {
      reader.Report(node->key_marks[i], core::JoinField(field, node->fields[i].first),
                    "expected an action as owner/repo or owner/repo/path, without @ref");
      continue;
    }
    auto list = reader.StringList(*node, node->fields[i].first, field, core::Need::kRequired);
    if (!list) continue;
    auto& into = names[action];
    for (const std::string& name : *list) into.push_back(core::AsciiLower(name));
  }
}

}  // namespace

void LoadPinsControl(const core::Node* node, core::FieldReader& reader, PinsControl& pins) {
  for (const auto& rule : PinsRules()) pins.severity[std::string(rule.id)] = rule.severity;
  if (node == nullptr) return;
  const std::string field = "controls.pins";
  if (!reader.ExpectMap(*node, field,
                        {"enabled", "severity", "disabled_rules", "allow_tag_pins",
                         "trusted_owners", "manifests", "resolve_refs", "script_inputs",
                         "untrusted_outputs", "forbidden_uses", "online_checks"})) {
    return;
  }
  pins.enabled = reader.Bool(*node, "enabled", field, core::Need::kOptional).value_or(true);
  pins.manifests = reader.Bool(*node, "manifests", field, core::Need::kOptional).value_or(false);
  pins.resolve_refs =
      reader.Bool(*node, "resolve_refs", field, core::Need::kOptional).value_or(true);
  pins.online_checks =
      reader.Bool(*node, "online_checks", field, core::Need::kOptional).value_or(true);
  if (auto allow = reader.StringList(*node, "allow_tag_pins", field, core::Need::kOptional)) {
    pins.allow_tag_pins = *allow;
  }
  if (auto forbidden = reader.StringList(*node, "forbidden_uses", field, core::Need::kOptional)) {
    for (const std::string& glob : *forbidden)
      pins.forbidden_uses.push_back(core::AsciiLower(glob));
  }
  if (auto trusted = reader.StringList(*node, "trusted_owners", field, core::Need::kOptional)) {
    pins.trusted_owners = *trusted;
  }
  AddActionNames(*node, "script_inputs", field, reader, pins.script_inputs);
  AddActionNames(*node, "untrusted_outputs", field, reader, pins.untrusted_outputs);
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
