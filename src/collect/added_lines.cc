#include "collect/added_lines.h"

#include <algorithm>
#include <string>
#include <utility>

#include "collect/git_internal.h"
#include "collect/line_ends.h"

namespace riskgate::collect {
namespace {

using core::ErrorCode;
using core::MakeError;
using git_internal::LastError;

// Collects the added lines of a line diff into hunks of consecutive new lines, and where the
// last run of deleted lines starts.
struct LineCollector {
  std::vector<AddedHunk> hunks;
  int last_line = -1;         // new line number of the last added line appended to the current hunk
  int offset = 0;             // lines of the new text before the part diffed
  int last_deleted = -2;      // old line number (in the part diffed) of the last deleted line
  std::string deleted_first;  // the first line of that run of deleted lines, with its '\n'

  static int OnLine(const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line,
                    void* payload) {
    auto* self = static_cast<LineCollector*>(payload);
    if (line->origin == GIT_DIFF_LINE_DELETION) {
      if (line->old_lineno != self->last_deleted + 1) {
        self->deleted_first.assign(line->content, line->content_len);
      }
      self->last_deleted = line->old_lineno;
      return 0;
    }
    if (line->origin != GIT_DIFF_LINE_ADDITION) return 0;
    std::string_view content(line->content, line->content_len);
    if (!content.empty() && content.back() == '\n') content.remove_suffix(1);
    const int number = line->new_lineno + self->offset;
    if (self->hunks.empty() || number != self->last_line + 1) {
      self->hunks.push_back(AddedHunk{number, std::string(content)});
    } else {
      self->hunks.back().text += '\n';
      self->hunks.back().text.append(content);
    }
    self->last_line = number;
    return 0;
  }
};

git_diff_options LineDiffOptions() {
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  opts.flags |= GIT_DIFF_FORCE_TEXT;  // riskgate already judged both texts scannable
  return opts;
}

// AddedLines of two blobs whose bytes are the texts (`old_blob` null: no old text). libgit2
// takes their ids as they are, where AddedLines would hash both texts again (SHA-1DC: a tenth of
// a range check's time).
core::Result<std::vector<AddedHunk>> AddedLinesOfBlobs(const git_blob* old_blob,
                                                       const git_blob* new_blob) {
  const git_diff_options opts = LineDiffOptions();
  LineCollector collector;
  // No paths: no attribute, diff driver or filter of the change applies.
  const int rc = git_diff_blobs(old_blob, nullptr, new_blob, nullptr, &opts, nullptr, nullptr,
                                nullptr, &LineCollector::OnLine, &collector);
  if (rc != 0) {
    return MakeError(ErrorCode::kRepository, "cannot diff two versions of a file: " + LastError());
  }
  return std::move(collector.hunks);
}

// Lines of `text` (a last one without '\n' counts).
int LineCount(std::string_view text) {
  const auto newlines = std::count(text.begin(), text.end(), '\n');
  return static_cast<int>(newlines) + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

// The line diff of two buffers, the added lines numbered `offset` lines further down.
core::Result<LineCollector> DiffBuffers(std::string_view old_text, std::string_view new_text,
                                        int offset) {
  const git_diff_options opts = LineDiffOptions();
  LineCollector collector;
  collector.offset = offset;
  // No repository and no paths: no attribute, diff driver or filter of the change applies.
  const int rc = git_diff_buffers(old_text.data(), old_text.size(), nullptr, new_text.data(),
                                  new_text.size(), nullptr, &opts, nullptr, nullptr, nullptr,
                                  &LineCollector::OnLine, &collector);
  if (rc != 0) {
    return MakeError(ErrorCode::kRepository, "cannot diff two versions of a file: " + LastError());
  }
  return collector;
}

}  // namespace

core::Result<std::vector<AddedHunk>> AddedLinesBetween(std::string_view old_text,
                                                       std::string_view new_text,
                                                       const git_blob* old_blob,
                                                       const git_blob* new_blob) {
  const CommonLines common = CommonLineEnds(old_text, new_text);
  const auto middle = [&](std::string_view text) {
    return text.substr(common.prefix_bytes,
                       text.size() - common.prefix_bytes - common.suffix_bytes);
  };
  const std::string_view old_middle = middle(old_text);
  std::string_view new_middle = middle(new_text);
  if (new_middle.empty()) return std::vector<AddedHunk>{};
  // Whether a run of changed lines whose first line is `line` (without its '\n') and that ends
  // where the common end starts could slide into it: the end's first line is the same.
  const std::string_view suffix = new_text.substr(new_text.size() - common.suffix_bytes);
  const auto slides = [&](std::string_view line) {
    return suffix.size() > line.size() && suffix.starts_with(line) && suffix[line.size()] == '\n';
  };
  const auto first_line = [](std::string_view text) { return text.substr(0, text.find('\n')); };
  if (old_middle.empty() && !slides(first_line(new_middle))) {
    // Lines inserted between the ends: all of them added.
    if (new_middle.back() == '\n') new_middle.remove_suffix(1);
    return std::vector<AddedHunk>{AddedHunk{common.prefix_lines + 1, std::string(new_middle)}};
  }
  if (old_blob != nullptr && new_blob != nullptr &&
      2 * (old_middle.size() + new_middle.size()) > old_text.size() + new_text.size()) {
    return AddedLinesOfBlobs(old_blob, new_blob);
  }
  auto diff = DiffBuffers(old_middle, new_middle, common.prefix_lines);
  if (!diff) return tl::unexpected(diff.error());
  const bool slid =
      (!diff->hunks.empty() && diff->last_line == common.prefix_lines + LineCount(new_middle) &&
       slides(first_line(diff->hunks.back().text))) ||
      (diff->last_deleted == LineCount(old_middle) && diff->deleted_first.ends_with('\n') &&
       slides(first_line(diff->deleted_first)));
  if (slid) {
    diff = DiffBuffers(old_text.substr(common.prefix_bytes), new_text.substr(common.prefix_bytes),
                       common.prefix_lines);
    if (!diff) return tl::unexpected(diff.error());
  }
  return std::move(diff->hunks);
}

}  // namespace riskgate::collect
