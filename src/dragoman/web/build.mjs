// Copies the UI's third-party files from node_modules into static/vendor (git-ignored).
// Run through `make ui` (npm ci, then this script). Our own HTML/JS/CSS in static/ are committed.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "static", "vendor");
mkdirSync(join(vendor, "images"), { recursive: true });

const leaflet = join(modules, "leaflet", "dist");
for (const name of ["leaflet.js", "leaflet.css"]) {
  copyFileSync(join(leaflet, name), join(vendor, name));
}
for (const name of readdirSync(join(leaflet, "images"))) {
  copyFileSync(join(leaflet, "images", name), join(vendor, "images", name));
}
copyFileSync(join(modules, "leaflet", "LICENSE"), join(vendor, "LICENSE-leaflet.txt"));
copyFileSync(join(modules, "world-atlas", "LICENSE"), join(vendor, "LICENSE-world-atlas.txt"));

// Natural Earth 1:50m country outlines (world-atlas TopoJSON) as GeoJSON, coordinates rounded to
// 0.01 degree (about 1 km) to keep the file small; the UI draws them as the offline basemap.
const topo = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-50m.json"), "utf8"));
const countries = feature(topo, topo.objects.countries);
const round = (value) => (Array.isArray(value) ? value.map(round) : Math.round(value * 100) / 100);
for (const f of countries.features) {
  f.geometry.coordinates = round(f.geometry.coordinates);
  f.properties = { name: f.properties.name };
}
writeFileSync(join(vendor, "countries.geojson"), JSON.stringify(countries));
console.log(`ui: wrote ${vendor} (leaflet, ${countries.features.length} country outlines)`);
