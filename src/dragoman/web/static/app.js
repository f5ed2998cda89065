// dragoman web UI: filters, an events table, a clustered map, a brushable timeline and an article view.
// Every piece of data reaches the page through textContent or attributes: never innerHTML.
"use strict";

(function () {
  const PAGE_SIZE = 25;
  const state = { offset: 0, total: 0, filters: {}, currentEvent: null };
  const $ = (id) => document.getElementById(id);

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined) continue;
      if (key === "className") node.className = value;
      else if (key === "text") node.textContent = String(value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function svgEl(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    return node;
  }

  function showError(message) {
    const box = $("alert");
    box.textContent = message || "";
    box.hidden = !message;
  }

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
    }
    const response = await fetch(url);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const err = body && body.error ? body.error : { message: `HTTP ${response.status}` };
      throw new Error(err.message + (err.parameter ? ` (${err.parameter})` : ""));
    }
    return body;
  }

  // ------------------------------------------------------------------ filters

  function readFilters() {
    const f = {};
    for (const [key, id] of [["type", "f-type"], ["country", "f-country"], ["date_from", "f-from"],
      ["date_to", "f-to"], ["q", "f-q"]]) {
      const value = $(id).value.trim();
      if (value) f[key] = key === "country" ? value.toUpperCase() : value;
    }
    if ($("f-distinct").checked) f.distinct = "true";
    return f;
  }

  // The map and the timeline count every report: distinct applies to the table and the exports only.
  function everyReport() {
    const { distinct, ...rest } = state.filters;
    return rest;
  }

  function writeHash() {
    const params = new URLSearchParams(state.filters);
    if (state.offset) params.set("offset", state.offset);
    history.replaceState(null, "", params.toString() ? `#${params}` : window.location.pathname);
  }

  function readHash() {
    const params = new URLSearchParams(window.location.hash.slice(1));
    $("f-type").value = params.get("type") || "";
    $("f-country").value = params.get("country") || "";
    $("f-from").value = params.get("date_from") || "";
    $("f-to").value = params.get("date_to") || "";
    $("f-q").value = params.get("q") || "";
    $("f-distinct").checked = params.get("distinct") === "true";
    state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  }

  function updateExports() {
    for (const fmt of ["csv", "jsonl"]) {
      const params = new URLSearchParams({ ...state.filters, format: fmt });
      $(`export-${fmt}`).setAttribute("href", `/api/export?${params}`);
    }
  }

  async function applyFilters({ keepOffset = false } = {}) {
    state.filters = readFilters();
    if (!keepOffset) state.offset = 0;
    writeHash();
    updateExports();
    showError("");
    await Promise.all([loadEvents(), loadMap(), loadTimeline()]).catch((e) => showError(e.message));
  }

  // ------------------------------------------------------------------ table

  function who(actor) {
    if (!actor) return "";
    const code = [actor.country, actor.sector].filter(Boolean).join("/");
    const name = actor.name || actor.text || "";
    return code ? `${name} [${code}]` : name;
  }

  function reports(n) {
    // A happening told by several reports (one row per happening): how many, beside the trigger.
    return n > 1 ? el("span", { className: "reports", title: `${n} reports of this happening`, text: `×${n}` }) : null;
  }

  async function loadEvents() {
    const page = await api("/api/events", { ...state.filters, limit: PAGE_SIZE, offset: state.offset });
    state.total = page.total;
    const body = $("events").querySelector("tbody");
    body.replaceChildren();
    for (const ev of page.events) {
      const row = el("tr", { tabindex: "0", "data-event-id": ev.event_id,
        onclick: () => openEvent(ev.event_id),
        onkeydown: (e) => { if (e.key === "Enter") openEvent(ev.event_id); } },
      el("td", { text: ev.date || "" }),
      el("td", {}, el("span", { className: `type q-${ev.quad || "none"}`, text: ev.type })),
      el("td", { text: who(ev.actor) }),
      el("td", { text: who(ev.recipient) }),
      el("td", { text: ev.location ? ev.location.name : "" }),
      el("td", { text: ev.evidence ? ev.evidence.trigger : "" },
        reports(page.reports ? page.reports[ev.event_id] : 1)));
      body.appendChild(row);
    }
    const first = page.events.length ? state.offset + 1 : 0;
    const last = state.offset + page.events.length;
    $("page-info").textContent = `${first}–${last} of ${page.total}`;
    const noun = state.filters.distinct ? "happening" : "event";
    $("summary").textContent = page.total === 0 ? "No events match these filters." :
      `${page.total} ${noun}${page.total === 1 ? "" : "s"} match.`;
    $("prev").disabled = state.offset === 0;
    $("next").disabled = page.next_offset === null;
  }

  // ------------------------------------------------------------------ map

  let map = null;
  let clusterLayer = null;
  let tileLayer = null;

  async function initMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 14 }).setView([10, 20], 2);
    map.attributionControl.setPrefix("Leaflet");
    const outlines = await fetch("/static/vendor/countries.geojson").then((r) => r.json());
    L.geoJSON(outlines, {
      style: { color: "#7d8b99", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
    map.attributionControl.addAttribution("Natural Earth");
    clusterLayer = L.layerGroup().addTo(map);
    map.on("zoomend", () => loadMap().catch((e) => showError(e.message)));
    const saved = new URLSearchParams(window.location.search).get("tiles") || localStorage.getItem("dragoman.tiles");
    if (saved) { $("tile-url").value = saved; useTiles(saved); }
  }

  function useTiles(url) {
    if (tileLayer) { map.removeLayer(tileLayer); tileLayer = null; }
    if (!url) { localStorage.removeItem("dragoman.tiles"); return; }
    if (!/^https?:\/\//.test(url)) { showError("A tile URL starts with http:// or https://"); return; }
    localStorage.setItem("dragoman.tiles", url);
    tileLayer = L.tileLayer(url, { maxZoom: 18, attribution: "tiles: see provider" }).addTo(map);
  }

  async function loadMap() {
    if (!map) return;
    const zoom = map.getZoom();
    const data = await api("/api/clusters", { ...everyReport(), zoom });
    clusterLayer.clearLayers();
    for (const c of data.clusters) {
      const size = c.count === 1 ? 16 : Math.min(56, 20 + Math.round(Math.log2(c.count) * 5));
      const label = el("div", { className: c.count === 1 ? "cluster single" : "cluster",
        text: c.count === 1 ? "" : c.count });
      label.style.width = label.style.height = `${size}px`;
      const icon = L.divIcon({ html: label, className: "", iconSize: [size, size] });
      const marker = L.marker([c.lat, c.lon], { icon, keyboard: false,
        title: c.count === 1 ? `${c.type || "event"}` : `${c.count} events` });
      marker.on("click", () => {
        if (c.event_id) openEvent(c.event_id);
        else map.setView([c.lat, c.lon], Math.min(zoom + 2, map.getMaxZoom()));
      });
      clusterLayer.addLayer(marker);
    }
  }

  // ------------------------------------------------------------------ timeline

  const DAY_MS = 86400000;
  let timelineDays = [];

  function dayList(first, last) {
    const days = [];
    for (let t = Date.parse(first); t <= Date.parse(last) && days.length < 3700; t += DAY_MS) {
      days.push(new Date(t).toISOString().slice(0, 10));
    }
    return days;
  }

  async function loadTimeline() {
    // The histogram ignores the date filter so the brush can move anywhere; bars outside it are dimmed.
    const { date_from: from, date_to: to, ...rest } = everyReport();
    const stats = await api("/api/stats", { ...rest, top: 1 });
    const svg = $("timeline");
    svg.replaceChildren();
    const known = Object.keys(stats.by_day).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
    if (!known.length) {
      timelineDays = [];
      svg.appendChild(svgEl("text", { x: 10, y: 20, class: "axis" })).textContent = "No dated events.";
      return;
    }
    timelineDays = dayList(known[0], known[known.length - 1]);
    const width = svg.clientWidth || 600;
    const height = svg.clientHeight || 130;
    const pad = 18;
    const barW = width / timelineDays.length;
    const max = Math.max(...timelineDays.map((d) => stats.by_day[d] || 0));
    timelineDays.forEach((day, i) => {
      const n = stats.by_day[day] || 0;
      if (!n) return;
      const h = Math.max(1, ((height - pad - 4) * n) / max);
      const outside = (from && day < from) || (to && day > to);
      const bar = svgEl("rect", { x: i * barW + 0.5, y: height - pad - h, width: Math.max(1, barW - 1), height: h,
        class: outside ? "bar out" : "bar", "data-day": day });
      bar.appendChild(svgEl("title")).textContent = `${day}: ${n} event${n === 1 ? "" : "s"}`;
      svg.appendChild(bar);
    });
    const ticks = Math.min(6, timelineDays.length);
    for (let k = 0; k < ticks; k++) {
      const i = Math.round((k * (timelineDays.length - 1)) / Math.max(1, ticks - 1));
      const x = Math.min(width - 62, Math.max(2, i * barW));
      svg.appendChild(svgEl("text", { x, y: height - 4, class: "axis" })).textContent = timelineDays[i];
    }
    if (from || to) {
      const i0 = from ? Math.max(0, timelineDays.indexOf(from)) : 0;
      const i1 = to && timelineDays.includes(to) ? timelineDays.indexOf(to) : timelineDays.length - 1;
      svg.appendChild(svgEl("rect", { x: i0 * barW, y: 0, width: (i1 - i0 + 1) * barW, height: height - pad,
        class: "brush", "pointer-events": "none" }));
    }
  }

  function initBrush() {
    const svg = $("timeline");
    let start = null;
    let rect = null;
    const dayAt = (x) => {
      const width = svg.clientWidth || 600;
      const i = Math.floor((x / width) * timelineDays.length);
      return timelineDays[Math.min(timelineDays.length - 1, Math.max(0, i))];
    };
    const localX = (e) => e.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener("mousedown", (e) => {
      if (!timelineDays.length) return;
      start = localX(e);
      rect = svgEl("rect", { x: start, y: 0, width: 0, height: (svg.clientHeight || 130) - 18, class: "brush" });
      svg.appendChild(rect);
    });
    svg.addEventListener("mousemove", (e) => {
      if (start === null) return;
      const x = localX(e);
      rect.setAttribute("x", Math.min(start, x));
      rect.setAttribute("width", Math.abs(x - start));
    });
    const finish = (e) => {
      if (start === null) return;
      const x = localX(e);
      const a = Math.min(start, x);
      const b = Math.max(start, x);
      start = null;
      if (b - a < 3) { rect.remove(); return; }
      $("f-from").value = dayAt(a);
      $("f-to").value = dayAt(b);
      applyFilters();
    };
    svg.addEventListener("mouseup", finish);
    svg.addEventListener("mouseleave", finish);
    svg.addEventListener("dblclick", () => {
      $("f-from").value = "";
      $("f-to").value = "";
      applyFilters();
    });
  }

  // ------------------------------------------------------------------ article view

  // Splits the text at every mark boundary; each piece is a text node, wrapped in a span whose classes
  // name the marks covering it, so overlapping marks (a trigger inside the evidence) nest cleanly.
  function renderMarkedText(container, text, marks, otherSentences) {
    container.replaceChildren();
    const all = marks.map((m) => ({ ...m, cls: `m-${m.kind}` }))
      .concat(otherSentences.map((m) => ({ ...m, cls: "other-event" })))
      .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start < m.end && m.end <= text.length);
    const cuts = new Set([0, text.length]);
    for (const m of all) { cuts.add(m.start); cuts.add(m.end); }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = text.slice(a, b);
      const classes = all.filter((m) => m.start <= a && m.end >= b).map((m) => m.cls);
      if (!classes.length) { container.appendChild(document.createTextNode(piece)); continue; }
      const span = el("span", { className: [...new Set(classes)].join(" ") });
      span.textContent = piece;
      container.appendChild(span);
    }
  }

  function fieldRows(ev) {
    const counts = ev.counts || {};
    const loc = ev.location;
    const place = loc ? [loc.name, loc.country, loc.lat != null ? `${loc.lat}, ${loc.lon}` : null,
      loc.geonameid ? `GeoNames ${loc.geonameid}` : null, loc.precision].filter(Boolean).join(" · ") : "";
    const countText = ["dead", "injured", "arrested", "displaced"]
      .filter((k) => counts[k] !== null && counts[k] !== undefined).map((k) => `${k} ${counts[k]}`).join(", ");
    return [
      ["Type", ev.type], ["Mode", ev.mode], ["CAMEO", ev.cameo], ["Quad", ev.quad], ["Modality", ev.modality],
      ["Actor", who(ev.actor)], ["Recipient", who(ev.recipient)],
      ["Date", [ev.date, ev.date_precision, ev.date_text ? `“${ev.date_text}”` : null].filter(Boolean).join(" · ")],
      ["Place", place], ["Counts", countText], ["Source", who(ev.attribution)],
      ["Trigger", ev.evidence ? ev.evidence.trigger : ""], ["Event id", ev.event_id],
    ];
  }

  function showEventInDoc(doc, ev) {
    state.currentEvent = ev.event_id;
    const others = doc.events.filter((o) => o.event_id !== ev.event_id)
      .flatMap((o) => o.marks.filter((m) => m.kind === "evidence"));
    renderMarkedText($("article-text"), doc.text, ev.marks, others);
    const dl = $("event-fields");
    dl.replaceChildren();
    for (const [name, value] of fieldRows(ev)) {
      if (value === null || value === undefined || value === "") continue;
      dl.appendChild(el("dt", { text: name }));
      dl.appendChild(el("dd", { text: value }));
    }
    const list = $("doc-events");
    list.replaceChildren();
    for (const o of doc.events) {
      list.appendChild(el("li", {}, el("button", {
        type: "button", className: o.event_id === ev.event_id ? "current" : "",
        text: `${o.type}: ${o.evidence ? o.evidence.trigger : ""} (${o.date || "undated"})`,
        onclick: () => showEventInDoc(doc, o),
      })));
    }
    const first = $("article-text").querySelector(".m-evidence");
    if (first) first.scrollIntoView({ block: "center" });
  }

  async function openEvent(eventId) {
    try {
      const ev = await api(`/api/events/${encodeURIComponent(eventId)}`);
      const doc = await api(`/api/docs/${encodeURIComponent(ev.doc_id)}`);
      const meta = doc.doc;
      $("article-title").textContent = meta.title || meta.source_id || meta.doc_id;
      $("article-meta").textContent = [meta.published, meta.agency, meta.dateline, meta.source_id,
        doc.text_kind === "clean" ? "cleaned text" : "original text"].filter(Boolean).join(" · ");
      const inDoc = doc.events.find((o) => o.event_id === eventId) || { ...ev, marks: [] };
      $("article").hidden = false;
      showEventInDoc(doc, inDoc);
    } catch (e) {
      showError(e.message);
    }
  }

  // ------------------------------------------------------------------ start

  async function start() {
    const metaInfo = await api("/api/meta");
    for (const type of metaInfo.types) $("f-type").appendChild(el("option", { value: type, text: type }));
    readHash();
    $("filters").addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
    $("f-reset").addEventListener("click", () => { $("filters").reset(); applyFilters(); });
    $("prev").addEventListener("click", () => {
      state.offset = Math.max(0, state.offset - PAGE_SIZE);
      writeHash();
      loadEvents().catch((e) => showError(e.message));
    });
    $("next").addEventListener("click", () => {
      state.offset += PAGE_SIZE;
      writeHash();
      loadEvents().catch((e) => showError(e.message));
    });
    $("article-close").addEventListener("click", () => { $("article").hidden = true; });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") $("article").hidden = true; });
    $("tile-apply").addEventListener("click", () => useTiles($("tile-url").value.trim()));
    initBrush();
    await initMap();
    await applyFilters({ keepOffset: true });
    document.body.setAttribute("data-ready", "1");
  }

  start().catch((e) => showError(e.message));
})();
