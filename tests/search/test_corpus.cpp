#include "search/corpus_backend.hpp"
#include "search/corpus_index.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <chrono>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace empreinte;
namespace fs = std::filesystem;

namespace {

std::string page(const std::string& canonical,
                 const std::string& title,
                 const std::string& body,
                 const std::string& description = "")
{
  std::string head = "<title>" + title + "</title>";
  if (!canonical.empty()) {
    head += "<link rel=\"canonical\" href=\"" + canonical + "\">";
  }
  if (!description.empty()) {
    head += "<meta name=\"description\" content=\"" + description + "\">";
  }
  return "<!doctype html><html><head>" + head + "<script>var hidden = 'Vasseur secret';</script>"
         + "</head><body><nav>Accueil Vasseur</nav><p>" + body + "</p></body></html>";
}

void write_corpus(const test::TempDir& dir)
{
  dir.write("corpus/www.instagram.com/helvass38/index.html",
            page("https://www.instagram.com/helvass38/", "Hélène Vasseur (@helvass38)", "Trail à Grenoble."));
  dir.write("corpus/fr.linkedin.com/in/helene.html",
            page("https://fr.linkedin.com/in/helene-vasseur", "Hélène Vasseur - Infirmière", "Clinique des Tilleuls"));
  dir.write("corpus/www.ledauphine.com/article.html",
            page("", "Une clinique innove", std::string(200, ' ') + "Selon Helene VASSEUR, infirmière, tout va bien."));
  dir.write("corpus/notaire.example/index.html",
            page("https://notaire.example/", "Office notarial", "Maître Hélène Vasseur, notaire à Lille."));
  dir.write("corpus/noise.example/a.htm",
            page("", "Recette", "Poires belle Hélène et Didier Vasseur."));
  dir.write("corpus/.hidden/x.html", page("", "Hélène Vasseur hidden", "never indexed"));
  dir.write("corpus/notes.txt", "Hélène Vasseur, not a page");
}

std::vector<std::string> urls(const search::QueryOutcome& out)
{
  std::vector<std::string> u;
  for (const auto& r : out.results) {
    u.push_back(r.url);
  }
  return u;
}

} // namespace

TEST_CASE("corpus: URLs come from canonical links, else from the path")
{
  CHECK(search::url_from_path("www.example.com/a/b.html") == "https://www.example.com/a/b");
  CHECK(search::url_from_path("www.example.com/a/index.html") == "https://www.example.com/a/");
  CHECK(search::url_from_path("www.example.com/index.htm") == "https://www.example.com/");
  CHECK(search::url_from_path("top.html").empty());
}

TEST_CASE("corpus: exact phrases, ranking, sites, exclusions, snippets")
{
  test::TempDir dir;
  write_corpus(dir);
  auto index = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
  REQUIRE(index);
  CHECK(index->page_count() == 5);
  search::CorpusBackend backend(std::move(*index));

  auto name = backend.search_text("\"Hélène Vasseur\"", 1);
  CHECK(name.status == search::QueryStatus::ok);
  // A NUL in a query is a separator, never the end of an FTS5 string (fuzz_query_syntax).
  const auto nul = backend.search_text(std::string("\"Hélène Vasseur\" inst-\0\0", 25), 1);
  CHECK(nul.status != search::QueryStatus::error);
  CHECK(name.backend == "corpus");
  const auto found = urls(name);
  CHECK(found.size() == 4); // the noise page has both words, never the phrase
  CHECK(std::find(found.begin(), found.end(), "https://noise.example/a") == found.end());
  // Title and URL matches rank above a body-only match.
  CHECK(found.back() == "https://www.ledauphine.com/article");
  CHECK(name.results.front().rank == 1);
  CHECK(name.results.back().rank == 4);

  SUBCASE("accents and case are folded")
  {
    CHECK(urls(backend.search_text("\"HELENE vasseur\"", 1)).size() == 4);
  }
  SUBCASE("site: matches the domain and its subdomains")
  {
    CHECK(urls(backend.search_text("\"Hélène Vasseur\" site:linkedin.com", 1))
          == std::vector<std::string>{"https://fr.linkedin.com/in/helene-vasseur"});
    CHECK(urls(backend.search_text("\"Hélène Vasseur\" site:instagram.com OR site:x.com", 1)).size() == 1);
    CHECK(backend.search_text("\"Hélène Vasseur\" site:tiktok.com", 1).status == search::QueryStatus::empty);
    CHECK(urls(backend.search_text("\"Hélène Vasseur\" -site:linkedin.com", 1)).size() == 3);
  }
  SUBCASE("exclusions and OR")
  {
    CHECK(urls(backend.search_text("\"Hélène Vasseur\" -notaire", 1)).size() == 3);
    CHECK(urls(backend.search_text("notaire OR trail", 1)).size() == 2);
  }
  SUBCASE("a pseudonym matches in the URL")
  {
    CHECK(urls(backend.search_text("\"helvass38\"", 1)) == std::vector<std::string>{"https://www.instagram.com/helvass38/"});
  }
  SUBCASE("snippets come from visible text around the match, never scripts or menus")
  {
    const auto out = backend.search_text("infirmière tout", 1);
    REQUIRE(out.results.size() == 1);
    CHECK(out.results[0].snippet.find("Helene VASSEUR, infirmière") != std::string::npos);
    CHECK(backend.search_text("secret", 1).status == search::QueryStatus::empty);
    CHECK(backend.search_text("Accueil", 1).status == search::QueryStatus::empty);
    CHECK(backend.search_text("hidden", 1).status == search::QueryStatus::empty);
  }
  SUBCASE("FTS5 syntax in a query is harmless")
  {
    CHECK(backend.search_text("title:Vasseur NEAR( \"", 1).status != search::QueryStatus::error);
    CHECK(backend.search_text("\"", 1).status == search::QueryStatus::error);
  }
}

TEST_CASE("corpus: 10 results a page")
{
  test::TempDir dir;
  for (int i = 0; i < 25; ++i) {
    dir.write("corpus/site" + std::to_string(i) + ".example/index.html",
              page("", "Page " + std::to_string(i), "Camille Martin here"));
  }
  auto index = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
  REQUIRE(index);
  search::CorpusBackend backend(std::move(*index));
  CHECK(backend.search_text("\"Camille Martin\"", 1).results.size() == 10);
  const auto three = backend.search_text("\"Camille Martin\"", 3);
  CHECK(three.results.size() == 25);
  CHECK(three.results.back().rank == 25);
}

TEST_CASE("corpus: the index is cached per folder and updated when a page changes")
{
  test::TempDir dir;
  write_corpus(dir);
  const fs::path cache = dir.path() / "cache";
  fs::create_directories(cache);
  auto count_indexes = [&] {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(cache)) {
      n += e.path().extension() == ".sqlite" ? 1 : 0;
    }
    return n;
  };
  {
    // An index of the same folder left by an older version (named by content then).
    auto old = util::Database::open((cache / "corpus-0123456789abcdef.sqlite").string(),
                                    util::Database::Mode::read_write_create);
    REQUIRE(old);
    REQUIRE(old->exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                      "INSERT INTO meta VALUES('version', 'empreinte-corpus-index/2');"
                      "INSERT INTO meta VALUES('dir', '" + fs::weakly_canonical(dir.path() / "corpus").string() + "')"));
  }
  {
    auto first = search::CorpusIndex::open(dir.path() / "corpus", cache);
    REQUIRE(first);
    CHECK(first->rebuilt());
  }
  {
    auto second = search::CorpusIndex::open(dir.path() / "corpus", cache);
    REQUIRE(second);
    CHECK_FALSE(second->rebuilt());
  }
  dir.write("corpus/new.example/index.html", page("", "Nouvelle", "Hélène Vasseur encore"));
  auto third = search::CorpusIndex::open(dir.path() / "corpus", cache);
  REQUIRE(third);
  CHECK(third->rebuilt());
  CHECK(third->page_count() == 6);
  CHECK(third->changed_pages() == 1);
  CHECK(count_indexes() == 1); // the older version's index of the same folder is gone
  search::CorpusBackend backend(std::move(*third));
  CHECK(backend.search_text("Nouvelle", 1).results.size() == 1);
}

TEST_CASE("corpus: a corrupt cached index is rebuilt")
{
  test::TempDir dir;
  write_corpus(dir);
  const fs::path cache = dir.path() / "cache";
  fs::create_directories(cache);
  fs::path db;
  {
    auto first = search::CorpusIndex::open(dir.path() / "corpus", cache);
    REQUIRE(first);
    db = first->db_path();
  }
  dir.write(fs::relative(db, dir.path()).string(), "garbage, not sqlite");
  auto again = search::CorpusIndex::open(dir.path() / "corpus", cache);
  REQUIRE(again);
  CHECK(again->rebuilt());
  search::CorpusBackend backend(std::move(*again));
  CHECK(backend.search_text("\"Hélène Vasseur\"", 1).results.size() == 4);
}

TEST_CASE("corpus: bad folders and pages are input errors listing every problem")
{
  test::TempDir dir;
  SUBCASE("missing folder")
  {
    auto r = search::CorpusIndex::open(dir.path() / "nope", std::nullopt);
    REQUIRE_FALSE(r);
    CHECK(r.error().what == "corpus folder not found");
    CHECK(r.error().kind == util::ErrorKind::input);
  }
  SUBCASE("a file instead of a folder")
  {
    dir.write("file.html", "x");
    auto r = search::CorpusIndex::open(dir.path() / "file.html", std::nullopt);
    REQUIRE_FALSE(r);
    CHECK(r.error().what == "corpus is not a folder");
  }
  SUBCASE("no pages")
  {
    dir.write("corpus/readme.txt", "nothing");
    auto r = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
    REQUIRE_FALSE(r);
    CHECK(r.error().what.find("no HTML pages") == 0);
  }
  SUBCASE("binary and unreadable pages")
  {
    write_corpus(dir);
    dir.write("corpus/bin.example/x.html", std::string("PK\0\3binary", 10));
    fs::create_symlink(dir.path() / "gone.html", dir.path() / "corpus" / "broken.example.html");
    const auto locked = dir.write("corpus/locked.example/index.html", "<p>x</p>");
    fs::permissions(locked, fs::perms::none);
    auto r = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == util::ErrorKind::input);
    const std::string& what = r.error().what;
    CHECK(what.find("bin.example/x.html: binary content") != std::string::npos);
    CHECK(what.find("broken.example.html: file not found") != std::string::npos);
    if (::geteuid() != 0) { // root reads any file
      CHECK(what.find("locked.example/index.html: cannot read file") != std::string::npos);
    }
    CHECK(r.error().hint == "fix or remove these files");
  }
  SUBCASE("links that loop are named")
  {
    write_corpus(dir);
    fs::create_symlink("loop.html", dir.path() / "corpus" / "notaire.example" / "loop.html");
    fs::create_symlink("b.html", dir.path() / "corpus" / "a.html");
    fs::create_symlink("a.html", dir.path() / "corpus" / "b.html");
    fs::create_symlink("..", dir.path() / "corpus" / "notaire.example" / "up"); // not followed
    auto r = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
    REQUIRE_FALSE(r);
    const std::string& what = r.error().what;
    CHECK(what.find("notaire.example/loop.html: symbolic link loop") != std::string::npos);
    CHECK(what.find("\n  a.html: symbolic link loop") != std::string::npos);
    CHECK(what.find("\n  b.html: symbolic link loop") != std::string::npos);
    CHECK(what.find("\n  : ") == std::string::npos);
  }
}

// Runs `check` as user nobody when the tests run as root (root reads any folder), in a child
// process so that the test binary keeps its rights. Returns false when it cannot drop them.
template<typename Check> bool as_unprivileged(const fs::path& tree, Check check)
{
  if (::geteuid() != 0) {
    return check();
  }
  for (auto it = fs::recursive_directory_iterator(tree); it != fs::recursive_directory_iterator();
       ++it) {
    if (it->is_directory() && !it->is_symlink()
        && (fs::status(it->path()).permissions() & fs::perms::owner_read) != fs::perms::none) {
      fs::permissions(it->path(), fs::perms::all & ~fs::perms::others_write);
    } else if (it->is_regular_file()) {
      fs::permissions(it->path(), fs::perms::owner_read | fs::perms::owner_write
                                    | fs::perms::group_read | fs::perms::others_read);
    }
  }
  for (fs::path p = tree; p != p.parent_path(); p = p.parent_path()) {
    if (p == fs::temp_directory_path()) {
      break;
    }
    fs::permissions(p, fs::perms::others_exec | fs::perms::others_read, fs::perm_options::add);
  }
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) {
      ::_exit(3);
    }
    ::_exit(check() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST_CASE("corpus: a folder that cannot be listed is named, never skipped in silence")
{
  test::TempDir dir;
  write_corpus(dir);
  dir.write("corpus/www.locked.example/index.html", "<p>Hélène Vasseur</p>");
  const fs::path corpus = dir.path() / "corpus";
  fs::permissions(corpus / "www.locked.example", fs::perms::none);
  const bool reported = as_unprivileged(corpus, [&] {
    auto r = search::CorpusIndex::open(corpus, std::nullopt);
    return !r && r.error().kind == util::ErrorKind::input
           && r.error().what.find("www.locked.example/: cannot list this folder") != std::string::npos;
  });
  CHECK(reported);
}

TEST_CASE("corpus: ISO-8859-1 pages are decoded")
{
  test::TempDir dir;
  dir.write("corpus/old.example/index.html", "<html><body><p>H\xE9l\xE8ne Vasseur</p></body></html>");
  auto index = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
  REQUIRE(index);
  search::CorpusBackend backend(std::move(*index));
  const auto out = backend.search_text("\"Hélène Vasseur\"", 1);
  REQUIRE(out.results.size() == 1);
  CHECK(out.results[0].snippet == "Hélène Vasseur");
}

TEST_CASE("corpus: a page over the size cap is left out and named, never failing the corpus")
{
  test::TempDir dir;
  write_corpus(dir);
  dir.write("corpus/huge.example/dump.html",
            "<p>Hélène Vasseur</p>" + std::string(16u * 1024 * 1024, 'x'));
  auto index = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
  REQUIRE(index);
  CHECK(index->page_count() == 5);
  CHECK(index->skipped() == std::vector<std::string>{"huge.example/dump.html"});
  search::CorpusBackend backend(std::move(*index));
  CHECK(backend.skipped().size() == 1);
  CHECK(urls(backend.search_text("\"Hélène Vasseur\"", 1)).size() == 4);
}

TEST_CASE("corpus: a page repeating the name tens of thousands of times gets a short snippet")
{
  test::TempDir dir;
  write_corpus(dir);
  std::string body;
  for (int i = 0; i < 40'000; ++i) {
    body += "Hélène Vasseur ";
  }
  dir.write("corpus/hostile.example/index.html", page("", "Annuaire", body));
  auto index = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
  REQUIRE(index);
  search::CorpusBackend backend(std::move(*index));
  const auto out = backend.search_text("\"Hélène Vasseur\"", 1);
  REQUIRE(out.status == search::QueryStatus::ok);
  CHECK(out.results.size() == 5);
  const auto it = std::find_if(out.results.begin(), out.results.end(), [](const auto& r) {
    return r.url == "https://hostile.example/";
  });
  REQUIRE(it != out.results.end());
  CHECK(it->snippet.rfind("Hélène Vasseur Hélène Vasseur", 0) == 0);
  CHECK(it->snippet.size() < 600);
  CHECK(it->snippet.substr(it->snippet.size() - 3) == "…");
}

namespace {

std::string integrity(search::CorpusIndex& index)
{
  const auto s = index.db().exec("INSERT INTO pages_fts(pages_fts, rank) VALUES('integrity-check', 1)");
  return s ? std::string("ok") : s.error().what;
}

std::vector<std::string> paths_by_id(search::CorpusIndex& index)
{
  std::vector<std::string> out;
  auto stmt = index.db().prepare("SELECT path FROM pages ORDER BY id");
  while (stmt && stmt->step()) {
    out.push_back(stmt->column_text(0));
  }
  return out;
}

} // namespace

TEST_CASE("corpus: a warm run reads nothing, an update touches only what changed")
{
  test::TempDir dir;
  write_corpus(dir);
  const fs::path corpus = dir.path() / "corpus";
  const fs::path cache = dir.path() / "cache";
  fs::create_directories(cache);
  std::string db_path;
  {
    auto first = search::CorpusIndex::open(corpus, cache);
    REQUIRE(first);
    CHECK(first->rebuilt());
    CHECK(first->changed_pages() == 5);
    db_path = first->db_path();
  }
  const auto inode_of = [](const std::string& p) {
    struct stat st{};
    return ::stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
  };
  const auto first_inode = inode_of(db_path);
  SUBCASE("nothing changed: nothing is read")
  {
    // Unreadable now, but its metadata did not change: it is never opened.
    fs::permissions(corpus / "noise.example" / "a.htm", fs::perms::none);
    auto again = search::CorpusIndex::open(corpus, cache);
    REQUIRE(again);
    CHECK_FALSE(again->rebuilt());
    CHECK(again->changed_pages() == 0);
    CHECK(again->page_count() == 5);
    fs::permissions(corpus / "noise.example" / "a.htm", fs::perms::owner_all);
  }
  SUBCASE("a file touched but not changed is hashed, not re-indexed")
  {
    const auto p = corpus / "noise.example" / "a.htm";
    fs::last_write_time(p, fs::last_write_time(p) + std::chrono::seconds(5));
    auto again = search::CorpusIndex::open(corpus, cache);
    REQUIRE(again);
    CHECK(again->changed_pages() == 0);
    CHECK(paths_by_id(*again).size() == 5);
  }
  SUBCASE("one page changed, one added, one removed: the same index, updated")
  {
    dir.write("corpus/noise.example/a.htm", page("", "Recette", "Tarte aux myrtilles."));
    dir.write("corpus/new.example/index.html", page("", "Nouvelle", "Hélène Vasseur encore"));
    fs::remove(corpus / "notaire.example" / "index.html");
    auto again = search::CorpusIndex::open(corpus, cache);
    REQUIRE(again);
    CHECK(again->rebuilt());
    CHECK(again->changed_pages() == 3);
    CHECK(again->page_count() == 5);
    CHECK(again->db_path() == db_path);
    CHECK(inode_of(db_path) == first_inode); // updated in place, never rebuilt
    CHECK(integrity(*again) == "ok");
    search::CorpusBackend backend(std::move(*again));
    CHECK(backend.search_text("myrtilles", 1).results.size() == 1);
    CHECK(backend.search_text("Poires", 1).status == search::QueryStatus::empty);
    CHECK(backend.search_text("notaire", 1).status == search::QueryStatus::empty);
    CHECK(backend.search_text("Nouvelle", 1).results.size() == 1);
    CHECK(urls(backend.search_text("\"Hélène Vasseur\"", 1)).size() == 4);
  }
  SUBCASE("a bad page changes nothing and is named; once fixed, the index is updated")
  {
    dir.write("corpus/noise.example/a.htm", std::string("PK\0\3binary", 10));
    dir.write("corpus/new.example/index.html", page("", "Nouvelle", "Hélène Vasseur encore"));
    auto bad = search::CorpusIndex::open(corpus, cache);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().what.find("noise.example/a.htm: binary content") != std::string::npos);
    dir.write("corpus/noise.example/a.htm", page("", "Recette", "Tarte aux myrtilles."));
    auto fixed = search::CorpusIndex::open(corpus, cache);
    REQUIRE(fixed);
    CHECK(fixed->changed_pages() == 2);
    CHECK(fixed->page_count() == 6);
    CHECK(integrity(*fixed) == "ok");
  }
  SUBCASE("a page grown over the size cap leaves the index")
  {
    dir.write("corpus/noise.example/a.htm", std::string(16u * 1024 * 1024 + 1, 'x'));
    auto again = search::CorpusIndex::open(corpus, cache);
    REQUIRE(again);
    CHECK(again->page_count() == 4);
    CHECK(again->skipped() == std::vector<std::string>{"noise.example/a.htm"});
    CHECK(integrity(*again) == "ok");
  }
}

TEST_CASE("corpus: pages are inserted in path order whatever the threads")
{
  test::TempDir dir;
  for (int i = 0; i < 120; ++i) {
    dir.write("corpus/site" + std::to_string(i % 7) + ".example/p" + std::to_string(i) + ".html",
              page("", "Page " + std::to_string(i), "Camille Martin " + std::string(static_cast<std::size_t>(i * 37 % 500), 'a')));
  }
  auto index = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
  REQUIRE(index);
  CHECK(index->page_count() == 120);
  const auto paths = paths_by_id(*index);
  CHECK(paths.size() == 120);
  std::vector<std::string> sorted = paths;
  std::sort(sorted.begin(), sorted.end());
  CHECK(paths == sorted);
  CHECK(integrity(*index) == "ok");
}

TEST_CASE("corpus: FTS5's pending-terms buffer is sized for bulk loads")
{
  test::TempDir dir;
  write_corpus(dir);
  auto index = search::CorpusIndex::open(dir.path() / "corpus", std::nullopt);
  REQUIRE(index);
  auto stmt = index->db().prepare("SELECT v FROM pages_fts_config WHERE k = 'hashsize'");
  REQUIRE(stmt);
  REQUIRE(stmt->step());
  CHECK(stmt->column_int(0) == 64 * 1024 * 1024);
}
