// Small helpers only: confirm before destructive actions, show that a slow form is working, and size the
// dashboard's bars (set here, as the CSP allows no inline style attributes).
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

for (const bar of document.querySelectorAll(".bar[data-width]")) {
  bar.style.width = `${Number(bar.dataset.width)}%`;
}
