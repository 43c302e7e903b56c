"""The core's own words in English, French and Spanish: what it says when it is unsure, declines, greets or
quotes English sources. Adapters add their own texts (buttons, help); these travel inside an Answer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

T = TypeVar("T")

SCOPE = {
    "en": "I answer questions on Article 6 of the Paris Agreement (6.2 cooperative approaches, the 6.4 mechanism, "
          "6.8 non-market approaches, reporting, registries) and on the A6IP's work.",
    "fr": "Je réponds aux questions sur l'article 6 de l'Accord de Paris (démarches concertées de l'article 6.2, "
          "mécanisme établi par le paragraphe 4 de l'article 6, démarches non fondées sur le marché, communication "
          "d'informations, registres) et sur les travaux de l'A6IP.",
    "es": "Respondo preguntas sobre el artículo 6 del Acuerdo de París (enfoques cooperativos del artículo 6.2, "
          "mecanismo del artículo 6.4, enfoques no relacionados con el mercado, presentación de información, "
          "registros) y sobre el trabajo de la A6IP.",
}

EXAMPLES = {
    "en": ["When is annual information under Article 6.2 due?", "What is a corresponding adjustment?"],
    "fr": ["Quand faut-il soumettre les informations annuelles au titre de l'article 6.2 ?",
           "Qu'est-ce qu'un ajustement correspondant ?"],
    "es": ["¿Cuándo se debe presentar la información anual del artículo 6.2?", "¿Qué es un ajuste correspondiente?"],
}

GREETING = {"en": "Hello!", "fr": "Bonjour !", "es": "¡Hola!"}
THANKS = {"en": "You're welcome!", "fr": "Avec plaisir !", "es": "¡De nada!"}
FAREWELL = {"en": "Goodbye!", "fr": "Au revoir !", "es": "¡Hasta luego!"}
TRY = {"en": "For example:", "fr": "Par exemple :", "es": "Por ejemplo:"}

UNSURE = {
    "en": "I don't have a confident answer to that. The closest sources I found are below; "
          "A6IP staff can help (use the 'ask A6IP staff' button or write to {contact}).",
    "fr": "Je n'ai pas de réponse sûre à cette question. Les sources les plus proches sont ci-dessous ; "
          "l'équipe A6IP peut vous aider (bouton « demander à l'équipe A6IP » ou {contact}).",
    "es": "No tengo una respuesta segura a esa pregunta. Abajo están las fuentes más cercanas; "
          "el equipo de A6IP puede ayudarle (botón «preguntar al equipo A6IP» o {contact}).",
}
EMPTY = {
    "en": "I don't have a confident answer to that, and found no source close to it. "
          "A6IP staff can help ({contact}).",
    "fr": "Je n'ai pas de réponse sûre et aucune source proche. L'équipe A6IP peut vous aider "
          "({contact}).",
    "es": "No tengo una respuesta segura ni encontré fuentes cercanas. El equipo de A6IP puede ayudarle "
          "({contact}).",
}
# A French or Spanish question that only English material answers: said in the asker's language, then quoted.
ENGLISH_ONLY = {
    "fr": "Mes sources ne répondent à cette question qu'en anglais ; voici l'extrait qui y répond :",
    "es": "Mis fuentes solo responden a esta pregunta en inglés; este es el extracto que responde:",
}
ENGLISH_ONLY_MORE = {"fr": "Autres sources (en anglais) :", "es": "Otras fuentes (en inglés):"}

DECLINED = {
    "funds": {"en": "other climate funds and finance goals", "fr": "les autres fonds et objectifs de financement "
              "climatique", "es": "otros fondos y objetivos de financiación climática"},
    "targets": {"en": "countries' own NDC targets", "fr": "les objectifs des CDN des pays",
                "es": "las metas de las CDN de cada país"},
    "markets": {"en": "other carbon markets and carbon prices", "fr": "les autres marchés du carbone et les prix "
                "du carbone", "es": "otros mercados de carbono y los precios del carbono"},
}
DECLINE = {
    "en": "That is outside what I cover: I have no reliable sources on {topic}. {scope} For {topic}, see unfccc.int "
          "or the body concerned.",
    "fr": "Cela sort de mon domaine : je n'ai pas de sources fiables sur {topic}. {scope} Pour {topic}, voir "
          "unfccc.int ou l'organisme concerné.",
    "es": "Eso está fuera de mi ámbito: no tengo fuentes fiables sobre {topic}. {scope} Para {topic}, consulte "
          "unfccc.int o el organismo correspondiente.",
}
HORIZON = {
    "en": "My sources cover decisions up to {session}, {month_year}; for later sessions see unfccc.int.",
    "fr": "Mes sources couvrent les décisions jusqu'à la {session}, {month_year} ; pour les sessions "
          "suivantes, voir unfccc.int.",
    "es": "Mis fuentes cubren las decisiones hasta la {session}, {month_year}; para las sesiones posteriores, "
          "consulte unfccc.int.",
}
ANSWERING = {"en": "Answering: {question}", "fr": "Question comprise : {question}",
             "es": "Pregunta entendida: {question}"}
AS_OF = {"en": "(as of {date})", "fr": "(au {date})", "es": "(a {date})"}
PASSED = {"en": "The date of {date} has passed.", "fr": "La date du {date} est passée.",
          "es": "La fecha del {date} ya pasó."}


def pick(texts: Mapping[str, T], language: str) -> T:
    """The text in the asker's language, English when there is none."""
    return texts.get(language) or texts["en"]


def greeting(kind: str, language: str) -> str:
    """A short friendly reply to a greeting, thanks or goodbye, with two example questions."""
    opener = pick({"greeting": GREETING, "thanks": THANKS, "farewell": FAREWELL}[kind], language)
    examples = "\n".join(f"- {example}" for example in pick(EXAMPLES, language))
    return f"{opener} {pick(SCOPE, language)} {pick(TRY, language)}\n{examples}"


def declined(topic: str, language: str) -> str:
    return pick(DECLINE, language).format(topic=pick(DECLINED[topic], language), scope=pick(SCOPE, language))
