// Platforms are found by host first, so each URL runs only its own platform's patterns.
#include "classify/platforms.hpp"

#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace empreinte::classify {

using nlohmann::json;

util::Result<PlatformRules> PlatformRules::load(const std::string& path)
{
  auto value = load_rules_json(path, "empreinte/platforms/v1", {"platforms"});
  if (!value) {
    return value.error();
  }
  return from_json(*value, path);
}

namespace {

util::Status check_all(util::JsonFields& f,
                       const std::vector<std::string>& patterns,
                       std::string_view key,
                       std::vector<LazyPattern>& out,
                       const char* required_group)
{
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    auto re = LazyPattern::check(patterns[i], f.where(key) + "/" + std::to_string(i), required_group);
    if (!re) {
      return re.error();
    }
    out.push_back(std::move(*re));
  }
  return util::ok_status();
}

} // namespace

util::Result<PlatformRules> PlatformRules::from_json(const json& value, const std::string& source)
{
  util::JsonFields root(value, source, "");
  const json* list = root.array("platforms", true);
  if (root.error()) {
    return *root.error();
  }
  PlatformRules rules;
  for (std::size_t i = 0; i < list->size(); ++i) {
    util::JsonFields f((*list)[i], source, "/platforms/" + std::to_string(i));
    f.allow_only({"id",
                  "name",
                  "network",
                  "category",
                  "hosts",
                  "profile",
                  "posts",
                  "reserved",
                  "author_cues",
                  "examples"});
    Platform p;
    p.id = f.string("id", true);
    p.name = f.string("name", true);
    p.network = f.string("network");
    p.category = f.string("category", true);
    p.hosts = f.strings("hosts", true);
    const auto profile = f.strings("profile");
    const auto posts = f.strings("posts");
    for (const auto& r : f.strings("reserved")) {
      p.reserved.push_back(util::ascii_lower(r));
    }
    const auto author_cues = f.strings("author_cues");
    if (const json* examples = f.object("examples"); examples && !f.error()) {
      util::JsonFields e(*examples, source, f.pointer() + "/examples");
      e.allow_only({"profile", "post", "neither"});
      (void)e.strings("profile");
      (void)e.strings("post");
      (void)e.strings("neither");
      if (e.error()) {
        return *e.error();
      }
    }
    if (!f.error() && p.hosts.empty()) {
      f.fail("a platform needs at least one host", "hosts");
    }
    if (f.error()) {
      return *f.error();
    }
    for (auto status : {check_all(f, profile, "profile", p.profile, "handle"),
                        check_all(f, posts, "posts", p.posts, nullptr),
                        check_all(f, author_cues, "author_cues", p.author_cues, nullptr)}) {
      if (!status) {
        return status.error();
      }
    }
    for (const auto& host : p.hosts) {
      rules.m_by_host[util::ascii_lower(host)].push_back(rules.m_platforms.size());
    }
    if (std::any_of(rules.m_platforms.begin(), rules.m_platforms.end(), [&](const Platform& q) {
          return q.id == p.id;
        })) {
      return util::input_error("duplicate platform id \"" + p.id + "\"", f.where("id"));
    }
    rules.m_platforms.push_back(std::move(p));
  }
  return rules;
}

std::vector<const Platform*> PlatformRules::platforms_of(std::string_view host_view) const
{
  std::string host = util::ascii_lower(host_view);
  while (!host.empty()) {
    if (auto it = m_by_host.find(host); it != m_by_host.end()) {
      std::vector<const Platform*> out;
      for (std::size_t i : it->second) {
        out.push_back(&m_platforms[i]);
      }
      return out;
    }
    const auto dot = host.find('.');
    if (dot == std::string::npos) {
      break;
    }
    host.erase(0, dot + 1);
  }
  return {};
}

PlatformMatch PlatformRules::match(const std::string& url, std::string_view host) const
{
  PlatformMatch m;
  const auto candidates = platforms_of(host);
  for (const Platform* p : candidates) {
    auto reserved = [&](const std::string& handle) {
      return std::find(p->reserved.begin(), p->reserved.end(), util::ascii_lower(handle))
             != p->reserved.end();
    };
    for (const auto& lazy : p->posts) {
      const re2::RE2& re = lazy.get();
      if (re2::RE2::FullMatch(url, re)) {
        // A post whose author segment is a reserved path (github.com/topics/x) is no post.
        std::string handle = capture(re, url, "handle");
        if (!reserved(handle)) {
          return PlatformMatch{p, PageType::post, std::move(handle)};
        }
      }
    }
    for (const auto& lazy : p->profile) {
      const re2::RE2& re = lazy.get();
      if (re2::RE2::FullMatch(url, re)) {
        const std::string handle = capture(re, url, "handle");
        if (!reserved(handle)) {
          return PlatformMatch{p, PageType::profile, handle};
        }
      }
    }
  }
  if (!candidates.empty()) {
    m.platform = candidates.front();
  }
  return m;
}

std::string PlatformRules::author_from_text(const Platform& platform,
                                            std::string_view folded_text) const
{
  for (const auto& lazy : platform.author_cues) {
    const re2::RE2& re = lazy.get();
    for (const char* group : {"author", "handle"}) {
      std::string value = util::squeeze_spaces(capture(re, folded_text, group));
      if (!value.empty()) {
        return value;
      }
    }
  }
  return {};
}

std::vector<LintProblem> PlatformRules::lint_examples(const json& value,
                                                      const std::string& source) const
{
  std::vector<LintProblem> problems;
  const json& list = value.at("platforms");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& entry = list[i];
    if (!entry.contains("examples")) {
      continue;
    }
    const std::string base = source + ": /platforms/" + std::to_string(i) + "/examples/";
    for (const auto& [key, expected] : {std::pair<const char*, PageType>{"profile", PageType::profile},
                                        {"post", PageType::post},
                                        {"neither", PageType::none}}) {
      const json& examples = entry["examples"].value(key, json::array());
      for (std::size_t j = 0; j < examples.size(); ++j) {
        const std::string url = examples[j].get<std::string>();
        const auto host_start = url.find("//");
        const std::string host =
          host_start == std::string::npos ? "" : url.substr(host_start + 2, url.find_first_of("/?", host_start + 2) - host_start - 2);
        const PlatformMatch m = match(url, host);
        const std::string where = base + key + "/" + std::to_string(j);
        const auto on_host = platforms_of(host);
        const bool hosted = std::any_of(on_host.begin(), on_host.end(), [&](const Platform* p) {
          return p->id == entry.value("id", "");
        });
        if (!hosted) {
          problems.push_back({where, "\"" + url + "\" is not found on this platform (check hosts)"});
        } else if (m.type != expected || (m.platform && m.platform->id != entry.value("id", "")
                                           && expected != PageType::none)) {
          static const char* names[] = {"neither", "a profile", "a post"};
          problems.push_back({where,
                              "\"" + url + "\" reads as " + names[static_cast<int>(m.type)]
                                + ", expected " + names[static_cast<int>(expected)]});
        }
      }
    }
  }
  return problems;
}

} // namespace empreinte::classify
