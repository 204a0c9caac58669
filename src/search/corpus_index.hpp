// The offline corpus: a folder of saved HTML pages indexed in SQLite FTS5, cached by content.
#pragma once

#include "util/result.hpp"
#include "util/sqlite.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::search {

// An opened corpus index.
class CorpusIndex
{
public:
  // Opens the index of the pages under `dir`. The index lives in `cache_dir` as
  // corpus-<folder hash>.sqlite and is updated in place: only pages added, removed or changed
  // (by size, mtime or inode, then by content) are read and re-indexed. Without a cache
  // directory, or when it cannot be stored there, it is built in memory. Errors: a missing
  // folder, a folder without HTML pages, unreadable or binary pages (all listed at once) are
  // input errors; pages over 16 MiB are left out and listed in skipped().
  static util::Result<CorpusIndex> open(const std::filesystem::path& dir,
                                        const std::optional<std::filesystem::path>& cache_dir);

  util::Database& db() { return m_db; }
  std::size_t page_count() const { return m_pages; }
  // True when this run built the index or changed it.
  bool rebuilt() const { return m_rebuilt; }
  // Pages (re)indexed or removed by this run: 0 on a warm run.
  std::size_t changed_pages() const { return m_changed; }
  const std::string& db_path() const { return m_db_path; }
  // The corpus folder (absolute): page paths in the index are relative to it.
  const std::filesystem::path& dir() const { return m_dir; }
  // A warning for the user when the index could not be stored in the cache and was built in
  // memory instead (a full disk, a read-only cache); empty otherwise.
  const std::string& note() const { return m_note; }
  // Pages over the size cap (16 MiB), relative to the folder: not indexed, named in a warning.
  const std::vector<std::string>& skipped() const { return m_skipped; }

private:
  CorpusIndex(util::Database db, std::size_t pages, bool rebuilt, std::string path)
    : m_db(std::move(db)),
      m_pages(pages),
      m_rebuilt(rebuilt),
      m_db_path(std::move(path))
  {
  }
  util::Database m_db;
  std::filesystem::path m_dir;
  std::size_t m_pages = 0;
  bool m_rebuilt = false;
  std::string m_db_path;
  std::string m_note;
  std::vector<std::string> m_skipped;
  std::size_t m_changed = 0;
};

// The URL a page stands for when it has no canonical link: its path below the corpus folder,
// host first. "www.example.com/a/b.html" -> "https://www.example.com/a/b",
// "www.example.com/a/index.html" -> "https://www.example.com/a/".
std::string url_from_path(const std::string& relative_path);

} // namespace empreinte::search
