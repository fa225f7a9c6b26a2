#include "dashboard/format_number.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

namespace riskgate::dashboard {

TEST_CASE("decimals are written without trailing zeros and minus zero is 0", "[dashboard]") {
  CHECK(FormatDecimal(3.5, 1) == "3.5");
  CHECK(FormatDecimal(2.0, 4) == "2");
  CHECK(FormatDecimal(7.25, 1) == "7.2");
  CHECK(FormatDecimal(2.0 / 3.0, 4) == "0.6667");
  CHECK(FormatDecimal(-0.00001, 2) == "0");
  CHECK(FormatDecimal(-29, 4) == "-29");
  CHECK(FormatDecimal(1200, 0) == "1200");
  CHECK_FALSE(FormatDecimal(1e300, 1).empty());
  CHECK(FormatDecimal(std::nan(""), 2).empty());
  CHECK(FormatDecimal(std::numeric_limits<double>::infinity(), 2).empty());
  CHECK(FormatMachine(0.123456) == "0.1235");
  CHECK(RoundMachine(2.0 / 3.0) == 0.6667);
  CHECK(RoundMachine(-0.00001) == 0);
}

TEST_CASE("days and percentages for people say n/a when the figure is absent", "[dashboard]") {
  CHECK(FormatDays(3.25) == "3.2");
  CHECK(FormatDays(std::nullopt) == "n/a");
  CHECK(FormatDays(std::nan("")) == "n/a");
  CHECK(FormatPercent(0.75) == "75%");
  CHECK(FormatPercent(2.0 / 3.0) == "66.7%");
  CHECK(FormatPercent(std::nullopt) == "n/a");
  CHECK(FormatPartOfWhole(8, 10) == "8 of 10 (80%)");
  CHECK(FormatPartOfWhole(0, 0) == "none");
  CHECK(FormatPartOfWhole(16, 20, "uses") == "16 of 20 uses (80%)");
  CHECK(FormatPartOfWhole(0, 0, "images") == "no images");
}

TEST_CASE("a share of nothing is absent rather than a division by zero", "[dashboard]") {
  CHECK_FALSE(Share(1, 0).has_value());
  CHECK_FALSE(Share(0, -1).has_value());
  CHECK(Share(1, 4) == 0.25);
}

}  // namespace riskgate::dashboard
