// Removal requests in the history: recorded, extended, closed, each change an event; every
// write is one transaction, like the runs' (store.cpp).
#include "history/store.hpp"

#include "util/clock.hpp"

namespace empreinte::history {

namespace {

constexpr const char* k_request_columns = "id, subject, trace, url, domain, title, run, right, "
                                          "via, sent, jurisdiction, extended, outcome, "
                                          "done, created_at, origin";

Request read_request(const util::Statement& s)
{
  Request r;
  r.id = s.column_int(0);
  r.subject = s.column_text(1);
  r.trace = s.column_text(2);
  r.url = s.column_text(3);
  r.domain = s.column_text(4);
  r.title = s.column_text(5);
  r.run = s.column_int(6);
  r.right = s.column_text(7);
  r.via = s.column_text(8);
  r.sent = s.column_text(9);
  r.jurisdiction = s.column_text(10);
  r.extended = s.column_int(11) != 0;
  r.outcome = s.column_text(12);
  r.done = s.column_text(13);
  r.created_at = s.column_text(14);
  r.origin = s.column_text(15);
  return r;
}

} // namespace

util::Status Store::add_event(std::int64_t id,
                              const std::string& at,
                              const std::string& what,
                              const std::string& detail)
{
  auto s =
      m_db.prepare("INSERT INTO request_events(request, at, what, detail) VALUES (?, ?, ?, ?)");
  if (!s) {
    return error(m_path, s.error().what);
  }
  s->bind(1, id);
  s->bind(2, at);
  s->bind(3, what);
  s->bind(4, detail);
  if (s->step() || !s->error().empty()) {
    return error(m_path, s->error());
  }
  return util::ok_status();
}

util::Result<std::int64_t> Store::add_request(const Request& r)
{
  std::int64_t id = 0;
  auto status = in_transaction([&]() -> util::Status {
    auto s = m_db.prepare("INSERT INTO requests(subject, trace, url, domain, title, run, right, "
                          "via, sent, jurisdiction, "
                          "created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!s) {
      return error(m_path, s.error().what);
    }
    s->bind(1, r.subject);
    s->bind(2, r.trace);
    s->bind(3, r.url);
    s->bind(4, r.domain);
    s->bind(5, r.title);
    s->bind(6, r.run);
    s->bind(7, r.right);
    s->bind(8, r.via);
    s->bind(9, r.sent);
    s->bind(10, r.jurisdiction);
    s->bind(11, util::now_rfc3339());
    s->bind(12, r.origin);
    if (s->step() || !s->error().empty()) {
      return error(m_path, s->error());
    }
    auto rowid = m_db.prepare("SELECT last_insert_rowid()");
    if (!rowid || !rowid->step()) {
      return error(m_path, m_db.last_error());
    }
    id = rowid->column_int(0);
    return add_event(id, r.sent, "sent", r.via);
  });
  if (!status) {
    return status.error();
  }
  return id;
}

util::Result<std::vector<Request>> Store::requests(std::string_view subject) const
{
  auto s = m_db.prepare(std::string("SELECT ") + k_request_columns + " FROM requests" +
                        (subject.empty() ? "" : " WHERE subject = ?") + " ORDER BY id");
  if (!s) {
    return error(m_path, s.error().what);
  }
  if (!subject.empty()) {
    s->bind(1, subject);
  }
  std::vector<Request> out;
  while (s->step()) {
    out.push_back(read_request(*s));
  }
  if (!s->error().empty()) {
    return error(m_path, s->error());
  }
  return out;
}

util::Result<std::optional<Request>> Store::request(std::int64_t id) const
{
  auto s = m_db.prepare(std::string("SELECT ") + k_request_columns + " FROM requests WHERE id = ?");
  if (!s) {
    return error(m_path, s.error().what);
  }
  s->bind(1, id);
  if (s->step()) {
    return std::optional<Request>(read_request(*s));
  }
  if (!s->error().empty()) {
    return error(m_path, s->error());
  }
  return std::optional<Request>();
}

util::Status Store::extend_request(std::int64_t id, const std::string& date)
{
  return in_transaction([&]() -> util::Status {
    auto s = m_db.prepare("UPDATE requests SET extended = 1 WHERE id = ?");
    if (!s) {
      return error(m_path, s.error().what);
    }
    s->bind(1, id);
    if (s->step() || !s->error().empty()) {
      return error(m_path, s->error());
    }
    return add_event(id, date, "extended", "");
  });
}

util::Status
Store::close_request(std::int64_t id, const std::string& outcome, const std::string& date)
{
  return in_transaction([&]() -> util::Status {
    auto s = m_db.prepare("UPDATE requests SET outcome = ?, done = ? WHERE id = ?");
    if (!s) {
      return error(m_path, s.error().what);
    }
    s->bind(1, outcome);
    s->bind(2, date);
    s->bind(3, id);
    if (s->step() || !s->error().empty()) {
      return error(m_path, s->error());
    }
    return add_event(id, date, "done", outcome);
  });
}

util::Result<std::vector<RequestEvent>> Store::request_events(std::int64_t id) const
{
  auto s =
      m_db.prepare("SELECT at, what, detail FROM request_events WHERE request = ? ORDER BY rowid");
  if (!s) {
    return error(m_path, s.error().what);
  }
  s->bind(1, id);
  std::vector<RequestEvent> out;
  while (s->step()) {
    out.push_back({s->column_text(0), s->column_text(1), s->column_text(2)});
  }
  if (!s->error().empty()) {
    return error(m_path, s->error());
  }
  return out;
}

} // namespace empreinte::history
