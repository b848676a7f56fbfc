#pragma once

// The fixed file names inside a case bundle directory (docs/case-bundle.md). Images are named by
// the manifest; these two are named by the format itself, so every layer that writes, transfers or
// reads a bundle takes them from here.
namespace mado::bundle_files {

inline constexpr char kManifest[] = "case.json";      // the manifest (CaseBundle::toJson)
inline constexpr char kSignature[] = "signature.p7s"; // a signed application's detached CMS (DER)

} // namespace mado::bundle_files
