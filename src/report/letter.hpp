// Letters to a site about one trace (erasure, rectification, objection): the template's text,
// and the sender, date and recipient blocks around it, as plain text, Markdown or an e-mail.
#pragma once

#include "util/result.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace empreinte::report {

// Renders the Mustache letter template `template_text` with `values` (plain text: values
// are inserted as they are). Empty values are left unset so that optional sections vanish.
util::Result<std::string> render_letter(const std::string& template_text,
                                        const std::map<std::string, std::string>& values);

// A letter ready to lay out: the rendered template gives the subject (its first line) and the
// body (after the blank line that follows); the blocks come from the profile and the contacts.
struct Letter
{
  std::string lang; // en, fr
  std::string subject;
  std::string body;
  std::string sender_name;
  std::vector<std::string> sender_address;  // lines; empty when the profile gives none
  std::string sender_email;                 // "" when none
  std::string date;                         // written out: "3 December 2026", "3 décembre 2026"
  std::string date_rfc5322;                 // "Thu, 03 Dec 2026 13:52:57 +0000", for e-mail
  std::string recipient;                    // the controller or site
  std::vector<std::string> recipient_lines; // its e-mail, form or postal address, or why none
  std::string to_email;                     // the address an e-mail goes to, or ""
};

// Splits a rendered template into subject and body. An error when there is no subject line
// followed by a blank line.
util::Status split_rendered(const std::string& rendered, Letter& letter);

// A date "2026-12-03..." written out in `lang`: "3 December 2026", "1er décembre 2026".
std::string written_date(std::string_view iso_date, std::string_view lang);

// An RFC 3339 UTC time ("2026-12-03T13:52:57Z") as an RFC 5322 date, or "" when malformed.
std::string rfc5322_date(std::string_view rfc3339);

// A header value as RFC 2047 encoded words when it is not plain printable ASCII.
std::string encode_header(std::string_view value);

// The letter laid out: plain text, Markdown, or a draft e-mail (RFC 5322, UTF-8, CRLF line
// ends, X-Unsent so that mail programs open it as a draft). An e-mail needs sender_email.
std::string letter_text(const Letter& letter);
std::string letter_markdown(const Letter& letter);
util::Result<std::string> letter_eml(const Letter& letter);

} // namespace empreinte::report
