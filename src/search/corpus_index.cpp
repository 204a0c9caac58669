// A warm run costs in proportion to the number of files, and an update in proportion to what
// changed: each file's path, size, mtime and inode are kept in the index; a file whose
// metadata differ is read and hashed, and re-indexed only when its content changed. Pages are
// read, extracted and inserted a few at a time (memory: a window of pages plus SQLite). A new
// index is written to a temporary file renamed into place; an update is one transaction, so a
// crash or Ctrl-C leaves either the old index or the new one, never a half-written one.
#include "search/corpus_index.hpp"

#include "parse/html_page.hpp"
#include "util/cpus.hpp"
#include "util/fs.hpp"
#include "util/hash.hpp"
#include "util/temp_files.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <sqlite3.h>
#include <sys/stat.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace fs = std::filesystem;

namespace empreinte::search {

namespace {

// Bump whenever page extraction or the index schema changes: an index of another version is
// rebuilt.
constexpr const char* k_index_version = "empreinte-corpus-index/3";
constexpr std::uintmax_t k_max_page_bytes = 16u * 1024 * 1024;
constexpr std::size_t k_max_listed_problems = 10;
// The folder is listed in memory (a path and a stat per page): bounded.
constexpr std::size_t k_max_pages = 200'000;
// FTS5's pending-terms buffer ('hashsize'): 1 MiB by default, flushed to a new segment each
// time it fills; 64 MiB made bulk inserts ~1.6 x faster for the same index.
constexpr std::int64_t k_fts_buffer_bytes = 64 * 1024 * 1024;

// Pages are extracted on every core this process may use and inserted by one thread.
unsigned index_threads()
{
  return util::available_cpus();
}

// What identifies a file's version without reading it.
struct FileMeta
{
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t inode = 0;
  bool operator==(const FileMeta&) const = default;
};

struct Listed
{
  fs::path path;
  std::string relative; // with '/' separators
  FileMeta meta;
  bool stat_ok = false; // else reading it says what is wrong
};

// What the index knows of a file.
struct Known
{
  FileMeta meta;
  std::string hash;
  std::int64_t page = 0; // pages.id, 0 when the file gives no page
  bool seen = false;     // still in the folder
};

bool is_html_name(const fs::path& p)
{
  const std::string ext = util::ascii_lower(p.extension().string());
  return ext == ".html" || ext == ".htm";
}

// Every page path below `dir`, walked folder by folder so that a folder that cannot be listed
// is a problem named like a bad page, never skipped in silence. Links to folders are not
// followed (no loops); links named .html are listed so that reading them says what is wrong.
void list_pages(const fs::path& dir,
                std::vector<fs::path>& paths,
                std::vector<std::string>& problems)
{
  std::vector<fs::path> folders{dir};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    const std::string shown = folder == dir ? "." : folder.lexically_relative(dir).generic_string();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
      const auto name = it->path().filename().string();
      if (name.empty() || name.front() == '.') {
        continue;
      }
      std::error_code sec;
      const auto status = it->symlink_status(sec);
      if (fs::is_directory(status)) {
        folders.push_back(it->path());
      } else if (is_html_name(it->path())
                 && (fs::is_regular_file(status) || fs::is_symlink(status))) {
        paths.push_back(it->path());
      }
      if (paths.size() > k_max_pages) {
        return;
      }
    }
    if (ec) {
      problems.push_back(shown + "/: cannot list this folder: " + ec.message());
    }
  }
}

util::Error problems_error(const std::vector<std::string>& problems, const fs::path& dir)
{
  std::string list;
  for (std::size_t i = 0; i < problems.size() && i < k_max_listed_problems; ++i) {
    list += "\n  " + util::strip_controls(problems[i]);
  }
  if (problems.size() > k_max_listed_problems) {
    list += "\n  ... and " + std::to_string(problems.size() - k_max_listed_problems) + " more";
  }
  return util::input_error(std::to_string(problems.size())
                             + " corpus page(s) or folder(s) cannot be used:" + list + "\n",
                           dir.string(),
                           "fix or remove these files");
}

struct Listing
{
  std::vector<Listed> files;        // sorted by path, size cap respected
  std::vector<std::string> skipped; // over k_max_page_bytes: named in a warning, not indexed
};

// Lists the pages and their metadata (one stat each, nothing read).
util::Result<Listing> list_folder(const fs::path& dir)
{
  std::error_code ec;
  const auto status = fs::status(dir, ec);
  if (ec || !fs::exists(status)) {
    return util::input_error("corpus folder not found",
                             dir.string(),
                             "give --corpus a folder of saved HTML pages");
  }
  if (!fs::is_directory(status)) {
    return util::input_error("corpus is not a folder",
                             dir.string(),
                             "give --corpus a folder of saved HTML pages");
  }
  std::vector<fs::path> paths;
  std::vector<std::string> problems;
  list_pages(dir, paths, problems);
  if (paths.size() > k_max_pages) {
    return util::input_error("more than " + std::to_string(k_max_pages)
                               + " pages in the corpus folder",
                             dir.string(),
                             "split it into smaller folders and audit each");
  }
  if (!problems.empty()) {
    return problems_error(problems, dir);
  }
  if (paths.empty()) {
    return util::input_error("no HTML pages (.html, .htm) in the corpus folder",
                             dir.string(),
                             "save pages there, one file per page, named after their URL");
  }
  std::sort(paths.begin(), paths.end());
  Listing listing;
  listing.files.reserve(paths.size());
  for (auto& path : paths) {
    Listed f;
    f.relative = path.lexically_relative(dir).generic_string();
    struct stat st{};
    if (::stat(path.c_str(), &st) == 0) {
      f.stat_ok = true;
      f.meta.size = static_cast<std::int64_t>(st.st_size);
      f.meta.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000
                        + static_cast<std::int64_t>(st.st_mtim.tv_nsec);
      f.meta.inode = static_cast<std::int64_t>(st.st_ino);
      // A page too large to be one (a dump, a video saved as .html) is skipped with a
      // warning: one odd file never makes the whole corpus unusable.
      if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > k_max_page_bytes) {
        listing.skipped.push_back(std::move(f.relative));
        continue;
      }
    }
    f.path = std::move(path);
    listing.files.push_back(std::move(f));
  }
  if (listing.files.empty()) {
    return util::input_error("no HTML page under " + std::to_string(k_max_page_bytes / (1024 * 1024))
                               + " MiB in the corpus folder",
                             dir.string(),
                             "save pages there, one file per page, named after their URL");
  }
  return listing;
}

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

// Runs produce(i) for i in [0, count) on `threads` workers and consume(i, result) on the
// calling thread in order of i, with at most `window` results waiting: pages are extracted on
// every core and inserted in a fixed order by one thread, memory bounded by the window.
template<typename Produce, typename Consume>
void ordered_parallel(std::size_t count, unsigned threads, const Produce& produce,
                      const Consume& consume)
{
  using Result = decltype(produce(std::size_t{}));
  if (threads <= 1 || count < 2) {
    for (std::size_t i = 0; i < count; ++i) {
      consume(i, produce(i));
    }
    return;
  }
  const std::size_t window = 8 * static_cast<std::size_t>(threads);
  std::mutex mutex;
  std::condition_variable ready;   // a result arrived
  std::condition_variable room;    // the consumer moved on
  std::deque<std::optional<Result>> slots; // slots[k] is the result of index base + k
  std::size_t base = 0;            // next index to consume
  std::size_t next = 0;            // next index to produce
  bool stop = false;
  auto worker = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || next >= count || next < base + window; });
        if (stop || next >= count) {
          return;
        }
        i = next++;
        if (slots.size() < i - base + 1) {
          slots.resize(i - base + 1);
        }
      }
      Result r = produce(i);
      {
        std::lock_guard lock(mutex);
        slots[i - base] = std::move(r);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back(worker);
  }
  struct Joiner
  {
    std::vector<std::thread>& pool;
    std::mutex& mutex;
    bool& stop;
    std::condition_variable& room;
    ~Joiner()
    {
      {
        std::lock_guard lock(mutex);
        stop = true;
      }
      room.notify_all();
      for (auto& th : pool) {
        th.join();
      }
    }
  } joiner{pool, mutex, stop, room};
  for (std::size_t i = 0; i < count; ++i) {
    Result r;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return !slots.empty() && slots.front().has_value(); });
      r = std::move(*slots.front());
      slots.pop_front();
      ++base;
    }
    room.notify_all();
    consume(i, std::move(r));
  }
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

// A URL's words (slug, handle) are indexed the way engines match them.
std::string url_words(const std::string& url)
{
  std::string words = url;
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

// The statements an update needs, prepared once.
class Writer
{
public:
  static util::Result<Writer> make(util::Database& db)
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

  // Records `file` as `prepared` says (its old page, if any, is `known`).
  util::Status apply(const Listed& file, Prepared& p, const Known* known)
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

  util::Status remove_file(const std::string& relative, const Known& known)
  {
    if (known.page != 0) {
      if (auto s = remove_page(known.page); !s) {
        return s;
      }
    }
    m_stmts[6].bind(1, relative);
    return run(m_stmts[6], relative);
  }

private:
  Writer() = default;

  util::Status run(util::Statement& stmt, const std::string& what)
  {
    stmt.step();
    const std::string error = stmt.error();
    stmt.reset();
    if (!error.empty()) {
      return util::runtime_error("cannot index page: " + error, what);
    }
    return util::ok_status();
  }

  util::Result<std::int64_t> insert_page(const std::string& relative, const Prepared& p)
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

  // External content: FTS5 forgets a row only when given the values it indexed.
  util::Status remove_page(std::int64_t id)
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

  static std::int64_t sqlite3_last_insert_rowid_of(util::Database& db);

  util::Database* m_db = nullptr;
  std::vector<util::Statement> m_stmts;
};

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
  ordered_parallel(
    todo.size(), threads,
    [&](std::size_t k) {
      const Listed& f = listing.files[todo[k]];
      return prepare(f, known_of(f));
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
    return problems.empty() ? failed : util::Status(problems_error(problems, dir));
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

std::int64_t Writer::sqlite3_last_insert_rowid_of(util::Database& db)
{
  return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.handle()));
}

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
  auto listing = list_folder(dir);
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
