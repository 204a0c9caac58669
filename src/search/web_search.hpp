// Web search: every query on every configured engine, through one HTTP engine, with paging,
// the response cache and an honest status per query and engine.
#pragma once

#include "search/backend.hpp"
#include "search/backend_config.hpp"
#include "search/http_engine.hpp"
#include "search/response_cache.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::search {

// One page request of a backend, built from its definition: the real request and a masked
// copy (secrets replaced by <name>) for cache keys and messages.
struct BuiltRequest
{
  HttpRequest real;
  std::string cache_key;
  std::string shown_url; // masked
};

// Page `page` (1-based) of `query`; for form pagination, `form`/`action` come from the
// previous page.
BuiltRequest build_request(const ResolvedBackend& backend,
                           const std::string& query,
                           int page,
                           const Pairs& form = {},
                           const std::string& action = {});

struct WebSearchOptions
{
  EngineOptions engine;
  std::optional<ResponseCache> cache; // nullopt: --no-cache
  bool refresh = false;               // skip cached answers (but store new ones)
  // The keyless default: each query goes to one engine, spread over them in turn, and a query
  // an engine fails (blocked, rate-limited, error...) is retried on the next one; an engine that
  // blocks or rate-limits gets no more requests. Otherwise every query goes to every engine.
  bool rotate = false;
  std::function<void(std::size_t, std::size_t)> progress; // (finished, submitted) requests
};

class WebSearch : public Backend
{
public:
  WebSearch(std::vector<ResolvedBackend> backends, WebSearchOptions options);

  std::string name() const override;
  QueryOutcome search(const plan::Query& query, int pages) override;
  // One outcome per query and backend, query-major (in the rotation: one per query).
  std::vector<QueryOutcome> search_all(const std::vector<plan::Query>& queries, int pages) override;

  std::size_t requests_sent() const { return m_sent; }
  std::size_t cache_hits() const { return m_cache_hits; }

private:
  std::vector<ResolvedBackend> m_backends;
  WebSearchOptions m_options;
  std::size_t m_sent = 0;
  std::size_t m_cache_hits = 0;
  // Per backend, when its next request may start: kept from one search_all to the next, so
  // that audits run one after another (batch) keep each engine's min interval between them.
  std::vector<std::chrono::steady_clock::time_point> m_next_start;
};

} // namespace empreinte::search
