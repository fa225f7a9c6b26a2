// Stage 3 (evaluate), pins: commands that fetch remote content, and what they write.
// Input: a command view. Output: whether it downloads (curl, curlie, wget, wget2, HTTPie's http
// and https, xh, gsutil, gcloud storage, aws s3 cp, aws s3api get-object), from which URLs,
// whether every URL names a commit, and the files it writes (none: the content goes to standard
// output). No I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evaluate/pins/shell_command.h"

namespace riskgate::evaluate::pins {

struct DownloadInfo {
  bool is_download = false;
  std::string program;  // "curl", "wget", ...: for messages
  bool pinned = false;  // every URL names a commit (see IsCommitPinnedUrl)
  std::vector<std::string> urls;
  std::vector<std::string> output_files;  // empty: standard output
};

DownloadInfo ClassifyDownload(const CommandView& view);

// raw.githubusercontent.com/<owner>/<repo>/<40 hex>/... or github.com/<owner>/<repo>/raw/<40
// hex>/...
bool IsCommitPinnedUrl(std::string_view url);

// For a raw.githubusercontent.com URL on a branch or tag: the URL with the ref replaced by
// "<40-hex commit sha>". Empty for other URLs.
std::string CommitPinnedUrlFix(std::string_view url);

// Lexical clean like Go's path.Clean: "./a" -> "a", "/x/../y" -> "/y", "" -> ".".
std::string CleanPath(std::string_view path);

// Last path element, without a URL's query or fragment: "https://h/a/b.sh?x=1" -> "b.sh".
std::string BaseName(std::string_view path);

}  // namespace riskgate::evaluate::pins
