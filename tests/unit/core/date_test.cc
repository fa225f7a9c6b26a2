#include "core/date.h"

#include <catch2/catch.hpp>

namespace riskgate::core {

TEST_CASE("dates round-trip through days since the epoch", "[core][date]") {
  CHECK(ParseDate("1970-01-01") == 0);
  CHECK(ParseDate("2026-11-27") == 20784);
  CHECK(FormatDate(20784) == "2026-11-27");
  CHECK(*ParseDate("2024-03-01") - *ParseDate("2024-02-28") == 2);  // leap year
  CHECK(*ParseDate("2100-03-01") - *ParseDate("2100-02-28") == 1);  // not a leap year
  for (Day d = -1000; d < 80000; d += 37) CHECK(ParseDate(FormatDate(d)) == d);
}

TEST_CASE("only real calendar dates parse, and a time of day is allowed after a T",
          "[core][date]") {
  CHECK_FALSE(ParseDate("2026-02-30"));
  CHECK_FALSE(ParseDate("2026-13-01"));
  CHECK_FALSE(ParseDate("26-11-27"));
  CHECK_FALSE(ParseDate("2026/11/27"));
  CHECK_FALSE(ParseDate("2026-11-27x"));
  CHECK(ParseDate("2026-11-27T23:59:59Z") == 20784);
  CHECK(DayOfUnixTime(20784LL * 86400 + 5) == 20784);
}

}  // namespace riskgate::core
