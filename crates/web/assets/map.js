// The map of incidents: Natural Earth country outlines (served by this server) and one
// circle per place; a circle's size shows how precisely the place is known. No tiles, no
// request leaves this server.
"use strict";
document.addEventListener("DOMContentLoaded", async () => {
  const el = document.getElementById("map");
  if (!el || typeof L === "undefined") return;
  const map = L.map(el, { attributionControl: true, zoomSnap: 0.25, worldCopyJump: false })
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
  // precision 1 locality ... 4 country or sea region: less precise, bigger circle
  const radius = { 1: 5, 2: 8, 3: 12, 4: 18 };
  const bounds = [];
  for (const p of points) {
    const r = radius[p.precision] || 18;
    const m = L.circleMarker([p.lat, p.lon], {
      radius: r + Math.min(6, Math.sqrt(p.incidents) - 1),
      color: "#7a1f1f", weight: 1.2, fillColor: "#c0392b",
      fillOpacity: p.precision >= 4 ? 0.25 : 0.55,
    }).addTo(map);
    const text = document.createElement("div");
    const name = document.createElement("strong");
    name.textContent = p.name || "unnamed place";
    text.append(name, document.createElement("br"),
      `${p.incidents} incident${p.incidents === 1 ? "" : "s"}, ${p.killed} killed (best)`,
      document.createElement("br"), `place precision ${p.precision}`);
    m.bindTooltip(text);
    m.on("click", () => { window.location.href = "/incidents/" + encodeURIComponent(p.latest); });
    bounds.push([p.lat, p.lon]);
  }
  if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 5 });
  el.dataset.ready = String(points.length);
});
