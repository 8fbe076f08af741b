// "Did you mean ...?" for unknown lab ids: the known id with the smallest edit distance.
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function closestId(wanted: string, known: string[]): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const id of known) {
    const distance = id.includes(wanted) || wanted.includes(id) ? 1 : editDistance(wanted, id);
    if (!best || distance < best.distance) best = { id, distance };
  }
  return best && best.distance <= Math.max(3, Math.floor(wanted.length / 2)) ? best.id : undefined;
}
