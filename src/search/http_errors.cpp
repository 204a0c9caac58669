// Transfer failures: curl's codes, the retry rule, Retry-After, and what a person reads.
#include "search/http_errors.hpp"

#include <algorithm>
#include <ctime>
#include <fmt/format.h>
#include <limits>

namespace empreinte::search {

namespace engine_detail {

using std::chrono::milliseconds;

TransportError classify(CURLcode code, bool too_large, bool via_proxy)
{
  if (too_large) {
    return TransportError::too_large;
  }
  // Through a proxy, not connecting means not reaching the proxy.
  if (code == CURLE_COULDNT_RESOLVE_PROXY
#if LIBCURL_VERSION_NUM >= 0x074900
      || code == CURLE_PROXY
#endif
      || (via_proxy && code == CURLE_COULDNT_CONNECT)) {
    return TransportError::proxy;
  }
  switch (code) {
  case CURLE_OK:
    return TransportError::none;
  case CURLE_OPERATION_TIMEDOUT:
    return TransportError::timeout;
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY:
    return TransportError::dns;
  case CURLE_COULDNT_CONNECT:
    return TransportError::connect;
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CACERT_BADFILE:
    return TransportError::tls_certificate;
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_SSL_CIPHER:
    return TransportError::tls;
  case CURLE_RECV_ERROR:
  case CURLE_SEND_ERROR:
  case CURLE_GOT_NOTHING:
    return TransportError::reset;
  case CURLE_PARTIAL_FILE:
    return TransportError::truncated;
  default:
    return TransportError::other;
  }
}

bool retryable(const HttpResponse& r)
{
  if (r.error != TransportError::none) {
    return r.error == TransportError::timeout || r.error == TransportError::reset ||
           r.error == TransportError::truncated;
  }
  return r.status == 429 || (r.status >= 500 && r.status <= 599);
}

std::optional<milliseconds> parse_retry_after(const std::string& value)
{
  if (value.empty()) {
    return std::nullopt;
  }
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) {
      return milliseconds(std::numeric_limits<int>::max());
    }
    return milliseconds(std::stoll(value) * 1000);
  }
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) {
    return std::nullopt;
  }
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return milliseconds(std::max<long long>(0, static_cast<long long>(when - now)) * 1000);
}

} // namespace engine_detail

util::Message transport_message(const HttpResponse& r)
{
  // The failure, then how many attempts it took and curl's own words, when they say more.
  auto told = [&r](std::string key, bool counts_attempts) {
    util::Message m{std::move(key)};
    if (counts_attempts && r.attempts > 1) {
      m = {"transport.after_attempts", {std::to_string(r.attempts)}, {std::move(m)}};
    }
    if (!r.error_text.empty()) {
      m = {"transport.detail", {r.error_text}, {std::move(m)}};
    }
    return m;
  };
  switch (r.error) {
  case TransportError::none:
    return {};
  case TransportError::timeout:
    return told("transport.timeout", true);
  case TransportError::proxy:
    return told("transport.proxy", false);
  case TransportError::deadline:
    return {"transport.deadline", {fmt::format("{:g}", r.limit_seconds)}};
  case TransportError::connect:
    return told("transport.connect", true);
  case TransportError::dns:
    return told("transport.dns", false);
  case TransportError::tls:
    // OpenSSL's words when an https:// URL reaches a plain-HTTP port.
    return told(r.error_text.find("wrong version number") != std::string::npos ? "transport.tls_port"
                                                                               : "transport.tls",
                false);
  case TransportError::tls_certificate:
    return told("transport.tls_certificate", false);
  case TransportError::reset:
    return told("transport.reset", true);
  case TransportError::truncated:
    return told("transport.truncated", true);
  case TransportError::too_large:
    return {"transport.too_large"};
  case TransportError::cancelled:
    return {"transport.cancelled"};
  case TransportError::other:
    break;
  }
  return told("transport.other", false);
}

} // namespace empreinte::search
