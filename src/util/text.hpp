// Unicode text helpers built on utf8proc: validation, folding for comparison, word splitting.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::util {

// Returns `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

// True when `text` is entirely valid UTF-8.
bool is_valid_utf8(std::string_view text);

// Why `text` cannot be taken as a value a person typed (a name, a query, a header): "is not
// valid UTF-8" or "contains a control character" (C0, DEL, C1: they drive terminals and split
// headers); empty when it can. Checked where text enters, so that nothing downstream fails on it.
std::string text_problem(std::string_view text);

// Decodes ISO-8859-1 bytes to UTF-8 (old pages saved without a UTF-8 charset).
std::string latin1_to_utf8(std::string_view text);

// Folds text for comparison: compatibility normalisation, case folding, accents stripped,
// default-ignorable characters (soft hyphens, zero-width spaces) removed.
// "Hélène MÜLLER-Ñúñez" -> "helene muller-nunez".
std::string fold(std::string_view text);

// Splits text into words (runs of letters, marks and digits), folded.
// "Jean-Pierre d'Arc" -> {"jean", "pierre", "d", "arc"}.
std::vector<std::string> words(std::string_view text);

// Splits text that is already folded into words, without folding it again (fast path).
std::vector<std::string> split_words(std::string_view folded);

// The folded words joined by single spaces: a canonical key for names and phrases.
std::string word_key(std::string_view text);

// True when the word sequence `needle` occurs contiguously in `haystack`.
bool contains_words(const std::vector<std::string>& haystack,
                    const std::vector<std::string>& needle);

// Collapses runs of white space to one space and trims both ends.
std::string squeeze_spaces(std::string_view text);

// The items with `separator` between them ("a, b, c").
std::string join(const std::vector<std::string>& items, std::string_view separator);

// Truncates to at most `max_bytes` without cutting a UTF-8 sequence, adding "…" when cut.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

// Word-wraps `text` to `width` characters (code points): the first line starts after
// `first_used` characters already on it, the others with `indent`. A word longer than a line
// (a URL) is never cut: it gets a line of its own, so that it can still be copied. Lines are
// joined with "\n".
std::string wrap(std::string_view text, std::size_t width, std::string_view indent,
                 std::size_t first_used = 0);

// Cuts UTF-8 `text` to at most `max_chars` characters (code points), the last being "…" when cut.
std::string truncate_chars(std::string_view text, std::size_t max_chars);

// Number of characters (code points) of UTF-8 `text`.
std::size_t char_count(std::string_view text);

// The first UTF-8 character of `text` (whole sequence), or "".
std::string first_char(std::string_view text);

// The characters phone numbers are written with between digits: space . - ( ) + /
bool is_phone_separator(char c);

// HTML and CSS white space: space, tab, LF, CR, FF (not VT).
bool is_html_space(char c);

// The ASCII digits of `text`, in order ("+33 6 12" -> "33612").
std::string digits(std::string_view text);

// A code point that belongs to a word: a letter, a combining mark (not enclosing), a digit.
bool is_word_codepoint(std::int32_t cp);

// ASCII lower-casing (for hosts, schemes, keywords).
std::string ascii_lower(std::string_view text);

} // namespace empreinte::util
