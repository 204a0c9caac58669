// A web search backend as data: how to ask an engine and how to read its answer
// (rules/backends/*.json, schema rules/schemas/backend.schema.json; docs/backends.md).
#pragma once

#include "search/backend.hpp"
#include "util/result.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::search {

constexpr const char* k_backend_schema = "empreinte/backend/v1";

// A value the definition needs from the user or has a default for (an API key, an instance URL).
struct BackendParam
{
  std::string name;
  std::string description;
  std::string env;           // environment variable that sets it, or ""
  std::string default_value; // used when nothing else sets it
  bool required = false;     // the backend is unusable without it
  bool secret = false;       // never printed, logged, cached or reported
};

// How successive pages are asked for.
enum class Pagination {
  none,        // one page only
  page_number, // param = first + (page - 1)
  offset,      // param = first + (page - 1) * per_page (an item offset)
  page_index,  // param = page - 1 (Brave's offset is a page index)
  form         // HTML: post the inputs of the next-page form found in the previous page
};

struct PaginationSpec
{
  Pagination scheme = Pagination::none;
  std::string param;          // query or form parameter that carries the page
  int first = 1;              // value for the first page (page_number, offset)
  int per_page = 10;          // results per page
  bool omit_on_first = false; // do not send the parameter on page 1
  std::string form;           // CSS selector of the next-page form (form scheme)
};

// One name=value pair whose value is a template ("{query}", "{page}", "{api_key}"...).
using Pairs = std::vector<std::pair<std::string, std::string>>;

struct RequestSpec
{
  std::string method = "GET"; // GET or POST
  std::string url;            // template
  Pairs query;                // URL query parameters
  Pairs form;                 // POST body, application/x-www-form-urlencoded
  Pairs headers;
  PaginationSpec pagination;
};

// A field of a result: a JSON pointer (relative to the result object), or a CSS selector
// (relative to the result container; empty = the container) and an optional attribute.
struct FieldSpec
{
  std::string pointer;
  std::string selector;
  std::string attribute; // "" = visible text
  bool empty() const { return pointer.empty() && selector.empty() && attribute.empty(); }
};

// A sign in a response that decides its status: a JSON member, an HTML element or a piece of
// text. Matched markers are tried in order; the first that matches wins.
struct Marker
{
  std::string pointer; // JSON: member exists (and equals `equals` when given)
  std::string equals;
  std::string selector; // HTML: an element matches
  std::string contains; // body contains this text
  QueryStatus status = QueryStatus::error;
  std::string reason;         // one line for the report, in English
  std::string reason_fr;      // the same in French ("": French reports show `reason`)
  std::string reason_pointer; // JSON: append this member's text to the reason
};

// What an HTTP status code means for this engine (beyond the defaults: 429 rate_limited,
// 403 blocked, 5xx and other non-2xx error).
struct StatusCodeRule
{
  int code = 0;
  QueryStatus status = QueryStatus::error;
  std::string reason;
  std::string reason_fr;
  std::string reason_pointer; // JSON error body: append this member's text
};

// A result to drop: an ad, a fake result.
struct DropRule
{
  std::string field; // url, title or snippet
  std::string equals;
  std::string prefix;
  std::string contains;
};

// A redirect wrapper whose real target is in a query parameter.
struct UnwrapRule
{
  std::string contains; // the URL contains this ("duckduckgo.com/l/")
  std::string param;    // and the target is this parameter, percent-encoded ("uddg")
};

// Metasearch engines report engines that did not answer; an empty result list then is a
// failure, not "no results".
struct UnresponsiveSpec
{
  std::string pointer;                    // list of [engine, message]
  std::vector<std::string> blocked_words; // a message with one of these means blocked
};

enum class ResponseFormat { json, html };

struct ResponseSpec
{
  ResponseFormat format = ResponseFormat::json;
  std::string results; // JSON pointer to the result array, or CSS selector of each result
  bool missing_means_empty = false; // JSON: no result array at all means no results
  FieldSpec url, title, snippet, rank;
  bool html_in_text = false; // JSON: titles and snippets carry markup (<strong>, entities)
  std::string more_pointer;  // JSON: boolean "more results available"
  std::vector<StatusCodeRule> status_codes;
  std::vector<Marker> markers;
  std::vector<DropRule> drop;
  std::vector<UnwrapRule> unwrap;
  std::optional<UnresponsiveSpec> unresponsive;
};

struct Politeness
{
  int concurrency = 1;
  int min_interval_ms = 1000; // between the starts of two requests to this engine
};

struct BackendDef
{
  std::string name;
  std::string description;
  std::vector<std::string> notes; // shown by `empreinte backends`
  std::string source;             // the file it was read from
  bool keyless_default = false;   // in the default rotation when no backend is chosen
  std::vector<BackendParam> params;
  RequestSpec request;
  Politeness politeness;
  ResponseSpec response;

  const BackendParam* param(std::string_view name) const;
};

// Reads and checks one definition (closed schema: unknown keys are errors naming the file and
// the JSON pointer; templates may only name declared parameters, {query} and {page}).
util::Result<BackendDef> load_backend_def(const std::filesystem::path& path);
util::Result<BackendDef> parse_backend_def(const std::string& text, const std::string& source);

// All definitions of the given folders, in order; a later folder's definition replaces an
// earlier one of the same name (users override the shipped ones). Missing folders are skipped.
util::Result<std::vector<BackendDef>>
load_backend_defs(const std::vector<std::filesystem::path>& folders);

} // namespace empreinte::search
