// Linked only with the static libgit2 (RISKGATE_STATIC_DEPS, cmake/StaticDependencies.cmake).
// riskgate reads local repositories and never opens a remote through libgit2 (no git_remote_*,
// git_clone or transport call in src/), so two pieces of libgit2's network support are replaced
// here, each answering as if it were unavailable:
//   - GSSAPI, which libgit2 calls for one thing: "Negotiate" (Kerberos/SPNEGO) authentication
//     when it talks HTTP to a remote. Debian ships no static GSSAPI; these definitions stand in
//     for libgssapi_krb5 (and the five Kerberos libraries behind it): every call answers
//     GSS_S_UNAVAILABLE, which libgit2 turns into "Negotiate authentication is not available".
//   - the trust store of libgit2's mbedTLS streams: git_libgit2_init() parses the whole system CA
//     bundle (~5 ms, a tenth of a pre-commit check) for HTTPS that riskgate never speaks. The
//     link wraps the two loading calls (-Wl,--wrap), which load nothing: were libgit2 ever to
//     open a TLS connection, no certificate would be trusted and it would fail closed.
#include <cstdint>

namespace {
using OmUint32 = std::uint32_t;
constexpr OmUint32 kUnavailable = 16u << 16;  // GSS_S_UNAVAILABLE, RFC 2744 section 3.9.1

OmUint32 Unavailable(OmUint32* minor_status) {
  if (minor_status != nullptr) *minor_status = 0;
  return kUnavailable;
}
}  // namespace

extern "C" {
// The OID libgit2 names a host-based service with (RFC 2744's GSS_C_NT_HOSTBASED_SERVICE):
// never dereferenced, since no call below succeeds.
void* GSS_C_NT_HOSTBASED_SERVICE = nullptr;

OmUint32 gss_indicate_mechs(OmUint32* minor_status, void**) { return Unavailable(minor_status); }
OmUint32 gss_import_name(OmUint32* minor_status, const void*, const void*, void**) {
  return Unavailable(minor_status);
}
OmUint32 gss_init_sec_context(OmUint32* minor_status, const void*, void**, const void*, const void*,
                              OmUint32, OmUint32, const void*, const void*, void**, void*,
                              OmUint32*, OmUint32*) {
  return Unavailable(minor_status);
}
OmUint32 gss_delete_sec_context(OmUint32* minor_status, void**, void*) {
  return Unavailable(minor_status);
}
OmUint32 gss_display_status(OmUint32* minor_status, OmUint32, int, const void*, OmUint32*, void*) {
  return Unavailable(minor_status);
}
OmUint32 gss_release_buffer(OmUint32* minor_status, void*) { return Unavailable(minor_status); }
OmUint32 gss_release_name(OmUint32* minor_status, void**) { return Unavailable(minor_status); }
OmUint32 gss_release_oid_set(OmUint32* minor_status, void**) { return Unavailable(minor_status); }
}

// --wrap targets: libgit2's calls of mbedtls_x509_crt_parse_file/_path land here.
extern "C" {
int __wrap_mbedtls_x509_crt_parse_file(void*, const char*) { return 0; }
int __wrap_mbedtls_x509_crt_parse_path(void*, const char*) { return 0; }
}
