"""Les mots du bot en français (mêmes clés que en.py), avec les termes officiels de la CCNUCC."""

MESSAGES: dict[str, str] = {
    "command.start": "Ce que fait ce bot",
    "command.help": "Comment poser une question et s'abonner",
    "command.ask": "Poser une question sur l'article 6",
    "command.events": "Formations et réunions de groupes de travail à venir",
    "command.subscribe": "Recevoir les annonces d'événements par thème",
    "command.unsubscribe": "Ne plus recevoir les annonces",
    "command.subscriptions": "Les abonnements de cette conversation",
    "command.timezone": "Afficher les heures dans votre fuseau horaire",
    "welcome": (
        "Bonjour ! Je suis le *bot A6IP* de l'Article 6 Implementation Partnership, le partenariat pour la mise en "
        "œuvre de l'article 6 de l'Accord de Paris.\n\n"
        "*Posez-moi* vos questions sur les règles de l'article 6 (autorisation, communication d'informations, "
        "suivi, ajustements correspondants, mécanisme établi par le paragraphe 4 de l'article 6…) : écrivez "
        "simplement votre question. Je réponds à partir des décisions et orientations officielles et je cite mes "
        "sources. Dans un groupe ou un canal, mentionnez-moi, répondez-moi ou utilisez {ask}.\n\n"
        "*Restez informé* : {events} liste les formations et réunions de groupes de travail à venir ; "
        "{subscribe} vous envoie annonces et rappels sur les thèmes choisis, dans votre fuseau horaire "
        "({timezone}).\n\n"
        "{help} liste toutes les commandes."),
    "help": (
        "*Poser une question*\n"
        "• En conversation privée : écrivez votre question.\n"
        "• Dans un groupe ou un canal : `{ask} votre question`, mentionnez-moi ou répondez à l'un de mes messages.\n"
        "Sous chaque réponse : 👍 / 👎 pour nous dire si elle vous a aidé, et *demander à l'équipe A6IP* pour la "
        "transmettre à une personne.\n\n"
        "*Événements*\n"
        "{events} — événements à venir (`{events} reporting` pour un thème)\n"
        "{subscribe} — annonces et rappels ici : `{subscribe} reporting, tracking` ou `{subscribe} all`\n"
        "{unsubscribe} — tout arrêter, ou `{unsubscribe} reporting`\n"
        "{subscriptions} — ce qui est envoyé ici\n"
        "{timezone} — `{timezone} Africa/Nairobi` ou `{timezone} Tokyo`\n\n"
        "Thèmes : {topics}"),
    "ask.usage": "Écrivez votre question après la commande, par exemple : `{ask} Quand l'information annuelle est-elle due ?`",
    "ask.mention": "Oui ? Posez-moi une question sur l'article 6, par exemple : qu'est-ce qu'un RATI ?",
    "not_text": "Je ne lis que le texte. Écrivez votre question, ou envoyez {help} pour voir ce que je sais faire.",
    "edited": "Je ne réponds qu'aux nouveaux messages : envoyez votre question corrigée dans un nouveau message.",
    "failed": "Désolé, un problème est survenu de mon côté. Réessayez dans une minute.",
    "unknown_command": "Je ne connais pas {command}. Envoyez {help} pour voir ce que je sais faire.",
    "admins_only": "Seuls les administrateurs du groupe peuvent modifier ses abonnements.",
    "button.expired": "Ce bouton ne fonctionne plus ; renvoyez votre demande.",
    "button.helpful": "👍 utile",
    "button.not_helpful": "👎 pas utile",
    "button.staff": "demander à l'équipe A6IP",
    "button.earlier": "‹ précédents",
    "button.later": "suivants ›",
    "button.all_topics": "Tous les thèmes",
    "button.done": "Terminé",
    "feedback.thanks": "Merci, votre avis est enregistré.",
    "feedback.gone": "Cette question n'est plus enregistrée.",
    "saved": "Enregistré",
    "answer.sources": "Sources",
    "answer.shortened": "(réponse raccourcie pour tenir en un message)",
    "staff.sent": "J'ai transmis votre question à l'équipe A6IP ; quelqu'un vous répondra.",
    "staff.none": ("Votre question est signalée à l'équipe A6IP, mais aucun canal de l'équipe n'est configuré "
                   "pour ce bot : personne n'est prévenu tout de suite. Vous pouvez aussi écrire à {contact}."),
    "staff.failed": "Désolé, je n'ai pas pu joindre le canal de l'équipe A6IP. Écrivez à {contact}.",
    "staff.gone": "Cette question n'est plus enregistrée ; posez-la de nouveau.",
    "staff.refusal": ("Désolé, {command} est réservé à l'équipe A6IP. Si vous en faites partie, demandez à un "
                      "administrateur de vous ajouter à A6BOT_ADMINS ({who})."),
    "sub.choose": "Touchez les thèmes à suivre ou à ne plus suivre, puis *Terminé*.",
    "sub.none": "Aucune annonce d'événement n'est envoyée ici. Utilisez {subscribe} pour choisir des thèmes.",
    "sub.summary": "Annonces d'événements ici : *{topics}*. Les heures sont affichées en {zone}.",
    "sub.every_topic": "tous les thèmes",
    "sub.paused": "⏸ En pause ({reason}) ; utilisez de nouveau {subscribe} pour reprendre.",
    "sub.ended": "C'est fait : plus aucune annonce d'événement ici.",
    "tz.current": ("Les heures sont affichées en {zone}. Changez-le avec `{timezone} Europe/Paris` ou une ville : "
                   "`{timezone} Tokyo`."),
    "tz.set": "C'est fait : les heures sont maintenant affichées en {zone}.",
    "events.header": "*Événements à venir{about}* (heures en {zone} ; changez avec {timezone})",
    "events.about": " : {topic}",
    "events.none": "Aucun événement à venir{about} n'est encore prévu.",
    "events.no_more": "Pas d'autres événements.",
    "error.topic": "thème inconnu « {word} » ; thèmes connus : {topics}",
    "error.zone": ("Je ne connais pas le fuseau horaire « {zone} ». Utilisez un nom IANA comme Africa/Tunis ou "
                   "America/Nassau, ou une grande ville proche de vous comme Tokyo."),
    "error.zone_empty": "Indiquez un fuseau horaire, par exemple Europe/Paris, ou une ville comme Tokyo.",
    "error.not_subscribed": "Aucune annonce n'est encore envoyée ici : abonnez-vous d'abord à un thème.",
    "notice.announce": "Nouvel événement",
    "notice.reminder-7d": "Dans une semaine",
    "notice.reminder-1d": "Demain",
    "notice.change": "Événement modifié",
    "notice.cancel": "Événement annulé",
    "notice.digest": "Les événements de la semaine",
    "notice.when": "Quand",
    "notice.where": "Où",
    "notice.register": "S'inscrire",
    "notice.calendar": "Ajouter à l'agenda (.ics)",
    "notice.your_time": "votre heure",
    "notice.organiser": "organisateur",
    "notice.all_day": "toute la journée",
    "where.online": "En ligne",
    "where.hybrid": "{place} et en ligne (hybride)",
    "where.in_person": "en présentiel",
    "where.tba": "à préciser",
    "status.cancelled": "ANNULÉ",
    "status.postponed": "REPORTÉ",
    "field.title": "titre",
    "field.starts_at": "début",
    "field.ends_at": "fin",
    "field.timezone": "fuseau horaire",
    "field.all_day": "journée entière",
    "field.place": "lieu",
    "field.online": "en ligne",
    "field.hybrid": "hybride",
    "field.registration_url": "lien d'inscription",
    "field.status": "statut",
}

TOPICS: dict[str, str] = {
    "authorization": "Autorisation",
    "reporting": "Communication d'informations",
    "tracking": "Suivi",
    "private-sector": "Secteur privé",
    "6.2": "Article 6.2 : démarches concertées",
    "6.4": "Article 6.4 : mécanisme établi par le paragraphe 4 de l'article 6",
    "6.8": "Article 6.8 : démarches non fondées sur le marché",
    "methodology": "Méthodologies",
    "capacity-building": "Renforcement des capacités",
    "corresponding-adjustments": "Ajustements correspondants",
}

KINDS: dict[str, str] = {
    "training": "Formation",
    "wg-meeting": "Réunion de groupe de travail",
    "plenary": "Séance plénière",
    "workshop": "Atelier",
    "webinar": "Webinaire",
    "side-event": "Événement parallèle",
    "conference": "Conférence",
    "other": "Événement",
}
