// Votes, not a decision tree: each source of knowledge adds weight to a kind, and the reasons
// travel with the weights. Known platforms and site lists weigh most; cues decide on sites
// nobody listed.
#include "classify/kind.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <array>

namespace empreinte::classify {

using traces::Kind;

namespace {

constexpr double k_unknown_below = 0.35;
// Whoever owns a site published what is on it: ownership outweighs any sum of page cues.
constexpr double k_owned_site = 1.5;

struct Votes
{
  std::array<double, 3> score{}; // voluntary, inherited, involuntary
  struct Reason
  {
    Kind kind;
    double weight;
    util::Message why;
  };
  std::vector<Reason> reasons;

  void add(Kind kind, double weight, util::Message why)
  {
    score[static_cast<std::size_t>(kind)] += weight;
    reasons.push_back(Reason{kind, weight, std::move(why)});
  }
};

// True when `author` (folded display name or handle) is the person.
bool is_subject(const Subject& s, const std::string& author)
{
  if (author.empty()) {
    return false;
  }
  std::string handle = author;
  if (!handle.empty() && handle.front() == '@') {
    handle.erase(0, 1);
  }
  if (s.owns_slug(slug_of(handle))) {
    return true;
  }
  const auto words = util::words(author);
  const auto* form = profile::find_name(s.names, words);
  return form && form->strength == profile::NameStrength::full;
}

bool names_subject(const Subject& s, const std::string& folded)
{
  const auto* form = profile::find_name(s.names, util::words(folded));
  return form && form->strength == profile::NameStrength::full;
}

// The handle is the business's name: "lefournildezola" for "Le Fournil de Zola".
bool is_employer_handle(const Subject& s, const std::string& handle)
{
  const std::string slug = slug_of(handle);
  return !slug.empty() && std::any_of(s.employer_slugs.begin(), s.employer_slugs.end(),
                                      [&](const auto& e) {
                                        return slug.find(e) != std::string::npos
                                               || (slug.size() >= 6 && e.find(slug) != std::string::npos);
                                      });
}

// Who wrote a post: the platform's cues on the title and snippets, else what the page says
// (structured data, meta author, then the same cues on its description and first blocks).
std::string author_of(const Rules& rules, const Platform& platform, const TraceText& t)
{
  std::string author = rules.platforms.author_from_text(platform, t.cue.title);
  if (!author.empty()) {
    return author;
  }
  for (const auto& snippet : t.snippets) {
    author = rules.platforms.author_from_text(platform, snippet.folded());
    if (!author.empty()) {
      return author;
    }
  }
  if (t.page.empty()) {
    return {};
  }
  if (t.page.signals && !t.page.signals->ld_authors.empty()) {
    return util::fold(t.page.signals->ld_authors.front());
  }
  if (t.page.signals && !t.page.signals->meta_author.empty()) {
    return util::fold(t.page.signals->meta_author);
  }
  for (std::size_t b = 0; b < t.page.blocks.size() && b < 4; ++b) {
    author = rules.platforms.author_from_text(platform, t.page.blocks[b].folded());
    if (!author.empty()) {
      return author;
    }
  }
  return {};
}

void vote_platform(const Subject& s,
                   const Rules& rules,
                   const TraceText& t,
                   KindVerdict& verdict,
                   Votes& votes)
{
  const PlatformMatch& m = verdict.platform;
  const std::string& name = m.platform->name;
  if (m.type == PageType::profile || m.type == PageType::post) {
    if (s.owns_employer && is_employer_handle(s, m.handle)) {
      // The account of the business the person owns and runs: theirs.
      verdict.authored_by_subject = true;
      votes.add(Kind::voluntary, 1.0, {"kind.own_business_account", {name, m.handle}, {}});
      return;
    }
  }
  if (m.type == PageType::profile) {
    if (s.owns_slug(slug_of(m.handle))) {
      verdict.authored_by_subject = true;
      votes.add(Kind::voluntary, 1.0, {"kind.own_account", {name, m.handle}, {}});
    } else if (names_subject(s, t.title_head) || names_subject(s, t.cue.title)) {
      verdict.authored_by_subject = true;
      votes.add(Kind::voluntary, 0.9, {"kind.account_in_your_name", {name}, {}});
    } else {
      // Someone's own account page: a namesake's, or another person's or body's.
      votes.add(Kind::voluntary, 0.6, {"kind.account_page", {name}, {}});
    }
    return;
  }
  if (m.type == PageType::post) {
    const std::string from_text = author_of(rules, *m.platform, t);
    if (is_subject(s, from_text) || is_subject(s, util::fold(m.handle))) {
      verdict.authored_by_subject = true;
      votes.add(Kind::voluntary, 1.0, {"kind.own_post", {name}, {}});
      return;
    }
    const std::string author = !from_text.empty() ? from_text : m.handle;
    if (!author.empty()) {
      votes.add(Kind::inherited, 0.9, {"kind.post_by", {author, name}, {}});
    } else if (m.platform->category == "events") {
      votes.add(Kind::inherited, 0.5, {"kind.event_page", {name}, {}});
    } else {
      votes.add(Kind::voluntary, 0.4, {"kind.post_no_author", {name}, {}});
    }
    return;
  }
  votes.add(Kind::voluntary, 0.3, {"kind.platform_page", {name}, {}});
}

void vote_site(const Subject& s, const Site& site, const TraceText& t, Votes& votes)
{
  const Kind kind = kind_of_category(site.category);
  auto what = [&](const char* key) {
    return util::Message{
        key, {site.name}, {{"site_category." + std::string(category_name(site.category)), {}, {}}}};
  };
  if (kind != Kind::unknown && site.category != SiteCategory::social) {
    votes.add(kind, kind == Kind::involuntary ? 0.85 : 0.7, what("kind.known_site"));
    return;
  }
  const bool carries = std::any_of(t.host_labels.begin(), t.host_labels.end(), [&](const auto& l) {
                         return s.owns_slug(l);
                       })
                       || std::any_of(t.path_slugs.begin(), t.path_slugs.end(), [&](const auto& p) {
                            return s.owns_slug(p);
                          });
  if (carries) {
    votes.add(Kind::voluntary, 0.7, what("kind.known_site_yours"));
  } else if (site.category == SiteCategory::social) {
    votes.add(Kind::voluntary, 0.3, what("kind.known_site"));
  } else {
    votes.add(Kind::inherited, 0.3, what("kind.known_site_not_yours"));
  }
}

} // namespace

bool founder_words(const TraceText& t, const std::vector<std::string>& near)
{
  static const std::vector<std::vector<std::string>> k_words = {
    {"fondateur"}, {"fondatrice"}, {"cofondateur"}, {"cofondatrice"}, {"co", "fondateur"},
    {"co", "fondatrice"}, {"founder"}, {"co", "founder"}, {"cofounder"}, {"founding", "partner"},
    {"name", "partner"}, {"owner"}, {"co", "owner"}, {"proprietaire"}, {"coproprietaire"},
    {"gerant"}, {"gerante"}, {"cogerant"}, {"cogerante"}, {"co", "gerant"}, {"co", "gerante"},
    {"associe", "fondateur"}, {"associee", "fondatrice"}, {"associe", "unique"},
    {"associee", "unique"}, {"sole", "partner"}, {"sole", "proprietor"},
    {"architecte", "associee"}, {"architecte", "associe"}, {"managing", "partner"}};
  return std::any_of(k_words.begin(), k_words.end(), [&](const auto& w) {
    return util::contains_words(t.text_words, w) || util::contains_words(near, w);
  });
}

KindVerdict judge_kind(const Subject& s,
                       const Rules& rules,
                       const traces::Trace& trace,
                       const TraceText& t,
                       const IdentityMatch& identity,
                       std::vector<util::Message>& evidence)
{
  KindVerdict verdict;
  Votes votes;
  verdict.platform = rules.platforms.match(trace.url, trace.host);
  const Site* site = rules.sites.find(trace.host);
  if (site) {
    verdict.category = std::string(category_name(site->category));
  }
  if (verdict.platform.platform) {
    verdict.category = "social";
  }
  const bool platform_page =
    verdict.platform.platform && verdict.platform.type != PageType::none;
  if (verdict.platform.platform) {
    vote_platform(s, rules, t, verdict, votes);
  }
  if (site && !(verdict.platform.platform && site->category == SiteCategory::social)) {
    // A listed site speaks too, unless a platform pattern already said what the page is.
    if (!platform_page || kind_of_category(site->category) != Kind::unknown) {
      vote_site(s, *site, t, votes);
    }
  }
  const bool listed_kind = site && kind_of_category(site->category) != Kind::unknown;
  if (!listed_kind && !verdict.platform.platform) {
    auto employer_in = [&](const std::vector<std::string>& segments) {
      return std::any_of(s.employer_slugs.begin(), s.employer_slugs.end(), [&](const auto& slug) {
        return std::any_of(segments.begin(), segments.end(), [&](const auto& l) {
          return l.find(slug) != std::string::npos
                 || (l.size() >= 6 && slug.find(l) != std::string::npos);
        });
      });
    };
    if (std::any_of(t.host_labels.begin(), t.host_labels.end(), [&](const auto& l) {
          return s.owns_slug(l);
        })) {
      verdict.own_site = true;
      votes.add(Kind::voluntary, k_owned_site, {"kind.own_site", {}, {}});
    } else if (employer_in(t.host_labels) && (s.owns_employer || founder_words(t, window_words(t, s)))) {
      verdict.own_site = true;
      votes.add(Kind::voluntary, k_owned_site, {"kind.founded_business", {}, {}});
    } else if (employer_in(t.host_labels)) {
      verdict.category = "employer";
      votes.add(Kind::inherited, 0.6, {"kind.employer_site", {}, {}});
    } else if (employer_in(t.path_slugs) && s.owns_employer && identity.employer) {
      votes.add(Kind::voluntary, 0.6, {"kind.business_listing", {}, {}});
    } else if (!site && identity.name && identity.name->strength == profile::NameStrength::full
               && std::any_of(t.host_labels.begin(), t.host_labels.end(), [&](const auto& l) {
                    return std::any_of(s.surnames.begin(), s.surnames.end(), [&](const auto& w) {
                      return w.size() == 1 && w.front().size() >= 5
                             && l.find(w.front()) != std::string::npos;
                    });
                  })) {
      // "ashworthdental.com.au" naming Declan Ashworth: the practice of someone of that name.
      votes.add(Kind::voluntary, 0.5, {"kind.surname_site", {}, {}});
    } else if (!site && identity.name) {
      votes.add(Kind::inherited, 0.35, util::Message{"kind.not_your_site", {}, {}});
    } else if (!site && identity.pseudonym) {
      votes.add(Kind::voluntary, 0.4, util::Message{"kind.pseudonym_only", {}, {}});
    }
  }
  for (const Cue* cue : rules.cues.evaluate(t.cue)) {
    votes.add(cue->kind, cue->weight, {"kind.cue", {cue->means, cue->means_fr}, {}});
  }

  std::array<std::size_t, 3> order{0, 1, 2};
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return votes.score[a] > votes.score[b];
  });
  const double best = votes.score[order[0]];
  const double second = votes.score[order[1]];
  if (best < k_unknown_below) {
    verdict.kind = Kind::unknown;
    verdict.confidence = 0.0;
    evidence.push_back(
        votes.reasons.empty()
            ? util::Message{"kind.no_rule", {trace.domain.empty() ? trace.host : trace.domain}, {}}
            : util::Message{"kind.too_little", {}, {}});
    return verdict;
  }
  verdict.kind = static_cast<Kind>(order[0]);
  verdict.confidence = std::clamp(best - second / 2.0, 0.05, 0.99);
  // The reasons for the verdict first, strongest first; contrary ones after, marked.
  std::stable_sort(votes.reasons.begin(), votes.reasons.end(), [&](const auto& a, const auto& b) {
    const bool a_for = a.kind == verdict.kind;
    const bool b_for = b.kind == verdict.kind;
    return a_for != b_for ? a_for : a.weight > b.weight;
  });
  for (const auto& r : votes.reasons) {
    evidence.push_back(
        r.kind == verdict.kind
            ? r.why
            : util::Message{
                  "kind.but",
                  {},
                  {r.why, {"kind_label." + std::string(traces::kind_name(r.kind)), {}, {}}}});
  }
  return verdict;
}

} // namespace empreinte::classify
