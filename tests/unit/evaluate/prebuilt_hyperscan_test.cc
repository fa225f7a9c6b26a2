// Issue 21: Hyperscan databases compiled at build time (evaluate/text/prebuilt_hyperscan.h).
// The image reads back exactly and refuses every malformed form; a database is found only by
// what it matches (one expression or flag changed finds nothing); a prebuilt database loads
// once the texts offered reach its smaller mark and then answers exactly as a compiled one,
// with the expressions the compiler left out still treated as matching; one that does not load
// falls back to compiling at the usual mark; and the image this build embeds holds the default
// policy's databases, for every target this CPU runs.
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "collect/pack/zlib_stream.h"
#include "evaluate/secrets/secrets_scanner.h"
#include "evaluate/text/hyperscan_db.h"
#include "evaluate/text/prebuilt_hyperscan.h"
#include "policy/policy.h"
#include "support/corpus.h"

namespace riskgate::evaluate {
namespace {

bool SkipWithoutHyperscan() {
  if (LazyHyperscan::Available()) return false;
  std::printf("%s: built without Hyperscan or on a CPU it does not support\n",
              std::string(testing::kSkipMarker).c_str());
  return true;
}

// Every (expression id, end offset) the database reports in `text`; nullopt when it does not
// serve.
std::optional<std::vector<std::pair<unsigned, unsigned long long>>> Matches(
    const LazyHyperscan& database, std::string_view text) {
  std::vector<std::pair<unsigned, unsigned long long>> found;
  const auto on_match = [](unsigned id, unsigned long long end, void* context) {
    static_cast<std::vector<std::pair<unsigned, unsigned long long>>*>(context)->emplace_back(id,
                                                                                              end);
    return 0;
  };
  if (!database.Scan(text, on_match, &found)) return std::nullopt;
  std::sort(found.begin(), found.end());
  return found;
}

// `database` compiled for every target this CPU runs, as the build tool writes them.
std::string ImageOf(const LazyHyperscan& database, std::vector<std::string>& keep) {
  std::vector<PrebuiltHyperscan> entries;
  for (const HyperscanTarget target : LazyHyperscan::HostTargets()) {
    auto serialized = database.Serialize(target);
    REQUIRE(serialized);
    keep.push_back(collect::pack::DeflateOwn(serialized->bytes));
    entries.push_back(
        {database.key(), target, serialized->left_out, serialized->bytes.size(), keep.back()});
  }
  return EncodePrebuiltHyperscan(entries);
}

TEST_CASE("a prebuilt image reads back exactly and refuses every malformed form",
          "[unit][evaluate][hyperscan]") {
  const std::string first = collect::pack::DeflateOwn("first database");
  const std::string second = collect::pack::DeflateOwn("second");
  const std::vector<PrebuiltHyperscan> entries = {
      {"key-one", HyperscanTarget::kGeneric, {}, 14, first},
      {"key-two", HyperscanTarget::kAvx512, {3, 7}, 6, second}};
  const std::vector<PrebuiltWidth> widths = {{"key\\s*=\\s*[A-Z]{6}", false, std::nullopt},
                                             {"zz[a-f]{1,4}zz", true, 8}};
  const std::string image = EncodePrebuiltHyperscan(entries, widths);
  const auto decoded = DecodePrebuiltHyperscan(image);
  REQUIRE(decoded);
  const auto decoded_widths = DecodePrebuiltWidths(image);
  REQUIRE(decoded_widths);
  REQUIRE(decoded_widths->size() == 2);
  CHECK((*decoded_widths)[0].expression == widths[0].expression);
  CHECK_FALSE((*decoded_widths)[0].caseless);
  CHECK_FALSE((*decoded_widths)[0].width);
  CHECK((*decoded_widths)[1].expression == widths[1].expression);
  CHECK((*decoded_widths)[1].caseless);
  CHECK((*decoded_widths)[1].width == std::optional<std::uint64_t>(8));
  CHECK(DecodePrebuiltWidths(EncodePrebuiltHyperscan(entries))->empty());
  REQUIRE(decoded->size() == 2);
  CHECK((*decoded)[0].key == "key-one");
  CHECK((*decoded)[0].target == HyperscanTarget::kGeneric);
  CHECK((*decoded)[0].left_out.empty());
  CHECK((*decoded)[0].size == 14);
  CHECK((*decoded)[0].deflated == first);
  CHECK((*decoded)[1].key == "key-two");
  CHECK((*decoded)[1].target == HyperscanTarget::kAvx512);
  CHECK((*decoded)[1].left_out == std::vector<unsigned>{3, 7});
  CHECK((*decoded)[1].deflated == second);
  CHECK(collect::pack::InflateOwn((*decoded)[1].deflated, 6).value() == "second");

  // Cut anywhere, one byte more, another magic, a target past the last, a zero size.
  for (std::size_t size = 0; size < image.size(); ++size) {
    CHECK_FALSE(DecodePrebuiltHyperscan(image.substr(0, size)));
    CHECK_FALSE(DecodePrebuiltWidths(image.substr(0, size)));
  }
  // A caseless flag that is neither 0 nor 1 (the widths' last flag: 8 bytes before the end).
  std::string flag = image;
  flag[flag.size() - 12] = 2;
  CHECK_FALSE(DecodePrebuiltWidths(flag));
  CHECK_FALSE(DecodePrebuiltHyperscan(image + "x"));
  std::string magic = image;
  magic[0] = 'R';
  CHECK_FALSE(DecodePrebuiltHyperscan(magic));
  std::vector<PrebuiltHyperscan> odd = entries;
  odd[0].target = static_cast<HyperscanTarget>(3);
  CHECK_FALSE(DecodePrebuiltHyperscan(EncodePrebuiltHyperscan(odd)));
  odd = entries;
  odd[1].size = 0;
  CHECK_FALSE(DecodePrebuiltHyperscan(EncodePrebuiltHyperscan(odd)));
  CHECK_FALSE(RegisterPrebuiltHyperscan(image.substr(0, image.size() - 1)));
}

TEST_CASE("a prebuilt database is found by what it matches and answers as a compiled one",
          "[unit][evaluate][hyperscan]") {
  if (SkipWithoutHyperscan()) return;
  // Regexes as the rule prefilter gives them, with one the compiler refuses ("(" unbalanced):
  // left out, so it must still count as matching everywhere.
  const std::vector<std::string> expressions = {"prebuilt-test-[0-9]{4}", "(", "^zz[a-f]+zz$",
                                                "key\\s*=\\s*[A-Z]{6}"};
  const std::vector<bool> caseless = {false, false, true, false};
  const LazyHyperscan compiled(expressions, caseless, HyperscanMode::kPrefilter, 0);
  REQUIRE(compiled.ready());
  REQUIRE(compiled.left_out() == std::vector<unsigned>{1});

  static std::vector<std::string> keep;  // the registry keeps views: bytes live to the end
  static const std::string image = ImageOf(compiled, keep);
  REQUIRE(RegisterPrebuiltHyperscan(image));

  const std::size_t never = std::size_t{1} << 40;  // a mark no test reaches: compiles nothing
  const LazyHyperscan loaded(expressions, caseless, HyperscanMode::kPrefilter, never);
  CHECK(loaded.key() == compiled.key());
  CHECK_FALSE(loaded.ready());  // not for a pre-commit hook's kilobytes
  CHECK_FALSE(Matches(loaded, "prebuilt-test-1234"));
  loaded.Expect(LazyHyperscan::kPrebuiltAfterBytes);
  REQUIRE(loaded.ready());
  CHECK(loaded.prebuilt());
  CHECK_FALSE(compiled.prebuilt());
  CHECK(loaded.left_out() == compiled.left_out());
  for (const std::string text :
       {"", "nothing here\n", "x prebuilt-test-1234 y\n", "line\nZZabcZZ\nkey = ABCDEF\n",
        "prebuilt-test-12 zzabzz key=abcdef", "zzaz\nkey =\tQWERTY and prebuilt-test-99999"}) {
    const auto want = Matches(compiled, text);
    const auto got = Matches(loaded, text);
    REQUIRE(want);
    REQUIRE(got);
    CHECK(*got == *want);
  }

  // One flag or one expression changed: another key, nothing prebuilt for it.
  std::vector<bool> other_case = caseless;
  other_case[0] = true;
  const LazyHyperscan flag(expressions, other_case, HyperscanMode::kPrefilter, never);
  std::vector<std::string> other = expressions;
  other[3] += "x";
  const LazyHyperscan changed(other, caseless, HyperscanMode::kPrefilter, never);
  const LazyHyperscan literals(expressions, caseless, HyperscanMode::kLiterals, never);
  for (const LazyHyperscan* database : {&flag, &changed, &literals}) {
    CHECK(database->key() != compiled.key());
    database->Expect(LazyHyperscan::kPrebuiltAfterBytes);
    CHECK_FALSE(database->ready());
  }
}

TEST_CASE("a prebuilt database that does not load leaves the database compiled at its mark",
          "[unit][evaluate][hyperscan]") {
  if (SkipWithoutHyperscan()) return;
  const std::vector<std::string> expressions = {"broken-prebuilt", "entry"};
  const LazyHyperscan compiled(expressions, {}, HyperscanMode::kLiterals, 0);
  REQUIRE(compiled.ready());
  // Bytes that inflate but are no database, for every target this CPU runs.
  static const std::string garbage = collect::pack::DeflateOwn(std::string(4096, 'g'));
  std::vector<PrebuiltHyperscan> entries;
  for (const HyperscanTarget target : LazyHyperscan::HostTargets()) {
    entries.push_back({compiled.key(), target, {}, 4096, garbage});
  }
  static const std::string image = EncodePrebuiltHyperscan(entries);
  REQUIRE(RegisterPrebuiltHyperscan(image));

  const std::size_t mark = 4 * LazyHyperscan::kPrebuiltAfterBytes;
  const LazyHyperscan database(expressions, {}, HyperscanMode::kLiterals, mark);
  database.Expect(LazyHyperscan::kPrebuiltAfterBytes);
  CHECK_FALSE(database.ready());  // the prebuilt one failed; the compile waits for its mark
  database.Expect(mark);
  REQUIRE(database.ready());
  CHECK_FALSE(database.prebuilt());
  CHECK(*Matches(database, "an ENTRY for broken-prebuilt") ==
        *Matches(compiled, "an ENTRY for broken-prebuilt"));
}

#ifdef RISKGATE_PREBUILT_HYPERSCAN_IMAGE
TEST_CASE("the image this build embeds holds the default policy's databases for this CPU",
          "[unit][evaluate][hyperscan]") {
  if (SkipWithoutHyperscan()) return;
  std::ifstream in(RISKGATE_PREBUILT_HYPERSCAN_IMAGE, std::ios::binary);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  static const std::string image = bytes.str();
  const auto entries = DecodePrebuiltHyperscan(image);
  REQUIRE(entries);
  REQUIRE(RegisterPrebuiltHyperscan(image));

  auto policy = policy::LoadDefaultPolicy();
  REQUIRE(policy);
  const secrets::SecretsScanner scanner(policy->secrets);
  const auto databases = scanner.HyperscanDatabases();
  // Keyword literals; the rule prefilter, and its near and far parts for delta results.
  REQUIRE(databases.size() == 4);
  for (const LazyHyperscan* database : databases) {
    for (const HyperscanTarget target : LazyHyperscan::HostTargets()) {
      CHECK(std::count_if(entries->begin(), entries->end(), [&](const PrebuiltHyperscan& e) {
              return e.key == database->key() && e.target == target;
            }) == 1);
    }
    CHECK_FALSE(database->ready());
    database->Expect(LazyHyperscan::kPrebuiltAfterBytes);
    CHECK(database->prebuilt());
  }
  // The longest match of every rule the prefilter judges, as Hyperscan answers it now: the near
  // windows' reach rests on these.
  const auto widths = DecodePrebuiltWidths(image);
  REQUIRE(widths);
  CHECK(widths->size() > 500);
  std::size_t bounded = 0;
  for (const PrebuiltWidth& width : *widths) {
    INFO(width.expression);
    const auto asked = ComputeHyperscanMaxWidth(width.expression, width.caseless);
    CHECK(asked == (width.width ? std::optional<std::size_t>(*width.width) : std::nullopt));
    CHECK(KnownMaxWidth(width.expression, width.caseless) ==
          std::optional<std::optional<std::uint64_t>>(width.width));
    if (width.width) ++bounded;
  }
  CHECK(bounded > 400);
}
#endif

TEST_CASE("a width asked once is remembered", "[unit][evaluate][hyperscan]") {
  if (SkipWithoutHyperscan()) return;
  const std::string expression = "remembered-[0-9]{3}x";
  CHECK_FALSE(KnownMaxWidth(expression, true));
  CHECK(HyperscanMaxWidth(expression, true) == std::optional<std::size_t>(15));
  CHECK(KnownMaxWidth(expression, true) == std::optional<std::optional<std::uint64_t>>(15));
  CHECK_FALSE(KnownMaxWidth(expression, false));  // the flag is part of what is asked
  CHECK_FALSE(HyperscanMaxWidth("remembered-[0-9]+", false));
  CHECK(KnownMaxWidth("remembered-[0-9]+", false) ==
        std::optional<std::optional<std::uint64_t>>(std::in_place, std::nullopt));
}

}  // namespace
}  // namespace riskgate::evaluate
