/* Tandem Room link – the participants' page.
   No framework, no markup from data: every text from the server is set with textContent. */
"use strict";
(function () {
  var POLL_MS = 2000;
  var csrf = "";
  var words = null;
  var lang = "en";
  var last = {};           // the parts of the state last drawn, as JSON, so typing is not interrupted
  var dots = {};           // the dots this phone is placing in the open round
  var activeTab = "show";
  var timer = null;
  var offline = false;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function t(key, values) {
    var text = (words && words.text[key]) || key;
    if (values) Object.keys(values).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }
  function pickLanguage() {
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"]);
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).toLowerCase().slice(0, 2);
      if (code === "de" || code === "en") return code;
    }
    return "en";
  }
  function say(text, bad) {
    var status = $("status");
    status.textContent = text || "";
    status.className = bad ? "bad" : "";
  }

  function request(method, path, body) {
    var options = { method: method, credentials: "same-origin", cache: "no-store", headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRF-Token"] = csrf || "join";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { status: response.status, data: data || {} };
      });
    });
  }
  function problem(answer) {
    var code = answer.data && answer.data.error;
    var key = "err_" + code;
    return words && words.text[key] ? t(key) : t("err_other");
  }

  /* -- words ---------------------------------------------------------------------------------------- */
  function applyWords() {
    document.documentElement.lang = lang;
    var nodes = document.querySelectorAll("[data-t]");
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute("data-t"));
    var sides = document.querySelectorAll("#join [data-t=marketing], #join [data-t=sales]");
    for (var j = 0; j < sides.length; j++) sides[j].textContent = words.sides[sides[j].getAttribute("data-t")];
    document.title = t("app");
  }

  /* -- joining -------------------------------------------------------------------------------------- */
  function showJoin() {
    $("room").hidden = true;
    $("side-badge").hidden = true;
    $("join").hidden = false;
    last = {};
  }
  $("join-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var side = document.querySelector("input[name=side]:checked");
    if (!side) { say(t("err_side"), true); return; }
    request("POST", "/api/join", { pin: $("pin").value.trim(), side: side.value, name: $("name").value })
      .then(function (answer) {
        if (answer.status === 200) {
          csrf = answer.data.csrf;
          $("pin").value = "";
          say("");
          poll();
        } else {
          say(problem(answer), true);
          $("pin").focus();
        }
      }, function () { say(t("err_offline"), true); });
  });

  /* -- tabs ----------------------------------------------------------------------------------------- */
  var TABS = ["show", "card", "vote", "check"];
  function select(name, focus) {
    activeTab = name;
    TABS.forEach(function (tab) {
      var button = $("tab-" + tab), panel = $("panel-" + tab);
      var on = tab === name;
      button.setAttribute("aria-selected", on ? "true" : "false");
      button.tabIndex = on ? 0 : -1;
      panel.hidden = !on;
    });
    if (focus) $("tab-" + name).focus();
  }
  TABS.forEach(function (tab) {
    $("tab-" + tab).addEventListener("click", function () { say(""); select(tab, false); });
  });
  $("tabs").addEventListener("keydown", function (event) {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    var shown = TABS.filter(function (tab) { return !$("tab-" + tab).hidden; });
    var at = shown.indexOf(activeTab);
    var next = shown[(at + (event.key === "ArrowRight" ? 1 : shown.length - 1)) % shown.length];
    select(next, true);
    event.preventDefault();
  });

  /* -- what the projector shows --------------------------------------------------------------------- */
  function drawView(view) {
    $("show-title").textContent = view.title || "";
    $("show-phase").textContent = words.phases[view.phase] || "";
    var box = $("show-entries");
    box.replaceChildren();
    view.entries.forEach(function (entry) {
      var block = el("article", null, "entry" + (entry.side ? " side-" + entry.side : ""));
      block.appendChild(el("h3", entry.heading));
      if (entry.side && words.sides[entry.side]) block.appendChild(el("p", words.sides[entry.side], "who"));
      entry.lines.forEach(function (line) { block.appendChild(el("p", line)); });
      box.appendChild(block);
    });
  }

  /* -- cards ---------------------------------------------------------------------------------------- */
  function drawKinds(kinds) {
    var select_ = $("card-kind");
    select_.replaceChildren();
    kinds.forEach(function (kind) {
      var option = el("option", kind === "parking" ? t("parking") : (words.kinds[kind] || kind));
      option.value = kind;
      select_.appendChild(option);
    });
    $("card-none").hidden = kinds.length > 0;
    $("card-form").hidden = kinds.length === 0;
  }
  $("card-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var body = { kind: $("card-kind").value, title: $("card-title").value, detail: $("card-detail").value };
    if (!body.title.trim()) { say(t("err_empty"), true); $("card-title").focus(); return; }
    request("POST", "/api/cards", body).then(function (answer) {
      if (answer.status === 200) {
        $("card-title").value = "";
        $("card-detail").value = "";
        say(t("card_sent"));
      } else {
        if (answer.status === 401) showJoin();
        say(problem(answer), true);
      }
    }, function () { say(t("err_offline"), true); });
  });

  /* -- voting --------------------------------------------------------------------------------------- */
  var round = null;
  function placed() { return Object.keys(dots).reduce(function (sum, k) { return sum + dots[k]; }, 0); }
  function drawRound(r) {
    round = r;
    $("tab-vote").hidden = !r;
    if (!r) { if (activeTab === "vote") select("show", false); return; }
    var list = $("vote-items");
    list.replaceChildren();
    var mine = r.mine;
    var votable = r.open && !mine;
    if (!votable) dots = {};
    r.items.forEach(function (item) {
      var row = el("li", null, "item");
      var label = el("span", item.label, "label");
      row.appendChild(label);
      var given = mine ? (mine[item.id] || 0) : (dots[item.id] || 0);
      var count = el("span", t("vote_count", { n: given }), "count");
      if (votable) {
        var less = el("button", "−", "dot");
        less.type = "button";
        less.setAttribute("aria-label", t("vote_less", { item: item.label }));
        less.addEventListener("click", function () {
          if (dots[item.id]) dots[item.id] -= 1;
          drawRound(round);
        });
        var more = el("button", "+", "dot");
        more.type = "button";
        more.setAttribute("aria-label", t("vote_more", { item: item.label }));
        more.disabled = placed() >= r.dots;
        more.addEventListener("click", function () {
          if (placed() < round.dots) dots[item.id] = (dots[item.id] || 0) + 1;
          drawRound(round);
        });
        row.appendChild(less);
        row.appendChild(count);
        row.appendChild(more);
      } else {
        row.appendChild(count);
      }
      list.appendChild(row);
    });
    $("vote-send").hidden = !votable;
    $("vote-send").disabled = placed() === 0;
    $("vote-info").textContent = mine ? t("vote_mine") : (!r.open ? t("vote_closed")
      : t("vote_left", { n: r.dots - placed(), total: r.dots }));
    var result = $("vote-result");
    result.replaceChildren();
    $("result-heading").hidden = result.hidden = !r.result;
    if (r.result) {
      r.items.slice().sort(function (a, b) { return (r.result.tallies[b.id] || 0) - (r.result.tallies[a.id] || 0); })
        .forEach(function (item) {
          var row = el("li", null, "item");
          row.appendChild(el("span", item.label, "label"));
          row.appendChild(el("span", t("vote_count", { n: r.result.tallies[item.id] || 0 }), "count"));
          result.appendChild(row);
        });
    }
  }
  $("vote-send").addEventListener("click", function () {
    if (!round) return;
    request("POST", "/api/votes", { round: round.id, dots: dots }).then(function (answer) {
      if (answer.status === 200) { dots = {}; say(""); poll(); }
      else { if (answer.status === 401) showJoin(); say(problem(answer), true); }
    }, function () { say(t("err_offline"), true); });
  });

  /* -- the alignment check -------------------------------------------------------------------------- */
  var check = null;
  function drawCheck(c) {
    check = c;
    $("tab-check").hidden = !c;
    if (!c) { if (activeTab === "check") select("show", false); return; }
    $("check-form").hidden = c.done;
    $("check-done").hidden = !c.done;
    $("check-info").hidden = c.done;
    var box = $("check-items");
    box.replaceChildren();
    c.statements.forEach(function (statement, index) {
      var set = el("fieldset", null, "statement");
      set.appendChild(el("legend", statement.text));
      var scale = el("div", null, "scale");
      for (var score = 1; score <= 5; score++) {
        var label = el("label", null, "score");
        var input = document.createElement("input");
        input.type = "radio";
        input.name = "s" + index;
        input.value = String(score);
        input.setAttribute("data-statement", statement.id);
        label.appendChild(input);
        label.appendChild(el("span", String(score)));
        scale.appendChild(label);
      }
      set.appendChild(scale);
      box.appendChild(set);
    });
  }
  $("check-form").addEventListener("submit", function (event) {
    event.preventDefault();
    if (!check) return;
    var scores = {};
    var chosen = document.querySelectorAll("#check-items input:checked");
    for (var i = 0; i < chosen.length; i++) scores[chosen[i].getAttribute("data-statement")] = Number(chosen[i].value);
    if (Object.keys(scores).length < check.statements.length) { say(t("check_missing"), true); return; }
    request("POST", "/api/alignment", { round: check.id, scores: scores }).then(function (answer) {
      if (answer.status === 200) { say(t("check_done")); poll(); }
      else { if (answer.status === 401) showJoin(); say(problem(answer), true); }
    }, function () { say(t("err_offline"), true); });
  });

  /* -- polling -------------------------------------------------------------------------------------- */
  function changed(part, value) {
    var json = JSON.stringify(value);
    if (last[part] === json) return false;
    last[part] = json;
    return true;
  }
  function draw(state) {
    csrf = state.csrf;
    if ($("room").hidden) {
      $("join").hidden = true;
      $("room").hidden = false;
      select(activeTab, false);
    }
    if (changed("side", state.side)) {
      $("side-badge").textContent = t("joined_as", { side: words.sides[state.side] || state.side });
      $("side-badge").className = "badge side-" + state.side;
      $("side-badge").hidden = false;
    }
    if (changed("view", state.view)) drawView(state.view);
    if (changed("kinds", state.view.card_kinds)) drawKinds(state.view.card_kinds);
    if (changed("round", state.round)) drawRound(state.round);
    if (changed("check", state.alignment)) drawCheck(state.alignment);
  }
  function poll() {
    clearTimeout(timer);
    request("GET", "/api/state").then(function (answer) {
      var wait = POLL_MS;
      if (answer.status === 200) {
        draw(answer.data);
        if (offline) { offline = false; say(""); }
      } else if (answer.status === 401) {
        showJoin();
        if (answer.data.joining === false) say(t("err_closed"), true);
      } else if (answer.status === 429) {
        wait = POLL_MS * 3;
      }
      timer = setTimeout(poll, wait);
    }, function () {
      offline = true;
      say(t("err_offline"), true);
      timer = setTimeout(poll, POLL_MS * 2);
    });
  }

  lang = pickLanguage();
  fetch("/api/words", { credentials: "same-origin", cache: "no-store" })
    .then(function (response) { return response.json(); })
    .then(function (all) { words = all[lang] || all.en; applyWords(); poll(); },
          function () { say("No connection. / Keine Verbindung.", true); });
})();
