// Service Bus emulator figures for `npm run bench`: start time, SDK throughput in both receive modes next to a
// bare rhea pair on the same loopback, and memory idle and with 100 client connections.
import { ServiceBusClient, type ServiceBusMessage } from "@azure/service-bus";
import rhea, { type EventContext } from "rhea";
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start } from "../runner/src/emulators/servicebus/index.js";
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

/** The same loopback and the same rhea, without a broker: a client sender to the host's bare receiver. */
async function bareRheaRate(port: number): Promise<number> {
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
  return (MESSAGES / ms) * 1000;
}

/** The emulator in a child process, as in the azlab server; the SDK here, as in a graded learner's process. */
async function startHost(queues: string[]): Promise<{ child: ChildProcess; connectionString: string; barePort: number }> {
  const child = fork(join(import.meta.dirname, "servicebus-host.ts"), queues, { execArgv: ["--import", "tsx"], stdio: ["ignore", "pipe", "inherit", "ipc"] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    child.once("exit", (code) => reject(new Error(`the emulator host exited with ${code}`)));
  });
  return { child, ...(JSON.parse(line) as { connectionString: string; barePort: number }) };
}

function childRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
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

  const queueA = "bench-receive-and-delete";
  const queueB = "bench-peek-lock";
  const host = await startHost([queueA, queueB]);
  const pid = host.child.pid!;
  // Memory of the emulator's process alone: idle, then holding 100 client connections.
  const rssIdle = childRssMb(pid);
  const clients = Array.from({ length: 100 }, () => new ServiceBusClient(host.connectionString));
  await Promise.all(clients.map((c) => c.createReceiver(queueA).peekMessages(1)));
  const rss100 = childRssMb(pid);
  host.child.send("connections");
  const connections = await new Promise<number>((resolve) => host.child.once("message", (m: { connections: number }) => resolve(m.connections)));
  await Promise.all(clients.map((c) => c.close()));

  const client = new ServiceBusClient(host.connectionString);
  await fill(client, queueA, MESSAGES);
  const receiveAndDelete = await receiveAndDeleteRate(client, queueA);
  await fill(client, queueB, MESSAGES);
  const peekLock = await peekLockRate(client, queueB);
  const bare = await bareRheaRate(host.barePort);
  await client.close();
  host.child.disconnect();
  await new Promise((resolve) => host.child.once("exit", resolve));

  return {
    startMsMedian: round(median(startTimes)),
    receiveAndDeleteMsgPerSec: Math.round(receiveAndDelete),
    peekLockCompleteMsgPerSec: Math.round(peekLock),
    bareRheaMsgPerSec: Math.round(bare),
    receiveAndDeleteVsBareRhea: round(receiveAndDelete / bare, 2),
    rssIdleMb: round(rssIdle),
    rssWith100ConnectionsMb: round(rss100),
    openConnections: connections,
  };
}
