#include <catch2/catch.hpp>

#include "evaluate/text/keyword_index.h"

namespace riskgate::evaluate {

TEST_CASE("the keyword index finds overlapping keywords case-insensitively", "[evaluate]") {
  KeywordIndex index({"akia", "ghp_", "kia", "token"});
  std::vector<char> found;
  CHECK(index.Find("x = AKIAABC", found) == 2);
  CHECK(found == std::vector<char>{1, 0, 1, 0});
  CHECK(index.Find("my_TOKEN and ghp_x", found) == 2);
  CHECK(found == std::vector<char>{0, 1, 0, 1});
  CHECK(index.Find("nothing here", found) == 0);
}

TEST_CASE("the keyword index finds a keyword that is a suffix of another's prefix", "[evaluate]") {
  KeywordIndex index({"abcd", "bc"});
  std::vector<char> found;
  CHECK(index.Find("xabcx", found) == 1);
  CHECK(found == std::vector<char>{0, 1});
}

TEST_CASE("the keyword index handles bytes outside ASCII", "[evaluate]") {
  KeywordIndex index({"\xff\xfe", "key"});
  std::vector<char> found;
  CHECK(index.Find(std::string("a\xff\xfe\0KEY", 7), found) == 2);
}

}  // namespace riskgate::evaluate
