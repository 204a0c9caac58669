// The walk is iterative: hostile pages nest deeply and recursion would overflow the stack.
#include "parse/html_page.hpp"

#include "parse/css_select.hpp"
#include "parse/html_nesting.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <gumbo.h>
#include <initializer_list>
#include <nlohmann/json.hpp>
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
std::string element_text(const GumboNode* root)
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

bool is_block(GumboTag tag)
{
  switch (tag) {
  case GUMBO_TAG_P:
  case GUMBO_TAG_DIV:
  case GUMBO_TAG_LI:
  case GUMBO_TAG_TR:
  case GUMBO_TAG_TD:
  case GUMBO_TAG_TH:
  case GUMBO_TAG_DT:
  case GUMBO_TAG_DD:
  case GUMBO_TAG_H1:
  case GUMBO_TAG_H2:
  case GUMBO_TAG_H3:
  case GUMBO_TAG_H4:
  case GUMBO_TAG_H5:
  case GUMBO_TAG_H6:
  case GUMBO_TAG_BR:
  case GUMBO_TAG_HR:
  case GUMBO_TAG_PRE:
  case GUMBO_TAG_BLOCKQUOTE:
  case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_SECTION:
  case GUMBO_TAG_HEADER:
  case GUMBO_TAG_FOOTER:
  case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_FIGCAPTION:
  case GUMBO_TAG_ADDRESS:
  case GUMBO_TAG_UL:
  case GUMBO_TAG_OL:
  case GUMBO_TAG_TABLE:
  case GUMBO_TAG_FORM:
  case GUMBO_TAG_MAIN:
  case GUMBO_TAG_BODY:
    return true;
  default:
    return false;
  }
}

constexpr std::size_t k_max_listed = 32;         // headings, links, names kept per page
constexpr std::size_t k_max_item_bytes = 512;     // each of them
constexpr std::size_t k_max_ld_bytes = 256 * 1024; // JSON-LD read per page
constexpr std::size_t k_max_ld_nodes = 20000;      // JSON values walked per page

constexpr std::size_t k_max_links = 256; // absolute links kept per page (bios sit after menus)

void add_listed(std::vector<std::string>& list, std::string value, std::size_t cap = k_max_listed)
{
  value = util::truncate_utf8(util::squeeze_spaces(value), k_max_item_bytes);
  if (value.empty() || list.size() >= cap
      || std::find(list.begin(), list.end(), value) != list.end()) {
    return;
  }
  list.push_back(std::move(value));
}

bool ld_type_is(const nlohmann::json& node, std::initializer_list<std::string_view> types)
{
  const auto it = node.find("@type");
  if (it == node.end()) {
    return false;
  }
  auto one = [&](const nlohmann::json& t) {
    return t.is_string()
           && std::find(types.begin(), types.end(), t.get_ref<const std::string&>()) != types.end();
  };
  if (it->is_array()) {
    return std::any_of(it->begin(), it->end(), one);
  }
  return one(*it);
}

std::string ld_string(const nlohmann::json& node, const char* key)
{
  const auto it = node.find(key);
  return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A name given as a string, an object with "name", or a list of either.
void ld_names(const nlohmann::json& value, std::vector<std::string>& out)
{
  if (value.is_string()) {
    add_listed(out, value.get<std::string>());
  } else if (value.is_object()) {
    add_listed(out, ld_string(value, "name"));
  } else if (value.is_array()) {
    for (const auto& v : value) {
      if (v.is_string() || v.is_object()) {
        ld_names(v, out);
      }
    }
  }
}

// Walks every JSON-LD block iteratively (hostile pages nest deeply), bounded in nodes.
void read_json_ld(const std::vector<std::string>& scripts, PageSignals& signals)
{
  for (const auto& script : scripts) {
    const auto doc = nlohmann::json::parse(script, nullptr, false);
    if (doc.is_discarded()) {
      continue;
    }
    std::vector<const nlohmann::json*> stack{&doc};
    std::size_t seen = 0;
    while (!stack.empty() && seen++ < k_max_ld_nodes) {
      const nlohmann::json& node = *stack.back();
      stack.pop_back();
      if (node.is_array()) {
        for (const auto& child : node) {
          stack.push_back(&child);
        }
        continue;
      }
      if (!node.is_object()) {
        continue;
      }
      if (const auto t = node.find("@type"); t != node.end()) {
        if (t->is_string()) {
          add_listed(signals.ld_types, t->get<std::string>());
        } else if (t->is_array()) {
          for (const auto& v : *t) {
            if (v.is_string()) {
              add_listed(signals.ld_types, v.get<std::string>());
            }
          }
        }
      }
      if (ld_type_is(node, {"Person"})) {
        add_listed(signals.ld_persons, ld_string(node, "name"));
        if (const auto same = node.find("sameAs"); same != node.end()) {
          if (same->is_string()) {
            add_listed(signals.ld_same_as, same->get<std::string>());
          } else if (same->is_array()) {
            for (const auto& v : *same) {
              if (v.is_string()) {
                add_listed(signals.ld_same_as, v.get<std::string>());
              }
            }
          }
        }
      }
      if (ld_type_is(node, {"ProfilePage"})) {
        if (const auto main = node.find("mainEntity"); main != node.end() && main->is_object()) {
          if (signals.ld_profile_name.empty()) {
            signals.ld_profile_name = util::truncate_utf8(ld_string(*main, "name"), k_max_item_bytes);
          }
          if (signals.ld_profile_handle.empty()) {
            signals.ld_profile_handle =
              util::truncate_utf8(ld_string(*main, "alternateName"), k_max_item_bytes);
          }
        }
      }
      if (const auto author = node.find("author"); author != node.end()) {
        ld_names(*author, signals.ld_authors);
      }
      for (const auto& [key, child] : node.items()) {
        if (key != "author" && (child.is_object() || child.is_array())) {
          stack.push_back(&child);
        }
      }
    }
  }
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
  PageSignals& signals = page.signals;
  std::string og_title;
  std::string og_description;
  std::string h1;
  std::string text;
  std::string block;
  std::vector<std::string> ld_scripts;
  std::size_t ld_bytes = 0;
  int in_pre = 0;
  auto end_block = [&] {
    if (limits.signals) {
      std::string b = util::squeeze_spaces(block);
      if (!b.empty()) {
        page.blocks.push_back(std::move(b));
      }
    }
    block.clear();
  };
  // Pre-order walk with an explicit stack; a node's children are pushed in reverse, and a
  // block element's closing marker before them.
  struct Item
  {
    const GumboNode* node;
    bool close;
  };
  std::vector<Item> stack{{output->root, false}};
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const GumboNode* node = item.node;
    if (item.close) {
      if (node->v.element.tag == GUMBO_TAG_PRE) {
        --in_pre;
      }
      end_block();
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      if (text.size() < limits.max_text_bytes) {
        const std::string_view t = node->v.text.text;
        text += t;
        text += ' ';
        if (limits.signals) {
          if (in_pre > 0) {
            // Preformatted text (a paste, a dump): each line is a record of its own.
            std::size_t pos = 0;
            while (pos <= t.size()) {
              const auto nl = t.find('\n', pos);
              block += t.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
              if (nl == std::string_view::npos) {
                break;
              }
              end_block();
              pos = nl + 1;
            }
          } else {
            block += t;
          }
          block += ' ';
        }
      }
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
      continue;
    }
    const GumboElement& element = node->v.element;
    switch (element.tag) {
    case GUMBO_TAG_HTML:
      if (const char* lang = attribute(element, "lang"); lang && limits.signals) {
        signals.lang = util::truncate_utf8(util::ascii_lower(util::squeeze_spaces(lang)), 35);
      }
      break;
    case GUMBO_TAG_TITLE:
      if (page.title.empty()) {
        page.title = element_text(node);
      }
      break;
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_A: {
      const char* rel = attribute(element, "rel");
      const char* href = attribute(element, "href");
      if (element.tag == GUMBO_TAG_LINK && page.canonical.empty() && rel_has(rel, "canonical")
          && href) {
        page.canonical = util::squeeze_spaces(href);
      }
      if (limits.signals && href && rel_has(rel, "me")) {
        add_listed(signals.me_links, href);
      }
      if (limits.signals && href && rel_has(rel, "author")) {
        add_listed(signals.author_links, href);
      }
      if (limits.signals && href && element.tag == GUMBO_TAG_A
          && (strncasecmp(href, "http://", 7) == 0 || strncasecmp(href, "https://", 8) == 0)) {
        add_listed(signals.links, href, k_max_links);
      }
      break;
    }
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
      } else if (limits.signals && property && strcasecmp(property, "og:site_name") == 0) {
        signals.site_name = util::truncate_utf8(util::squeeze_spaces(content), k_max_item_bytes);
      } else if (limits.signals && property && strcasecmp(property, "og:type") == 0) {
        signals.og_type = util::truncate_utf8(util::squeeze_spaces(content), 64);
      } else if (limits.signals && signals.image.empty()
                 && ((property && strcasecmp(property, "og:image") == 0)
                     || (name && strcasecmp(name, "twitter:image") == 0))) {
        signals.image = util::truncate_utf8(util::squeeze_spaces(content), k_max_item_bytes);
      } else if (limits.signals && name && strcasecmp(name, "author") == 0) {
        signals.meta_author = util::truncate_utf8(util::squeeze_spaces(content), k_max_item_bytes);
      }
      break;
    }
    case GUMBO_TAG_SCRIPT:
      if (limits.signals && ld_bytes < k_max_ld_bytes) {
        const char* type = attribute(element, "type");
        if (type && util::ascii_lower(type).find("ld+json") != std::string::npos) {
          std::string body = element_text(node);
          ld_bytes += body.size();
          if (ld_bytes <= k_max_ld_bytes) {
            ld_scripts.push_back(std::move(body));
          }
        }
      }
      break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: {
      if (element.tag == GUMBO_TAG_H1 && h1.empty()) {
        h1 = element_text(node);
        if (limits.signals) {
          add_listed(signals.headings, h1);
        }
      } else if (limits.signals) {
        add_listed(signals.headings, element_text(node));
      }
      break;
    }
    default:
      break;
    }
    // <head> is walked for its metadata, but nothing in it is visible text.
    if (element.tag == GUMBO_TAG_HEAD) {
      for (unsigned i = element.children.length; i > 0; --i) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[i - 1]);
        if (child->type == GUMBO_NODE_ELEMENT) {
          stack.push_back({child, false});
        }
      }
      continue;
    }
    if (is_hidden_container(element.tag)) {
      continue;
    }
    if (limits.signals && is_block(element.tag)) {
      end_block();
      if (element.tag == GUMBO_TAG_PRE) {
        ++in_pre;
      }
      stack.push_back({node, true});
    }
    for (unsigned i = element.children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(element.children.data[i - 1]), false});
    }
  }
  end_block();
  gumbo_destroy_output(&options, output);

  if (page.title.empty()) {
    page.title = !og_title.empty() ? og_title : h1;
  }
  if (page.description.empty()) {
    page.description = og_description;
  }
  page.text = util::truncate_utf8(util::squeeze_spaces(text), limits.max_text_bytes);
  if (limits.signals) {
    read_json_ld(ld_scripts, signals);
  }
  return page;
}

} // namespace empreinte::parse
