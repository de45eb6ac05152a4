import type { Store } from '../../../src/store/store';
import type { MakeStore } from './make-store';

/** Gives every test in the enclosing describe a new store, closed after the test. */
export function useFreshStore(makeStore: MakeStore): () => Store {
  let store: Store | undefined;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('the store is only available inside a test');
    return store;
  };
}
