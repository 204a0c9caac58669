// A trace's text, prepared once for every judgement: folded, split into words, URL parts.
#pragma once

#include "classify/cues.hpp"
#include "traces/trace.hpp"

#include <string>
#include <vector>

namespace empreinte::classify {

struct TraceText
{
  CueInput cue;                          // folded title, folded text, path, host
  std::vector<std::string> title_words;  // folded
  std::vector<std::string> text_words;   // folded title + snippets
  std::vector<std::string> url_words;    // folded words of the path and query
  std::vector<std::string> host_labels;  // slugs of the host's labels, "www" dropped
  std::vector<std::string> path_slugs;   // slugs of the path segments
  std::string title_head;                // title before its first " - ", " | ", " · ", " (" ...

  static TraceText make(const traces::Trace& trace);
};

} // namespace empreinte::classify
