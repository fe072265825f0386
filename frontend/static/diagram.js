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
  var FINDINGS_LISTED = 100;
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
    var pairs = new Set();
    records.forEach(function (r) {
      var pair = r.from + "\u0000" + r.to;
      var key = opts.splitBy ? pair + "\u0000" + (r[opts.splitBy] || "") : pair;
      pairs.add(pair);
      var group = groups.get(key);
      if (group) group.push(r);
      else groups.set(key, [r]);
    });
    var lines = [];
    groups.forEach(function (members, key) {
      var reverse = pairs.has(members[0].to + "\u0000" + members[0].from);
      lines.push(members.length === 1 ? singleEdge(key, members[0], styles, opts, reverse)
        : bundleEdge(key, members, styles, opts, reverse));
    });
    return lines;
  }

  /* bundleEdge for a line that carries one relation, without its counting and sorting: most lines of a
   * many-area graph carry one, and bundling them was a tenth of its first draw. The same fields. */
  function singleEdge(key, r, styles, opts, reverse) {
    var family = familyOf(styles, r.etype);
    var words = typeLabel(styles, r.etype) + (r.inferred ? " (inferred)" : "");
    var label = r.label || words;
    var names = opts.nameOf || function (id) { return id; };
    var edge = {
      id: "b\u0000" + key, from: r.from, to: r.to, bundle: true, etype: r.etype, types: [r.etype], members: [r.id],
      count: 1, fullLabel: label, label: label, rank: family.rank, inferred: Boolean(r.inferred),
      severity: r.severity || undefined,
      title: r.title || names(r.from) + " → " + names(r.to) + "\n1 relation: " + typeLabel(styles, r.etype) +
        (r.inferred ? "\ninferred, not stated by the text" : "") + "\nClick for the clauses and quotes.",
      color: r.severity ? styles.severities[r.severity].color : family.color,
      width: Math.max(r.severity ? 4 : 0, Math.min(8, r.width || 2)),
    };
    if (r.dashes) edge.dashes = r.dashes;
    if (r.inferred) edge.dashes = styles.inferredDashes;
    if (r.arrows) edge.arrows = r.arrows;
    if (opts.only) edge.only = r.only || null;
    edge.smooth = curve(reverse, opts, family);
    return edge;
  }

  /* One shape for a line and a bundle: a pair drawn both ways bends apart; where the view draws side
     arrows (opts.side), families other than accountability bow out; the rest run straight. */
  function curve(reverse, opts, family) {
    return reverse ? { enabled: true, type: "curvedCW", roundness: 0.22 }
      : opts.side && family.rank > 0 ? { enabled: true, type: "curvedCW", roundness: 0.35 }
        : { enabled: false };
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
    var someInferred = members.filter(function (m) { return m.inferred; }).length;
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
      title: members.length === 1 && first.title ? first.title : names(first.from) + " → " + names(first.to) + "\n" + members.length +
        (members.length === 1 ? " relation: " : " relations: ") + listed.join(", ") +
        (inferred ? "\ninferred, not stated by the text"
          : someInferred ? "\n" + someInferred + " of " + members.length + " inferred, not stated by the text" : "") +
        "\nClick for the clauses and quotes.",
      color: sev ? styles.severities[sev].color : family.color,
      // wider the more it carries, a finding or not: a finding is said by the colour and at least width 4
      width: Math.max(sev ? 4 : 0, Math.min(8, (members.length === 1 ? first.width || 2 : 2) + 1.6 * Math.log2(members.length))),
    };
    if (members.length === 1 && first.dashes) edge.dashes = first.dashes;
    if (inferred) edge.dashes = styles.inferredDashes;
    if (first.arrows) edge.arrows = first.arrows;
    if (opts.only) edge.only = first.only || null;
    edge.smooth = curve(reverse, opts, family);
    return edge;
  }

  function within(box, bounds) {
    return box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  /* Labels only where they fit: biggest bundles first, a label is kept when its box (measured as
   * vis-network will draw it, at the edge's midpoint) overlaps no kept label and no node, and no other
   * drawn line passes through it; a line whose label is crossed may bend further (its label moves with
   * its midpoint: placeLabel). The others are blanked (their words stay in the tooltip and the panel).
   * The fit is made in canvas units at the current scale, the labels LABEL_FONT px high on screen
   * whatever the zoom: zoomed in, a label is smaller in canvas units, so more fit and are shown; zoomed
   * out, fewer, and none once node names are too small to read (LABEL_MIN_SCALE). See refitOnZoom. */
  function fitLabels(network, drawn, inside) {
    var scale = network.getScale();
    var size = LABEL_FONT / scale;
    network.__fittedScale = scale;
    if (network.__labelSize !== size) {
      network.__labelSize = size;
      network.setOptions({ edges: { font: { size: size } } });
    }
    var items = drawn.get();
    // every line back to its own bend first, so the lines are measured where they are drawn unlabelled
    var unbent = items.filter(function (e) { return e.baseSmooth !== undefined && e.smooth !== e.baseSmooth; });
    drawn.update(unbent.map(function (e) { e.smooth = e.baseSmooth; return { id: e.id, smooth: e.baseSmooth }; }));
    var place = new Placement(network, size, items);
    place.inside = inside || null;
    var kept = 0;
    var shown = [];
    var blank = [];
    items.sort(function (a, b) {
      return (b.count || 1) - (a.count || 1) || (a.rank || 0) - (b.rank || 0) || (a.id < b.id ? -1 : 1);
    }).forEach(function (e) {
      var text = e.fullLabel || "";
      var at = text && scale >= LABEL_MIN_SCALE ? place.placeLabel(e, text) : null;
      place.placed.add(e.id);
      if (at) {
        kept += 1;
        if (e.label !== at.text) shown.push({ id: e.id, label: at.text });
      } else if (e.label) blank.push(e);
    });
    var byId = new Map(items.map(function (e) { return [e.id, e]; }));
    place.bent.forEach(function (smooth, id) {
      var e = byId.get(id);
      var change = { id: id, smooth: smooth, baseSmooth: e.baseSmooth !== undefined ? e.baseSmooth : e.smooth };
      e.smooth = smooth;
      e.baseSmooth = change.baseSmooth;
      var listed = shown.find(function (c) { return c.id === id; });
      if (listed) Object.assign(listed, change);
      else if (blank.indexOf(e) < 0) shown.push(change);
    });
    drawn.update(shown);
    // vis-network keeps a label it is told is "" or null, so an edge loses its label by being re-added
    drawn.remove(blank.map(function (e) { return e.id; }));
    drawn.add(blank.map(function (e) { var copy = Object.assign({}, e); delete copy.label; return copy; }));
    network.__labelBoxes = place.kept;
    network.redraw(); // the new font size is drawn even when no label came or went
    return kept;
  }

  var FIT_MARGIN = 6; // px kept clear between a label and the canvas's edge

  /* Fit the view to the nodes and to the labels fitted there: vis-network's fit() frames the nodes only,
   * so a label on a line near the edge ran off the canvas (the comparison's "only Leicester: subgroup of
   * (inferred)", cut at the left). The labels are sized for the scale they are seen at, so each widening
   * fits them again; a label still outside after that (rare: a wider view moves labels too) is left off
   * by the last fit rather than cut. Returns how many labels are shown. */
  function fitWithLabels(network, drawn) {
    network.fit({ animation: false });
    var kept = fitLabels(network, drawn);
    for (var round = 0; round < 3; round++) {
      var wider = viewAround(network, network.__labelBoxes || []);
      if (!wider) return kept;
      network.moveTo({ position: wider.position, scale: wider.scale, animation: false });
      kept = fitLabels(network, drawn);
    }
    return fitLabels(network, drawn, visibleBox(network, FIT_MARGIN));
  }

  /* The canvas's visible area in canvas units, `margin` px inside its edges. */
  function visibleBox(network, margin) {
    var frame = network.body.container;
    var a = network.DOMtoCanvas({ x: margin, y: margin });
    var z = network.DOMtoCanvas({ x: frame.clientWidth - margin, y: frame.clientHeight - margin });
    return { left: a.x, top: a.y, right: z.x, bottom: z.y };
  }

  /* The view (centre, scale) that shows every node and every box in `labels`, or null when the view
   * shown already does. */
  function viewAround(network, labels) {
    var seen = visibleBox(network, FIT_MARGIN);
    var all = labels.slice();
    network.body.nodeIndices.forEach(function (id) { all.push(network.getBoundingBox(id)); });
    if (!all.length) return null;
    var box = all.reduce(function (u, b) {
      return { left: Math.min(u.left, b.left), top: Math.min(u.top, b.top),
        right: Math.max(u.right, b.right), bottom: Math.max(u.bottom, b.bottom) };
    });
    if (box.left >= seen.left && box.right <= seen.right && box.top >= seen.top && box.bottom <= seen.bottom) return null;
    var frame = network.body.container;
    var scale = Math.min((frame.clientWidth - 2 * FIT_MARGIN) / Math.max(1, box.right - box.left),
      (frame.clientHeight - 2 * FIT_MARGIN) / Math.max(1, box.bottom - box.top));
    // a touch further out than exact: at the new scale the labels are a little wider in canvas units
    return { position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 }, scale: scale * 0.97 };
  }

  var LABEL_MIN_SCALE = 0.4; // below it a 14 px node name is under 6 px on screen: no edge labels either
  var CURVE_STEPS = 16;
  var BENDS = [0.45, 0.7, 1]; // how far a line may bend, as vis-network's roundness, to take its label clear

  /* Where the lines and labels are, for fitLabels: node boxes, kept labels and line segments filed in a
   * grid of cells (so each test looks only at what is near); segments of a line that has bent since are
   * skipped by generation. `bent` holds the lines given a new bend, `placed` those already labelled or
   * passed over (a line not yet placed may still be bent out of a label's way). */
  function Placement(network, size, items) {
    this.network = network;
    this.size = size;
    this.grid = new BoxGrid(size * 12);
    this.generation = new Map();
    this.mids = new Map();
    this.bent = new Map();
    this.placed = new Set();
    this.kept = [];
    this.inside = null;
    this.items = new Map(items.map(function (e) { return [e.from + "\u0000" + e.to, e]; }));
    this.ctx = document.createElement("canvas").getContext("2d");
    this.ctx.font = size + "px " + FONT_FACE;
    var grid = this.grid;
    network.body.nodeIndices.forEach(function (id) {
      var b = network.getBoundingBox(id);
      grid.add({ left: b.left - 2, right: b.right + 2, top: b.top - 2, bottom: b.bottom + 2, solid: true });
    });
    var self = this;
    items.forEach(function (e) { self.addLine(e.id, self.linePoints(e.id)); });
  }

  /* The line as vis-network draws it now (centre to centre), as points, its midpoint (where its label
   * is drawn) in the middle. */
  Placement.prototype.linePoints = function (id) {
    var edge = this.network.body.edges[id];
    if (!edge || !edge.edgeType || edge.fromId === edge.toId) return [];
    var smooth = edge.options.smooth;
    var steps = smooth && smooth.enabled ? CURVE_STEPS : 2;
    var points = [];
    for (var i = 0; i <= steps; i++) points.push(edge.edgeType.getPoint(i / steps));
    return points;
  };

  Placement.prototype.addLine = function (id, points) {
    var gen = (this.generation.get(id) || 0) + 1;
    this.generation.set(id, gen);
    if (points.length) this.mids.set(id, points[(points.length - 1) / 2]);
    for (var i = 1; i < points.length; i++) {
      var a = points[i - 1], b = points[i];
      this.grid.add({ left: Math.min(a.x, b.x), right: Math.max(a.x, b.x), top: Math.min(a.y, b.y),
        bottom: Math.max(a.y, b.y), a: a, b: b, line: id, gen: gen });
    }
  };

  /* What a box meets: "blocked" (a node or a kept label), else the set of other lines through it. */
  Placement.prototype.meets = function (box, own) {
    var generation = this.generation;
    var blocked = false;
    var lines = new Set();
    this.grid.hits(box, function (other) {
      if (other.line === undefined) blocked = true; // a node or a kept label
      else if (other.line !== own && other.gen === generation.get(other.line) && !lines.has(other.line) &&
        segmentMeetsBox(other.a, other.b, box)) lines.add(other.line);
      return blocked;
    });
    return blocked ? null : lines;
  };

  /* Does a line cross a kept label (other than its own), or the box `also`? */
  Placement.prototype.crossesLabels = function (points, own, also) {
    for (var i = 1; i < points.length; i++) {
      var a = points[i - 1], b = points[i];
      if (also && segmentMeetsBox(a, b, also)) return true;
      var seg = { left: Math.min(a.x, b.x), right: Math.max(a.x, b.x), top: Math.min(a.y, b.y), bottom: Math.max(a.y, b.y) };
      var hit = this.grid.hits(seg, function (other) {
        return other.label !== undefined && other.label !== own && segmentMeetsBox(a, b, other);
      });
      if (hit) return true;
    }
    return false;
  };

  /* The label's place, tried in turn: at the line's midpoint as drawn, on two lines, then with the line
   * bent further (the label moves with the midpoint). A place crossed only by the line back between the
   * same two nodes, not yet placed, is taken when that line can bend out of its way. Returns the text to
   * draw (`bent` says which lines bend), or null when no place is clear. */
  Placement.prototype.placeLabel = function (e, text) {
    var edge = this.network.body.edges[e.id];
    if (!edge || !edge.edgeType || edge.fromId === edge.toId || !this.mids.has(e.id)) return null;
    var from = this.network.body.nodes[edge.fromId], to = this.network.body.nodes[edge.toId];
    var texts = [text, twoLines(text)].filter(function (t, i, all) { return t && all.indexOf(t) === i; });
    var shapes = [null].concat(bendsFor(e.baseSmooth !== undefined ? e.baseSmooth : e.smooth));
    var back = this.items.get(e.to + "\u0000" + e.from);
    for (var s = 0; s < shapes.length; s++) {
      var points = shapes[s] ? curvePoints(from, to, shapes[s]) : null;
      var mid = points ? points[CURVE_STEPS / 2] : this.mids.get(e.id);
      if (points && this.crossesLabels(points, e.id)) continue;
      for (var t = 0; t < texts.length; t++) {
        var box = this.boxAt(mid, texts[t], e.id);
        if (this.inside && !within(box, this.inside)) continue;
        var lines = this.meets(box, e.id);
        if (!lines) continue;
        var clear = lines.size === 0 || (lines.size === 1 && back && lines.has(back.id) && !this.placed.has(back.id) &&
          this.bendAway(back, box));
        if (!clear) continue;
        if (points) { this.addLine(e.id, points); this.bent.set(e.id, shapes[s]); }
        this.grid.add(box);
        this.kept.push(box);
        return { text: texts[t] };
      }
    }
    return null;
  };

  Placement.prototype.boxAt = function (p, text, id) {
    var ctx = this.ctx;
    var lines = text.split("\n");
    var w = Math.max.apply(null, lines.map(function (l) { return ctx.measureText(l).width; })) + 10 * this.size / LABEL_FONT;
    var h = this.size * (0.6 + 1.15 * lines.length);
    return { left: p.x - w / 2, right: p.x + w / 2, top: p.y - h / 2, bottom: p.y + h / 2, label: id };
  };

  /* Bend the line `back` further its own way until it leaves `box` and crosses no kept label. */
  Placement.prototype.bendAway = function (back, box) {
    var edge = this.network.body.edges[back.id];
    if (!edge) return false;
    var from = this.network.body.nodes[edge.fromId], to = this.network.body.nodes[edge.toId];
    var bends = bendsFor(back.baseSmooth !== undefined ? back.baseSmooth : back.smooth, true);
    for (var i = 0; i < bends.length; i++) {
      var points = curvePoints(from, to, bends[i]);
      if (!this.crossesLabels(points, back.id, box)) {
        this.addLine(back.id, points);
        this.bent.set(back.id, bends[i]);
        return true;
      }
    }
    return false;
  };

  /* A long label on two lines, broken at the comma nearest its middle (none: null). */
  function twoLines(text) {
    var best = -1;
    for (var i = text.indexOf(", "); i >= 0; i = text.indexOf(", ", i + 1)) {
      if (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
    }
    return best < 0 ? null : text.slice(0, best + 1) + "\n" + text.slice(best + 2);
  }

  /* The bends a line may take instead of its own: further the way it already bends (a reverse pair's
   * two lines bend apart), either way for a straight line. */
  function bendsFor(smooth, oneWay) {
    var curved = smooth && smooth.enabled !== false && (smooth.type === "curvedCW" || smooth.type === "curvedCCW");
    var types = curved ? [smooth.type] : oneWay ? ["curvedCW"] : ["curvedCW", "curvedCCW"];
    var found = [];
    BENDS.forEach(function (r) {
      if (curved && r <= (smooth.roundness || 0)) return;
      types.forEach(function (type) { found.push({ enabled: true, type: type, roundness: r }); });
    });
    return found;
  }

  /* vis-network's curvedCW / curvedCCW: a quadratic curve through the control point it computes (the
   * same formula as its BezierEdgeStatic), sampled in CURVE_STEPS steps. */
  function curvePoints(from, to, smooth) {
    var dx = to.x - from.x, dy = from.y - to.y;
    var length = Math.sqrt(dx * dx + dy * dy);
    var r = smooth.roundness;
    var turn = smooth.type === "curvedCW" ? (0.5 * r + 0.5) * Math.PI : (0.5 - 0.5 * r) * Math.PI;
    var angle = (Math.atan2(dy, dx) + turn) % (2 * Math.PI);
    var reach = 0.5 * r + 0.5;
    var via = { x: from.x + reach * length * Math.sin(angle), y: from.y + reach * length * Math.cos(angle) };
    var points = [];
    for (var i = 0; i <= CURVE_STEPS; i++) {
      var t = i / CURVE_STEPS, u = 1 - t;
      points.push({ x: u * u * from.x + 2 * t * u * via.x + t * t * to.x, y: u * u * from.y + 2 * t * u * via.y + t * t * to.y });
    }
    return points;
  }

  /* Whether segment a-b meets the box (Liang-Barsky clipping). */
  function segmentMeetsBox(a, b, box) {
    var t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
    var p = [-dx, dx, -dy, dy], q = [a.x - box.left, box.right - a.x, a.y - box.top, box.bottom - a.y];
    for (var i = 0; i < 4; i++) {
      if (p[i] === 0) { if (q[i] < 0) return false; continue; }
      var t = q[i] / p[i];
      if (p[i] < 0) { if (t > t1) return false; if (t > t0) t0 = t; }
      else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
    return true;
  }

  /* Boxes filed in square cells, so that a box is tested only against those near it (not every kept
   * one: fitting is then about linear in the labels, not quadratic). */
  function BoxGrid(cell) {
    this.cell = cell;
    this.cells = new Map();
  }
  BoxGrid.prototype.keys = function (box) {
    var keys = [];
    var c = this.cell;
    for (var x = Math.floor(box.left / c); x <= Math.floor(box.right / c); x++) {
      for (var y = Math.floor(box.top / c); y <= Math.floor(box.bottom / c); y++) keys.push(x + "," + y);
    }
    return keys;
  };
  BoxGrid.prototype.add = function (box) {
    var cells = this.cells;
    this.keys(box).forEach(function (k) {
      if (!cells.has(k)) cells.set(k, []);
      cells.get(k).push(box);
    });
  };
  /* Whether a filed box overlaps `box` (and, given `meets`, also passes that finer test). */
  BoxGrid.prototype.hits = function (box, meets) {
    var cells = this.cells;
    return this.keys(box).some(function (k) {
      return (cells.get(k) || []).some(function (other) { return overlaps(other, box) && (!meets || meets(other)); });
    });
  };

  /* Labels fitted again once a zoom has come to rest (not on every wheel step: fitting measures each
   * label). Any change of scale counts, whatever made it: the wheel, a pinch, the + / - keys, fit() or
   * moveTo(); so this watches the scale at each drawing rather than vis-network's "zoom" event, which
   * only the wheel and the pinch send. */
  function refitOnZoom(network, refit) {
    var timer = null;
    function moved() {
      var fitted = network.__fittedScale;
      return fitted !== undefined && Math.abs(network.getScale() / fitted - 1) > 0.02;
    }
    network.on("afterDrawing", function () {
      if (!moved()) return;
      clearTimeout(timer);
      timer = setTimeout(function () { if (moved()) refit(); }, 250);
    });
  }

  /* Hide vis-network's hover box once something is clicked (the panel holds the detail then), until
   * the pointer moves onto another node or edge. `textOf(id)`, when given, may name the text to show
   * instead of the item's title (a large diagram completes an edge's text only when it is shown). */
  function quietTooltips(network, container, textOf) {
    var quiet = null;
    function hush(on) {
      if (on) container.setAttribute("data-quiet", "");
      else container.removeAttribute("data-quiet");
    }
    network.on("click", function (params) {
      quiet = params.nodes[0] || params.edges[0] || null;
      hush(quiet !== null);
    });
    network.on("hoverNode", function (p) { hush(quiet !== null && p.node === quiet); });
    network.on("hoverEdge", function (p) { hush(quiet !== null && p.edge === quiet); });
    network.on("showPopup", function (id) {
      var text = textOf && textOf(id);
      var tip = container.querySelector("div.vis-tooltip");
      if (text && tip) tip.innerText = text;
      placeTooltip(network, container);
    });
  }

  /* vis-network puts its hover box just beside the pointer, where it may hide a neighbouring node. Of the
   * four places around the pointer (then the canvas's corners), take the first inside the canvas that
   * covers the least node area. */
  function placeTooltip(network, container) {
    var tip = container.querySelector("div.vis-tooltip");
    var popup = network.interactionHandler && network.interactionHandler.popup;
    if (!tip || !popup) return;
    var w = tip.offsetWidth, h = tip.offsetHeight, gap = 14;
    var x = popup.x - 3, y = popup.y + 5; // where vis-network was told the pointer is
    var width = container.clientWidth, height = container.clientHeight;
    var boxes = network.body.nodeIndices.map(function (id) {
      var b = network.getBoundingBox(id);
      var a = network.canvasToDOM({ x: b.left, y: b.top }), z = network.canvasToDOM({ x: b.right, y: b.bottom });
      return { left: a.x, top: a.y, right: z.x, bottom: z.y };
    });
    function cost(left, top) {
      var box = { left: left, top: top, right: left + w, bottom: top + h };
      var outside = left < 0 || top < 0 || box.right > width || box.bottom > height ? 1e9 : 0;
      return outside + boxes.reduce(function (sum, b) {
        var dx = Math.min(box.right, b.right) - Math.max(box.left, b.left);
        var dy = Math.min(box.bottom, b.bottom) - Math.max(box.top, b.top);
        return sum + (dx > 0 && dy > 0 ? dx * dy : 0);
      }, 0);
    }
    var places = [[x + gap, y - h - gap], [x + gap, y + gap], [x - w - gap, y - h - gap], [x - w - gap, y + gap],
      // when every place by the pointer hides a node, a corner of the canvas that hides none
      [8, 8], [width - w - 8, 8], [8, height - h - 8], [width - w - 8, height - h - 8]];
    var best = places.reduce(function (b, p) { return cost(p[0], p[1]) < cost(b[0], b[1]) ? p : b; });
    tip.style.transform = "none";
    tip.style.left = Math.round(best[0]) + "px";
    tip.style.top = Math.round(best[1]) + "px";
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
    if (payload.centrality) {
      container.appendChild(el("p", { "class": "gg-hint" },
        "Larger names: more accountability lines run through the body (betweenness centrality)."));
    }
    container.appendChild(el("h2", {}, "Edges"));
    var every = el("label", { "class": "gg-every" });
    var everyBox = el("input", { type: "checkbox", id: "gg-every" });
    everyBox.addEventListener("change", function () { onToggle(null, everyBox.checked); });
    every.appendChild(everyBox);
    every.appendChild(el("span", {}, "Every relation (not one line per pair)"));
    container.appendChild(every);
    var families = {};
    payload.legend.edges.forEach(function (e) {
      var f = e.family || "other";
      if (!families[f]) families[f] = [];
      families[f].push(e);
    });
    Object.keys(payload.styles.families).filter(function (f) { return families[f]; }).forEach(function (f) {
      var head = el("h3", { "class": "gg-family" }, payload.styles.families[f].label);
      head.style.borderColor = payload.styles.families[f].color;
      container.appendChild(head);
      var types = el("ul");
      container.appendChild(types);
      families[f].forEach(function (e) {
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
    });
    if (payload.legend.inferred) {
      var note = el("p", { "class": "gg-hint" });
      note.appendChild(edgeSwatch({ color: "#555555", dashes: payload.styles.inferredDashes, width: 2, directed: true }));
      note.appendChild(el("span", {}, " dotted: inferred, not stated by the text (" + payload.legend.inferred + ")"));
      container.appendChild(note);
    }
    container.appendChild(el("div", { id: "gg-details", "aria-live": "polite" }));
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
    function add(f) {
      var style = sev[f.severity] || sev.info;
      var button = el("button", { type: "button", "class": "gg-finding", "data-severity": f.severity });
      button.appendChild(severityDot(style.color));
      button.appendChild(el("span", {}, style.label + ": " + f.message));
      button.addEventListener("click", function () { onFinding(f); });
      var item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    }
    // thousands of buttons cost the first drawing of a many-area page; the rest wait to be asked for
    payload.findings.slice(0, FINDINGS_LISTED).forEach(add);
    container.appendChild(list);
    var rest = payload.findings.length - FINDINGS_LISTED;
    if (rest > 0) {
      var more = el("button", { type: "button", "class": "gg-button", id: "gg-more-findings" },
        "Show " + rest + " more");
      more.addEventListener("click", function () {
        payload.findings.slice(FINDINGS_LISTED).forEach(add);
        more.remove();
      });
      container.appendChild(more);
    }
  }

  /* A clicked line: every relation it stands for, with its clause and quote (each relation's hover text). */
  function showDetails(box, drawnEdge, edges, titleOf) {
    box.textContent = "";
    box.appendChild(el("h2", {}, drawnEdge.count + (drawnEdge.count === 1 ? " relation" : " relations")));
    var list = el("ul", { "class": "gg-relations" });
    drawnEdge.members.forEach(function (id) {
      var e = edges.get(id);
      if (e) list.appendChild(el("li", {}, titleOf(e)));
    });
    box.appendChild(list);
  }

  /* A diagram past the physics limit writes nothing twice (frontend/render.py, Compact): an edge names
   * its protocol by index (`p`) and the finding lines are only in the findings list. This puts both back
   * into the hover text, in the order the Python side writes them for smaller diagrams: into the nodes'
   * now, into an edge's only when it is shown (hover, click). Rewriting all 18,000 edge titles of the
   * 500-area benchmark file at load took a good part of its first draw. Returns the edge's whole text. */
  function fullTitles(payload, names) {
    if (!payload.protocols) return function (e) { return e.title; };
    var sev = payload.styles.severities;
    // each finding's line made once (not once per node and edge it marks); the edges' lines only when
    // an edge's text is first asked for
    var lines = payload.findings.map(function (f) { return "\u26a0 " + (sev[f.severity] || sev.info).label + ": " + f.message; });
    var onNodes = said(payload.findings, lines, "nodes");
    payload.nodes.forEach(function (n) {
      var found = onNodes.get(n.id);
      if (found) n.title += "\n" + found.join("\n");
    });
    var onEdges = null;
    var whole = new Map();
    return function (e) {
      if (!onEdges) onEdges = said(payload.findings, lines, "edges");
      if (!whole.has(e.id)) {
        var named = names.get(e.from) + " \u2192 " + typeLabel(payload.styles, e.etype) + " \u2192 " + names.get(e.to);
        var rest = wholeTitle(e, payload.protocols, onEdges.get(e.id));
        whole.set(e.id, rest ? named + "\n" + rest : named);
      }
      return whole.get(e.id);
    };
  }

  /* The finding lines on each node (or edge) id, in the findings' order. */
  function said(findings, lines, what) {
    var found = new Map();
    findings.forEach(function (f, i) {
      f[what].forEach(function (id) {
        var list = found.get(id);
        if (list) list.push(lines[i]);
        else found.set(id, [lines[i]]);
      });
    });
    return found;
  }

  function wholeTitle(e, protocols, lines) {
    var title = e.title || "";
    if (e.p !== undefined) {
      var at = title.indexOf("clause ") === 0 ? 0 : title.indexOf("\nclause ") + 1;
      if (at > 0 || title.indexOf("clause ") === 0) {
        var end = title.indexOf("\n", at);
        if (end < 0) end = title.length;
        title = title.slice(0, end) + " of " + protocols[e.p] + title.slice(end);
      }
    }
    return lines ? (title ? title + "\n" : "") + lines.join("\n") : title;
  }

  var WRAP_CHARACTERS = 22; // about what vis-network fits in a 180 px wide box at 14 px

  /* A diagram past the physics limit breaks its node names into lines here, by characters, instead of
   * letting vis-network wrap them to the groups' widthConstraint: that measures every word of every
   * name on the canvas, which was the largest part of the 3,772-node benchmark file's first draw. */
  function wrapNames(payload) {
    Object.keys(payload.options.groups || {}).forEach(function (g) { delete payload.options.groups[g].widthConstraint; });
    payload.nodes.forEach(function (n) { if (n.label) n.label = wrapped(n.label); });
  }

  function wrapped(text) {
    if (text.length <= WRAP_CHARACTERS) return text;
    var lines = [];
    var line = "";
    text.split(" ").forEach(function (word) {
      if (line && line.length + 1 + word.length > WRAP_CHARACTERS) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    lines.push(line);
    return lines.join("\n");
  }

  function start(payload) {
    var names = new Map(payload.nodes.map(function (n) { return [n.id, n.label]; }));
    var titleOf = fullTitles(payload, names);
    performance.mark("govgraph-titles");
    document.title = payload.title;
    document.getElementById("gg-title").textContent = payload.title;
    document.getElementById("gg-subtitle").textContent = payload.subtitle || "";
    var container = document.getElementById("gg-network");
    if (!payload.labels) wrapNames(payload);
    var nodes = new vis.DataSet(payload.nodes);
    var hidden = new Set();
    var edges = null;
    var view = null;
    /* The relations as a DataSet, and the view of the types shown, made when first asked for (a legend
     * switch, a click, a hover): the first drawing bundles straight from the payload, every type shown.
     * Filing the 18,000 relations of the 500-area benchmark file and filtering them was a tenth of the
     * script's part of its first draw. */
    function relations() {
      if (!edges) {
        edges = new vis.DataSet(payload.edges);
        view = new vis.DataView(edges, { filter: function (e) { return !hidden.has(e.etype); } });
      }
    }
    var state = { nodes: nodes, hidden: hidden, drawn: null, bundled: true, labelsShown: 0 };
    Object.defineProperty(state, "edges", { enumerable: true, get: function () { relations(); return edges; } });
    Object.defineProperty(state, "view", { enumerable: true, get: function () { relations(); return view; } });
    function drawnEdges() {
      var records = view ? view.get() : payload.edges;
      if (!state.bundled) {
        return records.map(function (r) {
          var copy = Object.assign({}, r, { fullLabel: r.label, members: [r.id], count: 1 });
          if (!copy.color) copy.color = familyOf(payload.styles, r.etype).color; // left to the page (Compact)
          if (!payload.labels) delete copy.label;
          return copy;
        });
      }
      var bundles = bundle(records, payload.styles, { nameOf: function (id) { return names.get(id); },
        side: payload.view === "accountability" });
      // past the physics limit every line is straight (the page's edge options say so once)
      if (!payload.labels) bundles.forEach(function (b) { delete b.label; delete b.smooth; });
      return bundles;
    }
    performance.mark("govgraph-data");
    state.drawn = new vis.DataSet(drawnEdges());
    performance.mark("govgraph-bundled");
    var network = new vis.Network(container, { nodes: nodes, edges: state.drawn }, payload.options);
    state.network = network;
    window.govgraphDiagram = state;
    function refit() { if (payload.labels) state.labelsShown = fitLabels(network, state.drawn); }
    function redrawEdges() {
      state.drawn.clear();
      state.drawn.add(drawnEdges());
      refit();
    }

    performance.mark("govgraph-network");
    function drawn() {
      performance.mark("govgraph-drawn");
      state.ready = true;
      document.body.setAttribute("data-state", "drawn");
    }
    function settled() {
      refit();
      network.once("afterDrawing", drawn);
      network.redraw();
    }
    if (payload.options.physics && payload.options.physics.enabled) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        network.once("afterDrawing", settled);
        network.redraw();
      });
    } else {
      network.once("afterDrawing", payload.labels ? settled : drawn);
    }
    network.on("dragEnd", function (params) { if (params.nodes.length) refit(); });
    if (payload.labels) refitOnZoom(network, refit);
    network.on("click", function (params) {
      var box = document.getElementById("gg-details");
      if (!box || !params.edges.length || params.nodes.length) return;
      var e = state.drawn.get(params.edges[0]);
      if (e) showDetails(box, e, state.edges, titleOf);
    });
    state.titleOf = function (id) { var e = state.edges.get(id); return e ? titleOf(e) : null; };
    quietTooltips(network, container, function (id) {
      var line = state.drawn.get(id);
      return line && line.members && line.members.length === 1 ? state.titleOf(line.members[0]) : null;
    });
    buildLegend(document.getElementById("gg-legend"), payload,
      function (type, shown) {
        if (type === null) state.bundled = !shown;
        else if (shown) hidden.delete(type);
        else hidden.add(type);
        state.view.refresh();
        redrawEdges();
      },
      function (finding) {
        var ids = state.drawn.get().filter(function (e) {
          return e.members.some(function (m) { return finding.edges.indexOf(m) >= 0; });
        }).map(function (e) { return e.id; });
        network.setSelection({ nodes: finding.nodes, edges: ids }, { unselectAll: true });
        var ends = finding.nodes.slice();
        finding.edges.forEach(function (id) {
          var e = state.edges.get(id);
          if (e) ends.push(e.from, e.to);
        });
        if (ends.length) network.fit({ nodes: ends, animation: { duration: 300 } });
      });
    document.getElementById("gg-fit").addEventListener("click", function () { network.fit(); });
  }

  // -- the overview of a big graph: one node per area, expanded on click -------------------------------

  var AREA_STYLE = { shape: "box", color: { background: "#eef2ff", border: "#332288" }, borderWidth: 2,
    font: { size: 16, face: FONT_FACE, color: "#0f172a" }, margin: 10 };

  function areaNode(o, a) {
    var area = o.areas[a];
    var node = Object.assign({}, AREA_STYLE, { id: "area:" + a, label: area.id + "\n" + area.count + " nodes · " + area.links + " edges",
      x: area.x, y: area.y, kind: "Area", area: area.id,
      title: area.id + ": " + area.count + " bodies, roles and people, " + area.links + " edges" +
        (area.severity ? "\nfindings up to " + area.severity : "") + "\nClick to expand." });
    if (area.severity) node.color = { background: "#eef2ff", border: area.severity === "error" ? "#dc2626" : "#d97706" };
    return node;
  }

  /* An area's parties on a ring around where its node was, and its links as per-relation records. */
  function expandArea(o, a, styles) {
    var area = o.areas[a];
    var rows = o.parties[a];
    var radius = Math.max(90, rows.length * 30);
    var nodes = rows.map(function (r, i) {
      var angle = 2 * Math.PI * i / rows.length;
      return { id: r[0], label: r[1], group: o.kinds[r[2]], kind: o.kinds[r[2]], area: area.id,
        x: area.x + radius * Math.cos(angle), y: area.y + radius * Math.sin(angle),
        title: r[1] + "\n" + o.kinds[r[2]] + (r[3] ? " · " + r[3].replace(/_/g, " ") : "") + " · " + area.id };
    });
    var records = o.links[a].map(function (l, i) {
      var type = o.types[l[2]];
      var from = rows[l[0]], to = rows[l[1]];
      return { id: "o" + a + ":" + i, from: from[0], to: to[0], etype: type, inferred: Boolean(l[4]),
        color: familyOf(styles, type).color, width: 1.5,
        title: from[1] + " → " + typeLabel(styles, type) + " → " + to[1] + (l[3] ? "\nclause " + l[3] : "") +
          (l[4] ? "\ninferred" : "") + "\nquotes: govgraph diagram --area " + area.id };
    });
    return { nodes: nodes, records: records };
  }

  function startOverview(payload) {
    var o = payload.overview;
    var container = document.getElementById("gg-network");
    var nodes = new vis.DataSet(o.areas.map(function (area, a) { return areaNode(o, a); }));
    var drawn = new vis.DataSet();
    var hidden = new Set();
    var expanded = new Map();
    var network = new vis.Network(container, { nodes: nodes, edges: drawn }, payload.options);
    var state = { network: network, nodes: nodes, drawn: drawn, expanded: expanded, overview: true, hidden: hidden };
    window.govgraphDiagram = state;
    function lines(a) {
      return bundle(expanded.get(a).records.filter(function (r) { return !hidden.has(r.etype); }), payload.styles,
        { nameOf: function (id) { return (nodes.get(id) || {}).label || id; } }).map(function (b) {
        b.id = "a" + a + "|" + b.id;
        delete b.label;
        b.smooth = false;
        return b;
      });
    }
    state.expand = function (a) {
      if (expanded.has(a)) return;
      var part = expandArea(o, a, payload.styles);
      expanded.set(a, part);
      nodes.remove("area:" + a);
      nodes.add(part.nodes);
      drawn.add(lines(a));
    };
    state.collapse = function () {
      expanded.forEach(function (part, a) {
        nodes.remove(part.nodes.map(function (n) { return n.id; }));
        nodes.add(areaNode(o, a));
      });
      expanded.clear();
      drawn.clear();
    };
    network.on("click", function (params) {
      var id = params.nodes[0];
      if (id && String(id).indexOf("area:") === 0) state.expand(parseInt(id.slice(5), 10));
    });
    performance.mark("govgraph-network");
    network.once("afterDrawing", function () {
      performance.mark("govgraph-drawn");
      state.ready = true;
      document.body.setAttribute("data-state", "drawn");
    });
    var legend = document.getElementById("gg-legend");
    legend.textContent = "";
    legend.appendChild(el("h2", {}, "Overview"));
    legend.appendChild(el("p", { "class": "gg-muted", id: "gg-overview-note" }, o.areas.length + " areas, " +
      payload.counts.nodes + " bodies, roles and people, " + payload.counts.edges + " edges: too many to draw " +
      "one by one, so each area is one node. Click an area to expand it into its nodes and lines " +
      "(hover text gives the clause; govgraph diagram --area AREA draws one area with its quotes)."));
    var collapse = el("button", { type: "button", "class": "gg-button", id: "gg-collapse" }, "Collapse all");
    collapse.addEventListener("click", state.collapse);
    legend.appendChild(collapse);
    legend.appendChild(el("h2", {}, "Edges"));
    var list = el("ul");
    Object.keys(payload.styles.families).forEach(function (f) {
      var item = el("li");
      item.appendChild(edgeSwatch({ color: payload.styles.families[f].color, dashes: false, width: 2, directed: true }));
      item.appendChild(el("span", {}, payload.styles.families[f].label));
      list.appendChild(item);
    });
    legend.appendChild(list);
    document.getElementById("gg-fit").addEventListener("click", function () { network.fit(); });
  }

  window.GovgraphDiagram = { edgeSwatch: edgeSwatch, nodeSwatch: nodeSwatch, severityDot: severityDot, el: el,
    bundle: bundle, fitLabels: fitLabels, fitWithLabels: fitWithLabels, refitOnZoom: refitOnZoom, BoxGrid: BoxGrid, quietTooltips: quietTooltips, familyOf: familyOf, typeLabel: typeLabel };

  var data = document.getElementById("govgraph-diagram");
  if (data) {
    var parsed = JSON.parse(data.textContent);
    performance.mark("govgraph-parsed");
    if (parsed.overview) startOverview(parsed);
    else start(parsed);
  }
})();
