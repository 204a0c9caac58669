#include "traces/merge.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

TEST_CASE("merge: one trace per normalised URL with every sighting and snippet")
{
  std::vector<plan::Query> queries{{"q1", plan::Family::name, "\"A B\"", "A B"},
                                   {"q2", plan::Family::pseudonym, "\"ab\"", "ab"}};
  search::QueryOutcome first{"corpus", search::QueryStatus::ok, {}, {}};
  first.results = {{1, "https://www.example.com/a/?utm_source=x", "A B", "snippet one", ""},
                   {2, "https://other.example.org/", "Other", "other", ""},
                   {3, "mailto:a@b.c", "bad", "dropped", ""},
                   {4, "http://.", "dots only", "dropped", ""},
                   {5, "http:/.", "dots only", "dropped", ""}};
  search::QueryOutcome second{"corpus", search::QueryStatus::ok, {}, {}, 1};
  second.results = {{1, "https://WWW.example.com/a#frag", "A B again", "snippet two", ""},
                    {2, "https://www.example.com/a", "A B", "snippet one", ""}};
  const auto traces = traces::merge(queries, {first, second});
  REQUIRE(traces.size() == 2);
  const auto& t = traces[0];
  CHECK(t.url == "https://www.example.com/a");
  CHECK(t.domain == "example.com");
  CHECK(t.title == "A B");
  CHECK(t.snippets == std::vector<std::string>{"snippet one", "snippet two"});
  REQUIRE(t.found_by.size() == 3);
  CHECK(t.found_by[0].query == "q1");
  CHECK(t.found_by[1].query == "q2");
  CHECK(t.found_by[1].rank == 1);
  CHECK(t.best_rank() == 1);
  CHECK(traces[1].domain == "example.org");
}

TEST_CASE("merge: one query answered by two backends lists both sightings")
{
  std::vector<plan::Query> queries{{"q1", plan::Family::name, "\"A B\"", "A B"}};
  search::QueryOutcome ddg{"duckduckgo", search::QueryStatus::ok, {}, {}, 0};
  ddg.results = {{3, "https://example.com/a", "A B", "one", ""}};
  search::QueryOutcome brave{"brave", search::QueryStatus::ok, {}, {}, 0};
  brave.results = {{1, "https://example.com/a", "A B", "two", ""}};
  const auto traces = traces::merge(queries, {ddg, brave});
  REQUIRE(traces.size() == 1);
  REQUIRE(traces[0].found_by.size() == 2);
  CHECK(traces[0].found_by[0].backend == "duckduckgo");
  CHECK(traces[0].found_by[0].rank == 3);
  CHECK(traces[0].found_by[1].backend == "brave");
  CHECK(traces[0].found_by[1].rank == 1);
}
