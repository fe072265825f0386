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

  window.GovgraphDiagram = { edgeSwatch: edgeSwatch, nodeSwatch: nodeSwatch, severityDot: severityDot, el: el };

  var data = document.getElementById("govgraph-diagram");
  if (data) {
    var parsed = JSON.parse(data.textContent);
    performance.mark("govgraph-parsed");
    start(parsed);
  }
})();
