// Which backend an audit searches (the offline corpus, or web engines from the backend
// definitions and the config file) and which page reader goes with it.
#include "app/audit_command.hpp"
#include "app/data_paths.hpp"
#include "app/search_setup.hpp"
#include "read/page_reader.hpp"
#include "read/web_reader.hpp"
#include "search/corpus_backend.hpp"
#include "search/web_search.hpp"
#include "util/fs.hpp"
#include "util/terminal.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <memory>

namespace empreinte::app {

namespace {

// The cache directory, or nullopt with --no-cache or when there is none (a warning says what
// happens instead: `without`).
std::optional<std::filesystem::path> cache_dir_unless_disabled(const AuditCommand& cmd,
                                                               std::string_view without)
{
  if (cmd.no_cache) {
    return std::nullopt;
  }
  auto dir = util::cache_dir();
  if (!dir) {
    note(cmd.output, "warning: " + dir.error().to_string() + "; " + std::string(without));
    return std::nullopt;
  }
  return *dir;
}

util::Result<std::unique_ptr<search::Backend>> open_corpus(const AuditCommand& cmd)
{
  if (cmd.corpus.empty()) {
    return util::input_error("the corpus backend needs a folder of saved pages",
                             "--corpus",
                             "give --corpus DIR, or run 'empreinte demo'");
  }
  const auto cache = cache_dir_unless_disabled(cmd, "indexing in memory");
  auto index = search::CorpusIndex::open(cmd.corpus, cache);
  if (!index) {
    return index.error();
  }
  if (!index->note().empty()) {
    note(cmd.output, "warning: " + index->note());
  }
  if (!index->skipped().empty()) {
    note(cmd.output, fmt::format("warning: {} corpus page(s) over 16 MiB left out: {}",
                                 index->skipped().size(), skipped_list(index->skipped())));
  }
  if (index->rebuilt()) {
    note(cmd.output, fmt::format("indexed {} pages of {} ({} in all)", index->changed_pages(),
                                 cmd.corpus, index->page_count()));
  }
  return std::unique_ptr<search::Backend>(
    std::make_unique<search::CorpusBackend>(std::move(*index)));
}

// Which backends to use: --backend, else the corpus when --corpus is given, else the config
// file's default_backends, else the keyless default (`rotate` set): the engines that need no
// key, in turn, each query retried on the next when one blocks it.
std::vector<std::string> chosen_backends(const AuditCommand& cmd,
                                         const SearchSetup& setup,
                                         bool& rotate)
{
  rotate = false;
  if (!cmd.search.backends.empty()) {
    return cmd.search.backends;
  }
  if (!cmd.corpus.empty()) {
    return {"corpus"};
  }
  if (!setup.config.default_backends.empty()) {
    return setup.config.default_backends;
  }
  std::vector<std::string> keyless;
  for (const auto& def : setup.defs) {
    if (def.keyless_default) {
      keyless.push_back(def.name);
    }
  }
  rotate = keyless.size() > 1;
  return keyless.empty() ? std::vector<std::string>{"duckduckgo"} : keyless;
}

util::Result<std::unique_ptr<read::PageReader>> open_web_reader(const AuditCommand& cmd,
                                                                const DataPaths& data,
                                                                const search::EngineOptions& engine)
{
  auto walls = read::Walls::load(data.rules("reading.json").string(),
                                 data.rules("accounts.json").string());
  if (!walls) {
    return walls.error();
  }
  read::WebReaderOptions options;
  options.engine = engine;
  options.refresh = cmd.refresh;
  if (const auto dir = cache_dir_unless_disabled(cmd, "pages read are not cached")) {
    options.cache.emplace(*dir / "pages", std::chrono::hours(24));
  }
  if (!cmd.output.quiet && util::is_terminal(stderr)) {
    options.progress = [](std::size_t done, std::size_t total) {
      fmt::print(stderr, "\r\x1b[Kreading pages: {}/{} requests", done, total);
      if (done == total) {
        fmt::print(stderr, "\r\x1b[K");
      }
    };
  }
  return std::unique_ptr<read::PageReader>(
    std::make_unique<read::WebPageReader>(std::move(*walls), std::move(options)));
}

// The corpus backend and the reader of its saved pages (every page is on disk: reading them
// costs nothing).
util::Result<Searcher> open_offline(const AuditCommand& cmd)
{
  auto corpus = open_corpus(cmd);
  if (!corpus) {
    return corpus.error();
  }
  auto* index = dynamic_cast<search::CorpusBackend*>(corpus->get());
  auto reader = std::make_unique<read::SavedPageReader>(index->dir());
  return Searcher{std::move(*corpus), std::move(reader)};
}

} // namespace

std::string skipped_list(const std::vector<std::string>& skipped)
{
  constexpr std::size_t k_named = 5;
  std::string list;
  for (std::size_t i = 0; i < skipped.size() && i < k_named; ++i) {
    list += (i == 0 ? "" : ", ") + util::strip_controls(skipped[i]);
  }
  if (skipped.size() > k_named) {
    list += fmt::format(" (+{})", skipped.size() - k_named);
  }
  return list;
}

util::Result<Searcher> open_backend(const AuditCommand& cmd, const DataPaths& data)
{
  // The offline corpus needs no web definition nor config: a broken one in the user's folders
  // must not stop an offline audit (or the demo).
  const bool corpus_only =
      cmd.search.backends.empty()
          ? !cmd.corpus.empty()
          : std::all_of(cmd.search.backends.begin(), cmd.search.backends.end(), [](const auto& b) {
              return b == "corpus";
            });
  if (corpus_only) {
    return open_offline(cmd);
  }
  auto setup = load_search_setup(data, cmd.search);
  if (!setup) {
    return setup.error();
  }
  bool rotate = false;
  const auto names = chosen_backends(cmd, *setup, rotate);
  if (std::find(names.begin(), names.end(), "corpus") != names.end()) {
    if (names.size() > 1) {
      return util::input_error("the offline corpus cannot be combined with web backends",
                               "--backend", "run the corpus and the web backends separately");
    }
    return open_offline(cmd);
  }
  auto backends = resolve_backends(*setup, names);
  if (!backends) {
    return backends.error();
  }
  if (!cmd.corpus.empty()) {
    return util::input_error("--corpus is only for the corpus backend", "--corpus",
                             "drop --corpus, or use --backend corpus");
  }
  for (const auto& [value, where] : {std::pair{cmd.user_agent, "--user-agent"},
                                     std::pair{cmd.proxy, "--proxy"},
                                     std::pair{setup->config.user_agent, "config: user_agent"},
                                     std::pair{setup->config.proxy, "config: proxy"}}) {
    if (auto s = check_setting_text(value, where); !s) {
      return s.error();
    }
  }
  for (const auto& [value, where] : {std::pair{cmd.proxy, "--proxy"}, std::pair{setup->config.proxy, "config: proxy"}}) {
    if (auto s = check_proxy(value, where); !s) {
      return s.error();
    }
  }
  search::WebSearchOptions options;
  options.engine.deadline = std::chrono::milliseconds(static_cast<long long>(cmd.timeout_s * 1000));
  options.engine.request_timeout =
    std::chrono::milliseconds(static_cast<long long>(cmd.request_timeout_s * 1000));
  options.engine.proxy = !cmd.proxy.empty() ? cmd.proxy : setup->config.proxy;
  options.engine.user_agent = !cmd.user_agent.empty()              ? cmd.user_agent
                              : !setup->config.user_agent.empty() ? setup->config.user_agent
                                                                  : default_user_agent();
  options.refresh = cmd.refresh;
  options.rotate = rotate;
  if (const auto dir = cache_dir_unless_disabled(cmd, "responses are not cached")) {
    options.cache.emplace(*dir / "responses", std::chrono::hours(24));
  }
  if (!cmd.output.quiet && util::is_terminal(stderr)) {
    options.progress = [](std::size_t done, std::size_t total) {
      fmt::print(stderr, "\r\x1b[Ksearching: {}/{} requests", done, total);
      if (done == total) {
        fmt::print(stderr, "\r\x1b[K");
      }
    };
  }
  auto reader = open_web_reader(cmd, data, options.engine);
  if (!reader) {
    return reader.error();
  }
  return Searcher{std::make_unique<search::WebSearch>(std::move(*backends), std::move(options)),
                  std::move(*reader)};
}

} // namespace empreinte::app
