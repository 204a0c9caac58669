// Writing the corpus index: a page file read, checked and extracted (on any thread), then
// recorded in the index's tables by one Writer (FTS5 external content keyed by page id).
#pragma once

#include "parse/html_page.hpp"
#include "search/corpus_listing.hpp"
#include "util/result.hpp"
#include "util/sqlite.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace empreinte::search::corpus {

// What the index knows of a file.
struct Known
{
  FileMeta meta;
  std::string hash;
  std::int64_t page = 0; // pages.id, 0 when the file gives no page
  bool seen = false;     // still in the folder
};

// One file read, checked and extracted (on a worker thread).
struct Prepared
{
  std::string problem;      // non-empty: the file cannot be used
  std::string hash;         // of its bytes
  bool same_content = false; // the index has these bytes already: only metadata to update
  bool has_page = false;     // false: a file at the top of the folder (no host), not indexed
  std::string url;
  std::string host;
  parse::PageText text;
};

// Reads, hashes and extracts `file`; `known` is what the index has of it (null: nothing), and
// a file whose bytes it already has is not extracted again.
Prepared prepare(const Listed& file, const Known* known);

// The statements an update needs, prepared once.
class Writer
{
public:
  static util::Result<Writer> make(util::Database& db);

  // Records `file` as `prepared` says (its old page, if any, is `known`).
  util::Status apply(const Listed& file, Prepared& p, const Known* known);

  util::Status remove_file(const std::string& relative, const Known& known);

private:
  Writer() = default;

  util::Status run(util::Statement& stmt, const std::string& what);

  util::Result<std::int64_t> insert_page(const std::string& relative, const Prepared& p);

  // External content: FTS5 forgets a row only when given the values it indexed.
  util::Status remove_page(std::int64_t id);

  static std::int64_t sqlite3_last_insert_rowid_of(util::Database& db);

  util::Database* m_db = nullptr;
  std::vector<util::Statement> m_stmts;
};

} // namespace empreinte::search::corpus
