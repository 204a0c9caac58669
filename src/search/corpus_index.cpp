// A warm run costs in proportion to the number of files, and an update in proportion to what
// changed: each file's path, size, mtime and inode are kept in the index; a file whose
// metadata differ is read and hashed, and re-indexed only when its content changed. Pages are
// read, extracted and inserted a few at a time (memory: a window of pages plus SQLite). A new
// index is written to a temporary file renamed into place; an update is one transaction, so a
// crash or Ctrl-C leaves either the old index or the new one, never a half-written one.
#include "search/corpus_index.hpp"

#include "search/corpus_listing.hpp"
#include "search/corpus_writer.hpp"
#include "util/cpus.hpp"
#include "util/fs.hpp"
#include "util/hash.hpp"
#include "util/ordered_parallel.hpp"
#include "util/temp_files.hpp"
#include "util/text.hpp"

#include <cstring>
#include <fcntl.h>
#include <optional>
#include <system_error>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace fs = std::filesystem;

namespace empreinte::search {

namespace {

using corpus::Known;
using corpus::Listed;
using corpus::Listing;
using corpus::Prepared;
using corpus::Writer;

// Bump whenever page extraction or the index schema changes: an index of another version is
// rebuilt.
constexpr const char* k_index_version = "empreinte-corpus-index/3";
// FTS5's pending-terms buffer ('hashsize'): 1 MiB by default, flushed to a new segment each
// time it fills; 64 MiB made bulk inserts ~1.6 x faster for the same index.
constexpr std::int64_t k_fts_buffer_bytes = 64 * 1024 * 1024;

// Pages are extracted on every core this process may use and inserted by one thread.
unsigned index_threads()
{
  return util::available_cpus();
}

const char* k_schema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  inode INTEGER NOT NULL,
  hash TEXT NOT NULL,
  page INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE pages(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  url TEXT NOT NULL,
  host TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  body TEXT NOT NULL);
CREATE VIRTUAL TABLE pages_fts USING fts5(
  title, description, body, url,
  content='pages', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
)sql";

std::optional<std::string> read_meta(util::Database& db, const std::string& key)
{
  auto stmt = db.prepare("SELECT value FROM meta WHERE key = ?");
  if (!stmt) {
    return std::nullopt;
  }
  stmt->bind(1, key);
  if (!stmt->step()) {
    return std::nullopt;
  }
  return stmt->column_text(0);
}

util::Status write_meta(util::Database& db, const std::vector<std::pair<std::string, std::string>>& values)
{
  auto meta = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  if (!meta) {
    return meta.error();
  }
  for (const auto& [k, v] : values) {
    meta->bind(1, k);
    meta->bind(2, v);
    meta->step();
    if (!meta->error().empty()) {
      return util::runtime_error("cannot write the index: " + meta->error());
    }
    meta->reset();
  }
  return util::ok_status();
}

std::unordered_map<std::string, Known> known_files(util::Database& db)
{
  std::unordered_map<std::string, Known> known;
  auto stmt = db.prepare("SELECT path, size, mtime_ns, inode, hash, page FROM files");
  if (!stmt) {
    return known;
  }
  while (stmt->step()) {
    Known k;
    k.meta.size = stmt->column_int(1);
    k.meta.mtime_ns = stmt->column_int(2);
    k.meta.inode = stmt->column_int(3);
    k.hash = stmt->column_text(4);
    k.page = stmt->column_int(5);
    known.emplace(stmt->column_text(0), std::move(k));
  }
  return known;
}

// Brings the index in `db` up to date with `listing`: files whose metadata differ from what
// the index knows are read (on `threads` workers) and re-indexed if their bytes changed;
// files gone are removed. One transaction: on any problem nothing is changed. `changed`
// counts the files whose pages were (re)indexed or removed.
util::Status update(util::Database& db,
                    const Listing& listing,
                    const fs::path& dir,
                    unsigned threads,
                    std::size_t& changed)
{
  changed = 0;
  auto known = known_files(db);
  std::vector<std::size_t> todo; // indices in listing.files
  for (std::size_t i = 0; i < listing.files.size(); ++i) {
    const auto& f = listing.files[i];
    const auto it = known.find(f.relative);
    if (it != known.end()) {
      it->second.seen = true;
      if (f.stat_ok && it->second.meta == f.meta) {
        continue;
      }
    }
    todo.push_back(i);
  }
  std::vector<std::pair<std::string, const Known*>> gone;
  for (const auto& [path, k] : known) {
    if (!k.seen) {
      gone.emplace_back(path, &k);
    }
  }
  if (todo.empty() && gone.empty()) {
    return util::ok_status();
  }
  if (auto s = db.exec("BEGIN IMMEDIATE"); !s) {
    return s;
  }
  auto writer = Writer::make(db);
  if (!writer) {
    (void)db.exec("ROLLBACK");
    return writer.error();
  }
  std::vector<std::string> problems;
  util::Status failed = util::ok_status();
  auto known_of = [&](const Listed& f) -> const Known* {
    const auto it = known.find(f.relative);
    return it == known.end() ? nullptr : &it->second;
  };
  util::ordered_parallel(
    todo.size(), threads,
    [&](std::size_t k) {
      const Listed& f = listing.files[todo[k]];
      return corpus::prepare(f, known_of(f));
    },
    [&](std::size_t k, Prepared p) {
      if (!p.problem.empty()) {
        problems.push_back(std::move(p.problem));
        return;
      }
      if (!failed || !problems.empty()) {
        return; // nothing will be kept: only the problems are still collected
      }
      const Listed& f = listing.files[todo[k]];
      changed += p.same_content ? 0 : 1;
      failed = writer->apply(f, p, known_of(f));
    });
  for (const auto& [path, k] : gone) {
    if (!failed) {
      break;
    }
    failed = writer->remove_file(path, *k);
    ++changed;
  }
  if (!problems.empty() || !failed) {
    (void)db.exec("ROLLBACK");
    return problems.empty() ? failed : util::Status(corpus::problems_error(problems, dir));
  }
  if (auto s = db.exec("COMMIT"); !s) {
    (void)db.exec("ROLLBACK");
    return s;
  }
  return util::ok_status();
}

// A new, empty index: schema, and FTS5's pending-terms buffer sized for bulk loads (1 MiB by
// default: 64 MiB inserts ~1.6 x faster, for the same index).
util::Status create(util::Database& db, const std::string& dir)
{
  if (auto s = db.exec(k_schema); !s) {
    return s;
  }
  if (auto s = db.exec("INSERT INTO pages_fts(pages_fts, rank) VALUES('hashsize', "
                       + std::to_string(k_fts_buffer_bytes) + ")");
      !s) {
    return s;
  }
  return write_meta(db, {{"version", k_index_version}, {"dir", dir}});
}

// Counted in `files`, a small table: counting `pages` would walk every page's row.
std::int64_t count_pages(util::Database& db)
{
  auto stmt = db.prepare("SELECT count(*) FROM files WHERE page != 0");
  return stmt && stmt->step() ? stmt->column_int(0) : 0;
}

// An existing index of this folder and version, opened for updating.
std::optional<util::Database> open_cached(const fs::path& path, const std::string& dir)
{
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return std::nullopt;
  }
  auto db = util::Database::open(path.string(), util::Database::Mode::read_write_create);
  if (!db) {
    return std::nullopt;
  }
  if (read_meta(*db, "complete") != "1" || read_meta(*db, "version") != k_index_version
      || read_meta(*db, "dir") != dir) {
    return std::nullopt;
  }
  return std::move(*db);
}

// Indexes of the same folder under other names (older versions) are removed.
void remove_stale(const fs::path& cache, const fs::path& keep, const std::string& dir)
{
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cache, ec)) {
    const auto name = entry.path().filename().string();
    if (entry.path() == keep || name.rfind("corpus-", 0) != 0
        || entry.path().extension() != ".sqlite") {
      continue;
    }
    bool same_dir = false;
    {
      auto db = util::Database::open(entry.path().string(), util::Database::Mode::read_only);
      same_dir = db && read_meta(*db, "dir") == dir;
    }
    if (same_dir) {
      fs::remove(entry.path(), ec);
    }
  }
}

} // namespace

std::string url_from_path(const std::string& relative_path)
{
  std::string path = relative_path;
  const auto slash = path.find('/');
  if (slash == std::string::npos) {
    return {};
  }
  const std::string host = path.substr(0, slash);
  std::string rest = path.substr(slash); // starts with '/'
  const auto last = rest.rfind('/');
  std::string file = rest.substr(last + 1);
  const std::string lower = util::ascii_lower(file);
  if (lower == "index.html" || lower == "index.htm") {
    rest.erase(last + 1);
  } else {
    if (const auto dot = file.rfind('.'); dot != std::string::npos && dot > 0) {
      rest.erase(last + 1 + dot);
    }
  }
  return "https://" + host + rest;
}

namespace {

// A whole index into `db`, which is new and empty.
util::Status build(util::Database& db,
                   const Listing& listing,
                   const fs::path& dir,
                   const std::string& canonical_dir,
                   std::size_t& changed)
{
  if (auto s = create(db, canonical_dir); !s) {
    return s;
  }
  if (auto s = update(db, listing, dir, index_threads(), changed); !s) {
    return s;
  }
  return write_meta(db, {{"complete", "1"}});
}

util::Result<util::Database> build_in_memory(const Listing& listing,
                                             const fs::path& dir,
                                             const std::string& canonical_dir,
                                             std::size_t& changed)
{
  auto db = util::Database::open(":memory:", util::Database::Mode::read_write_create);
  if (!db) {
    return db.error();
  }
  if (auto s = build(*db, listing, dir, canonical_dir, changed); !s) {
    if (s.error().kind == util::ErrorKind::input) {
      return s.error();
    }
    return util::runtime_error("cannot index the corpus in memory: " + s.error().what,
                               canonical_dir,
                               "free some memory, or audit a smaller folder");
  }
  return db;
}

// Builds the index in a private temporary file beside `path` and renames it into place. The
// temporary is removed on failure and on Ctrl-C (util::TempFile), never left behind.
util::Status build_in_file(const fs::path& path,
                           const Listing& listing,
                           const fs::path& dir,
                           const std::string& canonical_dir,
                           std::size_t& changed)
{
  util::TempFile tmp(util::temp_path_beside(path));
  // Created private before SQLite opens it (SQLite would create it 0644: the index holds the
  // text of the pages).
  const int fd = ::open(tmp.path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    return util::runtime_error(std::string("cannot create the index: ") + std::strerror(errno),
                               tmp.path().string());
  }
  ::close(fd);
  {
    auto db = util::Database::open(tmp.path().string(), util::Database::Mode::read_write_create);
    if (!db) {
      return db.error();
    }
    // No journal while the file is private: a failed build deletes it whole.
    if (auto s = db->exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"); !s) {
      return s;
    }
    if (auto s = build(*db, listing, dir, canonical_dir, changed); !s) {
      return s;
    }
  }
  std::error_code ec;
  fs::rename(tmp.path(), path, ec);
  if (ec) {
    return util::runtime_error("cannot store the index: " + ec.message(), path.string());
  }
  tmp.release();
  return util::ok_status();
}

} // namespace

util::Result<CorpusIndex> CorpusIndex::open(const fs::path& dir,
                                            const std::optional<fs::path>& cache_dir)
{
  auto listing = corpus::list_folder(dir);
  if (!listing) {
    return listing.error();
  }
  std::error_code ec;
  const std::string canonical_dir = fs::weakly_canonical(dir, ec).string();
  auto opened = [&](util::Database db, std::size_t changed, bool built, std::string db_path) {
    const auto pages = static_cast<std::size_t>(count_pages(db));
    CorpusIndex index(std::move(db), pages, changed > 0 || built, std::move(db_path));
    index.m_dir = canonical_dir.empty() ? fs::absolute(dir, ec) : fs::path(canonical_dir);
    index.m_skipped = std::move(listing->skipped);
    index.m_changed = changed;
    return index;
  };
  auto in_memory = [&](std::string note) -> util::Result<CorpusIndex> {
    std::size_t changed = 0;
    auto db = build_in_memory(*listing, dir, canonical_dir, changed);
    if (!db) {
      return db.error();
    }
    CorpusIndex index = opened(std::move(*db), changed, true, ":memory:");
    index.m_note = std::move(note);
    return index;
  };
  if (!cache_dir) {
    return in_memory({});
  }
  auto cannot_store = [&](const util::Error& e) {
    return "cannot store the corpus index in " + cache_dir->string() + " (" + e.what
           + "); indexed in memory instead: free some disk space, "
           + "set XDG_CACHE_HOME to another folder, or pass --no-cache";
  };

  // One index per folder, updated in place.
  const fs::path path =
    *cache_dir / ("corpus-" + util::Hasher().field("corpus folder").field(canonical_dir).hex() + ".sqlite");
  if (auto cached = open_cached(path, canonical_dir)) {
    std::size_t changed = 0;
    auto s = update(*cached, *listing, dir, index_threads(), changed);
    if (s) {
      return opened(std::move(*cached), changed, false, path.string());
    }
    if (s.error().kind == util::ErrorKind::input) {
      return s.error();
    }
    return in_memory(cannot_store(s.error())); // a full disk, a read-only cache
  }
  util::remove_stale_temporaries(*cache_dir); // left by runs killed while indexing
  std::size_t changed = 0;
  auto stored = build_in_file(path, *listing, dir, canonical_dir, changed);
  if (stored) {
    remove_stale(*cache_dir, path, canonical_dir);
    auto db = util::Database::open(path.string(), util::Database::Mode::read_write_create);
    if (db) {
      return opened(std::move(*db), changed, true, path.string());
    }
    stored = db.error();
  } else if (stored.error().kind == util::ErrorKind::input) {
    return stored.error();
  }
  // A full disk, a read-only cache, a quota: the audit goes on with an index in memory.
  return in_memory(cannot_store(stored.error()));
}

} // namespace empreinte::search
