// Why a search failed or what it noted: the engine's answer (src/parse/), the transfer
// (src/search/http_errors.cpp), the web search and the offline corpus (src/search/).
// Part of the catalogue (report/i18n_catalogue.hpp); keys are unique across all parts.
#include "report/i18n_catalogue.hpp"

namespace empreinte::report {

namespace {

// clang-format off
constexpr CatalogueEntry k_search_entries[] = {
  // The transfer.
  {"transport.after_attempts", "{p0} (after {0} attempts)", "{p0} (après {0} tentatives)"},
  {"transport.detail", "{p0}: {0}", "{p0} : {0}"},
  {"transport.timeout", "no answer within the time limit for one request (--request-timeout)", "pas de réponse dans le délai d'une requête (--request-timeout)"},
  {"transport.proxy", "the proxy failed: could not reach it or it refused the connection (check --proxy)", "le proxy a échoué : injoignable, ou il a refusé la connexion (vérifiez --proxy)"},
  {"transport.deadline", "the time limit for all the searches ({0} s, --timeout) ran out", "le délai de l'ensemble des recherches ({0} s, --timeout) est écoulé"},
  {"transport.connect", "could not connect", "connexion impossible"},
  {"transport.dns", "could not resolve the host", "nom d'hôte introuvable"},
  {"transport.tls_port", "TLS handshake failed: the server does not speak TLS on this port (check http:// or https:// and the port)", "échec de la négociation TLS : le serveur ne parle pas TLS sur ce port (vérifiez http:// ou https:// et le port)"},
  {"transport.tls", "TLS handshake failed", "échec de la négociation TLS"},
  {"transport.tls_certificate", "TLS failure: the server's certificate is not trusted", "échec TLS : le certificat du serveur n'est pas reconnu"},
  {"transport.reset", "the connection was reset", "la connexion a été coupée"},
  {"transport.truncated", "the response was cut short", "la réponse a été tronquée"},
  {"transport.too_large", "the response was too large", "la réponse était trop grande"},
  {"transport.cancelled", "not sent", "non envoyée"},
  {"transport.other", "transfer failed", "échec du transfert"},
  // The engine's answer. {0} is the definition's reason in English, {1} in French.
  {"search.engine_says", "{0}", "{1}"},
  {"search.engine_says_detail", "{0}: {2}", "{1} : {2}"},
  {"search.http", "HTTP {0}: {p0}", "HTTP {0} : {p0}"},
  {"search.http_429", "HTTP 429: too many requests", "HTTP 429 : trop de requêtes"},
  {"search.http_403", "HTTP 403: access denied (the engine refuses automated requests from here)", "HTTP 403 : accès refusé (le moteur refuse les requêtes automatiques venant d'ici)"},
  {"search.http_failed", "HTTP {0}: the engine failed", "HTTP {0} : le moteur a échoué"},
  {"search.http_unexpected", "HTTP {0}: unexpected answer", "HTTP {0} : réponse inattendue"},
  {"search.html_not_json", "the engine answered an HTML page where JSON was expected", "le moteur a répondu par une page HTML au lieu du JSON attendu"},
  {"search.invalid_json", "invalid JSON in the response", "JSON invalide dans la réponse"},
  {"search.engines_silent", "some engines did not answer: {0}", "certains moteurs n'ont pas répondu : {0}"},
  {"search.empty_engines_silent", "no results, and engines did not answer: {0}", "aucun résultat, et des moteurs n'ont pas répondu : {0}"},
  {"search.not_a_list", "the result list at {0} is not a list", "la liste de résultats en {0} n'est pas une liste"},
  {"search.no_list", "no result list at {0}: the response format may have changed", "pas de liste de résultats en {0} : le format de la réponse a peut-être changé"},
  {"search.only_ads", "only ads or placeholder results", "seulement des publicités ou des résultats factices"},
  {"search.no_marker", "no results and no \"no results\" marker in the page: the engine's layout may have changed, or this is a bot page", "ni résultats ni mention « aucun résultat » dans la page : la mise en page du moteur a peut-être changé, ou c'est une page anti-robot"},
  {"search.no_marker_titled", "no results and no \"no results\" marker in the page titled \"{0}\": the engine's layout may have changed, or this is a bot page", "ni résultats ni mention « aucun résultat » dans la page intitulée « {0} » : la mise en page du moteur a peut-être changé, ou c'est une page anti-robot"},
  {"search.read_deadline", "the audit's time limit ran out while reading the response", "le délai de l'audit s'est écoulé pendant la lecture de la réponse"},
  {"search.read_budget", "reading the response took more than {0} s ({1} KiB): the engine sent a page too complex to read (broken or hostile)", "lire la réponse a pris plus de {0} s ({1} Kio) : le moteur a envoyé une page trop complexe à lire (cassée ou hostile)"},
  {"search.unreadable", "the response could not be read: {0}", "la réponse n'a pas pu être lue : {0}"},
  // A query's status and why, in a report.
  {"search.status_because", "{0}: {1}", "{0} : {1}"},
  // The web search across engines.
  {"search.on_page", "page {0}: {p0}", "page {0} : {p0}"},
  {"search.silent_skip", "no results, but the instance said during this audit that engines did not answer ({0}): it may have suspended them and skipped them in silence, so this is not a real 'no results'", "aucun résultat, mais l'instance a dit pendant cet audit que des moteurs n'ont pas répondu ({0}) : elle a pu les suspendre et les sauter sans le dire, ce n'est donc pas un vrai « aucun résultat »"},
  {"search.not_sent_blocked", "not sent: {0} blocked this address earlier in the audit", "non envoyée : {0} a bloqué cette adresse plus tôt dans l'audit"},
  {"search.not_sent_rate_limited", "not sent: {0} rate-limited this address earlier in the audit", "non envoyée : {0} a limité le débit de cette adresse plus tôt dans l'audit"},
  // The offline corpus.
  {"search.no_word", "the query has no word to search for", "la requête n'a aucun mot à chercher"},
  {"search.corpus_failed", "corpus search failed: {0}", "échec de la recherche dans le corpus : {0}"},
};
// clang-format on

} // namespace

std::span<const CatalogueEntry> catalogue_search()
{
  return k_search_entries;
}

} // namespace empreinte::report
