// dragoman web UI: filters, an events table, a clustered map, a brushable timeline, an article view and stories.
// Every piece of data reaches the page through textContent or attributes: never innerHTML.
"use strict";

(function () {
  const PAGE_SIZE = 25;
  const state = { offset: 0, total: 0, filters: {}, currentEvent: null, view: "events", storyOffset: 0 };
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

  // ------------------------------------------------------------------ countries

  // The country boxes take a name ("Mali", "mali", "Malian") or a code ("MLI"), read off the project's countries
  // lexicon (/api/countries). Anything else is refused with a message, never cut down to three letters.
  const countries = { forms: new Map(), names: new Map(), actorCodes: new Set(), loaded: false };

  // As dragoman.query.fold_country folds the forms: accents off, lower case, other characters one space.
  const foldCountry = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^a-z0-9]+/g, " ").trim();

  async function loadCountries() {
    try {
      const table = await api("/api/countries");
      for (const [form, code] of Object.entries(table.forms)) countries.forms.set(form, code);
      const list = $("country-names");
      for (const { code, name } of table.countries) {
        countries.names.set(code, name);
        list.appendChild(el("option", { value: name, label: code }));
      }
      for (const code of table.actor_codes) countries.actorCodes.add(code);
      countries.loaded = true;
    } catch (e) {
      // An older server without the list: codes still work, names are refused with this reason.
      countries.error = e.message;
    }
  }

  // The code a country box means, "" when empty; an Error naming the box and the fix when it means none.
  function countryCode(id, label, { actor }) {
    const text = $(id).value.trim();
    const shown = $(`${id}-code`);
    shown.textContent = "";
    if (!text) return "";
    const upper = text.toUpperCase();
    const isCode = /^[A-Z]{3}$/.test(upper)
      && (!countries.loaded || countries.names.has(upper) || (actor && countries.actorCodes.has(upper)));
    const code = isCode ? upper : countries.forms.get(foldCountry(text));
    if (!code) {
      const why = countries.loaded ? "" : ` (the list of country names could not be read: ${countries.error})`;
      throw new Error(`Unknown country "${text}" in "${label}"${why}: type a name such as Mali or an ISO 3166-1 `
        + "alpha-3 code such as MLI.");
    }
    shown.textContent = isCode ? (countries.names.get(code) || "") : code;
    shown.title = `${code} ${countries.names.get(code) || ""}`.trim();
    return code;
  }

  // ------------------------------------------------------------------ filters

  function readFilters() {
    const f = {};
    for (const [key, id] of [["type", "f-type"], ["date_from", "f-from"], ["date_to", "f-to"], ["q", "f-q"]]) {
      const value = $(id).value.trim();
      if (value) f[key] = value;
    }
    const country = countryCode("f-country", "Parties from", { actor: true });
    if (country) f.country = country;
    const place = countryCode("f-place-country", "Happened in", { actor: false });
    if (place) f.place_country = place;
    // Asserted events by default; the others (negated, hypothetical, future, historical) one click away.
    if ($("f-asserted").checked) f.modality = "asserted";
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
    if (!state.filters.modality) params.set("modality", "all"); // no modality in the address means asserted only
    if (state.offset) params.set("offset", state.offset);
    history.replaceState(null, "", params.toString() ? `#${params}` : window.location.pathname);
  }

  function readHash() {
    const params = new URLSearchParams(window.location.hash.slice(1));
    $("f-type").value = params.get("type") || "";
    $("f-country").value = params.get("country") || "";
    $("f-place-country").value = params.get("place_country") || "";
    $("f-asserted").checked = params.get("modality") !== "all";
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
    try {
      state.filters = readFilters();
    } catch (e) {
      showError(e.message); // the last filters stay applied: nothing is loaded for a value that means nothing
      return;
    }
    if (!keepOffset) state.offset = 0;
    fitPending = true;
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

  // A disputed happening (one row per happening): a badge naming each value and who claims it.
  function disputedBadge(happening) {
    if (!happening || !happening.disputed) return null;
    const lines = happening.figures.filter((f) => f.disputed).map(figureText);
    return el("span", { className: "disputed", title: lines.join("\n"), text: "disputed" });
  }

  async function loadEvents() {
    // One row per happening also asks for each happening's evidence and claims (the disputed badge).
    const evidence = state.filters.distinct ? { evidence: "true" } : {};
    const page = await api("/api/events", { ...state.filters, ...evidence, limit: PAGE_SIZE, offset: state.offset });
    state.total = page.total;
    const body = $("events").querySelector("tbody");
    body.replaceChildren();
    for (const ev of page.events) {
      const row = el("tr", { tabindex: "0", "data-event-id": ev.event_id,
        onclick: () => openEvent(ev.event_id),
        onkeydown: (e) => { if (e.key === "Enter") openEvent(ev.event_id); } },
      el("td", { text: ev.date || "" }),
      el("td", {}, el("span", { className: `type q-${ev.quad || "none"}`, text: ev.type }),
        ev.modality && ev.modality !== "asserted"
          ? el("span", { className: "modality", title: `modality: ${ev.modality}`, text: ev.modality }) : null),
      el("td", { text: who(ev.actor) }),
      el("td", { text: who(ev.recipient) }),
      el("td", { text: ev.location ? ev.location.name : "" }),
      el("td", { text: ev.evidence ? ev.evidence.trigger : "" },
        reports(page.reports ? page.reports[ev.event_id] : 1),
        disputedBadge(page.happenings ? page.happenings[ev.event_id] : null)));
      body.appendChild(row);
    }
    const first = page.events.length ? state.offset + 1 : 0;
    const last = state.offset + page.events.length;
    $("page-info").textContent = `${first}–${last} of ${page.total}`;
    const noun = state.filters.distinct ? "happening" : "event";
    const only = state.filters.modality ? ` (${state.filters.modality} only: uncheck “asserted only” for the others)`
      : "";
    $("summary").textContent = (page.total === 0 ? "No events match these filters" :
      `${page.total} ${noun}${page.total === 1 ? "" : "s"} match`) + `${only}.`;
    $("prev").disabled = state.offset === 0;
    $("next").disabled = page.next_offset === null;
  }

  // ------------------------------------------------------------------ map

  let map = null;
  let clusterLayer = null;
  let tileLayer = null;
  let fitPending = true; // fit the view to the events once after each change of filters, not on every zoom

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
    if (!map || state.view !== "events") return; // a story's places replace the clusters while it is shown
    const zoom = map.getZoom();
    const data = await api("/api/clusters", { ...everyReport(), zoom });
    if (fitPending && data.clusters.length) {
      fitPending = false;
      const bounds = L.latLngBounds(data.clusters.map((c) => [c.lat, c.lon]));
      // A cluster sits at its members' mean: padding keeps its marker inside the view, not cut at the edge.
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 8, animate: false });
      if (map.getZoom() !== zoom) return; // zoomend reloads the clusters at the new zoom
    }
    clusterLayer.clearLayers();
    $("map").dataset.zoom = String(map.getZoom());
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

  // The axis spans the bulk of the dates (or the date filter), never a stray year: one event dated 1777 or a
  // phone number read as 2060 would otherwise stretch it over centuries and empty every bar. Dates outside
  // are counted at the edges. Bins are days, weeks, months or years, whatever keeps the bars readable.
  const DAY_MS = 86400000;
  const BULK = 0.01; // share of the events cut at each end when finding the bulk
  const MAX_BINS = { day: 120, week: 110, month: 120 };
  let timelineBins = []; // [{ start: "YYYY-MM-DD", end: "YYYY-MM-DD" }] in order

  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
  const dayMs = (day) => Date.parse(`${day}T00:00:00Z`);

  function normaliseDay(key) {
    // Year and month precision are stored as their first day; older keys may hold "YYYY" or "YYYY-MM".
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(key);
    return m ? `${m[1]}-${m[2] || "01"}-${m[3] || "01"}` : null;
  }

  function binStart(day, unit) {
    if (unit === "day") return day;
    if (unit === "month") return `${day.slice(0, 7)}-01`;
    if (unit === "year") return `${day.slice(0, 4)}-01-01`;
    const d = new Date(dayMs(day));
    return isoDay(dayMs(day) - ((d.getUTCDay() + 6) % 7) * DAY_MS); // the Monday of its ISO week
  }

  function nextBin(start, unit) {
    if (unit === "day") return isoDay(dayMs(start) + DAY_MS);
    if (unit === "week") return isoDay(dayMs(start) + 7 * DAY_MS);
    const d = new Date(dayMs(start));
    if (unit === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCFullYear(d.getUTCFullYear() + 1);
    return isoDay(d.getTime());
  }

  function binsOver(first, last) {
    const spanDays = (dayMs(last) - dayMs(first)) / DAY_MS + 1;
    const unit = spanDays <= MAX_BINS.day ? "day" : spanDays <= MAX_BINS.week * 7 ? "week"
      : spanDays <= MAX_BINS.month * 30.5 ? "month" : "year";
    const bins = [];
    for (let s = binStart(first, unit); s <= last && bins.length < 400; s = nextBin(s, unit)) {
      bins.push({ start: s, end: isoDay(dayMs(nextBin(s, unit)) - DAY_MS) });
    }
    return { unit, bins };
  }

  // The first and last day of the middle of the distribution (weighted by events per day).
  function bulkOf(days, counts) {
    const total = counts.reduce((a, b) => a + b, 0);
    const cut = Math.floor(total * BULK);
    let seen = 0;
    let lo = days[0];
    let hi = days[days.length - 1];
    for (let i = 0; i < days.length; i++) { seen += counts[i]; if (seen > cut) { lo = days[i]; break; } }
    seen = 0;
    for (let i = days.length - 1; i >= 0; i--) { seen += counts[i]; if (seen > cut) { hi = days[i]; break; } }
    return [lo, hi];
  }

  async function loadTimeline() {
    // The histogram ignores the date filter so the brush can move anywhere; bars outside it are dimmed.
    const { date_from: from, date_to: to, ...rest } = everyReport();
    const stats = await api("/api/stats", { ...rest, top: 1 });
    const svg = $("timeline");
    svg.replaceChildren();
    const perDay = new Map();
    for (const [key, n] of Object.entries(stats.by_day)) {
      const day = normaliseDay(key);
      if (day) perDay.set(day, (perDay.get(day) || 0) + n);
    }
    const days = [...perDay.keys()].sort();
    if (!days.length) {
      timelineBins = [];
      svg.dataset.unit = "";
      svg.appendChild(svgEl("text", { x: 10, y: 20, class: "axis" })).textContent = "No dated events.";
      return;
    }
    let [first, last] = bulkOf(days, days.map((d) => perDay.get(d)));
    if (from && normaliseDay(from)) first = normaliseDay(from) < first || !to ? normaliseDay(from) : first;
    if (to && normaliseDay(to)) last = normaliseDay(to) > last || !from ? normaliseDay(to) : last;
    if (first > last) [first, last] = [last, first];
    const { unit, bins } = binsOver(first, last);
    timelineBins = bins;
    svg.dataset.unit = unit;
    const axisFirst = bins[0].start;
    const axisLast = bins[bins.length - 1].end;
    const counts = bins.map(() => 0);
    let before = 0;
    let after = 0;
    let b = 0;
    for (const day of days) {
      const n = perDay.get(day);
      if (day < axisFirst) { before += n; continue; }
      if (day > axisLast) { after += n; continue; }
      while (bins[b].end < day) b++;
      counts[b] += n;
    }
    const width = svg.clientWidth || 600;
    const height = svg.clientHeight || 130;
    const pad = 18;
    const edge = 8; // room for the outlier marks
    const plotW = width - 2 * edge;
    const barW = plotW / bins.length;
    const max = Math.max(1, ...counts);
    const top = before || after ? 16 : 4; // the outlier marks sit above the tallest bar
    bins.forEach((bin, i) => {
      const n = counts[i];
      if (!n) return;
      const h = Math.max(1, ((height - pad - top) * n) / max);
      const outside = (from && bin.end < from) || (to && bin.start > to);
      const bar = svgEl("rect", { x: edge + i * barW + 0.5, y: height - pad - h, width: Math.max(1, barW - 1),
        height: h, class: outside ? "bar out" : "bar", "data-day": bin.start });
      const label = unit === "day" ? bin.start : `${bin.start} – ${bin.end}`;
      bar.appendChild(svgEl("title")).textContent = `${label}: ${n} event${n === 1 ? "" : "s"}`;
      svg.appendChild(bar);
    });
    const ticks = Math.min(6, bins.length);
    for (let k = 0; k < ticks; k++) {
      const i = Math.round((k * (bins.length - 1)) / Math.max(1, ticks - 1));
      const x = Math.min(width - 62, Math.max(2, edge + i * barW));
      const text = unit === "year" ? bins[i].start.slice(0, 4) : unit === "month" ? bins[i].start.slice(0, 7)
        : bins[i].start;
      svg.appendChild(svgEl("text", { x, y: height - 4, class: "axis" })).textContent = text;
    }
    const outliers = [[before, "earlier", days[0], 2, "start"], [after, "later", days[days.length - 1], width - 2, "end"]];
    for (const [n, side, day, x, anchor] of outliers) {
      if (!n) continue;
      const mark = svgEl("text", { x, y: 12, class: `axis outlier ${side}`, "text-anchor": anchor });
      mark.textContent = side === "earlier" ? `◀ ${n} earlier (from ${day.slice(0, 4)})` : `${n} later (to ${day.slice(0, 4)}) ▶`;
      mark.appendChild(svgEl("title")).textContent = `${n} event${n === 1 ? "" : "s"} dated ${side} than the axis, `
        + "left out so the bulk stays readable; set the dates to see them";
      svg.appendChild(mark);
    }
    svg.setAttribute("aria-label", `Events per ${unit}, ${axisFirst} to ${axisLast}`);
    $("timeline-unit").textContent = unit;
    if (from || to) {
      const i0 = from ? Math.max(0, bins.findIndex((bin) => bin.end >= from)) : 0;
      const last1 = to ? bins.findIndex((bin) => bin.end >= to) : -1;
      const i1 = last1 < 0 ? bins.length - 1 : last1;
      svg.appendChild(svgEl("rect", { x: edge + i0 * barW, y: 0, width: Math.max(0, i1 - i0 + 1) * barW,
        height: height - pad, class: "brush", "pointer-events": "none" }));
    }
  }

  function initBrush() {
    const svg = $("timeline");
    let start = null;
    let rect = null;
    const binAt = (x) => {
      const width = svg.clientWidth || 600;
      const i = Math.floor(((x - 8) / (width - 16)) * timelineBins.length);
      return timelineBins[Math.min(timelineBins.length - 1, Math.max(0, i))];
    };
    const localX = (e) => e.clientX - svg.getBoundingClientRect().left;
    svg.addEventListener("mousedown", (e) => {
      if (!timelineBins.length) return;
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
      $("f-from").value = binAt(a).start;
      $("f-to").value = binAt(b).end;
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

  function showDocMeta(doc) {
    const meta = doc.doc;
    $("article-title").textContent = meta.title || meta.source_id || meta.doc_id;
    $("article-meta").textContent = [meta.published, meta.agency, meta.dateline, meta.source_id,
      doc.text_kind === "clean" ? "cleaned text" : "original text"].filter(Boolean).join(" · ");
  }

  async function openEvent(eventId) {
    try {
      const ev = await api(`/api/events/${encodeURIComponent(eventId)}`);
      const doc = await api(`/api/docs/${encodeURIComponent(ev.doc_id)}`);
      showDocMeta(doc);
      const inDoc = doc.events.find((o) => o.event_id === eventId) || { ...ev, marks: [] };
      $("article").hidden = false;
      showEventInDoc(doc, inDoc);
    } catch (e) {
      showError(e.message);
    }
  }

  // A story's report: the article view at its first event, or its bare text (a near-duplicate has no events).
  async function openDoc(docId) {
    try {
      const doc = await api(`/api/docs/${encodeURIComponent(docId)}`);
      showDocMeta(doc);
      $("article").hidden = false;
      if (doc.events.length) { showEventInDoc(doc, doc.events[0]); return; }
      renderMarkedText($("article-text"), doc.text, [], []);
      $("event-fields").replaceChildren();
      $("doc-events").replaceChildren(el("li", { text: "No events coded in this document." }));
    } catch (e) {
      showError(e.message);
    }
  }

  // ------------------------------------------------------------------ stories

  // "dead: 12 (Officials, first-outlet.example) · 30 (local rights group, second-outlet.example)": each value
  // once, lowest first, with whoever claims it (the attribution and the outlet that carried it).
  function figureText(figure) {
    const byValue = new Map();
    for (const c of figure.claims) {
      const who = c.attributed && c.claimant !== c.outlet ? `${c.claimant}, ${c.outlet}` : c.outlet;
      if (!byValue.has(c.value)) byValue.set(c.value, []);
      if (!byValue.get(c.value).includes(who)) byValue.get(c.value).push(who);
    }
    const values = [...byValue.keys()].sort((a, b) => a - b);
    return `${figure.figure}: ` + values.map((v) => `${v} (${byValue.get(v).join("; ")})`).join(" · ");
  }

  const STORY_PAGE = 20;
  let storyLayer = null;

  const span = (first, last) => (first && last && first !== last ? `${first} – ${last}` : first || last || "undated");
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  // Events or stories: the filters, the events table and the events timeline belong to the events view; the map is
  // shared (clusters of events, or the places of the story shown).
  function showView(view) {
    state.view = view;
    const stories = view !== "events";
    $("filters").hidden = stories;
    $("right").hidden = stories;
    $("timeline-box").hidden = stories;
    $("stories-view").hidden = !stories;
    $("view-events").classList.toggle("current", !stories);
    $("view-stories").classList.toggle("current", stories);
    if (!map) return;
    if (stories) map.removeLayer(clusterLayer);
    else {
      if (storyLayer) { map.removeLayer(storyLayer); storyLayer = null; }
      if (!map.hasLayer(clusterLayer)) clusterLayer.addTo(map);
    }
  }

  async function loadStories() {
    const q = $("story-q").value.trim();
    const page = await api("/api/stories", { q, limit: STORY_PAGE, offset: state.storyOffset });
    const list = $("story-list");
    list.replaceChildren();
    for (const s of page.stories) {
      list.appendChild(el("li", { className: "story-item", "data-story-id": s.story_id },
        el("a", { href: `#view=stories&story=${encodeURIComponent(s.story_id)}`, className: "story-title",
          text: s.title || s.story_id }),
        el("div", { className: "meta", text: [span(s.first_date, s.last_date), plural(s.documents, "document"),
          plural(s.outlets, "outlet"), s.places.join(", ")].filter(Boolean).join(" · ") })));
    }
    if (!page.stories.length) list.appendChild(el("li", { text: q ? "No story title has these words." : "No stories yet." }));
    const first = page.stories.length ? state.storyOffset + 1 : 0;
    $("story-page-info").textContent = `${first}–${state.storyOffset + page.stories.length} of ${page.total}`;
    $("story-prev").disabled = state.storyOffset === 0;
    $("story-next").disabled = page.next_offset === null;
  }

  function storyMap(places) {
    if (!map) return;
    if (storyLayer) map.removeLayer(storyLayer);
    storyLayer = L.layerGroup().addTo(map);
    const points = places.filter((p) => p.lat !== null && p.lon !== null);
    for (const p of points) {
      const label = el("div", { className: "cluster story-place", text: p.reports });
      const icon = L.divIcon({ html: label, className: "", iconSize: [22, 22] });
      storyLayer.addLayer(L.marker([p.lat, p.lon], { icon, keyboard: false,
        title: `${p.name}${p.country ? ` (${p.country})` : ""}: ${plural(p.reports, "event")}` }));
    }
    $("map").dataset.storyPlaces = String(points.length);
    if (points.length) {
      // A region around them, not a street: one place alone is shown with its country.
      map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon])), { padding: [40, 40], maxZoom: 6, animate: false });
    }
  }

  // Reports by day over the story's span (days, or weeks and months for a long one: binsOver picks).
  function storyTimeline(docs) {
    const svg = $("story-timeline");
    svg.replaceChildren();
    const days = docs.map((d) => d.date).filter((d) => d && normaliseDay(d)).map(normaliseDay).sort();
    if (!days.length) {
      svg.appendChild(svgEl("text", { x: 6, y: 16, class: "axis" })).textContent = "No dated reports.";
      return;
    }
    // A short story gets a week's axis, its days in the middle: one bar is a day, not the whole width.
    const spanDays = (dayMs(days[days.length - 1]) - dayMs(days[0])) / DAY_MS;
    const padDays = Math.max(0, Math.ceil((6 - spanDays) / 2));
    const { unit, bins } = binsOver(isoDay(dayMs(days[0]) - padDays * DAY_MS),
      isoDay(dayMs(days[days.length - 1]) + padDays * DAY_MS));
    const counts = bins.map((bin) => days.filter((d) => d >= bin.start && d <= bin.end).length);
    const width = svg.clientWidth || 400;
    const height = svg.clientHeight || 80;
    const pad = 16;
    const barW = width / bins.length;
    const max = Math.max(1, ...counts);
    bins.forEach((bin, i) => {
      if (!counts[i]) return;
      const h = Math.max(2, ((height - pad - 4) * counts[i]) / max);
      const bar = svgEl("rect", { x: i * barW + 1, y: height - pad - h, width: Math.max(2, barW - 2), height: h,
        class: "bar", "data-day": bin.start, "data-reports": counts[i] });
      const label = unit === "day" ? bin.start : `${bin.start} – ${bin.end}`;
      bar.appendChild(svgEl("title")).textContent = `${label}: ${plural(counts[i], "report")}`;
      svg.appendChild(bar);
    });
    svg.appendChild(svgEl("text", { x: 2, y: height - 3, class: "axis" })).textContent = bins[0].start;
    if (bins.length > 1) {
      svg.appendChild(svgEl("text", { x: width - 2, y: height - 3, class: "axis", "text-anchor": "end" }))
        .textContent = bins[bins.length - 1].start;
    }
    svg.setAttribute("aria-label", `Reports per ${unit}, ${bins[0].start} to ${bins[bins.length - 1].end}`);
  }

  function reportRow(d) {
    const safeUrl = d.url && /^https?:\/\//i.test(d.url) ? d.url : null; // never a javascript: or data: link
    return el("tr", { "data-doc-id": d.doc_id },
      el("td", { text: d.date || "" }),
      el("td", { text: d.outlet }),
      el("td", {}, el("button", { type: "button", className: "link", text: d.title || d.doc_id,
        onclick: () => openDoc(d.doc_id) }),
      d.duplicate_of ? el("span", { className: "copy", title: "A near-duplicate of another report (a wire copy "
        + "or a light rewrite): not an independent source", text: "copy" }) : null),
      el("td", {}, safeUrl ? el("a", { href: safeUrl, rel: "noopener noreferrer", target: "_blank", text: "source" })
        : null));
  }

  function happeningItem(h) {
    const head = [h.type, h.place, h.country, h.date, plural(h.reports, "report")].filter(Boolean).join(" · ");
    const item = el("li", { className: "happening" }, el("div", { className: "happening-head", text: head }));
    if (!h.figures.length) {
      item.appendChild(el("div", { className: "meta", text: "no figures given" }));
      return item;
    }
    const figures = el("ul", { className: "figures" });
    for (const f of h.figures) {
      figures.appendChild(el("li", { className: f.disputed ? "figure is-disputed" : "figure" },
        f.disputed ? el("span", { className: "disputed", title: `claims range from ${f.low} to ${f.high}`,
          text: "disputed" }) : null,
        el("span", { className: "claims", text: figureText(f) }),
        f.disputed ? el("span", { className: "default", title: "The most conservative attributed figure "
          + "(ACLED's rule)", text: `default ${f.default}` }) : null));
    }
    item.appendChild(figures);
    return item;
  }

  async function openStory(storyId) {
    const s = await api(`/api/stories/${encodeURIComponent(storyId)}`);
    $("story-list-box").hidden = true;
    $("story").hidden = false;
    $("story").dataset.storyId = s.story_id;
    $("story-title").textContent = s.title || s.story_id;
    $("story-disputed").hidden = !s.disputed;
    $("story-meta").textContent = [span(s.first_date, s.last_date), plural(s.documents.length, "report"),
      plural(s.outlets.length, "outlet")].join(" · ");
    $("story-reports").querySelector("tbody").replaceChildren(...s.documents.map(reportRow));
    const perOutlet = new Map();
    for (const d of s.documents) perOutlet.set(d.outlet, (perOutlet.get(d.outlet) || 0) + 1);
    $("story-sources").replaceChildren(...s.outlets.map((o) => el("li", { text: `${o} (${plural(perOutlet.get(o)
      || 0, "report")})` })));
    $("story-places").replaceChildren(...s.places.map((p) => el("li", { text: `${p.name}${p.country
      ? ` (${p.country})` : ""}: ${plural(p.reports, "event")}` })));
    $("story-happenings").replaceChildren(...s.happenings.map(happeningItem));
    storyTimeline(s.documents);
    storyMap(s.places);
  }

  function closeStory() {
    $("story").hidden = true;
    $("story-list-box").hidden = false;
    if (storyLayer) { map.removeLayer(storyLayer); storyLayer = null; }
  }

  // #view=stories: the list; #view=stories&story=ID: one story; anything else: the events view and its filters.
  async function route() {
    const params = new URLSearchParams(window.location.hash.slice(1));
    showError("");
    if (params.get("view") !== "stories") {
      if (state.view !== "events") {
        showView("events");
        readHash();
        await applyFilters({ keepOffset: true });
      }
      return;
    }
    showView("stories");
    const storyId = params.get("story");
    try {
      if (storyId) await openStory(storyId);
      else { closeStory(); await loadStories(); }
    } catch (e) {
      showError(e.message);
    }
  }

  function initStories() {
    $("view-stories").addEventListener("click", () => { window.location.hash = "view=stories"; });
    $("view-events").addEventListener("click", () => {
      history.pushState(null, "", window.location.pathname);
      writeHash(); // back to the filters the events view had
      route().catch((e) => showError(e.message));
    });
    $("story-back").addEventListener("click", () => { window.location.hash = "view=stories"; });
    $("story-search").addEventListener("submit", (e) => {
      e.preventDefault();
      state.storyOffset = 0;
      loadStories().catch((err) => showError(err.message));
    });
    $("story-prev").addEventListener("click", () => {
      state.storyOffset = Math.max(0, state.storyOffset - STORY_PAGE);
      loadStories().catch((e) => showError(e.message));
    });
    $("story-next").addEventListener("click", () => {
      state.storyOffset += STORY_PAGE;
      loadStories().catch((e) => showError(e.message));
    });
    window.addEventListener("hashchange", () => route().catch((e) => showError(e.message)));
  }

  // ------------------------------------------------------------------ start

  async function start() {
    const metaInfo = await api("/api/meta");
    for (const type of metaInfo.types) $("f-type").appendChild(el("option", { value: type, text: type }));
    await loadCountries();
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
    initStories();
    await initMap();
    if (new URLSearchParams(window.location.hash.slice(1)).get("view") === "stories") await route();
    else await applyFilters({ keepOffset: true });
    document.body.setAttribute("data-ready", "1");
  }

  start().catch((e) => showError(e.message));
})();
