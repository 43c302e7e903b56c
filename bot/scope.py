"""Questions next door to the bot's subject that it must decline rather than answer from nearby Article 6
passages: other climate funds and finance goals, other UNFCCC processes, countries' own NDC targets, other
carbon markets and carbon prices. A question that names Article 6 itself is never declined here.

Why rules and not only the confidence score: these questions share many words with Article 6 passages (finance,
adaptation, NDC, emissions), so retrieval finds close passages and the score alone cannot tell them apart
(README, held-out 2). The patterns name the neighbouring subjects themselves, in English, French and Spanish.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.texts import say

ANCHOR = re.compile(
    r"\barticles?\s*6\b|\bart[ií]culo\s*6\b|\b6\.[248]\b|\bITMOs?\b|\bRATI\b|\bRMTI\b|\bA6\.4ERs?\b|"
    r"corresponding adjustment|ajustements? correspondants?|ajustes? correspondientes?|cooperative approach|"
    r"démarches? concertées?|enfoques? cooperativos?|supervisory body|organe de supervision|órgano de supervisión|"
    r"\bA6IP\b|\bCARP\b|share of proceeds|\bOMGE\b|mechanism registry|non-market|non fondées sur le marché|"
    r"no relacionados con el mercado|\bPACM\b|paris agreement crediting|initial report|rapport initial|"
    r"informe inicial|authori[sz]|autoris|autoriz", re.IGNORECASE)

TOPICS = {
    "funds": re.compile(
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
        r"\bEU ETS\b|emissions? trading (?:system|scheme)|système d'échange de quotas|système d'échange|"
        r"sistema de comercio de emisiones|\bETS\b|\bCORSIA\b|\bCBAM\b|carbon border|ajustement carbone aux "
        r"frontières|ajuste en frontera|voluntary carbon market|marché volontaire|mercado voluntario|\bVerra\b|"
        r"gold standard|\bVCS\b|\bICVCM\b|\bVCMI\b|\ballowances?\b|carbon tax|taxe carbone|impuesto al carbono|"
        # Carbon pricing as a policy is a neighbour too, unless the question ties it to Article 6 (checked first).
        r"carbon pricing|tarification du carbone|fijación de precios (?:al|del) carbono|"
        r"(?:national|domestic) carbon market|marché (?:national|intérieur) du carbone|mercado (?:nacional|interno) de "
        r"carbono|"
        r"\bbuy\w*\s+(?:carbon\s+)?(?:offsets|credits)\s+for\s+(?:my|our)\b", re.IGNORECASE),
}
PRICE = re.compile(r"\b(?:prices?|prix|precios?)\b|how much (?:does|do|is|are)\b.*\b(?:cost|worth)\b|"
                   r"combien (?:coûte|vaut)|cuánto (?:cuesta|vale)|\b(?:trad(?:e|es|ing)|sell(?:s|ing)?|sold)\s+"
                   r"(?:for|at)\b|se (?:vend|négocie)|se (?:vende|negocia|cotiza)", re.IGNORECASE)
# What the mechanism itself charges (fees for registration, issuance, renewal) is a rule, not a market price.
NOT_A_PRICE = re.compile(r"confidential|confidenti|report|fee\b|fees\b|levy|frais|tasa|share of proceeds|"
                         r"\bissu(?:e|ing|ance)\b|regist|enregistr|délivr|emisión|expedición|renew|renouvel|renova",
                         re.IGNORECASE)
TARGET = re.compile(r"\bNDCs?\b|\bCDNs?\b|target|objectif|\bmetas?\b|net[- ]zero|neutralité|neutralidad|"
                    r"emissions? reductions?|réduction des émissions|reducción de emisiones|pledge|promet|"
                    r"compromiso|\bcut emissions\b|reduce emissions", re.IGNORECASE)
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
    """'funds', 'markets' or 'targets' when the question is about a neighbouring subject, else None."""
    if PRICE.search(question) and not NOT_A_PRICE.search(question):
        return "markets"
    if ANCHOR.search(question):
        return None
    for topic, pattern in TOPICS.items():
        if pattern.search(question):
            return topic
    if TARGET.search(question) and country_names().search(question):
        return "targets"
    return None


def declined(topic: str, language: str) -> str:
    """The honest decline for a neighbouring subject, saying what the bot covers instead."""
    return say("reply.decline", language, topic=say(f"reply.declined.{topic}", language),
               scope=say("reply.scope", language))
