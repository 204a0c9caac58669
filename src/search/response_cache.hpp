// The response cache: a re-run within the time-to-live sends no request.
#pragma once

#include "util/result.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace empreinte::search {

// Files under `dir` (created 0700; files 0600, written atomically), one per request, named by
// a hash of the request *without its secrets* (the caller builds the key from a masked copy).
class ResponseCache
{
public:
  ResponseCache(std::filesystem::path dir, std::chrono::seconds ttl)
      : m_dir(std::move(dir)), m_ttl(ttl)
  {
  }

  // The stored body for `key` when younger than the time-to-live.
  std::optional<std::string> get(const std::string& key) const;
  // Stores a body; failures are ignored (a cache is an optimisation), but reported once.
  util::Status put(const std::string& key, const std::string& body) const;

  // The key of a request: method, URL, body and headers, secrets already masked.
  static std::string key_of(const std::string& method,
                            const std::string& url,
                            const std::string& body,
                            const std::vector<std::string>& headers);

  const std::filesystem::path& dir() const { return m_dir; }

private:
  std::filesystem::path path_of(const std::string& key) const;

  std::filesystem::path m_dir;
  std::chrono::seconds m_ttl;
};

// Removes everything empreinte keeps in the cache directory; returns the number of files removed.
util::Result<std::size_t> clear_cache(const std::filesystem::path& dir);

} // namespace empreinte::search
