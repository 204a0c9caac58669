// Exposure is judged only for traces about the person: a namesake's phone is not theirs, nor
// is a colleague's e-mail on the same team page or another victim's line in a leak.
#include "classify/exposure.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <set>
#include <utf8proc.h>

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

// True when folded `text` holds one of `cues`.
bool says_any(std::string_view text, const std::vector<std::string>& cues)
{
  return std::any_of(cues.begin(), cues.end(), [&](const std::string& cue) {
    return text.find(cue) != std::string_view::npos;
  });
}

// Words that, just before an address, say it is a person's home ("Gérance : Mme X, demeurant
// 41 rue ...", "director, residing at 12 High St").
const std::vector<std::string>& home_cues()
{
  static const std::vector<std::string> k_cues{
    "demeurant", "demeurante", "domicilie", "domiciliee", "domicilies", "domiciliees",
    "residant", "residante", "residing at", "resides at", "residing in", "home address",
    "lives at", "private address", "adresse personnelle", "adresse privee"};
  return k_cues;
}

// In a company record, an address item whose quote says it is a home (the words before the
// datum in the quote).
bool introduced_as_home(const traces::SensitiveItem& item)
{
  const std::size_t at = item.quote.find(item.text);
  return says_any(util::fold(item.quote.substr(0, at)), home_cues());
}

// "Registered Business Address: ...", "Adresse professionnelle : ...": an address labelled as
// a workplace is where the person works, not where they live. Only a label says so: a small
// business is often run from home ("live above the workshop"), so being near the employer's
// name proves nothing (measured on the held-out training personas, docs/benchmarks.md).
bool introduced_as_business(std::string_view folded, std::size_t at)
{
  const std::size_t near_from = at > 40 ? at - 40 : 0;
  if (says_any(folded.substr(near_from, at - near_from), home_cues())) {
    return false;
  }
  // A label covers the whole address after it: street, then town and postcode.
  const std::size_t from = at > 100 ? at - 100 : 0;
  static const std::vector<std::string> k_business{
    "business address", "office address", "work address", "adresse professionnelle",
    "adresse du cabinet", "adresse de l'entreprise"};
  return says_any(folded.substr(from, at - from), k_business);
}

// Is the whole page about the person? Their own page, or a page whose title, main heading or
// structured data names them (a profile, a listing, an article about them).
bool page_is_about_subject(const Subject& s, const TraceText& t, const KindVerdict& kind)
{
  if (kind.own_site || kind.authored_by_subject) {
    return true;
  }
  auto names = [&](const std::string& text) {
    const auto* form = profile::find_name(s.names, util::words(text));
    return form && form->strength == profile::NameStrength::full;
  };
  // The page's own title when it was read: a search engine's title may be its own summary.
  const std::string& title = t.page.empty() ? t.title.original() : t.page.title;
  if (names(title) || (t.page.signals && names(t.page.signals->ld_profile_name))) {
    return true;
  }
  if (t.page.signals && !t.page.signals->headings.empty() && names(t.page.signals->headings.front())) {
    return true;
  }
  return false;
}

// An upper-case or title-case letter.
bool is_capital(utf8proc_int32_t cp)
{
  const auto category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

// "Paul Durand, ...", "DURAND Paul": a block that opens with two capitalised words is the next
// entry of a list (a team page, a leak, results), not more about the person before it.
bool starts_like_a_name(const std::string& original)
{
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(original.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(original.size());
  int capitalised = 0;
  bool at_word_start = true;
  while (left > 0 && capitalised < 2) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      return false;
    }
    const auto category = utf8proc_category(cp);
    const bool letter = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LL
                        || category == UTF8PROC_CATEGORY_LT || category == UTF8PROC_CATEGORY_LO;
    if (at_word_start && letter) {
      if (!is_capital(cp)) {
        return false;
      }
      ++capitalised;
      at_word_start = false;
    } else if (cp == ' ' || cp == ',') {
      at_word_start = true;
    } else if (!letter && cp != '-' && cp != '\'' && cp != '.') {
      return false;
    }
    p += n;
    left -= n;
  }
  return capitalised == 2;
}

// Blocks of the page that speak of the person: each block naming them (or showing their
// pseudonym, e-mail or phone) and the two after it (a name, then its details).
std::vector<bool> blocks_about_subject(const Subject& s, const TraceText& t)
{
  const PageView& page = t.page;
  std::vector<bool> keep(page.blocks.size(), false);
  // The blocks after a mention carry its details until the next entry of a list begins.
  auto mark = [&](std::uint32_t block) {
    keep[block] = true;
    for (std::uint32_t b = block + 1; b < keep.size() && b <= block + 2; ++b) {
      if (starts_like_a_name(page.blocks[b].original())) {
        break;
      }
      keep[b] = true;
    }
  };
  for (const auto& hit : profile::find_names(s.names, page.words)) {
    mark(page.refs[hit.pos].block);
  }
  for (std::size_t i = 0; i < page.words.size(); ++i) {
    for (const auto& p : s.pseudonyms) {
      if (!p.empty() && page.words[i] == p.front() && i + p.size() <= page.words.size()
          && std::equal(p.begin(), p.end(), page.words.begin() + static_cast<std::ptrdiff_t>(i))) {
        mark(page.refs[i].block);
      }
    }
  }
  for (std::uint32_t b = 0; b < page.blocks.size(); ++b) {
    const std::string lower = util::ascii_lower(page.blocks[b].original());
    if (std::any_of(s.emails.begin(), s.emails.end(), [&](const std::string& e) {
          return lower.find(e) != std::string::npos;
        })) {
      mark(b);
    }
  }
  return keep;
}

// One word in capitals, as surnames are written in registers and lists.
bool is_capitalised_name(const std::string& original)
{
  if (original.size() < 2 || original.find(' ') != std::string::npos) {
    return false;
  }
  bool upper = false;
  for (char c : original) {
    if (c >= 'a' && c <= 'z') {
      return false;
    }
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  return upper;
}

bool starts_upper(const std::string& original)
{
  if (original.empty()) {
    return false;
  }
  utf8proc_int32_t cp = 0;
  (void)utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(original.data()),
                         static_cast<utf8proc_ssize_t>(original.size()),
                         &cp);
  return is_capital(cp);
}

// Is the word at `span` next to a word written with a capital, as a surname in capitals sits
// beside a first name? "DUI - alcohol" or "my ADHD diagnosis" are acronyms, not names.
bool beside_a_capitalised_word(const util::FoldedText& text, const SensitiveRules::Span& span)
{
  const auto words = util::FoldedText::words_of(text.folded());
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].begin != span.begin) {
      continue;
    }
    const bool before = i > 0 && starts_upper(text.original_of(words[i - 1].begin, words[i - 1].end));
    const bool after =
      i + 1 < words.size() && starts_upper(text.original_of(words[i + 1].begin, words[i + 1].end));
    return before || after;
  }
  return false;
}

struct Collected
{
  std::vector<traces::SensitiveItem> items;
  std::set<std::pair<std::string, std::string>> seen; // category, folded text

  void add(const Rules& rules, const util::FoldedText& text, const std::string& where)
  {
    for (const auto& span : rules.sensitive.detect_spans(text.folded())) {
      if (span.category == "address" && introduced_as_business(text.folded(), span.begin)) {
        continue;
      }
      const std::string_view datum =
        std::string_view(text.folded()).substr(span.begin, span.end - span.begin);
      const std::string key = span.term ? util::word_key(datum) : util::squeeze_spaces(datum);
      if (!seen.insert({span.category, key}).second) {
        continue;
      }
      std::string original = text.original_of(span.begin, span.end);
      if (span.term && is_capitalised_name(original) && beside_a_capitalised_word(text, span)) {
        continue; // "Marcel GAY", "MESSE Jean": names are written in capitals in lists and registers
      }
      traces::SensitiveItem item;
      item.category = span.category;
      item.text = std::move(original);
      item.where = where;
      item.quote = text.quote(span.begin, span.end, 32);
      items.push_back(std::move(item));
    }
  }
};

// An e-mail address whose local part carries the person's surname or pseudonym
// ("d.ashworth@...", "lysnyx.pro@...").
bool email_names_subject(const Subject& s, const std::string& email)
{
  const std::string local = slug_of(email.substr(0, email.find('@')));
  for (const auto& words : s.surnames) {
    std::string surname;
    for (const auto& w : words) {
      surname += w;
    }
    if (surname.size() >= 3 && local.find(surname) != std::string::npos) {
      return true;
    }
  }
  return std::any_of(s.pseudonym_slugs.begin(), s.pseudonym_slugs.end(), [&](const std::string& p) {
    return p.size() >= 3 && local.find(p) != std::string::npos;
  });
}

// An address at the domain of one of the person's own addresses: a colleague's, on a team page.
bool same_domain_as_own(const Subject& s, const std::string& email)
{
  const std::string domain = util::ascii_lower(email.substr(email.find('@') + 1));
  return std::any_of(s.emails.begin(), s.emails.end(), [&](const std::string& own) {
    return own.substr(own.find('@') + 1) == domain;
  });
}

// Categories of pages that list several people.
bool lists_people(const std::string& c)
{
  return c == "leak" || c == "employer" || c == "organisation" || c == "sports_results";
}

// A page that lists several people (a leak, a team page, results; or a page showing two or more
// e-mail addresses that are neither in the profile nor carry the person's name, or one at the
// domain of the person's own address): there an e-mail or phone that is not in the profile
// belongs to someone else, unless the address carries the person's name. It never counts as
// their exposure, and so never reaches their letters (docs/remedies.md).
void drop_other_peoples_contacts(const Subject& s, traces::Trace& trace)
{
  std::size_t others = 0;
  bool colleague = false;
  for (const auto& item : trace.sensitive) {
    if (item.category == "email" && !item.known && !email_names_subject(s, item.text)) {
      ++others;
      colleague = colleague || same_domain_as_own(s, item.text);
    }
  }
  const std::string& c = trace.category;
  const bool listing = lists_people(c) || others > 1 || colleague;
  if (!listing) {
    return;
  }
  trace.sensitive.erase(
      std::remove_if(trace.sensitive.begin(),
                     trace.sensitive.end(),
                     [&](const traces::SensitiveItem& item) {
                       if (item.known || (item.category != "email" && item.category != "phone")) {
                         return false;
                       }
                       return item.category == "phone" || !email_names_subject(s, item.text);
                     }),
      trace.sensitive.end());
}

} // namespace

void judge_exposure(const Subject& s,
                    const Rules& rules,
                    const TraceText& t,
                    const IdentityMatch& identity,
                    const KindVerdict& kind,
                    traces::Trace& trace)
{
  trace.sensitive.clear();
  trace.pseudonym_link = false;
  trace.job_link = false;
  if (trace.about_subject < 0.5) {
    return;
  }
  Collected found;
  found.add(rules, t.title, "title");
  for (const auto& snippet : t.snippets) {
    found.add(rules, snippet, "snippet");
  }
  if (!t.page.empty()) {
    // A page that lists people (a leak, a team or club page, results) may be titled with the
    // person's name and still hold other people's addresses and birth dates: there only the
    // blocks that speak of the person count.
    const bool whole = page_is_about_subject(s, t, kind) && !lists_people(trace.category);
    const std::vector<bool> near = whole ? std::vector<bool>() : blocks_about_subject(s, t);
    for (std::uint32_t b = 0; b < t.page.blocks.size(); ++b) {
      if (whole || near[b]) {
        found.add(rules, t.page.blocks[b], t.page.has_description && b == 0 ? "description" : "page");
      }
    }
  }
  // In category order, as the rules list them.
  for (const auto& category : SensitiveRules::categories()) {
    for (auto& item : found.items) {
      if (item.category == category) {
        trace.sensitive.push_back(std::move(item));
      }
    }
  }
  if (reads_as_company_record(t)) {
    // A company's registered office is not a home address (a sole trader's business is), but
    // a manager's address in a legal notice ("demeurant 41 rue ...") is.
    trace.sensitive.erase(std::remove_if(trace.sensitive.begin(),
                                         trace.sensitive.end(),
                                         [](const auto& item) {
                                           return item.category == "address"
                                                  && !introduced_as_home(item);
                                         }),
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
  drop_other_peoples_contacts(s, trace);
  const bool named = identity.name != nullptr;
  // "@clairedmt_archi Madame Dumontet": a surname beside the pseudonym ties them too.
  trace.pseudonym_link = (named || identity.surname_only) && identity.pseudonym;
  // A surname beside the pseudonym ties the job to the person as surely as the full name.
  trace.job_link =
    (named || (identity.surname_only && identity.pseudonym)) && (identity.job || identity.employer);
}

} // namespace empreinte::classify
