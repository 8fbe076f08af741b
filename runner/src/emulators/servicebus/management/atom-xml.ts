// The Atom/XML shapes ServiceBusAdministrationClient exchanges with a namespace (entries, feeds, descriptions),
// read from what its serializers require. Reading is by element name: the client sends flat descriptions.

const SB_NS = "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const COUNTS_NS = "http://schemas.microsoft.com/netservices/2011/06/servicebus";

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The root element inside <content> (QueueDescription, TopicDescription, ...), or undefined. */
export function descriptionKind(xml: string): string | undefined {
  return /<content[^>]*>\s*<(?:\w+:)?(\w+Description)\b/.exec(xml)?.[1];
}

/** Text of the first element with this local name, anywhere in `xml`. */
export function elementText(xml: string, name: string): string | undefined {
  const match = new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(xml);
  return match ? unescapeXml(match[1]!) : undefined;
}

/** The whole first element with this local name (attributes and children), for nested reads. */
export function elementBlock(xml: string, name: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${name}(?:\\s[^>]*)?>[\\s\\S]*?</(?:\\w+:)?${name}>`).exec(xml)?.[0];
}

/** The i:type of an element (Filter / Action), e.g. "SqlFilter". */
export function elementType(block: string): string | undefined {
  return /\b\w*:?type="(?:\w+:)?(\w+)"/.exec(block.slice(0, block.indexOf(">") + 1))?.[1];
}

/** Key/value pairs of a correlation filter's Properties (KeyValueOfstringanyType items). */
export function keyValues(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pair = /<(?:\w+:)?Key>([\s\S]*?)<\/(?:\w+:)?Key>\s*<(?:\w+:)?Value[^>]*>([\s\S]*?)<\/(?:\w+:)?Value>/g;
  for (let m = pair.exec(block); m; m = pair.exec(block)) out[unescapeXml(m[1]!)] = unescapeXml(m[2]!);
  return out;
}

export type Fields = [string, string | number | boolean | undefined][];

function fieldsXml(fields: Fields): string {
  return fields
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
    .join("");
}

export function countDetailsXml(counts: { active: number; deadLetter: number; scheduled: number }): string {
  return (
    `<CountDetails xmlns:d2p1="${COUNTS_NS}">` +
    `<d2p1:ActiveMessageCount>${counts.active}</d2p1:ActiveMessageCount>` +
    `<d2p1:DeadLetterMessageCount>${counts.deadLetter}</d2p1:DeadLetterMessageCount>` +
    `<d2p1:ScheduledMessageCount>${counts.scheduled}</d2p1:ScheduledMessageCount>` +
    `<d2p1:TransferMessageCount>0</d2p1:TransferMessageCount>` +
    `<d2p1:TransferDeadLetterMessageCount>0</d2p1:TransferDeadLetterMessageCount>` +
    `</CountDetails>`
  );
}

/** One Atom entry; `id` is the entity URL the client takes names from. */
export function entryXml(id: string, title: string, kind: string, inner: string): string {
  const now = new Date().toISOString();
  return (
    `<entry xmlns="http://www.w3.org/2005/Atom"><id>${escapeXml(id)}</id><title type="text">${escapeXml(title)}</title>` +
    `<published>${now}</published><updated>${now}</updated>` +
    `<content type="application/xml"><${kind} xmlns="${SB_NS}" xmlns:i="${XSI_NS}">${inner}</${kind}></content></entry>`
  );
}

export function feedXml(id: string, entries: string[]): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${escapeXml(id)}</id>` +
    `<title type="text">${escapeXml(id)}</title><updated>${new Date().toISOString()}</updated>${entries.join("")}</feed>`
  );
}

export function errorXml(code: number, detail: string): string {
  return `<Error><Code>${code}</Code><Detail>${escapeXml(detail)}</Detail></Error>`;
}

export { fieldsXml };
