#!/bin/sh
# Refreshes the front-end files the binary embeds (crates/web/assets/vendor/) from
# web/node_modules, which `npm ci` fills from the npm registry at the versions pinned by
# web/package-lock.json. The Rust build never runs npm: the outputs are committed.
set -eu
cd "$(dirname "$0")"
[ -d node_modules/leaflet ] || npm ci
out=../crates/web/assets/vendor
mkdir -p "$out"
cp node_modules/leaflet/dist/leaflet.js "$out/leaflet.js"
cp node_modules/leaflet/dist/leaflet.css "$out/leaflet.css"
cp node_modules/leaflet/LICENSE "$out/LICENSE-leaflet"
cp node_modules/world-atlas/LICENSE "$out/LICENSE-world-atlas"
# Marker clustering for the map; the source-map comment is dropped (the map is not served)
sed '/^\/\/# sourceMappingURL=/d' node_modules/leaflet.markercluster/dist/leaflet.markercluster.js > "$out/leaflet.markercluster.js"
cp node_modules/leaflet.markercluster/dist/MarkerCluster.css "$out/MarkerCluster.css"
cp node_modules/leaflet.markercluster/MIT-LICENCE.txt "$out/LICENSE-leaflet.markercluster"
# Country outlines: world-atlas's Natural Earth 1:110m TopoJSON, converted to GeoJSON so the
# browser needs no TopoJSON decoder; coordinates rounded to 0.01 degree to keep it small.
node -e '
const topo = require("./node_modules/world-atlas/countries-110m.json");
const { feature } = require("topojson-client");
const fc = feature(topo, topo.objects.countries);
const r = (c) => Array.isArray(c[0]) ? c.map(r) : c.map((x) => Math.round(x * 100) / 100);
for (const f of fc.features) { f.geometry.coordinates = r(f.geometry.coordinates); f.properties = { name: f.properties.name }; }
process.stdout.write(JSON.stringify(fc));
' > "$out/countries-110m.geojson"
ls -l "$out"
