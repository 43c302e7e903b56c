"""The words of the support-package flow in English, French and Spanish (same keys in each), merged into the
catalogue by bot.texts. Area and step names follow the A6IP deck ("A6IP Support Package", "Offer Process");
the French and Spanish renderings use the UNFCCC terms (communication d'informations / presentación de
información for reporting, suivi / seguimiento for tracking, as in the topic labels)."""

EN: dict[str, str] = {
    "command.support": "Request an A6IP support package",
    "support.intro": (
        "*A6IP support packages*: the A6IP Center helps partner countries in six areas (Article 6 strategy, "
        "authorization, reporting, tracking, project initiation, methodology development) through an offer "
        "process: expression of interest, an online or in-person consultation, a proposed draft support "
        "package, then capacity-building coordination.\n"
        "I can record your expression of interest now: eight short questions, then A6IP staff contact you."),
    "support.private": "To keep your contact details private, send me {support} in a private chat (a direct message).",
    "support.resume": "Welcome back: let's continue your expression of interest where we left off.",
    "support.hint": "(Type *cancel* at any time to stop; nothing is recorded until you confirm.)",
    "support.ask.country": "1/8 · Which *country* is the request for?",
    "support.ask.institution": "2/8 · Which *institution* (ministry, agency…) do you work for?",
    "support.ask.name": "3/8 · Your *name*?",
    "support.ask.role": "4/8 · Your *role or position*?",
    "support.ask.email": "5/8 · Your *email address*, so A6IP staff can reach you?",
    "support.ask.areas": "6/8 · In which *areas* would you like support? Choose every one that applies, then *Done*.",
    "support.ask.timeline": "7/8 · By when would you like the support to start? Choose, or type your own timeline.",
    "support.ask.needs": ("8/8 · In a few sentences, what do you need? (What exists already, what is missing, "
                          "who is involved.)"),
    "support.summary": "*Please check your expression of interest:*\n{summary}\n\nIs everything right?",
    "support.edit": "What would you like to change?",
    "support.confirmed": (
        "Thank you. Your expression of interest is recorded under the reference *{reference}*. A6IP staff will "
        "contact you about a consultation, and you will hear here when it moves on.\n"
        "Your contact details are kept only for this request, seen only by A6IP staff, and deleted on request "
        "({contact})."),
    "support.confirmed.email": (
        "Thank you. Your expression of interest is recorded under the reference *{reference}*. A6IP staff will "
        "contact you about a consultation, and you will hear at {email} when it moves on.\n"
        "Your contact details are kept only for this request, seen only by A6IP staff, and deleted on request "
        "({contact})."),
    "support.cancelled": "Cancelled: nothing was recorded. Send {support} whenever you want to start again.",
    "support.later": "Fine. Send {support} whenever you want to start.",
    "support.closed": "This expression of interest is no longer open; send {support} to start again.",
    "support.notice": "Your A6IP support request *{reference}* has moved to: *{step}*.\n{what}",
    "support.notice.subject": "Your A6IP support request {reference}: {step}",
    "support.field.country": "Country",
    "support.field.institution": "Institution",
    "support.field.name": "Name",
    "support.field.role": "Role",
    "support.field.email": "Email",
    "support.field.areas": "Areas",
    "support.field.timeline": "Timeline",
    "support.field.needs": "Needs",
    "support.button.start": "Start the expression of interest",
    "support.button.later": "Not now",
    "support.button.done": "Done",
    "support.button.confirm": "Send it",
    "support.button.edit": "Change something",
    "support.button.cancel": "Cancel",
    "support.button.web": "Request A6IP support",
    "support.timeline.3m": "Within 3 months",
    "support.timeline.6m": "Within 6 months",
    "support.timeline.12m": "Within a year",
    "support.timeline.open": "Not decided yet",
    "support.area.strategy": "Article 6 strategy",
    "support.area.authorization": "Authorization",
    "support.area.reporting": "Reporting",
    "support.area.tracking": "Tracking",
    "support.area.project-initiation": "Project initiation",
    "support.area.methodology": "Methodology development",
    "support.step.interest": "Expression of interest",
    "support.step.consultation": "Consultation (online or in person)",
    "support.step.draft": "Proposed draft support package",
    "support.step.coordination": "Capacity-building coordination",
    "support.step.closed": "Closed",
    "support.what.interest": "Your expression of interest is with A6IP staff.",
    "support.what.consultation": "A6IP staff will contact you to arrange an online or in-person consultation.",
    "support.what.draft": "A6IP staff are preparing a proposed draft support package for your country.",
    "support.what.coordination": "A6IP staff are coordinating the capacity-building activities with you and partners.",
    "support.what.closed": "The request is closed. Thank you; write to {contact} with any question.",
    "support.error.country_empty": "Please type your country's name, for example Tunisia.",
    "support.error.country": ("I don't recognise “{value}” as a country. Please type its name in English, French or "
                              "Spanish, for example Tunisia."),
    "support.error.institution": "Please type your institution's name (2 to 200 characters).",
    "support.error.name": "Please type your name (2 to 120 characters).",
    "support.error.role": "Please type your role or position (2 to 120 characters).",
    "support.error.email": "“{value}” is not an email address. Please type one like name@ministry.gov.",
    "support.error.areas": "Choose at least one area, then *Done*.",
    "support.error.area": "I don't know the area “{value}”. Choose with the buttons, or type some of: {areas}.",
    "support.error.timeline": "Please give a timeline (2 to 200 characters), for example: within 6 months.",
    "support.error.needs": "Please describe your needs in 20 to 2,000 characters.",
    "support.error.control": "Please type plain text only.",
}

FR: dict[str, str] = {
    "command.support": "Demander un programme d'appui de l'A6IP",
    "support.intro": (
        "*Programmes d'appui de l'A6IP* : le Centre A6IP aide les pays partenaires dans six domaines (stratégie "
        "relative à l'article 6, autorisation, communication d'informations, suivi, lancement de projets, "
        "élaboration de méthodologies) selon un processus en étapes : manifestation d'intérêt, consultation en "
        "ligne ou en présentiel, proposition d'un projet de programme d'appui, puis coordination du renforcement "
        "des capacités.\n"
        "Je peux enregistrer votre manifestation d'intérêt dès maintenant : huit questions courtes, puis l'équipe "
        "A6IP vous contacte."),
    "support.private": "Pour que vos coordonnées restent privées, envoyez-moi {support} en conversation privée (message direct).",
    "support.resume": "Bon retour : reprenons votre manifestation d'intérêt là où nous l'avions laissée.",
    "support.hint": "(Écrivez *annuler* à tout moment pour arrêter ; rien n'est enregistré avant votre confirmation.)",
    "support.ask.country": "1/8 · Pour quel *pays* est la demande ?",
    "support.ask.institution": "2/8 · Pour quelle *institution* (ministère, agence…) travaillez-vous ?",
    "support.ask.name": "3/8 · Votre *nom* ?",
    "support.ask.role": "4/8 · Votre *fonction* ?",
    "support.ask.email": "5/8 · Votre *adresse électronique*, pour que l'équipe A6IP puisse vous joindre ?",
    "support.ask.areas": ("6/8 · Dans quels *domaines* souhaitez-vous un appui ? Choisissez tous ceux qui "
                          "s'appliquent, puis *Terminé*."),
    "support.ask.timeline": "7/8 · Quand souhaitez-vous que l'appui commence ? Choisissez, ou écrivez votre propre échéance.",
    "support.ask.needs": ("8/8 · En quelques phrases, de quoi avez-vous besoin ? (Ce qui existe déjà, ce qui manque, "
                          "qui est concerné.)"),
    "support.summary": "*Vérifiez votre manifestation d'intérêt :*\n{summary}\n\nTout est-il correct ?",
    "support.edit": "Que souhaitez-vous modifier ?",
    "support.confirmed": (
        "Merci. Votre manifestation d'intérêt est enregistrée sous la référence *{reference}*. L'équipe A6IP vous "
        "contactera pour une consultation, et vous serez informé ici de chaque étape.\n"
        "Vos coordonnées ne sont conservées que pour cette demande, ne sont vues que par l'équipe A6IP et sont "
        "supprimées sur simple demande ({contact})."),
    "support.confirmed.email": (
        "Merci. Votre manifestation d'intérêt est enregistrée sous la référence *{reference}*. L'équipe A6IP vous "
        "contactera pour une consultation, et vous serez informé de chaque étape à l'adresse {email}.\n"
        "Vos coordonnées ne sont conservées que pour cette demande, ne sont vues que par l'équipe A6IP et sont "
        "supprimées sur simple demande ({contact})."),
    "support.cancelled": "Annulé : rien n'a été enregistré. Envoyez {support} quand vous voudrez recommencer.",
    "support.later": "Entendu. Envoyez {support} quand vous voudrez commencer.",
    "support.closed": "Cette manifestation d'intérêt n'est plus ouverte ; envoyez {support} pour recommencer.",
    "support.notice": "Votre demande d'appui A6IP *{reference}* passe à l'étape : *{step}*.\n{what}",
    "support.notice.subject": "Votre demande d'appui A6IP {reference} : {step}",
    "support.field.country": "Pays",
    "support.field.institution": "Institution",
    "support.field.name": "Nom",
    "support.field.role": "Fonction",
    "support.field.email": "Adresse électronique",
    "support.field.areas": "Domaines",
    "support.field.timeline": "Échéance",
    "support.field.needs": "Besoins",
    "support.button.start": "Commencer la manifestation d'intérêt",
    "support.button.later": "Plus tard",
    "support.button.done": "Terminé",
    "support.button.confirm": "Envoyer",
    "support.button.edit": "Modifier",
    "support.button.cancel": "Annuler",
    "support.button.web": "Demander un appui de l'A6IP",
    "support.timeline.3m": "D'ici 3 mois",
    "support.timeline.6m": "D'ici 6 mois",
    "support.timeline.12m": "D'ici un an",
    "support.timeline.open": "Pas encore décidé",
    "support.area.strategy": "Stratégie relative à l'article 6",
    "support.area.authorization": "Autorisation",
    "support.area.reporting": "Communication d'informations",
    "support.area.tracking": "Suivi",
    "support.area.project-initiation": "Lancement de projets",
    "support.area.methodology": "Élaboration de méthodologies",
    "support.step.interest": "Manifestation d'intérêt",
    "support.step.consultation": "Consultation (en ligne ou en présentiel)",
    "support.step.draft": "Proposition de projet de programme d'appui",
    "support.step.coordination": "Coordination du renforcement des capacités",
    "support.step.closed": "Clôturée",
    "support.what.interest": "Votre manifestation d'intérêt est entre les mains de l'équipe A6IP.",
    "support.what.consultation": ("L'équipe A6IP va vous contacter pour organiser une consultation en ligne ou en "
                                  "présentiel."),
    "support.what.draft": "L'équipe A6IP prépare une proposition de projet de programme d'appui pour votre pays.",
    "support.what.coordination": ("L'équipe A6IP coordonne avec vous et les partenaires les activités de renforcement "
                                  "des capacités."),
    "support.what.closed": "La demande est clôturée. Merci ; écrivez à {contact} pour toute question.",
    "support.error.country_empty": "Veuillez écrire le nom de votre pays, par exemple Tunisie.",
    "support.error.country": ("Je ne reconnais pas « {value} » comme un pays. Écrivez son nom en français, en anglais "
                              "ou en espagnol, par exemple Tunisie."),
    "support.error.institution": "Veuillez écrire le nom de votre institution (2 à 200 caractères).",
    "support.error.name": "Veuillez écrire votre nom (2 à 120 caractères).",
    "support.error.role": "Veuillez écrire votre fonction (2 à 120 caractères).",
    "support.error.email": ("« {value} » n'est pas une adresse électronique. Veuillez en saisir une comme "
                            "nom@ministere.gouv."),
    "support.error.areas": "Choisissez au moins un domaine, puis *Terminé*.",
    "support.error.area": ("Je ne connais pas le domaine « {value} ». Choisissez avec les boutons, ou écrivez "
                           "certains de ceux-ci : {areas}."),
    "support.error.timeline": "Veuillez indiquer une échéance (2 à 200 caractères), par exemple : d'ici 6 mois.",
    "support.error.needs": "Veuillez décrire vos besoins en 20 à 2 000 caractères.",
    "support.error.control": "Veuillez écrire du texte simple uniquement.",
}

ES: dict[str, str] = {
    "command.support": "Solicitar un paquete de apoyo de la A6IP",
    "support.intro": (
        "*Paquetes de apoyo de la A6IP*: el Centro A6IP ayuda a los países asociados en seis áreas (estrategia del "
        "artículo 6, autorización, presentación de información, seguimiento, inicio de proyectos, desarrollo de "
        "metodologías) mediante un proceso por etapas: expresión de interés, una consulta en línea o presencial, "
        "una propuesta de borrador del paquete de apoyo y, después, la coordinación del fomento de la capacidad.\n"
        "Puedo registrar ahora su expresión de interés: ocho preguntas breves y luego el equipo de la A6IP se "
        "pondrá en contacto con usted."),
    "support.private": "Para que sus datos de contacto sigan siendo privados, envíeme {support} en un chat privado (mensaje directo).",
    "support.resume": "Bienvenido de nuevo: sigamos con su expresión de interés donde la dejamos.",
    "support.hint": "(Escriba *cancelar* en cualquier momento para detenerse; nada se registra antes de que confirme.)",
    "support.ask.country": "1/8 · ¿Para qué *país* es la solicitud?",
    "support.ask.institution": "2/8 · ¿En qué *institución* (ministerio, agencia…) trabaja?",
    "support.ask.name": "3/8 · ¿Su *nombre*?",
    "support.ask.role": "4/8 · ¿Su *cargo*?",
    "support.ask.email": "5/8 · ¿Su *correo electrónico*, para que el equipo de la A6IP pueda contactarle?",
    "support.ask.areas": ("6/8 · ¿En qué *áreas* desea apoyo? Elija todas las que correspondan y luego *Listo*."),
    "support.ask.timeline": "7/8 · ¿Cuándo desea que comience el apoyo? Elija o escriba su propio plazo.",
    "support.ask.needs": ("8/8 · En pocas frases, ¿qué necesita? (Lo que ya existe, lo que falta, quién participa.)"),
    "support.summary": "*Revise su expresión de interés:*\n{summary}\n\n¿Está todo correcto?",
    "support.edit": "¿Qué desea cambiar?",
    "support.confirmed": (
        "Gracias. Su expresión de interés está registrada con la referencia *{reference}*. El equipo de la A6IP "
        "se pondrá en contacto con usted para una consulta, y se le informará aquí de cada etapa.\n"
        "Sus datos de contacto se conservan solo para esta solicitud, solo los ve el equipo de la A6IP y se "
        "eliminan si lo pide ({contact})."),
    "support.confirmed.email": (
        "Gracias. Su expresión de interés está registrada con la referencia *{reference}*. El equipo de la A6IP "
        "se pondrá en contacto con usted para una consulta, y se le informará de cada etapa en {email}.\n"
        "Sus datos de contacto se conservan solo para esta solicitud, solo los ve el equipo de la A6IP y se "
        "eliminan si lo pide ({contact})."),
    "support.cancelled": "Cancelado: no se registró nada. Envíe {support} cuando quiera empezar de nuevo.",
    "support.later": "De acuerdo. Envíe {support} cuando quiera empezar.",
    "support.closed": "Esta expresión de interés ya no está abierta; envíe {support} para empezar de nuevo.",
    "support.notice": "Su solicitud de apoyo de la A6IP *{reference}* pasa a la etapa: *{step}*.\n{what}",
    "support.notice.subject": "Su solicitud de apoyo de la A6IP {reference}: {step}",
    "support.field.country": "País",
    "support.field.institution": "Institución",
    "support.field.name": "Nombre",
    "support.field.role": "Cargo",
    "support.field.email": "Correo electrónico",
    "support.field.areas": "Áreas",
    "support.field.timeline": "Plazo",
    "support.field.needs": "Necesidades",
    "support.button.start": "Empezar la expresión de interés",
    "support.button.later": "Ahora no",
    "support.button.done": "Listo",
    "support.button.confirm": "Enviar",
    "support.button.edit": "Cambiar algo",
    "support.button.cancel": "Cancelar",
    "support.button.web": "Solicitar apoyo de la A6IP",
    "support.timeline.3m": "En 3 meses",
    "support.timeline.6m": "En 6 meses",
    "support.timeline.12m": "En un año",
    "support.timeline.open": "Aún no decidido",
    "support.area.strategy": "Estrategia del artículo 6",
    "support.area.authorization": "Autorización",
    "support.area.reporting": "Presentación de información",
    "support.area.tracking": "Seguimiento",
    "support.area.project-initiation": "Inicio de proyectos",
    "support.area.methodology": "Desarrollo de metodologías",
    "support.step.interest": "Expresión de interés",
    "support.step.consultation": "Consulta (en línea o presencial)",
    "support.step.draft": "Propuesta de borrador del paquete de apoyo",
    "support.step.coordination": "Coordinación del fomento de la capacidad",
    "support.step.closed": "Cerrada",
    "support.what.interest": "Su expresión de interés está en manos del equipo de la A6IP.",
    "support.what.consultation": ("El equipo de la A6IP se pondrá en contacto con usted para organizar una consulta "
                                  "en línea o presencial."),
    "support.what.draft": "El equipo de la A6IP está preparando una propuesta de borrador del paquete de apoyo para su país.",
    "support.what.coordination": ("El equipo de la A6IP coordina con usted y los asociados las actividades de fomento "
                                  "de la capacidad."),
    "support.what.closed": "La solicitud está cerrada. Gracias; escriba a {contact} si tiene alguna pregunta.",
    "support.error.country_empty": "Escriba el nombre de su país, por ejemplo Túnez.",
    "support.error.country": ("No reconozco «{value}» como un país. Escriba su nombre en español, inglés o francés, "
                              "por ejemplo Túnez."),
    "support.error.institution": "Escriba el nombre de su institución (de 2 a 200 caracteres).",
    "support.error.name": "Escriba su nombre (de 2 a 120 caracteres).",
    "support.error.role": "Escriba su cargo (de 2 a 120 caracteres).",
    "support.error.email": "«{value}» no es una dirección de correo electrónico. Escriba una como nombre@ministerio.gob.",
    "support.error.areas": "Elija al menos un área y luego *Listo*.",
    "support.error.area": "No conozco el área «{value}». Elija con los botones o escriba algunas de estas: {areas}.",
    "support.error.timeline": "Indique un plazo (de 2 a 200 caracteres), por ejemplo: en 6 meses.",
    "support.error.needs": "Describa sus necesidades en 20 a 2000 caracteres.",
    "support.error.control": "Escriba solo texto simple.",
}
