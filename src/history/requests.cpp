// Deadlines count calendar months from the date the request was sent (the law counts from its
// receipt: a letter by post arrives a few days later, so the real deadline is a little later).
#include "history/requests.hpp"

#include "history/stored_json.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"

#include <chrono>

namespace empreinte::history {

using nlohmann::json;

namespace {

using stored::integer;
using stored::number;
using stored::str;

// The GDPR applies in the EU and the EEA; the UK kept it as the UK GDPR.
const char* const k_gdpr_countries[] = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
                                        "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU",
                                        "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"};

std::optional<std::chrono::year_month_day> parse_date(const std::string& date)
{
  const auto t = util::parse_time(date);
  if (!t) {
    return std::nullopt;
  }
  return std::chrono::year_month_day{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::from_time_t(*t))};
}

std::string format_ymd(const std::chrono::year_month_day& d)
{
  return util::format_date(std::chrono::system_clock::to_time_t(std::chrono::sys_days{d}));
}

std::string text(const json& object, const char* key, const char* lang)
{
  if (!object.is_object() || !object.contains(key)) {
    return {};
  }
  const auto& v = object[key];
  if (v.is_string()) {
    return v.get<std::string>();
  }
  if (v.is_object() && v.contains(lang) && v[lang].is_string()) {
    return v[lang].get<std::string>();
  }
  return {};
}

} // namespace

Jurisdictions Jurisdictions::builtin()
{
  Jurisdictions j;
  DeadlineRule gdpr{1, 0, 2, 0, "Article 12(3) GDPR", "article 12, paragraphe 3, du RGPD", ""};
  for (const char* c : k_gdpr_countries) {
    j.m_rules[c] = gdpr;
  }
  j.m_rules["FR"].authority = "cnil";
  DeadlineRule uk{
      1, 0, 2, 0, "Article 12(3) UK GDPR", "article 12, paragraphe 3, du UK GDPR", "ico"};
  j.m_rules["GB"] = uk;
  return j;
}

util::Result<Jurisdictions> Jurisdictions::load(const std::filesystem::path& rules_dir)
{
  Jurisdictions j = builtin();
  const auto path = rules_dir / "jurisdictions.json";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return j;
  }
  auto content = util::read_file(path);
  if (!content) {
    return content.error();
  }
  auto value = util::parse_json(*content, path.string());
  if (!value) {
    return value.error();
  }
  // Only the deadlines and the authorities are read here; the file's own checks (its schema and
  // tests/tools/validate_rules.py) cover the rest.
  if (value->contains("authorities") && (*value)["authorities"].is_array()) {
    for (const auto& a : (*value)["authorities"]) {
      const std::string id = text(a, "id", "en");
      if (!id.empty()) {
        j.m_authorities[id] = {
            id, text(a, "name", "en"), text(a, "complaint_url", "en"), text(a, "address", "en")};
      }
    }
  }
  if (value->contains("jurisdictions") && (*value)["jurisdictions"].is_array()) {
    for (const auto& item : (*value)["jurisdictions"]) {
      if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) {
        continue;
      }
      const std::string id = item["id"].get<std::string>();
      const json deadline = item.value("deadline", json());
      if (!deadline.is_object()) {
        j.m_rules.erase(id); // no law sets one
        continue;
      }
      DeadlineRule rule;
      rule.months = integer(deadline, "months");
      rule.days = integer(deadline, "days");
      rule.extension_months = integer(deadline, "extension_months");
      rule.extension_days = integer(deadline, "extension_days");
      rule.cite_en = text(deadline, "cite", "en");
      rule.cite_fr = text(deadline, "cite", "fr");
      rule.authority = item.contains("authority") && item["authority"].is_string()
                           ? item["authority"].get<std::string>()
                           : std::string();
      if (rule.months > 0 || rule.days > 0) {
        j.m_rules[id] = rule;
      }
    }
  }
  return j;
}

const DeadlineRule* Jurisdictions::find(const std::string& id) const
{
  const auto it = m_rules.find(id);
  return it == m_rules.end() ? nullptr : &it->second;
}

const AuthorityInfo* Jurisdictions::authority(const std::string& id) const
{
  const auto it = m_authorities.find(id);
  return it == m_authorities.end() ? nullptr : &it->second;
}

std::string add_months(const std::string& date, int months)
{
  using namespace std::chrono;
  const auto d = parse_date(date);
  if (!d) {
    return {};
  }
  year_month_day out = *d + std::chrono::months{months};
  if (!out.ok()) {
    out = year_month_day_last{out.year(), month_day_last{out.month()}};
  }
  return format_ymd(out);
}

std::string add_days(const std::string& date, int days)
{
  const auto d = parse_date(date);
  if (!d) {
    return {};
  }
  return format_ymd(
      std::chrono::year_month_day{std::chrono::sys_days{*d} + std::chrono::days{days}});
}

RequestStatus request_status(const Request& r,
                             const DeadlineRule* rule,
                             const util::Clock& clock,
                             const std::string& lang)
{
  RequestStatus s;
  s.open = r.outcome.empty();
  if (rule) {
    s.due = rule->months > 0 ? add_months(r.sent, rule->months) : add_days(r.sent, rule->days);
    if (rule->extension_months > 0 || rule->extension_days > 0) {
      s.extended_due = rule->extension_months > 0 ? add_months(s.due, rule->extension_months)
                                                  : add_days(s.due, rule->extension_days);
    }
    s.cite = lang == "fr" && !rule->cite_fr.empty() ? rule->cite_fr : rule->cite_en;
  }
  if (s.open && !s.due.empty()) {
    const std::string& due = r.extended && !s.extended_due.empty() ? s.extended_due : s.due;
    const auto due_time = util::parse_time(due);
    const auto today = util::parse_time(util::format_date(clock.now()));
    if (due_time && today) {
      const long long days = (*today - *due_time) / 86400;
      s.overdue = days > 0;
      s.days = static_cast<int>(s.overdue ? days : -days);
    }
  }
  s.complaint_due = s.overdue || r.outcome == "refused" || r.outcome == "no-answer";
  return s;
}

std::string page_state(const Request& r, const json& origin, const json& latest, const Diff* diff)
{
  if (latest.is_object() && latest.contains("traces") && latest["traces"].is_array()) {
    for (const auto& t : latest["traces"]) {
      if (t.is_object() && t.value("id", "") == r.trace) {
        return "present";
      }
    }
  }
  if (diff) {
    for (const auto& c : diff->traces) {
      if (c.id == r.trace && c.change == Change::gone) {
        return "gone_now";
      }
      if (c.id == r.trace && c.change == Change::not_seen) {
        return "not_seen";
      }
    }
  }
  if (origin.is_object() && origin.contains("traces") && origin["traces"].is_array()) {
    for (const auto& t : origin["traces"]) {
      if (t.is_object() && t.value("id", "") == r.trace) {
        return why_missing(t, origin, latest).empty() ? "gone" : "not_seen";
      }
    }
  }
  return "gone";
}

} // namespace empreinte::history
