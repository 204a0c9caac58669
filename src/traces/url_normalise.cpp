// Parsing goes through curl's URL API (util/url); domains through libpsl, never hand tables.
#include "traces/url_normalise.hpp"

#include "util/hash.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <array>
#include <libpsl.h>
#include <vector>

namespace empreinte::traces {

namespace {

bool is_tracking_parameter(std::string_view name)
{
  static constexpr std::array<std::string_view, 14> k_exact{
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid",
    "mc_eid", "igshid", "yclid", "_ga",    "_gl",    "ref_src", "si"};
  const std::string lower = util::ascii_lower(name);
  if (lower.rfind("utm_", 0) == 0) {
    return true;
  }
  return std::find(k_exact.begin(), k_exact.end(), lower) != k_exact.end();
}

// The query without the "name=value" pairs `drop` says no to, in their order.
template<typename Drop> std::string filter_query(const std::string& query, const Drop& drop)
{
  std::string out;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    auto end = query.find('&', pos);
    if (end == std::string::npos) {
      end = query.size();
    }
    const std::string pair = query.substr(pos, end - pos);
    if (!pair.empty() && !drop(pair)) {
      out += (out.empty() ? "" : "&") + pair;
    }
    pos = end + 1;
  }
  return out;
}

std::string strip_tracking(const std::string& query)
{
  return filter_query(query, [](const std::string& pair) {
    return is_tracking_parameter(pair.substr(0, pair.find('=')));
  });
}

const psl_ctx_t* psl()
{
  // psl_latest() reads the system's list when the publicsuffix package is installed, else
  // falls back to the list built into libpsl.
  static const psl_ctx_t* ctx = [] {
    const psl_ctx_t* latest = psl_latest(nullptr);
    return latest ? latest : psl_builtin();
  }();
  return ctx;
}

bool is_ip_literal(std::string_view host)
{
  if (!host.empty() && host.front() == '[') {
    return true;
  }
  return !host.empty()
         && std::all_of(host.begin(), host.end(), [](char c) {
              return (c >= '0' && c <= '9') || c == '.';
            });
}

// Sites whose locale or legacy subdomains serve the same page as www.
constexpr std::array<std::string_view, 12> k_mirrored_sites{
  "facebook.com", "instagram.com", "linkedin.com", "pinterest.com", "reddit.com", "tiktok.com",
  "twitter.com", "x.com", "youtube.com", "tumblr.com", "quora.com", "vimeo.com"};

bool is_mobile_label(std::string_view label)
{
  return label == "m" || label == "mobile" || label == "touch" || label == "mbasic";
}

// "fr", "uk", "fr-fr", "en-gb", "old", "new", "np": locale and legacy front ends.
bool is_locale_label(std::string_view label)
{
  if (label == "old" || label == "new" || label == "np" || label == "web") {
    return true;
  }
  auto letters = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  return (label.size() == 2 && letters(label))
         || (label.size() == 5 && label[2] == '-' && letters(label.substr(0, 2))
             && letters(label.substr(3)));
}

std::string canonical_host(const std::string& host)
{
  const std::string domain = registrable_domain(host);
  if (domain.empty() || domain.size() >= host.size()) {
    return host; // no subdomain to look at (m.co.uk is itself a public suffix's child)
  }
  // Labels in front of the registrable domain: "en.m" of en.m.wikipedia.org.
  const std::string prefix = host.substr(0, host.size() - domain.size() - 1);
  std::vector<std::string> labels;
  bool dropped_mobile = false;
  std::size_t pos = 0;
  while (pos <= prefix.size()) {
    auto end = prefix.find('.', pos);
    if (end == std::string::npos) {
      end = prefix.size();
    }
    std::string label = prefix.substr(pos, end - pos);
    if (is_mobile_label(label)) {
      dropped_mobile = true;
    } else {
      labels.push_back(std::move(label));
    }
    pos = end + 1;
  }
  if (dropped_mobile) {
    // m.lemonde.fr -> www.lemonde.fr; en.m.wikipedia.org -> en.wikipedia.org
    std::string out;
    for (const auto& l : labels) {
      out += l + ".";
    }
    return (labels.empty() ? "www." : out) + domain;
  }
  const std::string first = host.substr(0, host.find('.'));
  const std::string rest = host.substr(host.find('.') + 1);
  if (is_locale_label(first) && rest == domain
      && std::find(k_mirrored_sites.begin(), k_mirrored_sites.end(), rest) != k_mirrored_sites.end()) {
    return "www." + rest;
  }
  return host;
}

// The page an AMP copy stands for, or nullopt when `parts` is not an AMP cache URL.
std::optional<std::string> amp_original(const util::UrlParts& parts)
{
  const std::string suffix = ".cdn.ampproject.org";
  if (parts.host.size() > suffix.size()
      && parts.host.compare(parts.host.size() - suffix.size(), suffix.size(), suffix) == 0) {
    // /c/s/www.example.com/path (s = https) or /c/www.example.com/path, also /v/ and /i/.
    std::string path = parts.path;
    for (const char* prefix : {"/c/s/", "/v/s/", "/i/s/"}) {
      if (path.rfind(prefix, 0) == 0) {
        return "https://" + path.substr(std::string_view(prefix).size())
               + (parts.query.empty() ? "" : "?" + parts.query);
      }
    }
    for (const char* prefix : {"/c/", "/v/", "/i/"}) {
      if (path.rfind(prefix, 0) == 0) {
        return "http://" + path.substr(std::string_view(prefix).size())
               + (parts.query.empty() ? "" : "?" + parts.query);
      }
    }
  }
  if ((parts.host == "www.google.com" || parts.host == "google.com")
      && parts.path.rfind("/amp/s/", 0) == 0) {
    return "https://" + parts.path.substr(7) + (parts.query.empty() ? "" : "?" + parts.query);
  }
  return std::nullopt;
}

std::string strip_amp_query(const std::string& query)
{
  return filter_query(query, [](const std::string& pair) {
    return pair == "amp" || pair == "amp=1" || pair == "amp=true" || pair == "outputType=amp";
  });
}

} // namespace

namespace {

// One pass of the rules; normalise_url repeats it until nothing changes, because a rule can
// uncover work for another (fr.m.facebook.com loses "m." and then the locale label; /a/amp/amp
// loses one "/amp" at a time).
std::optional<std::string> normalise_once(std::string_view url)
{
  auto parts = util::parse_http_url(url);
  if (!parts) {
    return std::nullopt;
  }
  for (int depth = 0; depth < 2; ++depth) {
    const auto inner = amp_original(*parts);
    if (!inner) {
      break;
    }
    auto inner_parts = util::parse_http_url(*inner);
    if (!inner_parts) {
      break;
    }
    parts = std::move(inner_parts);
  }
  parts->fragment.clear();
  while (!parts->host.empty() && parts->host.back() == '.') {
    parts->host.pop_back();
  }
  if (parts->host.empty()) {
    return std::nullopt; // "http://." or "http:/...": a host of dots only names no page
  }
  parts->host = canonical_host(parts->host);
  parts->query = strip_amp_query(strip_tracking(parts->query));
  while (parts->path.size() > 1 && parts->path.back() == '/') {
    parts->path.pop_back();
  }
  if (parts->path.size() > 4 && parts->path.compare(parts->path.size() - 4, 4, "/amp") == 0) {
    parts->path.erase(parts->path.size() - 4);
  }
  while (parts->path.size() > 1 && parts->path.back() == '/') {
    parts->path.pop_back();
  }
  std::string out = util::join_url(*parts);
  if (!util::parse_http_url(out)) {
    return std::nullopt; // what we built must be a URL again
  }
  return out;
}

} // namespace

std::optional<std::string> normalise_url(std::string_view url)
{
  // Idempotent by construction: the answer is a fixed point of normalise_once. Every pass
  // shortens or canonicalises, so a few suffice; a URL that keeps changing is not a page.
  auto current = normalise_once(url);
  for (int pass = 0; current && pass < 8; ++pass) {
    auto next = normalise_once(*current);
    if (next == current) {
      return current;
    }
    current = std::move(next);
  }
  return std::nullopt;
}

std::string registrable_domain(std::string_view host_view)
{
  const std::string host = util::ascii_lower(host_view);
  if (host.empty() || is_ip_literal(host) || !psl()) {
    return {};
  }
  const char* domain = psl_registrable_domain(psl(), host.c_str());
  return domain ? std::string(domain) : std::string();
}

std::string trace_id(std::string_view normalised_url)
{
  return "t" + util::hash_hex(normalised_url).substr(0, 12);
}

} // namespace empreinte::traces
