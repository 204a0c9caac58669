// Scripts read the JSON; people with a spreadsheet read this.
#include "report/csv_report.hpp"

#include "report/action_plan.hpp"
#include "report/i18n.hpp"
#include "util/terminal.hpp"

#include <fmt/format.h>

namespace empreinte::report {

std::string csv_field(std::string_view text)
{
  std::string value = util::strip_controls(text);
  // OWASP's CSV-injection guard: neutralise what a spreadsheet would evaluate.
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@'
                         || value[0] == '\t' || value[0] == '\r')) {
    value.insert(0, 1, '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) {
    return value;
  }
  std::string quoted = "\"";
  for (char c : value) {
    quoted += c;
    if (c == '"') {
      quoted += '"';
    }
  }
  return quoted + "\"";
}

std::string render_csv(const Report& r)
{
  const std::string& lang = r.lang;
  std::string out =
    "id,about_you,about_score,kind,kind_confidence,risk,exposure_points,title,url,domain,"
    "exposes,pseudonym_link,job_link,page,found_by,why,first_action,first_action_url,saved_page\r\n";
  auto row = [&](const traces::Trace& t, bool mine) {
    std::string exposes;
    for (const auto& s : t.sensitive) {
      exposes += (exposes.empty() ? "" : "; ") + s.category;
    }
    std::string found_by;
    for (const auto& s : t.found_by) {
      found_by += (found_by.empty() ? "" : " ") + s.query + "#" + std::to_string(s.rank);
    }
    std::string why;
    for (const auto& e : t.evidence) {
      why += (why.empty() ? "" : std::string(semicolon(lang))) + tr_evidence(lang, e);
    }
    const traces::Action* first = t.actions.empty() ? nullptr : &t.actions.front();
    const std::string fields[] = {
      t.id,
      mine ? "yes" : "no",
      fmt::format("{:.2f}", t.about_subject),
      std::string(traces::kind_name(t.kind)),
      fmt::format("{:.2f}", t.confidence),
      std::string(traces::risk_name(t.risk)),
      fmt::format("{:.2f}", t.exposure_points),
      t.title,
      t.url,
      t.domain.empty() ? t.host : t.domain,
      exposes,
      t.pseudonym_link ? "yes" : "no",
      t.job_link ? "yes" : "no",
      std::string(traces::page_status_name(t.page.status)),
      found_by,
      why,
      first ? first->title : "",
      first ? first->url : "",
      saved_page_path(r, t), // offline audits: the saved copy to open instead of the live url
    };
    bool first_field = true;
    for (const auto& f : fields) {
      out += (first_field ? "" : ",") + csv_field(f);
      first_field = false;
    }
    out += "\r\n";
  };
  for (const traces::Trace* t : traces_by_risk(r, true)) {
    row(*t, true);
  }
  for (const traces::Trace* t : traces_by_risk(r, false)) {
    row(*t, false);
  }
  return out;
}

} // namespace empreinte::report
