// Extracts what a search engine indexes from an HTML page: URL, title, description, text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::parse {

// What a page says about itself and its author, beyond its text: the structured signals that
// tell a profile from an article, and whose it is. Filled only when PageLimits::signals is set.
struct PageSignals
{
  std::string lang;                      // <html lang>, lower-case ("fr", "en-gb")
  std::string site_name;                 // og:site_name
  std::string og_type;                   // og:type ("profile", "article", "website")
  std::string meta_author;               // <meta name="author">
  std::vector<std::string> headings;     // <h1>..<h3>, in order
  std::vector<std::string> me_links;     // href of rel="me" links (the page owner's accounts)
  std::vector<std::string> author_links; // href of rel="author" links
  std::vector<std::string> ld_types;     // every JSON-LD @type ("Person", "NewsArticle"...)
  std::vector<std::string> ld_persons;   // names of JSON-LD Person nodes
  std::vector<std::string> ld_authors;   // names of the authors of JSON-LD creative works
  std::vector<std::string> ld_same_as;   // sameAs URLs of JSON-LD Person nodes
  std::string ld_profile_name;           // the person a JSON-LD ProfilePage is about
  std::string ld_profile_handle;         // its alternateName (the handle)
  std::string image;                     // og:image, else twitter:image (a profile photo on
                                         // profile pages)
  std::vector<std::string> links;        // absolute http(s) hrefs of <a>, in order (capped)
};

// The indexable parts of one page; all valid UTF-8 with white space squeezed.
struct PageText
{
  std::string canonical;   // href of <link rel="canonical">, as written; may be empty
  std::string title;       // <title>, else og:title, else the first <h1>
  std::string description; // <meta name="description">, else og:description
  std::string text;        // visible text of <body>: no script, style, template, noscript
  // With PageLimits::signals: the same text cut at block boundaries (paragraphs, list items,
  // table rows, line breaks), so that what sits beside a name can be told from the rest.
  std::vector<std::string> blocks;
  PageSignals signals;
};

// Limits that keep hostile pages cheap to parse.
struct PageLimits
{
  std::size_t max_html_bytes = 4u * 1024 * 1024; // input beyond this is not parsed
  std::size_t max_text_bytes = 512u * 1024;      // visible text beyond this is dropped
  bool signals = false;                          // also fill `blocks` and `signals`
};

// Parses `html` with Gumbo (no error recording) and walks the tree iteratively.
PageText extract_page(std::string_view html, const PageLimits& limits = {});

} // namespace empreinte::parse
