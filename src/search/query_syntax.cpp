// Parsing is lenient, as engines are: a query always means something, never a syntax error.
#include "search/query_syntax.hpp"

#include "util/text.hpp"

namespace empreinte::search {

namespace {

bool is_query_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

struct Token
{
  std::string text;
  bool phrase = false;
  bool negated = false;
  bool is_or = false;
  bool is_site = false;
};

std::vector<Token> tokenize(std::string_view s)
{
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_query_space(s[i])) {
      ++i;
      continue;
    }
    Token t;
    if (s[i] == '-' && i + 1 < s.size() && !is_query_space(s[i + 1])) {
      t.negated = true;
      ++i;
    }
    if (s[i] == '"') {
      const auto end = s.find('"', i + 1);
      t.phrase = true;
      t.text = std::string(s.substr(i + 1, end == std::string_view::npos ? end : end - i - 1));
      i = end == std::string_view::npos ? s.size() : end + 1;
    } else {
      std::size_t end = i;
      while (end < s.size() && !is_query_space(s[end]) && s[end] != '"') {
        ++end;
      }
      t.text = std::string(s.substr(i, end - i));
      i = end;
      if (!t.negated && (t.text == "OR" || t.text == "|")) {
        t.is_or = true;
      } else if (util::ascii_lower(t.text.substr(0, 5)) == "site:") {
        t.is_site = true;
        t.text = util::ascii_lower(t.text.substr(5));
        while (!t.text.empty() && t.text.front() == '.') {
          t.text.erase(0, 1);
        }
        while (!t.text.empty() && (t.text.back() == '/' || t.text.back() == '.')) {
          t.text.pop_back();
        }
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string fts5_string(const Term& term)
{
  std::string out = "\"";
  for (char c : term.text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

// A short phrase (a name, usually) also matches its words in any order with at most one word
// between them, as web engines match names: "DUMONTET Claire", "Gregory P. Halvorsen".
std::string positive_fts5(const Term& term)
{
  const std::string exact = fts5_string(term);
  if (!term.phrase) {
    return exact;
  }
  const auto words = util::words(term.text);
  if (words.size() < 2 || words.size() > 3) {
    return exact;
  }
  std::string near;
  for (const auto& w : words) {
    near += (near.empty() ? "" : " ") + fts5_string(Term{w, false});
  }
  return exact + " OR NEAR(" + near + ", 1)";
}

} // namespace

ParsedQuery parse_query(std::string_view raw)
{
  // Control characters separate words, and invalid bytes are replaced: a NUL inside an FTS5
  // string ends it for SQLite's parser, which then reads the rest as syntax (found by fuzzing).
  std::string text = util::sanitize_utf8(raw);
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      c = ' ';
    }
  }
  ParsedQuery q;
  bool pending_or = false;
  bool last_was_positive_text = false;
  for (auto& t : tokenize(text)) {
    if (t.is_or) {
      pending_or = true;
      continue;
    }
    if (t.is_site) {
      if (!t.text.empty()) {
        (t.negated ? q.excluded_sites : q.sites).push_back(t.text);
      }
      pending_or = false;
      last_was_positive_text = false;
      continue;
    }
    if (util::words(t.text).empty()) {
      pending_or = false;
      continue;
    }
    Term term{t.text, t.phrase};
    if (t.negated) {
      q.excluded.push_back(std::move(term));
      last_was_positive_text = false;
    } else if (pending_or && last_was_positive_text) {
      q.groups.back().push_back(std::move(term));
    } else {
      q.groups.push_back({std::move(term)});
      last_was_positive_text = true;
    }
    pending_or = false;
  }
  return q;
}

std::string to_fts5(const ParsedQuery& query)
{
  std::string positive;
  for (const auto& group : query.groups) {
    std::string g;
    for (const auto& term : group) {
      g += (g.empty() ? "" : " OR ") + positive_fts5(term);
    }
    positive += (positive.empty() ? "" : " AND ") + ("(" + g + ")");
  }
  if (positive.empty()) {
    return {};
  }
  if (!query.excluded.empty()) {
    std::string negative;
    for (const auto& term : query.excluded) {
      negative += (negative.empty() ? "" : " OR ") + fts5_string(term);
    }
    positive = "(" + positive + ") NOT (" + negative + ")";
  }
  return positive;
}

bool host_matches(std::string_view host, std::string_view domain)
{
  if (domain.empty() || host.size() < domain.size()) {
    return false;
  }
  if (host.size() == domain.size()) {
    return host == domain;
  }
  return host.substr(host.size() - domain.size()) == domain
         && host[host.size() - domain.size() - 1] == '.';
}

} // namespace empreinte::search
