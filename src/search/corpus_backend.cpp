// SQL is assembled only from fixed fragments; every user string is a bound parameter or a
// quoted FTS5 string, so no query text is ever read as SQL or FTS5 syntax.
#include "search/corpus_backend.hpp"

#include "search/query_syntax.hpp"
#include "search/snippet.hpp"
#include "util/text.hpp"

#include <sqlite3.h>
#include <string>
#include <vector>

namespace empreinte::search {

namespace {

// FTS5's snippet() weighs every hit of a page against every other: its cost grows with the
// square of the hits. Up to this many it is used (at most ~65k steps a row); beyond, the
// snippet is cut in C++ from the first hits only (bounded_snippet), so no page can make a
// query slower than a fixed budget.
constexpr int k_fts5_snippet_max_hits = 256;

// empreinte_hits(pages_fts): the number of phrase hits in the current row (xInstCount).
void hits_function(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int,
                   sqlite3_value**)
{
  int hits = 0;
  if (api->xInstCount(fts, &hits) != SQLITE_OK) {
    sqlite3_result_int(ctx, 1 << 30);
    return;
  }
  sqlite3_result_int(ctx, hits);
}

// Registers empreinte_hits on the connection; false when FTS5 offers no API pointer.
bool register_hits(sqlite3* db)
{
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) {
    return false;
  }
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api != nullptr && api->iVersion >= 2
         && api->xCreateFunction(api, "empreinte_hits", nullptr, hits_function, nullptr) == SQLITE_OK;
}

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

CorpusBackend::CorpusBackend(CorpusIndex index)
  : m_index(std::move(index)),
    m_hits(register_hits(m_index.db().handle()))
{
}

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
    out.reason = {"search.no_word"};
    return out;
  }
  std::vector<std::string> params;
  const std::string match = to_fts5(parsed);
  std::string sql;
  if (!match.empty()) {
    params.push_back(match);
    // Column 2 is FTS5's snippet for pages with few hits; column 5 the body of the others,
    // cut by bounded_snippet (SQLite evaluates only the CASE branch taken).
    const std::string few = "empreinte_hits(pages_fts) <= " + std::to_string(k_fts5_snippet_max_hits);
    sql = m_hits ? "SELECT p.url, p.title, CASE WHEN " + few
                     + " THEN snippet(pages_fts, 2, '', '', '…', 32) END, p.description, p.path, "
                       "CASE WHEN NOT (" + few + ") THEN p.body END "
                 : std::string("SELECT p.url, p.title, NULL, p.description, p.path, p.body ");
    sql += "FROM pages_fts JOIN pages p ON p.id = pages_fts.rowid WHERE pages_fts MATCH ?1";
  } else {
    sql = "SELECT p.url, p.title, substr(p.body, 1, 200), p.description, p.path, NULL "
          "FROM pages p WHERE 1";
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
    out.reason = {"search.corpus_failed", {stmt.error().what}};
    return out;
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    stmt->bind(static_cast<int>(i + 1), params[i]);
  }
  std::vector<std::string> terms;
  for (const auto& group : parsed.groups) {
    for (const auto& term : group) {
      for (auto& w : util::words(term.text)) {
        terms.push_back(std::move(w));
      }
    }
  }
  int rank = 0;
  while (stmt->step()) {
    SearchResult r;
    r.rank = ++rank;
    r.url = stmt->column_text(0);
    r.title = stmt->column_text(1);
    r.snippet = stmt->column_text(2);
    if (const std::string body = stmt->column_text(5); !body.empty()) {
      r.snippet = bounded_snippet(body, terms);
    }
    if (r.snippet.empty()) {
      r.snippet = stmt->column_text(3);
    }
    r.saved_path = stmt->column_text(4);
    out.results.push_back(std::move(r));
  }
  if (!stmt->error().empty()) {
    out.status = QueryStatus::error;
    out.reason = {"search.corpus_failed", {stmt->error()}};
    out.results.clear();
    return out;
  }
  out.status = out.results.empty() ? QueryStatus::empty : QueryStatus::ok;
  return out;
}

} // namespace empreinte::search
