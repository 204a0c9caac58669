// Folding one code point at a time gives the same bytes as folding whole runs (marks are
// stripped, compatibility forms decomposed), and keeps a map back to the original.
#include "util/folded_text.hpp"

#include "util/text.hpp"

#include <utf8proc.h>

namespace empreinte::util {

FoldedText::FoldedText(std::string_view original)
  : m_original(is_valid_utf8(original) ? std::string(original) : sanitize_utf8(original))
{
  m_folded.reserve(m_original.size());
  m_origin.reserve(m_original.size() + 1);
  std::size_t i = 0;
  while (i < m_original.size()) {
    const auto c = static_cast<unsigned char>(m_original[i]);
    if (c < 0x80) {
      m_folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      m_origin.push_back(static_cast<std::uint32_t>(i));
      ++i;
      continue;
    }
    std::size_t n = 1;
    while (i + n < m_original.size() && (static_cast<unsigned char>(m_original[i + n]) & 0xC0) == 0x80) {
      ++n;
    }
    const std::string f = fold(std::string_view(m_original).substr(i, n));
    m_folded += f;
    m_origin.insert(m_origin.end(), f.size(), static_cast<std::uint32_t>(i));
    i += n;
  }
  m_origin.push_back(static_cast<std::uint32_t>(m_original.size()));
}

std::size_t FoldedText::origin(std::size_t folded_offset) const
{
  if (m_origin.empty()) {
    return 0;
  }
  return m_origin[std::min(folded_offset, m_origin.size() - 1)];
}

std::string FoldedText::original_of(std::size_t begin, std::size_t end) const
{
  if (begin >= end) {
    return {};
  }
  const std::size_t from = origin(begin);
  // The end of the last folded byte's code point in the original.
  std::size_t to = origin(end - 1);
  while (to < m_original.size()) {
    ++to;
    if (to >= m_original.size() || (static_cast<unsigned char>(m_original[to]) & 0xC0) != 0x80) {
      break;
    }
  }
  return squeeze_spaces(std::string_view(m_original).substr(from, to - from));
}

std::string FoldedText::quote(std::size_t begin, std::size_t end, std::size_t context) const
{
  if (m_original.empty()) {
    return {};
  }
  std::size_t from = origin(begin);
  std::size_t to = end > begin ? origin(end - 1) + 1 : from;
  to = std::min(to, m_original.size());
  // Widen to whole words within `context` bytes on each side.
  std::size_t left = from > context ? from - context : 0;
  while (left > 0 && left < from && m_original[left - 1] != ' ') {
    ++left;
  }
  std::size_t right = std::min(m_original.size(), to + context);
  while (right < m_original.size() && right > to && m_original[right] != ' ') {
    --right;
  }
  while (right < m_original.size() && (static_cast<unsigned char>(m_original[right]) & 0xC0) == 0x80) {
    ++right;
  }
  while (left > 0 && (static_cast<unsigned char>(m_original[left]) & 0xC0) == 0x80) {
    --left;
  }
  std::string out = squeeze_spaces(std::string_view(m_original).substr(left, right - left));
  if (left > 0) {
    out = "\xE2\x80\xA6" + out;
  }
  if (right < m_original.size()) {
    out += "\xE2\x80\xA6";
  }
  return out;
}

std::vector<WordSpan> FoldedText::words_of(std::string_view folded)
{
  std::vector<WordSpan> out;
  // About one word per six bytes of prose: a long page's list is not copied as it grows.
  out.reserve(folded.size() / 6 + 1);
  const auto* base = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  const auto* p = base;
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
  WordSpan current;
  bool in_word = false;
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      n = 1;
      cp = -1;
    }
    const auto at = static_cast<std::uint32_t>(p - base);
    if (cp >= 0 && util::is_word_codepoint(cp)) {
      if (!in_word) {
        current = WordSpan{{}, at, at};
        in_word = true;
      }
      current.word.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
      current.end = at + static_cast<std::uint32_t>(n);
    } else if (in_word) {
      out.push_back(std::move(current));
      in_word = false;
    }
    p += n;
    left -= n;
  }
  if (in_word) {
    out.push_back(std::move(current));
  }
  return out;
}

} // namespace empreinte::util
