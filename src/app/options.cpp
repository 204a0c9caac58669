// Flag names mirror the profile file's keys so that both read the same in the docs.
#include "app/options.hpp"

#include "app/exit_codes.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

namespace empreinte::app {

void add_profile_options(CLI::App& c, profile::ProfileFlags& f)
{
  const char* group = "Subject (a profile file and/or flags; flags add to the file)";
  c.add_option("--profile", f.profile_file, "Profile JSON file (see docs/profile.md)")
    ->group(group);
  c.add_option("--first", f.first_name, "First name")->group(group);
  c.add_option("--last", f.last_name, "Last name")->group(group);
  c.add_option("--other-name", f.other_names, "Other name: birth or married name (repeatable)")
    ->group(group);
  c.add_option("--pseudonym", f.pseudonyms, "Pseudonym or handle (repeatable)")->group(group);
  c.add_option("--network", f.networks, "Social network id, e.g. instagram (repeatable)")
    ->group(group);
  c.add_option("--job", f.job_title, "Job title")->group(group);
  c.add_option("--employer", f.employer, "Employer")->group(group);
  c.add_option("--location", f.location, "City or region")->group(group);
  c.add_option("--birth-year", f.birth_year, "Year of birth, to tell namesakes of another age apart")
    ->group(group);
  c.add_option("--email", f.emails, "Your e-mail, to recognise it in results (repeatable)")
    ->group(group);
  c.add_option("--phone", f.phones, "Your phone, to recognise it in results (repeatable)")
    ->group(group);
  c.add_option("--not-me", f.not_me, "URL known to be about someone else (repeatable)")
    ->group(group);
  c.add_option("--country",
               f.country,
               "Where you live, for the law that protects you: ISO code (FR, GB, US-CA, CA-QC) or name")
    ->group(group);
  c.add_option("--postal-address", f.postal_address, "Your postal address, for the letters' sender block")
    ->group(group);
  c.add_option("--reply-email", f.reply_email, "Where answers to your letters should go")->group(group);
}

void add_output_options(CLI::App& c, OutputOptions& o, const std::vector<std::string>& formats)
{
  const char* group = "Output";
  c.add_option("--format", o.format, "Output format")
    ->check(CLI::IsMember(formats))
    ->capture_default_str()
    ->group(group);
  c.add_option("-o,--output", o.output, "Write to FILE (atomically, mode 0600) instead of stdout")
    ->group(group);
  c.add_flag("-q,--quiet", o.quiet, "No progress or notes on stderr")->group(group);
}

util::Status write_output(const OutputOptions& o, const std::string& content)
{
  if (o.output.empty() || o.output == "-") {
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size()
        || std::fflush(stdout) != 0) {
      return util::runtime_error("cannot write to standard output");
    }
    return util::ok_status();
  }
  auto written = util::write_file_atomic(o.output, content);
  if (!written && written.error().kind == util::ErrorKind::input) {
    util::Error e = written.error();
    e.where = "-o " + e.where;
    e.hint += ", or leave out -o to print to standard output";
    return e;
  }
  return written;
}

int report_error(const util::Error& error)
{
  // Errors quote what they were given (file names, values, engine answers): line by line,
  // nothing in them may drive the terminal.
  std::string text;
  const std::string raw = error.to_string();
  std::size_t pos = 0;
  while (pos <= raw.size()) {
    const auto end = std::min(raw.find('\n', pos), raw.size());
    text += (pos ? "\n" : "") + util::strip_controls(std::string_view(raw).substr(pos, end - pos));
    pos = end + 1;
  }
  fmt::print(stderr, "empreinte: error: {}\n", text);
  return error.kind == util::ErrorKind::input ? k_exit_usage : k_exit_runtime;
}

void note(const OutputOptions& o, const std::string& message)
{
  if (!o.quiet) {
    fmt::print(stderr, "empreinte: {}\n", message);
  }
}

} // namespace empreinte::app
