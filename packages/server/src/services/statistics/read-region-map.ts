// 地区地图 (issue 11 §2): the operator's approved GeoJSON of a region's children, drawn beside the
// dashboard's region ranking. The platform ships no map (a published map of China needs approval), so a
// region has one only when the operator put its file in MAP_DIR. Read by whoever may read that region's
// dashboard; each version of a file is checked once, and a bad file is refused with one log line.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { findRegion, regionContains } from '@cmmm/reference';
import type { CachedRegionMap } from '../../caches.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canReadDashboard, type Actor } from '../../policy.ts';
import type { RegionMapVersion } from '../../storage/region-map-files.ts';

/** The nation's file: GB/T 2260 has no code for it (DataV's 100000_full.json, renamed). */
export const NATION_MAP_CODE = '000000';
/** A larger file is refused: a browser would spend seconds drawing it (simplify it, e.g. with mapshaper). */
export const MAP_MAX_BYTES = 32 * 1024 * 1024;

export type RegionMap = Extract<CachedRegionMap, { valid: true }>;

export async function readRegionMap(ctx: ServiceContext, actor: Actor | null, input: { region: string }): Promise<RegionMap> {
  const code = input.region === NATION_MAP_CODE ? null : input.region;
  authorize(actor, canReadDashboard(actor, code));
  if (code !== null && !findRegion(code)) {
    throw new AppError('UNKNOWN_REGION', `没有代码为 ${code} 的地区`, [{ code: 'UNKNOWN_REGION', path: 'region', message: `没有代码为 ${code} 的地区` }]);
  }
  let found: RegionMapVersion | null;
  try {
    found = await ctx.maps.find(input.region);
  } catch (err) {
    ctx.log.warn({ region: input.region, file: `${input.region}.json`, problem: ioProblem(err) }, 'region map unreadable (MAP_DIR)');
    throw new AppError('MAP_INVALID');
  }
  if (!found) throw new AppError('MAP_NOT_SUPPLIED');
  let map = ctx.caches.regionMaps.get(input.region);
  if (map?.version !== found.version) {
    const checked = await checkedMap(ctx, input.region, found);
    if (!checked) throw new AppError('MAP_NOT_SUPPLIED'); // removed between the two looks
    ctx.caches.regionMaps.set(input.region, checked);
    map = checked;
  }
  if (!map.valid) throw new AppError('MAP_INVALID');
  return map;
}

const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);

/** One version of a region's file, checked (and compressed once, for every request that follows); null when it is gone. */
async function checkedMap(ctx: ServiceContext, region: string, found: RegionMapVersion): Promise<CachedRegionMap | null> {
  const refuse = (version: string, problem: string): CachedRegionMap => {
    ctx.log.warn({ region, file: `${region}.json`, problem }, 'region map refused (MAP_DIR): not shown until the file is fixed');
    return { version, valid: false, problem };
  };
  if (found.size > MAP_MAX_BYTES) return refuse(found.version, `文件有 ${found.size} 字节，超过 ${MAP_MAX_BYTES / 1024 / 1024} MB 的上限，请先简化（如用 mapshaper）`);
  let file;
  try {
    file = await ctx.maps.read(region);
  } catch (err) {
    return refuse(found.version, ioProblem(err));
  }
  if (!file) return null;
  if (file.bytes.length > MAP_MAX_BYTES) return refuse(file.version, `文件超过 ${MAP_MAX_BYTES / 1024 / 1024} MB 的上限，请先简化（如用 mapshaper）`);
  const problem = regionMapProblem(file.bytes.toString('utf8'), region);
  if (problem) return refuse(file.version, problem);
  const [brotli, gzipped] = await Promise.all([toBrotli(file.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }), toGzip(file.bytes)]);
  const etag = `"${createHash('sha256').update(file.bytes).digest('base64url').slice(0, 27)}"`;
  return { version: file.version, valid: true, etag, body: file.bytes, brotli, gzip: gzipped };
}

const ioProblem = (err: unknown): string => `无法读取文件（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）`;

const REGION_CODE = /^\d{6}$/;
/** DataV marks the line of 南海诸岛 (part of an approved national map) as 100000_JD: drawn, without figures. */
const ANNOTATION_CODE = /^\d{6}_[A-Za-z]+$/;
const POLYGONS = new Set(['Polygon', 'MultiPolygon']);
const LINES = new Set(['LineString', 'MultiLineString']);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isPosition = (x: unknown): boolean => Array.isArray(x) && x.length >= 2 && x.every((n) => typeof n === 'number' && Number.isFinite(n));
const isLine = (x: unknown): boolean => Array.isArray(x) && x.every(isPosition);
const isPolygon = (x: unknown): boolean => Array.isArray(x) && x.length > 0 && x.every(isLine);
const isMultiOf = (each: (x: unknown) => boolean) => (x: unknown): boolean => Array.isArray(x) && x.length > 0 && x.every(each);
const COORDINATES: Record<string, (x: unknown) => boolean> = { Polygon: isPolygon, MultiPolygon: isMultiOf(isPolygon), LineString: isLine, MultiLineString: isMultiOf(isLine) };

/** A feature's GB/T 2260 code, as DataV writes it (`properties.adcode`, often a number) or as `properties.code`. */
export function featureCodeOf(properties: Record<string, unknown>): string | null {
  const raw = properties.adcode ?? properties.code;
  return typeof raw === 'number' || typeof raw === 'string' ? String(raw) : null;
}

/**
 * What is wrong with a region's map file (null: nothing), in Chinese, naming the feature: a GeoJSON
 * FeatureCollection whose every feature is a polygon of a region inside `region` (000000: anywhere) carrying
 * its 6-digit code, or an annotation such as DataV's 100000_JD line (a code of 6 digits, '_' and letters).
 */
export function regionMapProblem(text: string, region: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return '不是有效的 JSON';
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) return '不是 GeoJSON FeatureCollection（须有 "type": "FeatureCollection" 和 features 数组）';
  let regions = 0;
  for (const [i, feature] of doc.features.entries()) {
    const which = `第 ${i + 1} 个要素（features[${i}]）`;
    if (!isObject(feature) || feature.type !== 'Feature') return `${which}不是 GeoJSON Feature`;
    if (!isObject(feature.properties)) return `${which}没有 properties`;
    const code = featureCodeOf(feature.properties);
    if (code === null) return `${which}没有地区代码（properties.adcode 或 properties.code）`;
    const geometry = feature.geometry;
    if (!isObject(geometry) || typeof geometry.type !== 'string') return `${which}（${code}）没有几何形状（geometry）`;
    if (REGION_CODE.test(code)) {
      if (region !== NATION_MAP_CODE && !regionContains(region, code)) return `${which}的地区代码 ${code} 不在 ${region} 之内：文件名须为它所画地区的上级地区代码`;
      if (!POLYGONS.has(geometry.type)) return `${which}（${code}）的几何形状须为 Polygon 或 MultiPolygon，收到 ${geometry.type}`;
      regions += 1;
    } else if (ANNOTATION_CODE.test(code)) {
      if (!POLYGONS.has(geometry.type) && !LINES.has(geometry.type)) return `${which}（${code}）的几何形状须为 Polygon、MultiPolygon、LineString 或 MultiLineString，收到 ${geometry.type}`;
    } else {
      return `${which}的地区代码「${code.slice(0, 40)}」不是 6 位数字（GB/T 2260 行政区划代码）`;
    }
    if (!COORDINATES[geometry.type]!(geometry.coordinates)) return `${which}（${code}）的坐标（coordinates）不是 ${geometry.type} 的有效坐标`;
  }
  return regions > 0 ? null : '没有任何带 6 位地区代码的地区要素';
}
