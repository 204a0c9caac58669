// libFuzzer target: the query language (quotes, OR, -term, site:). Whatever the query, its
// FTS5 expression is valid FTS5 that SQLite accepts: no user text is read as FTS5 syntax.
// Seeds: the queries the planner makes for the training personas (fuzz/make-seeds).
#include "fuzz_check.hpp"
#include "search/query_syntax.hpp"
#include "util/sqlite.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace empreinte;
  static util::Database db = [] {
    auto opened = util::Database::open(":memory:", util::Database::Mode::read_write_create);
    if (!opened || !opened->exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 "
                                 "remove_diacritics 2'); INSERT INTO t VALUES('camille martin');")) {
      std::abort();
    }
    return std::move(*opened);
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const search::ParsedQuery query = search::parse_query(text);
  for (const auto& site : query.sites) {
    FUZZ_CHECK(!site.empty());
    (void)search::host_matches("www.x.example", site);
  }
  const std::string match = search::to_fts5(query);
  if (!match.empty()) {
    auto stmt = db.prepare("SELECT rowid FROM t WHERE t MATCH ?");
    FUZZ_CHECK(stmt.ok());
    stmt->bind(1, match);
    while (stmt->step()) {
    }
    FUZZ_CHECK(stmt->error().empty()); // an FTS5 syntax error would be an injection
  }
  return 0;
}
