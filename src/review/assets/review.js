// kurso review: live check, save, approve, chips kept whole, keyboard. Plain JavaScript, no
// framework; the page works without it (read-only), and every check runs on the server.
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="kurso-csrf"]').content;
  const locale = document.querySelector('meta[name="kurso-locale"]').content;
  const api = (what) => "/api/locale/" + encodeURIComponent(locale) + "/" + what;
  const TOKEN = /⟦\/?\d+⟧/g;

  function post(what, body) {
    return fetch(api(what), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-Kurso-Csrf": csrf },
      body: JSON.stringify(body),
    }).then((response) => response.json().then((data) => ({ status: response.status, data })));
  }

  function texts(article) {
    const units = {};
    article.querySelectorAll("textarea[data-unit]").forEach((t) => { units[t.dataset.unit] = t.value; });
    return units;
  }

  function setList(element, className, heading, lines) {
    element.textContent = "";
    if (!lines.length) return;
    const p = document.createElement("p");
    p.className = className;
    p.textContent = heading;
    element.appendChild(p);
    const ul = document.createElement("ul");
    lines.forEach((line) => { const li = document.createElement("li"); li.textContent = line; ul.appendChild(li); });
    element.appendChild(ul);
  }

  function setBlocked(article, errors, warnings) {
    const live = article.querySelector('[data-role="live"]');
    article.dataset.blocked = errors.length ? "true" : "false";
    article.querySelectorAll("button[data-action]").forEach((b) => { b.disabled = errors.length > 0; });
    if (errors.length) {
      setList(live, "blocked", "Cannot be saved:", errors);
    } else {
      setList(live, "warning", "Worth a look:", warnings);
    }
  }

  // The live check: debounced, through the server's rules. Resolves to true when the text
  // may be saved.
  function check(article) {
    clearTimeout(article._timer);
    const body = { file: article.dataset.file, id: article.dataset.id, units: texts(article) };
    article._checking = post("check", body).then(({ status, data }) => {
      if (status !== 200) { setBlocked(article, [data.error || "the check failed"], []); return false; }
      setBlocked(article, data.errors, data.warnings);
      return data.ok;
    }).catch(() => { setBlocked(article, ["the server did not answer"], []); return false; });
    return article._checking;
  }

  function schedule(article) {
    clearTimeout(article._timer);
    article.dataset.blocked = "pending";
    article._timer = setTimeout(() => check(article), 300);
  }

  function showItem(article, item) {
    article.dataset.version = item.version;
    article.dataset.status = item.status;
    const badge = article.querySelector('[data-role="status"]');
    badge.textContent = item.status;
    badge.className = "badge status-" + item.status;
    const origin = article.querySelector('[data-role="origin"]');
    origin.textContent = item.origin
      ? "origin " + item.origin + (item.changed_by ? ", by " + item.changed_by : "") + (item.changed_on ? " on " + item.changed_on : "")
      : "no state record";
    const findings = article.querySelector('[data-role="findings"]');
    findings.textContent = "";
    item.findings.forEach((f) => {
      const li = document.createElement("li");
      li.className = "level-" + f.level;
      li.textContent = f.rule + ": " + f.message;
      findings.appendChild(li);
    });
  }

  function result(article, text, ok) {
    const span = article.querySelector('[data-role="result"]');
    span.textContent = text;
    span.className = "result " + (ok ? "ok" : "error");
  }

  async function save(article, action) {
    if (article.dataset.blocked !== "false") {
      const ok = await check(article);
      if (!ok) { result(article, "Not saved: fix what is listed above.", false); return; }
    }
    const conflict = article.querySelector('[data-role="conflict"]');
    const body = {
      file: article.dataset.file, id: article.dataset.id, version: article.dataset.version,
      action, units: texts(article),
    };
    const { status, data } = await post("save", body);
    if (status === 200) {
      conflict.hidden = true;
      showItem(article, data.item);
      result(article, data.result === "unchanged" ? "Already saved: nothing changed." : (action === "approve" ? "Approved (reviewed)." : "Saved (edited)."), true);
    } else if (status === 409) {
      // Someone else saved first: show their text; the next save is made against it.
      conflict.hidden = false;
      conflict.textContent = "";
      const p = document.createElement("p");
      p.textContent = data.error;
      conflict.appendChild(p);
      data.item.units.forEach((unit) => {
        const pre = document.createElement("pre");
        pre.dataset.role = "current";
        pre.textContent = unit.text;
        conflict.appendChild(pre);
      });
      showItem(article, data.item);
      result(article, "Not saved: the message changed meanwhile.", false);
    } else {
      result(article, "Not saved: " + (data.error || "the server refused it"), false);
    }
  }

  // Chips stay whole: deleting into a token deletes the token, typing inside one moves past it.
  function tokenAt(value, start, end) {
    const spans = [];
    let m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(value))) spans.push([m.index, m.index + m[0].length]);
    let from = start, to = end;
    spans.forEach(([a, b]) => {
      if (a < to && b > from) { from = Math.min(from, a); to = Math.max(to, b); }
    });
    return [from, to, spans];
  }

  function keepTokensWhole(textarea, event) {
    const value = textarea.value;
    let start = textarea.selectionStart, end = textarea.selectionEnd;
    if (event.key === "Backspace" || event.key === "Delete") {
      if (start === end) {
        if (event.key === "Backspace") start = Math.max(0, start - 1); else end = Math.min(value.length, end + 1);
      }
      const [from, to, spans] = tokenAt(value, start, end);
      const touches = spans.some(([a, b]) => a < to && b > from);
      if (!touches) return;
      event.preventDefault();
      textarea.setRangeText("", from, to, "start");
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  function moveOutOfToken(textarea) {
    const caret = textarea.selectionStart;
    if (caret !== textarea.selectionEnd) return;
    const [, , spans] = tokenAt(textarea.value, caret, caret);
    spans.forEach(([a, b]) => { if (a < caret && caret < b) textarea.setSelectionRange(b, b); });
  }

  function insertChip(button) {
    const unit = button.closest(".unit");
    const textarea = unit.querySelector("textarea");
    moveOutOfToken(textarea);
    const start = textarea.selectionStart, end = textarea.selectionEnd;
    const selected = textarea.value.slice(start, end);
    const closing = button.dataset.closing || "";
    textarea.setRangeText(button.dataset.token + selected + closing, start, end, "end");
    textarea.focus();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  const articles = () => Array.from(document.querySelectorAll("article.message"));
  let current = null;
  function focusArticle(article) {
    if (!article) return;
    if (current) current.classList.remove("current");
    current = article;
    article.classList.add("current");
    const textarea = article.querySelector("textarea");
    (textarea || article).focus();
    article.scrollIntoView({ block: "nearest" });
  }

  articles().forEach((article) => {
    article.dataset.blocked = "unchecked";
    article.addEventListener("focusin", () => { if (current !== article) { if (current) current.classList.remove("current"); current = article; article.classList.add("current"); } });
    article.querySelectorAll("textarea").forEach((textarea) => {
      textarea.addEventListener("input", () => schedule(article));
      textarea.addEventListener("keydown", (event) => keepTokensWhole(textarea, event));
      textarea.addEventListener("beforeinput", (event) => {
        if (event.inputType && event.inputType.startsWith("insert")) moveOutOfToken(textarea);
      });
    });
    article.querySelectorAll("button[data-action]").forEach((button) => {
      button.addEventListener("click", () => save(article, button.dataset.action));
    });
    article.querySelectorAll("button.chip[data-token]").forEach((button) => {
      button.addEventListener("click", () => insertChip(button));
    });
  });

  document.addEventListener("keydown", (event) => {
    const article = current || articles()[0];
    if (!article) return;
    if ((event.ctrlKey || event.metaKey) && (event.key === "s" || event.key === "S")) {
      event.preventDefault();
      save(article, "save");
    } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      save(article, "approve");
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      const all = articles();
      const at = all.indexOf(article);
      focusArticle(all[event.key === "ArrowDown" ? Math.min(all.length - 1, at + 1) : Math.max(0, at - 1)]);
    }
  });
  document.documentElement.dataset.ready = "true";
})();
