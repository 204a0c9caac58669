// Layout only: the words come from diff_view.cpp. Third-party text is stripped of control
// characters (text), escaped (Markdown), or left to Mustache's HTML escaping.
#include "history/diff_render.hpp"

#include "history/diff_view.hpp"
#include "report/i18n.hpp"
#include "report/markdown_report.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

namespace empreinte::history {

namespace mu = kainjow::mustache;

namespace {

std::string pad(const std::string& s, std::size_t width)
{
  // Width in characters, not bytes: labels are French or English words with accents.
  std::size_t chars = 0;
  for (unsigned char c : s) {
    chars += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::size_t widest(const std::vector<std::pair<std::string, std::string>>& rows)
{
  std::size_t w = 0;
  for (const auto& [label, line] : rows) {
    std::size_t chars = 0;
    for (unsigned char c : label) {
      chars += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    w = std::max(w, chars);
  }
  return w + 1;
}

bool is_link(const std::string& url)
{
  return util::parse_http_url(url).has_value() && url.rfind("http", 0) == 0;
}

// As the report's Markdown does: only http(s) targets, with the characters that would end the
// link percent-encoded.
std::string markdown_link(const std::string& label, const std::string& url)
{
  if (!is_link(url)) {
    return report::markdown_escape(label);
  }
  std::string safe;
  for (char c : util::strip_controls(url)) {
    if (c == '(' || c == ')' || c == ' ' || c == '<' || c == '>') {
      safe += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      safe += c;
    }
  }
  return "[" + report::markdown_escape(label) + "](" + safe + ")";
}

mu::data flag(bool v)
{
  return v ? mu::data::type::bool_true : mu::data::type::bool_false;
}

} // namespace

std::string render_diff_text(const Diff& d, const std::string& lang, const util::Style& style)
{
  const DiffView v = view_of(d, lang);
  std::string out = style.bold(util::safe_excerpt(v.title, 200)) + "\n" + util::safe_excerpt(v.sides, 400) + "\n";
  for (const auto& note : v.notes) {
    out += style.yellow(note) + "\n";
  }
  out += "\n" + style.bold(v.scores_heading) + "\n";
  const std::size_t width = widest(v.scores);
  for (const auto& [label, line] : v.scores) {
    out += "  " + pad(label, width) + line + "\n";
  }
  out += "\n" + v.summary + "\n";
  if (!v.namesakes.empty()) {
    out += style.dim(v.namesakes) + "\n";
  }
  if (!v.nothing.empty()) {
    out += "\n" + v.nothing + "\n";
  }
  for (const auto& section : v.sections) {
    out += "\n" + style.bold(section.heading) + "\n";
    for (const auto& item : section.items) {
      const std::string sign = item.sign == "+"   ? style.red(item.sign)
                               : item.sign == "-" ? style.green(item.sign)
                                                  : style.yellow(item.sign);
      out += "  " + sign + " " + style.bold(util::safe_excerpt(item.title, 110)) + "\n";
      out += "    " + style.dim(util::safe_excerpt(item.url, 160)) + "\n";
      for (const auto& line : item.details) {
        if (!line.empty()) {
          out += "    " + util::safe_excerpt(line, 400) + "\n";
        }
      }
    }
  }
  if (!v.families.empty()) {
    out += "\n" + style.bold(v.families_heading) + "\n";
    const std::size_t w = widest(v.families);
    for (const auto& [label, line] : v.families) {
      out += "  " + pad(label, w) + line + "\n";
    }
  }
  if (!v.findings.empty()) {
    out += "\n" + style.bold(v.findings_heading) + "\n";
    for (const auto& line : v.findings) {
      out += "  " + line + "\n";
    }
  }
  if (!v.requests.empty()) {
    out += "\n" + style.bold(v.requests_heading) + "\n";
    for (const auto& line : v.requests) {
      out += "  " + util::safe_excerpt(line, 400) + "\n";
    }
  }
  return out;
}

std::string render_diff_markdown(const Diff& d, const std::string& lang)
{
  using report::markdown_escape;
  const DiffView v = view_of(d, lang);
  std::string out = "# " + markdown_escape(v.title) + "\n\n" + markdown_escape(v.sides) + "\n\n";
  for (const auto& note : v.notes) {
    out += "**" + markdown_escape(note) + "**\n\n";
  }
  out += "## " + v.scores_heading + "\n\n";
  for (const auto& [label, line] : v.scores) {
    out += "- " + label + ": " + line + "\n";
  }
  out += "\n" + markdown_escape(v.summary) + "\n";
  if (!v.namesakes.empty()) {
    out += "\n" + markdown_escape(v.namesakes) + "\n";
  }
  if (!v.nothing.empty()) {
    out += "\n" + v.nothing + "\n";
  }
  for (const auto& section : v.sections) {
    out += "\n## " + markdown_escape(section.heading) + "\n\n";
    for (const auto& item : section.items) {
      // No sign: "- -" would read as a nested list; the heading says what changed.
      out +=
          "- " + markdown_link(item.title, item.url) + "  \n  " + markdown_escape(item.url) + "\n";
      for (const auto& line : item.details) {
        if (!line.empty()) {
          out += "  - " + markdown_escape(line) + "\n";
        }
      }
    }
  }
  if (!v.families.empty()) {
    out += "\n## " + markdown_escape(v.families_heading) + "\n\n";
    for (const auto& [label, line] : v.families) {
      out += "- **" + markdown_escape(label) + "** " + markdown_escape(line) + "\n";
    }
  }
  if (!v.findings.empty()) {
    out += "\n## " + v.findings_heading + "\n\n";
    for (const auto& line : v.findings) {
      out += "- " + markdown_escape(line) + "\n";
    }
  }
  if (!v.requests.empty()) {
    out += "\n## " + v.requests_heading + "\n\n";
    for (const auto& line : v.requests) {
      out += "- " + markdown_escape(line) + "\n";
    }
  }
  return out;
}

util::Result<std::string> render_diff_html(const Diff& d,
                                           const std::string& lang,
                                           const std::string& template_text,
                                           const std::string& tool_version)
{
  mu::mustache tmpl{template_text};
  if (!tmpl.is_valid()) {
    return util::runtime_error("invalid HTML template: " + tmpl.error_message());
  }
  const DiffView v = view_of(d, lang);
  auto texts = [](const std::vector<std::string>& lines) {
    mu::list out;
    for (const auto& l : lines) {
      if (!l.empty()) {
        out.push_back(mu::data(util::safe_excerpt(l, 400)));
      }
    }
    return out;
  };
  auto rows = [](const std::vector<std::pair<std::string, std::string>>& pairs) {
    mu::list out;
    for (const auto& [label, line] : pairs) {
      mu::data row;
      row.set("label", util::safe_excerpt(label, 400));
      row.set("line", util::safe_excerpt(line, 400));
      out.push_back(row);
    }
    return out;
  };
  mu::data data;
  data.set("lang", lang);
  data.set("title", util::safe_excerpt(v.title, 400));
  data.set("sides", util::safe_excerpt(v.sides, 400));
  data.set("notes", texts(v.notes));
  data.set("scores_heading", v.scores_heading);
  data.set("scores", rows(v.scores));
  data.set("summary", util::safe_excerpt(v.summary, 400));
  if (!v.namesakes.empty()) { // kainjow opens a section on an empty string
    data.set("namesakes", util::safe_excerpt(v.namesakes, 400));
  }
  if (!v.nothing.empty()) {
    data.set("nothing", v.nothing);
  }
  mu::list sections;
  for (const auto& s : v.sections) {
    mu::data section;
    section.set("change", s.change);
    section.set("heading", util::safe_excerpt(s.heading, 400));
    mu::list items;
    for (const auto& item : s.items) {
      mu::data i;
      i.set("sign", item.sign);
      i.set("title", util::safe_excerpt(item.title, 300));
      i.set("url", util::safe_excerpt(item.url, 2000));
      i.set("has_url", flag(is_link(item.url)));
      i.set("risk", item.risk.empty() ? std::string("none") : item.risk);
      i.set("details", texts(item.details));
      items.push_back(i);
    }
    section.set("items", items);
    sections.push_back(section);
  }
  data.set("sections", sections);
  data.set("has_families", flag(!v.families.empty()));
  data.set("families_heading", v.families_heading);
  data.set("families", rows(v.families));
  data.set("has_findings", flag(!v.findings.empty()));
  data.set("findings_heading", v.findings_heading);
  data.set("findings", texts(v.findings));
  data.set("has_requests", flag(!v.requests.empty()));
  data.set("requests_heading", v.requests_heading);
  data.set("requests", texts(v.requests));
  data.set("footer", report::tr(lang, "diff.html_footer", {tool_version}));
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    return util::runtime_error("cannot render the HTML diff: " + tmpl.error_message());
  }
  return out;
}

} // namespace empreinte::history
