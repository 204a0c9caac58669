// Each file holds the masked request it answers, checked on read: a hash collision can never
// serve the answer to another query. Only answers that parsed as ok or empty are stored (the
// caller decides), so a captcha page is never replayed.
#include "search/response_cache.hpp"

#include "util/fs.hpp"
#include "util/hash.hpp"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace empreinte::search {

namespace fs = std::filesystem;

namespace {

long long unix_now()
{
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

} // namespace

std::string ResponseCache::key_of(const std::string& method,
                                  const std::string& url,
                                  const std::string& body,
                                  const std::vector<std::string>& headers)
{
  std::string key = method + " " + url + "\n";
  for (const auto& h : headers) {
    key += h + "\n";
  }
  key += "\n" + body;
  return key;
}

fs::path ResponseCache::path_of(const std::string& key) const
{
  return m_dir / (util::hash_hex(key) + ".json");
}

std::optional<std::string> ResponseCache::get(const std::string& key) const
{
  const fs::path path = path_of(key);
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return std::nullopt;
  }
  auto text = util::read_file(path, 64u * 1024 * 1024);
  if (!text) {
    return std::nullopt;
  }
  const nlohmann::json v = nlohmann::json::parse(*text, nullptr, false);
  if (v.is_discarded() || !v.is_object() || v.value("key", "") != key || !v.contains("stored_at") ||
      !v["stored_at"].is_number_integer() || !v.contains("body") || !v["body"].is_string()) {
    return std::nullopt; // corrupt or foreign: refetch and overwrite
  }
  const long long age = unix_now() - v["stored_at"].get<long long>();
  if (age < 0 || age >= m_ttl.count()) {
    return std::nullopt;
  }
  return v["body"].get<std::string>();
}

util::Status ResponseCache::put(const std::string& key, const std::string& body) const
{
  std::error_code ec;
  fs::create_directories(m_dir, ec);
  if (ec) {
    return util::runtime_error("cannot create the response cache: " + ec.message(),
                               m_dir.string(),
                               "check the permissions, or use --no-cache");
  }
  ::chmod(m_dir.c_str(), 0700);
  const nlohmann::json v = {{"key", key}, {"stored_at", unix_now()}, {"body", body}};
  // Bodies may be in any encoding; dump() would throw on invalid UTF-8.
  return util::write_file_atomic(
      path_of(key), v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), 0600);
}

util::Result<std::size_t> clear_cache(const fs::path& dir)
{
  std::error_code ec;
  std::size_t removed = 0;
  if (!fs::exists(dir, ec)) {
    return removed;
  }
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::error_code count_ec;
    const auto n = fs::remove_all(entry.path(), count_ec);
    if (count_ec) {
      return util::runtime_error("cannot remove " + entry.path().string() + ": " +
                                     count_ec.message(),
                                 dir.string(),
                                 "check the permissions");
    }
    removed += static_cast<std::size_t>(n);
  }
  if (ec) {
    return util::runtime_error("cannot read the cache directory: " + ec.message(), dir.string());
  }
  return removed;
}

} // namespace empreinte::search
