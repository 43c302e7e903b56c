"""Questions next door to the bot's subject that it must decline rather than answer from nearby Article 6
passages: other climate funds and finance goals, other UNFCCC processes, countries' own NDC targets, other
carbon markets and carbon prices. A question that names Article 6 itself is never declined here.

Why rules and not only the confidence score: these questions share many words with Article 6 passages (finance,
adaptation, NDC, emissions), so retrieval finds close passages and the score alone cannot tell them apart
(README, held-out 2). Two kinds of rule: what the question asks for (a market price, a country's own target,
another fund, named in English, French and Spanish), and what it is about: a question that names something the
knowledge base never mentions (a programme, a place, a body: "the California cap-and-trade program", "Kenya's
commitments", "the JCM") is about something the bot has no sources on, however close its other words are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from babel import Locale

from bot.texts import say

ANCHOR = re.compile(
    r"\barticles?\s*6\b|\bart[ií]culo\s*6\b|\b6\.[248]\b|\bITMOs?\b|\bRATI\b|\bRMTI\b|A6\.4|"
    r"corresponding adjustment|ajustements? correspondants?|ajustes? correspondientes?|cooperative approach|"
    r"démarches? concertées?|enfoques? cooperativos?|supervisory body|organe de supervision|órgano de supervisión|"
    r"\bA6IP\b|\bCARP\b|share of proceeds|\bOMGE\b|mechanism registry|non-market|non fondées sur le marché|"
    r"no relacionados con el mercado|\bPACM\b|paris agreement crediting|initial report|rapport initial|"
    r"informe inicial|authori[sz]|autoris|autoriz", re.IGNORECASE)

TOPICS = {
    "funds": re.compile(
        # Any fund or facility by its name, other than the Adaptation Fund (it receives the 6.4 share of
        # proceeds) and trust funds (the mechanism's own accounts).
        r"(?-i:\b(?!(?:[A-Z][\w-]*\s+){0,3}(?:Adaptation|Trust)\s+Fund)(?:[A-Z][\w-]*\s+){1,4}(?:Fund|Facility)\b)|"
        r"(?-i:\b(?:Fonds|Fondo)\s+(?!pour l'adaptation|de [Aa]daptación|d'affectation|fiduciario)(?:[a-zé'-]+\s+){0,3}"
        r"[A-Z][\w-]*)|"
        r"loss and damage|pertes et préjudices|pérdidas y daños|green climate fund|\bGCF\b|fonds vert|fondo verde|"
        r"global environment facility|\bGEF(?:-\d+)?\b|\bFEM\b|adaptation fund board|conseil du fonds pour "
        r"l'adaptation|junta del fondo de adaptación|collective quantified goal|\bNCQG\b|objectif collectif "
        r"quantifié|objetivo colectivo cuantificado|100 billion|100 milliards|cien mil millones|climate investment "
        r"funds|climate finance goal|objectif de financement|objetivo de financiación|baku to bel[ée]m roadmap|"
        r"just transition|transition juste|transición justa|global goal on adaptation|objectif mondial en matière "
        r"d'adaptation|objetivo mundial relativo a la adaptación|mitigation work programme|special climate change "
        r"fund|\bSCCF\b|least developed countries fund|\bLDCF\b|fonds pour les pays les moins avancés|fondo para "
        r"los países menos adelantados|santiago network|réseau de santiago|red de santiago|standing committee on "
        r"finance|comité permanent du financement|comité permanente de financiación|"
        # The Adaptation Fund receives the 6.4 share of proceeds (in scope); getting money from it is not.
        r"(?:apply|applying|application|access|accredit\w*|obtain|request|get)\b[^?]{0,40}\b(?:adaptation fund|"
        r"fonds pour l'adaptation|fondo de adaptación)|(?:financement|financiamiento|financiación|recursos)\s+"
        r"(?:du|del)\s+(?:fonds pour l'adaptation|fondo de adaptación)", re.IGNORECASE),
    "markets": re.compile(
        r"\bEU ETS\b|\bSEQE\b|quotas? d'émission|derechos de emisión|cap[- ]and[- ]trade|emissions? trading (?:system|scheme)|système d'échange de quotas|système d'échange|"
        r"sistema de comercio de emisiones|\bETS\b|\bCORSIA\b|\bCBAM\b|carbon border|ajustement carbone aux "
        r"frontières|ajuste en frontera|voluntary carbon market|marché volontaire|mercado voluntario|\bVerra\b|"
        r"gold standard|\bVCS\b|\bICVCM\b|\bVCMI\b|\ballowances?\b|carbon tax|taxe carbone|impuesto al carbono|"
        # Carbon pricing as a policy is a neighbour too, unless the question ties it to Article 6 (checked first).
        r"carbon pricing|tarification du carbone|fijación de precios (?:al|del) carbono|"
        r"(?:national|domestic) carbon market|marché (?:national|intérieur) du carbone|mercado (?:nacional|interno) de "
        r"carbono|"
        r"\bbuy\w*\s+(?:carbon\s+)?(?:offsets|credits)\s+for\s+(?:my|our)\b", re.IGNORECASE),
}
PRICE = re.compile(r"\b(?:prices?|prix|precios?)\b|\bpa(?:y|ys|id)\b[^?]{0,20}\bper (?:tonne|ton)\b|"
                   r"\bcours (?:actuel )?d[eu]s?\b|how much (?:does|do|is|are)\b.*\b(?:cost|worth)\b|"
                   r"combien (?:coûte|vaut)|cuánto (?:cuesta|vale)|\b(?:trad(?:e|es|ing)|sell(?:s|ing)?|sold)\s+"
                   r"(?:for|at)\b|se (?:vend|négocie)|se (?:vende|negocia|cotiza)", re.IGNORECASE)
# What the mechanism itself charges (fees for registration, issuance, renewal) is a rule, not a market price.
NOT_A_PRICE = re.compile(r"confidential|confidenti|report|fee\b|fees\b|levy|frais|tasa|share of proceeds|"
                         r"\bissu(?:e|ing|ance)\b|regist|enregistr|délivr|emisión|expedición|renew|renouvel|renova",
                         re.IGNORECASE)
HEAD_WORDS = 3
SENTENCE = re.compile(r"(?<=[.!?])\s+")
# What a country may or must do (a rule), as against what it has pledged or plans (a fact about it).
PERMISSION = re.compile(r"^\W*(?:can|could|may|must|should|do(?:es)? \w+ (?:have|need) to|is \w+ allowed|"
                        r"peut|peuvent|pouvons|doit|doivent|devons|puede|pueden|podemos|debe|deben|debemos)\b",
                        re.IGNORECASE)
# Other parts of the UNFCCC regime: transparency reports, the stocktake, adaptation, other Articles.
OTHER_PROCESS = re.compile(
    r"biennial transparency report|\bBTRs?\b|rapport biennal de transparence|informe bienal de transparencia|"
    r"global stocktake|bilan mondial|balance mundial|national adaptation plan|plan national d'adaptation|plan "
    r"nacional de adaptación|\bNAPs?\b|\bArt(?:icle|ículo|\.)?\s*(?!6\b)\d{1,2}(?:\.\d)?(?:\s*\(\w\))?\b",
    re.IGNORECASE)
TARGET = re.compile(r"\bNDCs?\b|\bCDNs?\b|target|objectif|\bmetas?\b|net[- ]zero|neutralité|neutralidad|"
                    r"emissions? reductions?|réduction des émissions|reducción de emisiones|pledge|promet|"
                    r"compromiso|commitments?|engagements?|\b(?:cut|reduce|lower|halve)\w*\s+(?:\w+\s+){0,2}emissions\b",
                    re.IGNORECASE)
NOT_COUNTRIES = {"UN", "EZ", "QO", "XA", "XB", "ZZ"}


@lru_cache(maxsize=1)
def country_names() -> re.Pattern[str]:
    """Country names in English, French and Spanish (Babel's CLDR data), as one pattern."""
    from babel import Locale

    names: set[str] = set()
    for language in ("en", "fr", "es"):
        for code, name in Locale(language).territories.items():
            if code.isalpha() and code not in NOT_COUNTRIES and len(name) > 3:
                names.add(name)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


def neighbour_topic(question: str) -> str | None:
    """'funds', 'markets', 'targets' or 'processes' when the question is about a neighbouring subject, else None.

    A question that names Article 6 is still about a neighbour when the neighbour comes first, as what is
    asked about, and Article 6 only in its complement: "What are the Gold Standard's fees for credits later
    authorized as ITMOs?", "How does CBAM treat imports from a country that sells ITMOs?". The other way round
    it asks an Article 6 rule: "Can we use 6.4 units in our domestic carbon tax?"."""
    if PRICE.search(question) and not NOT_A_PRICE.search(question):
        return "markets"
    anchor = ANCHOR.search(question)
    # What is asked is in the sentences that ask it: "An airline wants our credits for CORSIA. Can we authorize
    # ITMOs for that?" asks an Article 6 rule, its first sentence is the situation.
    asked = " ".join(sentence for sentence in SENTENCE.split(question) if "?" in sentence) or question
    asked_anchor = ANCHOR.search(asked)
    for topic, pattern in TOPICS.items():
        found = pattern.search(question)
        if found and anchor is None:
            return topic
        found = pattern.search(asked)
        if found and (asked_anchor is None or found.start() < asked_anchor.start()) and heads(found, asked):
            return topic
    country = country_names().search(question)
    if country and TARGET.search(question) and (anchor is None or not PERMISSION.search(question)):
        # A named country's own targets and plans; what a country may or must do with ITMOs is a rule.
        return "targets"
    if anchor is None and OTHER_PROCESS.search(question):
        return "processes"
    return None


def heads(found: re.Match[str], asked: str) -> bool:
    """Whether a neighbour found before Article 6 is what the question is about: a named body or scheme ("the
    Gold Standard's fees", "Verra", "CBAM"), or any neighbour among the question's first words ("Le mécanisme
    d'ajustement carbone aux frontières ..."). A policy named further on is the matter of an Article 6
    question: "Which programmes help countries design carbon pricing and the institutions for Article 6?"."""
    return any(ch.isupper() for ch in found.group()) or len(asked[:found.start()].split()) <= HEAD_WORDS


def declined(topic: str, language: str) -> str:
    """The honest decline for a neighbouring subject, saying what the bot covers instead."""
    return say("reply.decline", language, topic=say(f"reply.declined.{topic}", language),
               scope=say("reply.scope", language))


# A name: a capitalised word or acronym (with any capitalised words after it), "REA6.4" and "GEF-9" included.
NAME = re.compile(r"(?<![\w.'’])[A-Z][\w+&.-]*(?:\s+[A-Z][\w+&.-]*)*")
ALIAS = re.compile(r"\s*\(([^()]{1,60})\)")
VOCABULARY_WORD = re.compile(r"[\w+&.-]+")


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every word the knowledge base uses, lower-cased: what it can be asked about."""
    return frozenset(normal(w) for text in texts for w in VOCABULARY_WORD.findall(text))


def normal(word: str) -> str:
    """A word as the vocabulary keeps it: lower case, no hyphens ("RE-A6.4" and "REA6.4" are one acronym)."""
    return word.lower().strip(".-,;:").replace("-", "")


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every word of a country's or region's name in English, French and Spanish (CLDR, through Babel).
    Officials name their own country in questions about the rules ("Can Peru use the international registry?"):
    a country is a Party, which the rules speak of without naming it, so its name is never an unknown subject.
    A country's own affairs ("Kenya's climate council") stay unknown subjects, and its own targets are declined
    by the topic rules."""
    names = (name for language in ("en", "fr", "es") for name in Locale(language).territories.values())
    return frozenset(normal(word) for name in names for word in VOCABULARY_WORD.findall(name))


def unknown_name(question: str, known: frozenset[str]) -> str | None:
    """The first name in the question (past its first word, which is capitalised anyway) that has a word the
    knowledge base never uses, a country's name excepted; None when the question names Article 6 or only
    things the sources know."""
    if ANCHOR.search(question):
        return None
    opening = len(question) - len(question.lstrip(" ¿¡\"'«"))
    for match in NAME.finditer(question):
        name = match.group().rstrip(".-")
        if match.start() == opening:  # the question's first word: capitalised as a sentence start
            name = name.partition(" ")[2]
        alias = ALIAS.match(question, match.end())  # "URCE (CER)": the name explained by a word the sources use
        if alias and all(is_known(w, known) for w in alias.group(1).split()):
            continue
        possessive = question.startswith(("'s", "’s"), match.end())  # "Kenya's climate council": its own affairs
        if name and not all(is_known(w, known) or (normal(w) in place_words() and not possessive)
                            for w in name.split()):
            return name
    return None


def is_known(word: str, known: frozenset[str]) -> bool:
    """A word the sources use, in the singular or the plural ("CER" where they say "CERs")."""
    word = normal(word)
    return not word or word in known or f"{word}s" in known or (word.endswith("s") and word[:-1] in known)


def declined_name(name: str, language: str) -> str:
    """The honest decline for a question about something the sources never mention, naming it."""
    return say("reply.decline_named", language, name=name, scope=say("reply.scope", language))
