// The handler's safety net when a call fails: draws, the clock and appended records are undone.
import { afterEach, describe, expect, it } from 'vitest';
import { takeUndoPoint } from '../../../src/api/undo-point.ts';
import { regionState } from '../../../src/domain/new-document.ts';
import { nextU32 } from '../../../src/shared/xoshiro128.ts';
import { sandboxOperations } from '../../../src/api/operations/registry.ts';
import { aSandbox } from '../../builders/sandbox.ts';

describe('takeUndoPoint', () => {
  it('restores the random streams, the clock and the length of every record list', () => {
    const s = aSandbox();
    s.ecs('CreateCluster', { clusterName: 'kept' });
    const doc = s.api.document;
    const state = regionState(doc, 'us-east-1');
    const before = JSON.stringify(doc);
    const undo = takeUndoPoint(doc, state);
    nextU32(doc.random.ids); // an id drawn…
    nextU32(doc.random.placement); // …a placement drawn…
    doc.clock.nowMs += 5000;
    state.clusters.push({ clusterName: 'appended', status: 'ACTIVE', createdAt: 0 }); // …records appended
    state.discovery.namespaces.push({} as never);
    undo.restore();
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('a failing call through the handler', () => {
  afterEach(() => {
    delete sandboxOperations.FailAfterAppending;
  });

  it('an operation that appends and then fails unexpectedly leaves no trace and answers ServerException', () => {
    const s = aSandbox();
    sandboxOperations.FailAfterAppending = {
      mutates: true,
      run: (ctx) => {
        ctx.newUuid();
        ctx.state.clusters.push({ clusterName: 'half-done', status: 'ACTIVE', createdAt: ctx.now });
        throw new TypeError('a bug');
      },
    };
    const e = s.error('EcsSandbox.FailAfterAppending', {});
    expect([e.code, e.httpStatus]).toEqual(['ServerException', 500]);
  });
});
