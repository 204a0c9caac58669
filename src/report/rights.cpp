#include "report/rights.hpp"

#include "report/i18n.hpp"

namespace empreinte::report {

std::string jurisdiction_reason(const JurisdictionUsed& used, const std::string& lang)
{
  switch (used.how) {
  case score::ChosenBy::given:
    return tr(lang, "jurisdiction.given", {used.from});
  case score::ChosenBy::location:
    return tr(lang, "jurisdiction.location", {used.from});
  case score::ChosenBy::phone:
    return tr(lang, "jurisdiction.phone");
  case score::ChosenBy::fallback:
    break;
  }
  return tr(lang, "jurisdiction.default");
}

namespace {

// "1 month", "2 months", "30 days" in `lang`.
std::string span(int count, bool months, const std::string& lang)
{
  const std::string unit = months ? (count == 1 ? "rights.month" : "rights.months")
                                  : (count == 1 ? "rights.day" : "rights.days");
  return tr(lang, unit, {std::to_string(count)});
}

} // namespace

RightsText word_rights(const Report& r)
{
  RightsText out;
  if (!r.jurisdiction) {
    return out;
  }
  const std::string& lang = r.lang;
  const JurisdictionUsed& used = *r.jurisdiction;
  const score::Jurisdiction& j = used.jurisdiction;
  out.heading = tr(lang, "rights.heading");
  const std::string place = j.name.in(lang);
  if (used.how == score::ChosenBy::fallback) {
    out.lines.push_back(tr(lang, "rights.fallback", {place, jurisdiction_reason(used, lang)}));
  } else if (j.has_law()) {
    out.lines.push_back(tr(lang, "rights.law",
                           {place, j.law.short_name.in(lang), j.law.name.in(lang), jurisdiction_reason(used, lang)}));
  } else {
    out.lines.push_back(tr(lang, "rights.no_law", {place, j.law.name.in(lang), jurisdiction_reason(used, lang)}));
  }
  if (used.authority) {
    out.lines.push_back(used.authority->complaint_url.empty()
                            ? tr(lang, "rights.authority", {used.authority->name})
                            : tr(lang, "rights.authority_url",
                                 {used.authority->name, used.authority->complaint_url}));
  }
  if (const auto& d = j.deadline) {
    const bool months = d->months > 0;
    const std::string due = span(months ? d->months : d->days, months, lang);
    const int extension = months ? d->extension_months : d->extension_days;
    out.lines.push_back(extension > 0 ? tr(lang, "rights.deadline_extension",
                                           {due, d->cite.in(lang), span(extension, months, lang)})
                                      : tr(lang, "rights.deadline", {due, d->cite.in(lang)}));
  }
  if (j.delisting) {
    out.lines.push_back(tr(lang, "rights.delisting"));
  }
  if (!j.has_law() && !j.notes.empty()) {
    out.lines.push_back(j.notes.in(lang));
  }
  return out;
}

} // namespace empreinte::report
