// Answers applied in the order their requests were sent. The host answers requests in the order
// they arrive, so a read sent after a save reflects it; but answers can come back in another
// order, and an answer to an older request must never replace what a newer one showed (a topic
// reloaded before an answer was saved, arriving after it, would put the old answer back).
export type Sequenced = <T>(request: () => Promise<T>, apply: (result: T) => void) => Promise<T>;

export function newestWins(): Sequenced {
  let sent = 0;
  let applied = 0;
  return async (request, apply) => {
    const ticket = ++sent;
    const result = await request();
    if (ticket > applied) {
      applied = ticket;
      apply(result);
    }
    return result;
  };
}
