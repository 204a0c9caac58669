// Pages are chained: page N+1 is asked for only once page N added something new, so a
// repeating engine costs one extra request at most. Secrets (util::SecretMask) are masked in
// everything that leaves this file except the request itself.
#include "search/web_search.hpp"

#include "parse/search_response.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <fmt/format.h>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

namespace empreinte::search {

namespace {

QueryStatus status_of(const HttpResponse& r)
{
  return r.error == TransportError::timeout || r.error == TransportError::deadline
             ? QueryStatus::timeout
             : QueryStatus::error;
}

// Threads that read responses off the transfer loop, so that a page slow to read (megabytes
// of hostile markup) never holds up the other transfers or the deadline. Jobs must not throw.
class ParserPool
{
public:
  explicit ParserPool(unsigned threads)
  {
    for (unsigned i = 0; i < std::max(1u, threads); ++i) {
      m_threads.emplace_back([this] { work(); });
    }
  }
  ~ParserPool()
  {
    {
      const std::lock_guard lock(m_mutex);
      m_stop = true;
    }
    m_wake.notify_all();
    for (auto& t : m_threads) {
      t.join();
    }
  }
  ParserPool(const ParserPool&) = delete;
  ParserPool& operator=(const ParserPool&) = delete;

  void run(std::function<void()> job)
  {
    {
      const std::lock_guard lock(m_mutex);
      m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
  }

private:
  void work()
  {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_jobs.empty()) {
          return; // stopping, and nothing left
        }
        job = std::move(m_jobs.front());
        m_jobs.pop_front();
      }
      job();
    }
  }

  std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<std::function<void()>> m_jobs;
  bool m_stop = false;
  std::vector<std::thread> m_threads;
};

// Reads a response, never throwing: a failure to read is the query's status.
parse::ResponsePage read_page(const BackendDef& def,
                              const HttpResponse& resp,
                              const std::string& url,
                              const parse::ParseLimits& limits)
{
  try {
    return parse::parse_response(def, resp.status, resp.body, url, limits);
  } catch (const std::exception& e) {
    parse::ResponsePage page;
    page.status = QueryStatus::error;
    page.reason = {"search.unreadable", {e.what()}};
    return page;
  }
}

// One query on one backend, across its pages.
struct Task
{
  std::size_t query = 0;
  std::size_t backend = 0;
  int lane = 0;
  int page = 0;
  int max_pages = 1;
  std::string text;
  QueryOutcome outcome;
  std::unordered_set<std::string> seen;
  // A metasearch "no results" is stored only once the run shows it was not a silent skip.
  std::optional<std::pair<std::string, std::string>> deferred_put; // cache key, body
  std::vector<bool> tried; // the rotation: engines that already failed this query
};

// A reason, said to concern the task's current page when that is not the first.
util::Message on_page_of(const Task& t, util::Message reason)
{
  if (t.page <= 1) {
    return reason;
  }
  return {"search.on_page", {std::to_string(t.page)}, {std::move(reason)}};
}

// What a metasearch instance said about its engines during one run.
struct Unresponsive
{
  std::vector<std::string> engines; // "name (message)", first seen first
  bool blocked = false;
};

// searx skips an engine it has suspended after failures without a word: the reply is an
// empty list with no unresponsive engine, which reads as "no results". When the instance said
// during this run that engines did not answer, such an empty reply cannot be trusted.
void distrust_silent_empties(std::vector<std::unique_ptr<Task>>& tasks,
                             const std::vector<Unresponsive>& seen,
                             const std::optional<ResponseCache>& cache)
{
  for (auto& t : tasks) {
    const Unresponsive& u = seen[t->backend];
    if (t->outcome.status == QueryStatus::empty && !u.engines.empty()) {
      std::string names;
      for (const auto& e : u.engines) {
        names += (names.empty() ? "" : ", ") + e;
      }
      t->outcome.status = u.blocked ? QueryStatus::blocked : QueryStatus::error;
      t->outcome.reason = {"search.silent_skip", {util::truncate_utf8(names, 400)}};
      t->deferred_put.reset();
    }
    if (t->deferred_put && cache) {
      (void)cache->put(t->deferred_put->first, t->deferred_put->second);
    }
  }
}

} // namespace

WebSearch::WebSearch(std::vector<ResolvedBackend> backends, WebSearchOptions options)
    : m_backends(std::move(backends)), m_options(std::move(options))
{
}

std::string WebSearch::name() const
{
  std::string out;
  for (const auto& b : m_backends) {
    out += (out.empty() ? "" : "+") + b.def.name;
  }
  return out;
}

QueryOutcome WebSearch::search(const plan::Query& query, int pages)
{
  auto all = search_all({query}, pages);
  return all.empty() ? QueryOutcome{} : all.front();
}

std::vector<QueryOutcome> WebSearch::search_all(const std::vector<plan::Query>& queries, int pages)
{
  HttpEngine engine(m_options.engine);
  engine.on_progress = m_options.progress;
  std::vector<int> lanes;
  std::vector<util::SecretMask> masks;
  for (const auto& b : m_backends) {
    lanes.push_back(engine.add_lane(b.def.politeness.concurrency,
                                    std::chrono::milliseconds(b.def.politeness.min_interval_ms)));
    masks.push_back(b.mask());
    masks.back().add_url_credentials(m_options.engine.proxy);
  }
  m_next_start.resize(m_backends.size());
  for (std::size_t b = 0; b < m_backends.size(); ++b) {
    engine.hold_lane(lanes[b], m_next_start[b]);
  }
  // Every query on every engine; or, in the rotation, each query on one engine, in turn.
  const bool rotate = m_options.rotate && m_backends.size() > 1;
  std::vector<std::unique_ptr<Task>> tasks;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    for (std::size_t b = 0; b < m_backends.size(); ++b) {
      if (rotate && b != q % m_backends.size()) {
        continue;
      }
      auto t = std::make_unique<Task>();
      t->query = q;
      t->backend = b;
      t->lane = lanes[b];
      t->text = queries[q].text;
      t->max_pages = std::max({1, pages, queries[q].pages});
      t->outcome.backend = m_backends[b].def.name;
      t->outcome.query_index = q;
      t->outcome.status = QueryStatus::error;
      t->tried.assign(m_backends.size(), false);
      tasks.push_back(std::move(t));
    }
  }

  // Responses are read by the pool; the budget of each ends at the audit's deadline at most.
  parse::ParseLimits limits;
  if (m_options.engine.deadline.count() > 0) {
    limits.deadline = std::chrono::steady_clock::now() + m_options.engine.deadline;
  }
  // Two readers even on one core: a hostile page holds one until its budget is spent, the
  // other keeps reading the rest.
  ParserPool pool(2);
  std::vector<Unresponsive> unresponsive(m_backends.size());

  // Handles one page's answer; asks for the next page when there is one.
  std::function<void(Task&, Pairs, std::string)> ask;
  std::function<void(Task&, const BuiltRequest&, const HttpResponse&, parse::ResponsePage)>
      on_page;

  // The rotation: engines that blocked or rate-limited this address during the run. Their
  // queued requests are cancelled and go to the next engine, as does a query an engine fails on
  // its first page (but for a timeout: time is what is missing then).
  std::vector<std::optional<QueryStatus>> down(m_backends.size());
  auto go_next = [&](Task& t, bool record) {
    if (record) {
      t.outcome.tried.push_back(Attempt{t.outcome.backend, t.outcome.status, t.outcome.reason});
    }
    t.tried[t.backend] = true;
    for (std::size_t k = 1; k < m_backends.size(); ++k) {
      const std::size_t next = (t.backend + k) % m_backends.size();
      if (down[next] || t.tried[next]) {
        continue;
      }
      t.backend = next;
      t.lane = lanes[next];
      t.page = 0;
      t.seen.clear();
      t.deferred_put.reset();
      t.outcome.backend = m_backends[next].def.name;
      t.outcome.status = QueryStatus::error;
      t.outcome.reason = {};
      t.outcome.results.clear();
      ask(t, {}, {});
      return;
    }
    if (record) {
      t.outcome.tried.pop_back(); // no engine left: this failure is the outcome itself
    }
  };
  auto fail = [&](Task& t, QueryStatus status, util::Message reason) {
    t.outcome.status = status;
    t.outcome.reason = std::move(reason);
    if (!rotate || t.page > 1) {
      return; // results of earlier pages are kept, but the query is not complete
    }
    if ((status == QueryStatus::blocked || status == QueryStatus::rate_limited) &&
        !down[t.backend]) {
      down[t.backend] = status;
      engine.cancel_lane(lanes[t.backend]);
    }
    if (status != QueryStatus::timeout) {
      go_next(t, true);
    }
  };

  auto on_answer = [&](Task& t, std::shared_ptr<BuiltRequest> req, HttpResponse resp) {
    if (resp.error == TransportError::cancelled) {
      // The engine blocked or rate-limited this address: its queued requests were cancelled.
      const auto why = down[t.backend];
      t.outcome.status = why.value_or(QueryStatus::error);
      t.outcome.reason = !why ? util::Message{"transport.cancelled"}
                              : util::Message{*why == QueryStatus::blocked
                                                  ? "search.not_sent_blocked"
                                                  : "search.not_sent_rate_limited",
                                              {m_backends[t.backend].def.name}};
      go_next(t, false);
      return;
    }
    if (resp.error != TransportError::none) {
      fail(t, status_of(resp), masks[t.backend].apply(on_page_of(t, transport_message(resp))));
      return;
    }
    engine.expect_post();
    auto shared = std::make_shared<HttpResponse>(std::move(resp));
    const BackendDef& def = m_backends[t.backend].def;
    pool.run([&engine, &on_page, &t, &def, req, shared, limits] {
      auto page = std::make_shared<parse::ResponsePage>(
          read_page(def, *shared, req->real.url, limits));
      engine.post([&on_page, &t, req, shared, page] {
        on_page(t, *req, *shared, std::move(*page));
      });
    });
  };
  on_page = [&](Task& t,
                const BuiltRequest& req,
                const HttpResponse& resp,
                parse::ResponsePage page) {
    const ResolvedBackend& b = m_backends[t.backend];
    const util::SecretMask& mask = masks[t.backend];
    if (resp.attempts > 1 && (resp.status == 429 || resp.status >= 500)) {
      page.reason = {"transport.after_attempts",
                     {std::to_string(resp.attempts)},
                     {std::move(page.reason)}};
    }
    if (!page.unresponsive.empty()) {
      Unresponsive& u = unresponsive[t.backend];
      for (const auto& e : page.unresponsive) {
        if (std::find(u.engines.begin(), u.engines.end(), e) == u.engines.end()) {
          u.engines.push_back(mask.apply(e));
        }
      }
      u.blocked = u.blocked || page.unresponsive_blocked;
    }
    if (!resp.from_cache && m_options.cache && resp.status >= 200 && resp.status < 300 &&
        (page.status == QueryStatus::ok || page.status == QueryStatus::empty)) {
      std::string body = mask.apply(resp.body); // an echoed key stays out
      if (page.status == QueryStatus::empty && t.page == 1 && b.def.response.unresponsive) {
        t.deferred_put.emplace(req.cache_key, std::move(body));
      } else {
        (void)m_options.cache->put(req.cache_key, body);
      }
    }
    if (page.status == QueryStatus::empty) {
      if (t.page == 1) {
        t.outcome.status = QueryStatus::empty;
        t.outcome.reason = mask.apply(page.reason);
      }
      return; // on later pages: simply the end of the results
    }
    if (page.status != QueryStatus::ok) {
      fail(t, page.status, mask.apply(on_page_of(t, std::move(page.reason))));
      return;
    }
    t.outcome.status = QueryStatus::ok;
    if (!page.reason.empty()) {
      t.outcome.reason = mask.apply(on_page_of(t, std::move(page.reason)));
    }
    std::size_t added = 0;
    for (auto& r : page.results) {
      // An engine may echo the key into its links or text: it must not reach the report.
      r.url = mask.apply(std::move(r.url));
      r.title = mask.apply(std::move(r.title));
      r.snippet = mask.apply(std::move(r.snippet));
      if (!t.seen.insert(r.url).second) {
        continue;
      }
      if (!page.rank_given) {
        r.rank = static_cast<int>(t.outcome.results.size()) + 1;
      }
      t.outcome.results.push_back(std::move(r));
      ++added;
    }
    const auto scheme = b.def.request.pagination.scheme;
    const bool can_page =
        scheme != Pagination::none && (scheme != Pagination::form || !page.next_action.empty());
    if (t.page < t.max_pages && added > 0 && page.more.value_or(true) && can_page) {
      ask(t, std::move(page.next_form), page.next_action);
    }
  };
  ask = [&](Task& t, Pairs form, std::string action) {
    ++t.page;
    const ResolvedBackend& b = m_backends[t.backend];
    auto req = std::make_shared<BuiltRequest>(build_request(b, t.text, t.page, form, action));
    if (m_options.cache && !m_options.refresh) {
      if (auto body = m_options.cache->get(req->cache_key)) {
        ++m_cache_hits;
        HttpResponse cached;
        cached.status = 200;
        cached.body = std::move(*body);
        cached.attempts = 0;
        cached.from_cache = true;
        on_answer(t, req, std::move(cached));
        return;
      }
    }
    engine.submit(t.lane, req->real, [&t, req, &on_answer](HttpResponse resp) {
      on_answer(t, req, std::move(resp));
    });
  };
  for (auto& t : tasks) {
    ask(*t, {}, {});
  }
  engine.run();
  for (std::size_t b = 0; b < m_backends.size(); ++b) {
    m_next_start[b] = engine.lane_next_start(lanes[b]);
  }
  distrust_silent_empties(tasks, unresponsive, m_options.cache);
  m_sent += engine.requests_sent();
  std::vector<QueryOutcome> out;
  out.reserve(tasks.size());
  for (auto& t : tasks) {
    out.push_back(std::move(t->outcome));
  }
  return out;
}

} // namespace empreinte::search
