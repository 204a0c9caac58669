// The HTTP engine: concurrent, polite requests with retries, on libcurl's multi interface.
// The only part of the project that includes curl.h for transfers (util/url uses curl's URL API).
#pragma once

#include "util/message.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace empreinte::search {

struct HttpRequest
{
  std::string method = "GET"; // GET or POST
  std::string url;
  std::vector<std::string> headers; // "Name: value"
  std::string body;                 // POST body
  std::size_t max_body_bytes = 0;   // 0: the engine's limit (EngineOptions::max_body_bytes)
};

// Why no HTTP answer came back.
enum class TransportError {
  none,
  timeout,
  deadline,
  connect,
  dns,
  tls,             // the TLS handshake failed (a plain-HTTP port, an unsupported version...)
  tls_certificate, // the server's certificate is not trusted
  reset,
  truncated,
  too_large,
  cancelled, // never sent: its lane was cancelled (the engine blocks this address)
  proxy,     // the proxy could not be resolved, reached, or refused the connection
  other
};

struct HttpResponse
{
  int status = 0; // HTTP status; 0 when there was no HTTP answer
  std::string body;
  std::string location; // Location header of a redirect
  std::string content_type; // Content-Type header, as sent ("text/html; charset=utf-8")
  TransportError error = TransportError::none;
  std::string error_text; // curl's words for the failure, when it said any
  double limit_seconds = 0; // TransportError::deadline: the whole run's limit (--timeout)
  int attempts = 0;
  bool from_cache = false;
};

struct EngineOptions
{
  int max_concurrency = 8; // requests in flight across all lanes
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds request_timeout{20000};
  std::chrono::milliseconds deadline{0}; // the whole run; 0 = none
  int max_retries = 2;                   // after the first attempt
  std::chrono::milliseconds backoff_base{500};
  std::chrono::milliseconds retry_after_cap{30000};
  std::string proxy; // "" = curl's environment variables (http_proxy, HTTPS_PROXY, ALL_PROXY...)
  std::string user_agent;
  std::size_t max_body_bytes = 8u * 1024 * 1024;
  // Test-only: curl CONNECT_TO entries ("::127.0.0.1:8080" sends every host to a loopback
  // server, keeping the Host header), so loopback servers can imitate named sites; no proxy
  // is used then.
  std::vector<std::string> connect_to;
};

// Runs requests grouped in lanes (one per search engine): at most `concurrency` of a lane in
// flight, starts at least `min_interval` apart, and `max_concurrency` in all. Retries 429, 5xx,
// timeouts and resets with exponential backoff and jitter, honouring Retry-After (capped).
// Callbacks run on the thread that calls run() and may submit more requests.
class HttpEngine
{
public:
  using Callback = std::function<void(HttpResponse)>;

  explicit HttpEngine(EngineOptions options);
  ~HttpEngine();
  HttpEngine(const HttpEngine&) = delete;
  HttpEngine& operator=(const HttpEngine&) = delete;

  int add_lane(int concurrency, std::chrono::milliseconds min_interval);
  // No request of `lane` starts before `until` (the min interval since the last request of an
  // earlier run on the same engine: `batch` audits subject after subject).
  void hold_lane(int lane, std::chrono::steady_clock::time_point until);
  // When the next request of `lane` may start, by its min interval.
  std::chrono::steady_clock::time_point lane_next_start(int lane) const;
  void submit(int lane, HttpRequest request, Callback done);
  // Ends every request of `lane` not started yet with TransportError::cancelled (on the loop
  // thread, from a callback; the callback knows why); requests in flight finish normally.
  void cancel_lane(int lane);
  // Announces work done on another thread that will post() its completion: run() does not
  // return before that completion has run.
  void expect_post();
  // Runs `completion` on the loop thread, waking the loop; callable from any thread, once per
  // expect_post(). The completion may submit requests (after the deadline they end at once).
  void post(std::function<void()> completion);
  // Runs until nothing is queued, in flight or expected, or the deadline passes (what is queued
  // or in flight then ends with TransportError::deadline; expected completions still run).
  void run();

  // Requests actually sent, retries included.
  std::size_t requests_sent() const;
  // Called after each finished request (not after each retry): (finished, submitted).
  std::function<void(std::size_t, std::size_t)> on_progress;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// A transport failure as one line for the person, in their language once rendered
// (report::tr; keys transport.*); empty for TransportError::none.
util::Message transport_message(const HttpResponse& response);

} // namespace empreinte::search
