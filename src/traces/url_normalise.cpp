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

std::string strip_tracking(const std::string& query)
{
  std::string out;
  std::size_t pos = 0;
  while (pos <= query.size()) {
    auto end = query.find('&', pos);
    if (end == std::string::npos) {
      end = query.size();
    }
    const std::string pair = query.substr(pos, end - pos);
    const std::string name = pair.substr(0, pair.find('='));
    if (!pair.empty() && !is_tracking_parameter(name)) {
      out += (out.empty() ? "" : "&") + pair;
    }
    pos = end + 1;
  }
  return out;
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

} // namespace

std::optional<std::string> normalise_url(std::string_view url)
{
  auto parts = util::parse_http_url(url);
  if (!parts) {
    return std::nullopt;
  }
  parts->fragment.clear();
  while (!parts->host.empty() && parts->host.back() == '.') {
    parts->host.pop_back();
  }
  parts->query = strip_tracking(parts->query);
  while (parts->path.size() > 1 && parts->path.back() == '/') {
    parts->path.pop_back();
  }
  return util::join_url(*parts);
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
