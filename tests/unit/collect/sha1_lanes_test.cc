// Issue 21: SHA-1 of many messages at once (collect/pack/sha1_lanes.h), two side by side where
// the CPU has the SHA extensions, held to OpenSSL's digest (core::Sha1Raw) at every length
// around the block boundaries, for every way two lanes can meet: messages of unequal lengths
// that end and are replaced at different blocks, heads of every length a git header takes.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "collect/pack/hash_queue.h"
#include "collect/pack/sha1_lanes.h"
#include "collect/pack/sha1_wide.h"
#include "core/text.h"

namespace riskgate::collect::pack {
namespace {

std::string RandomBytes(std::mt19937_64& random, std::size_t n) {
  std::string out(n, '\0');
  for (char& c : out) c = static_cast<char>(random());
  return out;
}

// Each message's digest from Sha1Many, with and without lanes, against OpenSSL's.
void CheckBatch(const std::vector<std::string>& heads, const std::vector<std::string>& bodies) {
  std::vector<Sha1Message> messages;
  for (std::size_t i = 0; i < heads.size(); ++i) messages.push_back({heads[i], bodies[i]});
  for (const Sha1Way way : {Sha1Way::kFastest, Sha1Way::kOneByOne, Sha1Way::kTwoLanes,
                            Sha1Way::kSixteenLanes, Sha1Way::kSixteenAlone}) {
    std::vector<Sha1Digest> digests(messages.size());
    Sha1Many(messages, digests, way);
    for (std::size_t i = 0; i < messages.size(); ++i) {
      INFO("way " << static_cast<int>(way) << ", message " << i << ": head " << heads[i].size()
                  << " bytes, body " << bodies[i].size());
      const std::string want = core::Sha1Raw({heads[i], bodies[i]});
      REQUIRE(std::string(digests[i].data(), digests[i].size()) == want);
    }
  }
}

TEST_CASE("SHA-1 in lanes is OpenSSL's digest at every length and however lanes meet",
          "[pack][sha1]") {
  INFO("two lanes on this CPU: " << Sha1LanesAvailable() << ", sixteen: " << Sha1WideAvailable());
  std::mt19937_64 random(7);

  SECTION("a git object's id") {
    const std::vector<Sha1Message> empty_blob = {{std::string_view("blob 0\0", 7), ""}};
    std::vector<Sha1Digest> digest(1);
    Sha1Many(empty_blob, digest);
    CHECK(core::HexBytes(std::string_view(digest[0].data(), 20)) ==
          "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  }

  SECTION("every body length up to four blocks, beside a long message, with every head length") {
    const std::string long_body = RandomBytes(random, 70000);
    for (std::size_t head = 0; head < 64; head += 7) {
      std::vector<std::string> heads;
      std::vector<std::string> bodies;
      for (std::size_t body = 0; body <= 260; ++body) {
        heads.push_back(RandomBytes(random, head));
        bodies.push_back(RandomBytes(random, body));
        if (body % 13 == 0) {  // a long one now and then: the other lane runs alone a while
          heads.push_back(RandomBytes(random, 11));
          bodies.push_back(long_body.substr(0, 60000 + body));
        }
      }
      CheckBatch(heads, bodies);
    }
  }

  SECTION("batches of random sizes, lengths spread from none to a megabyte") {
    for (int round = 0; round < 60; ++round) {
      std::vector<std::string> heads;
      std::vector<std::string> bodies;
      const std::size_t count = random() % 20;  // none at all included
      for (std::size_t i = 0; i < count; ++i) {
        const std::size_t scale = std::size_t{1} << (random() % 21);
        heads.push_back("blob " + std::to_string(random() % 100000) + std::string(1, '\0'));
        bodies.push_back(RandomBytes(random, random() % scale));
      }
      CheckBatch(heads, bodies);
    }
  }

  SECTION("a head of 64 bytes or more is hashed too, between others") {
    CheckBatch({"blob 3", std::string(64, 'h'), std::string(100, 'x'), "tree 1"},
               {"abc", RandomBytes(random, 5000), RandomBytes(random, 63), "z"});
  }
}

TEST_CASE("sixteen wide lanes: lanes left out keep their states and read one block",
          "[pack][sha1]") {
  if (!Sha1WideAvailable()) {
    WARN("no AVX-512 on this CPU: the wide lanes are not run here");
    return;
  }
  std::mt19937_64 random(13);
  const std::string data = RandomBytes(random, 16 * 3 * 64);
  // Three blocks a lane; lanes 0, 5 and 15 are left out and get one block only (their
  // pointers at the end of the data: reading past it is caught by the sanitizers' build).
  const std::string last = RandomBytes(random, 64);
  const std::uint16_t busy =
      static_cast<std::uint16_t>(0xFFFF & ~((1u << 0) | (1u << 5) | (1u << 15)));
  Sha1Wide state{};
  for (int k = 0; k < 5; ++k) {
    for (int j = 0; j < 16; ++j) state.h[k][j] = static_cast<std::uint32_t>(random());
  }
  const Sha1Wide before = state;
  const unsigned char* from[16];
  for (int j = 0; j < 16; ++j) {
    from[j] = reinterpret_cast<const unsigned char*>(((busy >> j) & 1) ? data.data() + 3 * 64 * j
                                                                       : last.data());
  }
  Compress16(state, from, busy, 3);
  // Each busy lane against a second run that takes its blocks one call at a time.
  Sha1Wide stepwise = before;
  for (int block = 0; block < 3; ++block) {
    const unsigned char* one[16];
    for (int j = 0; j < 16; ++j) one[j] = from[j] + (((busy >> j) & 1) ? 64 * block : 0);
    Compress16(stepwise, one, busy, 1);
  }
  for (int j = 0; j < 16; ++j) {
    INFO("lane " << j);
    for (int k = 0; k < 5; ++k) {
      CHECK(state.h[k][j] == stepwise.h[k][j]);
      if ((busy >> j) & 1) {
        CHECK(state.h[k][j] != before.h[k][j]);
      } else {
        CHECK(state.h[k][j] == before.h[k][j]);
      }
    }
  }
}

TEST_CASE("a hash queue names the first object that is not what its id names", "[pack][sha1]") {
  std::mt19937_64 random(11);
  HashQueue queue(ObjectKind::kBlob);
  std::vector<std::string> contents;
  for (std::size_t i = 0; i < HashQueue::kMaxObjects; ++i) {
    CHECK_FALSE(queue.full());
    contents.push_back(RandomBytes(random, random() % 3000));
    const std::string id = core::Sha1Raw(
        {"blob " + std::to_string(contents.back().size()) + std::string(1, '\0'), contents.back()});
    queue.Add(RawId::From(id),
              Object{ObjectKind::kBlob, std::make_shared<const std::string>(contents.back())}, i);
  }
  CHECK(queue.full());
  CHECK(queue.FirstMisnamed() == queue.size());
  // The same queue with one content swapped for another's, then one of another kind.
  HashQueue swapped(ObjectKind::kBlob);
  HashQueue other_kind(ObjectKind::kBlob);
  for (std::size_t i = 0; i < queue.size(); ++i) {
    Object object = queue.object(i);
    if (i == 9) object.bytes = queue.object(3).bytes;
    swapped.Add(queue.id(i), object, queue.tag(i));
    object = queue.object(i);
    if (i == 12) object.kind = ObjectKind::kTree;
    other_kind.Add(queue.id(i), object);
  }
  CHECK(swapped.FirstMisnamed() == 9);
  CHECK(swapped.tag(9) == 9);
  CHECK(other_kind.FirstMisnamed() == 12);
  queue.Clear();
  CHECK(queue.empty());
  CHECK(queue.FirstMisnamed() == 0);
}

}  // namespace
}  // namespace riskgate::collect::pack
