// Profiles come from people typing JSON by hand: every error names the key and the fix.
#include "profile/profile.hpp"

#include "util/fs.hpp"
#include "util/json_fields.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace empreinte::profile {

using nlohmann::json;
using util::input_error;
using util::Result;

bool ProfileFlags::any_subject() const
{
  return !profile_file.empty() || !first_name.empty() || !last_name.empty();
}

Result<Profile> profile_from_json(const json& value, const std::string& source)
{
  util::JsonFields f(value, source, "");
  f.allow_only({"first_name",
                "last_name",
                "other_names",
                "pseudonyms",
                "networks",
                "job",
                "location",
                "birth_year",
                "emails",
                "phones",
                "not_me",
                "is_me",
                "country",
                "postal_address",
                "reply_email"});
  Profile p;
  p.first_name = f.string("first_name", true);
  p.last_name = f.string("last_name", true);
  p.other_names = f.strings("other_names");
  p.pseudonyms = f.strings("pseudonyms");
  p.networks = f.strings("networks");
  if (const json* job = f.object("job"); job && !f.error()) {
    util::JsonFields j(*job, source, "/job");
    j.allow_only({"title", "employer"});
    p.job.title = j.string("title");
    p.job.employer = j.string("employer");
    if (j.error()) {
      return *j.error();
    }
  }
  p.location = f.string("location");
  if (f.has("birth_year") && !f.error()) {
    const json& year = value.at("birth_year");
    if (!year.is_number_integer()) {
      return input_error("birth_year must be a whole number", f.where("birth_year"),
                         "write the year you were born, e.g. 1984");
    }
    p.birth_year = year.get<int>();
  }
  p.emails = f.strings("emails");
  p.phones = f.strings("phones");
  p.not_me = f.strings("not_me");
  p.is_me = f.strings("is_me");
  p.country = f.string("country");
  p.postal_address = f.string("postal_address");
  p.reply_email = f.string("reply_email");
  if (f.error()) {
    return *f.error();
  }
  if (auto status = validate(p, source); !status) {
    return status.error();
  }
  return p;
}

Result<Profile> load_profile(const std::string& path)
{
  auto text = util::read_file(path, 1024 * 1024);
  if (!text) {
    return text.error();
  }
  auto value = util::parse_json(*text, path);
  if (!value) {
    return value.error();
  }
  return profile_from_json(*value, path);
}

namespace {

void append(std::vector<std::string>& to, const std::vector<std::string>& from)
{
  to.insert(to.end(), from.begin(), from.end());
}

bool looks_like_email(const std::string& e)
{
  const auto at = e.find('@');
  return at != std::string::npos && at != 0 && at + 1 != e.size() &&
         e.find_first_of(" \t<>,;\"") == std::string::npos;
}

bool has_letter(const std::string& text)
{
  for (const auto& word : util::words(text)) {
    if (std::any_of(word.begin(), word.end(), [](char c) { return !(c >= '0' && c <= '9'); })) {
      return true;
    }
  }
  return false;
}

// Invalid UTF-8 or a control character in a value is refused where it enters, naming the
// place but never echoing the value: it would fail the JSON report after every search was
// sent, or drive the terminal when printed.
util::Status check_text(std::string_view value, const std::string& where)
{
  const std::string problem = util::text_problem(value);
  if (problem.empty()) {
    return util::ok_status();
  }
  return input_error("the value " + problem,
                     where,
                     problem.find("UTF-8") != std::string::npos
                       ? "write it in UTF-8 (check the encoding of the terminal or the script)"
                       : "remove the control characters");
}

util::Status check_flags_text(const ProfileFlags& f)
{
  const std::pair<const char*, const std::string*> single[] = {
      {"--first", &f.first_name},
      {"--last", &f.last_name},
      {"--job", &f.job_title},
      {"--employer", &f.employer},
      {"--location", &f.location},
      {"--country", &f.country},
      {"--postal-address", &f.postal_address},
      {"--reply-email", &f.reply_email}};
  for (const auto& [flag, value] : single) {
    if (auto s = check_text(*value, std::string("command line: ") + flag); !s) {
      return s;
    }
  }
  const std::pair<const char*, const std::vector<std::string>*> lists[] = {
    {"--other-name", &f.other_names},
    {"--pseudonym", &f.pseudonyms},
    {"--network", &f.networks},
    {"--email", &f.emails},
    {"--phone", &f.phones},
    {"--not-me", &f.not_me}};
  for (const auto& [flag, values] : lists) {
    for (const auto& v : *values) {
      if (auto s = check_text(v, std::string("command line: ") + flag); !s) {
        return s;
      }
    }
  }
  return util::ok_status();
}

} // namespace

Result<Profile> profile_from_flags(const ProfileFlags& flags)
{
  if (auto s = check_flags_text(flags); !s) {
    return s.error();
  }
  Profile p;
  if (!flags.profile_file.empty()) {
    auto loaded = load_profile(flags.profile_file);
    if (!loaded) {
      return loaded.error();
    }
    p = std::move(*loaded);
  }
  if (!flags.first_name.empty()) {
    p.first_name = flags.first_name;
  }
  if (!flags.last_name.empty()) {
    p.last_name = flags.last_name;
  }
  append(p.other_names, flags.other_names);
  append(p.pseudonyms, flags.pseudonyms);
  append(p.networks, flags.networks);
  if (!flags.job_title.empty()) {
    p.job.title = flags.job_title;
  }
  if (!flags.employer.empty()) {
    p.job.employer = flags.employer;
  }
  if (!flags.location.empty()) {
    p.location = flags.location;
  }
  if (flags.birth_year != 0) {
    p.birth_year = flags.birth_year;
  }
  append(p.emails, flags.emails);
  append(p.phones, flags.phones);
  append(p.not_me, flags.not_me);
  append(p.is_me, flags.is_me);
  if (!flags.country.empty()) {
    p.country = flags.country;
  }
  if (!flags.postal_address.empty()) {
    p.postal_address = flags.postal_address;
  }
  if (!flags.reply_email.empty()) {
    p.reply_email = flags.reply_email;
  }
  if (p.first_name.empty() && p.last_name.empty()) {
    return input_error("no subject to audit",
                       "command line",
                       "give --first and --last, or --profile FILE");
  }
  // The file was checked as it was loaded: whatever fails now came from a flag, so the flag
  // is what the message names.
  if (auto status = validate(p, "command line"); !status) {
    return status.error();
  }
  return p;
}

util::Status validate(const Profile& p, const std::string& source)
{
  const bool from_file = source != "command line";
  auto where = [&](const std::string& key, const std::string& flag) {
    return from_file ? source + ": /" + key : "command line: " + flag;
  };
  const std::pair<const char*, const std::string*> single[] = {
      {"first_name", &p.first_name},
      {"last_name", &p.last_name},
      {"job/title", &p.job.title},
      {"job/employer", &p.job.employer},
      {"location", &p.location},
      {"country", &p.country},
      {"postal_address", &p.postal_address},
      {"reply_email", &p.reply_email}};
  const char* single_flags[] = {"--first",
                                "--last",
                                "--job",
                                "--employer",
                                "--location",
                                "--country",
                                "--postal-address",
                                "--reply-email"};
  for (std::size_t i = 0; i < std::size(single); ++i) {
    if (auto s = check_text(*single[i].second, where(single[i].first, single_flags[i])); !s) {
      return s;
    }
  }
  if (util::squeeze_spaces(p.first_name).empty() || !has_letter(p.first_name)) {
    return input_error("first name is empty or has no letters",
                       where("first_name", "--first"),
                       "give the person's first name, e.g. \"Camille\"");
  }
  if (util::squeeze_spaces(p.last_name).empty() || !has_letter(p.last_name)) {
    return input_error("last name is empty or has no letters",
                       where("last_name", "--last"),
                       "give the person's last name, e.g. \"Martin\"");
  }
  struct ListField
  {
    const char* key;
    const char* flag;
    const std::vector<std::string>* values;
  };
  const ListField lists[] = {{"other_names", "--other-name", &p.other_names},
                             {"pseudonyms", "--pseudonym", &p.pseudonyms},
                             {"networks", "--network", &p.networks},
                             {"emails", "--email", &p.emails},
                             {"phones", "--phone", &p.phones},
                             {"not_me", "--not-me", &p.not_me},
                             {"is_me", "--is-me", &p.is_me}};
  for (const auto& list : lists) {
    for (std::size_t i = 0; i < list.values->size(); ++i) {
      const std::string at = where(std::string(list.key) + "/" + std::to_string(i), list.flag);
      if (auto s = check_text((*list.values)[i], at); !s) {
        return s;
      }
      if (util::words((*list.values)[i]).empty()) {
        return input_error("empty value",
                           where(std::string(list.key) + "/" + std::to_string(i), list.flag),
                           "remove it or fill it in");
      }
    }
  }
  if (p.birth_year != 0 && (p.birth_year < 1900 || p.birth_year > 2100)) {
    return input_error("birth year " + std::to_string(p.birth_year) + " is out of range",
                       where("birth_year", "--birth-year"),
                       "give the four-digit year you were born, e.g. 1984");
  }
  for (std::size_t i = 0; i < p.is_me.size(); ++i) {
    if (std::find(p.not_me.begin(), p.not_me.end(), p.is_me[i]) != p.not_me.end()) {
      return input_error("\"" + p.is_me[i] + "\" is both yours (is_me) and someone else's (not_me)",
                         where("is_me/" + std::to_string(i), "--is-me"),
                         "keep it in one list: 'empreinte mark URL --me|--not-me' moves it");
    }
  }
  for (std::size_t i = 0; i < p.emails.size(); ++i) {
    const auto& e = p.emails[i];
    if (!looks_like_email(e)) {
      return input_error("\"" + e + "\" is not an e-mail address",
                         where("emails/" + std::to_string(i), "--email"),
                         "write it as name@domain");
    }
  }
  if (!p.reply_email.empty() && !looks_like_email(p.reply_email)) {
    return input_error("\"" + p.reply_email + "\" is not an e-mail address",
                       where("reply_email", "--reply-email"),
                       "write it as name@domain");
  }
  if (!p.country.empty() && util::words(p.country).empty()) {
    return input_error("empty country",
                       where("country", "--country"),
                       "give an ISO code such as FR, GB, CH, US-CA or CA-QC, or a country name");
  }
  for (std::size_t i = 0; i < p.phones.size(); ++i) {
    const auto digits = std::count_if(
      p.phones[i].begin(), p.phones[i].end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits < 6) {
      return input_error("\"" + p.phones[i] + "\" is not a phone number",
                         where("phones/" + std::to_string(i), "--phone"),
                         "write it with its digits, e.g. \"+33 6 12 34 56 78\"");
    }
  }
  return util::ok_status();
}

nlohmann::ordered_json profile_to_json(const Profile& p)
{
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  out["first_name"] = p.first_name;
  out["last_name"] = p.last_name;
  auto list = [&](const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) {
      out[key] = values;
    }
  };
  list("other_names", p.other_names);
  list("pseudonyms", p.pseudonyms);
  list("networks", p.networks);
  if (!p.job.title.empty() || !p.job.employer.empty()) {
    nlohmann::ordered_json job = nlohmann::ordered_json::object();
    if (!p.job.title.empty()) {
      job["title"] = p.job.title;
    }
    if (!p.job.employer.empty()) {
      job["employer"] = p.job.employer;
    }
    out["job"] = job;
  }
  if (!p.location.empty()) {
    out["location"] = p.location;
  }
  if (p.birth_year != 0) {
    out["birth_year"] = p.birth_year;
  }
  list("emails", p.emails);
  list("phones", p.phones);
  list("not_me", p.not_me);
  list("is_me", p.is_me);
  if (!p.country.empty()) {
    out["country"] = p.country;
  }
  if (!p.postal_address.empty()) {
    out["postal_address"] = p.postal_address;
  }
  if (!p.reply_email.empty()) {
    out["reply_email"] = p.reply_email;
  }
  return out;
}

} // namespace empreinte::profile
