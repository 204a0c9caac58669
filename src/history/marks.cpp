// The profile is the person's own file, often written by hand: it is read in its original key
// order and written back with only the two lists changed.
#include "history/marks.hpp"

#include "profile/profile.hpp"
#include "traces/url_normalise.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"

#include <algorithm>
#include <sys/stat.h>

namespace empreinte::history {

using nlohmann::ordered_json;

util::Result<bool>
mark_in_profile(const std::filesystem::path& path, const std::string& url, Mark mark)
{
  auto text = util::read_file(path, 1024 * 1024);
  if (!text) {
    return text.error();
  }
  ordered_json profile = ordered_json::parse(*text, nullptr, false);
  if (profile.is_discarded() || !profile.is_object()) {
    return util::input_error("the profile is not a JSON object",
                             path.string(),
                             "fix it (docs/profile.md), then mark again");
  }
  const char* into = mark == Mark::me ? "is_me" : "not_me";
  const char* out_of = mark == Mark::me ? "not_me" : "is_me";
  auto same = [&](const ordered_json& entry) {
    if (!entry.is_string()) {
      return false;
    }
    const auto n = traces::normalise_url(entry.get<std::string>());
    return entry.get<std::string>() == url || (n && *n == url);
  };
  bool changed = false;
  if (profile.contains(out_of) && profile[out_of].is_array()) {
    auto& list = profile[out_of];
    const auto before = list.size();
    ordered_json kept = ordered_json::array();
    for (const auto& e : list) {
      if (!same(e)) {
        kept.push_back(e);
      }
    }
    changed = kept.size() != before;
    if (kept.empty()) {
      profile.erase(out_of);
    } else {
      list = std::move(kept);
    }
  }
  if (!profile.contains(into) || !profile[into].is_array()) {
    if (profile.contains(into)) {
      return util::input_error(std::string("\"") + into + "\" is not a list",
                               path.string() + ": /" + into,
                               "make it a list of URLs");
    }
    profile[into] = ordered_json::array();
  }
  auto& target = profile[into];
  if (std::none_of(target.begin(), target.end(), same)) {
    target.push_back(url);
    changed = true;
  }
  if (!changed) {
    return false;
  }
  const std::string updated = profile.dump(2) + "\n";
  // Never write a profile that would not load.
  if (auto check = profile::profile_from_json(nlohmann::json::parse(updated), path.string());
      !check) {
    return check.error();
  }
  // A profile reached through a symbolic link is replaced where it really is.
  std::error_code ec;
  const auto target_path = std::filesystem::weakly_canonical(path, ec);
  const auto& where = ec ? path : target_path;
  struct stat st
  {
  };
  const unsigned mode = ::stat(where.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0600;
  if (auto s = util::write_file_atomic(where, updated, mode); !s) {
    return s.error();
  }
  return true;
}

} // namespace empreinte::history
