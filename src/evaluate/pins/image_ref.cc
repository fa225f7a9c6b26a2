#include "evaluate/pins/image_ref.h"

#include <cctype>

#include "core/regex.h"
#include "core/text.h"

namespace riskgate::evaluate::pins {
namespace {

std::string_view StripScheme(std::string_view image) {
  image = core::TrimSpace(image);
  if (image.starts_with("docker://")) image.remove_prefix(9);
  return image;
}

// The tag of "registry:5000/name:tag" (after the last '/'), empty when none.
std::string_view TagOf(std::string_view name) {
  const size_t slash = name.rfind('/');
  const size_t colon = name.find(':', slash == std::string_view::npos ? 0 : slash);
  return colon == std::string_view::npos ? std::string_view() : name.substr(colon + 1);
}

// "${BASE}" / "$BASE" -> "BASE" (the first variable in `text`).
std::string VariableName(std::string_view text) {
  const size_t dollar = text.find('$');
  if (dollar == std::string_view::npos) return "";
  size_t i = dollar + 1;
  if (i < text.size() && text[i] == '{') ++i;
  size_t j = i;
  while (j < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[j])) != 0 || text[j] == '_'))
    ++j;
  return std::string(text.substr(i, j - i));
}

}  // namespace

ImagePin CheckImageReference(std::string_view image) {
  image = StripScheme(image);
  if (image.empty()) return {false, "empty image reference", ImagePinKind::kEmpty};
  if (core::AsciiLower(image) == "scratch") {
    return {true, "scratch is the empty image", ImagePinKind::kScratch};
  }
  const size_t at = image.find('@');
  if (at != std::string_view::npos) {
    const std::string_view digest = image.substr(at + 1);
    static const core::Regex kDigest("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");
    static const core::Regex kVariableDigest(R"((sha256:)?\$\{?[A-Za-z_][A-Za-z0-9_]*.*)");
    if (kDigest.FullMatch(digest)) return {true, "pinned to a digest", ImagePinKind::kDigest};
    if (kVariableDigest.FullMatch(digest)) {
      return {true, "the digest comes from a build argument", ImagePinKind::kVariableDigest};
    }
    return {false, "`@" + std::string(digest) + "` is not a sha256 digest (64 hex digits)",
            ImagePinKind::kBadDigest};
  }
  if (image.find('$') != std::string_view::npos) {
    return {false,
            "the image comes from variable `" + VariableName(image) +
                "`, which has no default pinned to a digest",
            ImagePinKind::kVariable};
  }
  const std::string_view tag = TagOf(image);
  if (tag.empty()) {
    return {false, "no tag and no @sha256 digest: pulls whatever `latest` is",
            ImagePinKind::kNoTag};
  }
  return {false, "tag `" + std::string(tag) + "` only, no @sha256 digest", ImagePinKind::kTag};
}

std::string DigestFixFor(std::string_view image) {
  image = StripScheme(image);
  const std::string_view base = image.substr(0, image.find('@'));
  if (base.find('$') != std::string_view::npos) {
    const std::string name = VariableName(base);
    return std::string(base) + "  (give build argument " + name + " a pinned default: ARG " + name +
           "=<image>:<tag>@sha256:<digest>)";
  }
  const std::string b(base);
  return b + "@sha256:<digest>  (get it with `docker buildx imagetools inspect " + b +
         "` or `crane digest " + b + "`)";
}

}  // namespace riskgate::evaluate::pins
