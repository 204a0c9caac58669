// A tag scanner, not a tokenizer: it only needs to find tags well enough to bound the depth.
#include "parse/html_nesting.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace empreinte::parse {

namespace {

bool is_alpha(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_tag_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char lower(char c)
{
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool one_of(std::string_view name, const auto& names)
{
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never have content.
constexpr std::array<std::string_view, 17> k_void = {"area",
                                                     "base",
                                                     "basefont",
                                                     "bgsound",
                                                     "br",
                                                     "col",
                                                     "embed",
                                                     "hr",
                                                     "img",
                                                     "input",
                                                     "keygen",
                                                     "link",
                                                     "meta",
                                                     "param",
                                                     "source",
                                                     "track",
                                                     "wbr"};
// Elements whose end tag pages often omit; a sibling start tag closes them, so they do not nest.
constexpr std::array<std::string_view, 12> k_optional_end = {
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "option"};
// Elements whose content is text up to their end tag: nothing inside them nests.
constexpr std::array<std::string_view, 8> k_raw_text = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};

// How far below the innermost open element an end tag looks for its start tag.
constexpr std::size_t k_end_tag_reach = 16;

// Lower-case tag name starting at `pos` (just after "<" or "</"); `end` is set past it.
std::string tag_name(std::string_view html, std::size_t pos, std::size_t& end)
{
  std::string name;
  end = pos;
  while (end < html.size() && !is_tag_space(html[end]) && html[end] != '/' && html[end] != '>') {
    name += lower(html[end]);
    ++end;
  }
  return name;
}

// Position just past the '>' closing a start tag's attributes, skipping quoted values.
std::size_t start_tag_end(std::string_view html, std::size_t pos, bool& self_closing)
{
  self_closing = false;
  bool after_equals = false;
  while (pos < html.size()) {
    const char c = html[pos];
    if (c == '>') {
      return pos + 1;
    }
    if (after_equals && (c == '"' || c == '\'')) {
      const auto close = html.find(c, pos + 1);
      if (close == std::string_view::npos) {
        return html.size();
      }
      pos = close + 1;
      after_equals = false;
      continue;
    }
    if (c == '=') {
      after_equals = true;
    } else if (!is_tag_space(c)) {
      after_equals = false;
    }
    self_closing = c == '/' && pos + 1 < html.size() && html[pos + 1] == '>';
    ++pos;
  }
  return html.size();
}

// Position just past the end tag `</name`'s '>' (case-insensitive), or the end of input.
std::size_t raw_text_end(std::string_view html, std::size_t pos, std::string_view name)
{
  while (true) {
    pos = html.find("</", pos);
    if (pos == std::string_view::npos) {
      return html.size();
    }
    bool same = pos + 2 + name.size() <= html.size();
    for (std::size_t i = 0; same && i < name.size(); ++i) {
      same = lower(html[pos + 2 + i]) == name[i];
    }
    if (same) {
      const auto close = html.find('>', pos);
      return close == std::string_view::npos ? html.size() : close + 1;
    }
    pos += 2;
  }
}

} // namespace

std::string flatten_deep_nesting(std::string_view html, std::size_t max_depth)
{
  std::string out;
  out.reserve(html.size());
  std::vector<std::string> open; // names of the counted elements open, innermost last
  std::size_t foreign_floor = 0; // depth of the enclosing <svg>/<math>, where "/>" closes; 0: none
  std::size_t pos = 0;
  while (pos < html.size()) {
    const auto lt = html.find('<', pos);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) {
      out.append(html.substr(pos));
      break;
    }
    out.append(html.substr(pos, lt - pos));
    const char next = html[lt + 1];
    std::size_t end = lt + 1;
    if (html.compare(lt, 4, "<!--") == 0) {
      const auto close = html.find("-->", lt + 4);
      end = close == std::string_view::npos ? html.size() : close + 3;
    } else if (next == '!' || next == '?') {
      const auto close = html.find('>', lt);
      end = close == std::string_view::npos ? html.size() : close + 1;
    } else if (next == '/' && lt + 2 < html.size() && is_alpha(html[lt + 2])) {
      const std::string name = tag_name(html, lt + 2, end);
      const auto close = html.find('>', end);
      end = close == std::string_view::npos ? html.size() : close + 1;
      // Like the parser's "any other end tag", but looking only a few elements down, so that
      // stray end tags stay cheap; an end tag matching none of them changes nothing.
      for (std::size_t i = open.size(), seen = 0; i > 0 && seen < k_end_tag_reach; --i, ++seen) {
        if (open[i - 1] == name) {
          open.resize(i - 1);
          break;
        }
      }
      if (open.size() < foreign_floor) {
        foreign_floor = 0;
      }
    } else if (is_alpha(next)) {
      std::size_t name_end = 0;
      std::string name = tag_name(html, lt + 1, name_end);
      bool self_closing = false;
      end = start_tag_end(html, name_end, self_closing);
      if (name == "plaintext") { // everything after it is text
        end = html.size();
      } else if (one_of(name, k_raw_text)) {
        end = raw_text_end(html, end, name);
      } else if (one_of(name, k_void) || one_of(name, k_optional_end) ||
                 (self_closing && (foreign_floor > 0 || name == "svg" || name == "math"))) {
        // no nesting
      } else {
        if (!open.empty() &&
            open.size() >= max_depth) { // the new element is the innermost's sibling
          out += "</";
          out += open.back();
          out += '>';
          open.pop_back();
        }
        open.push_back(std::move(name));
        if (foreign_floor == 0 && (open.back() == "svg" || open.back() == "math")) {
          foreign_floor = open.size();
        }
      }
    }
    out.append(html.substr(lt, end - lt));
    pos = end;
  }
  return out;
}

} // namespace empreinte::parse
