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
        "*A6IP support*\n"
        "{support} — ask for an A6IP support package for your country (Article 6 strategy, authorization, "
        "reporting, tracking, project initiation, methodology development): eight short questions in a private "
        "chat, then a reference number; A6IP staff take it from there.\n\n"
        "*Tools*\n"
        "{tools} — capacity-building resources (toolkits, guidebooks, courses, case studies): `{tools} reporting` "
        "for one topic, or ask in your own words, e.g. “is there a course on corresponding adjustments?”\n\n"
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
    "button.more": "More",
    "feedback.thanks": "Thanks, your feedback is recorded.",
    "feedback.gone": "That question is no longer on record.",
    "more.gone": "There is nothing more to show for this answer.",
    "saved": "Saved",
    "answer.sources": "Sources",
    "answer.shortened": "(answer shortened to fit one message)",
    "answer.starting": ("I am still starting up and loading the knowledge base; please ask again in a minute."),
    "answer.busy": "Many questions are being answered right now; yours is queued and I will retry in a moment.",
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
    "notice.topics": "Topics",
    "notice.languages": "Languages",
    "notice.open": "Open the resource",
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
    "public.error.expired": "This page has expired; please reload it and try again.",
    "public.error.json": "The request could not be read; please reload the page and try again.",
    "public.error.too_large": "The request is too large.",
    "public.error.field": "The field '{field}' is not valid.",
    "public.error.empty": "Please type something first.",
    "public.error.too_long": "That is {count} characters long; please keep it under {limit} characters.",
    "input.control": "Your text contains an invisible control character ({char}); please type it again.",
    "public.error.too_many": "Too many requests from your address; please wait {seconds} seconds.",
    "public.error.busy": "Many questions are being answered right now; please try again in {seconds} seconds.",
    "email.invalid_address": "Please enter a valid email address, such as name@ministry.gov.",
    "email.check_inbox": ("Almost done: we sent a confirmation link to {address}. Open it to start receiving "
                          "event notices."),
    "email.too_soon": ("A confirmation message was sent to this address a few minutes ago; please check your "
                       "inbox and spam folder."),
    "email.send_failed": "We could not send the confirmation message just now; please try again in a few minutes.",
    "email.added": "{address} now receives event notices on {topics}.",
    "email.confirm.subject": "Please confirm: A6IP event notices",
    "email.confirm.body": ("Someone, hopefully you, asked to receive A6IP event announcements and reminders at "
                           "this address, on {topics}, with times in {zone}.\n\nTo confirm, open this link within "
                           "{days} days:\n{url}\n\nIf you did not ask for this, ignore this message: nothing "
                           "more will be sent."),
    "email.confirm.title": "Confirm your subscription",
    "email.confirm.question": "Receive A6IP event notices on {topics}, with times in {zone}?",
    "email.confirm.button": "Confirm",
    "email.confirmed": ("Subscribed: you will receive A6IP event notices on {topics}. Every message has a link "
                        "to unsubscribe."),
    "email.link_invalid": ("This link has expired or is no longer valid. Subscribe again on the A6IP bot's page "
                           "to get a new one."),
    "email.unsubscribe.title": "Unsubscribe",
    "email.unsubscribe.question": "Stop all A6IP event notices to this address?",
    "email.unsubscribe.button": "Unsubscribe",
    "email.unsubscribed": ("Done: you will receive no more A6IP event notices, and your address has been "
                           "deleted."),
    "email.footer": ("You receive this because this address subscribed to A6IP event notices ({topics}, times "
                     "in {zone})."),
    "email.unsubscribe.link": "Unsubscribe",
    "web.title": "Ask the A6IP bot",
    "web.intro": ("Questions on the Article 6 rulebook (6.2, 6.4, 6.8, reporting, registries) answered from the "
                  "official decisions, with their sources. No sign-in; questions are kept anonymously to "
                  "improve the answers. To ask for an A6IP support package for your country, press “Request A6IP "
                  "support” under the chat."),
    "web.language": "Language",
    "web.conversation": "Conversation",
    "web.you": "You",
    "web.bot": "A6IP bot",
    "web.question": "Your question",
    "web.placeholder": "When is annual information under Article 6.2 due?",
    "web.ask": "Ask",
    "web.thinking": "Thinking…",
    "web.more": "More",
    "web.less": "Less",
    "web.helpful": "Did this help?",
    "web.yes": "Yes",
    "web.no": "No",
    "web.staff.title": "Ask A6IP staff",
    "web.staff.intro": "A person on the A6IP team will read your question.",
    "web.staff.question": "Your question for staff",
    "web.staff.email": "Your email (optional, so staff can reply)",
    "web.staff.no_mail": "Staff will see your question in their console; to get a reply, also write to {contact}.",
    "web.staff.send": "Send to staff",
    "web.events.title": "Upcoming events",
    "web.subscribe.title": "Event notices by email",
    "web.subscribe.email": "Email address",
    "web.subscribe.topics": "Topics (none ticked: every topic)",
    "web.subscribe.zone": "Your time zone (for example Europe/Paris or Tokyo)",
    "web.subscribe.button": "Subscribe",
    "web.subscribe.note": ("We first send a confirmation link. Your address is used only for these notices, and "
                           "every message has a one-click unsubscribe link."),
    "web.embed.open": "Open the full page",
    "web.footer": "Answers cite the official UNFCCC decisions. Anything else: {contact}.",
    "staff.mail.subject": "Question for A6IP staff ({channel})",
    "staff.mail.body": ("A question for A6IP staff came through the {channel} channel ({language}) on {asked}:\n\n"
                        "{question}\n\nThe bot {answered} (confidence {confidence}).\n{reply}\n"
                        "It is listed under Unanswered in the staff console."),
    "staff.mail.answered": "answered it",
    "staff.mail.unanswered": "could not answer it",
    "staff.mail.reply": "Reply to: {address}",
    "staff.mail.no_reply": "The person left no email address.",
    # The core's replies inside an answer (bot.answering, bot.composition, bot.horizon, bot.smalltalk, bot.scope)
    "reply.scope": ("I answer questions on Article 6 of the Paris Agreement (6.2 cooperative approaches, the 6.4 "
                    "mechanism, 6.8 non-market approaches, reporting, registries) and on the A6IP's work."),
    "reply.examples": "- When is annual information under Article 6.2 due?\n- What is a corresponding adjustment?",
    "reply.greeting": "Hello!",
    "reply.thanks": "You're welcome!",
    "reply.farewell": "Goodbye!",
    "reply.try": "For example:",
    "reply.unsure": ("I don't have a confident answer to that. The closest sources I found are below; A6IP staff can "
                     "help (use the 'ask A6IP staff' button or write to {contact})."),
    "reply.empty": ("I don't have a confident answer to that, and found no source close to it. A6IP staff can help "
                    "({contact})."),
    "reply.english_only": "My sources answer this only in English; here is the passage that answers it:",
    "reply.english_only_more": "Other sources (in English):",
    "reply.declined.funds": "other climate funds and finance goals",
    "reply.declined.targets": "countries' own NDC targets",
    "reply.declined.markets": "other carbon markets and carbon prices",
    "reply.declined.processes": "other parts of the UNFCCC process (transparency reports, the global stocktake, adaptation)",
    "reply.decline": ("That is outside what I cover: I have no reliable sources on {topic}. {scope} For {topic}, see "
                      "unfccc.int or the body concerned."),
    "reply.decline_named": "That is outside what I cover: my sources say nothing about {name}. {scope}",
    "reply.horizon": "My sources cover decisions up to {session}, {month_year}; for later sessions see unfccc.int.",
    "reply.answering": "Answering: {question}",
    "reply.as_of": "(as of {date})",
    "reply.passed": "The date of {date} has passed.",
    "question.empty": "Please type a question, for example: When is annual information under Article 6.2 due?",
    "question.too_long": ("That message is {count} characters long; please ask a question of at most {limit} "
                          "characters."),
    "events.answer.none": "No upcoming {what}{about}{span} is scheduled in the A6IP calendar yet.",
    "events.answer.event": "event",
    "events.answer.in": " in {month}",
    "events.answer.next": "Next:",
    "events.answer.upcoming": "Upcoming{span}:",
    "events.answer.mode": "{title} is {mode}: {when}",
    "events.mode.hybrid": "hybrid (in person and online)",
    "events.mode.online": "online",
    "events.mode.in_person": "in person, {place}",
    "events.answer.footer": "Next event on this topic: {title}, {when} — {link}",
    "events.citation": "A6IP events: {title} ({when})",
    "command.tools": "Capacity-building tools: toolkits, courses, guides",
    "tools.intro": "Resources that may help:",
    "tools.intro_language": "Resources that may help, in {language} where one exists:",
    "tools.none_in_language": "I know of no such resource in {language}; the closest ones are in {available}:",
    "tools.item": "{n}. {title} ({publisher}; {kind}; {languages}) [{n}]\n   {reason}",
    "tools.footer": "A tool for this: {title} ({kind}; {languages}) — {url}",
    "tools.header": "*Capacity-building tools{about}* ({count})",
    "tools.about": " on {topic}",
    "tools.none": "No resource{about} in the catalogue yet.",
    "tools.line": "• *{title}* ({kind}; {languages}) — {url}",
    "tools.more": "…and {count} more: {tools} with a topic narrows the list, for example `{tools} reporting`.",
    "tools.topic_hint": "Topics: {topics}",
    "tools.announce": "New capacity-building resource",
    "tools.type.toolkit": "toolkit",
    "tools.type.guidebook": "guidebook",
    "tools.type.template": "template",
    "tools.type.e-learning": "online course",
    "tools.type.webinar": "webinar recording",
    "tools.type.case-study": "case study",
    "tools.type.database": "database",
    "tools.topic.strategy": "Strategy and institutional arrangements",
    "tools.topic.project-initiation": "Project initiation",
    "tools.topic.registries": "Registries",
    "tools.topic.ndc": "NDC alignment",
    "language.en": "English",
    "language.fr": "French",
    "language.es": "Spanish",
    "language.ar": "Arabic",
    "web.tools.title": "Capacity-building tools",
    "web.tools.intro": "Toolkits, courses, guides and case studies from development partners, by topic.",
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
