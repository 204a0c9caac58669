// Writes are single transactions, so a crash or Ctrl-C leaves the history as it was; reports
// are kept whole in their own table so that listing runs reads only the small summary rows.
#include "history/store.hpp"

#include "history/digest.hpp"
#include "history/stored_json.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace empreinte::history {

using nlohmann::json;

namespace {

using stored::integer;
using stored::number;
using stored::str;

constexpr const char* k_schema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subject TEXT NOT NULL,
  name TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  stored_at TEXT NOT NULL,
  backends TEXT NOT NULL,
  complete INTEGER NOT NULL,
  exposure INTEGER NOT NULL,
  control INTEGER NOT NULL,
  traces INTEGER NOT NULL,
  about_you INTEGER NOT NULL,
  high_risk INTEGER NOT NULL,
  queries INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  profile_path TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS runs_by_subject ON runs(subject, id);
CREATE TABLE IF NOT EXISTS reports(
  run INTEGER PRIMARY KEY REFERENCES runs(id),
  json TEXT NOT NULL,
  digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS requests(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  subject TEXT NOT NULL,
  trace TEXT NOT NULL,
  url TEXT NOT NULL,
  domain TEXT NOT NULL,
  title TEXT NOT NULL,
  run INTEGER NOT NULL,
  right TEXT NOT NULL,
  via TEXT NOT NULL,
  sent TEXT NOT NULL,
  jurisdiction TEXT NOT NULL,
  extended INTEGER NOT NULL DEFAULT 0,
  outcome TEXT NOT NULL DEFAULT '',
  done TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS requests_by_subject ON requests(subject, id);
CREATE TABLE IF NOT EXISTS request_events(
  request INTEGER NOT NULL REFERENCES requests(id),
  at TEXT NOT NULL,
  what TEXT NOT NULL,
  detail TEXT NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', 'empreinte/history/v1');
)sql";

constexpr const char* k_run_columns =
    "id, subject, name, generated_at, stored_at, backends, complete, exposure, control, traces, "
    "about_you, high_risk, queries, failed, profile_path";

std::vector<std::string> split(const std::string& text)
{
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto comma = text.find(',', start);
    const auto end = comma == std::string::npos ? text.size() : comma;
    if (end > start) {
      out.push_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

RunSummary read_run(const util::Statement& s)
{
  RunSummary r;
  r.id = s.column_int(0);
  r.subject = s.column_text(1);
  r.name = s.column_text(2);
  r.generated_at = s.column_text(3);
  r.stored_at = s.column_text(4);
  r.backends = split(s.column_text(5));
  r.complete = s.column_int(6) != 0;
  r.exposure = static_cast<int>(s.column_int(7));
  r.control = static_cast<int>(s.column_int(8));
  r.traces = static_cast<int>(s.column_int(9));
  r.about_you = static_cast<int>(s.column_int(10));
  r.high_risk = static_cast<int>(s.column_int(11));
  r.queries = static_cast<int>(s.column_int(12));
  r.failed_queries = static_cast<int>(s.column_int(13));
  r.profile_path = s.column_text(14);
  return r;
}

// Creates the file 0600 before SQLite opens it: SQLite would create it with the umask's mode,
// and gives its -wal and -shm files the main file's mode.
util::Status create_private(const fs::path& path)
{
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    return util::runtime_error("cannot create the history folder: " + ec.message(),
                               path.parent_path().string(),
                               "set XDG_DATA_HOME to a writable folder");
  }
  ::chmod(path.parent_path().c_str(), 0700);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return util::runtime_error(std::string("cannot create the history: ") + std::strerror(errno),
                               path.string(),
                               "set XDG_DATA_HOME to a writable folder");
  }
  ::close(fd);
  ::chmod(path.c_str(), 0600);
  return util::ok_status();
}

} // namespace

util::Error Store::error(const fs::path& path, const std::string& what)
{
  return util::runtime_error("history database error: " + what,
                             path.string(),
                             "check the disk; move the file away to start a new history");
}

std::string subject_key(const json& subject)
{
  std::string out;
  for (const auto& w : util::words(str(subject, "first_name") + " " + str(subject, "last_name"))) {
    out += (out.empty() ? "" : "-") + w;
  }
  return out;
}

std::string subject_name(const json& subject)
{
  return util::squeeze_spaces(str(subject, "first_name") + " " + str(subject, "last_name"));
}

RunSummary summarise(const json& report)
{
  RunSummary r;
  if (!report.is_object()) {
    return r; // not a report: nothing to summarise, and no exception
  }
  const json subject = report.value("subject", json::object());
  r.subject = subject_key(subject);
  r.name = subject_name(subject);
  r.generated_at = str(report, "generated_at");
  for (const auto& b : report.value("backends", json::array())) {
    if (const auto name = str(b, "name"); !name.empty()) {
      r.backends.push_back(name);
    }
  }
  const json score = report.value("score", json::object());
  r.exposure = integer(score, "exposure");
  r.control = integer(score, "control");
  for (const auto& q : report.value("queries", json::array())) {
    ++r.queries;
    const auto status = str(q, "status");
    r.failed_queries += status != "ok" && status != "empty" ? 1 : 0;
    if (r.backends.empty() ||
        (r.backends.back() != str(q, "backend") && !str(q, "backend").empty() &&
         std::find(r.backends.begin(), r.backends.end(), str(q, "backend")) == r.backends.end())) {
      if (!str(q, "backend").empty()) {
        r.backends.push_back(str(q, "backend"));
      }
    }
  }
  const auto complete = report.find("complete");
  r.complete = complete != report.end() && complete->is_boolean() ? complete->get<bool>()
                                                                  : r.failed_queries == 0;
  for (const auto& t : report.value("traces", json::array())) {
    ++r.traces;
    const auto about = t.find("about_subject");
    if (about != t.end() && about->is_number() && about->get<double>() >= 0.5) {
      ++r.about_you;
      r.high_risk += str(t, "risk") == "high" ? 1 : 0;
    }
  }
  return r;
}

util::Result<fs::path> Store::default_path()
{
  fs::path base;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    base = fs::path(home) / ".local" / "share";
  } else {
    return util::runtime_error(
        "no data folder for the history: neither XDG_DATA_HOME nor HOME is set",
        {},
        "set XDG_DATA_HOME to a writable folder, or use --no-history");
  }
  return base / "empreinte" / "history.sqlite";
}

util::Result<std::optional<Store>> Store::open(const fs::path& path, Access access)
{
  std::error_code ec;
  if (access == Access::read_only && !fs::exists(path, ec)) {
    return std::optional<Store>();
  }
  if (access == Access::read_write) {
    if (auto s = create_private(path); !s) {
      return s.error();
    }
  }
  // Readers open read-write too: a WAL database needs its -shm file, which a reader may have to
  // create; nothing is written unless asked.
  auto db = util::Database::open(path.string(), util::Database::Mode::read_write_create);
  if (!db) {
    return db.error();
  }
  if (auto s = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                        "PRAGMA foreign_keys = ON;");
      !s) {
    return error(path, s.error().what);
  }
  if (access == Access::read_write) {
    if (auto s = db->exec(k_schema); !s) {
      return error(path, s.error().what);
    }
  }
  auto check = db->prepare("SELECT value FROM meta WHERE key = 'schema'");
  if (!check) {
    if (access == Access::read_only) {
      return std::optional<Store>(); // an empty file: nothing stored yet
    }
    return error(path, check.error().what);
  }
  if (check->step() && check->column_text(0) != "empreinte/history/v1") {
    return util::runtime_error("unknown history format \"" + check->column_text(0) + "\"",
                               path.string(),
                               "use the empreinte version that wrote it");
  }
  return std::optional<Store>(Store(std::move(*db), path));
}

util::Status Store::in_transaction(const std::function<util::Status()>& work)
{
  if (auto s = m_db.exec("BEGIN IMMEDIATE"); !s) {
    return error(m_path, s.error().what);
  }
  auto status = work();
  if (!status) {
    (void)m_db.exec("ROLLBACK");
    return status;
  }
  // For the test of a crash in the middle of a write: the transaction is open, nothing is
  // committed; the history must come back as it was.
  if (const char* crash = std::getenv("EMPREINTE_TEST_CRASH_IN_STORE"); crash && *crash == '1') {
    std::abort();
  }
  if (auto s = m_db.exec("COMMIT"); !s) {
    (void)m_db.exec("ROLLBACK");
    return error(m_path, s.error().what);
  }
  return util::ok_status();
}

util::Result<std::int64_t> Store::add_run(const json& report, const std::string& profile_path)
{
  const RunSummary r = summarise(report);
  std::int64_t id = 0;
  auto status = in_transaction([&]() -> util::Status {
    auto insert = m_db.prepare("INSERT INTO runs(subject, name, generated_at, stored_at, backends, "
                               "complete, exposure, control, "
                               "traces, about_you, high_risk, queries, failed, profile_path) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) {
      return error(m_path, insert.error().what);
    }
    insert->bind(1, r.subject);
    insert->bind(2, r.name);
    insert->bind(3, r.generated_at);
    insert->bind(4, util::now_rfc3339());
    insert->bind(5, util::join(r.backends, ","));
    insert->bind(6, std::int64_t{r.complete ? 1 : 0});
    insert->bind(7, std::int64_t{r.exposure});
    insert->bind(8, std::int64_t{r.control});
    insert->bind(9, std::int64_t{r.traces});
    insert->bind(10, std::int64_t{r.about_you});
    insert->bind(11, std::int64_t{r.high_risk});
    insert->bind(12, std::int64_t{r.queries});
    insert->bind(13, std::int64_t{r.failed_queries});
    insert->bind(14, profile_path);
    if (insert->step() || !insert->error().empty()) {
      return error(m_path, insert->error());
    }
    auto rowid = m_db.prepare("SELECT last_insert_rowid()");
    if (!rowid || !rowid->step()) {
      return error(m_path, m_db.last_error());
    }
    id = rowid->column_int(0);
    auto body = m_db.prepare("INSERT INTO reports(run, json, digest) VALUES (?, ?, ?)");
    if (!body) {
      return error(m_path, body.error().what);
    }
    body->bind(1, id);
    body->bind(2, report.dump());
    body->bind(3, digest_of(report).dump());
    if (body->step() || !body->error().empty()) {
      return error(m_path, body->error());
    }
    return util::ok_status();
  });
  if (!status) {
    return status.error();
  }
  return id;
}

util::Result<std::vector<RunSummary>> Store::runs(std::string_view subject) const
{
  auto s = m_db.prepare(std::string("SELECT ") + k_run_columns + " FROM runs" +
                        (subject.empty() ? "" : " WHERE subject = ?") + " ORDER BY id");
  if (!s) {
    return error(m_path, s.error().what);
  }
  if (!subject.empty()) {
    s->bind(1, subject);
  }
  std::vector<RunSummary> out;
  while (s->step()) {
    out.push_back(read_run(*s));
  }
  if (!s->error().empty()) {
    return error(m_path, s->error());
  }
  return out;
}

util::Result<std::optional<RunSummary>> Store::run(std::int64_t id) const
{
  auto s = m_db.prepare(std::string("SELECT ") + k_run_columns + " FROM runs WHERE id = ?");
  if (!s) {
    return error(m_path, s.error().what);
  }
  s->bind(1, id);
  if (s->step()) {
    return std::optional<RunSummary>(read_run(*s));
  }
  if (!s->error().empty()) {
    return error(m_path, s->error());
  }
  return std::optional<RunSummary>();
}

util::Result<std::vector<std::string>> Store::subjects() const
{
  auto s = m_db.prepare("SELECT subject FROM runs GROUP BY subject ORDER BY MAX(id)");
  if (!s) {
    return error(m_path, s.error().what);
  }
  std::vector<std::string> out;
  while (s->step()) {
    out.push_back(s->column_text(0));
  }
  if (!s->error().empty()) {
    return error(m_path, s->error());
  }
  return out;
}

util::Result<std::optional<std::int64_t>> Store::latest(std::string_view subject,
                                                        std::int64_t before) const
{
  auto s = m_db.prepare("SELECT MAX(id) FROM runs WHERE subject = ? AND id < ?");
  if (!s) {
    return error(m_path, s.error().what);
  }
  s->bind(1, subject);
  s->bind(2, before > 0 ? before : std::numeric_limits<std::int64_t>::max());
  if (s->step() && s->column_int(0) > 0) {
    return std::optional<std::int64_t>(s->column_int(0));
  }
  if (!s->error().empty()) {
    return error(m_path, s->error());
  }
  return std::optional<std::int64_t>();
}

util::Result<json> Store::report(std::int64_t id) const
{
  return read_report(id, "json");
}

util::Result<json> Store::digest(std::int64_t id) const
{
  return read_report(id, "digest");
}

util::Result<json> Store::read_report(std::int64_t id, const char* column) const
{
  auto s = m_db.prepare(std::string("SELECT ") + column + " FROM reports WHERE run = ?");
  if (!s) {
    return error(m_path, s.error().what);
  }
  s->bind(1, id);
  if (!s->step()) {
    if (!s->error().empty()) {
      return error(m_path, s->error());
    }
    return util::input_error("no run " + std::to_string(id) + " in the history",
                             m_path.string(),
                             "'empreinte history' lists the runs");
  }
  json report = json::parse(s->column_text(0), nullptr, false);
  if (report.is_discarded()) {
    return error(m_path, "the report of run " + std::to_string(id) + " is not JSON");
  }
  return report;
}

} // namespace empreinte::history
