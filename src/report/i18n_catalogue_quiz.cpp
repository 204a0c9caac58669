// The quiz on a training persona (src/training/quiz*.cpp).
// Part of the catalogue (report/i18n_catalogue.hpp); keys are unique across all parts.
#include "report/i18n_catalogue.hpp"

namespace empreinte::report {

namespace {

// clang-format off
constexpr CatalogueEntry k_quiz_entries[] = {
  {"quiz.action.ask_publisher", "ask the publisher to remove it, or report it to the platform", "demander à son auteur de la retirer, ou la signaler à la plateforme"},
  {"quiz.action.delete_or_hide", "delete or hide it: their own content, or their account's settings", "la supprimer ou la masquer : son propre contenu, ou les réglages de son compte"},
  {"quiz.action.nothing", "nothing: it is about a namesake", "rien : elle concerne un homonyme"},
  {"quiz.action.opt_out", "opt out: GDPR objection or erasure request to the site, search-engine delisting", "s'y opposer : opposition ou effacement RGPD auprès du site, déréférencement"},
  {"quiz.expected", "answer", "réponse"},
  {"quiz.intro", "For each trace, answer four questions: who published it, whether it is about {0}, what it exposes, and what to do about it.", "Pour chaque trace, répondez à quatre questions : qui l'a publiée, concerne-t-elle {0}, qu'expose-t-elle, et que faire."},
  {"quiz.invalid", "Please answer with one of the numbers shown (q to stop).", "Répondez par l'un des numéros proposés (q pour arrêter)."},
  {"quiz.item_of", "Trace {0} of {1}: {2}", "Trace {0} sur {1} : {2}"},
  {"quiz.item_word", "Trace", "Trace"},
  {"quiz.key.about", "About the persona", "Concerne le persona"},
  {"quiz.key.action", "What to do", "Que faire"},
  {"quiz.key.exposes", "Exposes", "Expose"},
  {"quiz.key.kind", "Who published it", "Qui l'a publiée"},
  {"quiz.key.trace", "Trace", "Trace"},
  {"quiz.key_title", "Answer key: {0}", "Corrigé : {0}"},
  {"quiz.key_warning", "Answer key for the trainer: keep it face down until the debrief.", "Corrigé pour l'animateur : à garder face cachée jusqu'au débriefing."},
  {"quiz.kind.inherited", "inherited: someone else published it about them", "héritée : quelqu'un d'autre l'a publiée à son sujet"},
  {"quiz.kind.involuntary", "involuntary: collected by machines (directory, data broker, registry, archive, mirror, leak)", "involontaire : collectée par des machines (annuaire, courtier en données, registre, archive, miroir, fuite)"},
  {"quiz.kind.voluntary", "voluntary: they published it themselves (their own account or site)", "volontaire : la personne l'a publiée elle-même (son compte ou son site)"},
  {"quiz.names_line", "Names: ______________________________", "Noms : ______________________________"},
  {"quiz.no", "no", "non"},
  {"quiz.no_answer", "no answer", "pas de réponse"},
  {"quiz.nothing_exposed", "nothing beyond the name", "rien de plus que le nom"},
  {"quiz.prompt", "Your answer (number, q to stop):", "Votre réponse (numéro, q pour arrêter) :"},
  {"quiz.prompt_many", "Your answer (numbers separated by spaces, 0 for nothing):", "Votre réponse (numéros séparés par des espaces, 0 pour rien) :"},
  {"quiz.q.about", "Is it about {0}?", "Concerne-t-elle {0} ?"},
  {"quiz.q.action", "What should {0} do about it?", "Que doit en faire {0} ?"},
  {"quiz.q.exposes", "What does it expose? (tick all that apply)", "Qu'expose-t-elle ? (cochez tout ce qui s'applique)"},
  {"quiz.q.kind", "Who published it?", "Qui l'a publiée ?"},
  {"quiz.right", "right", "juste"},
  {"quiz.saved_page", "saved page", "page enregistrée"},
  {"quiz.score", "Score: {0} / {1} ({2}%)", "Score : {0} / {1} ({2} %)"},
  {"quiz.sheet_how", "Fill in kind, about_subject, exposes and action of each item with values from \"choices\" (null: no answer), then run: empreinte quiz --persona PERSONA --answers THIS_FILE", "Remplissez kind, about_subject, exposes et action de chaque item avec les valeurs de \"choices\" (null : pas de réponse), puis lancez : empreinte quiz --persona PERSONA --answers CE_FICHIER"},
  {"quiz.sheet_note", "Persona {0}, seed {1}, {2} traces. The terminal quiz, this sheet and its answer key show the same traces in the same order when given the same --seed and --count.", "Persona {0}, graine {1}, {2} traces. Le quiz sur terminal, cette fiche et son corrigé montrent les mêmes traces dans le même ordre avec les mêmes --seed et --count."},
  {"quiz.site", "site", "site"},
  {"quiz.stopped", "Stopped after {0} traces.", "Arrêt après {0} traces."},
  {"quiz.title", "Quiz: {0}", "Quiz : {0}"},
  {"quiz.why", "why", "pourquoi"},
  {"quiz.worksheet_title", "Worksheet: {0}", "Fiche d'exercice : {0}"},
  {"quiz.wrong", "wrong", "faux"},
  {"quiz.yes", "yes", "oui"},
  {"quiz.you", "you", "vous"},
};
// clang-format on

} // namespace

std::span<const CatalogueEntry> catalogue_quiz()
{
  return k_quiz_entries;
}

} // namespace empreinte::report
