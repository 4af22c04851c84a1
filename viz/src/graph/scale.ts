// How the picture is drawn for its size. Small pictures keep the first picture's look (every name,
// curved edges with arrows, full-resolution drawing while moving); from the large-graph threshold on,
// names follow the zoom (hubs first; style.ts), edges are straight, and while the analyst pans, zooms or
// drags, Cytoscape moves a snapshot of the nodes (textureOnViewport) with the edges left out
// (hideEdgesOnViewport), at one canvas pixel per CSS pixel, the snapshot too. These are the settings Cytoscape's
// large-graph advice names; motion blur stays off (it redraws buffers on every frame). In a dense big picture
// nearly every press lands on an edge (Cytoscape counts 8 px either side of a line as a hit): the press that
// starts a pan leaves that edge as it is instead of marking it active.

/** From here on (either count exceeded) the picture is drawn as a large graph. */
export const LARGE_NODES = 600;
export const LARGE_EDGES = 1200;

export interface RenderSettings {
  large: boolean;
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
  motionBlur: boolean;
  /** Canvas pixels per CSS pixel; `auto` follows the screen (sharp on high-density screens). */
  pixelRatio: number | 'auto';
  /** The snapshot moved while moving is drawn at the canvas's resolution, not twice it. */
  snapshotAtScreenResolution: boolean;
  /** Cytoscape's layered texture cache (the whole picture as one layer, redrawn in the background). */
  layeredTextureCache: boolean;
  /** A press on an edge marks it `:active` (a restyle, so one more redraw of every element). */
  activeEdgeOnPress: boolean;
}

export function renderSettings(drawn: { nodes: number; edges: number }): RenderSettings {
  const large = drawn.nodes > LARGE_NODES || drawn.edges > LARGE_EDGES;
  return { large, textureOnViewport: large, hideEdgesOnViewport: large, motionBlur: false, pixelRatio: large ? 1 : 'auto', snapshotAtScreenResolution: large, layeredTextureCache: !large, activeEdgeOnPress: !large };
}
