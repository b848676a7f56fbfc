#pragma once

namespace mado {

// How an applicant proved who they are, as stored with a case (cases.identity_method) and named in
// the procedure policy. Every application from the receiver is eKYC-face (face against an ID card).
namespace identity_method {
inline constexpr const char *kEkycFace = "ekyc_face";
inline constexpr const char *kJpkiSignature = "jpki_signature";
} // namespace identity_method

} // namespace mado
