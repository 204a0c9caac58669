// The diff worded once in the reader's language; the text, Markdown and HTML renderers only lay
// it out and escape it for their format.
#pragma once

#include "history/diff.hpp"

#include <string>
#include <utility>
#include <vector>

namespace empreinte::history {

struct DiffViewItem
{
  std::string sign;                 // + ~ - ?
  std::string title;                // third-party text
  std::string url;                  // third-party text
  std::string risk;                 // low, medium, high, "" (for styling)
  std::vector<std::string> details; // worded lines (may quote third-party data)
};

struct DiffViewSection
{
  std::string change; // new, changed, gone, not_seen
  std::string heading;
  std::vector<DiffViewItem> items;
};

struct DiffView
{
  std::string lang;
  std::string title;
  std::string sides;              // "run 3 of 2026-10-01 → run 4 of 2026-11-01"
  std::vector<std::string> notes; // incomplete audits
  std::string scores_heading;
  std::vector<std::pair<std::string, std::string>> scores; // label, "42 → 47 (+5)"
  std::string summary;
  std::string namesakes;
  std::string nothing; // "Nothing changed.", or "" when something did
  std::vector<DiffViewSection> sections;
  std::string families_heading;
  std::vector<std::pair<std::string, std::string>> families; // label, line
  std::string findings_heading;
  std::vector<std::string> findings;
  std::string requests_heading;
  std::vector<std::string> requests;
};

DiffView view_of(const Diff& diff, const std::string& lang);

} // namespace empreinte::history
