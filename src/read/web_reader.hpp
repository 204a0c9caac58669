// Reading result pages on the web: through the search's HTTP engine, one lane per site (a
// request at a time, spaced), robots.txt honoured and cached, HTML only, a size cap, no link
// followed (a redirect is followed only within the same site, to a page robots.txt allows).
#pragma once

#include "read/page_reader.hpp"
#include "read/robots.hpp"
#include "read/walls.hpp"
#include "search/http_engine.hpp"
#include "search/response_cache.hpp"

#include <chrono>
#include <functional>
#include <optional>

namespace empreinte::read {

struct WebReaderOptions
{
  search::EngineOptions engine;                 // timeouts, proxy, User-Agent, deadline
  std::optional<search::ResponseCache> cache;   // nullopt: --no-cache
  bool refresh = false;                         // skip cached answers (but store new ones)
  std::chrono::milliseconds per_site_interval{1000}; // between two requests to one site
  std::size_t max_page_bytes = k_max_page_bytes;
  std::string robots_agent = "empreinte";       // our product token in robots.txt
  std::function<void(std::size_t, std::size_t)> progress;
};

class WebPageReader final : public PageReader
{
public:
  WebPageReader(Walls walls, WebReaderOptions options);
  std::vector<traces::PageRead> read(const std::vector<ReadRequest>& requests) override;

  std::size_t requests_sent() const { return m_sent; }
  std::size_t cache_hits() const { return m_cache_hits; }

private:
  Walls m_walls;
  WebReaderOptions m_options;
  std::size_t m_sent = 0;
  std::size_t m_cache_hits = 0;
};

// The status of one HTTP answer to a page request (no redirect left to follow).
traces::PageRead judge_answer(const Walls& walls,
                              const std::string& host,
                              const search::HttpResponse& response,
                              std::size_t max_bytes);

} // namespace empreinte::read
