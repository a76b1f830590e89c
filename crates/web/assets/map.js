// The map of incidents: Natural Earth country outlines (served by this server) and one mark
// per place showing how many incidents are there. Marks are HTML markers, so each is a
// button a keyboard reaches (Tab) and opens (Enter): its popup lists the incidents at that
// place, newest first, each linking to its page. Places close together at the current zoom
// are drawn as one cluster mark (leaflet.markercluster) showing the incidents of all its
// places; selecting it zooms in until they part. The marks follow the table's filters (the
// page gives the filtered data URL). No tiles, no request leaves this server.
"use strict";
document.addEventListener("DOMContentLoaded", async () => {
  const el = document.getElementById("map");
  if (!el || typeof L === "undefined") return;
  // no tile layer sets the zoom range: clustering needs its top (a town is apart by zoom 9)
  const map = L.map(el, { attributionControl: true, zoomSnap: 0.25, worldCopyJump: false, minZoom: 1, maxZoom: 9 })
    .setView([15, -78], 3.25);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  const [outlines, points] = await Promise.all([
    fetch(el.dataset.outlines).then((r) => r.json()),
    fetch(el.dataset.points).then((r) => r.json()),
  ]);
  L.geoJSON(outlines, {
    style: { color: "#9aa59a", weight: 0.8, fillColor: "#eef0ea", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  const plural = (n) => `${n} incident${n === 1 ? "" : "s"}`;
  const clusters = L.markerClusterGroup({
    maxClusterRadius: 44,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    // the cluster shows the incidents of its places, not how many places it holds
    iconCreateFunction: (cluster) => {
      const kids = cluster.getAllChildMarkers();
      const n = kids.reduce((a, m) => a + m.options.incidents, 0);
      const size = Math.round(26 + Math.min(24, Math.sqrt(n) * 5));
      return L.divIcon({ className: "count-mark cluster", html: `<span>${n}</span>`, iconSize: [size, size] });
    },
  });
  // a cluster is a button too: say what it holds and what selecting it does
  map.on("layeradd", (e) => {
    if (!(e.layer instanceof L.MarkerCluster)) return;
    const kids = e.layer.getAllChildMarkers();
    const n = kids.reduce((a, m) => a + m.options.incidents, 0);
    const el = e.layer.getElement();
    if (!el) return;
    const label = `${plural(n)} at ${kids.length} places: select to zoom in`;
    el.setAttribute("role", "button");
    el.setAttribute("aria-label", label);
    el.setAttribute("title", label);
  });
  const bounds = [];
  for (const p of points) {
    // size grows with the count; a pale mark is a place known only as a country or sea region
    const size = Math.round(22 + Math.min(22, Math.sqrt(p.incidents) * 5));
    const vague = p.precision >= 4;
    const name = p.name || "unnamed place";
    const label = `${name}: ${p.incidents} incident${p.incidents === 1 ? "" : "s"}, ${p.killed} killed (best)`;
    const icon = L.divIcon({
      className: "count-mark" + (vague ? " vague" : ""),
      html: `<span>${Number(p.incidents)}</span>`,
      iconSize: [size, size],
    });
    const m = L.marker([p.lat, p.lon], { icon, keyboard: true, title: label, alt: label, riseOnHover: true, incidents: Number(p.incidents) });
    const box = document.createElement("div");
    const head = document.createElement("strong");
    head.textContent = name;
    const sub = document.createElement("div");
    sub.textContent = `${p.incidents} incident${p.incidents === 1 ? "" : "s"}, ${p.killed} killed (best)` +
      (vague ? "; the place is known only as a country or sea region" : "");
    const list = document.createElement("ul");
    list.className = "popup-list";
    for (const i of p.listed || []) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "/incidents/" + encodeURIComponent(i.id);
      a.textContent = `${i.date || "undated"}${i.killed == null ? "" : ` · ${i.killed} killed`}`;
      li.append(a);
      list.append(li);
    }
    box.append(head, sub, list);
    if (p.incidents > (p.listed || []).length) {
      const more = document.createElement("div");
      more.textContent = `and ${p.incidents - p.listed.length} earlier (see the table)`;
      box.append(more);
    }
    m.bindPopup(box);
    // a marker's element exists only while it is drawn (not while inside a cluster)
    m.on("add", () => {
      const mark = m.getElement();
      if (mark) {
        mark.setAttribute("role", "button");
        mark.setAttribute("aria-label", label);
      }
    });
    clusters.addLayer(m);
    bounds.push([p.lat, p.lon]);
  }
  // a cluster opened from the keyboard zooms in and is gone: focus the first mark then
  // drawn, so that the reader can go on with Tab and Enter from there
  const focusFirst = () => {
    const first = el.querySelector(".count-mark");
    if (first) first.focus();
  };
  // (Enter on a cluster is a "clusterkeypress"; the plugin zooms in and focuses the map)
  clusters.on("clusterkeypress", (e) => {
    if (!(e.originalEvent && e.originalEvent.keyCode === 13)) return;
    // after the zoom, once the cluster's places are drawn apart (their animation is short)
    map.once("zoomend", () => setTimeout(focusFirst, 500));
  });
  // the view first, then the marks: they are clustered once, for that zoom, without animation
  if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 5, animate: false });
  map.addLayer(clusters);
  el.dataset.ready = String(points.length);
});
