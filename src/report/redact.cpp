// Detected data is folded (lower-case, no accents); it is found again in the original text
// through a per-character fold that remembers where each folded byte came from.
#include "report/redact.hpp"

#include "util/text.hpp"

#include <algorithm>

namespace empreinte::report {

namespace {

constexpr const char* k_mask = "[redacted]";

// Replaces runs of digits (with phone separators) whose last nine digits are a secret tail.
std::string mask_phones(const std::string& s, const std::vector<std::string>& tails)
{
  if (tails.empty()) {
    return s;
  }
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] < '0' || s[i] > '9') {
      out += s[i++];
      continue;
    }
    std::size_t j = i;
    std::size_t last_digit = i;
    std::string digits;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || util::is_phone_separator(s[j]))) {
      if (s[j] >= '0' && s[j] <= '9') {
        digits += s[j];
        last_digit = j;
      }
      ++j;
    }
    bool hit = false;
    // Any nine consecutive digits of the run that form a secret tail.
    for (std::size_t k = 0; k + 9 <= digits.size() && !hit; ++k) {
      hit = std::find(tails.begin(), tails.end(), digits.substr(k, 9)) != tails.end();
    }
    if (hit) {
      if (!out.empty() && out.back() == '+') {
        out.pop_back(); // the international prefix belongs to the number
      }
      out += k_mask;
      i = last_digit + 1;
    } else {
      out.append(s, i, last_digit + 1 - i);
      i = last_digit + 1;
    }
  }
  return out;
}

// Replaces, in `s`, every stretch whose fold is `needle` (already folded).
std::string mask_folded(const std::string& s, const std::string& needle)
{
  if (needle.size() < 4) {
    return s;
  }
  std::string folded;
  std::vector<std::size_t> origin; // folded byte -> original byte offset of its character
  std::vector<std::size_t> origin_end;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) {
      ++n;
    }
    const std::string piece = util::fold(std::string_view(s).substr(i, n));
    for (std::size_t k = 0; k < piece.size(); ++k) {
      origin.push_back(i);
      origin_end.push_back(i + n);
    }
    folded += piece;
    i += n;
  }
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::size_t pos = 0;
  while ((pos = folded.find(needle, pos)) != std::string::npos) {
    ranges.emplace_back(origin[pos], origin_end[pos + needle.size() - 1]);
    pos += needle.size();
  }
  std::string out = s;
  for (auto it = ranges.rbegin(); it != ranges.rend(); ++it) {
    out.replace(it->first, it->second - it->first, k_mask);
  }
  return out;
}

std::string mask_emails(const std::string& s, const std::vector<std::string>& emails)
{
  std::string out = s;
  for (const auto& e : emails) {
    if (e.size() < 5) {
      continue;
    }
    std::string lower = util::ascii_lower(out);
    std::size_t pos = 0;
    while ((pos = lower.find(e, pos)) != std::string::npos) {
      out.replace(pos, e.size(), k_mask);
      lower.replace(pos, e.size(), k_mask);
      pos += std::string_view(k_mask).size();
    }
  }
  return out;
}

void add_unique(std::vector<std::string>& list, std::string value)
{
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(std::move(value));
  }
}

} // namespace

Secrets secrets_of(const Report& r)
{
  Secrets s;
  for (const auto& e : r.subject.emails) {
    add_unique(s.emails, util::ascii_lower(util::squeeze_spaces(e)));
  }
  for (const auto& p : r.subject.phones) {
    if (const auto d = util::digits(p); d.size() >= 9) {
      add_unique(s.phone_tails, d.substr(d.size() - 9));
    }
  }
  for (const auto& t : r.traces) {
    for (const auto& item : t.sensitive) {
      if (item.category == "email") {
        add_unique(s.emails, util::ascii_lower(item.text));
      } else if (item.category == "phone") {
        const auto d = util::digits(item.text);
        if (d.size() >= 9) {
          add_unique(s.phone_tails, d.substr(d.size() - 9));
        } else {
          add_unique(s.folded, util::fold(item.text)); // masked forms such as "06 39 98 ** **"
        }
      } else if (item.category == "address" || item.category == "birthdate"
                 || item.category == "national_id" || item.category == "financial") {
        add_unique(s.folded, util::fold(item.text));
      }
    }
  }
  // Longest first, so that a long match is not broken by a shorter one inside it.
  std::sort(s.folded.begin(), s.folded.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return s;
}

std::string mask(const std::string& text, const Secrets& secrets)
{
  std::string out = mask_emails(text, secrets.emails);
  for (const auto& f : secrets.folded) {
    out = mask_folded(out, f);
  }
  return mask_phones(out, secrets.phone_tails);
}

namespace {

// Arguments carry third-party text (names, handles, hosts); the sentence around them does not.
void mask_message(util::Message& m, const Secrets& secrets)
{
  for (auto& a : m.args) {
    a = mask(a, secrets);
  }
  for (auto& p : m.parts) {
    mask_message(p, secrets);
  }
  m.quote = mask(m.quote, secrets);
}

} // namespace

void redact(Report& r)
{
  const Secrets secrets = secrets_of(r);
  for (auto& e : r.subject.emails) {
    e = k_mask;
  }
  for (auto& p : r.subject.phones) {
    p = k_mask;
  }
  if (!r.subject.postal_address.empty()) {
    r.subject.postal_address = k_mask;
  }
  if (!r.subject.reply_email.empty()) {
    r.subject.reply_email = k_mask;
  }
  if (r.jurisdiction && r.jurisdiction->how == score::ChosenBy::phone) {
    r.jurisdiction->from = k_mask;
  }
  for (auto& t : r.traces) {
    t.url = mask(t.url, secrets);
    t.title = mask(t.title, secrets);
    for (auto& s : t.snippets) {
      s = mask(s, secrets);
    }
    for (auto& e : t.evidence) {
      mask_message(e, secrets);
    }
    for (auto& item : t.sensitive) {
      item.text = k_mask;
      item.quote = mask(item.quote, secrets);
    }
    t.page.saved_path = mask(t.page.saved_path, secrets);
  }
  for (auto& q : r.queries) {
    for (auto& result : q.outcome.results) {
      result.url = mask(result.url, secrets);
      result.title = mask(result.title, secrets);
      result.snippet = mask(result.snippet, secrets);
    }
  }
}

} // namespace empreinte::report
