#include "evaluate/pins/shell_downloads.h"

#include <algorithm>
#include <array>

#include "core/regex.h"

namespace riskgate::evaluate::pins {
namespace {

using Words = std::vector<const ShellWord*>;

bool IsOption(std::string_view v) { return v.size() > 1 && v[0] == '-'; }
bool IsUrl(std::string_view v) { return v.find("://") != std::string_view::npos; }

template <size_t N>
bool OneOf(std::string_view v, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), v) != set.end();
}

// A destination that names a directory: "dir/", ".", "..".
bool IsDirectoryLike(std::string_view path) {
  const std::string clean = CleanPath(path);
  return path.ends_with('/') || clean == "." || clean == ".." || path.ends_with("/.") ||
         path.ends_with("/..");
}

std::string Join(std::string_view dir, std::string_view name) {
  return CleanPath(std::string(dir) + "/" + std::string(name));
}

// Path part of a URL ("https://host/a/b?q" -> "/a/b"; "gs://bucket/a" -> "/a").
std::string_view UrlPath(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const size_t slash = url.find('/');
  return slash == std::string_view::npos ? std::string_view() : url.substr(slash);
}

void FinishUrls(DownloadInfo& info) {
  info.pinned =
      !info.urls.empty() && std::all_of(info.urls.begin(), info.urls.end(),
                                        [](const auto& u) { return IsCommitPinnedUrl(u); });
}

DownloadInfo Curl(const Words& args) {
  static constexpr std::array<std::string_view, 30> kLongWithValue = {"--output",
                                                                      "--output-dir",
                                                                      "--url",
                                                                      "--header",
                                                                      "--data",
                                                                      "--data-raw",
                                                                      "--data-binary",
                                                                      "--user",
                                                                      "--user-agent",
                                                                      "--request",
                                                                      "--form",
                                                                      "--max-time",
                                                                      "--write-out",
                                                                      "--proxy",
                                                                      "--cookie",
                                                                      "--cookie-jar",
                                                                      "--config",
                                                                      "--range",
                                                                      "--referer",
                                                                      "--cert",
                                                                      "--key",
                                                                      "--cacert",
                                                                      "--connect-timeout",
                                                                      "--retry",
                                                                      "--retry-delay",
                                                                      "--retry-max-time",
                                                                      "--limit-rate",
                                                                      "--resolve",
                                                                      "--dump-header",
                                                                      "--upload-file"};
  constexpr std::string_view kShortWithValue = "AbcCdDeEFHKmoPQrtTuUwxXyYz";
  DownloadInfo info;
  info.is_download = true;
  bool remote_name = false;
  std::vector<std::string> outputs;
  std::string output_dir;
  std::vector<std::string> operands;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    if (v == "--") {
      for (++k; k < args.size(); ++k) operands.push_back(args[k]->value);
      break;
    }
    if (v.starts_with("--")) {
      const size_t eq = v.find('=');
      const std::string name = v.substr(0, eq);
      std::string value;
      if (eq != std::string::npos) {
        value = v.substr(eq + 1);
      } else if (OneOf(name, kLongWithValue) && k + 1 < args.size()) {
        value = args[++k]->value;
      }
      if (name == "--output") outputs.push_back(value);
      if (name == "--output-dir") output_dir = value;
      if (name == "--url") operands.push_back(value);
      if (name == "--remote-name" || name == "--remote-name-all") remote_name = true;
      continue;
    }
    if (!IsOption(v)) {
      operands.push_back(v);
      continue;
    }
    for (size_t i = 1; i < v.size(); ++i) {
      if (v[i] == 'O') remote_name = true;
      if (kShortWithValue.find(v[i]) == std::string_view::npos) continue;
      std::string value = v.substr(i + 1);
      if (value.empty() && k + 1 < args.size()) value = args[++k]->value;
      if (v[i] == 'o') outputs.push_back(value);
      break;
    }
  }
  for (const auto& o : operands) {
    if (IsUrl(o)) info.urls.push_back(o);
  }
  for (const auto& o : outputs) {
    if (o != "-" && !o.empty())
      info.output_files.push_back(output_dir.empty() ? o : Join(output_dir, o));
  }
  if (remote_name) {
    for (const auto& o : operands) {
      const std::string base = BaseName(UrlPath(o));
      if (!base.empty())
        info.output_files.push_back(output_dir.empty() ? base : Join(output_dir, base));
    }
  }
  FinishUrls(info);
  return info;
}

DownloadInfo Wget(const Words& args) {
  static constexpr std::array<std::string_view, 16> kLongWithValue = {"--output-document",
                                                                      "--directory-prefix",
                                                                      "--output-file",
                                                                      "--append-output",
                                                                      "--user",
                                                                      "--password",
                                                                      "--header",
                                                                      "--tries",
                                                                      "--timeout",
                                                                      "--user-agent",
                                                                      "--post-data",
                                                                      "--input-file",
                                                                      "--referer",
                                                                      "--execute",
                                                                      "--load-cookies",
                                                                      "--save-cookies"};
  constexpr std::string_view kShortWithValue = "OoaPeitTwQUBlARDXI";
  DownloadInfo info;
  info.is_download = true;
  bool has_document = false;
  std::string document;
  std::string dir;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    if (v.starts_with("--") && v.size() > 2) {
      const size_t eq = v.find('=');
      const std::string name = v.substr(0, eq);
      std::string value;
      if (eq != std::string::npos) {
        value = v.substr(eq + 1);
      } else if (OneOf(name, kLongWithValue) && k + 1 < args.size()) {
        value = args[++k]->value;
      }
      if (name == "--output-document") {
        has_document = true;
        document = value;
      }
      if (name == "--directory-prefix") dir = value;
      continue;
    }
    if (!IsOption(v)) {
      if (IsUrl(v)) info.urls.push_back(v);
      continue;
    }
    for (size_t i = 1; i < v.size(); ++i) {
      if (v[i] == 'n') break;  // -nv, -nc, -nd: the rest of the word is the option
      if (kShortWithValue.find(v[i]) == std::string_view::npos) continue;
      std::string value = v.substr(i + 1);
      if (value.empty() && k + 1 < args.size()) value = args[++k]->value;
      if (v[i] == 'O') {
        has_document = true;
        document = value;
      }
      if (v[i] == 'P') dir = value;
      break;
    }
  }
  if (has_document) {
    if (document != "-" && !document.empty()) info.output_files.push_back(document);
  } else {
    for (const auto& url : info.urls) {
      std::string base = BaseName(UrlPath(url));
      if (base.empty()) base = "index.html";
      info.output_files.push_back(dir.empty() ? CleanPath(base) : Join(dir, base));
    }
  }
  FinishUrls(info);
  return info;
}

// HTTPie and xh: `http URL` prints the body; --download (-d) saves it (-o FILE, or the URL's
// last path element).
DownloadInfo Httpie(const Words& args) {
  DownloadInfo info;
  info.is_download = true;
  bool download = false;
  std::string output;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    if (v == "--download" || v == "-d") download = true;
    if ((v == "--output" || v == "-o") && k + 1 < args.size()) output = args[++k]->value;
    if (v.starts_with("--output=")) output = v.substr(9);
    if (!IsOption(v) && info.urls.empty() && v.find('=') == std::string::npos &&
        v.find(':') != std::string::npos) {
      info.urls.push_back(v);
    }
  }
  if (download || !output.empty()) {
    const std::string file =
        !output.empty() ? output : (info.urls.empty() ? "" : BaseName(UrlPath(info.urls[0])));
    if (!file.empty() && file != "-") info.output_files.push_back(CleanPath(file));
  }
  FinishUrls(info);
  return info;
}

// gsutil [-m] cp gs://bucket/object DEST, gsutil cat gs://..., gcloud storage cp|cat.
DownloadInfo CloudStorage(const Words& args, size_t first) {
  DownloadInfo info;
  std::string_view sub;
  for (size_t k = first; k < args.size(); ++k) {
    const std::string& v = args[k]->value;
    if (v == "-o" || v == "-h" || v == "-u" || v == "-p") {
      ++k;
    } else if (!IsOption(v)) {
      sub = v;
      break;
    }
  }
  const bool copies = sub == "cp" || sub == "mv" || sub == "rsync" || sub.starts_with("gs://");
  if (!copies && sub != "cat") return info;
  info.is_download = true;
  for (size_t k = first; k < args.size(); ++k) {
    const std::string& source = args[k]->value;
    if (!source.starts_with("gs://")) continue;
    info.urls.push_back(source);
    if (!copies || k + 1 >= args.size()) break;
    const std::string& dest = args[k + 1]->value;
    if (dest == "-" || dest.starts_with("gs://")) break;
    info.output_files.push_back(IsDirectoryLike(dest) ? Join(dest, BaseName(UrlPath(source)))
                                                      : CleanPath(dest));
    break;
  }
  return info;
}

// aws s3 cp s3://bucket/key DEST; aws s3api get-object --bucket B --key K OUTFILE.
DownloadInfo Aws(const Words& args) {
  static constexpr std::array<std::string_view, 8> kGlobalWithValue = {
      "--region", "--profile", "--endpoint-url", "--output",
      "--color",  "--query",   "--ca-bundle",    "--cli-read-timeout"};
  DownloadInfo info;
  size_t k = 0;
  while (k < args.size() && IsOption(args[k]->value)) {
    k += OneOf(std::string_view(args[k]->value), kGlobalWithValue) ? 2 : 1;
  }
  if (k + 1 >= args.size()) return info;
  const std::string& service = args[k]->value;
  const std::string& operation = args[k + 1]->value;
  std::vector<std::string> operands;
  std::string key;
  for (size_t i = k + 2; i < args.size(); ++i) {
    const std::string& v = args[i]->value;
    if (v == "--key" && i + 1 < args.size()) key = args[i + 1]->value;
    if (IsOption(v)) {
      if (v != "--recursive" && v != "--dryrun" && v != "--quiet" && v != "--no-progress" &&
          i + 1 < args.size() && !IsOption(args[i + 1]->value) && service == "s3") {
        ++i;  // an option of `aws s3 cp` with a value (--acl, --exclude, ...)
      }
      continue;
    }
    operands.push_back(v);
  }
  if (service == "s3api" && operation == "get-object") {
    info.is_download = true;
    const std::string& out = args.back()->value;
    const std::string from = !key.empty()       ? key
                             : args.size() >= 2 ? args[args.size() - 2]->value
                                                : "";
    info.output_files.push_back(IsDirectoryLike(out) ? Join(out, BaseName(from)) : CleanPath(out));
  } else if (service == "s3" && (operation == "cp" || operation == "mv") && operands.size() >= 2 &&
             operands[0].starts_with("s3://")) {
    info.is_download = true;
    info.urls.push_back(operands[0]);
    const std::string& dest = operands[1];
    if (dest != "-") {
      info.output_files.push_back(IsDirectoryLike(dest) ? Join(dest, BaseName(UrlPath(operands[0])))
                                                        : CleanPath(dest));
    }
  }
  return info;
}

}  // namespace

DownloadInfo ClassifyDownload(const CommandView& view) {
  DownloadInfo info;
  const std::string& n = view.name;
  if (n == "curl" || n == "curlie") {
    info = Curl(view.args);
  } else if (n == "wget" || n == "wget2") {
    info = Wget(view.args);
  } else if (n == "http" || n == "https" || n == "xh" || n == "xhs") {
    info = Httpie(view.args);
  } else if (view.name == "gsutil") {
    info = CloudStorage(view.args, 0);
  } else if (view.name == "gcloud" && !view.args.empty() && view.args[0]->value == "storage") {
    info = CloudStorage(view.args, 1);
  } else if (view.name == "aws") {
    info = Aws(view.args);
  }
  if (info.is_download) info.program = view.name;
  return info;
}

bool IsCommitPinnedUrl(std::string_view url) {
  static const core::Regex kPinned(
      R"(^(?:https?://)?(?:raw\.githubusercontent\.com/[^/]+/[^/]+|github\.com/[^/]+/[^/]+/raw)/[0-9a-fA-F]{40}/)");
  return kPinned.PartialMatch(url);
}

std::string CommitPinnedUrlFix(std::string_view url) {
  static const core::Regex kRaw(
      R"(^((?:https?://)?raw\.githubusercontent\.com/[^/]+/[^/]+/)((?:refs/(?:heads|tags)/)?[^/]+)(/.*)$)");
  std::array<std::string_view, 4> groups;  // the URL, its prefix, ref and rest
  if (!kRaw.FullMatch(url, groups)) return "";
  if (IsCommitPinnedUrl(url)) return "";
  return std::string(groups[1]) + "<40-hex commit sha>" + std::string(groups[3]);
}

std::string CleanPath(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == '/';
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    const std::string_view part = path.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out = rooted ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += '/';
    out += parts[k];
  }
  return out.empty() ? "." : out;
}

std::string BaseName(std::string_view path) {
  const size_t cut = path.find_first_of("?#");
  if (cut != std::string_view::npos) path = path.substr(0, cut);
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return std::string(base == "/" ? "" : base);
}

}  // namespace riskgate::evaluate::pins
