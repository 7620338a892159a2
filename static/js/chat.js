// Mentos chat client: one websocket per counsel page. Message text is only ever set with
// textContent, never parsed as HTML.
(function () {
  "use strict";
  const root = document.getElementById("chat");
  if (!root) return;
  const transcript = document.getElementById("transcript");
  const composer = document.getElementById("composer");
  const input = document.getElementById("message");
  const errorBox = document.getElementById("composer-error");
  const statusBox = document.getElementById("chat-status");
  const endForm = document.getElementById("end-form");
  const avatar = root.dataset.avatar || "";
  const maxChars = parseInt(root.dataset.maxChars || "2000", 10);
  const FINAL_CODES = [4401, 4403, 4404];

  let socket = null;
  let retryDelay = 500;
  let ended = root.dataset.open !== "1";
  const outbox = []; // frames waiting for an open socket (same client_msg_id: sent once)
  const lastSeq = new Map(); // dialog_id -> last delta seq shown
  // Emotion labels are stored in Korean; the page gives their names in the reader's language.
  const namesNode = document.getElementById("emotion-names");
  const emotionNames = namesNode ? JSON.parse(namesNode.textContent) : {};

  function str(name) { return root.dataset[name] || ""; }
  function errorText(code, fallback) {
    // data-str-error-rate_limited is dataset.strErrorRate_limited
    return root.dataset["strError" + code.charAt(0).toUpperCase() + code.slice(1)] || fallback || code;
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function scrollDown() { window.scrollTo(0, document.body.scrollHeight); transcript.scrollTop = transcript.scrollHeight; }
  function setStatus(text) { if (statusBox) statusBox.textContent = text; }

  // --- transcript -----------------------------------------------------------------------
  function userItem(dialogId, clientMsgId) {
    let li = null;
    if (dialogId) li = transcript.querySelector('li.msg-user[data-dialog-id="' + dialogId + '"]');
    if (!li && clientMsgId) {
      li = Array.from(transcript.querySelectorAll("li.msg-user")).find((n) => n.dataset.clientMsgId === String(clientMsgId)) || null;
    }
    return li;
  }
  function addUserItem(text, clientMsgId, dialogId) {
    const li = el("li", "msg msg-user");
    if (clientMsgId) li.dataset.clientMsgId = clientMsgId;
    if (dialogId) li.dataset.dialogId = dialogId;
    li.appendChild(el("div", "bubble", text));
    transcript.appendChild(li);
    return li;
  }
  function typingBubble() {
    const bubble = el("div", "bubble is-typing");
    const dots = el("span", "typing");
    dots.setAttribute("aria-label", str("strTyping"));
    dots.append(el("i"), el("i"), el("i"));
    bubble.appendChild(dots);
    return bubble;
  }
  function replyItem(dialogId, create) {
    let li = transcript.querySelector('li.msg-ai[data-reply-for="' + dialogId + '"]');
    if (!li && create) {
      li = el("li", "msg msg-ai");
      li.dataset.replyFor = dialogId;
      li.dataset.status = "pending";
      li.appendChild(el("span", "avatar", avatar)).setAttribute("aria-hidden", "true");
      li.appendChild(typingBubble());
      const user = userItem(dialogId);
      if (user && user.nextSibling) transcript.insertBefore(li, user.nextSibling);
      else transcript.appendChild(li);
    }
    return li;
  }
  function bubbleOf(li) {
    let bubble = li.querySelector(".bubble");
    if (!bubble) bubble = li.appendChild(el("div", "bubble"));
    return bubble;
  }
  function setReplyText(li, text) {
    const bubble = bubbleOf(li);
    bubble.className = "bubble";
    bubble.textContent = text;
  }
  function ensureDialog(frame) {
    let user = userItem(frame.dialog_id, frame.client_msg_id);
    if (!user && frame.u_message !== undefined) user = addUserItem(frame.u_message, frame.client_msg_id, frame.dialog_id);
    if (user) {
      user.dataset.dialogId = frame.dialog_id;
      user.classList.remove("is-sending");
    }
    return replyItem(frame.dialog_id, true);
  }
  function setBadge(dialogId, label) {
    const user = userItem(dialogId);
    if (!user || !label) return;
    let badge = user.querySelector(".emotion-badge");
    if (!badge) {
      badge = el("span", "emotion-badge");
      badge.title = str("strEmotion");
      user.insertBefore(badge, user.firstChild);
    }
    badge.textContent = emotionNames[label] || label;
  }
  function showFailed(dialogId) {
    const li = replyItem(dialogId, true);
    li.dataset.status = "failed";
    const bubble = bubbleOf(li);
    bubble.className = "bubble bubble-error";
    bubble.textContent = str("strFailed") + " ";
    if (!ended) {
      const button = el("button", "retry-button button button-small", str("strRetry"));
      button.type = "button";
      button.dataset.dialogId = dialogId;
      bubble.appendChild(button);
    }
  }
  function helplineBox(resources) {
    // the page's own helpline list (in the reader's language); the frame's list if there is none
    const template = document.getElementById("crisis-helplines");
    if (template) return template.content.firstElementChild.cloneNode(true);
    const box = el("div", "crisis-box");
    const list = el("ul", "helpline-list");
    (resources || []).forEach((r) => {
      const link = el("a", "helpline");
      link.href = "tel:" + String(r.number || "").replace(/[^0-9]/g, "");
      link.append(el("strong", "", String(r.number || "")), el("span", "", (r.name || "") + (r.description ? " — " + r.description : "")));
      list.appendChild(el("li")).appendChild(link);
    });
    box.appendChild(list);
    return box;
  }
  function showCrisis(frame) {
    const li = replyItem(frame.dialog_id, true);
    li.classList.add("is-crisis");
    if (li.querySelector(".crisis-box")) return;
    // frame.message is also the reply (delta/done put it in the bubble): only the helplines go here
    const box = helplineBox(frame.resources);
    box.setAttribute("role", "alert");
    li.appendChild(box);
  }
  function endChat() {
    ended = true;
    root.classList.add("is-ended");
    if (composer) composer.remove();
    if (endForm) endForm.remove();
    transcript.querySelectorAll(".retry-button").forEach((b) => b.remove());
    setStatus("");
    if (!root.querySelector(".ended-note")) {
      const note = el("p", "muted ended-note", str("strEnded") + " ");
      if (root.dataset.listUrl) {
        const link = el("a", "", str("strList"));
        link.href = root.dataset.listUrl;
        note.appendChild(link);
      }
      if (root.dataset.historyUrl) {
        const link = el("a", "", str("strHistory"));
        link.href = root.dataset.historyUrl;
        note.append(" · ", link);
      }
      root.appendChild(note);
    }
  }

  // --- frames from the server -----------------------------------------------------------
  const handlers = {
    ack(frame) {
      const li = ensureDialog(frame);
      if (li.dataset.status !== "done") li.dataset.status = frame.status || "pending";
    },
    emotion(frame) { ensureDialog(frame); setBadge(frame.dialog_id, frame.label); },
    delta(frame) {
      const li = ensureDialog(frame);
      if (li.dataset.status === "done") return;
      const seen = lastSeq.has(frame.dialog_id) ? lastSeq.get(frame.dialog_id) : -1;
      if (frame.replace) {
        setReplyText(li, frame.text);
      } else {
        if (frame.seq <= seen) return; // a second tab or a resume already showed it
        const bubble = bubbleOf(li);
        const before = bubble.classList.contains("is-typing") ? "" : bubble.textContent;
        setReplyText(li, before ? before + " " + frame.text : frame.text);
      }
      lastSeq.set(frame.dialog_id, Math.max(seen, frame.seq));
      li.dataset.status = "running";
    },
    crisis(frame) { ensureDialog(frame); showCrisis(frame); },
    done(frame) {
      const li = ensureDialog(frame);
      setReplyText(li, frame.change_dialog); // the whole reply: a dropped delta never sticks
      li.dataset.status = "done";
      if (frame.is_crisis) li.classList.add("is-crisis");
      if (frame.emotion) setBadge(frame.dialog_id, frame.emotion.label);
    },
    error(frame) {
      if (frame.dialog_id) { showFailed(frame.dialog_id); return; }
      if (frame.client_msg_id) {
        const pending = userItem(null, frame.client_msg_id);
        if (pending && !pending.dataset.dialogId) {
          if (input && !input.value) input.value = pending.querySelector(".bubble").textContent;
          pending.remove();
        }
      }
      showError(errorText(frame.code, frame.message));
      if (frame.code === "counsel_ended") endChat();
    },
    ended() { endChat(); },
  };

  function showError(text) {
    if (!errorBox) return;
    errorBox.textContent = text;
    errorBox.hidden = !text;
  }

  // --- the socket -----------------------------------------------------------------------
  function resumeAfter() {
    // everything after the last dialog known finished, with no unfinished one before it
    let after = 0;
    for (const li of transcript.querySelectorAll("li.msg-ai[data-reply-for]")) {
      if (li.dataset.status !== "done" && li.dataset.status !== "failed") break;
      after = parseInt(li.dataset.replyFor, 10);
    }
    return after;
  }
  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
    else outbox.push(frame);
  }
  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + root.dataset.wsPath);
    socket.addEventListener("open", () => {
      retryDelay = 500;
      if (!ended) setStatus(str("strConnected"));
      socket.send(JSON.stringify({ type: "resume", after: resumeAfter() }));
      while (outbox.length) socket.send(JSON.stringify(outbox.shift()));
    });
    socket.addEventListener("message", (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      const handler = handlers[frame.type];
      if (handler) { handler(frame); scrollDown(); }
    });
    socket.addEventListener("close", (event) => {
      if (FINAL_CODES.includes(event.code)) { setStatus(""); return; }
      setStatus(str("strReconnecting"));
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10000);
    });
  }

  // --- the composer ---------------------------------------------------------------------
  function submitMessage() {
    if (ended || !input) return;
    const text = input.value.trim();
    if (!text) return;
    if (text.length > maxChars) { showError(errorText("message_too_long")); return; }
    const clientMsgId = newId();
    addUserItem(text, clientMsgId).classList.add("is-sending");
    input.value = "";
    showError("");
    send({ type: "message", text: text, client_msg_id: clientMsgId });
    scrollDown();
    input.focus(); // after a click on 보내기 too: the next line can be typed straight away
  }
  if (composer) {
    composer.addEventListener("submit", (event) => { event.preventDefault(); submitMessage(); });
    input.addEventListener("keydown", (event) => {
      // Enter while a Korean IME is composing only commits the syllable
      if (event.key !== "Enter" || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      submitMessage();
    });
  }
  transcript.addEventListener("click", (event) => {
    const button = event.target.closest(".retry-button");
    if (!button) return;
    const li = replyItem(button.dataset.dialogId, true);
    li.dataset.status = "pending";
    li.replaceChild(typingBubble(), bubbleOf(li));
    send({ type: "retry", dialog_id: parseInt(button.dataset.dialogId, 10) });
  });
  if (endForm) {
    endForm.addEventListener("submit", (event) => {
      if (!window.confirm(str("strEndConfirm"))) { event.preventDefault(); return; }
      if (socket && socket.readyState === WebSocket.OPEN) {
        event.preventDefault();
        send({ type: "end" });
      }
    });
  }
  connect();
})();
