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
  std::string format; // empty until parsed: --format, else from -o's extension, else the first
  std::string output; // file; empty = stdout
  // Commands whose -o is repeatable (audit, demo): every file given, `output` being the first.
  std::vector<std::string> outputs;
  bool format_given = false; // --format was on the command line
  bool quiet = false;
};

// --profile, --first, --last, --other-name, --pseudonym, --network, --job, --employer,
// --location, --email, --phone, --not-me, --country, --postal-address, --reply-email.
void add_profile_options(CLI::App& command, profile::ProfileFlags& flags);

// A --proxy value (or the config's): a URL curl can use as a proxy, checked before anything is
// sent, so that a typo is a usage error (exit 2), not a run of failed searches. "" is fine.
util::Status check_proxy(const std::string& value, const std::string& where);

// Whether -o can be written: its folder exists and it is not a folder. Checked before a run
// starts, so that minutes of searches are not lost to a typo in the path.
util::Status check_output(const OutputOptions& output);

// The format an output file's extension names (.txt text, .json, .md/.markdown, .html/.htm,
// .csv) when it is one of `formats`; else the first of `formats` (the command's default).
std::string format_from_extension(const std::string& path, const std::vector<std::string>& formats);

// --format (one of `formats`, the first being the default), -o/--output, --quiet. With
// `repeatable`, -o may be given several times (OutputOptions::outputs): one run, several files,
// each in the format its extension names (check_outputs).
void add_output_options(CLI::App& command,
                        OutputOptions& output,
                        const std::vector<std::string>& formats,
                        bool repeatable = false);

// One file of a repeatable -o, and the format it is written in.
struct OutputFile
{
  std::string path; // empty = stdout
  std::string format;
};

// The files a repeatable -o names, each with its format, checked before the run: with one
// file (or none), the format is --format's or the extension's, as for any command; with
// several, each extension must name one of `formats`, --format and "-" are refused (which
// file would they be for?), and no file may be named twice.
util::Result<std::vector<OutputFile>> check_outputs(const OutputOptions& output,
                                                    const std::vector<std::string>& formats);

// Writes `content` to the output file (atomically) or stdout.
util::Status write_output(const OutputOptions& output, const std::string& content);

// Prints "empreinte: error: ..." on stderr and returns the exit code for the error's kind.
int report_error(const util::Error& error);

// Prints a diagnostic line on stderr unless quiet.
void note(const OutputOptions& output, const std::string& message);

} // namespace empreinte::app
