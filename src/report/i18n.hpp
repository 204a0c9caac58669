// The words of the reports in English and French: one catalogue of keyed sentences.
#pragma once

#include "util/message.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::report {

// One catalogue entry. Placeholders: {0}, {1}... for arguments, {p0}, {p1}... for parts.
struct CatalogueEntry
{
  std::string_view key;
  std::string_view en;
  std::string_view fr;
};

// Every entry, sorted by key.
std::span<const CatalogueEntry> catalogue();

// True for the languages reports are written in: "en" and "fr".
bool is_lang(std::string_view lang);

// The language the locale asks for: the first set of LC_ALL, LC_MESSAGES and LANG (null or
// empty means unset); "fr" when it starts with "fr", else "en".
std::string lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang);

// True when `key` is in the catalogue.
bool has_key(std::string_view key);

// The message in `lang` ("fr", anything else English). An unknown key is shown as itself, so
// that a missing entry is visible rather than silent (a test renders every key in use).
std::string tr(std::string_view lang, const util::Message& message);

// The entry for `key` in `lang`, or `fallback` when the catalogue has none (query statuses added
// by new backends show as their machine name until translated).
std::string tr_or(std::string_view lang, std::string_view key, std::string_view fallback);

// ": " in English, " : " in French (which spaces its double punctuation).
std::string_view colon(std::string_view lang);

// "; " in English, " ; " in French: between the items of a list of reasons.
std::string_view semicolon(std::string_view lang);

// An evidence message with where it was seen and its quote: `reason (page: “…words…”)`.
std::string tr_evidence(std::string_view lang, const util::Message& message);

// Shorthand for a message without parts.
std::string
tr(std::string_view lang, std::string_view key, const std::vector<std::string>& args = {});

} // namespace empreinte::report
