// "Is this me?": which pages are asked about, in what order, and how answers reach the profile.
#include "history/marks.hpp"
#include "history/review_session.hpp"
#include "profile/profile.hpp"
#include "support/temp_dir.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace empreinte;
using nlohmann::json;

namespace {

const char* k_profile = R"({
  "first_name": "Jo",
  "last_name": "Doe",
  "location": "Lyon",
  "not_me": ["https://example.com/other-jo"],
  "emails": ["jo@example.org"]
}
)";

json trace(const std::string& id, double about, double points, const std::string& risk)
{
  return {{"id", id},
          {"url", "https://example.com/" + id},
          {"title", "Page " + id},
          {"kind", "inherited"},
          {"about_subject", about},
          {"exposure_points", points},
          {"risk", risk},
          {"evidence", json::array({"your name appears (Jo Doe)"})},
          {"sensitive", json::array()}};
}

} // namespace

TEST_CASE("review: uncertain pages only, settled ones left out, most exposing first")
{
  const json report = {{"traces",
                        json::array({trace("sure", 0.98, 9, "high"),
                                     trace("none", 0.05, 0, "low"),
                                     trace("low", 0.35, 0, "low"),
                                     trace("exposing", 0.7, 6, "high"),
                                     trace("medium", 0.6, 2, "medium"),
                                     trace("other-jo", 0.6, 3, "medium")})}};
  const auto items = history::review_items(
      report, {"https://EXAMPLE.com/medium/"}, {"https://example.com/other-jo"});
  REQUIRE(items.size() == 2);
  CHECK(items[0].id == "exposing");
  CHECK(items[1].id == "low");
  CHECK(items[0].evidence.size() == 1);
}

TEST_CASE("review: marking a page moves it between the lists and keeps the rest of the file")
{
  test::TempDir dir;
  const auto path = dir.write("me.json", k_profile);
  ::chmod(path.c_str(), 0640);
  auto changed = history::mark_in_profile(path, "https://example.com/other-jo", history::Mark::me);
  REQUIRE(changed);
  CHECK(*changed);
  const auto after = json::parse(test::slurp(path));
  CHECK_FALSE(after.contains("not_me")); // emptied, so removed
  CHECK(after["is_me"] == json::array({"https://example.com/other-jo"}));
  CHECK(after["location"] == "Lyon");
  // Key order and layout: the person's own order, two-space indent, final newline.
  const std::string text = test::slurp(path);
  CHECK(text.find("\"first_name\"") < text.find("\"location\""));
  CHECK(text.find("\"location\"") < text.find("\"emails\""));
  CHECK(text.back() == '\n');
  struct stat st
  {
  };
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  auto again = history::mark_in_profile(path, "https://example.com/other-jo", history::Mark::me);
  REQUIRE(again);
  CHECK_FALSE(*again);
  REQUIRE(history::mark_in_profile(path, "https://example.com/other-jo", history::Mark::not_me));
  auto loaded = profile::load_profile(path.string());
  REQUIRE(loaded);
  CHECK(loaded->is_me.empty());
  CHECK(loaded->not_me == std::vector<std::string>{"https://example.com/other-jo"});
}

TEST_CASE("review: a broken profile is never overwritten")
{
  test::TempDir dir;
  const auto path = dir.write("me.json", "{\"first_name\": \"Jo\"");
  CHECK_FALSE(history::mark_in_profile(path, "https://example.com/x", history::Mark::me));
  CHECK(test::slurp(path) == "{\"first_name\": \"Jo\"");
  const auto invalid =
      dir.write("bad.json", R"({"first_name": "Jo", "last_name": "Doe", "pseudonym": "x"})");
  CHECK_FALSE(history::mark_in_profile(invalid, "https://example.com/x", history::Mark::me));
  CHECK(test::slurp(invalid).find("is_me") == std::string::npos);
}

TEST_CASE("review: a session writes each answer, opens on demand, stops on q")
{
  test::TempDir dir;
  const auto path = dir.write("me.json", k_profile);
  const json report = {{"traces",
                        json::array({trace("a", 0.7, 5, "high"),
                                     trace("b", 0.6, 4, "medium"),
                                     trace("c", 0.5, 3, "low"),
                                     trace("d", 0.4, 2, "low")})}};
  const auto items = history::review_items(report, {}, {"https://example.com/other-jo"});
  REQUIRE(items.size() == 4);
  std::string keys = "xomns q";
  std::size_t next = 0;
  std::string shown;
  std::vector<std::string> opened;
  history::ReviewIo io;
  io.read_key = [&] { return next < keys.size() ? static_cast<int>(keys[next++]) : -1; };
  io.write = [&](std::string_view t) { shown += t; };
  io.open = [&](const std::string& url) {
    opened.push_back(url);
    return util::ok_status();
  };
  auto tally = history::run_review(items, path, "en", io);
  REQUIRE(tally);
  CHECK(tally->me == 1);
  CHECK(tally->not_me == 1);
  CHECK(tally->skipped == 1);
  CHECK(tally->quit);
  CHECK(opened == std::vector<std::string>{"https://example.com/a"});
  CHECK(shown.find("[1/4] Page a") != std::string::npos);
  CHECK(shown.find("[4/4] Page d") != std::string::npos);
  CHECK(shown.find("1 marked yours, 1 someone else's, 1 skipped") != std::string::npos);
  const auto after = json::parse(test::slurp(path));
  CHECK(after["is_me"] == json::array({"https://example.com/a"}));
  CHECK(after["not_me"] == json::array({"https://example.com/other-jo", "https://example.com/b"}));
}

TEST_CASE("review: long titles and reasons are wrapped to the terminal's width")
{
  test::TempDir dir;
  const auto path = dir.write("me.json", k_profile);
  json t = trace("a", 0.6, 5, "high");
  t["title"] = "Résultats du trail de Chamechaude 2024, 32 km, classement général et par catégorie";
  t["evidence"] = json::array({"your name appears (Jo Doe)",
                               "your location (or a place near it) appears",
                               "Protiming is a known sports-results site",
                               "is a results or ranking list"});
  const auto items = history::review_items({{"traces", json::array({t})}}, {}, {});
  REQUIRE(items.size() == 1);
  std::string shown;
  history::ReviewIo io;
  io.read_key = [] { return static_cast<int>('s'); };
  io.write = [&](std::string_view text) { shown += text; };
  io.open = [](const std::string&) { return util::ok_status(); };
  io.width = 50;
  REQUIRE(history::run_review(items, path, "en", io));
  std::size_t longest = 0;
  std::size_t start = 0;
  while (start < shown.size()) {
    const auto end = std::min(shown.find('\n', start), shown.size());
    const auto line = std::string_view(shown).substr(start, end - start);
    if (line.find("https://") == std::string_view::npos) { // an address is never cut
      longest = std::max(longest, util::char_count(line));
    }
    start = end + 1;
  }
  CHECK(longest <= 50);
  CHECK(shown.find("Chamechaude") != std::string::npos);
  // Nothing is lost: the words are all there, in order.
  std::string flat;
  for (const char c : shown) {
    if (c == '\n' || c == ' ') {
      if (!flat.empty() && flat.back() != ' ') {
        flat += ' ';
      }
    } else {
      flat += c;
    }
  }
  CHECK(flat.find("Protiming is a known sports-results site; is a results or ranking list") !=
        std::string::npos);
}
