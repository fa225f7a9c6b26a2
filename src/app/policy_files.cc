#include "app/policy_files.h"

#include <filesystem>

#include "collect/safe_read.h"

namespace riskgate::app {

PolicyFiles::PolicyFiles(collect::GitRepository& repo, std::string base)
    : repo_(repo), base_(std::move(base)) {}

std::optional<std::string> PolicyFiles::RepoPath(const std::string& path) const {
  const std::string workdir = repo_.Workdir();
  if (workdir.empty()) return std::nullopt;
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
  const auto root = std::filesystem::path(workdir).lexically_normal().string();
  if (ec || !absolute.starts_with(root) || absolute.size() == root.size()) return std::nullopt;
  return absolute.substr(root.size());
}

core::Result<std::optional<std::string>> PolicyFiles::ReadIfPresent(const std::string& path) {
  const auto repo_path = RepoPath(path);
  if (repo_path) repo_paths_.insert(*repo_path);
  if (base_.empty() || !repo_path) {
    // Inside the working tree, a symlink must not lead out of it.
    return collect::ReadFileIfPresent(
        path, collect::ReadLimits{collect::kMaxPolicyFileBytes, repo_path ? repo_.Workdir() : ""});
  }
  return repo_.ReadPathAt(base_, *repo_path);
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

}  // namespace riskgate::app
