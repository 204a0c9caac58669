// Listing the corpus folder: every page path and its metadata, folder by folder.
#include "search/corpus_listing.hpp"

#include "util/terminal.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <sys/stat.h>
#include <system_error>

namespace fs = std::filesystem;

namespace empreinte::search::corpus {

namespace {

constexpr std::size_t k_max_listed_problems = 10;
// The folder is listed in memory (a path and a stat per page): bounded.
constexpr std::size_t k_max_pages = 200'000;

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
      // The type the folder listing gave (no stat per entry: the training corpus has 480
      // folders and 205 pages); only a file system that gives none costs a stat.
      std::error_code sec;
      const bool link = it->is_symlink(sec);
      if (!link && it->is_directory(sec)) {
        folders.push_back(it->path());
      } else if (is_html_name(it->path()) && (link || it->is_regular_file(sec))) {
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

} // namespace

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

} // namespace empreinte::search::corpus
