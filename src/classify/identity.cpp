// A name alone says little: namesakes share it. The person's own details (pseudonym, e-mail,
// phone, employer, job) confirm; another city or job stated for the name, or a death notice,
// argue against — but only when nothing of the person's own confirms.
#include "classify/identity.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <re2/re2.h>

namespace empreinte::classify {

namespace {

constexpr double k_full_name = 0.6;
constexpr double k_initial_name = 0.35;
constexpr double k_surname_only = 0.15;
constexpr double k_nothing = 0.05;
constexpr double k_strong = 0.2;   // per own detail: pseudonym, e-mail, phone, job, employer
constexpr double k_weak = 0.1;     // location or a place in the same area
constexpr double k_against = 0.3; // per contrary detail, when nothing of the person's confirms
constexpr double k_own_data_floor = 0.8;

bool contains_digits_tail(const std::string& text, const std::vector<std::string>& tails)
{
  // Runs of digits with the separators phone numbers are written with.
  std::string run;
  auto check = [&] {
    return run.size() >= 9
           && std::find(tails.begin(), tails.end(), run.substr(run.size() - 9)) != tails.end();
  };
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      run += c;
    } else if (util::is_phone_separator(c)) {
      continue;
    } else {
      if (check()) {
        return true;
      }
      run.clear();
    }
  }
  return check();
}

// A death notice or lifespan for the name in the title: the person auditing is alive.
bool reads_as_deceased(const std::string& folded_title)
{
  static const re2::RE2 k_death(
    R"((?:avis de deces|deces de|obseques|necrologie|obituary|in memoriam|in loving memory|passed away|\(\s*(?:1[89]|20)\d\d\s*[-\x{2013}]\s*(?:19|20)\d\d\s*\)))");
  return re2::RE2::PartialMatch(folded_title, k_death);
}

// Another occupation argues against only when it is a different trade: not a status
// (founder, student, intern...), not a side role ("other": union rep, volunteer...) and not a
// neighbour in the same group (doctor, cardiologist).
bool contradicts(const Occupation& seen, const std::vector<const Occupation*> mine)
{
  static const std::vector<std::string> k_statuses{
    "founder", "entrepreneur", "freelancer", "intern", "apprentice", "jobseeker", "student",
    "retired", "volunteer", "owner", "business-owner", "self-employed", "manager", "ceo", "director"};
  if (std::find(k_statuses.begin(), k_statuses.end(), seen.id) != k_statuses.end()
      || seen.group == "student" || seen.group == "retired" || seen.group == "management"
      || seen.group == "other") {
    return false;
  }
  return std::none_of(mine.begin(), mine.end(), [&](const Occupation* o) {
    return o->group == seen.group;
  });
}

} // namespace

IdentityMatch judge_identity(const Subject& s,
                             const Rules& rules,
                             const traces::Trace& trace,
                             const TraceText& t,
                             std::vector<util::Message>& evidence)
{
  IdentityMatch m;
  // Confirmed as the person's (is_me): certain; the page is still read for what it shows
  // (pseudonym, job, own data), which the links and exposure use.
  if (std::find(s.is_me.begin(), s.is_me.end(), trace.url) != s.is_me.end()) {
    Subject unconfirmed = s;
    unconfirmed.is_me.clear();
    evidence.push_back({"identity.is_me", {}, {}});
    m = judge_identity(unconfirmed, rules, trace, t, evidence);
    m.about = 1.0;
    return m;
  }
  if (std::find(s.not_me.begin(), s.not_me.end(), trace.url) != s.not_me.end()) {
    evidence.push_back({"identity.not_me", {}, {}});
    return m;
  }
  std::vector<std::string> all_words = t.text_words;
  all_words.insert(all_words.end(), t.url_words.begin(), t.url_words.end());
  m.name = profile::find_name(s.names, all_words);
  double score = k_nothing;
  if (m.name && m.name->strength == profile::NameStrength::full) {
    score = k_full_name;
    evidence.push_back({"identity.full_name", {m.name->display}, {}});
  } else if (m.name) {
    score = k_initial_name;
    evidence.push_back({"identity.initial_name", {m.name->display}, {}});
  } else if (std::any_of(s.surnames.begin(), s.surnames.end(), [&](const auto& w) {
               return util::contains_words(all_words, w);
             })) {
    m.surname_only = true;
    score = k_surname_only;
    evidence.push_back({"identity.surname_only", {}, {}});
  } else {
    evidence.push_back({"identity.no_name", {}, {}});
  }

  for (std::size_t i = 0; i < s.pseudonyms.size(); ++i) {
    const auto& slug = s.pseudonym_slugs.size() > i ? s.pseudonym_slugs[i] : std::string();
    if (util::contains_words(all_words, s.pseudonyms[i])
        || std::find(t.host_labels.begin(), t.host_labels.end(), slug) != t.host_labels.end()
        || std::find(t.path_slugs.begin(), t.path_slugs.end(), slug) != t.path_slugs.end()) {
      m.pseudonym = true;
    }
  }
  const std::string lower = util::ascii_lower(t.cue.text);
  m.email = std::any_of(s.emails.begin(), s.emails.end(), [&](const std::string& e) {
    return lower.find(e) != std::string::npos;
  });
  m.phone = !s.phone_tails.empty() && contains_digits_tail(t.cue.text, s.phone_tails);
  m.employer = util::contains_words(all_words, s.employer)
               || (s.employer_slug.size() >= 6
                   && std::find(all_words.begin(), all_words.end(), s.employer_slug) != all_words.end())
               || (s.employer_slug.size() >= 6
                   && std::any_of(t.host_labels.begin(), t.host_labels.end(), [&](const auto& l) {
                        return l.find(s.employer_slug) != std::string::npos;
                      }));
  m.job = util::contains_words(t.text_words, s.job_title)
          || (!s.job_keywords.empty()
              && std::all_of(s.job_keywords.begin(), s.job_keywords.end(), [&](const auto& w) {
                   return std::find(t.text_words.begin(), t.text_words.end(), w) != t.text_words.end();
                 }));

  // Places and occupations stated in the text, compared with the person's.
  bool other_place = false;
  std::string other_place_name;
  for (const Place* p : rules.places.find(t.text_words)) {
    if (s.place && Places::same_area(*p, *s.place)) {
      m.location = true;
    } else if (!other_place) {
      other_place = true;
      other_place_name = p->name;
    }
  }
  if (util::contains_words(t.text_words, s.location)) {
    m.location = true;
  }
  bool other_job = false;
  std::string other_job_name;
  for (const auto& [o, pos] : rules.occupations.find(t.text_words)) {
    // A surname that is also a trade (Boulanger, Baker) is the person, not their job.
    const std::size_t at = pos; // clang 14 cannot capture a structured binding
    if (std::any_of(s.surnames.begin(), s.surnames.end(), [&](const auto& w) {
          return !w.empty() && t.text_words[at] == w.front();
        })) {
      continue;
    }
    if (std::find(s.occupations.begin(), s.occupations.end(), o) != s.occupations.end()) {
      m.job = true;
    } else if (!other_job && pos < 60 && contradicts(*o, s.occupations)) {
      other_job = true;
      other_job_name = o->id;
    }
  }

  int strong = 0;
  auto confirm = [&](bool found, const char* key) {
    if (found) {
      ++strong;
      evidence.push_back({key, {}, {}});
    }
  };
  confirm(m.pseudonym, "identity.pseudonym");
  confirm(m.email, "identity.email");
  confirm(m.phone, "identity.phone");
  confirm(m.job, "identity.job");
  confirm(m.employer, "identity.employer");
  score += k_strong * strong;
  if (m.location) {
    score += k_weak;
    evidence.push_back({"identity.location", {}, {}});
  }
  if (m.pseudonym && score < k_full_name + k_strong) {
    score = k_full_name + k_strong; // a pseudonym is as personal as a name
  }
  if ((m.email || m.phone) && score < k_own_data_floor) {
    score = k_own_data_floor;
  }
  if (strong == 0) {
    if (other_place && !m.location) {
      score -= k_against;
      evidence.push_back({"identity.other_place", {other_place_name}, {}});
    }
    if (other_job) {
      score -= k_against;
      evidence.push_back({"identity.other_job", {other_job_name}, {}});
    }
    if (m.name && reads_as_deceased(t.cue.title)) {
      score -= 2 * k_against;
      evidence.push_back({"identity.deceased", {}, {}});
    }
  }
  m.about = std::clamp(score, 0.0, 0.98);
  return m;
}

} // namespace empreinte::classify
