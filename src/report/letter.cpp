// kainjow-mustache does the templating; an empty string would still open a section, so empty
// values are simply not set. The layout around the template's text is code: the same blocks in
// every format, only their markup differs.
#include "report/letter.hpp"

#include "util/text.hpp"

#include <chrono>
#include <cstdio>
#include <kainjow/mustache.hpp>

namespace empreinte::report {

util::Result<std::string> render_letter(const std::string& template_text,
                                        const std::map<std::string, std::string>& values)
{
  kainjow::mustache::mustache tmpl{template_text};
  if (!tmpl.is_valid()) {
    return util::runtime_error("invalid letter template: " + tmpl.error_message());
  }
  kainjow::mustache::data data;
  for (const auto& [key, value] : values) {
    if (!value.empty()) {
      data.set(key, value);
    }
  }
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    return util::runtime_error("cannot render letter: " + tmpl.error_message());
  }
  return out;
}

util::Status split_rendered(const std::string& rendered, Letter& letter)
{
  const auto end = rendered.find("\n\n");
  if (end == std::string::npos || end == 0 ||
      rendered.substr(0, end).find('\n') != std::string::npos) {
    return util::runtime_error(
        "invalid letter template: the first line must be the subject, then a blank line");
  }
  letter.subject = rendered.substr(0, end);
  letter.body = rendered.substr(end + 2);
  while (!letter.body.empty() && letter.body.back() == '\n') {
    letter.body.pop_back();
  }
  return util::ok_status();
}

namespace {

bool parse_date(std::string_view iso, int& y, unsigned& m, unsigned& d)
{
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') {
    return false;
  }
  auto number = [&](std::size_t from, std::size_t len, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') {
        return false;
      }
      out = out * 10 + (iso[i] - '0');
    }
    return true;
  };
  int month = 0;
  int day = 0;
  if (!number(0, 4, y) || !number(5, 2, month) || !number(8, 2, day) || month < 1 || month > 12 ||
      day < 1 || day > 31) {
    return false;
  }
  m = static_cast<unsigned>(month);
  d = static_cast<unsigned>(day);
  return true;
}

constexpr const char* k_months_en[] = {"January",
                                       "February",
                                       "March",
                                       "April",
                                       "May",
                                       "June",
                                       "July",
                                       "August",
                                       "September",
                                       "October",
                                       "November",
                                       "December"};
constexpr const char* k_months_fr[] = {"janvier",
                                       "février",
                                       "mars",
                                       "avril",
                                       "mai",
                                       "juin",
                                       "juillet",
                                       "août",
                                       "septembre",
                                       "octobre",
                                       "novembre",
                                       "décembre"};

bool plain_ascii(std::string_view value)
{
  for (unsigned char c : value) {
    if (c < 0x20 || c > 0x7e) {
      return false;
    }
  }
  return true;
}

std::string base64(std::string_view in)
{
  static const char* const k_alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
    out += k_alphabet[(n >> 6) & 63];
    out += k_alphabet[n & 63];
  }
  if (i + 1 == in.size()) {
    const unsigned n = static_cast<unsigned char>(in[i]) << 16;
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned n =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
    out += k_alphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

// Markdown: every character that could open markup is escaped; the text stays literal.
std::string md_escape(std::string_view text)
{
  std::string out;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>#|~").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

bool fr(const Letter& l)
{
  return l.lang == "fr";
}

std::string to_label(const Letter& l)
{
  return fr(l) ? "À l'attention de : " : "To: ";
}

std::string date_line(const Letter& l)
{
  return fr(l) ? "Le " + l.date : l.date;
}

std::string subject_label(const Letter& l)
{
  return fr(l) ? "Objet : " : "Subject: ";
}

std::vector<std::string> sender_lines(const Letter& l)
{
  std::vector<std::string> out{l.sender_name};
  out.insert(out.end(), l.sender_address.begin(), l.sender_address.end());
  if (!l.sender_email.empty()) {
    out.push_back(l.sender_email);
  }
  return out;
}

} // namespace

std::string written_date(std::string_view iso, std::string_view lang)
{
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (!parse_date(iso, y, m, d)) {
    return std::string(iso);
  }
  if (lang == "fr") {
    return (d == 1 ? std::string("1er") : std::to_string(d)) + " " + k_months_fr[m - 1] + " " +
           std::to_string(y);
  }
  return std::to_string(d) + " " + k_months_en[m - 1] + " " + std::to_string(y);
}

std::string rfc5322_date(std::string_view t)
{
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (!parse_date(t, y, m, d) || t.size() < 19 || t[10] != 'T' || t[13] != ':' || t[16] != ':') {
    return "";
  }
  const std::chrono::year_month_day ymd{
      std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) {
    return "";
  }
  static const char* const k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const k_months[] = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto weekday = std::chrono::weekday{std::chrono::sys_days{ymd}}.c_encoding();
  char out[64];
  std::snprintf(out,
                sizeof out,
                "%s, %02u %s %04d %.8s +0000",
                k_days[weekday],
                d,
                k_months[m - 1],
                y,
                std::string(t.substr(11, 8)).c_str());
  return out;
}

std::string encode_header(std::string_view value)
{
  if (plain_ascii(value)) {
    return std::string(value);
  }
  // Encoded words of at most 75 characters, never cutting a UTF-8 sequence.
  std::string out;
  std::size_t at = 0;
  while (at < value.size()) {
    std::size_t end = std::min(value.size(), at + 39);
    while (end < value.size() && end > at &&
           (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) {
      --end;
    }
    out += (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") +
           base64(value.substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string letter_text(const Letter& l)
{
  std::string out;
  for (const auto& line : sender_lines(l)) {
    out += line + "\n";
  }
  out += "\n" + to_label(l) + l.recipient + "\n";
  for (const auto& line : l.recipient_lines) {
    out += line + "\n";
  }
  out += "\n" + date_line(l) + "\n\n";
  out += subject_label(l) + l.subject + "\n\n";
  out += l.body + "\n";
  return out;
}

std::string letter_markdown(const Letter& l)
{
  auto block = [](const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out += md_escape(lines[i]) + (i + 1 < lines.size() ? "\\\n" : "\n");
    }
    return out;
  };
  std::vector<std::string> to{to_label(l) + l.recipient};
  to.insert(to.end(), l.recipient_lines.begin(), l.recipient_lines.end());
  std::string out =
      block(sender_lines(l)) + "\n" + block(to) + "\n" + md_escape(date_line(l)) + "\n\n";
  out += "**" + md_escape(subject_label(l) + l.subject) + "**\n\n";
  std::size_t pos = 0;
  while (pos <= l.body.size()) {
    const auto end = std::min(l.body.find('\n', pos), l.body.size());
    const std::string_view line = std::string_view(l.body).substr(pos, end - pos);
    // A URL alone on its line stays a link; anything else is literal text.
    const bool url = line.rfind("https://", 0) == 0 && line.find(' ') == std::string_view::npos;
    // Lines of one paragraph (URL then title) keep their break.
    const bool more =
        end < l.body.size() && l.body.compare(end, 2, "\n\n") != 0 && end + 1 < l.body.size();
    out += (url ? "<" + std::string(line) + ">" : md_escape(line)) +
           (more && !line.empty() ? "\\" : "") + "\n";
    pos = end + 1;
  }
  return out;
}

util::Result<std::string> letter_eml(const Letter& l)
{
  if (l.sender_email.empty()) {
    return util::input_error(
        "an e-mail needs your address",
        "--format eml",
        "add reply_email to the profile (or --reply-email) and run the audit again, "
        "or use --format txt");
  }
  std::string out;
  auto header = [&](const std::string& name, const std::string& value) {
    out += name + ": " + value + "\r\n";
  };
  std::string name = encode_header(util::squeeze_spaces(l.sender_name));
  if (plain_ascii(l.sender_name) && name.find_first_of("\",<>()@;:.[]\\") != std::string::npos) {
    std::string quoted = "\"";
    for (char c : name) {
      quoted += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    }
    name = quoted + "\"";
  }
  header("From", name + " <" + l.sender_email + ">");
  if (!l.to_email.empty()) {
    header("To", "<" + l.to_email + ">");
  }
  header("Subject", encode_header(l.subject));
  if (!l.date_rfc5322.empty()) {
    header("Date", l.date_rfc5322);
  }
  header("MIME-Version", "1.0");
  header("Content-Type", "text/plain; charset=UTF-8");
  header("Content-Transfer-Encoding", "8bit");
  header("X-Unsent", "1");
  out += "\r\n";
  std::string body;
  if (l.to_email.empty()) {
    // No address to send to: the letter says where it should go instead.
    body += to_label(l) + l.recipient + "\n";
    for (const auto& line : l.recipient_lines) {
      body += line + "\n";
    }
    body += "\n";
  }
  body += l.body + "\n";
  std::size_t pos = 0;
  while (pos < body.size()) {
    const auto end = std::min(body.find('\n', pos), body.size());
    std::string line = body.substr(pos, end - pos);
    if (util::char_count(line) > 76 && line.find(' ') != std::string::npos) {
      line = util::wrap(line, 76, "");
    }
    for (std::size_t p = 0; p <= line.size();) {
      const auto e = std::min(line.find('\n', p), line.size());
      out += line.substr(p, e - p) + "\r\n";
      p = e + 1;
    }
    pos = end + 1;
  }
  return out;
}

} // namespace empreinte::report
