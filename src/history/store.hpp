// The local history: every audit's whole report, keyed by subject, and the removal requests,
// in one SQLite file ($XDG_DATA_HOME/empreinte/history.sqlite, 0600, WAL).
#pragma once

#include "util/result.hpp"
#include "util/sqlite.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::history {

// One stored audit as `empreinte history` lists it: figures taken from the report when it was
// stored, so that listing never parses reports.
struct RunSummary
{
  std::int64_t id = 0;
  std::string subject;      // key: the folded name, "helene-vasseur"
  std::string name;         // "Hélène Vasseur"
  std::string generated_at; // the report's, RFC 3339
  std::string stored_at;    // RFC 3339
  std::vector<std::string> backends;
  bool complete = true;
  int exposure = 0;
  int control = 0;
  int traces = 0;
  int about_you = 0; // traces at or above the report's about-you threshold
  int high_risk = 0; // of those, with risk "high"
  int queries = 0;
  int failed_queries = 0;
  std::string profile_path; // the profile file the audit read; "" when from flags only
};

// The subject key of a report's "subject": its first and last name, folded, joined by "-".
std::string subject_key(const nlohmann::json& subject);

// The person's name as a report's "subject" gives it ("Hélène Vasseur").
std::string subject_name(const nlohmann::json& subject);

// The figures of a report, whatever its version (missing fields count as absent).
RunSummary summarise(const nlohmann::json& report);

// A removal request and what became of it.
struct Request
{
  std::int64_t id = 0;
  std::string subject;
  std::string trace; // trace id, stable across audits
  std::string url;
  std::string domain;
  std::string title;
  std::int64_t run = 0;     // the audit the trace was taken from (0: none)
  std::string right;        // erasure, rectification, objection, delist
  std::string via;          // email, post, form; "" when not said
  std::string sent;         // date, "2026-11-22"
  std::string jurisdiction; // "FR", "GB", "US-CA"...
  bool extended = false;    // the controller announced the extension the law allows
  std::string outcome;      // removed, refused, no-answer; "" while open
  std::string done;         // date of the outcome; "" while open
  std::string created_at;   // RFC 3339
  // The trace and the queries that found it, as that audit saw them (a small report JSON), so
  // that following a request up never needs the whole old report.
  std::string origin;
};

// One line of a request's own history: when it was sent, extended, closed.
struct RequestEvent
{
  std::string at;   // date
  std::string what; // sent, extended, done
  std::string detail;
};

class Store
{
public:
  enum class Access { read_only, read_write };

  // $XDG_DATA_HOME/empreinte/history.sqlite, else $HOME/.local/share/empreinte/history.sqlite.
  static util::Result<std::filesystem::path> default_path();

  // Opens the store; read_write creates it (folder 0700, file 0600). Opening read_only a store
  // that does not exist gives nullopt: there is no history yet.
  static util::Result<std::optional<Store>> open(const std::filesystem::path& path, Access access);

  const std::filesystem::path& path() const { return m_path; }

  // Stores one audit in one transaction; returns its run id.
  util::Result<std::int64_t> add_run(const nlohmann::json& report, const std::string& profile_path);

  // The runs of `subject` ("" = every subject), oldest first.
  util::Result<std::vector<RunSummary>> runs(std::string_view subject = {}) const;
  util::Result<std::optional<RunSummary>> run(std::int64_t id) const;
  // The subjects with runs, each once, most recently audited last.
  util::Result<std::vector<std::string>> subjects() const;
  // The latest run of `subject` with an id below `before` (0: no bound).
  util::Result<std::optional<std::int64_t>> latest(std::string_view subject,
                                                   std::int64_t before = 0) const;
  // The stored report of run `id`.
  util::Result<nlohmann::json> report(std::int64_t id) const;
  // Its digest: what the diff reads (history/digest.hpp), a fraction of the report's size.
  util::Result<nlohmann::json> digest(std::int64_t id) const;

  util::Result<std::int64_t> add_request(const Request& request);
  util::Result<std::vector<Request>> requests(std::string_view subject = {}) const;
  util::Result<std::optional<Request>> request(std::int64_t id) const;
  util::Status extend_request(std::int64_t id, const std::string& date);
  util::Status close_request(std::int64_t id, const std::string& outcome, const std::string& date);
  util::Result<std::vector<RequestEvent>> request_events(std::int64_t id) const;

private:
  Store(util::Database db, std::filesystem::path path)
      : m_db(std::move(db)), m_path(std::move(path))
  {
  }
  // "history database error: <what>", naming the file and what to do.
  static util::Error error(const std::filesystem::path& path, const std::string& what);
  util::Status in_transaction(const std::function<util::Status()>& work);
  util::Result<nlohmann::json> read_report(std::int64_t id, const char* column) const;
  util::Status add_event(std::int64_t id,
                         const std::string& at,
                         const std::string& what,
                         const std::string& detail);

  mutable util::Database m_db;
  std::filesystem::path m_path;
};

} // namespace empreinte::history
