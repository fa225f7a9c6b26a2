#include "collect/tree_reads.h"

#include "collect/git_objects.h"
#include "core/text.h"

namespace riskgate::collect {

using core::ErrorCode;
using core::MakeError;
using namespace git_internal;

namespace {

core::Error NotATree(std::string_view raw_id) {
  return core::Error{ErrorCode::kRepository,
                     "object " + core::HexBytes(raw_id) + " is named as a tree but is not one", ""};
}

}  // namespace

core::Result<std::shared_ptr<const pack::ParsedTree>> TreeReads::Load(std::string_view raw_id) {
  const pack::RawId key = pack::RawId::From(raw_id);
  if (const auto* hit = cache.Get(key)) return *hit;
  std::shared_ptr<const std::string> bytes;
  auto object = reads->Read(raw_id);
  if (!object) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read tree " + core::HexBytes(raw_id) + ": " + object.error().message);
  }
  if (*object) {
    if ((*object)->kind != pack::ObjectKind::kTree) return tl::unexpected(NotATree(raw_id));
    bytes = std::move((*object)->bytes);
  } else {
    git_oid oid;
    git_oid_fromraw(&oid, reinterpret_cast<const unsigned char*>(raw_id.data()));
    OwnedOdb odb;
    Owned<git_odb_object, git_odb_object_free> read;
    if (git_repository_odb(odb.out(), repo) != 0 ||
        git_odb_read(read.out(), odb.get(), &oid) != 0) {
      return MakeError(ErrorCode::kRepository,
                       "cannot read tree " + OidString(&oid) + ": " + LastError());
    }
    if (git_odb_object_type(read.get()) != GIT_OBJECT_TREE) return tl::unexpected(NotATree(raw_id));
    bytes = std::make_shared<const std::string>(
        static_cast<const char*>(git_odb_object_data(read.get())), git_odb_object_size(read.get()));
  }
  auto parsed = pack::ParsedTree::Parse(std::move(bytes));
  if (!parsed) {
    return MakeError(ErrorCode::kRepository,
                     "tree " + core::HexBytes(raw_id) + ": " + parsed.error().message);
  }
  auto tree = std::make_shared<const pack::ParsedTree>(std::move(*parsed));
  cache.Put(key, tree, tree->bytes());
  return tree;
}

core::Result<std::vector<TreeDelta>> TreeReads::Deltas(const std::string& from,
                                                       const std::string& to,
                                                       const std::vector<std::string>* only) {
  auto old_root = RootOf(repo, from);
  if (!old_root) return tl::unexpected(old_root.error());
  auto new_root = RootOf(repo, to);
  if (!new_root) return tl::unexpected(new_root.error());
  const TreeLoader load = [this](std::string_view raw_id) { return Load(raw_id); };
  return DiffTrees(load, *old_root, *new_root, only);
}

core::Result<std::vector<TreeDelta>> TreeReads::TreeDeltas(std::string_view old_root,
                                                           std::string_view new_root) {
  const TreeLoader load = [this](std::string_view raw_id) { return Load(raw_id); };
  return DiffTrees(load, old_root, new_root, nullptr);
}

}  // namespace riskgate::collect
