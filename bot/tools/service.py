"""The catalogue as the bot and the channels use it (`services.tools`): recommendations as answers of kind
"tools", the one fitting tool under a rulebook answer, and the listing behind `/tools [topic]` and the web
page. Everything returned is a frozen `Resource` or an `Answer`, never a row."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

from bot.answering import Answer, RuleMatch
from bot.compose import Source, trim_words
from bot.outreach.topics import parse_topics
from bot.storage import Database
from bot.texts import any_topic_label, say
from bot.tools import store
from bot.tools.catalogue import TOPICS, Resource
from bot.tools.cues import asked_language, asks_for_material, fold, seeks_resource, speaks_of_parties
from bot.tools.recommend import RULE_MARGIN, Pick, Recommender, choose, needed_language
from index import Encoder
from index.prebuilt import Prebuilt

REASON_WORDS = 28
FIRST_SENTENCE = re.compile(r"(.+?[.!?])(?:\s|$)")


def parse_tool_topic(text: str) -> str | None:
    """The catalogue topic a person typed ("reporting", "registres", "NDC", "6.4"); None when none fits.
    UserError (from the topics parser) for a word that is no topic at all."""
    folded = fold(text)
    for topic in TOPICS:
        labels = {fold(any_topic_label(topic, lang)) for lang in ("en", "fr", "es")} | {topic}
        if folded in labels:
            return topic
    found = parse_topics(text)
    return found[0] if found else None


def languages_text(resource: Resource, language: str) -> str:
    return ", ".join(say(f"language.{code}", language) if code in ("en", "fr", "es", "ar") else code
                     for code in resource.languages)


def kind_text(resource: Resource, language: str) -> str:
    return say(f"tools.type.{resource.type}", language)


def reason(resource: Resource, language: str) -> str:
    """One line on why it fits: the first sentence of its description in the asker's language."""
    text = resource.describe(language)
    match = FIRST_SENTENCE.match(text)
    return trim_words(match.group(1) if match else text, REASON_WORDS)


def source(resource: Resource, score: float, language: str) -> Source:
    return Source(title=resource.title, citation=f"{resource.publisher}: {resource.title}", url=resource.url,
                  excerpt=resource.describe(language), score=score, kind="tool")


def compose(question: str, picks: list[Pick], *, language: str, needed: str | None) -> Answer:
    """The answer of kind "tools": an honest note when none is in the needed language, then one line each."""
    if needed is not None and not any(p.in_language for p in picks):
        available = sorted({code for p in picks for code in p.resource.languages} & {"en", "fr", "es", "ar"})
        intro = say("tools.none_in_language", language, language=say(f"language.{needed}", language),
                    available=", ".join(say(f"language.{c}", language) for c in available))
    elif needed is not None:
        intro = say("tools.intro_language", language, language=say(f"language.{needed}", language))
    else:
        intro = say("tools.intro", language)
    lines = [say("tools.item", language, n=n, title=p.resource.title, publisher=p.resource.publisher,
                 kind=kind_text(p.resource, language), languages=languages_text(p.resource, language),
                 reason=reason(p.resource, language)) for n, p in enumerate(picks, start=1)]
    topics = sorted({t for p in picks for t in p.resource.topics})
    return Answer(question=question, text="\n".join([intro, *lines]), answered=True,
                  confidence=round(min(1.0, picks[0].score), 4), sources=[source(p.resource, p.score, language)
                                                                         for p in picks],
                  language=language, topics=topics, kind="tools")


class Tools:
    """The Answerer's tools responder and closing line, and the listing channels show."""

    def __init__(self, db: Database, encoder: Encoder, *, cache: Path | None = None,
                 prebuilt: Prebuilt | None = None) -> None:
        self.db = db
        self.recommender = Recommender(encoder, cache=cache, prebuilt=prebuilt)
        # How closely the knowledge base answers a question (Answerer.rulebook_match), set by the answerer
        # that uses these tools; without it every resource request gets the tool list.
        self.rulebook: Callable[[str, str], RuleMatch] | None = None

    async def warm(self) -> None:
        """Embed the catalogue now (on start), not on the first question someone asks."""
        resources = await store.active(self.db)
        if resources:
            await asyncio.to_thread(self.recommender.embed, resources)

    async def recommend(self, question: str, language: str, *, limit: int = 3) -> list[Pick]:
        """One to three active resources for a question, those in the needed language first."""
        resources = await store.active(self.db)
        picks = await asyncio.to_thread(self.recommender.rank, question, resources, language=language)
        return choose(picks, limit=limit, named=asked_language(question) is not None)

    async def respond(self, question: str, language: str) -> Answer | None:
        """A tools answer for a question that asks for a resource; None for every other question."""
        if not seeks_resource(question) or await self.rule_answers(question, language):
            return None
        picks = await self.recommend(question, language)
        if not picks:
            return None
        return compose(question, picks, language=language, needed=needed_language(question, language))

    async def rule_answers(self, question: str, language: str) -> bool:
        """Whether a question worded as a request ("is there a template for the review report?", "is there a
        registry every Party must have?") is better answered by the rule, which then ends with one tool line:
        the rulebook matches it closely (a curated FAQ entry would lead the answer, or it speaks of Parties
        and a curated question is near) and it does not ask for a kind of thing only partners publish (a
        course, a study, a toolkit, a model letter, another country's example), or the rulebook is clearly
        closer to it than any resource is (RULE_MARGIN). Wording alone could not tell these apart: the same
        "is there a ...?" asks for the rule or for a resource."""
        if self.rulebook is None or asks_for_material(question):
            return False
        match = await asyncio.to_thread(self.rulebook, question, language)
        if match.lead or (match.near and speaks_of_parties(question)):
            return True
        if match.closeness is None:
            return False
        resources = await store.active(self.db)
        tool = await asyncio.to_thread(self.recommender.closest, question, resources)
        return match.closeness - tool > RULE_MARGIN

    async def closing_line(self, question: str, topics: list[str], language: str) -> str | None:
        """One tool named under a rulebook answer when it fits the question closely; None otherwise. A
        question that asked for a resource but got the rule (rule_answers) is named the best it would get."""
        if seeks_resource(question):
            picks = await self.recommend(question, language, limit=1)
            pick = picks[0] if picks else None
        else:
            resources = await store.active(self.db)
            pick = await asyncio.to_thread(self.recommender.strong, question, resources, language=language)
        if pick is None:
            return None
        r = pick.resource
        return say("tools.footer", language, title=r.title, kind=kind_text(r, language),
                   languages=languages_text(r, language), url=r.url)

    @staticmethod
    def parse_topic(text: str) -> str | None:
        """The topic typed after `/tools` (see parse_tool_topic); UserError for a word that is no topic."""
        return parse_tool_topic(text)

    async def listing(self, *, topic: str | None = None, language: str | None = None) -> list[Resource]:
        """Active resources on a topic and in a language (either may be None), by title."""
        return [r for r in await store.active(self.db)
                if (topic is None or topic in r.topics) and (language is None or language in r.languages)]

    async def by_topic(self, language: str) -> list[tuple[str, list[Resource]]]:
        """(topic label, resources) for every topic that has any, in the reader's language, for the web page;
        resources in the reader's language first."""
        resources = await store.active(self.db)
        groups = []
        for topic in TOPICS:
            found = sorted((r for r in resources if topic in r.topics), key=lambda r: (language not in r.languages,
                                                                                         r.title.lower()))
            if found:
                groups.append((any_topic_label(topic, language), found))
        return groups

    def render_listing(self, resources: list[Resource], *, language: str, topic: str | None, command: str,
                       limit: int = 12) -> str:
        """The text of `/tools [topic]`: neutral markup, one line per resource with its link."""
        about = say("tools.about", language, topic=any_topic_label(topic, language)) if topic else ""
        if not resources:
            return say("tools.none", language, about=about)
        ordered = sorted(resources, key=lambda r: (language not in r.languages, r.title.lower()))
        lines = [say("tools.header", language, about=about, count=len(resources))]
        lines += [say("tools.line", language, title=r.title, kind=kind_text(r, language),
                      languages=languages_text(r, language), url=r.url) for r in ordered[:limit]]
        if len(ordered) > limit:
            lines.append(say("tools.more", language, count=len(ordered) - limit, tools=command))
        if topic is None:
            lines.append(say("tools.topic_hint", language,
                             topics=", ".join(f"`{t}`" for t in TOPICS)))
        return "\n".join(lines)
