"""Messages that are not questions: greetings, thanks, goodbyes and the commands that leave a terminal chat.
They get a short reply and are never logged as questions (so never listed as unanswered nor counted)."""

from __future__ import annotations

import re

from bot.texts import say

EXIT_COMMANDS = {"exit", "quit", "/quit", "/exit"}
PHRASES = {
    "greeting": ["hi", "hello", "hey", "hiya", "good morning", "good afternoon", "good evening", "greetings",
                 "bonjour", "bonsoir", "salut", "coucou", "hola", "buenos días", "buenos dias", "buenas tardes",
                 "buenas noches", "buenas", "/start"],
    "thanks": ["thanks", "thank you", "thanks a lot", "many thanks", "thx", "cheers", "great", "ok thanks", "ok", "okay",
               "merci", "merci beaucoup", "super merci", "gracias", "muchas gracias", "mil gracias"],
    "farewell": ["bye", "goodbye", "see you", "au revoir", "à bientôt", "adiós", "adios", "hasta luego"],
}
ADDRESS = r"(?:\s+(?:there|all|everyone|bot|a6bot|a6ip|à tous|a todos|tout le monde))?"
TRAILER = r"[\s!.,;:?¡¿)(😀🙂👋🙏]*"
PATTERNS = {kind: re.compile(r"^[\s¡¿]*(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
                             + r")" + ADDRESS + TRAILER + r"$", re.IGNORECASE)
            for kind, phrases in PHRASES.items()}
LEADING_GREETING = re.compile(r"^\s*(?:hi|hello|hey|bonjour|salut|hola|buenos días|buenas)" + ADDRESS
                              + r"\s*[,!.:;-]+\s*", re.IGNORECASE)


def command(text: str) -> str | None:
    """'exit' for the words that leave a terminal chat, else None."""
    return "exit" if text.strip().lower() in EXIT_COMMANDS else None


def small_talk(text: str) -> str | None:
    """'greeting', 'thanks' or 'farewell' when the whole message is one, else None."""
    for kind, pattern in PATTERNS.items():
        if pattern.match(text):
            return kind
    return None


def without_greeting(text: str) -> str:
    """'Hello, when is annual information due?' is a question: the greeting in front is dropped."""
    stripped = LEADING_GREETING.sub("", text, count=1)
    return stripped if stripped.strip() else text


def greeting(kind: str, language: str) -> str:
    """A short friendly reply to a greeting, thanks or goodbye: what the bot covers and two example questions."""
    return (f"{say(f'reply.{kind}', language)} {say('reply.scope', language)} {say('reply.try', language)}\n"
            f"{say('reply.examples', language)}")
