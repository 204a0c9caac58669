// The verdicts and what follows from them: identity, kind, site categories, kinds, risks,
// families and data categories, risk reasons, findings.
// Part of the catalogue (report/i18n_catalogue.hpp); keys are unique across all parts.
#include "report/i18n_catalogue.hpp"

namespace empreinte::report {

namespace {

// clang-format off
constexpr CatalogueEntry k_verdicts_entries[] = {
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
};
// clang-format on

} // namespace

std::span<const CatalogueEntry> catalogue_verdicts()
{
  return k_verdicts_entries;
}

} // namespace empreinte::report
