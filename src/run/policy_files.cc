#include "run/policy_files.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "collect/safe_read.h"

namespace riskgate::run {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxSymlinkHops = 40;  // as Linux's MAXSYMLINKS

// Whether `path` (absolute, resolved) is `root` or inside it.
bool IsWithin(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

std::vector<std::string> Components(const fs::path& path) {
  std::vector<std::string> out;
  for (const auto& part : path.relative_path()) {
    if (!part.empty()) out.push_back(part.string());
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// `stack` (next component at the back) as a path.
std::string JoinReversed(const std::vector<std::string>& stack) {
  return Join(std::vector<std::string>(stack.rbegin(), stack.rend()));
}

}  // namespace

PolicyFiles::PolicyFiles(collect::GitRepository& repo, std::string base)
    : repo_(repo), base_(std::move(base)) {}

// Walks `path` from the root as the kernel would, following symlinks on disk only outside the
// repository (the CI's own layout: a symlinked workspace, /tmp links); once inside, the rest is
// the repository path whose links, if any, are the judged change's and are resolved in the base.
std::optional<std::string> PolicyFiles::RepoPath(const std::string& path) const {
  const std::string workdir = repo_.Workdir();
  if (workdir.empty() || path.empty()) return std::nullopt;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(workdir, ec);
  if (ec) return std::nullopt;
  const fs::path absolute = fs::absolute(path, ec);
  if (ec) return std::nullopt;
  std::vector<std::string> pending = Components(absolute);
  std::reverse(pending.begin(), pending.end());  // a stack: next component at the back
  fs::path current = "/";
  std::vector<std::string> inside;
  bool in_repo = IsWithin(current, root);
  int hops = 0;
  while (!pending.empty()) {
    const std::string part = std::move(pending.back());
    pending.pop_back();
    if (part == ".") continue;
    if (in_repo) {
      if (part != "..") {
        inside.push_back(part);
      } else if (!inside.empty()) {
        inside.pop_back();
      } else {
        current = current.parent_path();  // left the repository through its root
        in_repo = false;
      }
      continue;
    }
    if (part == "..") {
      current = current.parent_path();
      continue;
    }
    fs::path next = current / part;
    if (fs::is_symlink(next, ec)) {
      if (++hops > kMaxSymlinkHops) return std::nullopt;
      const fs::path target = fs::read_symlink(next, ec);
      if (ec) return std::nullopt;
      if (target.is_absolute()) current = "/";
      auto parts = Components(target);
      for (auto it = parts.rbegin(); it != parts.rend(); ++it) pending.push_back(*it);
      continue;
    }
    current = std::move(next);
    if (IsWithin(current, root)) {
      in_repo = true;
      for (auto r = fs::relative(current, root, ec); const auto& p : r) {
        if (!p.empty() && p != ".") inside.push_back(p.string());
      }
    }
  }
  if (!in_repo || inside.empty()) return std::nullopt;
  return Join(inside);
}

core::Result<std::optional<std::string>> PolicyFiles::ReadAtBase(const std::string& repo_path) {
  using Content = std::optional<std::string>;
  std::vector<std::string> pending;
  for (const auto& p : fs::path(repo_path)) pending.insert(pending.begin(), p.string());
  std::vector<std::string> resolved;
  int hops = 0;
  while (!pending.empty()) {
    const std::string part = std::move(pending.back());
    pending.pop_back();
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (resolved.empty()) {
        return core::MakeError(core::ErrorCode::kPolicy,
                               "a symlink at the base revision points outside the repository",
                               repo_path);
      }
      resolved.pop_back();
      continue;
    }
    resolved.push_back(part);
    const std::string candidate = Join(resolved);
    auto entry = repo_.FindInCommit(base_, candidate);
    if (!entry) return tl::unexpected(entry.error());
    if (!*entry) {
      repo_paths_.insert(Join(resolved) + (pending.empty() ? "" : "/" + JoinReversed(pending)));
      return Content();
    }
    if ((*entry)->kind != collect::EntryKind::kSymlink) continue;
    repo_paths_.insert(candidate);  // the change may edit the link itself
    // A link of the base tree: its target, relative to its folder, in the base tree too.
    if (++hops > kMaxSymlinkHops) {
      return core::MakeError(core::ErrorCode::kPolicy, "too many symlinks at the base revision",
                             repo_path);
    }
    // The link's own blob holds its target (ReadPathAt refuses links: it reads files).
    auto link = repo_.ReadBlob((*entry)->blob_id);
    if (!link) return tl::unexpected(link.error());
    if (link->size() > 4096) {
      return core::MakeError(core::ErrorCode::kPolicy,
                             "a symlink at the base revision has a target over 4096 bytes",
                             candidate);
    }
    const std::string target = std::move(*link);
    if (fs::path(target).is_absolute()) {
      return core::MakeError(core::ErrorCode::kPolicy,
                             "a symlink at the base revision points outside the repository",
                             candidate);
    }
    resolved.pop_back();
    auto parts = Components(fs::path(target));
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) pending.push_back(*it);
  }
  if (resolved.empty()) return Content();
  repo_paths_.insert(Join(resolved));
  return repo_.ReadPathAt(base_, Join(resolved));
}

core::Result<std::optional<std::string>> PolicyFiles::ReadIfPresent(const std::string& path) {
  const auto repo_path = RepoPath(path);
  if (repo_path) repo_paths_.insert(*repo_path);
  if (base_.empty() || !repo_path) {
    // Inside the working tree, a symlink must not lead out of it.
    return collect::ReadFileIfPresent(
        path, collect::ReadLimits{collect::kMaxPolicyFileBytes, repo_path ? repo_.Workdir() : ""});
  }
  return ReadAtBase(*repo_path);
}

core::Result<std::string> PolicyFiles::Read(const std::string& path) {
  auto text = ReadIfPresent(path);
  if (!text) return tl::unexpected(text.error());
  if (!*text) {
    const std::string where = base_.empty() ? "" : " at the base revision " + base_.substr(0, 12);
    return core::MakeError(core::ErrorCode::kIo, "no such file" + where, path);
  }
  return std::move(**text);
}

}  // namespace riskgate::run
