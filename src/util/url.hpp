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

} // namespace empreinte::util
