// A trace: one page about the person, however many queries found it, with its verdict.
#pragma once

#include "parse/html_page.hpp"
#include "util/message.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::traces {

// Who produced the trace, in the method's three kinds.
enum class Kind { voluntary, inherited, involuntary, unknown };

std::string_view kind_name(Kind kind);

// One sighting of a trace: a query, on a backend, at a rank.
struct Sighting
{
  std::string query; // query id
  std::string backend;
  int rank = 0;
};

// One piece of personal data a trace exposes.
struct SensitiveItem
{
  std::string category; // email, phone, address, birthdate, health, ...
  std::string text;     // the datum or the term as the page writes it
  bool known = false;   // the person's own e-mail or phone, as given in the profile
  std::string where = {}; // title, snippet, description or page
  std::string quote = {}; // the words around it there
};

// Something the person can do about a trace, in the report's language.
struct Action
{
  std::string id;    // action id in rules/remedies.json
  std::string kind;  // delete, hide, delist, gdpr, opt_out, complaint, registry, report, presence
  std::string title;
  std::string how;
  std::string url; // "" when there is no form to link to
};

// What reading the result page gave (docs/classification.md, "Page evidence"):
//   read        the page was read; its text and signals are on the trace
//   login_wall  the site shows the page only to logged-in visitors (LinkedIn, Instagram...)
//   blocked     a captcha, a bot wall or access denied
//   robots      the site's robots.txt asks robots not to read it
//   not_html    the answer is not an HTML page (PDF, image...)
//   too_large   the page is over the size cap
//   error       no usable answer: network failure, HTTP error, a redirect off the site
//   not_read    not attempted (not among the pages chosen, or reading is off)
enum class PageStatus { read, login_wall, blocked, robots, not_html, too_large, error, not_read };

std::string_view page_status_name(PageStatus status);

struct PageRead
{
  PageStatus status = PageStatus::not_read;
  std::string reason;     // one line when not read
  std::string saved_path; // the saved copy (offline corpus), relative to its folder; else ""
  std::shared_ptr<const parse::PageText> content; // when read: text, blocks and signals
};

struct Trace
{
  std::string id;     // stable: derived from the normalised URL
  std::string url;    // normalised
  std::string host;   // lower-case
  std::string domain; // registrable domain of the host; empty for IP hosts
  std::string title;
  std::vector<std::string> snippets; // every distinct snippet, in order of discovery
  std::vector<Sighting> found_by;
  PageRead page; // the page itself, when it was read

  // Verdicts, filled by the classifier.
  Kind kind = Kind::unknown;
  double confidence = 0.0;    // of `kind`
  double about_subject = 0.0; // how likely the page is about the person, not a namesake
  std::vector<util::Message> evidence;  // rendered in the report's language (report/i18n.hpp)
  std::vector<SensitiveItem> sensitive; // only for traces about the subject
  bool pseudonym_link = false;          // ties a pseudonym to the real name
  bool job_link = false;                // ties the job title or employer to the name
  std::string platform;                 // platform id (rules/platforms.json) or ""
  std::string platform_page;            // "profile" (an account's own page), "post", or ""
  std::string category;                 // site category (rules/sites.json), "social", or ""
  bool own_site = false;                // on a site the person owns

  // Filled by the scoring stage.
  enum class Risk { low, medium, high };
  Risk risk = Risk::low;
  std::vector<util::Message> risk_reasons;
  double exposure_points = 0.0; // this trace's share of the exposure score (docs/scoring.md)
  std::vector<Action> actions;  // what to do about it, most specific first

  int best_rank() const;
};

std::string_view risk_name(Trace::Risk risk);

} // namespace empreinte::traces
