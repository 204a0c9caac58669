// The account check: accounts found, "Your accounts", why a check has its status, the
// `accounts` command.
// Part of the catalogue (report/i18n_catalogue.hpp); keys are unique across all parts.
#include "report/i18n_catalogue.hpp"

namespace empreinte::report {

namespace {

// clang-format off
constexpr CatalogueEntry k_accounts_entries[] = {
  // Accounts found by the account check (src/app/pipeline.cpp, mark_account_traces).
  {"account.city", "the profile shows your city ({0})", "le profil montre votre ville ({0})"},
  {"account.found", "an account named {0} on {1} ({p0})", "un compte nommé {0} sur {1} ({p0})"},
  {"account.job", "the profile shows your job or employer ({0})", "le profil montre votre métier ou votre employeur ({0})"},
  {"account.links", "the profile links to other accounts: {0}", "le profil renvoie vers d'autres comptes : {0}"},
  {"account.photo", "the profile has a photo", "le profil a une photo"},
  {"account.real_name", "the profile shows your name ({0}): it ties the pseudonym to you", "le profil montre votre nom ({0}) : il relie le pseudonyme à vous"},
  // "Your accounts" (audit --accounts) in every human format (report/accounts_section.cpp).
  {"accounts.heading", "Your accounts under your pseudonyms", "Vos comptes sous vos pseudonymes"},
  {"accounts.summary", "{0} asked of {1} sites: {2} account(s) found, {3} showing your name.", "{0} demandé(s) à {1} sites : {2} compte(s) trouvé(s), dont {3} montrant votre nom."},
  {"accounts.set_aside", "{0} more set aside: you said they are not yours.", "{0} autre(s) écarté(s) : vous avez dit qu'ils ne sont pas à vous."},
  {"accounts.on", "{0} on {1}", "{0} sur {1}"},
  {"accounts.not_read", "profile page not read ({0}): what it shows is unknown", "page de profil non lue ({0}) : on ne sait pas ce qu'elle montre"},
  {"accounts.shows_nothing", "the profile shows nothing that ties it to your name", "le profil ne montre rien qui le relie à votre nom"},
  {"accounts.unanswered", "Not answered ({0}): these sites could not say yes or no, which is not \"no account\"", "Sans réponse ({0}) : ces sites n'ont pu dire ni oui ni non, ce qui ne veut pas dire « pas de compte »"},
  {"accounts.unanswered_line", "{0} ({1}): {2}: {3}", "{0} ({1}) : {2} : {3}"},
  {"accounts.counts", "Every site asked: {0}.", "Tous les sites demandés : {0}."},
  {"accounts.status.found", "found", "trouvé"},
  {"accounts.status.not_found", "no account", "pas de compte"},
  {"accounts.status.blocked", "blocked (bot or captcha page)", "bloqué (page anti-robot ou captcha)"},
  {"accounts.status.rate_limited", "rate-limited", "limité (trop de demandes)"},
  {"accounts.status.error", "error", "erreur"},
  {"accounts.status.timeout", "timed out", "délai dépassé"},
  {"accounts.status.unknown", "unknown (the answer does not tell)", "inconnu (la réponse ne permet pas de le dire)"},
  {"accounts.status.not_applicable", "not applicable (name not allowed there)", "sans objet (nom non admis sur ce site)"},
  // Why a check has its status (src/accounts/detect.cpp, checker.cpp). The English is what the
  // JSON outputs carry; "transport" wraps the HTTP engine's own (English) account of a failure.
  {"accounts.reason.transport", "{p0}", "échec réseau : {p0}"},
  {"accounts.reason.too_large", "the answer is too large to judge", "la réponse est trop grande pour être jugée"},
  {"accounts.reason.captcha", "a captcha page answered instead of the profile ({0})", "une page captcha a répondu à la place du profil ({0})"},
  {"accounts.reason.challenge", "a {0} challenge page answered instead of the profile ({1})", "une page de vérification {0} a répondu à la place du profil ({1})"},
  {"accounts.reason.block_page", "the site's block page answered ({0})", "la page de blocage du site a répondu ({0})"},
  {"accounts.reason.slow_down", "the site asks to slow down (429)", "le site demande de ralentir (429)"},
  {"accounts.reason.login", "the site asks for a login ({0})", "le site demande de se connecter ({0})"},
  {"accounts.reason.refused", "the site refused the request ({0})", "le site a refusé la requête ({0})"},
  {"accounts.reason.profile_answers", "the profile page answers {0}", "la page de profil répond {0}"},
  {"accounts.reason.absent_status", "the site answers {0} for this name", "le site répond {0} pour ce nom"},
  {"accounts.reason.page_says", "the page says {0}", "la page dit {0}"},
  {"accounts.reason.no_absent_text", "the page answers {0} without the 'no such user' text", "la page répond {0} sans le texte « utilisateur inconnu » du site"},
  {"accounts.reason.profile_shows", "the profile page shows {0}", "la page de profil montre {0}"},
  {"accounts.reason.neither_text", "the page has neither the site's 'no such user' text nor its profile text", "la page n'a ni le texte « utilisateur inconnu » du site ni son texte de profil"},
  {"accounts.reason.redirects_away", "the site redirects away from the profile address", "le site redirige hors de l'adresse du profil"},
  {"accounts.reason.redirects_to", "the site redirects to {0}", "le site redirige vers {0}"},
  {"accounts.reason.no_redirect", "the profile address answers {0} without redirecting", "l'adresse du profil répond {0} sans rediriger"},
  {"accounts.reason.no_profile_text", "the page lacks the site's profile text", "la page n'a pas le texte de profil du site"},
  {"accounts.reason.unexplained_redirect", "the site redirects, which its rules do not explain", "le site redirige, ce que ses règles n'expliquent pas"},
  {"accounts.reason.unexplained_redirect_to", "the site redirects to {0}, which its rules do not explain", "le site redirige vers {0}, ce que ses règles n'expliquent pas"},
  {"accounts.reason.unexplained_status", "the site answered {0}, which its rules do not explain", "le site a répondu {0}, ce que ses règles n'expliquent pas"},
  {"accounts.reason.login_page_at", "the site sends visitors to its login page ({0})", "le site envoie les visiteurs vers sa page de connexion ({0})"},
  {"accounts.reason.login_page", "the site sends visitors to its login page", "le site envoie les visiteurs vers sa page de connexion"},
  {"accounts.reason.too_many_redirects", "too many redirects", "trop de redirections"},
  {"accounts.reason.name_not_accepted", "the site does not accept such a name", "le site n'accepte pas un tel nom"},
  {"accounts.reason.no_control_name", "no random name fits the site's username rule", "aucun nom tiré au hasard ne respecte la règle de noms du site"},
  {"accounts.reason.control_found", "the site also reports an account for a random name ({0}): its 'found' means nothing here", "le site signale aussi un compte pour un nom tiré au hasard ({0}) : son « trouvé » ne veut rien dire ici"},
  {"accounts.reason.control_unconfirmed", "{p0}; the control probe could not confirm the site tells accounts apart ({0})", "{p0} ; la sonde de contrôle n'a pas pu confirmer que le site distingue les comptes ({0})"},
  // The `accounts` command's text output (src/accounts/summary.cpp).
  {"accounts.text.title", "Accounts for {0} on {1} sites", "Comptes de {0} sur {1} sites"},
  {"accounts.text.found", "Found ({0}):", "Trouvés ({0}) :"},
  {"accounts.text.none", "none", "aucun"},
  {"accounts.text.ties", "TIES THE PSEUDONYM TO YOU: the profile shows your name ({0})", "RELIE LE PSEUDONYME À VOUS : le profil montre votre nom ({0})"},
  {"accounts.text.link", "links to another account: {0}", "renvoie vers un autre compte : {0}"},
  {"accounts.text.no_account", "No account:", "Pas de compte :"},
  {"accounts.text.requests", "{0} requests sent, {1} answers from the cache", "{0} requêtes envoyées, {1} réponses tirées du cache"},
};
// clang-format on

} // namespace

std::span<const CatalogueEntry> catalogue_accounts()
{
  return k_accounts_entries;
}

} // namespace empreinte::report
