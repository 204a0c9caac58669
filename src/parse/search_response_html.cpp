// HTML result pages: the backend's selectors find each result's container, then its fields,
// never inside another result nested in it, so that reading stays linear on hostile markup.
#include "parse/search_response_parts.hpp"

#include "parse/budget.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <optional>

namespace empreinte::parse::response_parts {

using search::QueryStatus;

namespace {

// Titles and snippets are a few hundred bytes; a field's text is cut well above that.
constexpr std::size_t k_max_field_bytes = 8 * 1024;

// A field spec with its selector compiled once for all the containers of a page.
struct CompiledField
{
  const search::FieldSpec* spec = nullptr;
  std::optional<Selector> selector; // nullopt: the container itself (or no such field)
  bool usable = false;
};

CompiledField compile_field(const search::FieldSpec& f)
{
  CompiledField out;
  out.spec = &f;
  out.usable = true;
  if (!f.selector.empty()) {
    auto sel = Selector::compile(f.selector);
    out.usable = sel.ok();
    if (sel) {
      out.selector = std::move(*sel);
    }
  }
  return out;
}

// A field of one result, looked up inside `container` but never inside the other result
// containers nested in it (`pruned`): reading nested blocks stays linear.
std::string field_value(const HtmlDocument& doc,
                        HtmlNode container,
                        const CompiledField& f,
                        const PrunedNodes& pruned)
{
  if (!f.usable) {
    return {};
  }
  const HtmlNode node = f.selector ? doc.select_first(*f.selector, container, &pruned) : container;
  if (!node) {
    return {};
  }
  if (!f.spec->attribute.empty()) {
    return doc.attribute(node, f.spec->attribute).value_or("");
  }
  return doc.text(node, k_max_field_bytes, &pruned);
}

} // namespace

void parse_html_page(const search::BackendDef& def,
                     std::string_view body,
                     std::string_view request_url,
                     ResponsePage& out)
{
  const auto& spec = def.response;
  const HtmlDocument doc = HtmlDocument::parse(body);
  if (auto hit = find_marker(def, body, nullptr, &doc, false); hit.marker) {
    apply_marker(hit, out);
    return;
  }
  auto containers = Selector::compile(spec.results);
  std::vector<search::SearchResult> raw;
  std::size_t found = 0;
  if (containers) {
    std::vector<HtmlNode> nodes = doc.select_all(*containers, doc.root());
    if (nodes.size() > k_max_results_per_page) {
      nodes.resize(k_max_results_per_page);
    }
    PrunedNodes pruned;
    for (HtmlNode node : nodes) {
      pruned.insert(node.node);
    }
    const CompiledField url = compile_field(spec.url);
    const CompiledField title = compile_field(spec.title);
    const CompiledField snippet = compile_field(spec.snippet);
    for (HtmlNode node : nodes) {
      if (budget_spent()) {
        break;
      }
      ++found;
      search::SearchResult r;
      r.url = field_value(doc, node, url, pruned);
      r.title = field_value(doc, node, title, pruned);
      r.snippet = spec.snippet.empty() ? "" : field_value(doc, node, snippet, pruned);
      raw.push_back(std::move(r));
    }
  }
  finish_results(def, raw, request_url, out);
  if (def.request.pagination.scheme == search::Pagination::form) {
    auto form_sel = Selector::compile(def.request.pagination.form);
    auto input_sel = Selector::compile("input[name]");
    HtmlNode form = form_sel ? doc.select_first(*form_sel, doc.root()) : HtmlNode{};
    if (form && input_sel) {
      for (HtmlNode input : doc.select_all(*input_sel, form)) {
        out.next_form.emplace_back(doc.attribute(input, "name").value_or(""),
                                   doc.attribute(input, "value").value_or(""));
      }
      out.next_action = util::resolve_url(request_url, doc.attribute(form, "action").value_or(""));
    }
  }
  if (!out.results.empty()) {
    out.status = QueryStatus::ok;
    return;
  }
  out.next_form.clear();
  out.next_action.clear();
  if (auto hit = find_marker(def, body, nullptr, &doc, true); hit.marker) {
    apply_marker(hit, out);
    return;
  }
  if (found > 0) {
    out.status = QueryStatus::empty;
    out.reason = {"search.only_ads"};
    return;
  }
  out.status = QueryStatus::layout_changed;
  const std::string title = clean_line(doc.title());
  out.reason = title.empty() ? util::Message{"search.no_marker"}
                             : util::Message{"search.no_marker_titled", {title}};
}

} // namespace empreinte::parse::response_parts
