// CSS selectors over Gumbo's tree: how engine definitions name result containers and fields.
//
// The supported subset (see docs/css-selectors.md):
//   type selectors (`div`, case-insensitive) and `*`; `.class` (one word of the class list);
//   `#id`; `[attr]`, `[attr=v]`, `[attr^=v]`, `[attr*=v]`, `[attr~=v]` with v an identifier or a
//   "double" or 'single' quoted string; compound selectors (`a.result__a[href]`); the
//   descendant (space) and child (`>`) combinators; selector lists (`a, b`); and
//   `:not(compound, ...)`. Anything else (`+`, `~`, other pseudo-classes, pseudo-elements,
//   namespaces, `$=`, `|=`, attribute flags, escapes) is a compile error naming the construct
//   and its character position.
//
// Matching is linear in the number of elements (a top-down walk carrying, per element, the set
// of selector prefixes its ancestors satisfy); nothing recurses over the tree, and parsing
// flattens nesting deeper than k_max_nesting so Gumbo's own cost stays bounded. Walks stop
// early when the thread's parse budget is spent (parse/budget.hpp).
#pragma once

#include "util/result.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct GumboInternalNode;

namespace empreinte::parse {

// Elements nested deeper than this are flattened before parsing, as Chromium's parser does.
inline constexpr std::size_t k_max_nesting = 512;
// select_all returns at most this many elements.
inline constexpr std::size_t k_max_matches = 10'000;

// One element of a parsed document; valid while its HtmlDocument lives.
struct HtmlNode
{
  const GumboInternalNode* node = nullptr;
  explicit operator bool() const { return node != nullptr; }
};

// Elements a walk does not enter: the result containers nested in the one being read, so that
// reading every container of a page stays linear in its size however they nest.
using PrunedNodes = std::unordered_set<const GumboInternalNode*>;

struct CompiledSelector; // css_compiled.hpp: what the matcher reads

// A compiled selector of the documented subset.
class Selector
{
public:
  // Parses `text`; the error's `what` says what is unsupported or malformed and at which character.
  static util::Result<Selector> compile(std::string_view text);
  // The selector as written.
  const std::string& text() const { return m_text; }

private:
  friend class HtmlDocument;
  Selector(std::string text, std::shared_ptr<const CompiledSelector> compiled);

  std::string m_text;
  std::shared_ptr<const CompiledSelector> m_compiled; // immutable, so copies share it
};

// A parsed HTML document (owns Gumbo's output; movable, not copyable).
class HtmlDocument
{
public:
  // Parses with Gumbo; input larger than max_bytes (default 8 MiB) is truncated before parsing.
  static HtmlDocument parse(std::string_view html, std::size_t max_bytes = 8u * 1024 * 1024);

  HtmlDocument(HtmlDocument&& other) noexcept;
  HtmlDocument& operator=(HtmlDocument&& other) noexcept;
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;
  ~HtmlDocument();

  // The <html> element.
  HtmlNode root() const;
  // Every element under `scope` (descendants, not scope itself) matching `selector`, in document
  // order, at most k_max_matches. Combinators may reach ancestors of `scope`, as in the DOM's
  // querySelectorAll; <template> contents are not searched.
  std::vector<HtmlNode> select_all(const Selector& selector, HtmlNode scope) const;
  // The first element select_all would return, or a null node; the elements of `pruned` and
  // their subtrees are not searched.
  HtmlNode select_first(const Selector& selector,
                        HtmlNode scope,
                        const PrunedNodes* pruned = nullptr) const;
  // Visible text of the element's subtree (no script/style/template), entities decoded by Gumbo,
  // white space (including no-break spaces) squeezed to single spaces and trimmed, valid UTF-8;
  // at most about `max_bytes` of it, and nothing from the subtrees of `pruned` elements.
  std::string text(HtmlNode node,
                   std::size_t max_bytes = SIZE_MAX,
                   const PrunedNodes* pruned = nullptr) const;
  // The attribute's value, or nullopt.
  std::optional<std::string> attribute(HtmlNode node, std::string_view name) const;
  // The document's <title> text (squeezed), "" if none.
  std::string title() const;

private:
  struct Parsed; // the input Gumbo points into, and Gumbo's output
  explicit HtmlDocument(std::unique_ptr<Parsed> parsed);

  std::unique_ptr<Parsed> m_parsed;
};

} // namespace empreinte::parse
