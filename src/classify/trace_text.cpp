// Titles are read as search engines show them: "Who - What | Site".
#include "classify/trace_text.hpp"

#include "classify/subject.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

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

TraceText TraceText::make(const traces::Trace& t)
{
  TraceText out;
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
  for (auto& label : split_slugs(out.cue.host, '.')) {
    if (label != "www") {
      out.host_labels.push_back(std::move(label));
    }
  }
  return out;
}

} // namespace empreinte::classify
