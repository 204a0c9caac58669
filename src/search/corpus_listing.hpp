// The corpus folder's pages and what identifies each one's version (path, size, mtime,
// inode), listed without reading them: corpus_index.cpp compares them with what its index
// knows and reads only the files that differ.
#pragma once

#include "util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace empreinte::search::corpus {

// A page over this size is skipped with a warning that names it (never the whole corpus).
constexpr std::uintmax_t k_max_page_bytes = 16u * 1024 * 1024;

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
  std::filesystem::path path;
  std::string relative; // with '/' separators
  FileMeta meta;
  bool stat_ok = false; // else reading it says what is wrong
};

struct Listing
{
  std::vector<Listed> files;        // sorted by path, size cap respected
  std::vector<std::string> skipped; // over k_max_page_bytes: named in a warning, not indexed
};

// Lists the pages below `dir` and their metadata (one stat each, nothing read): an input error
// when the folder is missing, empty, too large or has entries that cannot be listed.
util::Result<Listing> list_folder(const std::filesystem::path& dir);

// The input error naming the files or folders that cannot be used (the first ten).
util::Error problems_error(const std::vector<std::string>& problems, const std::filesystem::path& dir);

} // namespace empreinte::search::corpus
