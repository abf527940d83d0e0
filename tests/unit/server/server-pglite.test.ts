// The annotation server on the embedded engine (PGlite), always run.
import { describe } from 'vitest';
import { serverScenarios } from './server-scenarios.ts';

describe('annotation server on PGlite', () => {
  serverScenarios('PGlite', () => ({}));
});
