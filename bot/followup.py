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
    # "los"/"las" left out: in a short follow-up they are articles ("¿y las normas del 6.4?") far more often
    # than clitics.
    "es": {"su", "sus", "eso", "esto", "ello", "él", "ella", "ellos", "ellas", "lo"},
}
POSSESSIVES = {"its", "their", "son", "sa", "ses", "leur", "leurs", "su", "sus"}
# A French or Spanish possessive becomes the article of the same gender and number, the owner named after it.
POSSESSIVE_ARTICLE = {"son": "le", "sa": "la", "ses": "les", "leur": "le", "leurs": "les", "su": "el", "sus": "los"}
# What a follow-up may ask about the same subject without naming it.
ASPECTS = {"deadline", "deadlines", "due", "date", "dates", "timeline", "timing", "when", "contents", "content",
           "cost", "fee", "fees", "requirements", "steps", "who", "délai", "délais", "échéance", "date", "contenu",
           "coût", "frais", "étapes", "exigences", "plazo", "plazos", "fecha", "contenido", "costo", "coste",
           "requisitos", "pasos", "mandato", "mandat", "term", "terms", "durée", "duración", "serve", "dura",
           "composition", "composición", "members", "membres", "miembros", "review", "examen", "examen"}
ARTICLES = {"en": ("the", "a", "an"), "fr": ("le", "la", "les", "l'", "un", "une"), "es": ("el", "la", "los", "las",
                                                                                         "un", "una")}
ARTICLE_WORDS = {a for group in ARTICLES.values() for a in group}
DEFINITE = {"a": "the", "an": "the", "un": "le", "une": "la", "una": "la"}
# Who acts is rarely what a conversation is about: in "Can a Party change an authorization ...?" the subject a
# follow-up refers to is the authorization.
ACTORS = {"party", "parties", "country", "countries", "partie", "parties", "pays", "parte", "partes", "país",
          "países", "host", "participating", "hôte", "participante", "anfitriona", "we", "us", "nous", "nosotros"}
# Words that end a subject noun phrase: verbs and auxiliaries, and conjunctions opening a clause.
OF = {"of", "de", "del", "des", "du"}
CLAUSE = {"after", "before", "when", "if", "once", "until", "since", "because", "while", "après", "avant",
          "lorsque", "quand", "si", "une fois", "después", "antes", "cuando", "mientras"}
# What a yes/no question says of its subject: "Is cancellation ... required under Article 6.2?"
PREDICATE = {"required", "allowed", "permitted", "needed", "mandatory", "possible", "exempt", "public", "published",
             "obligatoire", "obligatoires", "obligatorio", "obligatoria", "exempté", "exemptés", "exentos", "exentas",
             "publique", "pública", "requis", "requise", "necesario", "necesaria"}
STOP_NP = {"be", "is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "must", "should", "can",
           "could", "will", "would", "may", "need", "needs", "est", "sont", "doit", "doivent", "peut", "peuvent",
           "a-t-il", "es", "son", "debe", "deben", "puede", "pueden", "hay", "tiene", "está", "están", "se"}
# "Is cancellation for OMGE required under Article 6.2?": the subject follows the auxiliary.
YES_NO_START = re.compile(r"^\s*(is|are|does|do|must|can|should|will|was|were)\s+(?!there\b|we\b|you\b|it\b)", re.I)
AUXILIARY_START = re.compile(r"^\s*(?:what|how|when|who|which|where|why)\s+(?:\w+\s+)?(is|are|does|do|did|must|"
                             r"should|can|was|were)\b", re.I)
FOR = {"en": "for", "fr": "pour", "es": "de"}
QUESTION_WORDS = {"what", "when", "who", "how", "which", "why", "where", "is", "are", "does", "do", "can", "must",
                  "quel", "quelle", "quels", "quelles", "quand", "qui", "comment", "combien", "que", "qu'est-ce",
                  "est-ce", "cuál", "cuáles", "cuándo", "quién", "cómo", "cuánto", "cuántos", "qué", "dónde"}
# Subjects a question can name on its own: Article 6 terms, bodies, units and reports, in three languages.
SUBJECT = re.compile(
    r"\barticles?\s*6\b|\bart[ií]culo\s*6\b|\b6\s*\.\s*[248]\b|\bITMOs?\b|\bRATIs?\b|\bRMTIs?\b|\bA6\.4ERs?\b|"
    r"\bREA6\.4s?\b|\bA6IP\b|\bCARP\b|\bCDM\b|\bMDL\b|\bCERs?\b|\bOMGE\b|\bAEF\b|\bBTR\b|\bNMAs?\b|\bPACM\b|"
    r"corresponding adjustments?|ajustements? correspondants?|ajustes? correspondientes?|cooperative approach|"
    r"démarches? concertées?|enfoques? cooperativos?|supervisory body|organe de supervision|órgano de supervisión|"
    r"share of proceeds|part des fonds|parte de los fondos|non-market|non fondées? sur le marché|"
    r"no relacionad[oa]s? con el mercado|glasgow committee|comité de glasgow|initial report|rapport initial|"
    r"informe inicial|annual information|informations annuelles|información anual|technical expert review|"
    r"examen technique|examen técnico|mechanism|mécanisme|mecanismo|registry|registre|registro|"
    r"crediting period|période de comptabilisation|período de acreditación|methodolog|méthodolog|metodolog",
    re.IGNORECASE)
DEFINITION = re.compile(r"^\s*(?:what\s+(?:is|are)|what's|qu'est-ce\s+qu(?:e|')|que\s+sont|¿?\s*qué\s+(?:es|son))\b",
                        re.IGNORECASE)
# "does it", "is it", "can they": the pronoun is the subject of the question, whatever else it names.
LEADING_PRONOUN = re.compile(r"^\s*(?:(?:how|what|when|why|where|who|which)\s+)?(?:does|do|is|are|can|could|will|"
                             r"would|must|should|did|was|were|has|have)\s+(?:it|they)\b", re.IGNORECASE)
# A French or Spanish object pronoun between the question word and its verb: "qui l'examine", "quién lo hace".
OBJECT_CLITIC = {
    "fr": re.compile(r"^\s*(qui|que|quand|comment|où)\s+(?:l['’]|les\s+|le\s+|la\s+)(\w+)([^?]*)\??\s*$",
                     re.IGNORECASE),
    "es": re.compile(r"^\s*¿?\s*(quién(?:es)?|qué|cómo|cuándo|dónde)\s+(?:lo|la|los|las)\s+(\w+)([^?]*)\??\s*$",
                     re.IGNORECASE),
}
NO_MATCH = re.compile(r"(?!)")
# A preposition opening a follow-up's phrase ("for removals", "para adaptación", "pour les absorptions").
SLOT = re.compile(r"^\s*(for|pour|para)\s+\S", re.IGNORECASE)
# A demonstrative and the noun it points back with: "those units", "ces unités", "esas unidades".
DEMONSTRATIVE = {
    "en": re.compile(r"\b(those|these|this|that)\s+([a-z][\w-]*)", re.IGNORECASE),
    "fr": re.compile(r"\b(ces|cette|cet|ce)\s+([a-zé][\w-]*)", re.IGNORECASE),
    "es": re.compile(r"\b(esos|esas|estos|estas|ese|esa|este|esta)\s+([a-zá-ú][\w-]*)", re.IGNORECASE),
}
# "a shorter one", "the same one", "there" (not "is there"): words that stand for the previous subject.
POINTING_BACK = {
    "en": re.compile(r"\b(?:a|an|the|that)\s+(?:\w+\s+)?ones?\b(?![\w-])(?!\s+of\b)|(?<!\bis )(?<!\bare )(?<!\bwas )"
                     r"(?<!\bwere )(?<!\bbe )\bthere\b(?!\s+(?:is|are|was|were|be)\b)", re.IGNORECASE),
    "es": re.compile(r"\b(?:allí|ahí|allá)\b", re.IGNORECASE),
}
DEFINITE_OF = {"those": "the", "these": "the", "this": "the", "that": "the", "ces": "les", "cette": "la", "cet": "l'",
               "ce": "le", "esos": "los", "esas": "las", "estos": "los", "estas": "las", "ese": "el", "esa": "la",
               "este": "el", "esta": "la"}
# The subject a follow-up was spelled out with: "(the Article 6.2 initial report)" before the question mark.
BRACKETED = re.compile(r"\(([^()]+)\)\s*\??\s*$")
# An aspect of a subject ("the deadline for", "el plazo del", "le délai pour le"): the subject is its owner.
ASPECT_OWNER = re.compile(r"^(?:the|le|la|les|el|los|las|l')\s*(?:" + "|".join(sorted(ASPECTS, key=len, reverse=True))
                          + r")\s+(for|of|pour|de|du|des|del|to)\s+", re.IGNORECASE)
CONTRACTED = {"del": "el", "du": "le", "des": "les"}
ELLIPTICAL_WORDS = 7  # longer questions carry enough of their own to be answered as asked
# Article 6 paragraphs named by their instrument: "and under the mechanism?" asks about 6.4.
TRACK_NAMES = {
    "4": re.compile(r"\bmechanism\b|\bmécanisme\b|\bmecanismo\b|\bPACM\b", re.IGNORECASE),
    "8": re.compile(r"non-market|non fondées? sur le marché|no relacionad[oa]s? con el mercado|\bNMAs?\b", re.I),
    "2": re.compile(r"cooperative approach(?:es)?|démarches? concertées?|enfoques? cooperativos?", re.IGNORECASE),
}
TRACK_NAME = re.compile("|".join(p.pattern for p in TRACK_NAMES.values()), re.IGNORECASE)
TRACK_FILLER = {"under", "in", "within", "dans", "sous", "bajo", "framework", "cadre", "marco", "approaches",
                "approach", "démarches", "enfoques", "paris", "crediting", "crédit", "acreditación",
                # "same question for 6.4", "does it apply to 6.2 too?", "¿y en el caso del 6.4?": words that ask
                # the same thing again, of another paragraph (a closed class, whatever the subject).
                "same", "question", "case", "cas", "caso", "equivalent", "équivalent", "equivalente", "too",
                "also", "aussi", "también", "apply", "applies", "s'applique", "aplica", "aplican", "regarding",
                "concerning", "concernant", "respecto", "même", "misma",
                "mismo", "pregunta", "it", "that", "ça", "cela", "eso", "esto", "then", "alors", "entonces"}
# A follow-up starting with one of these is a clause ("¿y se publica?", "and is it public?"), not a noun phrase
# that could take the previous subject's place.
VERB_START = {"se", "is", "are", "was", "were", "can", "could", "does", "do", "did", "will", "would", "must",
              "should", "has", "have", "est", "sont", "peut", "doit", "es", "son", "puede", "debe", "hay", "tiene",
              "s'applique", "s'appliquent"}
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
    words = list(re.finditer(r"[^\s?¿!()]+", question))
    articles = {a for group in ARTICLES.values() for a in group}
    starts = [n for n, match in enumerate(words)
              if match.group().lower() in articles or (match.group().lower().startswith("l'") and len(match.group()) > 2)
              or match.group().lower() in {"qu'un", "qu'une"}]
    auxiliary = AUXILIARY_START.match(question) or YES_NO_START.match(question)
    if not starts and auxiliary:
        starts = [n for n, match in enumerate(words) if match.start() >= auxiliary.end()][:1]
    spans = []
    for n in starts:
        end = next((m for m in range(n + 1, len(words)) if ends_phrase(words[m].group())), len(words))
        # "la parte de los fondos" is the share of proceeds: an actor word followed by "of" is a noun's head.
        actors = next((m for m in range(n + 1, end) if words[m].group().lower() not in ACTORS
                       or (m + 1 < end and words[m + 1].group().lower() in OF)), end)
        if actors > n + 1:  # "a host Party authorize ...": the actor alone
            end = actors
        # "What does the review check?", "How is the body composed?": the last word is the verb (never an
        # acronym such as NDC).
        last = words[end - 1].group()
        # Only right after the auxiliary: in "When do we have to submit the initial report?" the verb came first.
        follows = auxiliary is not None and not question[auxiliary.end():words[n].start()].strip()
        if end == len(words) and end - n >= 2 and follows and not last.isupper() and (
                auxiliary.group(1).lower() not in {"is", "are", "was", "were"} or last.endswith("ed") or last == "due"):
            end -= 1
        if end > n:
            elided = 3 if words[n].group().lower().startswith("qu'") else 0  # "qu'un RATI" -> "un RATI"
            spans.append((words[n].start() + elided, words[end - 1].end(), n, end))
    for start, end, first, last in spans:
        if not all(is_actor(w.group()) for w in words[first:last]):
            return start, end
    return spans[0][:2] if spans else None


def previous_subject(previous: str) -> tuple[int, int, str] | None:
    """Where the previous question's subject is and how to name it. A spelled-out follow-up names it in
    brackets ("Is it public (the annual information)?") or after an aspect ("the deadline for the initial
    report"): in a three-turn conversation the third turn still asks about the initial report."""
    bracket = BRACKETED.search(previous)
    if bracket:
        return bracket.start(1), bracket.end(1), bracket.group(1)
    span = subject_of(previous)
    if span is None:
        return None
    phrase = previous[span[0]:span[1]]
    owner = ASPECT_OWNER.match(phrase)
    if owner and owner.end() < len(phrase):
        article = CONTRACTED.get(owner.group(1).lower(), "")
        return span[0] + owner.end(), span[1], (article + " " if article else "") + phrase[owner.end():]
    return span[0], span[1], definite(phrase)


def is_actor(word: str) -> bool:
    lowered = word.lower()
    return lowered in ACTORS or lowered in ARTICLE_WORDS or (lowered.startswith("l'") and lowered[2:] in ACTORS)


def ends_phrase(word: str) -> bool:
    """A verb, an auxiliary ("est-il", "doit-elle" included) or a clause conjunction ends a noun phrase."""
    lowered = word.lower()
    return lowered in STOP_NP or lowered in CLAUSE or lowered in PREDICATE or bool(re.search(r"-(?:il|elle|ils|elles|on)$", lowered))


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


def with_paragraph(previous: str, paragraph: str, language: str) -> str:
    """The previous question about another paragraph of Article 6."""
    if PARAGRAPH.search(previous):
        return PARAGRAPH.sub(f"6.{paragraph}", previous, count=1)
    article = {"en": "Article", "fr": "article", "es": "artículo"}.get(language, "Article")
    return question_mark(previous.strip().rstrip("?").rstrip() + f" ({article} 6.{paragraph})", language)


def track_asked(rest: str, language: str) -> str | None:
    """"6.4", "under the mechanism", "et dans le mécanisme 6.4": the paragraph of Article 6 a follow-up names
    when it names nothing else."""
    paragraph = PARAGRAPH.search(rest)
    named = TRACK_NAME.search(rest)
    if not paragraph and not named:
        return None
    bare = TRACK_NAME.sub(" ", PARAGRAPH.sub(" ", rest))
    if [w for w in own_words(bare, language) if w not in ASPECTS and w not in TRACK_FILLER]:
        return None
    if paragraph:
        return paragraph.group(1) or paragraph.group(2)
    return next(number for number, pattern in TRACK_NAMES.items() if pattern.search(rest))


def readings(question: str, context: Context, language: str) -> list[str]:
    """The questions a follow-up may stand for, the likeliest first; more than one only where the words
    cannot tell ("and for removals?" names another subject or narrows the same one): the answerer keeps the
    reading its sources answer best. A question that stands alone is its own single reading."""
    marker = MARKER.match(question)
    rest = question[marker.end():] if marker else question
    own = own_words(rest, language)
    words = tokens(rest)
    pronoun = next((w for w in words if w in PRONOUNS.get(language, set()) | PRONOUNS["en"]), None)
    subject_words = [w for w in own if w not in ASPECTS]
    previous = context.question
    track = track_asked(rest, language) if marker or len(words) <= ELLIPTICAL_WORDS else None
    if track:
        return [with_paragraph(previous, track, language)]
    slot = SLOT.match(rest)
    if marker and slot and not pronoun and not BRACKETED.search(previous):
        # "and for removals?" after "... crediting period for an emission reduction project?", "¿y para
        # adaptación?" after "... se cancela para la mitigación global?": the follow-up replaces the phrase its
        # preposition opened in the previous question.
        opened = [m for m in re.finditer(rf"\b{re.escape(slot.group(1))}\b", previous, re.IGNORECASE)]
        if opened:
            return [tidy(question_mark(previous[:opened[-1].start()] + rest.strip(" ?¿"), language))]
    named = bool(SUBJECT.search(rest)) or defines(rest, language)
    found = previous_subject(previous)
    span = found[:2] if found else None
    subject = found[2] if found else None
    asks = any(w in QUESTION_WORDS for w in words[:3])
    noun_phrase = bool(words) and words[0] not in VERB_START
    if span and marker and subject_words and len(own) <= 4 and not pronoun and not asks and noun_phrase:
        new = LEADING_PREPOSITION.sub("", rest.strip(" ?¿"))
        narrowed = tidy(question_mark(previous.strip(" ?¿") + " " + rest.strip(" ?¿"), language))
        if new != rest.strip(" ?¿") and DEFINITION.match(previous):
            # "What is a corresponding adjustment?" then "and for a single-year NDC?": the same subject, narrowed.
            return [narrowed]
        # "and for annual information?": the same question about another subject; with a preposition it may
        # also narrow the same one ("and for removals?" after a question on crediting periods).
        replaced = tidy(previous[:span[0]] + new + previous[span[1]:])
        return [replaced, narrowed] if new != rest.strip(" ?¿") else [replaced]
    clitic = OBJECT_CLITIC.get(language, NO_MATCH).match(rest)
    if subject and clitic and not named:
        # "¿y quién lo revisa?" -> "¿Quién revisa el informe inicial ...?": the object named after its verb.
        asked, verb, tail = clitic.groups()
        return [tidy(question_mark(f"{asked} {verb} {subject}{tail}", language))]
    back = POINTING_BACK.get(language, NO_MATCH).search(rest)
    if subject and back and len(words) <= 2 * ELLIPTICAL_WORDS:
        # "can the host country set a shorter one?", "does putting our NMA there commit us?": "one" and
        # "there" stand for the previous subject, whatever else the follow-up names.
        return [tidy(question_mark(f"{rest.strip().strip('?¿').strip()} ({subject})", language))]
    pointer = DEMONSTRATIVE.get(language, NO_MATCH).search(rest)
    if subject and pointer and not named and pointer.group(2).lower() not in STOP_NP | VERB_START:
        # "can those units be used later?", "et qui reçoit ces unités ?": a noun pointed back at is the previous
        # subject (or part of it), named in brackets.
        article = DEFINITE_OF.get(pointer.group(1).lower(), "the")
        pointed = rest[:pointer.start(1)] + article + rest[pointer.end(1):]
        return [tidy(question_mark(f"{pointed.strip().strip('?¿').strip()} ({subject})", language))]
    if subject and pronoun and not named and (len(subject_words) <= 2 or LEADING_PRONOUN.match(rest)):
        return [tidy(question_mark(replace_pronoun(rest, pronoun, subject, language), language))]
    if subject and not subject_words and (marker or len(words) <= 4):
        return [tidy(question_mark(aspect_question(rest, language) + f" {FOR[language]} {subject}", language))]
    if not named and len(words) <= ELLIPTICAL_WORDS:
        # "in what format?", "who can open an account?", "¿están exentos los PMA?": a short question that names
        # no subject of its own asks about the previous one, named in brackets.
        about = subject or previous.strip(" ?¿")
        return [tidy(question_mark(f"{rest.strip().strip('?¿').strip()} ({about})", language))]
    return [question]


def defines(text: str, language: str) -> bool:
    """"What is the consistency check?" names its subject; "what is the deadline?" asks an aspect of another."""
    match = DEFINITION.match(text)
    return bool(match) and any(w not in ASPECTS for w in own_words(text[match.end():], language))


def replace_pronoun(rest: str, pronoun: str, subject: str, language: str) -> str:
    """English pronouns are replaced by the subject; French and Spanish ones (clitics, possessives) keep their
    place and the subject is named at the end."""
    pattern = re.compile(rf"\b{re.escape(pronoun)}\b", re.IGNORECASE)
    if language == "en":
        replacement = f"{subject}'s" if pronoun in POSSESSIVES else subject
        return pattern.sub(replacement, rest, count=1)
    if pronoun in POSSESSIVES:
        rest = pattern.sub(POSSESSIVE_ARTICLE.get(pronoun, "le"), rest, count=1)
    return rest.strip().rstrip("?").rstrip() + f" {FOR[language] if language == 'es' else 'de'} {subject}"


def aspect_question(rest: str, language: str) -> str:
    """"the deadline" -> "What is the deadline"; a question already ("cuál es el plazo") stays as it is."""
    text = rest.strip().strip("?¿ ").strip()
    first = tokens(text)[:1]
    if first and first[0] in QUESTION_WORDS:
        return text
    lead = {"en": "What is", "fr": "Qu'en est-il de", "es": "¿Cuál es"}[language]
    return f"{lead} {text}"
