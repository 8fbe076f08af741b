// Service Bus emulator figures for `npm run bench`: start time, SDK throughput in both receive modes next to a
// bare rhea pair on the same loopback, and memory idle and with 100 client connections.
import { ServiceBusClient, type ServiceBusMessage } from "@azure/service-bus";
import rhea, { type EventContext } from "rhea";
import type { Server } from "node:net";
import { start } from "../runner/src/emulators/servicebus/index.js";
import { createQueue } from "../runner/src/emulators/servicebus/management/admin-client.js";
import { median, round, timeIt } from "./stats.js";

const MESSAGES = 20_000;
const BODY = "x".repeat(100);

async function fill(client: ServiceBusClient, queue: string, count: number): Promise<void> {
  const sender = client.createSender(queue);
  let sent = 0;
  while (sent < count) {
    const batch = await sender.createMessageBatch();
    while (sent < count && batch.tryAddMessage({ body: BODY } satisfies ServiceBusMessage)) sent++;
    await sender.sendMessages(batch);
  }
  await sender.close();
}

async function receiveAndDeleteRate(client: ServiceBusClient, queue: string): Promise<number> {
  const receiver = client.createReceiver(queue, { receiveMode: "receiveAndDelete" });
  let received = 0;
  const ms = await timeIt(async () => {
    while (received < MESSAGES) received += (await receiver.receiveMessages(2_000, { maxWaitTimeInMs: 1_000 })).length;
  });
  await receiver.close();
  return (received / ms) * 1000;
}

async function peekLockRate(client: ServiceBusClient, queue: string): Promise<number> {
  const receiver = client.createReceiver(queue);
  let completed = 0;
  const ms = await timeIt(
    () =>
      new Promise<void>((resolve, reject) => {
        const subscription = receiver.subscribe(
          {
            async processMessage(message) {
              await receiver.completeMessage(message);
              if (++completed === MESSAGES) void subscription.close().then(resolve);
            },
            async processError(args) {
              reject(args.error);
            },
          },
          { maxConcurrentCalls: 500, autoCompleteMessages: false },
        );
      }),
  );
  await receiver.close();
  return (completed / ms) * 1000;
}

/** The same loopback and the same rhea, without a broker: a client sender to a server receiver that accepts. */
async function bareRheaRate(): Promise<number> {
  const server = rhea.create_container({ id: "bench-bare-server" });
  const listener = server.listen({ port: 0, host: "127.0.0.1" } as never) as unknown as Server;
  await new Promise<void>((resolve) => listener.once("listening", () => resolve()));
  const port = (listener.address() as { port: number }).port;
  const client = rhea.create_container({ id: "bench-bare-client" });
  const connection = client.connect({ port, host: "127.0.0.1" });
  const ms = await timeIt(
    () =>
      new Promise<void>((resolve) => {
        let sent = 0;
        let accepted = 0;
        const sender = connection.open_sender("bench");
        sender.on("sendable", () => {
          while (sender.sendable() && sent < MESSAGES) {
            sender.send({ body: BODY });
            sent++;
          }
        });
        sender.on("accepted", (_ctx: EventContext) => {
          if (++accepted === MESSAGES) resolve();
        });
      }),
  );
  connection.close();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  return (MESSAGES / ms) * 1000;
}

function rssMb(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

export async function benchServiceBus(): Promise<Record<string, number>> {
  const startTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    let stop: () => Promise<void> = async () => undefined;
    startTimes.push(
      await timeIt(async () => {
        stop = (await start()).stop;
      }),
    );
    await stop();
  }

  const emulator = await start();
  const queueA = "bench-receive-and-delete";
  const queueB = "bench-peek-lock";
  await createQueue(emulator.adminUrl, queueA);
  await createQueue(emulator.adminUrl, queueB);
  // Memory first, before throughput runs leave garbage behind.
  const rssIdle = rssMb();
  const clients = Array.from({ length: 100 }, () => new ServiceBusClient(emulator.connectionString));
  await Promise.all(clients.map((c) => c.createReceiver(queueA).peekMessages(1)));
  const rss100 = rssMb();
  const connections = emulator.connectionCount();
  await Promise.all(clients.map((c) => c.close()));

  const client = new ServiceBusClient(emulator.connectionString);
  await fill(client, queueA, MESSAGES);
  const receiveAndDelete = await receiveAndDeleteRate(client, queueA);
  await fill(client, queueB, MESSAGES);
  const peekLock = await peekLockRate(client, queueB);
  const bare = await bareRheaRate();
  await client.close();
  await emulator.stop();

  return {
    startMsMedian: round(median(startTimes)),
    receiveAndDeleteMsgPerSec: Math.round(receiveAndDelete),
    peekLockCompleteMsgPerSec: Math.round(peekLock),
    bareRheaMsgPerSec: Math.round(bare),
    receiveAndDeleteVsBareRhea: round(receiveAndDelete / bare, 2),
    rssIdleMb: round(rssIdle),
    // Measured in one process: includes the 100 SDK clients as well as the broker's side of their connections.
    rssWith100ConnectionsMb: round(rss100),
    openConnections: connections,
  };
}
