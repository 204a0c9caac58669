// Code keeps keys, not sentences, so that a report can be written in either language after the
// fact. Entries are grouped by the stage that uses them; the lookup sorts them once.
#include "report/i18n.hpp"

#include <algorithm>
#include <array>

namespace empreinte::report {

namespace {

// clang-format off
constexpr CatalogueEntry k_entries[] = {
  // The quiz on a training persona (src/training/quiz.cpp).
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

  // Accounts found by the account check (src/app/pipeline.cpp, mark_account_traces).
  {"account.city", "the profile shows your city ({0})", "le profil montre votre ville ({0})"},
  {"account.found", "an account named {0} on {1} ({2})", "un compte nommé {0} sur {1} ({2})"},
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
  // --what-if topN (report/what_if.cpp).
  {"what_if.heading", "What if you acted", "Et si vous agissiez"},
  {"what_if.scores", "If the first {0} actions worked ({1} trace(s) no longer found on your name): exposure {2} → {3}/100, control {4} → {5}/100.", "Si les {0} premières actions aboutissaient ({1} trace(s) qu'une recherche sur votre nom ne trouverait plus) : exposition {2} → {3}/100, maîtrise {4} → {5}/100."},
  {"what_if.actions", "Actions assumed done: {0}.", "Actions supposées faites : {0}."},
  {"what_if.caveat", "An estimate from the same scoring, not a promise: registers and press stay at their source, delisting only takes them out of searches on your name, and a site may refuse.", "Une estimation faite avec le même calcul, pas une promesse : registres et presse restent à la source, le déréférencement ne les retire que des recherches sur votre nom, et un site peut refuser."},
  {"what_if.nothing", "No action of the plan removes a trace: nothing to estimate.", "Aucune action du plan ne retire de trace : rien à estimer."},
  {"warning.accounts_incomplete", "The account check could not ask {0} site(s) (blocked, rate-limited, errors or timeouts): an account may exist there. Run `empreinte accounts` again later; the cache keeps what was answered.", "La vérification des comptes n'a pas pu interroger {0} site(s) (bloqués, limités, erreurs ou délais) : un compte peut y exister. Relancez `empreinte accounts` plus tard ; le cache garde ce qui a été répondu."},

  // Identity (src/classify/identity.cpp).
  {"identity.age", "the age stated fits your year of birth", "l'âge indiqué correspond à votre année de naissance"},
  {"identity.deceased", "a death notice or lifespan for the name: someone else", "un avis de décès ou des dates de vie pour ce nom : quelqu'un d'autre"},
  {"identity.email", "your own e-mail address appears", "votre propre adresse e-mail apparaît"},
  {"identity.employer", "your employer appears", "votre employeur apparaît"},
  {"identity.full_name", "your name appears ({0})", "votre nom apparaît ({0})"},
  {"identity.initial_name", "an initial and your surname appear ({0})", "une initiale et votre nom de famille apparaissent ({0})"},
  {"identity.job", "your job appears", "votre métier apparaît"},
  {"identity.location", "your location appears", "votre lieu de vie apparaît"},
  {"identity.region", "a place in your region appears (not your town itself)", "un lieu de votre région apparaît (pas votre ville elle-même)"},
  {"identity.no_name", "your name does not appear in the title, snippet or address", "votre nom n'apparaît ni dans le titre, ni dans l'extrait, ni dans l'adresse"},
  {"identity.no_name_page", "your name appears nowhere: not in the title, snippet, address or page", "votre nom n'apparaît nulle part : ni dans le titre, l'extrait, l'adresse ou la page"},
  {"identity.not_me", "listed as someone else in your profile (not_me)", "indiquée comme concernant quelqu'un d'autre dans votre profil (not_me)"},
  {"identity.other_job", "another occupation is named ({0}) and none of your details", "un autre métier est cité ({0}) et aucun de vos détails"},
  {"identity.other_age", "another age is stated for the name and none of your details", "un autre âge est indiqué pour ce nom et aucun de vos détails"},
  {"identity.other_place", "another place is named ({0}) and none of your details", "un autre lieu est cité ({0}) et aucun de vos détails"},
  {"identity.phone", "your own phone number appears", "votre propre numéro de téléphone apparaît"},
  {"identity.pseudonym", "your pseudonym appears", "votre pseudonyme apparaît"},
  {"identity.surname_only", "only your surname appears", "seul votre nom de famille apparaît"},

  // Kind (src/classify/kind.cpp, classifier.cpp).
  {"kind.account_in_your_name", "an account on {0} in your name", "un compte sur {0} à votre nom"},
  {"kind.account_page", "an account page on {0} (its owner's own)", "la page d'un compte sur {0} (publiée par son titulaire)"},
  {"kind.business_listing", "a listing of the business you founded or own", "une fiche de l'entreprise que vous avez fondée ou que vous possédez"},
  {"kind.but", "but: {p0} (suggests {p1})", "mais : {p0} (indice d'une trace {p1})"},
  {"kind.cue", "{0}", "{1}"},
  {"kind.employer_site", "your employer's site", "le site de votre employeur"},
  {"kind.event_page", "an event page on {0}, published by its organiser", "une page d'événement sur {0}, publiée par son organisateur"},
  {"kind.founded_business", "the site of the business you founded or own", "le site de l'entreprise que vous avez fondée ou que vous possédez"},
  {"kind.known_site", "{0} is a known {p0} site", "{0} est un site connu ({p0})"},
  {"kind.known_site_not_yours", "{0} is a known {p0} site, at an address not in your name", "{0} est un site connu ({p0}), à une adresse qui n'est pas à votre nom"},
  {"kind.known_site_yours", "{0} is a known {p0} site, at an address in your name", "{0} est un site connu ({p0}), à une adresse à votre nom"},
  {"kind.no_rule", "no rule knows this kind of page ({0})", "aucune règle ne connaît ce genre de page ({0})"},
  {"kind.not_your_site", "published on a site that is not in your name: most likely by someone else", "publiée sur un site qui n'est pas à votre nom : très probablement par quelqu'un d'autre"},
  {"kind.own_business_account", "the {0} account of the business you own and run ({1})", "le compte {0} de l'entreprise que vous dirigez ({1})"},
  {"kind.own_account", "your account on {0} ({1})", "votre compte sur {0} ({1})"},
  {"kind.own_post", "a post of yours on {0}", "une publication de vous sur {0}"},
  {"kind.own_site", "the site's address carries your name or pseudonym: your own site", "l'adresse du site porte votre nom ou votre pseudonyme : votre propre site"},
  {"kind.platform_page", "a page on {0}", "une page sur {0}"},
  {"kind.post_by", "a post by {0} on {1}", "une publication de {0} sur {1}"},
  {"kind.post_no_author", "a post on {0} whose author is not shown", "une publication sur {0} dont l'auteur n'est pas indiqué"},
  {"kind.pseudonym_only", "your pseudonym without your name: most likely your own activity under it", "votre pseudonyme sans votre nom : très probablement votre propre activité sous ce pseudonyme"},
  {"kind.pseudonym_post", "posted from your account whose handle is your pseudonym", "publiée depuis votre compte dont l'identifiant est votre pseudonyme"},
  {"kind.surname_site", "a site named after the surname, naming the full name: its owner's own", "un site au nom de famille qui cite le nom complet : celui de son propriétaire"},
  {"kind.too_little", "too little to tell who published it", "trop peu d'indices pour savoir qui l'a publiée"},

  // Site categories (rules/sites.json), as named in evidence.
  {"site_category.aggregator", "aggregator", "agrégateur"},
  {"site_category.archive", "archive", "archive"},
  {"site_category.blog_host", "blog-hosting", "hébergeur de blogs"},
  {"site_category.broker", "data-broker", "courtier en données"},
  {"site_category.directory", "directory", "annuaire"},
  {"site_category.forum", "forum", "forum"},
  {"site_category.genealogy", "genealogy", "généalogie"},
  {"site_category.leak", "leak", "fuite de données"},
  {"site_category.mirror", "mirror", "miroir"},
  {"site_category.news", "news", "actualités"},
  {"site_category.obituary", "obituary", "avis de décès"},
  {"site_category.organisation", "organisation", "organisme"},
  {"site_category.people_search", "people-search", "recherche de personnes"},
  {"site_category.registry", "registry", "registre"},
  {"site_category.reviews", "reviews", "avis"},
  {"site_category.social", "social", "réseau social"},
  {"site_category.sports_results", "sports-results", "résultats sportifs"},

  // Kinds, risks, families and data categories, as shown in sentences and headings.
  {"kind_label.involuntary", "involuntary", "involontaire"},
  {"kind_label.inherited", "inherited", "héritée"},
  {"kind_label.unknown", "unknown", "inconnue"},
  {"kind_label.voluntary", "voluntary", "volontaire"},
  {"kind_meaning.involuntary", "collected or aggregated by machines (directories, brokers, registries, archives)", "collectées ou agrégées par des machines (annuaires, courtiers en données, registres, archives)"},
  {"kind_meaning.inherited", "published about you by someone else", "publiées à votre sujet par quelqu'un d'autre"},
  {"kind_meaning.unknown", "not yet classified: look at them yourself", "pas encore classées : regardez-les vous-même"},
  {"kind_meaning.voluntary", "published by you or on your accounts", "publiées par vous ou sur vos comptes"},
  {"kind_traces.involuntary", "involuntary traces", "traces involontaires"},
  {"kind_traces.inherited", "inherited traces", "traces héritées"},
  {"kind_traces.unknown", "unknown traces", "traces inconnues"},
  {"kind_traces.voluntary", "voluntary traces", "traces volontaires"},
  {"risk.high", "high risk", "risque élevé"},
  {"risk.low", "low risk", "risque faible"},
  {"risk.medium", "medium risk", "risque moyen"},
  {"family.job", "job", "métier"},
  {"family.name", "name", "nom"},
  {"family.network", "network", "réseau"},
  {"family.pseudonym", "pseudonym", "pseudonyme"},
  {"category.address", "address", "adresse"},
  {"category.birthdate", "birth date", "date de naissance"},
  {"category.criminal", "criminal record", "infractions et condamnations"},
  {"category.email", "e-mail", "e-mail"},
  {"category.embarrassing", "embarrassing content", "contenu gênant"},
  {"category.ethnicity", "ethnic origin", "origine ethnique"},
  {"category.financial", "financial data", "données financières"},
  {"category.health", "health", "santé"},
  {"category.minors", "minors", "mineurs"},
  {"category.national_id", "national identifier", "identifiant national"},
  {"category.phone", "phone", "téléphone"},
  {"category.politics", "political opinions", "opinions politiques"},
  {"category.religion", "religion", "religion"},
  {"category.sexual_orientation", "sexual orientation", "orientation sexuelle"},
  {"category.union", "union membership", "appartenance syndicale"},

  // Risk reasons (src/score/scores.cpp).
  {"risk_reason.collection", "published by a collection or aggregation site", "publiée par un site de collecte ou d'agrégation"},
  {"risk_reason.collection_contact", "a collection site exposes your contact or identity data", "un site de collecte expose vos coordonnées ou des données d'identité"},
  {"risk_reason.exposes", "exposes {p0}", "expose : {p0}"},
  {"risk_reason.little", "shows little more than your name", "ne montre guère plus que votre nom"},
  {"risk_reason.pseudonym", "ties your pseudonym to your name", "relie votre pseudonyme à votre nom"},
  {"risk_reason.someone_else", "probably about someone else: not counted", "concerne sans doute quelqu'un d'autre : non comptée"},
  {"risk_reason.special", "exposes data of a special category (GDPR Art. 9/10) or an identifier", "expose des données d'une catégorie particulière (RGPD, art. 9 et 10) ou un identifiant"},
  {"risk_reason.visible", "highly visible and revealing ({0} exposure points)", "très visible et révélatrice ({0} points d'exposition)"},

  // Findings (src/score/findings.cpp).
  {"finding.job.linked", "Yes: {0} pages tie your job to your name, but none of the first results is a professional presence you control: create or refresh one.", "Oui : {0} pages relient votre métier à votre nom, mais aucun des premiers résultats n'est une présence professionnelle que vous maîtrisez : créez-en une ou mettez-la à jour."},
  {"finding.job.linked_one", "Yes: 1 page ties your job to your name, but none of the first results is a professional presence you control: create or refresh one.", "Oui : 1 page relie votre métier à votre nom, mais aucun des premiers résultats n'est une présence professionnelle que vous maîtrisez : créez-en une ou mettez-la à jour."},
  {"finding.job.linked_presence_one", "Yes: 1 page ties your job to your name, and you control a professional presence among the first results.", "Oui : 1 page relie votre métier à votre nom, et vous maîtrisez une présence professionnelle parmi les premiers résultats."},
  {"finding.job.linked_presence", "Yes: {0} pages tie your job to your name, and you control a professional presence among the first results.", "Oui : {0} pages relient votre métier à votre nom, et vous maîtrisez une présence professionnelle parmi les premiers résultats."},
  {"finding.job.none_given", "You gave no job or employer to check.", "Vous n'avez indiqué ni métier ni employeur à vérifier."},
  {"finding.job.unknown", "Unknown: the job searches failed and the others found no link; this is not a \"no\". Retry later or with another engine.", "Inconnu : les recherches sur le métier ont échoué et les autres n'ont trouvé aucun lien ; ce n'est pas un « non ». Réessayez plus tard ou avec un autre moteur."},
  {"finding.job.linked_unknown_presence", "Yes: {0} pages tie your job to your name; whether a presence you control is among the first results is unknown (searches failed).", "Oui : {0} pages relient votre métier à votre nom ; on ne sait pas si une présence que vous maîtrisez figure parmi les premiers résultats (des recherches ont échoué)."},
  {"finding.job.linked_unknown_presence_one", "Yes: 1 page ties your job to your name; whether a presence you control is among the first results is unknown (searches failed).", "Oui : 1 page relie votre métier à votre nom ; on ne sait pas si une présence que vous maîtrisez figure parmi les premiers résultats (des recherches ont échoué)."},
  {"finding.job.not_linked", "No page found ties your job to your name; a professional profile you control would put your best foot forward.", "Aucune page trouvée ne relie votre métier à votre nom ; un profil professionnel que vous maîtrisez vous montrerait sous votre meilleur jour."},
  {"finding.unknown_reason", "{0} of the {1} searches that answer this question failed", "{0} des {1} recherches qui répondent à cette question ont échoué"},
  {"finding.name.dominant.involuntary", "what directories, brokers and archives collected", "ce qu'annuaires, courtiers en données et archives ont collecté"},
  {"finding.name.dominant.inherited", "what others published about you", "ce que d'autres ont publié sur vous"},
  {"finding.name.dominant.unknown", "pages of unclear origin", "ce qui est d'origine incertaine"},
  {"finding.name.dominant.voluntary", "what you published yourself", "ce que vous avez publié vous-même"},
  {"finding.name.mine", "{0} of the first {1} results are about you; {p0} dominates.", "{0} des {1} premiers résultats vous concernent ; {p0} domine."},
  {"finding.name.mine_namesakes", "{0} of the first {1} results are about you; {p0} dominates, and {2} are about namesakes.", "{0} des {1} premiers résultats vous concernent ; {p0} domine, et {2} concernent des homonymes."},
  {"finding.name.unknown", "Unknown: the search for your name failed, so nothing can be said about your first page. Retry later or with another engine.", "Inconnu : la recherche sur votre nom a échoué, rien ne peut être dit de votre première page. Réessayez plus tard ou avec un autre moteur."},
  {"finding.name.nothing", "Nothing comes up for your name on the first page.", "Rien ne sort pour votre nom en première page."},
  {"finding.name.others", "The first page for your name is about other people ({0} namesake results).", "La première page pour votre nom parle d'autres personnes ({0} résultats d'homonymes)."},
  {"finding.network.flagged", "{0} profiles or posts from your networks are indexed under your name, and {1} of them expose sensitive or embarrassing data: review their privacy settings.", "{0} profils ou publications de vos réseaux sont indexés sous votre nom, dont {1} exposent des données sensibles ou gênantes : revoyez leurs paramètres de confidentialité."},
  {"finding.network.flagged_one", "{0} profiles or posts from your networks are indexed under your name, and 1 of them exposes sensitive or embarrassing data: review its privacy settings.", "{0} profils ou publications de vos réseaux sont indexés sous votre nom, dont 1 qui expose des données sensibles ou gênantes : revoyez ses paramètres de confidentialité."},
  {"finding.network.indexed", "{0} profiles or posts from your networks are indexed under your name; none exposes sensitive data.", "{0} profils ou publications de vos réseaux sont indexés sous votre nom ; aucun n'expose de données sensibles."},
  {"finding.network.none_indexed", "No profile or post of yours from these networks is indexed under your name.", "Aucun profil ni aucune publication de vous sur ces réseaux n'est indexé sous votre nom."},
  {"finding.network.unknown", "Unknown: searches on your networks failed, so indexed posts may have been missed. Retry later or with another engine.", "Inconnu : des recherches sur vos réseaux ont échoué, des publications indexées ont pu être manquées. Réessayez plus tard ou avec un autre moteur."},
  {"finding.network.none_searched", "No network was searched.", "Aucun réseau n'a été recherché."},
  {"finding.pseudonym.linked", "Yes: {0} is tied to your real name by {1} pages. Anyone can now connect what you post under it to you; it is time to change it.", "Oui : {0} est relié à votre vrai nom par {1} pages. N'importe qui peut désormais vous attribuer ce que vous publiez sous ce pseudonyme ; il est temps d'en changer."},
  {"finding.pseudonym.linked_one", "Yes: {0} is tied to your real name by 1 page. Anyone can now connect what you post under it to you; it is time to change it.", "Oui : {0} est relié à votre vrai nom par 1 page. N'importe qui peut désormais vous attribuer ce que vous publiez sous ce pseudonyme ; il est temps d'en changer."},
  {"finding.pseudonym.none_given", "You gave no pseudonym to check.", "Vous n'avez indiqué aucun pseudonyme à vérifier."},
  {"finding.pseudonym.unknown", "Unknown: the pseudonym searches failed and the others found no link; this is not a \"no\". Retry later or with another engine.", "Inconnu : les recherches sur le pseudonyme ont échoué et les autres n'ont trouvé aucun lien ; ce n'est pas un « non ». Réessayez plus tard ou avec un autre moteur."},
  {"finding.pseudonym.not_linked", "No: no page found ties your pseudonym to your real name.", "Non : aucune page trouvée ne relie votre pseudonyme à votre vrai nom."},

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

  // History, diff, review and removal requests (src/history/, src/report/since_last.cpp).
  {"identity.is_me", "confirmed as yours in your profile (is_me)", "confirmée comme vous concernant dans votre profil (is_me)"},
  {"since.title", "Since your last audit ({0}, run {1})", "Depuis votre dernier audit ({0}, audit n° {1})"},
  {"since.scores", "exposure {0} → {1} ({2}), control {3} → {4} ({5})", "exposition {0} → {1} ({2}), maîtrise {3} → {4} ({5})"},
  {"since.counts", "traces about you: {0} new, {1} gone, {2} not seen (search failed), {3} changed", "traces vous concernant — nouvelles : {0}, disparues : {1}, non vues (recherche en échec) : {2}, modifiées : {3}"},
  {"since.new", "new ({1}): {0} — {2}", "nouvelle ({1}) : {0} — {2}"},
  {"since.gone", "gone: {0} — {1}", "disparue : {0} — {1}"},
  {"since.changed", "changed: {0} — {1}", "modifiée : {0} — {1}"},
  {"since.what.kind", "who published it changed", "l'auteur a changé"},
  {"since.what.about", "the about-you verdict changed", "le verdict « vous concerne » a changé"},
  {"since.what.exposed", "the data it exposes changed", "les données exposées ont changé"},
  {"since.what.risk", "the risk changed", "le risque a changé"},
  {"since.what.risk_to", "{0} → {1}", "{0} → {1}"},
  {"since.request", "request #{0} ({1}): {2}", "demande n° {0} ({1}) : {2}"},
  {"since.previous_incomplete", "the previous audit was incomplete: a page may look new only because its search failed last time", "l'audit précédent était incomplet : une page peut sembler nouvelle seulement parce que sa recherche avait échoué"},
  {"since.details", "details: empreinte diff previous latest", "détails : empreinte diff previous latest"},
  {"right.erasure", "erasure (Art. 17)", "effacement (art. 17)"},
  {"right.rectification", "rectification (Art. 16)", "rectification (art. 16)"},
  {"right.objection", "objection (Art. 21)", "opposition (art. 21)"},
  {"right.delist", "delisting", "déréférencement"},
  {"request_state.gone_now", "the page went away", "la page a disparu"},
  {"request_state.gone", "the page is gone", "la page n'apparaît plus"},
  {"request_state.present", "the page is still there", "la page est toujours là"},
  {"request_state.not_seen", "unknown: the search that found the page failed", "inconnu : la recherche qui trouvait la page a échoué"},
  {"outcome.removed", "removed", "supprimée"},
  {"outcome.refused", "refused", "refusée"},
  {"outcome.no-answer", "no answer", "sans réponse"},
  {"via.email", "by e-mail", "par e-mail"},
  {"via.post", "by post", "par courrier"},
  {"via.form", "through a form", "par formulaire"},
  {"diff.title", "Changes in the footprint of {0}", "Évolution de l'empreinte de {0}"},
  {"diff.run", "run {0} of {1}", "audit n° {0} du {1}"},
  {"diff.file", "{0} of {1}", "{0} du {1}"},
  {"diff.incomplete", "incomplete", "incomplet"},
  {"diff.score", "{0} → {1} ({2})", "{0} → {1} ({2})"},
  {"diff.summary", "Traces about you: {0} new, {1} gone, {2} not seen, {3} changed; {4} unchanged", "Traces vous concernant — nouvelles : {0}, disparues : {1}, non vues : {2}, modifiées : {3} ; inchangées : {4}"},
  {"diff.namesakes", "Possibly someone else: {0} new, {1} gone, {2} not seen", "Peut-être quelqu'un d'autre — nouvelles : {0}, disparues : {1}, non vues : {2}"},
  {"diff.section.new", "New ({0})", "Nouvelles ({0})"},
  {"diff.section.changed", "Changed ({0})", "Modifiées ({0})"},
  {"diff.section.gone", "Gone ({0}) — searched again, not found", "Disparues ({0}) — cherchées à nouveau, plus trouvées"},
  {"diff.section.not_seen", "Not seen ({0}) — not counted as gone: the search that found them failed or was not run", "Non vues ({0}) — pas comptées comme disparues : la recherche qui les trouvait a échoué ou n'a pas été lancée"},
  {"diff.reason.search_failed", "search failed", "recherche en échec"},
  {"diff.reason.not_searched", "not searched this time", "non cherchée cette fois"},
  {"diff.someone_else", "possibly someone else", "peut-être quelqu'un d'autre"},
  {"diff.found_by", "found by: {0}", "trouvée par : {0}"},
  {"diff.exposes", "exposes: {0}", "expose : {0}"},
  {"diff.now_exposes", "now exposes: {0}", "expose désormais : {0}"},
  {"diff.no_longer_exposes", "no longer exposes: {0}", "n'expose plus : {0}"},
  {"diff.kind", "{0} → {1}", "{0} → {1}"},
  {"diff.about", "about you {0}% → {1}%", "vous concerne {0} % → {1} %"},
  {"diff.by_search", "By search (traces about you)", "Par recherche (traces vous concernant)"},
  {"diff.family_counts", "{0} new, {1} gone, {2} not seen, {3} changed", "nouvelles : {0}, disparues : {1}, non vues : {2}, modifiées : {3}"},
  {"diff.family_failed", "failed queries {0} → {1}", "requêtes en échec {0} → {1}"},
  {"diff.finding.pseudonym.linked", "pseudonym tied to your name", "pseudonyme relié à votre nom"},
  {"diff.finding.job.linked", "job tied to your name", "métier relié à votre nom"},
  {"diff.finding.job.professional_presence", "a professional presence you control", "une présence professionnelle que vous maîtrisez"},
  {"diff.yes", "yes", "oui"},
  {"diff.no", "no", "non"},
  {"diff.unknown", "unknown", "inconnu"},
  {"diff.requests", "Your removal requests", "Vos demandes de suppression"},
  {"diff.request", "#{0} {1}, sent {2}: {3}", "n° {0} {1}, envoyée le {2} : {3}"},
  {"diff.request_outcome", "#{0} {1}, sent {2}, answer: {3}: {4}", "n° {0} {1}, envoyée le {2}, réponse : {3} : {4}"},
  {"diff.nothing", "Nothing changed.", "Rien n'a changé."},
  {"diff.after_incomplete", "The newer audit is incomplete ({0} of {1} queries failed): pages only those queries found are \"not seen\", never \"gone\".", "Le nouvel audit est incomplet ({0} requêtes sur {1} en échec) : les pages que seules ces requêtes trouvaient sont « non vues », jamais « disparues »."},
  {"diff.html_footer", "Compared by empreinte {0}. This page loads nothing from the network and runs no script.", "Comparaison faite par empreinte {0}. Cette page ne charge rien depuis le réseau et n'exécute aucun script."},
  {"history.title", "Audits of {0} ({1})", "Audits de {0} ({1})"},
  {"history.none", "No audit stored yet: 'empreinte audit' stores each run (in {0}).", "Aucun audit enregistré : « empreinte audit » enregistre chaque passage (dans {0})."},
  {"history.columns", "run|date|backends|complete|exposure|control|traces|about you|high risk", "n°|date|moteurs|complet|exposition|maîtrise|traces|vous concernant|risque élevé"},
  {"history.failed", "no ({0} failed)", "non ({0} en échec)"},
  {"history.subjects", "Subjects: {0}", "Personnes : {0}"},
  {"mark.me", "{0} is now marked as yours (is_me) in {1}", "{0} est désormais marquée comme vous concernant (is_me) dans {1}"},
  {"mark.not_me", "{0} is now marked as someone else's (not_me) in {1}", "{0} est désormais marquée comme concernant quelqu'un d'autre (not_me) dans {1}"},
  {"mark.already", "{0} was already marked so in {1}: nothing changed", "{0} était déjà marquée ainsi dans {1} : rien n'a changé"},
  {"review.intro", "{0} pages may or may not be about you. Most exposing first; your answers go into {1}.", "{0} pages vous concernent peut-être. Les plus exposantes d'abord ; vos réponses sont enregistrées dans {1}."},
  {"review.item", "[{0}/{1}] {2}", "[{0}/{1}] {2}"},
  {"review.facts", "about you {0}% · {1} · {2}", "vous concerne à {0} % · {1} · {2}"},
  {"review.why", "why: {0}", "pourquoi : {0}"},
  {"review.exposes", "exposes: {0}", "expose : {0}"},
  {"review.keys", "[m] me  [n] not me  [s] skip  [o] open  [q] quit", "[m] moi  [n] pas moi  [s] sauter  [o] ouvrir  [q] quitter"},
  {"review.saved_me", "saved: yours (is_me)", "enregistré : vous concerne (is_me)"},
  {"review.saved_not_me", "saved: someone else (not_me)", "enregistré : quelqu'un d'autre (not_me)"},
  {"review.skipped", "skipped", "passée"},
  {"review.opened", "opened in your browser", "ouverte dans votre navigateur"},
  {"review.open_failed", "could not open it: {0}", "impossible de l'ouvrir : {0}"},
  {"review.done", "{0} marked yours, {1} someone else's, {2} skipped. Run the audit again to see the effect.", "Vous concernant : {0} ; quelqu'un d'autre : {1} ; passées : {2}. Relancez l'audit pour en voir l'effet."},
  {"review.nothing", "Nothing to review: no page has an uncertain about-you verdict.", "Rien à vérifier : aucune page n'a un verdict « vous concerne » incertain."},
  {"requests.none", "No removal request recorded. Add one: empreinte requests add TRACE --right erasure|rectification|objection|delist", "Aucune demande enregistrée. Pour en ajouter une : empreinte requests add TRACE --right erasure|rectification|objection|delist"},
  {"requests.sent", "sent {0}", "envoyée le {0}"},
  {"requests.due", "answer due by {0} ({1})", "réponse due le {0} ({1})"},
  {"requests.extended", "extended: answer due by {0}", "délai prolongé : réponse due le {0}"},
  {"requests.can_extend", "the controller may extend it to {0} if it tells you why", "le responsable peut le porter au {0} s'il vous en donne les raisons"},
  {"requests.no_deadline", "no legal deadline known for {0}", "pas de délai légal connu pour {0}"},
  {"requests.overdue", "OVERDUE by {0} day(s)", "EN RETARD de {0} jour(s)"},
  {"requests.days_left", "{0} day(s) left", "{0} jour(s) restant(s)"},
  {"requests.closed", "closed {0}: {1}", "close le {0} : {1}"},
  {"requests.page", "page: {0}", "page : {0}"},
  {"requests.page_state", "latest audit ({0}): {1}", "dernier audit ({0}) : {1}"},
  {"requests.complaint_hint", "complain to the authority: empreinte requests complaint {0}", "saisir l'autorité : empreinte requests complaint {0} --lang fr"},
  {"requests.close_hint", "the page is gone: if that settles it, close the request: empreinte requests done {0} --outcome removed", "la page a disparu : si cela vous suffit, fermez la demande : empreinte requests done {0} --outcome removed"},
  {"requests.added", "request #{0} recorded: {1}, answer due by {2}", "demande n° {0} enregistrée : {1}, réponse due le {2}"},
  {"requests.added_no_deadline", "request #{0} recorded: {1}", "demande n° {0} enregistrée : {1}"},
};
// clang-format on

struct Sorted
{
  std::array<CatalogueEntry, std::size(k_entries)> entries;

  Sorted()
  {
    std::copy(std::begin(k_entries), std::end(k_entries), entries.begin());
    std::stable_sort(
        entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  }
};

const Sorted& sorted()
{
  static const Sorted s;
  return s;
}

const CatalogueEntry* find(std::string_view key)
{
  const auto& e = sorted().entries;
  const auto it =
      std::lower_bound(e.begin(), e.end(), key, [](const CatalogueEntry& a, std::string_view k) {
        return a.key < k;
      });
  return it != e.end() && it->key == key ? &*it : nullptr;
}

bool starts_with_fr(const char* value)
{
  return value[0] == 'f' && value[1] == 'r';
}

} // namespace

std::span<const CatalogueEntry> catalogue()
{
  return sorted().entries;
}

bool is_lang(std::string_view lang)
{
  return lang == "en" || lang == "fr";
}

std::string lang_from_locale(const char* lc_all, const char* lc_messages, const char* lang)
{
  for (const char* value : {lc_all, lc_messages, lang}) {
    if (value && *value) {
      return starts_with_fr(value) ? "fr" : "en";
    }
  }
  return "en";
}

bool has_key(std::string_view key)
{
  return find(key) != nullptr;
}

namespace {

// French elides "de" before a vowel or a mute h: "l'empreinte d'Hélène", not "de Hélène".
bool starts_with_vowel_sound(std::string_view word)
{
  static constexpr std::string_view vowels[] = {
    "a", "e", "i", "o", "u", "y", "A", "E", "I", "O", "U", "Y", "à", "â", "é", "è", "ê", "ë",
    "î", "ï", "ô", "û", "À", "Â", "É", "È", "Ê", "Î", "Ô", "Û"};
  auto vowel_at = [&](std::string_view w) {
    return std::any_of(std::begin(vowels), std::end(vowels),
                       [&](std::string_view v) { return w.substr(0, v.size()) == v; });
  };
  if (!word.empty() && (word.front() == 'h' || word.front() == 'H')) {
    word.remove_prefix(1);
  }
  return vowel_at(word);
}

void append_arg(std::string_view lang, std::string& out, const std::string& arg)
{
  if (lang == "fr" && starts_with_vowel_sound(arg)
      && (out == "de " || (out.size() > 4 && std::string_view(out).substr(out.size() - 4) == " de "))) {
    out.replace(out.size() - 3, 3, "d'");
  }
  out += arg;
}

} // namespace

std::string tr(std::string_view lang, const util::Message& m)
{
  const CatalogueEntry* entry = find(m.key);
  if (!entry) {
    return m.key;
  }
  const std::string_view text = lang == "fr" ? entry->fr : entry->en;
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t close = text[i] == '{' ? text.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += text[i];
      continue;
    }
    const std::string_view name = text.substr(i + 1, close - i - 1);
    const bool part = !name.empty() && name.front() == 'p';
    const std::string_view digits = part ? name.substr(1) : name;
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      out += text[i];
      continue;
    }
    const auto index = static_cast<std::size_t>(std::stoul(std::string(digits)));
    if (part && index < m.parts.size()) {
      out += tr(lang, m.parts[index]);
    } else if (!part && index < m.args.size()) {
      append_arg(lang, out, m.args[index]);
    }
    i = close;
  }
  return out;
}

std::string_view colon(std::string_view lang)
{
  return lang == "fr" ? " : " : ": ";
}

std::string_view semicolon(std::string_view lang)
{
  return lang == "fr" ? " ; " : "; ";
}

std::string tr_or(std::string_view lang, std::string_view key, std::string_view fallback)
{
  return has_key(key) ? tr(lang, key) : std::string(fallback);
}

std::string tr_evidence(std::string_view lang, const util::Message& m)
{
  std::string out = tr(lang, m);
  if (m.where.empty()) {
    return out;
  }
  out += " (" + tr_or(lang, "where." + m.where, m.where);
  if (!m.quote.empty()) {
    out += std::string(colon(lang)) + (lang == "fr" ? "« " + m.quote + " »" : "\u201c" + m.quote + "\u201d");
  }
  return out + ")";
}

std::string tr(std::string_view lang, std::string_view key, const std::vector<std::string>& args)
{
  return tr(lang, util::Message{std::string(key), args, {}});
}

} // namespace empreinte::report
