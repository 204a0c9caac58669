// The `corpus` backend: answers queries from an offline folder of saved pages.
#pragma once

#include "search/backend.hpp"
#include "search/corpus_index.hpp"

namespace empreinte::search {

// Searches a CorpusIndex as a web engine would: bm25 ranking (title and URL weigh most),
// a snippet around the match (bounded however often a page repeats the words), 10 results a
// page.
class CorpusBackend final : public Backend
{
public:
  static constexpr int k_results_per_page = 10;

  explicit CorpusBackend(CorpusIndex index);

  std::string name() const override { return "corpus"; }
  // The corpus folder: saved pages are relative to it.
  const std::filesystem::path& dir() const { return m_index.dir(); }
  // Pages left out for their size (relative to the folder).
  const std::vector<std::string>& skipped() const { return m_index.skipped(); }
  QueryOutcome search(const plan::Query& query, int pages) override;

  // Searches raw query text (no plan needed): for tests and the `search` debugging path.
  QueryOutcome search_text(const std::string& text, int pages);

private:
  CorpusIndex m_index;
  bool m_hits = false; // the empreinte_hits() FTS5 function is registered
};

} // namespace empreinte::search
