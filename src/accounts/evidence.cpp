// Names, places and jobs are matched as folded word sequences (accents and case ignored), the
// way the classifier matches them in result pages.
#include "accounts/evidence.hpp"

#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>

namespace empreinte::accounts {

namespace {

std::string host_without_www(const std::string& url)
{
  const auto u = util::parse_http_url(url);
  if (!u) {
    return {};
  }
  std::string h = u->host;
  return h.rfind("www.", 0) == 0 ? h.substr(4) : h;
}

bool shows(const std::vector<std::string>& words, const std::string& phrase)
{
  const auto needle = util::words(phrase);
  return !needle.empty() && util::contains_words(words, needle);
}

} // namespace

std::set<std::string> account_hosts(const SiteList& list)
{
  std::set<std::string> out;
  for (const auto& s : list.sites) {
    // The host never depends on the name: cut the template at the placeholder (this also keeps
    // clear of GCC 12's false -Wrestrict on std::string::replace at -O2).
    const auto at = s.url.find("{user}");
    const std::string u = at == std::string::npos ? s.url : s.url.substr(0, at) + "x" + s.url.substr(at + 6);
    if (auto h = host_without_www(u); !h.empty()) {
      out.insert(h);
    }
  }
  return out;
}

ProfileEvidence judge_profile(const traces::PageRead& page,
                              const std::string& page_url,
                              const profile::Profile& person,
                              const std::set<std::string>& hosts)
{
  ProfileEvidence e;
  e.page = page;
  if (page.status != traces::PageStatus::read || !page.content) {
    return e;
  }
  const parse::PageText& p = *page.content;
  std::string all = p.title + "\n" + p.description + "\n" + p.signals.meta_author + "\n"
                    + p.signals.ld_profile_name + "\n" + p.text;
  for (const auto& n : p.signals.ld_persons) {
    all += "\n" + n;
  }
  const auto words = util::words(all);
  std::vector<std::string> names;
  if (!person.first_name.empty() && !person.last_name.empty()) {
    names.push_back(person.first_name + " " + person.last_name);
    names.push_back(person.last_name + " " + person.first_name);
  }
  names.insert(names.end(), person.other_names.begin(), person.other_names.end());
  for (const auto& n : names) {
    // A single word ("Camille") is too common to tie anything.
    if (util::words(n).size() >= 2 && shows(words, n)) {
      e.real_name = n;
      break;
    }
  }
  if (!person.location.empty()) {
    // "Lyon, France": the city is what ties.
    const std::string city = person.location.substr(0, person.location.find(','));
    if (shows(words, city)) {
      e.city = util::squeeze_spaces(city);
    }
  }
  for (const auto& j : {person.job.title, person.job.employer}) {
    if (!j.empty() && shows(words, j)) {
      e.job = j;
      break;
    }
  }
  e.photo = p.signals.image;
  const std::string own = host_without_www(page_url);
  auto add_link = [&](const std::string& href) {
    const std::string h = host_without_www(href);
    if (h.empty() || h == own
        || std::find(e.links.begin(), e.links.end(), href) != e.links.end()) {
      return;
    }
    e.links.push_back(href);
  };
  for (const auto& l : p.signals.me_links) {
    add_link(l);
  }
  for (const auto& l : p.signals.ld_same_as) {
    add_link(l);
  }
  for (const auto& l : p.signals.links) {
    if (hosts.count(host_without_www(l))) {
      add_link(l);
    }
  }
  if (e.links.size() > 20) {
    e.links.resize(20);
  }
  return e;
}

std::vector<ProfileEvidence> read_profiles(
  const std::vector<Check>& checks,
  read::PageReader& reader,
  const profile::Profile& person,
  const SiteList& list,
  const std::function<std::string(const std::string&)>& rewrite)
{
  std::vector<ProfileEvidence> out(checks.size());
  std::vector<read::ReadRequest> requests;
  std::vector<std::size_t> which;
  for (std::size_t i = 0; i < checks.size(); ++i) {
    if (checks[i].status == Status::found) {
      requests.push_back({rewrite ? rewrite(checks[i].url) : checks[i].url, {}});
      which.push_back(i);
    }
  }
  if (requests.empty()) {
    return out;
  }
  const auto hosts = account_hosts(list);
  auto pages = reader.read(requests);
  for (std::size_t k = 0; k < which.size() && k < pages.size(); ++k) {
    out[which[k]] = judge_profile(pages[k], checks[which[k]].url, person, hosts);
  }
  return out;
}

} // namespace empreinte::accounts
