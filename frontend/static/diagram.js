/* govgraph diagram runtime.
 *
 * In a standalone diagram it draws the JSON embedded in the page (#govgraph-diagram) with vis-network,
 * with a legend whose edge types can be switched off and a list of findings. The explorer loads this
 * file too, for the legend swatches (GovgraphDiagram.edgeSwatch / nodeSwatch), so both look alike.
 * Everything is built with DOM calls and textContent: no data is ever parsed as HTML.
 */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  /* A short line drawn as the edge type is drawn: colour, dashes, width, arrow. */
  function edgeSwatch(style) {
    var box = svg("svg", { "class": "gg-swatch", viewBox: "0 0 34 14", "aria-hidden": "true" });
    var line = svg("line", {
      x1: 1, y1: 7, x2: style.directed ? 26 : 33, y2: 7,
      stroke: style.color, "stroke-width": Math.max(1.5, Math.min(style.width, 3)),
    });
    if (style.dashes) line.setAttribute("stroke-dasharray", style.dashes.map(function (d) { return d / 2; }).join(" "));
    box.appendChild(line);
    if (style.directed) box.appendChild(svg("polygon", { points: "25,2 33,7 25,12", fill: style.color }));
    return box;
  }

  /* The node kind's shape in its colours. */
  function nodeSwatch(style) {
    var box = svg("svg", { "class": "gg-swatch", viewBox: "0 0 34 14", "aria-hidden": "true" });
    var paint = { fill: style.background, stroke: style.border, "stroke-width": 1.5 };
    var shape;
    if (style.shape === "ellipse") shape = svg("ellipse", Object.assign({ cx: 17, cy: 7, rx: 14, ry: 6 }, paint));
    else if (style.shape === "diamond") shape = svg("polygon", Object.assign({ points: "17,1 24,7 17,13 10,7" }, paint));
    else shape = svg("rect", Object.assign({ x: 3, y: 1.5, width: 28, height: 11, rx: 3 }, paint));
    box.appendChild(shape);
    return box;
  }

  // -- bundles: one edge per pair and direction --------------------------------------------------------

  var LABEL_FONT = 11;
  var FONT_FACE = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

  function typeLabel(styles, type) {
    var s = styles.edges[type];
    return s ? s.label : type.toLowerCase().replace(/_/g, " ");
  }

  function familyOf(styles, type) {
    var s = styles.edges[type];
    return styles.families[(s && s.family) || "other"] || styles.families.other;
  }

  function severityRank(sev) { return { info: 0, warning: 1, error: 2 }[sev] || 0; }

  /* One drawn edge per (from, to) pair, standing for every relation between them in that direction:
   * "3 · reports to, challenges +1", coloured by the family of its main type (accountability first),
   * wider the more it carries, dotted when every relation in it is inferred. `records` are the
   * per-relation edges (id, from, to, etype, severity, inferred); `opts.nameOf` names a node and
   * `opts.side` bends non-accountability bundles sideways (the accountability view's side arrows). */
  function bundle(records, styles, opts) {
    opts = opts || {};
    var groups = new Map();
    records.forEach(function (r) {
      var key = r.from + "\u0000" + r.to + (opts.splitBy ? "\u0000" + (r[opts.splitBy] || "") : "");
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(r);
    });
    var pairs = new Set(records.map(function (r) { return r.from + "\u0000" + r.to; }));
    return Array.from(groups.entries()).map(function (entry) {
      return bundleEdge(entry[0], entry[1], styles, opts, pairs.has(entry[1][0].to + "\u0000" + entry[1][0].from));
    });
  }

  function bundleEdge(key, members, styles, opts, reverse) {
    var counts = new Map();
    members.forEach(function (m) { counts.set(m.etype, (counts.get(m.etype) || 0) + 1); });
    var types = Array.from(counts.keys()).sort(function (a, b) {
      return familyOf(styles, a).rank - familyOf(styles, b).rank || counts.get(b) - counts.get(a);
    });
    var family = familyOf(styles, types[0]);
    var words = types.slice(0, 2).map(function (t) { return typeLabel(styles, t); }).join(", ");
    if (types.length > 2) words += " +" + (types.length - 2);
    var inferred = members.every(function (m) { return m.inferred; });
    if (inferred) words += " (inferred)";
    var label = members.length > 1 ? members.length + " · " + words : (members[0].label || words);
    var sev = members.reduce(function (w, m) {
      return m.severity && (!w || severityRank(m.severity) > severityRank(w)) ? m.severity : w;
    }, null);
    var listed = types.map(function (t) { return typeLabel(styles, t) + (counts.get(t) > 1 ? " ×" + counts.get(t) : ""); });
    var names = opts.nameOf || function (id) { return id; };
    var first = members[0];
    var edge = {
      id: "b\u0000" + key, from: first.from, to: first.to, bundle: true, etype: types[0], types: types,
      members: members.map(function (m) { return m.id; }), count: members.length, fullLabel: label, label: label,
      rank: family.rank, inferred: inferred, severity: sev || undefined,
      title: names(first.from) + " → " + names(first.to) + "\n" + members.length +
        (members.length === 1 ? " relation: " : " relations: ") + listed.join(", ") +
        (inferred ? "\ninferred, not stated by the text" : "") + "\nClick for the clauses and quotes.",
      color: sev ? styles.severities[sev].color : family.color,
      width: sev ? 4 : Math.min(8, (members.length === 1 ? first.width || 2 : 2) + 1.6 * Math.log2(members.length)),
    };
    if (members.length === 1 && first.dashes) edge.dashes = first.dashes;
    if (inferred) edge.dashes = styles.inferredDashes;
    if (first.arrows) edge.arrows = first.arrows;
    if (opts.only) edge.only = first.only || null;
    edge.smooth = reverse ? { enabled: true, type: "curvedCW", roundness: 0.22 }
      : opts.side && family.rank > 0 ? { enabled: true, type: "curvedCW", roundness: 0.35 }
        : { enabled: false };
    return edge;
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  /* Labels only where they fit: biggest bundles first, a label is kept when its box (measured as
   * vis-network will draw it, at the edge's midpoint) overlaps no kept label and no node; the others
   * are blanked (their words stay in the tooltip and the panel). Canvas units, so zooming keeps it. */
  function fitLabels(network, drawn) {
    var ctx = document.createElement("canvas").getContext("2d");
    ctx.font = LABEL_FONT + "px " + FONT_FACE;
    var nodeBoxes = network.body.nodeIndices.map(function (id) {
      var b = network.getBoundingBox(id);
      return { left: b.left - 2, right: b.right + 2, top: b.top - 2, bottom: b.bottom + 2 };
    });
    var kept = [];
    var shown = [];
    var blank = [];
    drawn.get().sort(function (a, b) {
      return (b.count || 1) - (a.count || 1) || (a.rank || 0) - (b.rank || 0) || (a.id < b.id ? -1 : 1);
    }).forEach(function (e) {
      var edge = network.body.edges[e.id];
      var text = e.fullLabel || "";
      var fits = false;
      if (edge && text && edge.edgeType && edge.fromId !== edge.toId) {
        var p = edge.edgeType.getPoint(0.5);
        var w = ctx.measureText(text).width + 10;
        var h = LABEL_FONT * 1.6;
        var box = { left: p.x - w / 2, right: p.x + w / 2, top: p.y - h / 2, bottom: p.y + h / 2 };
        fits = !kept.some(function (k) { return overlaps(k, box); }) &&
          !nodeBoxes.some(function (k) { return overlaps(k, box); });
        if (fits) kept.push(box);
      }
      if (fits && e.label !== text) shown.push({ id: e.id, label: text });
      if (!fits && e.label) blank.push(e);
    });
    drawn.update(shown);
    // vis-network keeps a label it is told is "" or null, so an edge loses its label by being re-added
    drawn.remove(blank.map(function (e) { return e.id; }));
    drawn.add(blank.map(function (e) { var copy = Object.assign({}, e); delete copy.label; return copy; }));
    return kept.length;
  }

  /* Hide vis-network's hover box once something is clicked (the panel holds the detail then), until
   * the pointer moves onto another node or edge. */
  function quietTooltips(network, container) {
    var quiet = null;
    function tip() { return container.querySelector("div.vis-tooltip"); }
    function show(id) {
      var t = tip();
      if (t) t.classList.toggle("gg-quiet", quiet !== null && id === quiet);
    }
    network.on("click", function (params) {
      quiet = params.nodes[0] || params.edges[0] || null;
      var t = tip();
      if (t) { t.classList.add("gg-quiet"); t.style.visibility = "hidden"; }
    });
    network.on("hoverNode", function (p) { show(p.node); });
    network.on("hoverEdge", function (p) { show(p.edge); });
  }

  function severityDot(color) {
    var dot = el("span", { "class": "gg-dot", "aria-hidden": "true" });
    dot.style.background = color;
    return dot;
  }

  function section(parent, title) {
    parent.appendChild(el("h2", {}, title));
    var list = el("ul");
    parent.appendChild(list);
    return list;
  }

  /* Legend: node kinds, edge types (each a checkbox that hides or shows its edges), findings. */
  function buildLegend(container, payload, onToggle, onFinding) {
    container.textContent = "";
    var kinds = section(container, "Nodes");
    payload.legend.nodes.forEach(function (n) {
      var item = el("li");
      item.appendChild(nodeSwatch(n));
      item.appendChild(el("span", {}, n.label));
      item.appendChild(el("span", { "class": "gg-count" }, n.count));
      kinds.appendChild(item);
    });
    var types = section(container, "Edges");
    payload.legend.edges.forEach(function (e) {
      var item = el("li");
      var label = el("label");
      var box = el("input", { type: "checkbox", "data-edge-type": e.type });
      box.checked = true;
      box.addEventListener("change", function () { onToggle(e.type, box.checked); });
      label.appendChild(box);
      label.appendChild(edgeSwatch(e));
      label.appendChild(el("span", {}, e.label));
      label.appendChild(el("span", { "class": "gg-count" }, e.count));
      item.appendChild(label);
      types.appendChild(item);
    });
    buildFindings(container, payload, onFinding);
    container.appendChild(el("p", { "class": "gg-hint" },
      "Hover a node or an edge for its clause and quote. Drag to pan, scroll to zoom; with the diagram " +
      "focused, arrow keys pan and + / - zoom."));
  }

  function buildFindings(container, payload, onFinding) {
    var sev = payload.legend.severities;
    var counts = ["error", "warning", "info"].filter(function (k) { return sev[k] && sev[k].count; })
      .map(function (k) { return sev[k].count + " " + sev[k].label + (sev[k].count === 1 ? "" : "s"); });
    container.appendChild(el("h2", {}, "Findings"));
    if (!payload.findings.length) {
      container.appendChild(el("p", { "class": "gg-muted" }, "None in this view."));
      return;
    }
    container.appendChild(el("p", { "class": "gg-muted" }, counts.join(", ")));
    var list = el("ul", { "class": "gg-findings" });
    payload.findings.forEach(function (f) {
      var style = sev[f.severity] || sev.info;
      var button = el("button", { type: "button", "class": "gg-finding", "data-severity": f.severity });
      button.appendChild(severityDot(style.color));
      button.appendChild(el("span", {}, style.label + ": " + f.message));
      button.addEventListener("click", function () { onFinding(f); });
      var item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    });
    container.appendChild(list);
  }

  function start(payload) {
    document.title = payload.title;
    document.getElementById("gg-title").textContent = payload.title;
    document.getElementById("gg-subtitle").textContent = payload.subtitle || "";
    var container = document.getElementById("gg-network");
    var nodes = new vis.DataSet(payload.nodes);
    var edges = new vis.DataSet(payload.edges);
    var hidden = new Set();
    var view = new vis.DataView(edges, { filter: function (e) { return !hidden.has(e.etype); } });
    var network = new vis.Network(container, { nodes: nodes, edges: view }, payload.options);
    var state = { network: network, nodes: nodes, edges: edges, view: view, hidden: hidden, drawn: false };
    window.govgraphDiagram = state;

    performance.mark("govgraph-network");
    function drawn() {
      performance.mark("govgraph-drawn");
      state.drawn = true;
      document.body.setAttribute("data-state", "drawn");
    }
    if (payload.options.physics && payload.options.physics.enabled) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        network.once("afterDrawing", drawn);
        network.redraw();
      });
    } else {
      network.once("afterDrawing", drawn);
    }
    buildLegend(document.getElementById("gg-legend"), payload,
      function (type, shown) {
        if (shown) hidden.delete(type); else hidden.add(type);
        view.refresh();
      },
      function (finding) {
        network.setSelection({ nodes: finding.nodes, edges: finding.edges }, { unselectAll: true });
        var ends = finding.nodes.slice();
        finding.edges.forEach(function (id) {
          var e = edges.get(id);
          if (e) ends.push(e.from, e.to);
        });
        if (ends.length) network.fit({ nodes: ends, animation: { duration: 300 } });
      });
    document.getElementById("gg-fit").addEventListener("click", function () { network.fit(); });
  }

  window.GovgraphDiagram = { edgeSwatch: edgeSwatch, nodeSwatch: nodeSwatch, severityDot: severityDot, el: el,
    bundle: bundle, fitLabels: fitLabels, quietTooltips: quietTooltips, familyOf: familyOf, typeLabel: typeLabel };

  var data = document.getElementById("govgraph-diagram");
  if (data) {
    var parsed = JSON.parse(data.textContent);
    performance.mark("govgraph-parsed");
    start(parsed);
  }
})();
