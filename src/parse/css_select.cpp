// Parsing, walking and matching for css_select.hpp; walks are iterative (hostile pages nest).
#include "parse/css_select.hpp"

#include "parse/budget.hpp"
#include "parse/css_compiled.hpp"
#include "parse/html_nesting.hpp"
#include "util/text.hpp"

#include <gumbo.h>
#include <strings.h>

namespace empreinte::parse {

struct HtmlDocument::Parsed
{
  std::string input; // Gumbo's tree points into it, so it lives (and stays put) as long
  GumboOutput* output = nullptr;

  Parsed() = default;
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;
  ~Parsed()
  {
    if (output) {
      gumbo_destroy_output(&kGumboDefaultOptions, output);
    }
  }
};

namespace {

bool is_element(const GumboNode* node)
{
  return node && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

bool tag_is(const GumboElement& element, const std::string& tag)
{
  if (element.tag != GUMBO_TAG_UNKNOWN) {
    return tag == gumbo_normalized_tagname(element.tag);
  }
  GumboStringPiece name = element.original_tag; // unknown tags always come from the source
  gumbo_tag_from_original_text(&name);
  return name.length == tag.size() && strncasecmp(name.data, tag.data(), tag.size()) == 0;
}

// True when the white-space separated `list` contains `word` (class lists, `~=`).
bool has_word(std::string_view list, std::string_view word)
{
  if (word.empty()) {
    return false;
  }
  std::size_t pos = 0;
  while (pos < list.size()) {
    while (pos < list.size() && util::is_html_space(list[pos])) {
      ++pos;
    }
    std::size_t end = pos;
    while (end < list.size() && !util::is_html_space(list[end])) {
      ++end;
    }
    if (list.substr(pos, end - pos) == word) {
      return true;
    }
    pos = end;
  }
  return false;
}

const char* attribute_value(const GumboElement& element, const std::string& name)
{
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name.c_str());
  return attr ? attr->value : nullptr;
}

bool attribute_matches(const GumboElement& element, const AttrTest& test)
{
  const char* raw = attribute_value(element, test.name);
  if (!raw) {
    return false;
  }
  const std::string_view value = raw;
  switch (test.op) {
  case AttrOp::exists:
    return true;
  case AttrOp::equals:
    return value == test.value;
  case AttrOp::prefix: // an empty operand matches nothing, as in CSS
    return !test.value.empty() && value.substr(0, test.value.size()) == test.value;
  case AttrOp::contains:
    return !test.value.empty() && value.find(test.value) != std::string_view::npos;
  case AttrOp::word:
    return has_word(value, test.value) &&
           test.value.find_first_of(" \t\n\r\f") == std::string::npos;
  }
  return false;
}

// Recursion only over :not(), which the compiler allows one level deep.
bool compound_matches(const Compound& compound, const GumboElement& element)
{
  if (!compound.tag.empty() && !tag_is(element, compound.tag)) {
    return false;
  }
  if (!compound.ids.empty()) {
    const char* id = attribute_value(element, "id");
    for (const auto& wanted : compound.ids) {
      if (!id || wanted != id) {
        return false;
      }
    }
  }
  if (!compound.classes.empty()) {
    const char* classes = attribute_value(element, "class");
    for (const auto& wanted : compound.classes) {
      if (!classes || !has_word(classes, wanted)) {
        return false;
      }
    }
  }
  for (const auto& test : compound.attributes) {
    if (!attribute_matches(element, test)) {
      return false;
    }
  }
  for (const auto& negation : compound.negations) {
    if (compound_matches(negation, element)) {
      return false;
    }
  }
  return true;
}

// Which steps an element satisfies (`self`: the selector prefix ending at that step matches
// with that step on this element) and which its proper ancestors satisfy (`above`). Computed
// top-down from the parent's masks, this is exact for descendant and child combinators and
// makes matching linear: no backtracking over ancestors.
struct Masks
{
  StepMask self = 0;
  StepMask above = 0;
};

Masks step_masks(const CompiledSelector& compiled, const GumboNode* node, const Masks& parent)
{
  Masks masks;
  masks.above = parent.above | parent.self;
  for (std::size_t i = 0; i < compiled.steps.size(); ++i) {
    const Step& step = compiled.steps[i];
    const StepMask previous = StepMask{1} << (i == 0 ? 0 : i - 1);
    const bool reachable = step.combinator == Combinator::none ||
                           (step.combinator == Combinator::child && (parent.self & previous)) ||
                           (step.combinator == Combinator::descendant && (masks.above & previous));
    if (reachable && compound_matches(step.compound, node->v.element)) {
      masks.self |= StepMask{1} << i;
    }
  }
  return masks;
}

StepMask subject_mask(const CompiledSelector& compiled)
{
  StepMask mask = 0;
  for (std::size_t i = 0; i < compiled.steps.size(); ++i) {
    if (compiled.steps[i].subject) {
      mask |= StepMask{1} << i;
    }
  }
  return mask;
}

// Calls `on_match` for each matching descendant of `scope` in document order until it returns
// false. Pre-order with an explicit stack; each entry carries its parent's masks.
template <typename OnMatch>
void walk_matches(const CompiledSelector& compiled,
                  const GumboNode* scope,
                  OnMatch on_match,
                  const PrunedNodes* pruned = nullptr)
{
  if (!is_element(scope)) {
    return;
  }
  std::vector<const GumboNode*> chain; // scope and its ancestors, bounded by the depth cap
  for (const GumboNode* node = scope; is_element(node); node = node->parent) {
    chain.push_back(node);
  }
  Masks scope_masks;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    scope_masks = step_masks(compiled, *it, scope_masks);
  }
  const StepMask subjects = subject_mask(compiled);

  struct Frame
  {
    const GumboNode* node;
    Masks parent;
  };
  std::vector<Frame> stack;
  const auto push_children = [&stack, pruned](const GumboNode* node, const Masks& masks) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i - 1]);
      if (is_element(child) && !(pruned && pruned->count(child))) {
        stack.push_back({child, masks});
      }
    }
  };
  push_children(scope, scope_masks);
  while (!stack.empty() && !budget_spent()) {
    const Frame frame = stack.back();
    stack.pop_back();
    const Masks masks = step_masks(compiled, frame.node, frame.parent);
    if ((masks.self & subjects) && !on_match(frame.node)) {
      return;
    }
    if (frame.node->type != GUMBO_NODE_TEMPLATE) { // template contents are not in the document
      push_children(frame.node, masks);
    }
  }
}

// Elements whose boundaries do not separate words ("<b>Ei</b>no" reads "Eino").
bool is_inline(GumboTag tag)
{
  switch (tag) {
  case GUMBO_TAG_A:
  case GUMBO_TAG_ABBR:
  case GUMBO_TAG_ACRONYM:
  case GUMBO_TAG_B:
  case GUMBO_TAG_BDI:
  case GUMBO_TAG_BDO:
  case GUMBO_TAG_BIG:
  case GUMBO_TAG_CITE:
  case GUMBO_TAG_CODE:
  case GUMBO_TAG_DATA:
  case GUMBO_TAG_DEL:
  case GUMBO_TAG_DFN:
  case GUMBO_TAG_EM:
  case GUMBO_TAG_FONT:
  case GUMBO_TAG_I:
  case GUMBO_TAG_INS:
  case GUMBO_TAG_KBD:
  case GUMBO_TAG_LABEL:
  case GUMBO_TAG_MARK:
  case GUMBO_TAG_Q:
  case GUMBO_TAG_S:
  case GUMBO_TAG_SAMP:
  case GUMBO_TAG_SMALL:
  case GUMBO_TAG_SPAN:
  case GUMBO_TAG_STRIKE:
  case GUMBO_TAG_STRONG:
  case GUMBO_TAG_SUB:
  case GUMBO_TAG_SUP:
  case GUMBO_TAG_TIME:
  case GUMBO_TAG_TT:
  case GUMBO_TAG_U:
  case GUMBO_TAG_VAR:
  case GUMBO_TAG_UNKNOWN: // custom elements are inline by default
    return true;
  default:
    return false;
  }
}

// No-break spaces (U+00A0, "&nbsp;") separate words like spaces; search engines pad with them.
std::string nbsp_to_space(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      out += ' ';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string subtree_text(const GumboNode* root,
                         std::size_t max_bytes = SIZE_MAX,
                         const PrunedNodes* pruned = nullptr)
{
  std::string out;
  std::vector<const GumboNode*> stack{root}; // nullptr marks the end of a block element
  // Twice the wanted size before squeezing: runs of white space shrink.
  const std::size_t raw_max = max_bytes > SIZE_MAX / 2 ? SIZE_MAX : 2 * max_bytes + 64;
  while (!stack.empty() && out.size() < raw_max && !budget_spent()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!node) {
      out += ' ';
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      out += node->v.text.text;
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) { // comments; template contents are not shown
      continue;
    }
    const GumboElement& element = node->v.element;
    if (element.tag == GUMBO_TAG_SCRIPT || element.tag == GUMBO_TAG_STYLE ||
        element.tag == GUMBO_TAG_TEMPLATE || (node != root && pruned && pruned->count(node))) {
      continue;
    }
    if (!is_inline(element.tag)) {
      out += ' ';
      stack.push_back(nullptr);
    }
    for (unsigned i = element.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(element.children.data[i - 1]));
    }
  }
  std::string text = util::sanitize_utf8(util::squeeze_spaces(nbsp_to_space(out)));
  return text.size() > max_bytes ? util::truncate_utf8(text, max_bytes) : text;
}

} // namespace

HtmlDocument::HtmlDocument(std::unique_ptr<Parsed> parsed) : m_parsed(std::move(parsed)) {}
HtmlDocument::HtmlDocument(HtmlDocument&& other) noexcept = default;
HtmlDocument& HtmlDocument::operator=(HtmlDocument&& other) noexcept = default;
HtmlDocument::~HtmlDocument() = default;

HtmlDocument HtmlDocument::parse(std::string_view html, std::size_t max_bytes)
{
  if (html.size() > max_bytes) {
    std::size_t cut = max_bytes; // not inside a UTF-8 sequence
    while (cut > 0 && (static_cast<unsigned char>(html[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    html = html.substr(0, cut);
  }
  auto parsed = std::make_unique<Parsed>();
  parsed->input = flatten_deep_nesting(util::sanitize_utf8(html), k_max_nesting);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0; // record no errors: we never read them
  parsed->output = gumbo_parse_with_options(&options, parsed->input.data(), parsed->input.size());
  return HtmlDocument(std::move(parsed));
}

HtmlNode HtmlDocument::root() const
{
  return m_parsed ? HtmlNode{m_parsed->output->root} : HtmlNode{};
}

std::vector<HtmlNode> HtmlDocument::select_all(const Selector& selector, HtmlNode scope) const
{
  std::vector<HtmlNode> found;
  if (m_parsed && selector.m_compiled) {
    walk_matches(*selector.m_compiled, scope.node, [&found](const GumboNode* node) {
      found.push_back(HtmlNode{node});
      return found.size() < k_max_matches;
    });
  }
  return found;
}

HtmlNode HtmlDocument::select_first(const Selector& selector,
                                    HtmlNode scope,
                                    const PrunedNodes* pruned) const
{
  HtmlNode first;
  if (m_parsed && selector.m_compiled) {
    walk_matches(
        *selector.m_compiled,
        scope.node,
        [&first](const GumboNode* node) {
          first = HtmlNode{node};
          return false;
        },
        pruned);
  }
  return first;
}

std::string HtmlDocument::text(HtmlNode node, std::size_t max_bytes, const PrunedNodes* pruned) const
{
  return is_element(node.node) ? subtree_text(node.node, max_bytes, pruned) : std::string();
}

std::optional<std::string> HtmlDocument::attribute(HtmlNode node, std::string_view name) const
{
  if (!is_element(node.node)) {
    return std::nullopt;
  }
  const char* value = attribute_value(node.node->v.element, std::string(name));
  return value ? std::optional<std::string>(value) : std::nullopt;
}

std::string HtmlDocument::title() const
{
  if (!m_parsed) {
    return {};
  }
  std::vector<const GumboNode*> stack{m_parsed->output->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) {
      continue;
    }
    const GumboElement& element = node->v.element;
    if (element.tag == GUMBO_TAG_TITLE && element.tag_namespace == GUMBO_NAMESPACE_HTML) {
      return subtree_text(node);
    }
    for (unsigned i = element.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(element.children.data[i - 1]));
    }
  }
  return {};
}

} // namespace empreinte::parse
