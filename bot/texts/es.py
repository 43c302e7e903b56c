"""Las palabras del bot en español (mismas claves que en.py), con los términos oficiales de la CMNUCC."""

MESSAGES: dict[str, str] = {
    "command.start": "Qué hace este bot",
    "command.help": "Cómo preguntar y suscribirse",
    "command.ask": "Hacer una pregunta sobre el artículo 6",
    "command.events": "Próximas capacitaciones y reuniones de grupos de trabajo",
    "command.subscribe": "Recibir anuncios de eventos por tema",
    "command.unsubscribe": "Dejar de recibir anuncios",
    "command.subscriptions": "Las suscripciones de esta conversación",
    "command.timezone": "Ver las horas en su zona horaria",
    "welcome": (
        "¡Hola! Soy el *bot de A6IP*, la Article 6 Implementation Partnership, alianza para la aplicación del "
        "artículo 6 del Acuerdo de París.\n\n"
        "*Pregúnteme* sobre las normas del artículo 6 (autorización, presentación de información, seguimiento, "
        "ajustes correspondientes, mecanismo establecido en virtud del artículo 6, párrafo 4…): escriba su "
        "pregunta. Respondo a partir de las decisiones y orientaciones oficiales y cito mis fuentes. En un grupo o "
        "canal, mencióneme, respóndame o use {ask}.\n\n"
        "*Manténgase informado*: {events} muestra las próximas capacitaciones y reuniones de grupos de trabajo; "
        "{subscribe} le envía anuncios y recordatorios sobre los temas que elija, en su zona horaria "
        "({timezone}).\n\n"
        "{help} muestra todos los comandos."),
    "help": (
        "*Preguntar*\n"
        "• En una conversación privada: escriba su pregunta.\n"
        "• En un grupo o canal: `{ask} su pregunta`, mencióneme o responda a uno de mis mensajes.\n"
        "Debajo de cada respuesta: 👍 / 👎 para decirnos si le sirvió, y *preguntar al equipo de A6IP* para "
        "pasarla a una persona.\n\n"
        "*Eventos*\n"
        "{events} — próximos eventos (`{events} reporting` para un tema)\n"
        "{subscribe} — anuncios y recordatorios aquí: `{subscribe} reporting, tracking` o `{subscribe} all`\n"
        "{unsubscribe} — detener todo, o `{unsubscribe} reporting`\n"
        "{subscriptions} — lo que se envía aquí\n"
        "{timezone} — `{timezone} Africa/Nairobi` o `{timezone} Tokyo`\n\n"
        "Temas: {topics}"),
    "ask.usage": "Escriba su pregunta después del comando, por ejemplo: `{ask} ¿Cuándo vence la información anual?`",
    "ask.mention": "¿Sí? Hágame una pregunta sobre el artículo 6, por ejemplo: ¿qué es un RMTI?",
    "not_text": "Solo leo texto. Escriba su pregunta, o envíe {help} para ver lo que puedo hacer.",
    "edited": "Solo respondo a mensajes nuevos: envíe su pregunta corregida en un mensaje nuevo.",
    "failed": "Lo siento, algo falló de mi lado. Inténtelo de nuevo en un minuto.",
    "unknown_command": "No conozco {command}. Envíe {help} para ver lo que puedo hacer.",
    "admins_only": "Solo los administradores del grupo pueden cambiar sus suscripciones.",
    "button.expired": "Este botón ya no funciona; envíe su solicitud de nuevo.",
    "button.helpful": "👍 útil",
    "button.not_helpful": "👎 no útil",
    "button.staff": "preguntar al equipo de A6IP",
    "button.earlier": "‹ anteriores",
    "button.later": "siguientes ›",
    "button.all_topics": "Todos los temas",
    "button.done": "Listo",
    "feedback.thanks": "Gracias, su opinión quedó registrada.",
    "feedback.gone": "Esa pregunta ya no está registrada.",
    "saved": "Guardado",
    "answer.sources": "Fuentes",
    "answer.shortened": "(respuesta acortada para caber en un mensaje)",
    "staff.sent": "He pasado su pregunta al equipo de A6IP; alguien le responderá.",
    "staff.none": ("Su pregunta quedó marcada para el equipo de A6IP, pero este bot no tiene un canal del equipo "
                   "configurado, así que nadie recibe aviso de inmediato. También puede escribir a {contact}."),
    "staff.failed": "Lo siento, no pude llegar al canal del equipo de A6IP. Escriba a {contact}.",
    "staff.gone": "Esa pregunta ya no está registrada; hágala de nuevo.",
    "staff.refusal": ("Lo siento, {command} es solo para el equipo de A6IP. Si forma parte del equipo, pida a un "
                      "administrador que lo agregue a A6BOT_ADMINS ({who})."),
    "sub.choose": "Toque los temas que quiera seguir o dejar de seguir y luego *Listo*.",
    "sub.none": "Aquí no se envían anuncios de eventos. Use {subscribe} para elegir temas.",
    "sub.summary": "Anuncios de eventos aquí: *{topics}*. Las horas se muestran en {zone}.",
    "sub.every_topic": "todos los temas",
    "sub.paused": "⏸ En pausa ({reason}); use {subscribe} de nuevo para reanudar.",
    "sub.ended": "Listo: ya no se enviarán anuncios de eventos aquí.",
    "tz.current": ("Las horas se muestran en {zone}. Cámbiela con `{timezone} Europe/Paris` o una ciudad: "
                   "`{timezone} Tokyo`."),
    "tz.set": "Listo: ahora las horas se muestran en {zone}.",
    "events.header": "*Próximos eventos{about}* (horas en {zone}; cámbiela con {timezone})",
    "events.about": ": {topic}",
    "events.none": "Todavía no hay eventos previstos{about}.",
    "events.no_more": "No hay más eventos.",
    "error.topic": "tema desconocido «{word}»; temas conocidos: {topics}",
    "error.zone": ("No conozco la zona horaria «{zone}». Use un nombre IANA como Africa/Tunis o America/Nassau, "
                   "o una ciudad grande cercana como Tokyo."),
    "error.zone_empty": "Indique una zona horaria, por ejemplo Europe/Paris, o una ciudad como Tokyo.",
    "error.not_subscribed": "Aquí todavía no se envían anuncios: suscríbase primero a un tema.",
    "notice.announce": "Nuevo evento",
    "notice.reminder-7d": "Dentro de una semana",
    "notice.reminder-1d": "Mañana",
    "notice.change": "Evento modificado",
    "notice.cancel": "Evento cancelado",
    "notice.digest": "Los eventos de esta semana",
    "notice.when": "Cuándo",
    "notice.where": "Dónde",
    "notice.register": "Inscribirse",
    "notice.calendar": "Añadir al calendario (.ics)",
    "notice.your_time": "su hora",
    "notice.organiser": "organizador",
    "notice.all_day": "todo el día",
    "where.online": "En línea",
    "where.hybrid": "{place} y en línea (híbrido)",
    "where.in_person": "presencial",
    "where.tba": "por anunciar",
    "status.cancelled": "CANCELADO",
    "status.postponed": "APLAZADO",
    "field.title": "título",
    "field.starts_at": "inicio",
    "field.ends_at": "fin",
    "field.timezone": "zona horaria",
    "field.all_day": "todo el día",
    "field.place": "lugar",
    "field.online": "en línea",
    "field.hybrid": "híbrido",
    "field.registration_url": "enlace de inscripción",
    "field.status": "estado",
}

TOPICS: dict[str, str] = {
    "authorization": "Autorización",
    "reporting": "Presentación de información",
    "tracking": "Seguimiento",
    "private-sector": "Sector privado",
    "6.2": "Artículo 6.2: enfoques cooperativos",
    "6.4": "Artículo 6.4: mecanismo establecido en virtud del artículo 6, párrafo 4",
    "6.8": "Artículo 6.8: enfoques no relacionados con el mercado",
    "methodology": "Metodologías",
    "capacity-building": "Fomento de la capacidad",
    "corresponding-adjustments": "Ajustes correspondientes",
}

KINDS: dict[str, str] = {
    "training": "Capacitación",
    "wg-meeting": "Reunión de grupo de trabajo",
    "plenary": "Sesión plenaria",
    "workshop": "Taller",
    "webinar": "Seminario web",
    "side-event": "Evento paralelo",
    "conference": "Conferencia",
    "other": "Evento",
}
