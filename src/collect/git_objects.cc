#include "collect/git_objects.h"

namespace riskgate::collect::git_internal {

using core::ErrorCode;
using core::MakeError;

std::uint32_t CanonicalMode(std::uint32_t mode) {
  if (mode == 0) return 0;
  switch (mode & 0170000) {
    case 0100000:
      return (mode & 0100) != 0 ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB;
    case 0120000:
      return GIT_FILEMODE_LINK;
    case 0040000:
      return GIT_FILEMODE_TREE;
    default:
      return GIT_FILEMODE_COMMIT;
  }
}

EntryKind KindOf(std::uint32_t mode) {
  switch (CanonicalMode(mode)) {
    case GIT_FILEMODE_LINK:
      return EntryKind::kSymlink;
    case GIT_FILEMODE_COMMIT:
      return EntryKind::kSubmodule;
    case GIT_FILEMODE_BLOB_EXECUTABLE:
      return EntryKind::kExecutable;
    default:
      return EntryKind::kRegular;
  }
}

bool IsContent(std::uint32_t mode) {
  const std::uint32_t canonical = CanonicalMode(mode);
  return canonical == GIT_FILEMODE_BLOB || canonical == GIT_FILEMODE_BLOB_EXECUTABLE;
}

core::Result<void> LookUpBlob(git_repository* repo, const git_oid* oid, OwnedBlob& blob) {
  if (git_blob_lookup(blob.out(), repo, oid) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read blob " + OidString(oid) + ": " + LastError());
  }
  return {};
}

std::string_view BlobBytes(const git_blob* blob) {
  return {static_cast<const char*>(git_blob_rawcontent(blob)),
          static_cast<std::size_t>(git_blob_rawsize(blob))};
}

core::Result<std::string> ReadBlobBytes(git_repository* repo, const git_oid* oid) {
  OwnedBlob blob;
  if (auto found = LookUpBlob(repo, oid, blob); !found) return tl::unexpected(found.error());
  return std::string(BlobBytes(blob.get()));
}

core::Result<std::int64_t> BlobSize(git_odb* odb, const git_oid* oid) {
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, odb, oid) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read blob " + OidString(oid) + ": " + LastError());
  }
  return static_cast<std::int64_t>(size);
}

core::Result<std::int64_t> ScannableSize(git_odb* odb, const git_oid* oid, std::int64_t limit) {
  auto size = BlobSize(odb, oid);
  if (!size || *size <= limit) return size;
  git_odb_object* object = nullptr;
  if (git_odb_read(&object, odb, oid) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read blob " + OidString(oid) + ": " + LastError());
  }
  git_odb_object_free(object);
  return size;
}

namespace {

core::Result<void> LookUpCommit(git_repository* repo, const std::string& commit_id,
                                OwnedCommit& commit) {
  git_oid oid;
  if (git_oid_fromstr(&oid, commit_id.c_str()) != 0) {
    return MakeError(ErrorCode::kRevision, "'" + commit_id + "' is not a commit id");
  }
  if (git_commit_lookup(commit.out(), repo, &oid) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read commit " + commit_id + ": " + LastError());
  }
  return {};
}

}  // namespace

core::Result<git_tree*> TreeOf(git_repository* repo, const std::string& commit_id) {
  OwnedCommit commit;
  if (auto found = LookUpCommit(repo, commit_id, commit); !found) {
    return tl::unexpected(found.error());
  }
  git_tree* tree = nullptr;
  if (git_commit_tree(&tree, commit.get()) != 0) {
    return MakeError(ErrorCode::kRepository,
                     "cannot read the tree of commit " + commit_id + ": " + LastError());
  }
  return tree;
}

core::Result<std::string> RootOf(git_repository* repo, const std::string& commit_id) {
  if (commit_id.empty()) return std::string();
  OwnedCommit commit;
  if (auto found = LookUpCommit(repo, commit_id, commit); !found) {
    return tl::unexpected(found.error());
  }
  const git_oid* tree = git_commit_tree_id(commit.get());
  return std::string(reinterpret_cast<const char*>(tree->id), GIT_OID_RAWSZ);
}

}  // namespace riskgate::collect::git_internal
