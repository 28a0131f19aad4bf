import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What one simulated system holds (employments, personnel files, letters, accounts), as named
 * collections of JSON documents in memory. With a folder it is written there after each change
 * (one file per system, replaced atomically), so a restarted demo finds what it sent before.
 */
export class SimulatorStore {
  private readonly collections = new Map<string, Map<string, unknown>>();
  private readonly file?: string;
  private sequence = 0;

  constructor(
    readonly system: string,
    folder?: string,
  ) {
    if (!folder) return;
    mkdirSync(folder, { recursive: true });
    this.file = join(folder, `${system}.json`);
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as {
        sequence: number;
        collections: Record<string, Record<string, unknown>>;
      };
      this.sequence = saved.sequence;
      for (const [name, docs] of Object.entries(saved.collections))
        this.collections.set(name, new Map(Object.entries(docs)));
    } catch {
      // No saved state yet (or an unreadable one): the system starts empty.
    }
  }

  private docs(collection: string) {
    let docs = this.collections.get(collection);
    if (!docs) this.collections.set(collection, (docs = new Map<string, unknown>()));
    return docs;
  }

  /** The next number of the system's own counter (employment numbers, document ids, case numbers). */
  next(): number {
    this.sequence += 1;
    this.save();
    return this.sequence;
  }

  get<T>(collection: string, id: string): T | undefined {
    return this.docs(collection).get(id) as T | undefined;
  }

  list<T>(collection: string): T[] {
    return [...this.docs(collection).values()] as T[];
  }

  find<T>(collection: string, test: (doc: T) => boolean): T[] {
    return this.list<T>(collection).filter(test);
  }

  put<T>(collection: string, id: string, doc: T): T {
    this.docs(collection).set(id, doc);
    this.save();
    return doc;
  }

  delete(collection: string, id: string): void {
    this.docs(collection).delete(id);
    this.save();
  }

  /** Everything, for tests that check what the system received. */
  snapshot(): Record<string, unknown[]> {
    return Object.fromEntries([...this.collections].map(([name, docs]) => [name, [...docs.values()]]));
  }

  private save() {
    if (!this.file) return;
    const collections = Object.fromEntries(
      [...this.collections].map(([name, docs]) => [name, Object.fromEntries(docs)]),
    );
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ sequence: this.sequence, collections }));
    renameSync(temporary, this.file);
  }
}
