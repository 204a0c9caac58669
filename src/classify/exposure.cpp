// Exposure is judged only for traces about the person: a namesake's phone is not theirs.
#include "classify/exposure.hpp"

#include "util/text.hpp"

#include <algorithm>

namespace empreinte::classify {

namespace {

// A company record: legal forms and registry words, and no sign of a one-person business.
bool reads_as_company_record(const TraceText& t)
{
  static const std::vector<std::vector<std::string>> k_company{
    {"sarl"}, {"sas"}, {"sasu"}, {"eurl"}, {"snc"}, {"selarl"}, {"ltd"}, {"limited"}, {"llc"},
    {"inc"}, {"gmbh"}, {"plc"}, {"au", "capital", "de"}, {"siege", "social"}, {"registered", "office"},
    {"societe", "a", "responsabilite", "limitee"}, {"societe", "par", "actions"}};
  static const std::vector<std::vector<std::string>> k_sole_trader{
    {"entrepreneur", "individuel"}, {"entreprise", "individuelle"}, {"auto", "entrepreneur"},
    {"micro", "entrepreneur"}, {"micro", "entreprise"}, {"sole", "trader"}, {"ei"}};
  auto any = [&](const std::vector<std::vector<std::string>>& list) {
    return std::any_of(list.begin(), list.end(), [&](const auto& w) {
      return util::contains_words(t.text_words, w);
    });
  };
  return any(k_company) && !any(k_sole_trader);
}

} // namespace

void judge_exposure(const Subject& s,
                    const Rules& rules,
                    const TraceText& t,
                    const IdentityMatch& identity,
                    traces::Trace& trace)
{
  trace.sensitive.clear();
  trace.pseudonym_link = false;
  trace.job_link = false;
  if (trace.about_subject < 0.5) {
    return;
  }
  trace.sensitive = rules.sensitive.detect(t.cue.text);
  if (reads_as_company_record(t)) {
    // A company's registered office is not a home address (a sole trader's business is).
    trace.sensitive.erase(std::remove_if(trace.sensitive.begin(),
                                         trace.sensitive.end(),
                                         [](const auto& item) { return item.category == "address"; }),
                          trace.sensitive.end());
  }
  for (auto& item : trace.sensitive) {
    if (item.category == "email") {
      const std::string lower = util::ascii_lower(item.text);
      item.known = std::find(s.emails.begin(), s.emails.end(), lower) != s.emails.end();
    } else if (item.category == "phone") {
      const std::string d = util::digits(item.text);
      item.known = d.size() >= 9
                   && std::find(s.phone_tails.begin(), s.phone_tails.end(), d.substr(d.size() - 9))
                        != s.phone_tails.end();
    }
  }
  const bool named = identity.name != nullptr;
  // "@clairedmt_archi Madame Dumontet": a surname beside the pseudonym ties them too.
  trace.pseudonym_link = (named || identity.surname_only) && identity.pseudonym;
  trace.job_link = named && (identity.job || identity.employer);
}

} // namespace empreinte::classify
