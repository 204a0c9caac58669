// URL parsing with curl's URL API: one parser for the whole project, the one libcurl uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace empreinte::util {

// The parts of an absolute URL. Scheme and host are lower-case; the port is empty when it is
// the scheme's default; path is at least "/".
struct UrlParts
{
  std::string scheme;
  std::string host;
  std::string port;
  std::string path;
  std::string query;    // without "?"
  std::string fragment; // without "#"
};

// Parses an absolute http or https URL; nullopt for anything else.
std::optional<UrlParts> parse_http_url(std::string_view url);

// Reassembles parts into a URL; `with_fragment` keeps the fragment.
std::string join_url(const UrlParts& parts, bool with_fragment = false);

// Resolves `reference` (absolute, protocol-relative "//host/x", or relative) against the
// absolute URL `base`, as a browser would; "" when it cannot.
std::string resolve_url(std::string_view base, std::string_view reference);

// Percent-encodes every byte but unreserved characters (RFC 3986), as in a query string.
std::string percent_encode(std::string_view text);

// Decodes %XX sequences; with `plus_is_space`, '+' too (form encoding).
std::string percent_decode(std::string_view text, bool plus_is_space = false);

// The decoded value of parameter `name` in a query string "a=1&b=2", or nullopt.
std::optional<std::string> query_param(std::string_view query, std::string_view name);

} // namespace empreinte::util
