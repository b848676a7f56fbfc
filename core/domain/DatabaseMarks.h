#pragma once

namespace mado {

// The SQLite `PRAGMA application_id` that marks each of Madoguchi's database files, so that a
// program pointed at the other's file refuses it unchanged: the ward's case store (core/store) and
// the receiver's spool (core/receiver/spool).
namespace database_mark {
inline constexpr int kCaseStore = 0x4D444353; // "MDCS"
inline constexpr int kSpool = 0x4D445350;     // "MDSP"
} // namespace database_mark

} // namespace mado
