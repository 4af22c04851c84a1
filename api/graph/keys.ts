// What identifies a relationship beyond its type and endpoints; shared by the cross-article merge
// (api/extract/resolve.ts) and the store's relationship keys (api/store/rows.ts).
import type { GraphRelationship } from './schema.ts';

/**
 * What tells two relationships of one type between the same two entities apart: a title, a role, and
 * for visits and meetings their date (five visits of a mayor to one city on five dates stay five edges).
 */
export function relationshipDiscriminator(r: Pick<GraphRelationship, 'type' | 'properties'>): string {
  if (r.type === 'HOLDS_POSITION') return String(r.properties.title ?? '').toLowerCase();
  if (r.type === 'PARTICIPATED_IN') return String(r.properties.role ?? '');
  if (r.type === 'VISITED' || r.type === 'MET_WITH') return typeof r.properties.date === 'string' ? r.properties.date : '';
  return '';
}
