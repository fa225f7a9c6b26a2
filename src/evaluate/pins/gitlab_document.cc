#include "evaluate/pins/gitlab_document.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace riskgate::evaluate::pins {
namespace {

using core::Node;

// Top-level keys that are not jobs.
const std::set<std::string, std::less<>> kGlobalKeys = {
    "default",  "include",       "stages",       "variables", "workflow", "image",
    "services", "before_script", "after_script", "cache",     "types",    "spec"};

constexpr int kMaxReferenceDepth = 10;      // GitLab's limit for nested `!reference`s
constexpr std::size_t kMaxNodes = 200'000;  // as policy::ParseYaml bounds a document

// `<<: *a` or `<<: [*a, *b]` adds to a map the fields it does not set itself, earlier maps
// first (YAML 1.1 merge keys, which GitLab's parser applies and yaml-cpp does not).
void ApplyMergeKeys(core::Node& node) {
  for (auto& item : node.items) ApplyMergeKeys(item);
  for (auto& field : node.fields) ApplyMergeKeys(field.second);
  if (node.kind != core::Node::Kind::kMap) return;
  const core::Node* merge = node.Find("<<");
  if (merge == nullptr) return;
  std::vector<const core::Node*> sources;
  if (merge->kind == core::Node::Kind::kMap) sources.push_back(merge);
  for (const auto& item : merge->items) {
    if (item.kind == core::Node::Kind::kMap) sources.push_back(&item);
  }
  if (sources.empty()) return;  // not a merge GitLab accepts: it rejects the file itself
  core::Node merged;
  merged.kind = node.kind;
  merged.mark = node.mark;
  merged.tag = node.tag;
  std::set<std::string, std::less<>> present;
  for (std::size_t i = 0; i < node.fields.size(); ++i) {
    if (node.fields[i].first == "<<") continue;
    present.insert(node.fields[i].first);
    merged.fields.push_back(std::move(node.fields[i]));
    merged.key_marks.push_back(i < node.key_marks.size() ? node.key_marks[i] : node.mark);
  }
  for (const core::Node* source : sources) {
    for (std::size_t i = 0; i < source->fields.size(); ++i) {
      if (!present.insert(source->fields[i].first).second) continue;
      merged.fields.push_back(source->fields[i]);
      merged.key_marks.push_back(i < source->key_marks.size() ? source->key_marks[i]
                                                              : source->mark);
    }
  }
  node = std::move(merged);
}

constexpr std::string_view kBinaryTag = "tag:yaml.org,2002:binary";

// A `!!binary` scalar as GitLab's parser reads it (Ruby's lenient unpack('m'): characters
// outside the base64 alphabet are skipped, '=' ends the data).
std::string DecodeBinary(std::string_view text) {
  std::string out;
  unsigned int bits = 0;
  int count = 0;
  for (const char c : text) {
    int value = -1;
    if (c >= 'A' && c <= 'Z') value = c - 'A';
    if (c >= 'a' && c <= 'z') value = c - 'a' + 26;
    if (c >= '0' && c <= '9') value = c - '0' + 52;
    if (c == '+') value = 62;
    if (c == '/') value = 63;
    if (c == '=') break;
    if (value < 0) continue;
    bits = (bits << 6) | static_cast<unsigned int>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xFFu));
    }
  }
  return out;
}

// Replaces `!reference [key, key, ...]` by the node those keys name in the file, as GitLab
// does. A reference to a key the file does not have (a job of an included file) stays as it is.
class ReferenceResolver {
 public:
  explicit ReferenceResolver(const core::Node& root) : root_(root) {}

  bool exceeded() const { return exceeded_; }

  core::Node Resolve(const core::Node& node, int depth) {
    if (exceeded_ || ++nodes_ > kMaxNodes) {
      exceeded_ = true;
      return {};
    }
    if (node.tag == "!reference" && node.kind == core::Node::Kind::kSequence) {
      const core::Node* target = Lookup(node);
      if (target == nullptr) return node;
      if (depth >= kMaxReferenceDepth) {
        exceeded_ = true;
        return {};
      }
      return Resolve(*target, depth + 1);
    }
    core::Node out;
    out.kind = node.kind;
    out.mark = node.mark;
    out.scalar = node.tag == kBinaryTag ? DecodeBinary(node.scalar) : node.scalar;
    out.quoted = node.quoted;
    out.tag = node.tag;
    out.key_marks = node.key_marks;
    for (const auto& item : node.items) out.items.push_back(Resolve(item, depth));
    for (const auto& [key, value] : node.fields) {
      out.fields.push_back(core::NodeField{key, Resolve(value, depth)});
    }
    return out;
  }

 private:
  const core::Node* Lookup(const core::Node& reference) const {
    const core::Node* at = &root_;
    for (const auto& key : reference.items) {
      if (key.kind != core::Node::Kind::kScalar || at->kind != core::Node::Kind::kMap)
        return nullptr;
      at = at->Find(key.scalar);
      if (at == nullptr) return nullptr;
    }
    return reference.items.empty() ? nullptr : at;
  }

  const core::Node& root_;
  std::size_t nodes_ = 0;
  bool exceeded_ = false;
};

// The `default:` of each input of a `spec:` header that has a scalar one.
std::map<std::string, std::string, std::less<>> InputDefaults(const core::Node& header) {
  std::map<std::string, std::string, std::less<>> out;
  const core::Node* spec = header.Find("spec");
  const core::Node* inputs = spec != nullptr ? spec->Find("inputs") : nullptr;
  if (inputs == nullptr) return out;
  for (const auto& [name, input] : inputs->fields) {
    const core::Node* value = input.Find("default");
    if (value != nullptr && value->kind == core::Node::Kind::kScalar) out[name] = value->scalar;
  }
  return out;
}

// Replaces `$[[ inputs.name ]]` (functions after `|` ignored) by the input's default, as GitLab
// does when nothing else sets it; other interpolations stay as written.
void Interpolate(core::Node& node,
                 const std::map<std::string, std::string, std::less<>>& defaults) {
  for (auto& item : node.items) Interpolate(item, defaults);
  for (auto& field : node.fields) Interpolate(field.second, defaults);
  if (node.kind != core::Node::Kind::kScalar) return;
  std::string& text = node.scalar;
  std::size_t from = 0;
  while ((from = text.find("$[[", from)) != std::string::npos) {
    const std::size_t end = text.find("]]", from + 3);
    if (end == std::string::npos) return;
    std::string_view inner(text.data() + from + 3, end - from - 3);
    while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
    std::string_view name;
    if (inner.starts_with("inputs.")) {
      name = inner.substr(7);
      name = name.substr(0, std::min(name.find(' '), name.find('|')));
    }
    const auto value = defaults.find(name);
    if (name.empty() || value == defaults.end()) {
      from = end + 2;
      continue;
    }
    text.replace(from, end + 2 - from, value->second);
    from += value->second.size();
  }
}

}  // namespace

std::optional<GitlabDocument> ParseGitlabDocument(std::string_view text, const std::string& path,
                                                  core::Diagnostics& diagnostics) {
  auto documents = policy::ParseYamlDocuments(text, path, 2, diagnostics);
  if (!documents || documents->empty()) return std::nullopt;
  GitlabDocument out;
  if (documents->size() == 2) {
    core::Node& header = documents->front();
    if (header.kind != core::Node::Kind::kMap || header.fields.size() != 1 ||
        header.Find("spec") == nullptr) {
      diagnostics.Add(path, (*documents)[1].mark, "",
                      "a second YAML document starts here, and GitLab reads one only after a "
                      "header document holding nothing but `spec:`");
      return std::nullopt;
    }
    ApplyMergeKeys(header);
    out.header = std::move(header);
  }
  core::Node config = std::move(documents->back());
  if (config.kind != core::Node::Kind::kMap && config.kind != core::Node::Kind::kNull) {
    diagnostics.Add(path, config.mark, "",
                    "a GitLab CI configuration is a map of jobs and keywords, not a " +
                        std::string(core::NodeKindName(config.kind)));
    return std::nullopt;
  }
  ApplyMergeKeys(config);
  ReferenceResolver references(config);
  out.config = references.Resolve(config, 0);
  if (references.exceeded()) {
    diagnostics.Add(path, config.mark, "",
                    "the `!reference` tags nest deeper than GitLab's " +
                        std::to_string(kMaxReferenceDepth) + " levels or expand past " +
                        std::to_string(kMaxNodes) + " nodes");
    return std::nullopt;
  }
  if (out.header) Interpolate(out.config, InputDefaults(*out.header));
  return out;
}

bool IsGitlabJobKey(std::string_view key) { return !kGlobalKeys.contains(key); }

std::vector<const core::Node*> GitlabIncludeLists(const core::Node& config) {
  std::vector<const core::Node*> out;
  if (config.kind != core::Node::Kind::kMap) return out;
  if (const core::Node* include = config.Find("include")) out.push_back(include);
  for (const auto& [name, job] : config.fields) {
    if (!IsGitlabJobKey(name) || job.kind != core::Node::Kind::kMap) continue;
    const core::Node* trigger = job.Find("trigger");
    if (trigger == nullptr || trigger->kind != core::Node::Kind::kMap)
      continue;  // a string: a project
    if (const core::Node* include = trigger->Find("include")) out.push_back(include);
  }
  return out;
}

}  // namespace riskgate::evaluate::pins
