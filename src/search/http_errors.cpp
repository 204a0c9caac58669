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

std::string transport_reason(const HttpResponse& r)
{
  const std::string detail = r.error_text.empty() ? "" : ": " + r.error_text;
  const std::string tries = r.attempts > 1 ? fmt::format(" (after {} attempts)", r.attempts) : "";
  switch (r.error) {
  case TransportError::none:
    return {};
  case TransportError::timeout:
    return "no answer within the time limit for one request (--request-timeout)" + tries + detail;
  case TransportError::proxy:
    return "the proxy failed: could not reach it or it refused the connection (check --proxy)" + detail;
  case TransportError::deadline:
    return r.error_text;
  case TransportError::connect:
    return "could not connect" + tries + detail;
  case TransportError::dns:
    return "could not resolve the host" + detail;
  case TransportError::tls:
    // OpenSSL's words when an https:// URL reaches a plain-HTTP port.
    if (r.error_text.find("wrong version number") != std::string::npos) {
      return "TLS handshake failed: the server does not speak TLS on this port (check http:// "
             "or https:// and the port)" +
             detail;
    }
    return "TLS handshake failed" + detail;
  case TransportError::tls_certificate:
    return "TLS failure: the server's certificate is not trusted" + detail;
  case TransportError::reset:
    return "the connection was reset" + tries + detail;
  case TransportError::truncated:
    return "the response was cut short" + tries + detail;
  case TransportError::too_large:
    return "the response was too large";
  case TransportError::cancelled:
    return r.error_text;
  case TransportError::other:
    return "transfer failed" + detail;
  }
  return "transfer failed" + detail;
}

} // namespace empreinte::search
