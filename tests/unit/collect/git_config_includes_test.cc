// What collect/git_config_includes.cc finds a configuration including must be what libgit2,
// which opens those files, includes: checked on written cases and on ~4,000 random configs
// (quotes, escapes, comments, continued lines, headers with a key after them, CRLF, a BOM,
// random bytes, NULs), each opened by libgit2 with the files it may include holding a marker key.
#include "collect/git_config_includes.h"

#include <git2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "support/temp_repo.h"

namespace riskgate::collect {
namespace {

namespace fs = std::filesystem;
using Paths = std::vector<std::string>;
using namespace std::string_literals;
using namespace std::string_view_literals;

struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};

// Files a config may include: names with a space, `;`, `#`, a quote, a backslash, a tab.
const std::vector<std::string> kNames = {"i0", "i 1", "i;2", "i#3", "i\"4", "i\\5", "i\t6", "i7"};

// `name` written as a config value that reads back as `name`.
std::string Encoded(const std::string& name, std::mt19937& random) {
  std::string plain;
  bool needs_quotes = false;
  for (const char c : name) {
    if (c == '"')
      plain += "\\\"";
    else if (c == '\\')
      plain += "\\\\";
    else if (c == '\t')
      plain += (random() % 2 != 0) ? std::string("\\t") : std::string("\t");
    else
      plain.push_back(c);
    needs_quotes = needs_quotes || c == ';' || c == '#';
  }
  if (needs_quotes || random() % 3 == 0) return "\"" + plain + "\"";
  return plain;
}

// A value split over lines with trailing backslashes, maybe with comment lines between.
std::string Continued(const std::string& value, std::mt19937& random) {
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const bool escape = value[i] == '\\';
    if (value[i] == '"') quoted = !quoted;
    if (!escape && i > 0 && value[i - 1] != '\\' && random() % 5 == 0) {
      out += "\\\n";
      if (!quoted && random() % 2 == 0) out += "; a comment between\n\n";
    }
    out.push_back(value[i]);
    if (escape && i + 1 < value.size()) out.push_back(value[++i]);
  }
  return out;
}

std::string RandomConfig(std::mt19937& random, bool conditional) {
  static const std::vector<std::string> kHeaders = {"[include]",
                                                    "[Include]",
                                                    "\t[INCLUDE]  ",
                                                    "[include \"sub\"]",
                                                    "[core]",
                                                    "[include.sub]",
                                                    "[includeIf \"gitdir:/nowhere/\"]",
                                                    "[includeif.x]",
                                                    "[remote \"origin\"]"};
  std::string text = random() % 8 == 0 ? "\xEF\xBB\xBF" : "";
  const int lines = 1 + static_cast<int>(random() % 8);
  for (int line = 0; line < lines; ++line) {
    std::size_t header = random() % kHeaders.size();
    if (!conditional && kHeaders[header].find("ncludeIf") != std::string::npos) header = 0;
    if (!conditional && kHeaders[header] == "[includeif.x]") header = 1;
    text += kHeaders[header];
    const int keys = static_cast<int>(random() % 3);
    for (int key = 0; key < keys; ++key) {
      text += (key == 0 && random() % 3 == 0) ? " " : "\n\t";
      const std::string value = Encoded(kNames[random() % kNames.size()], random);
      static const std::vector<std::string> kKeys = {"path", "Path", "PATH", "paths", "url"};
      text += kKeys[random() % kKeys.size()] + (random() % 2 != 0 ? " = " : "=");
      text += random() % 4 == 0 ? Continued(value, random) : value;
      switch (random() % 4) {
        case 0:
          text += " ; a comment";
          break;
        case 1:
          text += "\t# another";
          break;
        default:
          break;
      }
    }
    text += random() % 5 == 0 ? "\r\n" : "\n";
    if (random() % 4 == 0) text += "# a comment line\n";
  }
  return text;
}

// Random bytes of config syntax put into `text`.
std::string Mutated(std::string text, std::mt19937& random) {
  static const std::string kBytes("\"\\;#[] \n\t=\rp\0", 13);
  const int edits = 1 + static_cast<int>(random() % 3);
  for (int edit = 0; edit < edits && !text.empty(); ++edit) {
    const std::size_t at = random() % text.size();
    const char byte = kBytes[random() % kBytes.size()];
    if (random() % 2 == 0)
      text[at] = byte;
    else
      text.insert(at, 1, byte);
  }
  return text;
}

// Which of the files of kNames libgit2 includes when it opens `config`; nullopt if it refuses.
std::optional<std::set<std::size_t>> Libgit2Includes(const fs::path& config) {
  git_config* opened = nullptr;
  if (git_config_open_ondisk(&opened, config.c_str()) != 0) return std::nullopt;
  std::set<std::size_t> out;
  for (std::size_t n = 0; n < kNames.size(); ++n) {
    git_config_entry* entry = nullptr;
    const std::string key = "marker.k" + std::to_string(n);
    if (git_config_get_entry(&entry, opened, key.c_str()) == 0) out.insert(n);
    git_config_entry_free(entry);
  }
  git_config_free(opened);
  return out;
}

// Which of the files of kNames the paths found in `text` name (relative to `dir`).
std::set<std::size_t> OurIncludes(const std::string& text, const fs::path& dir) {
  std::set<std::size_t> out;
  for (const std::string& path : ConfigIncludePaths(text)) {
    for (std::size_t n = 0; n < kNames.size(); ++n) {
      if (path == kNames[n] || path == (dir / kNames[n]).string()) out.insert(n);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("config include paths are read as libgit2 reads them", "[collect][git_config_includes]") {
  CHECK(ConfigIncludePaths("[include]\n\tpath = a\n") == Paths{"a"});
  CHECK(ConfigIncludePaths("[INCLUDE] path = a\n[core] path = b\n") == Paths{"a"});
  CHECK(ConfigIncludePaths("[include \"x\"]\npath = a\n[include.x]\npath = b\n").empty());
  CHECK(ConfigIncludePaths("[includeIf \"gitdir:~/w/\"]\n  PATH=\"a;b\" ; c\n") == Paths{"a;b"});
  CHECK(ConfigIncludePaths("[include]\npath = a\\\n; skipped\n\n  b # c\n") == Paths{"a  b"});
  CHECK(ConfigIncludePaths("[include]\npath = \"a\\\"\\\\b\\tc\"\r\n") == Paths{"a\"\\b\tc"});
  CHECK(ConfigIncludePaths("\xEF\xBB\xBF[include]\npath=\npath\npaths = x\n").empty());
  CHECK(ConfigIncludePaths("path = a\n[include]\npath = a\0b\n"sv) == Paths{"a"});
  // A continued value ends at a line that starts with a NUL (libgit2 takes it for the file's
  // end there), and the lines after it are read as lines of their own.
  CHECK(ConfigIncludePaths("[include]\n\tpath = a\\\n\0\n\tpath = b\n"sv) == Paths{"a", "b"});
  CHECK(ConfigIncludePaths("[include]\n\tpath = a\\\n \0x\n\tb\n"sv) == Paths{"a\tb"});
  // libgit2 stops at a syntax error after opening what came before; this goes on reading.
  CHECK(ConfigIncludePaths("[include]\npath = a\n!!\npath = b\n") == Paths{"a", "b"});
}

TEST_CASE("random configs include the files libgit2 includes", "[collect][git_config_includes]") {
  Library library;
  testing::TempDir tmp;
  const fs::path dir = fs::path(tmp.path());
  for (std::size_t n = 0; n < kNames.size(); ++n) {
    std::ofstream(dir / kNames[n]) << "[marker]\n\tk" << n << " = 1\n";
  }
  std::mt19937 random(21);
  int opened = 0;
  int including = 0;
  for (int round = 0; round < 4000; ++round) {
    const bool conditional = round % 4 == 3;
    std::string text = RandomConfig(random, conditional);
    if (round % 2 == 1) text = Mutated(text, random);
    std::ofstream(dir / "config", std::ios::binary | std::ios::trunc) << text;
    const auto theirs = Libgit2Includes(dir / "config");
    const auto ours = OurIncludes(text, dir);
    INFO(text);
    if (!theirs) continue;  // refused: nothing after its error is opened; ours reads on
    ++opened;
    if (!theirs->empty()) ++including;
    if (conditional) {
      // libgit2 skips a condition it cannot meet here; riskgate looks at every include.
      CHECK(std::includes(ours.begin(), ours.end(), theirs->begin(), theirs->end()));
    } else {
      CHECK(ours == *theirs);
    }
  }
  // The rounds exercised both sides: most configs opened, many of them including files.
  CHECK(opened > 2000);
  CHECK(including > 1000);
}

}  // namespace riskgate::collect
