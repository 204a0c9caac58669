// The report's "since your last audit" and the --fail-on conditions.
#include "history/since_last.hpp"
#include "report/i18n.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

namespace {

history::TraceChange change(history::Change c,
                            const std::string& id,
                            const std::string& risk_before,
                            const std::string& risk_after,
                            double about = 0.9)
{
  history::TraceChange t;
  t.change = c;
  t.id = id;
  t.url = "https://example.com/" + id;
  t.title = "Page " + id;
  if (!risk_before.empty()) {
    t.before = history::TraceState{"involuntary", about, risk_before, 1, {}, {"name"}};
  }
  if (!risk_after.empty()) {
    t.after = history::TraceState{"involuntary", about, risk_after, 1, {}, {"name"}};
  }
  if (c == history::Change::changed) {
    t.what = {"risk"};
  }
  return t;
}

} // namespace

TEST_CASE("since last: counts of traces about you, the notable ones, and the conditions")
{
  history::Diff d;
  d.before.exposure = 40;
  d.after.exposure = 40;
  d.before.generated_at = "2026-10-01T09:00:00Z";
  using history::Change;
  using history::FailOn;
  d.traces = {change(Change::added, "a", "", "medium"),
              change(Change::added, "b", "", "low", 0.1),
              change(Change::changed, "c", "medium", "high"),
              change(Change::gone, "d", "high", "")};
  CHECK(history::fail_on_hits(d, {FailOn::new_trace}).size() == 1);
  CHECK(history::fail_on_hits(d, {FailOn::new_trace})[0] == "new: 1 new trace(s) about you");
  CHECK(history::fail_on_hits(d, {FailOn::new_high}).size() == 1); // c rose to high
  CHECK(history::fail_on_hits(d, {FailOn::exposure_up}).empty());
  d.after.exposure = 41;
  CHECK(history::fail_on_hits(d, {FailOn::exposure_up, FailOn::new_trace}).size() == 2);
  d.traces.erase(d.traces.begin() + 2);
  CHECK(history::fail_on_hits(d, {FailOn::new_high}).empty());
  CHECK(history::parse_fail_on("new-high") == FailOn::new_high);
  CHECK_FALSE(history::parse_fail_on("newer"));

  const auto s = history::since_last(d, 7);
  CHECK(s.previous_run == 7);
  CHECK(s.added == 1); // the namesake's page does not count
  CHECK(s.gone == 1);
  REQUIRE(s.traces.size() == 2);
  CHECK(s.traces[0].change == "new");
  const auto words =
      report::word_since_last(s, 41, 30, "en", [](std::string_view t) { return std::string(t); });
  CHECK(words.heading == "Since your last audit (2026-10-01, run 7)");
  CHECK(words.lines[0] == "exposure 40 → 41 (+1), control 0 → 30 (+30)");
  CHECK(words.lines[1] == "traces about you: 1 new, 1 gone, 0 not seen (search failed), 0 changed");
  CHECK(words.lines[2] == "new (medium risk): Page a — https://example.com/a");
  CHECK(words.lines.back() == "details: empreinte diff previous latest");
  const auto j = report::since_last_json(s, 41, 30);
  CHECK(j["about_you"]["new"] == 1);
  CHECK(j["score"]["exposure"]["before"] == 40);
}
