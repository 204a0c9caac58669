// The lexical layer of the prefilter's reader: characters, counts and class members.
#include "classify/regex_cursor.hpp"

#include <algorithm>
#include <utf8proc.h>

namespace empreinte::classify {

// Plain characters from the cursor, taken at once (the bulk of a pattern): all of them but a
// last one a quantifier applies to, which repetition() reads. Empty when there are none.
std::string_view RegexCursor::literal_run()
{
  auto plain = [](char c) {
    return std::string_view("\\[]()|.^$*+?{").find(c) == std::string_view::npos;
  };
  std::size_t end = m_i;
  while (end < m_p.size() && plain(m_p[end])) {
    ++end;
  }
  if (end < m_p.size() && std::string_view("*+?{").find(m_p[end]) != std::string_view::npos) {
    // The quantifier takes the whole last UTF-8 character: step back over its continuation bytes.
    while (end > m_i && (static_cast<unsigned char>(m_p[end - 1]) & 0xC0) == 0x80) {
      --end;
    }
    if (end > m_i) {
      --end;
    }
  }
  const std::string_view run = m_p.substr(m_i, end - m_i);
  m_i = end;
  return run;
}

// `{n}`, `{n,}`, `{n,m}` at the cursor: consumed, true; otherwise untouched, false.
bool RegexCursor::counted(std::size_t& min, std::size_t& max, bool& bounded)
{
  std::size_t j = m_i + 1;
  auto number = [&](std::size_t& out) {
    const std::size_t from = j;
    out = 0;
    while (j < m_p.size() && m_p[j] >= '0' && m_p[j] <= '9' && j - from < 6) {
      out = out * 10 + static_cast<std::size_t>(m_p[j] - '0');
      ++j;
    }
    return j > from;
  };
  if (!number(min)) {
    return false;
  }
  bounded = true;
  max = min;
  if (j < m_p.size() && m_p[j] == ',') {
    ++j;
    bounded = number(max);
  }
  if (j >= m_p.size() || m_p[j] != '}') {
    return false;
  }
  m_i = j + 1;
  return true;
}

// One UTF-8 character from the cursor, as bytes.
std::string RegexCursor::character()
{
  std::size_t n = 1;
  const auto lead = static_cast<unsigned char>(peek());
  if (lead >= 0xF0) {
    n = 4;
  } else if (lead >= 0xE0) {
    n = 3;
  } else if (lead >= 0xC0) {
    n = 2;
  }
  n = std::min(n, m_p.size() - m_i);
  std::string out(m_p.substr(m_i, n));
  m_i += n;
  return out;
}

// Skips `{...}` at the cursor (after \p, \x), or one character.
void RegexCursor::skip_braced_or_one()
{
  if (peek() == '{') {
    const std::size_t close = m_p.find('}', m_i);
    m_i = close == std::string_view::npos ? m_p.size() : close + 1;
  } else if (!at_end()) {
    (void)character();
  }
}

// The code point of one UTF-8 character (for ranges).
std::int32_t RegexCursor::code_point(const std::string& c)
{
  utf8proc_int32_t cp = -1;
  (void)utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(c.data()),
                         static_cast<utf8proc_ssize_t>(c.size()),
                         &cp);
  return cp;
}

std::string RegexCursor::utf8(std::int32_t cp)
{
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(cp, buf);
  return std::string(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// One member of a class: its character, or "" for a set of characters (\d, \pL, \x{..}).
std::string RegexCursor::class_member()
{
  if (peek() != '\\') {
    return character();
  }
  ++m_i;
  const char e = peek();
  if (e == 'p' || e == 'P' || e == 'x') {
    ++m_i;
    skip_braced_or_one();
    if (e == 'x' && !at_end() && m_p[m_i - 1] != '}') {
      ++m_i;
    }
    return {};
  }
  if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) {
    ++m_i;
    switch (e) {
    case 'n':
      return "\n";
    case 't':
      return "\t";
    case 'r':
      return "\r";
    case 'f':
      return "\f";
    case 'v':
      return "\v";
    default:
      return {};
    }
  }
  return character();
}

} // namespace empreinte::classify
