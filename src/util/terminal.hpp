// Safe terminal output: colour only where it belongs, no escape sequences from third parties.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace empreinte::util {

// True when `stream` is a terminal (progress lines are only drawn there).
bool is_terminal(std::FILE* stream);

// True when `stream` is a terminal and NO_COLOR is not set (https://no-color.org).
bool use_color(std::FILE* stream);

// Removes C0/C1 control characters and escape sequences from third-party text (titles,
// snippets, URLs) so that nothing it carries can drive the terminal; tabs become spaces.
std::string strip_controls(std::string_view text);

// Third-party text made safe for a terminal (strip_controls) and cut to `max_bytes`
// (truncate_utf8): a title, URL or quote in a text report.
std::string safe_excerpt(std::string_view text, std::size_t max_bytes);

// The width to wrap text to: $COLUMNS when set, else the terminal's width when `stream` is a
// terminal, else 80. Never below 40.
std::size_t text_width(std::FILE* stream);

// ANSI styles, or empty strings when colour is off; `width` is where text is wrapped.
struct Style
{
  bool enabled = false;
  std::size_t width = 80;
  std::string bold(std::string_view s) const;
  std::string dim(std::string_view s) const;
  std::string red(std::string_view s) const;
  std::string green(std::string_view s) const;
  std::string yellow(std::string_view s) const;
  std::string blue(std::string_view s) const;
};

} // namespace empreinte::util
