/* govgraph review: a draft's suggestions over its source text, to accept, reject, edit or add to.
 *
 * The page holds the whole review in memory and in localStorage (keyed by the draft's path and digest),
 * asks the server for the loader's verdict after every change, and saves / loads through /review/api.
 * All text is put in the page with textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var P = JSON.parse(document.getElementById("rv-payload").textContent);
  var APPROVALS = "protocol.approved_by";
  var TITLES = {
    bodies: "Bodies", roles: "Roles", people: "People", legislation: "Legislation", duties: "Duties",
    relations: "Relations", declarations: "Declarations", "protocol.approved_by": "Approvals", clauses: "Clauses",
  };
  var CLAUSES = "clauses";  // reviewed too (a heading or a page footer taken for a clause is rejected), never edited
  var ACTORS = ["bodies", "roles", "people"];
  var state = null;

  // -- small helpers ---------------------------------------------------------------------------------

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === true) node.setAttribute(k, "");
      else if (attrs[k] !== false && attrs[k] != null) node.setAttribute(k, attrs[k]);
    });
    if (text != null) node.textContent = text;
    return node;
  }
  function copy(value) { return JSON.parse(JSON.stringify(value)); }
  function short(text, n) { text = String(text || ""); return text.length > n ? text.slice(0, n - 1) + "…" : text; }
  function slug(text) { return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 70); }
  function storageKey() { return "govgraph-review:" + P.key; }
  function sectionItems(doc, name) {
    if (name === APPROVALS) return (doc.protocol && doc.protocol.approved_by) || [];
    return Array.isArray(doc[name]) ? doc[name] : [];
  }
  function spec(name) { return P.sections.find(function (s) { return s.name === name; }); }
  /* Every section the list shows, in order: the draft's suggestions, then its clauses. */
  function listed() { return P.sections.map(function (s) { return s.name; }).concat([CLAUSES]); }

  // -- finding quotes: whitespace folded, as the loader compares (loaders/text.py) ------------------

  function Folded(text, base) {
    var chars = [], offsets = [], pending = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (/\s/.test(c)) { pending = chars.length > 0; continue; }
      if (pending) { chars.push(" "); offsets.push(i - 1); pending = false; }
      chars.push(c); offsets.push(i);
    }
    this.folded = chars.join(""); this.offsets = offsets; this.base = base || 0;
  }
  Folded.prototype.find = function (quote, after) {
    var needle = String(quote || "").replace(/\s+/g, " ").trim();
    if (!needle) return null;
    var at = this.folded.indexOf(needle, after || 0);
    if (at < 0) at = this.folded.indexOf(needle);
    if (at < 0) return null;
    return { start: this.base + this.offsets[at], end: this.base + this.offsets[at + needle.length - 1] + 1,
             foldedEnd: at + needle.length };
  };

  function clauseSpans() {
    var whole = new Folded(P.sourceText), after = 0, spans = {};
    (P.document.clauses || []).forEach(function (c) {
      var span = whole.find(c.text, after);
      if (span) { spans[c.id] = span; after = span.foldedEnd; }
    });
    return spans;
  }

  /* The clause and the words an item stands on (a relation stated by a duty stands on the duty's). */
  function anchor(item) {
    var d = item.data, quote = d.quote || d.text || d.name || d.title, clause = d.clause;
    if (item.section === "relations" && d.duty && (!clause || !d.quote)) {
      var duty = state.items.find(function (x) { return x.section === "duties" && x.data.id === d.duty; });
      if (duty) { clause = clause || duty.data.clause; quote = d.quote || duty.data.text; }
    }
    return { clause: clause, quote: quote };
  }

  function locate(item) {
    if (item.section === CLAUSES) {
      item.clause = item.data.id; item.span = state.clauses[item.data.id] || null;
      item.problem = item.span ? null : "its text is not in the source text";
      return;
    }
    var a = anchor(item), cs = state.clauses[a.clause];
    item.clause = a.clause; item.span = null; item.problem = null;
    if (!cs) { item.problem = a.clause ? "its clause '" + a.clause + "' is not in the text" : "no clause"; return; }
    var span = new Folded(P.sourceText.slice(cs.start, cs.end), cs.start).find(a.quote);
    if (span) item.span = span;
    else item.problem = "its quote is not in clause " + a.clause;
  }

  // -- the review state --------------------------------------------------------------------------------

  function build() {
    var items = [];
    listed().forEach(function (name) {
      sectionItems(P.document, name).forEach(function (data, index) {
        var c = (P.comments[name] || [])[index] || {};
        items.push({ key: name + "/" + index, section: name, data: copy(data), original: copy(data),
                     status: c.reviewed ? "accepted" : "pending", edited: c.reviewed === "edited",
                     added: c.reviewed === "added", notes: c.notes || [], confidence: c.confidence,
                     flagged: !!c.flagged });
      });
    });
    state = { items: items, clauses: clauseSpans(), selected: null, editing: null, pending: null,
              protocol: { area: copy(P.document.area || {}), protocol: protocolFields(P.document) },
              verdict: P.verdict, sent: {}, addSeq: 0, dirty: false };
    restore();
    state.items.forEach(locate);
  }

  function protocolFields(doc) {
    var p = copy(doc.protocol || {});
    delete p.approved_by;
    return p;
  }

  function save_local() {
    var changed = state.items.filter(function (x) {
      return x.added || x.edited || x.status !== "pending" ||
        JSON.stringify(x.data) !== JSON.stringify(x.original);
    }).map(function (x) {
      return { key: x.key, section: x.section, status: x.status, edited: x.edited, added: x.added, data: x.data,
               notes: x.notes };
    });
    var record = { items: changed, protocol: state.protocol, selected: state.selected, addSeq: state.addSeq };
    try { localStorage.setItem(storageKey(), JSON.stringify(record)); } catch (e) { /* private mode: no store */ }
  }

  function restore() {
    var raw = null;
    try { raw = localStorage.getItem(storageKey()); } catch (e) { raw = null; }
    if (!raw) return;
    var record;
    try { record = JSON.parse(raw); } catch (e) { return; }
    (record.items || []).forEach(function (saved) {
      var item = state.items.find(function (x) { return x.key === saved.key; });
      if (!item && saved.added) {
        item = { key: saved.key, section: saved.section, original: {}, notes: saved.notes || [], flagged: false };
        state.items.push(item);
      }
      if (!item) return;
      item.status = saved.status; item.edited = saved.edited; item.added = saved.added; item.data = saved.data;
    });
    if (record.protocol) state.protocol = record.protocol;
    state.selected = record.selected || null;
    state.addSeq = record.addSeq || 0;
    state.dirty = (record.items || []).length > 0;
    state.restored = true;
  }

  function kept(section) {
    return state.items.filter(function (x) { return x.section === section && x.status !== "rejected"; });
  }

  function actors() {
    var out = [];
    ACTORS.forEach(function (s) {
      kept(s).forEach(function (x) { out.push({ id: x.data.id, name: x.data.name || x.data.id, section: s }); });
    });
    return out;
  }

  function nameOf(id) {
    var hit = actors().find(function (a) { return a.id === id; });
    return hit ? hit.name : id;
  }

  /* The reviewed document in the load format, and each item's review mark for its comment. */
  function reviewed() {
    var doc = copy(P.document), items = {}, gone = {};
    state.items.forEach(function (x) {
      if (x.status === "rejected" && ACTORS.indexOf(x.section) >= 0) gone[x.data.id] = true;
    });
    doc.area = copy(state.protocol.area);
    var protocol = copy(state.protocol.protocol);
    protocol.parties = (protocol.parties || []).filter(function (id) { return !gone[id]; });
    doc.protocol = protocol;
    state.sent = {};
    var clauses = kept(CLAUSES);
    state.sent.clauses = clauses.map(function (x) { return x.key; });
    doc.clauses = clauses.map(function (x) { return copy(x.data); });
    items.clauses = clauses.map(function (x) { return { status: x.status, notes: x.notes }; });
    P.sections.forEach(function (s) {
      var list = kept(s.name);
      state.sent[s.name] = list.map(function (x) { return x.key; });
      var data = list.map(function (x) {
        var d = copy(x.data);
        if (s.name === "declarations" && Array.isArray(d.bodies)) d.bodies = d.bodies.filter(function (b) { return !gone[b]; });
        return d;
      });
      items[s.name] = list.map(function (x) {
        return { status: x.added ? "added" : x.edited ? "edited" : x.status, notes: x.notes };
      });
      if (s.name === APPROVALS) { if (data.length || (P.document.protocol || {}).approved_by) protocol.approved_by = data; }
      else if (data.length || s.name in P.document) doc[s.name] = data;
    });
    return { document: doc, items: items };
  }

  // -- talking to the server ---------------------------------------------------------------------------

  async function post(path, body) {
    var response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" },
                                       body: body == null ? "{}" : JSON.stringify(body) });
    var data;
    try { data = await response.json(); } catch (e) { data = { ok: false, message: "the server said " + response.status }; }
    return data;
  }

  var validateTimer = null, validateSeq = 0;
  function changed() {
    state.dirty = true;
    save_local();
    render();
    clearTimeout(validateTimer);
    state.checking = true;
    document.body.setAttribute("data-verdict", "checking");
    validateTimer = setTimeout(validate, 250);
  }

  async function validate() {
    var seq = ++validateSeq, body = reviewed(), sent = state.sent;
    var verdict;
    try { verdict = await post("/review/api/validate", body); }
    catch (e) { verdict = { ok: false, message: "the review server does not answer: " + e.message }; }
    if (seq !== validateSeq) return;
    state.verdict = verdict; state.verdictSent = sent; state.checking = false;
    showVerdict();
  }

  /* "relations[3].to" → the card that was sent fourth among the relations. */
  function culprit(field) {
    var m = /^(protocol\.approved_by|[a-z_]+)\[(\d+)\]/.exec(field || "");
    if (!m || !state.verdictSent) return null;
    var keys = state.verdictSent[m[1]];
    return keys ? keys[Number(m[2])] || null : null;
  }

  function showVerdict() {
    var v = state.verdict || {}, box = document.getElementById("rv-verdict");
    box.textContent = "";
    box.className = "rv-verdict " + (v.ok ? "rv-ok" : "rv-bad");
    box.appendChild(el("strong", {}, v.ok ? "Valid: " : "Not loadable yet: "));
    box.appendChild(document.createTextNode((v.field ? "[" + v.field + "] " : "") + (v.message || "")));
    var key = v.ok ? null : culprit(v.field);
    document.querySelectorAll(".rv-card.rv-error").forEach(function (c) { c.classList.remove("rv-error"); });
    if (key) {
      var card = cardOf(key);
      if (card) card.classList.add("rv-error");
      var show = el("button", { type: "button", "class": "gg-button rv-small", id: "rv-show-error" }, "Show");
      show.addEventListener("click", function () { select(key, true); });
      box.appendChild(show);
    }
    document.getElementById("rv-save").disabled = !v.ok;
    document.getElementById("rv-load").disabled = !v.ok;
    if (!state.checking) document.body.setAttribute("data-verdict", v.ok ? "ok" : "bad");
  }

  async function saveFile() {
    clearTimeout(validateTimer);
    validateSeq++;
    state.checking = false;
    var body = reviewed();
    var answer = await post("/review/api/save", body);
    state.verdict = answer; state.verdictSent = state.sent;
    if (!answer.ok) { showVerdict(); return false; }
    try { localStorage.removeItem(storageKey()); } catch (e) { /* nothing stored */ }
    var response = await fetch("/review/api/draft");
    var fresh = await response.json();
    if (!response.ok) { state.verdict = fresh; showVerdict(); return false; }
    P = fresh;
    build();
    render();
    showVerdict();
    flash("Saved " + P.path);
    document.body.setAttribute("data-saved", P.key);
    return true;
  }

  async function loadGraph() {
    if ((state.dirty || state.restored) && !(await saveFile())) return;
    flash("Loading into the graph…");
    document.body.setAttribute("data-state", "loading");
    var answer = await post("/review/api/load");
    if (!answer.ok) {
      state.verdict = answer; showVerdict();
      document.body.setAttribute("data-state", "ready");
      return;
    }
    flash(answer.message);
    location.assign("/?area=" + encodeURIComponent(answer.area));
  }

  function flash(text) {
    var box = document.getElementById("rv-verdict");
    box.textContent = text;
    box.className = "rv-verdict rv-ok";
  }

  // -- drawing the text ------------------------------------------------------------------------------

  function drawText() {
    var text = P.sourceText, cuts = { 0: true }, marks = [];
    cuts[text.length] = true;
    (P.document.clauses || []).forEach(function (c, i) {
      var s = state.clauses[c.id];
      if (s) { marks.push({ start: s.start, end: s.end, clause: c.id, index: i }); cuts[s.start] = cuts[s.end] = true; }
    });
    state.items.forEach(function (x) { if (x.span) { cuts[x.span.start] = cuts[x.span.end] = true; } });
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    var box = document.getElementById("rv-text");
    box.textContent = "";
    var frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < points.length; i++) {
      var s = points[i], e = points[i + 1];
      var seg = el("span", { "data-s": s, "data-e": e }, text.slice(s, e));
      var clause = marks.find(function (m) { return m.start <= s && e <= m.end; });
      if (clause) {
        var decided = state.items.find(function (x) { return x.section === CLAUSES && x.data.id === clause.clause; });
        seg.className = "rv-cl rv-cl" + (clause.index % 2);
        if (decided && decided.status === "rejected") seg.classList.add("rv-cl-rejected");
        if (decided && decided.key === state.selected) seg.classList.add("rv-cl-sel");
        seg.setAttribute("data-clause", clause.clause);
        if (clause.start === s) seg.setAttribute("data-clause-start", clause.clause);
      }
      var over = state.items.filter(function (x) {
        return x.section !== CLAUSES && x.span && x.span.start <= s && e <= x.span.end;
      });
      if (over.length) {
        over.sort(function (a, b) { return (a.span.end - a.span.start) - (b.span.end - b.span.start); });
        var top = over[0];
        seg.classList.add("rv-hl", "rv-k-" + top.section.replace(".", "-"), "rv-s-" + top.status);
        if (over.length > 1) seg.classList.add("rv-multi");
        if (over.some(function (x) { return x.key === state.selected; })) seg.classList.add("rv-sel");
        seg.setAttribute("data-keys", over.map(function (x) { return x.key; }).join(" "));
        seg.title = over.map(describe).join("\n");
      }
      frag.appendChild(seg);
    }
    box.appendChild(frag);
  }

  /* What a suggestion says, in a line: its card's title and, prefixed with its kind, its tooltip. */
  function title(x) {
    var d = x.data, s = x.section;
    if (s === "relations") return d.type + ": " + nameOf(d.from) + " → " + nameOf(d.to);
    if (s === "duties") return d.kind + ": " + nameOf(d.owner) + (d.towards ? " → " + nameOf(d.towards) : "");
    if (s === "declarations") return d.kind + ": " + (d.bodies || []).map(nameOf).join(", ");
    if (s === APPROVALS) return "approved by " + nameOf(d.body);
    if (s === "bodies") return d.name + (d.kind ? " (" + d.kind + ")" : "");
    if (s === CLAUSES) return d.id + (d.heading ? " · " + d.heading : "");
    if (s === "roles") return d.name + (d.body ? " of " + nameOf(d.body) : "");
    if (s === "people") return d.name + ((d.holds || []).length ? ", " + d.holds.map(nameOf).join(", ") : "");
    return d.name || d.title || d.id || "";
  }

  function singular(section) {
    return { bodies: "body", roles: "role", people: "person", duties: "duty", relations: "relation",
             declarations: "declaration", legislation: "legislation", "protocol.approved_by": "approval",
             clauses: "clause" }[section] || section;
  }

  function describe(x) { return singular(x.section) + " · " + title(x) + " (" + x.status + ")"; }

  // -- the list of suggestions -----------------------------------------------------------------------

  function order() {
    var flagged = state.items.filter(function (x) { return x.flagged; });
    var rest = [];
    listed().forEach(function (name) {
      state.items.forEach(function (x) { if (x.section === name && !x.flagged) rest.push(x); });
    });
    return { flagged: flagged, rest: rest, all: flagged.concat(rest) };
  }

  function drawList() {
    var list = document.getElementById("rv-list"), groups = order();
    list.textContent = "";
    if (groups.flagged.length) {
      list.appendChild(el("h2", { "class": "rv-flagged-title" }, "Flagged, or confidence below " + P.lowConfidence + " (" + groups.flagged.length + ")"));
      var box = el("div", { "class": "rv-group rv-flagged", "data-group": "flagged" });
      groups.flagged.forEach(function (x) { box.appendChild(card(x)); });
      list.appendChild(box);
    }
    listed().forEach(function (name) {
      var mine = groups.rest.filter(function (x) { return x.section === name; });
      if (!mine.length) return;
      list.appendChild(el("h2", {}, (TITLES[name] || name) + " (" + mine.length + ")"));
      var box = el("div", { "class": "rv-group", "data-group": name });
      mine.forEach(function (x) { box.appendChild(card(x)); });
      list.appendChild(box);
    });
    if (P.trailer && P.trailer.length) {
      var more = el("details", { "class": "rv-trailer" });
      more.appendChild(el("summary", {}, "Sentences extract could not classify"));
      more.appendChild(el("pre", {}, P.trailer.map(function (l) { return l.replace(/^#\s?/, ""); }).join("\n")));
      list.appendChild(more);
    }
  }

  function card(x) {
    var box = el("article", { "class": "rv-card rv-s-" + x.status + (x.key === state.selected ? " rv-selected" : ""),
                              "data-key": x.key, "data-status": x.status, "data-section": x.section, tabindex: "-1" });
    var head = el("div", { "class": "rv-card-head" });
    head.appendChild(el("span", { "class": "rv-tag rv-k-" + x.section.replace(".", "-") }, singular(x.section)));
    head.appendChild(el("strong", {}, title(x)));
    head.appendChild(el("span", { "class": "rv-status" }, x.added ? "added" : x.edited ? "edited" : x.status));
    box.appendChild(head);
    var a = anchor(x);
    if (a.quote) box.appendChild(el("p", { "class": "rv-quote" }, "“" + short(a.quote, 220) + "”"));
    var meta = ["clause " + (a.clause || x.clause || "?")];
    if (x.confidence != null) meta.push("confidence " + x.confidence.toFixed(2));
    if (x.problem) meta.push("⚠ " + x.problem);
    box.appendChild(el("p", { "class": "rv-meta" }, meta.join(" · ")));
    x.notes.filter(function (n) { return !/^confidence \d/.test(n) || n.indexOf(":") > 0; }).forEach(function (n) {
      box.appendChild(el("p", { "class": "rv-note" }, n.replace(/^confidence \d\.\d+: /, "")));
    });
    if (state.editing === x.key) box.appendChild(editor(x));
    else box.appendChild(actions(x));
    box.addEventListener("click", function (event) {
      if (event.target.closest("button, select, input, textarea, label")) return;
      select(x.key, true);
    });
    return box;
  }

  function actions(x) {
    var row = el("div", { "class": "rv-actions" });
    var buttons = [["accept", "Accept", "a"], ["reject", "Reject", "r"], ["edit", "Edit", "e"]];
    if (x.section === CLAUSES) buttons.pop();  // a clause's text is the source's own words: kept or left out
    buttons.forEach(function (b) {
      var button = el("button", { type: "button", "class": "gg-button rv-small", "data-action": b[0],
                                  "aria-keyshortcuts": b[2] }, b[1]);
      button.addEventListener("click", function () { select(x.key, false); act(b[0]); });
      row.appendChild(button);
    });
    if (x.status !== "pending" && !x.added) {
      var undo = el("button", { type: "button", "class": "gg-button rv-small", "data-action": "undo" }, "Undo");
      undo.addEventListener("click", function () { x.status = "pending"; x.edited = false; x.data = copy(x.original); changed(); });
      row.appendChild(undo);
    }
    return row;
  }

  function act(action) {
    var x = current();
    if (!x) return;
    if (action === "accept") { x.status = "accepted"; changed(); next(true); }
    else if (action === "reject") {
      if (x.added) state.items.splice(state.items.indexOf(x), 1);
      else x.status = "rejected";
      changed(); next(true);
    } else if (action === "edit" && x.section !== CLAUSES) { state.editing = x.key; render(); focusEditor(); }
  }

  function current() { return state.items.find(function (x) { return x.key === state.selected; }) || null; }

  /* The next (or previous) suggestion in list order; with ``open`` only one still to decide. */
  function next(open, back) {
    var all = order().all, at = all.findIndex(function (x) { return x.key === state.selected; });
    for (var step = 1; step <= all.length; step++) {
      var i = ((at + (back ? -step : step)) % all.length + all.length) % all.length;
      if (!open || all[i].status === "pending") { select(all[i].key, true); return; }
    }
    if (open) flash("Every suggestion has a decision: save, then load.");
  }

  function select(key, scroll) {
    state.selected = key;
    save_local();
    render();
    if (!scroll) return;
    var c = cardOf(key);
    if (c) { c.scrollIntoView({ block: "nearest" }); c.focus({ preventScroll: true }); }
    var seg = document.querySelector("#rv-text .rv-sel, #rv-text .rv-cl-sel");
    if (seg) seg.scrollIntoView({ block: "center" });
  }

  function cardOf(key) { return document.querySelector(".rv-card[data-key='" + CSS.escape(key) + "']"); }

  // -- editing -----------------------------------------------------------------------------------------

  function options(ref) {
    if (ref === "actors") return actors().map(function (a) { return [a.id, a.name + " (" + a.id + ")"]; });
    if (ref === "bodies") return kept("bodies").map(function (x) { return [x.data.id, x.data.name + " (" + x.data.id + ")"]; });
    if (ref === "duties") return kept("duties").map(function (x) { return [x.data.id, x.data.id]; });
    if (ref === "clauses") return (P.document.clauses || []).map(function (c) { return [c.id, c.id + " · " + short(c.text, 50)]; });
    return [];
  }

  function field(f, value) {
    var input, id = "rv-f-" + f.name;
    if (f.kind === "enum" || f.kind === "ref") {
      var choices = f.kind === "enum" ? f.options.map(function (o) { return [o, o]; }) : options(f.ref);
      input = el("select", { id: id, "data-field": f.name, multiple: f.list });
      if (!f.required && !f.list) input.appendChild(el("option", { value: "" }, "—"));
      var values = f.list ? (value || []) : [value];
      if (value != null && !f.list && !choices.some(function (c) { return c[0] === value; })) choices.unshift([value, value + " (unknown)"]);
      choices.forEach(function (c) {
        var o = el("option", { value: c[0] }, c[1]);
        if (values.indexOf(c[0]) >= 0) o.selected = true;
        input.appendChild(o);
      });
    } else if (f.list) {
      input = el("textarea", { id: id, "data-field": f.name, rows: 2, placeholder: "one per line" });
      input.value = (value || []).join("\n");
    } else {
      var long = /^(quote|text|title|name)$/.test(f.name);
      input = el(long ? "textarea" : "input", { id: id, "data-field": f.name, rows: long ? 3 : null });
      input.value = value == null ? "" : String(value);
    }
    var label = el("label", { "class": "rv-field" }, f.name + (f.required ? "" : " (optional)"));
    label.appendChild(input);
    return label;
  }

  function editor(x) {
    var form = el("form", { "class": "rv-editor" }), fields = (spec(x.section) || { fields: [] }).fields;
    fields.forEach(function (f) { form.appendChild(field(f, x.data[f.name])); });
    var row = el("div", { "class": "rv-actions" });
    row.appendChild(el("button", { type: "submit", "class": "gg-button rv-small rv-primary" }, "Apply"));
    var cancel = el("button", { type: "button", "class": "gg-button rv-small" }, "Cancel");
    cancel.addEventListener("click", function () { state.editing = null; render(); });
    row.appendChild(cancel);
    form.appendChild(row);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = {};
      fields.forEach(function (f) {
        var input = form.querySelector("[data-field='" + f.name + "']"), value;
        if (input.tagName === "SELECT" && f.list) value = Array.from(input.selectedOptions).map(function (o) { return o.value; });
        else if (f.list) value = input.value.split("\n").map(function (v) { return v.trim(); }).filter(Boolean);
        else value = input.value.trim();
        if (value === "" || (Array.isArray(value) && !value.length && !f.required)) return;
        data[f.name] = value;
      });
      x.data = data; x.edited = true; x.status = "accepted"; state.editing = null;
      locate(x);
      changed();
      var c = cardOf(x.key); if (c) c.focus();
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { state.editing = null; render(); var c = cardOf(x.key); if (c) c.focus(); }
    });
    return form;
  }

  function focusEditor() {
    var first = document.querySelector(".rv-editor [data-field]");
    if (first) first.focus();
  }

  function drawProtocol() {
    var box = document.getElementById("rv-protocol-fields");
    box.textContent = "";
    var rows = [["area", "id"], ["area", "name"], ["protocol", "id"], ["protocol", "title"]];
    rows.forEach(function (r) {
      var label = el("label", { "class": "rv-field" }, r[0] + " " + r[1]);
      var input = el("input", { "data-protocol": r[0] + "." + r[1] });
      input.value = (state.protocol[r[0]] || {})[r[1]] || "";
      input.addEventListener("change", function () { state.protocol[r[0]][r[1]] = input.value.trim(); changed(); });
      label.appendChild(input);
      box.appendChild(label);
    });
    var parties = el("fieldset", { "class": "rv-parties" });
    parties.appendChild(el("legend", {}, "parties (the bodies the protocol binds)"));
    var chosen = state.protocol.protocol.parties || [];
    kept("bodies").forEach(function (x) {
      var label = el("label", {}), box2 = el("input", { type: "checkbox", "data-party": x.data.id });
      box2.checked = chosen.indexOf(x.data.id) >= 0;
      box2.addEventListener("change", function () {
        var now = (state.protocol.protocol.parties || []).filter(function (p) { return p !== x.data.id; });
        if (box2.checked) now.push(x.data.id);
        state.protocol.protocol.parties = now;
        changed();
      });
      label.appendChild(box2);
      label.appendChild(document.createTextNode(" " + x.data.name));
      parties.appendChild(label);
    });
    box.appendChild(parties);
  }

  // -- adding from a selection -----------------------------------------------------------------------

  function offsetOf(node, offset) {
    var seg = node.nodeType === 3 ? node.parentElement : node;
    if (!seg || !seg.hasAttribute || !seg.hasAttribute("data-s")) {
      if (node.nodeType === 1 && node.id === "rv-text") {
        var child = node.childNodes[Math.min(offset, node.childNodes.length - 1)];
        if (!child) return null;
        return offset >= node.childNodes.length ? Number(child.getAttribute("data-e")) : Number(child.getAttribute("data-s"));
      }
      return null;
    }
    return Number(seg.getAttribute("data-s")) + (node.nodeType === 3 ? offset : 0);
  }

  function selectionSpan() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    var range = sel.getRangeAt(0), box = document.getElementById("rv-text");
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    var start = offsetOf(range.startContainer, range.startOffset), end = offsetOf(range.endContainer, range.endOffset);
    if (start == null || end == null || end <= start) return null;
    var text = P.sourceText;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return end > start ? { start: start, end: end } : null;
  }

  /* The innermost clause holding the whole selection. */
  function clauseAround(span) {
    var best = null;
    Object.keys(state.clauses).forEach(function (id) {
      var c = state.clauses[id];
      if (c.start <= span.start && span.end <= c.end && (!best || c.end - c.start < best.end - best.start)) {
        best = { id: id, start: c.start, end: c.end };
      }
    });
    return best;
  }

  function offerAdd() {
    var span = selectionSpan(), form = document.getElementById("rv-add");
    if (!span) return;
    var clause = clauseAround(span), quote = P.sourceText.slice(span.start, span.end).replace(/\s+/g, " ");
    state.pending = { span: span, clause: clause && clause.id, quote: quote };
    document.getElementById("rv-add-quote").textContent = "“" + short(quote, 300) + "”";
    document.getElementById("rv-add-clause").textContent = clause
      ? "in clause " + clause.id : "The selection is not inside one clause: select words within a single clause.";
    document.getElementById("rv-add-submit").disabled = !clause;
    fillAdd();
    form.hidden = false;
    document.body.setAttribute("data-adding", "yes");
  }

  function fillSelect(id, pairs, keep) {
    var box = document.getElementById(id), old = box.value;
    box.textContent = "";
    pairs.forEach(function (p) { box.appendChild(el("option", { value: p[0] }, p[1])); });
    if (keep && pairs.some(function (p) { return p[0] === old; })) box.value = old;
  }

  function fillAdd() {
    var what = document.querySelector("input[name=rv-add-what]:checked").value;
    var typeField = what === "relations" ? "type" : "kind";
    var f = (spec(what) || { fields: [] }).fields.find(function (x) { return x.name === typeField; });
    fillSelect("rv-add-type", (f ? f.options : []).map(function (o) { return [o, o]; }), true);
    document.getElementById("rv-add-type-label").textContent = what === "relations" ? "Type" : "Kind";
    document.getElementById("rv-add-ends").hidden = what === "bodies";
    var people = options("actors");
    fillSelect("rv-add-from", people, true);
    fillSelect("rv-add-to", (what === "duties" ? [["", "— (no one in particular)"]] : []).concat(people), true);
    var cap = (spec("relations").fields.find(function (x) { return x.name === "capacity"; }) || { options: [] }).options;
    fillSelect("rv-add-capacity", cap.map(function (o) { return [o, o]; }), true);
    showCapacity();
  }

  function showCapacity() {
    var what = document.querySelector("input[name=rv-add-what]:checked").value;
    document.getElementById("rv-add-capacity-label").hidden =
      !(what === "relations" && document.getElementById("rv-add-type").value === "MEMBER_OF");
  }

  function closeAdd() {
    document.getElementById("rv-add").hidden = true;
    state.pending = null;
    document.body.removeAttribute("data-adding");
  }

  function add(event) {
    event.preventDefault();
    var p = state.pending;
    if (!p || !p.clause) return;
    var what = document.querySelector("input[name=rv-add-what]:checked").value;
    var type = document.getElementById("rv-add-type").value, from = document.getElementById("rv-add-from").value;
    var to = document.getElementById("rv-add-to").value, data;
    if (what === "relations") {
      data = { type: type, from: from, to: to, clause: p.clause, quote: p.quote };
      if (type === "MEMBER_OF") data.capacity = document.getElementById("rv-add-capacity").value;
    } else if (what === "bodies") {  // the selection names the body: its name, and (so) its quote
      data = { id: uniqueActor(slug(p.quote) || "body"), name: p.quote, kind: type, clause: p.clause };
    } else {
      data = { id: uniqueDuty(slug([from, to, type].filter(Boolean).join("-"))), owner: from, kind: type, clause: p.clause, text: p.quote };
      if (to) data.towards = to;
    }
    var item = { key: "added/" + (++state.addSeq), section: what, data: data, original: {}, status: "accepted",
                 edited: false, added: true, notes: ["added by the reviewer from the text"], flagged: false };
    state.items.push(item);
    locate(item);
    closeAdd();
    window.getSelection().removeAllRanges();
    state.selected = item.key;
    changed();
    select(item.key, true);
  }

  /* Bodies, roles and people share one namespace in a document (relations name any of them). */
  function uniqueActor(base) {
    var ids = {}, n = 1, id = base;
    state.items.forEach(function (x) { if (ACTORS.indexOf(x.section) >= 0) ids[x.data.id] = true; });
    while (ids[id]) id = base + "-" + (++n);
    return id;
  }

  function uniqueDuty(base) {
    var ids = {}, n = 1, id = base;
    state.items.forEach(function (x) { if (x.section === "duties") ids[x.data.id] = true; });
    while (ids[id]) id = base + "-" + (++n);
    return id;
  }

  // -- the page ----------------------------------------------------------------------------------------

  function counts() {
    var c = { pending: 0, accepted: 0, rejected: 0 };
    state.items.forEach(function (x) { c[x.status] = (c[x.status] || 0) + 1; });
    var added = state.items.filter(function (x) { return x.added; }).length;
    document.getElementById("rv-counts").textContent = c.accepted + " accepted (" + added + " added) · " +
      c.rejected + " rejected · " + c.pending + " to decide" + (state.dirty ? " · unsaved" : "");
  }

  /* What each mark in the text means: one entry per kind of suggestion the draft can hold (people
     with their own wavy mark, so a name is never read as a post), then the three decisions. */
  function drawLegend() {
    var box = document.getElementById("rv-legend");
    if (box.childNodes.length) return;
    P.sections.forEach(function (s) {
      var entry = el("li", { "data-kind": s.name });
      entry.appendChild(el("span", { "class": "rv-hl rv-s-accepted rv-k-" + s.name.replace(".", "-") }, singular(s.name)));
      box.appendChild(entry);
    });
    [["pending", "to decide"], ["accepted", "accepted"], ["rejected", "rejected"]].forEach(function (d) {
      var entry = el("li", { "data-status": d[0], "class": "rv-legend-status" });
      entry.appendChild(el("span", { "class": "rv-hl rv-k-legend rv-s-" + d[0] }, d[1]));
      box.appendChild(entry);
    });
  }

  function render() {
    drawLegend();
    drawText();
    drawList();
    drawProtocol();
    counts();
    if (state.verdict) showVerdict();
  }

  function typing(event) {
    return event.target.closest && event.target.closest("input, select, textarea, [contenteditable]");
  }

  function keys(event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "s") { event.preventDefault(); saveFile(); return; }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
    var map = { a: "accept", r: "reject", e: "edit" };
    if (map[event.key]) { event.preventDefault(); if (!current()) next(false); act(map[event.key]); }
    else if (event.key === "n") { event.preventDefault(); next(true); }
    else if (event.key === "p") { event.preventDefault(); next(true, true); }
    else if (event.key === "j") { event.preventDefault(); next(false); }
    else if (event.key === "k") { event.preventDefault(); next(false, true); }
    else if (event.key === "Escape") closeAdd();
  }

  function wire() {
    document.addEventListener("keydown", keys);
    var text = document.getElementById("rv-text");
    text.addEventListener("mouseup", function () { setTimeout(offerAdd, 0); });
    text.addEventListener("keyup", function (event) { if (event.shiftKey) offerAdd(); });
    text.addEventListener("click", function (event) {
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed) return;
      var seg = event.target.closest("[data-keys]");
      if (!seg) return;
      var list = seg.getAttribute("data-keys").split(" "), at = list.indexOf(state.selected);
      select(list[(at + 1) % list.length], true);
    });
    document.getElementById("rv-add").addEventListener("submit", add);
    document.getElementById("rv-add-cancel").addEventListener("click", closeAdd);
    document.getElementById("rv-add-type").addEventListener("change", showCapacity);
    document.querySelectorAll("input[name=rv-add-what]").forEach(function (r) { r.addEventListener("change", fillAdd); });
    document.getElementById("rv-save").addEventListener("click", saveFile);
    document.getElementById("rv-load").addEventListener("click", loadGraph);
  }

  function start() {
    if (!P.document) { document.body.setAttribute("data-state", "failed"); return; }
    document.getElementById("rv-file").textContent = P.path + " · text " + P.sourceName +
      (P.output !== P.path ? " · saves to " + P.output : "");
    build();
    wire();
    render();
    if (state.restored) validate();
    document.body.setAttribute("data-state", "ready");
  }

  window.govgraphReview = { get state() { return state; }, reviewed: reviewed };
  start();
})();
