// Graceful shutdown: a request in flight when the server is asked to stop still gets its answer,
// then the driver closes.
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../api/graph/schema.ts';
import { call, startApi } from '../support/api.ts';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const api = await startApi();
    const received = new Promise((resolve) => api.app.server.once('request', resolve));
    const inFlight = fetch(`${api.url}/api/graph`);
    await received;
    const closing = api.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    const graph = (await response.json()) as GraphDocument;
    expect(Array.isArray(graph.nodes)).toBe(true);
    await closing;
    await expect(call(api, 'GET', '/api/health')).rejects.toThrow();
    await expect(api.conn.driver.getServerInfo()).rejects.toThrow();
  });
});
