// Extracts what a search engine indexes from an HTML page: URL, title, description, text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace empreinte::parse {

// The indexable parts of one page; all valid UTF-8 with white space squeezed.
struct PageText
{
  std::string canonical;   // href of <link rel="canonical">, as written; may be empty
  std::string title;       // <title>, else og:title, else the first <h1>
  std::string description; // <meta name="description">, else og:description
  std::string text;        // visible text of <body>: no script, style, template, noscript
};

// Limits that keep hostile pages cheap to parse.
struct PageLimits
{
  std::size_t max_html_bytes = 4u * 1024 * 1024; // input beyond this is not parsed
  std::size_t max_text_bytes = 512u * 1024;      // visible text beyond this is dropped
};

// Parses `html` with Gumbo (no error recording) and walks the tree iteratively.
PageText extract_page(std::string_view html, const PageLimits& limits = {});

} // namespace empreinte::parse
