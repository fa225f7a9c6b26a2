// Stage 3 (evaluate), pins: whether a container image reference is pinned to a digest.
// Input: a reference as written (a Dockerfile FROM after build-argument substitution, a job
// `container:`/`services:` image, a `docker://` action; the `docker://` prefix is accepted).
// Output: pinned or not and why, and the pinned form as a remedy. No I/O.
//
// Semantics follow OpenSSF Scorecard: pinned is `@sha256:` + 64 lower-case hex, `scratch`, or a
// digest supplied by a build argument (`@sha256:${DIGEST}`). A reference whose name or tag is a
// variable (`${BASE}`, `img:${TAG}`) is unpinned, as in Scorecard (corpus: Dockerfile-args);
// ImagePinKind::kVariable lets a policy rate it differently. Deviations (better answers):
// `@sha512:` + 128 hex and `@${DIGEST}` also count as digests; `@sha256:<64 hex>junk` does not.
#pragma once

#include <string>
#include <string_view>

namespace riskgate::evaluate::pins {

enum class ImagePinKind {
  kDigest,          // name[:tag]@sha256:<64 hex>
  kScratch,         // the empty image
  kVariableDigest,  // name@sha256:${DIGEST}: the digest comes from a build argument
  kTag,             // name:tag
  kNoTag,           // name alone: pulls `latest`
  kBadDigest,       // name@sha256:v2: not a digest
  kVariable,        // the name or tag is a variable
  kEmpty,
};

struct ImagePin {
  bool pinned = false;
  std::string reason;  // e.g. "tag `3.7` only, no @sha256 digest"
  ImagePinKind kind = ImagePinKind::kEmpty;
};

ImagePin CheckImageReference(std::string_view image);

// The reference with a digest placeholder and how to get the digest, without any "FROM " or
// "image: " prefix: "ubuntu:22.04@sha256:<digest>  (get it with `docker buildx imagetools
// inspect ubuntu:22.04` or `crane digest ubuntu:22.04`)".
std::string DigestFixFor(std::string_view image);

}  // namespace riskgate::evaluate::pins
