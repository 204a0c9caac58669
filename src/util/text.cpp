// utf8proc does the Unicode work; nothing here hand-rolls tables.
#include "util/text.hpp"

#include <cstdlib>
#include <utf8proc.h>

namespace empreinte::util {

std::string sanitize_utf8(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      out += "\xEF\xBF\xBD";
      ++p;
      --left;
      continue;
    }
    out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    p += n;
    left -= n;
  }
  return out;
}

bool is_valid_utf8(std::string_view text)
{
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      return false;
    }
    p += n;
    left -= n;
  }
  return true;
}

std::string text_problem(std::string_view text)
{
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      return "is not valid UTF-8";
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      return "contains a control character";
    }
    p += n;
    left -= n;
  }
  return {};
}

std::string latin1_to_utf8(std::string_view text)
{
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (unsigned char c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

namespace {

void fold_unicode(std::string_view run, std::string& out)
{
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT
                                                      | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK
                                                      | UTF8PROC_IGNORE);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(run.data()),
                                          static_cast<utf8proc_ssize_t>(run.size()),
                                          &mapped,
                                          options);
  if (n < 0) {
    out += ascii_lower(run); // cannot happen on sanitized input; stay safe anyway
    return;
  }
  out.append(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
  std::free(mapped);
}

} // namespace

std::string fold(std::string_view text)
{
  // ASCII runs fold to their lower case exactly; only the other runs need utf8proc. Marks
  // are stripped, so splitting a base letter from a following combining mark changes nothing.
  const std::string clean = is_valid_utf8(text) ? std::string(text) : sanitize_utf8(text);
  std::string out;
  out.reserve(clean.size());
  std::size_t i = 0;
  while (i < clean.size()) {
    std::size_t j = i;
    if (static_cast<unsigned char>(clean[i]) < 0x80) {
      while (j < clean.size() && static_cast<unsigned char>(clean[j]) < 0x80) {
        const char c = clean[j++];
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
    } else {
      while (j < clean.size() && static_cast<unsigned char>(clean[j]) >= 0x80) {
        ++j;
      }
      fold_unicode(std::string_view(clean).substr(i, j - i), out);
    }
    i = j;
  }
  return out;
}

bool is_word_codepoint(std::int32_t cp)
{
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
    return true;
  default:
    return false;
  }
}

std::vector<std::string> words(std::string_view text)
{
  return split_words(fold(text));
}

std::vector<std::string> split_words(std::string_view folded)
{
  std::vector<std::string> out;
  std::string current;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      n = 1;
      cp = -1;
    }
    if (cp >= 0 && is_word_codepoint(cp)) {
      current.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
    p += n;
    left -= n;
  }
  if (!current.empty()) {
    out.push_back(std::move(current));
  }
  return out;
}

std::string word_key(std::string_view text)
{
  std::string out;
  for (const auto& w : words(text)) {
    if (!out.empty()) {
      out += ' ';
    }
    out += w;
  }
  return out;
}

bool contains_words(const std::vector<std::string>& haystack, const std::vector<std::string>& needle)
{
  if (needle.empty() || needle.size() > haystack.size()) {
    return false;
  }
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size() && haystack[i + j] == needle[j]) {
      ++j;
    }
    if (j == needle.size()) {
      return true;
    }
  }
  return false;
}

std::string join(const std::vector<std::string>& items, std::string_view separator)
{
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += items[i];
  }
  return out;
}

std::string squeeze_spaces(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out += c;
  }
  return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes)
{
  if (text.size() <= max_bytes) {
    return std::string(text);
  }
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

std::size_t char_count(std::string_view text)
{
  std::size_t n = 0;
  for (unsigned char c : text) {
    n += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

std::string truncate_chars(std::string_view text, std::size_t max_chars)
{
  if (char_count(text) <= max_chars) {
    return std::string(text);
  }
  if (max_chars == 0) {
    return {};
  }
  std::size_t chars = 0;
  std::size_t bytes = 0;
  while (bytes < text.size()) {
    if ((static_cast<unsigned char>(text[bytes]) & 0xC0) != 0x80) {
      if (chars == max_chars - 1) {
        break;
      }
      ++chars;
    }
    ++bytes;
  }
  return std::string(text.substr(0, bytes)) + "\xE2\x80\xA6";
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent,
                 std::size_t first_used)
{
  const std::string squeezed = squeeze_spaces(text);
  const std::size_t indent_chars = char_count(indent);
  std::string out;
  std::size_t used = first_used;
  bool line_empty = true;
  std::size_t pos = 0;
  while (pos < squeezed.size()) {
    std::size_t end = squeezed.find(' ', pos);
    if (end == std::string::npos) {
      end = squeezed.size();
    }
    std::string_view word = std::string_view(squeezed).substr(pos, end - pos);
    pos = end + 1;
    std::size_t chars = char_count(word);
    if (!line_empty && used + 1 + chars > width) {
      out += "\n";
      out += indent;
      used = indent_chars;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++used;
    }
    out.append(word);
    used += chars;
    line_empty = false;
  }
  return out;
}

std::string first_char(std::string_view text)
{
  if (text.empty()) {
    return {};
  }
  std::size_t n = 1;
  while (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) {
    ++n;
  }
  return std::string(text.substr(0, n));
}

bool is_html_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_phone_separator(char c)
{
  return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+' || c == '/';
}

std::string digits(std::string_view text)
{
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      out += c;
    }
  }
  return out;
}

std::string ascii_lower(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

} // namespace empreinte::util
