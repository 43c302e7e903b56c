"""What the bot says about itself: welcome, help, the command menu, and short replies to things it cannot read."""

from __future__ import annotations

from bot.outreach.topics import TOPICS

COMMANDS = [
    ("start", "What this bot does"),
    ("help", "How to ask and subscribe"),
    ("ask", "Ask a question about Article 6"),
    ("events", "Upcoming trainings and working-group meetings"),
    ("subscribe", "Get event announcements on topics"),
    ("unsubscribe", "Stop event announcements"),
    ("subscriptions", "What this chat is subscribed to"),
    ("timezone", "Show event times in your time zone"),
]

WELCOME = (
    "Hello! I am the <b>A6IP bot</b> of the Paris Agreement Article 6 Implementation Partnership.\n\n"
    "<b>Ask</b> me about Article 6 rules (authorization, reporting, tracking, corresponding adjustments, "
    "the 6.4 mechanism…): just type your question. I answer from the official decisions and guidance and "
    "cite my sources. In a group, mention me, reply to me, or use /ask.\n\n"
    "<b>Stay informed</b>: /events lists upcoming trainings and working-group meetings; /subscribe sends you "
    "announcements and reminders on the topics you choose, in your time zone (/timezone).\n\n"
    "/help lists all commands."
)

HELP = (
    "<b>Asking</b>\n"
    "• Private chat: type your question.\n"
    "• Group: <code>/ask your question</code>, mention me, or reply to one of my messages.\n"
    "Under each answer: 👍 / 👎 to tell us if it helped, and <i>ask A6IP staff</i> to pass it to a person.\n\n"
    "<b>Events</b>\n"
    "/events — upcoming events (<code>/events reporting</code> for one topic)\n"
    "/subscribe — choose topics from a keyboard, or <code>/subscribe reporting tracking</code>\n"
    "/unsubscribe — stop everything, or <code>/unsubscribe reporting</code>\n"
    "/subscriptions — what this chat receives\n"
    "/timezone — <code>/timezone Africa/Nairobi</code> or <code>/timezone Tokyo</code>\n\n"
    "Topics: " + ", ".join(f"<code>{t}</code>" for t in TOPICS)
)

ASK_USAGE = "Type your question after the command, for example: <code>/ask When is annual information due?</code>"
MENTION_USAGE = "Yes? Ask me a question about Article 6, for example: <i>what is an ITMO?</i>"
NOT_TEXT = "I can only read text. Please type your question, or send /help to see what I can do."
EDITED = "I answer new messages only: please send your corrected question as a new message."
FAILED = "Sorry, something went wrong on my side. Please try again in a minute."
STAFF_SENT = "I have passed your question to A6IP staff; someone will get back to you."
STAFF_NONE = ("Your question is flagged for A6IP staff, but no staff chat is set up for this bot, so nobody is "
              "notified right away. You can also write to A6_partnership@iges.or.jp.")
GROUP_ADMINS_ONLY = "Only the group's administrators can change its subscriptions."


def unknown_command(command: str) -> str:
    return f"I don't know /{command}. Send /help to see what I can do."
