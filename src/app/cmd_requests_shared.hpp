// What `empreinte requests` shares between its files: the parsed command, today's date, a
// stored request by id, and the complaint (cmd_requests_complaint.cpp).
#pragma once

#include "app/options.hpp"
#include "history/store.hpp"
#include "util/result.hpp"

#include <cstdint>
#include <string>

namespace empreinte::app::requests {

struct Command
{
  std::string action;
  std::string trace;        // add
  std::string right;        // add
  std::string sent;         // add: date, default today
  std::string via;          // add
  std::string jurisdiction; // add
  std::int64_t id = 0;      // extend, done, complaint
  std::string outcome;      // done
  std::string date;         // extend, done: default today
  std::string authority;    // complaint
  std::string subject;
  OutputOptions output;
  std::string lang;
};

// Today, YYYY-MM-DD, on the process clock (tests fake it).
std::string today();

// Request `id` of the history, or an input error naming it.
util::Result<history::Request> existing(const history::Store& store, std::int64_t id);

// `empreinte requests complaint ID`: the letter to the data protection authority.
int run_complaint(const Command& cmd);

} // namespace empreinte::app::requests
