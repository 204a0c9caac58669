// The corpus index's writes: pages extracted from their files, inserted, replaced, removed.
#include "search/corpus_writer.hpp"

#include "search/corpus_index.hpp"
#include "util/fs.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <sqlite3.h>

namespace empreinte::search::corpus {

namespace {

// A URL's words (slug, handle) are indexed the way engines match them.
std::string url_words(const std::string& url)
{
  std::string words = url;
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

} // namespace

Prepared prepare(const Listed& file, const Known* known)
{
  Prepared out;
  auto content = util::read_file(file.path, k_max_page_bytes);
  if (!content) {
    out.problem = file.relative + ": " + content.error().what;
    return out;
  }
  out.hash = util::hash_hex(*content);
  if (known && known->hash == out.hash) {
    out.same_content = true;
    return out;
  }
  if (content->find('\0') != std::string::npos) {
    out.problem = file.relative + ": binary content (NUL bytes), not an HTML text page";
    return out;
  }
  if (!util::is_valid_utf8(*content)) {
    *content = util::latin1_to_utf8(*content); // pages saved in ISO-8859-1
  }
  out.text = parse::extract_page(*content);
  auto parts = util::parse_http_url(out.text.canonical);
  if (!parts) {
    parts = util::parse_http_url(url_from_path(file.relative));
  }
  if (!parts) {
    return out; // a file at the top of the corpus has no host folder: nothing to index
  }
  out.has_page = true;
  out.url = util::join_url(*parts);
  out.host = parts->host;
  out.text.blocks.clear();
  return out;
}

util::Result<Writer> Writer::make(util::Database& db)
{
  Writer w;
  const char* sql[] = {
    "INSERT INTO pages(path, url, host, title, description, body) VALUES(?,?,?,?,?,?)",
    "INSERT INTO pages_fts(rowid, title, description, body, url) VALUES(?,?,?,?,?)",
    "INSERT OR REPLACE INTO files(path, size, mtime_ns, inode, hash, page) VALUES(?,?,?,?,?,?)",
    "SELECT title, description, body, url FROM pages WHERE id = ?",
    ("INSERT INTO pages_fts(pages_fts, rowid, title, description, body, url) "
     "VALUES('delete', ?, ?, ?, ?, ?)"),
    "DELETE FROM pages WHERE id = ?",
    "DELETE FROM files WHERE path = ?",
  };
  for (const char* s : sql) {
    auto stmt = db.prepare(s);
    if (!stmt) {
      return stmt.error();
    }
    w.m_stmts.push_back(std::move(*stmt));
  }
  w.m_db = &db;
  return w;
}

util::Status Writer::apply(const Listed& file, Prepared& p, const Known* known)
{
  std::int64_t page = known ? known->page : 0;
  if (!p.same_content) {
    if (page != 0) {
      if (auto s = remove_page(page); !s) {
        return s;
      }
    }
    page = 0;
    if (p.has_page) {
      auto inserted = insert_page(file.relative, p);
      if (!inserted) {
        return inserted.error();
      }
      page = *inserted;
    }
  }
  auto& f = m_stmts[2];
  f.bind(1, file.relative);
  f.bind(2, file.meta.size);
  f.bind(3, file.meta.mtime_ns);
  f.bind(4, file.meta.inode);
  f.bind(5, p.hash);
  f.bind(6, page);
  return run(f, file.relative);
}

util::Status Writer::remove_file(const std::string& relative, const Known& known)
{
  if (known.page != 0) {
    if (auto s = remove_page(known.page); !s) {
      return s;
    }
  }
  m_stmts[6].bind(1, relative);
  return run(m_stmts[6], relative);
}

util::Status Writer::run(util::Statement& stmt, const std::string& what)
{
  stmt.step();
  const std::string error = stmt.error();
  stmt.reset();
  if (!error.empty()) {
    return util::runtime_error("cannot index page: " + error, what);
  }
  return util::ok_status();
}

util::Result<std::int64_t> Writer::insert_page(const std::string& relative, const Prepared& p)
{
  auto& page = m_stmts[0];
  page.bind(1, relative);
  page.bind(2, p.url);
  page.bind(3, p.host);
  page.bind(4, p.text.title);
  page.bind(5, p.text.description);
  page.bind(6, p.text.text);
  if (auto s = run(page, relative); !s) {
    return s.error();
  }
  const std::int64_t id = sqlite3_last_insert_rowid_of(*m_db);
  auto& fts = m_stmts[1];
  fts.bind(1, id);
  fts.bind(2, p.text.title);
  fts.bind(3, p.text.description);
  fts.bind(4, p.text.text);
  fts.bind(5, url_words(p.url));
  if (auto s = run(fts, relative); !s) {
    return s.error();
  }
  return id;
}

util::Status Writer::remove_page(std::int64_t id)
{
  auto& old = m_stmts[3];
  old.bind(1, id);
  if (!old.step()) {
    const std::string error = old.error();
    old.reset();
    return error.empty() ? util::ok_status() : util::runtime_error("cannot update the index: " + error);
  }
  const std::string title = old.column_text(0);
  const std::string description = old.column_text(1);
  const std::string body = old.column_text(2);
  const std::string url = old.column_text(3);
  old.reset();
  auto& del = m_stmts[4];
  del.bind(1, id);
  del.bind(2, title);
  del.bind(3, description);
  del.bind(4, body);
  del.bind(5, url_words(url));
  if (auto s = run(del, url); !s) {
    return s;
  }
  m_stmts[5].bind(1, id);
  return run(m_stmts[5], url);
}

std::int64_t Writer::sqlite3_last_insert_rowid_of(util::Database& db)
{
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.handle()));
}

} // namespace empreinte::search::corpus
