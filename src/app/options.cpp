// Flag names mirror the profile file's keys so that both read the same in the docs.
#include "app/options.hpp"

#include "app/exit_codes.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <algorithm>
#include <curl/curl.h>
#include <filesystem>
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
  c.add_option("--is-me", f.is_me, "URL you confirm is about you (repeatable)")->group(group);
  c.add_option("--country",
               f.country,
               "Where you live, for the law that protects you: ISO code (FR, GB, US-CA, CA-QC) or name")
    ->group(group);
  c.add_option("--postal-address", f.postal_address, "Your postal address, for the letters' sender block")
    ->group(group);
  c.add_option("--reply-email", f.reply_email, "Where answers to your letters should go")->group(group);
}

void add_output_options(CLI::App& c,
                        OutputOptions& o,
                        const std::vector<std::string>& formats,
                        bool repeatable)
{
  const char* group = "Output";
  std::string names;
  for (const auto& f : formats) {
    names += (names.empty() ? "" : ", ") + f;
  }
  c.add_option("--format",
               o.format,
               "Output format: " + names + " (default: from the extension of -o, else text)")
    ->check(CLI::IsMember(formats))
    ->group(group);
  // Without --format, `-o report.html` writes HTML: the extension says what the user wants.
  c.parse_complete_callback([&o, formats, repeatable] {
    if (repeatable && !o.outputs.empty()) {
      o.output = o.outputs.front();
    }
    o.format_given = !o.format.empty();
    if (o.format.empty()) {
      o.format = format_from_extension(o.output, formats);
    }
  });
  if (repeatable) {
    c.add_option("-o,--output", o.outputs,
                 "Write to FILE (atomically, mode 0600) instead of stdout; repeatable: one run, "
                 "several files, each in the format of its extension")
      ->group(group);
  } else {
    c.add_option("-o,--output", o.output, "Write to FILE (atomically, mode 0600) instead of stdout")
      ->group(group);
  }
  c.add_flag("-q,--quiet", o.quiet, "No progress or notes on stderr")->group(group);
}

std::string format_from_extension(const std::string& path, const std::vector<std::string>& formats)
{
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    std::string ext = path.substr(dot + 1);
    for (auto& c : ext) {
      c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    const std::string format = ext == "txt"                       ? "text"
                               : ext == "markdown"                ? "md"
                               : ext == "htm" || ext == "xhtml"   ? "html"
                                                                  : ext;
    if (std::find(formats.begin(), formats.end(), format) != formats.end()) {
      return format;
    }
  }
  return formats.empty() ? "text" : formats.front();
}

util::Status check_proxy(const std::string& value, const std::string& where)
{
  if (value.empty()) {
    return util::ok_status();
  }
  const std::string hint =
    "give a proxy URL such as http://127.0.0.1:8080 or socks5h://127.0.0.1:9050 (Tor)";
  CURLU* url = curl_url();
  if (!url) {
    return util::runtime_error("out of memory");
  }
  const bool parsed = curl_url_set(url, CURLUPART_URL, value.c_str(),
                                   CURLU_NON_SUPPORT_SCHEME | CURLU_DEFAULT_SCHEME) == CURLUE_OK;
  char* scheme = nullptr;
  char* host = nullptr;
  const bool has_scheme = parsed && curl_url_get(url, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK;
  const bool has_host = parsed && curl_url_get(url, CURLUPART_HOST, &host, 0) == CURLUE_OK;
  const std::string s = has_scheme ? scheme : "";
  const bool host_ok = has_host && host && *host;
  curl_free(scheme);
  curl_free(host);
  curl_url_cleanup(url);
  if (!parsed || !host_ok) {
    return util::input_error("not a proxy URL", where, hint);
  }
  static const char* const k_schemes[] = {"http", "https", "socks4", "socks4a", "socks5", "socks5h"};
  if (std::find(std::begin(k_schemes), std::end(k_schemes), s) == std::end(k_schemes)) {
    return util::input_error("unsupported proxy scheme \"" + s + "\"", where,
                             "use http, https, socks4, socks4a, socks5 or socks5h");
  }
  return util::ok_status();
}

namespace {

// A file error about the -o path, said as such, with the way out that -o always has.
util::Error as_output_error(util::Error e)
{
  e.where = "-o " + e.where;
  e.hint += ", or leave out -o to print to standard output";
  return e;
}

} // namespace

util::Status check_output(const OutputOptions& o)
{
  if (o.output.empty() || o.output == "-") {
    return util::ok_status();
  }
  // A missing folder is the user's to create: say so, naming the folder (not a temporary file).
  const auto folder = std::filesystem::path(o.output).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::is_directory(folder, ec)) {
    return util::input_error("the folder " + folder.string() + " does not exist",
                             "-o " + o.output,
                             "create it first, or give a path in an existing folder");
  }
  if (std::filesystem::is_directory(o.output, ec)) {
    return util::input_error("will not replace a folder with a file", "-o " + o.output,
                             "give the path of a file in it, e.g. " + o.output + "/report.html");
  }
  // A device, a FIFO or a link there would be refused when writing: say so now.
  if (auto s = util::check_replaceable(o.output); !s) {
    return as_output_error(s.error());
  }
  return util::ok_status();
}

util::Result<std::vector<OutputFile>> check_outputs(const OutputOptions& o,
                                                    const std::vector<std::string>& formats)
{
  if (o.outputs.size() <= 1) {
    if (auto s = check_output(o); !s) {
      return s.error();
    }
    return std::vector<OutputFile>{{o.output == "-" ? std::string() : o.output, o.format}};
  }
  std::string names;
  for (const auto& f : formats) {
    names += (names.empty() ? "." : ", .") + (f == "text" ? std::string("txt") : f);
  }
  if (o.format_given) {
    return util::input_error("--format names one format, and several -o are given",
                             "--format " + o.format,
                             "leave out --format: each file's extension gives its format");
  }
  std::vector<std::string> probe{""}; // "" when an extension names none of `formats`
  probe.insert(probe.end(), formats.begin(), formats.end());
  std::vector<OutputFile> files;
  std::vector<std::filesystem::path> absolutes;
  for (const auto& path : o.outputs) {
    if (path.empty() || path == "-") {
      return util::input_error("standard output (-o -) cannot be one of several outputs",
                               "-o " + path, "give each -o a file name, or use a single -o");
    }
    OutputOptions one;
    one.output = path;
    if (auto s = check_output(one); !s) {
      return s.error();
    }
    const std::string format = format_from_extension(path, probe);
    if (format.empty()) {
      return util::input_error("with several -o, each file's extension gives its format",
                               "-o " + path, "end the file name in one of " + names);
    }
    std::error_code ec;
    auto absolute = std::filesystem::absolute(path, ec).lexically_normal();
    if (std::find(absolutes.begin(), absolutes.end(), absolute) != absolutes.end()) {
      return util::input_error("the same file is given twice", "-o " + path,
                               "give each -o a different file");
    }
    absolutes.push_back(std::move(absolute));
    files.push_back({path, format});
  }
  return files;
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
  if (auto s = check_output(o); !s) {
    return s;
  }
  auto written = util::write_file_atomic(o.output, content);
  if (!written && written.error().kind == util::ErrorKind::input) {
    return as_output_error(written.error());
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
