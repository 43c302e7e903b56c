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
        "*Appui de l'A6IP*\n"
        "{support} — demander un programme d'appui de l'A6IP pour votre pays (stratégie relative à l'article 6, "
        "autorisation, communication d'informations, suivi, lancement de projets, élaboration de méthodologies) : "
        "huit questions courtes en conversation privée, puis un numéro de référence ; l'équipe A6IP prend le "
        "relais.\n\n"
        "*Outils*\n"
        "{tools} — ressources de renforcement des capacités (boîtes à outils, guides, cours, études de cas) : "
        "`{tools} reporting` pour un thème, ou demandez simplement, p. ex. « existe-t-il un cours sur les "
        "ajustements correspondants ? »\n\n"
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
    "button.more": "Plus",
    "feedback.thanks": "Merci, votre avis est enregistré.",
    "feedback.gone": "Cette question n'est plus enregistrée.",
    "more.gone": "Il n'y a rien de plus à montrer pour cette réponse.",
    "saved": "Enregistré",
    "answer.sources": "Sources",
    "answer.shortened": "(réponse raccourcie pour tenir en un message)",
    "answer.starting": ("Je suis encore en train de démarrer et de charger la base de connaissances ; "
                        "reposez votre question dans une minute."),
    "answer.busy": ("Beaucoup de questions sont en cours de traitement ; la vôtre est en attente et je réessaie "
                    "dans un instant."),
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
    "notice.topics": "Thèmes",
    "notice.languages": "Langues",
    "notice.open": "Ouvrir la ressource",
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
    "public.error.expired": "Cette page a expiré ; rechargez-la puis réessayez.",
    "public.error.json": "La requête est illisible ; rechargez la page puis réessayez.",
    "public.error.too_large": "La requête est trop volumineuse.",
    "public.error.field": "Le champ « {field} » n'est pas valide.",
    "public.error.empty": "Veuillez d'abord saisir un texte.",
    "public.error.too_long": "Ce texte compte {count} caractères ; ne dépassez pas {limit} caractères.",
    "input.control": "Votre texte contient un caractère de contrôle invisible ({char}) ; saisissez-le de nouveau.",
    "public.error.too_many": "Trop de requêtes depuis votre adresse ; patientez {seconds} secondes.",
    "public.error.busy": "Beaucoup de questions sont en cours de traitement ; réessayez dans {seconds} secondes.",
    "email.invalid_address": "Veuillez saisir une adresse électronique valide, par exemple nom@ministere.gouv.",
    "email.check_inbox": ("Presque terminé : nous avons envoyé un lien de confirmation à {address}. Ouvrez-le pour "
                          "commencer à recevoir les annonces d'événements."),
    "email.too_soon": ("Un message de confirmation a été envoyé à cette adresse il y a quelques minutes ; "
                       "consultez votre boîte de réception et vos courriers indésirables."),
    "email.send_failed": ("Nous n'avons pas pu envoyer le message de confirmation pour le moment ; réessayez dans "
                          "quelques minutes."),
    "email.added": "{address} reçoit désormais les annonces d'événements sur : {topics}.",
    "email.confirm.subject": "Merci de confirmer : annonces d'événements de l'A6IP",
    "email.confirm.body": ("Quelqu'un, sans doute vous, a demandé à recevoir à cette adresse les annonces et "
                           "rappels d'événements de l'A6IP sur : {topics}, avec les heures en {zone}.\n\nPour "
                           "confirmer, ouvrez ce lien dans les {days} jours :\n{url}\n\nSi vous n'êtes pas à "
                           "l'origine de cette demande, ignorez ce message : rien d'autre ne vous sera envoyé."),
    "email.confirm.title": "Confirmez votre abonnement",
    "email.confirm.question": "Recevoir les annonces d'événements de l'A6IP sur : {topics}, avec les heures en {zone} ?",
    "email.confirm.button": "Confirmer",
    "email.confirmed": ("Abonnement confirmé : vous recevrez les annonces d'événements de l'A6IP sur : {topics}. "
                        "Chaque message contient un lien de désabonnement."),
    "email.link_invalid": ("Ce lien a expiré ou n'est plus valide. Abonnez-vous de nouveau sur la page du bot de "
                           "l'A6IP pour en recevoir un nouveau."),
    "email.unsubscribe.title": "Se désabonner",
    "email.unsubscribe.question": "Ne plus recevoir aucune annonce d'événement de l'A6IP à cette adresse ?",
    "email.unsubscribe.button": "Se désabonner",
    "email.unsubscribed": ("C'est fait : vous ne recevrez plus d'annonces d'événements de l'A6IP, et votre "
                           "adresse a été supprimée."),
    "email.footer": ("Vous recevez ce message parce que cette adresse est abonnée aux annonces d'événements de "
                     "l'A6IP ({topics}, heures en {zone})."),
    "email.unsubscribe.link": "Se désabonner",
    "web.title": "Interroger le bot de l'A6IP",
    "web.intro": ("Questions sur les règles de l'article 6 (6.2, 6.4, 6.8, communication d'informations, "
                  "registres), avec des réponses tirées des décisions officielles et leurs sources. Sans "
                  "connexion ; les questions sont conservées de façon anonyme pour améliorer les réponses. Pour demander "
                  "un programme d'appui de l'A6IP pour votre pays, touchez « Demander un appui de l'A6IP » sous la "
                  "conversation."),
    "web.language": "Langue",
    "web.conversation": "Conversation",
    "web.you": "Vous",
    "web.bot": "Bot de l'A6IP",
    "web.question": "Votre question",
    "web.placeholder": "Quand les informations annuelles au titre de l'article 6.2 sont-elles dues ?",
    "web.ask": "Demander",
    "web.thinking": "Réflexion…",
    "web.more": "Plus",
    "web.less": "Moins",
    "web.helpful": "Cette réponse vous a-t-elle aidé ?",
    "web.yes": "Oui",
    "web.no": "Non",
    "web.staff.title": "Demander à l'équipe A6IP",
    "web.staff.intro": "Un membre de l'équipe de l'A6IP lira votre question.",
    "web.staff.question": "Votre question pour l'équipe",
    "web.staff.email": "Votre adresse électronique (facultative, pour que l'équipe puisse vous répondre)",
    "web.staff.no_mail": ("L'équipe verra votre question dans sa console ; pour obtenir une réponse, écrivez "
                          "aussi à {contact}."),
    "web.staff.send": "Envoyer à l'équipe",
    "web.events.title": "Événements à venir",
    "web.subscribe.title": "Annonces d'événements par courriel",
    "web.subscribe.email": "Adresse électronique",
    "web.subscribe.topics": "Thèmes (aucun coché : tous les thèmes)",
    "web.subscribe.zone": "Votre fuseau horaire (par exemple Europe/Paris ou Tokyo)",
    "web.subscribe.button": "S'abonner",
    "web.subscribe.note": ("Nous envoyons d'abord un lien de confirmation. Votre adresse ne sert qu'à ces annonces, "
                           "et chaque message contient un lien de désabonnement en un clic."),
    "web.embed.open": "Ouvrir la page complète",
    "web.footer": "Les réponses citent les décisions officielles de la CCNUCC. Pour toute autre demande : {contact}.",
    "staff.mail.subject": "Question pour l'équipe A6IP ({channel})",
    "staff.mail.body": ("Une question pour l'équipe de l'A6IP est arrivée par le canal {channel} ({language}) le "
                        "{asked} :\n\n{question}\n\nLe bot {answered} (confiance {confidence}).\n{reply}\n"
                        "Elle figure parmi les questions sans réponse dans la console de l'équipe."),
    "staff.mail.answered": "y a répondu",
    "staff.mail.unanswered": "n'a pas pu y répondre",
    "staff.mail.reply": "Répondre à : {address}",
    "staff.mail.no_reply": "La personne n'a pas laissé d'adresse électronique.",
    "reply.scope": ("Je réponds aux questions sur l'article 6 de l'Accord de Paris (démarches concertées de "
                    "l'article 6.2, mécanisme établi par le paragraphe 4 de l'article 6, démarches non fondées sur le "
                    "marché, communication d'informations, registres) et sur les travaux de l'A6IP."),
    "reply.examples": ("- Quand faut-il soumettre les informations annuelles au titre de l'article 6.2 ?\n"
                       "- Qu'est-ce qu'un ajustement correspondant ?"),
    "reply.greeting": "Bonjour !",
    "reply.thanks": "Avec plaisir !",
    "reply.farewell": "Au revoir !",
    "reply.try": "Par exemple :",
    "reply.unsure": ("Je n'ai pas de réponse sûre à cette question. Les sources les plus proches sont ci-dessous ; "
                     "l'équipe A6IP peut vous aider (bouton « demander à l'équipe A6IP » ou {contact})."),
    "reply.empty": ("Je n'ai pas de réponse sûre et aucune source proche. L'équipe A6IP peut vous aider "
                    "({contact})."),
    "reply.english_only": "Mes sources ne répondent à cette question qu'en anglais ; voici l'extrait qui y répond :",
    "reply.english_only_more": "Autres sources (en anglais) :",
    "reply.declined.funds": "les autres fonds et objectifs de financement climatique",
    "reply.declined.targets": "les objectifs des CDN des pays",
    "reply.declined.markets": "les autres marchés du carbone et les prix du carbone",
    "reply.declined.processes": ("les autres volets du processus de la CCNUCC (rapports de transparence, bilan mondial, "
                                 "adaptation)"),
    "reply.decline": ("Cela sort de mon domaine : je n'ai pas de sources fiables sur {topic}. {scope} Pour {topic}, "
                      "voir unfccc.int ou l'organisme concerné."),
    "reply.decline_named": "Cela sort de mon domaine : mes sources ne disent rien de {name}. {scope}",
    "reply.horizon": ("Mes sources couvrent les décisions jusqu'à la {session}, {month_year} ; pour les sessions "
                      "suivantes, voir unfccc.int."),
    "reply.answering": "Question comprise : {question}",
    "reply.as_of": "(au {date})",
    "reply.passed": "La date du {date} est passée.",
    "question.empty": ("Veuillez écrire une question, par exemple : Quand faut-il soumettre les informations "
                       "annuelles au titre de l'article 6.2 ?"),
    "question.too_long": ("Ce message compte {count} caractères ; posez une question d'au plus {limit} "
                          "caractères."),
    "events.answer.none": "Le calendrier de l'A6IP n'annonce encore aucune date ({what}{about}{span}).",
    "events.answer.event": "événement",
    "events.answer.in": " en {month}",
    "events.answer.next": "Prochain événement :",
    "events.answer.upcoming": "À venir{span} :",
    "events.answer.mode": "{title} se tient {mode} : {when}",
    "events.mode.hybrid": "en format hybride (en présentiel et en ligne)",
    "events.mode.online": "en ligne",
    "events.mode.in_person": "en présentiel, {place}",
    "events.answer.footer": "Prochain événement sur ce thème : {title}, {when} — {link}",
    "events.citation": "Événements de l'A6IP : {title} ({when})",
    "command.tools": "Outils de renforcement des capacités : boîtes à outils, cours, guides",
    "tools.intro": "Des ressources qui peuvent aider :",
    "tools.intro_language": "Des ressources qui peuvent aider, en {language} quand elles existent :",
    "tools.none_in_language": "Je ne connais pas de telle ressource en {language} ; les plus proches sont en {available} :",
    "tools.item": "{n}. {title} ({publisher} ; {kind} ; {languages}) [{n}]\n   {reason}",
    "tools.footer": "Un outil pour cela : {title} ({kind} ; {languages}) — {url}",
    "tools.header": "*Outils de renforcement des capacités{about}* ({count})",
    "tools.about": " : {topic}",
    "tools.none": "Aucune ressource{about} dans le catalogue pour l'instant.",
    "tools.line": "• *{title}* ({kind} ; {languages}) — {url}",
    "tools.more": "…et {count} de plus : {tools} suivi d'un thème réduit la liste, par exemple `{tools} reporting`.",
    "tools.topic_hint": "Thèmes : {topics}",
    "tools.announce": "Nouvelle ressource de renforcement des capacités",
    "tools.type.toolkit": "boîte à outils",
    "tools.type.guidebook": "guide",
    "tools.type.template": "modèle",
    "tools.type.e-learning": "cours en ligne",
    "tools.type.webinar": "enregistrement de webinaire",
    "tools.type.case-study": "étude de cas",
    "tools.type.database": "base de données",
    "tools.topic.strategy": "Stratégie et arrangements institutionnels",
    "tools.topic.project-initiation": "Lancement de projets",
    "tools.topic.registries": "Registres",
    "tools.topic.ndc": "Alignement sur la CDN",
    "language.en": "anglais",
    "language.fr": "français",
    "language.es": "espagnol",
    "language.ar": "arabe",
    "web.tools.title": "Outils de renforcement des capacités",
    "web.tools.intro": "Boîtes à outils, cours, guides et études de cas des partenaires de développement, par thème.",
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
