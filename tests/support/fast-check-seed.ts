/**
 * fast-check's seed for the whole suite. Locally every run draws new random cases (so new counterexamples turn up);
 * under CI (`CI` set) the seed is fixed so that a landing never depends on the luck of the draw. `FC_SEED=<n>`
 * replays a run: fast-check prints the seed of every failure.
 */
import fc from 'fast-check';

const fromEnv = process.env['FC_SEED'];
const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : process.env['CI'] ? 20261124 : undefined;
if (seed !== undefined && Number.isFinite(seed)) fc.configureGlobal({ seed });
