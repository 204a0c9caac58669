#include "search/response_envelope.hpp"

#include <nlohmann/json.hpp>

namespace empreinte::search {

std::string to_envelope(const HttpResponse& r)
{
  return nlohmann::json{{"status", r.status},
                        {"content_type", r.content_type},
                        {"location", r.location},
                        {"body", r.body}}
    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<HttpResponse> from_envelope(const std::string& text)
{
  const auto v = nlohmann::json::parse(text, nullptr, false);
  if (!v.is_object()) {
    return std::nullopt;
  }
  HttpResponse r;
  r.status = v.value("status", 0);
  r.content_type = v.value("content_type", "");
  r.location = v.value("location", "");
  r.body = v.value("body", "");
  r.from_cache = true;
  return r;
}

} // namespace empreinte::search
