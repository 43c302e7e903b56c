"""What a question says about the resource it wants, in English, French and Spanish: whether it seeks a
resource at all (rather than the rule), which kind, on which topics, and in which language.

Pure functions over regular expressions: officials write short questions, and the words that ask for a
toolkit, a course or other countries' experience are few and stable in each language."""

from __future__ import annotations

import re
import unicodedata

from babel import Locale

# Asking for something to use: "is there", "do you have", "can you recommend", "where can I find"... ("does a"
# only where the question opens with it: "What accounts does a registry keep?" asks the rule).
SEEK = re.compile(
    r"\b(is there|are there|do you (have|know)|^does (a|an|any) |any (good )?|anything|something|"
    r"can you (recommend|suggest|point|share)|could you (recommend|suggest|point|share)|"
    r"where (can|could|do|should|would) (\w+ ){1,3}(find|get|see|read|consult|download|access|look|learn|start|"
    r"obtain|follow|watch)|looking for|i need|we need|i('d| would) like|we('d| would) like|(would|could|might) help|"
    r"recommend|suggest|point me|point us|share|y a-t-il|existe-t-il|existe-t-elle|il existe|avez-vous|"
    r"connaissez-vous|ou (trouver|consulter|lire|voir|telecharger|acceder|suivre|regarder)|ou puis-je|"
    r"ou pouvons-nous|je cherche|nous cherchons|je voudrais|nous voudrions|j'aimerais|recommande|conseille|"
    r"proposez|serait utile|hay |existe |tienen|tienes|conoce|algun |alguna |donde (puedo|podemos|se puede|"
    r"encuentro|encontrar|ver|leer|consultar|descargar)|busco|buscamos|quisiera|me gustaria|recomienda|"
    r"sugiere|necesitamos|necesito|seria util|ayudaria|recommander|conseiller|suggerer|recomendar|sugerir|"
    r"est-ce qu'il (y a|existe)|(can|could|may) (i|we) (get|have|see|access|download|read)|"
    r"help (me|us) (find|choose|pick|identify)|aidez-moi a trouver|ayudame a encontrar|"
    r"(what|which) (\w+ ){0,2}(should|could|can) (i|we) (read|watch|use|consult|follow|take)|"
    r"que (devrais|pourrais|puis)-je (lire|consulter|suivre|utiliser)|que (deberia|podria|puedo) (leer|consultar|"
    r"seguir|usar)|"
    r"(which|what|quels?|quelles?|cuales?|que) (\w+ )?(courses?|toolkits?|tools?|guides?|templates?|"
    r"resources?|materials?|papers?|studies|platforms?|software|databases?|cours|formations?|outils?|modeles?|"
    r"ressources?|etudes?|plateformes?|logiciels?|cursos?|herramientas?|guias?|plantillas?|recursos?|materiales?|"
    r"estudios?|plataformas?)\b|"
    # where something is kept, who keeps or offers it, how to get support: asked of partners, not of the rules
    r"where (is|are) (the |a |an )?(\w+ ){0,3}(lists?|databases?|registr(y|ies) software|templates?|forms?|"
    r"faqs?|guides?|tools?|toolkits?|courses?|recordings?|dashboards?|reports? (on|of) (the )?status)|"
    r"ou (se trouve|se trouvent|est|sont) (la|le|les) (liste|base|modele|guide|outil|formulaire)|"
    r"donde (esta|estan|se encuentra|se encuentran|hay) (la|el|las|los|una?) (lista|base|plantilla|guia|"
    r"herramienta|formulario|preguntas)|"
    r"who (publish|offer|help|support|fund)\w*|qui (publie|propose|offre|aide)|quien(es)? (publica|ofrece|"
    r"brinda|ayuda)|"
    r"(which|what) (organi[sz]ations?|partners?|institutions?|initiatives?|agenc(y|ies)|donors?) (\w+ ){0,2}"
    r"(maintain|keep|publish|offer|provide|run|track|compile|support|help|fund)\w*|"
    r"(has|have) (anyone|anybody|any (organi[sz]ations?|partners?|institutions?)) (\w+ ){0,2}(published|produced|"
    r"written|developed|compiled|made)|"
    r"(show|send|give) (me|us) (the |a |an |some )?(\w+ )?(resources?|tools?|links?|materials?|guides?|courses?)|"
    r"(programmes?|programs?|initiatives?|programas?|iniciativas?) (\w+ )?(help|support|offer|fund|provide|"
    r"aident|soutiennent|offrent|financent|ayudan|apoyan|ofrecen|financian))")
# Asking where to find or see something, or saying one looks for it: a request by its form alone (the rulebook
# check in bot.tools.service still gives the rule when the rulebook is clearly closer).
LOCATE = re.compile(
    r"\b(where (can|could|do|should|would|might) (\w+ ){1,3}(find|get|see|read|consult|download|access|look up)|"
    r"where (is|are) (the |a |an )?(\w+ ){0,3}(lists?|databases?|templates?|forms?|faqs?|guides?|tools?|"
    r"toolkits?|courses?|recordings?|dashboards?|rules|standards|procedures|principles|examples?)|"
    r"ou (trouver|consulter|lire|voir|telecharger)|ou (puis-je|pouvons-nous|peut-on) (trouver|consulter|lire|voir)|"
    r"ou se trouve(nt)? (la |le |les |l')(liste|base|modele|guide|outil|formulaire|norme|regle|procedure|texte|"
    r"document|donnee)s?|donde (puedo|podemos|se puede) (encontrar|ver|consultar|descargar|leer)|"
    r"donde (encuentro|encontrar)|"
    r"donde (esta|estan|se encuentra|se encuentran) (la|el|las|los) (lista|base|plantilla|guia|herramienta|"
    r"formulario|norma|regla|procedimiento|documento|dato)s?|"
    r"(i'm|i am|we're|we are) looking for|je cherche|nous cherchons|busco|buscamos)\b")
LOOKING_FOR = re.compile(r"((i'm|i am|we're|we are) looking for|je cherche|nous cherchons|busco|buscamos)\b")
# How many deals, projects or activities there are: the state of play, which databases hold.
STATE_OF_PLAY = re.compile(r"\b(how many|combien|cuant[oa]s) (\w+ ){0,4}(agreements?|deals|mous?|memorand\w*|"
                           r"accords?|acuerdos?|projects?|projets?|proyectos?|activities|activites|actividades)\b")
# Asking where to get help: a partner's programme or support is wanted, whatever the subject.
SUPPORT_ASK = re.compile(
    r"\b((get|obtain|receive|access) (\w+ ){0,2}(support(?! package)|help|assistance|training)|"
    r"who (can|could) (\w+ ){0,2}(help|assess|support|advise|train)|(obtenir|recevoir|demander) (un |une |de l'|"
    r"du |des )?(appui|soutien|aide|assistance|formation)|qui (peut|pourrait) (nous |m')?(aider|appuyer|"
    r"accompagner)|(obtener|recibir|solicitar|conseguir) (\w+ )?(apoyo|ayuda|asistencia|capacitacion)|"
    r"quien (puede|podria) (ayudar|apoyar)\w*|"
    r"(programmes?|programs?|projects?|initiatives?|projets?|proyectos?|programas?|iniciativas?) (that|which|qui|"
    r"que) (\w+ )?(help|support|aide|soutien|ayud|apoy)\w*)\b")
# How others did it: a case study is wanted even without the word.
PEERS = re.compile(
    r"\b(how (do|did|have|are) (other|some) countries|other countries|countries (have|that have) (done|set up|"
    r"implemented)|country (examples?|experiences?)|lessons (learn|from|of)|good practices?|best practices?|"
    r"what have (other )?countries|autres pays|d'autres pays|experiences? (des|de) pays|bonnes pratiques|"
    r"lecons (apprises|de|des|tirees)|otros paises|experiencias? de (otros )?paises|buenas practicas|"
    r"lecciones (aprendidas|de)|(exchange|share|echanger|partager|intercambi\w*|compart\w*) (\w+ ){0,2}"
    r"(experiences?|experiencias|lessons|lecons|lecciones)|"
    # what other Parties already submitted or signed, to read
    r"(submitted|published|signed) by other (parties|countries)|(other|d'autres|otras) (parties|partes) (have )?"
    r"(already )?(submitted|soumis|presentaron|publie)|(deja soumis|ya presentaron|ya han presentado) (\w+ ){0,2}"
    r"(d'autres|otras) (parties|partes))")
# Asking what the rule is: the rulebook answers that, even when a resource word appears.
RULE = re.compile(
    r"\b(what does (the|a|an|article|decision|paragraph|guidance|rulebook|cma)|what do the (rules|decisions|"
    r"guidance)|according to|is it (required|mandatory|allowed)|must (we|a party|parties|i)|are parties required|"
    r"shall|que dit|que disent|selon (la|les|l')|est-il obligatoire|doit-on|que dice|que dicen|segun (la|las|el|"
    r"los)|es obligatorio|debe(n)? (la|las|el|los) parte|(is|are) there (a|an|any) (\w+ ){0,2}(requirements?|"
    r"obligations?|deadlines?|limits?|rules?|exceptions?)|y a-t-il (une|des) (\w+ ){0,2}(obligations?|"
    r"exigences?|delais?|dates? limites?|limites?)|hay (algun|alguna|un|una) (\w+ ){0,2}(requisito|obligacion|"
    r"plazo|limite)|"
    # "...wants a checklist: which participation requirements does our country have to meet?" asks the rule
    r"(which|what) (\w+ ){0,3}(requirements|obligations)|quelles (\w+ ){0,2}(exigences|obligations)|"
    r"que (\w+ ){0,2}(requisitos|obligaciones)|"
    # "Is there anything in the decision on...": the rule, wherever it is written
    r"in the (rules|rulebook|decisions?|cma decisions?|rmps?|annex)|dans (la|les) (decisions?|regles)|"
    r"en (la|las) (decision|decisiones|normas))")
# What someone is obliged to do or use asks the rule, even with a template, a registry or support in it.
OBLIGED = re.compile(
    r"\b(must|shall|(we|i|you|they|it|part(y|ies)|countr(y|ies)|host|government|ministry|authority) (\w+ )?(has|have) "
    r"to|(has|have) to be|is required|are required|required to|mandatory|obligatory|is due|are due|"
    r"doit|doivent|obligatoires?|requis|debe|deben|obligatori[oa]s?|se requiere|"
    r"(official|agreed|set|standard) (\w+ ){0,2}(templates?|formats?|forms?|lists?|outlines?|checklists?|structure|"
    r"rules|set of rules|spreadsheets?)|(modele|format|formulaire|liste|canevas|plan type|regles)s? (\w+ )?"
    r"(officiel|convenu)|(plantilla|formato|lista|esquema|regla|guia)s? (\w+ )?(oficial|acordad)|"
    # "Do the decisions give us a structure...": what the decisions themselves provide
    r"(do|does) the (decisions?|rules|guidance|rulebook|cma) (give|provide|set|say|contain|include))\b")
# Asking to see an example ("What does a letter of authorization look like? A sample would help."): a
# resource, even though the question opens like one about the rule.
LOOKS = re.compile(r"\b(looks? like|a quoi ressemble\w*|como (luce|se ve)|que aspecto tiene)\b")
# Asking for an explanation ("Give me an overview of...", "Explain..."): the rulebook answers, unless a
# kind of resource is named too.
EXPLAIN = re.compile(r"\b((give|tell) (me|us)|(an|a short|a brief|a quick) overview of|explain|explique[rz]?|expliquez|explica(me|nos)?|dame|dinos|dime|"
                     r"resume[rz]?|resumen|summari[sz]e|(need|want|like) to (know|understand)|"
                     r"(voudrais|veux|besoin de) (savoir|comprendre)|(necesito|quisiera|quiero) (saber|entender))\b")
# What a partner offers ("What support does UNDP offer...?", "Quelles formations le secrétariat propose-t-il ?").
SUPPORT_WORDS = (r"(support|help|assistance|trainings?|courses?|capacity[- ]building|programmes?|appuis?|soutien|"
                 r"aide|formations?|apoyo|ayuda|asistencia|capacitacion(es)?|cursos?|programas?)")
OFFER_WORDS = (r"(offer(s|ed|ing)?|provides?|providing|runs?|gives?|proposes?|offrent|offre|proposent|fournit|fournissent|"
               r"ofrecen?|brindan?|proporcionan?)")
OFFER = re.compile(rf"\b({SUPPORT_WORDS} (\w+ ){{0,5}}{OFFER_WORDS}|{OFFER_WORDS} (\w+ ){{0,3}}{SUPPORT_WORDS})\b")
# Who published something on a subject: the answer is a publication.
PUBLISHED = re.compile(r"\b(who|which (\w+ )?(organi[sz]ations?|partners?|institutions?|agenc(y|ies)|donors?)) "
                       r"(\w+ ){0,2}(has |have )?(published|produced|written|publishes|produces)\b")
# Someone new to the subject asking where to begin: an introductory resource.
START = re.compile(r"\b(new to (article 6|carbon markets|this)|where (should|do|can|could) (i|we) (start|begin)|"
                   r"beginners?|first steps|par ou commencer|je debute|nous debutons|debutants?|premiers pas|"
                   r"soy nuev[oa]|somos nuev[oa]s|por donde (empiezo|empezar|comienzo|comenzar|empezamos)|"
                   r"principiantes?|primeros pasos)\b")
INTRODUCTORY = re.compile(START.pattern + r"|\b(introduct\w*|basics|overview|introduccion|basico|bases|apercu)\b")
# About an event in the calendar: the events responder answers those.
EVENT = re.compile(r"\b(next|upcoming|when is|when will|register|registration|schedule|prochaine?s?|quand a lieu|"
                   r"s'inscrire|inscription|proxim[oa]s?|cuando es|cuando sera|inscribirse|inscripcion)\b")

# A question that opens like this asks something of the rulebook unless it also asks for a resource.
QUESTION_WORD = re.compile(
    r"(what|when|why|who|whom|which|where|how|can|could|does|do|did|is|are|should|must|may|will|would|has|have|"
    r"whose|quel\w*|quand|pourquoi|combien|comment|que|qu'|qui|quoi|ou|est-ce|peut|peuvent|doit|doivent|faut-il|"
    r"cual\w*|cuando|por que|cuant\w*|quien\w*|como|donde|adonde|pued\w*|deb\w*|se puede|es|son)\b")

# Things one finds and uses, which a seeking question may ask for without naming a kind of resource.
THINGS = re.compile(r"\b(resources?|ressources?|recursos?|materials?|materiels?|materiales?|publications?|"
                    r"publicaciones?|registr(y|ies)|registres?|registros?|platforms?|plateformes?|plataformas?|"
                    r"portals?|portails?|portal(es)?|websites?|sites? (web|internet)|sitios? web|procedures|"
                    r"procedures|procedimientos|methodolog\w*|metodolog\w*|documents?|documentos?|data|donnees|"
                    r"datos|dashboards?|tableaux? de bord|programmes?|programs?|programas?|initiatives?|iniciativas?|"
                    r"schemes?|reading|read|lire|lectura|leer|introduction|"
                    r"(anything|something|quelque chose|algo) (to read|that (explains|compares|shows)|on|about|for|"
                    r"useful|a lire|qui explique|sur|para leer|que explique|sobre)|"
                    r"introduccion|overview|apercu|panorama|conseils|consejos|advice|faqs?|frequently asked questions|"
                    r"help ?desks?|helpdesk|centro de ayuda|service d'assistance|lists? of|listes? des?|listas? de|"
                    r"software|logiciels?|trackers?|status reports?|(standard|model|sample|common|draft) (letters?|"
                    r"agreements?|contracts?)|letters? of (authori[sz]ation|approval|acknowledge?ment)|"
                    r"lettres? d'autorisation|cartas? de autorizacion|analys[ie]s|analyses?|analisis|"
                    r"notes? d'information|briefing notes?|notas informativas|policy briefs?|"
                    r"questions frequentes|preguntas frecuentes|"
                    r"(point (me|us) to|share|practical|good practice|any|some) guidance|accords? (bilateraux|signes)|"
                    r"acuerdos? (bilaterales|firmados)|(bilateral )?agreements (\w+ ){0,2}signed|"
                    r"(initial )?reports? (\w+ ){0,3}(already )?submitted|rapports? (\w+ ){0,2}(deja )?soumis|"
                    r"informes? (\w+ ){0,3}presentaron)\b")

TYPES: dict[str, re.Pattern[str]] = {
    "toolkit": re.compile(r"\b(toolkits?|tool kits?|toolbox|tools?|boites? a outils|outils?|cajas? de herramientas|"
                          r"herramientas?|excel|spreadsheet|calculator|calculateur|calculadora)\b"),
    "template": re.compile(r"\b(templates?|samples?|checklists?|check-lists?|listes? de controle|listas? de (control|verificacion)|model (letter|agreement|contract)|sample (letter|agreement)|forms?|"
                           r"modeles?|gabarits?|formulaires?|plantillas?|modelos? de|formularios?)\b"),
    "e-learning": re.compile(r"\b(courses?|e-?learning|online (training|learning)|training|trainings|self-paced|"
                             r"mooc|learn|learning|cours|formations?|apprendre|en ligne|cursos?|capacitacion|"
                             r"formacion|aprender|en linea)\b"),
    "guidebook": re.compile(r"\b(guides?|guidebooks?|handbooks?|manuals?|blueprint|playbooks?|step[- ]by[- ]step|"
                            r"papers?|stud(y|ies)|etudes?|estudios?|background reading|lecturas?|"
                            r"roadmaps?|road maps?|feuilles? de route|hojas? de ruta|manuels?|guia|guias|manuales?|"
                            r"paso a paso)\b"),
    "webinar": re.compile(r"\b(webinars?|recordings?|recorded|videos?|slides|presentations?|working group|"
                          r"webinaires?|enregistrements?|grabaci[oa]n(es)?|seminarios? web|diapositivas)\b"),
    "case-study": re.compile(PEERS.pattern + r"|\b(case stud(y|ies)|examples?|experiences?|etudes? de cas|exemples?|"
                             r"estudios? de caso|ejemplos?|national (regulations?|laws?|legislation|decrees?)|"
                             r"reglements? nationa\w*|reglamentos? nacional\w*|decrets?|decretos?)\b"),
    "database": re.compile(r"\b(databases?|data ?sets?|data|dashboards?|pipeline|open[- ]source|software|"
                           r"registry (software|system)|tableaux? de bord|donnees|datos|"
                           r"bases? de donnees|bases? de datos|logiciel|programa informatico)\b"),
}

TOPICS: dict[str, re.Pattern[str]] = {
    "authorization": re.compile(r"\b(authori[sz]\w*|autoris\w*|autoriza\w*|letters? of (authori|approval)|"
                                r"lo[ae]s?|approval)\b"),
    "reporting": re.compile(r"\b(report\w*|initial reports?|annual information|aef|agreed electronic format|"
                            r"rapports?|informes?|presentacion de informacion|btr|biennial transparency)\b"),
    "tracking": re.compile(r"\b(track\w*|suivi|seguimiento|rastreo)\b"),
    "registries": re.compile(r"\b(registr(y|ies)|registres?|registros?|carbon registry)\b"),
    "corresponding-adjustments": re.compile(r"\b(corresponding adjustments?|ajustements? correspondants?|"
                                            r"ajustes? correspondientes?|cas?|double counting|double comptage|"
                                            r"doble (contabilidad|conteo|computo))\b"),
    "6.2": re.compile(r"(\b6\.2\b|\bcooperative approach\w*|\bdemarches? concertees?|\benfoques? cooperativos?|"
                      r"\bitmos?\b|\brati\b|\brmti\b|\bbilateral\w*)"),
    "6.4": re.compile(r"(\b6\.4\b|\bpacm\b|\bmechanism\b|\bmecanisme\b|\bmecanismo\b|\bcdm\b|\bmdp\b|"
                      r"\bsupervisory body\b|\borgane de surveillance\b|\borgano de supervision\b|\ba6\.4)"),
    "6.8": re.compile(r"(\b6\.8\b|\bnon-?market\b|\bnon fondees? sur le marche|\bno relacionados? con el mercado|"
                      r"\bnmas?\b|\bwinfo\b)"),
    "methodology": re.compile(r"\b(methodolog\w*|methodolog\w*|metodolog\w*|baselines?|additionality|"
                              r"additionnalite|adicionalidad|mrv|monitoring|leakage)\b"),
    "private-sector": re.compile(r"\b(private sector|compan(y|ies)|business\w*|investors?|buyers?|developers?|"
                                 r"secteur prive|entreprises?|investisseurs?|sector privado|empresas?|inversionistas?)\b"),
    "strategy": re.compile(r"\b(strateg\w*|estrategi\w*|policy|policies|politique|politica|framework|cadre|marco|"
                           r"readiness|preparation|preparacion|institutional|institutionnel\w*|institucional\w*|"
                           r"governance|gouvernance|gobernanza|legal|juridique|arrangements?)\b"),
    "ndc": re.compile(r"\b(ndcs?|cdn|nationally determined|determinees au niveau national|"
                      r"determinadas a nivel nacional|mitigation targets?)\b"),
    "project-initiation": re.compile(r"\b(projects? (idea|design|developer|cycle|note)|pins?|pdd|project developers?|"
                                     r"idee de projet|developpeurs? de projets?|nota de idea|desarrolladores?)\b"),
    "capacity-building": re.compile(r"\b(capacity[- ]building|renforcement des capacites|fortalecimiento de "
                                    r"(las )?capacidades|creacion de capacidad)\b"),
}

LANGUAGE_ASKED = {
    "en": re.compile(r"\b(in english|en anglais|en ingles)\b"),
    "fr": re.compile(r"\b(in french|en francais|en frances|francophone)\b"),
    "es": re.compile(r"\b(in spanish|en espagnol|en espanol|en castellano|hispanohablantes?)\b"),
}


def fold(text: str) -> str:
    """Lower case without accents or curly quotes, so one pattern reads 'français' and 'francais'."""
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


# Country names in the three languages (from babel's CLDR data): "How did Sweden set up its authorization?"
# asks for that country's experience, which the case studies hold and the rulebook does not.
HOW = re.compile(r"(how|comment|como)\b")
NOT_COUNTRIES = {"UN", "EU", "EZ", "QO", "XA", "XB", "ZZ"}
COUNTRY = re.compile(r"\b(" + "|".join(sorted({re.escape(fold(name)) for lang in ("en", "fr", "es")
                                                for code, name in Locale(lang).territories.items()
                                                if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES},
                                               key=len, reverse=True)) + r")\b")


# Organisations' names and acronyms in French and Spanish, to the English ones catalogue publishers use.
ALIASES = {"pnud": "undp", "ccnucc": "unfccc", "cmnucc": "unfccc", "pnue": "unep", "pnuma": "unep", "ocde": "oecd",
           "banque mondiale": "world bank", "banco mundial": "world bank", "bafd": "afdb",
           "banque asiatique de developpement": "asian development bank", "basd": "adb",
           "banco asiatico de desarrollo": "asian development bank", "bad": "adb",
           "banque africaine de developpement": "african development bank",
           "banco africano de desarrollo": "african development bank",
           "alliance ouest-africaine": "west african alliance", "alliance ouest africaine": "west african alliance",
           "alianza de africa occidental": "west african alliance", "partenariat ndc": "ndc partnership",
           "alianza ndc": "ndc partnership", "partenariat pour les cdn": "ndc partnership"}
ALIAS = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ALIASES), key=len, reverse=True)) + r")\b")
PARENTHESES = re.compile(r"\(([^)]*)\)")


def publisher_names(publisher: str) -> set[str]:
    """The names a question may call a publisher by, folded: each co-publisher's name (before any comma or
    parenthesis; "UNDP and UNFCCC" gives both), the first three words of a long one ("West African
    Alliance"), its acronyms ("OECD/IEA ..." gives oecd and iea) and an acronym in parentheses ("(GGGI)").
    Segments that describe rather than name ("roadmap prepared with UNDP support") are left out, and so are
    acronyms that are Article 6 vocabulary rather than names (NDC, MRV)."""
    names: set[str] = set()
    for segment in publisher.split(";"):
        segment = segment.strip()
        inside = PARENTHESES.search(segment)
        if inside and acronym(inside.group(1).strip()):
            names.add(fold(inside.group(1)))
        main = PARENTHESES.sub("", segment).split(",")[0].strip()
        if not main or not main[0].isupper():
            continue
        parts = main.split(" and ")
        for part in parts if all(len(p.split()) <= 2 for p in parts) else [main]:
            words = part.split()
            names.add(fold(part))
            if len(words) > 3 and fold(words[2]) not in CONNECTIVES:
                names.add(fold(" ".join(words[:3])))
            names.update(fold(w) for token in words for w in token.split("/") if acronym(w))
    return {n for n in names if n not in VOCABULARY}


def acronym(word: str) -> bool:
    """'UNDP', 'AfDB', 'UNEP-CCC'; not 'Germany'."""
    return re.fullmatch(r"[A-Za-z0-9-]{2,}", word) is not None and sum(ch.isupper() for ch in word) >= 2


CONNECTIVES = {"the", "for", "of", "on", "and", "de", "del", "la", "le", "des", "du"}
VOCABULARY = {"ndc", "mrv", "ghg", "itmo", "cdm"}


def named_publishers(question: str) -> str:
    """The question folded, with French and Spanish names of organisations followed by the English ones."""
    folded = fold(question)
    return ALIAS.sub(lambda m: f"{m.group(0)} {ALIASES[m.group(0)]}", folded)


def wanted_types(question: str) -> set[str]:
    folded = fold(question)
    return {kind for kind, pattern in TYPES.items() if pattern.search(folded)}


def wanted_topics(question: str) -> set[str]:
    folded = fold(question)
    return {topic for topic, pattern in TOPICS.items() if pattern.search(folded)}


def wanted_level(question: str) -> str | None:
    """'introductory' for a newcomer or a question asking for an introduction or an overview, else None."""
    return "introductory" if INTRODUCTORY.search(fold(question)) else None


def asked_language(question: str) -> str | None:
    """A language named in the question ("in French", "en español"), else None."""
    folded = fold(question)
    return next((code for code, pattern in LANGUAGE_ASKED.items() if pattern.search(folded)), None)


# A task for the bot itself (write code, a script, a macro) is not a request for a published resource, even
# when it names a spreadsheet: "write me a Python script that merges two Excel files" is simply off-topic.
TASK = re.compile(r"\b(python|javascript|typescript|sql|vba|bash|powershell)\b|\b(write|code|program|debug|fix|"
                  r"ecri[st]|escrib\w*)\b (\w+ ){0,3}(scripts?|code|programs?|functions?|macros?|formulas?|"
                  r"programmes? informatiques?|codigo|funcion)\b")


def seeks_resource(question: str) -> bool:
    """Whether the question asks for a resource to use (a toolkit, a course, other countries' experience)
    rather than for the rule or for an event in the calendar."""
    folded = fold(question)
    if TASK.search(folded):
        return False
    if LOOKS.search(folded) and (wanted_types(question) or THINGS.search(folded)):
        return True
    if LOOKING_FOR.match(asked_sentence(folded)):  # "I'm looking for a report on what a country must decide"
        return True
    if OBLIGED.search(asked_sentence(folded)) or EVENT.search(folded):  # an obligation told as context asks nothing
        return False
    if OFFER.search(folded):  # "What support does UNDP offer...?" opens like a question on the rule
        return True
    if RULE.search(folded):
        return False
    if PEERS.search(folded) or START.search(folded) or PUBLISHED.search(folded) or SUPPORT_ASK.search(folded):
        return True
    if LOCATE.search(folded) or STATE_OF_PLAY.search(folded):
        return True
    if HOW.match(folded.lstrip("¿¡ ")) and COUNTRY.search(folded):
        return True
    if not wanted_types(question) and (not THINGS.search(folded) or EXPLAIN.search(folded)):
        return False
    # "A template for...", "Background reading on...", "Course on CAs in French?": a resource word that the
    # question leads with or asks for.
    return bool(SEEK.search(folded)) or not QUESTION_WORD.match(asked_sentence(folded))


SENTENCES = re.compile(r"(?<=[.!?;:])\s+")


def asked_sentence(folded: str) -> str:
    """The sentence that asks: a situation told first ("Our authority issues only mitigation contribution
    units for a programme. Will the registry still take the share?") is a question on the rule, not a request."""
    sentences = [s.lstrip("¿¡ ") for s in SENTENCES.split(folded.strip()) if s.strip()]
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    return (asking or sentences or [""])[-1]


# Kinds of resource the rulebook never is: the decisions set out templates, outlines, formats, registries,
# platforms and a review training programme, so "is there a template for the review report?" is answered by
# the rule, but they hold no course, recording, study, toolkit, guide, model letter or country example.
MATERIAL = re.compile(
    r"\b(courses?|e-?learning|mooc|webinars?|recordings?|videos?|slides|webinaires?|cours|cursos?|"
    r"seminarios? web|"
    r"grabaci[oa]n(es)?|diapositivas|stud(y|ies)|papers?|etudes?|estudios?|reading|read|lire|lectura|leer|"
    r"toolkits?|toolbox|tools?|outils?|herramientas?|boites? a outils|cajas? de herramientas|spreadsheet|"
    r"excel|"
    r"calculat\w+|software|logiciel|guides?|guidebooks?|handbooks?|playbooks?|blueprint|roadmaps?|road maps?|"
    r"feuilles? de route|hojas? de ruta|guias?|resources?|ressources?|recursos?|materials?|materiels?|"
    r"materiales?|"
    r"publications?|publicaciones?|documents?|documentos?|case stud(y|ies)|examples?|exemples?|ejemplos?|"
    r"(letters?|lettres?|cartas?) (of |d'|de )(authori[sz]ation|autorisation|autorizacion)|"
    r"(authori[sz]ation|approval) letters?|"
    r"(new|newcomers?) staff|training (for|on) (new|our)|formation en ligne|online (training|learning)|"
    # something that explains or compares, a database of deals, the version in force, where to find it
    r"(anything|something|quelque chose|algo) (that|which|to|qui|que|para)|"
    r"(databases?|data ?sets?) (of|on)|bases? de (donnees|datos) (des?|du|sur|sobre)|"
    r"in force|en vigueur|vigentes?|(model|sample|draft|standard) (letters?|agreements?|contracts?)|"
    r"modeles? de lettre|modelos? de carta|analys[ie]s|analyses?|analisis|notes? d'information|briefing notes?|"
    r"notas informativas|policy briefs?|"
    r"where (can|could|do|should) (i|we) (find|get|see|consult|read)|ou (trouver|consulter|lire|voir)|"
    r"donde (puedo|podemos|se puede)? ?(encontrar|encuentro|ver|consultar|leer))\b")


def asks_for_material(question: str) -> bool:
    """Whether a resource request asks for a kind of thing only partners publish (a course, a study, a
    toolkit, a model letter, another country's example) rather than one the rules themselves define."""
    folded = fold(question)
    return bool(MATERIAL.search(folded) or PEERS.search(folded) or START.search(folded) or OFFER.search(folded)
                or PUBLISHED.search(folded) or LOOKS.search(folded) or SUPPORT_ASK.search(folded)
                or (HOW.match(folded.lstrip("¿¡ ")) and COUNTRY.search(folded)) or STATE_OF_PLAY.search(folded)
                or LOCATE.search(folded))


# The rulebook's own word for a country: a request about what "every Party" or "Parties" need speaks of a
# rule; one about what "other Parties" did asks for their examples (PEERS).
PARTIES = re.compile(r"\b(part(y|ies)|parties|partie|partes?)\b")


def speaks_of_parties(question: str) -> bool:
    folded = fold(question)
    return bool(PARTIES.search(folded)) and not PEERS.search(folded)
