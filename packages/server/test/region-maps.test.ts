// 地区地图 (issue 11 §2): the operator's GeoJSON of a region (MAP_DIR) answered to whoever may read that
// region's dashboard — as supplied, compressed, revalidated by its tag; a region without a file answers
// MAP_NOT_SUPPLIED, a bad file MAP_INVALID with one log line and no stack, a path never leaves the directory.
// The maps are made-up squares (region-map-fixtures.ts): the platform ships no map of China.
import { request as httpRequest } from 'node:http';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionMapProblem } from '../src/services/statistics/read-region-map.ts';
import { fsRegionMapFiles } from '../src/storage/region-map-files.ts';
import { adminClient, Client, registeredClient, staffClient, testDatabases, usePlatform } from './harness.ts';
import { mapDir, squareMap } from './region-map-fixtures.ts';

const NATION = squareMap([{ code: 110000 }, { code: '320000', key: 'code' }, { code: 440000 }]);
const JIANGSU = squareMap([{ code: 320100 }, { code: 320200 }, { code: 320500 }]);
const WUXI = squareMap([{ code: 320205 }, { code: 320214, name: '新吴区' }]);

/** GET with only the headers given and the path exactly as given (fetch would resolve dot segments, add or undo encodings). */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = httpRequest({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('a region map file, checked (regionMapProblem)', () => {
  const feature = (properties: Record<string, unknown>, geometry: unknown = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }) => ({ type: 'Feature', properties, geometry });
  const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

  it('takes DataV\'s numeric adcode, a string code, a byte order mark and DataV\'s 100000_JD line', () => {
    expect(regionMapProblem(JSON.stringify(NATION), '000000')).toBeNull();
    expect(regionMapProblem(`\uFEFF${JSON.stringify(JIANGSU)}`, '320000')).toBeNull();
    expect(regionMapProblem(collection(feature({ adcode: 110000 }), feature({ adcode: '100000_JD' }, { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] })), '000000')).toBeNull();
    // a municipality's file may draw its counties: they lie inside it too
    expect(regionMapProblem(collection(feature({ adcode: 110101 }), feature({ adcode: 110108 })), '110000')).toBeNull();
  });

  it('names what is wrong, and which feature', () => {
    expect(regionMapProblem('{"type":', '000000')).toBe('不是有效的 JSON');
    expect(regionMapProblem('[]', '000000')).toMatch(/^不是 GeoJSON FeatureCollection/);
    expect(regionMapProblem(JSON.stringify({ type: 'Feature', properties: {}, geometry: null }), '000000')).toMatch(/^不是 GeoJSON FeatureCollection/);
    expect(regionMapProblem(collection(), '000000')).toBe('没有任何带 6 位地区代码的地区要素');
    expect(regionMapProblem(collection(feature({ adcode: 110000 }), feature({ name: '无代码' })), '000000')).toBe('第 2 个要素（features[1]）没有地区代码（properties.adcode 或 properties.code）');
    expect(regionMapProblem(collection(feature({ adcode: 11000 })), '000000')).toBe('第 1 个要素（features[0]）的地区代码「11000」不是 6 位数字（GB/T 2260 行政区划代码）');
    expect(regionMapProblem(collection(feature({ adcode: '../../etc' })), '000000')).toMatch(/不是 6 位数字/);
    expect(regionMapProblem(collection(feature({ adcode: 320500 }), feature({ adcode: 330100 })), '320000')).toBe('第 2 个要素（features[1]）的地区代码 330100 不在 320000 之内：文件名须为它所画地区的上级地区代码');
    expect(regionMapProblem(collection(feature({ adcode: 110000 }, null)), '000000')).toBe('第 1 个要素（features[0]）（110000）没有几何形状（geometry）');
    expect(regionMapProblem(collection(feature({ adcode: 110000 }, { type: 'Point', coordinates: [0, 0] })), '000000')).toBe('第 1 个要素（features[0]）（110000）的几何形状须为 Polygon 或 MultiPolygon，收到 Point');
    expect(regionMapProblem(collection(feature({ adcode: 110000 }, { type: 'Polygon', coordinates: [[[0, 'x']]] })), '000000')).toMatch(/的坐标（coordinates）不是 Polygon 的有效坐标$/);
    expect(regionMapProblem(collection(feature({ adcode: 110000 }, { type: 'MultiPolygon', coordinates: [] })), '000000')).toMatch(/不是 MultiPolygon 的有效坐标$/);
    expect(regionMapProblem(collection(feature({ adcode: 110000 }), { type: 'Feature', properties: null, geometry: null }), '000000')).toBe('第 2 个要素（features[1]）没有 properties');
  });
});

describe.each(testDatabases)('地区地图 on the $name database', ({ open }) => {
  const maps = mapDir();
  const logged: { obj: Record<string, unknown>; msg?: string }[] = [];
  const log = { info: () => {}, warn: (obj: object, msg?: string) => void logged.push({ obj: obj as Record<string, unknown>, msg }) };
  const p = usePlatform(open, {}, { maps: fsRegionMapFiles(maps.dir), log });
  let admin: Client;
  let wuxi: Client;

  beforeAll(async () => {
    await maps.write({ '000000.json': NATION, '320000.json': JIANGSU, '320200.json': WUXI, '440000.json': '{"type": "FeatureCollection", "features": [', '330000.json': squareMap([{ code: 320500 }]) });
    // a directory named like a map, and a file just outside the map directory
    await mkdir(join(maps.dir, '350000.json'));
    await writeFile(`${maps.dir}-outside.json`, JSON.stringify(NATION));
    admin = await adminClient(p);
    wuxi = (await staffClient(p, 'region_admin', '320200')).client;
  });
  afterAll(async () => {
    await maps.remove();
    await rm(`${maps.dir}-outside.json`, { force: true });
  });

  it('answers the operator\'s file as it is, privately cacheable, with an entity tag', async () => {
    const res = await admin.get('/api/dashboard/maps/000000');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(NATION);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect((await admin.get('/api/dashboard/maps/320000')).body).toEqual(JIANGSU);

    const cookie = `cmmm_session=${admin.cookie('cmmm_session')}`;
    const plain = await rawGet(p.base, '/api/dashboard/maps/000000', { cookie });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.toString()).toBe(JSON.stringify(NATION));
    const gzipped = await rawGet(p.base, '/api/dashboard/maps/000000', { cookie, 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/);
    expect((await rawGet(p.base, '/api/dashboard/maps/000000', { cookie, 'accept-encoding': 'br, gzip' })).headers['content-encoding']).toBe('br');
    // the browser revalidates with the tag: 304, after the same authorization
    expect((await rawGet(p.base, '/api/dashboard/maps/000000', { cookie, 'if-none-match': etag })).status).toBe(304);
    expect((await rawGet(p.base, '/api/dashboard/maps/000000', { cookie, 'if-none-match': '"something-else"' })).status).toBe(200);
    expect((await rawGet(p.base, '/api/dashboard/maps/000000', { 'if-none-match': etag })).status).toBe(401);
  });

  it('answers MAP_NOT_SUPPLIED where the operator put no file (or something that is not a file)', async () => {
    for (const region of ['110000', '320214', '350000']) {
      const res = await admin.get<{ error: { code: string } }>(`/api/dashboard/maps/${region}`);
      expect(res.status, region).toBe(404);
      expect(res.body.error.code, region).toBe('MAP_NOT_SUPPLIED');
    }
  });

  it('tells in the dashboard whether its region has a map, so a page without one asks for none', async () => {
    const supplied = async (query: string) => (await admin.get<{ regionMap?: boolean }>(`/api/dashboard${query}`)).body.regionMap;
    expect(await supplied('')).toBe(true); // 000000.json, the nation's
    expect(await supplied('?region=320000')).toBe(true);
    expect(await supplied('?region=110000')).toBe(false);
    expect(await supplied('?region=320214')).toBe(false);
  });

  it('refuses a bad file with MAP_INVALID and one log line, no stack; a fixed file is served at once', async () => {
    logged.length = 0;
    for (const region of ['440000', '330000', '440000']) {
      const res = await admin.get<{ error: { code: string; message: string } }>(`/api/dashboard/maps/${region}`);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: { code: 'MAP_INVALID', message: '平台运营方提供的该地区地图文件有误，暂不能显示，请联系平台运营方' } });
    }
    // once per version of each file, however often it is asked for
    expect(logged.map((l) => [l.obj.region, l.obj.problem])).toEqual([
      ['440000', '不是有效的 JSON'],
      ['330000', '第 1 个要素（features[0]）的地区代码 320500 不在 330000 之内：文件名须为它所画地区的上级地区代码'],
    ]);
    expect(JSON.stringify(logged)).not.toMatch(/\bat \S+:\d+/);

    await maps.write({ '440000.json': squareMap([{ code: 440100 }, { code: 440300 }]) });
    const fixed = await admin.get('/api/dashboard/maps/440000');
    expect(fixed.status).toBe(200);
    expect(fixed.body).toEqual(squareMap([{ code: 440100 }, { code: 440300 }]));
    // and a replaced file is answered as it is now, not as it was
    await maps.write({ '440000.json': squareMap([{ code: 440300 }]) });
    expect((await admin.get('/api/dashboard/maps/440000')).body).toEqual(squareMap([{ code: 440300 }]));
  });

  it('takes six digits and nothing else: no way out of the map directory', async () => {
    const cookie = `cmmm_session=${admin.cookie('cmmm_session')}`;
    const outside = `${basename(maps.dir)}-outside`; // `${region}.json` would name the file beside the directory
    const answer = async (path: string) => {
      const res = await rawGet(p.base, `/api/dashboard/maps/${path}`, { cookie });
      return `${res.status} ${(JSON.parse(res.bytes.toString()) as { error: { code: string } }).error.code}`;
    };
    for (const path of [`..%2F${outside}`, '..%2F..%2Fetc%2Fpasswd', '..', '%2E%2E', '00000', '0000000', '000000.json', '32000a', '%00320000', '%20320000', '320000%2F..%2F000000', '%EF%BC%93%EF%BC%92%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90']) {
      expect(await answer(path), path).toBe('400 VALIDATION');
    }
    // a separator ends the parameter: no route takes the rest
    expect(await answer(`../${outside}`)).toBe('404 NOT_FOUND');
    // six digits that are no region
    expect(await answer('990000')).toBe('400 UNKNOWN_REGION');
  });

  it('is for those who may read the region\'s dashboard: a region admin its own region and below', async () => {
    const codeOf = async (client: Client, region: string) => {
      const res = await client.get<{ error?: { code: string } }>(`/api/dashboard/maps/${region}`);
      return res.status === 200 ? 'OK' : `${res.status} ${res.body.error?.code}`;
    };
    expect(await codeOf(wuxi, '320200')).toBe('OK');
    expect(await codeOf(wuxi, '320214')).toBe('404 MAP_NOT_SUPPLIED'); // inside: allowed, no file
    expect(await codeOf(wuxi, '320000')).toBe('403 FORBIDDEN'); // above it
    expect(await codeOf(wuxi, '000000')).toBe('403 FORBIDDEN'); // the nation
    expect(await codeOf(wuxi, '440000')).toBe('403 FORBIDDEN'); // a neighbour, even with a bad file
    expect(await codeOf(wuxi, '110000')).toBe('403 FORBIDDEN'); // a neighbour without a file: no telling which exist
    const enterprise = (await registeredClient(p)).client;
    expect(await codeOf(enterprise, '320200')).toBe('403 FORBIDDEN');
    expect(await codeOf(new Client(p.base), '000000')).toBe('401 NOT_AUTHENTICATED');
  });
});
