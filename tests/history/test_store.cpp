// The history store: runs in and out, one transaction each, private files, requests.
#include "history/store.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace empreinte;
using nlohmann::json;

namespace {

json report_of(const std::string& first,
               const std::string& date,
               int exposure,
               bool complete = true)
{
  return {{"schema", "empreinte/report/v1"},
          {"generated_at", date},
          {"subject", {{"first_name", first}, {"last_name", "Müller"}}},
          {"complete", complete},
          {"score", {{"exposure", exposure}, {"control", 40}}},
          {"backends", json::array({{{"name", "corpus"}}})},
          {"queries",
           json::array({{{"id", "q1"},
                         {"family", "name"},
                         {"text", "x"},
                         {"backend", "corpus"},
                         {"status", complete ? "ok" : "blocked"}}})},
          {"traces",
           json::array({{{"id", "t1"}, {"about_subject", 0.9}, {"risk", "high"}},
                        {{"id", "t2"}, {"about_subject", 0.1}, {"risk", "low"}}})}};
}

} // namespace

TEST_CASE("history: a store that does not exist is no history, and is not created by reading")
{
  test::TempDir dir;
  const auto path = dir.path() / "empreinte" / "history.sqlite";
  auto store = history::Store::open(path, history::Store::Access::read_only);
  REQUIRE(store);
  CHECK_FALSE(store->has_value());
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("history: runs are stored whole, listed from their summaries, per subject")
{
  test::TempDir dir;
  const auto path = dir.path() / "empreinte" / "history.sqlite";
  auto opened = history::Store::open(path, history::Store::Access::read_write);
  REQUIRE(opened);
  REQUIRE(opened->has_value());
  history::Store& store = **opened;
  struct stat st
  {
  };
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(::stat(path.parent_path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);

  const auto first =
      store.add_run(report_of("Jürgen", "2026-10-01T09:00:00Z", 40), "/home/j/me.json");
  REQUIRE(first);
  const auto other = store.add_run(report_of("Anna", "2026-10-02T09:00:00Z", 10), "");
  const auto second = store.add_run(report_of("JURGEN", "2026-11-01T09:00:00Z", 55, false), "");
  REQUIRE(other);
  REQUIRE(second);
  auto subjects = store.subjects();
  REQUIRE(subjects);
  CHECK(*subjects == std::vector<std::string>{"anna-muller", "jurgen-muller"});
  auto runs = store.runs("jurgen-muller");
  REQUIRE(runs);
  REQUIRE(runs->size() == 2);
  CHECK((*runs)[0].id == *first);
  CHECK((*runs)[0].name == "Jürgen Müller");
  CHECK((*runs)[0].profile_path == "/home/j/me.json");
  CHECK((*runs)[0].exposure == 40);
  CHECK((*runs)[0].traces == 2);
  CHECK((*runs)[0].about_you == 1);
  CHECK((*runs)[0].high_risk == 1);
  CHECK((*runs)[0].complete);
  CHECK((*runs)[0].backends == std::vector<std::string>{"corpus"});
  CHECK_FALSE((*runs)[1].complete);
  CHECK((*runs)[1].failed_queries == 1);
  auto latest = store.latest("jurgen-muller");
  REQUIRE(latest);
  CHECK(*latest == *second);
  auto previous = store.latest("jurgen-muller", *second);
  REQUIRE(previous);
  CHECK(*previous == *first);
  auto none = store.latest("jurgen-muller", *first);
  REQUIRE(none);
  CHECK_FALSE(none->has_value());
  auto report = store.report(*second);
  REQUIRE(report);
  CHECK((*report)["score"]["exposure"] == 55);
  CHECK_FALSE(store.report(999));
}

TEST_CASE("history: a failed write leaves the store as it was")
{
  test::TempDir dir;
  const auto path = dir.path() / "h.sqlite";
  auto opened = history::Store::open(path, history::Store::Access::read_write);
  REQUIRE(opened);
  history::Store& store = **opened;
  const auto first = store.add_run(report_of("Jo", "2026-10-01T09:00:00Z", 1), "");
  REQUIRE(first);
  REQUIRE(*first == 1);
  {
    // A stray report row where the next run's report will go: the run's second insert fails
    // after its first succeeded, inside the transaction.
    auto raw = util::Database::open(path.string(), util::Database::Mode::read_write_create);
    REQUIRE(raw);
    REQUIRE(raw->exec("INSERT INTO reports(run, json, digest) VALUES (2, '{}', '{}')"));
  }
  auto failed = store.add_run(report_of("Jo", "2026-11-01T09:00:00Z", 2), "");
  CHECK_FALSE(failed);
  auto runs = store.runs();
  REQUIRE(runs);
  CHECK(runs->size() == 1); // the run row went away with the failed transaction
  auto report = store.report(1);
  REQUIRE(report);
  CHECK((*report)["score"]["exposure"] == 1);
}

TEST_CASE("history: requests keep their events")
{
  test::TempDir dir;
  auto opened = history::Store::open(dir.path() / "h.sqlite", history::Store::Access::read_write);
  REQUIRE(opened);
  history::Store& store = **opened;
  history::Request r;
  r.subject = "jo-doe";
  r.trace = "t0123456789ab";
  r.url = "https://example.com/jo";
  r.right = "erasure";
  r.via = "post";
  r.sent = "2026-10-02";
  r.jurisdiction = "FR";
  const auto id = store.add_request(r);
  REQUIRE(id);
  REQUIRE(store.extend_request(*id, "2026-10-20"));
  REQUIRE(store.close_request(*id, "refused", "2026-12-01"));
  auto back = store.request(*id);
  REQUIRE(back);
  REQUIRE(back->has_value());
  CHECK((*back)->extended);
  CHECK((*back)->outcome == "refused");
  CHECK((*back)->done == "2026-12-01");
  auto events = store.request_events(*id);
  REQUIRE(events);
  REQUIRE(events->size() == 3);
  CHECK((*events)[0].what == "sent");
  CHECK((*events)[0].detail == "post");
  CHECK((*events)[1].what == "extended");
  CHECK((*events)[2].detail == "refused");
  auto listed = store.requests("jo-doe");
  REQUIRE(listed);
  CHECK(listed->size() == 1);
  auto missing = store.request(42);
  REQUIRE(missing);
  CHECK_FALSE(missing->has_value());
}

TEST_CASE("history: summaries tolerate any report version")
{
  const auto s = history::summarise(json::parse(R"({"subject":{"first_name":"Ana","last_name":"Li"},
    "traces":[{"id":"a","about_subject":0.5,"page":{"status":"read"},"evidence_details":[]}],
    "queries":[{"status":"timeout","backend":"brave"}],"future_field":1})"));
  CHECK(s.subject == "ana-li");
  CHECK(s.about_you == 1);
  CHECK_FALSE(s.complete); // no "complete": a failed query says it
  CHECK(s.backends == std::vector<std::string>{"brave"});
  CHECK(history::summarise(json::object()).traces == 0);
}
