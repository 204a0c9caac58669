#include "traces/merge.hpp"

#include <doctest/doctest.h>

using namespace empreinte;

TEST_CASE("merge: one trace per normalised URL with every sighting and snippet")
{
  std::vector<plan::Query> queries{{"q1", plan::Family::name, "\"A B\"", "A B"},
                                   {"q2", plan::Family::pseudonym, "\"ab\"", "ab"}};
  search::QueryOutcome first{"corpus", search::QueryStatus::ok, "", {}};
  first.results = {{1, "https://www.example.com/a/?utm_source=x", "A B", "snippet one"},
                   {2, "https://other.example.org/", "Other", "other"},
                   {3, "mailto:a@b.c", "bad", "dropped"}};
  search::QueryOutcome second{"corpus", search::QueryStatus::ok, "", {}};
  second.results = {{1, "https://WWW.example.com/a#frag", "A B again", "snippet two"},
                    {2, "https://www.example.com/a", "A B", "snippet one"}};
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
