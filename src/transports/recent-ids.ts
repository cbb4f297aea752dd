// Remembers the last N update ids, so an update Telegram delivers twice (a webhook retry after a
// slow answer, say) is handled once. Per process: several instances need a shared store for this.
export class RecentIds {
  private readonly seen = new Set<number>();
  private readonly order: number[] = [];

  constructor(private readonly capacity = 4096) {}

  /** Records the id; false if it was already there. */
  add(id: number): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    this.order.push(id);
    if (this.order.length > this.capacity) {
      const oldest = this.order.shift();
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  /** Forgets an id whose handling failed, so Telegram's redelivery is handled. */
  delete(id: number): void {
    if (!this.seen.delete(id)) return;
    const index = this.order.lastIndexOf(id);
    if (index >= 0) this.order.splice(index, 1);
  }
}
