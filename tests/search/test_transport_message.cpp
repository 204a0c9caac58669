// Why a transfer failed, as a person reads it: in the report's language, with how many attempts
// it took and curl's own words, and never with a secret in it.
#include "report/i18n.hpp"
#include "search/http_engine.hpp"
#include "util/secret_mask.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace empreinte;

TEST_CASE("transport: a failed transfer reads in both languages, attempts and curl's words kept")
{
  search::HttpResponse r;
  r.error = search::TransportError::connect;
  r.attempts = 3;
  r.error_text = "Failed to connect to 127.0.0.1 port 9: Connection refused";
  const util::Message m = search::transport_message(r);
  CHECK(report::tr("en", m)
        == "could not connect (after 3 attempts): Failed to connect to 127.0.0.1 port 9: "
           "Connection refused");
  CHECK(report::tr("fr", m)
        == "connexion impossible (après 3 tentatives) : Failed to connect to 127.0.0.1 port 9: "
           "Connection refused");

  search::HttpResponse late;
  late.error = search::TransportError::deadline;
  late.limit_seconds = 2.5;
  CHECK(report::tr("en", search::transport_message(late))
        == "the time limit for all the searches (2.5 s, --timeout) ran out");
  CHECK(report::tr("fr", search::transport_message(late))
        == "le délai de l'ensemble des recherches (2.5 s, --timeout) est écoulé");

  search::HttpResponse plain_port;
  plain_port.error = search::TransportError::tls;
  plain_port.error_text = "error:0A00010B:SSL routines::wrong version number";
  CHECK(report::tr("fr", search::transport_message(plain_port))
            .starts_with("échec de la négociation TLS : le serveur ne parle pas TLS sur ce port"));

  CHECK(search::transport_message(search::HttpResponse{}).empty()); // no failure, no reason
}

TEST_CASE("transport: a secret in a reason is masked in every argument and part")
{
  util::SecretMask mask;
  mask.add("sk-live-123456");
  const util::Message said{
      "search.on_page",
      {"2"},
      {{"transport.detail", {"key sk-live-123456 refused"}, {{"transport.other"}}}}};
  const util::Message masked = mask.apply(said);
  for (const char* lang : {"en", "fr"}) {
    CAPTURE(lang);
    const std::string text = report::tr(lang, masked);
    CHECK(text.find("sk-live") == std::string::npos);
    CHECK(text.find("key *** refused") != std::string::npos);
  }
  CHECK(report::tr("en", masked) == "page 2: transfer failed: key *** refused");
}
