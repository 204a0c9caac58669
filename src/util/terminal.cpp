// Control characters are removed by code point, after UTF-8 validation, so that a C1 control
// (U+0080..U+009F, a CSI on some terminals) cannot slip through as a multi-byte sequence.
#include "util/terminal.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

namespace empreinte::util {

bool is_terminal(std::FILE* stream)
{
  return ::isatty(::fileno(stream)) == 1;
}

std::size_t text_width(std::FILE* stream)
{
  std::size_t width = 0;
  if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (end && *end == '\0' && value > 0 && value < 10000) {
      width = static_cast<std::size_t>(value);
    }
  }
  if (width == 0 && ::isatty(::fileno(stream)) == 1) {
    winsize size{};
    if (::ioctl(::fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
      width = size.ws_col;
    }
  }
  if (width == 0) {
    width = 80;
  }
  return std::max<std::size_t>(width, 40);
}

bool use_color(std::FILE* stream)
{
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) {
    return false;
  }
  return ::isatty(::fileno(stream)) == 1;
}

std::string strip_controls(std::string_view text)
{
  const std::string clean = sanitize_utf8(text);
  std::string out;
  out.reserve(clean.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(clean.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(clean.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      break; // cannot happen after sanitize_utf8
    }
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      out += ' ';
    } else if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F)
               && utf8proc_category(cp) != UTF8PROC_CATEGORY_CF) {
      out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    }
    p += n;
    left -= n;
  }
  return out;
}

std::string safe_excerpt(std::string_view text, std::size_t max_bytes)
{
  return truncate_utf8(strip_controls(text), max_bytes);
}

namespace {

std::string wrap(bool enabled, const char* code, std::string_view s)
{
  if (!enabled) {
    return std::string(s);
  }
  return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
}

} // namespace

std::string Style::bold(std::string_view s) const { return wrap(enabled, "1", s); }
std::string Style::dim(std::string_view s) const { return wrap(enabled, "2", s); }
std::string Style::red(std::string_view s) const { return wrap(enabled, "31", s); }
std::string Style::green(std::string_view s) const { return wrap(enabled, "32", s); }
std::string Style::yellow(std::string_view s) const { return wrap(enabled, "33", s); }
std::string Style::blue(std::string_view s) const { return wrap(enabled, "34", s); }

} // namespace empreinte::util
