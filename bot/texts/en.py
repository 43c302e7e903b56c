"""The bot's own words in English: the reference every other language mirrors key for key.

Markup is platform-neutral: *bold* and `code`; each adapter turns it into its own (Telegram HTML, Slack
mrkdwn, plain text). {ask}, {events}... are the channel's spelling of a command (`/events`, `/a6 events`).
"""

MESSAGES: dict[str, str] = {
    "command.start": "What this bot does",
    "command.help": "How to ask and subscribe",
    "command.ask": "Ask a question about Article 6",
    "command.events": "Upcoming trainings and working-group meetings",
    "command.subscribe": "Get event announcements on topics",
    "command.unsubscribe": "Stop event announcements",
    "command.subscriptions": "What this chat is subscribed to",
    "command.timezone": "Show event times in your time zone",
    "welcome": (
        "Hello! I am the *A6IP bot* of the Paris Agreement Article 6 Implementation Partnership.\n\n"
        "*Ask* me about Article 6 rules (authorization, reporting, tracking, corresponding adjustments, the 6.4 "
        "mechanism…): just type your question. I answer from the official decisions and guidance and cite my "
        "sources. In a group or channel, mention me, reply to me, or use {ask}.\n\n"
        "*Stay informed*: {events} lists upcoming trainings and working-group meetings; {subscribe} sends you "
        "announcements and reminders on the topics you choose, in your time zone ({timezone}).\n\n"
        "{help} lists all commands."),
    "help": (
        "*Asking*\n"
        "• In a private conversation: type your question.\n"
        "• In a group or channel: `{ask} your question`, mention me, or reply to one of my messages.\n"
        "Under each answer: 👍 / 👎 to tell us if it helped, and *ask A6IP staff* to pass it to a person.\n\n"
        "*Events*\n"
        "{events} — upcoming events (`{events} reporting` for one topic)\n"
        "{subscribe} — announcements and reminders here: `{subscribe} reporting, tracking` or `{subscribe} all`\n"
        "{unsubscribe} — stop everything, or `{unsubscribe} reporting`\n"
        "{subscriptions} — what is sent here\n"
        "{timezone} — `{timezone} Africa/Nairobi` or `{timezone} Tokyo`\n\n"
        "Topics: {topics}"),
    "ask.usage": "Type your question after the command, for example: `{ask} When is annual information due?`",
    "ask.mention": "Yes? Ask me a question about Article 6, for example: what is an ITMO?",
    "not_text": "I can only read text. Please type your question, or send {help} to see what I can do.",
    "edited": "I answer new messages only: please send your corrected question as a new message.",
    "failed": "Sorry, something went wrong on my side. Please try again in a minute.",
    "unknown_command": "I don't know {command}. Send {help} to see what I can do.",
    "admins_only": "Only the group's administrators can change its subscriptions.",
    "button.expired": "This button no longer works; please send your request again.",
    "button.helpful": "👍 helpful",
    "button.not_helpful": "👎 not helpful",
    "button.staff": "ask A6IP staff",
    "button.earlier": "‹ earlier",
    "button.later": "later ›",
    "button.all_topics": "All topics",
    "button.done": "Done",
    "feedback.thanks": "Thanks, your feedback is recorded.",
    "feedback.gone": "That question is no longer on record.",
    "saved": "Saved",
    "answer.sources": "Sources",
    "answer.shortened": "(answer shortened to fit one message)",
    "staff.sent": "I have passed your question to A6IP staff; someone will get back to you.",
    "staff.none": ("Your question is flagged for A6IP staff, but no staff channel is set up for this bot, so "
                   "nobody is notified right away. You can also write to {contact}."),
    "staff.failed": "Sorry, I could not reach the A6IP staff channel. Please write to {contact}.",
    "staff.gone": "That question is no longer on record; please ask again.",
    "staff.refusal": ("Sorry, {command} is only for A6IP staff. If you are on the team, ask an administrator to "
                      "add you to A6BOT_ADMINS ({who})."),
    "sub.choose": "Tap topics to follow or stop following them, then *Done*.",
    "sub.none": "No event notices are sent here. Use {subscribe} to choose topics.",
    "sub.summary": "Event notices here: *{topics}*. Times are shown in {zone}.",
    "sub.every_topic": "every topic",
    "sub.paused": "⏸ Paused ({reason}); {subscribe} again to resume.",
    "sub.ended": "Done: no more event notices here.",
    "tz.current": "Times are shown in {zone}. Change it with `{timezone} Europe/Paris` or a city: `{timezone} Tokyo`.",
    "tz.set": "Done: times are now shown in {zone}.",
    "events.header": "*Upcoming events{about}* (times in {zone}; change with {timezone})",
    "events.about": " on {topic}",
    "events.none": "No upcoming events{about} are scheduled yet.",
    "events.no_more": "No more events.",
    "error.topic": "unknown topic '{word}'; known topics: {topics}",
    "error.zone": ("I don't know the time zone '{zone}'. Use an IANA name such as Africa/Tunis or America/Nassau, "
                   "or a large city near you such as Tokyo."),
    "error.zone_empty": "Please give a time zone, for example Europe/Paris, or a city such as Tokyo.",
    "error.not_subscribed": "No event notices are sent here yet: subscribe to a topic first.",
    "notice.announce": "New event",
    "notice.reminder-7d": "In one week",
    "notice.reminder-1d": "Tomorrow",
    "notice.change": "Event changed",
    "notice.cancel": "Event cancelled",
    "notice.digest": "This week's events",
    "notice.when": "When",
    "notice.where": "Where",
    "notice.register": "Register",
    "notice.calendar": "Add to calendar (.ics)",
    "notice.your_time": "your time",
    "notice.organiser": "organiser",
    "notice.all_day": "all day",
    "where.online": "Online",
    "where.hybrid": "{place} and online (hybrid)",
    "where.in_person": "in person",
    "where.tba": "to be announced",
    "status.cancelled": "CANCELLED",
    "status.postponed": "POSTPONED",
    "field.title": "title",
    "field.starts_at": "starts at",
    "field.ends_at": "ends at",
    "field.timezone": "time zone",
    "field.all_day": "all day",
    "field.place": "place",
    "field.online": "online",
    "field.hybrid": "hybrid",
    "field.registration_url": "registration link",
    "field.status": "status",
}

TOPICS: dict[str, str] = {
    "authorization": "Authorization",
    "reporting": "Reporting",
    "tracking": "Tracking",
    "private-sector": "Private sector",
    "6.2": "Article 6.2 cooperative approaches",
    "6.4": "Article 6.4 mechanism (PACM)",
    "6.8": "Article 6.8 non-market approaches",
    "methodology": "Methodologies",
    "capacity-building": "Capacity building",
    "corresponding-adjustments": "Corresponding adjustments",
}

KINDS: dict[str, str] = {
    "training": "Training",
    "wg-meeting": "Working-group meeting",
    "plenary": "Plenary",
    "workshop": "Workshop",
    "webinar": "Webinar",
    "side-event": "Side event",
    "conference": "Conference",
    "other": "Event",
}
