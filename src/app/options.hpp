// Command-line options shared by several subcommands, and where their output goes.
#pragma once

#include "profile/profile.hpp"
#include "util/result.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace empreinte::app {

// What a subcommand's callback leaves for main to run once parsing succeeded.
using Runner = std::function<int()>;

struct OutputOptions
{
  std::string format = "text";
  std::string output; // file; empty = stdout
  bool quiet = false;
};

// --profile, --first, --last, --other-name, --pseudonym, --network, --job, --employer,
// --location, --email, --phone, --not-me, --country, --postal-address, --reply-email.
void add_profile_options(CLI::App& command, profile::ProfileFlags& flags);

// --format (one of `formats`), -o/--output, --quiet.
void add_output_options(CLI::App& command,
                        OutputOptions& output,
                        const std::vector<std::string>& formats);

// Writes `content` to the output file (atomically) or stdout.
util::Status write_output(const OutputOptions& output, const std::string& content);

// Prints "empreinte: error: ..." on stderr and returns the exit code for the error's kind.
int report_error(const util::Error& error);

// Prints a diagnostic line on stderr unless quiet.
void note(const OutputOptions& output, const std::string& message);

} // namespace empreinte::app
