#include "policy/policy_compose.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "core/field_reader.h"
#include "policy/yaml_document.h"

namespace riskgate::embedded {
extern const std::string_view kDefaultPolicy;
}  // namespace riskgate::embedded

namespace riskgate::policy {
namespace {

constexpr int kMaxDepth = 8;
constexpr std::string_view kBuiltin = "builtin:";
constexpr std::string_view kDefault = "builtin:default";

void Stamp(core::Node& node, const std::shared_ptr<const std::string>& file) {
  node.mark.file = file;
  for (auto& mark : node.key_marks) mark.file = file;
  for (auto& item : node.items) Stamp(item, file);
  for (auto& field : node.fields) Stamp(field.second, file);
}

const core::Node* IdOf(const core::Node& item) {
  if (item.kind != core::Node::Kind::kMap) return nullptr;
  const core::Node* id = item.Find("id");
  return id != nullptr && id->kind == core::Node::Kind::kScalar ? id : nullptr;
}

bool ListOfIds(const core::Node& list) {
  return list.kind == core::Node::Kind::kSequence && !list.items.empty() &&
         std::all_of(list.items.begin(), list.items.end(),
                     [](const core::Node& item) { return IdOf(item) != nullptr; });
}

void Merge(core::Node& base, core::Node overlay) {
  if (base.kind == core::Node::Kind::kMap && overlay.kind == core::Node::Kind::kMap) {
    for (std::size_t i = 0; i < overlay.fields.size(); ++i) {
      auto& [key, value] = overlay.fields[i];
      auto it = std::find_if(base.fields.begin(), base.fields.end(),
                             [&key = key](const core::NodeField& f) { return f.first == key; });
      if (it == base.fields.end()) {
        base.fields.push_back(std::move(overlay.fields[i]));
        base.key_marks.push_back(overlay.key_marks[i]);
      } else {
        base.key_marks[static_cast<std::size_t>(it - base.fields.begin())] = overlay.key_marks[i];
        Merge(it->second, std::move(value));
      }
    }
    return;
  }
  if (ListOfIds(base) && ListOfIds(overlay)) {
    for (auto& item : overlay.items) {
      auto same = std::find_if(base.items.begin(), base.items.end(), [&](const core::Node& b) {
        return IdOf(b)->scalar == IdOf(item)->scalar;
      });
      if (same != base.items.end()) {
        *same = std::move(item);
      } else {
        base.items.push_back(std::move(item));
      }
    }
    return;
  }
  base = std::move(overlay);
}

class Composer {
 public:
  Composer(const FileReader& read_file, core::Diagnostics& diagnostics)
      : read_file_(read_file), diagnostics_(diagnostics) {}

  std::optional<core::Node> Load(std::string_view text, const std::string& name) {
    auto parsed = ParseYaml(text, name, diagnostics_);
    if (!parsed) return std::nullopt;
    Stamp(*parsed, std::make_shared<const std::string>(name));
    stack_.push_back(name);
    core::Node merged;
    merged.kind = core::Node::Kind::kMap;
    merged.mark = parsed->mark;
    if (parsed->kind == core::Node::Kind::kMap) {
      auto it = std::find_if(parsed->fields.begin(), parsed->fields.end(),
                             [](const core::NodeField& f) { return f.first == "extends"; });
      if (it != parsed->fields.end()) {
        const core::Node extends = std::move(it->second);
        parsed->key_marks.erase(parsed->key_marks.begin() + (it - parsed->fields.begin()));
        parsed->fields.erase(it);
        ExtendFrom(extends, name, merged);
      }
      Merge(merged, std::move(*parsed));
    } else {
      merged = std::move(*parsed);
    }
    stack_.pop_back();
    files_.push_back(name);
    return merged;
  }

  std::vector<std::string> files() const { return files_; }

 private:
  void ExtendFrom(const core::Node& extends, const std::string& name, core::Node& merged) {
    core::FieldReader reader(name, diagnostics_);
    std::vector<const core::Node*> entries;
    if (extends.kind == core::Node::Kind::kScalar) {
      entries.push_back(&extends);
    } else if (extends.kind == core::Node::Kind::kSequence) {
      for (const auto& item : extends.items) entries.push_back(&item);
    } else {
      reader.Report(extends, "extends", "expected a policy file or a list of them");
      return;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::string field = core::IndexField("extends", i);
      auto written = reader.AsString(*entries[i], field);
      if (!written) continue;
      const std::string target = ResolveBeside(name, *written);
      if (std::find(stack_.begin(), stack_.end(), target) != stack_.end()) {
        std::string cycle;
        for (const auto& s : stack_) cycle += s + " -> ";
        reader.Report(*entries[i], field, "extends cycle: " + cycle + target);
        continue;
      }
      if (static_cast<int>(stack_.size()) >= kMaxDepth) {
        reader.Report(*entries[i], field,
                      "extends is nested deeper than " + std::to_string(kMaxDepth) + " files");
        continue;
      }
      std::string text;
      if (target.starts_with(kBuiltin)) {
        if (target != kDefault) {
          reader.Report(*entries[i], field,
                        "unknown built-in policy '" + target + "' (there is builtin:default)");
          continue;
        }
        text = std::string(embedded::kDefaultPolicy);
      } else {
        auto read = read_file_(target);
        if (!read) {
          reader.Report(*entries[i], field,
                        "cannot read extended policy '" + target + "': " + read.error().message);
          continue;
        }
        text = std::move(*read);
      }
      if (auto base = Load(text, target)) Merge(merged, std::move(*base));
    }
  }

  const FileReader& read_file_;
  core::Diagnostics& diagnostics_;
  std::vector<std::string> stack_;
  std::vector<std::string> files_;
};

}  // namespace

const std::string& FileOf(const core::Node& node, const std::string& fallback) {
  return node.mark.file ? *node.mark.file : fallback;
}

std::string ResolveBeside(const std::string& file, const std::string& name) {
  if (name.starts_with(kBuiltin)) return name;
  std::filesystem::path path(name);
  if (path.is_relative() && !file.starts_with(kBuiltin)) {
    path = std::filesystem::path(file).parent_path() / path;
  }
  return path.lexically_normal().string();
}

std::optional<NamedFile> ReadNamedFile(const core::Node& at, const std::string& field,
                                       const std::string& name, const std::string& origin,
                                       std::string_view what, const FileReader& read_file,
                                       core::FieldReader& reader) {
  const std::string path = ResolveBeside(FileOf(at, origin), name);
  auto text = read_file(path);
  if (!text) {
    reader.Report(at, field,
                  "cannot read " + std::string(what) + " '" + path + "': " + text.error().message);
    return std::nullopt;
  }
  return NamedFile{path, std::move(*text)};
}

std::optional<ComposedPolicy> ComposePolicy(std::string_view text, const std::string& origin,
                                            const FileReader& read_file,
                                            core::Diagnostics& diagnostics) {
  Composer composer(read_file, diagnostics);
  auto root = composer.Load(text, origin);
  if (!root) return std::nullopt;
  return ComposedPolicy{std::move(*root), composer.files()};
}

}  // namespace riskgate::policy
