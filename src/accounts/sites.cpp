// The loader is as strict as the schema (closed objects, typed fields), so a misspelt key can
// never make a site silently match everything (maigret's 13 sites with a typo).
#include "accounts/sites.hpp"

#include "classify/rules_file.hpp"
#include "util/json_fields.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <set>

namespace empreinte::accounts {

using nlohmann::json;

namespace {

const std::set<std::string> k_categories = {
  "social", "dev",     "gaming",    "forum",  "music",      "video",     "photo",    "art",
  "blog",   "books",   "professional", "dating", "shopping", "finance", "education", "news",
  "travel", "sport",   "links",     "messaging", "health",  "politics", "adult",    "other"};

const std::set<std::string> k_protections = {"captcha",    "cloudflare", "waf",
                                             "login_wall", "rate_limit", "js_required"};

std::vector<int> statuses(util::JsonFields& f, std::string_view key)
{
  std::vector<int> out;
  const json* list = f.array(key, true);
  if (!list) {
    return out;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& v = (*list)[i];
    if (!v.is_number_integer() || v.get<long long>() < 100 || v.get<long long>() > 999) {
      f.fail_at("must be an HTTP status (100-999)", std::string(key) + "/" + std::to_string(i));
      return out;
    }
    out.push_back(v.get<int>());
  }
  return out;
}

// A template is an http(s) URL with exactly one {user} and no other brace.
bool valid_template(const std::string& t)
{
  const auto at = t.find("{user}");
  if (at == std::string::npos || t.find("{user}", at + 1) != std::string::npos) {
    return false;
  }
  std::string rest = t;
  rest.replace(at, 6, "x");
  if (rest.find_first_of("{} \t\r\n") != std::string::npos) {
    return false;
  }
  return util::parse_http_url(rest).has_value();
}

util::Status read_site(const json& value,
                       const std::string& source,
                       const std::string& pointer,
                       const std::string& licence,
                       Site& site)
{
  util::JsonFields f(value, source, pointer);
  f.allow_only({"id", "name", "category", "nsfw", "url", "probe", "headers", "username", "detect",
                "known", "absent", "protection", "default", "source", "note"});
  site.id = f.string("id", true);
  site.name = f.string("name", true);
  site.category = f.string("category", true);
  site.nsfw = f.boolean("nsfw", false);
  site.url = f.string("url", true);
  site.probe = f.string("probe");
  site.known = f.string("known", true);
  site.absent = f.string("absent", true);
  site.protection = f.strings("protection", true);
  site.in_default = f.boolean("default", false);
  site.licence = licence;
  (void)f.string("source", true);
  (void)f.string("note");
  const std::string username = f.string("username");
  const json* headers = f.object("headers");
  const json* detect = f.object("detect", true);
  if (f.error()) {
    return *f.error();
  }
  if (!f.has("nsfw") || !f.has("default")) {
    f.fail("is required", f.has("nsfw") ? "default" : "nsfw");
  } else if (!k_categories.count(site.category)) {
    f.fail("unknown category \"" + site.category + "\"", "category");
  } else if (!valid_template(site.url)) {
    f.fail("must be an http(s) URL with one {user}", "url");
  } else if (!site.probe.empty() && !valid_template(site.probe)) {
    f.fail("must be an http(s) URL with one {user}", "probe");
  } else if (site.nsfw && site.in_default) {
    f.fail("an adult site cannot be in the default set", "default");
  }
  for (const auto& p : site.protection) {
    if (!k_protections.count(p)) {
      f.fail("unknown protection \"" + p + "\"", "protection");
    }
  }
  if (headers) {
    for (const auto& [name, v] : headers->items()) {
      if (!v.is_string()) {
        f.fail_at("must be a string", "headers/" + name);
        break;
      }
      site.headers.push_back(name + ": " + v.get<std::string>());
    }
  }
  if (!username.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<const RE2>(username, options);
    if (!re->ok()) {
      f.fail("pattern does not compile: " + re->error(), "username");
    }
    site.username = std::move(re);
  }
  if (f.error()) {
    return *f.error();
  }
  util::JsonFields d(*detect, source, pointer + "/detect");
  d.allow_only({"method", "found_status", "absent_status", "absent_strings", "present_strings",
                "blocked_strings", "absent_redirect"});
  const std::string method = d.string("method", true);
  site.detect.found_status = statuses(d, "found_status");
  site.detect.absent_status = statuses(d, "absent_status");
  site.detect.absent_strings = d.strings("absent_strings", true);
  site.detect.present_strings = d.strings("present_strings", true);
  site.detect.blocked_strings = d.strings("blocked_strings", true);
  site.detect.absent_redirect = d.string("absent_redirect");
  if (d.error()) {
    return *d.error();
  }
  if (method == "status") {
    site.detect.method = Method::status;
    if (site.detect.absent_status.empty()) {
      d.fail("the status method needs at least one absent status", "absent_status");
    }
  } else if (method == "message") {
    site.detect.method = Method::message;
    if (site.detect.absent_strings.empty() && site.detect.present_strings.empty()) {
      d.fail("the message method needs absent or present strings", "absent_strings");
    }
  } else if (method == "redirect") {
    site.detect.method = Method::redirect;
  } else {
    d.fail("unknown method \"" + method + "\" (status, message or redirect)", "method");
  }
  if (site.detect.method != Method::redirect && !site.detect.absent_redirect.empty()) {
    d.fail("only the redirect method has an absent redirect", "absent_redirect");
  }
  if (site.detect.found_status.empty()) {
    d.fail("needs at least one status", "found_status");
  }
  if (d.error()) {
    return *d.error();
  }
  return util::ok_status();
}

util::Status read_file(const json& doc,
                       const std::string& source,
                       bool main,
                       SiteList& list)
{
  util::JsonFields root(doc, source, "");
  root.allow_only({"schema", "licence", "attribution", "source", "blocked", "sites"});
  const std::string licence = root.string("licence", true);
  const std::string attribution = root.string("attribution");
  const json* blocked = root.object("blocked", main);
  const json* sites = root.array("sites", true);
  if (root.error()) {
    return *root.error();
  }
  if (licence != "MIT" && licence != "CC-BY-SA-4.0") {
    root.fail("must be MIT or CC-BY-SA-4.0", "licence");
    return *root.error();
  }
  if (licence == "CC-BY-SA-4.0" && attribution.empty()) {
    root.fail("a CC BY-SA file must carry its attribution", "attribution");
    return *root.error();
  }
  if (!attribution.empty()) {
    list.attributions.push_back(attribution);
  }
  if (blocked && main) {
    util::JsonFields b(*blocked, source, "/blocked");
    b.allow_only({"status", "signatures"});
    list.blocked_status = statuses(b, "status");
    const json* sigs = b.array("signatures", true);
    if (b.error()) {
      return *b.error();
    }
    for (std::size_t i = 0; i < sigs->size(); ++i) {
      util::JsonFields s((*sigs)[i], source, "/blocked/signatures/" + std::to_string(i));
      s.allow_only({"text", "protection", "source"});
      Signature sig{s.string("text", true), s.string("protection", true)};
      (void)s.string("source", true);
      if (!s.error() && !k_protections.count(sig.protection)) {
        s.fail("unknown protection \"" + sig.protection + "\"", "protection");
      }
      if (s.error()) {
        return *s.error();
      }
      list.signatures.push_back(std::move(sig));
    }
  }
  for (std::size_t i = 0; i < sites->size(); ++i) {
    Site site;
    if (auto s = read_site((*sites)[i], source, "/sites/" + std::to_string(i), licence, site);
        !s) {
      return s.error();
    }
    if (std::any_of(list.sites.begin(), list.sites.end(),
                    [&](const Site& s) { return s.id == site.id; })) {
      return util::input_error("site id \"" + site.id + "\" is given twice",
                               source + ": /sites/" + std::to_string(i) + "/id");
    }
    list.sites.push_back(std::move(site));
  }
  std::sort(list.sites.begin(), list.sites.end(),
            [](const Site& a, const Site& b) { return a.id < b.id; });
  return util::ok_status();
}

} // namespace

bool Site::applies_to(const std::string& pseudonym) const
{
  return !username || RE2::PartialMatch(pseudonym, *username);
}

namespace {
std::string fill(const std::string& tmpl, const std::string& name)
{
  std::string out = tmpl;
  if (const auto at = out.find("{user}"); at != std::string::npos) {
    out.replace(at, 6, util::percent_encode(name));
  }
  return out;
}
} // namespace

std::string Site::profile_url(const std::string& pseudonym) const
{
  return fill(url, pseudonym);
}

std::string Site::request_url(const std::string& pseudonym) const
{
  return fill(probe.empty() ? url : probe, pseudonym);
}

const Site* SiteList::find(const std::string& id) const
{
  const auto it = std::lower_bound(sites.begin(), sites.end(), id,
                                   [](const Site& s, const std::string& v) { return s.id < v; });
  return it != sites.end() && it->id == id ? &*it : nullptr;
}

util::Result<SiteList> sites_from_json(const json& main,
                                       const std::string& source,
                                       const json* extra,
                                       const std::string& extra_source)
{
  SiteList list;
  if (auto s = read_file(main, source, true, list); !s) {
    return s.error();
  }
  if (extra) {
    if (auto s = read_file(*extra, extra_source, false, list); !s) {
      return s.error();
    }
  }
  return list;
}

util::Result<SiteList> load_sites(const std::string& path, const std::string& extra_path)
{
  auto main = classify::load_rules_json(path, "empreinte/accounts/v1",
                                        {"licence", "attribution", "blocked", "sites"});
  if (!main) {
    return main.error();
  }
  if (extra_path.empty()) {
    return sites_from_json(*main, path);
  }
  auto extra = classify::load_rules_json(extra_path, "empreinte/accounts/v1",
                                         {"licence", "attribution", "blocked", "sites"});
  if (!extra) {
    return extra.error();
  }
  return sites_from_json(*main, path, &*extra, extra_path);
}

} // namespace empreinte::accounts
