// `empreinte letter`: the letter for one trace of a saved report, under the law of the
// person's jurisdiction, to the site's privacy contact (docs/remedies.md, "Letters").
#include "app/commands.hpp"
#include "app/data_paths.hpp"
#include "app/exit_codes.hpp"
#include "app/pipeline.hpp"
#include "report/i18n.hpp"
#include "report/letter.hpp"
#include "report/report.hpp"
#include "util/clock.hpp"
#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/terminal.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <optional>

namespace empreinte::app {

namespace {

using nlohmann::json;

struct LetterCommand
{
  std::string report;
  std::string trace;
  std::string right;
  std::string lang;      // "": the report's
  std::string authority; // id or country code; default: the one of the law of the request
  OutputOptions output;
};

std::string str(const json& object, const char* key)
{
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strs(const json& object, const char* key)
{
  std::vector<std::string> out;
  const auto it = object.find(key);
  if (it != object.end() && it->is_array()) {
    for (const auto& v : *it) {
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
      }
    }
  }
  return out;
}

// Pages listing several people: there, an e-mail or phone that is not in the profile is
// someone else's (the classifier already leaves them out; old reports may not).
bool lists_people(const std::string& category)
{
  return category == "leak" || category == "employer" || category == "organisation" ||
         category == "sports_results";
}

// The subject's own data on the page, as the page writes it, with its category in `lang`.
std::string exposed_data(const json& trace, const std::string& lang)
{
  const bool listing = lists_people(str(trace, "category"));
  std::string out;
  const auto it = trace.find("sensitive");
  if (it == trace.end() || !it->is_array()) {
    return out;
  }
  for (const auto& s : *it) {
    const std::string category = str(s, "category");
    const bool known = s.value("known", false);
    if (listing && !known && (category == "email" || category == "phone")) {
      continue;
    }
    const std::string text = util::squeeze_spaces(str(s, "text"));
    if (text.empty()) {
      continue;
    }
    const std::string name = report::tr_or(lang, "category." + category, category);
    out += (out.empty() ? "" : std::string(report::semicolon(lang))) + name +
           std::string(report::colon(lang)) + text;
  }
  return out;
}

// "article 17 du RGPD" stays; the deadline and rights of the law of the request fill the rest.
std::map<std::string, std::string>
law_values(const score::Jurisdiction& law, const std::string& right, const std::string& lang)
{
  std::map<std::string, std::string> v;
  auto cite = [&](const char* r) {
    const std::string* a = law.article(r, lang);
    return a ? *a : std::string();
  };
  v["law"] = law.has_law() ? law.law.short_name.in(lang) : std::string();
  v["article"] = cite(right.c_str());
  if (right == "erasure") {
    v["objection_article"] = cite("objection");
  }
  if (right == "objection") {
    v["erasure_article"] = cite("erasure");
  }
  if (law.law.id == "eu-gdpr" || law.law.id == "uk-gdpr") {
    const std::string& short_name = law.law.short_name.in(lang);
    v["notify_article"] = lang == "fr" ? "article 19 du " + short_name : "Article 19 " + short_name;
  }
  v["deadline"] = score::deadline_words(law.deadline ? *law.deadline : score::Deadline{}, lang);
  if (law.deadline) {
    // "Article 18 DPO (access requests; ...)": the note in parentheses is for the reader; a
    // period the law sets for access requests only is asked for, not cited, in other letters.
    std::string where = law.deadline->cite.in(lang);
    if (const auto paren = where.find(" ("); paren != std::string::npos) {
      const std::string note = where.substr(paren);
      where.erase(paren);
      if (note.find("access") != std::string::npos || note.find("accès") != std::string::npos) {
        where.clear();
      }
    }
    v["deadline_cite"] = where;
  }
  v["complaint_article"] = cite("complaint");
  return v;
}

std::vector<std::string> split_commas(const std::string& text)
{
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto end = std::min(text.find(',', pos), text.size());
    if (auto part = util::squeeze_spaces(std::string_view(text).substr(pos, end - pos));
        !part.empty()) {
      out.push_back(std::move(part));
    }
    pos = end + 1;
  }
  return out;
}

// Why no letter is written for this trace, or nothing when one fits.
std::optional<util::Error> refusal(const json& trace, const json& subject, const std::string& where)
{
  const std::string id = str(trace, "id");
  const std::string url = str(trace, "url");
  const auto not_me = strs(subject, "not_me");
  const double about = trace.value("about_subject", 0.0);
  if (about < report::Report::k_about_threshold ||
      std::find(not_me.begin(), not_me.end(), url) != not_me.end()) {
    return util::input_error(
        "trace " + id +
            " is probably about someone else (a namesake): a letter would "
            "claim their page as yours",
        where,
        "write only about pages that are about you; if this one is, remove it from "
        "not_me or add what tells you apart (location, employer) to the profile and "
        "run the audit again");
  }
  if (str(trace, "kind") == "voluntary") {
    std::string link;
    if (const auto it = trace.find("actions"); it != trace.end() && it->is_array()) {
      for (const char* wanted : {"delete-account", "delete-content", "privacy-settings"}) {
        for (const auto& a : *it) {
          if (str(a, "id") == wanted && !str(a, "url").empty() && link.empty()) {
            link = str(a, "url");
          }
        }
      }
    }
    return util::input_error("trace " + id + " is your own account or post: no letter is needed",
                             where,
                             link.empty()
                                 ? "delete or edit it from your account on " + str(trace, "domain")
                                 : "delete or edit it yourself: " + link);
  }
  return std::nullopt;
}

int run_letter(const LetterCommand& cmd)
{
  auto data = find_data_paths();
  if (!data) {
    return report_error(data.error());
  }
  auto text = util::read_file(cmd.report, 16u * 1024 * 1024); // reports are a few MB at most
  if (!text) {
    return report_error(text.error());
  }
  auto report = util::parse_json(*text, cmd.report);
  if (!report) {
    return report_error(report.error());
  }
  if (!report->is_object() || report->value("schema", "") != "empreinte/report/v1" ||
      !(*report)["traces"].is_array() || !(*report)["subject"].is_object()) {
    return report_error(util::input_error(
        "not an empreinte report", cmd.report, "give a report saved with --format json -o FILE"));
  }
  const json* trace = nullptr;
  std::string ids;
  for (const auto& t : (*report)["traces"]) {
    if (t.is_object() && str(t, "id") == cmd.trace) {
      trace = &t;
    }
    if (ids.size() < 200 && t.is_object()) {
      ids += (ids.empty() ? "" : ", ") + str(t, "id");
    }
  }
  if (!trace) {
    return report_error(util::input_error("no trace \"" + cmd.trace + "\" in the report",
                                          cmd.report,
                                          "use one of the report's trace ids: " + ids));
  }
  const json& subject = (*report)["subject"];
  if (auto refused = refusal(*trace, subject, "--trace " + cmd.trace)) {
    return report_error(*refused);
  }
  auto rules = load_rules(*data);
  if (!rules) {
    return report_error(rules.error());
  }
  auto remedies = load_remedies(*data);
  if (!remedies) {
    return report_error(remedies.error());
  }
  const std::string report_lang = str(*report, "lang");
  const std::string lang = !cmd.lang.empty() ? cmd.lang : report_lang == "fr" ? "fr" : "en";

  // Whose law: the report's jurisdiction, else chosen again from the subject.
  profile::Profile person;
  person.first_name = str(subject, "first_name");
  person.last_name = str(subject, "last_name");
  person.location = str(subject, "location");
  person.country = str(subject, "country");
  person.phones = strs(subject, "phones");
  const score::Jurisdiction* where = nullptr;
  if (const auto j = report->find("jurisdiction"); j != report->end() && j->is_object()) {
    where = remedies->jurisdictions().find(str(*j, "id"));
  }
  if (!where) {
    auto chosen = choose_jurisdiction(person, *rules, *remedies, cmd.report);
    where = chosen ? chosen->jurisdiction : remedies->jurisdictions().fallback();
  }
  const std::string url = str(*trace, "url");
  const auto parts = util::parse_http_url(url);
  const std::string host = parts ? parts->host : std::string();
  const classify::Site* site = rules->sites.find(host);
  const score::Contact* contact = remedies->contacts().find(host);
  std::string site_country = site ? site->country : std::string();
  if (site_country.empty() && contact) {
    site_country = contact->country;
  }
  const score::Jurisdiction& law = remedies->law_for(*where, site_country);
  const score::Authority* authority = remedies->complaint_authority(law);
  if (!cmd.authority.empty()) {
    authority = remedies->authority(cmd.authority);
    if (!authority) {
      return report_error(util::input_error(
          "unknown data-protection authority \"" + cmd.authority + "\"",
          "--authority",
          "give an authority id (cnil, ico, pfpdt...) or a country code (FR, GB, CH...)"));
    }
  }

  report::Letter letter;
  letter.lang = lang;
  letter.sender_name = util::squeeze_spaces(person.first_name + " " + person.last_name);
  letter.sender_address = split_commas(str(subject, "postal_address"));
  letter.sender_email = str(subject, "reply_email");
  const std::string now = util::now_rfc3339();
  letter.date = report::written_date(now, lang);
  letter.date_rfc5322 = report::rfc5322_date(now);
  letter.recipient = contact && !contact->controller.empty() ? contact->controller
                     : site                                  ? site->name
                                                             : str(*trace, "domain");
  const bool fr = lang == "fr";
  std::vector<std::string> notes;
  const score::ContactRoute* email = contact ? contact->email() : nullptr;
  if (email) {
    letter.to_email = email->value;
    letter.recipient_lines.push_back(email->value);
  } else if (const auto* s = remedies->site(host); s && !s->email.empty()) {
    letter.to_email = s->email;
    letter.recipient_lines.push_back(s->email);
  }
  if (const auto* form = contact ? contact->route({"form", "opt_out"}) : nullptr) {
    letter.recipient_lines.push_back((fr ? "Formulaire : " : "Form: ") + form->value);
  }
  if (const auto* postal = contact ? contact->route({"postal"}) : nullptr) {
    const auto lines = split_commas(postal->value);
    letter.recipient_lines.insert(letter.recipient_lines.end(), lines.begin(), lines.end());
  }
  if (letter.recipient_lines.empty()) {
    letter.recipient_lines.push_back(
        fr ? "[aucun contact connu : cherchez la page « Confidentialité » ou « Contact » du site]"
           : "[no contact known: look for the site's Privacy or Contact page]");
    notes.push_back((fr ? "Aucun contact « données personnelles » n'est connu pour "
                        : "No privacy contact is known for ") +
                    str(*trace, "domain") +
                    (contact && !contact->note.empty() ? ". " + contact->note.in(lang) : "."));
  } else if (contact) {
    const auto* used = email ? email : &contact->routes.front();
    notes.push_back((fr ? "Contact : " : "Contact: ") + used->value + " (" + used->confidence +
                    "; " + (fr ? "source : " : "source: ") + used->source + ")");
  }

  auto values = law_values(law, cmd.right, lang);
  values["subject_name"] = letter.sender_name;
  values["url"] = url;
  values["title"] = util::squeeze_spaces(str(*trace, "title"));
  values["data"] = exposed_data(*trace, lang);
  values["authority_name"] = authority ? authority->name : std::string();
  values["authority_url"] = authority ? authority->complaint_url : std::string();
  const auto path = data->root / "reports" / "letters" / (cmd.right + "." + lang + ".mustache");
  auto tmpl = util::read_file(path);
  if (!tmpl) {
    return report_error(tmpl.error());
  }
  auto rendered = report::render_letter(*tmpl, values);
  if (!rendered) {
    return report_error(rendered.error());
  }
  if (auto s = report::split_rendered(*rendered, letter); !s) {
    return report_error(s.error());
  }
  std::string out;
  if (cmd.output.format == "eml") {
    auto eml = report::letter_eml(letter);
    if (!eml) {
      return report_error(eml.error());
    }
    out = std::move(*eml);
    if (letter.to_email.empty()) {
      notes.push_back(fr ? "Pas d'adresse e-mail connue : remplissez « À » vous-même, ou envoyez "
                           "la lettre par le formulaire ou par courrier."
                         : "No e-mail address is known: fill in 'To' yourself, or send the letter "
                           "through the form or by post.");
    }
  } else {
    out = cmd.output.format == "md" ? report::letter_markdown(letter) : report::letter_text(letter);
  }
  if (!law.has_law()) {
    notes.push_back(
        fr ? "Aucune loi de protection des données connue ne s'applique ici : la lettre est une "
             "demande, pas l'exercice d'un droit. " +
                 law.notes.in(lang)
           : "No known data-protection law applies here: the letter is a request, not a right. " +
                 law.notes.in(lang));
  }
  if (!law.identity_proof.empty()) {
    notes.push_back((fr ? "Identité : " : "Identity: ") + law.identity_proof.in(lang));
  }
  if (!law.sending.empty()) {
    notes.push_back((fr ? "Envoi : " : "Sending: ") + law.sending.in(lang));
  }
  if (out.find(fr ? "[à compléter" : "[to complete") != std::string::npos) {
    notes.push_back(fr ? "Complétez la ligne entre crochets avant d'envoyer."
                       : "Complete the line in brackets before sending.");
  }
  if (auto s = write_output(cmd.output, out); !s) {
    return report_error(s.error());
  }
  for (const auto& n : notes) {
    note(cmd.output, util::strip_controls(n));
  }
  return k_exit_ok;
}

} // namespace

void add_letter_command(CLI::App& app, Runner& runner)
{
  auto cmd = std::make_shared<LetterCommand>();
  cmd->output.format = "txt";
  CLI::App* sub = app.add_subcommand("letter",
                                     "Print a letter (erasure, rectification, objection) for one "
                                     "trace of a saved report, under your law");
  sub->footer(std::string(k_exit_help) + " A letter is refused (exit 2) for a page about a "
                                         "namesake, and for your own account or post, "
                                         "which you can delete yourself.");
  sub->add_option("REPORT", cmd->report, "A report saved with --format json -o FILE")->required();
  sub->add_option("--trace", cmd->trace, "The trace id (see the report)")->required();
  sub->add_option("--right", cmd->right, "The right to exercise")
      ->required()
      ->check(CLI::IsMember({"erasure", "rectification", "objection"}));
  sub->add_option("--lang", cmd->lang, "Language of the letter (default: the report's)")
      ->check(CLI::IsMember({"fr", "en"}));
  sub->add_option(
      "--authority",
      cmd->authority,
      "Authority named in the letter (id or country; default: the one of your jurisdiction's law)");
  add_output_options(*sub, cmd->output, {"txt", "md", "eml"});
  sub->callback([cmd, sub, &runner] {
    // -o letter.eml / letter.md picks the format unless --format says otherwise.
    if (sub->count("--format") == 0) {
      for (const char* ext : {"eml", "md"}) {
        const std::string suffix = std::string(".") + ext;
        if (cmd->output.output.size() > suffix.size() &&
            cmd->output.output.compare(
                cmd->output.output.size() - suffix.size(), suffix.size(), suffix) == 0) {
          cmd->output.format = ext;
        }
      }
    }
    runner = [cmd] { return run_letter(*cmd); };
  });
}

} // namespace empreinte::app
