// The offline corpus at scale (issue 14): generates a corpus of realistic pages and measures,
// each in a child process so that its peak memory is its own:
//   - the floor: Gumbo extraction alone, and raw FTS5 inserts of the extracted text (the same
//     schema and buffer, one thread), in CPU seconds, combined as one-core (G + F) and n-core
//     (G / n + F); the cold build is compared in wall time and in CPU time;
//   - a cold build of the index, a warm open (nothing changed) with 10 queries, one page
//     changed, the same page changed back;
//   - 10 queries with and without a hostile page repeating the name ~33k times.
// Prints figures and ratios; never fails on timing.
//
//   empreinte_bench_corpus [--pages N] [--work DIR] [--seed S] [--keep] [--no-floor]
#include "parse/html_page.hpp"
#include "search/corpus_backend.hpp"
#include "search/corpus_index.hpp"
#include "util/cpus.hpp"
#include "util/fs.hpp"
#include "util/sqlite.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace empreinte;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start)
{
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds of the calling thread (or process): on a shared machine, wall time measures the
// neighbours as much as the code.
double cpu_seconds(clockid_t clock)
{
  timespec ts{};
  ::clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

const char* k_words[] = {
  "le", "la", "les", "de", "des", "un", "une", "et", "en", "pour", "avec", "dans", "sur", "par",
  "the", "of", "and", "to", "in", "for", "with", "on", "by", "from", "about", "this", "that",
  "association", "mairie", "conseil", "réunion", "projet", "entreprise", "équipe", "travail",
  "photo", "article", "commentaire", "publié", "janvier", "février", "mars", "avril", "mai",
  "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "Lyon", "Paris",
  "Grenoble", "Lille", "Nantes", "Bordeaux", "Marseille", "Toulouse", "club", "sport", "course",
  "résultats", "classement", "annonce", "contact", "adresse", "téléphone", "profil", "compte",
  "news", "report", "company", "team", "meeting", "council", "school", "university", "event",
  "market", "music", "concert", "festival", "library", "museum", "garden", "river", "mountain",
  "recette", "cuisine", "voyage", "vacances", "famille", "enfants", "maison", "jardin", "vélo",
  "infirmière", "ingénieur", "professeur", "avocat", "médecin", "architecte", "comptable",
  "Dupont", "Durand", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Garcia", "David",
  "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Blanc"};

// A page of about `bytes` bytes: head, menu, script, paragraphs; ~1 % name the person.
std::string make_page(std::mt19937_64& rng, std::size_t bytes, std::size_t n, bool named)
{
  std::uniform_int_distribution<std::size_t> word(0, std::size(k_words) - 1);
  std::uniform_int_distribution<int> len(8, 60);
  std::string html = fmt::format(
    "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Page {} {} {}</title>"
    "<meta name=\"description\" content=\"{} {} {} {}\"><link rel=\"stylesheet\" href=\"/s.css\">"
    "<script>window.dataLayer=[];function g(){{dataLayer.push(arguments)}}</script></head>"
    "<body><nav><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/a\">Actualités</a></li>"
    "</ul></nav><main><h1>{} {}</h1>",
    n, k_words[word(rng)], k_words[word(rng)], k_words[word(rng)], k_words[word(rng)],
    k_words[word(rng)], k_words[word(rng)], k_words[word(rng)], k_words[word(rng)]);
  bool said = false;
  while (html.size() < bytes) {
    html += "<div class=\"c\"><p>";
    const int words = len(rng);
    for (int i = 0; i < words; ++i) {
      html += k_words[word(rng)];
      html += i % 11 == 10 ? ". " : " ";
    }
    if (named && !said) {
      html += "Camille Martin ";
      said = true;
    }
    html += "</p></div>\n";
  }
  html += "</main><footer>© 2026</footer></body></html>\n";
  return html;
}

// Sizes like the corpora: 21-186 KB, median ~58 KB.
std::size_t page_size(std::mt19937_64& rng)
{
  std::lognormal_distribution<double> d(std::log(58'000.0), 0.45);
  return static_cast<std::size_t>(std::clamp(d(rng), 21'000.0, 186'000.0));
}

fs::path page_path(const fs::path& corpus, std::size_t i)
{
  return corpus / fmt::format("site{}.example", i % 500) / fmt::format("p{}.html", i);
}

void write(const fs::path& path, const std::string& content)
{
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::uintmax_t generate(const fs::path& corpus, std::size_t pages, std::uint64_t seed)
{
  std::mt19937_64 rng(seed);
  std::uintmax_t total = 0;
  for (std::size_t i = 0; i < pages; ++i) {
    const std::string html = make_page(rng, page_size(rng), i, i % 97 == 0);
    write(page_path(corpus, i), html);
    total += html.size();
  }
  return total;
}

struct Measured
{
  double seconds = 0;
  double cpu = 0; // user + system, every thread
  long peak_kib = 0;
  std::string note;
};

// Runs `work` in a child; its wall time and peak RSS. The child writes a line of notes.
Measured in_child(const std::function<std::string()>& work)
{
  int fds[2];
  if (::pipe(fds) != 0) {
    std::perror("pipe");
    std::exit(1);
  }
  const auto start = Clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    const std::string note = work();
    (void)!::write(fds[1], note.data(), note.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string note;
  char buffer[512];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) {
    note.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  struct rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  Measured m;
  m.seconds = seconds_since(start);
  m.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
          + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  m.peak_kib = usage.ru_maxrss;
  m.note = note;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    m.note += " (child failed)";
  }
  return m;
}

// The floor: Gumbo alone over every page, then FTS5 inserts of the texts, timed apart.
std::string floor_child(const fs::path& corpus, const fs::path& db_path)
{
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (e.is_regular_file()) {
      paths.push_back(e.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  auto db = util::Database::open(db_path.string(), util::Database::Mode::read_write_create);
  if (!db) {
    return "cannot open db";
  }
  (void)db->exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                 "CREATE TABLE pages(id INTEGER PRIMARY KEY, path, url, host, title, description, body);"
                 "CREATE VIRTUAL TABLE pages_fts USING fts5(title, description, body, url,"
                 " content='pages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
                 "INSERT INTO pages_fts(pages_fts, rank) VALUES('hashsize', 67108864);"
                 "BEGIN");
  auto page = db->prepare("INSERT INTO pages(id, path, url, host, title, description, body) VALUES(?,?,?,?,?,?,?)");
  auto fts = db->prepare("INSERT INTO pages_fts(rowid, title, description, body, url) VALUES(?,?,?,?,?)");
  double read_s = 0, gumbo_s = 0, insert_s = 0;
  std::int64_t id = 0;
  const auto now = [] { return cpu_seconds(CLOCK_THREAD_CPUTIME_ID); };
  for (const auto& p : paths) {
    auto t = now();
    auto html = util::read_file(p, 16u << 20);
    read_s += now() - t;
    t = now();
    const auto text = parse::extract_page(*html);
    gumbo_s += now() - t;
    t = now();
    ++id;
    const std::string rel = p.lexically_relative(corpus).generic_string();
    page->bind(1, id);
    page->bind(2, rel);
    page->bind(3, "https://" + rel);
    page->bind(4, rel.substr(0, rel.find('/')));
    page->bind(5, text.title);
    page->bind(6, text.description);
    page->bind(7, text.text);
    page->step();
    page->reset();
    fts->bind(1, id);
    fts->bind(2, text.title);
    fts->bind(3, text.description);
    fts->bind(4, text.text);
    fts->bind(5, "https://" + rel);
    fts->step();
    fts->reset();
    insert_s += now() - t;
  }
  auto t = now();
  (void)db->exec("COMMIT");
  insert_s += now() - t;
  return fmt::format("{:.3f} {:.3f} {:.3f}", read_s, gumbo_s, insert_s);
}

// Opens the index (building or updating it as needed) and runs 10 queries.
std::string open_child(const fs::path& corpus, const fs::path& cache, bool queries)
{
  const auto t = Clock::now();
  auto index = search::CorpusIndex::open(corpus, cache);
  if (!index) {
    return "error: " + index.error().what;
  }
  const double open_s = seconds_since(t);
  const std::size_t changed = index->changed_pages();
  double query_s = 0;
  std::size_t results = 0;
  if (queries) {
    search::CorpusBackend backend(std::move(*index));
    const double q = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID);
    // The audit's kind of queries: the name, alone and with a network, a pseudonym, a job.
    for (const char* text : {"\"Camille Martin\"", "\"Camille Martin\" infirmière",
                             "\"Camille Martin\" site:site7.example", "\"camille.martin\"",
                             "\"Camille Martin\" Lyon", "\"Camille Martin\" -Paris",
                             "\"Camille Martin\" site:site1.example OR site:site2.example",
                             "\"Camille Martin\" OR \"C. Martin\"", "\"Camille Martin\" profil",
                             "\"Camille Martin\" photo"}) {
      results += backend.search_text(text, 5).results.size();
    }
    query_s = cpu_seconds(CLOCK_PROCESS_CPUTIME_ID) - q;
  }
  return fmt::format("{:.3f} {} {:.4f} {}", open_s, changed, query_s, results);
}

std::vector<double> numbers(const std::string& text)
{
  std::vector<double> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t used = 0;
    try {
      out.push_back(std::stod(text.substr(pos), &used));
    } catch (...) {
      break;
    }
    pos += used;
  }
  return out;
}

} // namespace

int main(int argc, char** argv)
{
  std::size_t pages = 1000;
  fs::path work = fs::temp_directory_path() / "empreinte-bench-corpus";
  std::uint64_t seed = 14;
  bool keep = false;
  bool with_floor = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--pages" && i + 1 < argc) {
      pages = std::stoul(argv[++i]);
    } else if (a == "--work" && i + 1 < argc) {
      work = argv[++i];
    } else if (a == "--seed" && i + 1 < argc) {
      seed = std::stoull(argv[++i]);
    } else if (a == "--keep") {
      keep = true;
    } else if (a == "--no-floor") {
      with_floor = false;
    } else {
      std::fprintf(stderr, "usage: %s [--pages N] [--work DIR] [--seed S] [--keep] [--no-floor]\n", argv[0]);
      return 2;
    }
  }
  const fs::path corpus = work / fmt::format("c{}", pages);
  const fs::path cache = work / "cache";
  std::error_code ec;
  fs::remove_all(cache, ec);
  fs::create_directories(cache);
  std::uintmax_t bytes = 0;
  if (!fs::exists(corpus)) {
    const auto t = Clock::now();
    bytes = generate(corpus, pages, seed);
    fmt::print("generated {} pages, {:.1f} MB of HTML in {:.1f} s\n", pages, static_cast<double>(bytes) / 1e6,
               seconds_since(t));
  } else {
    for (const auto& e : fs::recursive_directory_iterator(corpus)) {
      bytes += e.is_regular_file() ? e.file_size() : 0;
    }
    fmt::print("reusing {} ({:.1f} MB of HTML)\n", corpus.string(), static_cast<double>(bytes) / 1e6);
  }
  const unsigned cores = util::available_cpus();
  fmt::print("cores available: {}\n", cores);

  // Warm the page cache so that every phase reads from memory.
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (e.is_regular_file()) {
      (void)util::read_file(e.path(), 16u << 20);
    }
  }

  const Measured floor = with_floor ? in_child([&] { return floor_child(corpus, work / "floor.sqlite"); })
                                    : Measured{0, 0, 0, "0 0 0"};
  fs::remove(work / "floor.sqlite", ec);
  const auto f = numbers(floor.note);
  if (f.size() < 3) {
    fmt::print("floor failed: {}\n", floor.note);
    return 1;
  }
  const double gumbo = f[1], insert = f[2], read = f[0];
  const double floor1 = read + gumbo + insert;
  const double floorn = (read + gumbo) / cores + insert;
  fmt::print("floor (CPU s): read {:.2f}, Gumbo {:.2f}, FTS5 insert {:.2f}; one core {:.2f} s, "
             "{} cores {:.2f} s (peak {} MiB)\n",
             read, gumbo, insert, floor1, cores, floorn, floor.peak_kib / 1024);

  auto report = [](const char* what, const Measured& m) {
    const auto v = numbers(m.note);
    fmt::print("{:<24} {:7.3f} s wall, {:7.3f} s CPU, open {:7.3f} s wall, {} pages indexed, "
               "10 queries {:.4f} s CPU, peak {} MiB{}\n",
               what, m.seconds, m.cpu, v.size() > 0 ? v[0] : -1.0, v.size() > 1 ? v[1] : -1.0,
               v.size() > 2 ? v[2] : -1.0, m.peak_kib / 1024,
               v.size() < 4 ? " [" + m.note + "]" : "");
    return v.size() > 0 ? v[0] : -1.0;
  };
  const Measured cold_m = in_child([&] { return open_child(corpus, cache, false); });
  const double cold = report("cold build", cold_m);
  fmt::print("cold build wall / floor CPU: one core {:.2f}, {} cores {:.2f}; cold build CPU / floor CPU {:.2f}\n",
             cold / floor1, cores, cold / floorn, cold_m.cpu / floor1);
  report("warm open + 10 queries", in_child([&] { return open_child(corpus, cache, true); }));
  report("warm open again", in_child([&] { return open_child(corpus, cache, true); }));

  const fs::path one = page_path(corpus, pages / 2);
  auto read_one = util::read_file(one, 16u << 20);
  const std::string original = read_one ? *read_one : std::string();
  write(one, original + "<p>Camille Martin, mise à jour.</p>");
  report("one page changed", in_child([&] { return open_child(corpus, cache, true); }));
  write(one, original);
  report("changed back", in_child([&] { return open_child(corpus, cache, true); }));

  // A hostile page: the name ~40k times (the 512 KiB text cap keeps ~33k).
  std::string hostile = "<html><head><title>Annuaire</title></head><body><p>";
  for (int i = 0; i < 40'000; ++i) {
    hostile += "Camille Martin ";
  }
  hostile += "</p></body></html>";
  const fs::path bad = corpus / "hostile.example" / "index.html";
  write(bad, hostile);
  report("hostile page added", in_child([&] { return open_child(corpus, cache, true); }));
  report("hostile, warm", in_child([&] { return open_child(corpus, cache, true); }));
  fs::remove_all(bad.parent_path(), ec);
  report("hostile removed", in_child([&] { return open_child(corpus, cache, true); }));

  if (!keep) {
    fs::remove_all(work, ec);
  }
  return 0;
}
