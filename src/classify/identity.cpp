// A name alone says little: namesakes share it. The person's own details (pseudonym, e-mail,
// phone, employer, job) confirm; another city, job or age stated for the name, or a death
// notice, argue against — but only when nothing of the person's own confirms.
//
// A page that was read is judged on its whole text, but what describes *someone* is read
// only near the name: a news page names many places and trades, and only those beside the
// person's name say who that person is.
#include "classify/identity.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <ctime>
#include <re2/re2.h>

namespace empreinte::classify {

namespace {

constexpr double k_full_name = 0.6;
constexpr double k_initial_name = 0.35;
constexpr double k_surname_only = 0.15;
constexpr double k_nothing = 0.05;
constexpr double k_strong = 0.2;   // per own detail: pseudonym, e-mail, phone, job, employer
constexpr double k_weak = 0.1;     // location, a place in the same area, the right age
constexpr double k_own_data_floor = 0.8;

// The first run of digits long enough to be a phone number whose last 9 digits are one of the
// person's; returns its byte range in `text`, or npos.
std::pair<std::size_t, std::size_t> find_phone_tail(const std::string& text,
                                                    const std::vector<std::string>& tails)
{
  std::string run;
  std::size_t start = std::string::npos;
  std::size_t last = 0;
  auto check = [&] {
    return run.size() >= 9
           && std::find(tails.begin(), tails.end(), run.substr(run.size() - 9)) != tails.end();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (run.empty()) {
        start = i;
      }
      run += c;
      last = i + 1;
    } else if (util::is_phone_separator(c) && !run.empty()) {
      continue;
    } else {
      if (check()) {
        return {start, last};
      }
      run.clear();
    }
  }
  if (check()) {
    return {start, last};
  }
  return {std::string::npos, 0};
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
bool is_status(const Occupation& o)
{
  static const std::vector<std::string> k_statuses{
    "founder", "entrepreneur", "freelancer", "intern", "apprentice", "jobseeker", "student",
    "retired", "volunteer", "owner", "business-owner", "self-employed", "manager", "ceo", "director"};
  return std::find(k_statuses.begin(), k_statuses.end(), o.id) != k_statuses.end()
         || o.group == "student" || o.group == "retired" || o.group == "management"
         || o.group == "other";
}

bool contradicts(const Occupation& seen, const std::vector<const Occupation*>& mine)
{
  if (is_status(seen)) {
    return false;
  }
  return std::none_of(mine.begin(), mine.end(), [&](const Occupation* o) {
    return o->group == seen.group;
  });
}

// "secrétaire du club", "treasurer of the hiking society": a trade word followed by an
// association is an unpaid role there, not the bearer's job.
bool names_an_association_role(const std::vector<std::string>& words, std::size_t at)
{
  static const std::vector<std::string> k_links{"du", "de", "des", "d", "la", "l", "of", "the",
                                                "for", "a", "an", "un", "une", "notre", "our"};
  static const std::vector<std::string> k_bodies{
    "club", "association", "asso", "amicale", "comite", "bureau", "conseil", "section",
    "federation", "societe", "cercle", "collectif", "committee", "board", "society", "league",
    "council", "team", "choir", "chorale", "parish", "paroisse", "ape", "pta", "fcpe"};
  auto is = [](const std::vector<std::string>& list, const std::string& w) {
    return std::find(list.begin(), list.end(), w) != list.end();
  };
  for (std::size_t i = at + 1; i < words.size() && i <= at + 4; ++i) {
    if (is(k_bodies, words[i])) {
      return true;
    }
    if (!is(k_links, words[i])) {
      return false;
    }
  }
  return false;
}

// Years of birth stated for someone in folded text: "42 ans", "aged 29", "29-year-old",
// "born 1981", "nee en 1981", "(1981)"... Ages are turned into years with `this_year`.
std::vector<int> stated_birth_years(const std::string& folded, int this_year)
{
  // "Martine, 67 ans", "(42 ans)", "agee de 42 ans" — not "depuis 15 ans" (for 15 years).
  static const re2::RE2 k_age(
    R"((?:^|[,(]|\bagee? de|\bage de)\s*([1-9][0-9])\s*ans\b|\b([1-9][0-9])[- ]years?[- ]old\b)");
  static const re2::RE2 k_aged(R"(\b(?:aged|age:|age :)\s*([1-9][0-9])\b)");
  static const re2::RE2 k_born(
    R"(\b(?:born(?: in)?|nee? (?:en|le \d{1,2} \w+)|ne\(e\) en|year of birth:?|annee de naissance:?|b\.)\s*((?:19|20)\d\d)\b)");
  std::vector<int> out;
  re2::StringPiece in(folded);
  std::string number;
  std::string english;
  while (RE2::FindAndConsume(&in, k_age, &number, &english)) {
    out.push_back(this_year - std::stoi(number.empty() ? english : number));
  }
  in = re2::StringPiece(folded);
  while (RE2::FindAndConsume(&in, k_aged, &number)) {
    out.push_back(this_year - std::stoi(number));
  }
  in = re2::StringPiece(folded);
  while (RE2::FindAndConsume(&in, k_born, &number)) {
    out.push_back(std::stoi(number));
  }
  return out;
}

int current_year()
{
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

// Word ranges [begin, end) of the page around each place the person is named.
std::vector<std::pair<std::size_t, std::size_t>> windows_around(
  const std::vector<profile::NameHit>& hits, std::size_t size, std::size_t k_window)
{
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& h : hits) {
    const std::size_t begin = h.pos > k_window ? h.pos - k_window : 0;
    const std::size_t end = std::min(size, h.pos + h.len + k_window);
    if (!out.empty() && begin <= out.back().second) {
      out.back().second = std::max(out.back().second, end);
    } else {
      out.emplace_back(begin, end);
    }
  }
  return out;
}

// Index of `needle` (a word sequence) in `haystack` from `from`, or npos.
std::size_t find_words(const std::vector<std::string>& haystack,
                       const std::vector<std::string>& needle,
                       std::size_t from = 0)
{
  if (needle.empty() || needle.size() > haystack.size()) {
    return std::string::npos;
  }
  for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
    if (std::equal(needle.begin(), needle.end(), haystack.begin() + static_cast<std::ptrdiff_t>(i))) {
      return i;
    }
  }
  return std::string::npos;
}

util::Message evidence(std::string key, std::vector<std::string> args = {})
{
  return util::Message{std::move(key), std::move(args), {}};
}

// Evidence seen in the page, words [first, last].
util::Message on_page(const TraceText& t, util::Message m, std::size_t first, std::size_t last)
{
  m.where = t.page.where(first);
  m.quote = t.page.quote(first, last);
  return m;
}

} // namespace

std::vector<std::string> window_words(const TraceText& t, const Subject& s)
{
  std::vector<std::string> out;
  if (t.page.empty()) {
    return out;
  }
  for (const auto& [begin, end] : windows_around(profile::find_names(s.names, t.page.words),
                                                 t.page.words.size(), s.tuning.name_window)) {
    out.insert(out.end(), t.page.words.begin() + static_cast<std::ptrdiff_t>(begin),
               t.page.words.begin() + static_cast<std::ptrdiff_t>(end));
    out.emplace_back("\x1f"); // no phrase matches across two windows
  }
  return out;
}

namespace {

IdentityMatch judge_unconfirmed(const Subject& s,
                                const Rules& rules,
                                const traces::Trace& trace,
                                const TraceText& t,
                                std::vector<util::Message>& out);

} // namespace

IdentityMatch judge_identity(const Subject& s,
                             const Rules& rules,
                             const traces::Trace& trace,
                             const TraceText& t,
                             std::vector<util::Message>& out)
{
  // Confirmed as the person's (is_me): certain; the page is still read for what it shows
  // (pseudonym, job, own data), which the links and exposure use. The match points into
  // `s.names`, so it is judged on `s` itself, never on a copy that dies here.
  if (std::find(s.is_me.begin(), s.is_me.end(), trace.url) != s.is_me.end()) {
    out.push_back(evidence("identity.is_me"));
    IdentityMatch m = judge_unconfirmed(s, rules, trace, t, out);
    m.about = 1.0;
    return m;
  }
  return judge_unconfirmed(s, rules, trace, t, out);
}

namespace {

IdentityMatch judge_unconfirmed(const Subject& s,
                                const Rules& rules,
                                const traces::Trace& trace,
                                const TraceText& t,
                                std::vector<util::Message>& out)
{
  IdentityMatch m;
  const double k_against = s.tuning.against; // per contrary detail, when nothing of yours confirms
  if (std::find(s.not_me.begin(), s.not_me.end(), trace.url) != s.not_me.end()) {
    out.push_back(evidence("identity.not_me"));
    return m;
  }
  const PageView& page = t.page;
  std::vector<std::string> all_words = t.text_words;
  all_words.insert(all_words.end(), t.url_words.begin(), t.url_words.end());

  // The name: from the title, snippets and address first (what a searcher sees), else the page.
  m.name = profile::find_name(s.names, all_words);
  util::Message name_evidence;
  const auto page_hits = page.empty() ? std::vector<profile::NameHit>{}
                                      : profile::find_names(s.names, page.words);
  if (!m.name || m.name->strength != profile::NameStrength::full) {
    const profile::NameHit* best = nullptr;
    for (const auto& h : page_hits) {
      if (!best || h.form->strength < best->form->strength) {
        best = &h;
      }
    }
    if (best && (!m.name || best->form->strength < m.name->strength)) {
      m.name = best->form;
      name_evidence = on_page(
        t,
        evidence(m.name->strength == profile::NameStrength::full ? "identity.full_name"
                                                                 : "identity.initial_name",
                 {m.name->display}),
        best->pos, best->pos + best->len - 1);
    }
  }
  m.in_page_only = !page_hits.empty() && !profile::find_name(s.names, all_words);
  double score = k_nothing;
  if (m.name && m.name->strength == profile::NameStrength::full) {
    score = k_full_name;
    out.push_back(name_evidence.key.empty() ? evidence("identity.full_name", {m.name->display})
                                            : name_evidence);
  } else if (m.name) {
    score = k_initial_name;
    out.push_back(name_evidence.key.empty() ? evidence("identity.initial_name", {m.name->display})
                                            : name_evidence);
  } else if (std::any_of(s.surnames.begin(), s.surnames.end(), [&](const auto& w) {
               return util::contains_words(all_words, w)
                      || (!page.empty() && util::contains_words(page.words, w));
             })) {
    m.surname_only = true;
    score = k_surname_only;
    out.push_back(evidence("identity.surname_only"));
  } else {
    out.push_back(evidence(page.empty() ? "identity.no_name" : "identity.no_name_page"));
  }

  // The person's own details, anywhere: nobody else has their pseudonym, e-mail or phone.
  util::Message pseudonym_evidence = evidence("identity.pseudonym");
  for (std::size_t i = 0; i < s.pseudonyms.size(); ++i) {
    const auto& slug = s.pseudonym_slugs.size() > i ? s.pseudonym_slugs[i] : std::string();
    if (util::contains_words(all_words, s.pseudonyms[i])
        || std::find(t.host_labels.begin(), t.host_labels.end(), slug) != t.host_labels.end()
        || std::find(t.path_slugs.begin(), t.path_slugs.end(), slug) != t.path_slugs.end()) {
      m.pseudonym = true;
    } else if (const auto at = find_words(page.words, s.pseudonyms[i]); at != std::string::npos) {
      m.pseudonym = true;
      pseudonym_evidence = on_page(t, pseudonym_evidence, at, at + s.pseudonyms[i].size() - 1);
    }
  }
  const std::string lower = util::ascii_lower(t.cue.text);
  util::Message email_evidence = evidence("identity.email");
  for (const auto& e : s.emails) {
    if (lower.find(e) != std::string::npos) {
      m.email = true;
    } else if (const auto at = page.lower_text.find(e); at != std::string::npos && !m.email) {
      m.email = true;
      email_evidence.where = "page";
      email_evidence.quote = e;
    }
  }
  util::Message phone_evidence = evidence("identity.phone");
  if (!s.phone_tails.empty()) {
    if (find_phone_tail(t.cue.text, s.phone_tails).first != std::string::npos) {
      m.phone = true;
    } else if (const auto [b, e] = find_phone_tail(page.lower_text, s.phone_tails);
               b != std::string::npos) {
      m.phone = true;
      phone_evidence.where = "page";
      phone_evidence.quote = page.lower_text.substr(b, e - b);
    }
  }

  // What describes the bearer of the name: the title and snippets, and the page near the name.
  std::vector<std::string> near = window_words(t, s);
  std::vector<std::string> described = t.text_words;
  described.emplace_back("\x1f");
  described.insert(described.end(), near.begin(), near.end());

  auto employer_in = [&](const std::vector<std::string>& words) {
    return std::any_of(s.employer_forms.begin(), s.employer_forms.end(),
                       [&](const auto& form) { return util::contains_words(words, form); })
           || std::any_of(s.employer_slugs.begin(), s.employer_slugs.end(), [&](const auto& slug) {
                return std::find(words.begin(), words.end(), slug) != words.end();
              });
  };
  m.employer = employer_in(all_words) || (!near.empty() && employer_in(near))
               || std::any_of(t.host_labels.begin(), t.host_labels.end(), [&](const auto& l) {
                    return std::any_of(s.employer_slugs.begin(), s.employer_slugs.end(),
                                       [&](const auto& slug) {
                                         return l.find(slug) != std::string::npos;
                                       });
                  });
  auto job_in = [&](const std::vector<std::string>& words) {
    return util::contains_words(words, s.job_title)
           || (!s.job_keywords.empty()
               && std::all_of(s.job_keywords.begin(), s.job_keywords.end(), [&](const auto& w) {
                    return std::find(words.begin(), words.end(), w) != words.end();
                  }));
  };
  m.job = job_in(t.text_words) || (!near.empty() && job_in(near));

  // Places and occupations stated for the name, compared with the person's. A profile that
  // gives no location (or no job) cannot be contradicted by one.
  const bool knows_place = s.place != nullptr || !s.location.empty();
  bool other_place = false;
  std::string other_place_name;
  bool same_place = false; // the person's own town, not only its region
  for (const Place* p : rules.places.find(described)) {
    if (s.place && Places::same_area(*p, *s.place)) {
      m.location = true;
      same_place = same_place || (p->name == s.place->name && p->country == s.place->country);
    } else if (!other_place && knows_place) {
      other_place = true;
      other_place_name = p->name;
    }
  }
  if (util::contains_words(described, s.location)) {
    m.location = true;
    same_place = true;
  }
  bool other_job = false;
  std::string other_job_name;
  for (const auto& [o, pos] : rules.occupations.find(described)) {
    // A surname that is also a trade (Boulanger, Baker) is the person, not their job.
    const std::size_t at = pos; // clang 14 cannot capture a structured binding
    if (std::any_of(s.surnames.begin(), s.surnames.end(), [&](const auto& w) {
          return !w.empty() && described[at] == w.front();
        })) {
      continue;
    }
    // A status shared by millions ("retraitée", which folds like "la retraite"; "student")
    // confirms no trade.
    if (std::find(s.occupations.begin(), s.occupations.end(), o) != s.occupations.end()
        && !is_status(*o)) {
      m.job = true;
    } else if (!other_job && !s.occupations.empty() && contradicts(*o, s.occupations)
               && (pos < 60 || pos > t.text_words.size())
               && !names_an_association_role(described, pos)) {
      other_job = true;
      other_job_name = o->id;
    }
  }
  // Age: only a profile with a birth year can be told from a namesake of another age.
  bool other_age = false;
  bool right_age = false;
  if (s.profile.birth_year != 0) {
    std::string text = t.cue.text;
    if (!page.empty()) {
      for (const auto& [begin, end] : windows_around(page_hits, page.words.size(), s.tuning.name_window)) {
        text += "\n" + page.folded_range(begin, end - 1);
      }
    }
    for (int year : stated_birth_years(text, current_year())) {
      // An age is a year either side of the birth year; a page may be a few years old.
      if (year >= s.profile.birth_year - 1 && year <= s.profile.birth_year + 1) {
        right_age = true;
      } else if (year < s.profile.birth_year - 2 || year > s.profile.birth_year + 6) {
        other_age = true;
      }
    }
  }

  int strong = 0;
  auto confirm = [&](bool found, util::Message why) {
    if (found) {
      ++strong;
      out.push_back(std::move(why));
    }
  };
  confirm(m.pseudonym, pseudonym_evidence);
  confirm(m.email, email_evidence);
  confirm(m.phone, phone_evidence);
  // Where the job and employer were seen, when only the page says it.
  auto seen_on_page = [&](util::Message why, const std::vector<std::vector<std::string>>& forms,
                          bool in_snippets) {
    if (in_snippets || page.empty()) {
      return why;
    }
    for (const auto& form : forms) {
      if (const auto at = find_words(page.words, form); at != std::string::npos) {
        return on_page(t, why, at, at + form.size() - 1);
      }
    }
    return why;
  };
  confirm(m.job, seen_on_page(evidence("identity.job"), {s.job_title, s.job_keywords},
                              job_in(t.text_words)));
  confirm(m.employer, seen_on_page(evidence("identity.employer"), s.employer_forms,
                                   employer_in(all_words)));
  score += k_strong * strong;
  if (m.location) {
    // A region holds many namesakes: a town in it says less than the person's own town.
    score += same_place ? k_weak : k_weak / 2;
    out.push_back(evidence(same_place ? "identity.location" : "identity.region"));
  }
  if (right_age && !other_age) {
    score += k_weak;
    out.push_back(evidence("identity.age"));
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
      out.push_back(evidence("identity.other_place", {other_place_name}));
    }
    if (other_job) {
      score -= k_against;
      out.push_back(evidence("identity.other_job", {other_job_name}));
    }
    if (other_age && !right_age) {
      score -= k_against;
      out.push_back(evidence("identity.other_age"));
    }
    if (m.name && reads_as_deceased(t.cue.title)) {
      score -= 2 * k_against;
      out.push_back(evidence("identity.deceased"));
    }
  }
  m.about = std::clamp(score, 0.0, 0.98);
  return m;
}

} // namespace

} // namespace empreinte::classify
