import { meshArea } from '../geometry/closestPoint';
import { meshVertexNormals } from '../head/meshTools';
import { principalAxes } from './align';
import type { ScanMesh } from './scanMesh';
import { message, TextError } from '../textError';

/**
 * Making a scan as read from a file fit to draw and to align: welding split vertices, merging
 * duplicates, simplifying very large scans, and refusing files that are not a usable surface.
 * Everything works on flat typed arrays in linear passes, since scans run to millions of triangles.
 */

/**
 * Numbers the distinct rows of `width` int32s (ids by first appearance) with an open-addressing hash
 * table: a JavaScript Map with string keys is several times slower at a million rows.
 */
function rowIds(data: Int32Array, width: number): { ids: Uint32Array; count: number } {
  const rows = data.length / width;
  let capacity = 16;
  while (capacity < 2 * rows) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const firstRow = new Uint32Array(rows);
  const ids = new Uint32Array(rows);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * width;
    let h = 0x811c9dc5;
    for (let k = 0; k < width; k++) {
      h = Math.imul(h ^ data[o + k]!, 0x9e3779b1);
      h ^= h >>> 15;
    }
    let slot = (h ^ (h >>> 13)) & mask;
    for (;;) {
      const id = table[slot]!;
      if (id < 0) {
        table[slot] = count;
        firstRow[count] = r;
        ids[r] = count++;
        break;
      }
      const f = firstRow[id]! * width;
      let same = true;
      for (let k = 0; k < width && same; k++) same = data[f + k] === data[o + k];
      if (same) {
        ids[r] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { ids, count };
}

function boundingBox(positions: Float32Array): { min: [number, number, number]; diagonal: number } {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = positions[i + k]!;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
    }
  }
  return { min, diagonal: Math.hypot(max[0]! - min[0], max[1]! - min[1], max[2]! - min[2]) };
}

/** Triangles whose three (remapped) corners differ, with their corners renumbered by `ids`. */
function remapTriangles(indices: Uint32Array, ids: Uint32Array): Uint32Array {
  const out = new Uint32Array(indices.length);
  let n = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = ids[indices[t]!]!, b = ids[indices[t + 1]!]!, c = ids[indices[t + 2]!]!;
    if (a === b || b === c || a === c) continue;
    out[n++] = a; out[n++] = b; out[n++] = c;
  }
  return out.slice(0, n);
}

/**
 * Smooth per-vertex normals for drawing, averaged over all vertices at the same place (positions
 * quantised to 1e-6 of the bounding-box diagonal), so a scan split at UV seams, or an STL with no
 * shared vertices at all, shades smooth instead of faceted. One normal per original vertex.
 */
export function weldForShading(positions: Float32Array, indices: Uint32Array): Float32Array {
  const { min, diagonal } = boundingBox(positions);
  const cell = diagonal * 1e-6 || 1;
  const keys = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) keys[i] = Math.round((positions[i]! - min[i % 3]!) / cell);
  const { ids, count } = rowIds(keys, 3);
  const welded = new Float32Array(3 * count);
  for (let v = 0; v < ids.length; v++) {
    const w = 3 * ids[v]!;
    welded[w] = positions[3 * v]!; welded[w + 1] = positions[3 * v + 1]!; welded[w + 2] = positions[3 * v + 2]!;
  }
  const weldedIndices = new Uint32Array(indices.length);
  for (let i = 0; i < indices.length; i++) weldedIndices[i] = ids[indices[i]!]!;
  const weldedNormals = meshVertexNormals(welded, weldedIndices);
  const normals = new Float32Array(positions.length);
  for (let v = 0; v < ids.length; v++) {
    const w = 3 * ids[v]!;
    normals[3 * v] = weldedNormals[w]!; normals[3 * v + 1] = weldedNormals[w + 1]!; normals[3 * v + 2] = weldedNormals[w + 2]!;
  }
  return normals;
}

/**
 * Merge vertices at exactly the same position (and with the same uv, where the mesh has uvs, so texture
 * seams stay), averaging their colours, and drop the triangles that collapse: a triangle soup such as
 * an STL becomes an indexed mesh.
 */
export function mergeDuplicateVertices(mesh: ScanMesh): ScanMesh {
  const { positions, uvs, colors } = mesh;
  const vertexCount = positions.length / 3;
  const width = uvs ? 5 : 3;
  const rows = new Float32Array(vertexCount * width);
  for (let v = 0; v < vertexCount; v++) {
    // `+ 0` turns -0 into +0, which compare equal but differ in bits.
    for (let k = 0; k < 3; k++) rows[v * width + k] = positions[3 * v + k]! + 0;
    if (uvs) {
      rows[v * width + 3] = uvs[2 * v]! + 0;
      rows[v * width + 4] = uvs[2 * v + 1]! + 0;
    }
  }
  const { ids, count } = rowIds(new Int32Array(rows.buffer), width);
  const outPositions = new Float32Array(3 * count);
  const outUvs = uvs ? new Float32Array(2 * count) : undefined;
  for (let v = 0; v < vertexCount; v++) {
    const id = ids[v]!;
    outPositions[3 * id] = positions[3 * v]!; outPositions[3 * id + 1] = positions[3 * v + 1]!; outPositions[3 * id + 2] = positions[3 * v + 2]!;
    if (outUvs) {
      outUvs[2 * id] = uvs![2 * v]!; outUvs[2 * id + 1] = uvs![2 * v + 1]!;
    }
  }
  const out: ScanMesh = { positions: outPositions, indices: remapTriangles(mesh.indices, ids) };
  if (colors) out.colors = averagePerCluster(ids, count, (v, c) => colors[3 * v + c]!);
  if (outUvs) out.uvs = outUvs;
  if (mesh.texture) out.texture = mesh.texture;
  return out;
}

/** Per-cluster mean of a per-vertex RGB. */
function averagePerCluster(ids: Uint32Array, count: number, rgb: (vertex: number, channel: number) => number): Float32Array {
  const sum = new Float64Array(3 * count);
  const n = new Uint32Array(count);
  for (let v = 0; v < ids.length; v++) {
    const id = ids[v]!;
    n[id] = n[id]! + 1;
    for (let c = 0; c < 3; c++) sum[3 * id + c] = sum[3 * id + c]! + rgb(v, c);
  }
  const out = new Float32Array(3 * count);
  for (let i = 0; i < out.length; i++) out[i] = sum[i]! / (n[(i / 3) | 0] || 1);
  return out;
}

/** Vertex clusters of a uniform grid with cells of size `cell`: a cluster id per vertex. */
function clusterByGrid(positions: Float32Array, min: [number, number, number], cell: number): { ids: Uint32Array; count: number } {
  const keys = new Int32Array(positions.length);
  for (let i = 0; i < positions.length; i++) keys[i] = Math.floor((positions[i]! - min[i % 3]!) / cell);
  return rowIds(keys, 3);
}

function countKeptTriangles(indices: Uint32Array, ids: Uint32Array): number {
  let n = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = ids[indices[t]!]!, b = ids[indices[t + 1]!]!, c = ids[indices[t + 2]!]!;
    if (a !== b && b !== c && a !== c) n++;
  }
  return n;
}

/**
 * Simplify to about `targetTriangles` by vertex clustering on a uniform grid: every vertex in a cell
 * moves to the mean of the cell's vertices and the triangles that collapse or repeat are dropped. Far
 * cruder than edge collapse near sharp features, but linear and a few seconds at millions of triangles,
 * and scans of heads are smooth at the cell sizes used. The cell size starts from the surface area
 * (about 1.5 A / h² cells are occupied, two triangles per vertex) and is corrected from the count it
 * gives, a few times. Clustering joins vertices across UV seams, so the result carries no uvs: its
 * colours are averaged from the vertex colours, or from `sampleTexture` at the uvs where given.
 * A mesh already within the target is returned as it is.
 */
export function simplifyMesh(mesh: ScanMesh, targetTriangles: number, sampleTexture?: (u: number, v: number) => [number, number, number]): ScanMesh {
  const { positions, indices } = mesh;
  if (indices.length / 3 <= targetTriangles) return mesh;
  const { min } = boundingBox(positions);
  const area = meshArea(positions, indices);
  let cell = Math.sqrt((3 * area) / targetTriangles);
  let best: { ids: Uint32Array; count: number; miss: number } | null = null;
  for (let pass = 0; pass < 6; pass++) {
    const clusters = clusterByGrid(positions, min, cell);
    const kept = countKeptTriangles(indices, clusters.ids);
    const miss = Math.abs(kept / targetTriangles - 1);
    if (!best || miss < best.miss) best = { ...clusters, miss };
    if (miss < 0.03 || kept === 0) break;
    // The triangle count goes as 1 / cell².
    cell *= Math.sqrt(kept / targetTriangles);
  }
  const { ids, count } = best!;

  const triangles = remapTriangles(indices, ids);
  // Drop repeats of a triangle (either winding), which clustering makes where thin parts fold together.
  const sorted = new Int32Array(triangles.length);
  for (let t = 0; t < triangles.length; t += 3) {
    const a = triangles[t]!, b = triangles[t + 1]!, c = triangles[t + 2]!;
    sorted[t] = Math.min(a, b, c);
    sorted[t + 2] = Math.max(a, b, c);
    sorted[t + 1] = a + b + c - sorted[t]! - sorted[t + 2]!;
  }
  const triangleIds = rowIds(sorted, 3);
  const seen = new Uint8Array(triangleIds.count);
  // Clusters no kept triangle uses get no vertex.
  const vertexOf = new Int32Array(count).fill(-1);
  let vertexCount = 0;
  const outIndices = new Uint32Array(3 * triangleIds.count);
  let n = 0;
  for (let t = 0; t < triangles.length / 3; t++) {
    const id = triangleIds.ids[t]!;
    if (seen[id]) continue;
    seen[id] = 1;
    for (let k = 0; k < 3; k++) {
      const c = triangles[3 * t + k]!;
      if (vertexOf[c]! < 0) vertexOf[c] = vertexCount++;
      outIndices[n++] = vertexOf[c]!;
    }
  }
  const outIds = new Uint32Array(ids.length);
  let firstUnused = vertexCount;
  // Vertices of unused clusters go past the end, so one averaging pass serves both and is then cut.
  for (let c = 0; c < count; c++) if (vertexOf[c]! < 0) vertexOf[c] = firstUnused++;
  for (let v = 0; v < ids.length; v++) outIds[v] = vertexOf[ids[v]!]!;
  const outPositions = averagePerCluster(outIds, count, (v, c) => positions[3 * v + c]!).slice(0, 3 * vertexCount);
  const out: ScanMesh = { positions: outPositions, indices: outIndices };
  const { uvs, colors } = mesh;
  if (sampleTexture && uvs) {
    const sampled = new Float32Array(positions.length);
    for (let v = 0; v < ids.length; v++) sampled.set(sampleTexture(uvs[2 * v]!, uvs[2 * v + 1]!), 3 * v);
    out.colors = averagePerCluster(outIds, count, (v, c) => sampled[3 * v + c]!).slice(0, 3 * vertexCount);
  } else if (colors) {
    out.colors = averagePerCluster(outIds, count, (v, c) => colors[3 * v + c]!).slice(0, 3 * vertexCount);
  }
  return out;
}

/**
 * Refuse, with a message for the user, a scan that cannot be aligned or drawn: no triangles, numbers
 * that are not finite, indices past the vertices, or no real extent in three dimensions (a point, a
 * line or a flat sheet).
 */
export function validateScan(mesh: ScanMesh): void {
  const { positions, indices } = mesh;
  if (indices.length < 3 || positions.length < 9) throw new TextError(message('scan.mesh.noTriangles'), 'The scan has no triangles: the file holds no surface to align.');
  if (indices.length % 3 !== 0 || positions.length % 3 !== 0) throw new TextError(message('scan.mesh.malformed'), 'The scan is malformed: its vertex or triangle lists are incomplete.');
  for (let i = 0; i < positions.length; i++) {
    if (!Number.isFinite(positions[i]!)) throw new TextError(message('scan.mesh.notNumbers'), 'The scan is damaged: some of its vertex coordinates are not numbers.');
  }
  const vertexCount = positions.length / 3;
  for (let i = 0; i < indices.length; i++) {
    if (indices[i]! >= vertexCount) throw new TextError(message('scan.mesh.badVertex', { vertex: indices[i]!, vertices: vertexCount }), `The scan is damaged: a triangle refers to vertex ${indices[i]}, but there are only ${vertexCount} vertices.`);
  }
  const { diagonal } = boundingBox(positions);
  if (!(diagonal > 0) || !(meshArea(positions, indices) > 0)) throw new TextError(message('scan.mesh.noSize'), 'The scan has no size: all its points are at the same place.');
  // A head has depth in every direction; the thinnest principal spread of a flat sheet or a line is ~0.
  const { variances } = principalAxes(positions);
  if (Math.sqrt(Math.max(variances[2]!, 0) / variances[0]!) < 0.01) throw new TextError(message('scan.mesh.flat'), 'The scan is flat (all its points lie on a plane or a line), so it cannot be a head.');
}
