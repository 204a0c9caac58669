// Everything derived from the profile is computed once per audit, not once per trace.
#include "classify/subject.hpp"

#include "profile/employer.hpp"
#include "traces/url_normalise.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace empreinte::classify {

std::string slug_of(std::string_view text)
{
  std::string out;
  for (const auto& w : util::words(text)) {
    out += w;
  }
  return out;
}

namespace {

void add_unique(std::vector<std::string>& list, std::string value)
{
  if (value.size() >= 4 && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

} // namespace

Subject Subject::make(const profile::Profile& p, const Rules& rules, Tuning tuning)
{
  Subject s;
  s.tuning = tuning;
  s.profile = p;
  s.names = profile::name_forms(p);
  s.surnames.push_back(util::words(p.last_name));
  const auto first = util::words(p.first_name);
  s.first_names = first;
  for (const auto& other : p.other_names) {
    const auto w = util::words(other);
    if (!w.empty()) {
      s.surnames.push_back({w.back()});
    }
  }
  for (const auto& form : s.names) {
    if (form.strength == profile::NameStrength::full) {
      std::string joined;
      for (const auto& w : form.words) {
        joined += w;
      }
      add_unique(s.name_slugs, joined);
    }
  }
  for (const auto& ps : p.pseudonyms) {
    s.pseudonyms.push_back(util::words(ps));
    add_unique(s.pseudonym_slugs, slug_of(ps));
  }
  for (const auto& e : p.emails) {
    s.emails.push_back(util::ascii_lower(util::squeeze_spaces(e)));
  }
  for (const auto& ph : p.phones) {
    if (const auto d = util::digits(ph); d.size() >= 9) {
      s.phone_tails.push_back(d.substr(d.size() - 9));
    }
  }
  s.location = util::words(p.location);
  if (!p.location.empty()) {
    s.place = rules.places.resolve(p.location);
  }
  s.job_title = util::words(p.job.title);
  // Distinctive words of the title: not grammar, not seniority or status words.
  static const std::vector<std::string> k_generic{
    "a", "au", "aux", "de", "des", "du", "d", "en", "et", "l", "la", "le", "les", "of", "the", "and",
    "in", "at", "for", "chez", "senior", "junior", "principal", "lead", "chief", "head", "assistant",
    "assistante", "adjoint", "adjointe", "etudiant", "etudiante", "student", "eleve", "stagiaire",
    "intern", "apprenti", "apprentie", "responsable", "charge", "chargee", "manager", "directeur",
    "directrice", "chef", "associe", "associee", "consultant", "consultante", "licence", "master",
    "l1", "l2", "l3", "m1", "m2", "phd", "doctorant", "doctorante", "freelance", "independant",
    "independante", "1", "2", "3", "ii", "iii"};
  for (const auto& w : s.job_title) {
    if (w.size() >= 3 && std::find(k_generic.begin(), k_generic.end(), w) == k_generic.end()) {
      s.job_keywords.push_back(w);
    }
  }
  if (!p.job.title.empty()) {
    s.occupations = rules.occupations.resolve(p.job.title);
  }
  s.employer = util::words(p.job.employer);
  s.employer_slug = slug_of(p.job.employer);
  s.employer_forms = profile::employer_forms(p.job.employer);
  for (const auto& form : s.employer_forms) {
    // Domain names drop the small words: "fournil-zola.fr" for "Le Fournil de Zola".
    static const std::vector<std::string> k_small{"le", "la", "les", "l", "de", "du", "des", "d",
                                                  "the", "of", "and", "et", "a", "an"};
    std::string slug;
    for (const auto& w : form) {
      if (std::find(k_small.begin(), k_small.end(), w) == k_small.end()) {
        slug += w;
      }
    }
    if (slug.size() >= 6 && std::find(s.employer_slugs.begin(), s.employer_slugs.end(), slug)
                              == s.employer_slugs.end()) {
      s.employer_slugs.push_back(slug);
    }
    std::string joined;
    for (const auto& w : form) {
      joined += w;
    }
    if (joined.size() >= 6 && std::find(s.employer_slugs.begin(), s.employer_slugs.end(), joined)
                                == s.employer_slugs.end()) {
      s.employer_slugs.push_back(joined);
    }
  }
  for (const char* w : {"fondateur", "fondatrice", "founder", "cofondateur", "cofondatrice",
                        "owner", "proprietaire", "gerant", "gerante", "independant",
                        "independante", "freelance", "self", "auto"}) {
    if (std::find(s.job_title.begin(), s.job_title.end(), w) != s.job_title.end()) {
      s.owns_employer = true;
    }
  }
  for (const auto& u : p.not_me) {
    if (auto n = traces::normalise_url(u)) {
      s.not_me.push_back(*n);
    }
  }
  for (const auto& u : p.is_me) {
    if (auto n = traces::normalise_url(u)) {
      s.is_me.push_back(*n);
    }
  }
  return s;
}

bool Subject::is_pseudonym_slug(const std::string& slug) const
{
  return std::find(pseudonym_slugs.begin(), pseudonym_slugs.end(), slug) != pseudonym_slugs.end();
}

bool Subject::owns_slug(const std::string& slug) const
{
  if (slug.empty()) {
    return false;
  }
  if (is_pseudonym_slug(slug)) {
    return true;
  }
  for (const auto& name : name_slugs) {
    // "helenevasseur", "helenevasseur38", "helenevasseur3a1b2c45" (LinkedIn suffixes).
    if (slug.rfind(name, 0) == 0) {
      return true;
    }
  }
  return false;
}

} // namespace empreinte::classify
