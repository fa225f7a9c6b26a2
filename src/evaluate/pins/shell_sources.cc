#include "evaluate/pins/shell_sources.h"

#include <algorithm>
#include <cctype>

namespace riskgate::evaluate::pins {
namespace {

constexpr size_t kMaxNamed = 64;  // variables and functions remembered: the most recent

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// NAME of NAME=value, NAME+=value, NAME[i]=value; empty for other words.
std::string_view AssignedName(std::string_view v) {
  size_t i = 0;
  while (i < v.size() && IsNameChar(v[i])) ++i;
  if (i == 0 || std::isdigit(static_cast<unsigned char>(v[0])) != 0) return {};
  const size_t end = i;
  if (i < v.size() && v[i] == '[') {
    const size_t close = v.find(']', i);
    if (close == std::string_view::npos) return {};
    i = close + 1;
  }
  if (i < v.size() && v[i] == '+') ++i;
  return i < v.size() && v[i] == '=' ? v.substr(0, end) : std::string_view();
}

// True when `text` expands the variable `name`: $name or ${name...}.
bool Expands(std::string_view text, std::string_view name) {
  for (size_t at = text.find('$'); at != std::string_view::npos; at = text.find('$', at + 1)) {
    std::string_view rest = text.substr(at + 1);
    if (rest.starts_with('{')) rest.remove_prefix(1);
    if (!rest.starts_with(name)) continue;
    if (rest.size() == name.size() || !IsNameChar(rest[name.size()])) return true;
  }
  return false;
}

// NAME of a word that is exactly $NAME or ${NAME}; empty otherwise.
std::string_view OnlyVariable(std::string_view v) {
  if (!v.starts_with('$')) return {};
  v.remove_prefix(1);
  if (v.starts_with('{') && v.ends_with('}')) v = v.substr(1, v.size() - 2);
  if (v.empty() || std::isdigit(static_cast<unsigned char>(v[0])) != 0) return {};
  for (char c : v) {
    if (!IsNameChar(c)) return {};
  }
  return v;
}

bool Declares(std::string_view name) {
  return name == "export" || name == "local" || name == "declare" || name == "readonly" ||
         name == "typeset";
}

}  // namespace

bool WritesStdout(const DownloadInfo& download) {
  const auto& files = download.output_files;
  return files.empty() || std::any_of(files.begin(), files.end(), [](const std::string& f) {
           return f == "/dev/stdout" || f == "/dev/fd/1" || f == "/proc/self/fd/1";
         });
}

bool IsStdoutToFile(std::string_view op) {
  return op == ">" || op == ">>" || op == ">|" || op == "&>" || op == "&>>" || op == "1>" ||
         op == "1>>";
}

bool WritesStdoutToFile(const ShellSimpleCommand& command) {
  return std::any_of(command.redirects.begin(), command.redirects.end(),
                     [](const ShellRedirect& r) { return IsStdoutToFile(r.op); });
}

std::optional<DownloadInfo> DownloadSources::Printed(const ShellSubstitution& s) const {
  if (walked_ == nullptr) return std::nullopt;
  const auto it = walked_->find(&s);
  if (it == walked_->end()) return std::nullopt;
  return it->second;
}

std::optional<DownloadInfo> DownloadSources::Output(const CommandView& view,
                                                    const DownloadInfo& download) const {
  if (download.is_download) {
    if (download.pinned) return std::nullopt;
    return download;
  }
  if (view.program == nullptr) return std::nullopt;
  if (view.program->IsArithmeticCommand()) {  // `((curl URL))`: two subshells in sh
    return Printed(view.program->substitutions[0]);
  }
  for (const auto& [name, printed] : functions_) {
    if (view.name == name) return printed;
  }
  for (const ShellWord* w : view.args) {  // `echo "$X"`, `cat <(curl URL)`
    if (auto d = Held(*w)) return d;
  }
  return std::nullopt;
}

std::optional<DownloadInfo> DownloadSources::Held(const ShellWord& word) const {
  if (!word.has_expansion) return std::nullopt;
  for (const ShellSubstitution& s : word.substitutions) {
    if (s.kind == ShellSubstitution::Kind::kProcessOut) continue;
    if (auto d = Printed(s)) return d;
  }
  for (const auto& [name, held] : variables_) {
    if (Expands(word.value, name)) return held;
  }
  return std::nullopt;
}

std::string DownloadSources::CodeText(const ShellWord& word) {
  const std::string_view name = OnlyVariable(word.value);
  if (name.empty()) return word.value;
  for (Literal& literal : literals_) {
    if (literal.name != name || literal.given) continue;
    literal.given = true;
    return literal.text;
  }
  return word.value;
}

void DownloadSources::Assign(const ShellSimpleCommand& command, const CommandView& view) {
  const bool declares = view.program != nullptr && Declares(view.name);
  for (const ShellWord& w : command.words) {
    const bool is_arg = view.program != nullptr && &w > view.program;
    if (&w == view.program || (is_arg && !declares)) continue;
    const std::string_view name = AssignedName(w.value);
    if (name.empty()) continue;
    Put(variables_, name, Held(w));
    std::erase_if(literals_, [&](const Literal& l) { return l.name == name; });
    if (w.has_expansion) continue;
    if (literals_.size() >= kMaxNamed) literals_.erase(literals_.begin());
    literals_.push_back({std::string(name), w.value.substr(w.value.find('=') + 1)});
  }
}

void DownloadSources::FunctionPrints(std::string_view name, const DownloadInfo& download) {
  Put(functions_, ProgramName(name), download);
}

void DownloadSources::Put(Named& list, std::string_view name,
                          std::optional<DownloadInfo> download) {
  std::erase_if(list, [&](const auto& entry) { return entry.first == name; });
  if (!download) return;
  if (list.size() >= kMaxNamed) list.erase(list.begin());
  list.emplace_back(std::string(name), std::move(*download));
}

}  // namespace riskgate::evaluate::pins
