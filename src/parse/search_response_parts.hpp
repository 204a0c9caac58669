// What the readers of search responses share: search_response.cpp reads JSON pages and
// decides between JSON, HTML and HTTP statuses; search_response_html.cpp reads HTML pages.
#pragma once

#include "parse/css_select.hpp"
#include "parse/search_response.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::parse::response_parts {

// A reason or an engine's message on one line, valid UTF-8, cut to a few hundred bytes.
std::string clean_line(std::string_view text);

struct MarkerHit
{
  const search::Marker* marker = nullptr; // null: no marker shows
  std::string detail;                     // the engine's own words, from reason_pointer
};

// The first marker of `wanted` kind (empty markers or the others) that the response shows.
MarkerHit find_marker(const search::BackendDef& def,
                      std::string_view body,
                      const nlohmann::json* doc_json,
                      const HtmlDocument* doc_html,
                      bool want_empty);

// The page's status and reason from a marker that shows; its results are dropped.
void apply_marker(const MarkerHit& hit, ResponsePage& out);

// Unwraps, cleans, filters and ranks the raw results into `out`.
void finish_results(const search::BackendDef& def,
                    std::vector<search::SearchResult>& raw,
                    std::string_view request_url,
                    ResponsePage& out);

// Reads an HTML result page with the backend's selectors (search_response_html.cpp).
void parse_html_page(const search::BackendDef& def,
                     std::string_view body,
                     std::string_view request_url,
                     ResponsePage& out);

} // namespace empreinte::parse::response_parts
