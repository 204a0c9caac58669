// Titles are read as search engines show them: "Who - What | Site".
#include "classify/trace_text.hpp"

#include "classify/subject.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

#include <algorithm>

namespace empreinte::classify {

namespace {

std::vector<std::string> split_slugs(const std::string& s, char separator)
{
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    auto end = s.find(separator, pos);
    if (end == std::string::npos) {
      end = s.size();
    }
    std::string slug = slug_of(s.substr(pos, end - pos));
    if (!slug.empty()) {
      out.push_back(std::move(slug));
    }
    pos = end + 1;
  }
  return out;
}

std::string head_of(const std::string& folded_title)
{
  std::size_t cut = folded_title.size();
  for (const char* sep : {" - ", " | ", " \xC2\xB7 ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " (", " :", ", "}) {
    const auto pos = folded_title.find(sep);
    if (pos != std::string::npos && pos < cut) {
      cut = pos;
    }
  }
  return folded_title.substr(0, cut);
}

} // namespace

std::string PageView::quote(std::size_t first, std::size_t last) const
{
  if (first >= refs.size()) {
    return {};
  }
  last = std::min(last, refs.size() - 1);
  const WordRef& a = refs[first];
  const WordRef& b = refs[last];
  const auto& block = blocks[a.block];
  const std::size_t end = b.block == a.block ? b.end : block.folded().size();
  return block.quote(a.begin, end);
}

std::string PageView::folded_range(std::size_t first, std::size_t last) const
{
  if (first >= refs.size()) {
    return {};
  }
  last = std::min(last, refs.size() - 1);
  std::string out;
  for (std::uint32_t b = refs[first].block; b <= refs[last].block; ++b) {
    const std::string& f = blocks[b].folded();
    const std::size_t from = b == refs[first].block ? refs[first].begin : 0;
    const std::size_t to = b == refs[last].block ? refs[last].end : f.size();
    if (!out.empty()) {
      out += '\n';
    }
    out += f.substr(from, to - from);
  }
  return out;
}

std::string PageView::where(std::size_t first) const
{
  return has_description && first < refs.size() && refs[first].block == 0 ? "description" : "page";
}

PageView PageView::make(const traces::PageRead& read)
{
  PageView v;
  if (read.status != traces::PageStatus::read || !read.content) {
    return v;
  }
  const parse::PageText& page = *read.content;
  v.signals = &page.signals;
  v.title = page.title;
  // Sized once for a long page (about a word per six bytes), not copied as it grows.
  std::size_t bytes = page.description.size();
  for (const auto& block : page.blocks) {
    bytes += block.size() + 1;
  }
  v.blocks.reserve(page.blocks.size() + 1);
  v.words.reserve(std::min(bytes / 6 + 1, k_max_page_words));
  v.refs.reserve(std::min(bytes / 6 + 1, k_max_page_words));
  v.lower_text.reserve(bytes);
  auto add = [&](std::string_view text) {
    if (v.words.size() >= k_max_page_words) {
      return;
    }
    v.blocks.emplace_back(text);
    const auto index = static_cast<std::uint32_t>(v.blocks.size() - 1);
    for (auto& w : v.blocks.back().words()) {
      v.words.push_back(std::move(w.word));
      v.refs.push_back({index, w.begin, w.end});
    }
    v.lower_text += util::ascii_lower(text);
    v.lower_text += '\n';
  };
  if (!page.description.empty()) {
    v.has_description = true;
    add(page.description);
  }
  for (const auto& block : page.blocks) {
    add(block);
  }
  return v;
}

TraceText TraceText::make(const traces::Trace& t)
{
  TraceText out;
  out.title = util::FoldedText(t.title);
  for (const auto& s : t.snippets) {
    out.snippets.emplace_back(s);
  }
  out.page = PageView::make(t.page);
  out.cue.title = util::fold(t.title);
  // The text starts with the folded title: folding works run by run and "\n" is a run
  // boundary, so folding the parts gives the same bytes as folding the whole.
  std::string snippets;
  for (const auto& s : t.snippets) {
    snippets += "\n" + s;
  }
  out.cue.text = out.cue.title + util::fold(snippets);
  out.title_words = util::split_words(out.cue.title);
  out.text_words = util::split_words(out.cue.text);
  out.title_head = head_of(out.cue.title);
  out.cue.host = util::ascii_lower(t.host);
  if (const auto parts = util::parse_http_url(t.url)) {
    out.cue.path = util::ascii_lower(parts->path + (parts->query.empty() ? "" : "?" + parts->query));
    out.url_words = util::words(parts->path + " " + parts->query);
    out.path_slugs = split_slugs(parts->path, '/');
  }
  // Cues read the top of the page too, as much as a long snippet: what the page says it is.
  if (!out.page.empty()) {
    std::string head;
    for (const auto& block : out.page.blocks) {
      if (head.size() >= k_page_head_bytes) {
        break;
      }
      head += "\n" + block.folded();
    }
    out.cue.text += util::truncate_utf8(head, k_page_head_bytes);
  }
  for (auto& label : split_slugs(out.cue.host, '.')) {
    if (label != "www") {
      out.host_labels.push_back(std::move(label));
    }
  }
  return out;
}

} // namespace empreinte::classify
