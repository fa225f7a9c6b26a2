#include <git2.h>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "collect/git_repository.h"
#include "collect/line_ends.h"

namespace riskgate::collect {
namespace {

// Lines with their '\n' (a last one may lack it).
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::size_t take = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, take));
    text.remove_prefix(take);
  }
  return lines;
}

// The common ends as whole lines, line by line.
CommonLines Expected(std::string_view old_text, std::string_view new_text) {
  const auto a = SplitLines(old_text);
  const auto b = SplitLines(new_text);
  CommonLines out;
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) {
    out.prefix_bytes += a[head].size();
    ++head;
  }
  out.prefix_lines = static_cast<int>(head);
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    out.suffix_bytes += a[a.size() - 1 - tail].size();
    ++tail;
  }
  return out;
}

// libgit2's line diff of the whole texts: what AddedLines gave before it trimmed the ends.
int OnLine(const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line, void* payload) {
  if (line->origin != GIT_DIFF_LINE_ADDITION) return 0;
  auto* hunks = static_cast<std::vector<AddedHunk>*>(payload);
  std::string_view content(line->content, line->content_len);
  if (!content.empty() && content.back() == '\n') content.remove_suffix(1);
  const int last =
      hunks->empty()
          ? -1
          : hunks->back().first_line + static_cast<int>(std::count(hunks->back().text.begin(),
                                                                   hunks->back().text.end(), '\n'));
  if (hunks->empty() || line->new_lineno != last + 1) {
    hunks->push_back(AddedHunk{line->new_lineno, std::string(content)});
  } else {
    hunks->back().text.append(1, '\n').append(content);
  }
  return 0;
}

std::vector<AddedHunk> WholeDiff(std::string_view old_text, std::string_view new_text) {
  git_diff_options opts;
  git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  opts.flags |= GIT_DIFF_FORCE_TEXT;
  std::vector<AddedHunk> hunks;
  REQUIRE(git_diff_buffers(old_text.data(), old_text.size(), nullptr, new_text.data(),
                           new_text.size(), nullptr, &opts, nullptr, nullptr, nullptr, &OnLine,
                           &hunks) == 0);
  return hunks;
}

std::string Describe(const std::vector<AddedHunk>& hunks) {
  std::string out;
  for (const AddedHunk& hunk : hunks)
    out += std::to_string(hunk.first_line) + ":" + hunk.text + "|";
  return out;
}

// A text of `lines` lines drawn from `alphabet` distinct ones, the last maybe without '\n'.
std::string RandomText(std::mt19937& random, int lines, int alphabet) {
  std::string text;
  for (int i = 0; i < lines; ++i) {
    const int pick = static_cast<int>(random() % static_cast<unsigned>(alphabet));
    text += pick == 0 ? std::string() : "line " + std::to_string(pick);
    text += random() % 13 == 0 ? "\r\n" : "\n";
  }
  if (!text.empty() && random() % 4 == 0) text.pop_back();
  return text;
}

// `text` with a few lines inserted, deleted or replaced.
std::string Edit(std::mt19937& random, const std::string& text, int alphabet) {
  auto lines = SplitLines(text);
  std::vector<std::string> out(lines.begin(), lines.end());
  const int edits = 1 + static_cast<int>(random() % 4);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = out.empty() ? 0 : random() % (out.size() + 1);
    const std::string line =
        "line " + std::to_string(random() % static_cast<unsigned>(alphabet)) + "\n";
    switch (random() % 3) {
      case 0:
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), line);
        break;
      case 1:
        if (at < out.size()) out.erase(out.begin() + static_cast<std::ptrdiff_t>(at));
        break;
      default:
        if (at < out.size()) out[at] = line;
    }
  }
  std::string joined;
  for (const auto& line : out) joined += line;
  return joined;
}

}  // namespace

TEST_CASE("the common ends are whole lines, the prefix first", "[collect]") {
  const auto check = [](std::string_view a, std::string_view b) {
    const CommonLines got = CommonLineEnds(a, b);
    const CommonLines want = Expected(a, b);
    INFO(std::string(a) << " | " << std::string(b));
    CHECK(got.prefix_bytes == want.prefix_bytes);
    CHECK(got.prefix_lines == want.prefix_lines);
    CHECK(got.suffix_bytes == want.suffix_bytes);
  };
  check("", "");
  check("a\n", "a\n");
  check("a", "a\n");        // a last line without '\n' is another line
  check("a\nb", "a\nb\n");  // the same
  check("a\n", "a\na\n");   // the suffix starts after the prefix
  check("x\ny\n", "x\nz\ny\n");
  check("one\ntwo\n", "one\ntwo\nthree\n");
  check("same tail\n", "other same tail\n");  // equal bytes, not a whole line
  check("a\r\nb\r\n", "a\r\nc\r\nb\r\n");
  check("0123456789abcdef\nsuffix line\n", "0123456789abcdeX\nsuffix line\n");
  std::mt19937 random(7);
  for (int i = 0; i < 3000; ++i) {
    const std::string a = RandomText(random, static_cast<int>(random() % 40), 6);
    check(a, Edit(random, a, 6));
    check(a, RandomText(random, static_cast<int>(random() % 40), 3));
  }
}

TEST_CASE("added lines between the common ends are the lines a whole diff adds", "[collect]") {
  git_libgit2_init();
  const auto same = [](std::string_view a, std::string_view b) {
    auto got = GitRepository::AddedLines(a, b);
    REQUIRE(got.has_value());
    INFO(std::string(a) << " | " << std::string(b));
    CHECK(Describe(*got) == Describe(WholeDiff(a, b)));
  };
  same("", "a\nb\n");
  same("a\nb\n", "");
  same("a\nb\n", "a\nb\n");
  same("a\n}\n", "a\n}\nb\n}\n");              // the run slides up, then down again
  same("x\n}\n\n}\n", "x\n}\n\ny\n}\n\n}\n");  // an inserted run that could slide into the end
  same("f()\n{\n}\n\ng()\n{\n}\n", "f()\n{\n}\n\nh()\n{\n}\n\ng()\n{\n}\n");
  same("a\nb\nc\n", "a\nB\nc\n");
  same("a\nb", "a\nb\nc");
  same("keep\nold\n\nend\n", "keep\nnew\n\nadded\n\nend\n");
  same("\n\nx\n\n", "\n\nx\n\n\n\nx\n\n");
  // A line added before the common end that starts with the same line: xdiff slides it into
  // the end, a line further down, because no change of the old text is beside it.
  same("a\nb\nc\nZ\nd\n", "a\nB\nc\nZ\nZ\nd\n");
  // A line deleted there that xdiff slides likewise (diffed again with the end kept).
  same("a\nb\nc\nZ\nZ\nd\n", "a\nB\nc\nZ\nd\n");
  std::mt19937 random(11);
  int equal = 0;
  const int cases = 4000;
  for (int i = 0; i < cases; ++i) {
    // Lines from a large alphabet, so that no line repeats often enough for xdiff to set it
    // aside as too common (which it counts over whatever texts it is given).
    const std::string a = RandomText(random, 20 + static_cast<int>(random() % 60), 400);
    const std::string b = Edit(random, a, 400);
    auto got = GitRepository::AddedLines(a, b);
    REQUIRE(got.has_value());
    equal += Describe(*got) == Describe(WholeDiff(a, b)) ? 1 : 0;
  }
  CHECK(equal == cases);
  git_libgit2_shutdown();
}

}  // namespace riskgate::collect
