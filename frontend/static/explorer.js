/* govgraph explorer: one area of the governance graph, drawn with vis-network, fed by /graphql only.
 *
 * Every piece of data comes from the GraphQL API; the page's config (#gx-config) carries the style
 * table and vis-network options the Python diagrams use, so both draw the graph the same way. All text
 * is put in the page with textContent, never parsed as HTML.
 */
(function () {
  "use strict";

  var CONFIG = JSON.parse(document.getElementById("gx-config").textContent);
  var D = window.GovgraphDiagram;
  var el = D.el;
  var PAGE = 100;
  var STRUCTURAL = { MEMBER_OF: true, CHAIRS: true };

  // -- GraphQL --------------------------------------------------------------------------------------

  var T = "fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
  var CLAUSE = "clause { id number line protocol { title } }";
  var RELATION = "type direction what frequency capacity quote note inferred reason other { id } " + CLAUSE;
  var PAGE_INFO = "pageInfo { hasNextPage endCursor }";
  var Q = {
    probe: "query Probe { __schema { queryType { fields { name type { ...T } } } } " +
      "body: __type(name: \"Body\") { fields { name type { ...T } } } " +
      "pathEdge: __type(name: \"PathEdge\") { enumValues { name } } } " + T,
    fields: "query Fields($name: String!) { __type(name: $name) { fields { name type { ...T } } } } " + T,
    areas: "query Areas($after: String) { areas(first: 100, after: $after) { nodes { id name } " + PAGE_INFO + " } }",
    bodies: "query Bodies($area: String!, $after: String) { bodies(area: $area, first: 100, after: $after) { " +
      PAGE_INFO + " nodes { id name kind area independent aliases relations(direction: OUTGOING) { " +
      RELATION + " } } } }",
    roles: "query Roles($area: String!, $after: String) { roles(area: $area, first: 100, after: $after) { " +
      PAGE_INFO + " nodes { id name area aliases postOf { id } relations { " + RELATION + " } } } }",
    people: "query People($area: String!, $after: String) { people(area: $area, first: 100, after: $after) { " +
      PAGE_INFO + " nodes { id name area roles { start end role { id } } " +
      "memberships { capacity start end body { id } } } } }",
    duties: "query Duties($area: String!, $after: String) { duties(area: $area, first: 100, after: $after) { " +
      PAGE_INFO + " nodes { id kind text owner { id } towards { id } " + CLAUSE + " } } }",
  };
  var LINE_CLAUSE = "clause { id number line }";
  var TEXT_CLAUSE = "clause { id number line text protocol { title } }";
  var PANEL = {
    Body: "query BodyPanel($id: ID!) {\n  body(id: $id) {\n    id name kind area independent aliases\n" +
      "    dutiesOwed { text kind towards { id name } " + LINE_CLAUSE + " }\n" +
      "    dutiesOwedTo { text kind owner { id name } " + LINE_CLAUSE + " }\n" +
      "    chairs { start end role { id name } person { id name } " + TEXT_CLAUSE + " }\n" +
      "    members { capacity start end member { __typename id name } " + LINE_CLAUSE + " }\n" +
      "    posts { id name }\n    declarations { kind quote " + LINE_CLAUSE + " }\n" +
      "    relations { type direction what frequency capacity quote inferred reason other { id name } " + LINE_CLAUSE + " }\n" +
      "    FINDINGS\n  }\n}",
    Role: "query RolePanel($id: ID!, $area: String!) {\n" +
      "  owes: duties(owner: $id, first: 100) { totalCount nodes { text kind towards { id name } " +
      LINE_CLAUSE + " } }\n" +
      "  owed: duties(towards: $id, first: 100) { totalCount nodes { text kind owner { id name } " +
      LINE_CLAUSE + " } }\n" +
      "  roles(area: $area, first: 100) { nodes { id name aliases postOf { id name }\n" +
      "    holders { start end person { id name } } chairs { id name }\n" +
      "    memberships { capacity start end body { id name } " + LINE_CLAUSE + " }\n" +
      "    relations { type direction what frequency capacity quote other { id name } " + LINE_CLAUSE +
      " } } }\n}",
    Person: "query PersonPanel($id: ID!) {\n  person(id: $id) {\n    id name area\n" +
      "    roles { start end role { id name } }\n" +
      "    memberships { capacity start end body { id name } role { id name } }\n" +
      "    chairs { id name }\n  }\n}",
    edge: "query EdgePanel($from: ID!, $to: ID!, $types: [PathEdge!]) {\n" +
      "  accountabilityPaths(from: $from, to: $to, maxHops: 1, types: $types, first: 20) {\n" +
      "    nodes { steps { type quote from { id name } to { id name } " + TEXT_CLAUSE + " } }\n  }\n" +
      "  duties(owner: $from, towards: $to, first: 100) { totalCount nodes { text kind " + TEXT_CLAUSE +
      " } }\n}",
    duties: "query DutiesBetween($from: ID!, $to: ID!) {\n" +
      "  duties(owner: $from, towards: $to, first: 100) { totalCount nodes { text kind " + TEXT_CLAUSE +
      " } }\n}",
  };

  async function gql(query, variables) {
    var response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: query, variables: variables || {} }),
    });
    var body = await response.json();
    if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
    return body.data;
  }

  /* Every node of a paginated root field, page by page. */
  async function everyPage(query, variables, field) {
    var found = [];
    var after = null;
    do {
      var data = (await gql(query, Object.assign({}, variables, { after: after })))[field];
      found = found.concat(data.nodes);
      after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
    } while (after);
    return found;
  }

  function ideLink(query, variables) {
    return "/graphql?q=" + encodeURIComponent(query) + "&variables=" + encodeURIComponent(JSON.stringify(variables));
  }

  // -- what the API offers: findings (once it has them) ----------------------------------------------

  function named(type) {
    while (type && (type.kind === "NON_NULL" || type.kind === "LIST")) type = type.ofType;
    return type || {};
  }

  async function fieldsOf(name) {
    var type = (await gql(Q.fields, { name: name })).__type;
    var fields = {};
    ((type && type.fields) || []).forEach(function (f) { fields[f.name] = named(f.type); });
    return fields;
  }

  /* The selection for a finding type: severity and message, with rule, subjects and path edges when the
   * type has them; a connection (a type with nodes) is unwrapped. Null when it is no finding type. */
  async function findingSelection(typeName) {
    var f = await fieldsOf(typeName);
    if (f.nodes && !f.severity) {
      var inner = await findingSelection(f.nodes.name);
      return inner && "nodes { " + inner + " }";
    }
    if (!f.severity || !f.message) return null;
    var parts = ["severity", "message"];
    if (f.rule) parts.push("rule");
    if (f.subjects) parts.push("subjects { id }");
    if (f.path && f.path.kind === "OBJECT") {
      var edges = (await fieldsOf(f.path.name)).edges;
      if (edges) {
        var e = await fieldsOf(edges.name);
        var keep = ["type", "start", "end"].filter(function (k) { return e[k]; }).map(function (k) {
          return e[k].kind === "SCALAR" || e[k].kind === "ENUM" ? k : k + " { id }";
        });
        if (keep.length === 3) parts.push("path { edges { " + keep.join(" ") + " } }");
      }
    }
    return parts.join(" ");
  }

  async function probeFindings(probe) {
    var checks = probe.__schema.queryType.fields.find(function (f) { return f.name === "checks"; });
    var onBody = probe.body.fields.find(function (f) { return f.name === "findings"; });
    var source = checks || onBody;
    if (!source) return null;
    var selection = await findingSelection(named(source.type).name);
    return selection && { checks: Boolean(checks), body: Boolean(onBody), selection: selection };
  }

  function idOf(value) { return value && typeof value === "object" ? value.id : value; }

  function normaliseFinding(f) {
    var edges = (f.path && f.path.edges) || [];
    return {
      severity: String(f.severity).toLowerCase(),
      message: f.message,
      rule: f.rule || "",
      nodes: (f.subjects || []).map(idOf),
      ends: edges.map(function (e) { return [e.type, idOf(e.start), idOf(e.end)]; }),
    };
  }

  // -- state -----------------------------------------------------------------------------------------

  var state = {
    area: null,
    parties: new Map(),
    links: [],
    hidden: hiddenFor("accountability"),
    view: "accountability", // or "network"; "compare" while two areas are side by side
    bundled: true, // one drawn edge per pair and direction; false draws every relation
    layout: null, // the accountability view's positions and the bodies' centrality (/explorer/api/view)
    compareWith: null,
    drawn: null,
    focus: null,
    selected: null,
    findings: [],
    support: null, // what findings the API offers: null until it has them
    pathEdges: [],
    network: null,
    nodes: null,
    edges: null,
    nodeView: null,
    edgeView: null,
  };
  window.govgraphExplorer = state;

  /* The edge types a view leaves off: membership and duties in the accountability view, duties in the
   * network view. */
  function hiddenFor(view) {
    var shown = view === "network" ? CONFIG.defaultEdgeTypes : CONFIG.accountabilityEdgeTypes;
    return new Set(CONFIG.edgeTypes.filter(function (t) { return shown.indexOf(t) < 0; }));
  }

  async function getJson(url) {
    var response = await fetch(url, { headers: { accept: "application/json" } });
    var body = await response.json();
    if (!response.ok) throw new Error(body.error || "the server answered " + response.status);
    return body;
  }

  function status(text, isError) {
    var line = document.getElementById("gx-status");
    line.textContent = text;
    line.classList.toggle("gx-error", Boolean(isError));
  }

  function setReady(ready) {
    document.body.setAttribute("data-state", ready ? "ready" : "loading");
    document.body.setAttribute("data-area", state.area || "");
  }

  // -- reading an area -------------------------------------------------------------------------------

  function clause(c) {
    return c ? { id: c.id, ref: c.id.split("/").pop(), number: c.number, line: c.line,
      protocol: c.protocol ? c.protocol.title : null } : null;
  }

  function party(kind, n) {
    return { id: n.id, kind: kind, name: n.name, area: n.area, bodyKind: n.kind || null,
      independent: Boolean(n.independent), aliases: n.aliases || [], owes: 0, owed: 0 };
  }

  function relationLink(from, r) {
    return { type: r.type, from: from, to: r.other && r.other.id, what: r.what, frequency: r.frequency,
      capacity: r.capacity, quote: r.quote, note: r.note, clause: clause(r.clause), inferred: Boolean(r.inferred),
      reason: r.reason || null };
  }

  async function readArea(area) {
    var vars = { area: area };
    var found = await Promise.all([
      everyPage(Q.bodies, vars, "bodies"), everyPage(Q.roles, vars, "roles"),
      everyPage(Q.people, vars, "people"), everyPage(Q.duties, vars, "duties"), readFindings(area),
    ]);
    var parties = new Map();
    found[0].forEach(function (b) { parties.set(b.id, party("Body", b)); });
    found[1].forEach(function (r) { parties.set(r.id, party("Role", r)); });
    found[2].forEach(function (p) { parties.set(p.id, party("Person", p)); });
    var links = [];
    found[0].forEach(function (b) { b.relations.forEach(function (r) { links.push(relationLink(b.id, r)); }); });
    found[1].forEach(function (role) {
      role.relations.filter(function (r) { return r.direction === "OUTGOING"; })
        .forEach(function (r) { links.push(relationLink(role.id, r)); });
      if (role.postOf) links.push({ type: "ROLE_IN", from: role.id, to: role.postOf.id });
    });
    found[2].forEach(function (person) { personLinks(person).forEach(function (l) { links.push(l); }); });
    found[3].forEach(function (d) { dutyLink(d, parties, links); });
    return { parties: parties, links: keyed(links, parties), findings: found[4] };
  }

  function personLinks(person) {
    var links = person.roles.filter(function (h) { return h.role; }).map(function (h) {
      return { type: "HOLDS", from: person.id, to: h.role.id, since: h.start, until: h.end };
    });
    person.memberships.filter(function (m) { return m.body; }).forEach(function (m) {
      var base = { from: person.id, to: m.body.id, since: m.start, until: m.end };
      links.push(Object.assign({ type: "MEMBER_OF", capacity: m.capacity }, base));
      if (m.capacity === "chair") links.push(Object.assign({ type: "CHAIRS" }, base));
    });
    return links;
  }

  function dutyLink(d, parties, links) {
    var owner = d.owner && parties.get(d.owner.id);
    var towards = d.towards && parties.get(d.towards.id);
    if (owner) owner.owes += 1;
    if (towards) towards.owed += 1;
    if (owner && towards) {
      links.push({ type: "DUTY", from: owner.id, to: towards.id, what: d.kind, duty: d.text, clause: clause(d.clause) });
    }
  }

  /* Links between parties of the area, each with a unique id (the API gives relations none). */
  function keyed(links, parties) {
    var seen = new Set();
    return links.filter(function (l) { return parties.has(l.from) && parties.has(l.to); }).map(function (l) {
      var key = [l.type, l.from, l.to, l.clause ? l.clause.id : "", l.capacity || "", l.since || ""].join("|");
      var id = key;
      for (var n = 2; seen.has(id); n += 1) id = key + "#" + n;
      seen.add(id);
      return Object.assign({ id: id }, l);
    });
  }

  async function readFindings(area) {
    if (!state.support || !state.support.checks) return [];
    var query = "query Checks($area: String) { checks(area: $area) { " + state.support.selection + " } }";
    var data = (await gql(query, { area: area })).checks;
    return (Array.isArray(data) ? data : data.nodes || []).map(normaliseFinding);
  }

  // -- drawing ---------------------------------------------------------------------------------------

  function edgeStyle(type) {
    return CONFIG.edges[type] || { label: type.toLowerCase().replace(/_/g, " "), color: "#6b7280", dashes: false,
      width: 1, directed: true };
  }

  function words(value) { return (value || "").replace(/_/g, " "); }

  function rank(severity) { return { info: 0, warning: 1, error: 2 }[severity] || 0; }

  function worst(findings) {
    var drawn = findings.filter(function (f) { return (CONFIG.severities[f.severity] || {}).highlight; });
    return drawn.reduce(function (w, f) { return !w || rank(f.severity) > rank(w) ? f.severity : w; }, null);
  }

  function findingLines(findings) {
    return findings.map(function (f) {
      return "⚠ " + (CONFIG.severities[f.severity] || CONFIG.severities.info).label + ": " + f.message;
    });
  }

  function clauseText(c) {
    if (!c) return null;
    return "clause " + (c.ref || c.number) + (c.line ? ", line " + c.line : "") + (c.protocol ? " of " + c.protocol : "");
  }

  /* Hover text is short: what it is and how to learn more; the panel holds the detail. */
  function nodeTitle(p, findings) {
    var lines = [p.name, [p.kind, words(p.bodyKind)].filter(Boolean).join(" · ") +
      (p.independent ? " · declared independent" : "")];
    var c = state.layout && state.layout.centrality[p.id];
    if (c) lines.push(c + " accountability line" + (c === 1 ? "" : "s") + " run through it");
    var drawn = findings.filter(function (f) { return (CONFIG.severities[f.severity] || {}).highlight; });
    if (drawn.length) lines.push("⚠ " + drawn.length + " finding" + (drawn.length === 1 ? "" : "s"));
    lines.push("Click for the details.");
    return lines.join("\n");
  }

  function edgeTitle(l, findings) {
    var lines = [state.parties.get(l.from).name + " → " + edgeStyle(l.type).label + " → " + state.parties.get(l.to).name];
    var where = l.clause && "clause " + (l.clause.ref || l.clause.number) + (l.clause.line ? ", line " + l.clause.line : "");
    var facts = [l.what && words(l.what), l.frequency && words(l.frequency), where];
    facts = facts.filter(Boolean);
    if (facts.length) lines.push(facts.join(" · "));
    if (l.inferred) lines.push("inferred" + (l.reason ? ": " + l.reason : ""));
    if (findings.length) lines.push("⚠ " + findings.length + " finding" + (findings.length === 1 ? "" : "s"));
    lines.push("Click for the clause and quote.");
    return lines.join("\n");
  }

  function edgeLabel(l) {
    if (l.capacity && l.capacity !== "member" && l.capacity !== "chair") return words(l.capacity);
    var label = edgeStyle(l.type).label;
    label = l.frequency ? label + " (" + l.frequency + ")" : label;
    return l.inferred ? label + " (inferred)" : label;
  }

  function findingsOf(kind, id) {
    return state.findings.filter(function (f) {
      if (kind === "node") return f.nodes.indexOf(id) >= 0;
      var l = state.linkById.get(id);
      return f.ends.some(function (e) { return e[0] === l.type && e[1] === l.from && e[2] === l.to; });
    });
  }

  function maxCentrality() {
    var values = Object.values((state.layout && state.layout.centrality) || {});
    return Math.max.apply(null, [0].concat(values));
  }

  /* A body's name grows with the accountability lines that run through it (betweenness, computed
   * server-side); roles and people are drawn smaller in the accountability view, under their body. */
  function visNode(p) {
    var found = findingsOf("node", p.id);
    var sev = worst(found);
    var node = { id: p.id, label: p.name, group: sev ? p.kind + "-" + sev : p.kind, kind: p.kind,
      title: nodeTitle(p, found), severity: sev };
    var top = maxCentrality();
    var c = (state.layout && state.layout.centrality[p.id]) || 0;
    if (p.kind === "Body") node.font = { size: 14 + Math.round((top ? c / top : 0) * 8) };
    else if (state.view === "accountability") node.font = { size: 12 };
    var at = state.view === "accountability" && state.layout && state.layout.positions[p.id];
    if (at) { node.x = at.x; node.y = at.y; }
    return node;
  }

  function visEdges(links) {
    var count = new Map();
    return links.map(function (l) {
      var style = edgeStyle(l.type);
      var found = findingsOf("edge", l.id);
      var sev = worst(found);
      var pair = l.from + "\u0000" + l.to;
      var n = count.get(pair) || 0;
      count.set(pair, n + 1);
      var edge = { id: l.id, from: l.from, to: l.to, etype: l.type, label: edgeLabel(l), title: edgeTitle(l, found),
        color: sev ? CONFIG.severities[sev].color : style.color, width: sev ? 4 : style.width, severity: sev,
        inferred: Boolean(l.inferred), smooth: { enabled: true, type: "curvedCW", roundness: 0.12 + 0.18 * n } };
      if (style.dashes) edge.dashes = style.dashes;
      if (l.inferred) edge.dashes = CONFIG.inferredDashes;
      if (!style.directed) edge.arrows = { to: { enabled: false } };
      return edge;
    });
  }

  function visible(id) { return !state.focus || state.focus.has(id); }

  /* What the network draws: the shown relations bundled per pair and direction, or every one. */
  function drawnEdges() {
    var records = state.edgeView.get();
    if (!state.bundled) {
      return records.map(function (r) { return Object.assign({}, r, { fullLabel: r.label, members: [r.id], count: 1 }); });
    }
    return D.bundle(records, CONFIG, { nameOf: function (id) { return state.parties.get(id).name; },
      side: state.view === "accountability" });
  }

  function draw() {
    if (state.network) state.network.destroy();
    setReady(false);
    state.linkById = new Map(state.links.map(function (l) { return [l.id, l]; }));
    state.nodes = new vis.DataSet(Array.from(state.parties.values()).map(visNode));
    state.edges = new vis.DataSet(visEdges(state.links));
    state.nodeView = new vis.DataView(state.nodes, { filter: function (n) { return visible(n.id); } });
    state.edgeView = new vis.DataView(state.edges, { filter: function (e) {
      return !state.hidden.has(e.etype) && visible(e.from) && visible(e.to);
    } });
    state.drawn = new vis.DataSet(drawnEdges());
    var layered = state.view === "accountability" && state.layout;
    var options = JSON.parse(JSON.stringify(CONFIG.options));
    if (layered) {
      options.physics = { enabled: false };
      options.layout = { improvedLayout: false };
    } else if (state.parties.size > CONFIG.physicsLimit) {
      options.layout = { improvedLayout: false };
      options.physics.stabilization.iterations = 150;
    }
    var container = document.getElementById("gx-network");
    var network = new vis.Network(container, { nodes: state.nodeView, edges: state.drawn }, options);
    state.network = network;
    document.body.setAttribute("data-view", layered ? "accountability" : "network");
    function settled() {
      // fitted first, as the labels are fitted at the scale they are seen at, then widened for them
      state.labelsShown = D.fitWithLabels(network, state.drawn);
      network.once("afterDrawing", function () { setReady(true); });
      network.redraw(); // a sure drawing: fit() does not draw when the view is already fitted
    }
    if (layered) network.once("afterDrawing", settled);
    else {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        network.once("afterDrawing", settled); // labels are fitted where the nodes finally are
        network.redraw();
      });
    }
    network.on("dragEnd", function (params) {
      if (params.nodes.length) state.labelsShown = D.fitLabels(network, state.drawn);
    });
    D.refitOnZoom(network, function () {
      if (state.network === network) state.labelsShown = D.fitLabels(network, state.drawn);
    });
    network.on("click", function (params) {
      if (params.nodes.length) selectNode(params.nodes[0], false);
      else if (params.edges.length) showDrawnEdge(params.edges[0]);
    });
    D.quietTooltips(network, container);
  }

  function refresh() {
    state.nodeView.refresh();
    state.edgeView.refresh();
    state.drawn.clear();
    state.drawn.add(drawnEdges());
    state.labelsShown = D.fitLabels(state.network, state.drawn);
  }

  function showDrawnEdge(id) {
    var drawn = state.drawn.get(id);
    if (!drawn) return;
    if (drawn.members.length === 1) showEdge(drawn.members[0]);
    else showBundle(drawn);
  }

  // -- controls: filters, legend, findings -----------------------------------------------------------

  function buildFilters() {
    var side = document.getElementById("gx-filters");
    side.textContent = "";
    var counts = {};
    state.links.forEach(function (l) { counts[l.type] = (counts[l.type] || 0) + 1; });
    var kinds = {};
    state.parties.forEach(function (p) { kinds[p.kind] = (kinds[p.kind] || 0) + 1; });
    side.appendChild(el("h2", {}, "Nodes"));
    var nodeList = el("ul");
    Object.keys(CONFIG.nodes).filter(function (k) { return kinds[k]; }).forEach(function (k) {
      var item = el("li");
      item.appendChild(D.nodeSwatch(CONFIG.nodes[k]));
      item.appendChild(el("span", {}, CONFIG.nodes[k].label));
      item.appendChild(el("span", { "class": "gg-count" }, kinds[k]));
      nodeList.appendChild(item);
    });
    side.appendChild(nodeList);
    if (maxCentrality() > 0) {
      side.appendChild(el("p", { "class": "gg-hint", id: "gx-centrality-note" },
        "Larger names: more accountability lines run through the body (betweenness centrality)."));
    }
    side.appendChild(el("h2", { id: "gx-edge-types" }, "Edge types"));
    var families = {};
    CONFIG.edgeTypes.filter(function (t) { return counts[t]; }).forEach(function (type) {
      var family = edgeStyle(type).family || "other";
      if (!families[family]) families[family] = [];
      families[family].push(type);
    });
    Object.keys(CONFIG.families).filter(function (f) { return families[f]; }).forEach(function (f) {
      var head = el("h3", { "class": "gx-family", id: "gx-family-" + f }, CONFIG.families[f].label);
      head.style.borderColor = CONFIG.families[f].color;
      side.appendChild(head);
      var list = el("ul", { "aria-labelledby": "gx-family-" + f });
      families[f].forEach(function (type) { list.appendChild(edgeToggle(type, counts[type])); });
      side.appendChild(list);
    });
    if (state.links.some(function (l) { return l.inferred; })) {
      var note = el("p", { "class": "gg-hint", id: "gx-inferred-note" });
      note.appendChild(D.edgeSwatch({ color: "#555555", dashes: CONFIG.inferredDashes, width: 2, directed: true }));
      note.appendChild(el("span", {}, " dotted: inferred, not stated by the text"));
      side.appendChild(note);
    }
    buildFindingList(side);
  }

  function edgeToggle(type, count) {
    var style = edgeStyle(type);
    var item = el("li");
    var label = el("label");
    var box = el("input", { type: "checkbox", "data-edge-type": type });
    box.checked = !state.hidden.has(type);
    box.addEventListener("change", function () {
      if (box.checked) state.hidden.delete(type); else state.hidden.add(type);
      refresh();
      describe();
    });
    label.appendChild(box);
    label.appendChild(D.edgeSwatch(style));
    label.appendChild(el("span", {}, style.label));
    label.appendChild(el("span", { "class": "gg-count" }, count));
    item.appendChild(label);
    return item;
  }

  function buildFindingList(side) {
    side.appendChild(el("h2", {}, "Findings"));
    if (!state.support || !state.support.checks) {
      side.appendChild(el("p", { "class": "gg-muted", id: "gx-findings-note" },
        "This API does not offer the independence checks yet; the command govgraph check runs them."));
      return;
    }
    if (!state.findings.length) {
      side.appendChild(el("p", { "class": "gg-muted" }, "None in this area."));
      return;
    }
    var list = el("ul", { "class": "gg-findings" });
    state.findings.slice().sort(function (a, b) { return rank(b.severity) - rank(a.severity); }).forEach(function (f) {
      var style = CONFIG.severities[f.severity] || CONFIG.severities.info;
      var button = el("button", { type: "button", "class": "gg-finding" });
      button.appendChild(D.severityDot(style.color));
      button.appendChild(el("span", {}, style.label + ": " + f.message));
      button.addEventListener("click", function () {
        var ids = f.nodes.filter(function (id) { return state.parties.has(id); });
        state.network.selectNodes(ids);
        if (ids.length) state.network.fit({ nodes: ids, animation: { duration: 300 } });
      });
      var item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    });
    side.appendChild(list);
  }

  function describe() {
    var nodes = state.nodeView.length;
    var edges = state.edgeView.length;
    var text = state.areaName + ": " + nodes + " nodes, " + edges + " relations shown";
    if (state.bundled && state.drawn) text += " as " + state.drawn.length + " lines";
    if (state.focus) text += " (within " + state.focusHops + " of " + state.parties.get(state.focusOn).name + ")";
    status(text);
  }

  // -- selecting, searching, focusing ----------------------------------------------------------------

  function selectNode(id, moveCamera) {
    state.selected = id;
    document.getElementById("gx-focus").disabled = false;
    state.network.selectNodes([id]);
    if (moveCamera) state.network.focus(id, { scale: 1.1, animation: { duration: 300 } });
    showNode(id);
  }

  function find(text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) return null;
    var all = Array.from(state.parties.values());
    var tests = [
      function (p) { return p.name.toLowerCase() === wanted; },
      function (p) { return p.id.toLowerCase() === wanted; },
      function (p) { return p.aliases.some(function (a) { return a.toLowerCase() === wanted; }); },
      function (p) { return p.name.toLowerCase().indexOf(wanted) >= 0; },
    ];
    for (var i = 0; i < tests.length; i += 1) {
      var hit = all.find(tests[i]);
      if (hit) return hit;
    }
    return null;
  }

  function neighbourhood(start, hops) {
    var near = new Map();
    state.links.filter(function (l) { return !state.hidden.has(l.type); }).forEach(function (l) {
      if (!near.has(l.from)) near.set(l.from, []);
      if (!near.has(l.to)) near.set(l.to, []);
      near.get(l.from).push(l.to);
      near.get(l.to).push(l.from);
    });
    var seen = new Map([[start, 0]]);
    var queue = [start];
    while (queue.length) {
      var current = queue.shift();
      if (seen.get(current) >= hops) continue;
      (near.get(current) || []).forEach(function (other) {
        if (!seen.has(other)) { seen.set(other, seen.get(current) + 1); queue.push(other); }
      });
    }
    return new Set(seen.keys());
  }

  function focusOn(id, hops) {
    state.focus = neighbourhood(id, hops);
    state.focusOn = id;
    state.focusHops = hops + (hops === 1 ? " hop" : " hops");
    document.getElementById("gx-all").disabled = false;
    refresh();
    state.network.fit({ nodes: Array.from(state.focus), animation: { duration: 300 } });
    describe();
  }

  function showAll() {
    state.focus = null;
    document.getElementById("gx-all").disabled = true;
    refresh();
    state.network.fit({ animation: { duration: 300 } });
    describe();
  }

  // -- the details panel -----------------------------------------------------------------------------

  function panel() {
    var box = document.getElementById("gx-panel");
    box.textContent = "";
    return box;
  }

  function heading(box, kind, name, id) {
    box.appendChild(el("span", { "class": "gx-kind" }, kind));
    box.appendChild(el("h2", {}, name));
    if (id) box.appendChild(el("p", { "class": "gx-clause" }, id));
  }

  /* A detail section, collapsed: the summary above it says the gist in plain words. */
  function listSection(box, title, items, render, open) {
    var details = el("details", { "class": "gx-details", "data-details": title });
    if (open) details.open = true;
    details.appendChild(el("summary", {}, title + " (" + items.length + ")"));
    var list = el("ul", { "data-section": title });
    if (!items.length) list.appendChild(el("li", { "class": "gg-muted" }, "None recorded."));
    items.forEach(function (item) {
      var li = el("li");
      render(li, item);
      list.appendChild(li);
    });
    details.appendChild(list);
    box.appendChild(details);
  }

  /* The panel's first lines: "Reports to: X (quarterly, 5.2; annual report, 5.2)." and so on. */
  function summary(box, lines) {
    var block = el("div", { "class": "gx-summary", id: "gx-summary" });
    lines.filter(Boolean).forEach(function (line) {
      var p = el("p");
      p.appendChild(el("strong", {}, line[0] + ": "));
      p.appendChild(document.createTextNode(line[1]));
      block.appendChild(p);
    });
    box.appendChild(block);
  }

  function ref(c) { return c ? (c.number && c.id.split("/").pop() !== c.number ? c.id.split("/").pop() : c.number || c.id.split("/").pop()) : null; }

  /* "Wirral Children's Trust (quarterly, 5.2; annual report, 5.2)": relations of some types, grouped by
   * the other party, each with what and how often and its clause. */
  function relationsLine(relations, types, direction) {
    var byOther = new Map();
    relations.filter(function (r) { return types.indexOf(r.type) >= 0 && r.direction === direction && r.other; })
      .forEach(function (r) {
        if (!byOther.has(r.other.name)) byOther.set(r.other.name, []);
        var bits = [r.frequency || r.what, ref(r.clause)].filter(Boolean).join(", ");
        if (r.inferred) bits = (bits ? bits + ", " : "") + "inferred";
        if (bits && byOther.get(r.other.name).indexOf(bits) < 0) byOther.get(r.other.name).push(bits);
      });
    return Array.from(byOther.entries()).map(function (e) {
      return e[0] + (e[1].length ? " (" + e[1].join("; ") + ")" : "");
    }).join("; ");
  }

  function countWords(findings) {
    var counts = {};
    findings.forEach(function (f) { counts[f.severity] = (counts[f.severity] || 0) + 1; });
    var said = ["error", "warning", "info"].filter(function (k) { return counts[k]; }).map(function (k) {
      var label = (CONFIG.severities[k] || CONFIG.severities.info).label;
      return counts[k] + " " + label + (counts[k] === 1 ? "" : "s");
    });
    return said.length ? said.join(", ") : "none";
  }

  function names(items, limit) {
    var shown = items.slice(0, limit || 4).join(", ");
    return items.length > (limit || 4) ? shown + " and " + (items.length - (limit || 4)) + " more" : shown;
  }

  function cite(li, c, quote) {
    if (quote) li.appendChild(el("blockquote", {}, quote));
    if (c) {
      var where = "clause " + c.id.split("/").pop() + (c.line ? ", line " + c.line : "");
      if (c.protocol && c.protocol.title) where += " of " + c.protocol.title;
      li.appendChild(el("div", { "class": "gx-clause" }, where));
    }
  }

  function period(x) {
    return x.start || x.end ? " (" + (x.start || "…") + " to " + (x.end || "now") + ")" : "";
  }

  function ide(box, query, variables) {
    var link = el("a", { "class": "gx-ide", href: ideLink(query, variables), target: "_blank", rel: "noopener",
      id: "gx-ide-link" }, "Open this query in the GraphQL IDE");
    box.appendChild(link);
  }

  function findingSection(box, findings) {
    if (!state.support) return;
    listSection(box, "Findings", findings, function (li, f) {
      var style = CONFIG.severities[f.severity] || CONFIG.severities.info;
      li.classList.add("gx-finding");
      li.style.borderColor = style.color;
      li.appendChild(el("strong", {}, style.label + " "));
      li.appendChild(el("span", {}, f.message));
    });
  }

  async function loadPanel(query, variables, render) {
    var box = panel();
    box.appendChild(el("p", { "class": "gg-muted" }, "Loading…"));
    document.body.setAttribute("data-panel", "loading");
    try {
      var data = await gql(query, variables);
      box = panel();
      render(box, data);
      ide(box, query, variables);
    } catch (err) {
      box = panel();
      box.appendChild(el("p", { "class": "gx-status gx-error" }, "Could not load the details: " + err.message));
    }
    document.body.setAttribute("data-panel", "ready");
  }

  function showNode(id) {
    var p = state.parties.get(id);
    if (p.kind === "Body") {
      var query = PANEL.Body.replace("    FINDINGS\n", state.support && state.support.body ?
        "    findings { " + state.support.selection + " }\n" : "");
      loadPanel(query, { id: id }, function (box, data) { bodyPanel(box, data.body); });
    } else if (p.kind === "Role") {
      loadPanel(PANEL.Role, { id: id, area: state.area }, function (box, data) { rolePanel(box, id, data); });
    } else {
      loadPanel(PANEL.Person, { id: id }, function (box, data) { personPanel(box, data.person); });
    }
  }

  function dutyItem(other) {
    return function (li, d) {
      var who = d[other] ? " " + (other === "towards" ? "to " : "from ") + d[other].name : "";
      li.appendChild(el("strong", {}, words(d.kind) + who));
      cite(li, d.clause, d.text);
    };
  }

  function relationItem(li, r) {
    var other = r.other ? r.other.name : "?";
    var label = edgeStyle(r.type).label;
    li.appendChild(el("strong", {}, r.direction === "OUTGOING" ? label + " " + other : other + " " + label + " this"));
    var facts = [r.what, r.frequency, r.capacity && words(r.capacity)].filter(Boolean).join(" · ");
    if (facts) li.appendChild(el("div", { "class": "gx-clause" }, facts));
    cite(li, r.clause, r.quote);
  }

  function bodyPanel(box, b) {
    if (!b) { box.appendChild(el("p", {}, "This body is no longer in the graph.")); return; }
    heading(box, "Body · " + words(b.kind) + (b.independent ? " · declared independent" : ""), b.name, b.id);
    if (b.aliases.length) box.appendChild(el("p", { "class": "gg-muted" }, "Also called " + b.aliases.join(", ")));
    var local = findingsOf("node", b.id);
    var findings = b.findings ? b.findings.map(normaliseFinding) : local;
    bodySummary(box, b, findings);
    findingSection(box, findings);
    listSection(box, "Duties it owes", b.dutiesOwed, dutyItem("towards"));
    listSection(box, "Duties owed to it", b.dutiesOwedTo, dutyItem("owner"));
    listSection(box, "Chairs", b.chairs, function (li, c) {
      var who = [c.role && c.role.name, c.person && c.person.name].filter(Boolean).join(": ");
      li.appendChild(el("strong", {}, (who || "unnamed") + period(c)));
      cite(li, c.clause, c.clause && c.clause.text);
    });
    listSection(box, "Members", b.members, function (li, m) {
      li.appendChild(el("strong", {}, (m.member ? m.member.name : "?") + " · " + words(m.capacity || "member") + period(m)));
      cite(li, m.clause, null);
    });
    if (b.posts.length) {
      listSection(box, "Posts", b.posts, function (li, r) { li.textContent = r.name; });
    }
    if (b.declarations.length) {
      listSection(box, "Declarations", b.declarations, function (li, d) {
        li.appendChild(el("strong", {}, words(d.kind)));
        cite(li, d.clause, d.quote);
      });
    }
    var relations = b.relations.filter(function (r) { return !STRUCTURAL[r.type]; });
    listSection(box, "Relations", relations, relationItem);
  }

  function bodySummary(box, b, findings) {
    var rel = b.relations;
    var chairs = b.chairs.map(function (c) {
      return [c.person && c.person.name, c.role && c.role.name].filter(Boolean).join(" as ") + (ref(c.clause) ? " (" + ref(c.clause) + ")" : "");
    });
    var members = Array.from(new Set(b.members.map(function (m) { return m.member ? m.member.name : "?"; })));
    var lines = [
      ["Reports to", relationsLine(rel, ["REPORTS_TO"], "OUTGOING") || "no one, as far as the protocols say"],
      relationsLine(rel, ["SUBGROUP_OF"], "OUTGOING") && ["Subgroup of", relationsLine(rel, ["SUBGROUP_OF"], "OUTGOING")],
      relationsLine(rel, ["REPORTS_TO", "SUBGROUP_OF"], "INCOMING") &&
        ["Answered to by", relationsLine(rel, ["REPORTS_TO", "SUBGROUP_OF"], "INCOMING")],
      ["Chaired by", chairs.length ? chairs.join("; ") : "not recorded"],
      ["Members", members.length ? members.length + " (" + names(members) + ")" : "none recorded"],
      relationsLine(rel, ["CHALLENGES", "SCRUTINISES", "HOLDS_TO_ACCOUNT"], "OUTGOING") &&
        ["Challenges or scrutinises", relationsLine(rel, ["CHALLENGES", "SCRUTINISES", "HOLDS_TO_ACCOUNT"], "OUTGOING")],
      relationsLine(rel, ["CHALLENGES", "SCRUTINISES", "HOLDS_TO_ACCOUNT"], "INCOMING") &&
        ["Challenged or scrutinised by", relationsLine(rel, ["CHALLENGES", "SCRUTINISES", "HOLDS_TO_ACCOUNT"], "INCOMING")],
      state.support ? ["Findings", countWords(findings)] : null,
    ];
    summary(box, lines);
  }

  function rolePanel(box, id, data) {
    var role = data.roles.nodes.find(function (r) { return r.id === id; });
    if (!role) { box.appendChild(el("p", {}, "This role is not in the area's first 100 roles.")); return; }
    heading(box, "Role" + (role.postOf ? " · post of " + role.postOf.name : ""), role.name, role.id);
    if (role.aliases.length) box.appendChild(el("p", { "class": "gg-muted" }, "Also called " + role.aliases.join(", ")));
    summary(box, [
      ["Post of", role.postOf ? role.postOf.name : "no body recorded"],
      ["Chairs", role.chairs.length ? names(role.chairs.map(function (b) { return b.name; })) : "nothing recorded"],
      ["Member of", role.memberships.length ? names(role.memberships.map(function (m) {
        return (m.body ? m.body.name : "?") + (m.capacity && m.capacity !== "member" ? " (" + words(m.capacity) + ")" : "");
      })) : "nothing recorded"],
      ["Held by", role.holders.length ? names(role.holders.map(function (h) { return h.person ? h.person.name : "?"; })) : "no one recorded"],
      state.support ? ["Findings", countWords(findingsOf("node", id))] : null,
    ]);
    findingSection(box, findingsOf("node", id));
    listSection(box, "Duties it owes", data.owes.nodes, dutyItem("towards"));
    listSection(box, "Duties owed to it", data.owed.nodes, dutyItem("owner"));
    listSection(box, "Chairs", role.chairs, function (li, b) { li.textContent = b.name; });
    listSection(box, "Memberships", role.memberships, function (li, m) {
      li.appendChild(el("strong", {}, (m.body ? m.body.name : "?") + " · " + words(m.capacity || "member") + period(m)));
      cite(li, m.clause, m.clause && m.clause.text);
    });
    listSection(box, "Held by", role.holders, function (li, h) {
      li.textContent = (h.person ? h.person.name : "?") + period(h);
    });
    var relations = role.relations.filter(function (r) { return !STRUCTURAL[r.type]; });
    listSection(box, "Relations", relations, relationItem);
  }

  function personPanel(box, p) {
    if (!p) { box.appendChild(el("p", {}, "This person is no longer in the graph.")); return; }
    heading(box, "Person · " + (p.area || ""), p.name, p.id);
    summary(box, [
      ["Holds", p.roles.length ? names(p.roles.map(function (h) { return h.role ? h.role.name : "?"; })) : "no role recorded"],
      ["Sits on", p.memberships.length ? names(p.memberships.map(function (m) { return m.body ? m.body.name : "?"; })) : "nothing recorded"],
      ["Chairs", p.chairs.length ? names(p.chairs.map(function (b) { return b.name; })) : "nothing recorded"],
    ]);
    findingSection(box, findingsOf("node", p.id));
    listSection(box, "Roles held", p.roles, function (li, h) {
      li.textContent = (h.role ? h.role.name : "?") + period(h);
    });
    listSection(box, "Memberships", p.memberships, function (li, m) {
      li.textContent = (m.body ? m.body.name : "?") + " · " + words(m.capacity || "member") +
        (m.role ? " as " + m.role.name : "") + period(m);
    });
    listSection(box, "Chairs", p.chairs, function (li, b) { li.textContent = b.name; });
  }

  function showEdge(id) {
    var l = state.linkById.get(id);
    if (!l) return;
    var onPaths = state.pathEdges.indexOf(l.type) >= 0;
    var query = onPaths ? PANEL.edge : PANEL.duties;
    var vars = onPaths ? { from: l.from, to: l.to, types: [l.type] } : { from: l.from, to: l.to };
    loadPanel(query, vars, function (box, data) { edgePanel(box, l, data); });
  }

  function edgePanel(box, l, data) {
    var from = state.parties.get(l.from);
    var to = state.parties.get(l.to);
    heading(box, "Edge · " + edgeStyle(l.type).label, from.name + " → " + to.name, null);
    var facts = [l.what && "what: " + words(l.what), l.frequency && "how often: " + l.frequency,
      l.capacity && "as " + words(l.capacity), l.since && "from " + l.since, l.until && "until " + l.until];
    facts = facts.filter(Boolean);
    if (facts.length) box.appendChild(el("p", {}, facts.join(" · ")));
    if (l.inferred) box.appendChild(el("p", { "class": "gx-inferred" }, "Inferred, not stated by the text" + (l.reason ? ": " + l.reason : ".")));
    findingSection(box, findingsOf("edge", l.id));
    var steps = [];
    ((data.accountabilityPaths && data.accountabilityPaths.nodes) || []).forEach(function (path) {
      path.steps.forEach(function (s) { steps.push(s); });
    });
    if (data.accountabilityPaths) {
      listSection(box, "Where the protocol says so", steps, function (li, s) {
        li.appendChild(el("strong", {}, s.quote ? "“" + s.quote + "”" : edgeStyle(s.type).label));
        var text = s.clause && s.clause.text;
        cite(li, s.clause, text && text !== s.quote ? text : null);
      }, true);
    } else if (l.quote || l.duty) {
      listSection(box, "Where the protocol says so", [l], function (li, x) {
        li.appendChild(el("strong", {}, "“" + (x.quote || x.duty) + "”"));
        if (x.clause) li.appendChild(el("div", { "class": "gx-clause" }, clauseText(x.clause)));
      }, true);
    }
    listSection(box, "Duties " + from.name + " owes " + to.name, data.duties.nodes, function (li, d) {
      li.appendChild(el("strong", {}, words(d.kind)));
      cite(li, d.clause, d.text);
    });
  }

  /* A bundle: every relation it stands for, each with its clause and quote, then the duties between
   * the two (through GraphQL, so the panel links to its query like the others). */
  function showBundle(drawn) {
    var members = drawn.members.map(function (id) { return state.linkById.get(id); }).filter(Boolean);
    var first = members[0];
    loadPanel(PANEL.duties, { from: first.from, to: first.to }, function (box, data) {
      var from = state.parties.get(first.from);
      var to = state.parties.get(first.to);
      heading(box, members.length + " relations", from.name + " → " + to.name, null);
      var counts = new Map();
      members.forEach(function (m) { counts.set(m.type, (counts.get(m.type) || 0) + 1); });
      summary(box, [["Relations", Array.from(counts.entries()).map(function (e) {
        return edgeStyle(e[0]).label + (e[1] > 1 ? " ×" + e[1] : "");
      }).join(", ")]]);
      listSection(box, "Where the protocol says so", members, function (li, m) {
        var facts = [m.what && words(m.what), m.frequency && words(m.frequency)].filter(Boolean).join(" · ");
        li.appendChild(el("strong", {}, edgeStyle(m.type).label + (facts ? " · " + facts : "")));
        if (m.quote || m.duty) li.appendChild(el("blockquote", {}, "“" + (m.quote || m.duty) + "”"));
        if (m.clause) li.appendChild(el("div", { "class": "gx-clause" }, clauseText(m.clause)));
        if (m.inferred) li.appendChild(el("div", { "class": "gx-inferred" }, "inferred" + (m.reason ? ": " + m.reason : "")));
        var found = findingsOf("edge", m.id);
        if (found.length) li.appendChild(el("div", { "class": "gx-clause" }, findingLines(found).join(" ")));
      }, true);
      listSection(box, "Duties " + from.name + " owes " + to.name, data.duties.nodes, function (li, d) {
        li.appendChild(el("strong", {}, words(d.kind)));
        cite(li, d.clause, d.text);
      });
    });
  }

  // -- two areas side by side -----------------------------------------------------------------------

  var ONLY = "#f0e442"; // Okabe-Ito yellow, behind what one area has and the other lacks

  async function openCompare(other) {
    setReady(false);
    var otherName = (state.areas.find(function (a) { return a.id === other; }) || { name: other }).name;
    status("Comparing " + state.areaName + " with " + otherName + "…");
    var data;
    try {
      data = await getJson("/explorer/api/compare?a=" + encodeURIComponent(state.area) + "&b=" + encodeURIComponent(other));
    } catch (err) {
      status("Could not compare: " + err.message, true);
      return;
    }
    state.compareWith = other;
    state.comparison = data;
    remember();
    drawComparison(data);
    comparePanel(data);
    status(data.a.name + " (left) and " + data.b.name + " (right): bodies matched by kind share a row; " +
      "yellow marks what one has and the other lacks");
  }

  function areaName(data, id) { return id === data.a.id ? data.a.name : data.b.name; }

  function compareNodes(data) {
    var nodes = data.nodes.map(function (n) {
      var node = { id: n.id, label: n.label, x: n.x, y: n.y, group: n.kind, kind: n.kind, area: n.area, only: n.only,
        title: n.label + "\n" + words(n.bodyKind || n.kind) + " · " + areaName(data, n.area) +
          (n.only ? "\nonly " + areaName(data, n.only) + " has a body of this kind" : "") };
      if (n.kind !== "Body") node.font = { size: 12 };
      if (n.only) {
        node.borderWidth = 3;
        node.shapeProperties = { borderDashes: [6, 3] };
        node.shadow = { enabled: true, color: ONLY, size: 18, x: 0, y: 0 };
      }
      return node;
    });
    [data.a, data.b].forEach(function (area) {
      var own = data.nodes.filter(function (n) { return n.area === area.id; });
      if (!own.length) return;
      var xs = own.map(function (n) { return n.x; });
      var top = Math.min.apply(null, own.map(function (n) { return n.y; }));
      nodes.push({ id: "area:" + area.id, label: area.name, shape: "text", x: (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2,
        y: top - 110, font: { size: 26, face: "system-ui, sans-serif", color: "#0f172a" }, kind: "Area" });
    });
    return nodes;
  }

  function drawComparison(data) {
    if (state.network) state.network.destroy();
    var names = new Map(data.nodes.map(function (n) { return [n.id, n.label]; }));
    var records = data.edges.filter(function (e) { return !state.hidden.has(e.etype); }).map(function (e) {
      var style = edgeStyle(e.etype);
      var label = style.label + (e.inferred ? " (inferred)" : "");
      var r = { id: e.id, from: e.from, to: e.to, etype: e.etype, label: label, inferred: e.inferred, only: e.only,
        color: style.color, width: style.width, dashes: e.inferred ? CONFIG.inferredDashes : style.dashes,
        title: names.get(e.from) + " → " + style.label + " → " + names.get(e.to) +
          (e.clause ? "\nclause " + e.clause : "") + (e.only ? "\nonly in " + areaName(data, e.only) : "") };
      if (!style.directed) r.arrows = { to: { enabled: false } };
      return r;
    });
    var drawn = state.bundled
      ? D.bundle(records, CONFIG, { nameOf: function (id) { return names.get(id); }, side: true, splitBy: "only", only: true })
      : records.map(function (r) { return Object.assign({}, r, { fullLabel: r.label, members: [r.id], count: 1 }); });
    drawn.forEach(function (e) {
      if (!e.only) return;
      e.fullLabel = "only " + areaName(data, e.only) + ": " + e.fullLabel;
      e.label = e.fullLabel;
      e.width = (e.width || 2) + 2;
      e.shadow = { enabled: true, color: ONLY, size: 14, x: 0, y: 0 };
    });
    state.compareNodes = new vis.DataSet(compareNodes(data));
    state.compareEdges = new vis.DataSet(drawn);
    var options = JSON.parse(JSON.stringify(CONFIG.options));
    options.physics = { enabled: false };
    options.layout = { improvedLayout: false };
    var container = document.getElementById("gx-network");
    var network = new vis.Network(container, { nodes: state.compareNodes, edges: state.compareEdges }, options);
    state.network = network;
    state.drawn = state.compareEdges;
    document.body.setAttribute("data-view", "compare");
    network.once("afterDrawing", function () {
      // the fit leaves room for the labels: "only Leicester: subgroup of (inferred)" ran off the left edge
      state.labelsShown = D.fitWithLabels(network, state.compareEdges);
      network.once("afterDrawing", function () { setReady(true); });
      network.redraw();
    });
    D.refitOnZoom(network, function () {
      if (state.network === network) state.labelsShown = D.fitLabels(network, state.compareEdges);
    });
    D.quietTooltips(network, container);
  }

  function comparePanel(data) {
    var box = panel();
    heading(box, "Comparison", data.a.name + " and " + data.b.name, null);
    box.appendChild(el("p", { "class": "gg-muted" }, "Bodies are matched by kind; lines between bodies are " +
      "compared kind to kind (what the texts state, not inferences). The command govgraph compare " +
      data.a.id + " " + data.b.id + " prints the same."));
    listSection(box, "What one has and the other lacks", data.differences, function (li, d) { li.textContent = d; }, true);
    document.body.setAttribute("data-panel", "ready");
  }

  // -- export ----------------------------------------------------------------------------------------

  function download(blob, name) {
    var link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 5000);
  }

  function scriptJson(data) {
    return JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026")
      .replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }

  /* The current view (visible nodes where they are now, visible edges, the findings on them) in the
   * same standalone page `govgraph diagram` writes. */
  function viewPayload() {
    var positions = state.network.getPositions();
    var nodes = state.nodeView.get().map(function (n) {
      return Object.assign({}, n, positions[n.id] || {});
    });
    var edges = state.edgeView.get();
    var edgeKinds = {};
    edges.forEach(function (e) { edgeKinds[e.etype] = (edgeKinds[e.etype] || 0) + 1; });
    var nodeKinds = {};
    nodes.forEach(function (n) { nodeKinds[n.kind] = (nodeKinds[n.kind] || 0) + 1; });
    var ids = new Set(nodes.map(function (n) { return n.id; }));
    var findings = state.findings.filter(function (f) { return f.nodes.some(function (id) { return ids.has(id); }); });
    var severities = {};
    Object.keys(CONFIG.severities).forEach(function (k) {
      severities[k] = Object.assign({ count: findings.filter(function (f) { return f.severity === k; }).length },
        CONFIG.severities[k]);
    });
    var options = JSON.parse(JSON.stringify(CONFIG.options));
    options.physics = { enabled: false };
    return {
      title: "govgraph: " + state.areaName + (state.focus ? " around " + state.parties.get(state.focusOn).name : ""),
      subtitle: document.getElementById("gx-status").textContent + " · exported from the explorer",
      nodes: nodes, edges: edges, options: options, physics: false, view: state.view, labels: true,
      styles: { edges: CONFIG.edges, families: CONFIG.families, severities: CONFIG.severities,
        inferredDashes: CONFIG.inferredDashes },
      legend: {
        nodes: Object.keys(CONFIG.nodes).filter(function (k) { return nodeKinds[k]; }).map(function (k) {
          return Object.assign({ kind: k, count: nodeKinds[k] }, CONFIG.nodes[k]);
        }),
        edges: CONFIG.edgeTypes.filter(function (t) { return edgeKinds[t]; }).map(function (t) {
          return Object.assign({ type: t, count: edgeKinds[t] }, edgeStyle(t));
        }),
        severities: severities,
      },
      findings: findings.map(function (f) {
        return { severity: f.severity, rule: f.rule, message: f.message, nodes: f.nodes, edges: [] };
      }),
    };
  }

  async function exportHtml() {
    try {
      var response = await fetch("/explorer/standalone.html");
      if (!response.ok) throw new Error("the server answered " + response.status);
      var shell = await response.text();
      var json = scriptJson(viewPayload());
      var html = shell.replace(CONFIG.payloadMark, function () { return json; });
      download(new Blob([html], { type: "text/html" }), "govgraph-" + state.area + ".html");
    } catch (err) {
      status("Could not export the view: " + err.message, true);
    }
  }

  function exportPng() {
    var canvas = document.querySelector("#gx-network canvas");
    var out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    var name = state.overview ? "overview" : state.area;
    out.toBlob(function (blob) { download(blob, "govgraph-" + name + ".png"); }, "image/png");
  }

  // -- the overview of every area ---------------------------------------------------------------------

  var OVERVIEW = "*"; // the area picker's value for the overview (?overview in the address)
  var AREA_COLOR = { background: "#c7d2fe", border: "#332288",
    highlight: { background: "#fef9c3", border: "#332288" }, hover: { background: "#fef9c3", border: "#332288" } };
  // controls that belong to one area's drawing
  var AREA_CONTROLS = ["gx-compare", "gx-every", "gx-export-html", "gx-focus", "gx-all"];

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function countsText(a) {
    return (a.bodies === 1 ? "1 body" : a.bodies + " bodies") + ", " + plural(a.roles, "role") + ", " +
      (a.people === 1 ? "1 person" : a.people + " people") + "; " + plural(a.relations, "relation");
  }

  /* Every area as one dot (frontend/overview.py lays them out and sizes them by bodies), read from the
   * explorer's own JSON route: counts only, so 1,500 areas are a few hundred kilobytes. */
  async function openOverview() {
    setReady(false);
    state.overview = true;
    state.area = null;
    state.compareWith = null;
    state.focus = null;
    state.selected = null;
    document.getElementById("gx-area").value = OVERVIEW;
    document.getElementById("gx-compare").value = "";
    AREA_CONTROLS.forEach(function (id) { document.getElementById(id).disabled = true; });
    remember();
    status("Loading every area…");
    var data;
    try {
      data = await getJson("/explorer/api/overview");
    } catch (err) {
      status("Could not load the overview: " + err.message, true);
      return;
    }
    if (!state.overview) return; // an area was picked meanwhile
    state.overviewData = data;
    drawOverview(data);
    overviewSide(data);
    overviewPanel(data);
    status(data.areas.length + " areas: click one to open its accountability view");
  }

  function overviewNode(a) {
    return { id: a.area, label: a.name, x: a.x, y: a.y, shape: "dot", size: a.size, kind: "Area",
      bodies: a.bodies, color: AREA_COLOR, borderWidth: 1.5,
      font: { size: 14, face: CONFIG.options.edges.font.face, color: "#0f172a" },
      title: a.name + "\n" + countsText(a) + "\nClick to open its accountability view." };
  }

  var NAME_PX = [10, 15]; // an area's name on screen: the smallest area's, the biggest's

  /* Area names only where they fit, at the current scale: biggest areas first, each name NAME_PX high on
   * screen (larger for bigger areas) under its dot, kept when its box meets no dot and no kept name. A
   * name that does not fit is made too small for vis-network to draw (under its 5 px threshold); zooming
   * in shows more (D.refitOnZoom). At 1,500 areas the fitted view shows the biggest areas' names, readable,
   * instead of every name at 5 px over its neighbours. Returns how many names are shown. */
  function fitAreaNames(network, nodes, data) {
    var scale = network.getScale();
    network.__fittedScale = scale;
    var most = data.areas.reduce(function (m, a) { return Math.max(m, a.bodies); }, 1);
    var grid = new D.BoxGrid(120 / scale);
    data.areas.forEach(function (a) {
      grid.add({ left: a.x - a.size, right: a.x + a.size, top: a.y - a.size, bottom: a.y + a.size });
    });
    var ctx = document.createElement("canvas").getContext("2d");
    var shown = 0;
    var changes = data.areas.slice().sort(function (a, b) {
      return b.bodies - a.bodies || (a.name < b.name ? -1 : 1);
    }).map(function (a) {
      var px = NAME_PX[0] + (NAME_PX[1] - NAME_PX[0]) * Math.sqrt(a.bodies / most);
      var size = px / scale;
      ctx.font = size + "px " + CONFIG.options.edges.font.face;
      var w = ctx.measureText(a.name).width + 4 / scale;
      var top = a.y + a.size + 2 / scale;
      var box = { left: a.x - w / 2, right: a.x + w / 2, top: top, bottom: top + size * 1.3 };
      var fits = !grid.hits(box);
      if (fits) { grid.add(box); shown += 1; }
      return { id: a.area, font: { size: fits ? size : 2 / scale } };
    });
    nodes.update(changes);
    network.redraw();
    return shown;
  }

  function drawOverview(data) {
    if (state.network) state.network.destroy();
    state.nodes = new vis.DataSet(data.areas.map(overviewNode));
    state.drawn = new vis.DataSet(data.links.map(function (l, i) {
      return { id: "x" + i, from: l.from, to: l.to, width: Math.min(8, 1 + Math.log2(l.relations)),
        color: "#64748b", title: l.from + " → " + l.to + ": " + plural(l.relations, "relation") };
    }));
    var options = JSON.parse(JSON.stringify(CONFIG.options));
    options.physics = { enabled: false };
    options.layout = { improvedLayout: false };
    options.edges.smooth = false;
    options.interaction.hideEdgesOnDrag = options.interaction.hideEdgesOnZoom = true;
    var container = document.getElementById("gx-network");
    var network = new vis.Network(container, { nodes: state.nodes, edges: state.drawn }, options);
    state.network = network;
    state.nodeView = null;
    document.body.setAttribute("data-view", "overview");
    network.once("afterDrawing", function () {
      state.namesShown = fitAreaNames(network, state.nodes, data);
      network.once("afterDrawing", function () { setReady(true); });
    });
    D.refitOnZoom(network, function () {
      if (state.network === network) state.namesShown = fitAreaNames(network, state.nodes, data);
    });
    network.on("click", function (params) {
      if (params.nodes.length) openFromOverview(params.nodes[0]);
    });
    D.quietTooltips(network, container);
  }

  function openFromOverview(area) {
    document.getElementById("gx-area").value = area;
    openArea(area);
  }

  function overviewSide(data) {
    var side = document.getElementById("gx-filters");
    side.textContent = "";
    side.appendChild(el("h2", {}, "Overview"));
    side.appendChild(el("p", { "class": "gg-muted", id: "gx-overview-note" }, data.areas.length + " areas, " +
      countsText(data.totals) + ". One dot per area, larger the more bodies it has; click one to open its " +
      "accountability view."));
    side.appendChild(el("p", { "class": "gg-hint" }, data.links.length ? data.links.length +
      " lines join areas whose bodies, roles or people are related." :
      "No lines: every area's relations stay inside the area."));
  }

  function overviewPanel(data) {
    var box = panel();
    heading(box, "Overview", "All areas");
    var biggest = data.areas.slice().sort(function (a, b) { return b.bodies - a.bodies || (a.name < b.name ? -1 : 1); });
    summary(box, [["Areas", String(data.areas.length)], ["Holding", countsText(data.totals)],
      ["Most bodies", names(biggest.slice(0, 5).map(function (a) { return a.name + " (" + a.bodies + ")"; }))]]);
  }

  /* Find, in the overview: an area by name or id; the camera moves to it and it is selected. */
  function findArea(text) {
    var wanted = text.trim().toLowerCase();
    var areas = (state.overviewData && state.overviewData.areas) || [];
    return areas.find(function (a) { return a.name.toLowerCase() === wanted || a.area.toLowerCase() === wanted; }) ||
      areas.find(function (a) { return a.name.toLowerCase().indexOf(wanted) >= 0; }) || null;
  }

  // -- start -----------------------------------------------------------------------------------------

  async function openArea(area) {
    if (area === OVERVIEW) { openOverview(); return; }
    setReady(false);
    state.overview = false;
    ["gx-compare", "gx-every", "gx-export-html"].forEach(function (id) { document.getElementById(id).disabled = false; });
    state.area = area;
    state.areaName = (state.areas.find(function (a) { return a.id === area; }) || { name: area }).name;
    state.focus = null;
    state.selected = null;
    document.getElementById("gx-focus").disabled = true;
    document.getElementById("gx-all").disabled = true;
    state.compareWith = null;
    document.getElementById("gx-compare").value = "";
    remember();
    status("Loading " + state.areaName + "…");
    try {
      var found = await Promise.all([readArea(area), readLayout(area)]);
      var read = found[0];
      state.parties = read.parties;
      state.links = read.links;
      state.findings = read.findings;
      state.layout = found[1];
    } catch (err) {
      status("Could not load " + area + ": " + err.message, true);
      return;
    }
    if (!state.parties.size) {
      status("The graph holds no bodies, roles or people for area “" + area + "”.", true);
      document.body.setAttribute("data-state", "empty");
      return;
    }
    var names = document.getElementById("gx-names");
    names.textContent = "";
    state.parties.forEach(function (p) { names.appendChild(el("option", { value: p.name }, p.kind + " · " + p.id)); });
    buildFilters();
    draw();
    describe();
    if (state.layoutProblem) status("No accountability view: " + state.layoutProblem + "; showing the network.", true);
  }

  /* The accountability view's positions and the centrality, from the explorer's own JSON route; the
   * network view works without them. */
  async function readLayout(area) {
    state.layoutProblem = null;
    try {
      return await getJson("/explorer/api/view?area=" + encodeURIComponent(area));
    } catch (err) {
      state.layoutProblem = err.message;
      state.view = "network";
      return null;
    }
  }

  function remember() {
    if (state.overview) { history.replaceState(null, "", "?overview"); return; }
    var query = "?area=" + encodeURIComponent(state.area);
    if (state.view !== "accountability") query += "&view=" + state.view;
    if (state.compareWith) query += "&compare=" + encodeURIComponent(state.compareWith);
    history.replaceState(null, "", query);
  }

  function setView(view) {
    state.view = view;
    state.hidden = hiddenFor(view);
    document.getElementById("gx-view").value = view;
    remember();
    if (state.overview) return; // the view applies to the area opened from the overview
    if (state.compareWith) { openCompare(state.compareWith); return; }
    buildFilters();
    draw();
    describe();
  }

  function wire() {
    document.getElementById("gx-view").addEventListener("change", function (event) { setView(event.target.value); });
    document.getElementById("gx-every").addEventListener("change", function (event) {
      state.bundled = !event.target.checked;
      if (state.compareWith) { openCompare(state.compareWith); return; }
      refresh();
      describe();
    });
    document.getElementById("gx-compare").addEventListener("change", function (event) {
      if (event.target.value) openCompare(event.target.value);
      else openArea(state.area);
    });
    var select = document.getElementById("gx-area");
    select.addEventListener("change", function () { openArea(select.value); });
    document.getElementById("gx-search-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var text = document.getElementById("gx-search").value;
      if (state.overview) {
        var area = findArea(text);
        if (!area) { status("No area is called “" + text + "”.", true); return; }
        state.network.selectNodes([area.area]);
        state.network.focus(area.area, { scale: 1.1, animation: { duration: 300 } });
        status(area.name + ": " + countsText(area) + ". Click it to open it.");
        return;
      }
      var hit = find(text);
      if (!hit) { status("Nothing in " + state.areaName + " is called “" + text + "”.", true); return; }
      if (!visible(hit.id)) showAll();
      selectNode(hit.id, true);
      describe();
    });
    document.getElementById("gx-focus").addEventListener("click", function () {
      var hops = Math.max(1, Math.min(6, parseInt(document.getElementById("gx-hops").value, 10) || 1));
      if (state.selected) focusOn(state.selected, hops);
    });
    document.getElementById("gx-all").addEventListener("click", showAll);
    document.getElementById("gx-fit").addEventListener("click", function () { state.network.fit(); });
    document.getElementById("gx-export-html").addEventListener("click", exportHtml);
    document.getElementById("gx-export-png").addEventListener("click", exportPng);
  }

  /* Areas, page by page, each added to the picker as it comes: listing areas is slow on a graph of
   * hundreds of them, so the first area opens as soon as the first small page is in. */
  async function listAreas(onFirstPage) {
    var select = document.getElementById("gx-area");
    var after = null;
    var size = 25;
    do {
      var data = (await gql(Q.areas.replace("first: 100", "first: " + size), { after: after })).areas;
      data.nodes.forEach(function (a) {
        state.areas.push(a);
        var option = select.querySelector("option[value='" + CSS.escape(a.id) + "']");
        if (option) option.textContent = a.name;
        else select.appendChild(el("option", { value: a.id }, a.name));
        document.getElementById("gx-compare").appendChild(el("option", { value: a.id }, a.name));
        if (a.id === state.area && state.areaName !== a.name) {
          state.areaName = a.name;
          if (state.nodeView) describe();
        }
      });
      if (onFirstPage) {
        state.manyAreas = data.pageInfo.hasNextPage; // more than a page: the overview opens first
        await onFirstPage();
        onFirstPage = null;
      }
      after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
      size = PAGE;
    } while (after);
  }

  async function start() {
    wire();
    state.areas = [];
    try {
      var probe = await gql(Q.probe);
      state.pathEdges = ((probe.pathEdge && probe.pathEdge.enumValues) || []).map(function (v) { return v.name; });
      state.support = await probeFindings(probe);
      await listAreas(openFirst);
    } catch (err) {
      status("The GraphQL API did not answer: " + err.message, true);
    }
  }

  /* The area the address names (?area=), else the first one. */
  async function openFirst() {
    var select = document.getElementById("gx-area");
    if (!state.areas.length) { status("The graph holds no areas yet: load a protocol first.", true); return; }
    var query = new URLSearchParams(location.search);
    var wanted = query.get("area");
    if (query.has("overview") || (!wanted && state.manyAreas)) { await openOverview(); return; }
    var first = wanted || state.areas[0].id;
    if (!select.querySelector("option[value='" + CSS.escape(first) + "']")) {
      select.appendChild(el("option", { value: first }, first));
    }
    select.value = first;
    if (query.get("view") === "network") { state.view = "network"; state.hidden = hiddenFor("network"); }
    document.getElementById("gx-view").value = state.view;
    await openArea(first);
    var other = query.get("compare");
    if (other) { document.getElementById("gx-compare").value = other; openCompare(other); }
  }

  start();
})();
