#pragma once

#include <string_view>

namespace mado::HttpText {

// Small text helpers for HTTP/1.1 field values, shared by the receiver's request parser and the
// benchmark's answer parser. Pure.

// ASCII case-insensitive equality (field names and tokens).
bool equalsIgnoringCase(std::string_view a, std::string_view b);
// Without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);
// Whether the comma-separated list holds token (case-insensitive), e.g. "close" in Connection.
bool listHas(std::string_view list, std::string_view token);

} // namespace mado::HttpText
