// Discovery order (query order, then rank) keeps reports stable from run to run.
#include "traces/merge.hpp"

#include "traces/url_normalise.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <unordered_map>

namespace empreinte::traces {

std::vector<Trace> merge(const std::vector<plan::Query>& queries,
                         const std::vector<search::QueryOutcome>& outcomes)
{
  std::vector<Trace> traces;
  std::unordered_map<std::string, std::size_t> by_url;
  for (const auto& outcome : outcomes) {
    if (outcome.query_index >= queries.size()) {
      continue;
    }
    const plan::Query& query = queries[outcome.query_index];
    for (const auto& result : outcome.results) {
      const auto url = normalise_url(result.url);
      const auto parts = url ? util::parse_http_url(*url) : std::nullopt;
      if (!parts) {
        continue; // not a page's URL ("http://.", "mailto:...")
      }
      auto [it, inserted] = by_url.try_emplace(*url, traces.size());
      if (inserted) {
        Trace t;
        t.id = trace_id(*url);
        t.url = *url;
        t.host = parts->host;
        t.domain = registrable_domain(t.host);
        t.title = util::squeeze_spaces(result.title);
        traces.push_back(std::move(t));
      }
      Trace& t = traces[it->second];
      if (t.title.empty()) {
        t.title = util::squeeze_spaces(result.title);
      }
      const std::string snippet = util::squeeze_spaces(result.snippet);
      if (!snippet.empty()
          && std::find(t.snippets.begin(), t.snippets.end(), snippet) == t.snippets.end()) {
        t.snippets.push_back(snippet);
      }
      if (t.page.saved_path.empty()) {
        t.page.saved_path = result.saved_path;
      }
      t.found_by.push_back(Sighting{query.id, outcome.backend, result.rank});
    }
  }
  return traces;
}

} // namespace empreinte::traces
