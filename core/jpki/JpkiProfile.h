#pragma once

// What Madoguchi relies on of the JPKI signing certificate (署名用電子証明書) profile.
//
// Sources: J-LIS, 公的個人認証サービス プロファイル仕様書 (the OID table on p.32, the signing
// profile on p.14), as quoted by the public sources gathered in docs/research/jpki-notes.md
// (sections 1 and 2: real-card dumps, kjur/jsrsasign-oid-jpki, jpki/myna). The PDF itself was not
// read for this code; docs/admin.md says so and asks for the check before production.
//
// The basic four facts sit in subjectAltName (2.5.29.17) as otherName entries
// `[0] { type-id OID, [0] EXPLICIT UTF8String }`; any other string type is refused. 氏名 has 氏 and
// 名 separated by U+3000; 生年月日 is `EYYYYMMDD` (E = era digit 0..5, then the Gregorian date);
// 性別 is 1 男, 2 女, 3 不明; 住所 starts at the 都道府県, digits often full-width. The two
// "代替文字" strings hold one '0'/'1' per character of 氏名/住所 ('1' = a substitute character,
// because the register's character is outside JIS X 0208/0212).
//
// Checked again on 2026-12-05 against public sources (docs/research/jpki-notes.md, "Second check"):
// the six OIDs and their order of meaning agree in a real card's `openssl x509 -ext subjectAltName`
// output (the BLOG source), kjur/jsrsasign-oid-jpki lib/index.js and two independent parsers; the
// DER of 1.2.392.200149.8.5.5.4 is 06 0A 2A 83 08 8C 9B 55 08 05 05 04, as one parser hard-codes;
// UTF8String (tag 0x0C) values; key usage digitalSignature + nonRepudiation (BIT STRING 03 02 06
// C0); era codes 0 不明, 1 明治 .. 5 令和. Still unconfirmed against the J-LIS PDF itself.
namespace mado::jpki_profile {

inline constexpr const char *kOidName = "1.2.392.200149.8.5.5.1";
inline constexpr const char *kOidNameSubstitutes = "1.2.392.200149.8.5.5.2";
inline constexpr const char *kOidGender = "1.2.392.200149.8.5.5.3";
inline constexpr const char *kOidDateOfBirth = "1.2.392.200149.8.5.5.4";
inline constexpr const char *kOidAddress = "1.2.392.200149.8.5.5.5";
inline constexpr const char *kOidAddressSubstitutes = "1.2.392.200149.8.5.5.6";

// certificatePolicies of the signing certificate (jpki-cp-sign-class20). The test environment's
// cards carry 1.2.392.200149.8.5.1.0.20; the accepted list is configured (JpkiConfig::policies).
inline constexpr const char *kPolicySigning = "1.2.392.200149.8.5.1.1.20";

// 電子署名等に係る地方公共団体情報システム機構の認証業務に関する法律施行規則 第2条: RSA, 2048 bits or more.
inline constexpr int kMinRsaBits = 2048;

} // namespace mado::jpki_profile
