// curl's URL API (curl/urlapi.h) parses as libcurl will fetch; no hand-written URL grammar.
#include "util/url.hpp"

#include "util/text.hpp"

#include <curl/curl.h>
#include <memory>

namespace empreinte::util {

namespace {

struct UrlDeleter
{
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

std::string get_part(CURLU* u, CURLUPart part, unsigned flags = 0)
{
  char* value = nullptr;
  if (curl_url_get(u, part, &value, flags) != CURLUE_OK || !value) {
    return {};
  }
  std::string out = value;
  curl_free(value);
  return out;
}

} // namespace

std::optional<UrlParts> parse_http_url(std::string_view url)
{
  const std::string text = squeeze_spaces(url);
  if (text.empty() || text.size() > 8192) {
    return std::nullopt;
  }
  std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME)
              != CURLUE_OK) {
    return std::nullopt;
  }
  UrlParts parts;
  parts.scheme = ascii_lower(get_part(u.get(), CURLUPART_SCHEME));
  if (parts.scheme != "http" && parts.scheme != "https") {
    return std::nullopt;
  }
  parts.host = ascii_lower(get_part(u.get(), CURLUPART_HOST));
  if (parts.host.empty()) {
    return std::nullopt;
  }
  parts.port = get_part(u.get(), CURLUPART_PORT); // empty when not given explicitly
  if ((parts.scheme == "http" && parts.port == "80")
      || (parts.scheme == "https" && parts.port == "443")) {
    parts.port.clear();
  }
  parts.path = get_part(u.get(), CURLUPART_PATH);
  if (parts.path.empty()) {
    parts.path.assign(1, '/'); // not = "/": GCC 12 -O2 false -Wrestrict positive
  }
  parts.query = get_part(u.get(), CURLUPART_QUERY);
  parts.fragment = get_part(u.get(), CURLUPART_FRAGMENT);
  return parts;
}

std::string join_url(const UrlParts& parts, bool with_fragment)
{
  std::string out = parts.scheme + "://" + parts.host;
  if (!parts.port.empty()) {
    out += ":" + parts.port;
  }
  out += parts.path;
  if (!parts.query.empty()) {
    out += "?" + parts.query;
  }
  if (with_fragment && !parts.fragment.empty()) {
    out += "#" + parts.fragment;
  }
  return out;
}

} // namespace empreinte::util
