// Drives an official Node client against the registry, for the NUnit tests in tests/Registry.Tests/Grpc: the
// EventStoreDB one (@eventstore/db-client) or KurrentDB's (@kurrent/kurrentdb-client), which has the same API under
// another class name. Usage: node esdb-client.js COMMAND 'JSON-ARGUMENTS', with ESDB_PACKAGE (the package name) and
// ESDB_CONNECTION set and the package installed on NODE_PATH. Prints one JSON object per line; the last one has kind
// "done" or "error".
"use strict";
const client = require(process.env.ESDB_PACKAGE);
const { jsonEvent, START, END, ANY, NO_STREAM, STREAM_EXISTS, eventTypeFilter, streamNameFilter, FORWARDS, BACKWARDS } = client;
const Client = client.KurrentDBClient ?? client.EventStoreDBClient;

const [command, argument] = process.argv.slice(2);
const args = JSON.parse(argument ?? "{}");
const db = Client.connectionString(process.env.ESDB_CONNECTION);

const print = (line) => process.stdout.write(JSON.stringify(line) + "\n");
const position = (p) => (p === undefined ? null : Number(p.commit));
const eventLine = ({ event }) => ({
  kind: "event",
  id: event.id,
  stream: event.streamId,
  type: event.type,
  revision: Number(event.revision),
  position: position(event.position),
  data: event.data,
  metadata: event.metadata ?? null,
  created: event.created,
});
const revisionOf = (r) => (r === "start" ? START : r === "end" ? END : BigInt(r));
const positionOf = (p) => (p === "start" ? START : p === "end" ? END : { commit: BigInt(p), prepare: BigInt(p) });
const expectedOf = (e) => ({ any: ANY, no_stream: NO_STREAM, stream_exists: STREAM_EXISTS })[e] ?? BigInt(e);

function filterOf(f) {
  if (!f) return undefined;
  const common = {
    checkpointInterval: f.checkpointInterval ?? 1,
    maxSearchWindow: f.maxSearchWindow,
    checkpointReached: (_, p) => print({ kind: "checkpoint", position: position(p) }),
  };
  if (f.eventTypePrefixes) return eventTypeFilter({ prefixes: f.eventTypePrefixes, ...common });
  if (f.eventTypeRegex) return eventTypeFilter({ regex: f.eventTypeRegex, ...common });
  if (f.streamNamePrefixes) return streamNameFilter({ prefixes: f.streamNamePrefixes, ...common });
  if (f.streamNameRegex) return streamNameFilter({ regex: f.streamNameRegex, ...common });
  throw new Error("unknown filter " + JSON.stringify(f));
}

// Reads a subscription until `count` events arrived; reports caught-up and checkpoints as they come.
async function follow(subscribe, count) {
  let received = 0;
  const subscription = subscribe();
  subscription.on("caughtUp", () => print({ kind: "caughtUp" }));
  for await (const resolved of subscription) {
    print(eventLine(resolved));
    if (++received >= count) break;
  }
  await subscription.unsubscribe();
}

// A partner's durable follower: saves the position of each event it handles and, when the connection breaks (the
// server restarts), subscribes again from the saved position. No event is delivered twice or skipped.
async function followAcrossRestarts({ fromPosition, count }) {
  let checkpoint = positionOf(fromPosition);
  let received = 0;
  while (received < count) {
    try {
      const subscription = db.subscribeToAll({ fromPosition: checkpoint });
      subscription.on("caughtUp", () => print({ kind: "caughtUp" }));
      for await (const resolved of subscription) {
        checkpoint = resolved.event.position;
        print(eventLine(resolved));
        if (++received >= count) break;
      }
      await subscription.unsubscribe();
    } catch (error) {
      print({ kind: "disconnected", message: String(error.message).split("\n")[0] });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const commands = {
  async readStream({ stream, direction, fromRevision = direction === "backwards" ? "end" : "start", maxCount = 1000, structured }) {
    const events = db.readStream(stream, {
      direction: direction === "backwards" ? BACKWARDS : FORWARDS,
      fromRevision: revisionOf(fromRevision),
      maxCount,
    });
    for await (const resolved of events) print(eventLine(resolved));
  },
  async readAll({ direction, fromPosition = direction === "backwards" ? "end" : "start", maxCount = 1000 }) {
    const events = db.readAll({
      direction: direction === "backwards" ? BACKWARDS : FORWARDS,
      fromPosition: positionOf(fromPosition),
      maxCount,
    });
    for await (const resolved of events) print(eventLine(resolved));
  },
  subscribeToStream: ({ stream, fromRevision = "start", count }) =>
    follow(() => db.subscribeToStream(stream, { fromRevision: revisionOf(fromRevision) }), count),
  subscribeToAll: ({ fromPosition = "start", filter, count }) =>
    follow(() => db.subscribeToAll({
      fromPosition: positionOf(fromPosition),
      filter: filterOf(filter),
    }), count),
  followAcrossRestarts,
  async deleteStream({ stream }) {
    await db.deleteStream(stream);
  },
  async tombstoneStream({ stream }) {
    await db.tombstoneStream(stream);
  },
  async setStreamMetadata({ stream, metadata }) {
    await db.setStreamMetadata(stream, metadata);
  },
  async append({ stream, expectedRevision = "any", events, credentials }) {
    const result = await db.appendToStream(
      stream,
      // descriptionLength: a description of that many characters, for events too large to pass on the command line.
      events.map((e) => jsonEvent({ id: e.id, type: e.type, metadata: e.metadata,
        data: e.descriptionLength ? { ...e.data, description: "x".repeat(e.descriptionLength) } : e.data })),
      // EventStoreDB's client takes expectedRevision; KurrentDB's renamed it streamState (and ignores the old name).
      { expectedRevision: expectedOf(expectedRevision), streamState: expectedOf(expectedRevision), credentials },
    );
    print({ kind: "appended", nextExpectedRevision: Number(result.nextExpectedRevision), position: position(result.position) });
  },
};

(async () => {
  try {
    if (!commands[command]) throw new Error("unknown command " + command);
    await commands[command](args);
    print({ kind: "done" });
  } catch (error) {
    print({
      kind: "error",
      name: error.constructor?.name,
      type: error.type ?? null,
      message: String(error.message),
      // Named expectedState/actualState by KurrentDB's client.
      expectedVersion: (error.expectedVersion ?? error.expectedState)?.toString() ?? null,
      actualVersion: (error.actualVersion ?? error.actualState)?.toString() ?? null,
    });
  } finally {
    await db.dispose();
  }
})();
