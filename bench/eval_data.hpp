// Reading the labelled evaluation sets (tests/eval/<split>/*.json) into traces to classify.
#pragma once

#include "profile/profile.hpp"
#include "traces/trace.hpp"

#include <string>
#include <vector>

namespace empreinte::bench {

struct Label
{
  std::string kind;
  std::string kind_alt; // "" when none
  bool about_subject = false;
  std::vector<std::string> sensitive;
  bool pseudonym_link = false;
  bool job_link = false;
  std::string why;
};

struct Row
{
  std::string family;
  std::string query;
  int rank = 0;
  std::string url;
  std::string title;
  std::string snippet;
  Label label;
  std::size_t trace = 0; // index of the merged trace
};

struct Persona
{
  std::string name; // file stem
  profile::Profile profile;
  std::vector<Row> rows;
  std::vector<traces::Trace> traces; // merged from the rows, in discovery order
};

// Reads every *.json of `dir`; throws std::runtime_error with the file name on bad input.
std::vector<Persona> load_personas(const std::string& dir);

} // namespace empreinte::bench
