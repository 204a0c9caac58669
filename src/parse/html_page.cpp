// The walk is iterative: hostile pages nest deeply and recursion would overflow the stack.
#include "parse/html_page.hpp"

#include "parse/css_select.hpp"
#include "parse/html_nesting.hpp"
#include "util/text.hpp"

#include <gumbo.h>
#include <strings.h>
#include <vector>

namespace empreinte::parse {

namespace {

const char* attribute(const GumboElement& element, const char* name)
{
  const GumboAttribute* attr = gumbo_get_attribute(&element.attributes, name);
  return attr ? attr->value : nullptr;
}

bool rel_has(const char* rel, std::string_view token)
{
  if (!rel) {
    return false;
  }
  const std::string lower = util::ascii_lower(rel);
  std::size_t pos = 0;
  while (pos < lower.size()) {
    const auto end = lower.find_first_of(" \t\n\r\f", pos);
    const auto word = lower.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (word == token) {
      return true;
    }
    if (end == std::string::npos) {
      break;
    }
    pos = end + 1;
  }
  return false;
}

bool is_hidden_container(GumboTag tag)
{
  switch (tag) {
  case GUMBO_TAG_SCRIPT:
  case GUMBO_TAG_STYLE:
  case GUMBO_TAG_NOSCRIPT:
  case GUMBO_TAG_TEMPLATE:
  case GUMBO_TAG_IFRAME:
  case GUMBO_TAG_OBJECT:
  case GUMBO_TAG_SVG:
  case GUMBO_TAG_TITLE:
  case GUMBO_TAG_HEAD:
  case GUMBO_TAG_NAV: // menus repeat on every page and would drown snippets
    return true;
  default:
    return false;
  }
}

// Text of an element's subtree (for <title> and <h1>), iteratively.
std::string subtree_text(const GumboNode* root)
{
  std::string out;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA
        || node->type == GUMBO_NODE_WHITESPACE) {
      out += node->v.text.text;
      out += ' ';
    } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
      }
    }
  }
  return util::squeeze_spaces(out);
}

} // namespace

PageText extract_page(std::string_view html, const PageLimits& limits)
{
  // Gumbo's cost grows faster than quadratically with depth; flattening bounds it.
  const std::string input = flatten_deep_nesting(
      util::sanitize_utf8(html.substr(0, limits.max_html_bytes)), k_max_nesting);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0; // parse everything, record no errors: we never read them
  GumboOutput* output = gumbo_parse_with_options(&options, input.data(), input.size());

  PageText page;
  std::string og_title;
  std::string og_description;
  std::string h1;
  std::string text;
  // Pre-order walk with an explicit stack; a node's children are pushed in reverse.
  std::vector<const GumboNode*> stack{output->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      if (text.size() < limits.max_text_bytes) {
        text += node->v.text.text;
        text += ' ';
      }
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
      continue;
    }
    const GumboElement& element = node->v.element;
    switch (element.tag) {
    case GUMBO_TAG_TITLE:
      if (page.title.empty()) {
        page.title = subtree_text(node);
      }
      break;
    case GUMBO_TAG_LINK:
      if (page.canonical.empty() && rel_has(attribute(element, "rel"), "canonical")) {
        if (const char* href = attribute(element, "href")) {
          page.canonical = util::squeeze_spaces(href);
        }
      }
      break;
    case GUMBO_TAG_META: {
      const char* name = attribute(element, "name");
      const char* property = attribute(element, "property");
      const char* content = attribute(element, "content");
      if (!content) {
        break;
      }
      if (name && strcasecmp(name, "description") == 0 && page.description.empty()) {
        page.description = util::squeeze_spaces(content);
      } else if (property && strcasecmp(property, "og:description") == 0) {
        og_description = util::squeeze_spaces(content);
      } else if (property && strcasecmp(property, "og:title") == 0) {
        og_title = util::squeeze_spaces(content);
      }
      break;
    }
    case GUMBO_TAG_H1:
      if (h1.empty()) {
        h1 = subtree_text(node);
      }
      break;
    default:
      break;
    }
    // <head> is walked for its metadata, but nothing in it is visible text.
    if (element.tag == GUMBO_TAG_HEAD) {
      for (unsigned i = element.children.length; i > 0; --i) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[i - 1]);
        if (child->type == GUMBO_NODE_ELEMENT) {
          stack.push_back(child);
        }
      }
      continue;
    }
    if (is_hidden_container(element.tag)) {
      continue;
    }
    for (unsigned i = element.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(element.children.data[i - 1]));
    }
  }
  gumbo_destroy_output(&options, output);

  if (page.title.empty()) {
    page.title = !og_title.empty() ? og_title : h1;
  }
  if (page.description.empty()) {
    page.description = og_description;
  }
  page.text = util::truncate_utf8(util::squeeze_spaces(text), limits.max_text_bytes);
  return page;
}

} // namespace empreinte::parse
