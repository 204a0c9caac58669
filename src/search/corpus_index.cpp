// Building is all-or-nothing: pages are checked first, the index is written to a temporary file
// and renamed into place, so a crash or a bad page never leaves a half-built cache.
#include "search/corpus_index.hpp"

#include "parse/html_page.hpp"
#include "util/fs.hpp"
#include "util/hash.hpp"
#include "util/temp_files.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace empreinte::search {

namespace {

// Bump whenever page extraction or the index schema changes: cached indexes are keyed by it.
constexpr const char* k_index_version = "empreinte-corpus-index/2";
constexpr std::uintmax_t k_max_page_bytes = 16u * 1024 * 1024;
constexpr std::size_t k_max_listed_problems = 10;
// Bounds on the whole folder: every page is held in memory while the index is built.
constexpr std::size_t k_max_pages = 50'000;
constexpr std::uintmax_t k_max_corpus_bytes = 512u * 1024 * 1024;

struct PageFile
{
  std::string relative; // with '/' separators
  std::string content;  // UTF-8
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

struct PageFiles
{
  std::vector<PageFile> pages;
  std::vector<std::string> skipped; // over k_max_page_bytes: named in a warning, not indexed
};

// Lists and reads every page; every problem is collected so the user fixes them in one go.
util::Result<PageFiles> read_pages(const fs::path& dir)
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
  if (paths.empty() && problems.empty()) {
    return util::input_error("no HTML pages (.html, .htm) in the corpus folder",
                             dir.string(),
                             "save pages there, one file per page, named after their URL");
  }
  std::sort(paths.begin(), paths.end());

  PageFiles files;
  auto& pages = files.pages;
  std::uintmax_t total = 0;
  for (const auto& path : paths) {
    const std::string relative = path.lexically_relative(dir).generic_string();
    // A page too large to be one (a dump, a video saved as .html) is skipped with a warning:
    // one odd file never makes the whole corpus unusable.
    std::error_code size_ec;
    if (fs::is_regular_file(path, size_ec) && fs::file_size(path, size_ec) > k_max_page_bytes
        && !size_ec) {
      files.skipped.push_back(relative);
      continue;
    }
    auto content = util::read_file(path, k_max_page_bytes);
    if (!content) {
      problems.push_back(relative + ": " + content.error().what);
      continue;
    }
    total += content->size();
    if (total > k_max_corpus_bytes) {
      return util::input_error("the corpus pages add up to more than "
                                 + std::to_string(k_max_corpus_bytes / (1024 * 1024)) + " MiB",
                               dir.string(),
                               "split it into smaller folders and audit each");
    }
    if (content->find('\0') != std::string::npos) {
      problems.push_back(relative + ": binary content (NUL bytes), not an HTML text page");
      continue;
    }
    if (!util::is_valid_utf8(*content)) {
      *content = util::latin1_to_utf8(*content); // pages saved in ISO-8859-1
    }
    pages.push_back(PageFile{relative, std::move(*content)});
  }
  if (!problems.empty()) {
    std::string list;
    for (std::size_t i = 0; i < problems.size() && i < k_max_listed_problems; ++i) {
      list += "\n  " + util::strip_controls(problems[i]);
    }
    if (problems.size() > k_max_listed_problems) {
      list += "\n  ... and " + std::to_string(problems.size() - k_max_listed_problems) + " more";
    }
    return util::input_error(std::to_string(problems.size()) + " corpus page(s) or folder(s) cannot be used:"
                               + list + "\n",
                             dir.string(),
                             "fix or remove these files");
  }
  if (pages.empty()) {
    return util::input_error("no HTML page under " + std::to_string(k_max_page_bytes / (1024 * 1024))
                               + " MiB in the corpus folder",
                             dir.string(),
                             "save pages there, one file per page, named after their URL");
  }
  return files;
}

std::string fingerprint(const std::vector<PageFile>& pages)
{
  util::Hasher h;
  h.field(k_index_version);
  for (const auto& p : pages) {
    h.field(p.relative).field(p.content);
  }
  return h.hex();
}

const char* k_schema = R"sql(
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
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

util::Status build(util::Database& db,
                   const std::vector<PageFile>& pages,
                   const std::string& dir,
                   const std::string& key)
{
  if (auto s = db.exec(k_schema); !s) {
    return s;
  }
  if (auto s = db.exec("BEGIN"); !s) {
    return s;
  }
  auto insert = db.prepare(
    "INSERT INTO pages(id, path, url, host, title, description, body) VALUES(?,?,?,?,?,?,?)");
  auto insert_fts = db.prepare(
    "INSERT INTO pages_fts(rowid, title, description, body, url) VALUES(?,?,?,?,?)");
  if (!insert) {
    return insert.error();
  }
  if (!insert_fts) {
    return insert_fts.error();
  }
  std::int64_t id = 0;
  for (const auto& page : pages) {
    const parse::PageText text = parse::extract_page(page.content);
    auto parts = util::parse_http_url(text.canonical);
    if (!parts) {
      parts = util::parse_http_url(url_from_path(page.relative));
    }
    if (!parts) {
      continue; // a file at the top of the corpus has no host folder: nothing to index
    }
    const std::string url = util::join_url(*parts);
    // A URL's words (slug, handle) are indexed the way engines match them.
    std::string url_words = url;
    std::replace_if(url_words.begin(), url_words.end(), [](char c) { return c == '_'; }, ' ');
    ++id;
    insert->bind(1, id);
    insert->bind(2, page.relative);
    insert->bind(3, url);
    insert->bind(4, parts->host);
    insert->bind(5, text.title);
    insert->bind(6, text.description);
    insert->bind(7, text.text);
    insert->step();
    if (!insert->error().empty()) {
      return util::runtime_error("cannot index page: " + insert->error(), page.relative);
    }
    insert->reset();
    insert_fts->bind(1, id);
    insert_fts->bind(2, text.title);
    insert_fts->bind(3, text.description);
    insert_fts->bind(4, text.text);
    insert_fts->bind(5, url_words);
    insert_fts->step();
    if (!insert_fts->error().empty()) {
      return util::runtime_error("cannot index page: " + insert_fts->error(), page.relative);
    }
    insert_fts->reset();
  }
  auto meta = db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)");
  if (!meta) {
    return meta.error();
  }
  for (const auto& [k, v] : {std::pair<std::string, std::string>{"version", k_index_version},
                             {"key", key},
                             {"dir", dir},
                             {"pages", std::to_string(id)},
                             {"complete", "1"}}) {
    meta->bind(1, k);
    meta->bind(2, v);
    meta->step();
    meta->reset();
  }
  return db.exec("COMMIT");
}

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

// An existing index is used only when it says it is complete and of this version and key.
std::optional<util::Database> open_cached(const fs::path& path, const std::string& key)
{
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return std::nullopt;
  }
  auto db = util::Database::open(path.string(), util::Database::Mode::read_only);
  if (!db) {
    return std::nullopt;
  }
  if (read_meta(*db, "complete") != "1" || read_meta(*db, "version") != k_index_version
      || read_meta(*db, "key") != key) {
    return std::nullopt;
  }
  return std::move(*db);
}

// Old indexes of the same folder are removed once a new one is in place.
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

util::Result<util::Database> build_in_memory(const std::vector<PageFile>& pages,
                                             const std::string& dir,
                                             const std::string& key)
{
  auto db = util::Database::open(":memory:", util::Database::Mode::read_write_create);
  if (!db) {
    return db.error();
  }
  if (auto s = build(*db, pages, dir, key); !s) {
    return util::runtime_error("cannot index the corpus in memory: " + s.error().what,
                               dir,
                               "free some memory, or audit a smaller folder");
  }
  return db;
}

// Builds the index in a private temporary file beside `path` and renames it into place. The
// temporary is removed on failure and on Ctrl-C (util::TempFile), never left behind.
util::Status build_in_file(const fs::path& path,
                           const std::vector<PageFile>& pages,
                           const std::string& dir,
                           const std::string& key)
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
    if (auto s = build(*db, pages, dir, key); !s) {
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
  auto files = read_pages(dir);
  if (!files) {
    return files.error();
  }
  const auto* pages = &files->pages;
  const std::string key = fingerprint(*pages);
  std::error_code ec;
  const std::string canonical_dir = fs::weakly_canonical(dir, ec).string();
  auto opened = [&](util::Database db, bool rebuilt, std::string db_path) {
    CorpusIndex index(std::move(db), pages->size(), rebuilt, std::move(db_path));
    index.m_dir = canonical_dir.empty() ? fs::absolute(dir, ec) : fs::path(canonical_dir);
    index.m_skipped = files->skipped;
    return index;
  };

  if (!cache_dir) {
    auto db = build_in_memory(*pages, canonical_dir, key);
    if (!db) {
      return db.error();
    }
    return opened(std::move(*db), true, ":memory:");
  }

  const fs::path path = *cache_dir / ("corpus-" + key + ".sqlite");
  if (auto cached = open_cached(path, key)) {
    return opened(std::move(*cached), false, path.string());
  }
  util::remove_stale_temporaries(*cache_dir); // left by runs killed while indexing
  auto stored = build_in_file(path, *pages, canonical_dir, key);
  if (stored) {
    remove_stale(*cache_dir, path, canonical_dir);
    auto db = util::Database::open(path.string(), util::Database::Mode::read_only);
    if (db) {
      return opened(std::move(*db), true, path.string());
    }
    stored = db.error();
  }
  // A full disk, a read-only cache, a quota: the audit goes on with an index in memory.
  auto db = build_in_memory(*pages, canonical_dir, key);
  if (!db) {
    return db.error();
  }
  CorpusIndex index = opened(std::move(*db), true, ":memory:");
  index.m_note = "cannot store the corpus index in " + cache_dir->string() + " ("
                 + stored.error().what + "); indexed in memory instead: free some disk space, "
                 + "set XDG_CACHE_HOME to another folder, or pass --no-cache";
  return index;
}

} // namespace empreinte::search
