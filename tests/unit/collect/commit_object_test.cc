// Issue 21: the history walk reads commits with its own parser (collect/pack/commit_object.h).
// Wherever it reads a commit, it must read what libgit2 reads: the same tree, parents, author,
// committer time and message. Checked on commits git writes, on crafted ones, and on thousands
// of random edits of a commit, each written to a real object store and read back by libgit2.
#include <git2.h>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "collect/pack/commit_object.h"
#include "support/temp_repo.h"

namespace riskgate::collect::pack {
namespace {

using namespace std::string_literals;
using testing::TempRepo;

struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};

std::string Hex(const git_oid* oid) {
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, oid);
  return hex;
}

// A repository's object store through libgit2: commit objects written as given, read back.
class Store {
 public:
  explicit Store(const std::string& path) {
    REQUIRE(git_repository_open(&repo_, path.c_str()) == 0);
    REQUIRE(git_repository_odb(&odb_, repo_) == 0);
  }
  ~Store() {
    git_odb_free(odb_);
    git_repository_free(repo_);
  }

  // What libgit2 reads of `text` as a commit, or nullopt when it refuses it.
  std::optional<CommitFacts> Libgit2(const std::string& text) {
    git_oid oid;
    REQUIRE(git_odb_write(&oid, odb_, text.data(), text.size(), GIT_OBJECT_COMMIT) == 0);
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repo_, &oid) != 0) return std::nullopt;
    CommitFacts facts;
    facts.tree = Hex(git_commit_tree_id(commit));
    for (unsigned int p = 0; p < git_commit_parentcount(commit); ++p) {
      facts.parents.push_back(Hex(git_commit_parent_id(commit, p)));
    }
    const git_signature* author = git_commit_author(commit);
    facts.author = std::string(author->name ? author->name : "") + " <" +
                   (author->email ? author->email : "") + ">";
    facts.time = static_cast<long long>(git_commit_time(commit));
    if (const char* message = git_commit_message(commit)) facts.message = message;
    git_commit_free(commit);
    return facts;
  }

 private:
  git_repository* repo_ = nullptr;
  git_odb* odb_ = nullptr;
};

void CheckSame(const CommitFacts& mine, const CommitFacts& theirs) {
  CHECK(mine.tree == theirs.tree);
  CHECK(mine.parents == theirs.parents);
  CHECK(mine.author == theirs.author);
  CHECK(mine.time == theirs.time);
  CHECK(mine.message == theirs.message);
}

// `text` is read here, and libgit2 reads the same of it.
void CheckReadAlike(Store& store, const std::string& text) {
  INFO(text);
  auto mine = ParseCommit(text);
  REQUIRE(mine);
  auto theirs = store.Libgit2(text);
  REQUIRE(theirs);
  CheckSame(*mine, *theirs);
}

const std::string kTree = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n";
const std::string kParent = "parent 2f4d1c1f7e35b1b6d3c0a38a8cbfa0b4c0ee7f1a\n";
const std::string kAuthor = "author A U Thor <author@example.com> 1700000000 +0100\n";
const std::string kCommitter = "committer C O Mitter <c@example.com> 1700000100 -0230\n";

TEST_CASE("commits read without libgit2 are read as libgit2 reads them",
          "[unit][collect][history]") {
  Library library;
  TempRepo repo;
  for (int i = 0; i < 3; ++i) {
    repo.Write("f" + std::to_string(i), std::to_string(i) + "\n");
    repo.Commit("commit " + std::to_string(i) + "\n\nwith a body\n");
  }
  Store store(repo.path());

  SECTION("commits git wrote") {
    for (const std::string rev : {"HEAD", "HEAD~1", "HEAD~2"}) {
      CheckReadAlike(store, repo.Git({"cat-file", "commit", rev}));
    }
  }

  SECTION("shapes read here") {
    const std::vector<std::string> read = {
        kTree + kAuthor + kCommitter + "\nsubject\n",
        kTree + kParent + kParent + kAuthor + kCommitter + "\nmerge\n",
        kTree + kAuthor + kCommitter,  // no message at all
        kTree + kAuthor + kCommitter + "\n",
        kTree + kAuthor + kCommitter + "\n\n\n\nleading blank lines\n",
        kTree + kAuthor + kCommitter + "encoding ISO-8859-1\n\nlatin \xe9\n",
        kTree + kAuthor + kCommitter +
            "gpgsig -----BEGIN PGP SIGNATURE-----\n \n abc\n -----END PGP "
            "SIGNATURE-----\n\nsigned\n",
        kTree + "author   spaced\tname  < spaced@example.com > 1 +0000\n" + kCommitter + "\nx\n",
        kTree + "author <no-name@example.com> 2 +0000\n" + kCommitter + "\nx\n",
        kTree + "author Odd <one> <two> 3 +0000\n" + kCommitter + "\nx\n",
        kTree + "author No Time <t@example.com>\n" + kCommitter + "\nx\n",
        kTree + kAuthor + "committer Zone <z@example.com> 1700000200 garbage\n\nx\n",
        kTree + kAuthor + "committer Late <z@example.com> 99999999999\n\nx\n",
        kTree + kAuthor + kCommitter + "\nmessage\r\nwith CRLF\r\n",
    };
    for (const std::string& text : read) CheckReadAlike(store, text);
  }

  SECTION("shapes left to libgit2") {
    const std::vector<std::string> left = {
        "",
        kAuthor + kCommitter + "\nno tree\n",
        "tree 4B825DC642CB6EB9A060E54BF8D69288FBEE4904\n" + kAuthor + kCommitter + "\nupper\n",
        kTree + "parent 123\n" + kAuthor + kCommitter + "\nshort parent\n",
        kTree + kAuthor + kAuthor + kCommitter + "\ntwo authors\n",
        kTree + kCommitter + "\nno author\n",
        kTree + kAuthor + "\nno committer\n",
        kTree + "author No Email 1 +0000\n" + kCommitter + "\nx\n",
        kTree + "author Reversed >r@example.com< 1 +0000\n" + kCommitter + "\nx\n",
        kTree + "author Bad Time <b@example.com> soon +0000\n" + kCommitter + "\nx\n",
        kTree + kAuthor + "committer Signed <s@example.com> +1700000000 +0000\n\nx\n",
        kTree + kAuthor + "committer NoTime <s@example.com>\n\nx\n",
        kTree + kAuthor + "committer Huge <s@example.com> 99999999999999999999 +0000\n\nx\n",
        kTree + kAuthor + kCommitter + "\nnul \0 inside\n"s,
        kTree + kAuthor + "committer Cut <c@example.com> 1",  // no newline
    };
    for (const std::string& text : left) {
      INFO(text);
      CHECK_FALSE(ParseCommit(text));
    }
  }

  SECTION("random edits: whatever is read here, libgit2 reads the same") {
    const std::string base =
        kTree + kParent + kAuthor + kCommitter + "mergetag object x\n" + "\n\nsubject\n\nbody\n";
    const std::string alphabet = " <>\n\t+-0123456789abAZ:@\0\r\f\v"s;
    std::mt19937 random(21);
    int read = 0;
    for (int round = 0; round < 3000; ++round) {
      std::string text = base;
      const int edits = 1 + static_cast<int>(random() % 4);
      for (int e = 0; e < edits && !text.empty(); ++e) {
        const std::size_t at = random() % text.size();
        const char c = alphabet[random() % alphabet.size()];
        switch (random() % 3) {
          case 0:
            text[at] = c;
            break;
          case 1:
            text.insert(at, 1, c);
            break;
          default:
            text.erase(at, 1 + random() % 3);
            break;
        }
      }
      auto mine = ParseCommit(text);
      if (!mine) continue;
      ++read;
      INFO(text);
      auto theirs = store.Libgit2(text);
      REQUIRE(theirs);
      CheckSame(*mine, *theirs);
    }
    CHECK(read > 400);  // many edits leave a commit this parser reads
  }
}

TEST_CASE("a tag's target is the id on its first line, in the shape git writes",
          "[unit][collect][history]") {
  const std::string id = "2f4d1c1f7e35b1b6d3c0a38a8cbfa0b4c0ee7f1a";
  const std::string rest =
      "type commit\ntag v1\ntagger T <t@example.com> 1700000000 +0000\n\nrel\n";
  CHECK(TagTargetId("object " + id + "\n" + rest) == id);
  CHECK(TagTargetId("object " + id + "\n") == id);
  // Anything else names nothing: a walk then stops with an error rather than guess.
  CHECK_FALSE(TagTargetId("object " + id));                          // no line end
  CHECK_FALSE(TagTargetId("object " + id.substr(1) + "\n" + rest));  // 39 digits
  std::string upper = id;
  upper[0] = 'F';
  CHECK_FALSE(TagTargetId("object " + upper + "\n" + rest));
  CHECK_FALSE(TagTargetId("objekt " + id + "\n" + rest));
  CHECK_FALSE(TagTargetId("type commit\nobject " + id + "\n"));
  CHECK_FALSE(TagTargetId("object  " + id + "\n"));
  CHECK_FALSE(TagTargetId(""));
}

TEST_CASE("a tag's own name is its header's tag line, never a line of its message",
          "[unit][collect][history]") {
  const std::string head = "object 2f4d1c1f7e35b1b6d3c0a38a8cbfa0b4c0ee7f1a\ntype commit\n";
  CHECK(TagName(head + "tag v1.0\ntagger T <t@example.com> 1700000000 +0000\n\nrel\n") == "v1.0");
  CHECK(TagName(head + "tag last") == "last");  // no line end after it
  CHECK(TagName(head + "tag \n\n") == "");      // an empty name is a name
  CHECK_FALSE(TagName(head + "tagger T <t@example.com> 1 +0000\n\ntag in message\n"));
  CHECK_FALSE(TagName("\ntag v1\n"));  // the header ends at once
  CHECK_FALSE(TagName(""));
}

}  // namespace
}  // namespace riskgate::collect::pack
