// `empreinte requests complaint ID`: when a request was refused or went unanswered past its
// legal deadline, the letter to the data protection authority, with the audits that still
// found the page.
#include "app/cmd_requests_shared.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/history_access.hpp"
#include "app/lang_option.hpp"
#include "app/pipeline.hpp"
#include "history/requests.hpp"
#include "report/i18n.hpp"
#include "report/letter.hpp"
#include "util/clock.hpp"
#include "util/fs.hpp"

namespace empreinte::app::requests {

using report::tr_or;

namespace {

// The request in words for the complaint letter, in the letter's language.
std::string right_words(const std::string& right, const std::string& lang, const std::string& law)
{
  struct Words
  {
    const char* right;
    const char* en;
    const char* fr;
    const char* articles;
  };
  static const Words k_words[] = {
      {"erasure", "erasure of my personal data", "d'effacement de mes données", "17"},
      {"rectification",
       "rectification of inaccurate data about me",
       "de rectification de données inexactes me concernant",
       "16"},
      {"objection",
       "objection to the processing of my data",
       "d'opposition au traitement de mes données",
       "21"},
      {"delist",
       "delisting of this page from searches on my name",
       "de déréférencement de cette page des recherches sur mon nom",
       "17+21"},
  };
  for (const auto& w : k_words) {
    if (right != w.right) {
      continue;
    }
    std::string out = lang == "fr" ? w.fr : w.en;
    if (!law.empty()) {
      const bool two = std::string(w.articles) == "17+21";
      if (lang == "fr") {
        out += two ? " (articles 17 et 21 du " + law + ")"
                   : std::string(" (article ") + w.articles + " du " + law + ")";
      } else {
        out += two ? " (Articles 17 and 21 " + law + ")"
                   : std::string(" (Article ") + w.articles + " " + law + ")";
      }
    }
    return out;
  }
  return right;
}

} // namespace

int run_complaint(const Command& cmd)
{
  const std::string lang = cmd.lang.empty() ? resolve_lang("") : cmd.lang;
  auto opened = open_history(history::Store::Access::read_only);
  if (!opened) {
    return report_error(opened.error());
  }
  if (!*opened) {
    return report_error(util::input_error(
        "no request recorded yet", "ID", "record one with 'empreinte requests add'"));
  }
  const history::Store& store = **opened;
  auto r = existing(store, cmd.id);
  if (!r) {
    return report_error(r.error());
  }
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  auto rules = history::Jurisdictions::load(data->root / "rules");
  if (!rules) {
    return report_error(rules.error());
  }
  const auto* rule = rules->find(r->jurisdiction);
  const auto status = history::request_status(*r, rule, util::process_clock(), lang);
  if (!status.complaint_due) {
    note(cmd.output,
         "this request is neither refused nor overdue yet: the controller may still answer");
  }
  auto remedies = load_remedies(*data);
  if (!remedies) {
    return report_error(remedies.error());
  }
  std::string key = cmd.authority;
  if (key.empty()) {
    key = rule && !rule->authority.empty() ? rule->authority : r->jurisdiction;
  }
  score::Authority found;
  const score::Authority* authority = remedies->authority(key);
  if (!authority) {
    if (const auto* other = rules->authority(key)) {
      found = {other->id, r->jurisdiction, other->name, other->complaint_url, other->address};
      authority = &found;
    }
  }
  if (!authority) {
    return report_error(util::input_error(
        "no data-protection authority known for \"" + key + "\"",
        "--authority",
        "give an authority id (cnil, ico, ...) or a country code (FR, GB, BE...)"));
  }
  // Audits after the request that still found the page.
  std::string still_online;
  auto runs = store.runs(r->subject);
  if (!runs) {
    return report_error(runs.error());
  }
  for (const auto& run : *runs) {
    if (run.generated_at.substr(0, 10) <= r->sent) {
      continue;
    }
    auto report = store.report(run.id);
    if (!report) {
      return report_error(report.error());
    }
    for (const auto& t : (*report)["traces"]) {
      if (t.value("id", "") == r->trace) {
        still_online += (still_online.empty() ? "" : ", ") + run.generated_at.substr(0, 10);
        break;
      }
    }
  }
  std::string law;
  if (rule && rule->cite_en.find("UK GDPR") != std::string::npos) {
    law = "UK GDPR";
  } else if (rule && rule->cite_en.find("GDPR") != std::string::npos) {
    law = lang == "fr" ? "RGPD" : "GDPR";
  }
  auto name = store.run(r->run);
  std::string subject_name = name && *name ? (*name)->name : r->subject;
  const bool no_answer = r->outcome == "no-answer" || (r->outcome.empty() && status.overdue);
  auto tmpl =
      util::read_file(data->root / "reports" / "letters" / ("complaint." + lang + ".mustache"));
  if (!tmpl) {
    return report_error(tmpl.error());
  }
  auto letter = report::render_letter(
      *tmpl,
      {{"subject_name", subject_name},
       {"date", today()},
       {"authority_name", authority->name},
       {"authority_address", authority->address},
       {"authority_url", authority->complaint_url},
       {"complaint_cite",
        law.empty() ? std::string()
                    : (lang == "fr" ? "article 77 du " + law : "Article 77 " + law)},
       {"controller_name", r->domain},
       {"url", r->url},
       {"title", r->title},
       {"right_name", right_words(r->right, lang, law)},
       {"sent", r->sent},
       {"via", r->via.empty() ? std::string() : tr_or(lang, "via." + r->via, r->via)},
       {"due", status.due},
       {"deadline_cite", status.cite},
       {"extended", r->extended ? status.extended_due : std::string()},
       {"refused", r->outcome == "refused" ? r->done : std::string()},
       {"no_answer", no_answer ? "yes" : ""},
       {"still_online", still_online}});
  if (!letter) {
    return report_error(letter.error());
  }
  if (auto s = write_output(cmd.output, *letter); !s) {
    return report_error(s.error());
  }
  return k_exit_ok;
}

} // namespace empreinte::app::requests
