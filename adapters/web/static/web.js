// The public web chat: sends questions, feedback, staff requests and subscriptions as JSON with the page's
// visitor token, and shows the answers. Text only goes in with textContent, never as HTML.
"use strict";
(function () {
  const body = document.body;
  const language = body.dataset.language;
  const texts = JSON.parse(document.getElementById("texts").textContent);
  // The token (and so the conversation) survives a reload of this tab, until it expires.
  const stored = sessionStorage.getItem("a6bot-token");
  const token = stored || body.dataset.token;
  if (!stored) { sessionStorage.setItem("a6bot-token", token); }

  async function post(path, data) {
    const response = await fetch(path + "?lang=" + encodeURIComponent(language), {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(Object.assign({ token: token, language: language }, data)),
    });
    let payload = {};
    try { payload = await response.json(); } catch (error) { payload = {}; }
    if (response.status === 403) { sessionStorage.removeItem("a6bot-token"); }
    if (!response.ok) { throw new Error(payload.error || response.statusText); }
    return payload;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  const log = document.getElementById("log");
  const form = document.getElementById("ask-form");
  const box = document.getElementById("question");
  const askButton = document.getElementById("ask");
  const chatError = document.getElementById("chat-error");

  function say(who, className) {
    const item = element("li", className);
    item.appendChild(element("span", "who", who));
    log.appendChild(item);
    return item;
  }

  function sources(list) {
    const ol = element("ol", "sources");
    ol.setAttribute("aria-label", texts["answer.sources"]);
    for (const source of list) {
      const li = element("li");
      li.value = source.n;
      if (source.url && /^(https?:|mailto:)/i.test(source.url)) {  // the server sends no other scheme
        const a = element("a", null, source.citation);
        a.href = source.url;
        a.rel = "noopener noreferrer";
        li.appendChild(a);
      } else {
        li.textContent = source.citation;
      }
      ol.appendChild(li);
    }
    return ol;
  }

  function actions(item, answer) {
    const row = element("div", "actions");
    if (answer.more) {
      const more = element("div", "more", answer.more);
      more.hidden = true;
      more.id = "more-" + log.children.length;
      const toggle = element("button", "secondary", texts["web.more"]);
      toggle.type = "button";
      toggle.setAttribute("aria-expanded", "false");
      toggle.setAttribute("aria-controls", more.id);
      toggle.addEventListener("click", () => {
        more.hidden = !more.hidden;
        toggle.setAttribute("aria-expanded", String(!more.hidden));
        toggle.textContent = more.hidden ? texts["web.more"] : texts["web.less"];
      });
      row.appendChild(toggle);
      item.insertBefore(more, item.querySelector(".sources"));
    }
    if (answer.ref) {
      const group = element("span", "feedback");
      group.appendChild(element("span", null, texts["web.helpful"] + " "));
      for (const [label, helpful] of [[texts["web.yes"], true], [texts["web.no"], false]]) {
        const button = element("button", "secondary", label);
        button.type = "button";
        button.addEventListener("click", async () => {
          try {
            group.textContent = (await post("/web/feedback", { ref: answer.ref, helpful: helpful })).message;
          } catch (error) { group.textContent = error.message; }
        });
        group.appendChild(button);
      }
      row.appendChild(group);
      const staff = element("button", "secondary", texts["button.staff"]);
      staff.type = "button";
      staff.addEventListener("click", async () => {
        staff.disabled = true;
        try {
          const email = document.getElementById("staff-email");
          const result = await post("/web/staff", { ref: answer.ref, email: email ? email.value : "" });
          row.appendChild(element("span", "staff-result", result.message));
        } catch (error) { row.appendChild(element("span", "error", error.message)); staff.disabled = false; }
      });
      row.appendChild(staff);
    }
    item.appendChild(row);
  }

  // The support-package flow: its replies carry *bold* markup and buttons; a ticked area redraws its message,
  // any other reply follows below and the previous reply's buttons go (they answered an earlier question).
  let supportItem = null;

  function formatted(text) {
    const node = element("div", "text");
    text.split("*").forEach((part, index) => {
      if (part) { node.appendChild(index % 2 ? element("strong", null, part) : document.createTextNode(part)); }
    });
    return node;
  }

  function supportReply(reply, redraw) {
    if (supportItem && !redraw) {
      const old = supportItem.querySelector(".support-buttons");
      if (old) { old.remove(); }
    }
    const item = redraw && supportItem ? supportItem : say(texts["web.bot"], "bot support");
    if (redraw && supportItem) { item.replaceChildren(element("span", "who", texts["web.bot"])); }
    item.appendChild(formatted(reply.text));
    if (reply.buttons.length) {
      const row = element("div", "actions support-buttons");
      for (const choice of reply.buttons) {
        const button = element("button", "secondary", (choice.chosen ? "✓ " : "") + choice.label);
        button.type = "button";
        button.dataset.value = choice.value;
        if (choice.value.startsWith("area:")) { button.setAttribute("aria-pressed", String(choice.chosen)); }
        button.addEventListener("click", () => press(choice.value, row));
        row.appendChild(button);
      }
      item.appendChild(row);
    }
    supportItem = reply.done ? null : item;
    return item;
  }

  async function press(value, row) {
    const buttons = Array.from(row.querySelectorAll("button"));
    buttons.forEach((button) => { button.disabled = true; });
    chatError.hidden = true;
    try {
      const result = await post("/web/support", { value: value });
      const redraw = value.startsWith("area:") && !result.support.done;
      supportReply(result.support, redraw);
      const again = redraw && supportItem.querySelector(`button[data-value="${value}"]`);
      if (again) { again.focus(); } else { box.focus(); }
    } catch (error) {
      buttons.forEach((button) => { button.disabled = false; });
      chatError.textContent = error.message;
      chatError.hidden = false;
    }
  }

  document.getElementById("support").addEventListener("click", async () => {
    chatError.hidden = true;
    try { supportReply((await post("/web/support", { command: true })).support, false); }
    catch (error) { chatError.textContent = error.message; chatError.hidden = false; }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const question = box.value.trim();
    chatError.hidden = true;
    if (!question) { box.focus(); return; }
    say(texts["web.you"], "you").appendChild(element("span", "text", question));
    box.value = "";
    askButton.disabled = true;
    const label = askButton.textContent;
    askButton.textContent = texts["web.thinking"];
    try {
      const answer = await post("/web/ask", { question: question });
      if (answer.support) { supportReply(answer.support, false); return; }
      const item = say(texts["web.bot"], "bot answer " + (answer.answered ? "answered" : "unanswered"));
      item.lang = answer.language;
      if (answer.resolved_question) { item.appendChild(element("p", "understood", answer.resolved_question)); }
      item.appendChild(element("div", "text", answer.answer));
      if (answer.footer) { item.appendChild(element("p", "footer", answer.footer)); }
      if (answer.sources.length) { item.appendChild(sources(answer.sources)); }
      actions(item, answer);
      const staffQuestion = document.getElementById("staff-question");
      if (staffQuestion && !staffQuestion.value) { staffQuestion.value = question; }
    } catch (error) {
      chatError.textContent = error.message;
      chatError.hidden = false;
      box.value = question;
    } finally {
      askButton.disabled = false;
      askButton.textContent = label;
      box.focus();
    }
  });

  box.addEventListener("keydown", (event) => {  // Enter asks; Shift+Enter starts a new line
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  function wire(formId, resultId, path, read) {
    const target = document.getElementById(formId);
    if (!target) { return; }
    const result = document.getElementById(resultId);
    target.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = target.querySelector("button[type=submit]");
      button.disabled = true;
      result.classList.remove("error");
      try {
        result.textContent = (await post(path || target.dataset.action, read(target))).message;
      } catch (error) {
        result.textContent = error.message;
        result.classList.add("error");
      } finally { button.disabled = false; }
    });
  }

  wire("staff-form", "staff-result", "/web/staff", (f) => ({
    question: f.elements.question.value, email: f.elements.email ? f.elements.email.value : "" }));
  wire("subscribe-form", "subscribe-result", null, (f) => ({
    email: f.elements.email.value, timezone: f.elements.timezone.value,
    topics: Array.from(f.querySelectorAll("input[name=topics]:checked")).map((input) => input.value) }));

  const zone = document.getElementById("subscribe-zone");
  if (zone && !zone.value) {
    try { zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (error) { zone.value = ""; }
  }
})();
