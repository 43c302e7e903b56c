"""Elliptical follow-ups spelled out from the conversation's last question: "and for 6.4?", "what about the
deadline?", "and what goes in it?", "et pour le 6.4 ?", "¿y cuál es el plazo?". A message that carries its
own subject is a new question and is left alone, so an earlier subject never leaks into it.

Rules rather than a model: a follow-up is short and shaped in a few ways (another Article 6 paragraph,
another subject in the same question, an aspect of the same subject, a pronoun for it), and the rules say
exactly which (`a6bot bench answers` scores the follow-up turns of the dialogue sets).
"""

from __future__ import annotations

import re

from bot.conversations import Context

WORD = re.compile(r"[\w.'’-]+")
MARKER = re.compile(
    r"^\s*[¿¡]?\s*(?:(?:and|but|also|so|ok(?:ay)?|then)\s+(?:what|how)\s+about|what\s+about|how\s+about|"
    r"and(?:\s+also)?|but|also|ok(?:ay)?|then|et\s+qu'en\s+est-il(?:\s+d[eu]s?)?|qu'en\s+est-il(?:\s+d[eu]s?)?|"
    r"quid\s+d[eu]s?|et|mais|aussi|alors|y\s+qué\s+hay\s+de(?:l)?|qué\s+hay\s+de(?:l)?|qué\s+pasa\s+con|y|e|pero|"
    r"también|entonces)\b[\s,]*", re.IGNORECASE)
PARAGRAPH = re.compile(r"\b6\s*\.\s*([248])\b|\b6\s*,?\s*(?:paragraph|paragraphe|párrafo)\s*([248])\b", re.I)
FUNCTION = {
    "en": {"for", "the", "a", "an", "of", "in", "on", "to", "under", "with", "about", "article", "paragraph", "is",
           "are", "was", "were", "do", "does", "did", "what", "when", "who", "whom", "which", "how", "why", "where",
           "can", "could", "must", "should", "will", "would", "be", "there", "any", "one", "ones", "goes", "go",
           "long", "much", "many", "by", "again", "then", "please"},
    "fr": {"pour", "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "en", "sur", "article",
           "l'article", "paragraphe", "est", "sont", "quel", "quelle", "quels", "quelles", "qui", "que", "quoi",
           "quand", "comment", "combien", "où", "qu'est-ce", "qu'", "c'est", "y", "a-t-il", "il", "elle", "ils",
           "elles", "on", "doit", "doivent", "peut", "faut", "dans", "par"},
    "es": {"para", "el", "la", "los", "las", "un", "una", "de", "del", "en", "sobre", "al", "artículo", "párrafo",
           "es", "son", "cuál", "cuáles", "quién", "quiénes", "qué", "cuándo", "cómo", "cuánto", "cuántos",
           "cuánta", "dónde", "se", "hay", "debe", "deben", "puede", "por", "con"},
}
PRONOUNS = {
    "en": {"it", "its", "they", "them", "their", "this", "that", "these", "those"},
    "fr": {"il", "elle", "ils", "elles", "cela", "ça", "son", "sa", "ses", "leur", "leurs", "celui-ci", "celle-ci"},
    "es": {"su", "sus", "eso", "esto", "ello", "él", "ella", "ellos", "ellas", "lo", "los", "las"},
}
POSSESSIVES = {"its", "their", "son", "sa", "ses", "leur", "leurs", "su", "sus"}
# What a follow-up may ask about the same subject without naming it.
ASPECTS = {"deadline", "deadlines", "due", "date", "dates", "timeline", "timing", "when", "contents", "content",
           "cost", "fee", "fees", "requirements", "steps", "who", "délai", "délais", "échéance", "date", "contenu",
           "coût", "frais", "étapes", "exigences", "plazo", "plazos", "fecha", "contenido", "costo", "coste",
           "requisitos", "pasos", "mandato", "mandat", "term", "terms", "durée", "duración", "serve", "dura",
           "composition", "composición", "members", "membres", "miembros", "review", "examen", "examen"}
ARTICLES = {"en": ("the", "a", "an"), "fr": ("le", "la", "les", "l'", "un", "une"), "es": ("el", "la", "los", "las",
                                                                                         "un", "una")}
DEFINITE = {"a": "the", "an": "the", "un": "le", "une": "la", "una": "la"}
STOP_NP = {"be", "is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "must", "should", "can",
           "could", "will", "would", "may", "need", "needs", "est", "sont", "doit", "doivent", "peut", "peuvent",
           "a-t-il", "es", "son", "debe", "deben", "puede", "pueden", "hay", "tiene", "está", "están", "se"}
AUXILIARY_START = re.compile(r"^\s*(?:what|how|when|who|which|where|why)\s+(?:\w+\s+)?(is|are|does|do|did|must|"
                             r"should|can|was|were)\b", re.I)
FOR = {"en": "for", "fr": "pour", "es": "de"}
QUESTION_WORDS = {"what", "when", "who", "how", "which", "why", "where", "is", "are", "does", "do", "can", "must",
                  "quel", "quelle", "quels", "quelles", "quand", "qui", "comment", "combien", "que", "qu'est-ce",
                  "est-ce", "cuál", "cuáles", "cuándo", "quién", "cómo", "cuánto", "cuántos", "qué", "dónde"}
LEADING_PREPOSITION = re.compile(r"^\s*(?:for|pour|para|about|de|du|des|del|sur|sobre)\s+", re.I)
CONTRACTIONS = [(re.compile(r"\bde el\b"), "del"), (re.compile(r"\ba el\b"), "al"), (re.compile(r"\bde le\b"), "du"),
                (re.compile(r"\bde les\b"), "des"), (re.compile(r"\bpour l' "), "pour l'")]


def tokens(text: str) -> list[str]:
    return [t.lower().strip(".'’") or t.lower() for t in WORD.findall(text)]


def own_words(text: str, language: str) -> list[str]:
    """The words that could name a subject: not function words, pronouns or article paragraph numbers."""
    skip = FUNCTION.get(language, set()) | FUNCTION["en"] | PRONOUNS.get(language, set()) | PRONOUNS["en"]
    return [t for t in tokens(text) if t not in skip and not PARAGRAPH.fullmatch(t) and not t.isdigit()
            and len(t) > 1]


def subject_of(question: str) -> tuple[int, int] | None:
    """Where the subject noun phrase of a question is: from its first article (or, in "When is annual
    information due?", from after the auxiliary) to the first verb, e.g. "the Article 6.2 initial report" in
    "When must the Article 6.2 initial report be submitted?"."""
    words = list(re.finditer(r"[^\s?¿!]+", question))
    articles = {a for group in ARTICLES.values() for a in group}
    starts = [n for n, match in enumerate(words)
              if match.group().lower() in articles or (match.group().lower().startswith("l'") and len(match.group()) > 2)]
    auxiliary = AUXILIARY_START.match(question)
    if not starts and auxiliary:
        starts = [n for n, match in enumerate(words) if match.start() >= auxiliary.end()][:1]
    for n in starts:
        end = next((m for m in range(n + 1, len(words)) if words[m].group().lower() in STOP_NP), len(words))
        # "What does the review check?", "How is the body composed?": the last word is the verb.
        last = words[end - 1].group().lower()
        if end == len(words) and end - n >= 2 and auxiliary and (
                auxiliary.group(1).lower() not in {"is", "are", "was", "were"} or last.endswith("ed") or last == "due"):
            end -= 1
        if end > n:
            return words[n].start(), words[end - 1].end()
    return None


def definite(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    article = DEFINITE.get(first.lower())
    return f"{article} {rest}" if article and rest else phrase


def tidy(text: str) -> str:
    for pattern, replacement in CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = " ".join(text.split())
    first = next((n for n, ch in enumerate(text) if ch.isalpha()), None)
    return text if first is None else text[:first] + text[first].upper() + text[first + 1:]


def question_mark(text: str, language: str) -> str:
    text = text.strip().rstrip("?").rstrip()
    if language == "es" and not text.startswith("¿"):
        text = "¿" + text
    return text + (" ?" if language == "fr" else "?")


def with_paragraph(previous: str, paragraph: str) -> str:
    """The previous question about another paragraph of Article 6."""
    if PARAGRAPH.search(previous):
        return PARAGRAPH.sub(f"6.{paragraph}", previous, count=1)
    return question_mark(previous, "en")[:-1] + f" (Article 6.{paragraph})?"


def resolve(question: str, context: Context, language: str) -> str:
    """The full question a follow-up stands for, or the question itself when it stands alone."""
    marker = MARKER.match(question)
    rest = question[marker.end():] if marker else question
    own = own_words(rest, language)
    words = tokens(rest)
    pronoun = next((w for w in words if w in PRONOUNS.get(language, set()) | PRONOUNS["en"]), None)
    paragraph = PARAGRAPH.search(rest)
    subject_words = [w for w in own if w not in ASPECTS]
    previous = context.question
    if paragraph and not subject_words:
        return with_paragraph(previous, paragraph.group(1) or paragraph.group(2))
    span = subject_of(previous)
    if span is None:
        return question
    subject = definite(previous[span[0]:span[1]])
    asks = bool(words) and words[0] in QUESTION_WORDS
    if marker and subject_words and len(own) <= 4 and not pronoun and not asks:
        # "and for annual information?": the same question about another subject.
        new = LEADING_PREPOSITION.sub("", rest.strip(" ?¿"))
        return tidy(previous[:span[0]] + new + previous[span[1]:])
    if pronoun and len(subject_words) <= 2:
        return tidy(question_mark(replace_pronoun(rest, pronoun, subject, language), language))
    if not subject_words and (marker or len(words) <= 4):
        return tidy(question_mark(aspect_question(rest, language) + f" {FOR[language]} {subject}", language))
    return question


def replace_pronoun(rest: str, pronoun: str, subject: str, language: str) -> str:
    """English pronouns are replaced by the subject; French and Spanish ones (clitics, possessives) keep their
    place and the subject is named at the end."""
    pattern = re.compile(rf"\b{re.escape(pronoun)}\b", re.IGNORECASE)
    if language == "en":
        replacement = f"{subject}'s" if pronoun in POSSESSIVES else subject
        return pattern.sub(replacement, rest, count=1)
    if pronoun in POSSESSIVES:
        rest = pattern.sub({"fr": "le", "es": "el"}[language], rest, count=1)
    return rest.strip().rstrip("?").rstrip() + f" {FOR[language] if language == 'es' else 'de'} {subject}"


def aspect_question(rest: str, language: str) -> str:
    """"the deadline" -> "What is the deadline"; a question already ("cuál es el plazo") stays as it is."""
    text = rest.strip().strip("?¿ ").strip()
    first = tokens(text)[:1]
    if first and first[0] in QUESTION_WORDS:
        return text
    lead = {"en": "What is", "fr": "Qu'en est-il de", "es": "¿Cuál es"}[language]
    return f"{lead} {text}"
