// How an HTTP answer is kept in the response cache by the readers that cache whole answers
// (page reader, account check): status, content type, redirect target and body, as JSON.
#pragma once

#include "search/http_engine.hpp"

#include <optional>
#include <string>

namespace empreinte::search {

// The answer as cached; a body that is not valid UTF-8 is kept with U+FFFD in place of the
// bad bytes (never an exception).
std::string to_envelope(const HttpResponse& response);

// The answer read back (from_cache set), or nullopt when `text` is not an envelope.
std::optional<HttpResponse> from_envelope(const std::string& text);

} // namespace empreinte::search
