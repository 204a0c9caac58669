#include "report/accounts_section.hpp"

#include "report/i18n.hpp"

#include <algorithm>

namespace empreinte::report {

namespace {

bool unanswered(accounts::Status s)
{
  using accounts::Status;
  return s == Status::unknown || s == Status::blocked || s == Status::rate_limited
         || s == Status::error || s == Status::timeout;
}

std::string status_word(accounts::Status s, const std::string& lang)
{
  return tr(lang, util::Message{"accounts.status." + std::string(accounts::status_name(s)), {}, {}});
}

std::vector<std::string> details(const accounts::ProfileEvidence& e, const std::string& lang)
{
  std::vector<std::string> out;
  if (e.page.status != traces::PageStatus::read) {
    out.push_back(tr(lang, util::Message{"accounts.not_read",
                                         {std::string(traces::page_status_name(e.page.status))}, {}}));
    return out;
  }
  if (e.ties_name()) {
    out.push_back(tr(lang, util::Message{"account.real_name", {e.real_name}, {}}));
  }
  if (!e.city.empty()) {
    out.push_back(tr(lang, util::Message{"account.city", {e.city}, {}}));
  }
  if (!e.job.empty()) {
    out.push_back(tr(lang, util::Message{"account.job", {e.job}, {}}));
  }
  if (!e.photo.empty()) {
    out.push_back(tr(lang, util::Message{"account.photo", {}, {}}));
  }
  if (!e.links.empty()) {
    std::string links;
    for (const auto& l : e.links) {
      links += (links.empty() ? "" : ", ") + l;
    }
    out.push_back(tr(lang, util::Message{"account.links", {links}, {}}));
  }
  if (!e.any()) {
    out.push_back(tr(lang, util::Message{"accounts.shows_nothing", {}, {}}));
  }
  return out;
}

} // namespace

AccountsText word_accounts(const Report& r)
{
  AccountsText out;
  if (!r.accounts) {
    return out;
  }
  const std::string& lang = r.lang;
  const accounts::Summary& s = *r.accounts;
  out.heading = tr(lang, util::Message{"accounts.heading", {}, {}});
  std::map<accounts::Status, std::size_t> counts;
  std::size_t naming = 0;
  std::size_t set_aside = 0;
  for (const auto& row : s.rows) {
    if (row.status == accounts::Status::found) {
      const traces::Trace* t = accounts::account_trace(r.traces, row);
      if (!t) {
        ++set_aside; // the person said it is not theirs
        continue;
      }
      AccountEntry e;
      e.head = tr(lang, util::Message{"accounts.on", {row.pseudonym, row.site_name}, {}});
      e.url = row.url;
      e.trace_id = t->id;
      if (row.profile) {
        e.details = details(*row.profile, lang);
        naming += row.profile->ties_name() ? 1 : 0;
      }
      out.found.push_back(std::move(e));
    } else if (unanswered(row.status)) {
      out.unanswered.push_back(tr(lang, util::Message{"accounts.unanswered_line",
                                                      {row.site_name, row.pseudonym,
                                                       status_word(row.status, lang), tr(lang, row.reason)},
                                                      {}}));
    }
    ++counts[row.status];
  }
  std::string names;
  for (const auto& p : s.pseudonyms) {
    names += (names.empty() ? "" : ", ") + p;
  }
  out.summary = tr(lang, util::Message{"accounts.summary",
                                       {names, std::to_string(s.sites), std::to_string(out.found.size()),
                                        std::to_string(naming)},
                                       {}});
  if (set_aside > 0) {
    out.summary += " " + tr(lang, util::Message{"accounts.set_aside", {std::to_string(set_aside)}, {}});
  }
  if (!out.unanswered.empty()) {
    out.unanswered_heading =
      tr(lang, util::Message{"accounts.unanswered", {std::to_string(out.unanswered.size())}, {}});
  }
  for (const auto& [status, n] : counts) {
    if (status == accounts::Status::found) {
      continue; // said in the summary, without the accounts set aside
    }
    out.counts += (out.counts.empty() ? "" : ", ") + std::to_string(n) + " " + status_word(status, lang);
  }
  if (!out.counts.empty()) {
    out.counts = tr(lang, util::Message{"accounts.counts", {out.counts}, {}});
  }
  for (const auto& a : s.attributions) {
    out.notes.push_back(a);
  }
  return out;
}

std::optional<util::Message> accounts_warning(const accounts::Summary& summary)
{
  if (!summary.incomplete()) {
    return std::nullopt;
  }
  return util::Message{"warning.accounts_incomplete", {std::to_string(summary.not_asked())}, {}};
}

} // namespace empreinte::report
