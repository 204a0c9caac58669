// The lexical layer under the prefilter's reader (regex_literals.cpp): a cursor over a pattern
// in RE2's syntax that reads its characters, counted repetitions and class members.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace empreinte::classify {

class RegexCursor
{
protected:
  explicit RegexCursor(std::string_view pattern)
    : m_p(pattern)
  {
  }

  bool at_end() const { return m_i >= m_p.size(); }
  char peek(std::size_t ahead = 0) const
  {
    return m_i + ahead < m_p.size() ? m_p[m_i + ahead] : '\0';
  }

  // Plain characters from the cursor, taken at once (the bulk of a pattern): all of them but a
  // last one a quantifier applies to, left for the reader. Empty when there are none.
  std::string_view literal_run();

  // `{n}`, `{n,}`, `{n,m}` at the cursor: consumed, true; otherwise untouched, false.
  bool counted(std::size_t& min, std::size_t& max, bool& bounded);

  // One UTF-8 character from the cursor, as bytes.
  std::string character();

  // Skips `{...}` at the cursor (after \p, \x), or one character.
  void skip_braced_or_one();

  // The code point of one UTF-8 character (for ranges).
  static std::int32_t code_point(const std::string& c);
  static std::string utf8(std::int32_t cp);

  // One member of a class: its character, or "" for a set of characters (\d, \pL, \x{..}).
  std::string class_member();

  std::string_view m_p;
  std::size_t m_i = 0;
};

} // namespace empreinte::classify
