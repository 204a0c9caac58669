// One row per site and pseudonym; the text puts what matters to the person first (accounts
// found, and what ties them to the real name), then what could not be checked.
#include "accounts/summary.hpp"

// The catalogue of sentences (English and French) is the reports', and the account check's
// output is one of them.
#include "report/i18n.hpp"

#include "traces/url_normalise.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <fmt/format.h>

namespace empreinte::accounts {

std::map<Status, std::size_t> Summary::counts() const
{
  std::map<Status, std::size_t> out;
  for (const auto& r : rows) {
    ++out[r.status];
  }
  return out;
}

std::size_t Summary::not_asked() const
{
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const Row& r) {
    return r.status == Status::blocked || r.status == Status::rate_limited
           || r.status == Status::error || r.status == Status::timeout;
  }));
}

bool Summary::incomplete() const
{
  return not_asked() > 0;
}

const traces::Trace* account_trace(const std::vector<traces::Trace>& traces, const Row& row)
{
  const auto url = traces::normalise_url(row.url);
  if (!url) {
    return nullptr;
  }
  const auto it = std::find_if(traces.begin(), traces.end(), [&](const traces::Trace& t) {
    return t.url == *url
           && std::any_of(t.found_by.begin(), t.found_by.end(), [](const traces::Sighting& s) {
                return s.query == k_account_query;
              });
  });
  return it == traces.end() ? nullptr : &*it;
}

Summary summarise(const CheckRun& run,
                  std::size_t sites,
                  const std::vector<ProfileEvidence>& evidence,
                  const SiteList& list)
{
  Summary s;
  s.pseudonyms = run.pseudonyms;
  s.sites = sites;
  s.requests_sent = run.requests_sent;
  s.cache_hits = run.cache_hits;
  std::map<const Site*, const Check*> controls;
  for (const auto& c : run.controls) {
    controls[c.site] = &c;
  }
  bool wmn = false;
  for (std::size_t i = 0; i < run.checks.size(); ++i) {
    const Check& c = run.checks[i];
    Row r;
    r.site = c.site->id;
    r.site_name = c.site->name;
    r.category = c.site->category;
    r.pseudonym = c.name;
    r.url = c.url;
    r.status = c.status;
    r.reason = c.reason;
    r.http_status = c.http_status;
    r.licence = c.site->licence;
    wmn = wmn || r.licence != "MIT";
    if (const auto it = controls.find(c.site); it != controls.end()) {
      r.control_name = it->second->name;
      r.control_status = it->second->status;
    }
    if (i < evidence.size() && c.status == Status::found) {
      r.profile = evidence[i];
    }
    s.rows.push_back(std::move(r));
  }
  if (wmn) {
    s.attributions = list.attributions;
  }
  return s;
}

std::vector<traces::Trace> found_traces(const Summary& s)
{
  std::vector<traces::Trace> out;
  for (const auto& r : s.rows) {
    if (r.status != Status::found) {
      continue;
    }
    const auto url = traces::normalise_url(r.url);
    if (!url) {
      continue;
    }
    traces::Trace t;
    t.url = *url;
    t.id = traces::trace_id(t.url);
    if (const auto u = util::parse_http_url(t.url)) {
      t.host = u->host;
    }
    t.domain = traces::registrable_domain(t.host);
    t.title = r.pseudonym + " on " + r.site_name;
    t.snippets.push_back(report::tr("en", r.reason));
    t.found_by.push_back({k_account_query, "accounts:" + r.site, k_account_rank});
    if (r.profile) {
      t.page = r.profile->page;
    }
    out.push_back(std::move(t));
  }
  return out;
}

nlohmann::ordered_json to_json(const Summary& s)
{
  nlohmann::ordered_json out;
  out["pseudonyms"] = s.pseudonyms;
  out["sites"] = s.sites;
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  for (auto st : {Status::found, Status::not_found, Status::blocked, Status::rate_limited,
                  Status::error, Status::timeout, Status::unknown, Status::not_applicable}) {
    const auto c = s.counts();
    const auto it = c.find(st);
    counts[std::string(status_name(st))] = it == c.end() ? 0 : it->second;
  }
  out["counts"] = counts;
  out["requests_sent"] = s.requests_sent;
  out["cache_hits"] = s.cache_hits;
  out["attributions"] = s.attributions;
  auto& checks = out["checks"] = nlohmann::ordered_json::array();
  for (const auto& r : s.rows) {
    nlohmann::ordered_json j;
    j["site"] = r.site;
    j["site_name"] = r.site_name;
    j["category"] = r.category;
    j["pseudonym"] = r.pseudonym;
    j["url"] = r.url;
    j["status"] = status_name(r.status);
    j["reason"] = report::tr("en", r.reason);
    j["http_status"] = r.http_status;
    if (!r.control_name.empty()) {
      j["control"] = {{"name", r.control_name}, {"status", status_name(r.control_status)}};
    }
    if (r.profile) {
      const ProfileEvidence& e = *r.profile;
      nlohmann::ordered_json p;
      p["page_status"] = traces::page_status_name(e.page.status);
      if (!e.page.reason.empty()) {
        p["page_reason"] = e.page.reason;
      }
      p["ties_name"] = e.ties_name();
      p["real_name"] = e.real_name;
      p["city"] = e.city;
      p["job"] = e.job;
      p["photo"] = e.photo;
      p["links"] = e.links;
      j["profile"] = std::move(p);
    }
    checks.push_back(std::move(j));
  }
  return out;
}

std::string render_text(const Summary& s, bool all, const std::string& lang)
{
  using report::tr;
  std::string out;
  const auto counts = s.counts();
  auto count = [&](Status st) {
    const auto it = counts.find(st);
    return it == counts.end() ? std::size_t{0} : it->second;
  };
  auto status_word = [&](Status st) {
    return tr(lang, "accounts.status." + std::string(status_name(st)));
  };
  auto line = [&](const Row& r, std::size_t reason_chars) {
    return "  "
           + tr(lang, "accounts.unanswered_line",
                {r.site_name, r.pseudonym, status_word(r.status),
                 util::truncate_chars(tr(lang, r.reason), reason_chars)})
           + "\n";
  };
  std::string names;
  for (const auto& p : s.pseudonyms) {
    names += (names.empty() ? "" : ", ") + p;
  }
  out += tr(lang, "accounts.text.title", {names, std::to_string(s.sites)}) + "\n\n";
  out += tr(lang, "accounts.text.found", {std::to_string(count(Status::found))}) + "\n";
  if (count(Status::found) == 0) {
    out += "  " + tr(lang, "accounts.text.none") + "\n";
  }
  for (const auto& r : s.rows) {
    if (r.status != Status::found) {
      continue;
    }
    out += "  " + tr(lang, "accounts.on", {r.pseudonym, r.site_name}) + std::string(report::colon(lang))
           + r.url + "\n";
    out += "    " + util::wrap(tr(lang, r.reason), 76, "    ", 4) + "\n";
    if (!r.profile) {
      continue;
    }
    const ProfileEvidence& e = *r.profile;
    std::vector<std::string> shows;
    if (e.page.status != traces::PageStatus::read) {
      shows.push_back(tr(lang, "accounts.not_read", {std::string(traces::page_status_name(e.page.status))})
                      + (e.page.reason.empty() ? "" : std::string(report::colon(lang)) + e.page.reason));
    } else {
      if (e.ties_name()) {
        shows.push_back(tr(lang, "accounts.text.ties", {e.real_name}));
      }
      if (!e.city.empty()) {
        shows.push_back(tr(lang, "account.city", {e.city}));
      }
      if (!e.job.empty()) {
        shows.push_back(tr(lang, "account.job", {e.job}));
      }
      if (!e.photo.empty()) {
        shows.push_back(tr(lang, "account.photo") + " (" + util::truncate_chars(e.photo, 70) + ")");
      }
      for (const auto& l : e.links) {
        shows.push_back(tr(lang, "accounts.text.link", {l}));
      }
      if (!e.any()) {
        shows.push_back(tr(lang, "accounts.shows_nothing"));
      }
    }
    for (const auto& sentence : shows) {
      out += "    " + util::wrap(sentence, 76, "    ", 4) + "\n";
    }
  }
  const std::size_t unsure = count(Status::unknown) + count(Status::blocked)
                             + count(Status::rate_limited) + count(Status::error)
                             + count(Status::timeout);
  if (unsure > 0) {
    out += "\n" + tr(lang, "accounts.unanswered", {std::to_string(unsure)}) + "\n";
    for (const auto& r : s.rows) {
      if (r.status != Status::found && r.status != Status::not_found
          && r.status != Status::not_applicable) {
        out += line(r, 160);
      }
    }
  }
  if (all) {
    out += "\n" + tr(lang, "accounts.text.no_account") + "\n";
    for (const auto& r : s.rows) {
      if (r.status == Status::not_found || r.status == Status::not_applicable) {
        out += line(r, 400);
      }
    }
  }
  std::string every;
  for (auto st : {Status::found, Status::not_found, Status::unknown, Status::blocked,
                  Status::rate_limited, Status::error, Status::timeout, Status::not_applicable}) {
    if (count(st) > 0) {
      every += (every.empty() ? "" : ", ") + std::to_string(count(st)) + " " + status_word(st);
    }
  }
  if (!every.empty()) {
    out += "\n" + tr(lang, "accounts.counts", {every}) + "\n";
  }
  out += tr(lang, "accounts.text.requests",
            {std::to_string(s.requests_sent), std::to_string(s.cache_hits)})
         + "\n";
  for (const auto& a : s.attributions) {
    out += "\n" + util::wrap(a, 80, "") + "\n";
  }
  return out;
}

} // namespace empreinte::accounts
