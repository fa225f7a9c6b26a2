#include <catch2/catch.hpp>

#include "evaluate/pins/pin_rewrite.h"

namespace riskgate::evaluate::pins {

TEST_CASE("a pin replacement touches only its line's ref and adds the tag comment",
          "[evaluate][pins][fix]") {
  const std::string sha(40, 'f');
  const std::string text = "steps:\n  - uses: 'a/b@v1'\n  - uses: a/b@v1 # keep\n  - uses: a/b@v1";
  const std::string out =
      ApplyPinReplacements(text, {{2, "v1", sha}, {3, "v1", sha}, {4, "v1", sha}});
  CHECK(out == "steps:\n  - uses: 'a/b@" + sha + "' # v1\n  - uses: a/b@" + sha +
                   " # v1 # keep\n  - uses: a/b@" + sha + " # v1");
  // A comment already naming the tag is not doubled; a quoted value's comment keeps its spacing.
  CHECK(ApplyPinReplacements("- uses: a/b@v1 # v1 (pinned)\r\n- uses: \"a/b@v1\"   # why\r\n",
                             {{1, "v1", sha}, {2, "v1", sha}}) ==
        "- uses: a/b@" + sha + " # v1 (pinned)\r\n- uses: \"a/b@" + sha + "\" # v1   # why\r\n");
  // A line that no longer holds the ref is left alone.
  CHECK(ApplyPinReplacements(text, {{1, "v1", sha}}) == text);
}

}  // namespace riskgate::evaluate::pins
