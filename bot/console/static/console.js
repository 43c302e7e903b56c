// Small helpers only: confirm before destructive actions, and show that a slow form is working.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const trigger = event.submitter;
  const question = (trigger && trigger.dataset.confirm) || form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  if (form.dataset.busy && trigger) {
    // Disable after the browser has collected the form data, so the button's own value is still sent.
    setTimeout(() => { trigger.disabled = true; trigger.textContent = form.dataset.busy; }, 0);
  }
});
