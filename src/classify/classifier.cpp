// A deliberately plain first pass: site lists, URL shape and the profile's own details. Every
// verdict carries the evidence a person can check.
#include "classify/classifier.hpp"

#include "traces/url_normalise.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace empreinte::classify {

using traces::Kind;
using traces::Trace;

namespace {

std::string slug(const std::string& text)
{
  std::string out;
  for (const auto& w : util::words(text)) {
    out += w;
  }
  return out;
}

std::string digits_only(std::string_view text)
{
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      out += c;
    }
  }
  return out;
}

std::string tail(const std::string& s, std::size_t n)
{
  return s.size() <= n ? s : s.substr(s.size() - n);
}

// Runs of digits allowing the separators phone numbers are written with.
std::vector<std::string> digit_runs(const std::string& text)
{
  std::vector<std::string> runs;
  std::string current;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      current += c;
    } else if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+'
               || c == '/') {
      continue;
    } else if (!current.empty()) {
      runs.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) {
    runs.push_back(std::move(current));
  }
  return runs;
}

bool contains_slug(const std::vector<std::string>& haystack, const std::string& needle)
{
  return needle.size() >= 4
         && std::any_of(haystack.begin(), haystack.end(), [&](const std::string& s) {
              return s.find(needle) != std::string::npos;
            });
}

// Host labels and path segments, folded and without separators: "helene.vasseur.38" ->
// "helenevasseur38".
std::vector<std::string> url_segments(const std::string& url, bool host_part)
{
  std::vector<std::string> out;
  const auto parts = util::parse_http_url(url);
  if (!parts) {
    return out;
  }
  const std::string& source = host_part ? parts->host : parts->path;
  const char separator = host_part ? '.' : '/';
  std::size_t pos = 0;
  while (pos <= source.size()) {
    auto end = source.find(separator, pos);
    if (end == std::string::npos) {
      end = source.size();
    }
    std::string s = slug(source.substr(pos, end - pos));
    if (!s.empty()) {
      out.push_back(std::move(s));
    }
    pos = end + 1;
  }
  return out;
}

} // namespace

Classifier::Classifier(const profile::Profile& p, const SiteRules& rules) : m_rules(rules)
{
  m_id.names = profile::name_forms(p);
  m_id.surnames.push_back(util::word_key(p.last_name));
  for (const auto& other : p.other_names) {
    const auto w = util::words(other);
    if (!w.empty()) {
      m_id.surnames.push_back(w.back());
    }
  }
  m_id.slugs.push_back(slug(p.first_name + p.last_name));
  for (const auto& ps : p.pseudonyms) {
    m_id.pseudonyms.push_back(util::words(ps));
    m_id.pseudonym_slugs.push_back(slug(ps));
    m_id.slugs.push_back(slug(ps));
  }
  for (const auto& e : p.emails) {
    m_id.emails.push_back(util::ascii_lower(util::squeeze_spaces(e)));
  }
  for (const auto& ph : p.phones) {
    if (const auto d = digits_only(ph); d.size() >= 9) {
      m_id.phone_tails.push_back(tail(d, 9));
    }
  }
  m_id.location = util::words(p.location);
  m_id.job_title = util::words(p.job.title);
  m_id.employer = util::words(p.job.employer);
  m_id.employer_slug = slug(p.job.employer);
  for (const auto& u : p.not_me) {
    if (auto n = traces::normalise_url(u)) {
      m_id.not_me.push_back(*n);
    }
  }
}

void Classifier::classify_all(std::vector<Trace>& traces) const
{
  for (auto& t : traces) {
    classify(t);
  }
}

void Classifier::classify(Trace& trace) const
{
  trace.evidence.clear();
  std::string text = trace.title;
  for (const auto& s : trace.snippets) {
    text += " \n " + s;
  }
  judge_subject(trace, text);
  judge_kind(trace);
}

void Classifier::judge_subject(Trace& trace, const std::string& text) const
{
  if (std::find(m_id.not_me.begin(), m_id.not_me.end(), trace.url) != m_id.not_me.end()) {
    trace.about_subject = 0.0;
    trace.evidence.push_back("listed as someone else in the profile (not_me)");
    return;
  }
  const auto text_words = util::words(text + " " + trace.url);
  const std::string lower = util::ascii_lower(text);
  double score = 0.05;
  std::string basis = "the name does not appear in the title, snippet or address";
  if (const auto* form = profile::find_name(m_id.names, text_words)) {
    if (form->strength == profile::NameStrength::full) {
      score = 0.6;
      basis = "the full name appears (" + form->display + ")";
    } else {
      score = 0.35;
      basis = "an initial and the surname appear (" + form->display + ")";
    }
  } else if (std::any_of(m_id.surnames.begin(), m_id.surnames.end(), [&](const std::string& s) {
               return util::contains_words(text_words, util::words(s));
             })) {
    score = 0.2;
    basis = "only the surname appears";
  }
  trace.evidence.push_back(basis);

  int corroborations = 0;
  auto corroborate = [&](bool found, const std::string& what) {
    if (found) {
      ++corroborations;
      trace.evidence.push_back(what);
    }
  };
  bool pseudonym_found = false;
  for (std::size_t i = 0; i < m_id.pseudonyms.size(); ++i) {
    if (util::contains_words(text_words, m_id.pseudonyms[i])
        || contains_slug(url_segments(trace.url, false), m_id.pseudonym_slugs[i])
        || contains_slug(url_segments(trace.url, true), m_id.pseudonym_slugs[i])) {
      pseudonym_found = true;
    }
  }
  corroborate(pseudonym_found, "your pseudonym appears");
  const bool email_found =
    std::any_of(m_id.emails.begin(), m_id.emails.end(), [&](const std::string& e) {
      return lower.find(e) != std::string::npos;
    });
  corroborate(email_found, "your own e-mail address appears");
  const auto runs = digit_runs(text);
  const bool phone_found = std::any_of(m_id.phone_tails.begin(),
                          m_id.phone_tails.end(),
                          [&](const std::string& t) {
                            return std::any_of(runs.begin(), runs.end(), [&](const std::string& r) {
                              return r.size() >= 9 && tail(r, 9) == t;
                            });
                          });
  corroborate(phone_found, "your own phone number appears");
  corroborate(util::contains_words(text_words, m_id.location), "your location appears");
  corroborate(util::contains_words(text_words, m_id.job_title), "your job title appears");
  corroborate(util::contains_words(text_words, m_id.employer), "your employer appears");

  if (score < 0.6 && pseudonym_found) {
    score = 0.6; // a pseudonym is as personal as a name
  }
  if (email_found || phone_found) {
    score = std::max(score, 0.75); // the person's own contact data: about them, whatever the name
  }
  score += 0.12 * corroborations;
  trace.about_subject = std::min(0.98, score);
}

void Classifier::judge_kind(Trace& trace) const
{
  const Site* site = m_rules.find(trace.host);
  const auto host_segments = url_segments(trace.url, true);
  const auto path_segments = url_segments(trace.url, false);
  auto carries = [&](const std::vector<std::string>& segments) {
    return std::any_of(m_id.slugs.begin(), m_id.slugs.end(), [&](const std::string& s) {
      return contains_slug(segments, s);
    });
  };

  if (site && site->category == SiteCategory::social) {
    if (carries(path_segments) || carries(host_segments)) {
      trace.kind = Kind::voluntary;
      trace.confidence = 0.85;
      trace.evidence.push_back(
        fmt::format("a {} page whose address carries your name or pseudonym", site->name));
    } else {
      trace.kind = Kind::voluntary;
      trace.confidence = 0.5;
      trace.evidence.push_back(fmt::format(
        "a page on {}, a social network; whose account it is cannot be told", site->name));
    }
    return;
  }
  if (site) {
    const Kind kind = kind_of_category(site->category);
    if (kind != Kind::unknown) {
      trace.kind = kind;
      trace.confidence = 0.8;
      trace.evidence.push_back(fmt::format(
        "{} ({}) is a known {} site", site->name, site->domain, category_name(site->category)));
      return;
    }
    if (carries(host_segments) || carries(path_segments)) {
      trace.kind = Kind::voluntary;
      trace.confidence = 0.7;
      trace.evidence.push_back(fmt::format(
        "a {} page on {} whose address carries your name or pseudonym",
        category_name(site->category),
        site->name));
    } else {
      trace.kind = Kind::inherited;
      trace.confidence = 0.5;
      trace.evidence.push_back(fmt::format(
        "a {} page on {} by someone else, as far as the address tells",
        category_name(site->category),
        site->name));
    }
    return;
  }
  if (carries(host_segments)) {
    trace.kind = Kind::voluntary;
    trace.confidence = 0.7;
    trace.evidence.push_back("the site's address carries your name or pseudonym: your own site");
    return;
  }
  if (contains_slug(host_segments, m_id.employer_slug)) {
    trace.kind = Kind::inherited;
    trace.confidence = 0.65;
    trace.evidence.push_back("the site's address carries your employer's name");
    return;
  }
  trace.kind = Kind::unknown;
  trace.confidence = 0.0;
  trace.evidence.push_back("no rule knows this site (" + trace.domain + ")");
}

} // namespace empreinte::classify
