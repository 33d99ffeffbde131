import { describe, expect, it } from 'vitest';
import {
  IMPORTED_NAME, MAX_IMPORT_BYTES, exportFileName, exportFileText, fileStem, formatBytes, importSizeProblem, rawFileName, scenarioNameFromFile,
} from '../../../web/share/scenario-file.ts';

describe('scenario file names (issue 5 item 4, import/export)', () => {
  it.each([
    ['Demo', 'Demo.ecs-sandbox.json'],
    ['  web  tier  ', 'web tier.ecs-sandbox.json'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j.ecs-sandbox.json'],
    ['tab\there', 'tab here.ecs-sandbox.json'], // a tab is whitespace: collapsed, not replaced
    ['../etc', 'etc.ecs-sandbox.json'], // no leading dots or dashes: never a hidden file or a path
    ['...', 'scenario.ecs-sandbox.json'],
    ['', 'scenario.ecs-sandbox.json'],
  ])('export of %j is %s', (name, file) => {
    expect(exportFileName(name)).toBe(file);
  });

  it('keeps the stem within the 100-character name limit', () => {
    expect(fileStem('x'.repeat(150))).toHaveLength(100);
  });

  it('names the raw data of a damaged record after the scenario', () => {
    expect(rawFileName('Broken one')).toBe('Broken one.raw.json');
  });

  it.each([
    ['Demo.ecs-sandbox.json', 'Demo'],
    ['DEMO.ECS-SANDBOX.JSON', 'DEMO'],
    ['staging.json', 'staging'],
    ['Broken one.raw.json', 'Broken one'],
    ['C:\\Users\\me\\Downloads\\prod copy.ecs-sandbox.json', 'prod copy'],
    ['/home/me/notes.txt', 'notes.txt'],
    ['.json', IMPORTED_NAME],
    ['   .ecs-sandbox.json', IMPORTED_NAME],
  ])('an imported %s is named %j', (file, name) => {
    expect(scenarioNameFromFile(file)).toBe(name);
  });

  it('shortens a long file name to the 100-character name limit', () => {
    expect(scenarioNameFromFile(`${'n'.repeat(120)}.json`)).toBe('n'.repeat(100));
  });
});

describe('the import size guard', () => {
  it('is 8 MB', () => {
    expect(MAX_IMPORT_BYTES).toBe(8 * 1024 * 1024);
  });

  it.each([
    [0, undefined],
    [MAX_IMPORT_BYTES, undefined],
    // 8 MB + 1 byte: 8.0000009… MB reads as 8 MB
    [MAX_IMPORT_BYTES + 1, 'big.json is 8 MB; scenario files over 8 MB are not imported. Nothing was changed.'],
    // 12.5 × 1,048,576 = 13,107,200
    [13_107_200, 'big.json is 12.5 MB; scenario files over 8 MB are not imported. Nothing was changed.'],
  ])('%i bytes → %j', (bytes, problem) => {
    expect(importSizeProblem('big.json', bytes)).toBe(problem);
  });

  it.each([
    [20, '20 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'], // 1536 / 1024
    [5 * 1024 * 1024, '5 MB'],
  ])('formats %i as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('the export file text', () => {
  it('is ExportScenario output as 2-space JSON with a final newline, and reads back as the same value', () => {
    const exported = { scenario: { schemaVersion: 2, seed: 7, regions: {} } };
    const text = exportFileText(exported);
    expect(text).toBe('{\n  "scenario": {\n    "schemaVersion": 2,\n    "seed": 7,\n    "regions": {}\n  }\n}\n');
    expect(JSON.parse(text)).toEqual(exported);
  });
});
