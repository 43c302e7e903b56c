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
        "*Apoyo de la A6IP*\n"
        "{support} — solicitar un paquete de apoyo de la A6IP para su país (estrategia del artículo 6, "
        "autorización, presentación de información, seguimiento, inicio de proyectos, desarrollo de "
        "metodologías): ocho preguntas breves en un chat privado y luego un número de referencia; el equipo de "
        "la A6IP se encarga del resto.\n\n"
        "*Herramientas*\n"
        "{tools} — recursos de fomento de la capacidad (guías, manuales, cursos, estudios de caso): "
        "`{tools} reporting` para un tema, o pregunte con sus palabras, p. ej. «¿hay un curso sobre ajustes "
        "correspondientes?»\n\n"
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
    "button.more": "Más",
    "feedback.thanks": "Gracias, su opinión quedó registrada.",
    "feedback.gone": "Esa pregunta ya no está registrada.",
    "more.gone": "No hay nada más que mostrar para esta respuesta.",
    "saved": "Guardado",
    "answer.sources": "Fuentes",
    "answer.shortened": "(respuesta acortada para caber en un mensaje)",
    "answer.starting": ("Todavía me estoy iniciando y cargando la base de conocimientos; vuelva a preguntar "
                        "en un minuto."),
    "answer.busy": ("Se están respondiendo muchas preguntas en este momento; la suya está en espera y lo "
                    "intentaré de nuevo en un momento."),
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
    "notice.topics": "Temas",
    "notice.languages": "Idiomas",
    "notice.open": "Abrir el recurso",
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
    "public.error.expired": "Esta página ha caducado; vuelva a cargarla e inténtelo de nuevo.",
    "public.error.json": "No se pudo leer la solicitud; vuelva a cargar la página e inténtelo de nuevo.",
    "public.error.too_large": "La solicitud es demasiado grande.",
    "public.error.field": "El campo «{field}» no es válido.",
    "public.error.empty": "Escriba algo primero.",
    "public.error.too_long": "El texto tiene {count} caracteres; no supere los {limit} caracteres.",
    "input.control": "Su texto contiene un carácter de control invisible ({char}); escríbalo de nuevo.",
    "public.error.too_many": "Demasiadas solicitudes desde su dirección; espere {seconds} segundos.",
    "public.error.busy": "Se están respondiendo muchas preguntas en este momento; inténtelo de nuevo en {seconds} segundos.",
    "email.invalid_address": "Escriba una dirección de correo electrónico válida, por ejemplo nombre@ministerio.gob.",
    "email.check_inbox": ("Casi listo: enviamos un enlace de confirmación a {address}. Ábralo para empezar a "
                          "recibir los avisos de eventos."),
    "email.too_soon": ("Hace unos minutos se envió un mensaje de confirmación a esta dirección; revise su bandeja "
                       "de entrada y la carpeta de correo no deseado."),
    "email.send_failed": ("No pudimos enviar el mensaje de confirmación en este momento; inténtelo de nuevo en "
                          "unos minutos."),
    "email.added": "{address} recibe ahora los avisos de eventos sobre: {topics}.",
    "email.confirm.subject": "Confirme, por favor: avisos de eventos de la A6IP",
    "email.confirm.body": ("Alguien, probablemente usted, pidió recibir en esta dirección los anuncios y "
                           "recordatorios de eventos de la A6IP sobre: {topics}, con los horarios en {zone}.\n\n"
                           "Para confirmar, abra este enlace en un plazo de {days} días:\n{url}\n\nSi no lo "
                           "pidió, ignore este mensaje: no se le enviará nada más."),
    "email.confirm.title": "Confirme su suscripción",
    "email.confirm.question": "¿Recibir los avisos de eventos de la A6IP sobre: {topics}, con los horarios en {zone}?",
    "email.confirm.button": "Confirmar",
    "email.confirmed": ("Suscripción confirmada: recibirá los avisos de eventos de la A6IP sobre: {topics}. "
                        "Cada mensaje incluye un enlace para darse de baja."),
    "email.link_invalid": ("Este enlace ha caducado o ya no es válido. Vuelva a suscribirse en la página del bot "
                           "de la A6IP para recibir uno nuevo."),
    "email.unsubscribe.title": "Darse de baja",
    "email.unsubscribe.question": "¿Dejar de recibir todos los avisos de eventos de la A6IP en esta dirección?",
    "email.unsubscribe.button": "Darse de baja",
    "email.unsubscribed": ("Listo: no recibirá más avisos de eventos de la A6IP y su dirección ha sido "
                           "eliminada."),
    "email.footer": ("Recibe este mensaje porque esta dirección está suscrita a los avisos de eventos de la A6IP "
                     "({topics}, horarios en {zone})."),
    "email.unsubscribe.link": "Darse de baja",
    "web.title": "Pregunte al bot de la A6IP",
    "web.intro": ("Preguntas sobre las normas del artículo 6 (6.2, 6.4, 6.8, presentación de información, "
                  "registros), respondidas a partir de las decisiones oficiales y con sus fuentes. Sin registro; "
                  "las preguntas se guardan de forma anónima para mejorar las respuestas. Para solicitar un paquete de "
                  "apoyo de la A6IP para su país, pulse «Solicitar apoyo de la A6IP» debajo del chat."),
    "web.language": "Idioma",
    "web.conversation": "Conversación",
    "web.you": "Usted",
    "web.bot": "Bot de la A6IP",
    "web.question": "Su pregunta",
    "web.placeholder": "¿Cuándo debe presentarse la información anual en virtud del artículo 6.2?",
    "web.ask": "Preguntar",
    "web.thinking": "Pensando…",
    "web.more": "Más",
    "web.less": "Menos",
    "web.helpful": "¿Le ha sido útil?",
    "web.yes": "Sí",
    "web.no": "No",
    "web.staff.title": "Preguntar al equipo de la A6IP",
    "web.staff.intro": "Una persona del equipo de la A6IP leerá su pregunta.",
    "web.staff.question": "Su pregunta para el equipo",
    "web.staff.email": "Su correo electrónico (opcional, para que el equipo pueda responderle)",
    "web.staff.no_mail": ("El equipo verá su pregunta en su consola; para recibir una respuesta, escriba también "
                          "a {contact}."),
    "web.staff.send": "Enviar al equipo",
    "web.events.title": "Próximos eventos",
    "web.subscribe.title": "Avisos de eventos por correo electrónico",
    "web.subscribe.email": "Correo electrónico",
    "web.subscribe.topics": "Temas (ninguno marcado: todos los temas)",
    "web.subscribe.zone": "Su zona horaria (por ejemplo Europe/Madrid o Tokio)",
    "web.subscribe.button": "Suscribirse",
    "web.subscribe.note": ("Primero enviamos un enlace de confirmación. Su dirección solo se usa para estos avisos y "
                           "cada mensaje incluye un enlace para darse de baja con un clic."),
    "web.embed.open": "Abrir la página completa",
    "web.footer": "Las respuestas citan las decisiones oficiales de la CMNUCC. Para cualquier otra consulta: {contact}.",
    "staff.mail.subject": "Pregunta para el equipo de la A6IP ({channel})",
    "staff.mail.body": ("Llegó una pregunta para el equipo de la A6IP por el canal {channel} ({language}) el "
                        "{asked}:\n\n{question}\n\nEl bot {answered} (confianza {confidence}).\n{reply}\n"
                        "Figura entre las preguntas sin respuesta en la consola del equipo."),
    "staff.mail.answered": "la respondió",
    "staff.mail.unanswered": "no pudo responderla",
    "staff.mail.reply": "Responder a: {address}",
    "staff.mail.no_reply": "La persona no dejó dirección de correo electrónico.",
    "reply.scope": ("Respondo preguntas sobre el artículo 6 del Acuerdo de París (enfoques cooperativos del "
                    "artículo 6.2, mecanismo del artículo 6.4, enfoques no relacionados con el mercado, presentación "
                    "de información, registros) y sobre el trabajo de la A6IP."),
    "reply.examples": ("- ¿Cuándo se debe presentar la información anual del artículo 6.2?\n"
                       "- ¿Qué es un ajuste correspondiente?"),
    "reply.greeting": "¡Hola!",
    "reply.thanks": "¡De nada!",
    "reply.farewell": "¡Hasta luego!",
    "reply.try": "Por ejemplo:",
    "reply.unsure": ("No tengo una respuesta segura a esa pregunta. Abajo están las fuentes más cercanas; el equipo "
                     "de A6IP puede ayudarle (botón «preguntar al equipo A6IP» o {contact})."),
    "reply.empty": ("No tengo una respuesta segura ni encontré fuentes cercanas. El equipo de A6IP puede ayudarle "
                    "({contact})."),
    "reply.english_only": "Mis fuentes solo responden a esta pregunta en inglés; este es el extracto que responde:",
    "reply.english_only_more": "Otras fuentes (en inglés):",
    "reply.declined.funds": "otros fondos y objetivos de financiación climática",
    "reply.declined.targets": "las metas de las CDN de cada país",
    "reply.declined.markets": "otros mercados de carbono y los precios del carbono",
    "reply.declined.processes": ("otras partes del proceso de la CMNUCC (informes de transparencia, balance mundial, "
                                 "adaptación)"),
    "reply.decline": ("Eso está fuera de mi ámbito: no tengo fuentes fiables sobre {topic}. {scope} Para {topic}, "
                      "consulte unfccc.int o el organismo correspondiente."),
    "reply.decline_named": "Eso está fuera de mi ámbito: mis fuentes no dicen nada sobre {name}. {scope}",
    "reply.horizon": ("Mis fuentes cubren las decisiones hasta la {session}, {month_year}; para las sesiones "
                      "posteriores, consulte unfccc.int."),
    "reply.answering": "Pregunta entendida: {question}",
    "reply.as_of": "(a {date})",
    "reply.passed": "La fecha del {date} ya pasó.",
    "question.empty": ("Escriba una pregunta, por ejemplo: ¿Cuándo se debe presentar la información anual del "
                       "artículo 6.2?"),
    "question.too_long": "Ese mensaje tiene {count} caracteres; haga una pregunta de {limit} caracteres como máximo.",
    "events.answer.none": "El calendario de la A6IP aún no anuncia ninguna fecha ({what}{about}{span}).",
    "events.answer.event": "evento",
    "events.answer.in": " en {month}",
    "events.answer.next": "Próximo evento:",
    "events.answer.upcoming": "Próximos eventos{span}:",
    "events.answer.mode": "{title} será {mode}: {when}",
    "events.mode.hybrid": "híbrido (presencial y en línea)",
    "events.mode.online": "en línea",
    "events.mode.in_person": "presencial, {place}",
    "events.answer.footer": "Próximo evento sobre este tema: {title}, {when} — {link}",
    "events.citation": "Eventos de la A6IP: {title} ({when})",
    "command.tools": "Herramientas de fortalecimiento de capacidades: cajas de herramientas, cursos, guías",
    "tools.intro": "Recursos que pueden ayudar:",
    "tools.intro_language": "Recursos que pueden ayudar, en {language} cuando existen:",
    "tools.none_in_language": "No conozco un recurso así en {language}; los más cercanos están en {available}:",
    "tools.item": "{n}. {title} ({publisher}; {kind}; {languages}) [{n}]\n   {reason}",
    "tools.footer": "Una herramienta para esto: {title} ({kind}; {languages}) — {url}",
    "tools.header": "*Herramientas de fortalecimiento de capacidades{about}* ({count})",
    "tools.about": ": {topic}",
    "tools.none": "Todavía no hay recursos{about} en el catálogo.",
    "tools.line": "• *{title}* ({kind}; {languages}) — {url}",
    "tools.more": "…y {count} más: {tools} con un tema acota la lista, por ejemplo `{tools} reporting`.",
    "tools.topic_hint": "Temas: {topics}",
    "tools.announce": "Nuevo recurso de fortalecimiento de capacidades",
    "tools.type.toolkit": "caja de herramientas",
    "tools.type.guidebook": "guía",
    "tools.type.template": "plantilla",
    "tools.type.e-learning": "curso en línea",
    "tools.type.webinar": "grabación de seminario web",
    "tools.type.case-study": "estudio de caso",
    "tools.type.database": "base de datos",
    "tools.topic.strategy": "Estrategia y arreglos institucionales",
    "tools.topic.project-initiation": "Inicio de proyectos",
    "tools.topic.registries": "Registros",
    "tools.topic.ndc": "Alineación con la CDN",
    "language.en": "inglés",
    "language.fr": "francés",
    "language.es": "español",
    "language.ar": "árabe",
    "web.tools.title": "Herramientas de fortalecimiento de capacidades",
    "web.tools.intro": "Cajas de herramientas, cursos, guías y estudios de caso de socios para el desarrollo, por tema.",
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
