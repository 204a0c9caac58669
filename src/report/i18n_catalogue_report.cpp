// What every report format says around the traces: warnings, the law followed, your rights,
// where evidence was seen, --what-if, labels, statuses, backend health, the Markdown and HTML
// extras, and the `plan` and `classify` outputs.
// Part of the catalogue (report/i18n_catalogue.hpp); keys are unique across all parts.
#include "report/i18n_catalogue.hpp"

namespace empreinte::report {

namespace {

// clang-format off
constexpr CatalogueEntry k_report_entries[] = {
  // Warnings shown first in every format (Report::warnings).
  {"warning.corpus_skipped", "{0} page(s) of the corpus are over 16 MiB and were left out of the search: {1}.", "{0} page(s) du corpus dépassent 16 Mio et ont été laissées hors de la recherche : {1}."},
  {"warning.thin_profile", "Your profile gives little but your name, so pages about namesakes may be counted as yours and yours as theirs. Add what you can of: {0} (docs/profile.md).", "Votre profil ne donne guère que votre nom : des pages d'homonymes peuvent être comptées comme vôtres, et les vôtres comme les leurs. Ajoutez ce que vous pouvez parmi : {0} (docs/profile.md)."},

  // Why the report follows one jurisdiction's law (Report::jurisdiction, docs/remedies.md).
  {"jurisdiction.default", "no country in your profile and none found in your location or phone: add \"country\" to your profile (docs/profile.md)", "aucun pays dans votre profil ni dans votre lieu ou votre téléphone : ajoutez « country » à votre profil (docs/profile.md)"},
  {"jurisdiction.given", "the country in your profile ({0})", "le pays de votre profil ({0})"},
  {"jurisdiction.location", "your location ({0})", "votre lieu ({0})"},
  {"jurisdiction.phone", "the country code of your phone number", "l'indicatif de votre numéro de téléphone"},

  // "Your rights" in every human format (report/rights.cpp).
  {"rights.heading", "Your rights", "Vos droits"},
  {"rights.law", "{0}: {1} ({2}), chosen from {3}.", "{0} : {1} ({2}), choisi d'après {3}."},
  {"rights.no_law", "{0}: {1}, chosen from {2}.", "{0} : {1}, choisi d'après {2}."},
  {"rights.fallback", "{0}: no law chosen, {1}.", "{0} : aucune loi choisie, {1}."},
  {"rights.authority", "Data-protection authority: {0}.", "Autorité de protection des données : {0}."},
  {"rights.authority_url", "Data-protection authority: {0}; complaints: {1}", "Autorité de protection des données : {0} ; plaintes : {1}"},
  {"rights.deadline", "A site must answer your request within {0} ({1}).", "Un site doit répondre à votre demande sous {0} ({1})."},
  {"rights.deadline_extension", "A site must answer your request within {0} ({1}), or {2} more if it tells you why.", "Un site doit répondre à votre demande sous {0} ({1}), ou {2} de plus s'il vous dit pourquoi."},
  {"rights.delisting", "You can ask search engines to delist results about you (European right to be forgotten).", "Vous pouvez demander aux moteurs de recherche de déréférencer les résultats vous concernant (droit à l'oubli européen)."},
  {"rights.month", "{0} month", "{0} mois"},
  {"rights.months", "{0} months", "{0} mois"},
  {"rights.day", "{0} day", "{0} jour"},
  {"rights.days", "{0} days", "{0} jours"},

  // Where evidence was seen (util::Message::where).
  {"where.description", "page description", "description de la page"},
  {"where.page", "page", "page"},
  {"where.snippet", "snippet", "extrait"},
  {"where.title", "title", "titre"},
  {"where.url", "address", "adresse"},

  // --what-if topN (report/what_if.cpp).
  {"what_if.heading", "What if you acted", "Et si vous agissiez"},
  {"what_if.scores", "If the first {0} actions worked ({1} trace(s) no longer found on your name): exposure {2} → {3}/100, control {4} → {5}/100.", "Si les {0} premières actions aboutissaient ({1} trace(s) qu'une recherche sur votre nom ne trouverait plus) : exposition {2} → {3}/100, maîtrise {4} → {5}/100."},
  {"what_if.actions", "Actions assumed done: {0}.", "Actions supposées faites : {0}."},
  {"what_if.caveat", "An estimate from the same scoring, not a promise: registers and press stay at their source, delisting only takes them out of searches on your name, and a site may refuse.", "Une estimation faite avec le même calcul, pas une promesse : registres et presse restent à la source, le déréférencement ne les retire que des recherches sur votre nom, et un site peut refuser."},
  {"what_if.nothing", "No action of the plan removes a trace: nothing to estimate.", "Aucune action du plan ne retire de trace : rien à estimer."},
  {"warning.accounts_incomplete", "The account check could not ask {0} site(s) (blocked, rate-limited, errors or timeouts): an account may exist there. Run `empreinte accounts` again later; the cache keeps what was answered.", "La vérification des comptes n'a pas pu interroger {0} site(s) (bloqués, limités, erreurs ou délais) : un compte peut y exister. Relancez `empreinte accounts` plus tard ; le cache garde ce qui a été répondu."},

  // Labels shared by the renderers (src/report/*_report.cpp, reports/templates).
  {"report.about_you", "about you {0}%", "vous concerne à {0} %"},
  {"report.advice", "What to do first", "Par quoi commencer"},
  {"report.live_address", "live address", "adresse en ligne"},
  {"report.offline_copy", "saved page", "page enregistrée"},
  {"report.for_traces", "for: {0}", "pour : {0}"},
  {"report.general_advice", "General advice", "Conseils généraux"},
  {"report.control", "control", "maîtrise"},
  {"report.control_meaning", "how much of what comes up first you published yourself", "la part de ce qui sort en premier que vous avez publiée vous-même"},
  {"report.exposes", "exposes", "expose"},
  {"report.exposure", "exposure", "exposition"},
  {"report.exposure_meaning", "how much a stranger learns about you", "ce qu'un inconnu apprend sur vous"},
  {"report.findings", "Findings", "Constats"},
  {"report.incomplete", "Audit incomplete: {0} of {1} searches failed. What follows is partial: scores are lower bounds, and a question those searches answer is marked unknown, never \"no\". What to do:", "Audit incomplet : {0} recherches sur {1} ont échoué. Ce qui suit est partiel : les scores sont des minimums, et une question à laquelle ces recherches répondent est marquée inconnue, jamais « non ». Que faire :"},
  {"report.kind_confidence", "{0} {1}%", "{0} à {1} %"},
  {"report.letter_hint", "For one trace: empreinte letter REPORT.json --trace ID --right erasure|rectification|objection", "Pour une trace : empreinte letter RAPPORT.json --trace ID --right erasure|rectification|objection --lang fr"},
  {"report.links.both", "ties your pseudonym and your job to your name", "relie votre pseudonyme et votre métier à votre nom"},
  {"report.links.job", "ties your job to your name", "relie votre métier à votre nom"},
  {"report.links.pseudonym", "ties your pseudonym to your name", "relie votre pseudonyme à votre nom"},
  {"report.namesakes", "Possibly someone else ({0})", "Peut-être quelqu'un d'autre ({0})"},
  {"report.namesakes_hint", "not counted; add a URL to \"not_me\" in your profile to settle it", "non comptées ; ajoutez l'adresse à « not_me » dans votre profil pour trancher"},
  {"report.no_backend", "no backend", "aucun moteur"},
  {"report.not_searched", "not searched (the profile gives nothing for it)", "non lancée (le profil ne donne rien pour elle)"},
  {"report.results", "{0} result(s), {1}", "{0} résultat(s), {1}"},
  {"report.scores", "Scores", "Scores"},
  {"report.scores_partial", "partial: searches failed, the true figures may be higher", "partiels : des recherches ont échoué, les vrais chiffres peuvent être plus élevés"},
  {"report.search", "{0}. {1} search", "{0}. Recherche par {1}"},
  {"report.searches", "Searches", "Recherches"},
  {"report.summary", "{0} queries on {1} · {2} traces found: {3} about you, {4} possibly someone else", "{0} requêtes sur {1} · {2} traces trouvées : {3} vous concernent, {4} peut-être quelqu'un d'autre"},
  {"report.summary_exposing", "{0} traces expose personal data; {1} tie a pseudonym and {2} your job to your name", "{0} traces exposent des données personnelles ; {1} relient un pseudonyme et {2} votre métier à votre nom"},
  {"report.tried", "tried {0}, then {1}", "essayé {0}, puis {1}"},
  {"report.summary_kinds", "About you: {0} voluntary, {1} inherited, {2} involuntary, {3} unknown", "Vous concernant : {0} volontaires, {1} héritées, {2} involontaires, {3} inconnues"},
  {"report.title", "Digital footprint of {0}", "Empreinte numérique de {0}"},
  {"report.to_do", "To do", "À faire"},
  {"report.why", "why", "pourquoi"},
  {"report.yours", "(yours)", "(à vous)"},

  // Query statuses (src/search/backend.hpp); unknown ones show as their machine name.
  {"status.empty", "empty", "vide"},
  {"status.error", "error", "erreur"},
  {"status.ok", "ok", "ok"},
  {"status.blocked", "blocked", "bloqué"},
  {"status.rate_limited", "rate-limited", "débit limité"},
  {"status.layout_changed", "layout changed", "mise en page changée"},
  {"status.timeout", "timed out", "délai dépassé"},
  // Backend health and what to do about it (src/report/report.cpp).
  {"health.blocked", "{0} blocked {1} of {2} queries: {3}", "{0} a bloqué {1} requêtes sur {2} : {3}"},
  {"health.rate_limited", "{0} was rate-limited on {1} of {2} queries: {3}", "{0} a limité le débit de {1} requêtes sur {2} : {3}"},
  {"health.timeout", "{0} timed out on {1} of {2} queries: {3}", "{0} n'a pas répondu à temps à {1} requêtes sur {2} : {3}"},
  {"health.layout_changed", "{0} could not be read for {1} of {2} queries: {3}", "{0} n'a pas pu être lu pour {1} requêtes sur {2} : {3}"},
  {"health.error", "{0} failed {1} of {2} queries: {3}", "{0} a échoué pour {1} requêtes sur {2} : {3}"},
  {"health.alt.others", "or configure searxng or brave", "ou configurez searxng ou brave"},
  {"health.alt.searxng", "or configure searxng", "ou configurez searxng"},
  {"health.alt.instance", "check your instance, or configure brave", "vérifiez votre instance, ou configurez brave"},
  {"health.do.retry", "retry later, {0}", "réessayez plus tard, {0}"},
  {"health.do.instance_blocked", "check that the instance allows the JSON format and this client, or configure brave", "vérifiez que l'instance autorise le format JSON et ce client, ou configurez brave"},
  {"health.do.wait", "wait before re-running (answers received are cached), {0}", "attendez avant de relancer (les réponses reçues sont en cache), {0}"},
  {"health.do.timeout", "check your connection or proxy, or raise --request-timeout (the limit for one request)", "vérifiez votre connexion ou votre proxy, ou augmentez --request-timeout (la limite d'une requête)"},
  {"health.do.deadline", "raise --timeout (the limit for all the searches) or run fewer queries with --max-queries; answers received are cached", "augmentez --timeout (la limite de toutes les recherches) ou lancez moins de requêtes avec --max-queries ; les réponses reçues sont en cache"},
  {"health.do.layout", "its page layout has changed: update its definition (docs/backends.md) or use another backend", "la mise en page de ses résultats a changé : mettez à jour sa définition (docs/backends.md) ou utilisez un autre moteur"},
  {"health.do.error", "see each query's reason; 'empreinte backends check' tests the backend", "voyez la raison de chaque requête ; « empreinte backends check » teste le moteur"},

  // Markdown only (src/report/markdown_report.cpp).
  {"md.generated", "Generated {0} by empreinte {1}. {2} queries, {3} traces.", "Généré le {0} par empreinte {1}. {2} requêtes, {3} traces."},
  {"md.letter_hint", "For one trace: `empreinte letter REPORT.json --trace ID --right erasure|rectification|objection`.", "Pour une trace : `empreinte letter RAPPORT.json --trace ID --right erasure|rectification|objection --lang fr`."},
  {"md.namesakes_hint", "Not counted. Add a URL to `not_me` in your profile to settle it.", "Non comptées. Ajoutez l'adresse à `not_me` dans votre profil pour trancher."},
  {"html.polarity_lower_better", "0 is best: the lower, the less a stranger learns", "0 est le mieux : plus c'est bas, moins un inconnu en apprend"},
  {"html.polarity_higher_better", "100 is best: the higher, the more you chose what shows", "100 est le mieux : plus c'est haut, plus vous avez choisi ce qui apparaît"},
  {"html.summary", "Traces about you by kind and risk", "Traces vous concernant par nature et par risque"},
  {"html.table_kind", "kind", "nature"},
  {"html.total", "total", "total"},
  {"html.table_action", "action", "action"},
  {"html.table_risk", "risk", "risque"},
  {"html.table_traces", "for traces", "pour les traces"},
  {"md.plan_header", "| # | action | risk | for traces |", "| n° | action | risque | pour les traces |"},
  {"md.scores_header", "| score | value | meaning |", "| score | valeur | signification |"},
  {"md.searches_header", "| id | family | query | status | results |", "| id | famille | requête | statut | résultats |"},

  // HTML only (reports/templates/report.html.mustache).
  {"html.by_kind", "Traces by kind", "Traces par type"},
  {"html.donut_label", "traces by kind", "traces par type"},
  {"html.footer", "Scores: docs/scoring.md. This page loads nothing from the network and runs no script.", "Scores : docs/scoring.md. Cette page ne charge rien depuis le réseau et n'exécute aucun script."},
  {"html.four_searches", "The four searches", "Les quatre recherches"},
  {"html.gauge_label", "{0} {1} out of 100", "{0} {1} sur 100"},
  {"html.letter_command", "empreinte letter REPORT.json --trace ID --right erasure|rectification|objection", "empreinte letter RAPPORT.json --trace ID --right erasure|rectification|objection --lang fr"},
  {"html.letter_intro", "For one trace:", "Pour une trace :"},
  {"html.meta", "Generated {0} by empreinte {1} · {2} searches · {3} traces, {4} about you", "Généré le {0} par empreinte {1} · {2} recherches · {3} traces, dont {4} vous concernent"},
  {"html.namesakes", "Possibly someone else ({0}) — not counted", "Peut-être quelqu'un d'autre ({0}) — non comptées"},
  {"html.namesakes_hint", "Add a URL to \"not_me\" in your profile to settle it.", "Ajoutez l'adresse à « not_me » dans votre profil pour trancher."},
  {"html.searches", "Searches ({0})", "Recherches ({0})"},
  {"html.table_family", "family", "famille"},
  {"html.table_query", "query", "requête"},
  {"html.table_results", "results", "résultats"},
  {"html.table_status", "status", "statut"},

  // `empreinte plan` text output.
  {"plan.nothing", "(nothing to search: the profile gives nothing for it)", "(rien à chercher : le profil ne donne rien pour elle)"},
  {"plan.title", "Plan for {0}: {1} queries", "Plan pour {0} : {1} requêtes"},

  // `empreinte classify` text output.
  {"classify.trace", "[{0} {1}%, about you {2}%]", "[{0} à {1} %, vous concerne à {2} %]"},
};
// clang-format on

} // namespace

std::span<const CatalogueEntry> catalogue_report()
{
  return k_report_entries;
}

} // namespace empreinte::report
