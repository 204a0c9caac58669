// One thread drives every transfer through curl_multi_poll; politeness (per-engine
// concurrency and spacing) and retries are scheduled here, not by sleeping, so a slow engine
// never holds up the others. No exception may cross a curl callback: they only copy bytes.
#include "search/http_engine.hpp"

#include "search/http_errors.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <curl/curl.h>
#include <deque>
#include <fmt/format.h>
#include <limits>
#include <mutex>
#include <optional>
#include <random>
#include <unordered_map>

namespace empreinte::search {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Named, not anonymous: HttpEngine::Impl (declared in the header) holds these types, and GCC
// warns (-Wsubobject-linkage) when such a class uses an anonymous namespace's type in a unity build.
namespace engine_detail {

void global_init()
{
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Job
{
  int lane = 0;
  HttpRequest request;
  HttpEngine::Callback done;
  int attempt = 0; // attempts made so far
  Clock::time_point not_before{};
};

struct Lane
{
  int concurrency = 1;
  milliseconds min_interval{0};
  int in_flight = 0;
  Clock::time_point next_start{};
  std::deque<Job> queue;
};

// A transfer in flight: the job and what curl has written so far.
struct Transfer
{
  Job job;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  curl_slist* connect_to = nullptr;
  std::string body;
  std::string retry_after;
  std::string location;
  std::string content_type;
  std::size_t max_bytes = 0;
  bool too_large = false;
  char error_buffer[CURL_ERROR_SIZE] = {};
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user)
{
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->body.size() + n > t->max_bytes) {
    t->too_large = true;
    return 0; // makes curl fail the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user)
{
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  const std::string_view line(data, n);
  auto value_of = [&](std::string_view name) -> std::optional<std::string> {
    if (line.size() > name.size() && util::ascii_lower(line.substr(0, name.size())) == name) {
      return util::squeeze_spaces(line.substr(name.size()));
    }
    return std::nullopt;
  };
  if (line.rfind("HTTP/", 0) == 0) {
    t->retry_after.clear(); // a new response (after a 100 Continue, say)
    t->location.clear();
    t->content_type.clear();
  } else if (auto v = value_of("retry-after:")) {
    t->retry_after = *v;
  } else if (auto v2 = value_of("location:")) {
    t->location = *v2;
  } else if (auto v3 = value_of("content-type:")) {
    t->content_type = *v3;
  }
  return n;
}

} // namespace engine_detail

using namespace engine_detail;

struct HttpEngine::Impl
{
  EngineOptions options;
  CURLM* multi = nullptr;
  std::vector<Lane> lanes;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> in_flight;
  std::size_t sent = 0;
  std::size_t submitted = 0;
  std::size_t finished = 0;
  std::size_t completions = 0; // transfers curl finished, retried or not
  Clock::time_point deadline = Clock::time_point::max();
  std::mt19937 rng{std::random_device{}()};
  HttpEngine* owner = nullptr;
  // Completions posted by other threads (parsers), and how many are still to come.
  std::mutex posted_mutex;
  std::vector<std::function<void()>> posted;
  std::size_t expected = 0; // loop thread only

  bool transfers_idle() const
  {
    return in_flight.empty() &&
           std::all_of(lanes.begin(), lanes.end(), [](const Lane& l) { return l.queue.empty(); });
  }

  bool idle() const { return transfers_idle() && expected == 0; }

  // Runs what other threads posted; returns whether anything ran.
  bool run_posted()
  {
    std::vector<std::function<void()>> batch;
    {
      const std::lock_guard lock(posted_mutex);
      batch.swap(posted);
    }
    for (auto& completion : batch) {
      --expected;
      completion(); // may submit requests, or expect more posts
    }
    return !batch.empty();
  }

  void finish(Job job, HttpResponse response)
  {
    ++finished;
    if (owner->on_progress) {
      owner->on_progress(finished, submitted);
    }
    job.done(std::move(response)); // may submit more jobs
  }

  void start(Job job, Clock::time_point now)
  {
    auto t = std::make_unique<Transfer>();
    t->job = std::move(job);
    t->max_bytes = t->job.request.max_body_bytes ? std::min(t->job.request.max_body_bytes,
                                                             options.max_body_bytes)
                                                  : options.max_body_bytes;
    CURL* e = curl_easy_init();
    t->easy = e;
    const HttpRequest& r = t->job.request;
    curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); // every encoding curl was built with
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    // Redirects are answers in themselves (Startpage sends captchas that way): not followed.
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(
        e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
    auto timeout = options.request_timeout;
    if (deadline != Clock::time_point::max()) {
      timeout = std::min(timeout, std::chrono::duration_cast<milliseconds>(deadline - now));
    }
    curl_easy_setopt(
        e, CURLOPT_TIMEOUT_MS, static_cast<long>(std::max<long long>(1, timeout.count())));
    if (!options.proxy.empty()) {
      curl_easy_setopt(e, CURLOPT_PROXY, options.proxy.c_str());
    }
    if (!options.user_agent.empty()) {
      curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
    }
    for (const auto& h : r.headers) {
      t->headers = curl_slist_append(t->headers, h.c_str());
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    if (!options.connect_to.empty()) {
      for (const auto& c : options.connect_to) {
        t->connect_to = curl_slist_append(t->connect_to, c.c_str());
      }
      curl_easy_setopt(e, CURLOPT_CONNECT_TO, t->connect_to);
      curl_easy_setopt(e, CURLOPT_NOPROXY, "*"); // a proxy would defeat the loopback override
    }
    if (r.method == "POST") {
      curl_easy_setopt(e, CURLOPT_POST, 1L);
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(r.body.size()));
      curl_easy_setopt(e, CURLOPT_POSTFIELDS, r.body.c_str());
    }
    ++t->job.attempt;
    ++sent;
    Lane& lane = lanes[static_cast<std::size_t>(t->job.lane)];
    ++lane.in_flight;
    lane.next_start = now + lane.min_interval;
    curl_multi_add_handle(multi, e);
    in_flight.emplace(e, std::move(t));
  }

  // Starts what politeness allows now; returns when the next queued job may start.
  Clock::time_point start_ready(Clock::time_point now)
  {
    Clock::time_point next = Clock::time_point::max();
    for (auto& lane : lanes) {
      while (!lane.queue.empty()) {
        const Clock::time_point ready = std::max(lane.next_start, lane.queue.front().not_before);
        if (lane.in_flight >= lane.concurrency ||
            static_cast<int>(in_flight.size()) >= options.max_concurrency) {
          break; // a finished transfer wakes the loop
        }
        if (ready > now) {
          next = std::min(next, ready);
          break;
        }
        Job job = std::move(lane.queue.front());
        lane.queue.pop_front();
        start(std::move(job), now);
      }
    }
    return next;
  }

  void collect(Clock::time_point now)
  {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg != CURLMSG_DONE) {
        continue;
      }
      ++completions;
      CURL* e = msg->easy_handle;
      const CURLcode code = msg->data.result;
      auto node = in_flight.extract(e);
      std::unique_ptr<Transfer> t = std::move(node.mapped());
      HttpResponse response;
      response.attempts = t->job.attempt;
      response.error = classify(code, t->too_large, !options.proxy.empty());
      if (response.error == TransportError::none) {
        long status = 0;
        curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
        response.status = static_cast<int>(status);
        response.body = std::move(t->body);
        response.location = t->location;
        response.content_type = t->content_type;
      } else {
        response.error_text =
            util::squeeze_spaces(t->error_buffer[0] ? t->error_buffer : curl_easy_strerror(code));
        // Say which limit ran out, so that the advice names the right flag.
        if (response.error == TransportError::timeout && deadline != Clock::time_point::max()
            && Clock::now() + milliseconds(100) >= deadline) {
          response.error = TransportError::deadline;
          response.error_text.clear();
          response.limit_seconds = deadline_seconds();
        }
      }
      release(e, *t);
      Lane& lane = lanes[static_cast<std::size_t>(t->job.lane)];
      --lane.in_flight;
      if (retryable(response) && t->job.attempt <= options.max_retries) {
        milliseconds wait = options.backoff_base * (1LL << std::min(t->job.attempt - 1, 10));
        std::uniform_real_distribution<double> jitter(0.5, 1.5);
        wait =
            milliseconds(static_cast<long long>(static_cast<double>(wait.count()) * jitter(rng)));
        // A Retry-After beyond the cap is not worth waiting for: the answer stands.
        const auto after = parse_retry_after(t->retry_after);
        if (after) {
          wait = std::max(wait, std::min(*after, options.retry_after_cap));
        }
        const bool fits = deadline == Clock::time_point::max() || now + wait < deadline;
        if (fits && (!after || *after <= options.retry_after_cap)) {
          t->job.not_before = now + wait;
          lane.queue.push_front(std::move(t->job));
          continue;
        }
      }
      finish(std::move(t->job), std::move(response));
    }
  }

  // Detaches a transfer from curl and frees what curl holds for it.
  void release(CURL* e, Transfer& t)
  {
    curl_multi_remove_handle(multi, e);
    curl_slist_free_all(t.headers);
    curl_slist_free_all(t.connect_to);
    curl_easy_cleanup(e);
  }

  // The whole run's limit (--timeout), which the reason names.
  double deadline_seconds() const { return static_cast<double>(options.deadline.count()) / 1000; }

  void give_up(Job job)
  {
    HttpResponse r;
    r.error = TransportError::deadline;
    r.limit_seconds = deadline_seconds();
    r.attempts = job.attempt;
    finish(std::move(job), std::move(r));
  }

  void abort_all()
  {
    auto transfers = std::move(in_flight);
    in_flight.clear();
    for (auto& [e, t] : transfers) {
      release(e, *t);
      lanes[static_cast<std::size_t>(t->job.lane)].in_flight = 0;
      give_up(std::move(t->job));
    }
    for (auto& lane : lanes) {
      while (!lane.queue.empty()) {
        Job job = std::move(lane.queue.front());
        lane.queue.pop_front();
        give_up(std::move(job)); // callbacks may submit more: run() drains them too
      }
    }
  }
};

HttpEngine::HttpEngine(EngineOptions options) : m_impl(std::make_unique<Impl>())
{
  global_init();
  m_impl->options = std::move(options);
  m_impl->options.max_concurrency = std::max(1, m_impl->options.max_concurrency);
  m_impl->multi = curl_multi_init();
  m_impl->owner = this;
}

HttpEngine::~HttpEngine()
{
  for (auto& [e, t] : m_impl->in_flight) {
    m_impl->release(e, *t);
  }
  curl_multi_cleanup(m_impl->multi);
}

int HttpEngine::add_lane(int concurrency, milliseconds min_interval)
{
  Lane lane;
  lane.concurrency = std::max(1, concurrency);
  lane.min_interval = min_interval;
  m_impl->lanes.push_back(std::move(lane));
  return static_cast<int>(m_impl->lanes.size() - 1);
}

void HttpEngine::hold_lane(int lane, std::chrono::steady_clock::time_point until)
{
  auto& l = m_impl->lanes.at(static_cast<std::size_t>(lane));
  l.next_start = std::max(l.next_start, until);
}

std::chrono::steady_clock::time_point HttpEngine::lane_next_start(int lane) const
{
  return m_impl->lanes.at(static_cast<std::size_t>(lane)).next_start;
}

void HttpEngine::submit(int lane, HttpRequest request, Callback done)
{
  Job job;
  job.lane = lane;
  job.request = std::move(request);
  job.done = std::move(done);
  ++m_impl->submitted;
  m_impl->lanes.at(static_cast<std::size_t>(lane)).queue.push_back(std::move(job));
}

void HttpEngine::cancel_lane(int lane)
{
  auto& queue = m_impl->lanes.at(static_cast<std::size_t>(lane)).queue;
  std::deque<Job> cancelled;
  cancelled.swap(queue);
  for (auto& job : cancelled) {
    HttpResponse r;
    r.error = TransportError::cancelled;
    r.attempts = job.attempt;
    m_impl->finish(std::move(job), std::move(r)); // the callback may submit elsewhere
  }
}

void HttpEngine::expect_post()
{
  ++m_impl->expected;
}

void HttpEngine::post(std::function<void()> completion)
{
  {
    const std::lock_guard lock(m_impl->posted_mutex);
    m_impl->posted.push_back(std::move(completion));
  }
  curl_multi_wakeup(m_impl->multi); // thread-safe: breaks curl_multi_poll
}

void HttpEngine::run()
{
  Impl& m = *m_impl;
  if (m.options.deadline.count() > 0) {
    m.deadline = Clock::now() + m.options.deadline;
  }
  while (!m.idle()) {
    auto now = Clock::now();
    if (now >= m.deadline) {
      // Jobs submitted by the callbacks of aborted ones are aborted too. Completions still
      // expected come from parsers, whose budget ends at the same deadline: wait for them.
      while (!m.idle()) {
        while (!m.transfers_idle()) {
          m.abort_all();
        }
        if (!m.run_posted() && m.expected > 0) {
          curl_multi_poll(m.multi, nullptr, 0, 100, nullptr);
        }
      }
      break;
    }
    const bool ran = m.run_posted();
    const Clock::time_point next = m.start_ready(now);
    int running = 0;
    curl_multi_perform(m.multi, &running);
    const std::size_t before = m.completions;
    m.collect(Clock::now());
    if (m.idle()) {
      break;
    }
    if (m.completions != before || ran) {
      continue; // slots were freed or work was added: fill them now, not after a wake-up
    }
    now = Clock::now();
    milliseconds wait(200);
    long curl_wait = -1; // what curl's own timers need (connect timeouts, retries of its own)
    if (curl_multi_timeout(m.multi, &curl_wait) == CURLM_OK && curl_wait >= 0) {
      wait = std::min(wait, milliseconds(curl_wait));
    }
    if (next != Clock::time_point::max()) {
      wait = std::min(wait, std::chrono::duration_cast<milliseconds>(next - now) + milliseconds(1));
    }
    if (m.deadline != Clock::time_point::max()) {
      wait = std::min(wait,
                      std::chrono::duration_cast<milliseconds>(m.deadline - now) + milliseconds(1));
    }
    if (wait.count() > 0) {
      curl_multi_poll(m.multi, nullptr, 0, static_cast<int>(wait.count()), nullptr);
    }
  }
}

std::size_t HttpEngine::requests_sent() const
{
  return m_impl->sent;
}

} // namespace empreinte::search
