// The right law for where the person lives, and letters they can send: end to end, with the
// built binary on the bundled training corpus (docs/remedies.md).
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

using namespace empreinte;
using nlohmann::json;

namespace {

std::string persona_path(const std::string& id)
{
  return test::source_dir() + "/training/personas/" + id + ".json";
}

json audit(const std::vector<std::string>& extra)
{
  std::vector<std::string> args{
      "audit", "--corpus", test::source_dir() + "/training/corpus", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = test::run_empreinte(args, {{"SOURCE_DATE_EPOCH", "1796300000"}});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(test::schema_violations(r.out) == "");
  return json::parse(r.out);
}

// The first trace about the person that someone else put online, with a letter's right.
const json* involuntary(const json& report)
{
  for (const auto& t : report["traces"]) {
    if (t["kind"] == "involuntary" && t["about_subject"].get<double>() >= 0.5) {
      return &t;
    }
  }
  return nullptr;
}

std::string all_actions_text(const json& report)
{
  std::string out;
  for (const auto& t : report["traces"]) {
    for (const auto& a : t["actions"]) {
      out += a["title"].get<std::string>() + " " + a["how"].get<std::string>() + " " +
             (a["url"].is_string() ? a["url"].get<std::string>() : "") + "\n";
    }
  }
  for (const auto& a : report["advice"]) {
    out += a.dump() + "\n";
  }
  return out;
}

bool has_action(const json& trace, const std::string& id)
{
  for (const auto& a : trace["actions"]) {
    if (a["id"] == id) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE("letters: a UK profile gets UK GDPR, the ICO, UK registries and an English letter")
{
  test::TempDir dir;
  const json report = audit({"--profile",
                             persona_path("declan-ashworth"),
                             "--lang",
                             "en",
                             "--postal-address",
                             "12 Ashton Old Road, Manchester M11 2AA",
                             "--reply-email",
                             "declan.ashworth84@example.com"});
  const auto& j = report["jurisdiction"];
  CHECK(j["id"] == "GB");
  CHECK(j["law"] == "UK GDPR");
  CHECK(j["authority"]["id"] == "ico");
  CHECK(j["chosen_by"] == "location"); // "Manchester", the +44 phone settling England
  CHECK(j["from"] == "Manchester");
  CHECK(j["reason"].get<std::string>().find("Manchester") != std::string::npos);
  const std::string actions = all_actions_text(report);
  CHECK(actions.find("CNIL") == std::string::npos);
  CHECK(actions.find("RCS") == std::string::npos);
  CHECK(actions.find("Sirene") == std::string::npos);
  CHECK(actions.find("UK GDPR") != std::string::npos);

  // Remedies that fit each trace.
  bool own_account = false;
  for (const auto& tr : report["traces"]) {
    if (tr["about_subject"].get<double>() < 0.5) {
      continue;
    }
    CAPTURE(tr["url"]);
    const bool own = tr["kind"] == "voluntary";
    if (own) {
      CHECK_FALSE(has_action(tr, "gdpr-erasure")); // no letter to oneself
      CHECK_FALSE(has_action(tr, "dpa-complaint"));
      CHECK_FALSE(has_action(tr, "report-platform"));
    } else {
      CHECK_FALSE(has_action(tr, "delete-account"));
      CHECK_FALSE(has_action(tr, "delete-content"));
      CHECK_FALSE(has_action(tr, "privacy-settings"));
    }
    if (has_action(tr, "delete-account")) {
      own_account = true;
      CHECK(tr["platform_page"] == "profile");
      CHECK_FALSE(has_action(tr, "delete-content"));
    }
    for (const auto& a : tr["actions"]) {
      if (a["id"] == "delete-content" && tr["platform_page"] == "post") {
        // The post itself is where it is deleted; offline, its link is the trace's (the saved
        // page), never the live address, so the action carries none (tests/score has the web case).
        CHECK((!a.contains("url") || a["url"].is_null()));
      }
    }
    if (tr["category"] != "news") {
      CHECK_FALSE(has_action(tr, "press-anonymise"));
    }
    CHECK_FALSE(has_action(tr, "gdpr-erasure-minor")); // a French law
    CHECK_FALSE(has_action(tr, "pharos-report"));
  }
  CHECK(own_account);

  const auto saved = dir.write("report.json", report.dump());
  const json* t = involuntary(report);
  REQUIRE(t);
  const auto letter = test::run_empreinte(
      {"letter", saved.string(), "--trace", (*t)["id"].get<std::string>(), "--right", "erasure"},
      {{"SOURCE_DATE_EPOCH", "1796300000"}});
  INFO(letter.err);
  REQUIRE(letter.exit_code == 0);
  const std::string& text = letter.out;
  CHECK(text.rfind("Declan Ashworth\n12 Ashton Old Road\nManchester M11 "
                   "2AA\ndeclan.ashworth84@example.com\n",
                   0) == 0);
  CHECK(text.find("Dear Sir or Madam") != std::string::npos); // the report's language
  CHECK(text.find("Article 17 UK GDPR") != std::string::npos);
  CHECK(text.find("Information Commissioner's Office") != std::string::npos);
  CHECK(text.find("Regulation (EU)") == std::string::npos);
  CHECK(text.find("CNIL") == std::string::npos);
  CHECK(RE2::PartialMatch(text,
                          RE2("\n[0-9]{1,2} (January|February|March|April|May|June|July|August|"
                              "September|October|November|December) 20[0-9]{2}\n")));
  CHECK(text.find("Subject: Request for erasure") != std::string::npos);
  CHECK(text.find((*t)["url"].get<std::string>()) != std::string::npos);
  CHECK(letter.err.find("Identity:") != std::string::npos); // the law's identity-proof note
}

TEST_CASE("letters: a Swiss profile gets the nFADP and the FDPIC, in French when asked")
{
  test::TempDir dir;
  const json report =
      audit({"--profile", persona_path("helene-vasseur"), "--country", "CH", "--lang", "fr"});
  const auto& j = report["jurisdiction"];
  CHECK(j["id"] == "CH");
  CHECK(j["chosen_by"] == "given");
  CHECK(j["law"] == "nLPD");
  CHECK(j["authority"]["id"] == "pfpdt");
  CHECK(all_actions_text(report).find("CNIL") == std::string::npos);
  const auto saved = dir.write("report.json", report.dump());
  const json* t = involuntary(report);
  REQUIRE(t);
  const auto letter = test::run_empreinte(
      {"letter", saved.string(), "--trace", (*t)["id"].get<std::string>(), "--right", "objection"});
  INFO(letter.err);
  REQUIRE(letter.exit_code == 0);
  CHECK(letter.out.find("Madame, Monsieur") != std::string::npos); // French: the report's language
  CHECK(letter.out.find("LPD") != std::string::npos);
  CHECK(letter.out.find("PFPDT") != std::string::npos);
  CHECK(letter.out.find("RGPD") == std::string::npos);
  CHECK(letter.out.find("Objet : Opposition") != std::string::npos);
  const auto en = test::run_empreinte({"letter",
                                       saved.string(),
                                       "--trace",
                                       (*t)["id"].get<std::string>(),
                                       "--right",
                                       "erasure",
                                       "--lang",
                                       "en"});
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find("FADP") != std::string::npos);
  CHECK(en.out.find("30 days") != std::string::npos);

  const auto bad = test::run_empreinte({"audit",
                                        "--profile",
                                        persona_path("helene-vasseur"),
                                        "--country",
                                        "Atlantis",
                                        "--corpus",
                                        test::source_dir() + "/training/corpus"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--country") != std::string::npos);
}

namespace {

// A saved report whose first involuntary trace is made a leak listing: the person's own e-mail
// among other people's e-mails and phones.
struct LeakReport
{
  test::TempDir dir;
  std::filesystem::path path;
  std::string id;
  json report;
};

void make_leak_report(LeakReport& out)
{
  out.report = audit({"--profile", persona_path("helene-vasseur"), "--lang", "en"});
  for (auto& t : out.report["traces"]) {
    if (t["kind"] == "involuntary" && t["about_subject"].get<double>() >= 0.5) {
      t["category"] = "leak";
      t["title"] = "Pâte n°7 — Hélène VASSEUR et d'autres";
      t["sensitive"] = json::array(
          {{{"category", "email"}, {"text", out.report["subject"]["emails"][0]}, {"known", true}},
           {{"category", "email"}, {"text", "paul.martin@example.org"}, {"known", false}},
           {{"category", "phone"}, {"text", "+33 6 11 22 33 44"}, {"known", false}},
           {{"category", "address"}, {"text", "5 avenue Jean Jaurès"}, {"known", false}}});
      out.id = t["id"];
      break;
    }
  }
  REQUIRE_FALSE(out.id.empty());
  out.path = out.dir.write("report.json", out.report.dump());
}

} // namespace

TEST_CASE("letters: only the person's own data, as the page writes it, with categories in the "
          "letter's language")
{
  LeakReport leak;
  make_leak_report(leak);
  const auto en =
      test::run_empreinte({"letter", leak.path.string(), "--trace", leak.id, "--right", "erasure"});
  INFO(en.err);
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find(leak.report["subject"]["emails"][0].get<std::string>()) != std::string::npos);
  CHECK(en.out.find("paul.martin@example.org") == std::string::npos);
  CHECK(en.out.find("11 22 33 44") == std::string::npos);
  CHECK(en.out.find("address: 5 avenue Jean Jaurès") != std::string::npos); // case and accents kept
  CHECK(en.out.find("Pâte n°7 — Hélène VASSEUR") != std::string::npos);
  const auto fr = test::run_empreinte(
      {"letter", leak.path.string(), "--trace", leak.id, "--right", "erasure", "--lang", "fr"});
  REQUIRE(fr.exit_code == 0);
  CHECK(fr.out.find("adresse : 5 avenue Jean Jaurès") != std::string::npos);
  CHECK(fr.out.find("(address)") == std::string::npos);
  CHECK(fr.out.find("(birthdate)") == std::string::npos);
  CHECK(RE2::PartialMatch(fr.out, RE2("\nLe (1er|[0-9]{1,2}) [a-zéû]+ 20[0-9]{2}\n")));
}

TEST_CASE(
    "letters: refused for a namesake's page, and pointed to deletion for the person's own account")
{
  test::TempDir dir;
  const json report = audit({"--profile", persona_path("helene-vasseur"), "--lang", "en"});
  const auto saved = dir.write("report.json", report.dump());
  std::string namesake;
  std::string own;
  for (const auto& t : report["traces"]) {
    if (t["about_subject"].get<double>() < 0.5 && namesake.empty()) {
      namesake = t["id"];
    }
    if (t["kind"] == "voluntary" && t["about_subject"].get<double>() >= 0.5 && own.empty()) {
      own = t["id"];
    }
  }
  REQUIRE_FALSE(namesake.empty());
  REQUIRE_FALSE(own.empty());
  const auto n =
      test::run_empreinte({"letter", saved.string(), "--trace", namesake, "--right", "erasure"});
  CHECK(n.exit_code == 2);
  CHECK(n.out.empty());
  CHECK(n.err.find("namesake") != std::string::npos);
  const auto o =
      test::run_empreinte({"letter", saved.string(), "--trace", own, "--right", "erasure"});
  CHECK(o.exit_code == 2);
  CHECK(o.out.empty());
  CHECK(o.err.find("your own account or post") != std::string::npos);
  CHECK(o.err.find("delete") != std::string::npos);
}

TEST_CASE("letters: --format eml is a well-formed draft e-mail to the site's privacy address")
{
  LeakReport leak;
  make_leak_report(leak);
  // Without the person's address an e-mail cannot be written: said, exit 2.
  const auto none = test::run_empreinte(
      {"letter", leak.path.string(), "--trace", leak.id, "--right", "erasure", "--format", "eml"});
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("reply_email") != std::string::npos);

  leak.report["subject"]["reply_email"] = "helene.v@example.net";
  leak.report["subject"]["postal_address"] = "8 rue Lesdiguières, 38000 Grenoble";
  const auto path = leak.dir.write("with-address.json", leak.report.dump());
  const auto out = leak.dir.path() / "letter.eml";
  const auto r = test::run_empreinte({"letter",
                                      path.string(),
                                      "--trace",
                                      leak.id,
                                      "--right",
                                      "erasure",
                                      "--lang",
                                      "fr",
                                      "-o",
                                      out.string()},
                                     {{"SOURCE_DATE_EPOCH", "1796300000"}});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string eml = test::slurp(out);
  const auto blank = eml.find("\r\n\r\n");
  REQUIRE(blank != std::string::npos);
  const std::string headers = eml.substr(0, blank + 2);
  // Every line ends in CRLF, none is over 998 octets, headers are ASCII "Name: value" lines.
  std::size_t pos = 0;
  while (pos < eml.size()) {
    const auto end = eml.find("\r\n", pos);
    REQUIRE(end != std::string::npos);
    CHECK(end - pos <= 998);
    CHECK(eml.substr(pos, end - pos).find('\n') == std::string::npos);
    pos = end + 2;
  }
  for (unsigned char c : headers) {
    CHECK(c < 0x80);
  }
  CHECK(RE2::PartialMatch(
      headers,
      RE2("(^|\r\n)From: =\\?UTF-8\\?B\\?[A-Za-z0-9+/=]+\\?= <helene\\.v@example\\.net>\r\n")));
  CHECK(headers.find("\r\nSubject: =?UTF-8?B?") !=
        std::string::npos); // "Demande d'effacement de données..."
  CHECK(RE2::PartialMatch(
      headers,
      RE2("\r\nDate: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} [A-Z][a-z]{2} 20[0-9]{2} "
          "[0-9]{2}:[0-9]{2}:[0-9]{2} \\+0000\r\n")));
  CHECK(headers.find("\r\nContent-Type: text/plain; charset=UTF-8\r\n") != std::string::npos);
  CHECK(headers.find("\r\nMIME-Version: 1.0\r\n") != std::string::npos);
  const std::string body = eml.substr(blank + 4);
  CHECK(body.find("Madame, Monsieur,") != std::string::npos);
  CHECK(body.find("paul.martin@example.org") == std::string::npos);
  if (headers.find("\r\nTo: ") == std::string::npos) {
    CHECK(body.find("À l'attention de : ") != std::string::npos); // where to send it instead
  }
}
