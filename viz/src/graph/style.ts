// The Cytoscape stylesheet. Labels sit under their nodes on a light plate and are wrapped, and
// they vanish below a readable on-screen size, so zoomed-out views stay clean and fast.
import type { StylesheetJson } from 'cytoscape';
import { edgeCaption, LABELS, TYPES } from './vocabulary.ts';

/** In big graphs, the degree from which a node is named at a lower zoom than everyone. */
export const NAMED_DEGREE = { hubs: 20, some: 6 } as const;

/**
 * The min-zoomed-font-size of each group in big graphs. Cytoscape shows a name when its font size
 * times the zoom rounded up to a power of two (the scale of its texture caches) reaches this: with
 * fonts of 12–14 px, hubs are named from zoom 0.5 on, degree 6 and more from zoom 1, everyone from
 * zoom 2.
 */
const NAMED_FROM = { hubs: 10, some: 20, all: 30 } as const;

export function graphStyle(opts: { large: boolean }): StylesheetJson {
  const { large } = opts;
  const style: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: 26,
        height: 26,
        'background-color': '#9aa5b1',
        'border-width': 1.5,
        'border-color': '#5f6b77',
        label: 'data(short)',
        'font-family': 'Inter, "Segoe UI", system-ui, sans-serif',
        'font-size': 12,
        color: '#1f2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': large ? NAMED_FROM.all : 7,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    ...LABELS.map((look) => ({
      selector: `node[label = "${look.label}"]`,
      style: { 'background-color': look.color, 'border-color': look.border, shape: look.shape as 'ellipse' },
    })),
    // Bigger nodes for better-connected actors, so hubs stand out at a glance. `deg` is set by
    // the canvas: a [[degree]] selector would restyle nodes on every edge added.
    {
      selector: 'node[deg >= 4]',
      style: { width: 32, height: 32, 'font-size': 13, 'font-weight': 600 },
    },
    {
      selector: 'node[deg >= 8]',
      style: { width: 40, height: 40, 'font-size': 14 },
    },
    // Big graphs name hubs first and everyone once zoomed in close, by style alone: a class per
    // node toggled as the zoom changes would restyle nodes after every gesture, and each restyle
    // costs Cytoscape a full redraw of the picture and its layered texture cache.
    ...(large
      ? [
          { selector: `node[deg >= ${NAMED_DEGREE.some}]`, style: { 'min-zoomed-font-size': NAMED_FROM.some } },
          { selector: `node[deg >= ${NAMED_DEGREE.hubs}]`, style: { 'min-zoomed-font-size': NAMED_FROM.hubs } },
        ]
      : []),
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#b8c0c8',
        'curve-style': large ? 'haystack' : 'bezier',
        'haystack-radius': 0,
        'target-arrow-shape': large ? 'none' : 'triangle',
        'target-arrow-color': '#b8c0c8',
        'arrow-scale': 0.8,
        label: large ? '' : 'data(caption)',
        'font-size': 10,
        color: '#52606d',
        'text-rotation': 'autorotate',
        'text-background-color': '#f7f9fb',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
        'transition-property': 'opacity',
        'transition-duration': 150,
      },
    },
    // Big graphs draw dashed and dotted types solid and lighter: the canvas strokes every dash
    // apart (~280 sub-pixel dots per zoomed-out edge), so 447 dotted edges took 58 % of a full
    // redraw of 5,000. Their colour still tells the type; the pattern returns below the threshold.
    ...TYPES.map((look) => ({
      selector: `edge[type = "${look.type}"]`,
      style: {
        'line-color': look.color,
        'target-arrow-color': look.color,
        'line-style': large ? 'solid' : look.lineStyle,
        ...(large && look.lineStyle !== 'solid' ? { 'line-opacity': 0.55 } : {}),
        width: look.width,
        ...(look.directed ? {} : { 'target-arrow-shape': 'none' as const }),
      },
    })),
    // On a big map names follow the zoom like everywhere else; a small map names every city.
    { selector: 'node.labelled, node:selected, node.path, node.neighbor', style: { 'min-zoomed-font-size': large ? 9 : 7 } },
    // Hidden with visibility, not display: toggling display on nodes with parallel edges leaves
    // Cytoscape 3.34's edge caches stale and crashes its next bounding-box pass. Edges of hidden
    // nodes get the class too (canvas.ts), so nothing dangles.
    { selector: '.filtered, .offview', style: { visibility: 'hidden', events: 'no' } },
    { selector: 'node.faded', style: { opacity: 0.15, 'text-opacity': 0 } },
    { selector: 'edge.faded', style: { opacity: 0.07, 'text-opacity': 0 } },
    { selector: 'node.neighbor', style: { opacity: 1, 'text-opacity': 1 } },
    {
      selector: 'node:selected',
      // Emphasis without changing the font: Cytoscape's cached label size would clip a bolder one.
      style: { 'border-width': 4, 'border-color': '#111827', 'overlay-opacity': 0, color: '#000000', 'text-background-opacity': 1, 'z-index': 10 },
    },
    // analysts' work: corrected elements dashed in violet, nodes picked for a merge or a new relationship ringed
    { selector: 'node.corrected', style: { 'border-style': 'dashed', 'border-color': '#7c3aed', 'border-width': 3 } },
    { selector: 'edge.corrected', style: { 'line-style': 'dashed', 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed' } },
    { selector: 'node.picked', style: { 'border-color': '#0891b2', 'border-width': 6, 'border-style': 'double' } },
    { selector: 'edge:selected', style: { width: 4, 'overlay-color': '#111827', 'overlay-opacity': 0.12, 'z-index': 10 } },
    {
      selector: 'node.path',
      style: { 'border-width': 4, 'border-color': '#111827', color: '#000000', 'text-background-opacity': 1, 'z-index': 20 },
    },
    { selector: 'node.path-end', style: { 'border-color': '#d97706', 'border-width': 5 } },
    {
      selector: 'edge.path',
      style: {
        width: 5,
        'line-color': '#d97706',
        'target-arrow-color': '#d97706',
        'line-style': 'solid',
        'curve-style': 'bezier',
        label: 'data(caption)',
        color: '#92400e',
        'z-index': 20,
      },
    },
    { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 5 } },
    { selector: 'edge.path[pathColor]', style: { 'line-color': 'data(pathColor)', 'target-arrow-color': 'data(pathColor)' } },
    // On a path every hop is named, even the ones the network view leaves unlabelled.
    ...TYPES.filter((look) => edgeCaption({ type: look.type }) === '').map((look) => ({
      selector: `edge.path[type = "${look.type}"]`,
      style: { label: look.name },
    })),
    // Axis ticks and grid labels for the timeline and geographic views: text only, inert.
    {
      selector: 'node.axis',
      style: {
        shape: 'rectangle',
        width: 1,
        height: 1,
        'background-opacity': 0,
        'border-width': 0,
        label: 'data(name)',
        color: '#7b8794',
        'font-size': 12,
        'font-weight': 600,
        'text-valign': 'center',
        'text-background-opacity': 0,
        'min-zoomed-font-size': 0,
        events: 'no',
      },
    },
    {
      selector: 'node.axis-line',
      style: { shape: 'rectangle', width: 'data(w)', height: 'data(h)', 'background-color': '#dde2e7', 'background-opacity': 1, 'border-width': 0, label: '', events: 'no' },
    },
    // The map view (map-layer.ts), last so it wins: sizes it divides by the zoom, a group drawn
    // once (its other cities invisible under the lead), city-to-city lines as arcs.
    {
      selector: 'node.on-map',
      style: {
        width: 'data(mapSize)',
        height: 'data(mapSize)',
        'border-width': 'data(mapBorder)',
        label: 'data(mapLabel)',
        'font-size': 'data(mapFont)',
        'font-weight': 600,
        'text-wrap': 'none',
        'text-margin-y': 0,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: 'node.map-group', style: { 'border-color': '#ffffff', 'background-opacity': 0.9 } },
    { selector: 'node.map-member', style: { opacity: 0, 'text-opacity': 0, events: 'no' } },
    {
      selector: 'edge.on-map',
      style: {
        width: 'data(mapWidth)',
        label: '',
        'line-style': 'solid',
        'curve-style': 'unbundled-bezier',
        'control-point-distances': 'data(arc)',
        'control-point-weights': 0.5,
      },
    },
    { selector: 'edge.map-inner', style: { visibility: 'hidden', events: 'no' } },
  ];
  return style;
}
