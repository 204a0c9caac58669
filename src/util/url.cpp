// curl's URL API (curl/urlapi.h) parses as libcurl will fetch; no hand-written URL grammar.
#include "util/url.hpp"

#include "util/text.hpp"

#include <curl/curl.h>
#include <algorithm>
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

std::string resolve_url(std::string_view base, std::string_view reference)
{
  const std::string ref = squeeze_spaces(reference);
  if (ref.empty() || ref.size() > 8192) {
    return {};
  }
  std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
  const std::string b(base);
  if (!u || curl_url_set(u.get(), CURLUPART_URL, b.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return {};
  }
  // Setting a relative URL on a handle that holds one resolves it (RFC 3986 section 5).
  if (curl_url_set(u.get(), CURLUPART_URL, ref.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    return {};
  }
  return get_part(u.get(), CURLUPART_URL);
}

std::string percent_encode(std::string_view text)
{
  // The handle argument of curl_easy_escape is ignored since curl 7.82 (Debian 12: 7.88).
  char* out = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
  if (!out) {
    return {};
  }
  std::string s = out;
  curl_free(out);
  return s;
}

std::string percent_decode(std::string_view text, bool plus_is_space)
{
  std::string in(text);
  if (plus_is_space) {
    for (char& c : in) {
      if (c == '+') {
        c = ' ';
      }
    }
  }
  int length = 0;
  char* out = curl_easy_unescape(nullptr, in.data(), static_cast<int>(in.size()), &length);
  if (!out) {
    return in;
  }
  std::string s(out, static_cast<std::size_t>(length));
  curl_free(out);
  return s;
}

std::optional<std::string> query_param(std::string_view query, std::string_view name)
{
  std::size_t pos = 0;
  while (pos <= query.size()) {
    const auto end = std::min(query.find('&', pos), query.size());
    const std::string_view pair = query.substr(pos, end - pos);
    const auto eq = pair.find('=');
    const std::string_view key = pair.substr(0, eq);
    if (percent_decode(key, true) == name) {
      return eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1), true);
    }
    pos = end + 1;
  }
  return std::nullopt;
}

} // namespace empreinte::util
