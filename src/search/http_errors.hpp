// How a transfer failed and whether to try again: curl's codes sorted into TransportError, the
// retry rule and Retry-After. (The sentence a person reads is transport_reason, declared in
// http_engine.hpp and defined beside these.)
#pragma once

#include "search/http_engine.hpp"

#include <chrono>
#include <curl/curl.h>
#include <optional>
#include <string>

namespace empreinte::search::engine_detail {

// curl's result of a transfer; `too_large` when the body cap stopped it, `via_proxy` when a
// proxy was set (not connecting then means not reaching the proxy).
TransportError classify(CURLcode code, bool too_large, bool via_proxy);

// Timeouts, resets, cut-short bodies, 429 and 5xx are worth another try.
bool retryable(const HttpResponse& r);

// Retry-After is seconds or an HTTP date (RFC 9110 section 10.2.3); nullopt when unreadable.
std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value);

} // namespace empreinte::search::engine_detail
