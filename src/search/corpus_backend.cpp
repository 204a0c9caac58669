// SQL is assembled only from fixed fragments; every user string is a bound parameter or a
// quoted FTS5 string, so no query text is ever read as SQL or FTS5 syntax.
#include "search/corpus_backend.hpp"

#include "search/query_syntax.hpp"

#include <string>
#include <vector>

namespace empreinte::search {

namespace {

// bm25 weights for title, description, body, url.
constexpr const char* k_rank = "bm25(pages_fts, 10.0, 4.0, 1.0, 6.0)";

std::string site_sql(std::size_t count, std::vector<std::string>& params,
                     const std::vector<std::string>& sites)
{
  std::string sql;
  for (std::size_t i = 0; i < count; ++i) {
    params.push_back(sites[i]);
    params.push_back("." + sites[i]);
    const std::string a = "?" + std::to_string(params.size() - 1);
    const std::string b = "?" + std::to_string(params.size());
    sql += (sql.empty() ? "" : " OR ") + ("p.host = " + a + " OR substr(p.host, -length(" + b
                                          + ")) = " + b);
  }
  return "(" + sql + ")";
}

} // namespace

QueryOutcome CorpusBackend::search(const plan::Query& query, int pages)
{
  return search_text(query.text, pages);
}

QueryOutcome CorpusBackend::search_text(const std::string& text, int pages)
{
  QueryOutcome out;
  out.backend = name();
  const ParsedQuery parsed = parse_query(text);
  if (parsed.empty()) {
    out.status = QueryStatus::error;
    out.reason = "the query has no word to search for";
    return out;
  }
  std::vector<std::string> params;
  const std::string match = to_fts5(parsed);
  std::string sql;
  if (!match.empty()) {
    params.push_back(match);
    sql = "SELECT p.url, p.title, snippet(pages_fts, 2, '', '', '…', 32), p.description, p.path "
          "FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid "
          "WHERE pages_fts MATCH ?1";
  } else {
    sql = "SELECT p.url, p.title, substr(p.body, 1, 200), p.description, p.path FROM pages p "
          "WHERE 1";
  }
  if (!parsed.sites.empty()) {
    sql += " AND " + site_sql(parsed.sites.size(), params, parsed.sites);
  }
  if (!parsed.excluded_sites.empty()) {
    sql += " AND NOT " + site_sql(parsed.excluded_sites.size(), params, parsed.excluded_sites);
  }
  sql += match.empty() ? " ORDER BY p.url" : std::string(" ORDER BY ") + k_rank + ", p.url";
  sql += " LIMIT " + std::to_string(k_results_per_page * (pages < 1 ? 1 : pages));

  auto stmt = m_index.db().prepare(sql);
  if (!stmt) {
    out.status = QueryStatus::error;
    out.reason = stmt.error().what;
    return out;
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    stmt->bind(static_cast<int>(i + 1), params[i]);
  }
  int rank = 0;
  while (stmt->step()) {
    SearchResult r;
    r.rank = ++rank;
    r.url = stmt->column_text(0);
    r.title = stmt->column_text(1);
    r.snippet = stmt->column_text(2);
    if (r.snippet.empty()) {
      r.snippet = stmt->column_text(3);
    }
    r.saved_path = stmt->column_text(4);
    out.results.push_back(std::move(r));
  }
  if (!stmt->error().empty()) {
    out.status = QueryStatus::error;
    out.reason = "corpus search failed: " + stmt->error();
    out.results.clear();
    return out;
  }
  out.status = out.results.empty() ? QueryStatus::empty : QueryStatus::ok;
  return out;
}

} // namespace empreinte::search
