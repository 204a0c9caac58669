// Compiles selector text into steps; the grammar is small on purpose (css_select.hpp lists it).
#include "parse/css_compiled.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <optional>

namespace empreinte::parse {

namespace {

constexpr std::size_t k_max_selector_bytes = 1024;

bool is_name_start(char c)
{
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80;
}

bool is_name_char(char c)
{
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-';
}

// A recursive-descent parser over the selector text; :not() is its only nesting, one level deep,
// so recursion is bounded by the grammar, not by the input.
class Parser
{
public:
  explicit Parser(std::string_view text) : m_text(text) {}

  util::Result<CompiledSelector> run()
  {
    if (m_text.size() > k_max_selector_bytes) {
      return error_at(k_max_selector_bytes,
                      fmt::format("selector longer than {} bytes", k_max_selector_bytes));
    }
    skip_space();
    if (at_end()) {
      return error_at(m_pos, "empty selector");
    }
    CompiledSelector out;
    while (true) {
      if (!parse_complex(out)) {
        return *m_error;
      }
      skip_space();
      if (at_end()) {
        return out;
      }
      if (peek() != ',') {
        return error_at(m_pos, fmt::format("unexpected \"{}\"", peek()));
      }
      ++m_pos;
      skip_space();
      if (at_end()) {
        return error_at(m_pos, "selector list ends with \",\"");
      }
    }
  }

private:
  bool at_end() const { return m_pos >= m_text.size(); }
  char peek(std::size_t ahead = 0) const
  {
    return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
  }

  bool skip_space()
  {
    const std::size_t start = m_pos;
    while (!at_end() && util::is_html_space(peek())) {
      ++m_pos;
    }
    return m_pos != start;
  }

  util::Error error_at(std::size_t pos, std::string_view what) const
  {
    return util::input_error(
        fmt::format("{} at character {} of CSS selector \"{}\"", what, pos + 1, m_text),
        {},
        "docs/css-selectors.md lists the supported subset");
  }

  bool fail(std::size_t pos, std::string_view what)
  {
    if (!m_error) {
      m_error = error_at(pos, what);
    }
    return false;
  }

  bool parse_complex(CompiledSelector& out)
  {
    Combinator combinator = Combinator::none;
    while (true) {
      if (out.steps.size() == CompiledSelector::k_max_steps) {
        return fail(m_pos,
                    fmt::format("more than {} compound selectors", CompiledSelector::k_max_steps));
      }
      Step step;
      step.combinator = combinator;
      if (!parse_compound(step.compound, false)) {
        return false;
      }
      out.steps.push_back(std::move(step));
      const bool spaced = skip_space();
      const std::size_t at = m_pos;
      const char c = peek();
      if (at_end() || c == ',') {
        out.steps.back().subject = true;
        return true;
      }
      if (c == '>') {
        ++m_pos;
        skip_space();
        if (at_end() || peek() == ',') {
          return fail(at, "combinator \">\" without a selector after it");
        }
        combinator = Combinator::child;
      } else if (c == '+' || c == '~') {
        return fail(at, fmt::format("unsupported sibling combinator \"{}\"", c));
      } else if (spaced) {
        combinator = Combinator::descendant;
      } else {
        return fail(at, fmt::format("unexpected \"{}\"", c));
      }
    }
  }

  bool parse_compound(Compound& out, bool in_not)
  {
    const std::size_t start = m_pos;
    bool any = false;
    if (peek() == '*') {
      ++m_pos;
      any = true;
    } else if (is_name_start(peek()) || peek() == '-') {
      if (!parse_ident(out.tag, "an element name")) {
        return false;
      }
      out.tag = util::ascii_lower(out.tag);
      any = true;
    }
    if (peek() == '|') {
      return fail(m_pos, "unsupported namespace prefix \"|\"");
    }
    while (!at_end()) {
      const std::size_t at = m_pos;
      const char c = peek();
      if (c == '.' || c == '#') {
        ++m_pos;
        std::string name;
        if (!parse_ident(name, c == '.' ? "a class name after \".\"" : "an id after \"#\"")) {
          return false;
        }
        (c == '.' ? out.classes : out.ids).push_back(std::move(name));
      } else if (c == '[') {
        AttrTest test;
        if (!parse_attribute(test)) {
          return false;
        }
        out.attributes.push_back(std::move(test));
      } else if (c == ':') {
        if (!parse_pseudo(out, in_not)) {
          return false;
        }
      } else if (c == '\\') {
        return fail(at, "unsupported escape sequence");
      } else {
        break;
      }
      any = true;
    }
    if (!any) {
      const char c = peek();
      if (c == '>' || c == '+' || c == '~' || c == ',') {
        return fail(start, fmt::format("\"{}\" without a selector before it", c));
      }
      return fail(start,
                  at_end() ? "expected a selector, found the end"
                           : fmt::format("expected a selector, found \"{}\"", c));
    }
    return true;
  }

  bool parse_pseudo(Compound& out, bool in_not)
  {
    const std::size_t at = m_pos;
    ++m_pos; // ':'
    if (peek() == ':') {
      ++m_pos;
      std::string name;
      parse_ident(name, "a pseudo-element name"); // only to name it in the message
      m_error.reset();
      return fail(at, fmt::format("unsupported pseudo-element \"::{}\"", name));
    }
    std::string name;
    if (!parse_ident(name, "a pseudo-class name after \":\"")) {
      return false;
    }
    if (util::ascii_lower(name) != "not" || peek() != '(') {
      return fail(at, fmt::format("unsupported pseudo-class \":{}\"", name));
    }
    if (in_not) {
      return fail(at, "unsupported nested :not()");
    }
    ++m_pos; // '('
    while (true) {
      skip_space();
      Compound negation;
      if (!parse_compound(negation, true)) {
        return false;
      }
      out.negations.push_back(std::move(negation));
      skip_space();
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      if (peek() == ')') {
        ++m_pos;
        return true;
      }
      if (peek() == '>' || peek() == '+' || peek() == '~' || is_name_start(peek()) ||
          peek() == '*') {
        return fail(m_pos, "unsupported combinator inside :not()");
      }
      return fail(m_pos, at_end() ? "unclosed :not(" : "expected \")\" to close :not(");
    }
  }

  bool parse_attribute(AttrTest& out)
  {
    ++m_pos; // '['
    skip_space();
    if (peek() == '|' || (peek() == '*' && peek(1) == '|')) {
      return fail(m_pos, "unsupported namespace prefix in attribute selector");
    }
    if (!parse_ident(out.name, "an attribute name after \"[\"")) {
      return false;
    }
    out.name = util::ascii_lower(out.name);
    skip_space();
    const std::size_t op_at = m_pos;
    const char c = peek();
    if (c == ']') {
      ++m_pos;
      out.op = AttrOp::exists;
      return true;
    }
    if (c == '=') {
      out.op = AttrOp::equals;
      ++m_pos;
    } else if ((c == '^' || c == '*' || c == '~') && peek(1) == '=') {
      out.op = c == '^' ? AttrOp::prefix : c == '*' ? AttrOp::contains : AttrOp::word;
      m_pos += 2;
    } else if ((c == '$' || c == '|') && peek(1) == '=') {
      return fail(op_at, fmt::format("unsupported attribute operator \"{}=\"", c));
    } else if (c == '|') {
      return fail(op_at, "unsupported namespace prefix in attribute selector");
    } else {
      return fail(op_at, "expected \"]\" or one of = ^= *= ~= in attribute selector");
    }
    skip_space();
    if (peek() == '"' || peek() == '\'') {
      if (!parse_string(out.value)) {
        return false;
      }
    } else if (!parse_ident(out.value, "a quoted string or an identifier as attribute value")) {
      return false;
    }
    skip_space();
    if (is_name_start(peek())) {
      return fail(m_pos, fmt::format("unsupported attribute flag \"{}\"", peek()));
    }
    if (peek() != ']') {
      return fail(m_pos, "expected \"]\" to close the attribute selector");
    }
    ++m_pos;
    return true;
  }

  bool parse_ident(std::string& out, std::string_view what)
  {
    const std::size_t start = m_pos;
    // CSS identifiers: an optional "-" (or "--"), then a name-start character, then name chars.
    std::size_t p = m_pos;
    if (p < m_text.size() && m_text[p] == '-') {
      ++p;
    }
    const bool starts = p < m_text.size() && (is_name_start(m_text[p]) || m_text[p] == '-');
    if (!starts) {
      if (p < m_text.size() && m_text[p] == '\\') {
        return fail(p, "unsupported escape sequence");
      }
      return fail(start, fmt::format("expected {}", what));
    }
    while (p < m_text.size() && is_name_char(m_text[p])) {
      ++p;
    }
    if (p < m_text.size() && m_text[p] == '\\') {
      return fail(p, "unsupported escape sequence");
    }
    out.assign(m_text.substr(start, p - start));
    m_pos = p;
    return true;
  }

  bool parse_string(std::string& out)
  {
    const std::size_t start = m_pos;
    const char quote = peek();
    ++m_pos;
    out.clear();
    while (!at_end()) {
      const char c = peek();
      if (c == quote) {
        ++m_pos;
        return true;
      }
      if (c == '\n' || c == '\r' || c == '\f') {
        return fail(m_pos, "line break inside a quoted string");
      }
      if (c == '\\') {
        const char next = peek(1);
        const bool hex = (next >= '0' && next <= '9') || (next >= 'a' && next <= 'f') ||
                         (next >= 'A' && next <= 'F');
        if (m_pos + 1 >= m_text.size() || hex || next == '\n') {
          return fail(m_pos, "unsupported escape sequence in a quoted string");
        }
        out += next; // \" \' \\ and other non-hex characters stand for themselves
        m_pos += 2;
        continue;
      }
      out += c;
      ++m_pos;
    }
    return fail(start, "unterminated quoted string");
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::optional<util::Error> m_error;
};

} // namespace

Selector::Selector(std::string text, std::shared_ptr<const CompiledSelector> compiled)
    : m_text(std::move(text)), m_compiled(std::move(compiled))
{
}

util::Result<Selector> Selector::compile(std::string_view text)
{
  auto compiled = Parser(text).run();
  if (!compiled) {
    return compiled.error();
  }
  return Selector(std::string(text),
                  std::make_shared<const CompiledSelector>(std::move(compiled).value()));
}

} // namespace empreinte::parse
